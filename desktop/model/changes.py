"""What an edit changed, so views refresh only that (STYLE point 6): a change set.

Not the change log (``db.change_log``), which records committed edits for other clients.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, fields, replace
from typing import Any

LOCAL = "local"
REMOTE = "remote"
MIXED = "mixed"


@dataclass(frozen=True, slots=True)
class Changes:
    """Keys changed per kind of record, plus ``everything`` when a view should reload all.

    Values combine with ``|``; the empty value means nothing visible changed. Codings and links
    are reported through the passages (and codes or events) they join. ``origin`` says who made
    the change: ``LOCAL`` (this window), ``REMOTE`` (another client, seen by polling) or the id
    of the client that made it (e.g. a view that already shows its own drag); combined values
    of different origins are ``MIXED``, so no view skips them.
    """

    events: frozenset[str] = field(default_factory=frozenset)
    sources: frozenset[str] = field(default_factory=frozenset)
    passages: frozenset[str] = field(default_factory=frozenset)
    codes: frozenset[str] = field(default_factory=frozenset)
    notes: frozenset[str] = field(default_factory=frozenset)
    claims: frozenset[str] = field(default_factory=frozenset)
    lanes: frozenset[str] = field(default_factory=frozenset)
    relations: frozenset[str] = field(default_factory=frozenset)
    everything: bool = False
    origin: str = LOCAL

    @classmethod
    def of(cls, *, everything: bool = False, **keys: Iterable[str]) -> Changes:
        """``Changes.of(events=["a"], codes={"x"})``: any iterable of keys per kind, made here
        (``from_origin`` says otherwise)."""
        values: dict[str, Any] = {name: frozenset(value) for name, value in keys.items()}
        return cls(everything=everything, **values)

    def __or__(self, other: Changes) -> Changes:
        merged = {f: getattr(self, f) | getattr(other, f) for f in _CONTENT}
        origin = self.origin if self.origin == other.origin else MIXED
        return Changes(**merged, origin=origin)

    def from_origin(self, origin: str) -> Changes:
        """The same change set, said to come from ``origin``."""
        return replace(self, origin=origin)

    @property
    def is_empty(self) -> bool:
        return not any(getattr(self, f) for f in _CONTENT)

    def only(self, *kinds: str) -> bool:
        """True when no record of another kind than ``kinds`` changed (never when
        ``everything`` did): a view that shows none of ``kinds`` may keep what it shows."""
        return not self.everything and not any(
            getattr(self, kind) for kind in KINDS if kind not in kinds
        )


_CONTENT = tuple(f.name for f in fields(Changes) if f.name != "origin")
KINDS = tuple(name for name in _CONTENT if name != "everything")  # the kinds of keyed record
