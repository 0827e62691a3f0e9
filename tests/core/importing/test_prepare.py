"""A batch reads files and finds their suggestions in worker processes: same result as one
process, the files in order, a dead worker replaced by reading here, and no worker left after
a cancel."""

from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys
import threading
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest

from db.library import Library, open_library
from desktop.core.importing import ImportStatus, import_batch, import_document
from desktop.core.importing import prepare as preparing
from desktop.core.importing.matching import sketch
from desktop.core.importing.prepare import PrepareSettings, prepared_in_order
from tests.core.importing.helpers import load_dataset
from tests.support import REPO

_TEXTS = (
    "Azerbaijan Airlines flight 8243 (AZAL) crashed near Aktau on 25 December 2024. "
    "Investigators in Kazakhstan examined the wreck for weeks.",
    "Вчера в Тбилиси снова прошли протесты у здания парламента Грузии. "
    "Участники требовали новых выборов.",
    "The Nagorno-Karabakh offensive of September 2023 ended with the surrender of "
    "Stepanakert and the flight of its Armenian population.",
    "A recipe for bread: flour, water, salt and time. Knead it well and let it rest.",
)


def _write(folder: Path) -> list[Path]:
    paths = []
    for number, text in enumerate(_TEXTS):
        path = folder / f"doc-{number}.txt"
        path.write_text(f"Report {number}\n\n{text}\n", encoding="utf-8")
        paths.append(path)
    (folder / "empty.txt").write_bytes(b"")
    return [*paths, folder / "empty.txt"]


def _stored(library: Library) -> list[tuple[str, list[tuple[str, str, int, int, float]]]]:
    with library.unit_of_work() as uow:
        return [
            (
                source.file_name or "",
                [
                    (s.kind, s.ref, s.start, s.end, s.confidence)
                    for s in uow.suggestions.for_source(source.key)
                ],
            )
            for source in sorted(uow.sources.list(), key=lambda s: s.file_name or "")
            if source.file_name
        ]


