"""EventColumns.of: rows in any order come out in time order, with the plain-day mask
(worked out in the order the rows came) lined up with them; the key positions are built
when first looked up."""

from __future__ import annotations

import gc
import threading
from dataclasses import replace

import numpy as np
import pytest

import desktop.core.event_columns as event_columns
from db.records import EventRecord
from db.repositories.events import TimelineColumns
from desktop.core.event_columns import EventColumns, KeyRows
from desktop.core.timeline.scene import plain_dates

# (key, start, end, t_lo, t_hi), deliberately not in time order, with ties on t_lo
ROWS = [
    ("late", "2020-05", None, 737546.0, 737577.0),
    ("b-tie", "2001-01-01", "2001-01-03", 730486.0, 730489.0),
    ("early", "1999", None, 729755.0, 730120.0),
    ("a-tie", "2001-01-01", None, 730486.0, 730487.0),
    ("mid", "2010-03-04", "2010-04", 733835.0, 733893.0),
]


def columns_of(rows: list[tuple[str, str, str | None, float, float]]) -> EventColumns:
    keys, starts, ends, t_lo, t_hi = zip(*rows, strict=True)
    n = len(rows)
    plain = tuple(plain_dates(starts, ends).tolist())
    found = TimelineColumns(keys, ("lane",) * n, t_lo, t_hi, (2,) * n, (False,) * n, plain)
    return EventColumns.of(replace(found, titles=keys, starts=starts, ends=ends))


def test_rows_in_any_order_come_out_in_time_order_with_their_positions_and_mask() -> None:
    for rows in (ROWS, ROWS[::-1], sorted(ROWS)):
        columns = columns_of(rows)
        assert columns.keys == ("early", "a-tie", "b-tie", "mid", "late")
        assert columns.positions() == {key: k for k, key in enumerate(columns.keys)}
        assert columns.plain_dates().tolist() == [False, True, True, False, False]
        assert columns.plain_dates().tolist() == plain_dates(columns.starts, columns.ends).tolist()


def test_a_key_order_from_the_read_gives_the_order_sorting_the_keys_gives() -> None:
    """Rows in any order, many on the same start (-0.0 and 0.0 among them), keys in no order:
    the stable sort by start of the rows in key order is the sort by start, then key."""
    rng = np.random.default_rng(5)
    n = 3000
    keys = [f"{chr(97 + k % 26)}{rng.integers(0, 10**6)}-{k}" for k in range(n)]
    keys[:4] = ["ключ", "Zed", "é", "a"]
    t_lo = rng.integers(-5, 5, n).astype(np.float64)
    t_lo[:3] = (-0.0, 0.0, -0.0)
    found = TimelineColumns(
        keys, ("lane",) * n, t_lo, t_lo + 1.0, (2,) * n, (False,) * n, (True,) * n
    )
    texts = {"titles": tuple(keys), "starts": ("2001-01-01",) * n, "ends": (None,) * n}
    sorted_here = EventColumns.of(replace(found, **texts))
    by_key = np.array(sorted(range(n), key=keys.__getitem__), np.int64)
    from_read = EventColumns.of(replace(found, key_order=by_key, **texts))
    assert from_read == sorted_here
    assert list(from_read.keys) == [k for _, k in sorted(zip(t_lo.tolist(), keys, strict=True))]


def test_the_key_positions_are_built_when_first_looked_up() -> None:
    """Opening builds no dict of every key (the first frame looks none up); the first lookup
    builds it, from the rows in the order they came, and later ones share it."""
    columns = columns_of(ROWS)
    assert not columns.positions_built
    assert columns.position("mid") == 3 and columns.positions_built
    assert columns.position("nowhere") is None
    assert columns.positions() is columns.positions()
    assert columns.positions() == {key: k for k, key in enumerate(columns.keys)}


