"""Reliability, measured: concurrent clients, killed writers, a restarted server, old schemas.

    python -m bench.reliability [--pg URL] [--clients 4] [--edits 500] [--kills 50]

Prints, per scenario and engine, the edits made, acknowledged, found afterwards, conflicts
(refused or reported edits, never silent) and lost (acknowledged but absent or overwritten
without a version check). Without ``--pg`` (or ``$PARALLAX_TEST_PG_URL``) only SQLite runs.
Writers are processes from a fork server; each writes a journal line before an edit and one
after it is committed ("acknowledged"), so a killed writer's last edit counts as made only.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import signal
import subprocess
import time
import uuid
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import column, create_engine, inspect, select, table
from sqlalchemy.orm import sessionmaker

from bench.pg_server import fresh_database, own_server, pg_ctl
from bench.reliability_checks import Result, integrity, verify
from bench.reliability_edits import LANES, TARGETS, Holdings, random_edit
from db.errors import LibraryError
from db.library import Library, open_library
from db.migrate import downgrade, upgrade
from db.records import (
    ClaimRecord,
    CodeRecord,
    EventRecord,
    LaneRecord,
    NoteRecord,
    PassageRecord,
    SourceRecord,
)
from desktop.core.sample import load_sample
from desktop.core.team.outbox import Outbox


def seed(url: str) -> None:
    """A small shared library whose few records every writer fights over."""
    library = open_library(url)
    with library.unit_of_work("seed") as uow:
        for position, lane in enumerate(LANES):
            uow.lanes.add(LaneRecord(lane, lane.title(), "#aa0000", position))
        uow.sources.add(SourceRecord("s", "Source", full_text="x" * 2000))
        for i in range(TARGETS):
            uow.events.add(
                EventRecord(f"e{i}", f"Event {i}", "2008", 733042.0, 733408.0, lane="georgia")
            )
            uow.passages.add(PassageRecord(f"p{i}", "s", i * 100, i * 100 + 80, "x" * 80))
            uow.codes.add(CodeRecord(f"c{i}", f"Code {i}"))
            uow.claims.add(ClaimRecord(f"k{i}", f"p{i}", f"subject {i}", "number", low=float(i)))
            uow.notes.add(NoteRecord(f"n{i}", "event", f"e{i}", "seed"))
        uow.commit()
    library.dispose()


# --- one writer ------------------------------------------------------------------------------
def writer(url: str, author: str, edits: int, journal: str, rng_seed: int) -> None:
    """Make ``edits`` random edits, journalling each; an unreachable database is retried."""
    library = open_library(url)
    rng = random.Random(rng_seed)
    box = Outbox(first_delay=0.1, max_delay=1.0)
    mine = Holdings()
    with open(journal, "a", encoding="utf-8") as out:
        for n in range(edits):
            plan = random_edit(rng, library, author, n, mine)
            out.write(json.dumps({"begin": n, "what": plan.what, "sets": plan.sets}) + "\n")
            out.flush()
            outcome = box.send(f"edit {n}", plan.action)
            while outcome is None:
                out.write(json.dumps({"outage": box.last_problem[:80]}) + "\n")
                time.sleep(max(0.0, (box.next_due or 0.0) - time.monotonic()))
                settled = box.retry_due()
                outcome = settled[0] if settled else None
            entry = outcome.result if outcome.sent else {"conflict": str(outcome.error)[:80]}
            out.write(json.dumps(entry) + "\n")
            out.flush()
    library.dispose()


def _fork(target: Callable[..., None], *args: Any) -> multiprocessing.process.BaseProcess:
    """Start a writer process from a fork server that has this module preloaded: fast, and
    safe when the caller has threads (a plain fork of a threaded process can deadlock)."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["bench.reliability"])
    process = context.Process(target=target, args=args)
    process.start()
    return process


# --- scenarios -------------------------------------------------------------------------------
def concurrent_clients(url: str, engine: str, work: Path, clients: int, edits: int) -> Result:
    seed(url)
    journals = [work / f"client{i}.jsonl" for i in range(clients)]
    processes = [
        _fork(writer, url, f"client{i}", edits, str(journals[i]), i) for i in range(clients)
    ]
    for process in processes:
        process.join(timeout=600)
    result = Result(f"{clients} clients x {edits}", engine)
    if any(p.exitcode != 0 for p in processes):
        result.integrity = f"writer exit codes {[p.exitcode for p in processes]}"
        return result
    return verify(url, result, journals)


def _lines(journal: Path) -> int:
    return journal.read_bytes().count(b"\n") if journal.exists() else 0


