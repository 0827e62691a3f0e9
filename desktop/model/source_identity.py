"""How a source is named and coloured wherever it appears: panes, legends, matrices, exports.

A source stores a short ``label`` and a ``color``. ``source_identity`` is the one place that
turns a source into what is shown: the stored values, or for a source that has none yet (a
record built before it was saved) a label made from its outlet and a colour from its key, so a
view never shows an empty name. New sources get their values once, from ``new_identity``:
the label from the outlet, the first palette colour no other source uses; nothing is ever
recomputed from the order of sources.
"""

from __future__ import annotations

import re
import zlib
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from db.records import SourceRecord
from desktop.model.palette import SOURCE_COLORS

MAX_LABEL = 24  # characters; a longer label is cut at a word boundary
_PARENS = re.compile(r"\s*\(([^()]*)\)\s*")
_DOMAIN = re.compile(r"^[\w.-]+\.[a-z]{2,}$", re.IGNORECASE)
_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")


@dataclass(frozen=True, slots=True)
class SourceIdentity:
    label: str
    color: str


def source_identity(source: SourceRecord) -> SourceIdentity:
    """The label and colour to show for ``source`` (stored ones when it has them)."""
    label = source.label.strip() or label_from_outlet(source.outlet, source.title)
    color = source.color if is_color(source.color) else _fallback_color(source.key)
    return SourceIdentity(label, color)


def is_color(text: str) -> bool:
    return bool(_COLOR.match(text))


def label_from_outlet(outlet: str, title: str = "") -> str:
    """A short label: an acronym given in parentheses ("Deutsche Welle (DW)" -> "DW"), else the
    outlet without a parenthesised web address, else the title; at most ``MAX_LABEL`` chars."""
    inner: list[str] = [str(part).strip() for part in _PARENS.findall(outlet)]
    acronyms = [part for part in inner if part and part.isupper() and len(part) <= 8]
    if acronyms:
        return acronyms[0]
    plain = _PARENS.sub(" ", outlet).strip()
    if not plain and inner and not _DOMAIN.match(inner[0]):
        plain = inner[0]
    return shorten(plain or title.strip() or "Source")


def shorten(text: str, limit: int = MAX_LABEL) -> str:
    """``text`` cut at the last word boundary within ``limit`` characters (with "…")."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0] if " " in text[: limit - 1] else text[: limit - 1]
    return cut.rstrip(" ,;:-") + "…"


def next_free_color(used: Iterable[str]) -> str:
    """The first palette colour not in ``used``; when all are used, the least used one."""
    return free_color(color_counts(used))


def color_counts(colors: Iterable[str]) -> Counter[str]:
    """How many times each colour is used, by its upper-case spelling (``free_color``)."""
    return Counter(color.upper() for color in colors)


def free_color(counts: Mapping[str, int]) -> str:
    """``next_free_color`` of the colours counted in ``counts`` (see ``color_counts``), in time
    independent of how many sources use them."""
    for color in SOURCE_COLORS:
        if not counts.get(color.upper()):
            return color
    return min(SOURCE_COLORS, key=lambda color: (counts.get(color.upper(), 0), color))


def new_identity(outlet: str, title: str, used_colors: Mapping[str, int]) -> SourceIdentity:
    """Label and colour for a source being added next to sources whose colours are counted in
    ``used_colors`` (``color_counts``)."""
    return SourceIdentity(label_from_outlet(outlet, title), free_color(used_colors))


def _fallback_color(key: str) -> str:
    return SOURCE_COLORS[zlib.crc32(key.encode("utf-8")) % len(SOURCE_COLORS)]
