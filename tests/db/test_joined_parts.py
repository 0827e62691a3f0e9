"""Joined UTF-8 texts cut apart in steps are what one decode and one split give, across the
steps' edges (letters of two to four bytes, a step ending on the separator)."""

from __future__ import annotations

import pytest

from db.repositories import joined_parts
from db.repositories.joined_parts import utf8_parts

TEXTS = ("Straße", "", "ΣΊΣΥΦΟΣ", "Грузия", "x", "𝔘𝔫𝔦", "ǅ", "", "a b", "end")


@pytest.fixture
def small_steps(monkeypatch: pytest.MonkeyPatch) -> None:
    """Steps of a few bytes, so that a short text crosses many edges (inside letters too)."""
    monkeypatch.setattr(joined_parts, "STEP_BYTES", 3)


@pytest.mark.parametrize("separator", ["\x00", "\x1f"])
@pytest.mark.parametrize("texts", [TEXTS, ("",), ("", ""), ("no separator at all",)])
def test_the_parts_are_the_decode_split(
    small_steps: None, separator: str, texts: tuple[str, ...]
) -> None:
    joined = separator.join(texts)
    encoded = joined.encode("utf-8")
    assert utf8_parts(encoded, separator) == list(texts)
    assert utf8_parts(encoded, separator, str.casefold) == joined.casefold().split(separator)


def test_bytes_that_are_not_utf8_raise_as_the_decode_does(small_steps: None) -> None:
    with pytest.raises(UnicodeDecodeError):
        utf8_parts(b"fine\x00broken \xff here\x00fine", "\x00")
