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
