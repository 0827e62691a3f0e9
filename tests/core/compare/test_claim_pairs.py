from __future__ import annotations

import pytest

from db.records import ClaimRecord
from desktop.core.compare.claim_pairs import compare_claims, describe_number, number_interval

from .records_kit import date_claim, number_claim


def _num(
    low: float, hedge: str = "exact", unit: str = "people", high: float | None = None
) -> ClaimRecord:
    return number_claim(f"n{low}{hedge}", "p", "s", low, high, hedge=hedge, unit=unit)


def test_at_least_38_and_28_disagree() -> None:
    result = compare_claims(_num(38, "at-least"), _num(28))
    assert result.verdict == "disagree"
    assert "at least 38 people" in result.note and "28 people" in result.note


def test_about_30_and_28_are_consistent_within_tolerance() -> None:
    result = compare_claims(_num(30, "about"), _num(28))
    assert result.verdict == "consistent"
    assert "tolerance" in result.note


def test_about_30_and_20_disagree_and_tolerance_is_adjustable() -> None:
    assert compare_claims(_num(30, "about"), _num(20)).verdict == "disagree"
    assert compare_claims(_num(30, "about"), _num(20), tolerance=0.5).verdict == "consistent"


def test_same_exact_number_agrees_and_bounds_are_compatible() -> None:
    assert compare_claims(_num(28), _num(28)).verdict == "agree"
    assert compare_claims(_num(38, "at-least"), _num(40)).verdict == "consistent"
    assert compare_claims(_num(30, "at-most"), _num(40)).verdict == "disagree"


def test_ranges_overlap_or_not() -> None:
    assert compare_claims(_num(25, high=30), _num(28)).verdict == "consistent"
    assert compare_claims(_num(25, high=30), _num(31)).verdict == "disagree"


def test_units_must_match_and_are_not_converted() -> None:
    result = compare_claims(_num(1000, unit="metres"), _num(1, unit="km"))
    assert result.verdict == "incomparable"
    assert "nothing is converted" in result.note
    assert compare_claims(_num(5, unit="People"), _num(5, unit="people")).verdict == "agree"


def test_number_descriptions_and_intervals() -> None:
    assert describe_number(_num(25, high=30)) == "between 25 and 30 people"
    assert describe_number(_num(2.5, "about", unit="")) == "about 2.5"
    assert number_interval(_num(30, "about"), 0.1) == pytest.approx((27.0, 33.0))


def test_day_and_month_dates_are_consistent_at_month_with_a_note() -> None:
    result = compare_claims(
        date_claim("a", "p", "s", "2022-10-12"), date_claim("b", "p", "s", "2022-10")
    )
    assert result.verdict == "consistent"
    assert "month precision" in result.note
    assert "12 October 2022" in result.note and "October 2022" in result.note


def test_years_2010_and_2020_disagree() -> None:
    result = compare_claims(date_claim("a", "p", "s", "2010"), date_claim("b", "p", "s", "2020"))
    assert result.verdict == "disagree"


def test_same_day_agrees_and_different_months_disagree() -> None:
    same = compare_claims(
        date_claim("a", "p", "s", "2022-10-12"), date_claim("b", "p", "s", "2022-10-12")
    )
    assert same.verdict == "agree"
    other = compare_claims(
        date_claim("a", "p", "s", "2022-10-12"), date_claim("b", "p", "s", "2022-11")
    )
    assert other.verdict == "disagree"


def test_circa_year_tolerates_a_neighbouring_year() -> None:
    circa = compare_claims(date_claim("a", "p", "s", "2012~"), date_claim("b", "p", "s", "2013"))
    assert circa.verdict == "consistent"
    far = compare_claims(date_claim("a", "p", "s", "2012~"), date_claim("b", "p", "s", "2016"))
    assert far.verdict == "disagree"


def test_unreadable_date_and_mixed_kinds_are_incomparable() -> None:
    bad = compare_claims(
        date_claim("a", "p", "s", "last winter"), date_claim("b", "p", "s", "2020")
    )
    assert bad.verdict == "incomparable"
    assert compare_claims(_num(3), date_claim("b", "p", "s", "2020")).verdict == "incomparable"