@pytest.mark.slow  # starts Python processes that import the importer
def test_workers_give_what_one_process_gives(
    sqlite_library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(preparing, "POOL_MIN_FILES", 2)
    paths = _write(tmp_path)
    load_dataset(sqlite_library)
    report = import_batch(sqlite_library, paths, with_suggestions=True)
    assert [o.file_name for o in report.outcomes] == [p.name for p in paths]
    assert [o.status for o in report.outcomes] == [ImportStatus.IMPORTED] * 4 + [
        ImportStatus.FAILED
    ]
    assert report.outcomes[0].suggestions > 0
    assert not multiprocessing.active_children()

    alone = open_library(f"sqlite:///{tmp_path / 'alone.sqlite'}")
    try:
        load_dataset(alone)
        for path in paths:
            import_document(alone, path, suggest=True)
        assert _stored(sqlite_library) == _stored(alone)
    finally:
        alone.dispose()


def test_a_dead_worker_is_replaced_by_reading_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    class DeadPool:
        def __init__(self, *_args: object, **_kwargs: object) -> None:
            pass

        def submit(self, *_args: object) -> Future[object]:
            future: Future[object] = Future()
            future.set_exception(BrokenProcessPool("a worker died"))
            return future

        def shutdown(self, **_kwargs: object) -> None:
            pass

    monkeypatch.setattr(preparing, "ProcessPoolExecutor", DeadPool)
    monkeypatch.setattr(preparing, "POOL_MIN_FILES", 2)
    monkeypatch.setattr(preparing, "_cores", lambda: 2)
    paths = _write(tmp_path)
    prepared = list(prepared_in_order(paths, PrepareSettings()))
    assert [p.path for p in prepared] == paths
    assert all(p.document is not None for p in prepared[:4])
    assert prepared[4].document is None and "empty" in prepared[4].failure


@pytest.mark.slow  # starts Python processes that import the importer
def test_stopping_early_leaves_no_worker(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(preparing, "POOL_MIN_FILES", 2)
    monkeypatch.setattr(preparing, "_cores", lambda: 2)
    paths = _write(tmp_path) * 3
    found = prepared_in_order(paths, PrepareSettings())
    first = next(found)
    assert first.path == paths[0] and first.document is not None
    found.close()
    assert not multiprocessing.active_children()


@pytest.mark.slow  # starts Python processes that import the importer
def test_a_sketch_is_the_same_in_every_process() -> None:
    text = " ".join(_TEXTS)
    code = (
        "from desktop.core.importing.matching import sketch; import sys; "
        "print(sorted(sketch(sys.stdin.read())))"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    done = subprocess.run(
        [sys.executable, "-c", code],
        input=text,
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    assert done.stdout.strip() == str(sorted(sketch(text)))


class _SlowFuture(Future[object]):
    """A worker's result that is never ready before it is asked for (a worker starting)."""

    def __init__(self, compute: object) -> None:
        super().__init__()
        self._compute = compute

    def done(self) -> bool:
        return False

    def result(self, timeout: float | None = None) -> object:
        return self._compute()  # type: ignore[operator]


def test_this_process_reads_the_next_files_while_the_worker_is_not_ready(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    given: list[Path] = []

    class SlowPool:
        def __init__(self, *_args: object, **_kwargs: object) -> None:
            pass

        def submit(self, _work: object, path: Path) -> Future[object]:
            given.append(path)
            return _SlowFuture(lambda: preparing.prepare(path, PrepareSettings()))

        def shutdown(self, **_kwargs: object) -> None:
            pass

    monkeypatch.setattr(preparing, "ProcessPoolExecutor", SlowPool)
    monkeypatch.setattr(preparing, "POOL_MIN_FILES", 2)
    monkeypatch.setattr(preparing, "_cores", lambda: 2)
    monkeypatch.setattr(preparing, "_STOLEN", 3)
    paths = _write(tmp_path) * 4  # 20 files
    prepared = list(prepared_in_order(paths, PrepareSettings()))
    assert [p.path for p in prepared] == paths
    here = len(paths) - len(given)
    assert given[: preparing._AHEAD] == paths[: preparing._AHEAD]  # one worker on two cores
    assert here >= 3  # read here while the file due was not ready, at most 3 waiting at once
    assert prepared[4].document is None and prepared[0].document is not None


@pytest.mark.slow  # starts a Python process that starts a worker
def test_a_worker_does_not_run_the_programs_main_script(tmp_path: Path) -> None:
    marker = tmp_path / "main-ran-in-a-worker"
    script = tmp_path / "main_script.py"
    script.write_text(
        "from pathlib import Path\n"
        "import sys\n"
        "if __name__ != '__main__':\n"
        f"    Path({str(marker)!r}).touch()\n"
        "if __name__ == '__main__':\n"
        "    import multiprocessing\n"
        "    from desktop.core.importing import prepare as p\n"
        "    p.POOL_MIN_FILES, p._cores = 1, lambda: 2\n"
        "    p._start_method = lambda: multiprocessing.get_context('spawn')  # a GUI's way\n"
        "    paths = [Path(a) for a in sys.argv[1:]]\n"
        "    found = list(p.prepared_in_order(paths, p.PrepareSettings()))\n"
        "    print(sum(f.document is not None for f in found))\n",
        encoding="utf-8",
    )
    done = _run_script(script, _write(tmp_path))
    assert done.stdout.strip() == "4"
    assert not marker.exists()


@pytest.mark.slow  # starts a Python process that starts a worker
def test_a_command_line_process_forks_its_worker_with_the_readers_loaded(tmp_path: Path) -> None:
    script = tmp_path / "command_line.py"
    script.write_text(
        "import sys\n"
        "from pathlib import Path\n"
        "import py3langid.langid\n"
        "from desktop.core.importing import prepare as p\n"
        "from desktop.core.suggest import EventInfo\n"
        "p.POOL_MIN_FILES, p._cores = 1, lambda: 2\n"
        "method = p._start_method().get_start_method()\n"
        "loaded = py3langid.langid.IDENTIFIER is not None and 'trafilatura' in sys.modules\n"
        "from desktop.core.suggest import month_dates\n"
        "loaded = loaded and month_dates.read_date.cache_info().currsize >= 3  # en, ru, uk\n"
        "from desktop.model.dates import day_number\n"
        "day = day_number(2024, 12, 25)\n"
        "events = (EventInfo('azal', 'AZAL crash near Aktau', day, day + 1, ('AZAL',)),)\n"
        "settings = p.PrepareSettings(events=events)\n"
        "paths = [Path(a) for a in sys.argv[1:]]\n"
        "pooled = list(p.prepared_in_order(paths, settings))\n"
        "alone = [p.prepare(path, settings) for path in paths]\n"
        "found = sum(len(f.found or ()) for f in pooled)\n"
        "print(method, loaded, pooled == alone, sum(f.document is not None for f in pooled))\n"
        "print(found)\n",
        encoding="utf-8",
    )
    done = _run_script(script, _write(tmp_path))
    summary, found = done.stdout.splitlines()
    assert summary.split() == ["fork", "True", "True", "4"]
    assert int(found) > 0  # the AZAL text is linked


def test_a_process_running_other_threads_spawns_its_workers() -> None:
    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        assert preparing._start_method().get_start_method() == "spawn"
    finally:
        release.set()
        other.join()
    methods: list[str] = []
    worker = threading.Thread(
        target=lambda: methods.append(preparing._start_method().get_start_method())
    )
    worker.start()
    worker.join()
    assert methods == ["spawn"]  # a GUI imports on a worker thread


def _run_script(script: Path, paths: list[Path]) -> subprocess.CompletedProcess[str]:
    """Run ``script`` on ``paths`` in a fresh Python that imports this checkout."""
    return subprocess.run(
        [sys.executable, str(script), *map(str, paths)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        cwd=REPO,
        check=True,
        timeout=120,
    )
