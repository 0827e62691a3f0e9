"""Attaching the corpus files to the bundled dataset's sources, and edited copies of them."""

from __future__ import annotations

from pathlib import Path

from db.library import Library
from desktop.core.importing import (
    ImportStatus,
    NearMatchPolicy,
    import_document,
)
from desktop.io.documents import read_document
from tests.core.importing.helpers import CORPUS, SOURCE_OF, corpus, load_dataset, snapshot


def test_every_corpus_file_attaches_and_no_passage_is_orphaned(library: Library) -> None:
    load_dataset(library)
    before = library.counts()
    for name in CORPUS:
        outcome = import_document(library, corpus(name), author="tester")
        assert outcome.status is ImportStatus.ATTACHED, outcome.describe()
        assert outcome.source_key == SOURCE_OF[name]
        assert outcome.anchors is not None and outcome.anchors.orphans == ()
        assert outcome.anchors.total > 0
    assert library.counts() == before
    with library.unit_of_work() as uow:
        for name in CORPUS:
            source = uow.sources.get(SOURCE_OF[name])
            document = read_document(corpus(name))
            assert source.full_text == document.text
            assert source.content_hash == document.content_hash
            assert source.file_name == name and source.imported_at is not None
            for passage in uow.passages.for_source(source.key):
                assert passage.anchor_status in ("ok", "relocated"), passage.key
                assert document.text[passage.start : passage.end] == passage.quote


def test_importing_an_attached_file_again_is_a_duplicate(library: Library) -> None:
    load_dataset(library)
    path = corpus(CORPUS[1])
    assert import_document(library, path).status is ImportStatus.ATTACHED
    before = snapshot(library)
    outcome = import_document(library, path)
    assert outcome.status is ImportStatus.DUPLICATE
    assert outcome.source_key == SOURCE_OF[CORPUS[1]]
    assert "already in the library" in outcome.reason
    assert snapshot(library) == before


def _edited_report(tmp_path: Path, library: Library) -> tuple[Path, dict[str, str]]:
    """A copy of the policy report with one passage's paragraph deleted, one passage's words
    replaced and one passage lightly edited; returns the path and which passage got what."""
    name = "jankowski-bouvery-policy-report-2022-12.txt"
    text = read_document(corpus(name)).text
    with library.unit_of_work() as uow:
        passages = uow.passages.for_source(SOURCE_OF[name])
    lines = text.split("\n")
    first = passages[0]
    gone_line = text.count("\n", 0, first.start)
    survivors = [p for p in passages if text.count("\n", 0, p.start) != gone_line]
    rewritten, touched = survivors[len(survivors) // 2], survivors[-1]
    assert len(touched.quote) > 60 and rewritten.key != touched.key
    words = touched.quote.split(" ")
    words[len(words) // 2] = "zzzz"
    edited = text.replace(rewritten.quote, "[this sentence was rewritten]")
    edited = edited.replace(touched.quote, " ".join(words))
    edited = edited.replace(lines[gone_line] + "\n", "", 1)
    path = tmp_path / "edited-report.txt"
    path.write_text(edited, encoding="utf-8")
    return path, {"gone": first.key, "rewritten": rewritten.key, "touched": touched.key}


def test_edited_copy_keeps_every_passage_and_lists_the_orphans(
    library: Library, tmp_path: Path
) -> None:
    load_dataset(library)
    path, which = _edited_report(tmp_path, library)
    before = library.counts()
    outcome = import_document(library, path)
    assert outcome.status is ImportStatus.ATTACHED
    assert outcome.source_key == "jankowski-bouvery-2022"
    assert library.counts() == before
    edited = path.read_text(encoding="utf-8")
    with library.unit_of_work() as uow:
        passages = {p.key: p for p in uow.passages.for_source("jankowski-bouvery-2022")}
    orphaned = {key for key, p in passages.items() if p.anchor_status == "orphan"}
    assert set(outcome.orphans) == orphaned
    assert {which["gone"], which["rewritten"]} <= orphaned
    assert passages[which["touched"]].anchor_status == "relocated"
    assert "zzzz" in passages[which["touched"]].quote
    for key, passage in passages.items():
        if key not in orphaned:
            assert edited[passage.start : passage.end] == passage.quote
    assert outcome.anchors is not None
    assert outcome.anchors.total == len(passages)
    assert outcome.anchors.relocated > 0


def test_a_near_copy_is_only_offered_when_asked(library: Library, tmp_path: Path) -> None:
    load_dataset(library)
    path, _ = _edited_report(tmp_path, library)
    before = snapshot(library)
    outcome = import_document(library, path, near_match=NearMatchPolicy.OFFER)
    assert outcome.status is ImportStatus.SIMILAR
    assert outcome.source_key == "jankowski-bouvery-2022"
    assert "of its passages are found" in outcome.reason
    assert snapshot(library) == before


def test_an_unrelated_document_becomes_a_new_source(sqlite_library: Library) -> None:
    library = sqlite_library
    load_dataset(library)
    before = library.counts()
    outcome = import_document(
        library, Path(__file__).resolve().parents[2] / "fixtures" / "documents" / "article.docx"
    )
    assert outcome.status is ImportStatus.IMPORTED
    assert library.counts().sources == before.sources + 1
    assert library.counts().passages == before.passages


def test_attach_to_names_the_source(sqlite_library: Library) -> None:
    library = sqlite_library
    load_dataset(library)
    outcome = import_document(library, corpus(CORPUS[0]), attach_to="bloomberg-digest-2023")
    assert outcome.status is ImportStatus.ATTACHED
    assert outcome.source_key == "bloomberg-digest-2023"
    assert outcome.anchors is not None and len(outcome.orphans) == outcome.anchors.total == 15
    before = snapshot(library)
    missing = import_document(library, corpus(CORPUS[0]), attach_to="no-such-source")
    assert missing.status is ImportStatus.FAILED
    assert "no source 'no-such-source'" in missing.reason
    assert snapshot(library) == before
