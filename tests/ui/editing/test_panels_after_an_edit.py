"""After an event's edit or undo, the side panels read the library again only when they show
something it changed: the codebook and coder agreement never (an event holds no codings), the
notes when a note is about the event, the import review when a suggestion names it. At 100k
events these reads were a third of an edit's time."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pytest

from desktop.core import reads
from desktop.core.editing import CreateNote, EditEvent
from desktop.core.importing import import_document
from desktop.core.importing.review import SuggestionKind
from desktop.model.changes import Changes
from desktop.ui.importing.review_panel import ReviewPanel
from desktop.ui.team.agreement_panel import AgreementPanel
from tests.core.importing.helpers import CORPUS, SOURCE_OF, corpus

READS = ("coding_counts", "notes", "coders", "sources_for_review")


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """How often each panel's read of the library ran."""
    calls: Counter[str] = Counter()

    def counting(name: str) -> Callable[..., Any]:
        read = getattr(reads, name)

        def run(*args: Any) -> Any:
            calls[name] += 1
            return read(*args)

        return run

    for name in READS:
        monkeypatch.setattr(reads, name, counting(name))
    return calls


def rename(qtbot: Any, window: Any, key: str, title: str) -> None:
    event = window.workbench.catalog.event(key)
    with qtbot.waitSignal(window.signals.catalog_changed):
        assert window.session.editing.controller.execute(
            EditEvent(event, replace(event, title=title))
        )


def undo(qtbot: Any, window: Any) -> None:
    with qtbot.waitSignal(window.signals.catalog_changed):
        window.menu_actions.undo.trigger()


def test_an_event_edit_rereads_only_the_panels_that_show_the_event(
    qtbot: Any, window: Any, counted: Counter[str]
) -> None:
    bench, editing = window.workbench, window.session.editing
    agreement = window.findChild(AgreementPanel)
    window.panels.show("agreement")  # shown: it lists the coders at each change it concerns
    qtbot.waitUntil(agreement.isVisible)
    war = next(e for e in bench.catalog.events if e.start == "2008-08-07")
    other = next(e for e in bench.catalog.events if e.key != war.key)
    with qtbot.waitSignal(window.signals.catalog_changed):
        assert editing.controller.execute(CreateNote("event", war.key, "a memo"))
    counted.clear()
    rename(qtbot, window, other.key, "Renamed elsewhere")
    undo(qtbot, window)
    assert not counted  # no panel shows that event
    assert (
        window.timeline_widget.view.scene.data.rows.titles[
            window.timeline_widget.view.scene.data.id_of_key[other.key]
        ]
        == other.title
    )  # (the timeline did follow, there and back)
    rename(qtbot, window, war.key, "The August war")
    assert counted["notes"] and not counted["coding_counts"] and not counted["coders"]
    assert "The August war" in editing.notes.list.item(0).text()
    undo(qtbot, window)
    assert war.title in editing.notes.list.item(0).text()
    counted.clear()
    editing.controller.changed.emit(Changes.of(codes=["any"]))
    window.signals.catalog_changed.emit(Changes.of(passages=["any"]))
    assert counted["coding_counts"] == 1 and counted["coders"] == 1
    assert counted["sources_for_review"] == 2  # (the controller's change and the catalog's)


def test_the_review_reads_its_suggestions_again_when_one_names_the_edited_event(
    qtbot: Any, window: Any, counted: Counter[str]
) -> None:
    import_document(window.workbench.library, corpus(CORPUS[4]), suggest=True)
    with qtbot.waitSignal(window.signals.catalog_changed):
        window.workbench.reload()
    panel = window.findChild(ReviewPanel)
    panel.reload_sources()
    panel.show_source(SOURCE_OF[CORPUS[4]])
    link = next(item for item in panel.items if item.kind == SuggestionKind.LINK)
    assert link.event_key is not None
    named = {item.event_key for item in panel.items}
    other = next(key for key in window.workbench.catalog.keys if key not in named)
    counted.clear()
    rename(qtbot, window, other, "Renamed elsewhere")
    assert not counted["sources_for_review"]
    rename(qtbot, window, link.event_key, "A renamed linked event")
    assert counted["sources_for_review"]
    shown = [panel.table.topLevelItem(k).text(1) for k in range(panel.table.topLevelItemCount())]
    assert any("A renamed linked event" in text for text in shown)
    undo(qtbot, window)
    shown = [panel.table.topLevelItem(k).text(1) for k in range(panel.table.topLevelItemCount())]
    assert not any("A renamed linked event" in text for text in shown)


def test_the_filters_list_lanes_and_tags_again_only_when_they_changed(
    qtbot: Any, window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    panel = window.filters_panel
    filled: list[int] = []
    fill = panel._fill_lists
    monkeypatch.setattr(panel, "_fill_lists", lambda: filled.append(1) or fill())
    war = next(e for e in window.workbench.catalog.events if e.start == "2008-08-07")
    rename(qtbot, window, war.key, "The August war")
    assert not filled and panel.count_label.text().endswith(
        f"{window.workbench.catalog.count} events"
    )
    tagged = replace(window.workbench.catalog.event(war.key), tags=(*war.tags, "zz-new-tag"))
    with qtbot.waitSignal(window.signals.catalog_changed):
        assert window.session.editing.controller.execute(
            EditEvent(window.workbench.catalog.event(war.key), tagged)
        )
    assert filled  # a tag new to the library: the tags are listed again, with it
    shown = [panel.tags.item(k).text() for k in range(panel.tags.count())]
    assert "zz-new-tag" in shown
