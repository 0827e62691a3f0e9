"""The codings and links repositories and the per-passage reads the edit commands use."""

from __future__ import annotations

import pytest

from db.errors import IntegrityViolationError, NotFoundError
from db.library import Library
from db.records import CodingRecord, PassageLink
from tests.db.test_repositories import fill


def test_codings_add_count_remove(library: Library) -> None:
    fill(library)
    with library.unit_of_work("bob") as uow:
        assert uow.codings.has("p1", "issue.security", "alice")
        uow.codings.add(CodingRecord("issue.security", "bob", passage_key="p2"))
        uow.codings.add(CodingRecord("issue", "bob", passage_key="p2"))
        assert uow.codings.counts() == {"issue": 1, "issue.security": 2}
        assert [(c.passage_key, c.coder) for c in uow.codings.of_code("issue.security")] == [
            ("p1", "alice"),
            ("p2", "bob"),
        ]
        removed = uow.codings.remove("p2", "issue", "bob")
        assert removed is not None and removed.coder == "bob"
        assert uow.codings.remove("p2", "issue", "bob") is None
        uow.commit()
    with library.unit_of_work() as uow:
        assert uow.codings.counts() == {"issue.security": 2}


def test_coders_are_listed_once_each_in_the_same_order_on_every_database(
    library: Library,
) -> None:
    fill(library)
    with library.unit_of_work("bob") as uow:
        uow.codings.add(CodingRecord("issue", "bob", passage_key="p2"))
        uow.codings.add(CodingRecord("issue.security", "bob", passage_key="p2"))
        uow.codings.add(CodingRecord("issue", "Zoë", passage_key="p1"))
        uow.commit()
    with library.unit_of_work() as uow:
        # code point order (capitals first), not a database locale's collation
        assert uow.codings.coders() == ("Zoë", "alice", "bob")


def test_codings_refuse_empty_coder_and_unknown_keys(library: Library) -> None:
    fill(library)
    with library.unit_of_work() as uow:
        with pytest.raises(IntegrityViolationError, match="coder's name"):
            uow.codings.add(CodingRecord("issue", " ", passage_key="p2"))
        with pytest.raises(NotFoundError, match="No code 'nope'"):
            uow.codings.add(CodingRecord("nope", "bob", passage_key="p2"))
        with pytest.raises(NotFoundError, match="No passage 'gone'"):
            uow.codings.add(CodingRecord("issue", "bob", passage_key="gone"))


def test_links_add_list_remove(library: Library) -> None:
    fill(library)
    with library.unit_of_work() as uow:
        assert uow.links.add("p2", PassageLink("war", 0.5, "suggested"))
        assert not uow.links.add("p2", PassageLink("war"))  # linked already: nothing done
        assert uow.links.of_event("war") == [
            ("p1", PassageLink("war", 0.9, "manual")),
            ("p2", PassageLink("war", 0.5, "suggested")),
        ]
        assert uow.links.remove("p1", "war") == PassageLink("war", 0.9, "manual")
        assert uow.links.remove("p1", "war") is None
        with pytest.raises(NotFoundError, match="No event 'nope'"):
            uow.links.add("p1", PassageLink("nope"))


def test_claims_relations_and_note_targets_of_a_passage(library: Library) -> None:
    fill(library)
    with library.unit_of_work() as uow:
        assert [c.key for c in uow.claims.of_passage("p1")] == ["c1"]
        assert uow.claims.of_passage("p2") == []
        assert [r.key for r in uow.relations.of_passage("p2")] == ["r1"]
        uow.notes.retarget(["n1"], "passage", "p2")
        assert uow.notes.get("n1").target_key == "p2"
        assert uow.notes.get("n1").body == "**memo**"
