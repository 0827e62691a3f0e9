"""Parallax's side of ``bench.vis``, run in a fresh process: ``python -m bench.vis.parallax_side
LIBRARY`` prints one JSON object.

It opens the library to its first frame and paints the two protocols exactly as
``bench.timeline`` does (``open_to_first_frame``, ``paint_steps``: ``paint_timeline``, the
routine the ``TimelineView`` paints with, offscreen at 1600x900), and hands back every step's
visible window so that vis-timeline is driven through the very same windows.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

from bench.timeline import open_to_first_frame, paint_steps
from bench.timeline_core import jump_scales, scripted_scales


def measure(path: Path) -> dict[str, Any]:
    """The first frame's figures, and per protocol its windows and each step's ms: wall and CPU
    with the view's idle work between steps (as in the app), wall without it ("cold")."""
    from desktop.rendering.paint import forget_layouts

    opened = open_to_first_frame(path)
    opened.image.save(str(path.with_name("parallax-first.png")))
    result: dict[str, Any] = {"first": opened.figures}
    store = opened.scene.store
    for name, scales in (("fine", scripted_scales(store)), ("jump", jump_scales(store))):
        forget_layouts()
        cold, _, _ = paint_steps(opened.scene, scales, opened.image, opened.theme, idle=False)
        forget_layouts()
        wall, cpu, idle = paint_steps(opened.scene, scales, opened.image, opened.theme, idle=True)
        result[name] = {
            "windows": [[scale.t0, scale.t1] for scale in scales],
            "wall": wall,
            "cpu": cpu,
            "cold_wall": cold,
            "idle_max_ms": max(idle),
        }
    opened.library.dispose()
    return result


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    print(json.dumps(measure(Path(sys.argv[1]))), flush=True)
