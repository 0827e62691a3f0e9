"""Facts against the record on the bundled dataset: corrected event dates, a source's date that
the record contradicts (with or without a second source), team notes beside claims, and claims
about other events kept out of an event's Facts."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from db.library import Library
from db.records import ClaimRecord, EventRecord
from desktop.core.compare.from_library import compare_event_key
from desktop.core.compare.model import Comparison, FactFinding
from desktop.core.compare.record_check import check_against_event

from .bundled_kit import bundled_library


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    library = bundled_library(tmp_path_factory.mktemp("record"))
    yield library
    library.dispose()


def _event(library: Library, key: str) -> EventRecord:
    with library.unit_of_work() as uow:
        return uow.events.get(key)


def _compare(library: Library, key: str) -> Comparison:
    comparison = compare_event_key(library, key)
    assert comparison is not None
    return comparison


def _finding(comparison: Comparison, subject: str) -> FactFinding:
    return next(f for f in comparison.facts if f.subject == subject)


def test_corrected_event_dates_follow_the_record(library: Library) -> None:
    rossotrudnichestvo = _event(library, "2021-ukraine-closes-rossotrudnichestvo")
    assert rossotrudnichestvo.start == "2021-04-02"
    assert _event(library, "2022-ukrainian-counter-offensives").start == "2022-08-29"
    protests = _event(library, "2024-georgian-election-protests")
    assert protests.end is not None and protests.end >= "2025"
    with library.unit_of_work() as uow:
        assert uow.events.find("2014-ukraine-closes-rossotrudnichestvo") is None


def test_a_single_source_contradicting_the_record_is_shown(library: Library) -> None:
    facts = _compare(library, "2021-ukraine-closes-rossotrudnichestvo")
    finding = _finding(facts, "ukraine.rossotrudnichestvo-closure.date")
    assert finding.verdict == "disagree" and len(finding.statements) == 1
    assert finding.statements[0].against_record == "disagree"
    assert "2 April 2021" in finding.record


def test_the_record_takes_a_side_where_sources_only_differ_in_precision(library: Library) -> None:
    finding = _finding(
        _compare(library, "2022-rahmon-respect-speech"), "rahmon-respect-speech.date"
    )
    checks = {s.stated: s.against_record for s in finding.statements}
    assert checks == {"October 12, 2022": "disagree", "in October 2022": "consistent"}
    assert finding.verdict == "disagree"
    assert any("on the side of Deutsche Welle" in n for n in finding.notes)


def test_team_notes_correcting_a_claim_show_beside_it(library: Library) -> None:
    finding = _finding(
        _compare(library, "2022-rahmon-respect-speech"), "rahmon-respect-speech.date"
    )
    noted = [s for s in finding.statements if s.note]
    assert noted and "14 October 2022" in noted[0].note


def test_claims_about_other_events_stay_out(library: Library) -> None:
    subjects = {f.subject for f in _compare(library, "2008-russo-georgian-war").facts}
    assert "crimea-annexation.date" not in subjects
    crimea = {f.subject for f in _compare(library, "2014-crimea-annexation").facts}
    assert "russo-georgian-war.date" not in crimea


def test_vague_quantities_are_not_an_invented_range(library: Library) -> None:
    with library.unit_of_work() as uow:
        claims = [c for c in uow.claims.list() if "hundreds of thousands" in c.stated]
    assert claims and all(c.low == c.high and c.hedge == "at-least" for c in claims)


def _date_claim(date: str) -> ClaimRecord:
    return ClaimRecord("c", "p", "x.date", "date", date=date, event_key="e")


def test_record_check_by_span_and_precision() -> None:
    span = EventRecord("e", "E", "2022-08-29", 0.0, 0.0, end="2022-11")
    assert check_against_event(_date_claim("2022-09"), span) == "agree"
    assert check_against_event(_date_claim("2022"), span) == "consistent"
    assert check_against_event(_date_claim("2022-08-01"), span) == "disagree"
    assert check_against_event(_date_claim("not a date"), span) == "incomparable"


def test_loose_links_are_fixed_and_missing_events_added(library: Library) -> None:
    with library.unit_of_work() as uow:
        refused = uow.passages.get("jb-kazakhstan-refused")
        nord_stream = uow.passages.get("kuzio-nord-stream")
        ots = uow.events.get("2021-turkic-council-becomes-ots")
        halt = uow.events.get("2022-germany-halts-nord-stream-2")
        renamed = uow.passages.get("jb-ots-renamed")
    assert [lk.event_key for lk in refused.links] == ["2022-annexation-four-regions"]
    strongest = max(nord_stream.links, key=lambda lk: lk.confidence)
    assert strongest.event_key == halt.key
    assert (ots.start, halt.start) == ("2021-11-12", "2022-02-22")
    assert [lk.event_key for lk in renamed.links] == [ots.key]


def test_codings_follow_the_codebook(library: Library) -> None:
    with library.unit_of_work() as uow:
        passages = {p.key: p for p in uow.passages.list()}
    toll = passages["dw-at-least-38"]
    assert toll.tone == "neutral"  # a bare toll does not bear on Russia
    assert "generic.human_interest" not in {c.code_key for c in toll.codings}
    assert passages["kuzio-late-december"].epistemic == "disputed"  # reports a denial
    assert passages["kuzio-infuriating"].epistemic == "disputed"
