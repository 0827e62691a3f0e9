"""An edit made while the library cannot be reached is kept, counted in the banner, sent once
the library is back, and then joins the undo history like any other edit."""

from __future__ import annotations

from typing import Any

import pytest

from db.errors import LibraryUnavailableError
from db.library import Library
from desktop.core.editing import CreateNote
from desktop.ui.team.banner import ConnectionBanner


@pytest.fixture
def outage(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """While ``down[0]`` is True every unit of work fails as an unreachable server does."""
    down = [False]
    real = Library.unit_of_work

    def unit_of_work(self: Library, author: str = "") -> Any:
        if down[0]:
            raise LibraryUnavailableError("connection refused (test outage)")
        return real(self, author)

    monkeypatch.setattr(Library, "unit_of_work", unit_of_work)
    return down


def note_bodies(library: Library) -> list[str]:
    with library.unit_of_work() as uow:
        return sorted(note.body for note in uow.notes.list())


def test_an_edit_during_an_outage_waits_then_lands_and_undoes(
    window: Any, outage: list[bool]
) -> None:
    hub = window.session.team.hub
    assert hub is not None
    hub.stop()  # the test drives the retries (the banner's Retry button)
    controller = window.session.editing.controller
    war = next(e for e in window.workbench.catalog.events if e.start == "2008-08-07")
    banner = window.findChild(ConnectionBanner, "ConnectionBanner")
    outage[0] = True

    assert not controller.execute(CreateNote("event", war.key, "written offline", "tester"))
    assert len(controller.waiting) == 1 and controller.history.index == 0
    assert banner.isVisible() and "1 edit(s) waiting" in banner.label.text()
    warnings: list[str] = []
    controller.warn = lambda title, message: warnings.append(title)
    assert not controller.undo()  # kept edits go first: undo waits for them
    assert warnings == ["Edits are waiting to be saved"]

    outage[0] = False
    banner.retry.click()
    assert not controller.waiting and not banner.isVisible()
    assert note_bodies(controller.library) == ["written offline"]
    assert controller.history.index == 1 and window.menu_actions.undo.isEnabled()
    assert controller.undo()
    assert note_bodies(controller.library) == []


def test_an_edit_made_online_is_not_kept(window: Any, outage: list[bool]) -> None:
    controller = window.session.editing.controller
    war = next(e for e in window.workbench.catalog.events if e.start == "2008-08-07")
    assert controller.execute(CreateNote("event", war.key, "online", "tester"))
    assert not controller.waiting and note_bodies(controller.library) == ["online"]
