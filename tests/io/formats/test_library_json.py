"""The library JSON: schema, referential checks, deterministic atomic writing, round trip."""

from __future__ import annotations

import copy
import dataclasses
import json
import os
from pathlib import Path
from typing import Any

import pytest

from desktop.io.formats import FormatError
from desktop.io.formats.bundle import Bundle, EventData, PassageData
from desktop.io.formats.library_json import (
    dumps_library_json,
    library_validator,
    read_library_json,
    write_library_json,
)
from tests.io.formats.conftest import REPO


def _document(bundle: Bundle) -> dict[str, Any]:
    return json.loads(dumps_library_json(bundle))  # type: ignore[no-any-return]


def test_write_then_read_gives_an_equal_bundle(bundle: Bundle, tmp_path: Path) -> None:
    path = tmp_path / "library.parallax.json"
    write_library_json(bundle, path)
    assert read_library_json(path) == bundle
    assert read_library_json(path.read_text(encoding="utf-8")) == bundle


def test_writing_is_deterministic_utf8_and_sorted(bundle: Bundle, tmp_path: Path) -> None:
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    write_library_json(bundle, first)
    write_library_json(bundle, second)
    raw = first.read_bytes()
    assert raw == second.read_bytes()
    assert "Test library \u2013 Caucasus".encode() in raw  # not \u-escaped
    document = json.loads(raw)
    assert list(document) == sorted(document)
    assert document["format"] == "parallax-library" and document["version"] == 1
    assert document["relations"][0]["from"] == "p-civil"
    assert "text" not in document["sources"][1]  # a source without full text has no "text"


def test_failed_write_leaves_the_old_file_and_no_temporary(bundle: Bundle, tmp_path: Path) -> None:
    path = tmp_path / "library.json"
    path.write_text("old", encoding="utf-8")
    broken = dataclasses.replace(bundle, events=(*bundle.events, bundle.events[0]))
    with pytest.raises(FormatError, match="event 'war-2008': field 'key'"):
        write_library_json(broken, path)
    assert path.read_text(encoding="utf-8") == "old"
    assert os.listdir(tmp_path) == ["library.json"]


def test_the_schema_accepts_the_fixture_and_edtf_forms(bundle: Bundle) -> None:
    document = _document(bundle)
    library_validator().validate(document)
    for start in ("2008", "2008-08", "2008-08-07", "2012~", "2012-10~", "-0332", "Y-13800000000"):
        document["events"][0]["start"] = start
        document["events"][0]["end"] = None
        assert read_library_json(json.dumps(document)).events[0].start == start


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (
            lambda d: d["events"][1].update(start="2008-13"),
            r"event 'rose-revolution' \(events\[1\]\): field 'start'",
        ),
        (lambda d: d["events"][1].update(start="Aug 2008"), r"events\[1\]\): field 'start'"),
        (lambda d: d["events"][0].pop("lane"), r"event 'war-2008' \(events\[0\]\): field 'lane'"),
        (
            lambda d: d["lanes"][0].update(key="Georgia"),
            r"lane 'Georgia' \(lanes\[0\]\): field 'key'",
        ),
        (lambda d: d["sources"][0].update(kind="blog"), r"sources\[0\]\): field 'kind'"),
        (
            lambda d: d["passages"][0]["events"][0].update(confidence=1.5),
            r"field 'events.0.confidence'",
        ),
        (lambda d: d.update(version=2), r"document: field 'version'"),
        (lambda d: d["events"][0].update(colour="red"), r"events\[0\]\).*colour"),
    ],
)
def test_schema_errors_name_record_and_field(bundle: Bundle, mutate: Any, message: str) -> None:
    document = copy.deepcopy(_document(bundle))
    mutate(document)
    with pytest.raises(FormatError, match=message):
        read_library_json(json.dumps(document))


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (
            lambda d: d["events"][1].update(lane="armenia"),
            "event 'rose-revolution': field 'lane': unknown lane 'armenia'",
        ),
        (lambda d: d["events"][0].update(end="2008-08-01"), "event 'war-2008': field 'end'"),
        (
            lambda d: d["events"][1].update(start="2003-02-30"),
            "event 'rose-revolution': field 'start': impossible date",
        ),
        (
            lambda d: d["passages"][0].update(start=40, end=30),
            "passage 'p-entered': field 'end': end 30 is not after start 40",
        ),
        (
            lambda d: d["passages"][0].update(quote="Russian troops entered south Ossetia"),
            "passage 'p-entered': field 'quote'",
        ),
        (
            lambda d: d["passages"][2]["codings"][0].update(code="nope"),
            "passage 'p-civil': field 'codings': unknown code 'nope'",
        ),
        (lambda d: d["passages"][1].update(tone="furious"), "passage 'p-yield': field 'tone'"),
        (
            lambda d: d["codes"][0].update(parent="entman.remedy"),
            "field 'parent': the code hierarchy has a cycle",
        ),
        (lambda d: d["codes"][1].update(key="entman"), "code 'entman': field 'key': duplicate key"),
        (
            lambda d: d["notes"][1]["target"].update(key="nowhere"),
            "note 'n2': field 'target': unknown event 'nowhere'",
        ),
        (
            lambda d: d["relations"][0].update(to="p-x"),
            "relation 'r1': field 'to': unknown passage 'p-x'",
        ),
        (
            lambda d: d["claims"][0].update(low=20000),
            "claim 'c-troops': field 'high': high is below low",
        ),
        (lambda d: d["eras"][0].update(end="2001"), "era 'saakashvili': field 'end'"),
    ],
)
def test_integrity_errors_name_record_and_field(bundle: Bundle, mutate: Any, message: str) -> None:
    document = copy.deepcopy(_document(bundle))
    mutate(document)
    with pytest.raises(FormatError) as info:
        read_library_json(json.dumps(document))
    assert message in str(info.value)


