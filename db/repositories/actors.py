"""Actors: the names events list, with their other names (aliases) in any language."""

from __future__ import annotations

import builtins
from collections.abc import Iterable

from sqlalchemy import select

from db import models
from db.records import ActorRecord
from db.repositories.base import Repository


class ActorRepository(Repository):
    kind = "actor"

    def list(self) -> builtins.list[ActorRecord]:
        """Every actor, by name."""
        rows = self.session.execute(
            select(models.Actor.name, models.Actor.aliases).order_by(models.Actor.name)
        )
        return [ActorRecord(name, tuple(aliases or ())) for name, aliases in rows]

    def aliases(self) -> dict[str, tuple[str, ...]]:
        """Actor name -> its aliases, for the actors that have any."""
        return {a.name: a.aliases for a in self.list() if a.aliases}

    def set_many_aliases(self, actors: Iterable[ActorRecord]) -> None:
        """Give each actor its aliases, as ``set_aliases`` does one: one read of the actors
        named and one flush for all (loading a bundle)."""
        wanted = {a.name: _clean(a.name, a.aliases) for a in actors}
        rows = self.session.scalars(select(models.Actor).where(models.Actor.name.in_(wanted)))
        found = {row.name: row for row in rows}
        for name, aliases in wanted.items():
            row = found.get(name)
            if row is None:
                self.session.add(models.Actor(name=name, aliases=aliases))
            elif list(row.aliases or ()) != aliases:
                row.aliases = aliases
        self._flush()

    def set_aliases(self, name: str, aliases: Iterable[str]) -> ActorRecord:
        """Give actor ``name`` these aliases (the actor is created when no event lists it yet);
        returns the actor as it was before."""
        row = self.session.scalars(
            select(models.Actor).where(models.Actor.name == name)
        ).one_or_none()
        if row is None:
            row = models.Actor(name=name, aliases=[])
            self.session.add(row)
        before = ActorRecord(name, tuple(row.aliases or ()))
        wanted = _clean(name, aliases)
        if list(row.aliases or ()) != wanted:
            row.aliases = wanted
        self._flush()
        return before


def _clean(name: str, aliases: Iterable[str]) -> builtins.list[str]:
    """``aliases`` stripped, once each, without blanks and without the actor's own name."""
    return [a for a in dict.fromkeys(a.strip() for a in aliases) if a and a != name]
