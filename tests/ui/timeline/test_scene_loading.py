"""The timeline's scene comes from the catalog's columns and holds what its records say."""

from __future__ import annotations

from dataclasses import replace

from desktop.core.event_columns import KeyRows
from desktop.core.timeline.from_catalog import scene_data_from_catalog
from desktop.core.timeline.lanes import LaneState
from desktop.core.timeline.scene import SceneData, plain_dates
from desktop.core.workbench import Workbench


def events_of(data: SceneData) -> list[tuple[object, ...]]:
    rows = data.rows
    return [
        (rows.keys[k], rows.lanes[k], float(rows.t_lo[k]), float(rows.t_hi[k]))
        + (int(rows.importance[k]), rows.titles[k], rows.starts[k], rows.ends[k])
        for k in range(len(rows.keys))
    ]


def test_the_scene_holds_the_events_records_without_reading_them(workbench: Workbench) -> None:
    catalog = workbench.catalog
    data = scene_data_from_catalog(catalog, LaneState())
    assert not catalog.events_read  # the first frame needs no record per event
    records = [
        (e.key, e.lane, e.t_lo, e.t_hi, e.importance, e.title, e.start, e.end)
        for e in catalog.events
    ]
    assert len(records) > 50
    assert events_of(data) == records
    shown = sorted(data.rows.keys[k] for k in data.store.ids.tolist())
    assert shown == sorted(e.key for e in catalog.events if e.lane in {x.key for x in data.lanes})


def test_what_opening_worked_out_equals_the_scene_built_from_the_texts(
    workbench: Workbench,
) -> None:
    """The catalog hands the scene the plain-day mask it worked out while reading, and its
    key positions, built when first looked up (in the order the rows came); they equal what
    the scene reads from the texts, soft dates (months, years) included."""
    columns = workbench.catalog.columns
    data = scene_data_from_catalog(workbench.catalog, LaneState())
    assert not columns.positions_built  # the first frame looks up no key
    rows = replace(data.rows, plain=None)
    fresh = SceneData.build(rows, data.lanes, LaneState())
    assert data.id_of_key == fresh.id_of_key == {key: k for k, key in enumerate(columns.keys)}
    assert columns.positions_built
    assert isinstance(data.id_of_key, KeyRows)  # the columns' own, not built twice
    assert data.id_of_key.columns.positions() is columns.positions()
    assert not columns.plain_dates().all()  # the sample has months and years
    assert columns.plain_dates().tolist() == plain_dates(columns.starts, columns.ends).tolist()
    for name in ("soft", "fuzzy_lo", "fuzzy_hi", "precision"):
        assert getattr(data, name).tolist() == getattr(fresh, name).tolist(), name
    assert data.soft.any()
