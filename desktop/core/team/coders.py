"""Which coders' codings the comparison shows: mine, theirs or both.

A ``CoderFilter`` is a value: ``keeps(coder)`` decides one coding, ``apply`` returns passages
with only the kept codings (the passages themselves are never dropped). With no known author
("mine" is nobody) MINE keeps nothing and THEIRS keeps everything.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from enum import StrEnum

from db.records import PassageRecord


class CoderView(StrEnum):
    BOTH = "both"
    MINE = "mine"
    THEIRS = "theirs"


@dataclass(frozen=True, slots=True)
class CoderFilter:
    view: CoderView = CoderView.BOTH
    me: str = ""

    @property
    def is_all(self) -> bool:
        return self.view is CoderView.BOTH

    def keeps(self, coder: str) -> bool:
        if self.view is CoderView.BOTH:
            return True
        mine = bool(self.me) and coder == self.me
        return mine if self.view is CoderView.MINE else not mine

    def apply(self, passages: Iterable[PassageRecord]) -> tuple[PassageRecord, ...]:
        """The passages with only the codings this filter keeps, in the same order."""
        if self.is_all:
            return tuple(passages)
        return tuple(
            replace(p, codings=tuple(c for c in p.codings if self.keeps(c.coder))) for p in passages
        )
