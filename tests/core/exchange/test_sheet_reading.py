"""CSV sheets as people have them: legacy encodings are detected, a row with more cells than the
header is refused by number, and what TimelineJS reading leaves out is said in the result."""

from __future__ import annotations

from pathlib import Path

import pytest

from db.library import Library
from desktop.core.exchange.importing import import_file
from desktop.io.formats.errors import FormatError
from tests.support import shared_path

CYRILLIC = "Встреча в Минске"


@pytest.mark.parametrize(
    ("name", "content", "fmt"),
    [
        ("e.csv", f"title,date\n{CYRILLIC},2014-09-05\n", "events-csv"),
        ("t.csv", f"Year,Month,Day,Headline\n2014,9,5,{CYRILLIC}\n", "timelinejs-csv"),
    ],
)
def test_a_cp1251_sheet_is_decoded_and_said(
    name: str, content: str, fmt: str, tmp_path: Path, empty_library: Library
) -> None:
    path = tmp_path / name
    path.write_bytes(content.encode("cp1251"))
    outcome = import_file(empty_library, path, fmt)
    assert "read as cp1251" in outcome.summary()
    with empty_library.unit_of_work() as uow:
        assert [e.title for e in uow.events.list()] == [CYRILLIC]


@pytest.mark.parametrize(
    ("content", "fmt"),
    [
        (
            "title,date,notes\nKyiv talks,2022-03-29,first\nMinsk, Belarus,2014-09-05,x\n",
            "events-csv",
        ),
        ("Year,Month,Day,Headline\n2014,9,5,Minsk\n2015,2,12,Minsk, again\n", "timelinejs-csv"),
        ("key,title,start,lane\na,A,2001,l\nb,B, shifted,2002,l\n", "csv"),
    ],
)
def test_a_row_with_more_cells_than_the_header_is_refused_by_number(
    content: str, fmt: str, tmp_path: Path, empty_library: Library
) -> None:
    path = tmp_path / "sheet.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(FormatError, match=r"row 3: \d cells but the header row has \d columns"):
        import_file(empty_library, path, fmt)
    assert empty_library.is_empty()


def test_empty_trailing_cells_are_not_extra(tmp_path: Path, empty_library: Library) -> None:
    path = tmp_path / "sheet.csv"
    path.write_text("title,date\nKyiv talks,2022-03-29,,\n", encoding="utf-8")
    import_file(empty_library, path, "events-csv")
    assert not empty_library.is_empty()


@pytest.mark.parametrize(
    ("name", "events", "said"),
    [
        ("01_timelinejs3_women_in_computing.csv", 10, "Imported 1 lane, 10 events."),
        (
            "03_hundred_years_war_timeline.json",
            37,
            "left out 5 placeholder slides (group labels, not events)",
        ),
        ("06_timelinejs3_cosmo_mixed.json", 11, "11 events"),
    ],
)
def test_real_timelinejs_files_import_with_a_true_result_line(
    name: str, events: int, said: str, empty_library: Library
) -> None:
    outcome = import_file(empty_library, shared_path("realdata", name))
    assert said in outcome.summary()
    assert empty_library.counts().events == events
