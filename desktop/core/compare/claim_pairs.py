"""Whether two claims about the same subject can both be true.

Numbers are compared as intervals: an exact value is a point (or its stated range), "at least" and
"at most" open one side, "about" widens the value by a relative tolerance. Units must match
exactly (case-insensitively); nothing is converted. Dates are compared at the coarser of the two
precisions, so "2022-10-12" and "2022-10" are consistent at month precision, with a note saying
one is more precise; a circa date may be off by its fuzz. Statements (what a party said or did,
or that something is so) agree when they take the same position and disagree otherwise.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from db.records import ClaimRecord
from desktop.core.compare.model import Verdict
from desktop.model.dates import DateParseError, HistDate, Precision

DEFAULT_TOLERANCE = 0.1
_PRECISION_WORDS = {Precision.YEAR: "year", Precision.MONTH: "month", Precision.DAY: "day"}


@dataclass(frozen=True, slots=True)
class PairVerdict:
    verdict: Verdict
    note: str = ""


def _fmt(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:g}"


def describe_number(claim: ClaimRecord) -> str:
    """A number claim in words: "at least 38 people", "about 30 people", "28 people"."""
    lo, hi = claim.low, claim.high
    if lo is None and hi is None:
        return "no value"
    lo = hi if lo is None else lo
    hi = lo if hi is None else hi
    assert lo is not None and hi is not None
    core = _fmt(lo) if lo == hi else f"between {_fmt(lo)} and {_fmt(hi)}"
    words = {"at-least": "at least ", "at-most": "at most ", "about": "about "}
    unit = f" {claim.unit}" if claim.unit else ""
    return f"{words.get(claim.hedge, '')}{core}{unit}"


def describe_date(claim: ClaimRecord) -> str:
    """The claimed date in words, or the raw text when it cannot be read."""
    date = _parse(claim.date)
    return date.display() if date is not None else (claim.date or "no date")


def describe_statement(claim: ClaimRecord) -> str:
    """A statement claim's position in words."""
    if claim.holds is None:
        return "no position"
    return "says it is so" if claim.holds else "says it is not so"


def describe(claim: ClaimRecord) -> str:
    """The claimed value in words, whatever its kind."""
    if claim.kind == "statement":
        return describe_statement(claim)
    return describe_date(claim) if claim.kind == "date" else describe_number(claim)


def number_interval(claim: ClaimRecord, tolerance: float) -> tuple[float, float] | None:
    """The closed interval of values the claim allows, or None when it states no number."""
    lo = claim.low if claim.low is not None else claim.high
    hi = claim.high if claim.high is not None else claim.low
    if lo is None or hi is None:
        return None
    lo, hi = min(lo, hi), max(lo, hi)
    if claim.hedge == "at-least":
        return (lo, math.inf)
    if claim.hedge == "at-most":
        return (-math.inf, hi)
    if claim.hedge == "about":
        return (lo - tolerance * abs(lo), hi + tolerance * abs(hi))
    return (lo, hi)


def compare_numbers(a: ClaimRecord, b: ClaimRecord, tolerance: float) -> PairVerdict:
    """Agree when both are the same exact value; consistent when their intervals overlap;
    disagree otherwise; incomparable when units differ or a value is missing."""
    da, db_ = describe_number(a), describe_number(b)
    if a.unit.strip().casefold() != b.unit.strip().casefold():
        return PairVerdict(
            "incomparable", f"{da} and {db_} use different units; nothing is converted"
        )
    ia, ib = number_interval(a, tolerance), number_interval(b, tolerance)
    if ia is None or ib is None:
        return PairVerdict("incomparable", f"{da} and {db_}: a value is missing")
    if ia[0] > ib[1] or ib[0] > ia[1]:
        return PairVerdict("disagree", f"{da} and {db_} cannot both be true")
    if a.hedge == b.hedge == "exact" and ia == ib:
        return PairVerdict("agree")
    if "about" in (a.hedge, b.hedge):
        reason = f"within the {tolerance:.0%} tolerance of 'about'"
    elif {a.hedge, b.hedge} & {"at-least", "at-most"}:
        reason = "one is only a bound"
    else:
        reason = "the ranges overlap"
    return PairVerdict("consistent", f"{da} and {db_} are compatible: {reason}")


def _parse(text: str | None) -> HistDate | None:
    if not text:
        return None
    try:
        return HistDate.parse_edtf(text)
    except DateParseError:
        return None


def _truncated(date: HistDate, precision: Precision) -> tuple[int, int | None, int | None]:
    month = date.month if precision >= Precision.MONTH else None
    day = date.day if precision >= Precision.DAY else None
    return (date.year, month, day)


def compare_dates(a: ClaimRecord, b: ClaimRecord) -> PairVerdict:
    """Compare at the coarser precision; a precision difference or a circa match is noted."""
    da, db_ = _parse(a.date), _parse(b.date)
    if da is None or db_ is None:
        return PairVerdict("incomparable", f"{a.date!r} and {b.date!r}: a date cannot be read")
    coarse = min(da.precision, db_.precision)
    word = _PRECISION_WORDS[coarse]
    if _truncated(da, coarse) == _truncated(db_, coarse):
        if da.precision != db_.precision:
            fine, rough = (da, db_) if da.precision > db_.precision else (db_, da)
            return PairVerdict(
                "consistent",
                f"{fine.display()} and {rough.display()} are consistent at {word} precision; "
                f"one states the {_PRECISION_WORDS[fine.precision]}, the other only the {word}",
            )
        if da.circa or db_.circa:
            return PairVerdict("consistent", f"{da.display()} and {db_.display()}: one is circa")
        return PairVerdict("agree")
    if (da.circa or db_.circa) and (
        da.fuzzy_first_day() < db_.fuzzy_end_day() and db_.fuzzy_first_day() < da.fuzzy_end_day()
    ):
        return PairVerdict(
            "consistent", f"{da.display()} and {db_.display()} differ but one is circa"
        )
    return PairVerdict(
        "disagree", f"{da.display()} and {db_.display()} disagree at {word} precision"
    )


def compare_statements(a: ClaimRecord, b: ClaimRecord) -> PairVerdict:
    """Agree when both take the same position on the subject, disagree when one says it is so
    and the other that it is not; incomparable when a position is missing."""
    if a.holds is None or b.holds is None:
        return PairVerdict("incomparable", "a statement without a position")
    if a.holds == b.holds:
        return PairVerdict("agree")
    return PairVerdict("disagree", "one says it is so, the other that it is not")


def compare_claims(
    a: ClaimRecord, b: ClaimRecord, tolerance: float = DEFAULT_TOLERANCE
) -> PairVerdict:
    """Compare two claims about one subject; claims of different kinds are incomparable."""
    if a.kind != b.kind:
        return PairVerdict("incomparable", f"a {a.kind} claim and a {b.kind} claim")
    if a.kind == "statement":
        return compare_statements(a, b)
    if a.kind == "date":
        return compare_dates(a, b)
    return compare_numbers(a, b, tolerance)
