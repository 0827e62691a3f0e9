"""Edits that could not reach the database wait here and are sent again, in order.

``Outbox.send(label, action)`` runs ``action`` (one command, i.e. one unit of work) at once. If
the database is unreachable (``LibraryUnavailableError``) the action is kept, the outbox goes
offline and ``retry_due(now)`` sends it again after 1, 2, 4 … up to ``max_delay`` seconds, the
oldest first; later edits queue behind it so their order is kept. Any other error (a conflict,
a rule) ends the attempt: it is returned as a failed ``Outcome`` to show the user, never
dropped silently. The outbox holds no thread and no timer: the caller drives ``retry_due``.

An edit whose connection dropped during COMMIT may have been saved; its retry then usually ends
in a ConflictError or "already applied" error, which is reported, not hidden.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from db.errors import LibraryError, LibraryUnavailableError


@dataclass
class Pending:
    label: str
    action: Callable[[], Any]
    attempts: int = 0
    due: float = 0.0


@dataclass(frozen=True, slots=True)
class Outcome:
    label: str
    sent: bool
    result: Any = None
    error: LibraryError | None = None


class Outbox:
    def __init__(
        self,
        clock: Callable[[], float] = time.monotonic,
        first_delay: float = 1.0,
        max_delay: float = 30.0,
    ) -> None:
        self._clock = clock
        self._first = first_delay
        self._max = max_delay
        self._queue: deque[Pending] = deque()
        self.last_problem = ""

    @property
    def online(self) -> bool:
        return not self._queue

    @property
    def waiting(self) -> tuple[str, ...]:
        return tuple(p.label for p in self._queue)

    @property
    def next_due(self) -> float | None:
        return self._queue[0].due if self._queue else None

    def send(self, label: str, action: Callable[[], Any]) -> Outcome | None:
        """Run now, or queue behind earlier waiting edits; None means 'kept, will retry'."""
        pending = Pending(label, action)
        if self._queue:
            self._queue.append(pending)
            return None
        outcome = self._attempt(pending, self._clock())
        if outcome is None:
            self._queue.append(pending)
        return outcome

    def retry_due(self, now: float | None = None) -> list[Outcome]:
        """Send waiting edits whose time has come, oldest first; stop at the first that fails
        to reach the database. Returns what was settled (sent or refused)."""
        now = self._clock() if now is None else now
        settled: list[Outcome] = []
        while self._queue and self._queue[0].due <= now:
            outcome = self._attempt(self._queue[0], now)
            if outcome is None:
                break
            self._queue.popleft()
            settled.append(outcome)
        return settled

    def _attempt(self, pending: Pending, now: float) -> Outcome | None:
        try:
            result = pending.action()
        except LibraryUnavailableError as error:
            pending.attempts += 1
            delay = min(self._max, self._first * 2 ** (pending.attempts - 1))
            pending.due = now + delay
            self.last_problem = str(error)
            return None
        except LibraryError as error:
            return Outcome(pending.label, False, error=error)
        self.last_problem = ""
        return Outcome(pending.label, True, result=result)
