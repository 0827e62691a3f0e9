"""Dates counted from an event the text names: "three days after the AZAL crash", "через два
дня после аннексии", "два дня спустя после аннексии", "через три дні після анексії".

Such an expression counts from what it names, not from the last date the text stated. It is
placed only where that is clear: the passage of exactly one link the text got contains it,
and that event is one day long; dateparser counts from the event's day (``later_dates``).
"""

from __future__ import annotations

from collections.abc import Sequence

from desktop.core.suggest.date_expressions import DateKind, DateMention
from desktop.core.suggest.events import EventInfo
from desktop.core.suggest.later_dates import count_from, later_expressions
from desktop.core.suggest.linking import Suggestion
from desktop.model.dates import HistDate, from_day_number


def dates_after_events(
    text: str,
    published: HistDate | None,
    links: Sequence[Suggestion],
    events: Sequence[EventInfo],
) -> list[DateMention]:
    """Relative dates of ``text`` counted from the one-day event whose link's passage holds
    them; ``links`` are the suggestions ``suggest_links`` made for this ``text``."""
    named = [e for e in later_expressions(text) if e[4]]
    if not named or not links:
        return []
    by_key = {e.key: e for e in events}
    found = []
    for start, end, language, words, _ in named:
        holders = {
            link.event_key
            for link in links
            if link.passage_start <= start and end <= link.passage_end
        }
        day = _day_of(by_key.get(holders.pop())) if len(holders) == 1 else None
        span = None if day is None else count_from(day, language, words)
        if span is None or (published is not None and span.t_lo >= published.end_day()):
            continue
        found.append(DateMention(start, end, span, DateKind.RELATIVE))
    return found


def _day_of(event: EventInfo | None) -> HistDate | None:
    """The day of a one-day event; None for a longer one (which day would it count from?)."""
    if event is None or event.t_hi - event.t_lo != 1:
        return None
    return HistDate(*from_day_number(event.t_lo))
