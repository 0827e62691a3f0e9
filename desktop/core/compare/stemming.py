"""Stems for counting word forms together: Snowball's English and Russian stemmers.

A token is stemmed by its script: Latin with the English stemmer, Cyrillic with the Russian one
(which also folds the commonest Ukrainian endings; Snowball has no Ukrainian stemmer). Tokens
in other scripts are kept as they are.
"""

from __future__ import annotations

from functools import lru_cache

import snowballstemmer

_ENGLISH = snowballstemmer.stemmer("english")
_RUSSIAN = snowballstemmer.stemmer("russian")


def _is_cyrillic(token: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in token)


@lru_cache(maxsize=65536)
def stem(token: str) -> str:
    """The stem of a lower-cased token; hyphenated tokens stem their last part only."""
    head, dash, tail = token.rpartition("-")
    stemmer = _RUSSIAN if _is_cyrillic(tail) else _ENGLISH if tail.isascii() else None
    if stemmer is None:
        return token
    return f"{head}{dash}{stemmer.stemWord(tail)}"
