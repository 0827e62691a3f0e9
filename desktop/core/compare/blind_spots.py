"""Sources that could have mentioned an event but never do."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from db.records import EventRecord, PassageRecord, SourceRecord
from desktop.core.compare.dating import publication_date, publication_display
from desktop.core.compare.model import BlindSpots, SourceRef
from desktop.core.compare.panes import publication_order


def source_ref(source: SourceRecord) -> SourceRef:
    """The short reference used in lists."""
    return SourceRef(source.key, source.title, source.outlet, publication_display(source))


def find_blind_spots(
    event: EventRecord,
    sources: Sequence[SourceRecord],
    passages: Sequence[PassageRecord],
    awaiting_review: Collection[str] = (),
) -> BlindSpots:
    """Sources with no passage linked to the event: those whose publication starts after the
    event's start (first day of publication > ``event.t_lo``) and, separately, undated ones.
    Sources published on or before the event's first day are not blind spots, and sources in
    ``awaiting_review`` (pending suggestions) are listed apart as awaiting review."""
    speaking = {p.source_key for p in passages if any(lk.event_key == event.key for lk in p.links)}
    after: list[SourceRef] = []
    undated: list[SourceRef] = []
    awaiting: list[SourceRef] = []
    for source in sorted(sources, key=publication_order):
        if source.key in speaking:
            continue
        if source.key in awaiting_review:
            awaiting.append(source_ref(source))
            continue
        published = publication_date(source)
        if published is None:
            undated.append(source_ref(source))
        elif published.first_day() > event.t_lo:
            after.append(source_ref(source))
    return BlindSpots(tuple(after), tuple(undated), tuple(awaiting))
