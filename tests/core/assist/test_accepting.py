"""Accepting stored assisted suggestions: passages with links, claims and codes, one undo step."""

from __future__ import annotations

import pytest

from db.library import Library
from desktop.core.assist import acceptors
from desktop.core.assist.storing import assist_sources
from desktop.core.editing import UndoHistory
from desktop.core.importing import MetadataOverrides, import_document
from desktop.core.importing.accepting import review
from desktop.core.sample import load_sample
from tests.support import REPO

ARTICLE = REPO / "tests" / "fixtures" / "assist" / "azal_en.txt"


@pytest.fixture(autouse=True)
def _acceptors() -> None:
    acceptors.register()


def _imported(library: Library) -> str:
    load_sample(library)
    overrides = MetadataOverrides(outlet="Caspian Wire", published="2024-12-26")
    outcome = import_document(library, ARTICLE, overrides=overrides, suggest=True)
    assert outcome.source_key is not None
    return outcome.source_key


def _state(library: Library, key: str) -> tuple[list[tuple[int, int]], list[str], list[str]]:
    with library.unit_of_work() as uow:
        passages = uow.passages.for_source(key)
        claims = uow.claims.for_passages([p.key for p in passages])
    return (
        sorted((p.start, p.end) for p in passages),
        sorted(f"{c.subject}={c.low or c.date}" for c in claims),
        sorted(c.code_key for p in passages for c in p.codings),
    )


def test_accept_above_makes_passages_links_claims_and_codes_as_one_undo_step(
    sqlite_library: Library,
) -> None:
    key = _imported(sqlite_library)
    run = assist_sources(sqlite_library, [key])
    assert run.stored[key] > 0
    with sqlite_library.unit_of_work() as uow:
        kinds = {s.kind for s in uow.suggestions.for_source(key)}
    assert {"link", "passage", "claim", "code"} <= kinds

    history = UndoHistory()
    review(sqlite_library, key, accept_above=0.6, author="tester", history=history)
    spans, claims, codes = _state(sqlite_library, key)
    overlaps = [(a, b) for a, b in zip(spans, spans[1:], strict=False) if b[0] < a[1]]
    assert overlaps == []  # the link's sentence and the assisted passage are one passage
    assert "azal-8243.deaths=38.0" in claims
    assert "azal-8243.date=2024-12-25" in claims
    assert codes
    with sqlite_library.unit_of_work() as uow:
        links = {lk.event_key for p in uow.passages.for_source(key) for lk in p.links}
    assert "2024-azal-8243-crash" in links
    assert len(history.labels) == 1

    history.undo(sqlite_library)
    assert _state(sqlite_library, key) == ([], [], [])
    history.redo(sqlite_library)
    assert _state(sqlite_library, key) == (spans, claims, codes)


def test_a_claim_accepted_alone_brings_its_passage_and_nothing_else(
    sqlite_library: Library,
) -> None:
    key = _imported(sqlite_library)
    assist_sources(sqlite_library, [key])
    with sqlite_library.unit_of_work() as uow:
        claim = next(
            s for s in uow.suggestions.for_source(key, kinds=("claim",))
            if s.payload["claim"]["kind"] == "number"
        )  # fmt: skip
    review(sqlite_library, key, accept=[claim.id or 0])
    spans, claims, codes = _state(sqlite_library, key)
    assert len(spans) == 1 and len(claims) == 1 and codes == []
