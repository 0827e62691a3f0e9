"""The comparison on the bundled dataset: the discrepancies and frame differences it is built to
show. The dataset is written by its own build script; until it exists these tests skip locally,
and fail in CI (CI=true)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from desktop.core.compare import build_comparison
from desktop.core.compare.model import Comparison

from .library_json import LoadedLibrary, records_from_library

DATASET = (
    Path(__file__).resolve().parents[3]
    / "resources"
    / "dataset"
    / "russia-neighbourhood.parallax.json"
)


@pytest.fixture(scope="module")
def library() -> LoadedLibrary:
    if not DATASET.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"bundled dataset missing: {DATASET}")
        pytest.skip(f"bundled dataset not built yet: {DATASET}")
    return records_from_library(json.loads(DATASET.read_text(encoding="utf-8")))


def _compare(lib: LoadedLibrary, event_key: str) -> Comparison:
    event = next(e for e in lib.events if e.key == event_key)
    return build_comparison(
        event, lib.sources, lib.passages, lib.codes, lib.claims, all_events=lib.events
    )


def _event_key(lib: LoadedLibrary, *needles: str) -> str:
    found = [e.key for e in lib.events if all(n in e.key for n in needles)]
    assert len(found) == 1, f"expected one event with {needles} in its key, found {found}"
    return found[0]


def test_azal_8243_death_toll_38_vs_28(library: LoadedLibrary) -> None:
    comparison = _compare(library, _event_key(library, "azal", "8243"))
    deaths = [f for f in comparison.discrepancies if "death" in f.subject]
    assert deaths, "expected a death-toll discrepancy"
    values = " / ".join(s.value for s in deaths[0].statements)
    assert "38" in values and "28" in values


def test_2008_war_has_three_panes_with_different_frames(library: LoadedLibrary) -> None:
    key = next(
        e.key
        for e in library.events
        if e.start.startswith("2008-08") and "war" in f"{e.key} {e.title}".lower()
    )
    comparison = _compare(library, key)
    assert len(comparison.panes) >= 3
    frame_sets = {comparison.frames.codes_of(p.source_key) for p in comparison.panes}
    assert len(frame_sets) >= 2, "sources should frame the war differently"
    assert all(p.header.elapsed for p in comparison.panes if p.header.published)


def test_every_code_used_is_in_the_codebook(library: LoadedLibrary) -> None:
    known = {c.key for c in library.codes}
    used = {c.code_key for p in library.passages for c in p.codings}
    assert used <= known
