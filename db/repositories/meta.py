"""Library-wide settings and provenance (title, dataset version, ...)."""

from __future__ import annotations

from sqlalchemy import select

from db import models
from db.repositories.base import Repository


class MetaRepository(Repository):
    def get(self, name: str, default: str = "") -> str:
        row = self.session.get(models.LibraryMeta, name)
        return row.value if row is not None else default

    def set(self, name: str, value: str) -> None:
        row = self.session.get(models.LibraryMeta, name)
        if row is None:
            self.session.add(models.LibraryMeta(name=name, value=value))
        else:
            row.value = value
        self._flush()

    def all(self) -> dict[str, str]:
        return {row.name: row.value for row in self.session.scalars(select(models.LibraryMeta))}
