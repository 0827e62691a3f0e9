"""Candidate new events: whether a date is an event's is answered by a search over the events'
spans, the same answer as comparing with every event."""

from __future__ import annotations

import random

from desktop.core.importing.candidates import _Spans
from desktop.core.suggest import EventInfo
from desktop.model.dates import DateSpan


def _brute(date: DateSpan, events: list[EventInfo]) -> bool:
    return any(e.t_lo < date.t_hi and date.t_lo < e.t_hi for e in events)


def test_the_search_over_spans_says_what_comparing_with_each_event_says() -> None:
    rng = random.Random(7)
    days = [
        DateSpan.from_edtf(f"20{y:02d}-{m:02d}-{d:02d}")
        for y in range(0, 25)
        for m in (1, 6, 12)
        for d in (1, 15, 28)
    ]
    for _ in range(40):
        events = []
        for number in range(rng.randint(0, 30)):
            start = rng.choice(days)
            end = rng.choice(days) if rng.random() < 0.5 else start
            lo, hi = min(start.t_lo, end.t_lo), max(start.t_hi, end.t_hi)
            events.append(EventInfo(f"e{number}", "event", lo, hi))
        spans = _Spans(events)
        for date in days + [DateSpan.from_edtf("2003"), DateSpan.from_edtf("1999-05")]:
            assert spans.overlap(date) == _brute(date, events), (date, events)


def test_a_span_ending_where_the_date_begins_does_not_cover_it() -> None:
    day = DateSpan.from_edtf("2008-08-12")
    before = EventInfo("war", "war", day.t_lo - 5, day.t_lo)  # [lo, hi) ends at the day
    after = EventInfo("talks", "talks", day.t_hi, day.t_hi + 3)
    assert not _Spans([before, after]).overlap(day)
    assert _Spans([before, after, EventInfo("x", "x", day.t_lo, day.t_lo + 0.5)]).overlap(day)
