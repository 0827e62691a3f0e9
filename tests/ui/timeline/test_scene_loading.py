"""The plain-column loading path for huge libraries reads the same events as the catalog path."""

from __future__ import annotations

from desktop.core.timeline.from_catalog import scene_data_from_catalog, scene_data_from_library
from desktop.core.timeline.lanes import LaneState
from desktop.core.timeline.scene import SceneData
from desktop.core.workbench import Workbench


def events_of(data: SceneData) -> set[tuple[object, ...]]:
    rows = data.rows
    return {
        (rows.keys[k], rows.lanes[k], float(rows.t_lo[k]), float(rows.t_hi[k]))
        + (int(rows.importance[k]), rows.titles[k], rows.starts[k], rows.ends[k])
        for k in range(len(rows.keys))
    }


def test_library_columns_match_the_catalog(workbench: Workbench) -> None:
    state = LaneState()
    fast = scene_data_from_library(workbench.library, state)
    full = scene_data_from_catalog(workbench.catalog, state)
    assert len(fast.rows.keys) == len(full.rows.keys) > 50
    assert events_of(fast) == events_of(full)
    assert [lane.key for lane in fast.lanes] == [lane.key for lane in full.lanes]
    shown = sorted(fast.rows.keys[k] for k in fast.store.ids.tolist())
    assert shown == sorted(full.rows.keys[k] for k in full.store.ids.tolist())
