"""Blind spots say what kind of silence they are."""

from __future__ import annotations

from db.records import EventRecord, SourceRecord
from desktop.core.compare.blind_spots import BEFORE, NO_TEXT, find_blind_spots, naming_terms
from desktop.model.dates import DateSpan

_SPAN = DateSpan.from_edtf("2024-12-25")
CRASH = EventRecord(
    "crash", "Azerbaijan Airlines flight 8243 downed", "2024-12-25", _SPAN.t_lo, _SPAN.t_hi
)


def _source(key: str, published: str, text: str | None) -> SourceRecord:
    return SourceRecord(key, key.title(), outlet=key, published=published, full_text=text)


def test_naming_terms_are_proper_words_and_long_numbers_of_the_title() -> None:
    assert naming_terms(CRASH) == ("Azerbaijan", "Airlines", "8243")


def test_each_silent_source_says_why() -> None:
    sources = [
        _source("names", "2025-03", "The downing of flight 8243 strained ties."),
        _source("silent", "2025-08", "A text about gas pipelines and elections."),
        _source("bare", "2025-01", None),
        _source("earlier", "2023-01", "Older text."),
    ]
    blind = find_blind_spots(CRASH, sources, [])
    assert [r.key for r in blind.after] == ["bare", "names", "silent"]
    assert [r.key for r in blind.before] == ["earlier"]
    assert blind.reason("names") == "names it (8243) but no passage is linked"
    assert blind.reason("silent").startswith("the attached text never names the event")
    assert "Azerbaijan" in blind.reason("silent")
    assert blind.reason("bare") == NO_TEXT and blind.reason("earlier") == BEFORE
