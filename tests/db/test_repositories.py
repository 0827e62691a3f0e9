"""Repositories and the unit of work, on SQLite and PostgreSQL alike."""

from __future__ import annotations

from dataclasses import replace

import pytest

from db.errors import ConflictError, IntegrityViolationError, NotFoundError
from db.library import Library
from db.records import (
    ClaimRecord,
    CodeRecord,
    CodingRecord,
    EventRecord,
    LaneRecord,
    NoteRecord,
    PassageLink,
    PassageRecord,
    RelationRecord,
    SourceRecord,
)


def fill(library: Library) -> None:
    with library.unit_of_work("alice") as uow:
        uow.lanes.add(LaneRecord("georgia", "Georgia", "#aa0000", 0))
        uow.sources.add(
            SourceRecord("dw", "DW analysis", outlet="DW", authors=("A", "B"), published="2025-08"),
            published_t=739464.0,
        )
        uow.events.add(
            EventRecord(
                "war",
                "Russo-Georgian war",
                "2008-08-07",
                733261.0,
                733267.0,
                end="2008-08-12",
                lane="georgia",
                actors=("Russia", "Georgia"),
                tags=("war",),
                importance=1,
            )
        )
        uow.events.add(
            EventRecord(
                "crimea",
                "Crimea annexed",
                "2014-02",
                735265.0,
                735324.0,
                lane="ukraine",
                importance=1,
            )
        )
        uow.codes.add(CodeRecord("issue", "Issue frames", group="issue"))
        uow.codes.add(CodeRecord("issue.security", "Security", parent_key="issue", group="issue"))
        uow.passages.add(
            PassageRecord(
                "p1",
                "dw",
                10,
                20,
                "some words",
                prefix="pre",
                suffix="post",
                tone="negative",
                links=(PassageLink("war", 0.9, "manual"), PassageLink("crimea")),
                codings=(CodingRecord("issue.security", "alice"),),
            )
        )
        uow.passages.add(PassageRecord("p2", "dw", 30, 40, "more words"))
        uow.claims.add(ClaimRecord("c1", "p1", "war.deaths", "number", low=38, high=38))
        uow.notes.add(NoteRecord("n1", "event", "war", "**memo**"))
        uow.relations.add(RelationRecord("r1", "p1", "p2", "supports"))
        uow.commit()


def test_records_round_trip(library: Library) -> None:
    fill(library)
    with library.unit_of_work() as uow:
        war = uow.events.get("war")
        assert war.actors == ("Russia", "Georgia") and war.tags == ("war",)
        assert war.lane == "georgia" and war.end == "2008-08-12" and war.stamp.author == "alice"
        assert uow.events.get("crimea").lane == "ukraine"  # an unknown lane is created
        passage = uow.passages.get("p1")
        assert [link.event_key for link in passage.links] == ["crimea", "war"]
        assert passage.codings[0].code_key == "issue.security"
        assert [p.key for p in uow.passages.for_event("war")] == ["p1"]
        assert uow.codes.get("issue.security").parent_key == "issue"
        assert uow.claims.get("c1").low == 38
        assert uow.notes.for_target("event", "war")[0].body == "**memo**"
        assert uow.relations.list()[0].kind == "supports"
        assert uow.sources.get("dw").authors == ("A", "B")
    counts = library.counts()
    assert (counts.sources, counts.events, counts.passages, counts.codes) == (1, 2, 2, 2)


def test_statement_claims_and_record_values_round_trip(library: Library) -> None:
    fill(library)
    said = ClaimRecord("c2", "p1", "war.case-opened", "statement", stated="no case", holds=False)
    record = replace(said, key="c3", holds=True, reference="official readout, 28 Dec")
    with library.unit_of_work() as uow:
        uow.claims.add(said)
        uow.claims.add(record)
        uow.commit()
    with library.unit_of_work() as uow:
        got_said, got_record = uow.claims.get("c2"), uow.claims.get("c3")
        assert (got_said.kind, got_said.holds, got_said.reference) == ("statement", False, "")
        assert (got_record.holds, got_record.reference) == (True, "official readout, 28 Dec")
        assert got_record.is_record and not got_said.is_record
        assert uow.claims.get("c1").holds is None and uow.claims.get("c1").reference == ""


