"""Russian and Ukrainian relative dates, placed by dateparser against the publication date.

The sentences are written for these tests (no article's wording)."""

from __future__ import annotations

import pytest

from desktop.core.suggest.date_expressions import DateKind, find_date_expressions, mention_text
from desktop.model.dates import HistDate

# Thursday 26 December 2024
PUBLISHED = HistDate(2024, 12, 26)

# (sentence, the words found, the date they mean)
SENTENCES = [
    ("Вчера вечером в аэропорту объявили задержку рейсов.", "Вчера", "25 December 2024"),
    ("Позавчера делегация уехала домой.", "Позавчера", "24 December 2024"),
    ("В прошлый вторник министр говорил о таможне.", "В прошлый вторник", "24 December 2024"),
    ("Во вторник депутаты снова не пришли.", "Во вторник", "24 December 2024"),
    ("Соглашение обсуждали на прошлой неделе.", "на прошлой неделе", "16–22 December 2024"),
    ("Цены выросли в прошлом месяце.", "в прошлом месяце", "November 2024"),
    ("Три дня назад границу закрыли.", "Три дня назад", "23 December 2024"),
    ("Завод построили пять лет назад.", "пять лет назад", "2019"),
    ("Вчора ввечері у місті зникло світло.", "Вчора", "25 December 2024"),
    ("Минулого тижня уряд погодив бюджет.", "Минулого тижня", "16–22 December 2024"),
    ("Минулого вівторка посол вручив ноту.", "Минулого вівторка", "24 December 2024"),
    ("У середу мер відкрив міст.", "У середу", "25 December 2024"),
    ("Два роки тому тут був ринок.", "Два роки тому", "2022"),
    ("Торік врожай був меншим.", "Торік", "2023"),
    ("Минулого місяця подорожчав газ.", "Минулого місяця", "November 2024"),
]


@pytest.mark.parametrize(("sentence", "words", "meant"), SENTENCES)
def test_a_relative_expression_is_placed_from_the_publication_date(
    sentence: str, words: str, meant: str
) -> None:
    found = find_date_expressions(sentence, PUBLISHED)
    assert [(mention_text(sentence, m), m.date.display(), m.kind) for m in found] == [
        (words, meant, DateKind.RELATIVE)
    ]


def test_the_same_words_in_an_older_article_mean_an_older_day() -> None:
    sentence = "Вчера вечером в аэропорту объявили задержку рейсов."
    (found,) = find_date_expressions(sentence, HistDate(2008, 8, 9))
    assert found.date.display() == "8 August 2008"


def test_absurd_or_unplaceable_expressions_are_refused() -> None:
    assert find_date_expressions("Це сталося три тисячі років тому.", PUBLISHED) == []
    assert find_date_expressions("Здесь было море 3000 лет назад.", PUBLISHED) == []
    # an article dated to a month cannot say which day "yesterday" was
    assert find_date_expressions("Вчера было холодно.", HistDate(2024, 12)) == []
    assert find_date_expressions("Вчера было холодно.", None) == []


def test_words_that_only_look_like_weekdays_are_not_dates() -> None:
    # "среда" (environment) and "середина" (middle) are no weekday without "в"/"прошлый"
    text = "Окружающая среда страдает; в середине дня шёл дождь; в среде экспертов спорят."
    assert find_date_expressions(text, PUBLISHED) == []


def test_a_relative_date_supports_a_link_in_a_russian_report() -> None:
    from desktop.core.suggest.events import EventInfo
    from desktop.core.suggest.linking import suggest_links
    from desktop.model.dates import DateSpan

    span = DateSpan.from_edtf("2024-12-25", None)
    crash = EventInfo(
        "azal-crash",
        "Azerbaijan Airlines Flight 8243 crash",
        span.t_lo,
        span.t_hi,
        actors=("Azerbaijan Airlines",),
        aliases=("Актау", "AZAL"),
    )
    text = "Вчера самолёт AZAL разбился под Актау. Следствие продолжается."
    (link,) = suggest_links(text, PUBLISHED, [crash])
    assert link.event_key == "azal-crash"
    assert any("Вчера" in reason and "event day" in reason for reason in link.reasons)