def test_threads_asking_for_the_key_positions_together_share_one_build(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(event_columns, "_CHUNK", 1)  # a build of many steps: threads interleave
    rows = [(f"k{k:04}", "2001-01-01", None, float(730_000 - k), 730_001.0) for k in range(3000)]
    columns = columns_of(rows)
    found: list[dict[str, int]] = []
    threads = [threading.Thread(target=lambda: found.append(columns.positions())) for _ in "abc"]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert len(found) == 3 and found[0] is found[1] is found[2]
    assert found[0] == {key: k for k, key in enumerate(columns.keys)}
    assert columns.keys[0] == "k2999"


def test_a_key_rows_view_looks_up_the_columns_positions() -> None:
    columns = columns_of(ROWS)
    rows = KeyRows(columns)
    assert not columns.positions_built  # a view made is a dict not built
    assert rows["late"] == 4 and "early" in rows and "nowhere" not in rows
    assert rows.get("nowhere") is None and len(rows) == 5
    assert dict(rows.items()) == rows == columns.positions()
    assert list(rows) == list(columns.positions())


def test_columns_made_otherwise_work_the_mask_out_from_their_texts() -> None:
    columns = columns_of(ROWS)
    copied = EventColumns(
        *(getattr(columns, name) for name in ("keys", "lanes", "t_lo")),
        columns.t_hi,
        columns.importance,
        columns.titles,
        columns.starts,
        columns.ends,
        columns.context,
    )
    assert copied == columns
    assert copied.plain_dates().tolist() == columns.plain_dates().tolist()
    assert copied.positions() == columns.positions()


def test_an_edit_in_place_copies_only_the_columns_it_changes() -> None:
    columns = columns_of(ROWS)
    mid = EventRecord("mid", "Renamed", "2010-03-04", 733835.0, 733836.0, end="2010-03-05")
    mid = replace(mid, lane="lane", importance=2)
    patched = columns.patched([mid], ["mid"])
    for name in ("keys", "lanes", "t_lo", "importance", "starts", "context"):
        assert getattr(patched, name) is getattr(columns, name), name
    assert patched.titles[3] == "Renamed" and columns.titles[3] == "mid"
    assert patched.ends[3] == "2010-03-05" and patched.t_hi[3] == 733836.0
    assert patched.positions() is columns.positions()
    assert patched.plain_dates().tolist() == plain_dates(patched.starts, patched.ends).tolist()
    assert patched.plain_dates()[3] and not columns.plain_dates()[3]


def test_an_edit_in_place_makes_no_column_as_long_as_the_library() -> None:
    n = 20_000
    keys = tuple(f"e{k:05}" for k in range(n))
    t_lo = tuple(float(730_000 + k) for k in range(n))
    found = TimelineColumns(
        keys, ("lane",) * n, t_lo, tuple(t + 1.0 for t in t_lo), (2,) * n, (False,) * n, (True,) * n
    )
    starts = tuple("2001-01-01" for _ in range(n))
    columns = EventColumns.of(replace(found, titles=keys, starts=starts, ends=(None,) * n))
    event = EventRecord("e00042", "Renamed", "2001-01-01", t_lo[42], t_lo[42] + 1.0)
    columns.positions()  # built when first looked up (by the first edit, if nothing before)
    gc.disable()  # nothing new may be untracked (or freed) before it is counted
    try:
        before = _long_containers(n)
        patched = columns.patched([replace(event, lane="lane", importance=2)], ["e00042"])
        made = _long_containers(n) - before
    finally:
        gc.enable()
    assert not made  # the titles are written over, not copied (nor any other column)
    assert patched.titles[42] == "Renamed" and columns.titles[42] == "e00042"
    assert list(patched.titles) == [*keys[:42], "Renamed", *keys[43:]]
    assert patched.texts_read and patched.keys is columns.keys


def _long_containers(n: int) -> set[int]:
    return {id(o) for o in gc.get_objects() if isinstance(o, list | tuple | dict) and len(o) >= n}
