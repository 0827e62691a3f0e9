"""Shared helpers for the import tests: the bundled dataset, corpus files, library snapshots."""

from __future__ import annotations

from pathlib import Path

from db.library import Library
from desktop.core.sample import load_sample, sample_path
from tests.support import shared_path

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "documents"
CORPUS = (
    "ashcroft-conservativehome-2025-08.txt",
    "bloomberg-digest-post-soviet-2023-01.txt",
    "dw-ex-soviet-states-2025-08.txt",
    "jankowski-bouvery-policy-report-2022-12.txt",
    "kuzio-eureporter-2025-03-10.txt",
)
SOURCE_OF = {
    "ashcroft-conservativehome-2025-08.txt": "ashcroft-conservativehome-2025",
    "bloomberg-digest-post-soviet-2023-01.txt": "bloomberg-digest-2023",
    "dw-ex-soviet-states-2025-08.txt": "dw-ex-soviet-2025",
    "jankowski-bouvery-policy-report-2022-12.txt": "jankowski-bouvery-2022",
    "kuzio-eureporter-2025-03-10.txt": "kuzio-eureporter-2025",
}


def corpus(name: str) -> Path:
    return shared_path("corpus", name)


def load_dataset(library: Library) -> None:
    """The bundled dataset (it ships in the repository, so its absence is a failure)."""
    assert sample_path().exists(), f"bundled dataset missing: {sample_path()}"
    load_sample(library)


def snapshot(library: Library) -> tuple[object, ...]:
    """Everything an import may touch, as comparable values (stamps left out)."""
    with library.unit_of_work() as uow:
        sources = tuple(
            (s.key, s.title, s.full_text, s.content_hash, s.file_sha256, s.imported_at)
            for s in uow.sources.list()
        )
        passages = tuple(
            (p.key, p.start, p.end, p.quote, p.anchor_status, p.links) for p in uow.passages.list()
        )
        events = tuple(e.key for e in uow.events.list())
        meta = tuple(sorted(uow.meta.all().items()))
    return sources, passages, events, meta, library.counts()
