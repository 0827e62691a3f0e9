"""Benchmark of the whole window: ``python -m bench.window [--sizes 1000,10000] [--json]``.

For each size it builds a SQLite library of synthetic events (``bench.timeline.build_library``),
opens it along the app's own path (``open_library`` → ``Workbench`` → ``MainWindow`` filled by
``desktop.app.fill_window`` → shown and painted once), offscreen at 1366x768, then drives the
window as a user does and times each interaction from the input to the end of the event-loop
turns it causes (the bridge's merged notification, every view's refresh and repaint):

- ``select``: select an event shown in the timeline (what a click on it does:
  ``workbench.select``), until the timeline shows it highlighted (the bridge's notification
  turn, in which the timeline repaints at once); ``select_panels``: until the details and
  comparison panels have filled too (they fill in the next turns, after the highlight);
- ``select_far`` / ``select_far_panels``: the same for an event anywhere in the library (what
  a search result or the event editor does): the timeline also pans to bring it into view;
- ``importance``: change the Importance filter in the Filters panel (its combo box);
- ``prepare_s`` / ``prepare_freeze_ms``: the work the app starts on a worker after the first
  paint (``Workbench.prepare_texts``: the titles and dates, the search texts and their
  ``TextSearch``), in seconds until done, and the longest the window's event loop stalled
  meanwhile (it keeps turning, as a user who scrolls needs it to);
- ``first_keystroke``: the first character typed in the search field once that is done,
  applied after the panel's typing delay as the user waits it; one sample per run;
- ``early_keystroke``: the same in a second window of the same library, typed right after its
  first paint, while that work still runs (the search shows "Searching…" and applies when
  the worker is done: the figure is the wall time until applied, and ``early_freeze_ms`` the
  longest event-loop turn meanwhile); one sample per run;
- ``keystroke``: one more character in the Filters panel's search field, applied (the panel
  waits 250 ms after the last keystroke; the figure is the work once it applies);
- ``edit``: rename an event through the editing controller (one undoable command);
- ``undo``: undo that rename.

Each figure is the median and 95th percentile in milliseconds, in wall time and in CPU time of
the GUI thread (``time.thread_time``; on a loaded machine wall time also counts waiting for a
core, CPU time only the work). The goals of the big-libraries issue: every interaction within
one 60 Hz frame (16 ms) at 100k events, within 50 ms at 1M. ``--json`` prints one object per
size. ``--cache DIR`` keeps the built libraries there for the next run.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.timeline import build_library

SIZES = (1_000, 10_000, 100_000)
WIDTH, HEIGHT = 1366, 768
FRAME_MS, LARGE_MS = 16.0, 50.0
TYPED = "event number 4"


def _settle(app: Any) -> None:
    """Run the event loop until what the input queued (zero timers, repaints) is done."""
    for _ in range(3):
        app.sendPostedEvents()
        app.processEvents()


def _timed(app: Any, action: Callable[[], object]) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.thread_time()
    action()
    _settle(app)
    return (time.perf_counter() - wall) * 1000, (time.thread_time() - cpu) * 1000


def _figures(samples: list[tuple[float, float]]) -> dict[str, float]:
    walls = sorted(s[0] for s in samples)
    cpus = sorted(s[1] for s in samples)

    def p95(values: list[float]) -> float:
        return values[min(len(values) - 1, round(0.95 * (len(values) - 1)))]

    return {
        "median_ms": round(statistics.median(walls), 2),
        "p95_ms": round(p95(walls), 2),
        "cpu_median_ms": round(statistics.median(cpus), 2),
        "cpu_p95_ms": round(p95(cpus), 2),
    }


@contextmanager
def _library_file(count: int, cache: Path | None) -> Iterator[Path]:
    if cache is not None:
        cache.mkdir(parents=True, exist_ok=True)
        path = cache / f"window-{count}.sqlite"
        if not path.exists():
            build_library(path, count)
        yield path
        return
    with tempfile.TemporaryDirectory(prefix="parallax-window-") as folder:
        path = Path(folder) / "library.sqlite"
        build_library(path, count)
        yield path


def _open_window(path: Path, settings_file: Path) -> tuple[Any, float]:
    """The window on ``path`` as ``desktop.app`` builds it, and the seconds to its first paint
    (the app's work after the first paint is started, not waited for: ``_prepared``)."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from db.library import open_library
    from desktop.app import fill_window
    from desktop.core.workbench import Workbench
    from desktop.ui.bridge import WorkbenchSignals
    from desktop.ui.main_window import MainWindow

    app = QApplication.instance()
    started = time.perf_counter()
    workbench = Workbench(open_library(str(path)), author="bench")
    settings = QSettings(str(settings_file), QSettings.Format.IniFormat)
    window = MainWindow(workbench, WorkbenchSignals(workbench), settings)
    fill_window(window, window.workbench, window.signals)
    window.finish_layout()
    window.resize(WIDTH, HEIGHT)
    window.show()
    _settle(app)
    window.repaint()
    return window, time.perf_counter() - started


def _prepared(app: Any, window: Any) -> tuple[float, float]:
    """Wait for the app's work after the first paint (``Workbench.prepare_texts``), the event
    loop turning meanwhile: (seconds until done, longest turn in ms)."""
    workbench = window.workbench
    started = time.perf_counter()
    _settle(app)  # the first paint's callback starts the worker
    longest = time.perf_counter() - started
    while (reader := workbench._reader) is None or reader[1].is_alive():
        turn = time.perf_counter()
        time.sleep(0.001)
        _settle(app)
        longest = max(longest, time.perf_counter() - turn)
        if reader is None and time.perf_counter() - started > 5:
            raise RuntimeError("the app started no work after the first paint")
    if not workbench.catalog.columns.texts_read or workbench._prepared_search() is None:
        raise RuntimeError("the work after the first paint did not finish")
    return time.perf_counter() - started, round(longest * 1000, 2)


def _editing(window: Any) -> Any:
    """The window's editing controller (the one Edit > Undo and the event editor use)."""
    return window.session.editing.controller


def _interactions(app: Any, window: Any, rounds: int) -> dict[str, Any]:
    from desktop.core.editing.events import EditEvent

    workbench, panel = window.workbench, window.filters_panel
    keys = list(workbench.catalog.keys)
    rng = random.Random(7)
    picks = [keys[rng.randrange(len(keys))] for _ in range(rounds)]
    found: dict[str, Any] = {}
    shown = _shown_keys(window)
    near = [shown[rng.randrange(len(shown))] for _ in range(rounds)]
    found["select"], found["select_panels"] = _selections(app, window, near)
    found["select_far"], found["select_far_panels"] = _selections(app, window, picks)
    levels = [1, 2, 0] * (rounds // 3 + 1)
    found["importance"] = [
        _timed(app, lambda i=i: panel.importance.setCurrentIndex(i)) for i in levels[:rounds]
    ]
    first, found["first_keystroke_freeze_ms"] = _first_keystroke(app, window)
    found["first_keystroke"] = [first]
    found["keystroke"] = _keystrokes(app, panel, rounds)
    found["edit"], found["undo"] = [], []
    for key in picks[: max(1, rounds // 2)]:
        before = workbench.catalog.event(key)
        after = replace(before, title=before.title + " (renamed)")
        found["edit"].append(_timed(app, lambda b=before, a=after: _edit(window, EditEvent(b, a))))
        found["undo"].append(_timed(app, window.session.editing.controller.undo))
    return found


def _selections(
    app: Any, window: Any, keys: list[str]
) -> tuple[list[tuple[float, float]], list[tuple[float, float]]]:
    """Select each key: (wall, CPU) until highlighted, and until the panels are filled."""
    highlighted, filled = [], []
    for key in keys:
        wall, cpu = time.perf_counter(), time.thread_time()
        window.workbench.select([key])
        window.signals._flush()  # what the bridge's zero timer does in the next turn
        highlighted.append(((time.perf_counter() - wall) * 1000, (time.thread_time() - cpu) * 1000))
        _settle(app)
        filled.append(((time.perf_counter() - wall) * 1000, (time.thread_time() - cpu) * 1000))
    return highlighted, filled


def _shown_keys(window: Any) -> list[str]:
    """Keys of the events the timeline draws as markers or bars now."""
    view = window.timeline_widget.view
    frame = view._frame()
    ids = [*frame.markers.ids.tolist(), *frame.bars.ids.tolist()]
    if not ids:
        raise RuntimeError("the timeline shows no event to click")
    return [view.scene.key_of(item) for item in ids]


def _edit(window: Any, command: Any) -> None:
    if not window.session.editing.controller.execute(command):
        raise RuntimeError(f"the edit was not made: {command.label}")


def _first_keystroke(app: Any, window: Any) -> tuple[tuple[float, float], float]:
    """The first search keystroke: typed, then the panel's typing delay waited (this thread
    idle, as while the user looks), then the search applied as the panel's timer applies it,
    the event loop turning until the filter is the one typed. Returns (wall, GUI-thread CPU)
    from the timer's firing until applied, and the longest event-loop turn meanwhile (how
    long the window froze)."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    panel, workbench = window.filters_panel, window.workbench
    QTest.keyClick(panel.search, TYPED[0], Qt.KeyboardModifier.NoModifier)
    time.sleep(panel._search_timer.interval() / 1000)
    wall, cpu = time.perf_counter(), time.thread_time()
    panel._search_timer.stop()  # what the timer does when it fires
    panel._write()
    longest = time.perf_counter() - wall
    while workbench.filters.text != TYPED[0]:
        turn = time.perf_counter()
        time.sleep(0.001)
        _settle(app)
        longest = max(longest, time.perf_counter() - turn)
    _settle(app)
    found = ((time.perf_counter() - wall) * 1000, (time.thread_time() - cpu) * 1000)
    panel.search.clear()
    panel._write()
    _settle(app)
    return found, round(longest * 1000, 2)


def _keystrokes(app: Any, panel: Any, rounds: int) -> list[tuple[float, float]]:
    """Type ``TYPED`` one character at a time, each applied as the panel applies it."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    def press(char: str) -> None:
        QTest.keyClick(panel.search, char, Qt.KeyboardModifier.NoModifier)
        panel._search_timer.stop()  # what the timer does when it fires, without the wait
        panel._write()

    samples: list[tuple[float, float]] = []
    while len(samples) < rounds:
        panel.search.clear()
        panel._write()
        _settle(app)
        samples += [_timed(app, lambda c=char: press(c)) for char in TYPED]
    panel.search.clear()
    panel._write()
    _settle(app)
    return samples[:rounds]


def measure(count: int, rounds: int, cache: Path | None) -> dict[str, Any]:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    with _library_file(count, cache) as path, tempfile.TemporaryDirectory() as folder:
        window, opened = _open_window(path, Path(folder) / "settings.ini")
        try:
            prepare_s, prepare_freeze = _prepared(app, window)
            samples = _interactions(app, window, rounds)
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        finally:
            _close(app, window)
        window, _ = _open_window(path, Path(folder) / "settings.ini")
        try:
            early, samples["early_freeze_ms"] = _first_keystroke(app, window)
            samples["early_keystroke"] = [early]
        finally:
            _close(app, window)
    figures: dict[str, Any] = {
        "events": count,
        "open_s": round(opened, 2),
        "prepare_s": round(prepare_s, 2),
        "prepare_freeze_ms": prepare_freeze,
    }
    for name, measured in samples.items():
        figures[name] = _figures(measured) if isinstance(measured, list) else measured
    figures["peak_mib"] = round(peak, 1)  # before the second window
    figures["load_average"] = [round(x, 2) for x in os.getloadavg()]
    return figures


def _close(app: Any, window: Any) -> None:
    window.close()
    window.close_session()
    reader = window.workbench._reader
    if reader is not None:
        reader[1].join()  # the worker reads the library: let it finish before disposing
    window.workbench.library.dispose()
    window.deleteLater()
    _settle(app)


def _line(figures: dict[str, Any]) -> str:
    goal = FRAME_MS if figures["events"] <= 100_000 else LARGE_MS
    parts = []
    names = (
        "select",
        "select_panels",
        "select_far",
        "select_far_panels",
        "importance",
        "first_keystroke",
        "early_keystroke",
        "keystroke",
        "edit",
        "undo",
    )
    for name in names:
        f = figures[name]
        mark = "ok" if f["cpu_p95_ms"] <= goal else "SLOW"
        parts.append(
            f"{name} {f['median_ms']:.1f}/{f['p95_ms']:.1f} ms "
            f"(cpu {f['cpu_median_ms']:.1f}/{f['cpu_p95_ms']:.1f}, {mark})"
        )
    parts.append(f"first keystroke froze {figures['first_keystroke_freeze_ms']:.0f} ms")
    parts.append(f"early keystroke froze {figures['early_freeze_ms']:.0f} ms")
    return (
        f"{figures['events']:>9,} events: open {figures['open_s']:.2f} s; "
        f"prepared after {figures['prepare_s']:.2f} s "
        f"(froze {figures['prepare_freeze_ms']:.0f} ms); "
        + "; ".join(parts)
        + f"; peak {figures['peak_mib']:.0f} MiB; load {figures['load_average'][0]:.1f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)))
    parser.add_argument("--rounds", type=int, default=15, help="samples per interaction")
    parser.add_argument("--cache", type=Path, help="keep the built libraries in this folder")
    parser.add_argument("--json", action="store_true", help="one JSON object per size")
    args = parser.parse_args()
    if not args.json:
        print("median/p95 per interaction, goal: p95 <= 16 ms up to 100k, <= 50 ms at 1M")
    for count in (int(size) for size in args.sizes.split(",")):
        figures = measure(count, args.rounds, args.cache)
        print(json.dumps(figures) if args.json else _line(figures), flush=True)


if __name__ == "__main__":
    main()
