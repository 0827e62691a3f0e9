"""Where a dragged event lands, as EDTF dates of the precision it was written with (no Qt).

A day-precision event moves by whole days, a month-precision one by whole months, a year one
by whole years: dragging never invents precision the researcher did not give.
"""

from __future__ import annotations

from dataclasses import replace

from desktop.core.dates import DateSpan, HistDate, Precision, from_day_number

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
    moved = DateSpan(_shift(span.start, precision, steps),
                     None if span.end is None else _shift(span.end, precision, steps))
    return moved.to_edtf()
