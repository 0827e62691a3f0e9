"""Change sets travel with their notification: two reloads in one event-loop turn both reach
the timeline (the first one used to be lost when views read only the latest change set)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from desktop.core.editing import EditEvent, perform
from desktop.core.workbench import Workbench


def title_drawn(panel: Any, key: str) -> str:
    data = panel.view._data
    return str(data.rows.titles[data.id_of_key[key]])


def test_two_reloads_in_one_turn_both_show(panel: Any, qtbot: Any) -> None:
    bench: Workbench = panel.view.workbench
    first, second = bench.catalog.events[0], bench.catalog.events[1]
    edits = [
        EditEvent(first, replace(first, title="First renamed")),
        EditEvent(second, replace(second, title="Second renamed")),
    ]
    with qtbot.waitSignal(panel.signals.catalog_changed, timeout=2000):
        for edit in edits:  # e.g. a team poll and a retried outbox edit, in one turn
            bench.reload(perform(edit, bench.library))
    assert title_drawn(panel, first.key) == "First renamed"
    assert title_drawn(panel, second.key) == "Second renamed"
