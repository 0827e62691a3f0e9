"""The column-based event list gives exactly the records ``get`` gives, on both engines."""

from __future__ import annotations

from pathlib import Path

from db.library import Library
from desktop.core.sample import load_sample

DATASET = (
    Path(__file__).resolve().parents[2] / "resources/dataset/russia-neighbourhood.parallax.json"
)


def test_list_equals_get_for_every_event(library: Library) -> None:
    load_sample(library, DATASET)
    with library.unit_of_work() as uow:
        listed = uow.events.list()
        one_by_one = [uow.events.get(event.key) for event in listed]
    assert listed == one_by_one
    assert [e.t_lo for e in listed] == sorted(e.t_lo for e in listed)
    assert any(e.actors for e in listed) and any(e.tags for e in listed)
    assert any(e.lane for e in listed) and all(e.stamp.version >= 1 for e in listed)


def test_texts_hold_the_searched_fields_of_every_event(library: Library) -> None:
    load_sample(library, DATASET)
    with library.unit_of_work() as uow:
        listed = uow.events.list()
        texts = uow.events.texts()
    expected = [(e.key, e.title, e.summary, e.actors, e.tags, e.aliases) for e in listed]
    assert sorted(texts) == sorted(expected)
    assert any(t.actors for t in texts) and any(t.tags for t in texts)
    assert any(t.aliases for t in texts)  # the titles' Russian and Ukrainian forms


def test_many_reads_the_records_get_reads(library: Library) -> None:
    load_sample(library, DATASET)
    with library.unit_of_work() as uow:
        keys = [event.key for event in uow.events.list()][::7]
        found = uow.events.many([*keys, "no such event", keys[0]])
        assert found == [uow.events.get(key) for key in keys]
        assert uow.events.many([]) == []
