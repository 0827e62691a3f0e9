"""The app's one policy for the cyclic garbage collector, for libraries of a million events.

A library's catalog, its titles and its search texts are millions of long-lived objects. A
collection walks every tracked object of its generations item by item, holding the GIL, in
whichever thread allocated last: reading them let the collector walk them again and again
(at 1M events, collections of 50-280 ms each, 1.7 s of a worker's read, each one freezing the
window as long). So:

- bulk reads run with collections paused (``collections_paused``): they make no cycles, and
  what they keep is handed to the oldest generation at once, or frozen with the rest once
  the app keeps what it holds out of collections;
- once the window has painted what it opened, what it holds is kept out of full collections
  for good (``keep_out_of_collections``, ``gc.freeze``).

Objects freed by their reference counts are freed as ever; a cycle made during a pause is
collected by a later collection (or never, once frozen).
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from desktop.core.while_any import WhileAny

_lock = threading.Lock()
# whether ``keep_out_of_collections`` was called (and not undone): kept here, because
# ``gc.get_freeze_count`` walks every frozen object (14-17 ms from 100k events up, holding
# the GIL, at the end of each of a worker's pauses)
_kept_out = False


def _pause() -> bool:
    enabled = gc.isenabled()
    gc.disable()
    return enabled


def _resume(enabled_before: bool) -> None:
    _hand_to_oldest()
    if enabled_before:
        gc.enable()


_pauses = WhileAny(_pause, _resume, _lock)


@contextmanager
def collections_paused() -> Iterator[None]:
    """No cyclic collection while any pause lasts (pauses on several threads may overlap:
    collections resume, if they ran before the first, when the last one ends). At the end of
    the last, everything alive goes to the oldest generation (``gc.freeze`` then
    ``gc.unfreeze``), or stays frozen if ``keep_out_of_collections`` was called before (and
    not undone by ``let_into_collections``)."""
    with _pauses.held():
        yield


def _hand_to_oldest() -> None:
    gc.freeze()
    if not _kept_out:
        gc.unfreeze()


def keep_out_of_collections() -> None:
    """Leave every object alive now out of full collections (``gc.freeze``): call once what
    the window opened is shown (a full collection walking a 100k-event catalog took
    250-400 ms, in whichever thread allocated last). What later pauses make is frozen too."""
    global _kept_out
    with _lock:
        _kept_out = True
        gc.freeze()


def let_into_collections() -> None:
    """Undo ``keep_out_of_collections``: every frozen object goes back to the oldest
    generation (``gc.unfreeze``), and what later pauses make goes there too. Use this, not
    ``gc.unfreeze`` alone, which would leave later pauses freezing what they made."""
    global _kept_out
    with _lock:
        _kept_out = False
        gc.unfreeze()
