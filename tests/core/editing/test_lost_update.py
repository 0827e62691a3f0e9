"""A stale edit never reverts another client's change of any part of a record.

Two clients load the same record; one changes only a part that lives in another table (actors,
tags, links, codings, a code's parent) as the record's last author, so no column of the row
itself changes. The other client's stale edit must then be refused, on both engines.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace

import pytest

from db.errors import ConflictError
from db.library import Library, open_library
from db.records import CodingRecord, EventRecord, PassageLink, PassageRecord
from desktop.core.editing import EditEvent, EditPassage, perform
from tests.core.editing.conftest import fill


@pytest.fixture
def two_clients(any_url: str) -> Iterator[tuple[Library, Library]]:
    alice, bob = open_library(any_url), open_library(any_url)
    try:
        fill(alice)
        yield alice, bob
    finally:
        alice.dispose()
        bob.dispose()


def _event(library: Library, key: str = "war") -> EventRecord:
    with library.unit_of_work() as uow:
        return uow.events.get(key)


EVENT_PARTS: dict[str, Callable[[EventRecord], EventRecord]] = {
    "actors": lambda e: replace(e, actors=("Georgia", "Russia", "France")),
    "actor order": lambda e: replace(e, actors=tuple(reversed(e.actors))),
    "tags": lambda e: replace(e, tags=("war", "ceasefire")),
    "lane": lambda e: replace(e, lane="russia-great-powers"),
}


@pytest.mark.parametrize("part", sorted(EVENT_PARTS))
def test_a_stale_event_edit_cannot_revert_a_change_of_one_part(
    two_clients: tuple[Library, Library], part: str
) -> None:
    alice, bob = two_clients
    seen_by_alice = _event(alice)
    seen_by_bob = _event(bob)
    # bob is the event's last author, so only the other table changes
    perform(EditEvent(seen_by_bob, replace(seen_by_bob, title="Bob's title"), "bob"), bob)
    seen_by_alice = seen_by_bob = _event(bob)
    changed = EVENT_PARTS[part](seen_by_bob)
    perform(EditEvent(seen_by_bob, changed, "bob"), bob)
    stored = _event(bob)
    assert stored.stamp.version > seen_by_bob.stamp.version
    stale = EditEvent(seen_by_alice, replace(seen_by_alice, summary="Alice's summary"), "alice")
    with pytest.raises(ConflictError):
        perform(stale, alice)
    after = _event(alice)
    assert (after.actors, set(after.tags), after.lane) == (
        changed.actors,
        set(changed.tags),
        changed.lane,
    )
    assert after.summary == seen_by_alice.summary


def _passage(library: Library, key: str = "p1") -> PassageRecord:
    with library.unit_of_work() as uow:
        return uow.passages.get(key)


PASSAGE_PARTS: dict[str, Callable[[PassageRecord], PassageRecord]] = {
    "links": lambda p: replace(p, links=(PassageLink("war", 0.9, "suggested"),)),
    "link confidence": lambda p: replace(
        p, links=tuple(replace(link, confidence=0.5) for link in p.links)
    ),
    "codings": lambda p: replace(p, codings=(*p.codings, CodingRecord("military", "alice"))),
}


@pytest.mark.parametrize("part", sorted(PASSAGE_PARTS))
def test_a_passage_update_of_links_or_codings_bumps_its_version(
    two_clients: tuple[Library, Library], part: str
) -> None:
    alice, bob = two_clients
    seen = _passage(alice)
    changed = PASSAGE_PARTS[part](seen)
    with bob.unit_of_work("alice") as uow:  # the passage's own author: no column changes
        written = uow.passages.update(changed)
        uow.commit()
    assert written.stamp.version > seen.stamp.version
    stale = EditPassage(seen, replace(seen, notes="Alice's note"), "alice")
    with pytest.raises(ConflictError):
        perform(stale, alice)
    after = _passage(alice)
    assert (after.links, {(c.code_key, c.coder) for c in after.codings}) == (
        changed.links,
        {(c.code_key, c.coder) for c in changed.codings},
    )


def test_an_update_that_changes_nothing_keeps_the_version(
    two_clients: tuple[Library, Library],
) -> None:
    alice, _ = two_clients
    seen = _event(alice)
    with alice.unit_of_work("alice") as uow:
        written = uow.events.update(seen)
        uow.commit()
    assert written.stamp.version == seen.stamp.version
