"""Absurd years and numbers are refused on the way in, naming the record and the field, on
every path: each import format, and any write through the repositories (window, sync)."""

from __future__ import annotations

import dataclasses
import json
import math
from pathlib import Path

import pytest

from db.errors import IntegrityViolationError
from db.library import Library
from desktop.core.exchange.importing import import_file
from desktop.core.exchange.library_export import bundle_from_library
from desktop.io.formats.errors import FormatError
from desktop.io.formats.library_json import dumps_library_json
from desktop.model.dates import MAX_YEAR

HUGE = "1" + "0" * 30


def timelinejs_json(year: str) -> str:
    return json.dumps(
        {"events": [{"start_date": {"year": year}, "text": {"headline": "Far away"}}]}
    )


@pytest.mark.parametrize(
    ("name", "content", "fmt"),
    [
        ("t.json", timelinejs_json(HUGE), "timelinejs-json"),
        ("t.json", timelinejs_json("-" + HUGE), "timelinejs-json"),
        ("t.csv", f"Year,Headline\n{HUGE},Far away\n", "timelinejs-csv"),
        ("e.csv", f"title,date\nFar away,{HUGE}\n", "events-csv"),
        ("e.csv", f"title,date\nFar away,Y{HUGE}\n", "events-csv"),
        ("o.csv", f"key,title,start,lane\nfar,Far away,Y{HUGE},l\n", "csv"),
    ],
)
def test_years_beyond_the_range_are_refused_by_every_importer(
    name: str, content: str, fmt: str, tmp_path: Path, empty_library: Library
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(FormatError) as caught:
        import_file(empty_library, path, fmt)
    message = str(caught.value)
    assert "supported range" in message and len(message) < 600 and "\n" not in message
    assert empty_library.is_empty()


def test_cosmological_years_inside_the_range_still_import(
    tmp_path: Path, empty_library: Library
) -> None:
    path = tmp_path / "t.json"
    path.write_text(timelinejs_json("-13800000000"), encoding="utf-8")
    import_file(empty_library, path, "timelinejs-json")
    with empty_library.unit_of_work() as uow:
        assert [e.start for e in uow.events.list()] == ["Y-13800000000"]
    assert MAX_YEAR == 20_000_000_000


@pytest.fixture
def library_document(sample_library: Library) -> dict[str, object]:
    with sample_library.unit_of_work() as uow:
        bundle = bundle_from_library(uow)
    document: dict[str, object] = json.loads(dumps_library_json(bundle))
    return document


def test_a_library_json_event_year_beyond_the_range_names_the_event(
    library_document: dict[str, object], tmp_path: Path, empty_library: Library
) -> None:
    events = library_document["events"]
    assert isinstance(events, list)
    events[0]["start"] = f"Y{HUGE}"
    path = tmp_path / "lib.json"
    path.write_text(json.dumps(library_document), encoding="utf-8")
    with pytest.raises(FormatError, match=rf"event '{events[0]['key']}': field 'start'"):
        import_file(empty_library, path, "json")
    assert empty_library.is_empty()


@pytest.mark.parametrize("value", ["NaN", "Infinity", "-Infinity", "1e999"])
def test_claims_with_numbers_that_are_not_finite_are_refused(
    value: str, library_document: dict[str, object], tmp_path: Path, empty_library: Library
) -> None:
    claims = library_document["claims"]
    assert isinstance(claims, list) and claims
    number = next(c for c in claims if c["kind"] == "number")
    text = json.dumps(library_document).replace(
        json.dumps(number), json.dumps({**number, "low": 12345.5}).replace("12345.5", value)
    )
    path = tmp_path / "lib.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(FormatError, match=rf"claim '{number['key']}': field 'low'"):
        import_file(empty_library, path, "json")
    assert empty_library.is_empty()


def test_repositories_refuse_non_finite_claims_and_far_times(sample_library: Library) -> None:
    with sample_library.unit_of_work() as uow:
        claim = next(c for c in uow.claims.list() if c.low is not None)
        event = uow.events.list()[0]
    for bad in (math.nan, math.inf):
        with (
            sample_library.unit_of_work() as uow,
            pytest.raises(IntegrityViolationError, match=rf"claim '{claim.key}': field 'low'"),
        ):
            uow.claims.update(dataclasses.replace(claim, low=bad))
    with (
        sample_library.unit_of_work() as uow,
        pytest.raises(IntegrityViolationError, match=rf"event '{event.key}': field 't_lo'"),
    ):
        uow.events.update(dataclasses.replace(event, t_lo=-1e30))
    with sample_library.unit_of_work() as uow:
        assert uow.claims.get(claim.key).low == claim.low
