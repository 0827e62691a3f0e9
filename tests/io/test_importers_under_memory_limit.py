"""Property: every importer (documents and data formats), given random or adversarial bytes,
succeeds or fails with one readable line, leaves the library unchanged when it fails, and stays
below 1 GB of memory. Each case runs in a fresh child process whose address space is capped with
``resource.setrlimit``, so a bomb shows up as a failed case instead of taking the machine."""

from __future__ import annotations

import hashlib
import io
import multiprocessing
import resource
import shutil
import zipfile
from multiprocessing.connection import Connection
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from db.library import open_library

LIMIT = 2**30  # the 1 GB every importer must stay under
DATA_FORMATS = ("json", "csv", "events-csv", "timelinejs-json", "timelinejs-csv", "qdpx", None)
DOCUMENT_SUFFIXES = (".txt", ".md", ".html", ".xml", ".docx", ".pdf")
_SETTINGS = settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

SEEDS = {
    "json": b'{"format": "parallax-library", "version": 1, "meta": {"title": "T"}, "events": []}',
    "csv": b"key,title,start,lane\na,A,2001,l\n",
    "events-csv": b"title,date\nA flood,2001-05-02\n",
    "timelinejs-json": b'{"events": [{"start_date": {"year": 2001}, "text": {"headline": "A"}}]}',
    "timelinejs-csv": b"Year,Month,Day,Headline\n2001,5,2,A flood\n",
}


def _child(connection: Connection, task: str, path: str, fmt: str | None, db: str) -> None:
    """Run one import under the memory cap; send back (outcome, message, peak bytes)."""
    resource.setrlimit(resource.RLIMIT_AS, (LIMIT, LIMIT))
    outcome, message = "ok", ""
    try:
        if task == "document":
            from desktop.io.documents import DocumentError, read_document

            try:
                read_document(Path(path))
            except DocumentError as error:
                outcome, message = "refused", str(error)
        else:
            from db.errors import LibraryError
            from desktop.core.exchange.importing import import_file
            from desktop.core.exchange.merging import ImportConflictError
            from desktop.io.formats.errors import FormatError

            library = open_library(db, create=False)
            try:
                import_file(library, path, fmt)
            except (FormatError, ImportConflictError, LibraryError) as error:
                outcome, message = "refused", str(error)
            finally:
                library.dispose()
    except MemoryError:
        outcome, message = "memory", "MemoryError"
    except BaseException as error:
        outcome, message = "crash", f"{type(error).__name__}: {error}"
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    connection.send((outcome, message[:2000], peak))
    connection.close()


def run_capped(task: str, path: Path, fmt: str | None = None, db: str = "") -> tuple[str, str]:
    # A fresh interpreter, not a fork: a forked child would inherit the test process's address
    # space (Qt, numpy, scikit-learn after other tests), which can already exceed the cap.
    context = multiprocessing.get_context("forkserver")
    receiving, sending = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(sending, task, str(path), fmt, db))
    process.start()
    sending.close()
    if not receiving.poll(300):
        process.kill()
        pytest.fail(f"{task} of {path.name} did not finish in 300 s")
    outcome, message, peak = receiving.recv()
    process.join()
    assert outcome in ("ok", "refused"), f"{path.name} ({fmt}): {outcome}: {message}"
    assert peak < LIMIT, f"{path.name}: peak memory {peak / 2**20:.0f} MB"
    if outcome == "refused":
        assert message.strip() and "\n" not in message.strip() and "Traceback" not in message
    return outcome, message


@pytest.fixture(scope="module")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("fuzz") / "template.sqlite"
    open_library(str(path)).dispose()
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def import_and_check(data: bytes, name: str, fmt: str | None, folder: Path, template: Path) -> None:
    db = folder / "lib.sqlite"
    for leftover in ("-wal", "-shm", "-journal"):  # the previous example's child may leave them
        Path(f"{db}{leftover}").unlink(missing_ok=True)
    shutil.copyfile(template, db)
    source = folder / name
    source.write_bytes(data)
    before = digest(db)
    outcome, _message = run_capped("data", source, fmt, str(db))
    if outcome == "refused":
        assert digest(db) == before, "a refused import changed the library"


