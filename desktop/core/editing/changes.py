"""What an edit changed, so views refresh only that (STYLE point 6)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, fields


@dataclass(frozen=True, slots=True)
class Changes:
    """Keys changed per kind of record, plus ``everything`` when a view should reload all.

    Values combine with ``|``; the empty value means nothing visible changed. Codings and links
    are reported through the passages (and codes or events) they join.
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

    @classmethod
    def of(cls, *, everything: bool = False, **keys: Iterable[str]) -> Changes:
        """``Changes.of(events=["a"], codes={"x"})``: any iterable of keys per kind."""
        values = {name: frozenset(value) for name, value in keys.items()}
        return cls(everything=everything, **values)

    def __or__(self, other: Changes) -> Changes:
        merged = {f.name: getattr(self, f.name) | getattr(other, f.name) for f in fields(self)}
        return Changes(**merged)

    @property
    def is_empty(self) -> bool:
        return not any(getattr(self, f.name) for f in fields(self))
