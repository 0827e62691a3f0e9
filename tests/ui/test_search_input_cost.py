"""A long search (typed, or pasted as keystrokes) costs one filtering, not one per character,
and no search looks at more than a bounded number of words."""

from __future__ import annotations

from pathlib import Path

import pytest

from db.library import Library
from db.search import MAX_QUERY_WORDS, query_words
from desktop.core.filters import MAX_SEARCH_WORDS, search_words
from desktop.core.workbench import Workbench
from desktop.ui.bridge import WorkbenchSignals
from desktop.ui.filters_panel import FiltersPanel

LONG = " ".join(f"word{i}" for i in range(2000))


def test_typing_a_long_search_filters_once(
    qtbot,
    sqlite_library: Library,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    workbench = Workbench(sqlite_library)
    panel = FiltersPanel(workbench, WorkbenchSignals(workbench))
    qtbot.addWidget(panel)
    calls: list[str] = []
    real = workbench.set_filters
    monkeypatch.setattr(
        workbench, "set_filters", lambda filters: (calls.append(filters.text), real(filters))
    )
    qtbot.keyClicks(panel.search, LONG[:600])
    qtbot.waitUntil(lambda: workbench.filters.text == LONG[:600])
    assert len(calls) <= 3, len(calls)


def test_search_words_are_distinct_and_bounded() -> None:
    assert len(search_words(LONG)) == MAX_SEARCH_WORDS
    assert search_words("War war WAR peace") == ["war", "peace"]
    words = query_words(LONG)
    assert len(words) == MAX_QUERY_WORDS and words[-1] == "word1999"


def test_fts_search_of_a_pasted_page_is_quick(sqlite_library: Library, tmp_path: Path) -> None:
    from db.search import search

    with sqlite_library.unit_of_work() as uow:
        assert search(uow.session, LONG * 5) == []
