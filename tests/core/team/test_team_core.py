"""Team work without Qt: coder filter, agreement from a library, change polling, the outbox."""

from __future__ import annotations

import csv
from dataclasses import replace
from pathlib import Path

import krippendorff
import numpy as np
import pytest
from sqlalchemy.exc import OperationalError

from db.errors import ConflictError, LibraryUnavailableError
from db.library import Library, open_library
from db.records import CodingRecord, EventRecord, PassageRecord, SourceRecord
from desktop.core.compare.from_library import compare_event_key
from desktop.core.editing import ApplyCode, CreateNote, EditEvent, UndoHistory, perform
from desktop.core.sample import load_sample
from desktop.core.team.agreement_data import agreement_in_library, team_agreement, write_csv
from desktop.core.team.coders import CoderFilter, CoderView
from desktop.core.team.connection import SavedConnection, find_password, remember_password
from desktop.core.team.outbox import Outbox
from desktop.core.team.poller import ChangePoller
from desktop.core.workbench import Workbench

TEXT = "0123456789" * 10


def passage(key: str, start: int, end: int, *codings: tuple[str, str]) -> PassageRecord:
    return PassageRecord(
        key,
        "s",
        start,
        end,
        TEXT[start:end],
        codings=tuple(CodingRecord(code, coder) for code, coder in codings),
    )


def test_coder_filter_keeps_mine_theirs_or_both() -> None:
    p = passage("p", 0, 10, ("x", "ann"), ("y", "bob"))
    mine, theirs = CoderFilter(CoderView.MINE, "ann"), CoderFilter(CoderView.THEIRS, "ann")
    assert [c.coder for c in mine.apply([p])[0].codings] == ["ann"]
    assert [c.coder for c in theirs.apply([p])[0].codings] == ["bob"]
    assert CoderFilter().apply([p]) == (p,)
    assert CoderFilter(CoderView.MINE, "").apply([p])[0].codings == ()


def test_agreement_from_passages_matches_the_krippendorff_package() -> None:
    passages = [
        passage("p1", 0, 20, ("x", "ann"), ("x", "bob")),
        passage("p2", 20, 30, ("x", "ann")),
        passage("p3", 25, 40, ("x", "bob")),
    ]
    result = team_agreement(passages, {"s": TEXT}, ["ann", "bob"])
    ann = [1] * 30 + [0] * 10
    bob = [1] * 20 + [0] * 5 + [1] * 15
    expected = krippendorff.alpha(np.array([ann, bob]), level_of_measurement="nominal")
    assert result.report.overall.units == 40
    assert result.report.overall.percent == pytest.approx(25 / 40)
    assert result.report.overall.alpha == pytest.approx(expected)
    sides = {(d.start, d.end): dict(d.passages_by_coder) for d in result.disagreements}
    assert sides == {(20, 25): {"ann": ("p2",), "bob": ()}, (30, 40): {"ann": (), "bob": ("p3",)}}
    assert [d.text for d in result.disagreements] == [TEXT[20:25], TEXT[30:40]]


def test_agreement_needs_two_coders_and_limits_codes() -> None:
    passages = [passage("p1", 0, 10, ("x", "ann"), ("y", "bob"))]
    with pytest.raises(ValueError, match="two different coders"):
        team_agreement(passages, {}, ["ann"])
    only_x = team_agreement(passages, {}, ["ann", "bob"], codes=["x"])
    assert list(only_x.report.by_code) == ["x"]


def coded_by_two(library: Library) -> list[str]:
    load_sample(library)
    with library.unit_of_work() as uow:
        first = [p for p in uow.passages.list() if p.codings][:6]
    for p in first[:4]:
        perform(ApplyCode(p.key, p.codings[0].code_key, author="bob"), library)
    return [p.key for p in first]


def test_agreement_in_a_library_and_its_csv(sqlite_library: Library, tmp_path: Path) -> None:
    coded_by_two(sqlite_library)
    result = agreement_in_library(sqlite_library, ["parallax-team", "bob"])
    assert result.report.overall.units > 0 and 0 < result.report.overall.percent < 1
    out = tmp_path / "d.csv"
    assert write_csv(result, out) == len(result.disagreements) > 0
    rows = list(csv.reader(out.open(encoding="utf-8")))
    assert rows[0] == ["source", "code", "start", "end", "text", "parallax-team", "bob"]
    assert all(row[4] for row in rows[1:])
    with pytest.raises(ValueError, match="No source nope"):
        agreement_in_library(sqlite_library, ["parallax-team", "bob"], sources=["nope"])


def test_codings_and_notes_record_the_acting_coder(sqlite_library: Library) -> None:
    keys = coded_by_two(sqlite_library)
    bench = Workbench(sqlite_library, author="bob")
    perform(CreateNote("passage", keys[0], "a memo", author=bench.author), sqlite_library)
    with sqlite_library.unit_of_work() as uow:
        assert "bob" in {c.coder for c in uow.passages.get(keys[0]).codings}
        assert [n.author for n in uow.notes.for_target("passage", keys[0])] == ["bob"]


