"""The export and import commands end to end: files, exit codes, messages, no display needed."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop.cli import main

REPO = Path(__file__).resolve().parents[1]
AZAL = "2024-azal-8243-crash"


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    db = str(tmp_path_factory.mktemp("cli") / "sample.sqlite")
    assert main(["--db", db, "sample"]) == 0
    return db


def test_export_then_import_into_an_empty_library(
    sample_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "library.json"
    assert main(["export-data", str(out), "--db", sample_db]) == 0
    assert "105 events" in capsys.readouterr().out
    empty = str(tmp_path / "empty.sqlite")
    assert main(["import-data", str(out), "--db", empty]) == 0
    assert "105 events" in capsys.readouterr().out
    assert main(["import-data", str(out), "--db", empty]) == 0  # again: all identical
    assert "Imported nothing new; skipped" in capsys.readouterr().out


def test_conflicting_import_is_refused_then_renamed(
    sample_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = tmp_path / "events.csv"
    sheet.write_text(
        "key,title,start,lane\n2024-azal-8243-crash,Another title,2024-12-25,georgia\n",
        encoding="utf-8",
    )
    db = str(tmp_path / "copy.sqlite")
    assert main(["--db", db, "sample"]) == 0
    capsys.readouterr()
    assert main(["import-data", str(sheet), "--db", db]) == 2
    err = capsys.readouterr().err
    assert "event '2024-azal-8243-crash'" in err and "--rename" in err
    assert main(["import-data", str(sheet), "--rename", "--db", db]) == 0
    assert "event 2024-azal-8243-crash -> 2024-azal-8243-crash-2" in capsys.readouterr().out


def test_bad_file_exits_2_naming_the_row_without_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = tmp_path / "timeline.csv"
    sheet.write_text("Year,Month,Day,Headline\n1999,,,Fine\n2001,2,30,Bad day\n", "utf-8")
    assert main(["import-data", str(sheet), "--db", str(tmp_path / "x.sqlite")]) == 2
    err = capsys.readouterr().err
    assert "row 3" in err and "'Day'" in err and "Traceback" not in err


def test_unwritable_export_target_gives_a_clear_error(
    sample_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "no-such-folder" / "library.json"
    assert main(["export-data", str(target), "--db", sample_db]) == 2
    assert "Cannot write" in capsys.readouterr().err
    assert not target.parent.exists()


def test_report_html_holds_every_pane_and_the_death_toll_discrepancy(
    sample_db: str, tmp_path: Path
) -> None:
    out = tmp_path / "azal.html"
    assert main(["export-report", AZAL, str(out), "--db", sample_db]) == 0
    html = out.read_text(encoding="utf-8")
    for label in ("EU Reporter", "DW"):  # the sources' short labels, after their colour
        assert re.search(f'<h3><span style="color:#[0-9a-fA-F]{{6}}">●</span> {label}</h3>', html)
    assert "Deutsche Welle (DW) · " in html  # the outlet, in the pane's details
    assert "at least 38 people" in html and "28 people" in html and "disagree" in html
    assert "<script" not in html and "http" not in html.split("<body>")[0]


def test_report_pdf_has_pages_and_the_title(sample_db: str, tmp_path: Path) -> None:
    out = tmp_path / "azal.pdf"
    assert main(["export-report", AZAL, str(out), "--db", sample_db]) == 0
    reader = PdfReader(out)
    assert len(reader.pages) > 1
    first = " ".join(unicodedata.normalize("NFKC", reader.pages[0].extract_text()).split())
    assert "Azerbaijan Airlines flight 8243 downed" in first
    assert "compared" in (reader.metadata.title or "")


def test_export_image_runs_headless_in_a_subprocess(sample_db: str, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "QT_QPA_PLATFORM")}
    env["PYTHONPATH"] = str(REPO)
    out = tmp_path / "timeline.pdf"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "desktop",
            "--db",
            sample_db,
            "export-image",
            str(out),
            "--page",
            "A3",
            "--title",
            "Neighbours",
            "--from",
            "2014",
            "--to",
            "2024",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    reader = PdfReader(out)
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (1191, 842)
    assert "Neighbours" in reader.pages[0].extract_text()


def test_export_image_rejects_a_bad_date(
    sample_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "t.png"
    assert main(["export-image", str(out), "--from", "someday", "--db", sample_db]) == 2
    assert "Traceback" not in capsys.readouterr().err
    assert not out.exists()


FIVE_SOURCES = "2022-russian-full-scale-invasion"


def _pdf_text(path: Path) -> str:
    reader = PdfReader(path)
    return " ".join(
        " ".join(unicodedata.normalize("NFKC", page.extract_text()).split())
        for page in reader.pages
    )


def test_report_of_a_five_source_event_fits_three_pages_and_names_sources_whole(
    sample_db: str, tmp_path: Path
) -> None:
    out = tmp_path / "invasion.pdf"
    assert main(["export-report", FIVE_SOURCES, str(out), "--db", sample_db]) == 0
    assert len(PdfReader(out).pages) <= 3
    text = _pdf_text(out)
    for label in ("Policy report", "Bloomberg digest", "EU Reporter", "ConservativeHome", "DW"):
        assert label in text  # the frames table's headings, never broken letter by letter
    assert "Frames" in text and "Coverage" not in text
    wide = tmp_path / "with-coverage.pdf"
    assert main(["export-report", FIVE_SOURCES, str(wide), "--coverage", "--db", sample_db]) == 0
    assert len(PdfReader(wide).pages) > 3 and "Coverage" in _pdf_text(wide)


def test_export_image_writes_citations_and_a_caption(
    sample_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out, bib, csl, caption = (tmp_path / name for name in ("f.png", "f.bib", "f.json", "f.txt"))
    args = ["export-image", str(out), "--preset", "journal-column", "--db", sample_db]
    assert main([*args, "--bib", str(bib), "--caption", str(caption)]) == 0
    assert main([*args, "--bib", str(csl)]) == 0
    entries = bib.read_text(encoding="utf-8")
    assert entries.count("\n@") + entries.startswith("@") == 5
    assert "@article{dw-ex-soviet-2025," in entries
    items = __import__("json").loads(csl.read_text(encoding="utf-8"))
    assert {item["id"] for item in items} >= {"dw-ex-soviet-2025", "kuzio-eureporter-2025"}
    text = caption.read_text(encoding="utf-8")
    assert "events in 6 lanes" in text and "DW [dw-ex-soviet-2025]" in text
    assert main([*args, "--bib", str(tmp_path / "refs.txt")]) == 2
    assert ".bib or .json" in capsys.readouterr().err


def test_export_image_reports_what_it_wrote_as_json(
    sample_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out, caption = tmp_path / "f.svg", tmp_path / "f.txt"
    args = ["export-image", str(out), "--from", "2020-01-01", "--to", "2021-12-31"]
    assert main([*args, "--caption", str(caption), "--format", "json", "--db", sample_db]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["written"] == [str(out), str(caption)] and out.exists() and caption.exists()
    assert (report["from"], report["to"]) == ("2020-01-01", "2022-01-01")  # the end is exclusive
    assert report["events_shown"] > 0 and report["sources"] == 5
    svg = out.read_text(encoding="utf-8")
    assert f"{report['events_shown']} events shown" in svg  # the footer counts the same
