"""Statement claims (what a party said or did, or that something is so) and claims marked as the
record's value for a subject (the official toll, a readout): compared in Facts, told apart from
figures and dates, and the record kept out of the sources' statements."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from db.library import Library
from db.records import ClaimRecord, PassageLink, PassageRecord, SourceRecord
from desktop.core.compare.claim_pairs import compare_claims, describe
from desktop.core.compare.facts import compare_facts
from desktop.core.compare.from_library import compare_event_key
from desktop.core.compare.model import Comparison, FactFinding
from desktop.core.compare.record_check import record_value_text
from desktop.core.compare.summary import fact_title

from .bundled_kit import bundled_library


def _said(key: str, holds: bool | None, passage: str = "p1", reference: str = "") -> ClaimRecord:
    return ClaimRecord(
        key, passage, "x.case-opened", "statement", stated=key, holds=holds, reference=reference
    )


def test_statements_agree_on_the_same_position_and_disagree_otherwise() -> None:
    assert compare_claims(_said("a", True), _said("b", True)).verdict == "agree"
    opposed = compare_claims(_said("a", True), _said("b", False))
    assert opposed.verdict == "disagree" and "the other that it is not" in opposed.note
    assert compare_claims(_said("a", True), _said("b", None)).verdict == "incomparable"
    number = ClaimRecord("n", "p1", "x.case-opened", "number", low=1, high=1)
    assert compare_claims(_said("a", True), number).verdict == "incomparable"
    assert describe(_said("a", False)) == "says it is not so"


def test_a_record_value_shows_its_words_and_source() -> None:
    record = _said("the readout says a case was opened", True, reference="Kremlin, 28 Dec")
    assert record_value_text(record) == "the readout says a case was opened (Kremlin, 28 Dec)"
    toll = ClaimRecord(
        "t", "p1", "x.deaths", "number", low=38, high=38, unit="people", reference="official report"
    )
    assert record_value_text(toll) == "38 people (official report)"
    assert toll.is_record and not _said("a", True).is_record


def _passage(key: str, source: str) -> PassageRecord:
    return PassageRecord(key, source, 0, 5, "words", links=(PassageLink("e1"),))


SOURCES = [SourceRecord("s1", "one", outlet="One"), SourceRecord("s2", "two", outlet="Two")]


def test_a_single_source_against_a_record_value_is_a_finding_and_the_record_no_statement() -> None:
    passages = [_passage("p1", "s1")]
    claims = [_said("source says no", False), _said("readout", True, reference="Kremlin readout")]
    (finding,) = compare_facts("e1", claims, passages, SOURCES)
    assert finding.verdict == "disagree" and finding.kind == "statement"
    assert [s.claim_key for s in finding.statements] == ["source says no"]
    assert finding.statements[0].against_record == "disagree"
    assert finding.record == "readout (Kremlin readout)"
    assert "the record contradicts One" in finding.notes


def test_a_record_value_alone_or_agreed_with_is_not_a_dispute() -> None:
    passages = [_passage("p1", "s1"), _passage("p2", "s2")]
    alone = [_said("readout", True, reference="Kremlin readout")]
    assert compare_facts("e1", alone, passages, SOURCES) == ()
    agreed = [_said("says yes", True), _said("readout", True, reference="Kremlin readout")]
    assert compare_facts("e1", agreed, passages, SOURCES) == ()


def test_a_record_value_citing_its_reference_needs_no_passage_and_stays_with_its_event() -> None:
    passages = [_passage("p1", "s1")]
    record = ClaimRecord(
        "readout",
        None,
        "x.case-opened",
        "statement",
        holds=True,
        event_key="e1",
        reference="Kremlin readout, https://kremlin.example/1",
    )
    claims = [_said("source says no", False), record]
    (finding,) = compare_facts("e1", claims, passages, SOURCES)
    assert finding.record == "it is so (Kremlin readout, https://kremlin.example/1)"
    assert [s.claim_key for s in finding.statements] == ["source says no"]
    assert finding.statements[0].against_record == "disagree"
    elsewhere = [_passage("p9", "s1")]
    assert compare_facts("e2", claims, elsewhere, SOURCES) == ()  # not the record of e2


def test_statement_findings_are_headed_apart_from_figures() -> None:
    assert fact_title("azal-8243.russian-criminal-case-opened", "statement") == (
        "statement: russian criminal case opened"
    )
    assert fact_title("azal-8243.deaths", "number") == "deaths"


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    library = bundled_library(tmp_path_factory.mktemp("statements"))
    yield library
    library.dispose()


def _finding(library: Library, event: str, subject: str) -> FactFinding:
    comparison: Comparison | None = compare_event_key(library, event)
    assert comparison is not None
    return next(f for f in comparison.facts if f.subject == subject)


def test_kuzio_against_the_kremlin_readout_on_criminal_proceedings(library: Library) -> None:
    finding = _finding(
        library, "2024-putin-apologises-aliyev", "azal-8243.russian-criminal-case-opened"
    )
    assert finding.kind == "statement" and finding.verdict == "disagree"
    assert "28 Dec 2024" in finding.record and "criminal case" in finding.record
    (kuzio,) = finding.statements
    assert kuzio.source_key == "kuzio-eureporter-2025" and kuzio.against_record == "disagree"


def test_novorossiysk_the_record_sides_with_the_policy_report(library: Library) -> None:
    finding = _finding(
        library, "2022-cpc-terminal-halt", "kazakh-oil.novorossiysk-exports-continue"
    )
    checks = {s.source_key: s.against_record for s in finding.statements}
    assert checks == {"jankowski-bouvery-2022": "agree", "bloomberg-digest-2023": "disagree"}
    assert finding.verdict == "disagree"


@pytest.mark.parametrize(
    ("event", "subject", "record"),
    [
        ("2024-azal-8243-crash", "azal-8243.deaths", "38 people"),
        ("2022-mh17-verdict", "mh17-verdict.russians-convicted", "2 people"),
        ("2022-csto-deployment-kazakhstan", "csto-kazakhstan-2022.russian-troops", "at most 2500"),
    ],
)
def test_numeric_record_values_contradict_the_single_source_slips(
    library: Library, event: str, subject: str, record: str
) -> None:
    finding = _finding(library, event, subject)
    assert finding.record.startswith(record)
    wrong = [s for s in finding.statements if s.against_record == "disagree"]
    assert wrong and finding.verdict == "disagree"


def test_the_bundled_record_values_cite_their_reference_without_borrowing_a_passage(
    library: Library,
) -> None:
    with library.unit_of_work() as uow:
        records = [c for c in uow.claims.list() if c.is_record]
    assert len(records) == 6
    assert all(c.passage_key is None and c.event_key for c in records)
    finding = _finding(library, "2024-azal-8243-crash", "azal-8243.deaths")
    assert finding.record == (
        "38 people (Kazakhstan's Ministry of Transport, preliminary report on flight J2-8243,"
        " Feb 2025)"
    )
