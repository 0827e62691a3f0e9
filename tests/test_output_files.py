"""Every writer checks that it wrote and keeps the old file; no export writes over the library.

A full disk is simulated for real: the writing process gets a file size limit
(``RLIMIT_FSIZE``, with ``SIGXFSZ`` ignored) just before it writes, so the kernel refuses the
write the way a full disk does, and the command must say so, exit 2 and keep the old file.
"""

from __future__ import annotations

import errno
import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from db.library import open_library
from db.records import EventRecord, LaneRecord
from desktop.cli import main
from desktop.io.formats import atomic
from desktop.io.formats.atomic import write_bytes_atomic

REPO = Path(__file__).resolve().parents[1]
OLD = b"the old file, which must survive\n"

LIMITED_CLI = """
import resource, signal, sys
import desktop.rendering.timeline_image as timeline_image
real = timeline_image.write_bytes_atomic

def write_on_a_full_disk(path, data):
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (len(data) // 2, len(data) // 2))
    real(path, data)

timeline_image.write_bytes_atomic = write_on_a_full_disk
from desktop.cli import main
raise SystemExit(main(sys.argv[1:]))
"""


def _library(path: Path, events: int = 40) -> Path:
    library = open_library(str(path))
    with library.unit_of_work("alice") as uow:
        uow.lanes.add(LaneRecord("georgia", "Georgia"))
        for i in range(events):
            day = 733000.0 + i * 30
            uow.events.add(EventRecord(f"e{i}", f"Event {i}", "2008", day, day + 1, lane="georgia"))
        uow.commit()
    library.dispose()
    return path


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("suffix", ["svg", "pdf", "png"])
def test_export_image_on_a_full_disk_fails_and_keeps_the_old_file(
    tmp_path: Path, suffix: str
) -> None:
    db = _library(tmp_path / "lib.sqlite")
    out = tmp_path / "out" / f"timeline.{suffix}"
    out.parent.mkdir()
    out.write_bytes(OLD)
    env = {**os.environ, "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", LIMITED_CLI, "--db", str(db), "export-image", str(out)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 2, done.stderr
    assert "Wrote" not in done.stdout
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and str(out) in lines[0], done.stderr
    assert "Traceback" not in done.stderr
    assert out.read_bytes() == OLD
    assert [p.name for p in out.parent.iterdir()] == [out.name]  # no temporary file left


def test_an_atomic_write_that_hits_the_size_limit_keeps_the_old_file(tmp_path: Path) -> None:
    out = tmp_path / "data.json"
    out.write_bytes(OLD)
    script = (
        "import resource, signal, sys\n"
        "from desktop.io.formats.atomic import write_bytes_atomic\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (20000, 20000))\n"
        "try:\n"
        "    write_bytes_atomic(sys.argv[1], b'x' * 100000)\n"
        "except OSError as error:\n"
        "    print(error.errno, error.filename)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(out)],
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.stdout.split() == [str(errno.EFBIG), str(out)], done.stderr
    assert out.read_bytes() == OLD
    assert [p.name for p in tmp_path.iterdir()] == [out.name]


def test_a_write_that_cannot_reach_the_disk_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(_path: Path) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic, "_sync", full)
    out = tmp_path / "disagreements.csv"
    out.write_bytes(OLD)
    with pytest.raises(OSError) as raised:
        write_bytes_atomic(out, b"new")
    assert raised.value.errno == errno.ENOSPC and raised.value.filename == str(out)
    assert out.read_bytes() == OLD
    assert [p.name for p in tmp_path.iterdir()] == [out.name]


def test_the_agreement_csv_is_written_atomically(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.core.team import agreement_data

    written: list[Path] = []
    monkeypatch.setattr(
        agreement_data, "write_text_atomic", lambda path, text: written.append(Path(path))
    )
    report = agreement_data.TeamAgreement(("a", "b"), None, ())  # type: ignore[arg-type]
    assert agreement_data.write_csv(report, tmp_path / "out.csv") == 0
    assert written == [tmp_path / "out.csv"]
    assert not (tmp_path / "out.csv").exists()


# --- no export over the open library ----------------------------------------------------------
def _targets(db: Path) -> dict[str, list[str]]:
    link_png, link_html = db.with_name("link.png"), db.with_name("link.html")
    link_png.symlink_to(db)
    link_html.symlink_to(db)
    return {
        "json": ["export-data", str(db), "--format", "json"],
        "qdpx": ["export-data", str(db), "--format", "qdpx"],
        "coverage": ["export-data", str(db), "--format", "coverage-csv"],
        "wal": ["export-data", f"{db}-wal", "--format", "json"],
        "image via a link": ["export-image", str(link_png)],
        "report via a link": ["export-report", "Event 1", str(link_html)],
        "agreement csv": ["agreement", "--coders", "a,b", "--csv", str(db)],
    }


def test_no_export_command_writes_over_the_open_library(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = _library(tmp_path / "lib.sqlite", events=3)
    before = _digest(db)
    for name, command in _targets(db).items():
        assert main(["--db", str(db), *command]) == 2, name
        err = capsys.readouterr().err.strip()
        assert "open library" in err and len(err.splitlines()) == 1, (name, err)
        assert _digest(db) == before, name
    library = open_library(str(db))
    try:
        assert library.counts().events == 3
    finally:
        library.dispose()
