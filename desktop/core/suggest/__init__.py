"""Which events a document speaks of: dates found in prose, and ranked link suggestions.

Pure functions over plain values; nothing here touches Qt or a database.
"""

from desktop.core.suggest.date_expressions import DateKind, DateMention, find_date_expressions
from desktop.core.suggest.event_dates import dates_after_events
from desktop.core.suggest.events import EventInfo
from desktop.core.suggest.linking import Suggestion, suggest_links
from desktop.core.suggest.month_dates import load_date_reader

__all__ = [
    "DateKind",
    "DateMention",
    "EventInfo",
    "Suggestion",
    "dates_after_events",
    "find_date_expressions",
    "load_date_reader",
    "suggest_links",
]
