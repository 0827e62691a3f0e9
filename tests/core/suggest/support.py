"""Helpers shared by the tests of date finding and linking (not a test module)."""

from __future__ import annotations

from desktop.core.suggest import EventInfo, find_date_expressions
from desktop.model.dates import DateSpan, HistDate


def found_dates(text: str, published: HistDate | None) -> list[tuple[str, str, str]]:
    """(words as written, EDTF "start/end", kind) of each date found in ``text``."""
    return [
        (text[m.start : m.end], "/".join(filter(None, m.date.to_edtf())), m.kind.value)
        for m in find_date_expressions(text, published)
    ]


def event(
    key: str,
    title: str,
    dates: str,
    actors: tuple[str, ...],
    tags: tuple[str, ...] = (),
    aliases: tuple[str, ...] = (),
) -> EventInfo:
    """An event as the linker sees it; ``dates`` is EDTF, one date or "start/end"."""
    span = DateSpan.from_edtf(*dates.split("/"))
    return EventInfo(key, title, span.t_lo, span.t_hi, actors, tags, aliases)
