"""Date finding scans a text once for its numbers and skips the forms whose words are absent:
the same matches as running every pattern over the whole text."""

from __future__ import annotations

import random

from desktop.core.suggest import month_dates, patterns

_PIECES = (
    "2008",
    "2014–2016",
    "2022-02-24",
    "7",
    "12",
    "٢٠٢٢",  # Arabic-Indic digits are digits to the patterns too
    "２０２２",
    "x2008",
    "$2008",
    "-2008",
    "1.2008",
    "2008%",
    " ",
    "  ",
    "\n",
    ", ",
    ". ",
    "August",
    "Aug.",
    "августа",
    "лютому",
    "Dezember",
    "from",
    "between",
    "to",
    "and",
    "on Friday",
    "Last Sunday",
    "yesterday",
    "YESTERDAY",
    "yeſterday",  # a long s is an s to IGNORECASE
    "last wee\u212a",  # and a Kelvin sign a k
    "last month",
    "earlier this year",
    "three years ago",
    "since Aug.",
    "in March",
    "late May",
    "7–12",
    "of",
    "25th",
)


def _texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 30))) for _ in range(count)]


def _spans(matches: object) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in matches]  # type: ignore[attr-defined]


def test_patterns_tried_at_the_numbers_match_what_finditer_finds() -> None:
    day_first, _ = month_dates._patterns()
    numbered = (
        *patterns.absolute_patterns(),
        patterns.bare_year(),
        day_first,
        month_dates._number_after_word(),
    )
    found = 0
    for text in _texts(1500, seed=3):
        starts = patterns.number_starts(text)
        for pattern in numbered:
            expected = _spans(pattern.finditer(text))
            assert _spans(patterns.matches_at(pattern, text, starts)) == expected, (text, pattern)
            found += len(expected)
    assert found > 1000  # the texts do hold dates of each kind


def test_a_relative_form_is_skipped_only_where_it_cannot_match() -> None:
    skipped = 0
    for text in _texts(1500, seed=4):
        folded = text.casefold()
        for kind, pattern in patterns.relative_patterns().items():
            if not patterns.relative_may_match(kind, text, folded):
                assert pattern.search(text) is None, (kind, text)
                skipped += 1
    assert skipped > 1000


def test_relative_forms_need_their_words() -> None:
    assert not patterns.relative_may_match("weekday", "on friday", "on friday")
    assert not patterns.relative_may_match("ago", "two years later", "two years later")
    assert patterns.relative_may_match("weekday", "on Friday", "on friday")
    assert patterns.relative_may_match("yesterday", "YESTERDAY", "yesterday")
    assert not patterns.relative_may_match("named_month", "in march", "in march")
    assert patterns.relative_may_match("named_month", "since Sept.", "since sept.")
