"""The Event details panel: everything the library knows about the selected event.

Shows the workbench's ``selected_event`` (the last one selected) and follows
``selection_changed`` (one turn later, after the timeline's highlight) and ``catalog_changed``.
The text is built by ``event_html``, a pure function of the record, the catalog and the date
format, and shown in a read-only browser so it can be selected, copied and read by screen
readers.

A library may come from someone else, so nothing in it is trusted: every value is escaped,
colours must look like colours, and the panel never opens a link by itself. A link (from a
future field or a crafted value) opens only if it is http(s), and only after the user has seen
the address and agreed.
"""

from __future__ import annotations

import re
from html import escape

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QTextBrowser, QWidget

from db.records import EventRecord
from desktop.core.catalog import Catalog
from desktop.core.workbench import Workbench
from desktop.model.dates import DateParseError, DateSpan
from desktop.ui.after_highlight import NextTurn
from desktop.ui.bridge import WorkbenchSignals

IMPORTANCE_NAMES = {1: "key event", 2: "major event", 3: "minor event"}
NOTHING_SELECTED = "Select an event on the timeline to see its details here."
DEFAULT_CHIP = "#888888"
_COLOR = re.compile(r"#(?:[0-9a-fA-F]{3}){1,2}|#[0-9a-fA-F]{8}|[a-zA-Z]{3,20}")
SAFE_SCHEMES = ("http", "https")


def safe_color(value: str | None) -> str:
    """``value`` if it is a plain colour (#rgb, #rrggbb, #rrggbbaa or a name), else grey."""
    text = (value or "").strip()
    return text if _COLOR.fullmatch(text) else DEFAULT_CHIP


def _chip(color: str | None) -> str:
    return f'<span style="color:{escape(safe_color(color), quote=True)}">&#9632;</span>'


def event_dates(event: EventRecord, date_format: str = "long") -> str:
    """The event's dates: "7–12 August 2008" (``long``) or "2008-08-07 – 2008-08-12" (``iso``)."""
    if date_format == "iso":
        return event.start + (f" – {event.end}" if event.end else "")
    try:
        return DateSpan.from_edtf(event.start, event.end).display()
    except DateParseError:
        return event.start + (f" – {event.end}" if event.end else "")


def _importance(value: int) -> str:
    name = IMPORTANCE_NAMES.get(value)
    return f"{value} ({name})" if name else str(value)


def _row(label: str, value: str) -> str:
    return f"<tr><td><b>{escape(label)}</b>&nbsp;</td><td>{value}</td></tr>"


def _sources_html(event: EventRecord, catalog: Catalog) -> str:
    covering = catalog.coverage.get(event.key, ())
    if not covering:
        return "<p><i>No source in the library speaks of this event yet.</i></p>"
    colors = catalog.source_colors()
    titles = {source.key: source for source in catalog.sources}
    items = []
    for key in covering:
        source = titles.get(key)
        name = escape(source.title if source else key)
        outlet = escape(source.outlet) if source and source.outlet else ""
        chip = _chip(colors.get(key))
        items.append(f"<li>{chip} {name}{' — ' + outlet if outlet else ''}</li>")
    count = catalog.passage_counts.get(event.key, 0)
    passages = f"{count} passage{'s' if count != 1 else ''}"
    return f"<p><b>Sources covering it</b> ({passages})</p><ul>{''.join(items)}</ul>"


def event_html(
    event: EventRecord, catalog: Catalog, date_format: str = "long", selected_count: int = 1
) -> str:
    """The panel's HTML for ``event``; every value from the library is escaped."""
    lanes = {lane.key: lane for lane in catalog.lanes}
    lane = lanes.get(event.lane)
    lane_html = (
        f"{_chip(lane.color)} {escape(lane.name)}" if lane else escape(event.lane or "Unassigned")
    )
    rows = [
        _row("When", escape(event_dates(event, date_format))),
        _row("Lane", lane_html),
        _row("Importance", escape(_importance(event.importance))),
    ]
    if event.actors:
        rows.append(_row("Actors", escape(", ".join(event.actors))))
    if event.tags:
        rows.append(_row("Tags", escape(", ".join(event.tags))))
    parts = [f"<h3>{escape(event.title)}</h3>"]
    if selected_count > 1:
        parts.append(f"<p><i>{selected_count} events selected; showing the last one.</i></p>")
    parts.append(f"<table>{''.join(rows)}</table>")
    if event.summary:
        parts.append(f"<p>{escape(event.summary)}</p>")
    parts.append(_sources_html(event, catalog))
    return "".join(parts)


class EventDetailsPanel(QTextBrowser):
    def __init__(
        self,
        workbench: Workbench,
        signals: WorkbenchSignals,
        date_format: str = "long",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.workbench = workbench
        self.date_format = date_format
        self.setObjectName("EventDetailsPanel")
        self.setAccessibleName("Event details")
        self.setOpenExternalLinks(False)
        self.setOpenLinks(False)  # never follow a link inside the panel either
        self.anchorClicked.connect(self.open_link)
        self.fill_after_highlight = NextTurn(self, self.refresh)
        signals.selection_changed.connect(self.fill_after_highlight.schedule)
        signals.catalog_changed.connect(self.refresh)
        self.refresh()

    def open_link(self, url: QUrl) -> bool:
        """Open an http(s) ``url`` in the browser after the user confirmed the address;
        refuse every other scheme (file:, javascript:, data: ...). True if it was opened."""
        shown = url.toDisplayString()
        if url.scheme().lower() not in SAFE_SCHEMES:
            QMessageBox.warning(
                self,
                "Link not opened",
                f"Parallax opens only web links (http, https), not:\n{shown}",
            )
            return False
        answer = QMessageBox.question(
            self, "Open link?", f"Open this address in your web browser?\n\n{shown}"
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        return bool(QDesktopServices.openUrl(url))

    def set_date_format(self, date_format: str) -> None:
        self.date_format = date_format
        self.refresh()

    def refresh(self) -> None:
        key = self.workbench.selected_event
        event = self.workbench.catalog.event(key) if key else None
        if event is None:
            self.setHtml(f"<p><i>{escape(NOTHING_SELECTED)}</i></p>")
            return
        self.setHtml(
            event_html(
                event, self.workbench.catalog, self.date_format, len(self.workbench.selection)
            )
        )
