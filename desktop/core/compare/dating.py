"""Publication dates of sources and the time between an event and a source, in words.

The elapsed time is computed from day numbers (``HistDate.first_day``) and says no more than the
dates support: when either date is known only to the month it is given in whole months and
prefixed "about"; when either is known only to the year, in whole years.
"""

from __future__ import annotations

from db.records import EventRecord, SourceRecord
from desktop.model.dates import DateParseError, DateSpan, HistDate, Precision, from_day_number

UNDATED = "undated"


def publication_date(source: SourceRecord) -> HistDate | None:
    """The source's publication date, or None when it is missing or not valid EDTF."""
    if not source.published:
        return None
    try:
        return HistDate.parse_edtf(source.published)
    except DateParseError:
        return None


def publication_display(source: SourceRecord) -> str:
    """In words: "7 August 2008", "August 2008", ... or "undated"."""
    date = publication_date(source)
    return date.display() if date is not None else UNDATED


def event_start(event: EventRecord) -> HistDate | None:
    """The event's start date, or None when its EDTF start cannot be read."""
    try:
        return HistDate.parse_edtf(event.start)
    except DateParseError:
        return None


def event_when(event: EventRecord) -> str:
    """The event's date or span in words; the raw EDTF when it cannot be read."""
    try:
        return DateSpan.from_edtf(event.start, event.end).display()
    except (DateParseError, ValueError):
        return event.start if not event.end else f"{event.start} – {event.end}"


def _plural(n: int, unit: str) -> str:
    return f"{n} {unit}" if n == 1 else f"{n} {unit}s"


def _years_months(months: int) -> str:
    years, rest = divmod(months, 12)
    parts = [_plural(years, "year")] if years else []
    if rest:
        parts.append(_plural(rest, "month"))
    return " ".join(parts)


def _exact(earlier: float, later: float) -> str:
    y1, m1, d1 = from_day_number(earlier)
    y2, m2, d2 = from_day_number(later)
    months = (y2 - y1) * 12 + (m2 - m1) - (1 if d2 < d1 else 0)
    if months <= 0:
        days = int(later - earlier)
        return _plural(days, "day")
    return _years_months(months)


def _coarse(earlier: float, later: float, precision: Precision) -> str:
    y1, m1, _ = from_day_number(earlier)
    y2, m2, _ = from_day_number(later)
    if precision == Precision.YEAR:
        return _plural(y2 - y1, "year") if y2 != y1 else ""
    months = (y2 - y1) * 12 + (m2 - m1)
    return _years_months(months) if months else ""


def elapsed_text(event: HistDate, published: HistDate) -> str:
    """How long after (or before) ``event`` the date ``published`` lies, in words.

    Examples: "the same day", "3 days after", "16 years 11 months after", "about 2 months after"
    (a month-precision date), "about 4 years before", "the same month" (coarse and equal).
    """
    t_event, t_pub = event.first_day(), published.first_day()
    direction = "after" if t_pub >= t_event else "before"
    earlier, later = sorted((t_event, t_pub))
    precision = min(event.precision, published.precision)
    if precision == Precision.DAY:
        if earlier == later:
            return "the same day"
        text = _exact(earlier, later)
        prefix = "about " if (event.circa or published.circa) else ""
        return f"{prefix}{text} {direction}"
    text = _coarse(earlier, later, precision)
    if not text:
        return "the same year" if precision == Precision.YEAR else "the same month"
    return f"about {text} {direction}"
