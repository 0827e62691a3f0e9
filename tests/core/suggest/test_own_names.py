"""Without a date at the event's month or day, an event needs a name of its own (an alias, a
capitalised word of its title or tags, another name of an actor such as "AZAL"): actors,
topics ("diplomacy", "energy") and common words of its title with a year at most link nothing."""

from __future__ import annotations

from desktop.core.suggest import suggest_links
from desktop.model.dates import HistDate
from tests.core.suggest.support import event

PRAGUE = event(
    "prague",
    "Armenian and Turkish leaders meet in Prague",
    "2022-10-06",
    ("Nikol Pashinyan", "Recep Tayyip Erdoğan", "Armenia", "Turkey"),
    ("diplomacy", "normalisation"),
)
GAS = event(
    "gas",
    "Azerbaijani gas reaches Ukraine via the Trans-Balkan route",
    "2025-07-28",
    ("Azerbaijan", "SOCAR", "Ukraine", "Naftogaz"),
    ("energy", "gas"),
    ("Trans-Balkan",),
)
EVENTS = (
    PRAGUE,
    GAS,
    *(
        event(f"other-{year}", f"Summit number {year}", f"{year}-05-01", ("Azerbaijan",))
        for year in range(2000, 2030)
    ),
)


def _linked(text: str, published: HistDate | None) -> set[str]:
    return {s.event_key for s in suggest_links(text, published, EVENTS)}


def test_topics_and_a_year_do_not_link() -> None:
    text = (
        "The party leader, who took office in 2022, said the president could no longer carry "
        "out his normal duties, and foreign leaders chose diplomatic silence."
    )
    assert "prague" not in _linked(text, HistDate(2024, 12, 6))


def test_an_actor_and_a_topic_do_not_link() -> None:
    text = (
        "Russian drones struck an oil depot owned by Azerbaijan's state energy company SOCAR "
        "in the Odesa region overnight."
    )
    assert "gas" not in _linked(text, None)


def test_a_name_of_its_own_still_links() -> None:
    prague = "In 2022 Nikol Pashinyan and Recep Tayyip Erdoğan met in Prague for diplomacy."
    assert "prague" in _linked(prague, HistDate(2024, 12, 6))
    gas = "SOCAR's gas reached Ukraine through the Trans-Balkan route, an energy first."
    assert "gas" in _linked(gas, None)
