"""Repairing text before it is read: ASCII text that ftfy would leave alone is not handed to it."""

from __future__ import annotations

import random

import pytest

from desktop.io.documents import cleaning
from desktop.io.documents.cleaning import fix_with_ftfy, repair

_PLAIN = (
    "abcxyzABCXYZ0123456789 .,;:!?'\"()[]{}<>/\\|-_=+*#%$@^~`\t\n\r\x0cAktau AZAL 25 December 2024"
)


def test_ascii_text_that_is_returned_as_is_is_what_ftfy_returns() -> None:
    rng = random.Random(3)
    for _ in range(300):
        text = "".join(rng.choice(_PLAIN) for _ in range(rng.randint(1, 400)))
        assert repair(text) == fix_with_ftfy(text) == text


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("Tom &amp; Jerry", "Tom & Jerry"),
        ("bell\x07 and \x1b[36mcolour\x1b[0m", "bell and colour"),
        ("Kazakhstan\u00e2\u20ac\u2122s president", "Kazakhstan\u2019s president"),
    ],
)
def test_text_ftfy_changes_still_goes_to_ftfy(text: str, fixed: str) -> None:
    assert repair(text) == fix_with_ftfy(text) == fixed


def test_clean_ascii_text_is_not_read_by_ftfy(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(text: str, **_: object) -> str:
        raise AssertionError("ftfy read clean ASCII text")

    monkeypatch.setattr(cleaning.ftfy, "fix_text", refuse)
    text = "Officials met in Aktau on 25 December 2024.\n\nThey spoke of the crash.\n"
    assert repair(text) == text
