"""Passage offers for linked events, the fallback for unread languages, subject matching."""

from __future__ import annotations

from desktop.core.assist.claims.subjects import subject_for, topic_of
from desktop.core.assist.passages import EventTopic, event_words, named_events, offer_passages
from desktop.model.dates import DateSpan

_DAY = DateSpan.from_edtf("2024-12-25", None)
CRASH = EventTopic(
    "azal-crash",
    "AZAL flight 8243 crash",
    event_words("Azerbaijan Airlines flight 8243", "AZAL", "Aktau", "Актау"),
    _DAY.t_lo,
    _DAY.t_hi,
)
_YEAR = DateSpan.from_edtf("2024", None)
PROTESTS = EventTopic(
    "protests", "Georgian protests", event_words("Tbilisi protests"), _YEAR.t_lo, _YEAR.t_hi
)

TEXT = (
    "Markets were calm. The AZAL jet came down near Aktau. Officials said 38 people died. "
    "Weather in Tbilisi was mild. On 25 December 2024 nothing else happened there. "
    "Prices rose again."
)


def _quotes(offers: list, text: str = TEXT) -> list[tuple[str, str]]:
    return [(o.event_key, text[o.start : o.end]) for o in offers]


def test_a_naming_sentence_and_its_figure_merge_into_one_passage() -> None:
    offers = offer_passages(TEXT, [CRASH])
    assert _quotes(offers) == [
        ("azal-crash", "The AZAL jet came down near Aktau. Officials said 38 people died."),
        ("azal-crash", "On 25 December 2024 nothing else happened there."),
    ]
    assert "names: aktau, azal" in offers[0].reasons
    assert "states a figure" in offers[0].reasons


def test_each_sentence_is_read_once_whatever_the_number_of_events(monkeypatch) -> None:
    from desktop.core.assist import passages

    read: list[str] = []
    real = passages.extract_claims

    def counting(text: str, offset: int = 0):  # type: ignore[no-untyped-def]
        read.append(text)
        return real(text, offset)

    monkeypatch.setattr(passages, "extract_claims", counting)
    alone = offer_passages(TEXT, [CRASH])
    once = len(read)
    read.clear()
    both = offer_passages(TEXT, [CRASH, PROTESTS, CRASH])
    assert once == 6 and len(read) == once  # six sentences, read once each
    assert set(both) == set(alone + offer_passages(TEXT, [PROTESTS]))


def test_a_day_inside_a_long_event_is_not_enough_on_its_own() -> None:
    offers = offer_passages(TEXT, [PROTESTS])
    assert _quotes(offers) == [("protests", "Weather in Tbilisi was mild.")]


def test_sentences_inside_existing_passages_are_not_offered_again() -> None:
    start = TEXT.index("The AZAL")
    covered = [(start, TEXT.index("38 people died.") + len("38 people died."))]
    assert all(o.start >= covered[0][1] for o in offer_passages(TEXT, [CRASH], covered))


def test_an_unread_language_still_names_the_event_by_rare_words() -> None:
    russian = "Самолет AZAL разбился. Рейс 8243 летел из Баку."
    assert named_events(russian, [CRASH, PROTESTS]) == [("azal-crash", ("8243", "azal"))]
    assert named_events("Погода в Актау хорошая.", [CRASH]) == []  # one word is not enough


def test_a_claim_takes_the_events_subject_or_a_new_one_under_its_topic() -> None:
    known = ["azal-8243.deaths", "azal-8243.date"]
    assert subject_for("deaths", "azal-crash", known) == "azal-8243.deaths"
    assert subject_for("injured", "azal-crash", known) == "azal-8243.injured"
    assert subject_for("troops", "peacekeepers", ["kp.troops"]) == "kp.troops"
    assert subject_for("deaths", "new-event", []) == "new-event.deaths"
    assert topic_of("x", ["a.b.date", "a.b.deaths", "c.date"]) == "a.b"
