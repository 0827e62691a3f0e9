"""A library document is recognised by its "format" member without parsing the whole file;
other JSON is still told apart by its parsed content."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.core.exchange import formats
from desktop.core.exchange.formats import guess_import_format


def _refuse_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def parse(*_args: object, **_kwargs: object) -> object:
        raise AssertionError("the whole file was parsed")

    monkeypatch.setattr(formats.json, "loads", parse)


def test_a_library_document_is_recognised_without_parsing_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "library.json"
    events = [{"key": f"e{k}", "title": f"Event {k}"} for k in range(2000)]
    path.write_text(json.dumps({"events": events, "format": "parallax-library"}, indent=2))
    _refuse_parsing(monkeypatch)
    assert guess_import_format(path) == "json"


def test_a_quoted_format_member_inside_a_text_does_not_make_a_library(tmp_path: Path) -> None:
    path = tmp_path / "timeline.json"
    text = 'write "format": "parallax-library" in the file'
    path.write_text(json.dumps({"events": [{"text": {"headline": text}}]}))
    assert '"format": "parallax-library"' not in path.read_text()  # escaped in JSON text
    assert guess_import_format(path) == "timelinejs-json"


def test_json_without_either_member_is_refused_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "other.json"
    path.write_text(json.dumps({"format": "something-else", "items": []}))
    with pytest.raises(formats.FormatError, match="neither a Parallax library"):
        guess_import_format(path)
