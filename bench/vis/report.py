"""The figures of ``bench.vis`` from both sides' raw timings, and their table.

Steps are split by what changed: a step whose visible span differs from the one before is a
zoom, one that keeps it is a pan. Zoom figures come from the fine protocol (1.15x steps), pan
figures from the jump protocol's pans (10 % of the window), jump figures from its 4x zooms.
The first window of each protocol is where it starts from, not a step. Ratios are vis-timeline's
time over Parallax's, so above 1 means Parallax is faster.
"""

from __future__ import annotations

import json
import os
from typing import Any

import numpy as np

STEPS = (  # figure, protocol, kind of step
    ("zoom", "fine", "zoom"),
    ("pan", "jump", "pan"),
    ("jump", "jump", "zoom"),
)
PARALLAX_SERIES = (("parallax", "wall"), ("parallax_cold", "cold_wall"), ("parallax_cpu", "cpu"))


def _kinds(windows: list[list[float]]) -> list[str]:
    """'start', then 'zoom' or 'pan' for each following window."""
    spans = [t1 - t0 for t0, t1 in windows]
    kinds = ["start"]
    for before, after in zip(spans, spans[1:], strict=False):
        kinds.append("zoom" if abs(after / before - 1.0) > 1e-9 else "pan")
    return kinds


def figures(events: int, parallax: dict[str, Any], vis: dict[str, Any]) -> dict[str, Any]:
    """One flat object: ``{figure}_{p50|p95}_{side}_ms`` and ``{figure}_{p50|p95}_ratio``..."""
    first = parallax["first"]
    draw_ms = (first["scene_s"] + first["paint_s"]) * 1e3
    result: dict[str, Any] = {
        "events": events,
        "load_avg": os.getloadavg()[0],
        "browser": vis["version"],
        "first_draw_parallax_ms": draw_ms,
        "first_draw_parallax_cpu_ms": first["draw_cpu_s"] * 1e3,
        "open_first_frame_parallax_ms": first["first_frame_s"] * 1e3,
        "first_draw_vis_ms": vis["first_draw_ms"],
        "first_draw_ratio": vis["first_draw_ms"] / draw_ms,
        "open_first_frame_ratio": vis["first_draw_ms"] / (first["first_frame_s"] * 1e3),
        "vis_items_drawn_first": vis["items_drawn_first"],
        "vis_steps_timed_out": vis["fine"]["timed_out"] + vis["jump"]["timed_out"],
        "parallax_idle_max_ms": max(parallax[p]["idle_max_ms"] for p in ("fine", "jump")),
    }
    for figure, protocol, kind in STEPS:
        picked = [k == kind for k in _kinds(parallax[protocol]["windows"])]
        series = {side: parallax[protocol][key] for side, key in PARALLAX_SERIES}
        series["vis"] = vis[protocol]["times"]
        result[f"{figure}_steps"] = sum(picked)
        for side, times in series.items():
            chosen = [t for t, keep in zip(times, picked, strict=True) if keep]
            for q, share in (("p50", 50), ("p95", 95)):
                result[f"{figure}_{q}_{side}_ms"] = float(np.percentile(chosen, share))
        for q in ("p50", "p95"):
            vis_ms = result[f"{figure}_{q}_vis_ms"]
            result[f"{figure}_{q}_ratio"] = vis_ms / result[f"{figure}_{q}_parallax_ms"]
            result[f"{figure}_{q}_ratio_cold"] = vis_ms / result[f"{figure}_{q}_parallax_cold_ms"]
    return result


def table(result: dict[str, Any]) -> str:
    """The figures as a small table (ms, wall clock; Parallax's CPU ms in brackets)."""
    lines = [
        f"{result['events']} events, load average {result['load_avg']:.2f}, {result['browser']}, "
        f"vis-timeline drew {result['vis_items_drawn_first']} items first, "
        f"{result['vis_steps_timed_out']} steps timed out, "
        f"vis-timeline options {json.dumps(result.get('vis_options', {}))}",
        f"{'figure':<22}{'Parallax ms':>18}{'cold ms':>10}{'vis ms':>11}{'ratio':>9}{'cold':>8}",
    ]
    draw = result["first_draw_parallax_ms"]
    lines.append(
        f"{'first draw':<22}{draw:>9.1f} ({result['first_draw_parallax_cpu_ms']:>6.1f})"
        f"{'':>10}{result['first_draw_vis_ms']:>11.1f}{result['first_draw_ratio']:>8.1f}x"
    )
    lines.append(
        f"{'open → first frame':<22}{result['open_first_frame_parallax_ms']:>18.1f}{'':>10}"
        f"{result['first_draw_vis_ms']:>11.1f}{result['open_first_frame_ratio']:>8.1f}x"
    )
    for figure, _, _ in STEPS:
        for q in ("p50", "p95"):
            key = f"{figure}_{q}"
            label = f"{figure} {q} ({result[f'{figure}_steps']} steps)"
            lines.append(
                f"{label:<22}{result[f'{key}_parallax_ms']:>9.2f} "
                f"({result[f'{key}_parallax_cpu_ms']:>6.2f}){result[f'{key}_parallax_cold_ms']:>10.2f}"
                f"{result[f'{key}_vis_ms']:>11.2f}{result[f'{key}_ratio']:>8.1f}x"
                f"{result[f'{key}_ratio_cold']:>7.1f}x"
            )
    return "\n".join(lines)
