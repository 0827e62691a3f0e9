"""A later event whose title names an earlier one ("a lawsuit over the AZAL crash") is not
linked by that name where the sentence speaks of the earlier event; it needs words of its own."""

from __future__ import annotations

from desktop.core.suggest import EventInfo, suggest_links
from desktop.model.dates import HistDate
from tests.core.suggest.support import event

AVIATION = ("aviation",)
EVENTS = (
    event(
        "crash",
        "Azerbaijan Airlines flight 8243 downed",
        "2024-12-25",
        ("Azerbaijan Airlines", "Azerbaijan", "Russia", "Kazakhstan"),
        AVIATION,
        ("AZAL", "Aktau", "Актау"),
    ),
    event(
        "lawsuit",
        "Azerbaijan prepares an international lawsuit against Russia over the AZAL crash",
        "2025-02-06",
        ("Azerbaijan", "Russia", "Ilham Aliyev"),
        AVIATION,
    ),
    event(
        "house", "Azerbaijan closes the Russian House in Baku", "2025-02-03", ("Russia",), AVIATION
    ),
    # Russia and Azerbaijan are in many events of a library: their names weigh little
    *(
        event(
            f"other-{year}",
            f"Summit number {year}",
            f"{year}-05-01",
            ("Russia", "Azerbaijan"),
            AVIATION,
        )
        for year in range(2000, 2020)
    ),
)
PUBLISHED = HistDate(2025, 2, 20)


def _linked(text: str) -> set[str]:
    return {s.event_key for s in suggest_links(text, PUBLISHED, EVENTS)}


def test_a_title_naming_an_earlier_event_does_not_link_by_that_name() -> None:
    text = (
        "The decision in February 2025 came weeks after the AZAL crash near Aktau had soured "
        "relations with Russia."
    )
    assert "lawsuit" not in _linked(text)


def test_the_later_event_links_by_words_of_its_own() -> None:
    text = (
        "In February 2025 Azerbaijan said it was preparing an international lawsuit against "
        "Russia over the AZAL crash near Aktau."
    )
    assert "lawsuit" in _linked(text)


def test_actors_alone_without_a_date_link_nothing() -> None:
    shusha = event(
        "shusha",
        "Shusha Declaration signed",
        "2021-06-15",
        ("Recep Tayyip Erdoğan", "Turkey", "Ilham Aliyev", "Azerbaijan"),
        AVIATION,
    )
    events = (*EVENTS, shusha)
    by_actors = (
        "Turkey's president Recep Tayyip Erdoğan said he would not approve the bids until "
        "his concerns were addressed, and Ilham Aliyev agreed."
    )
    by_name = (
        "Recep Tayyip Erdoğan of Turkey and Ilham Aliyev recalled the Shusha Declaration "
        "they had signed."
    )
    assert "shusha" not in {s.event_key for s in suggest_links(by_actors, None, events)}
    assert "shusha" in {s.event_key for s in suggest_links(by_name, None, events)}


def test_a_tag_naming_an_earlier_event_does_not_link_by_that_name() -> None:
    lawsuit = event(
        "lawsuit",
        "Azerbaijan prepares an international lawsuit against Russia",
        "2025-02-06",
        ("Azerbaijan", "Russia", "Ilham Aliyev"),
        AVIATION,
    )
    tags = ("AZAL", "lawsuit")
    tagged = EventInfo(lawsuit.key, lawsuit.title, lawsuit.t_lo, lawsuit.t_hi, lawsuit.actors, tags)
    visit = event("visit", "State visit to Ankara", "2010-03-01", ("Ilham Aliyev",), AVIATION)
    events = (*(e for e in EVENTS if e.key != "lawsuit"), tagged, visit)
    text = (
        "Three days after the AZAL disaster near Aktau, Vladimir Putin telephoned Ilham Aliyev "
        "and apologised that the incident had taken place in Russian airspace."
    )
    linked = {s.event_key for s in suggest_links(text, PUBLISHED, events)}
    assert "lawsuit" not in linked
    assert "crash" in linked
    about = "Azerbaijan is preparing an international lawsuit against Russia over AZAL."
    assert "lawsuit" in {s.event_key for s in suggest_links(about, PUBLISHED, events)}
