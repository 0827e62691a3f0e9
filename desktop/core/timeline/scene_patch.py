"""Refresh ``SceneData`` after an edit of a few events without rebuilding it from the catalog.

Rebuilding walks every event of the catalog (about 0.1 s at 100k events); an edit that touched
only some events (a rename, a drag to another date or lane, a new or deleted event) needs only
their rows. Rows keep their ids: a changed event is rewritten in place, a new one is appended and
a deleted one stays as a row that no lane shows (and leaves ``id_of_key``). Only the store is
rebuilt, from arrays, and not even that when the events kept their lanes and times (a retitle,
another importance): it is then copied with those rows rewritten (``EventStore.with_rows``).
Lanes, sources and coverage stay as they are, so the caller patches only
when the change touched events alone and the catalog's lanes and sources did not change.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any

import numpy as np
from numpy.typing import NDArray

from db.records import EventRecord
from desktop.core.timeline.scene import EventRows, SceneData, date_shapes, store_of
from desktop.core.timeline.store import EventStore

GONE = "\x00deleted"  # the lane of a deleted event's row: no lane has this key


def patched_scene_data(
    data: SceneData,
    changed: Iterable[str],
    event: Mapping[str, EventRecord | None],
    rows: EventRows | None = None,
) -> SceneData:
    """``data`` with the events ``changed`` as ``event`` gives them now (None: deleted).

    ``rows``, when the caller has them: the rows with those events written in, holding the
    same keys at the same rows (an edit that added, removed and moved no event, such as the
    catalog's columns patched in place); they are taken as they are, not copied."""
    keys = sorted(changed)
    if rows is not None and rows.keys is data.rows.keys and all(k in data.id_of_key for k in keys):
        ids = data.id_of_key
        added: list[str] = []
        edited = [ids[key] for key in keys]
    else:
        ids, added, rows, edited = _written_rows(data, keys, event)
    soft, fuzzy_lo, fuzzy_hi, precision = _shapes_with(data, rows, edited)
    in_place = not added and len(edited) == len(keys) and _same_places(data, rows, edited)
    store = (
        _retitled(data, rows, edited)
        if in_place and np.array_equal(precision[edited], data.precision[edited])
        else store_of(rows, data.lanes, precision)
    )
    return replace(
        data,
        rows=rows,
        store=store,
        soft=soft,
        fuzzy_lo=fuzzy_lo,
        fuzzy_hi=fuzzy_hi,
        precision=precision,
        coverage_ptr=_grown(data.coverage_ptr, len(added), edge=True)
        if added
        else data.coverage_ptr,
        id_of_key=ids,
    )


def _written_rows(
    data: SceneData, keys: list[str], event: Mapping[str, EventRecord | None]
) -> tuple[dict[str, int], list[str], EventRows, list[int]]:
    """(ids, keys added, rows, rows edited): a copy of the rows of ``data`` with the events
    ``keys`` names written in, new ones appended, deleted ones left in no lane."""
    ids = dict(data.id_of_key.items())  # a copy in C whatever mapping it is
    added = [key for key in keys if key not in ids and event.get(key) is not None]
    for n, key in enumerate(added):
        ids[key] = len(data.rows.keys) + n
    rows = _grown_rows(data.rows, len(added))
    edited: list[int] = []
    for key in keys:
        record = event.get(key)
        if record is None:
            if key in ids:
                rows.lanes[ids.pop(key)] = GONE  # type: ignore[index]  # a list (_grown_rows)
            continue
        _write_row(rows, ids[key], record)
        edited.append(ids[key])
    return ids, added, rows, edited


def _same_places(data: SceneData, rows: EventRows, edited: list[int]) -> bool:
    """True when the ``edited`` rows keep their lane and times (a retitle, a new importance)."""
    old = data.rows
    return (
        all(rows.lanes[k] == old.lanes[k] for k in edited)
        and np.array_equal(rows.t_lo[edited], old.t_lo[edited])
        and np.array_equal(rows.t_hi[edited], old.t_hi[edited])
    )


def _retitled(data: SceneData, rows: EventRows, edited: list[int]) -> EventStore:
    """The store of ``data`` with the ``edited`` rows' titles and importance from ``rows``
    (their lanes and times are the same): no re-sort of the whole store."""
    store = data.store
    shown = [k for k in edited if data.rows.lanes[k] in {lane.key for lane in data.lanes}]
    positions = store.positions_of(np.array(shown, np.int64))
    return store.with_rows(positions, [rows.titles[k] for k in shown], rows.importance[shown])


def _grown_rows(rows: EventRows, more: int) -> EventRows:
    """A copy of ``rows`` with ``more`` blank rows at the end (to be written)."""
    return EventRows(
        [*rows.keys, *[""] * more],
        [*rows.lanes, *[GONE] * more],
        _grown(rows.t_lo, more),
        _grown(rows.t_hi, more),
        _grown(rows.importance, more),
        [*rows.titles, *[""] * more],
        [*rows.starts, *[""] * more],
        [*rows.ends, *[None] * more],
    )


def _write_row(rows: EventRows, row: int, event: EventRecord) -> None:
    """Write ``event`` into row ``row`` of ``rows`` (a copy made by ``_grown_rows``)."""
    for column, value in (
        (rows.keys, event.key),
        (rows.lanes, event.lane),
        (rows.titles, event.title),
        (rows.starts, event.start),
        (rows.ends, event.end),
    ):
        column[row] = value  # type: ignore[index]  # lists (_grown_rows)
    rows.t_lo[row], rows.t_hi[row] = event.t_lo, event.t_hi
    rows.importance[row] = event.importance


def _shapes_with(
    data: SceneData, rows: EventRows, edited: list[int]
) -> tuple[NDArray[np.bool_], NDArray[np.float64], NDArray[np.float64], NDArray[np.int64]]:
    """The date shapes of ``data`` grown to ``rows`` and recomputed for the ``edited`` rows:
    an array whose rows keep their values is shared, not copied (a retitle copies none)."""
    more = len(rows.keys) - len(data.rows.keys)
    old = (data.soft, data.fuzzy_lo, data.fuzzy_hi, data.precision)
    if not edited:
        soft, fuzzy_lo, fuzzy_hi, precision = (_grown(array, more) for array in old)
        return soft, fuzzy_lo, fuzzy_hi, precision
    picked = EventRows(
        [rows.keys[k] for k in edited],
        [rows.lanes[k] for k in edited],
        rows.t_lo[edited],
        rows.t_hi[edited],
        rows.importance[edited],
        [rows.titles[k] for k in edited],
        [rows.starts[k] for k in edited],
        [rows.ends[k] for k in edited],
    )
    found: list[NDArray[Any]] = []
    for array, part in zip(old, date_shapes(picked), strict=True):
        if not more and np.array_equal(array[edited], part):
            found.append(array)
            continue
        whole = _grown(array, more)
        whole[edited] = part
        found.append(whole)
    soft, fuzzy_lo, fuzzy_hi, precision = found
    return soft, fuzzy_lo, fuzzy_hi, precision


def _grown(array: NDArray[Any], more: int, edge: bool = False) -> NDArray[Any]:
    """A copy of ``array`` with ``more`` entries at the end: zeros, or with ``edge`` its last
    value (a coverage pointer past new rows, which cover nothing)."""
    fill = array[-1] if edge else 0
    return np.concatenate((array, np.full(more, fill, array.dtype)))
