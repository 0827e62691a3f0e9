"""The Event details panel with a crafted library: values cannot inject HTML or links, and a
link opens only if it is http(s) and the user agreed after seeing the address."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QMessageBox

from db.library import Library, open_library
from db.records import EventRecord, LaneRecord
from desktop.core.workbench import Workbench
from desktop.ui import event_details
from desktop.ui.bridge import WorkbenchSignals
from desktop.ui.event_details import EventDetailsPanel, event_html, safe_color

PLANTED = '#fff"><a href="file:///etc/passwd">click me</a><span style="'


@pytest.fixture
def crafted(tmp_path: Path) -> Library:
    library = open_library(str(tmp_path / "crafted.sqlite"))
    with library.unit_of_work("mallory") as uow:
        uow.lanes.add(LaneRecord(key="evil", name="<b>Evil</b> lane", color=PLANTED))
        uow.events.add(
            EventRecord(
                key="trap",
                title="<a href='file:///x'>Trap</a>",
                start="2001",
                t_lo=11323.0,
                t_hi=11688.0,
                lane="evil",
                summary="<script>alert(1)</script>",
            )
        )
        uow.commit()
    return library


def test_a_planted_colour_cannot_inject_a_link(qtbot, crafted: Library) -> None:  # type: ignore[no-untyped-def]
    workbench = Workbench(crafted)
    event = workbench.catalog.event("trap")
    assert event is not None
    html = event_html(event, workbench.catalog)
    assert "<a " not in html and 'href="file' not in html and "<script" not in html
    assert "#888888" in html  # the planted colour was replaced
    panel = EventDetailsPanel(workbench, WorkbenchSignals(workbench))
    qtbot.addWidget(panel)
    workbench.select(["trap"])
    panel.refresh()
    assert "click me" not in panel.toPlainText()
    assert "<a href='file:///x'>Trap</a>" in panel.toPlainText()  # shown as text
    assert not panel.openExternalLinks() and not panel.openLinks()
    crafted.dispose()


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("#c0392b", "#c0392b"),
        ("#abc", "#abc"),
        ("teal", "teal"),
        ("red;x:1", "#888888"),
        (PLANTED, "#888888"),
        ("", "#888888"),
    ],
)
def test_only_plain_colours_pass(value: str, shown: str) -> None:
    assert safe_color(value) == shown


@pytest.fixture
def panel(qtbot, crafted: Library) -> EventDetailsPanel:  # type: ignore[no-untyped-def]
    workbench = Workbench(crafted)
    widget = EventDetailsPanel(workbench, WorkbenchSignals(workbench))
    qtbot.addWidget(widget)
    yield widget
    crafted.dispose()


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    calls: list[str] = []
    monkeypatch.setattr(
        event_details.QDesktopServices,
        "openUrl",
        staticmethod(lambda url: calls.append(url.toString()) or True),
    )
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a: None))
    return calls


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "javascript:alert(1)", "data:text/html,x", "smb://h/s"]
)
def test_other_schemes_never_open(
    panel: EventDetailsPanel, opened: list[str], url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a: asked.append(a[2])))
    panel.anchorClicked.emit(QUrl(url))
    assert opened == [] and asked == []


def test_a_web_link_opens_only_after_the_user_saw_it_and_agreed(
    panel: EventDetailsPanel, opened: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    questions: list[str] = []
    answer = QMessageBox.StandardButton.No

    def question(*args: object) -> QMessageBox.StandardButton:
        questions.append(str(args[2]))
        return answer

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    panel.anchorClicked.emit(QUrl("https://example.org/report?id=1"))
    assert opened == [] and "https://example.org/report?id=1" in questions[-1]
    answer = QMessageBox.StandardButton.Yes
    panel.anchorClicked.emit(QUrl("https://example.org/report?id=1"))
    assert opened == ["https://example.org/report?id=1"]
