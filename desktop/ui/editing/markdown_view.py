"""Notes are Markdown written by people and shown safely.

Raw HTML in a note is escaped, never interpreted (``html=False``); the view loads no resource
(images, style sheets) and opens no link, so a note cannot run, fetch or navigate anything.
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from PySide6.QtWidgets import QWidget

from desktop.ui.compare.safe_text import SafeTextBrowser


def render_markdown(body: str) -> str:
    """HTML for a note's Markdown body; any HTML the note contains comes out as text."""
    parser = MarkdownIt("commonmark", {"html": False, "linkify": False})
    return str(parser.render(body))


class MarkdownView(SafeTextBrowser):
    """Shows one note's Markdown, rendered as above."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("NotePreview")

    def show_markdown(self, body: str) -> None:
        self.setHtml(render_markdown(body))
