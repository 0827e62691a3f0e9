"""Fidelity of the bundled dataset to the public record: links in time, references, new events."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from tools.dataset.checks import find_problems

REPO_ROOT = Path(__file__).resolve().parents[2]
DATASET = REPO_ROOT / "resources" / "dataset" / "russia-neighbourhood.parallax.json"

Library = dict[str, Any]


@pytest.fixture(scope="module")
def library() -> Library:
    data: Library = json.loads(DATASET.read_text(encoding="utf-8"))
    return data


def _links(library: Library, passage_key: str) -> list[str]:
    passage = next(p for p in library["passages"] if p["key"] == passage_key)
    return [link["event"] for link in passage["events"]]


def test_the_bundled_dataset_has_no_problems(library: Library) -> None:
    assert find_problems(library) == []


def test_kuzio_two_bases_is_not_linked_to_the_later_peace_declaration(library: Library) -> None:
    links = _links(library, "kuzio-two-bases")
    assert "2025-white-house-peace-declaration" not in links
    assert links == ["2024-armenia-freezes-csto"]


def test_a_link_to_an_event_after_the_source_was_published_is_a_problem(
    library: Library,
) -> None:
    broken = copy.deepcopy(library)
    passage = next(p for p in broken["passages"] if p["key"] == "kuzio-two-bases")
    passage["events"] = [{"event": "2025-white-house-peace-declaration", "origin": "manual"}]
    problems = find_problems(broken)
    assert problems == [
        "passage kuzio-two-bases: linked to 2025-white-house-peace-declaration, which began"
        " after its source kuzio-eureporter-2025 was published"
    ]
