"""The reliability checker itself: it counts an overwritten acknowledged edit as lost, and
excuses only a killed writer's cut-off edit that may have committed without its reply."""

from __future__ import annotations

import json
from pathlib import Path

from bench.reliability import seed
from bench.reliability_checks import Result, verify
from bench.reliability_edits import edit_event
from db.library import open_library


def _journal(path: Path, entries: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(e) + "\n" for e in entries), encoding="utf-8")
    return path


def _edit_title(url: str, author: str, title: str) -> dict[str, object]:
    library = open_library(url)
    try:
        return edit_event(library, author, "e0", "title", title)
    finally:
        library.dispose()


def _edit_notes(url: str, author: str, notes: str) -> dict[str, object]:
    library = open_library(url)
    try:
        return edit_event(library, author, "e0", "notes", notes)
    finally:
        library.dispose()


def test_an_acknowledged_title_overwritten_without_a_trace_is_lost(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'lib.sqlite'}"
    seed(url)
    first = _edit_title(url, "a", "first")
    _edit_title(url, "b", "second")  # made by nobody's journal: a silent overwrite
    journal = _journal(tmp_path / "j.jsonl", [{"begin": 0, "what": "event e0 title"}, first])
    result = verify(url, Result("check", "sqlite"), [journal])
    assert result.lost == 1
    assert result.missing == [f"event e0 title v{first['version']} != stored"]


def test_a_cut_off_edit_after_the_last_acknowledged_one_is_not_a_loss(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'lib.sqlite'}"
    seed(url)
    first = _edit_title(url, "a", "first")
    _edit_title(url, "b", "second")  # committed, then the writer was killed before its reply
    notes = _edit_notes(url, "c", "later")  # a later edit of another field carries it on
    entries = [
        {"begin": 0, "what": "event e0 title", "sets": {"title": "first"}},
        first,
        {"begin": 0, "what": "event e0 title", "sets": {"title": "second"}},
        {"begin": 0, "what": "event e0 notes", "sets": {"notes": "later"}},
        notes,
    ]
    result = verify(url, Result("check", "sqlite"), [_journal(tmp_path / "j.jsonl", entries)])
    assert (result.lost, result.found, result.acknowledged) == (0, 2, 2)


def test_a_cut_off_edit_that_set_another_value_does_not_excuse_it(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'lib.sqlite'}"
    seed(url)
    first = _edit_title(url, "a", "first")
    _edit_title(url, "b", "second")
    entries = [
        {"begin": 0, "what": "event e0 title", "sets": {"title": "first"}},
        first,
        {"begin": 0, "what": "event e0 title", "sets": {"title": "third"}},
    ]
    result = verify(url, Result("check", "sqlite"), [_journal(tmp_path / "j.jsonl", entries)])
    assert result.lost == 1


def test_a_cut_off_edit_of_another_field_does_not_excuse_a_lost_title(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'lib.sqlite'}"
    seed(url)
    first = _edit_title(url, "a", "first")
    _edit_title(url, "b", "second")
    entries = [
        {"begin": 0, "what": "event e0 title", "sets": {"title": "first"}},
        first,
        {"begin": 0, "what": "event e0 summary", "sets": {"summary": "second"}},
    ]
    result = verify(url, Result("check", "sqlite"), [_journal(tmp_path / "j.jsonl", entries)])
    assert result.lost == 1
