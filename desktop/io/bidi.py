"""Remove bidirectional control characters from short metadata (titles, outlets, names).

A right-to-left override (U+202E) in a title makes "report_txt.exe" display as "report_exe.txt"
and reorders whatever follows it in lists and exports. Metadata never needs these invisible
controls (scripts are ordered by the Unicode bidi algorithm without them), so importers strip
them; the full text of a document is left as written.
"""

from __future__ import annotations

import re

__all__ = ["BIDI_CONTROLS", "has_bidi", "strip_bidi"]

# LRM, RLM, ALM; LRE, RLE, PDF, LRO, RLO; LRI, RLI, FSI, PDI
BIDI_CONTROLS = "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_BIDI = re.compile(f"[{BIDI_CONTROLS}]")


def strip_bidi(text: str) -> str:
    """``text`` without bidirectional control characters."""
    return _BIDI.sub("", text)


def has_bidi(text: str) -> bool:
    """Whether ``text`` holds a bidirectional control character."""
    return _BIDI.search(text) is not None
