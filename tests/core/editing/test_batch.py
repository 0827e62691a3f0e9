"""A batch is one user action: one transaction, one undo step; a failing part changes nothing."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import event

from db.library import Library
from db.records import PassageLink
from desktop.core.editing import (
    Batch,
    CreateNote,
    EditError,
    LinkPassage,
    UndoHistory,
)
from tests.core.editing.conftest import dump


@contextmanager
def counted_commits(library: Library) -> Iterator[list[int]]:
    commits: list[int] = []

    def count(_connection: object) -> None:
        commits.append(1)

    event.listen(library.engine, "commit", count)
    try:
        yield commits
    finally:
        event.remove(library.engine, "commit", count)


def test_a_batch_is_one_transaction_and_one_undo_step(lib: Library) -> None:
    history = UndoHistory()
    before = dump(lib)
    batch = Batch(
        "Link and note",
        [
            LinkPassage("p2", PassageLink("ceasefire"), "carol"),
            CreateNote("passage", "p2", "linked to the ceasefire too", "carol"),
        ],
    )
    with counted_commits(lib) as commits:
        changes = history.run(batch, lib)
    assert len(commits) == 1
    assert changes.passages == {"p2"} and changes.events == {"ceasefire"} and changes.notes
    assert history.labels == ["Link and note"]
    after = dump(lib)
    with counted_commits(lib) as commits:
        history.undo(lib)
    assert len(commits) == 1 and dump(lib) == before
    history.redo(lib)
    assert dump(lib) == after


def test_a_failing_part_rolls_the_whole_batch_back(lib: Library) -> None:
    history = UndoHistory()
    before = dump(lib)
    batch = Batch(
        "Link twice",
        [
            LinkPassage("p2", PassageLink("ceasefire")),
            LinkPassage("p2", PassageLink("war")),  # already linked: refused
        ],
    )
    with pytest.raises(EditError, match="already linked"):
        history.run(batch, lib)
    assert dump(lib) == before
    assert history.labels == [] and not history.can_undo
