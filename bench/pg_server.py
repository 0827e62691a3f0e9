"""A throwaway PostgreSQL server of our own (to stop and start) and fresh databases on one.

Used by ``bench.reliability``; the server is made by ``tools/test-postgres.sh`` and, as root, run
as the ``postgres`` user.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

TOOLS = Path(__file__).resolve().parents[1] / "tools"


def _pg_bindir() -> Path:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"))
    return (
        found[-1].parent
        if found
        else Path(
            subprocess.check_output(["sh", "-c", "dirname $(command -v pg_ctl)"], text=True).strip()
        )
    )


def pg_ctl(folder: Path, action: str) -> None:
    """Stop or start the throwaway server in ``folder`` (made by tools/test-postgres.sh)."""
    port = (folder / "port").read_text().strip()
    command = [
        str(_pg_bindir() / "pg_ctl"),
        "-D",
        str(folder / "data"),
        "-w",
        "-t",
        "60",
        "-l",
        str(folder / "server.log"),
    ]
    if action == "start":
        command += [
            "-o",
            f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off",
            "start",
        ]
    else:
        command += ["-m", "fast", "stop"]
    if os.getuid() == 0:
        command = ["runuser", "-u", "postgres", "--", *command]
    subprocess.run(command, check=True, capture_output=True)


@contextmanager
def own_server() -> Iterator[tuple[Path, str]]:
    """A separate throwaway server (the server user must reach its folder: not under tmp_path)."""
    folder = Path(tempfile.mkdtemp(prefix="parallax-pg-restart-"))
    folder.chmod(0o755)
    url = subprocess.run(
        [str(TOOLS / "test-postgres.sh"), "start", str(folder)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    try:
        yield folder, url
    finally:
        subprocess.run([str(TOOLS / "test-postgres.sh"), "stop", str(folder)], check=False)


@contextmanager
def fresh_database(server_url: str | None, work: Path, name: str) -> Iterator[str]:
    """A new SQLite file, or a new database on the PostgreSQL server (dropped afterwards)."""
    if server_url is None:
        yield f"sqlite:///{work / (name + '.sqlite')}"
        return
    with throwaway_database(server_url, "parallax_rel") as url:
        yield url


@contextmanager
def throwaway_database(server_url: str, prefix: str) -> Iterator[str]:
    """The URL of a new, empty database on the PostgreSQL server at ``server_url``, named
    ``prefix`` plus a random suffix; dropped (connections and all) afterwards."""
    server = make_url(server_url)
    database = f"{prefix}_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{database}"'))
    try:
        yield server.set(database=database).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'))
        admin.dispose()
