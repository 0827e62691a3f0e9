"""An actor's word next to a common word of a title ("Russian troops") is no name of the
event: it weighs as common words, so it cannot link an unrelated text on its own."""

from __future__ import annotations

from desktop.core.suggest import suggest_links
from desktop.core.suggest.terms import phrases_of
from desktop.model.dates import HistDate
from tests.core.suggest.support import event

TAJIK = event(
    "tajik",
    "About 1,500 Russian troops moved from Tajikistan to the war in Ukraine",
    "2022-09",
    ("Russia", "Tajikistan", "201st military base"),
    ("bases", "troops"),
)
EVENTS = (
    TAJIK,
    *(
        event(f"other-{year}", f"Summit number {year}", f"{year}-05-01", ("Russia",))
        for year in range(2000, 2030)
    ),
)


def _pair_factor(title: str, pair: str, actors: tuple[str, ...]) -> float:
    phrases = phrases_of(title, (), [(a, a) for a in actors])
    return next(factor for phrase, factor, _, _ in phrases if phrase == pair)


def test_an_actors_word_with_a_common_word_is_a_common_phrase() -> None:
    title, actors = TAJIK.title, TAJIK.actors
    assert _pair_factor(title, "Russian troops", actors) < 1.0
    # a name of the event's own (not an actor's) keeps a pair at full weight
    assert _pair_factor("Shusha Declaration on the alliance", "Shusha Declaration", ()) == 1.0


def test_russian_troops_entering_ukraine_do_not_link_the_tajik_base() -> None:
    text = (
        "Vladimir Putin has announced a special military operation; Russian troops are "
        "crossing into Ukraine from the north, east and south, including from Belarus."
    )
    linked = {s.event_key for s in suggest_links(text, None, EVENTS)}
    assert "tajik" not in linked


def test_the_tajik_base_still_links_by_its_own_words() -> None:
    text = (
        "In September 2022 about 1,500 Russian troops of the 201st military base were moved "
        "from Tajikistan to the war in Ukraine."
    )
    linked = {s.event_key for s in suggest_links(text, HistDate(2022, 10, 1), EVENTS)}
    assert "tajik" in linked


def test_a_tag_repeating_an_actors_name_is_that_actor() -> None:
    shusha = event(
        "shusha",
        "Shusha Declaration on Turkish-Azerbaijani alliance",
        "2021-06-15",
        ("Turkey", "Azerbaijan", "Recep Tayyip Erdoğan", "Ilham Aliyev"),
        ("alliance", "turkey"),
    )
    events = (*EVENTS, shusha)
    by_actors = (
        "Turkey's president Recep Tayyip Erdoğan said he would not approve the bids until his "
        "concerns about Kurdish groups were addressed."
    )
    by_name = "Recep Tayyip Erdoğan of Turkey signed the Shusha Declaration in Shusha."
    assert "shusha" not in {s.event_key for s in suggest_links(by_actors, None, events)}
    assert "shusha" in {s.event_key for s in suggest_links(by_name, None, events)}
