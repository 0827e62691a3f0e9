"""Suggesting the events a document speaks of, on real corpus texts and a negative control."""

from __future__ import annotations

from desktop.core.suggest import suggest_links
from desktop.model.dates import HistDate
from tests.core.suggest.support import event
from tests.support import shared_path

EVENTS = (
    event(
        "invasion-2022",
        "Russian full-scale invasion of Ukraine",
        "2022-02-24",
        ("Russia", "Ukraine"),
        ("war",),
    ),
    event(
        "azal-8243",
        "Azerbaijan Airlines flight 8243 crash",
        "2024-12-25",
        ("Azerbaijan Airlines", "Russia", "Azerbaijan"),
        ("aviation",),
    ),
    event("war-2008", "Russo-Georgian war", "2008-08-07/2008-08-12", ("Russia", "Georgia")),
    event(
        "covid-lockdowns",
        "Pandemic lockdowns in Europe",
        "2020-03/2020-05",
        ("World Health Organization",),
    ),
)


def test_kuzio_commentary_speaks_of_the_three_events() -> None:
    text = shared_path("corpus", "kuzio-eureporter-2025-03-10.txt").read_text("utf-8")
    found = {s.event_key: s for s in suggest_links(text, HistDate(2025, 3, 10), EVENTS)}
    assert set(found) == {"invasion-2022", "azal-8243", "war-2008"}
    invasion = text[found["invasion-2022"].passage_start : found["invasion-2022"].passage_end]
    assert "full-scale invasion of Ukraine" in invasion
    azal = text[found["azal-8243"].passage_start : found["azal-8243"].passage_end]
    assert "December 2024 downing of an Azerbaijani Airlines (AZAL) passenger plane" in azal
    war = text[found["war-2008"].passage_start : found["war-2008"].passage_end]
    assert "2008" in war and "Georgia" in war
    assert found["invasion-2022"].confidence > found["war-2008"].confidence
    assert any(r.startswith("date: February 24, 2022") for r in found["invasion-2022"].reasons)


def test_suggestions_are_ranked_and_passages_are_sentences() -> None:
    text = shared_path("corpus", "kuzio-eureporter-2025-03-10.txt").read_text("utf-8")
    suggestions = suggest_links(text, HistDate(2025, 3, 10), EVENTS)
    confidences = [s.confidence for s in suggestions]
    assert confidences == sorted(confidences, reverse=True)
    for s in suggestions:
        assert 0 < s.confidence <= 1 and s.reasons
        passage = text[s.passage_start : s.passage_end]
        assert passage == passage.strip() and "\n" not in passage


def test_text_about_something_else_yields_nothing() -> None:
    document = shared_path("realdata", "04_ude_1_plain_cp1251.txt").read_bytes().decode("cp1251")
    assert suggest_links(document, None, EVENTS) == []
    english = (
        "The orchestra opened its season in 2023 with Mahler. Critics praised the strings, "
        "and the conductor thanked the audience on Friday."
    )
    assert suggest_links(english, HistDate(2023, 10, 2), EVENTS) == []


def test_events_after_the_document_are_not_suggested() -> None:
    text = "Russia and Ukraine signed a gas deal in 2009; Russia again threatened Ukraine."
    assert suggest_links(text, HistDate(2009, 6), EVENTS) == []
    assert [s.event_key for s in suggest_links(text, None, EVENTS)] == []


def test_names_link_without_a_date_but_a_date_alone_never_does() -> None:
    text = "Russia’s full-scale invasion of Ukraine shocked its neighbours in Central Asia."
    assert [s.event_key for s in suggest_links(text, None, EVENTS)] == ["invasion-2022"]
    dated = suggest_links(text, HistDate(2023, 1), EVENTS)
    assert [s.event_key for s in dated] == ["invasion-2022"]
    only_day = "The theatre opened its new season on 25 December 2024 with a comedy."
    assert suggest_links(only_day, HistDate(2024, 12, 26), EVENTS) == []


def test_page_chrome_does_not_link_a_news_page_to_the_airliner_crash() -> None:
    from desktop.io.documents import read_document

    page = read_document(
        shared_path("realdata", "01_nbcnews_2024-12-06_korea_impeachment_source.html")
    )
    assert page.metadata.published is not None
    published = HistDate.parse_edtf(page.metadata.published.value)
    keys = [s.event_key for s in suggest_links(page.text, published, EVENTS)]
    assert "azal-8243" not in keys
    # Undated, with the crash in the body itself, the page would be linked to it.
    body = page.text + "\nOn December 25, 2024, Russia shot down an Azerbaijan Airlines plane."
    assert "azal-8243" in [s.event_key for s in suggest_links(body, None, EVENTS)]


def test_names_of_equal_weight_are_ranked_the_same_in_any_order() -> None:
    """A link's reasons must not depend on set order (another hash seed, a worker process)."""
    from itertools import permutations

    from desktop.core.suggest.linking import name_weight
    from desktop.core.suggest.terms import Term

    found = (
        Term("Central Asia summit", ("central", "asia", "summit"), 1.0, True),
        Term("China Central Asia", ("china", "central", "asia"), 1.0, True),
        Term("Russia", ("russia",), 0.3, name_of="Russia"),
        Term("Россия", ("россия",), 0.3, name_of="Russia"),
    )
    results = {name_weight(order) for order in permutations(found)}
    assert len(results) == 1
    total, ranked = results.pop()
    assert [t.label for t in ranked] == ["Central Asia summit", "China Central Asia", "Russia"]
