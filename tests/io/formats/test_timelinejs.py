"""TimelineJS JSON and spreadsheet CSV: export, re-import, and the real-world files."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from desktop.io.formats import FormatError
from desktop.io.formats.bundle import Bundle, EventData
from desktop.io.formats.timelinejs import (
    CSV_HEADERS,
    export_timelinejs_csv,
    export_timelinejs_json,
    import_timelinejs_csv,
    import_timelinejs_json,
)
from desktop.model.dates import HistDate, Precision
from tests.io.formats.conftest import realdata_file


def _dated(events: tuple[EventData, ...]) -> dict[str, tuple[str, str | None, str]]:
    return {event.title: (event.start, event.end, event.summary) for event in events}


def _lane_names(bundle: Bundle) -> dict[str, str]:
    names = {lane.key: lane.name for lane in bundle.lanes}
    return {event.title: names[event.lane] for event in bundle.events}


def test_json_round_trip_keeps_events_dates_and_precision(bundle: Bundle, tmp_path: Path) -> None:
    path = tmp_path / "timeline.json"
    export_timelinejs_json(bundle, path)
    back = import_timelinejs_json(path)
    assert {e.key for e in back.events} == {e.key for e in bundle.events}  # unique_id kept
    assert _dated(back.events) == _dated(bundle.events)
    assert _lane_names(back) == _lane_names(bundle)
    assert [(e.name, e.start, e.end) for e in back.eras] == [
        (e.name, e.start, e.end) for e in bundle.eras
    ]
    assert back.meta.title == bundle.meta.title


def test_csv_round_trip_keeps_events_dates_and_precision(bundle: Bundle, tmp_path: Path) -> None:
    path = tmp_path / "timeline.csv"
    export_timelinejs_csv(bundle, path)
    back = import_timelinejs_csv(path)
    assert _dated(back.events) == _dated(bundle.events)
    assert _lane_names(back) == _lane_names(bundle)
    assert [(e.name, e.start, e.end) for e in back.eras] == [
        (e.name, e.start, e.end) for e in bundle.eras
    ]


def test_export_leaves_unknown_parts_empty_and_writes_circa(bundle: Bundle, tmp_path: Path) -> None:
    path = tmp_path / "timeline.json"
    export_timelinejs_json(bundle, path)
    slides = {s["unique_id"]: s for s in json.loads(path.read_text(encoding="utf-8"))["events"]}
    assert slides["rose-revolution"]["start_date"] == {"year": 2003, "month": 11}
    assert slides["munich-speech"]["start_date"] == {"year": 2007}
    assert slides["reset"]["start_date"] == {"year": 2009, "display_date": "c. 2009"}
    assert slides["colchis"]["start_date"] == {"year": -600}  # 600 BC as TimelineJS labels it
    assert slides["war-2008"]["group"] == "Georgia"
    assert slides["war-2008"]["text"]["headline"] == "Russo-Georgian War"


def test_export_cites_the_sources_linked_through_passages(bundle: Bundle, tmp_path: Path) -> None:
    path = tmp_path / "timeline.json"
    export_timelinejs_json(bundle, path)
    slides = {s["unique_id"]: s for s in json.loads(path.read_text(encoding="utf-8"))["events"]}
    war = slides["war-2008"]["text"]["text"]
    assert "<p>Five days of war &lt;over&gt; S. Ossetia.</p>" in war
    assert "TASS: Troops enter South Ossetia" in war and 'href="https://example.org/t"' in war
    assert "Civil.ge: A year after (August 2009)" in war
    reset = slides["reset"]["text"]["text"]
    assert "TASS" in reset and "Civil.ge" not in reset
    assert "Sources" not in slides["munich-speech"]["text"]["text"]


def test_csv_export_has_the_exact_timelinejs_headers(bundle: Bundle, tmp_path: Path) -> None:
    path = tmp_path / "timeline.csv"
    export_timelinejs_csv(bundle, path)
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert tuple(rows[0]) == CSV_HEADERS
    by_headline = {row[9]: row for row in rows[1:]}
    assert by_headline["Rose Revolution"][:3] == ["2003", "11", ""]
    assert by_headline["The \u201creset\u201d"][8] == "c. 2009 \u2013 c. 2011"
    assert by_headline["Saakashvili years"][15] == "era"
    assert rows[1][15] == "title"


def test_women_in_computing_sheet() -> None:
    bundle = import_timelinejs_csv(realdata_file("01_timelinejs3_women_in_computing.csv"))
    assert bundle.meta.title == "Women in Computing"
    assert bundle.meta.description.startswith("In this sample timeline, we'll walk you")
    assert len(bundle.events) == 10  # the title row is not an event
    events = {e.title: e for e in bundle.events}
    assert (events["Ada Lovelace"].start, events["Ada Lovelace"].end) == (
        "1815-12-10",
        "1852-11-27",
    )
    eniac = events["...And the women who made it work"]
    assert (eniac.start, eniac.end) == ("1943-07", "1946")  # month and year precision kept
    assert events["Grace Hopper invents the compiler"].start == "1952"
    lovelace = events["Ada Lovelace"].summary
    assert "Take Ada Lovelace: Daughter of Lord Byron" in lovelace and "<" not in lovelace
    assert 'called "the Mother of the Internet,"' in events['"The Mother of the Internet"'].summary
    starts = [HistDate.parse_edtf(e.start).first_day() for e in bundle.events]
    assert starts == sorted(starts)  # the sheet's rows are out of order


def test_hundred_years_war_json() -> None:
    bundle = import_timelinejs_json(realdata_file("03_hundred_years_war_timeline.json"))
    assert bundle.meta.title == "Hundred Years' War"
    assert len(bundle.events) == 42 - 5  # five "." placeholders label groups, they are not events
    assert [lane.name for lane in bundle.lanes] == [
        "Kings of England",
        "Notable of England",
        "Events",
        "Notable of France",
        "Kings of France",
        "Phase",
    ]
    events = {e.title: e for e in bundle.events}
    rollo = events["Rollo The Viking, first ruler of Normandy"]
    assert rollo.start == "0911"
    assert HistDate.parse_edtf(rollo.start).precision is Precision.YEAR
    assert events["Battle of Cr\u00e9cy"].start == "1346-08-26"
    assert (events["Lancastrian War"].start, events["Lancastrian War"].end) == (
        "1415",
        "1453-07-17",
    )
    lanes = {lane.key: lane.name for lane in bundle.lanes}
    assert lanes[events["Henry V"].lane] == "Kings of England"
    assert [(e.name, e.start, e.end) for e in bundle.eras] == [
        ("Hundred Years' War", "1337", "1453-07-17")
    ]
    assert (
        events["Henry V"].summary.startswith("Lorem ipsum")
        and "<p>" not in events["Henry V"].summary
    )


def test_cosmological_and_bc_years() -> None:
    bundle = import_timelinejs_json(realdata_file("06_timelinejs3_cosmo_mixed.json"))
    dates = {e.title: HistDate.parse_edtf(e.start) for e in bundle.events}
    assert dates["The Big Bang"].to_edtf() == "Y-13800000000"
    assert dates["The Sun Ignites"].year == -4_600_000_000
    assert dates["Euclid's Optica"].display() == "300 BC"  # HTML <i> stripped from the headline
    assert dates["First Manufactured Glass"].display() == "3500 BC"
    assert dates["Homo sapiens Appear"].display() == "300,000 BC"
    galileo = dates["Galileo Points a Telescope at the Moon"]
    assert (galileo.year, galileo.month, galileo.precision) == (1609, 11, Precision.MONTH)
    assert dates["Apollo 11: Humans Walk on the Moon"].to_edtf() == "1969-07-20"
    assert [e.title for e in bundle.events][0] == "The Big Bang"
    assert len(bundle.events) == 11


def _write(tmp_path: Path, document: object) -> Path:
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("events", "message"),
    [
        (
            [{"start_date": {"year": "12x"}, "text": {"headline": "A"}}],
            r"events\[0\]: field 'start_date.year'",
        ),
        (
            [{"start_date": {"year": 2001, "month": 13}, "text": {"headline": "A"}}],
            r"events\[0\]: field 'start_date.month'",
        ),
        (
            [{"start_date": {"year": 2001, "month": 2, "day": 30}, "text": {"headline": "A"}}],
            r"events\[0\]: field 'start_date.day'",
        ),
        (
            [{"start_date": {"year": 2001, "day": 3}, "text": {"headline": "A"}}],
            r"events\[0\]: field 'start_date.month': a day needs a month",
        ),
        ([{"text": {"headline": "A"}}], r"events\[0\]: field 'start_date'"),
        (
            [{"start_date": {"year": 2001}, "end_date": {"year": 1999}, "text": {"headline": "A"}}],
            r"events\[0\]: field 'end_date.year'",
        ),
        (
            [
                {"start_date": {"year": 2001}, "text": {"headline": "ok"}},
                {"start_date": {"year": 2001}},
            ],
            r"events\[1\]: field 'headline'",
        ),
        ([{"start_date": {"year": 2001}, "text": "A"}], r"events\[0\]: field 'text'"),
    ],
)
def test_bad_json_names_slide_and_field(tmp_path: Path, events: object, message: str) -> None:
    with pytest.raises(FormatError, match=message):
        import_timelinejs_json(_write(tmp_path, {"events": events}))


def test_not_a_timeline(tmp_path: Path) -> None:
    with pytest.raises(FormatError, match="events list"):
        import_timelinejs_json(_write(tmp_path, {"slides": []}))
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    with pytest.raises(FormatError, match="not JSON"):
        import_timelinejs_json(broken)


def test_bad_csv_names_row_and_field(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("Year,Month,Day,Headline\n2001,,,Fine\n2002,14,,Bad month\n", encoding="utf-8")
    with pytest.raises(FormatError, match="row 3: field 'Month'"):
        import_timelinejs_csv(path)
    path.write_text("Date,Title\n2001,A\n", encoding="utf-8")
    with pytest.raises(FormatError, match="column 'Year' is missing"):
        import_timelinejs_csv(path)
