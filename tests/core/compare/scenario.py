"""A hand-made library: the AZAL 8243 crash near Aktau and the August 2008 war, told by a few
invented sources, plus sources that stay silent."""

from __future__ import annotations

from dataclasses import dataclass

from db.records import ClaimRecord, CodeRecord, EventRecord, PassageRecord, SourceRecord

from .records_kit import CODES, date_claim, event, number_claim, passage, source

AKTAU = event("azal-8243-crash", "Azerbaijan Airlines flight 8243 crashes near Aktau", "2024-12-25")
WAR = event("georgia-war-2008", "Russo-Georgian war", "2008-08-07", "2008-08-12")

POLICY_TEXT = (
    "Introduction to the report.\n\n"
    "The five-day blitzkrieg of August 2008 showed Moscow could redraw borders by force. "
    "Kremlinology aside, the blitzkrieg was planned well before the shelling of Tskhinvali.\n\n"
    "A final paragraph on other matters."
)
_QUOTE = "The five-day blitzkrieg of August 2008 showed Moscow could redraw borders by force."


@dataclass(frozen=True)
class Library:
    events: tuple[EventRecord, ...]
    sources: tuple[SourceRecord, ...]
    passages: tuple[PassageRecord, ...]
    claims: tuple[ClaimRecord, ...]
    codes: tuple[CodeRecord, ...] = CODES


def _sources() -> tuple[SourceRecord, ...]:
    return (
        source("dw-2025", "DW", "2025-08-12"),
        source("eureporter-2025", "EU Reporter", "2025-03-10", kind="op-ed"),
        source(
            "policy-2022", "Policy Institute", "2022-12", kind="policy-report", text=POLICY_TEXT
        ),
        source("digest-2023", "Bloomberg digest", "2023-01-05", kind="digest"),
        source("silent-2010", "Silent Weekly", "2010-05-01"),
        source("silent-2005", "Old Gazette", "2005"),
        source("silent-undated", "Undated Blog", None),
    )


def _passages() -> tuple[PassageRecord, ...]:
    a, w = (AKTAU.key,), (WAR.key,)
    start = POLICY_TEXT.index(_QUOTE)
    return (
        passage(
            "dw-1",
            "dw-2025",
            "At least 38 people were killed when the jet came down near Aktau on 25 December 2024.",
            a,
            ("issue.humanitarian", "generic.human_interest"),
            start=900,
            epistemic="hedged",
        ),
        passage(
            "dw-2",
            "dw-2025",
            "Baku blamed Russian air defences for the crash.",
            a,
            ("entman.cause", "issue.security"),
            start=1200,
            voice="Ilham Aliyev",
            tone="negative",
            epistemic="attributed",
        ),
        passage(
            "eur-1",
            "eureporter-2025",
            "The crash in December 2024 killed 28 passengers and crew.",
            a,
            ("issue.humanitarian",),
            start=40,
        ),
        passage(
            "pol-1",
            "policy-2022",
            _QUOTE,
            w,
            ("issue.security", "entman.cause"),
            start=start,
            tone="negative",
        ),
        passage(
            "pol-2",
            "policy-2022",
            "Georgia lost control over a fifth of its territory.",
            w,
            ("issue.legality",),
            start=400,
        ),
        passage(
            "dig-1",
            "digest-2023",
            "The war pitted Tbilisi against Moscow and strained relations with Washington.",
            w,
            ("issue.external_relations", "generic.conflict"),
        ),
        passage(
            "dw-3",
            "dw-2025",
            "Russia invaded Georgia in 2008, an act of naked aggression "
            "against a sovereign neighbour.",
            w,
            ("issue.legality", "issue.security", "entman.moral"),
            start=300,
            tone="negative",
        ),
    )


def _claims() -> tuple[ClaimRecord, ...]:
    return (
        number_claim(
            "c-dw-deaths",
            "dw-1",
            "azal-8243.deaths",
            38,
            hedge="at-least",
            stated="at least 38 people were killed",
        ),
        number_claim("c-eur-deaths", "eur-1", "azal-8243.deaths", 28, stated="killed 28"),
        date_claim("c-dw-date", "dw-1", "azal-8243.date", "2024-12-25"),
        date_claim("c-eur-date", "eur-1", "azal-8243.date", "2024-12"),
        number_claim("c-dig-days", "dig-1", "georgia-war-2008.days", 5, unit="days"),
    )


def build_library() -> Library:
    return Library((AKTAU, WAR), _sources(), _passages(), _claims())
