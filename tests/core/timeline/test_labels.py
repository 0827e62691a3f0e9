"""Label placement: importance first, then time; labels never overlap bars, glyphs or labels."""

from __future__ import annotations

import numpy as np

from desktop.core.timeline.frame import Frame, Label, LaneMetrics
from desktop.core.timeline.label_candidates import MemberLines, Point
from desktop.core.timeline.label_rows import Rows
from desktop.core.timeline.labels import (
    LABEL_GAP,
    MAX_LANE_MISSES,
    Canvas,
    RowOccupancy,
    _place,
    place_labels,
)
from desktop.core.timeline.layout import TimelineLayout
from desktop.core.timeline.scale import TimeScale
from desktop.core.timeline.store import EventStore, TimelineItem

T = 733000.0
METRICS = LaneMetrics()


def measure(text: str) -> float:
    return 6.0 * len(text)


def crowded(importance_of: dict[int, int], count: int = 40, days: float = 25.0) -> Frame:
    """``count`` one-day events 25 px apart in one lane, titles 48 px wide: too many to label."""
    items = [
        TimelineItem(
            k, 0, T + days * k, T + days * k + 1, importance_of.get(k, 3), f"Event {k:02d}"
        )
        for k in range(count)
    ]
    layout = TimelineLayout(EventStore.build(items, 1), measure, METRICS)
    return layout.frame(TimeScale(T - 10.0, T + 990.0, 1000.0))


def extent(label: Label) -> tuple[float, float]:
    start = label.anchor_x - 1.0 if label.kind == "leader" else label.x
    return start, label.x + measure(label.text) + LABEL_GAP


def test_important_events_keep_their_labels_even_when_late() -> None:
    important = {k: 1 for k in (25, 29, 33, 37)} | {k: 2 for k in (5, 10, 14)}
    frame = crowded(important)
    labelled = {label.id for label in frame.labels}
    assert {25, 29, 33, 37} <= labelled  # late events, yet importance 1 wins the room
    assert {5, 10, 14} <= labelled
    assert len(labelled) < 40  # the view really is too crowded for all of them


def test_first_come_would_have_lost_them() -> None:
    """Control: with equal importance the same late events lose to earlier ones."""
    frame = crowded({})
    assert not {25, 29, 33, 37} <= {label.id for label in frame.labels}


def test_labels_in_each_row_never_overlap() -> None:
    rng = np.random.default_rng(3)
    frame = crowded({int(k): int(rng.integers(1, 4)) for k in range(40)})
    by_row: dict[float, list[tuple[float, float]]] = {}
    for label in frame.labels:
        by_row.setdefault(label.y, []).append(extent(label))
    for spans in by_row.values():
        spans.sort()
        for (_, end), (start, _) in zip(spans, spans[1:], strict=False):
            assert end <= start + 1e-9


def test_leader_labels_avoid_bars() -> None:
    items = [TimelineItem(100, 0, T + 300.0, T + 700.0, 3, "A long span")]
    items += [
        TimelineItem(k, 0, T + 25.0 * k, T + 25.0 * k + 1, 1, "Important event")
        for k in range(12, 28)
    ]
    frame = TimelineLayout(EventStore.build(items, 1), measure, METRICS).frame(
        TimeScale(T - 10.0, T + 990.0, 1000.0)
    )
    bar = frame.bars
    assert bar.ids.tolist() == [100]
    for label in frame.labels:
        if label.kind == "leader" and label.y == bar.y[0]:
            start, end = extent(label)
            assert end <= bar.x0[0] or start >= bar.x1[0]


def test_row_occupancy() -> None:
    row = RowOccupancy([10.0, 50.0], [20.0, 60.0])
    assert row.is_free(20.0, 50.0)
    assert not row.is_free(15.0, 30.0)
    assert not row.is_free(0.0, 11.0)
    row.take(25.0, 40.0)
    assert not row.is_free(30.0, 35.0)
    assert row.is_free(40.0, 50.0)