def test_the_compare_panes_show_only_the_chosen_coders(sqlite_library: Library) -> None:
    load_sample(sqlite_library)
    with sqlite_library.unit_of_work() as uow:
        target = next(p for p in uow.passages.list() if p.codings and p.links)
        extra = next(
            c.key for c in uow.codes.list() if c.key not in {k.code_key for k in target.codings}
        )
    perform(ApplyCode(target.key, extra, author="bob"), sqlite_library)
    team_codes = {c.code_key for c in target.codings}

    def shown(view: CoderView) -> set[str]:
        comparison = compare_event_key(
            sqlite_library, target.links[0].event_key, CoderFilter(view, "bob")
        )
        assert comparison is not None
        views = [v for pane in comparison.panes for v in pane.passages if v.key == target.key]
        return {tag.key for tag in views[0].codes}

    assert shown(CoderView.MINE) == {extra}
    assert shown(CoderView.THEIRS) == team_codes
    assert shown(CoderView.BOTH) == team_codes | {extra}
    bench = Workbench(sqlite_library, author="bob")
    heard: list[str] = []
    bench.events.filters.connect(lambda: heard.append("filters"))
    bench.set_coder_filter(CoderFilter(CoderView.THEIRS, "bob"))
    assert heard == ["filters"] and bench.coder_filter.view is CoderView.THEIRS


def test_the_poller_reports_other_clients_only(any_url: str) -> None:
    mine, theirs = open_library(any_url), open_library(any_url)
    try:
        with theirs.unit_of_work("bob") as uow:
            uow.sources.add(SourceRecord("s", "S"))
            uow.events.add(EventRecord("e", "E", "2008", 1.0, 2.0))
            uow.commit()
        poller = ChangePoller(mine)
        assert poller.poll().records == ()
        history = UndoHistory()
        with mine.unit_of_work() as uow:
            event = uow.events.get("e")
        history.run(EditEvent(event, replace(event, title="mine"), author="ann"), mine)
        assert poller.poll().records == ()
        with theirs.unit_of_work("bob") as uow:
            uow.events.update(replace(uow.events.get("e"), title="theirs"))
            uow.commit()
        remote = poller.poll()
        assert remote.authors == ("bob",) and remote.as_changes().events == {"e"}
        assert poller.poll().records == ()
    finally:
        mine.dispose()
        theirs.dispose()


def test_the_outbox_keeps_an_unsent_edit_and_retries_with_backoff() -> None:
    now = [0.0]
    box = Outbox(clock=lambda: now[0])
    down = [True]
    sent: list[str] = []

    def edit(name: str):  # type: ignore[no-untyped-def]
        def action() -> str:
            if down[0]:
                raise LibraryUnavailableError("server down")
            sent.append(name)
            return name

        return action

    assert box.send("first", edit("first")) is None and not box.online
    assert box.send("second", edit("second")) is None
    assert box.retry_due(0.5) == [] and box.next_due == 1.0
    assert box.retry_due(1.0) == [] and box.next_due == 3.0  # 1 s, then 2 s
    down[0] = False
    outcomes = box.retry_due(3.0)
    assert [(o.label, o.sent) for o in outcomes] == [("first", True), ("second", True)]
    assert sent == ["first", "second"] and box.online


def test_the_outbox_reports_a_conflict_instead_of_dropping_it() -> None:
    def stale() -> None:
        raise ConflictError("event", "e")

    outcome = Outbox().send("edit", stale)
    assert outcome is not None and not outcome.sent and isinstance(outcome.error, ConflictError)


def test_a_dropped_connection_becomes_library_unavailable(sqlite_library: Library) -> None:
    def broken(_uow: object) -> None:
        raise OperationalError("SELECT 1", {}, Exception("server closed the connection"))

    with (
        pytest.raises(LibraryUnavailableError, match="cannot be reached"),
        sqlite_library.unit_of_work() as uow,
    ):
        broken(uow)


def test_saved_connections_never_hold_a_password() -> None:
    saved = SavedConnection("db.example.org", "team", "ann", 5433, "Team")
    assert saved.url() == "postgresql+psycopg://ann@db.example.org:5433/team"
    assert "secret" in saved.url("secret") and "password" not in str(saved.as_dict())
    assert SavedConnection.from_dict(saved.as_dict()) == saved
    assert SavedConnection.from_url(saved.url("x")) == replace(saved, name="")


class FakeKeyring:
    def __init__(self) -> None:
        self.stored: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, account: str) -> str | None:
        return self.stored.get((service, account))

    def set_password(self, service: str, account: str, password: str) -> None:
        self.stored[(service, account)] = password


def test_passwords_come_from_environment_then_keyring() -> None:
    saved = SavedConnection("h", "d", "u")
    ring = FakeKeyring()
    assert find_password(saved, {}, ring) is None
    assert remember_password(saved, "kr", ring)
    assert find_password(saved, {}, ring) == "kr"
    assert find_password(saved, {"PGPASSWORD": "pg"}, ring) == "pg"
    assert find_password(saved, {"PARALLAX_DB_PASSWORD": "px", "PGPASSWORD": "pg"}, ring) == "px"
