"""The window and an exported figure of the same range draw the same events, however tall the
window is: September 2022 (the SCO summit in Samarkand, the Armenia–Azerbaijan border clashes,
the Kharkiv counter-offensive that began in late August)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter

from desktop.core.catalog import Catalog
from desktop.core.timeline.frame import Frame
from desktop.core.timeline.hit import cluster_members
from desktop.core.timeline.scene import TimelineScene
from desktop.core.workbench import Workbench
from desktop.rendering.image_options import ImageRequest
from desktop.rendering.image_scene import day_range, prepare_scene
from desktop.rendering.paint import paint_timeline
from desktop.rendering.timeline_image import plan_image

SEPTEMBER_2022 = {
    "2022-sco-samarkand-summit",
    "2022-armenia-azerbaijan-border-clashes",
    "2022-ukrainian-counter-offensives",
}


def drawn(scene: TimelineScene, frame: Frame) -> set[str]:
    """Keys of the events ``frame`` draws inside its width: markers whose centre is in view,
    bars reaching into it and the members of clusters reaching into it."""
    width = frame.scale.width_px
    markers, bars, clusters = frame.markers, frame.bars, frame.clusters
    ids = set(markers.ids[(markers.x >= 0) & (markers.x < width)].tolist())
    ids |= set(bars.ids[(bars.x1 > 0) & (bars.x0 < width)].tolist())
    for k in range(len(clusters.x0)):
        if clusters.x1[k] > 0 and clusters.x0[k] < width:
            ids |= set(cluster_members(scene.store, frame, k).tolist())
    return {scene.key_of(item) for item in ids}


def figure_events(workbench: Workbench, t0: float, t1: float, tmp_path: Path) -> set[str]:
    request = ImageRequest(path=tmp_path / "sep.png", t0=t0, t1=t1, width="1100px", dpi=96)
    prepared = prepare_scene(Catalog.load(workbench.library), request)
    plan = plan_image(prepared, request)
    image = QImage(8, 8, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    rect = QRectF(0.0, 0.0, plan.geometry.width, plan.geometry.height)
    frame = paint_timeline(painter, prepared.scene, plan.scale, rect, plan.theme, plan.options)
    painter.end()
    return drawn(prepared.scene, frame)


@pytest.mark.parametrize("height", [200, 400, 900])  # strip only, one row a lane, every row
def test_window_and_figure_draw_the_same_events(
    panel: Any, workbench: Workbench, height: int, tmp_path: Path
) -> None:
    t0, t1 = day_range("2022-09-01", "2022-09-30")
    assert t0 is not None and t1 is not None
    panel.resize(1100, height)
    panel.view.show_range(t0, t1)
    panel.view.grab()  # paints once, keeping the frame drawn
    view = panel.view
    assert (view.scale.t0, view.scale.t1) == (t0, t1)
    window = drawn(view.scene, view.frame)
    catalog = Catalog.load(workbench.library)
    overlapping = {e.key for e in catalog.events if e.t_hi > t0 and e.t_lo < t1}
    assert overlapping >= SEPTEMBER_2022
    assert window == figure_events(workbench, t0, t1, tmp_path) == overlapping
