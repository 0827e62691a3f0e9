"""Fidelity of the bundled dataset to the public record: links in time, references, new events."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from tools.dataset.checks import find_problems
from tools.dataset.references import (
    Reference,
    ReferenceTableError,
    read_references,
    reference_problems,
)

REPO_ROOT = Path(__file__).resolve().parents[2]
DATASET = REPO_ROOT / "resources" / "dataset" / "russia-neighbourhood.parallax.json"

Library = dict[str, Any]


@pytest.fixture(scope="module")
def library() -> Library:
    data: Library = json.loads(DATASET.read_text(encoding="utf-8"))
    return data


def _links(library: Library, passage_key: str) -> list[str]:
    passage = next(p for p in library["passages"] if p["key"] == passage_key)
    return [link["event"] for link in passage["events"]]


def test_the_bundled_dataset_has_no_problems(library: Library) -> None:
    assert find_problems(library) == []


def test_kuzio_two_bases_is_not_linked_to_the_later_peace_declaration(library: Library) -> None:
    links = _links(library, "kuzio-two-bases")
    assert "2025-white-house-peace-declaration" not in links
    assert links == ["2024-armenia-freezes-csto"]


def test_a_link_to_an_event_after_the_source_was_published_is_a_problem(
    library: Library,
) -> None:
    broken = copy.deepcopy(library)
    passage = next(p for p in broken["passages"] if p["key"] == "kuzio-two-bases")
    passage["events"] = [{"event": "2025-white-house-peace-declaration", "origin": "manual"}]
    problems = find_problems(broken)
    assert problems == [
        "passage kuzio-two-bases: linked to 2025-white-house-peace-declaration, which began"
        " after its source kuzio-eureporter-2025 was published"
    ]


def _event(library: Library, key: str) -> dict[str, Any]:
    return next(e for e in library["events"] if e["key"] == key)


@pytest.mark.parametrize(
    ("key", "start", "passage"),
    [
        ("2022-russian-troops-leave-tajikistan", "2022-09", "jb-1500-soldiers"),
        ("2025-vardanyan-trial-baku", "2025-01-17", "kuzio-vardanyan-convicted"),
        ("2025-azerbaijan-legal-action-azal", "2025-02-06", "kuzio-azal-legal-action"),
    ],
)
def test_events_the_texts_mention_are_recorded_and_quoted(
    library: Library, key: str, start: str, passage: str
) -> None:
    event = _event(library, key)
    assert event["start"] == start and not event.get("context")
    assert key in _links(library, passage)


def test_the_tajik_redeployment_figure_is_a_claim_about_its_own_event(library: Library) -> None:
    claim = next(c for c in library["claims"] if c.get("passage") == "jb-1500-soldiers")
    assert (claim["low"], claim["high"], claim["event"]) == (
        1500,
        1500,
        "2022-russian-troops-leave-tajikistan",
    )


def test_passages_that_run_ahead_of_the_record_say_so(library: Library) -> None:
    notes = {p["key"]: p.get("notes") or "" for p in library["passages"]}
    assert "no verdict" in notes["kuzio-vardanyan-convicted"]
    assert "no case had been filed" in notes["kuzio-azal-legal-action"]


def test_every_event_has_a_second_reference_confirming_its_dates(library: Library) -> None:
    references = read_references()
    assert reference_problems(library["events"], references) == []
    assert {r.event for r in references} == {e["key"] for e in library["events"]}
    assert all(len(r.reference) >= 20 for r in references)


def test_references_that_do_not_confirm_the_event_are_problems(library: Library) -> None:
    events = library["events"][:2]
    first, second = events
    references = [
        Reference(first["key"], "1969", "a record that dates it otherwise"),
        Reference("no-such-event", "2000", "a record about something else"),
    ]
    assert reference_problems(events, references) == [
        f"event {first['key']}: dated {first['start']}, its reference confirms 1969",
        "reference for unknown event 'no-such-event'",
        f"event {second['key']}: no second reference",
    ]


def test_a_table_without_its_header_or_with_a_short_row_is_refused(tmp_path: Path) -> None:
    table = tmp_path / "references.tsv"
    table.write_text("key\tdate\n", encoding="utf-8")
    with pytest.raises(ReferenceTableError, match="header"):
        read_references(table)
    table.write_text("# note\nevent\tconfirmed\treference\nx\t2000\n", encoding="utf-8")
    with pytest.raises(ReferenceTableError, match="line 3"):
        read_references(table)


@pytest.mark.parametrize(
    ("key", "dates"),
    [
        ("2012-russia-leaves-gabala-radar", ("2012-12-10", None)),
        ("2024-russian-peacekeepers-leave-karabakh", ("2024-04-17", "2024-06-12")),
        ("2025-azerbaijani-gas-to-ukraine", ("2025-07-28", None)),
    ],
)
def test_dates_sharpened_to_the_day_the_record_gives(
    library: Library, key: str, dates: tuple[str, str | None]
) -> None:
    event = _event(library, key)
    assert (event["start"], event.get("end")) == dates


NEW_EVENTS = [
    ("2011-azerbaijan-joins-non-aligned-movement", ("2011-05", None), ["kuzio-non-aligned"]),
    ("2021-tajikistan-approves-chinese-funded-base", ("2021-10-27", None), ["jb-chinese-base"]),
    ("2021-eu-launches-global-gateway", ("2021-12-01", None), ["jb-global-gateway"]),
    (
        "2022-putin-recognises-donbas-republics",
        ("2022-02-21", None),
        ["jb-inalienable-part", "kuzio-historic-russia"],
    ),
    ("2022-georgia-moldova-apply-eu", ("2022-03-03", None), ["jb-georgia-candidacy"]),
    ("2022-russian-retreat-from-kyiv", ("2022-03-29", "2022-04-02"), ["jb-failed-kyiv"]),
    ("2022-medvedchuk-captured", ("2022-04-12", None), ["kuzio-medvedchuk"]),
    (
        "2022-kazakhstan-turkey-enhanced-partnership",
        ("2022-05-10", None),
        ["bloomberg-20-million-tons"],
    ),
    ("2022-eu-oil-embargo", ("2022-06-03", None), ["jb-european-embargo", "kuzio-energy-supplier"]),
    ("2022-madrid-memorandum-turkey-nordics", ("2022-06-28", None), ["jb-finland-sweden"]),
    ("2022-vostok-exercises", ("2022-09-01", "2022-09-07"), ["jb-joint-exercises-china"]),
    ("2022-informal-cis-summit-st-petersburg", ("2022-10-07", None), ["jb-kyrgyzstan-absence"]),
    ("2022-eu-central-asia-samarkand-meetings", ("2022-11-17", "2022-11-18"), ["jb-michel-astana"]),
    ("2023-yurts-of-invincibility", ("2023-01", None), ["ashcroft-yurts"]),
    ("2023-patriot-downs-kinzhal", ("2023-05-04", None), ["kuzio-oreshnik"]),
    (
        "2024-eu-accession-talks-ukraine-moldova",
        ("2024-06-25", None),
        ["kuzio-speed-up-ukraine", "kuzio-moldova-eu"],
    ),
    ("2025-armenia-eu-accession-bill", ("2025-01-09", None), ["kuzio-armenia-eu"]),
    ("2025-azerbaijan-bans-valuev", ("2025-02-10", None), ["kuzio-valuev"]),
]


@pytest.mark.parametrize(("key", "dates", "passages"), NEW_EVENTS, ids=[e[0] for e in NEW_EVENTS])
def test_datable_events_the_texts_mention_have_a_record_a_reference_and_a_quote(
    library: Library, key: str, dates: tuple[str, str | None], passages: list[str]
) -> None:
    event = _event(library, key)
    assert (event["start"], event.get("end")) == dates and not event.get("context")
    assert len(event["summary"]) >= 120  # a summary, not a title repeated
    for passage in passages:
        assert key in _links(library, passage)
    reference = next(r for r in read_references() if r.event == key)
    assert reference.confirmed == "/".join(d for d in dates if d)
    if event["importance"] <= 2:  # the main events can be found in Russian or Ukrainian too
        assert any(any("а" <= ch <= "я" for ch in alias.lower()) for alias in event["aliases"])


def test_record_values_cite_their_reference_instead_of_borrowing_a_passage(
    library: Library,
) -> None:
    records = [c for c in library["claims"] if c.get("reference")]
    assert len(records) == 6 and all("passage" not in c and c["event"] for c in records)
    borrowed = copy.deepcopy(library)
    record = next(c for c in borrowed["claims"] if c.get("reference"))
    record["passage"] = "kuzio-three-russians"
    orphan = next(c for c in borrowed["claims"] if c.get("reference") and c is not record)
    orphan["event"] = "no-such-event"
    assert find_problems(borrowed) == [
        f"claim {record['key']}: a record value cites its reference, not a passage",
        f"claim {orphan['key']}: without a passage it must be a record value naming its"
        " reference and a known event",
    ]
