"""The reads views make outside an edit: one unit of work each, records out, None for gone."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy.engine.default import CACHE_HIT

from db.library import Library
from desktop.core import reads
from desktop.core.compare.from_library import KnownRecords, compare_event_key
from desktop.core.workbench import Workbench
from desktop.model.dates import DateSpan
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


def _missed_compiles(library: Library) -> Iterator[list[str]]:
    """The statements ``library`` compiles meanwhile (not found in its compiled cache)."""
    missed: list[str] = []

    def seen(_conn: Any, _cursor: Any, statement: str, _p: Any, context: Any, _m: Any) -> None:
        if context.cache_hit is not CACHE_HIT:
            missed.append(statement)

    event.listen(library.engine, "before_cursor_execute", seen)
    try:
        yield missed
    finally:
        event.remove(library.engine, "before_cursor_execute", seen)


@pytest.mark.parametrize("warmed", [True, False])
def test_after_the_warm_up_a_selection_compiles_no_statement(
    sqlite_library: Library, warmed: bool
) -> None:
    """The worker's warm-up (``Workbench.prepare_texts``) compiles what a click reads, so the
    first click does not (~27 ms of its panels)."""
    fill(sqlite_library)
    bench = Workbench(sqlite_library)
    if warmed:
        bench.prepare_texts()
        for thread in threading.enumerate():
            if thread.name == "parallax-texts":
                thread.join(30)
    catalog = bench.catalog
    with contextmanager(_missed_compiles)(sqlite_library) as missed:
        for key in catalog.keys:  # what the details and the comparison panels read
            record = catalog.event(key)
            assert record is not None
            spoken = catalog.passage_counts.get(key, 0) > 0
            known = KnownRecords(record, catalog.sources, catalog.codes, spoken)
            assert compare_event_key(sqlite_library, key, known=known) is not None
            DateSpan.from_edtf(record.start, record.end).display()
    assert bool(missed) is not warmed
