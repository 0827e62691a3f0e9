"""Dates as a reader understands them, in the languages of the region: absolute, partial and
relative expressions, placed by the publication date and by the last year the text stated."""

from __future__ import annotations

import pytest

from desktop.model.dates import HistDate
from tests.core.suggest.support import found_dates

PUBLISHED = HistDate(2025, 3, 12)  # a Wednesday


@pytest.mark.parametrize(
    ("text", "words", "edtf"),
    [
        ("Самолёт упал 25 декабря 2024 года под Актау.", "25 декабря 2024 года", "2024-12-25"),
        ("Вторжение началось 24 лютого 2022 року.", "24 лютого 2022 року", "2022-02-24"),
        ("Це сталося у лютому 2022 року.", "лютому 2022 року", "2022-02"),
        ("Переговоры прошли в мае 2024.", "мае 2024", "2024-05"),
        ("Die Maschine stürzte am 25. Dezember 2024 ab.", "25. Dezember 2024", "2024-12-25"),
        ("Die Gespräche begannen im März 2022.", "März 2022", "2022-03"),
        ("L'accord est entré en vigueur le 1er janvier 2020.", "1er janvier 2020", "2020-01-01"),
        ("Le sommet s'est tenu le 25 décembre 2024 à Bakou.", "25 décembre 2024", "2024-12-25"),
        ("Uçak 25 Aralık 2024 tarihinde düştü.", "25 Aralık 2024", "2024-12-25"),
        ("Anlaşma Şubat 2022 ayında imzalandı.", "Şubat 2022", "2022-02"),
        (
            "Təyyarə 25 dekabr 2024-cü il tarixində qəzaya uğradı.",
            "25 dekabr 2024-cü il",
            "2024-12-25",
        ),
        ("Bəyannamə 15 iyun 2021 imzalandı.", "15 iyun 2021", "2021-06-15"),
    ],
)
def test_absolute_and_partial_dates_in_each_language(text: str, words: str, edtf: str) -> None:
    assert found_dates(text, None) == [(words, edtf, "absolute")]


@pytest.mark.parametrize(
    ("text", "words", "edtf"),
    [
        ("Переговоры сорвались 8 августа.", "8 августа", "2024-08-08"),
        ("Зустріч відбулася 7 березня.", "7 березня", "2025-03-07"),
        ("Le vote a eu lieu le 2 février.", "2 février", "2025-02-02"),
    ],
)
def test_a_day_without_a_year_is_the_latest_not_after_publication(
    text: str, words: str, edtf: str
) -> None:
    assert found_dates(text, PUBLISHED) == [(words, edtf, "absolute")]


def test_a_day_without_a_year_takes_the_last_year_the_text_stated() -> None:
    # a 2025 article about January 2022: "7 января" is in 2022, not the year before 2025
    text = "Беспорядки начались в январе 2022 года. 7 января войска ОДКБ вошли в Алматы."
    assert found_dates(text, PUBLISHED)[-1] == ("7 января", "2022-01-07", "absolute")
    english = "The unrest began in January 2022. On January 7 troops were on the streets."
    assert found_dates(english, PUBLISHED)[-1] == ("January 7", "2022-01-07", "absolute")


@pytest.mark.parametrize(
    ("text", "words", "edtf"),
    [
        ("The talks collapsed on Tuesday.", "on Tuesday", "2025-03-11"),
        ("Exports fell last month.", "last month", "2025-02"),
        ("Вчера в Баку прошёл саммит.", "Вчера", "2025-03-11"),
        ("Минулого тижня уряд ухвалив закон.", "Минулого тижня", "2025-03-03/2025-03-09"),
    ],
)
def test_relative_dates_count_from_the_publication_date(text: str, words: str, edtf: str) -> None:
    assert found_dates(text, PUBLISHED) == [(words, edtf, "relative")]


@pytest.mark.parametrize(
    ("text", "words", "edtf"),
    [
        (
            "The jet crashed on 25 December 2024. Two days after, Moscow apologised.",
            "Two days after",
            "2024-12-27",
        ),
        (
            "It crashed on 25 December 2024. A week later flights stopped.",
            "A week later",
            "2025-01-01",
        ),
        (
            "Самолёт упал 25 декабря 2024 года. Через два дня Москва извинилась.",
            "Через два дня",
            "2024-12-27",
        ),
        (
            "Літак упав 25 грудня 2024 року. Через три дні почалося слідство.",
            "Через три дні",
            "2024-12-28",
        ),
    ],
)
def test_a_count_after_a_date_counts_from_the_last_stated_date(
    text: str, words: str, edtf: str
) -> None:
    assert found_dates(text, PUBLISHED)[-1] == (words, edtf, "relative")


def test_a_count_after_nothing_stated_is_no_date() -> None:
    assert found_dates("Three days after the disaster, the president called.", PUBLISHED) == []


@pytest.mark.parametrize(
    "text",
    [
        "Uçak 31 Şubat 2024 tarihinde düştü.",
        "Это случилось 30 февраля 2024 года.",
        "Es geschah am 32. Dezember 2024.",
        "Ce fut le 31 avril 2023.",
    ],
)
def test_an_absurd_date_is_refused(text: str) -> None:
    assert found_dates(text, None) == []


def test_common_words_are_not_months() -> None:
    # "may", "ara" (Turkish "between"), "марка": month words only beside a day or a year
    assert found_dates("These 2 may differ; 3 ara is not a date; марка 2024 года.", None) == [
        ("2024", "2024", "absolute")
    ]
