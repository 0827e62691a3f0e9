"""``python -m bench.vis``: see the package's docstring."""

from __future__ import annotations

import argparse
import base64
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from bench.vis import dataset
from bench.vis.report import figures, table

INSTALL = {
    "chromium": "Chromium is not installed: run 'apt-get install -y chromium' (or set CHROMIUM)",
    "vis": "vis-timeline 8.5.4 is not installed: run 'npm install --prefix bench/vis' (needs node)",
    "websocket": "websocket-client is not installed: run 'pip install websocket-client'",
}


def missing() -> str | None:
    """One line saying what to install, or None when everything the harness needs is there."""
    from bench.vis.chromium import chromium_path

    if chromium_path() is None:
        return INSTALL["chromium"]
    if dataset.vis_version() != "8.5.4":
        return INSTALL["vis"]
    try:
        import websocket  # noqa: F401
    except ImportError:
        return INSTALL["websocket"]
    return None


def run_parallax(library: Path) -> dict[str, Any]:
    """Parallax's side in a fresh process (so its first frame starts from a cold catalog)."""
    child = [sys.executable, "-m", "bench.vis.parallax_side", str(library)]
    env = os.environ | {"QT_QPA_PLATFORM": "offscreen"}
    output = subprocess.run(child, check=True, capture_output=True, text=True, env=env).stdout
    result: dict[str, Any] = json.loads(output.strip().splitlines()[-1])
    return result


def run_vis(folder: Path, parallax: dict[str, Any], options: dict[str, Any]) -> dict[str, Any]:
    """vis-timeline's side: the first draw, then each protocol through Parallax's windows;
    ``options`` go on top of the page's own (stacked items, groups, 1600x900)."""
    from bench.vis.chromium import Browser, chromium_path

    executable = chromium_path()
    assert executable is not None
    result: dict[str, Any] = {}
    with Browser(executable) as browser:
        result["version"] = browser.call("Browser.getVersion").get("product")
        browser.call(
            "Emulation.setDeviceMetricsOverride",
            width=1600,
            height=900,
            deviceScaleFactor=1,
            mobile=False,
        )
        browser.open((folder / "page.html").as_uri(), "window.bench && window.BENCH_DATA")
        first = [dataset.ms_of(t) for t in parallax["fine"]["windows"][0]]
        result["first_draw_ms"] = browser.evaluate(
            f"bench.firstDraw({first[0]}, {first[1]}, {json.dumps(options)})"
        )
        result["items_drawn_first"] = browser.evaluate("bench.itemsDrawn()")
        shot = browser.call("Page.captureScreenshot", format="png")["data"]
        (folder / "vis-first.png").write_bytes(base64.b64decode(shot))
        for name in ("fine", "jump"):
            windows = [[dataset.ms_of(t) for t in w] for w in parallax[name]["windows"]]
            browser.evaluate(f"bench.show({windows[0][0]}, {windows[0][1]})")
            steps = browser.evaluate(f"bench.steps({json.dumps(windows[1:])})")
            result[name] = {"times": [0.0, *steps["times"]], "timed_out": steps["timed_out"]}
    return result


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.vis", description=__doc__)
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument(
        "--keep", type=Path, help="keep the library, the page and both first frames (PNG) here"
    )
    parser.add_argument(
        "--vis-options",
        type=json.loads,
        default={},
        help="vis-timeline options on top of the page's, as JSON: '{\"cluster\": true}'",
    )
    args = parser.parse_args()
    problem = missing()
    if problem:
        print(problem, file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="bench-vis-") as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        library = dataset.build(folder, args.events)
        parallax = run_parallax(library)
        vis = run_vis(folder, parallax, args.vis_options)
    result = figures(args.events, parallax, vis) | {"vis_options": args.vis_options}
    print(json.dumps(result) if args.json else table(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
