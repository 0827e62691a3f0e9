"""The comparison report as a PDF: the report's HTML laid out by ``QTextDocument`` on pages of
a ``QPdfWriter`` (text stays text, so it can be searched and copied).

The PDF is made in memory, then written through Python to a temporary file in the target
folder, flushed and moved into place: a failed write (a full disk too) leaves the old file and
raises ``OSError`` naming the target.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QSizeF
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from desktop.io.formats.atomic import write_bytes_atomic
from desktop.rendering.headless import ensure_gui_application

PDF_RESOLUTION = 300
MARGIN_MM = 11.0
FONT_PT = 7.0  # a printed report's body text: an event with five sources fits in three A4 pages


def write_html_pdf(
    html: str, path: str | os.PathLike[str], title: str = "", page: str = "A4"
) -> int:
    """Lay ``html`` out on ``page``-sized pages and write the PDF; returns the page count."""
    ensure_gui_application()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(title)
    writer.setCreator("Parallax")
    writer.setResolution(PDF_RESOLUTION)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(page_size_id(page)),
            QPageLayout.Orientation.Portrait,
            QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
            QPageLayout.Unit.Millimeter,
        )
    )
    document = QTextDocument()
    font = QFont(document.defaultFont())
    font.setPointSizeF(FONT_PT)
    document.setDefaultFont(font)
    document.documentLayout().setPaintDevice(writer)  # lay out in the writer's units
    document.setPageSize(QSizeF(writer.width(), writer.height()))
    document.setHtml(html)
    pages = document.pageCount()
    document.print_(writer)
    del writer  # finishes the PDF
    buffer.close()
    data = bytes(buffer.data().data())
    if not data:
        raise OSError(f"the PDF writer produced nothing for {path}")
    write_bytes_atomic(path, data)
    return pages


def page_size_id(name: str) -> QPageSize.PageSizeId:
    """The Qt page size for "A4", "A3", "A0" or "letter" (case-insensitive)."""
    sizes = {
        "a4": QPageSize.PageSizeId.A4,
        "a3": QPageSize.PageSizeId.A3,
        "a0": QPageSize.PageSizeId.A0,
        "letter": QPageSize.PageSizeId.Letter,
    }
    try:
        return sizes[name.lower()]
    except KeyError:
        raise ValueError(f"unknown page size {name!r} (use A4, A3, A0 or letter)") from None
