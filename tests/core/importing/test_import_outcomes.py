"""New sources and their metadata, duplicates, and every kind of bad input changing nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from db.library import Library
from desktop.core.importing import (
    ImportStatus,
    MetadataOverrides,
    NearMatchPolicy,
    import_document,
)
from tests.core.importing.helpers import FIXTURES, corpus, snapshot

KUZIO = "kuzio-eureporter-2025-03-10.txt"


def test_new_source_takes_the_metadata_the_document_proposes(library: Library) -> None:
    outcome = import_document(library, corpus(KUZIO))
    assert outcome.status is ImportStatus.IMPORTED and outcome.source_key
    with library.unit_of_work() as uow:
        source = uow.sources.get(outcome.source_key)
    assert source.authors == ("Taras Kuzio",)
    assert source.published == "2025-03-10"
    assert "text line 2" in source.published_note
    assert source.outlet == "EU Reporter"
    assert source.file_name == KUZIO and source.full_text and source.imported_at


def test_given_metadata_wins_and_keeps_its_precision(sqlite_library: Library) -> None:
    overrides = MetadataOverrides(
        title="Russia's decline", outlet="Elsewhere", published="2025-03", kind="commentary"
    )
    outcome = import_document(sqlite_library, corpus(KUZIO), overrides=overrides)
    assert outcome.source_key is not None
    with sqlite_library.unit_of_work() as uow:
        source = uow.sources.get(outcome.source_key)
    assert (source.title, source.outlet, source.published, source.kind) == (
        "Russia's decline",
        "Elsewhere",
        "2025-03",
        "commentary",
    )
    assert source.authors == ("Taras Kuzio",)
    assert outcome.source_key.startswith("russia-s-decline-")


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        (MetadataOverrides(kind="blog"), "Unknown kind 'blog'"),
        (MetadataOverrides(published="March 2025"), "Publication date"),
    ],
)
def test_refused_metadata_fails_and_changes_nothing(
    sqlite_library: Library, overrides: MetadataOverrides, message: str
) -> None:
    before = snapshot(sqlite_library)
    outcome = import_document(sqlite_library, corpus(KUZIO), overrides=overrides)
    assert outcome.status is ImportStatus.FAILED and message in outcome.reason
    assert snapshot(sqlite_library) == before


def test_same_text_under_another_name_is_a_duplicate(
    sqlite_library: Library, tmp_path: Path
) -> None:
    first = import_document(sqlite_library, corpus(KUZIO))
    copy = tmp_path / "renamed.txt"
    shutil.copy(corpus(KUZIO), copy)
    before = snapshot(sqlite_library)
    outcome = import_document(sqlite_library, copy)
    assert outcome.status is ImportStatus.DUPLICATE and outcome.source_key == first.source_key
    assert snapshot(sqlite_library) == before


def test_near_copy_of_a_text_source_attaches_or_is_offered(
    sqlite_library: Library, tmp_path: Path
) -> None:
    first = import_document(sqlite_library, corpus(KUZIO))
    text = corpus(KUZIO).read_text(encoding="utf-8")
    edited = tmp_path / "kuzio-edited.txt"
    edited.write_text(text.replace("Kremlin", "Moscow").replace("\n", "\n\n", 3), "utf-8")
    before = snapshot(sqlite_library)
    offered = import_document(sqlite_library, edited, near_match=NearMatchPolicy.OFFER)
    assert offered.status is ImportStatus.SIMILAR and offered.source_key == first.source_key
    assert "similar" in offered.reason
    assert snapshot(sqlite_library) == before
    attached = import_document(sqlite_library, edited)
    assert attached.status is ImportStatus.ATTACHED and attached.source_key == first.source_key
    assert sqlite_library.counts().sources == 1
    with sqlite_library.unit_of_work() as uow:
        assert "Moscow" in (uow.sources.get(first.source_key or "").full_text or "")


def _bad_file(tmp_path: Path, kind: str) -> Path:
    writers = {
        "empty": ("empty.txt", b""),
        "binary": ("binary.txt", b"PK\x03\x04\x00\x00" + bytes(range(256))),
        "undecodable": ("odd.txt", b"\xff\xfeA\x00B"),
        "unsupported": ("table.xlsx", b"plain words"),
    }
    if kind in writers:
        name, data = writers[kind]
        path = tmp_path / name
        path.write_bytes(data)
        return path
    if kind == "too-large":
        path = tmp_path / "huge.txt"
        with path.open("wb") as handle:
            handle.truncate(50 * 2**20 + 1)
        return path
    return (
        FIXTURES
        / {
            "truncated-docx": "article_truncated.docx",
            "truncated-pdf": "article_truncated.pdf",
            "password": "article_encrypted.pdf",
        }[kind]
    )


@pytest.mark.parametrize(
    ("kind", "words"),
    [
        ("empty", "empty"),
        ("binary", "not a text document"),
        ("undecodable", "could not be decoded"),
        ("unsupported", "not one of"),
        ("too-large", "limit is 50 MB"),
        ("truncated-docx", "damaged or truncated"),
        ("truncated-pdf", "damaged or truncated"),
        ("password", "password"),
    ],
)
def test_bad_input_fails_with_the_reason_and_changes_nothing(
    library: Library, tmp_path: Path, kind: str, words: str
) -> None:
    import_document(library, corpus(KUZIO))
    before = snapshot(library)
    outcome = import_document(library, _bad_file(tmp_path, kind))
    assert outcome.status is ImportStatus.FAILED
    assert outcome.source_key is None and outcome.reason
    assert words.lower() in outcome.reason.lower()
    assert snapshot(library) == before
