"""Live collaboration in the window: poll the change log, reload on others' edits, keep edits
that could not be sent and retry them, and say so in the banner.

The poll runs on one worker thread (a slow or dead server never freezes the window); its result
is handled on the GUI thread at the next tick (every 250 ms; a poll starts about every second),
where ``workbench.reload()`` runs. Edits go
through ``send`` (an ``Outbox``): while the database is unreachable they wait and are retried
with backoff; a retry that ends in a conflict is shown, never dropped.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from db.errors import LibraryError
from desktop.core.team.outbox import Outbox, Outcome
from desktop.core.team.poller import ChangePoller, RemoteChanges
from desktop.core.workbench import Workbench
from desktop.ui.team.banner import ConnectionBanner

POLL_MS = 1000
TICK_MS = 250


class LiveUpdates(QObject):
    remote_changed = Signal(object)  # RemoteChanges
    edit_settled = Signal(object)  # Outcome

    def __init__(
        self,
        workbench: Workbench,
        banner: ConnectionBanner,
        parent: QObject | None = None,
        interval_ms: int = POLL_MS,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("TeamHub")
        self.workbench = workbench
        self.banner = banner
        self.outbox = Outbox()
        self.poller: ChangePoller | None = None
        try:  # start from now, so edits made from here on are all seen
            self.poller = ChangePoller(workbench.library)
        except LibraryError as error:
            banner.show_problem(self._offline_text(str(error)))
        self._interval = interval_ms / 1000
        self._last_poll = 0.0
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="parallax-poll")
        self._future: Future[RemoteChanges] | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(min(TICK_MS, interval_ms))
        self.timer.timeout.connect(self.tick)
        banner.retry_requested.connect(self.retry_now)
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        self._pool.shutdown(wait=False, cancel_futures=True)

    def send(self, label: str, action: Callable[[], Any]) -> Outcome | None:
        """Run an edit now, or keep it for retry if the library is unreachable (None)."""
        outcome = self.outbox.send(label, action)
        self._after_send(outcome)
        return outcome

    def retry_now(self) -> None:
        for outcome in self.outbox.retry_due(float("inf")):
            self._after_send(outcome)
        self._after_send(None)

    def tick(self) -> None:
        """Finish the last poll if it is done and start the next; retry waiting edits."""
        if self._future is not None and self._future.done():
            self._finish_poll(self._future)
            self._future = None
        if self._future is None and time.monotonic() - self._last_poll >= self._interval:
            self._last_poll = time.monotonic()
            self._future = self._pool.submit(self._poll)
        for outcome in self.outbox.retry_due():
            self._after_send(outcome)

    def _poll(self) -> RemoteChanges:
        if self.poller is None:
            self.poller = ChangePoller(self.workbench.library)
        return self.poller.poll()

    def _finish_poll(self, future: Future[RemoteChanges]) -> None:
        try:
            remote = future.result()
            if remote.records:
                self.workbench.reload(remote.as_changes())  # only what the others changed
                self.remote_changed.emit(remote)
        except LibraryError as error:
            self.banner.show_problem(self._offline_text(str(error)))
            return
        if self.outbox.online:
            self.banner.clear()

    def _after_send(self, outcome: Outcome | None) -> None:
        if outcome is not None:
            self.edit_settled.emit(outcome)
            if not outcome.sent and outcome.error is not None:
                self.banner.show_problem(f"“{outcome.label}” was not saved: {outcome.error}")
                return
        if not self.outbox.online:
            waiting = len(self.outbox.waiting)
            self.banner.show_problem(
                self._offline_text(self.outbox.last_problem)
                + f" {waiting} edit(s) waiting; retrying automatically."
            )
        elif outcome is not None and outcome.sent:
            self.banner.clear()

    @staticmethod
    def _offline_text(reason: str) -> str:
        return f"The shared library cannot be reached. {reason.split(' Nothing is lost')[0]}"
