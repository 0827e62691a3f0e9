"""Real-world TimelineJS files import into a library with their dates, lanes and eras."""

from __future__ import annotations

from pathlib import Path

import pytest

from db.library import Library
from desktop.core.exchange.formats import guess_import_format
from desktop.core.exchange.importing import import_file
from desktop.io.formats.errors import FormatError
from tests.support import shared_path


def _events(library: Library) -> dict[str, tuple[str, str | None, str]]:
    with library.unit_of_work() as uow:
        lanes = {lane.key: lane.name for lane in uow.lanes.list()}
        return {e.title: (e.start, e.end, lanes[e.lane]) for e in uow.events.list()}


def test_women_in_computing_sheet(empty_library: Library) -> None:
    path = shared_path("realdata", "01_timelinejs3_women_in_computing.csv")
    outcome = import_file(empty_library, path)
    assert outcome.format == "timelinejs-csv"
    events = _events(empty_library)
    assert len(events) == 10
    assert events["Ada Lovelace"][:2] == ("1815-12-10", "1852-11-27")
    assert events["...And the women who made it work"][:2] == ("1943-07", "1946")


def test_hundred_years_war_groups_become_lanes(empty_library: Library) -> None:
    path = shared_path("realdata", "03_hundred_years_war_timeline.json")
    assert import_file(empty_library, path).format == "timelinejs-json"
    events = _events(empty_library)
    assert events["Battle of Cr\u00e9cy"][0] == "1346-08-26"
    assert events["Lancastrian War"][:2] == ("1415", "1453-07-17")
    assert events["Henry V"][2] == "Kings of England"
    with empty_library.unit_of_work() as uow:
        assert [e.name for e in uow.lanes.list_eras()] == ["Hundred Years' War"]


def test_cosmological_and_bc_years(empty_library: Library) -> None:
    import_file(empty_library, shared_path("realdata", "06_timelinejs3_cosmo_mixed.json"))
    events = _events(empty_library)
    assert events["The Big Bang"][0] == "Y-13800000000"
    assert events["Apollo 11: Humans Walk on the Moon"][0] == "1969-07-20"
    with empty_library.unit_of_work() as uow:
        big_bang = next(e for e in uow.events.list() if e.title == "The Big Bang")
    assert big_bang.t_lo < -5e12  # 13.8 billion years before year 1, in days


def test_bad_files_name_the_row_or_field(tmp_path: Path, empty_library: Library) -> None:
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("Year,Month,Day,Headline\n2001,13,,A month too far\n", encoding="utf-8")
    with pytest.raises(FormatError, match=r"row 2: field 'Month'"):
        import_file(empty_library, sheet)
    unknown = tmp_path / "notes.txt"
    unknown.write_text("just words\n", encoding="utf-8")
    with pytest.raises(FormatError, match="no column for the title"):
        import_file(empty_library, unknown)
    assert empty_library.is_empty()


def test_format_is_recognised_from_content(tmp_path: Path) -> None:
    renamed = tmp_path / "timeline.data"
    renamed.write_text('{"events": []}', encoding="utf-8")
    assert guess_import_format(renamed) == "timelinejs-json"
    own = tmp_path / "mine.csv"
    own.write_text("key,title,start,lane\nx,X,2001,georgia\n", encoding="utf-8")
    assert guess_import_format(own) == "csv"
    with pytest.raises(FormatError, match="no such file"):
        guess_import_format(tmp_path / "missing.json")
