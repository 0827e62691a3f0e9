"""Turn the HTML snippets found in timeline files into plain text, safely.

Uses the standard library's ``html.parser`` (no network, no entity expansion beyond HTML's
own, no script execution). Block elements become line breaks, ``script``/``style`` content is
dropped, entities are decoded, runs of spaces collapse. Elements carrying the class
``parallax-sources`` are skipped: Parallax writes its source citations in them on export, and
they are not part of the event's own text.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

__all__ = ["SOURCES_CLASS", "html_to_text"]

SOURCES_CLASS = "parallax-sources"
_BLOCKS = frozenset(
    {
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "blockquote",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "tr",
        "table",
        "section",
        "article",
        "header",
        "footer",
        "pre",
        "hr",
    }
)
_DROPPED = frozenset({"script", "style", "template", "noscript"})
_VOID = frozenset(
    {
        "br",
        "hr",
        "img",
        "input",
        "meta",
        "link",
        "area",
        "base",
        "col",
        "embed",
        "source",
        "track",
        "wbr",
    }
)


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip_stack: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = " ".join(value or "" for name, value in attrs if name == "class").split()
        if self._skip_stack or tag in _DROPPED or SOURCES_CLASS in classes:
            if tag not in _VOID:
                self._skip_stack.append(tag)
            return
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if self._skip_stack:
            if tag == self._skip_stack[-1]:
                self._skip_stack.pop()
            return
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip_stack:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    """Plain text of an HTML fragment: one line per block, single spaces, trimmed."""
    collector = _TextCollector()
    collector.feed(markup)
    collector.close()
    raw = "".join(collector.parts)
    lines = (re.sub(r"[ \t\r\f\v\u00a0]+", " ", line).strip() for line in raw.split("\n"))
    return "\n".join(line for line in lines if line)
