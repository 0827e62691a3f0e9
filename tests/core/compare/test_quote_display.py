"""Quotes shown without link debris, while the stored quote stays verbatim."""

from __future__ import annotations

from desktop.core.compare.quote_display import GAP, display_quote


def test_link_markup_is_dropped_keeping_the_linked_words() -> None:
    quote = "support to the Kazakh president with [3,000 Russian paratroopers](#) and CSTO soldiers"
    shown = display_quote(quote)
    assert (
        shown.text
        == "support to the Kazakh president with 3,000 Russian paratroopers and CSTO soldiers"
    )
    assert "link mark-up removed" in shown.tooltip and quote in shown.tooltip


def test_phrases_lost_with_a_link_show_as_an_ellipsis() -> None:
    assert (
        display_quote("fought for control of , a region").text
        == f"fought for control of {GAP}, a region"
    )
    assert display_quote("victory and the .").text == f"victory and the {GAP}."
    assert (
        display_quote("After some delay, , but only").text == f"After some delay, {GAP}, but only"
    )


def test_clean_quotes_and_ratios_are_left_alone() -> None:
    for quote in ("Of 67 people on board, 38 died.", "a ratio of 3 : 1 in favour", "He said: no."):
        assert display_quote(quote).text == quote and display_quote(quote).tooltip == ""


def test_a_phrase_lost_between_two_words_that_cannot_be_adjacent_shows_an_ellipsis() -> None:
    quote = (
        "Relations between Russia and Azerbaijan, on the other hand, have been tense since the"
        " that was hit by a as it headed for the Chechen capital Grozny on December 25, 2024."
    )
    shown = display_quote(quote)
    assert shown.text == (
        f"Relations between Russia and Azerbaijan, on the other hand, have been tense since the"
        f" {GAP} that was hit by a {GAP} as it headed for the Chechen capital Grozny on"
        " December 25, 2024."
    )
    assert "marks 2 phrases lost" in shown.tooltip and quote in shown.tooltip


def test_articles_before_ordinary_words_are_not_gaps() -> None:
    for quote in (
        "the plane that was hit",
        "a missile as it headed",
        "Plan A as agreed",
        "the in-laws and the of-the-record talks",
        "an oath to the state",
        "The that-clause is a grammar term",
    ):
        assert display_quote(quote).text == quote, quote


def test_markdown_emphasis_is_shown_without_its_asterisks() -> None:
    quote = "all of which make it *de facto* a less attractive ally"
    shown = display_quote(quote)
    assert shown.text == "all of which make it de facto a less attractive ally"
    assert "emphasis mark-up removed" in shown.tooltip and quote in shown.tooltip
    assert display_quote("its **soft power** and ***hard***").text == "its soft power and hard"


def test_asterisks_that_are_not_emphasis_are_left_alone() -> None:
    for quote in ("2 * 3 * 4 = 24", "a footnote* and another*", "rated ** by critics"):
        assert display_quote(quote).text == quote
