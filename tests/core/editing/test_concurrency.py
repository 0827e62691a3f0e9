"""Edits survive a writer killed mid-burst, and two writers never lose an update (no Qt)."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest

from db.errors import ConflictError
from db.library import open_library
from desktop.core.editing import EditEvent, perform
from tests.core.editing.conftest import fill

REPO = Path(__file__).resolve().parents[3]
ACKNOWLEDGED_BEFORE_KILL = 40
WRITER = """
import sys
from dataclasses import replace
from db.library import open_library
from db.records import EventRecord
from desktop.core.editing import CreateEvent, EditEvent, new_key, perform

library = open_library(sys.argv[1])
for i in range(100000):
    key = new_key(f"burst {i}", "event")
    event = EventRecord(key, f"Burst {i}", "2008-08-07", 0.0, 0.0, lane="georgia")
    perform(CreateEvent(event, "writer"), library)
    with library.unit_of_work() as uow:
        event = uow.events.get("war")
    perform(EditEvent(event, replace(event, summary=f"edit {i}"), "writer"), library)
    print(key, i, flush=True)  # acknowledged: both commits returned
"""


def _read_acknowledged(process: subprocess.Popen[str], count: int) -> list[str]:
    assert process.stdout is not None
    lines: list[str] = []
    deadline = time.monotonic() + 120
    while len(lines) < count and time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        lines.append(line)
    return lines


@pytest.mark.slow
def test_killed_writer_loses_no_acknowledged_edit(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite"
    library = open_library(str(path))
    fill(library)
    library.dispose()
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    process = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path)],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        lines = _read_acknowledged(process, ACKNOWLEDGED_BEFORE_KILL)
        process.send_signal(signal.SIGKILL)  # mid-burst: it is writing the next edit now
        lines += process.communicate(timeout=30)[0].splitlines(keepends=True)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == -signal.SIGKILL
    acknowledged = [line.split() for line in lines if line.strip()]
    assert len(acknowledged) >= ACKNOWLEDGED_BEFORE_KILL, process.stderr
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        connection.close()
    reopened = open_library(str(path))
    try:
        with reopened.unit_of_work() as uow:
            keys = {event.key for event in uow.events.list()}
            summary = uow.events.get("war").summary
    finally:
        reopened.dispose()
    missing = [key for key, _ in acknowledged if key not in keys]
    assert missing == []
    last_edit = int(acknowledged[-1][1])
    assert summary in (f"edit {last_edit}", f"edit {last_edit + 1}")


@pytest.mark.parametrize("first_wins", [True, False])
def test_two_writers_conflict_instead_of_losing_an_update(any_url: str, first_wins: bool) -> None:
    alice, bob = open_library(any_url), open_library(any_url)
    try:
        fill(alice)
        with alice.unit_of_work() as uow:
            seen_by_alice = uow.events.get("war")
        with bob.unit_of_work() as uow:
            seen_by_bob = uow.events.get("war")
        assert seen_by_alice == seen_by_bob
        winner, loser = (alice, bob) if first_wins else (bob, alice)
        title = "Winner's title"
        perform(EditEvent(seen_by_alice, replace(seen_by_alice, title=title), "w"), winner)
        late = EditEvent(seen_by_bob, replace(seen_by_bob, summary="Late summary"), "l")
        with pytest.raises(ConflictError):
            perform(late, loser)
        with loser.unit_of_work() as uow:
            stored = uow.events.get("war")
        assert (stored.title, stored.summary) == ("Winner's title", seen_by_alice.summary)
    finally:
        alice.dispose()
        bob.dispose()