def mutated(seed: bytes, cut: float, flips: list[int], insert: bytes) -> bytes:
    data = bytearray(seed)
    for position in flips:
        data[position % len(data)] ^= 0xFF
    data = data[: max(1, int(len(data) * cut))]
    return bytes(data) + insert


@_SETTINGS
@given(data=st.binary(max_size=4096), fmt=st.sampled_from(DATA_FORMATS))
def test_random_bytes_into_every_data_importer(
    data: bytes, fmt: str | None, tmp_path: Path, template_db: Path
) -> None:
    suffix = {"qdpx": ".qdpx", "json": ".json", "timelinejs-json": ".json"}.get(fmt or "", ".csv")
    import_and_check(data, "input" + suffix, fmt, tmp_path, template_db)


@_SETTINGS
@given(
    fmt=st.sampled_from(sorted(SEEDS)),
    cut=st.floats(min_value=0.0, max_value=1.0),
    flips=st.lists(st.integers(min_value=0, max_value=10**4), max_size=6),
    insert=st.sampled_from(
        [
            b"",
            b"\x00",
            b'"',
            b"\n" * 300,
            b",,,,,,",
            b"\xff\xfe",
            b"Y1" + b"0" * 40,
            b"NaN",
            b"[" * 5000,
            "\u202etxt.exe".encode(),
        ]
    ),
)
def test_damaged_valid_files_into_every_data_importer(
    fmt: str, cut: float, flips: list[int], insert: bytes, tmp_path: Path, template_db: Path
) -> None:
    name = "input.json" if "json" in fmt else "input.csv"
    import_and_check(mutated(SEEDS[fmt], cut, flips, insert), name, fmt, tmp_path, template_db)


@_SETTINGS
@given(data=st.binary(max_size=4096), suffix=st.sampled_from(DOCUMENT_SUFFIXES))
def test_random_bytes_into_every_document_reader(data: bytes, suffix: str, tmp_path: Path) -> None:
    path = tmp_path / ("doc" + suffix)
    path.write_bytes(data)
    run_capped("document", path)


def _bomb(head: dict[str, bytes], name: str, first: bytes, filler: bytes, size: int) -> bytes:
    """A zip whose member ``name`` expands to ``size`` bytes, written in chunks (the test
    itself never holds the expanded bytes)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for member, data in head.items():
            archive.writestr(member, data)
        with archive.open(name, "w", force_zip64=True) as handle:
            handle.write(first)
            chunk = filler * (2**20 // len(filler))
            for _ in range(size // len(chunk)):
                handle.write(chunk)
    return buffer.getvalue()


@pytest.mark.slow
@pytest.mark.parametrize(
    ("name", "fmt", "make"),
    [
        ("blank.csv", "events-csv", lambda: b"title,date\n" + b"\n" * (50 * 2**20 - 16)),
        ("noise.json", "json", lambda: b"[" * (50 * 2**20)),
        ("bomb.zip", "csv", lambda: _bomb({}, "events.csv", b"key\n", b"\n", 600 * 2**20)),
        ("bomb.qdpx", "qdpx", lambda: _bomb({}, "project.qde", b"<", b" ", 600 * 2**20)),
        ("wide.csv", "events-csv", lambda: b"title,date\n" + b"x," * (25 * 2**20) + b"\n"),
    ],
)
def test_large_and_bomb_inputs_stay_below_1_gb(
    name: str, fmt: str, make: object, tmp_path: Path, template_db: Path
) -> None:
    assert callable(make)
    data = make()
    assert len(data) <= 50 * 2**20 + 64
    import_and_check(data, name, fmt, tmp_path, template_db)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("name", "make"),
    [
        ("big.txt", lambda: b"word " * (10 * 2**20)),
        (
            "bomb.docx",
            lambda: _bomb(
                {"[Content_Types].xml": b"<Types/>"}, "word/document.xml", b"<w>", b"a", 600 * 2**20
            ),
        ),
        ("noise.html", lambda: b"<div>" * (10 * 2**20)),
    ],
)
def test_large_and_bomb_documents_stay_below_1_gb(name: str, make: object, tmp_path: Path) -> None:
    assert callable(make)
    path = tmp_path / name
    path.write_bytes(make())
    run_capped("document", path)
