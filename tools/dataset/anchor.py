"""Locate authored quotations in corpus texts and compute their offsets and context.

Offsets are Python ``str`` indices (Unicode code points) into the corpus file's text as decoded
from UTF-8, with a leading BOM dropped, CRLF/CR turned into LF and the result normalised to NFC.
For the five bundled corpus files none of those steps changes anything (no BOM, no CR, already
NFC); :func:`read_corpus_text` reports whether normalisation altered a file so the build can say so.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass
from pathlib import Path

CONTEXT_CHARS = 32


class AnchorError(ValueError):
    """A quotation is missing from its source text or matches ambiguously."""


@dataclass(frozen=True)
class CorpusText:
    """A corpus file's normalised text, the SHA-256 of its raw bytes, and whether it was altered."""

    name: str
    text: str
    sha256: str
    normalised_changed: bool


@dataclass(frozen=True)
class Anchor:
    """Where a quote sits: ``text[start:end] == quote``, with up to 32 code points either side."""

    start: int
    end: int
    quote: str
    prefix: str
    suffix: str


def normalise_text(raw: str) -> str:
    """Drop a BOM, turn CRLF and CR into LF, and normalise to NFC."""
    text = raw[1:] if raw.startswith("\ufeff") else raw
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def read_corpus_text(path: Path) -> CorpusText:
    """Read ``path`` as UTF-8 (strict) and return its normalised text and raw-byte digest."""
    raw_bytes = path.read_bytes()
    decoded = raw_bytes.decode("utf-8")
    text = normalise_text(decoded)
    return CorpusText(
        name=path.name,
        text=text,
        sha256=hashlib.sha256(raw_bytes).hexdigest(),
        normalised_changed=text != decoded,
    )


def find_quote(text: str, quote: str, occurrence: int | None = None) -> Anchor:
    """Anchor ``quote`` in ``text``.

    ``occurrence`` (0-based) picks one match when the quote occurs more than once; without it a
    repeated quote is an error, as is a quote that does not occur or an out-of-range occurrence.
    """
    if not quote:
        raise AnchorError("empty quotation")
    starts: list[int] = []
    position = text.find(quote)
    while position >= 0:
        starts.append(position)
        position = text.find(quote, position + 1)
    if not starts:
        raise AnchorError(f"quotation not found: {quote[:60]!r}")
    if occurrence is None and len(starts) > 1:
        raise AnchorError(
            f"quotation occurs {len(starts)} times; give an occurrence: {quote[:60]!r}"
        )
    index = 0 if occurrence is None else occurrence
    if not 0 <= index < len(starts):
        raise AnchorError(
            f"occurrence {index} out of range ({len(starts)} matches): {quote[:60]!r}"
        )
    start = starts[index]
    end = start + len(quote)
    return Anchor(
        start=start,
        end=end,
        quote=quote,
        prefix=text[max(0, start - CONTEXT_CHARS) : start],
        suffix=text[end : end + CONTEXT_CHARS],
    )
