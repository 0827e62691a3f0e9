"""Claims read from prose: hedges as bounds, number words, vague quantities, traps."""

from __future__ import annotations

import pytest

from desktop.core.assist.claims.extract import FoundClaim, extract_claims


def _one(text: str) -> FoundClaim:
    found = extract_claims(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "hedge", "low"),
    [
        ("At least 38 people were killed.", "at-least", 38),
        ("More than 40 soldiers were wounded.", "at-least", 40),
        ("Up to 40 soldiers were wounded.", "at-most", 40),
        ("About 30 people are missing.", "about", 30),
        ("Погибли не менее 38 человек.", "at-least", 38),
        ("Около 30 человек пропали без вести.", "about", 30),
        ("Щонайменше 38 людей загинули.", "at-least", 38),
        ("Понад 200 військових загинули.", "at-least", 200),
    ],
)
def test_hedges_become_bounds_and_keep_the_words(text: str, hedge: str, low: float) -> None:
    claim = _one(text)
    assert (claim.hedge, claim.low, claim.high) == (hedge, low, low)
    assert claim.stated.split()[0] in text


def test_number_words_are_read_in_three_languages() -> None:
    assert _one("Thirty-eight people died.").low == 38
    assert _one("Погибли тридцать восемь человек.").low == 38
    assert _one("Загинули тридцять вісім осіб.").low == 38
    assert _one("Из села эвакуировали сто двенадцать человек.").low == 112


def test_a_vague_quantity_gets_no_invented_range() -> None:
    claim = _one("Hundreds of thousands of people were displaced.")
    assert (claim.category, claim.hedge, claim.low, claim.high) == (
        "displaced",
        "vague",
        None,
        None,
    )
    assert claim.stated.startswith("Hundreds of thousands")


def test_flight_numbers_ages_years_and_dates_are_not_counts() -> None:
    found = extract_claims(
        "Flight 8243, piloted by a 45-year-old captain, crashed on 25 December 2024, "
        "and in 2024 the airline said 38 people were killed."
    )
    assert [(c.category, c.low or c.date) for c in found] == [
        ("date", "2024-12-25"),
        ("deaths", 38),
    ]


def test_casualty_kinds_are_told_apart_and_offsets_point_into_the_text() -> None:
    text = "Intro. 38 dead, 29 injured and 7 missing."
    found = extract_claims(text[7:], offset=7)
    assert [(c.category, c.low) for c in found] == [
        ("deaths", 38),
        ("injured", 29),
        ("missing", 7),
    ]
    assert text[found[1].start : found[1].end] == "29 injured"


def test_ranges_money_percent_troops_and_equipment() -> None:
    hurt = _one("Between 20 and 30 people were hurt.")
    assert (hurt.low, hurt.high) == (20, 30)
    money = _one("The EU pledged €500 million in aid.")
    assert (money.category, money.unit, money.low) == ("money", "EUR", 5e8)
    assert _one("Turnout was 52,3 процента.").low == 52.3
    assert _one("Russia deployed 2,000 troops.").unit == "soldiers"
    assert _one("Бригада потеряла 14 танков.").unit == "tanks"


def test_rose_to_is_not_up_to() -> None:
    assert _one("Число погибших выросло до 38.").hedge == "exact"
