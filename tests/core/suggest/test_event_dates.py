"""A count after an event the text names ("three days after the AZAL crash") is counted from
that event's day, where one link's passage holds it; never from the last date stated."""

from __future__ import annotations

import pytest

from desktop.core.importing.finding import find_suggestions_in
from desktop.core.suggest import dates_after_events, suggest_links
from desktop.core.suggest.events import EventInfo
from desktop.model.dates import HistDate
from tests.core.suggest.support import event, found_dates

CRASH = event(
    "crash",
    "Azerbaijan Airlines flight 8243 downed",
    "2024-12-25",
    ("Azerbaijan Airlines", "Azerbaijan", "Russia", "Kazakhstan"),
    ("aviation",),
    ("AZAL", "Aktau", "Актау"),
)
OTHERS = tuple(
    event(f"other-{year}", f"Summit number {year}", f"{year}-05-01", ("Russia",))
    for year in range(2000, 2030)
)
PUBLISHED = HistDate(2025, 2, 20)


def _after(text: str, events: tuple[EventInfo, ...]) -> list[tuple[str, str]]:
    links = suggest_links(text, PUBLISHED, events)
    return [
        (text[m.start : m.end], m.date.start.to_edtf())
        for m in dates_after_events(text, PUBLISHED, links, events)
    ]


@pytest.mark.parametrize(
    ("text", "words", "edtf"),
    [
        (
            "Three days after the AZAL disaster near Aktau, Vladimir Putin telephoned Ilham "
            "Aliyev and apologised.",
            "Three days after",
            "2024-12-28",
        ),
        (
            "Через два дня после крушения самолёта AZAL под Актау Путин извинился.",
            "Через два дня",
            "2024-12-27",
        ),
        (
            "Два дня спустя после крушения самолёта AZAL под Актау Путин извинился.",
            "Два дня спустя",
            "2024-12-27",
        ),
        (
            "Через три дні після катастрофи літака AZAL під Актау Путін вибачився.",
            "Через три дні",
            "2024-12-28",
        ),
    ],
)
def test_a_count_after_a_named_event_counts_from_its_day(text: str, words: str, edtf: str) -> None:
    assert _after(text, (CRASH, *OTHERS)) == [(words, edtf)]


def test_it_is_not_counted_from_the_last_date_stated() -> None:
    text = (
        "On 1 January 2025 Aliyev spoke. Three days after the AZAL crash near Aktau, Putin called."
    )
    assert ("Three days after", "2025-01-04", "relative") not in found_dates(text, PUBLISHED)
    assert _after(text, (CRASH, *OTHERS)) == [("Three days after", "2024-12-28")]
    # without an object, "after" still counts from the last date stated
    plain = "On 1 January 2025 Aliyev spoke. Three days after, Putin called."
    assert found_dates(plain, PUBLISHED)[-1] == ("Three days after", "2025-01-04", "relative")


def test_an_event_longer_than_a_day_places_nothing() -> None:
    talks = event("talks", "AZAL compensation talks", "2025-01/2025-02", ("AZAL",), (), ("AZAL",))
    text = "Three days after the AZAL talks in Aktau, Putin called Aliyev."
    assert _after(text, (talks, *OTHERS)) == []


def test_the_counted_day_becomes_a_candidate_new_event() -> None:
    text = (
        "Three days after the AZAL disaster near Aktau, Vladimir Putin telephoned Ilham "
        "Aliyev and apologised."
    )
    found = find_suggestions_in("src", text, "2025-02-20", (CRASH, *OTHERS))
    assert [(s.kind, s.ref) for s in found] == [
        ("link", "link:crash"),
        ("new-event", "event:2024-12-28"),
    ]
