"""Reviewing suggestions: proposed only, accepted on a person's word, rejections remembered."""

from __future__ import annotations

import pytest

from db.library import Library, open_library
from desktop.core.editing import UndoHistory
from desktop.core.importing import (
    NewEventDetails,
    ReviewError,
    SuggestionKind,
    accept_suggestion,
    import_document,
    reject_suggestion,
    review_suggestions,
)
from desktop.core.importing.body import article_body
from desktop.core.importing.candidates import candidate_events
from desktop.core.suggest import EventInfo
from desktop.model.dates import DateSpan
from tests.core.importing.helpers import corpus, load_dataset, snapshot

KUZIO = "kuzio-eureporter-2025-03-10.txt"
KUZIO_KEY = "kuzio-eureporter-2025"


@pytest.fixture
def attached(sqlite_library: Library) -> Library:
    load_dataset(sqlite_library)
    import_document(sqlite_library, corpus(KUZIO), suggest=True)
    return sqlite_library


def test_suggestions_are_ranked_explained_and_link_nothing(attached: Library) -> None:
    before = snapshot(attached)
    items = review_suggestions(attached, KUZIO_KEY)
    assert snapshot(attached) == before
    assert {item.kind for item in items} == {SuggestionKind.LINK, SuggestionKind.NEW_EVENT}
    assert [i.confidence for i in items] == sorted((i.confidence for i in items), reverse=True)
    with attached.unit_of_work() as uow:
        text = uow.sources.get(KUZIO_KEY).full_text or ""
        linked = {ln.event_key for p in uow.passages.for_source(KUZIO_KEY) for ln in p.links}
    header_end = text.index("EU Reporter\n") + len("EU Reporter\n")
    for item in items:
        assert item.reasons and 0 < item.confidence <= 1
        assert header_end <= item.start < item.end <= len(text)
        assert text[item.start : item.end].startswith(item.excerpt[:50])
        assert item.event_key not in linked
        if item.kind == SuggestionKind.LINK:
            assert item.event_title and item.ref == f"link:{item.event_key}"
        else:
            assert item.date_start and "no event on the timeline then" in item.reasons


def test_accepting_a_link_creates_the_passage_and_the_suggested_link(attached: Library) -> None:
    item = next(i for i in review_suggestions(attached, KUZIO_KEY) if i.kind == SuggestionKind.LINK)
    before = attached.counts()
    history = UndoHistory()
    accepted = accept_suggestion(attached, KUZIO_KEY, item, author="reviewer", history=history)
    assert attached.counts().passages == before.passages + 1
    with attached.unit_of_work() as uow:
        passage = uow.passages.get(accepted.passage_key)
        text = uow.sources.get(KUZIO_KEY).full_text or ""
    assert (passage.start, passage.end) == (item.start, item.end)
    assert passage.quote == text[item.start : item.end] and passage.anchor_status == "ok"
    (link,) = passage.links
    assert (link.event_key, link.origin, link.confidence) == (
        item.event_key,
        "suggested",
        item.confidence,
    )
    assert item.id not in {i.id for i in review_suggestions(attached, KUZIO_KEY)}
    history.undo(attached)
    assert attached.counts() == before


def test_accepting_with_an_edited_span(attached: Library) -> None:
    item = next(i for i in review_suggestions(attached, KUZIO_KEY) if i.kind == SuggestionKind.LINK)
    span = (item.start + 4, item.end - 1)
    accepted = accept_suggestion(attached, KUZIO_KEY, item, span=span)
    with attached.unit_of_work() as uow:
        passage = uow.passages.get(accepted.passage_key)
    assert (passage.start, passage.end) == span
    before = snapshot(attached)
    with pytest.raises(ReviewError):
        accept_suggestion(attached, KUZIO_KEY, item, span=(item.start, 10**7))
    assert snapshot(attached) == before


def test_accepting_a_new_event_needs_a_title_then_creates_event_and_link(
    attached: Library,
) -> None:
    items = review_suggestions(attached, KUZIO_KEY)
    item = next(i for i in items if i.kind == SuggestionKind.NEW_EVENT)
    before = snapshot(attached)
    with pytest.raises(ReviewError, match="needs a title"):
        accept_suggestion(attached, KUZIO_KEY, item)
    assert snapshot(attached) == before
    accepted = accept_suggestion(
        attached, KUZIO_KEY, item, new_event=NewEventDetails("Something happened", "georgia")
    )
    with attached.unit_of_work() as uow:
        event = uow.events.get(accepted.event_key)
        passage = uow.passages.get(accepted.passage_key)
    assert (event.title, event.start, event.lane) == (
        "Something happened",
        item.date_start,
        "georgia",
    )
    assert passage.links[0].event_key == event.key and passage.links[0].origin == "suggested"
    assert item.id not in {i.id for i in review_suggestions(attached, KUZIO_KEY)}


def test_a_rejection_is_remembered_by_the_library(attached: Library) -> None:
    items = review_suggestions(attached, KUZIO_KEY)
    rejected = items[0]
    before = attached.counts()
    reject_suggestion(attached, KUZIO_KEY, rejected.id, author="reviewer")
    assert attached.counts() == before
    reopened = open_library(attached.url)
    try:
        remaining = review_suggestions(reopened, KUZIO_KEY)
    finally:
        reopened.dispose()
    assert [i.id for i in remaining] == [i.id for i in items[1:]]


def test_a_source_without_text_has_no_suggestions(sqlite_library: Library) -> None:
    load_dataset(sqlite_library)
    assert review_suggestions(sqlite_library, "dw-ex-soviet-2025") == []


def test_article_body_drops_the_byline_block_and_the_page_footer() -> None:
    kuzio = corpus(KUZIO).read_text(encoding="utf-8")
    start, end = article_body(kuzio)
    assert kuzio[:start] == "Taras Kuzio\nMarch 10, 2025\nEU Reporter\n" and end == len(kuzio)
    ashcroft = corpus("ashcroft-conservativehome-2025-08.txt").read_text(encoding="utf-8")
    start, end = article_body(ashcroft)
    assert start == 0
    assert ashcroft[end:].startswith("conservativehome.com (Article Sourced Website)")
    assert ashcroft[:end].rstrip().endswith("a declining one.")
    prose = "One sentence that ends.\nAnother that ends too."
    assert article_body(prose) == (0, len(prose))


def test_candidates_are_dates_no_event_covers() -> None:
    span = DateSpan.from_edtf("2008-08-07", "2008-08-12")
    war = EventInfo("war", "Russo-Georgian war", span.t_lo, span.t_hi, ("Russia", "Georgia"))
    text = (
        "The war began on 8 August 2008. Talks resumed on 3 May 1999 in Geneva. "
        "By 3 May 1999 nobody expected them to last."
    )
    found = candidate_events(text, None, [war])
    assert [c.date.to_edtf() for c in found] == [("1999-05-03", None)]
    (candidate,) = found
    assert text[candidate.start : candidate.end] == "Talks resumed on 3 May 1999 in Geneva."
    assert "mentioned 2 times" in candidate.reasons