def test_strip_labels_respect_glyphs_in_every_lane() -> None:
    """Lanes other than the first obey the next-glyph rule too."""
    items = [
        TimelineItem(k, 2, T + 30.0 * k, T + 30.0 * k + 1, 2, "A fairly long title")
        for k in range(30)
    ]
    frame = TimelineLayout(EventStore.build(items, 3), measure, METRICS).frame(
        TimeScale(T - 10.0, T + 990.0, 1000.0)
    )
    xs = np.sort(frame.markers.x)
    strip = [label for label in frame.labels if label.kind == "marker"]
    for label in strip:
        later = xs[xs > label.x]
        assert not len(later) or label.x + measure(label.text) <= later[0] - 3.0


def test_no_label_leaves_the_canvas_near_the_right_edge() -> None:
    """A marker 20 px from the right edge gets its (long) title flipped left or elided."""
    items = [TimelineItem(1, 0, T + 980.0, T + 981.0, 1, "A rather long title for the edge")]
    frame = TimelineLayout(EventStore.build(items, 1), measure, METRICS).frame(
        TimeScale(T, T + 1000.0, 1000.0)
    )
    (label,) = frame.labels
    drawn = min(measure(label.text), label.max_width)
    assert label.x >= 0.0 and label.x + drawn <= 1000.0
    assert label.x < 980.0  # flipped to the left of its marker


def test_a_figure_never_cuts_a_title_it_drops_one_without_room() -> None:
    """Near the right edge, with a key event's glyph left of it and a bar under it (so no leader
    line can go down), a title does not fit whole anywhere: the window elides it, a figure
    (``elide=False``) leaves it out; every other title is unchanged and whole."""
    edge_title = "Arrested on returning home after years abroad"  # 270 px, 64 px of room
    items = [
        TimelineItem(1, 0, T + 850.0, T + 851.0, 1, "Key"),
        TimelineItem(2, 0, T + 930.0, T + 931.0, 2, edge_title),
        TimelineItem(3, 0, T + 600.0, T + 1000.0, 3, "Span"),
    ]
    layout = TimelineLayout(EventStore.build(items, 1), measure, METRICS)
    scale = TimeScale(T, T + 1000.0, 1000.0)
    window = {label.id: label for label in layout.frame(scale).labels}
    assert window[2].max_width < measure(edge_title)  # the window's elided title
    figure = {label.id: label for label in layout.frame(scale, elide=False).labels}
    assert set(figure) == {1, 3}
    for label in figure.values():
        assert measure(label.text) <= label.max_width
        assert label.x + measure(label.text) <= 1000.0
    assert (figure[1].x, figure[3].x) == (window[1].x, window[3].x)


def test_a_title_with_less_room_than_an_elided_one_needs_is_left_out() -> None:
    """The edge title of the test above, its marker 35 px from the edge: an elided title would
    keep less than ``MIN_ELIDED_PX`` (29 px), so even the window leaves it out."""
    items = [
        TimelineItem(1, 0, T + 850.0, T + 851.0, 1, "Key"),
        TimelineItem(2, 0, T + 965.0, T + 966.0, 2, "Arrested on returning home after years"),
        TimelineItem(3, 0, T + 600.0, T + 1000.0, 3, "Span"),
    ]
    layout = TimelineLayout(EventStore.build(items, 1), measure, METRICS)
    shown = {label.id for label in layout.frame(TimeScale(T, T + 1000.0, 1000.0)).labels}
    assert shown == {1, 3}


def test_a_figure_moves_a_title_left_of_its_marker_when_there_is_room() -> None:
    """The same edge title with nothing left of it ends at its marker, whole."""
    title = "Arrested on returning home after years abroad"
    items = [
        TimelineItem(2, 0, T + 930.0, T + 931.0, 2, title),
        TimelineItem(3, 0, T + 600.0, T + 1000.0, 3, "Span"),
    ]
    frame = TimelineLayout(EventStore.build(items, 1), measure, METRICS).frame(
        TimeScale(T, T + 1000.0, 1000.0), elide=False
    )
    (label,) = [label for label in frame.labels if label.id == 2]
    assert label.kind == "marker" and label.x + measure(title) <= 930.0
    assert label.max_width >= measure(title)


