"""Our CSV tables and the generic CSV import with a column mapping."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from desktop.io.formats import FormatError
from desktop.io.formats.bundle import Bundle
from desktop.io.formats.csv_mapping import ColumnMapping, guess_mapping, import_csv_events
from desktop.io.formats.csv_tables import (
    EVENT_COLUMNS,
    export_csv_tables,
    export_events_csv,
    import_events_csv,
)


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_events_csv_round_trip_gives_the_same_events(bundle: Bundle, tmp_path: Path) -> None:
    path = tmp_path / "events.csv"
    export_events_csv(bundle, path)
    assert import_events_csv(path) == bundle.events


def test_tables_have_joined_lists_and_one_row_per_coding(bundle: Bundle, tmp_path: Path) -> None:
    events, passages, codings = export_csv_tables(bundle, tmp_path)
    with events.open(encoding="utf-8", newline="") as handle:
        assert tuple(next(csv.reader(handle))) == EVENT_COLUMNS
    war = _rows(events)[0]
    assert (war["key"], war["actors"], war["end"]) == ("war-2008", "Russia; Georgia", "2008-08-16")
    by_key = {row["key"]: row for row in _rows(passages)}
    assert by_key["p-entered"]["codes"] == "entman.problem; sovereignty"
    assert by_key["p-yield"]["events"] == "war-2008; reset"
    assert by_key["p-yield"]["quote"] == "\u00abwe will not yield\u00bb"
    rows = _rows(codings)
    assert len(rows) == sum(len(p.codings) for p in bundle.passages)
    assert {
        "passage": "p-entered",
        "code": "sovereignty",
        "code_name": "Sovereignty",
        "coder": "ben",
    }.items() <= rows[1].items()


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        ("start", "2008-13", "row 3: field 'start'"),
        ("end", "1999", "row 3: field 'end'"),
        ("lane", "Not A Key", "row 3: field 'lane'"),
        ("importance", "5", "row 3: field 'importance'"),
        ("key", "war-2008", "row 3: field 'key': duplicate key"),
    ],
)
def test_bad_events_csv_names_row_and_column(
    bundle: Bundle, tmp_path: Path, column: str, value: str, message: str
) -> None:
    path = tmp_path / "events.csv"
    export_events_csv(bundle, path)
    rows = _rows(path)
    rows[1][column] = value
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=EVENT_COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    with pytest.raises(FormatError, match=message):
        import_events_csv(path)


def test_guess_mapping_from_header_names() -> None:
    mapping = guess_mapping(["Date", "Headline", "Region", "Description", "Until"])
    assert mapping == ColumnMapping(
        title="Headline", start="Date", end="Until", group="Region", text="Description"
    )
    with pytest.raises(FormatError, match="no column for the start"):
        guess_mapping(["Headline", "Region"])


def test_generic_import_reads_human_dates_and_groups(tmp_path: Path) -> None:
    path = tmp_path / "mine.csv"
    path.write_text(
        "Headline;Date;Until;Region;Description\n"
        "War;7 Aug 2008;12 Aug 2008;Georgia;Five days\n"
        "Orange Revolution;Nov 2004;Jan 2005;Ukraine;\n"
        "Colony;c. 600 BC;;Georgia;\n"
        ";;;;\n",
        encoding="cp1252",
    )
    bundle = import_csv_events(path)
    assert [(e.title, e.start, e.end) for e in bundle.events] == [
        ("War", "2008-08-07", "2008-08-12"),
        ("Orange Revolution", "2004-11", "2005-01"),
        ("Colony", "-0599~", None),
    ]
    assert [lane.name for lane in bundle.lanes] == ["Georgia", "Ukraine"]
    assert bundle.events[0].summary == "Five days"


def test_generic_import_with_an_explicit_mapping_and_errors(tmp_path: Path) -> None:
    path = tmp_path / "mine.csv"
    path.write_text("what,when\nA,2001\nB,someday\n", encoding="utf-8")
    with pytest.raises(FormatError, match="row 3: field 'when': cannot read 'someday'"):
        import_csv_events(path, ColumnMapping(title="what", start="when"))
    with pytest.raises(FormatError, match="the group column 'region' is not in the file"):
        import_csv_events(path, ColumnMapping(title="what", start="when", group="region"))
