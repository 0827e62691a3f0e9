"""The reads views make outside an edit: one unit of work each, records out, None for gone."""

from __future__ import annotations

from dataclasses import replace

from db.library import Library
from desktop.core import reads
from tests.db.test_repositories import fill


def test_reads_return_records_and_none_for_deleted(sqlite_library: Library) -> None:
    fill(sqlite_library)
    assert reads.coding_counts(sqlite_library) == {"issue.security": 1}
    assert [n.key for n in reads.notes(sqlite_library)] == ["n1"]
    assert reads.note(sqlite_library, "n1") is not None and reads.note(sqlite_library, "x") is None
    found = reads.passage(sqlite_library, "p1")
    assert found is not None and found.quote == "some words"
    assert reads.passage(sqlite_library, "gone") is None
    assert [p.key for p in reads.passages(sqlite_library)] == ["p1", "p2"]
    assert reads.meta(sqlite_library, "title") == ""
    assert reads.current_record(sqlite_library, replace(found, quote="mine")) == found
    with sqlite_library.unit_of_work() as uow:
        uow.passages.delete("p2")
        uow.commit()
    assert reads.current_record(sqlite_library, replace(found, key="p2")) is None


def test_sources_for_review_only_lists_sources_with_text(sqlite_library: Library) -> None:
    fill(sqlite_library)
    assert reads.sources_for_review(sqlite_library) == ([], {})
    with sqlite_library.unit_of_work() as uow:
        uow.sources.update(replace(uow.sources.get("dw"), full_text="Some text"))
        uow.commit()
    sources, pending = reads.sources_for_review(sqlite_library)
    assert [s.key for s in sources] == ["dw"] and pending == {}
    assert reads.source_text(sqlite_library, "dw") == "Some text"
