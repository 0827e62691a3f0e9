"""Opening a library reads its events' titles and dates only when something needs them: a
frame's labels read theirs by key, anything that walks a whole column reads all at once; what
is read is what the records say, in the columns' order."""

from __future__ import annotations

import threading
from collections.abc import Sequence

import numpy as np
import pytest

import desktop.core.deferred_texts as deferred
from db.library import Library
from db.records import EventRecord
from db.repositories.timeline_rows import LabelTexts
from desktop.core.catalog import Catalog
from desktop.core.deferred_texts import DeferredColumn
from desktop.core.event_columns import EventColumns
from desktop.core.timeline.from_catalog import scene_data_from_catalog
from desktop.core.timeline.lanes import LaneState
from desktop.core.timeline.layout import TimelineLayout
from desktop.core.timeline.scale import TimeScale
from desktop.core.timeline.scene import plain_dates
from desktop.core.timeline.store import PickedTitles
from desktop.core.workbench import Workbench

# (start, end): plain days, months, years, an open end, an empty end, a day with a time
DATES: list[tuple[str, str | None]] = [
    ("2001-01-01", None),
    ("2001-01-02", ""),
    ("2001-01-03", "2001-01-09"),
    ("2001-02", None),
    ("2001", "2002"),
    ("2001-03-01", "2001-04"),
    ("2001-05-01T10:00", None),
    ("-0044-03-15", None),
]


def _events(count: int) -> list[EventRecord]:
    records = []
    for k in range(count):
        start, end = DATES[k % len(DATES)]
        t = 730000.0 + (k * 7919) % 5000  # not in key order, with ties
        records.append(
            EventRecord(f"ev-{k:04d}", f"Title {k}", start, t, t + 1.0, end=end, lane="a")
        )
    return records


@pytest.fixture
def loaded(library: Library) -> Library:
    """A library on each backend with 600 events of every shape of date."""
    with library.unit_of_work() as uow:
        uow.events.add_many(_events(600))
        uow.commit()
    return library


def _counting(monkeypatch: pytest.MonkeyPatch, library: Library) -> list[int | None]:
    """The number of keys of each read of texts (None: all) on ``library``."""
    reads: list[int | None] = []
    by_key, whole = Library.label_texts, deferred.EventTexts._read_all

    def counted(self: Library, keys: Sequence[str]) -> LabelTexts:
        reads.append(len(keys))
        return by_key(self, keys)

    def counted_all(self: deferred.EventTexts) -> tuple[tuple[str | None, ...], ...]:
        reads.append(None)
        return whole(self)

    monkeypatch.setattr(Library, "label_texts", counted)
    monkeypatch.setattr(deferred.EventTexts, "_read_all", counted_all)
    return reads


def test_the_texts_read_later_are_those_of_the_records_in_time_order(loaded: Library) -> None:
    catalog = Catalog.load(loaded)
    with loaded.unit_of_work() as uow:
        records = EventColumns.of_records(uow.events.list())
    assert isinstance(catalog.columns.titles, DeferredColumn)
    assert catalog.columns.keys == records.keys
    assert catalog.columns.titles[5] == records.titles[5]  # read alone
    assert catalog.columns.ends[-1] == records.ends[-1]
    assert not catalog.columns.titles.loaded
    assert catalog.columns == records  # reads every text
    assert catalog.columns.titles.loaded and catalog.columns.starts[3] == records.starts[3]


def test_the_database_tells_which_dates_are_plain_days(loaded: Library) -> None:
    columns = Catalog.load(loaded).columns
    mask = columns.plain_dates()
    assert mask.tolist() == plain_dates(list(columns.starts), list(columns.ends)).tolist()
    assert 0 < mask.sum() < len(mask)  # both kinds are there


def test_a_frame_reads_the_titles_of_its_labels_in_a_few_queries(
    loaded: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    reads = _counting(monkeypatch, loaded)
    scale = TimeScale(730000.0, 735000.0, 1600.0)
    frames = []
    for read_first in (False, True):
        catalog = Catalog.load(loaded)
        if read_first:
            list(catalog.columns.titles)
        scene = scene_data_from_catalog(catalog, LaneState()).scene()
        assert isinstance(scene.store.titles, PickedTitles) != read_first
        layout = TimelineLayout(scene.store, lambda text: 6.0 * len(text), scene.data.metrics())
        frames.append(layout.frame(scale))
        if not read_first:
            assert frames[0].labels and None not in reads  # not every text
            assert 0 < len(reads) < sum(n or 0 for n in reads)  # several titles per query
    assert frames[0].labels == frames[1].labels


def test_past_the_budget_of_single_reads_every_text_is_read_at_once(
    loaded: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(deferred, "SINGLE_READS", 10)
    reads = _counting(monkeypatch, loaded)
    titles = Catalog.load(loaded).columns.titles
    assert isinstance(titles, DeferredColumn)
    firsts = [titles[k] for k in range(10)]
    assert reads == [1] * 10 and not titles.loaded
    assert titles[10] == "Title" + titles[10].removeprefix("Title") and titles.loaded
    assert reads[-1] is None and firsts == list(titles[:10])
    titles.prefetch(range(20))
    assert len(reads) == 11  # nothing more is read


def test_an_event_gone_before_its_texts_are_read_has_none(loaded: Library) -> None:
    catalog = Catalog.load(loaded)
    gone = catalog.keys[0]
    with loaded.unit_of_work() as uow:
        uow.events.delete(gone)
        uow.commit()
    columns = catalog.columns
    assert columns.titles[0] == "" and columns.starts[0] == ""
    assert np.all([title != "" for title in list(columns.titles)[1:]])
    assert columns.titles[0] == "" and len(columns.titles) == len(catalog.keys)


def test_a_workbench_reads_the_rest_of_the_texts_on_a_worker(loaded: Library) -> None:
    bench = Workbench(loaded)
    columns = bench.catalog.columns
    assert not columns.texts_read and not columns.positions_built
    bench.prepare_texts()
    for thread in threading.enumerate():
        if thread.name == "parallax-texts":
            thread.join(30)
    assert columns.texts_read
    assert columns.positions_built  # and the key positions, for the first select or edit
    assert list(columns.titles) == [event.title for event in bench.catalog.events]
    bench.prepare_texts()  # nothing left to read: no thread
    assert "parallax-texts" not in {thread.name for thread in threading.enumerate()}


def test_a_store_built_before_its_titles_were_read_looks_them_up_after(
    loaded: Library,
) -> None:
    """No list of every title once they are read (at 1M events it touched every title and
    the collector walked it: ~250 ms at the first interaction); lookups in the tuple read."""
    catalog = Catalog.load(loaded)
    store = scene_data_from_catalog(catalog, LaneState()).scene().store
    assert isinstance(store.titles, PickedTitles)
    catalog.columns.read_texts()
    assert isinstance(store.titles, PickedTitles)
    expected = [catalog.columns.titles[k] for k in store.ids.tolist()]
    assert [store.titles[k] for k in range(len(store))] == expected
    assert list(store.titles) == expected and list(store.titles[2:5]) == expected[2:5]
    subset = store.subset(np.arange(len(store)) % 3 == 0)
    assert list(subset.titles) == expected[::3]
