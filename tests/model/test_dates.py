"""HistDate, DateSpan, EDTF and day numbers."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.model.dates import (
    DateParseError,
    DateSpan,
    HistDate,
    Precision,
    day_number,
    days_in_month,
    from_day_number,
)

EDTF_ROUND_TRIPS = [
    ("2008", HistDate(2008)),
    ("2008-08", HistDate(2008, 8)),
    ("2008-08-07", HistDate(2008, 8, 7)),
    ("2012~", HistDate(2012, circa=True)),
    ("2012-10~", HistDate(2012, 10, circa=True)),
    ("2012-10-03~", HistDate(2012, 10, 3, circa=True)),
    ("-0332", HistDate(-332)),
    ("0000", HistDate(0)),
    ("-0043-03-15", HistDate(-43, 3, 15)),
    ("Y-13800000000", HistDate(-13_800_000_000)),
    ("Y170000000", HistDate(170_000_000)),
    ("Y-13800000000~", HistDate(-13_800_000_000, circa=True)),
]


@pytest.mark.parametrize(("text", "date"), EDTF_ROUND_TRIPS)
def test_edtf_parses_and_round_trips(text: str, date: HistDate) -> None:
    assert HistDate.parse_edtf(text) == date
    assert date.to_edtf() == text


@pytest.mark.parametrize(
    "text", ["", "08", "2008-8", "2008-13", "2008-02-30", "2008/08/07", "2008?", "Y", "abc"]
)
def test_edtf_refuses_invalid(text: str) -> None:
    with pytest.raises(DateParseError):
        HistDate.parse_edtf(text)


def test_precision() -> None:
    assert HistDate(2008).precision is Precision.YEAR
    assert HistDate(2008, 8).precision is Precision.MONTH
    assert HistDate(2008, 8, 7).precision is Precision.DAY


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((2008, None, 7), "needs a month"),
        ((2008, 13), "1..12"),
        ((2007, 2, 29), "no day 29"),
        ((20000, 1), "only supported"),
    ],
)
def test_invalid_dates_refused(args: tuple[int, int | None, int | None], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        HistDate(*args)


def test_leap_days_follow_gregorian_rules() -> None:
    assert days_in_month(2000, 2) == 29
    assert days_in_month(1900, 2) == 28
    assert days_in_month(0, 2) == 29  # 1 BC is a leap year in the proleptic calendar
    assert days_in_month(-4, 2) == 29
    assert days_in_month(-100, 2) == 28


@pytest.mark.parametrize(
    "day",
    [
        dt.date(1, 1, 1),
        dt.date(1582, 10, 15),
        dt.date(2008, 8, 7),
        dt.date(9999, 12, 31),
        dt.date(2000, 2, 29),
    ],
)
def test_day_number_matches_toordinal(day: dt.date) -> None:
    assert day_number(day.year, day.month, day.day) == day.toordinal()
    assert from_day_number(day.toordinal()) == (day.year, day.month, day.day)


@given(st.dates())
def test_day_number_matches_toordinal_everywhere(day: dt.date) -> None:
    assert day_number(day.year, day.month, day.day) == day.toordinal()
    assert from_day_number(float(day.toordinal()) + 0.75) == (day.year, day.month, day.day)


@given(st.integers(min_value=-(10**12), max_value=10**12))
def test_from_day_number_inverts_day_number_for_any_year(n: int) -> None:
    year, month, day = from_day_number(n)
    assert 1 <= day <= days_in_month(year, month)
    assert day_number(year, month, day) == n


def test_years_before_one_extend_backwards() -> None:
    assert day_number(0, 12, 31) == 0
    assert day_number(0, 1, 1) == -365  # year 0 is a leap year
    assert day_number(-1, 1, 1) == -365 - 365
    assert from_day_number(0) == (0, 12, 31)
    years = 13_800_000_000
    assert day_number(-years, 1, 1) == pytest.approx(-years * 365.2425, rel=1e-9)


def test_first_and_end_day_are_half_open() -> None:
    assert HistDate(2008).first_day() == dt.date(2008, 1, 1).toordinal()
    assert HistDate(2008).end_day() == dt.date(2009, 1, 1).toordinal()
    assert HistDate(2008, 12).end_day() == dt.date(2009, 1, 1).toordinal()
    assert HistDate(2008, 2).end_day() - HistDate(2008, 2).first_day() == 29
    assert HistDate(2008, 8, 7).end_day() - HistDate(2008, 8, 7).first_day() == 1
    assert isinstance(HistDate(2008).first_day(), float)


def test_fuzzy_bounds_widen_only_circa() -> None:
    exact = HistDate(2012, 10, 3)
    assert (exact.fuzzy_first_day(), exact.fuzzy_end_day()) == (exact.first_day(), exact.end_day())
    day = HistDate(2012, 10, 3, circa=True)
    assert day.fuzzy_first_day() == day.first_day() - 7
    assert day.fuzzy_end_day() == day.end_day() + 7
    month = HistDate(2012, 1, circa=True)
    assert month.fuzzy_first_day() == dt.date(2011, 12, 1).toordinal()
    assert month.fuzzy_end_day() == dt.date(2012, 3, 1).toordinal()
    year = HistDate(2012, circa=True)
    assert year.fuzzy_first_day() == dt.date(2011, 1, 1).toordinal()
    assert year.fuzzy_end_day() == dt.date(2014, 1, 1).toordinal()
    span = DateSpan(HistDate(2010), HistDate(2012, circa=True))
    assert span.fuzzy_lo == span.t_lo
    assert span.fuzzy_hi == dt.date(2014, 1, 1).toordinal()


@pytest.mark.parametrize(
    ("date", "text"),
    [
        (HistDate(2008, 8, 7), "7 August 2008"),
        (HistDate(2008, 8), "August 2008"),
        (HistDate(2008), "2008"),
        (HistDate(2012, circa=True), "c. 2012"),
        (HistDate(-332), "333 BC"),
        (HistDate(79), "AD 79"),
        (HistDate(-11_999), "12,000 BC"),
        (HistDate(-170_000_000), "170 Ma"),
        (HistDate(-13_800_000_000), "13.8 Ga"),
    ],
)
def test_hist_date_display(date: HistDate, text: str) -> None:
    assert date.display() == text


def test_span_bounds_are_inclusive_end_half_open() -> None:
    span = DateSpan.from_edtf("2022-09", "2022-11")
    assert span.t_lo == dt.date(2022, 9, 1).toordinal()
    assert span.t_hi == dt.date(2022, 12, 1).toordinal()
    single = DateSpan.from_edtf("2008-08-07")
    assert (single.t_lo, single.t_hi) == (733261.0, 733262.0)
    assert single.t_lo == dt.date(2008, 8, 7).toordinal()


def test_span_refuses_reversed_and_equal_ends() -> None:
    with pytest.raises(ValueError, match="before the start"):
        DateSpan(HistDate(2015), HistDate(2014))
    with pytest.raises(ValueError, match="end=None"):
        DateSpan(HistDate(2015), HistDate(2015))
    with pytest.raises(DateParseError):
        DateSpan.from_edtf("2015", "2014")


def test_span_ordering_and_overlap() -> None:
    a = DateSpan.from_edtf("2008-08-07", "2008-08-12")
    b = DateSpan.from_edtf("2008-08-12", "2008-09")
    c = DateSpan.from_edtf("2008-08-13")
    d = DateSpan.from_edtf("-0332")
    assert sorted([c, b, a, d]) == [d, a, b, c]
    assert a.overlaps(b) and b.overlaps(a)
    assert not a.overlaps(c)
    assert b.overlaps(c)
    assert not d.overlaps(a)
    assert DateSpan.from_edtf("2008") < DateSpan.from_edtf("2008", "2009")


def test_hist_date_ordering_puts_coarser_at_same_start_last() -> None:
    dates = [HistDate(2008), HistDate(2008, 1, 1), HistDate(2007, 12), HistDate(-5)]
    assert sorted(dates) == [HistDate(-5), HistDate(2007, 12), HistDate(2008, 1, 1), HistDate(2008)]


@pytest.mark.parametrize(
    ("start", "end", "text"),
    [
        ("2008-08-07", "2008-08-12", "7\u201312 August 2008"),
        ("2022-09", "2022-11", "September \u2013 November 2022"),
        ("2008-08-07", "2008-09-12", "7 August \u2013 12 September 2008"),
        ("2008-12-30", "2009-01-02", "30 December 2008 \u2013 2 January 2009"),
        ("2014", "2015", "2014\u20132015"),
        ("-0332", "-0322", "333\u2013323 BC"),
        ("2014~", "2015~", "c. 2014 \u2013 c. 2015"),
        ("2014~", "2015", "c. 2014 \u2013 2015"),
        ("2008-08-07~", "2008-08-12", "c. 7 \u2013 12 August 2008"),
        ("2008", "2009-03", "2008 \u2013 March 2009"),
    ],
)
def test_span_display(start: str, end: str, text: str) -> None:
    span = DateSpan.from_edtf(start, end)
    assert span.display() == text
    assert DateSpan.parse(text) == span


def test_dates_are_immutable() -> None:
    date = HistDate(2008)
    with pytest.raises(AttributeError):
        date.year = 2009  # type: ignore[misc]
