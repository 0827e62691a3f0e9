"""Saved connections to a shared PostgreSQL library, and where their passwords come from.

A ``SavedConnection`` holds host, port, database and user, never a password: ``url()`` has
none, and ``as_dict`` is what settings store. ``find_password`` looks, in order, at
``$PARALLAX_DB_PASSWORD``, ``$PGPASSWORD`` and the system keyring (only if the optional
``keyring`` package is installed); None means the caller must ask the user.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from importlib import import_module
from typing import Any

from db.engine import server_url, url_parts

KEYRING_SERVICE = "Parallax"
PASSWORD_VARIABLES = ("PARALLAX_DB_PASSWORD", "PGPASSWORD")


@dataclass(frozen=True, slots=True)
class SavedConnection:
    host: str
    database: str
    user: str
    port: int = 5432
    name: str = ""

    @property
    def label(self) -> str:
        return self.name or f"{self.user}@{self.host}/{self.database}"

    def url(self, password: str | None = None) -> str:
        """The psycopg URL; with ``password`` only for opening, never for storing."""
        return server_url(self.host, self.port, self.database, self.user, password)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SavedConnection:
        return cls(
            str(data["host"]),
            str(data["database"]),
            str(data.get("user", "")),
            int(data.get("port") or 5432),
            str(data.get("name", "")),
        )

    @classmethod
    def from_url(cls, url: str) -> SavedConnection:
        host, port, database, user = url_parts(url)
        return cls(host or "localhost", database or "", user or "", port or 5432)

    @property
    def keyring_account(self) -> str:
        return f"{self.user}@{self.host}:{self.port}/{self.database}"


def keyring_module() -> Any | None:
    """The ``keyring`` package if installed, else None (it is optional)."""
    try:
        return import_module("keyring")
    except ImportError:
        return None


def find_password(
    connection: SavedConnection,
    environ: Mapping[str, str] | None = None,
    keyring: Any | None = None,
) -> str | None:
    """The password from the environment or the keyring, or None (then ask the user)."""
    env = os.environ if environ is None else environ
    for name in PASSWORD_VARIABLES:
        if env.get(name):
            return env[name]
    ring = keyring_module() if keyring is None else keyring
    if ring is None:
        return None
    try:
        found = ring.get_password(KEYRING_SERVICE, connection.keyring_account)
    except Exception:
        return None
    return str(found) if found else None


def remember_password(
    connection: SavedConnection, password: str, keyring: Any | None = None
) -> bool:
    """Store the password in the system keyring; False when there is none (nothing stored)."""
    ring = keyring_module() if keyring is None else keyring
    if ring is None:
        return False
    try:
        ring.set_password(KEYRING_SERVICE, connection.keyring_account, password)
    except Exception:
        return False
    return True
