"""Work over a million strings done in steps, so that another thread gets the GIL in between.

One C call over a million strings (picking them with an ``itemgetter``, casefolding or
splitting 30 MB of text, joining and encoding them) holds the interpreter's lock from start to
end: 40-190 ms each at 1M events, and on a worker that is how long the window's thread waits
for the lock, frozen. Done in steps of ``STEP`` strings (or ``joined_parts.STEP_BYTES``
bytes), each step holds it for a few milliseconds, and the window's thread takes it between two
steps
(Python hands the lock over between bytecodes once the switch interval has passed). The
results are those of the single calls.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from operator import itemgetter

import numpy as np
from numpy.typing import NDArray

from db.repositories.joined_parts import utf8_parts
from desktop.core.while_any import WhileAny

STEP = 1 << 15  # strings per step (~5 ms of picking at 1M events)
SHORT_SWITCH_S = 0.001  # ``short_turns``: the longest a thread waits for the GIL's hand-over


def _shorten() -> float:
    before = sys.getswitchinterval()
    sys.setswitchinterval(min(SHORT_SWITCH_S, before))
    return before


_short_turns = WhileAny(_shorten, sys.setswitchinterval)


@contextmanager
def short_turns() -> Iterator[None]:
    """While work runs on a worker, a thread waiting for the GIL gets it after at most
    ``SHORT_SWITCH_S`` (``sys.setswitchinterval``; Python's own is 5 ms). A window's event
    loop turn takes the GIL again for every Python handler it calls, so with a worker busy
    each waited up to 5 ms: turns of 0.5 ms of work took 20-60 ms at 100k events, 12-18 ms
    with 1 ms. Several may overlap on several threads; the interval is restored when the
    last ends."""
    with _short_turns.held():
        yield


def picked[T](values: Sequence[T], order: NDArray[np.int64]) -> tuple[T, ...]:
    """``values`` at each of ``order``, in its order."""
    found: list[T] = []
    for at in range(0, len(order), STEP):
        picks = order[at : at + STEP].tolist()
        if len(picks) > 1:
            found.extend(itemgetter(*picks)(values))
        else:
            found.extend(values[k] for k in picks)
    return tuple(found)


def same_items(first: Sequence[str], second: Sequence[str]) -> bool:
    """Whether the two hold the same strings in the same order."""
    if len(first) != len(second):
        return False
    return all(
        tuple(first[at : at + STEP]) == tuple(second[at : at + STEP])
        for at in range(0, len(first), STEP)
    )


def casefolded_parts(joined: bytes, separator: str) -> list[str]:
    """``joined.decode("utf-8").casefold().split(separator)``, decoded in steps too
    (``utf8_parts``; casefolding is letter by letter: a part's casefold is the same cut out
    of the whole's). Raises ``UnicodeDecodeError`` as the decode does."""
    return utf8_parts(joined, separator, str.casefold)


def encoded_texts(texts: Sequence[str], separator: str) -> tuple[bytes, NDArray[np.intp]]:
    """Every text encoded as UTF-8 (lone surrogates kept as their own bytes) and followed by
    ``separator`` (one character, which a text holding it has made a space), as one byte
    string; and where each text starts in it."""
    items = texts if isinstance(texts, tuple | list) else list(texts)
    chunks: list[bytes] = []
    starts: list[NDArray[np.intp]] = []
    offset = 0
    code = ord(separator)
    for at in range(0, len(items), STEP):
        part = items[at : at + STEP]
        joined = separator.join(part) + separator
        if joined.count(separator) != len(part):  # a text holds the separator of its own
            joined = separator.join(t.replace(separator, " ") for t in part) + separator
        chunk = joined.encode("utf-8", "surrogatepass")
        ends = np.flatnonzero(np.frombuffer(chunk, np.uint8) == code)
        starts.append(np.concatenate(([0], ends[:-1] + 1)) + offset)
        chunks.append(chunk)
        offset += len(chunk)
    if not chunks:
        return b"", np.zeros(0, np.intp)
    return b"".join(chunks), np.concatenate(starts).astype(np.intp)
