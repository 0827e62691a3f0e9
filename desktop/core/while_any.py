"""A process-wide setting held while any of several overlapping holds lasts, on any threads.

Workers that pause garbage collection or shorten the GIL's switch interval may overlap: the
setting is made when the first hold begins and undone when the last one ends, with what was
in force before the first.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager


class WhileAny[T]:
    """``begin()`` when the first hold starts (it returns what to restore), ``end(that)`` when
    the last one ends; both under ``lock``, which callers may share to read the state."""

    def __init__(
        self,
        begin: Callable[[], T],
        end: Callable[[T], None],
        lock: threading.Lock | None = None,
    ) -> None:
        self._begin, self._end = begin, end
        self.lock = lock or threading.Lock()
        self._holds = 0
        self._before: T | None = None

    @contextmanager
    def held(self) -> Iterator[None]:
        with self.lock:
            if self._holds == 0:
                self._before = self._begin()
            self._holds += 1
        try:
            yield
        finally:
            with self.lock:
                self._holds -= 1
                if self._holds == 0:
                    self._end(self._before)  # type: ignore[arg-type]
