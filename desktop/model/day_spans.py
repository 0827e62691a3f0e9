"""The times of a span of EDTF dates, with plain days read without parsing EDTF.

Large libraries are mostly plain days ('YYYY-MM-DD'); importing 100k events read each through
``DateSpan.from_edtf`` twice (checking the file, then making the records).
"""

from __future__ import annotations

import re
from datetime import date

from desktop.model.dates import DateSpan


def span_times(start: str, end: str | None = None) -> tuple[float, float]:
    """``(t_lo, t_hi)`` of ``DateSpan.from_edtf(start, end)``, raising what it raises; plain
    days ('YYYY-MM-DD', most dates of a large library) are read without parsing EDTF."""
    first = _plain_day(start)
    last = _plain_day(end) if end else first
    if first is not None and last is not None and last >= first:
        return float(first), float(last + 1)
    span = DateSpan.from_edtf(start, end)  # any other shape, or a reason to refuse it
    return span.t_lo, span.t_hi


def _plain_day(text: str) -> int | None:
    """The day number of a valid 'YYYY-MM-DD' (years 1..9999), else None."""
    if len(text) != 10 or text[4] != "-" or text[7] != "-" or not _PLAIN_DAY.fullmatch(text):
        return None
    try:
        return date(int(text[:4]), int(text[5:7]), int(text[8:])).toordinal()  # = day_number
    except ValueError:
        return None


_PLAIN_DAY = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
