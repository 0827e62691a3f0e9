"""Dates found in prose: absolute forms, and forms counted from the publication date."""

from __future__ import annotations

import pytest

from desktop.core.suggest import DateKind, find_date_expressions
from desktop.model.dates import HistDate
from tests.core.suggest.support import found_dates

PUBLISHED = HistDate(2025, 3, 10)  # a Monday


@pytest.mark.parametrize(
    ("text", "words", "edtf"),
    [
        ("It crashed on December 25, 2024, near Aktau.", "December 25, 2024", "2024-12-25"),
        ("It crashed on 25 December 2024.", "25 December 2024", "2024-12-25"),
        ("Crimea was annexed in 2014.", "2014", "2014"),
        ("The war of August 2008 changed it.", "August 2008", "2008-08"),
        ("Fighting lasted 7–12 August 2008.", "7–12 August 2008", "2008-08-07/2008-08-12"),
        (
            "The offensive ran September–November 2022.",
            "September–November 2022",
            "2022-09/2022-11",
        ),
        ("Talks ran from 2014 to 2016.", "from 2014 to 2016", "2014/2016"),
        ("Seen on 2022-02-24 at dawn.", "2022-02-24", "2022-02-24"),
        ("Since Russia’s 2008 invasion.", "2008", "2008"),
    ],
)
def test_absolute_dates(text: str, words: str, edtf: str) -> None:
    assert found_dates(text, None) == [(words, edtf, "absolute")]


@pytest.mark.parametrize(
    ("text", "words", "edtf", "kind"),
    [
        ("The deal was signed on Friday.", "on Friday", "2025-03-07", "relative"),
        ("They met last October.", "last October", "2024-10", "relative"),
        ("It was agreed earlier this month.", "earlier this month", "2025-03", "relative"),
        ("The minister resigned yesterday.", "yesterday", "2025-03-09", "relative"),
        ("Exports fell last year.", "last year", "2024", "relative"),
        ("It started three years ago.", "three years ago", "2022", "relative"),
        ("They met last week.", "last week", "2025-03-03/2025-03-09", "relative"),
        ("The summit on 8 August failed.", "8 August", "2024-08-08", "absolute"),
        ("The summit on 8 March failed.", "8 March", "2025-03-08", "absolute"),
    ],
)
def test_dates_relative_to_publication(text: str, words: str, edtf: str, kind: str) -> None:
    assert found_dates(text, PUBLISHED) == [(words, edtf, kind)]


def test_relative_forms_need_a_precise_enough_publication_date() -> None:
    text = "It happened on Friday, yesterday, last October and last year."
    assert found_dates(text, None) == []
    month_only = found_dates(text, HistDate(2025, 8))
    assert month_only == [
        ("last October", "2024-10", "relative"),
        ("last year", "2024", "relative"),
    ]


def test_numbers_that_are_not_years_are_ignored() -> None:
    text = "About 2000 troops, $2015 in cash, 3.2014 per cent, 12,2010 and page 2010-11a."
    assert found_dates(text, None) == []


def test_lower_case_month_words_are_not_months() -> None:
    assert found_dates("They may march in may.", None) == []


def test_overlapping_forms_keep_the_longest_and_order_by_position() -> None:
    found = find_date_expressions("On 7 August 2008 and in 2014.", None)
    assert [(m.start, m.end) for m in found] == [(3, 16), (24, 28)]
    assert all(m.kind is DateKind.ABSOLUTE for m in found)
