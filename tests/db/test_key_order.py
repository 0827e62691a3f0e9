"""On SQLite the packed read also gives the events in key order, from the key's index: it must
be the order Python sorts the keys in (code points: case, accents, other scripts, prefixes),
with gaps in the ids (events deleted) too."""

from __future__ import annotations

from sqlalchemy import text

from db.library import Library
from db.records import EventRecord
from db.repositories.timeline_packed import packed_columns

KEYS = ["b", "a", "B", "ä", "ключ", "a-b", "a b", "ab", "Z", "é", "e", "a\u00e9", "ae", "日本", "~"]


def _filled(library: Library) -> Library:
    with library.unit_of_work() as uow:
        uow.events.add_many(
            [EventRecord(key, key, "2001-01-01", 730486.0, 730487.0) for key in KEYS]
        )
        uow.commit()
    return library


def test_the_rows_in_key_order_are_the_keys_sorted_as_python_sorts_them(
    sqlite_library: Library,
) -> None:
    with _filled(sqlite_library).unit_of_work() as uow:
        found = packed_columns(uow.session)
        columns = uow.events.timeline_columns()
    assert found is not None and found.key_order is not None
    assert [found.keys[k] for k in found.key_order.tolist()] == sorted(KEYS)
    assert columns.key_order is not None and columns.key_order.tolist() == found.key_order.tolist()


def test_ids_with_gaps_are_found_among_the_ids(sqlite_library: Library) -> None:
    library = _filled(sqlite_library)
    with library.engine.begin() as connection:
        connection.execute(text("DELETE FROM events WHERE key IN ('ab', 'b', '~')"))
    with library.unit_of_work() as uow:
        found = packed_columns(uow.session)
    kept = sorted(set(KEYS) - {"ab", "b", "~"})
    assert found is not None and found.key_order is not None and len(found.keys) == len(kept)
    assert [found.keys[k] for k in found.key_order.tolist()] == kept
