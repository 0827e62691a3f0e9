"""Small builders of frozen records for the comparison tests."""

from __future__ import annotations

from db.records import (
    ClaimRecord,
    CodeRecord,
    CodingRecord,
    EventRecord,
    PassageLink,
    PassageRecord,
    SourceRecord,
)
from desktop.model.dates import DateSpan


def source(
    key: str, outlet: str, published: str | None, *, kind: str = "news", text: str | None = None
) -> SourceRecord:
    return SourceRecord(
        key=key,
        title=f"{outlet} article",
        outlet=outlet,
        authors=(f"{outlet} staff",),
        published=published,
        kind=kind,
        full_text=text,
    )


def event(key: str, title: str, start: str, end: str | None = None) -> EventRecord:
    span = DateSpan.from_edtf(start, end)
    return EventRecord(key=key, title=title, start=start, end=end, t_lo=span.t_lo, t_hi=span.t_hi)


def passage(
    key: str,
    source_key: str,
    quote: str,
    events: tuple[str, ...],
    codes: tuple[str, ...] = (),
    *,
    start: int = 0,
    voice: str = "author",
    tone: str = "neutral",
    epistemic: str = "asserted",
) -> PassageRecord:
    return PassageRecord(
        key=key,
        source_key=source_key,
        start=start,
        end=start + len(quote),
        quote=quote,
        voice=voice,
        tone=tone,
        epistemic=epistemic,
        links=tuple(PassageLink(e) for e in events),
        codings=tuple(CodingRecord(c, coder="t") for c in codes),
    )


def number_claim(
    key: str,
    passage_key: str,
    subject: str,
    low: float,
    high: float | None = None,
    *,
    hedge: str = "exact",
    unit: str = "people",
    stated: str = "",
) -> ClaimRecord:
    return ClaimRecord(
        key=key,
        passage_key=passage_key,
        subject=subject,
        kind="number",
        low=low,
        high=low if high is None else high,
        hedge=hedge,
        unit=unit,
        stated=stated,
    )


def date_claim(key: str, passage_key: str, subject: str, date: str) -> ClaimRecord:
    return ClaimRecord(
        key=key, passage_key=passage_key, subject=subject, kind="date", date=date, stated=date
    )


def code(key: str, group: str, position: int, color: str = "#4f8fd6") -> CodeRecord:
    name = key.split(".")[-1].replace("_", " ").title()
    return CodeRecord(
        key=key, name=name, parent_key=group, group=group, color=color, position=position
    )


CODES = (
    code("entman.cause", "entman", 2),
    code("entman.moral", "entman", 3),
    code("issue.economic", "issue", 11),
    code("issue.legality", "issue", 15),
    code("issue.security", "issue", 18, "#e0464a"),
    code("issue.humanitarian", "issue", 19),
    code("issue.external_relations", "issue", 24),
    code("generic.conflict", "generic", 31),
    code("generic.human_interest", "generic", 32),
)
