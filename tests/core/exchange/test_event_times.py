"""An imported event's times: plain days are read without parsing EDTF, with the same times
and the same refusals as ``DateSpan.from_edtf``."""

from __future__ import annotations

from dataclasses import fields

import pytest

from db.records import EventRecord
from desktop.core.exchange.entities import EVENT
from desktop.core.exchange.library_bundle import _times, event_record
from desktop.io.formats import bundle as b
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


def test_an_event_is_built_as_its_entity_map_builds_it_field_by_field() -> None:
    """``event_record`` builds records positionally: every field must land where the
    keyword-built record has it (distinct values, so a swap shows)."""
    data = b.EventData(
        key="k",
        title="t",
        start="2001-01-02",
        lane="l",
        end="2001-01-05",
        summary="s",
        actors=("a",),
        tags=("g",),
        importance=1,
        context=True,
        notes="n",
        aliases=("x",),
    )
    built = event_record(data)
    assert built == EVENT.to_record(data, t_lo=built.t_lo, t_hi=built.t_hi)
    assert (built.t_lo, built.t_hi) == _times(data.start, data.end)
    assert {f.name for f in fields(b.EventData)} | {"t_lo", "t_hi", "id", "stamp"} == {
        f.name for f in fields(EventRecord)
    }  # a field added to either side must be added to event_record too
