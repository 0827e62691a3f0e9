"""Word keys: five letters meet across scripts and inflections, but a few Latin prefixes begin
unrelated words, and those words keep seven letters."""

from __future__ import annotations

import pytest

from desktop.core.suggest import suggest_links
from desktop.core.suggest.terms import key_of
from desktop.model.dates import HistDate
from tests.core.suggest.support import event


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("intervention", "international"),
        ("counter", "country"),
        ("transit", "transport"),
        ("control", "contract"),
        ("constitution", "construction"),
    ],
)
def test_words_that_only_share_a_prefix_have_different_keys(one: str, other: str) -> None:
    assert key_of(one) != key_of(other)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("intervention", "intervene"),
        ("intervention", "Интервенция"),
        ("counter", "counteroffensive"),
        ("Казахстане", "Kazakhstan"),
        ("Крыма", "Крым"),
    ],
)
def test_inflections_and_scripts_still_meet(one: str, other: str) -> None:
    assert key_of(one) == key_of(other)


def test_the_international_community_is_no_intervention() -> None:
    events = [
        event(
            "deployment",
            "Troops deployed to Kazakhstan",
            "2022-01-06/2022-01-19",
            ("Kazakhstan",),
            tags=("intervention",),
            aliases=("Almaty",),
        )
    ]
    text = (
        "In January 2022 the international community watched Almaty as an international "
        "airport closed and internet access was cut in Kazakhstan.\n"
    )
    found = suggest_links(text, HistDate(2022, 2, 1), events)
    assert all("interna" not in " ".join(s.reasons).lower() for s in found)
    assert all("intervention" not in " ".join(s.reasons) for s in found)
