"""Event store, packing, level of detail, clustering stability and hit testing."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.timeline import layout as layout_module
from desktop.core.timeline.cover import Cover
from desktop.core.timeline.frame import Frame, LaneMetrics
from desktop.core.timeline.hit import cluster_at, cluster_members, item_at
from desktop.core.timeline.layout import LEVEL_BASE, TimelineLayout, zoom_level
from desktop.core.timeline.packing import pack_rows
from desktop.core.timeline.scale import TimeScale
from desktop.core.timeline.store import KEPT_SUBSETS, EventStore, TimelineItem

METRICS = LaneMetrics()
T = 733000.0


def measure(text: str) -> float:
    return 6.0 * len(text)


def item(
    ident: int, lane: int, start: float, days: float = 1.0, importance: int = 2
) -> TimelineItem:
    return TimelineItem(ident, lane, T + start, T + start + days, importance, f"E{ident}")


def frame_of(items: list[TimelineItem], scale: TimeScale, lanes: int = 2) -> Frame:
    return TimelineLayout(EventStore.build(items, lanes), measure, METRICS).frame(scale)


def test_store_sorts_and_groups_by_duration_class() -> None:
    store = EventStore.build([item(3, 1, 5.0), item(1, 0, 9.0), item(2, 0, 1.0, days=400.0)])
    assert store.lane_count == 2
    assert store.ids.tolist() == [1, 2, 3]  # by lane, then duration class, then start
    assert [g.duration_class for g in store.groups[0]] == [8, 0]
    assert store.position_of(3) == 2
    with pytest.raises(ValueError):
        EventStore.build([item(4, 0, 1.0, days=0.0)])


def test_pack_rows_first_fit_without_overlap() -> None:
    x0 = np.array([0.0, 5.0, 12.0, 30.0, 31.0, 32.0])
    x1 = np.array([10.0, 20.0, 25.0, 40.0, 41.0, 42.0])
    rows = pack_rows(x0, x1, rows=2, gap=2.0)
    assert rows.tolist() == [0, 1, 0, 0, 1, -1]


def first_fit_one_by_one(x0: list[float], x1: list[float], rows: int, gap: float) -> list[int]:
    ends = [-np.inf] * rows
    found = []
    for start, end in zip(x0, x1, strict=True):
        row = next((r for r in range(rows) if ends[r] + gap <= start), -1)
        if row >= 0:
            ends[row] = end
        found.append(row)
    return found


extents = st.lists(st.tuples(st.integers(0, 200), st.integers(0, 40)), max_size=60).map(
    lambda pairs: sorted((float(a), float(a + b)) for a, b in pairs)
)


@given(extents, st.integers(0, 5), st.sampled_from([0.0, 2.0, 6.0]))
def test_pack_rows_row_by_row_matches_first_fit(
    pairs: list[tuple[float, float]], rows: int, gap: float
) -> None:
    x0, x1 = [a for a, _ in pairs], [b for _, b in pairs]
    found = pack_rows(np.array(x0), np.array(x1), rows=rows, gap=gap).tolist()
    assert found == first_fit_one_by_one(x0, x1, rows, gap)
    shuffled = pack_rows(np.array(x0[::-1]), np.array(x1[::-1]), rows=rows, gap=gap).tolist()
    assert shuffled == first_fit_one_by_one(x0[::-1], x1[::-1], rows, gap)


def test_long_span_starting_before_the_window_is_a_bar() -> None:
    items = [item(1, 0, -5000.0, days=10000.0), item(2, 0, 50.0, days=30.0)]
    frame = frame_of(items, TimeScale(T, T + 100.0, 1000.0))
    assert sorted(frame.bars.ids.tolist()) == [1, 2]
    rows = dict(zip(frame.bars.ids.tolist(), frame.bars.row.tolist(), strict=True))
    assert rows == {1: 0, 2: 1}
    assert frame.bars.x0[frame.bars.ids == 1][0] < 0


def frame_titles(items: list[TimelineItem]) -> dict[int, str]:
    return {i.id: i.title for i in items}


def test_far_apart_points_are_labelled_markers_and_close_ones_cluster() -> None:
    items = [
        item(1, 0, 10.0),
        item(2, 0, 500.0),
        item(3, 1, 300.0),
        item(4, 1, 300.2),
        item(5, 1, 300.4),
    ]
    frame = frame_of(items, TimeScale(T, T + 1000.0, 1000.0))
    assert sorted(frame.markers.ids.tolist()) == [1, 2]
    assert {label.id for label in frame.labels} == {1, 2, -1}  # -1: cluster 0
    cluster_label = next(label for label in frame.labels if label.id == -1)
    assert cluster_label.text == f"{frame_titles(items)[3]} +2"  # lead: first of equals
    assert frame.clusters.count.tolist() == [3]
    assert frame.clusters.lane.tolist() == [1]
    assert frame.clusters.t_first[0] == T + 300.0
    assert frame.clusters.t_last[0] == T + 300.4


def test_labels_never_cover_the_next_glyph() -> None:
    items = [item(k, 0, 30.0 * k) for k in range(1, 30)]
    frame = frame_of(items, TimeScale(T, T + 1000.0, 1000.0), lanes=1)
    xs = np.sort(frame.markers.x)
    for label in (lab for lab in frame.labels if lab.kind == "marker"):
        end = label.x + measure(label.text)
        later = xs[xs > label.x]
        assert not len(later) or end <= later[0] - 3.0
    strip = [lab for lab in frame.labels if lab.kind == "marker"]
    assert 0 < len(strip) < len(items)


def random_items(count: int, seed: int) -> list[TimelineItem]:
    rng = np.random.default_rng(seed)
    starts = rng.uniform(0.0, 2000.0, count)
    days = np.where(rng.random(count) < 0.2, rng.uniform(5.0, 200.0, count), 1.0)
    return [
        item(k, int(rng.integers(0, 3)), float(starts[k]), float(days[k])) for k in range(count)
    ]


def test_layout_is_deterministic_and_bars_do_not_overlap() -> None:
    items = random_items(3000, seed=5)
    scale = TimeScale(T + 500.0, T + 900.0, 1200.0)
    first = frame_of(items, scale, lanes=3)
    again = frame_of(list(reversed(items)), scale, lanes=3)
    assert first.bars.ids.tolist() == again.bars.ids.tolist()
    assert first.markers.ids.tolist() == again.markers.ids.tolist()
    assert first.clusters.count.tolist() == again.clusters.count.tolist()
    bars = first.bars
    for lane, row in {(int(a), int(b)) for a, b in zip(bars.lane, bars.row, strict=True)}:
        mine = np.flatnonzero((bars.lane == lane) & (bars.row == row))
        order = mine[np.argsort(bars.x0[mine])]
        assert np.all(bars.x1[order][:-1] <= bars.x0[order][1:])


def test_every_visible_point_is_shown_once() -> None:
    items = random_items(3000, seed=6)
    store = EventStore.build(items, 3)
    scale = TimeScale(T - 10.0, T + 2010.0, 1000.0)
    frame = TimelineLayout(store, measure, METRICS).frame(scale)
    members = [cluster_members(store, frame, k) for k in range(len(frame.clusters.count))]
    shown = np.concatenate([frame.markers.ids, frame.bars.ids, *members])
    assert len(shown) == len(set(shown.tolist())) == len(items) - sum(frame.hidden)
    assert [len(m) for m in members] == frame.clusters.count.tolist()


def test_clusters_are_stable_under_a_two_percent_zoom() -> None:
    items = random_items(3000, seed=7)
    scale = TimeScale(T - 500.0, T + 2500.0, 1000.0)
    level, level_dpp = zoom_level(scale)
    scale = scale.zoom(scale.days_per_px / (level_dpp * 2 ** (1 / 6)), 500.0)  # mid level
    nudged = scale.zoom(1.02, 420.0)
    assert zoom_level(nudged)[0] == zoom_level(scale)[0]
    before, after = frame_of(items, scale, 3), frame_of(items, nudged, 3)
    assert before.clusters.count.tolist() == after.clusters.count.tolist()
    assert before.clusters.t_first.tolist() == after.clusters.t_first.tolist()
    assert before.markers.ids.tolist() == after.markers.ids.tolist()
    assert before.bars.row.tolist() == after.bars.row.tolist()


def test_glyphs_in_a_strip_never_overlap() -> None:
    frame = frame_of(random_items(3000, seed=8), TimeScale(T, T + 2000.0, 1000.0), 3)
    for lane in range(3):
        spans = [(x - 3.0, x + 3.0) for x in frame.markers.x[frame.markers.lane == lane]]
        mine = frame.clusters.lane == lane
        spans += list(zip(frame.clusters.x0[mine], frame.clusters.x1[mine], strict=True))
        spans.sort()
        assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))


def test_hit_testing_finds_items_and_cluster_members() -> None:
    items = [item(1, 0, 100.0), item(2, 1, 200.0, days=300.0), item(3, 1, 700.0), item(4, 1, 700.3)]
    store = EventStore.build(items, 2)
    frame = TimelineLayout(store, measure, METRICS).frame(TimeScale(T, T + 1000.0, 1000.0))
    assert item_at(frame, 100.0, METRICS.strip_y(0)) == 1
    assert item_at(frame, 102.0, METRICS.strip_y(0) + 2.0) == 1
    assert item_at(frame, 350.0, METRICS.row_y(1, 0) + 5.0) == 2
    assert item_at(frame, 350.0, METRICS.row_y(0, 0) + 5.0) is None
    assert item_at(frame, 900.0, METRICS.strip_y(0)) is None
    hit = cluster_at(frame, 701.0, METRICS.strip_y(1))
    assert hit is not None
    assert cluster_members(store, frame, hit).tolist() == [3, 4]
    assert cluster_at(frame, 701.0, METRICS.strip_y(0)) is None


def random_store(count: int, lanes: int, seed: int) -> EventStore:
    rng = np.random.default_rng(seed)
    starts = rng.uniform(0.0, 2000.0, count).round(1)
    days = np.where(rng.random(count) < 0.1, rng.exponential(40.0, count) + 2.0, 1.0)
    return EventStore.build(
        [
            item(k, int(rng.integers(0, lanes)), float(starts[k]), float(days[k]), 1 + k % 3)
            for k in range(count)
        ],
        lanes,
    )


def bar_extents(frame: Frame) -> np.ndarray:
    order = np.argsort(frame.bars.ids)
    return np.stack((frame.bars.ids[order], frame.bars.x0[order], frame.bars.x1[order]))


def assert_same_frame(reused: Frame, fresh: Frame) -> None:
    """Same glyphs at the same places; bars are the same events over the same x, but their rows
    may differ (first-fit packing starts at the laid-out window's left edge, and a fresh layout
    lays out another window), so labels are compared for the point glyphs."""
    for part in ("markers", "clusters"):
        mine, theirs = getattr(reused, part), getattr(fresh, part)
        for name in type(mine).__slots__:
            np.testing.assert_allclose(getattr(mine, name), getattr(theirs, name), atol=1e-6)
    np.testing.assert_allclose(bar_extents(reused), bar_extents(fresh), atol=1e-6)
    assert [lab for lab in reused.labels if lab.kind == "marker"] == [
        lab for lab in fresh.labels if lab.kind == "marker"
    ]
    assert reused.point_cutoff == fresh.point_cutoff
    assert reused.hidden == fresh.hidden


@pytest.mark.parametrize("seed", [1, 2])
def test_frames_from_a_reused_layout_equal_fresh_ones(seed: int) -> None:
    store = random_store(3000, 3, seed)
    metrics = LaneMetrics(rows=4)
    span = 1000.0 * LEVEL_BASE**-6.5  # mid-level: the small zooms below stay in this level
    base = TimeScale(T + 600.0, T + 600.0 + span, 1000.0)
    level = zoom_level(base)[0]
    moves = [base.pan(40.0), base.pan(-90.0), base.zoom(1.04, 300.0), base.zoom(0.98, 700.0)]
    moves += [base.zoom(1.05, 500.0).pan(25.0), base.pan(-12.5).zoom(0.99, 100.0)]
    layout = TimelineLayout(store, measure, metrics)
    layout.frame(base)
    covers = dict(layout._covers)
    for scale in moves:
        assert zoom_level(scale)[0] == level
        reused = layout.frame(scale)
        assert layout._covers == covers  # drawn from the cover laid out for ``base``
        fresh = TimelineLayout(store, measure, metrics).frame(scale)
        assert len(fresh.markers.x) + len(fresh.clusters.x0) > 20  # a real test: many items
        assert_same_frame(reused, fresh)


def test_a_prefetched_zoom_step_is_drawn_without_regrouping() -> None:
    store = random_store(3000, 3, 3)
    metrics = LaneMetrics(rows=4)
    span = 1000.0 * LEVEL_BASE**-6.5  # mid-level: a 1.25x step either way changes the level
    base = TimeScale(T + 600.0, T + 600.0 + span, 1000.0)
    level = zoom_level(base)[0]
    layout = TimelineLayout(store, measure, metrics)
    layout.frame(base)
    prefetched = 0
    while layout.prefetch(base):
        prefetched += 1
    assert prefetched == 2
    assert not layout.prefetch(base.pan(3.0))  # still ready after a small pan
    covers = dict(layout._covers)
    assert sorted(covers) == [level - 1, level, level + 1]
    steps = [base.zoom(1.25, 0.0), base.zoom(1.25, 990.0), base.zoom(0.8, 0.0)]
    steps += [base.zoom(0.8, 500.0), base.zoom(0.87, 1000.0)]
    for scale in steps:
        assert zoom_level(scale)[0] != level
        reused = layout.frame(scale)
        assert layout._covers == covers  # no cover laid out in the frame
        assert_same_points(reused, TimelineLayout(store, measure, metrics).frame(scale))


def assert_same_points(prefetched: Frame, fresh: Frame) -> None:
    """Same markers and clusters at the same places. Bars are packed from the left edge of the
    window laid out, which differs here, so where a lane's rows are full a different few bars
    may be the ones left out: only their number per lane must agree."""
    for part in ("markers", "clusters"):
        mine, theirs = getattr(prefetched, part), getattr(fresh, part)
        for name in type(mine).__slots__:
            np.testing.assert_allclose(getattr(mine, name), getattr(theirs, name), atol=1e-6)
    assert prefetched.point_cutoff == fresh.point_cutoff
    assert prefetched.hidden == fresh.hidden


@pytest.mark.parametrize("height", [140.0, 200.0])
def test_titles_placed_once_when_no_lane_can_grow_match_placing_them_twice(
    height: float, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A frame fitted to a height too small for its lanes places its titles once when labels
    cannot change the fit; the frames equal those of always placing them first in the full
    rows and again in the fitted ones."""
    store = random_store(4000, 4, 5)
    metrics = LaneMetrics(rows=6)
    scales = [TimeScale(T + 100.0 * k, T + 100.0 * k + 900.0 / (k + 1), 1000.0) for k in range(6)]
    placed: list[int] = []
    real = TimelineLayout._labelled

    def counted(layout: TimelineLayout, frame: Frame, fitted: LaneMetrics, elide: bool) -> Frame:
        placed.append(1)
        return real(layout, frame, fitted, elide)

    monkeypatch.setattr(TimelineLayout, "_labelled", counted)
    once = [TimelineLayout(store, measure, metrics).frame(scale, height) for scale in scales]
    placed_once = len(placed)
    monkeypatch.setattr("desktop.core.timeline.layout._settled", lambda *_: False)
    twice = [TimelineLayout(store, measure, metrics).frame(scale, height) for scale in scales]
    assert placed_once < len(placed) - placed_once  # titles were placed fewer times
    for mine, reference in zip(once, twice, strict=True):
        assert mine.metrics == reference.metrics
        assert mine.labels == reference.labels
        np.testing.assert_array_equal(mine.markers.ids, reference.markers.ids)


