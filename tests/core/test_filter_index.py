"""The filter index answers as ``matching_keys`` does, also while the search narrows."""

from __future__ import annotations

import numpy as np
import pytest

from db.library import Library
from db.records import EventRecord
from desktop.core.catalog import Catalog
from desktop.core.filter_index import FilterIndex
from desktop.core.filters import Filters, matching_keys
from tests.support import with_events

EVENTS = tuple(
    EventRecord(
        key=f"e{k}",
        title=("Summit in Minsk", "Gas dispute", "Minsk agreement signed", "Gas summit")[k % 4],
        start="2014",
        t_lo=float(k),
        t_hi=float(k + 1),
        lane=("ukraine", "belarus")[k % 2],
        importance=1 + k % 3,
        tags=("energy",) if k % 5 == 0 else (),
        summary="talks" if k % 7 == 0 else "",
    )
    for k in range(60)
)


@pytest.fixture
def catalog(sqlite_library: Library) -> Catalog:
    return Catalog.load(with_events(sqlite_library, EVENTS))


@pytest.mark.parametrize(
    "filters",
    [
        Filters(),
        Filters(max_importance=1),
        Filters(max_importance=2, text="minsk"),
        Filters(text="GAS summit"),
        Filters(text="talks"),
        Filters(lanes=frozenset({"belarus"}), max_importance=2),
        Filters(tags=frozenset({"energy"}), text="gas"),
        Filters(text="nothing at all"),
    ],
)
def test_same_keys_as_matching_keys(catalog: Catalog, filters: Filters) -> None:
    found = FilterIndex(catalog).matching_keys(filters)
    assert found == matching_keys(catalog, filters)
    assert 0 < len(found) < len(EVENTS) or not filters.active or filters.text == "nothing at all"


def test_typing_narrows_and_deleting_widens_again(catalog: Catalog) -> None:
    index = FilterIndex(catalog)
    typed = ["m", "mi", "min", "mins", "minsk", "minsk ", "minsk a", "minsk", "mi", "", "g"]
    for text in typed:
        filters = Filters(text=text, max_importance=2)
        assert index.matching_keys(filters) == matching_keys(catalog, filters), text


def test_typing_on_while_every_match_stays_reuses_the_last_mask(catalog: Catalog) -> None:
    index = FilterIndex(catalog)
    summ = index.search.holding("summ")
    assert index.search.holding("summi") is summ  # 'summi' matches what 'summ' did
    assert index.search.holding("summit") is summ
    assert not np.array_equal(index._text_mask(["summit", "gas"]), summ)  # fewer
    for text in ("summ", "summi", "summit gas"):
        filters = Filters(text=text)
        assert index.matching_keys(filters) == matching_keys(catalog, filters), text
