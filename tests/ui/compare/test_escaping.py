"""Imported text can never inject markup, load a remote resource or run anything."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QTextDocument
from pytestqt.qtbot import QtBot

from desktop.ui.compare import ComparePanel
from desktop.ui.compare.safe_text import SafeTextBrowser
from tests.ui.compare.library_kit import EVIL_OUTLET, INJECTION, WAR
from tests.ui.compare.support import Bench, select


def _fragments(document: QTextDocument):  # type: ignore[no-untyped-def]
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            yield it.fragment()
            it += 1
        block = block.next()


def test_markup_in_a_passage_shows_as_literal_text(
    panel: ComparePanel, bench: Bench, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    requested: list[str] = []
    original = SafeTextBrowser.loadResource

    def spy(self, kind, url):  # type: ignore[no-untyped-def]
        requested.append(url.toString())
        return original(self, kind, url)

    monkeypatch.setattr(SafeTextBrowser, "loadResource", spy)
    select(bench, qtbot, WAR.key)
    evil = next(p for p in panel.panes if p.source_key == "evil-2023")
    assert evil.outlet_label.text() == EVIL_OUTLET
    assert evil.outlet_label.textFormat() == Qt.TextFormat.PlainText
    text = evil.blocks[0].text
    assert text.toPlainText() == INJECTION
    assert "&lt;script&gt;" in text.document().toHtml()
    assert "&lt;img src=http://example.com/x.png&gt;" in text.document().toHtml()
    assert not any(f.charFormat().isImageFormat() for f in _fragments(text.document()))
    assert not any(f.charFormat().isAnchor() for f in _fragments(text.document()))
    assert requested == []
    qtbot.wait(50)  # give a would-be image load a chance to happen
    assert requested == []


def test_the_browser_refuses_every_resource_and_link(qtbot) -> None:  # type: ignore[no-untyped-def]
    browser = SafeTextBrowser()
    qtbot.addWidget(browser)
    url = QUrl("http://example.com/x.png")
    assert browser.loadResource(int(QTextDocument.ResourceType.ImageResource.value), url) is None
    assert not browser.openLinks() and not browser.openExternalLinks()


def test_markup_stays_literal_in_the_strip_and_the_reader(
    panel: ComparePanel, bench: Bench, qtbot: QtBot
) -> None:
    select(bench, qtbot, WAR.key)
    frames = panel.strip.frames
    rows = [frames.verticalHeaderItem(i).text() for i in range(frames.rowCount())]
    assert EVIL_OUTLET in rows
    panel.open_reader("evil-2023")
    assert INJECTION in panel.reader.text.toPlainText()
    assert panel.reader.title.text().startswith(EVIL_OUTLET)
    assert panel.reader.title.textFormat() == Qt.TextFormat.PlainText
    html = panel.reader.text.document().toHtml()
    assert "<script" not in html and "<img" not in html
