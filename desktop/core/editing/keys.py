"""Keys for records made by editing: a readable slug of the title plus a short random suffix.

The suffix makes a clash with an existing key practically impossible without a lookup, so a key
can be chosen before the unit of work opens and stays the same when the command is redone.
"""

from __future__ import annotations

import re
import secrets
import unicodedata

_MAX_SLUG = 40


def slug(text: str, fallback: str = "item") -> str:
    """Lowercase ASCII words joined by '-' ("Crécy, 1346" -> "crecy-1346"); ``fallback`` if none."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    result = ""
    for word in words:
        candidate = f"{result}-{word}" if result else word
        if len(candidate) > _MAX_SLUG:
            break
        result = candidate
    return result or (words[0][:_MAX_SLUG] if words else fallback)


def new_key(title: str, fallback: str = "item") -> str:
    """A new record key such as ``russo-georgian-war-3f9a1c`` (valid in the library format)."""
    return f"{slug(title, fallback)}-{secrets.token_hex(3)}"
