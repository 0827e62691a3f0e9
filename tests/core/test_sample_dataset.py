"""The bundled dataset in a real library: loading, round trips, anchors, reset."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from db.library import Library, open_library
from desktop.core.anchoring import AnchorStatus, locate
from desktop.core.exchange.library_bundle import BundleLoadError
from desktop.core.exchange.library_export import bundle_from_library
from desktop.core.sample import load_sample, load_sample_if_empty, sample_path
from desktop.io.formats.errors import FormatError
from desktop.io.formats.library_json import read_library_json, write_library_json
from tests.support import REPO, shared_path


def normalised(bundle):  # type: ignore[no-untyped-def]
    """The bundle without what a database adds or orders on its own (times, file order)."""
    notes = tuple(dataclasses.replace(n, created="", updated="") for n in bundle.notes)
    passages = tuple(
        dataclasses.replace(
            p,
            events=tuple(sorted(p.events, key=lambda x: x.event)),
            codings=tuple(sorted(p.codings, key=lambda c: (c.code, c.coder))),
        )
        for p in bundle.passages
    )
    events = tuple(dataclasses.replace(e, tags=tuple(sorted(e.tags))) for e in bundle.events)
    parts = {
        field.name: getattr(bundle, field.name)
        for field in dataclasses.fields(bundle)
        if field.name not in {"meta", "notes", "passages", "events"}
    }
    parts.update(notes=notes, passages=passages, events=events)
    return {name: tuple(sorted(items, key=_identity)) for name, items in parts.items()}


def _identity(record: Any) -> str:
    """What names a record: its key, or an actor's name (actors have no key)."""
    return str(getattr(record, "key", None) or record.name)


def test_sample_loads_with_the_promised_content(library: Library) -> None:
    load_sample(library)
    counts = library.counts()
    assert counts.sources == 5
    assert counts.events >= 55
    assert counts.passages >= 90
    assert counts.codes >= 24
    assert counts.claims >= 3


def test_sqlite_and_postgres_hold_the_same_library(tmp_path: Path, pg_url: str) -> None:
    bundles = []
    for url in (f"sqlite:///{tmp_path / 'a.sqlite'}", pg_url):
        library = open_library(url)
        try:
            load_sample(library)
            with library.unit_of_work() as uow:
                bundles.append(normalised(bundle_from_library(uow)))
        finally:
            library.dispose()
    assert bundles[0] == bundles[1]


def test_export_then_import_gives_an_identical_library(tmp_path: Path) -> None:
    first = open_library(str(tmp_path / "first.sqlite"))
    load_sample(first)
    with first.unit_of_work() as uow:
        exported = bundle_from_library(uow)
    first.dispose()
    out = tmp_path / "library.parallax.json"
    write_library_json(exported, out)
    second = open_library(str(tmp_path / "second.sqlite"))
    load_sample(second, out)
    with second.unit_of_work() as uow:
        again = bundle_from_library(uow)
    second.dispose()
    assert normalised(again) == normalised(exported)
    assert normalised(exported) == normalised(read_library_json(sample_path()))


def test_every_passage_re_anchors_from_its_context_alone() -> None:
    bundle = read_library_json(sample_path())
    texts = {}
    for source in bundle.sources:
        assert source.file is not None
        texts[source.key] = shared_path("corpus", source.file.name).read_text(encoding="utf-8")
    for passage in bundle.passages:
        text = texts[passage.source]
        # offsets removed: pretend the passage sat at the start of the text
        anchor = locate(text, 0, 0, passage.quote, passage.prefix, passage.suffix)
        assert anchor.status is AnchorStatus.RELOCATED, passage.key
        assert (anchor.start, anchor.end) == (passage.start, passage.end), passage.key


def test_a_broken_bundle_is_refused_naming_the_record(
    sqlite_library: Library, tmp_path: Path
) -> None:
    document = json.loads(sample_path().read_text(encoding="utf-8"))
    document["events"][3]["start"] = "2008-02-30"  # passes the schema pattern, not the calendar
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(document), encoding="utf-8")
    key = document["events"][3]["key"]
    with pytest.raises(FormatError, match=key):
        load_sample(sqlite_library, broken)
    assert sqlite_library.is_empty()


def test_a_failure_while_loading_keeps_nothing(
    sqlite_library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    from db.repositories.claims import ClaimRepository

    def refuse(self: ClaimRepository, claim: object) -> None:
        raise ValueError("disk full")

    monkeypatch.setattr(ClaimRepository, "add", refuse)
    with pytest.raises(BundleLoadError, match="claim '.+': disk full"):
        load_sample(sqlite_library)
    assert sqlite_library.is_empty() and sqlite_library.counts().passages == 0


def test_first_start_fills_only_an_empty_library(sqlite_library: Library) -> None:
    assert load_sample_if_empty(sqlite_library) is True
    before = sqlite_library.counts()
    assert load_sample_if_empty(sqlite_library) is False
    assert sqlite_library.counts() == before


def test_sample_reset_keeps_a_backup_and_starts_fresh(tmp_path: Path) -> None:
    db = tmp_path / "lib.sqlite"
    run = [sys.executable, "-m", "desktop", "--db", str(db), "sample"]
    assert subprocess.run(run, cwd=REPO, capture_output=True, timeout=300).returncode == 0
    library = open_library(str(db))
    with library.unit_of_work() as uow:
        uow.events.delete(uow.events.list()[0].key)
        uow.commit()
    library.dispose()
    refused = subprocess.run(
        run + ["--reset"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
        stdin=subprocess.DEVNULL,
    )
    assert refused.returncode == 2 and "Not confirmed" in refused.stderr
    done = subprocess.run(
        run + ["--reset", "--yes"], cwd=REPO, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    assert list(tmp_path.glob("lib.sqlite.before-reset-*"))
    library = open_library(str(db))
    assert library.counts().events == len(read_library_json(sample_path()).events)
    library.dispose()