def test_a_bar_too_short_for_its_title_is_labelled_beside_it() -> None:
    items = [TimelineItem(1, 0, T + 100.0, T + 110.0, 1, "Second war of the example")]
    frame = TimelineLayout(EventStore.build(items, 1), measure, METRICS).frame(
        TimeScale(T, T + 1000.0, 1000.0)
    )
    assert frame.bars.ids.tolist() == [1]
    (label,) = frame.labels
    assert label.kind == "bar" and label.x >= float(frame.bars.x1[0])  # right of the bar
    assert label.y == float(frame.bars.y[0])


def test_a_single_day_event_is_a_labelled_marker_however_far_zoomed_in() -> None:
    items = [TimelineItem(1, 0, T + 10.0, T + 11.0, 2, "One day")]
    frame = TimelineLayout(EventStore.build(items, 1), measure, METRICS).frame(
        TimeScale(T, T + 40.0, 1000.0)  # one day is 25 px wide here
    )
    assert frame.markers.ids.tolist() == [1] and not len(frame.bars.ids)
    assert [label.id for label in frame.labels] == [1]


def test_a_cluster_is_labelled_with_its_most_important_member() -> None:
    items = [
        TimelineItem(1, 0, T + 500.0, T + 501.0, 3, "Minor"),
        TimelineItem(2, 0, T + 501.0, T + 502.0, 1, "Headline"),
    ]
    frame = TimelineLayout(EventStore.build(items, 1), measure, METRICS).frame(
        TimeScale(T, T + 10000.0, 1000.0)
    )
    assert frame.clusters.count.tolist() == [2]
    assert [label.text for label in frame.labels] == ["Headline +1"]


def test_a_full_lane_never_makes_its_clusters_member_lines() -> None:
    empty = TimelineLayout(EventStore.build([], 2), measure, METRICS).frame(
        TimeScale(T, T + 100.0, 1000.0)
    )
    rows = Rows((empty.markers, empty.clusters, empty.bars), {})
    measured: list[int] = []

    def widths(index: np.ndarray) -> np.ndarray:
        measured.extend(index.tolist())
        return np.full(len(index), 30.0)

    def lines(lane: int, first: int) -> MemberLines:
        index = np.arange(first, first + 3)
        return MemberLines(lane, 20.0, 500.0, index, index, [f"M{k}" for k in range(9)], widths)

    too_wide = [Point(0, 100.0, 106.0, 20.0, "x", k, 5000.0, 0.0, 1) for k in range(20)]
    items = [*too_wide[:MAX_LANE_MISSES], lines(0, 0), lines(1, 3)]
    labels: list[Label] = []
    _place(rows, METRICS, items, (labels, {}), Canvas(1000.0, float("inf")))
    assert measured == [3, 4, 5]  # lane 1's members were tried; full lane 0's never made
    assert {label.id for label in labels} <= {3, 4, 5} and labels


def test_a_full_lanes_later_candidates_are_never_made() -> None:
    """Forty markers 25 px apart with titles wider than the canvas: no title fits, so the lane is
    full after ``MAX_LANE_MISSES`` tries, and the titles of its later candidates are never read.
    The short-titled events of lane 1 are still labelled."""
    long = " ".join(["Event"] * 200)
    items = [TimelineItem(k, 0, T + 25.0 * k, T + 25.0 * k + 1, 3, long) for k in range(40)]
    items += [TimelineItem(40 + k, 1, T + 300.0 * k, T + 300.0 * k + 1, 3, "S") for k in range(3)]
    layout = TimelineLayout(EventStore.build(items, 2), measure, METRICS)
    frame = layout.frame(TimeScale(T - 10.0, T + 990.0, 1000.0))
    read: list[int] = []

    class Titles(list[str]):
        def __getitem__(self, k):  # type: ignore[no-untyped-def, override]
            read.append(k)
            return super().__getitem__(k)

    store = layout.store
    titles = Titles(store.titles)
    parts = (frame.markers, frame.clusters, frame.bars)
    labels = place_labels(titles, layout.widths, parts, METRICS, 1000.0, measure)
    lane_0 = [k for k in range(len(store)) if store.lane[k] == 0]
    by_time = sorted(lane_0, key=lambda k: store.t_lo[k])
    assert sorted(k for k in read if k in lane_0) == sorted(by_time[:MAX_LANE_MISSES])
    assert {store.ids[k] for k in range(len(store)) if store.lane[k] == 1} == {
        label.id for label in labels
    }
