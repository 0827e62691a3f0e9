"""A small library for the compare UI tests, written through the repositories.

Two events (the August 2008 war, the AZAL 8243 crash), sources published before and after them,
one source with its full text, one whose passage and outlet try to inject markup, and claims
that disagree (at least 38 vs 28 deaths).
"""

from __future__ import annotations

from db.library import Library
from db.records import (
    ClaimRecord,
    CodeRecord,
    CodingRecord,
    EventRecord,
    PassageLink,
    PassageRecord,
    SourceRecord,
)
from desktop.model.dates import DateSpan, HistDate

INJECTION = "<script>alert(1)</script> and <img src=http://example.com/x.png> here"
EVIL_OUTLET = "<b>Evil</b> Times"
ANALYSIS_TEXT = (
    "Opening remarks about the region.\n\n"
    "Tanks crossed the Roki tunnel on 8 August. The invasion was planned for months, "
    "critics say.\n\n"
    "Closing remarks."
)
ANALYSIS_QUOTE = "The invasion was planned for months"

CODES = (
    CodeRecord("issue.security", "Security", group="issue", color="#e0464a", position=18),
    CodeRecord("issue.legality", "Legality", group="issue", color="#3c78d8", position=15),
    CodeRecord("issue.humanitarian", "Humanitarian", group="issue", color="#6aa84f", position=19),
    CodeRecord("entman.cause", "Cause", group="entman", color="#9c27b0", position=2),
)


def _event(key: str, title: str, start: str, end: str | None = None) -> EventRecord:
    span = DateSpan.from_edtf(start, end)
    return EventRecord(key, title, start, span.t_lo, span.t_hi, end=end, lane="georgia")


WAR = _event("war-2008", "Russo-Georgian war", "2008-08-07", "2008-08-12")
AKTAU = _event("azal-8243", "Azerbaijan Airlines flight 8243 crashes near Aktau", "2024-12-25")
QUIET = _event("quiet-2015", "A quiet summit", "2015-06-01")

SOURCES = (
    SourceRecord("wire-2008", "Shelling reported", outlet="Wire", published="2008-08-09"),
    SourceRecord(
        "analysis-2022",
        "Looking back",
        outlet="Analysis Quarterly",
        authors=("A. Writer",),
        published="2022-12",
        kind="analysis",
        full_text=ANALYSIS_TEXT,
    ),
    SourceRecord("evil-2023", "Markup", outlet=EVIL_OUTLET, published="2023-01-05"),
    SourceRecord("eur-2025", "Crash report", outlet="EU Reporter", published="2025-03-10"),
    SourceRecord("dw-2025", "Long read", outlet="DW", published="2025-08-12"),
    SourceRecord("silent-2024", "Unrelated", outlet="Silent Weekly", published="2024-02-01"),
)


def _passage(
    key: str, source: str, quote: str, event: str, codes: tuple[str, ...], start: int = 0
) -> PassageRecord:
    return PassageRecord(
        key,
        source,
        start,
        start + len(quote),
        quote,
        voice="author",
        tone="negative",
        epistemic="asserted",
        links=(PassageLink(event),),
        codings=tuple(CodingRecord(c, "t") for c in codes),
    )


PASSAGES = (
    _passage(
        "wire-1",
        "wire-2008",
        "Shelling of Tskhinvali continued overnight.",
        WAR.key,
        ("issue.security",),
    ),
    _passage(
        "ana-1",
        "analysis-2022",
        ANALYSIS_QUOTE,
        WAR.key,
        ("issue.legality", "entman.cause"),
        ANALYSIS_TEXT.index(ANALYSIS_QUOTE),
    ),
    _passage("evil-1", "evil-2023", INJECTION, WAR.key, ("issue.security",)),
    _passage(
        "dw-war",
        "dw-2025",
        "Russia invaded Georgia in 2008.",
        WAR.key,
        ("issue.legality", "issue.security"),
        300,
    ),
    _passage(
        "dw-1",
        "dw-2025",
        "At least 38 people were killed near Aktau.",
        AKTAU.key,
        ("issue.humanitarian",),
        900,
    ),
    _passage(
        "eur-1",
        "eur-2025",
        "The crash killed 28 passengers and crew.",
        AKTAU.key,
        ("issue.humanitarian",),
    ),
)

CLAIMS = (
    ClaimRecord(
        "c-dw",
        "dw-1",
        "azal-8243.deaths",
        "number",
        "at least 38",
        38,
        38,
        unit="people",
        hedge="at-least",
    ),
    ClaimRecord("c-eur", "eur-1", "azal-8243.deaths", "number", "killed 28", 28, 28, unit="people"),
)


def fill_library(library: Library) -> None:
    """Write the whole kit in one unit of work."""
    with library.unit_of_work("test") as uow:
        for code in CODES:
            uow.codes.add(code)
        for event in (WAR, AKTAU, QUIET):
            uow.events.add(event)
        for source in SOURCES:
            day = HistDate.parse_edtf(source.published).first_day() if source.published else None
            uow.sources.add(source, published_t=day)
        for passage in PASSAGES:
            uow.passages.add(passage)
        for claim in CLAIMS:
            uow.claims.add(claim)
        uow.commit()
