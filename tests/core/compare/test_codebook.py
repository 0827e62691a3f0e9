"""The default framing codebook (tools/dataset/parts/codebook.json) is complete and usable."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

CODEBOOK = Path(__file__).resolve().parents[3] / "tools" / "dataset" / "parts" / "codebook.json"
ISSUE = [
    "economic",
    "capacity",
    "morality",
    "fairness",
    "legality",
    "policy",
    "crime",
    "security",
    "humanitarian",
    "quality_of_life",
    "identity",
    "public_opinion",
    "domestic_politics",
    "external_relations",
    "other",
]
GENERIC = ["conflict", "human_interest", "economic_consequences", "morality", "responsibility"]
ENTMAN = ["problem", "cause", "moral", "remedy"]


@pytest.fixture(scope="module")
def book() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(CODEBOOK.read_text(encoding="utf-8"))
    return data


def test_code_keys_and_parents(book: dict[str, Any]) -> None:
    codes = {c["key"]: c for c in book["codes"]}
    expected = {"entman", "issue", "generic"}
    expected |= {f"entman.{k}" for k in ENTMAN} | {f"issue.{k}" for k in ISSUE}
    expected |= {f"generic.{k}" for k in GENERIC}
    assert set(codes) == expected and len(book["codes"]) == len(expected)
    for key, code in codes.items():
        group = key.split(".")[0]
        assert code["group"] == group
        assert code["parent"] == (None if key == group else group)


def test_codes_are_documented_and_coloured_distinctly(book: dict[str, Any]) -> None:
    children = [c for c in book["codes"] if c["parent"]]
    for code in children:
        for field in ("name", "definition", "include", "exclude", "example"):
            assert code[field].strip(), f"{code['key']} lacks {field}"
    colors = [c["color"] for c in book["codes"]]
    assert all(re.fullmatch(r"#[0-9a-f]{6}", c) for c in colors)
    assert len(set(colors)) == len(colors)
    positions = [c["position"] for c in book["codes"]]
    assert len(set(positions)) == len(positions)


def test_attributes(book: dict[str, Any]) -> None:
    attrs = {a["key"]: a for a in book["attributes"]}
    assert set(attrs) == {"voice", "tone", "epistemic"}
    assert attrs["voice"]["values"] == []
    assert [v["key"] for v in attrs["tone"]["values"]] == [
        "negative",
        "neutral",
        "positive",
        "mixed",
    ]
    assert [v["key"] for v in attrs["epistemic"]["values"]] == [
        "asserted",
        "attributed",
        "hedged",
        "disputed",
    ]
    assert all(v["definition"] for a in attrs.values() for v in a["values"])