@pytest.mark.parametrize(("factor", "anchor"), [(4.0, 0.0), (4.0, 1000.0), (0.25, 0.0)])
def test_after_a_large_jump_the_next_jump_either_way_is_prefetched(
    factor: float, anchor: float, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = random_store(3000, 3, 4)
    layout = TimelineLayout(store, measure, LaneMetrics(rows=4))
    start = TimeScale(T + 200.0, T + 1800.0, 1000.0)
    jumped = start.zoom(4.0, 250.0)
    layout.frame(start)
    layout.frame(jumped)
    level = zoom_level(jumped)[0]
    jump = abs(level - zoom_level(start)[0])
    assert jump == 6  # a 4x zoom is six levels
    while layout.prefetch(jumped):
        pass
    assert {level - jump, level + jump, level - 1, level + 1} <= set(layout._covers)
    laid_out: list[int] = []
    real = TimelineLayout._lay_out_cover

    def counted(self: TimelineLayout, scale: TimeScale, level: int, dpp: float) -> Cover:
        laid_out.append(level)
        return real(self, scale, level, dpp)

    monkeypatch.setattr(TimelineLayout, "_lay_out_cover", counted)
    layout.frame(jumped.zoom(factor, anchor))  # the next jump, at the edge of the view
    assert laid_out == []


def test_after_a_long_jump_only_the_next_level_either_way_is_prefetched() -> None:
    """Going home from a day's view is not repeated: its jump is not laid out in advance (a
    cover that many levels in would hold the whole view at a day's detail)."""
    store = random_store(3000, 3, 4)
    layout = TimelineLayout(store, measure, LaneMetrics(rows=4))
    day = TimeScale(T + 900.0, T + 901.0, 1000.0)
    home = TimeScale(T, T + 2000.0, 1000.0)
    layout.frame(day)
    layout.frame(home)
    level = zoom_level(home)[0]
    while layout.prefetch(home):
        pass
    assert set(layout._covers) == {zoom_level(day)[0], level - 1, level, level + 1}


@pytest.mark.parametrize("new_importance", [None, 1], ids=["retitled", "re-ranked"])
def test_a_carried_layout_draws_what_a_layout_of_a_rebuilt_store_draws(
    new_importance: int | None,
) -> None:
    store = random_store(3000, 3, 5)
    metrics = LaneMetrics(rows=4)
    scales = [TimeScale(T + 600.0, T + 640.0, 1000.0), TimeScale(T, T + 2000.0, 1000.0)]
    layout = TimelineLayout(store, measure, metrics)
    for scale in scales:
        layout.frame(scale, 300.0)
    positions = np.arange(0, 3000, 2, dtype=np.int64)  # every other item
    titles = [f"Renamed event {k} with a longer title" for k in positions.tolist()]
    ranks = store.importance[positions] if new_importance is None else np.ones(len(positions))
    patched = store.with_rows(positions, titles, ranks.astype(np.int64))
    assert patched.t_lo is store.t_lo and patched.titles is not store.titles
    assert store.titles[int(positions[0])] == f"E{int(store.ids[positions[0]])}"  # untouched
    rebuilt = EventStore.from_arrays(
        patched.ids,
        patched.lane,
        patched.t_lo,
        patched.t_hi,
        patched.importance,
        patched.titles,
        patched.precision,
        patched.lane_count,
    )
    carried, fresh = layout.carried(patched), TimelineLayout(rebuilt, measure, metrics)
    assert bool(carried._covers) == (new_importance is None)  # kept only without new ranks
    for scale in scales:
        fresh.frame(scale, 300.0)  # the same rows seen per level as the carried layout
    texts = []
    for scale in scales:
        mine, theirs = carried.frame(scale, 300.0), fresh.frame(scale, 300.0)
        assert_same_frame(mine, theirs)
        assert mine.labels == theirs.labels
        texts += [label.text for label in mine.labels]
    assert any(text.startswith("Renamed") for text in texts)  # the new titles are drawn


def test_a_subset_holds_what_a_store_built_from_its_items_holds() -> None:
    store = random_store(3000, 3, 7)
    keep = np.random.default_rng(7).random(len(store)) < 0.3
    subset = store.subset(keep)
    chosen = np.flatnonzero(keep)
    built = EventStore.from_arrays(
        store.ids[chosen][::-1],  # any order: the store sorts
        store.lane[chosen][::-1],
        store.t_lo[chosen][::-1],
        store.t_hi[chosen][::-1],
        store.importance[chosen][::-1],
        [store.titles[k] for k in chosen.tolist()][::-1],
        store.precision[chosen][::-1],
        store.lane_count,
    )
    for name in ("ids", "lane", "t_lo", "t_hi", "importance", "precision"):
        np.testing.assert_array_equal(getattr(subset, name), getattr(built, name))
    assert list(subset.titles) == built.titles and subset.groups == built.groups
    assert [subset.titles[k] for k in range(len(subset))] == built.titles  # looked up alone
    inner = subset.subset(np.arange(len(subset)) % 2 == 0)  # a subset of a subset
    assert list(inner.titles) == built.titles[::2] and inner.titles[1:3] == built.titles[2:6:2]
    assert 0 < len(subset) < len(store) and subset.lane_count == store.lane_count
    assert store.subset(np.ones(len(store), np.bool_)) is store  # its layouts too


def test_key_members_looked_up_once_label_every_frame_as_a_fresh_layout_does() -> None:
    rng = np.random.default_rng(5)
    starts = rng.uniform(0.0, 400.0, 4000).round(1)
    ranks = np.where(rng.random(4000) < 0.3, 1, 3)  # dense clusters led by key events
    items = [item(k, k % 2, float(starts[k]), 1.0, int(ranks[k])) for k in range(4000)]
    store = EventStore.build(items, 2)
    metrics = LaneMetrics(rows=6)
    span = 1000.0 * LEVEL_BASE**-4.5
    base = TimeScale(T + 100.0, T + 100.0 + span, 1000.0)
    moves = [base, base.pan(40.0), base.zoom(1.04, 300.0), base.pan(-25.0), base, base.pan(3.0)]
    moves += [base.zoom(1.6, 200.0), base.zoom(2.6, 500.0), base.zoom(0.6, 500.0), base.pan(7.0)]
    layout = TimelineLayout(store, measure, metrics)
    leaders = 0
    for scale in moves:
        reused = layout.frame(scale)
        fresh = TimelineLayout(store, measure, metrics).frame(scale)
        assert reused.labels == fresh.labels
        leaders += sum(lab.kind == "leader" for lab in reused.labels)
    assert leaders > 20  # the key members of clusters got their own lines
    assert layout._members  # looked up once, kept across frames


def test_a_retitled_store_finds_its_clusters_key_members_without_looking_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    store = random_store(3000, 3, 5)
    metrics = LaneMetrics(rows=4)
    scales = [TimeScale(T + 600.0, T + 640.0, 1000.0), TimeScale(T, T + 2000.0, 1000.0)]
    layout = TimelineLayout(store, measure, metrics)
    before = [layout.frame(scale, 300.0) for scale in scales]
    assert layout._members  # key-led clusters were labelled
    positions = np.arange(0, 3000, 5, dtype=np.int64)
    titles = [f"Renamed {k}" for k in positions.tolist()]
    patched = store.with_rows(positions, titles, store.importance[positions])
    looked: list[object] = []
    others = layout_module._others
    monkeypatch.setattr(layout_module, "_others", lambda *a: looked.append(a) or others(*a))
    carried = layout.carried(patched)
    for scale, old in zip(scales, before, strict=True):
        frame = carried.frame(scale, 300.0)
        for part in ("markers", "clusters", "bars"):  # the same groups: only titles differ
            mine, theirs = getattr(frame, part), getattr(old, part)
            for name in type(mine).__slots__:
                np.testing.assert_array_equal(getattr(mine, name), getattr(theirs, name))
    assert not looked  # every cluster's key members were known already
    fresh = TimelineLayout(patched, measure, metrics)
    assert [carried.frame(s, 300.0).labels for s in scales] == [
        fresh.frame(s, 300.0).labels for s in scales
    ]
    assert looked  # (the fresh layout looked them up)


def test_a_retitle_out_of_view_keeps_the_frame_and_one_in_view_is_laid_out_again() -> None:
    rng = np.random.default_rng(11)
    starts = rng.uniform(0.0, 2000.0, 4000).round(1)
    ranks = np.where(rng.random(4000) < 0.2, 1, 3)
    store = EventStore.build(
        [item(k, k % 2, float(starts[k]), 1.0, int(ranks[k])) for k in range(4000)], 2
    )
    metrics = LaneMetrics(rows=4)
    scale = TimeScale(T + 500.0, T + 560.0, 1000.0)
    layout = TimelineLayout(store, measure, metrics)
    before = layout.frame(scale, 300.0)
    clusters = before.clusters
    in_cell = (
        (store.importance <= 1)[:, None]
        & (store.lane[:, None] == clusters.lane[None, :])
        & (store.t_lo[:, None] >= clusters.cell_t0[None, :])
        & (store.t_lo[:, None] < clusters.cell_t1[None, :])
    ).any(axis=1)
    key_member = np.flatnonzero(in_cell & ~np.isin(np.arange(len(store)), clusters.lead))
    far = np.flatnonzero(store.t_lo > T + 1500.0)
    cases = {
        "far": (int(far[0]), False),
        "marker": (int(before.markers.index[0]), True),
        "lead": (int(clusters.lead[0]), True),
        "key member": (int(key_member[0]), True),
    }
    for name, (position, laid_out) in cases.items():
        at = np.array([position], np.int64)
        patched = store.with_rows(at, [f"Renamed {name}"], store.importance[at])
        carried = layout.carried(patched)
        frame = carried.frame(scale, 300.0)
        assert (frame is not before) == laid_out, name
        fresh = TimelineLayout(patched, measure, metrics)
        assert frame.labels == fresh.frame(scale, 300.0).labels, name


def test_a_subset_asked_again_is_the_same_store_until_newer_ones_push_it_out() -> None:
    store = random_store(2000, 3, 9)
    masks = [np.arange(len(store)) % k == 0 for k in range(2, 3 + KEPT_SUBSETS)]
    first = store.subset(masks[0])
    assert store.subset(masks[0].copy()) is first  # the same items: the same store
    for mask in masks[1:-1]:  # KEPT_SUBSETS - 1 others
        store.subset(mask)
    assert store.subset(masks[0]) is first  # kept, and now the most recent again
    for mask in masks[1:]:  # KEPT_SUBSETS others
        store.subset(mask)
    assert store.subset(masks[0]) is not first  # pushed out by the newer ones: made again
    at = np.array([0], np.int64)
    retitled = store.with_rows(at, ["Renamed"], store.importance[at])
    assert list(retitled.subset(masks[0]).titles)[0] == "Renamed"  # not the old store's subset


def test_a_retitled_stores_subset_is_its_parents_subset_retitled_with_its_layouts() -> None:
    store = random_store(3000, 3, 13)
    metrics = LaneMetrics(rows=4)
    scale = TimeScale(T + 600.0, T + 700.0, 1000.0)
    keep = store.importance <= 2
    subset = store.subset(keep)
    layout = TimelineLayout(subset, measure, metrics)
    layout.frame(scale, 300.0)
    positions = np.array([0, 1, 2, 3], np.int64)  # some kept, some not
    titles = [f"Renamed {k}" for k in range(4)]
    retitled = store.with_rows(positions, titles, store.importance[positions])
    mine = retitled.subset(keep)
    assert mine.origin is not None and mine.origin.store() is subset
    fresh = store_of_items(retitled, keep)
    assert list(mine.titles) == list(fresh.titles) and any(t in titles for t in mine.titles)
    for name in ("ids", "lane", "t_lo", "importance"):
        np.testing.assert_array_equal(getattr(mine, name), getattr(fresh, name))
    carried = layout.carried(mine)
    assert carried._covers  # the covers laid out for the filter's store are kept
    expected = TimelineLayout(fresh, measure, metrics).frame(scale, 300.0)
    assert carried.frame(scale, 300.0).labels == expected.labels


def store_of_items(store: EventStore, keep: np.ndarray) -> EventStore:
    chosen = np.flatnonzero(keep)
    return EventStore.from_arrays(
        store.ids[chosen],
        store.lane[chosen],
        store.t_lo[chosen],
        store.t_hi[chosen],
        store.importance[chosen],
        [store.titles[k] for k in chosen.tolist()],
        store.precision[chosen],
        store.lane_count,
    )


def test_a_few_ids_are_found_where_the_dict_of_every_id_finds_them() -> None:
    store = random_store(500, 3, 17)
    ids = store.ids[[7, 0, 499, 250]]
    found = store.positions_of(ids)  # a pass over the ids each
    assert store._position_of_id is None  # no dict of every id was built
    assert found.tolist() == [store.position_of(int(i)) for i in ids.tolist()] == [7, 0, 499, 250]
    assert store.positions_of(store.ids).tolist() == list(range(500))  # many: the dict
    with pytest.raises(KeyError):
        store.positions_of(np.array([10_000], np.int64))