def test_a_record_value_may_cite_its_reference_instead_of_a_passage(
    bundle: Bundle, tmp_path: Path
) -> None:
    document = copy.deepcopy(_document(bundle))
    claim = document["claims"][0]
    del claim["passage"]
    claim.update(reference="CSTO statement, https://example.org/csto", event="war-2008")
    read = read_library_json(json.dumps(document))
    assert (read.claims[0].passage, read.claims[0].event) == (None, "war-2008")
    path = tmp_path / "again.json"
    write_library_json(read, path)
    assert read_library_json(path).claims[0] == read.claims[0]
    for missing in ({"reference": ""}, {"reference": "   "}, {"event": None}):
        broken = copy.deepcopy(document)
        broken["claims"][0].update(missing)
        with pytest.raises(FormatError, match="claim 'c-troops'"):
            read_library_json(json.dumps(broken))
    with pytest.raises(FormatError, match="field 'passage'"):
        write_library_json(
            dataclasses.replace(read, claims=(dataclasses.replace(read.claims[0], reference=""),)),
            tmp_path / "refused.json",
        )
    assert not (tmp_path / "refused.json").exists()


def test_a_passage_beyond_the_source_text_is_refused(bundle: Bundle) -> None:
    text = bundle.sources[0].text
    assert text is not None
    far = PassageData(
        key="p-far", source="tass-2008-08-08", start=len(text), end=len(text) + 3, quote="abc"
    )
    with pytest.raises(FormatError, match="passage 'p-far': field 'end'"):
        write_library_json(dataclasses.replace(bundle, passages=(far,)), "/nonexistent/x.json")


def test_unreadable_and_non_json_inputs(tmp_path: Path) -> None:
    with pytest.raises(FormatError, match="cannot read"):
        read_library_json(tmp_path / "missing.json")
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "parallax-library",', encoding="utf-8")
    with pytest.raises(FormatError, match="is not JSON: line 1"):
        read_library_json(bad)


def test_minimal_records_take_documented_defaults(bundle: Bundle) -> None:
    document = _document(bundle)
    document["events"] = [{"key": "e1", "title": "E", "start": "2001", "lane": "georgia"}]
    document["passages"] = document["claims"] = document["relations"] = []
    document["notes"] = []
    event = read_library_json(json.dumps(document)).events[0]
    assert event == EventData(key="e1", title="E", start="2001", lane="georgia")
    assert (event.end, event.importance, event.context, event.actors) == (None, 2, False, ())


def test_bundled_dataset_validates_when_present() -> None:
    dataset = REPO / "resources" / "dataset" / "russia-neighbourhood.parallax.json"
    if not dataset.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"the bundled dataset {dataset} is missing")
        pytest.skip("the bundled dataset has not been written yet")
    bundle = read_library_json(dataset)
    assert bundle.events and bundle.lanes
