"""Loading a library bundle is a bulk write: few statements, records complete at once."""

from __future__ import annotations

from dataclasses import fields

from db.library import Library
from desktop.core.exchange.library_bundle import load_bundle
from desktop.core.sample import load_sample, sample_path
from desktop.io.formats.library_json import read_library_json
from tests.support import sent_statements


def test_the_sample_loads_in_batches(sqlite_library: Library) -> None:
    with sent_statements(sqlite_library.engine) as statements:
        load_sample(sqlite_library)
    bundle = read_library_json(sample_path())
    codings = sum(len(p.codings) for p in bundle.passages)
    assert codings > 400
    lists = [getattr(bundle, f.name) for f in fields(bundle)]
    records = sum(len(v) for v in lists if isinstance(v, (list, tuple)))
    rows = records + sum(len(p.events) for p in bundle.passages)  # links are rows too
    # row by row this took 4,082 statements for 84 events: a lookup per reference, an insert
    # per coding; in bulk it is at most one per record or link, and the codings in one
    assert len(statements) < rows + 40
    assert sum("INSERT INTO codings" in s for s in statements) == 1
    assert not any(s.lstrip().startswith("SELECT codes") for s in statements)
    assert sqlite_library.counts().codings == codings


def test_records_read_in_the_loading_unit_of_work_are_complete(sqlite_library: Library) -> None:
    bundle = read_library_json(sample_path())
    coded = next(p for p in bundle.passages if len(p.codings) > 1)
    with sqlite_library.unit_of_work("loader") as uow:
        load_bundle(uow, bundle)
        passage = uow.passages.get(coded.key)
        assert {(c.code_key, c.coder) for c in passage.codings} == {
            (c.code, c.coder) for c in coded.codings
        }
        assert {link.event_key for link in passage.links} == {x.event for x in coded.events}
