"""Make record keys for imported data: readable slugs, unique within a kind."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["KeyMaker", "is_key", "slugify"]

_KEY_RE = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
_MAX_SLUG = 60


def is_key(text: str) -> bool:
    """True if ``text`` is a valid record key of the library format."""
    return len(text) <= 200 and _KEY_RE.match(text) is not None


def slugify(text: str, fallback: str = "item") -> str:
    """Lowercase ASCII slug of ``text`` ("Battle of Crécy" -> "battle-of-crecy").

    Letters without an ASCII form are dropped; an empty result gives ``fallback``.
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    slug = slug[:_MAX_SLUG].rstrip("-")
    return slug or fallback


class KeyMaker:
    """Hands out keys unique within one record kind: ``name``, ``name-2``, ``name-3``..."""

    def __init__(self, fallback: str = "item") -> None:
        self._used: set[str] = set()
        self._fallback = fallback

    def take(self, wanted: str) -> str:
        """``wanted`` itself if it is a free valid key, else a unique slug made from it."""
        base = wanted if is_key(wanted) else slugify(wanted, self._fallback)
        key, number = base, 2
        while key in self._used:
            key = f"{base}-{number}"
            number += 1
        self._used.add(key)
        return key
