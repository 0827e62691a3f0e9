"""The reliability checker itself: it counts an overwritten acknowledged edit as lost, and
excuses only a killed writer's cut-off edit that may have committed without its reply."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.reliability import seed
from bench.reliability_checks import Result, verify
from bench.reliability_edits import edit_event
from db.library import open_library


def _journal(path: Path, entries: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(e) + "\n" for e in entries), encoding="utf-8")
    return path


def _edit(url: str, author: str, name: str, value: str) -> dict[str, object]:
    """One acknowledged edit of event e0's ``name``, through the bench's own edit."""
    library = open_library(url)
    try:
        return edit_event(library, author, "e0", name, value)
    finally:
        library.dispose()


def _overwritten_title(tmp_path: Path) -> tuple[str, dict[str, object]]:
    """A library whose e0 title 'first' (acknowledged, returned) was overwritten by 'second'."""
    url = f"sqlite:///{tmp_path / 'lib.sqlite'}"
    seed(url)
    first = _edit(url, "a", "title", "first")
    _edit(url, "b", "title", "second")
    return url, first


def test_an_acknowledged_title_overwritten_without_a_trace_is_lost(tmp_path: Path) -> None:
    url, first = _overwritten_title(tmp_path)  # made by nobody's journal: a silent overwrite
    journal = _journal(tmp_path / "j.jsonl", [{"begin": 0, "what": "event e0 title"}, first])
    result = verify(url, Result("check", "sqlite"), [journal])
    assert result.lost == 1
    assert result.missing == [f"event e0 title v{first['version']} != stored"]


def test_a_cut_off_edit_after_the_last_acknowledged_one_is_not_a_loss(tmp_path: Path) -> None:
    url, first = _overwritten_title(tmp_path)  # 'second': killed before its reply
    notes = _edit(url, "c", "notes", "later")  # a later edit of another field carries it on
    entries = [
        {"begin": 0, "what": "event e0 title", "sets": {"title": "first"}},
        first,
        {"begin": 0, "what": "event e0 title", "sets": {"title": "second"}},
        {"begin": 0, "what": "event e0 notes", "sets": {"notes": "later"}},
        notes,
    ]
    result = verify(url, Result("check", "sqlite"), [_journal(tmp_path / "j.jsonl", entries)])
    assert (result.lost, result.found, result.acknowledged) == (0, 2, 2)


@pytest.mark.parametrize(
    "cut_off",
    [
        {"begin": 0, "what": "event e0 title", "sets": {"title": "third"}},  # another value
        {"begin": 0, "what": "event e0 summary", "sets": {"summary": "second"}},  # another field
    ],
)
def test_a_cut_off_edit_that_set_something_else_does_not_excuse_a_lost_title(
    tmp_path: Path, cut_off: dict[str, object]
) -> None:
    url, first = _overwritten_title(tmp_path)
    entries = [{"begin": 0, "what": "event e0 title", "sets": {"title": "first"}}, first, cut_off]
    result = verify(url, Result("check", "sqlite"), [_journal(tmp_path / "j.jsonl", entries)])
    assert result.lost == 1
