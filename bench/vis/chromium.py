"""A headless Chromium driven over the DevTools protocol (a websocket, ``websocket-client``).

``Browser`` starts Debian's ``chromium`` with its own throwaway profile, a 1600x900 window and no
frame-rate limit (so a frame is painted as soon as it is ready, not at the next 60 Hz tick),
opens a page and evaluates expressions in it, awaiting their promises. It only ever talks to the
browser it started, on the loopback address.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path
from types import TracebackType
from typing import Any

FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-gpu-vsync",
    "--disable-frame-rate-limit",
    "--window-size=1600,900",
    "--hide-scrollbars",
    "--mute-audio",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-extensions",
    "--allow-file-access-from-files",
    "--remote-debugging-address=127.0.0.1",
    "--remote-debugging-port=0",
)
START_TIMEOUT_S = 60.0


class BrowserError(RuntimeError):
    """The browser did not start, or a page's script failed."""


def chromium_path() -> str | None:
    """The Chromium to run: $CHROMIUM, else ``chromium`` or ``chromium-browser`` on the PATH."""
    named = os.environ.get("CHROMIUM")
    if named:
        return named if Path(named).exists() else None
    return shutil.which("chromium") or shutil.which("chromium-browser")


class Browser:
    """One headless Chromium and a connection to its first page; use as a context manager."""

    def __init__(self, executable: str) -> None:
        self._profile = tempfile.TemporaryDirectory(prefix="bench-vis-chromium-")
        command = [executable, *FLAGS, f"--user-data-dir={self._profile.name}", "about:blank"]
        self._process = subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        self._socket: Any = None
        self._next_id = 0

    def __enter__(self) -> Browser:
        import websocket  # websocket-client

        port = self._debugging_port()
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=10) as answer:
            targets = json.load(answer)
        page = next(t for t in targets if t.get("type") == "page")
        self._socket = websocket.create_connection(
            page["webSocketDebuggerUrl"], timeout=900, suppress_origin=True
        )
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._socket is not None:
            self._socket.close()
        self._process.terminate()
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        self._profile.cleanup()

    def _debugging_port(self) -> int:
        """The port Chromium chose, from the DevToolsActivePort file it writes when ready."""
        marker = Path(self._profile.name) / "DevToolsActivePort"
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise BrowserError(f"chromium exited at start (code {self._process.returncode})")
            lines = marker.read_text().split() if marker.exists() else []
            if lines:
                return int(lines[0])
            time.sleep(0.1)
        raise BrowserError(f"chromium did not open its debugging port in {START_TIMEOUT_S:.0f} s")

    def call(self, method: str, **params: Any) -> dict[str, Any]:
        """Send one DevTools command and return its result (events in between are dropped)."""
        self._next_id += 1
        self._socket.send(json.dumps({"id": self._next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self._socket.recv())
            if message.get("id") == self._next_id:
                if "error" in message:
                    raise BrowserError(f"{method}: {message['error'].get('message')}")
                result: dict[str, Any] = message.get("result", {})
                return result

    def open(self, url: str, ready: str) -> None:
        """Load ``url`` and wait until the expression ``ready`` is true in it."""
        self.call("Page.navigate", url=url)
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.evaluate(f"Boolean({ready})"):
                return
            time.sleep(0.1)
        raise BrowserError(f"{url} did not get ready ({ready}) in {START_TIMEOUT_S:.0f} s")

    def evaluate(self, expression: str) -> Any:
        """The value of ``expression`` in the page (a promise is awaited), as JSON data."""
        answer = self.call(
            "Runtime.evaluate", expression=expression, awaitPromise=True, returnByValue=True
        )
        if "exceptionDetails" in answer:
            details = answer["exceptionDetails"]
            text = details.get("exception", {}).get("description") or details.get("text")
            raise BrowserError(f"page script failed: {text}")
        return answer["result"].get("value")
