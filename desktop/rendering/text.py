"""Cached text for painting: widths per font and QStaticText per (font, text)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetricsF, QStaticText

MAX_CACHED = 20_000


class TextCache:
    """Measures and prepares text for one font; reuse it across frames (the caches are the point).

    Widths, elided strings and prepared QStaticText are kept per text, up to ``MAX_CACHED``.
    """

    def __init__(self, font: QFont) -> None:
        self.font = font
        self.key = font.key()
        self.metrics = QFontMetricsF(font)
        self._static: dict[str, QStaticText] = {}
        self._widths: dict[str, float] = {}
        self._elided: dict[tuple[str, int], str] = {}

    @property
    def height(self) -> float:
        """Line height in pixels."""
        return self.metrics.height()

    def width(self, text: str) -> float:
        """Advance width of ``text``."""
        found = self._widths.get(text)
        if found is None:
            if len(self._widths) > MAX_CACHED:
                self._widths.clear()
            found = self._widths[text] = self.metrics.horizontalAdvance(text)
        return found

    def static(self, text: str) -> QStaticText:
        """A prepared QStaticText for ``text``."""
        found = self._static.get(text)
        if found is None:
            if len(self._static) > MAX_CACHED:
                self._static.clear()
            found = QStaticText(text)
            found.setTextFormat(Qt.TextFormat.PlainText)
            found.setPerformanceHint(QStaticText.PerformanceHint.AggressiveCaching)
            found.prepare(font=self.font)
            self._static[text] = found
        return found

    def elided(self, text: str, width: float) -> str:
        """``text`` cut with "…" to fit ``width`` pixels (itself when it fits)."""
        if width == float("inf") or self.width(text) <= width:
            return text
        key = (text, int(width))
        found = self._elided.get(key)
        if found is None:
            if len(self._elided) > MAX_CACHED:
                self._elided.clear()
            found = self._elided[key] = self.metrics.elidedText(
                text, Qt.TextElideMode.ElideRight, float(int(width))
            )
        return found

    def measure(self) -> Callable[[str], float]:
        """``width`` as a plain callable for the pure layout code."""
        return self.width


_CACHES: dict[str, TextCache] = {}
_LAST: list[tuple[QFont, QFont, TextCache]] = []  # (font asked, a copy of it, its cache)


def text_cache(font: QFont) -> TextCache:
    """The shared cache of ``font`` (keyed by its description). The fonts asked for most
    recently are remembered by identity: a frame asks a dozen times for the same two fonts,
    and ``QFont.key`` costs several microseconds (comparing with a copy, a fraction of one,
    and still notices a font changed in place)."""
    for asked, copy, known in _LAST:
        if asked is font and font == copy:
            return known
    key = font.key()
    found = _CACHES.get(key)
    if found is None:
        found = _CACHES[key] = TextCache(font)
    _LAST.insert(0, (font, QFont(font), found))
    del _LAST[4:]
    return found
