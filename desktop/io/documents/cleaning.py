"""Text repaired before anything reads it, and the language it is written in.

``repair`` undoes mojibake (UTF-8 read as cp1252 or latin-1: "Kazakhstanâ€™s") with ftfy,
keeping line breaks and everything else as written. ``detect_language`` names the language
of a text with py3langid, whose model ships inside the package (nothing is downloaded).
"""

from __future__ import annotations

import re

import ftfy
import py3langid

# py3langid's cost grows with the sample; 2,500 characters name the language as well as more
_SAMPLE = 2500
_LETTER = re.compile(r"[^\W\d_]")
_MIN_LETTERS = 20
# what ftfy, as configured below, changes in ASCII text: HTML entities and control characters
_ASCII_TO_FIX = re.compile(r"[&\x00-\x08\x0b\x0e-\x1f\x7f]")


def repair(text: str) -> str:
    """``text`` with mojibake fixed; quotes, dashes and line breaks left as they are.

    ASCII text without an ``&`` or a control character is returned as it is without asking
    ftfy, which reads every line of it (mojibake needs characters beyond ASCII)."""
    if text.isascii() and _ASCII_TO_FIX.search(text) is None:
        return text
    return fix_with_ftfy(text)


def fix_with_ftfy(text: str) -> str:
    """ftfy's repair with our settings: mojibake and encoding errors only, quotes, line
    breaks, ligatures and widths kept as written."""
    return ftfy.fix_text(
        text,
        uncurl_quotes=False,
        fix_line_breaks=False,
        fix_latin_ligatures=False,
        fix_character_width=False,
        normalization="NFC",
        max_decode_length=2**20,
    )


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the language of ``text`` (from a sample of it), None when too short."""
    sample = text[:_SAMPLE]
    if len(_LETTER.findall(sample)) < _MIN_LETTERS:
        return None
    language, _score = py3langid.classify(sample)
    return str(language)


def load_language_model() -> None:
    """Load py3langid's model now rather than at the first text (about a second of CPU), so a
    process forked from this one starts with it."""
    py3langid.classify("")
