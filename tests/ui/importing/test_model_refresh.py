"""The coding model retrains off the GUI thread when codings change: debounced, never blocking,
stale results discarded. A controllable trainer stands in for scikit-learn here."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QTimer

from db.library import Library
from db.records import SourceRecord, SuggestionRecord
from desktop.model.changes import Changes
from desktop.ui.importing.model_refresh import CodingModelRefresher

_CODING = Changes.of(passages=["p1"], codes=["issue.security"])


class _Trainer:
    """Counts calls; each call waits until the test releases it, then returns its number."""

    def __init__(self) -> None:
        self.calls: list[int] = []
        self.gates: list[threading.Event] = []
        self.stale_seen: list[bool] = []

    def __call__(self, _library: Library, _current: Any, stale: Any) -> int:
        gate = threading.Event()
        self.gates.append(gate)
        self.calls.append(len(self.calls) + 1)
        assert gate.wait(20), "the test never released the trainer"
        self.stale_seen.append(bool(stale()))
        return self.calls[-1]

    def release(self, index: int) -> None:
        self.gates[index].set()


@pytest.fixture
def library(sqlite_library: Library) -> Library:
    """A library with one source whose passage suggestion is still open for review."""
    text = "Troops massed on the border. Prices rose."
    with sqlite_library.unit_of_work() as uow:
        uow.sources.add(SourceRecord("wire", "Wire", full_text=text))
        uow.suggestions.replace_pending(
            "wire",
            ("passage",),
            [SuggestionRecord("wire", "passage", "passage:e:abc", 0, 28, text[:28], 0.8)],
        )
        uow.commit()
    return sqlite_library


@pytest.fixture
def trainer() -> Iterator[_Trainer]:
    made = _Trainer()
    yield made
    for gate in made.gates:  # never leave a worker waiting
        gate.set()


def _refresher(library: Library, trainer: _Trainer) -> CodingModelRefresher:
    return CodingModelRefresher(library, delay_ms=50, trainer=trainer)


def test_a_burst_of_coding_edits_trains_once_and_the_gui_keeps_running(
    qtbot: Any, library: Library, trainer: _Trainer
) -> None:
    refresher = _refresher(library, trainer)
    for _ in range(5):
        refresher.on_changes(_CODING)
    refresher.on_changes(Changes.of(events=["e"]))  # not about codings: ignored
    qtbot.waitUntil(lambda: len(trainer.calls) == 1, timeout=5000)
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)
    qtbot.waitUntil(lambda: len(ticks) >= 3, timeout=5000)  # the event loop runs meanwhile
    timer.stop()
    assert refresher.busy and refresher.trained is None
    with qtbot.waitSignal(refresher.refreshed, timeout=5000):
        trainer.release(0)
    assert refresher.trained == 1 and not refresher.busy
    assert trainer.calls == [1] and trainer.stale_seen == [False]


def test_a_result_trained_before_codings_changed_again_is_discarded(
    qtbot: Any, library: Library, trainer: _Trainer
) -> None:
    refresher = _refresher(library, trainer)
    refresher.codings_changed()
    qtbot.waitUntil(lambda: len(trainer.calls) == 1, timeout=5000)
    refresher.codings_changed()  # a coding edit while the first training runs
    trainer.release(0)
    qtbot.waitUntil(lambda: refresher.discarded == 1, timeout=5000)
    assert refresher.trained is None  # the stale model was not taken
    assert trainer.stale_seen == [True]  # and the job knew it before writing
    qtbot.waitUntil(lambda: len(trainer.calls) == 2, timeout=5000)
    with qtbot.waitSignal(refresher.refreshed, timeout=5000):
        trainer.release(1)
    assert refresher.trained == 2


def test_nothing_is_trained_while_no_passage_awaits_review(
    sqlite_library: Library, trainer: _Trainer
) -> None:
    refresher = _refresher(sqlite_library, trainer)
    refresher.on_changes(_CODING)
    assert not refresher.busy and trainer.calls == []
