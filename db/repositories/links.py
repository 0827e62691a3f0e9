"""Links between passages and the events they report.

A link is its own row, so linking a passage to an event is not an edit of the passage.
"""

from __future__ import annotations

from sqlalchemy import select

from db import models
from db.records import PassageLink
from db.repositories.base import Repository


class LinkRepository(Repository):
    kind = "link"

    def of_event(self, event_key: str) -> list[tuple[str, PassageLink]]:
        """(passage key, link) for every passage linked to the event, by passage key."""
        statement = (
            select(models.Passage.key, models.PassageEvent.confidence, models.PassageEvent.origin)
            .join(models.PassageEvent, models.PassageEvent.passage_id == models.Passage.id)
            .join(models.Event, models.PassageEvent.event_id == models.Event.id)
            .where(models.Event.key == event_key)
            .order_by(models.Passage.key)
        )
        return [
            (passage, PassageLink(event_key, confidence, origin))
            for passage, confidence, origin in self.session.execute(statement)
        ]

    def add(self, passage_key: str, link: PassageLink) -> bool:
        """Link a passage to an event; False (and nothing done) if they were linked already."""
        ids = self._ids(passage_key, link.event_key)
        if self.session.get(models.PassageEvent, ids) is not None:
            return False
        self.session.add(
            models.PassageEvent(
                passage_id=ids[0], event_id=ids[1], confidence=link.confidence, origin=link.origin
            )
        )
        self._flush()
        return True

    def remove(self, passage_key: str, event_key: str) -> PassageLink | None:
        """Unlink a passage from an event; return the link as it was, or None if there was none."""
        row = self.session.get(models.PassageEvent, self._ids(passage_key, event_key))
        if row is None:
            return None
        removed = PassageLink(event_key, row.confidence, row.origin)
        self.session.delete(row)
        self._flush()
        return removed

    def _ids(self, passage_key: str, event_key: str) -> tuple[int, int]:
        return (
            self._id_of(models.Passage, "passage", passage_key),
            self._id_of(models.Event, "event", event_key),
        )