def killed_writer(url: str, engine: str, work: Path, kills: int, rng_seed: int = 7) -> Result:
    seed(url)
    rng = random.Random(rng_seed)
    journal = work / "killed.jsonl"
    result = Result(f"SIGKILL x {kills}", engine)
    for round_ in range(kills):
        start = _lines(journal)
        process = _fork(writer, url, f"victim{round_}", 100_000, str(journal), round_)
        # Killed after a random number of journal lines (odd: just after an edit began, even:
        # just after one was acknowledged) and a little more, however loaded the machine is.
        wanted = start + rng.randrange(1, 16)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and _lines(journal) < wanted:
            time.sleep(0.005)
        time.sleep(rng.uniform(0.0, 0.05))
        assert process.pid is not None
        os.kill(process.pid, signal.SIGKILL)
        process.join()
        status = integrity(url)
        if status != "ok":
            result.integrity = f"after kill {round_ + 1}: {status}"
            return result
    return verify(url, result, [journal])


def table_columns(url: str) -> dict[str, list[str]]:
    """The columns of every table (but the schema version)."""
    engine = create_engine(url)
    try:
        inspector = inspect(engine)
        return {
            t: [c["name"] for c in inspector.get_columns(t)]
            for t in inspector.get_table_names()
            if t != "alembic_version"
        }
    finally:
        engine.dispose()


def snapshot(url: str, columns: dict[str, list[str]] | None = None) -> dict[str, list[str]]:
    """Every row of every table (but the schema version), as sorted text, per table; only the
    given ``columns`` of the given tables when named (columns a later revision added are not
    part of an older library's rows)."""
    wanted = columns if columns is not None else table_columns(url)
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return {
                t: sorted(
                    repr(tuple(r))
                    for r in connection.execute(
                        select(*(column(c) for c in names)).select_from(table(t))
                    )
                )
                for t, names in wanted.items()
            }
    finally:
        engine.dispose()


def upgraded_library(url: str, engine_name: str) -> Result:
    """A library at the first revision holding the bundled dataset, upgraded: compare rows.

    The dataset can only be written through today's models, so it is loaded at head and the
    schema is then taken down to 0001 (each revision's downgrade), as an old library would be."""
    engine = create_engine(url)
    upgrade(engine, "head")
    load_sample(Library(url, engine, sessionmaker(engine, expire_on_commit=False)))
    downgrade(engine, "0001")
    engine.dispose()
    old_columns = table_columns(url)
    before = snapshot(url, old_columns)
    open_library(url).dispose()
    after = snapshot(url, old_columns)
    made = sum(len(rows) for rows in before.values())
    found = sum(len(set(rows) & set(after.get(table, []))) for table, rows in before.items())
    return Result("upgrade 0001 -> head", engine_name, made, made, found, 0, made - found)


def restarted_server(work: Path, edits: int = 300, down_for: float = 2.0) -> Result:
    """A writer bursts edits while its server is stopped and started again."""
    with own_server() as (folder, url):
        seed(url)
        journal = work / "restart.jsonl"
        process = _fork(writer, url, "survivor", edits, str(journal), 11)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and (
            not journal.exists() or journal.read_text().count('"t"') < edits // 5
        ):
            time.sleep(0.05)
        pg_ctl(folder, "stop")
        time.sleep(down_for)
        pg_ctl(folder, "start")
        process.join(timeout=300)
        result = Result("server restart", "postgresql")
        if process.exitcode != 0:
            result.integrity = f"writer exit code {process.exitcode}"
            return result
        return verify(url, result, [journal])


def _concurrent(url: str, work: Path, engine: str, clients: int, edits: int) -> Result:
    return concurrent_clients(url, engine, work, clients, edits)


def _killed(url: str, work: Path, engine: str, kills: int) -> Result:
    return killed_writer(url, engine, work, kills)


def _upgraded(url: str, _work: Path, engine: str) -> Result:
    return upgraded_library(url, engine)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.reliability")
    parser.add_argument("--pg", default=os.environ.get("PARALLAX_TEST_PG_URL"))
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--edits", type=int, default=500)
    parser.add_argument("--kills", type=int, default=50)
    args = parser.parse_args(argv)
    # run with -m, this module is both __main__ and preloaded in the fork server; the children's
    # harmless re-import of __main__ would warn about it once per writer
    os.environ.setdefault("PYTHONWARNINGS", "ignore::RuntimeWarning:runpy")
    work = Path(os.environ.get("TMPDIR", "/tmp")) / f"parallax-reliability-{uuid.uuid4().hex[:6]}"
    work.mkdir(parents=True)
    servers: list[tuple[str, str | None]] = [("sqlite", None)]
    if args.pg:
        servers.append(("postgresql", args.pg))
    for engine, server in servers:
        scenarios: list[Callable[[str, Path], Result]] = [
            partial(_concurrent, engine=engine, clients=args.clients, edits=args.edits),
            partial(_killed, engine=engine, kills=args.kills),
            partial(_upgraded, engine=engine),
        ]
        for n, scenario in enumerate(scenarios):
            folder = work / f"{engine}{n}"
            folder.mkdir()
            with fresh_database(server, folder, "library") as url:
                print(scenario(url, folder).line(), flush=True)
    try:
        print(restarted_server(work).line(), flush=True)
    except (OSError, subprocess.CalledProcessError, LibraryError) as error:
        print(f"server restart: not run ({error})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