def test_a_record_value_cites_its_reference_without_a_passage(library: Library) -> None:
    fill(library)
    toll = ClaimRecord(
        "r1",
        None,
        "war.deaths",
        "number",
        low=38,
        high=38,
        event_key="war",
        reference="official report, https://example.org/report",
    )
    with library.unit_of_work() as uow:
        uow.claims.add(toll)
        uow.commit()
    with library.unit_of_work() as uow:
        got = uow.claims.get("r1")
        assert (got.passage_key, got.event_key, got.low) == (None, "war", 38)
        assert [c.key for c in uow.claims.records_for_event("war")] == ["r1"]
        assert uow.claims.records_for_event("crimea") == []
        assert "r1" in [c.key for c in uow.claims.list()]
        with pytest.raises(ValueError, match="record value"):
            uow.claims.update(replace(got, reference=""))
    for bare in (replace(toll, key="r2", reference=""), replace(toll, key="r3", event_key=None)):
        with library.unit_of_work() as uow, pytest.raises(ValueError, match="record value"):
            uow.claims.add(bare)
    with library.unit_of_work() as uow:
        assert {c.key for c in uow.claims.list()} == {"c1", "r1"}


def test_time_range_query_uses_overlap(library: Library) -> None:
    fill(library)
    with library.unit_of_work() as uow:
        assert [e.key for e in uow.events.in_range(733263.0, 733264.0)] == ["war"]
        assert [e.key for e in uow.events.in_range(700000.0, 800000.0)] == ["war", "crimea"]
        assert uow.events.in_range(0.0, 1.0) == []


def test_without_commit_nothing_is_kept(library: Library) -> None:
    with library.unit_of_work() as uow:
        uow.sources.add(SourceRecord("tmp", "Temporary"))
    assert library.counts().sources == 0


def test_an_error_rolls_back_the_whole_action(library: Library) -> None:
    with pytest.raises(RuntimeError), library.unit_of_work() as uow:
        uow.sources.add(SourceRecord("a", "A"))
        raise RuntimeError("boom")
    assert library.counts().sources == 0


def test_a_connection_lost_after_commit_keeps_the_commit_and_raises_nothing(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A server restarting just after a commit breaks the closing rollback: the action is
    saved, so it must not be reported as failed (a retry would apply it twice)."""
    from sqlalchemy.exc import OperationalError
    from sqlalchemy.orm import Session

    def gone(_session: Session) -> None:
        raise OperationalError("ROLLBACK", {}, Exception("terminating connection"))

    with library.unit_of_work() as uow:
        uow.sources.add(SourceRecord("kept", "Kept"))
        uow.commit()
        monkeypatch.setattr(Session, "rollback", gone)
    monkeypatch.undo()
    assert library.counts().sources == 1


def test_duplicate_key_is_an_integrity_problem(library: Library) -> None:
    fill(library)
    with pytest.raises(IntegrityViolationError), library.unit_of_work() as uow:
        uow.sources.add(SourceRecord("dw", "Another DW"))
        uow.commit()
    assert library.counts().sources == 1


def test_stale_update_is_a_conflict_not_an_overwrite(library: Library) -> None:
    fill(library)
    with library.unit_of_work() as uow:
        mine = uow.events.get("war")
    with library.unit_of_work("bob") as uow:
        uow.events.update(replace(mine, title="Bob's title"))
        uow.commit()
    with pytest.raises(ConflictError), library.unit_of_work("alice") as uow:
        uow.events.update(replace(mine, title="Alice's title"))
        uow.commit()
    with library.unit_of_work() as uow:
        assert uow.events.get("war").title == "Bob's title"


def test_update_links_and_codings(library: Library) -> None:
    fill(library)
    with library.unit_of_work("bob") as uow:
        passage = uow.passages.get("p1")
        changed = replace(
            passage,
            links=(PassageLink("war"),),
            codings=(CodingRecord("issue.security", "alice"), CodingRecord("issue", "bob")),
        )
        uow.passages.update(changed)
        uow.commit()
    with library.unit_of_work() as uow:
        passage = uow.passages.get("p1")
        assert [link.event_key for link in passage.links] == ["war"]
        assert {(c.code_key, c.coder) for c in passage.codings} == {
            ("issue.security", "alice"),
            ("issue", "bob"),
        }


def test_delete_cascades_to_dependants(library: Library) -> None:
    fill(library)
    with library.unit_of_work() as uow:
        uow.sources.delete("dw")
        uow.commit()
    counts = library.counts()
    assert (counts.sources, counts.passages, counts.claims, counts.codings) == (0, 0, 0, 0)
    with library.unit_of_work() as uow:
        assert uow.events.get("war").title
        with pytest.raises(NotFoundError):
            uow.passages.get("p1")
