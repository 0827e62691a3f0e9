"""English dates with a month name, read by dateparser: absolute and partial forms, days
without a year, and ranges (split by us, each end read by dateparser)."""

from __future__ import annotations

import pytest

from desktop.core.suggest.month_dates import read_date
from desktop.model.dates import HistDate
from tests.core.suggest.support import found_dates

PUBLISHED = HistDate(2025, 3, 12)


@pytest.mark.parametrize(
    ("text", "words", "edtf"),
    [
        ("It crashed on 25 December 2024 near Aktau.", "25 December 2024", "2024-12-25"),
        ("It crashed on December 25, 2024, near Aktau.", "December 25, 2024", "2024-12-25"),
        ("Signed on the 7th of August, 2008, it lapsed.", "7th of August, 2008", "2008-08-07"),
        ("Talks resumed Sept. 3, 2020 in Baku.", "Sept. 3, 2020", "2020-09-03"),
        ("The war began in August 2008.", "August 2008", "2008-08"),
        ("Protests grew through Nov. 2023 and beyond.", "Nov. 2023", "2023-11"),
        ("It stood until 29 February 2024 at least.", "29 February 2024", "2024-02-29"),
        ("A HEADLINE OF JULY 7, 2023 ABOUT IT", "JULY 7, 2023", "2023-07-07"),
    ],
)
def test_absolute_and_partial_english_dates(text: str, words: str, edtf: str) -> None:
    assert found_dates(text, None) == [(words, edtf, "absolute")]


@pytest.mark.parametrize(
    ("text", "words", "edtf"),
    [
        ("Fighting lasted 7–12 August 2008.", "7–12 August 2008", "2008-08-07/2008-08-12"),
        ("Fighting lasted 7-12 August 2008.", "7-12 August 2008", "2008-08-07/2008-08-12"),
        ("Fighting lasted August 7–12, 2008.", "August 7–12, 2008", "2008-08-07/2008-08-12"),
        ("It ran September–November 2022.", "September–November 2022", "2022-09/2022-11"),
        ("Бои шли 7–12 августа 2008 года.", "7–12 августа 2008 года", "2008-08-07/2008-08-12"),
        # without a year, the range takes the year its first day is placed in
        ("Talks ran 3–5 February.", "3–5 February", "2025-02-03/2025-02-05"),
    ],
)
def test_ranges_are_read_end_by_end(text: str, words: str, edtf: str) -> None:
    assert found_dates(text, PUBLISHED) == [(words, edtf, "absolute")]


@pytest.mark.parametrize(
    ("text", "words", "edtf"),
    [
        ("It crashed on Dec. 25 near Aktau.", "Dec. 25", "2024-12-25"),
        ("The vote on March 2 was close.", "March 2", "2025-03-02"),
        ("By the 25th of December it was over.", "25th of December", "2024-12-25"),
        ("The summit on 8 March failed.", "8 March", "2025-03-08"),
    ],
)
def test_a_day_without_a_year_is_the_latest_not_after_publication(
    text: str, words: str, edtf: str
) -> None:
    assert found_dates(text, PUBLISHED) == [(words, edtf, "absolute")]


def test_a_day_without_a_year_takes_the_last_year_the_text_stated() -> None:
    text = "The war began in August 2008. On Aug. 12 a ceasefire was agreed."
    assert found_dates(text, PUBLISHED)[-1] == ("Aug. 12", "2008-08-12", "absolute")
    # with no publication date, the stated year still places it
    assert found_dates(text, None)[-1] == ("Aug. 12", "2008-08-12", "absolute")


@pytest.mark.parametrize(
    "text",
    [
        "It happened on 31 February 2024.",
        "It happened on February 29, 2023.",
        "Fighting lasted 12–7 August 2008.",
        "Fighting lasted 28–30 February 2023.",
    ],
)
def test_an_impossible_english_date_is_refused_with_its_year(text: str) -> None:
    assert found_dates(text, None) == []


def test_lower_case_month_words_are_no_months() -> None:
    assert found_dates("These 2 may march 5 km in may 2020.", None) == [
        ("2020", "2020", "absolute")
    ]


def test_a_month_word_is_read_once_whatever_its_numbers() -> None:
    """dateparser is slow (about a millisecond a reading): dates of one shape cost one reading
    per process, not one per distinct date."""
    before = read_date.cache_info().misses
    text = " ".join(
        f"On {day} October {year} they met." for day in range(1, 29) for year in range(2001, 2011)
    )
    dates = found_dates(text, None)
    assert len(dates) == 280
    assert dates[0] == ("1 October 2001", "2001-10-01", "absolute")
    assert dates[-1] == ("28 October 2010", "2010-10-28", "absolute")
    assert read_date.cache_info().misses - before <= 2
