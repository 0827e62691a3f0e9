"""An imported event's times: plain days are read without parsing EDTF, with the same times
and the same refusals as ``DateSpan.from_edtf``."""

from __future__ import annotations

import pytest

from desktop.core.exchange.library_bundle import _times
from desktop.model.dates import DateParseError, DateSpan

SPANS: list[tuple[str, str | None]] = [
    ("2001-01-01", None),
    ("2001-01-01", ""),
    ("2001-01-01", "2001-01-01"),
    ("2001-01-01", "2001-01-05"),
    ("2020-02-29", "2021-02-28"),
    ("0001-01-01", None),
    ("9999-12-31", None),
    ("1999-12-31", "2000-01"),
    ("2001-02", "2001-03-01"),
    ("2001-01-01~", None),
    ("-0044-03-15", None),
    ("0000-01-01", None),  # year 0 and digits of other scripts: read by EDTF's rules
    ("２００１-01-01", None),
]
REFUSED: list[tuple[str, str | None]] = [
    ("2021-02-30", None),
    ("2001-13-01", None),
    ("2001-01-05", "2001-01-01"),
    ("2001-1-010", None),
]


@pytest.mark.parametrize(("start", "end"), SPANS)
def test_times_are_those_of_the_span(start: str, end: str | None) -> None:
    _times.cache_clear()
    span = DateSpan.from_edtf(start, end)
    assert _times(start, end) == (span.t_lo, span.t_hi)


@pytest.mark.parametrize(("start", "end"), REFUSED)
def test_what_the_span_refuses_is_refused(start: str, end: str | None) -> None:
    _times.cache_clear()
    with pytest.raises(DateParseError):
        DateSpan.from_edtf(start, end)
    with pytest.raises(DateParseError):
        _times(start, end)
