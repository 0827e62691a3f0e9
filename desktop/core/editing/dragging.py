"""Where a dragged event lands, as EDTF dates of the precision it was written with (no Qt).

A day-precision event moves by whole days, a month-precision one by whole months, a year one
by whole years: dragging never invents precision the researcher did not give.
"""

from __future__ import annotations

from dataclasses import replace

from db.records import EventRecord
from desktop.core.editing.events import MoveEvent
from desktop.model.dates import DateSpan, HistDate, Precision, from_day_number

DAYS_PER_MONTH = 365.2425 / 12
DAYS_PER_YEAR = 365.2425


def _shift_months(date: HistDate, months: int) -> HistDate:
    assert date.month is not None
    index = date.year * 12 + (date.month - 1) + months
    return replace(date, year=index // 12, month=index % 12 + 1, day=None)


def _shift(date: HistDate, precision: Precision, steps: int) -> HistDate:
    if precision == Precision.DAY:
        year, month, day = from_day_number(date.first_day() + steps)
        return HistDate(year, month, day, date.circa)
    if precision == Precision.MONTH and date.month is not None:
        return _shift_months(date, steps)
    return HistDate(date.year + steps, circa=date.circa)


def shifted_dates(start: str, end: str | None, new_t_lo: float) -> tuple[str, str | None]:
    """The EDTF (start, end) of the event moved so that it begins near ``new_t_lo``.

    The step is the coarsest precision of its dates; raises DateParseError for unreadable
    dates. Returns the dates unchanged when the move is less than one step.
    """
    span = DateSpan.from_edtf(start, end)
    precision = min(span.start.precision, span.last.precision)
    delta = new_t_lo - span.t_lo
    unit = {Precision.DAY: 1.0, Precision.MONTH: DAYS_PER_MONTH}.get(precision, DAYS_PER_YEAR)
    steps = round(delta / unit)
    if steps == 0:
        return start, end
    moved = DateSpan(
        _shift(span.start, precision, steps),
        None if span.end is None else _shift(span.end, precision, steps),
    )
    return moved.to_edtf()


def drag_move(
    event: EventRecord, new_t_lo: float, lane_key: str, author: str = ""
) -> MoveEvent | None:
    """The command a finished drag makes: ``event`` starting near ``new_t_lo`` in ``lane_key``,
    its dates moved in whole steps of their precision; None when it lands where it was.
    Raises DateParseError when the event's dates cannot be read."""
    start, end = shifted_dates(event.start, event.end, new_t_lo)
    if (start, end, lane_key) == (event.start, event.end, event.lane):
        return None
    return MoveEvent(event, start, end, lane_key, author)
