"""One test per cause listed in issue 14 ("Import a researcher can trust"), each failing on the
importer as it was: date-only links, a day without a year, a generic word plus a year, header
lines read as body, URL or generic passages, mojibake and languages, and the Russian article
that got no link."""

from __future__ import annotations

from desktop.core.suggest import EventInfo, find_date_expressions, suggest_links
from desktop.io.documents import read_document_bytes
from desktop.model.dates import HistDate
from tests.core.suggest.support import event

EVENTS = (
    event(
        "georgia-protests",
        "Disputed Georgian election and mass protests",
        "2024-10-26/2024-12",
        ("Georgian Dream", "Georgia", "Irakli Kobakhidze", "European Union"),
    ),
    event(
        "azal",
        "Azerbaijan Airlines flight 8243 downed",
        "2024-12-25",
        ("Azerbaijan Airlines", "Azerbaijan", "Russia", "Kazakhstan"),
    ),
    event(
        "csto-kazakhstan",
        "CSTO troops deployed to Kazakhstan",
        "2022-01-06/2022-01-19",
        ("CSTO", "Russia", "Kazakhstan", "Kassym-Jomart Tokayev"),
    ),
    event(
        "csto-armenia",
        "Kyrgyzstan cancels CSTO exercise",
        "2022-10-09",
        ("Kyrgyzstan", "CSTO"),
    ),
    event(
        "csto-treaty",
        "Collective Security Treaty signed in Tashkent",
        "1992-05-15",
        ("Russia", "Armenia", "Kazakhstan", "CSTO"),
    ),
    event(
        "invasion",
        "Russia launches full-scale invasion of Ukraine",
        "2022-02-24",
        ("Russia", "Ukraine", "Vladimir Putin"),
    ),
)


def _keys(text: str, published: HistDate | None) -> set[str]:
    return {s.event_key for s in suggest_links(text, published, EVENTS)}


def test_a_date_alone_inside_a_long_span_links_nothing() -> None:
    text = "Seoul's parliament voted on Saturday to impeach the president over martial law."
    assert _keys(text, HistDate(2024, 12, 14)) == set()


def test_a_day_without_a_year_takes_the_year_the_text_last_stated() -> None:
    text = "The unrest began in January 2022. On January 7 troops were on the streets."
    mentions = find_date_expressions(text, HistDate(2024, 1, 5))
    day = next(m for m in mentions if text[m.start : m.end].startswith("January 7"))
    assert day.date.start == HistDate(2022, 1, 7)


def test_one_generic_word_and_a_year_do_not_link() -> None:
    assert _keys("Russia changed a great deal in 1992, the author writes.", None) == set()
    assert _keys("The CSTO held meetings all through 2022.", HistDate(2023, 1)) == set()


def test_labelled_header_lines_are_metadata_not_body() -> None:
    data = (
        b"title: Plane down near Aktau, a very long headline that goes on and on and on and on "
        b"and on and on\npublished: 2023-09-20 15:42\nauthor: A. Writer\n\nBody text here.\n"
    )
    document = read_document_bytes(data, "a.txt")
    meta = document.metadata
    assert meta.title is not None and meta.title.value.startswith("Plane down near Aktau")
    assert meta.published is not None and meta.published.value == "2023-09-20"
    assert meta.authors is not None and meta.authors.value == ("A. Writer",)


def test_the_passage_is_a_sentence_that_names_the_event_never_a_url() -> None:
    text = (
        "https://example.org/news/azerbaijan-airlines-flight-8243\n\n"
        "The weather was cold.\n\n"
        "An Azerbaijan Airlines jet, flight 8243, crashed near Aktau in Kazakhstan on "
        "25 December 2024.\n"
    )
    (found,) = suggest_links(text, HistDate(2024, 12, 26), EVENTS)
    passage = text[found.passage_start : found.passage_end]
    assert passage.startswith("An Azerbaijan Airlines jet") and "http" not in passage
    assert any(r.startswith("names: ") and "8243" in r for r in found.reasons)
    assert any("= event day" in r for r in found.reasons)


def test_mojibake_is_repaired_and_the_language_is_detected() -> None:
    english = "Kazakhstan’s president asked the alliance for help in January 2022.\n"
    document = read_document_bytes(english.encode("utf-8").decode("cp1252").encode(), "a.txt")
    assert "Kazakhstan’s" in document.text
    russian = "Самолёт компании AZAL потерпел крушение недалеко от Актау 25 декабря 2024 года.\n"
    found = read_document_bytes(russian.encode(), "b.txt").metadata.language
    assert found is not None and found.value == "ru"


def test_the_russian_airliner_article_links_the_crash() -> None:
    text = (
        "Самолёт компании «Азербайджанские авиалинии» (AZAL), выполнявший рейс 8243 из Баку в "
        "Грозный, потерпел крушение 25 декабря 2024 года недалеко от Актау в Казахстане."
    )
    assert "azal" in _keys(text, HistDate(2024, 12, 27))


def test_reasons_name_the_words_as_the_text_writes_them() -> None:
    # the event knows Aktau by its Russian alias first; an English text writes "Aktau", a
    # Russian one an inflected form, and each reason quotes its own text
    crash = event(
        "azal-ru",
        "Azerbaijan Airlines flight 8243 downed",
        "2024-12-25",
        ("Azerbaijan Airlines",),
        aliases=("Актау", "Aktau"),
    )
    english = "The jet came down near Aktau on 25 December 2024, killing 38 people."
    (found,) = suggest_links(english, HistDate(2024, 12, 26), (crash,))
    assert found.reasons[0].startswith("names: Aktau")
    russian = "Самолёт разбился у Актау 25 декабря 2024 года, погибли 38 человек."
    (found,) = suggest_links(russian, HistDate(2024, 12, 26), (crash,))
    assert found.reasons[0].startswith("names: Актау")


def test_this_week_around_a_one_day_event_is_no_day_of_it() -> None:
    # "this week" touches the day of the vote, but two actors named everywhere and a week
    # are no evidence that the text speaks of the vote
    vote = event(
        "un-vote",
        "UN votes on the war's third anniversary",
        "2025-02-24",
        ("United Nations", "Ukraine", "Russia", "United States"),
    )
    others = tuple(
        event(f"other-{n}", f"Meeting number {n}", f"2019-0{n}-01", ("Russia", "United States"))
        for n in range(1, 8)
    )
    text = (
        "Officials of Russia and the United States met in a Gulf capital this week, "
        "the first such talks in years."
    )
    assert suggest_links(text, HistDate(2025, 2, 24), (vote, *others)) == []


def test_a_word_of_an_actors_name_is_that_actor_not_a_name_of_the_event() -> None:
    # "Tokayev" is the actor Kassym-Jomart Tokayev; with "Kazakhstan" and a title word it
    # names many events of Kazakhstan, not Xi Jinping's visit in particular
    visit = EventInfo(
        "xi-visit",
        "Xi Jinping visits Kazakhstan and backs its territorial integrity",
        *_span("2022-09-14"),
        ("Xi Jinping", "Kazakhstan", "Kassym-Jomart Tokayev"),
        actor_aliases=(("Kassym-Jomart Tokayev", ("Tokayev",)),),
    )
    text = "Tokayev said the bloc's troops would never stay on Kazakhstan's territory."
    assert suggest_links(text, None, (visit,)) == []


def _span(day: str) -> tuple[float, float]:
    one = event("span", "span", day, ())
    return one.t_lo, one.t_hi
