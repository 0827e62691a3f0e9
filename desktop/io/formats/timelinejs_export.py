"""Build TimelineJS JSON documents and spreadsheet rows from a ``Bundle`` (no file access)."""

from __future__ import annotations

from html import escape
from typing import Any

from desktop.io.formats.bundle import Bundle, EventData, SourceData
from desktop.io.formats.html_text import SOURCES_CLASS
from desktop.io.formats.timelinejs_dates import circa_display, timelinejs_parts
from desktop.model.dates import DateSpan, HistDate

__all__ = ["CSV_HEADERS", "csv_rows", "event_html", "sources_by_event", "timelinejs_document"]

CSV_HEADERS = (
    "Year",
    "Month",
    "Day",
    "Time",
    "End Year",
    "End Month",
    "End Day",
    "End Time",
    "Display Date",
    "Headline",
    "Text",
    "Media",
    "Media Credit",
    "Media Caption",
    "Media Thumbnail",
    "Type",
    "Group",
    "Background",
)


def _html(text: str) -> str:
    return escape(text, quote=False)


def _paragraphs(text: str) -> str:
    return "".join(f"<p>{escape(line)}</p>" for line in text.split("\n") if line.strip())


def sources_by_event(bundle: Bundle) -> dict[str, list[SourceData]]:
    """For each event key, the sources whose passages link it, in source order."""
    linked: dict[str, set[str]] = {}
    for passage in bundle.passages:
        for link in passage.events:
            linked.setdefault(link.event, set()).add(passage.source)
    return {
        event: [source for source in bundle.sources if source.key in keys]
        for event, keys in linked.items()
    }


def _citation(source: SourceData) -> str:
    label = escape(f"{source.outlet}: {source.title}" if source.outlet else source.title)
    if source.url:
        label = f'<a href="{escape(source.url)}">{label}</a>'
    if source.published:
        label += f" ({escape(HistDate.parse_edtf(source.published).display())})"
    return label


def event_html(event: EventData, sources: list[SourceData]) -> str:
    """The slide text: the summary, one paragraph per line, then the cited sources."""
    html = _paragraphs(event.summary)
    if sources:
        cited = "; ".join(_citation(source) for source in sources)
        html += f'<p class="{SOURCES_CLASS}">Sources: {cited}</p>'
    return html


def _date_object(date: HistDate) -> dict[str, Any]:
    year, month, day = timelinejs_parts(date)
    out: dict[str, Any] = {"year": year}
    if month is not None:
        out["month"] = month
    if day is not None:
        out["day"] = day
    if date.circa:
        out["display_date"] = circa_display(date)
    return out


def _span(start: str, end: str | None) -> DateSpan:
    return DateSpan.from_edtf(start, end)


def timelinejs_document(bundle: Bundle) -> dict[str, Any]:
    """The TimelineJS JSON document of the bundle's events and eras."""
    lanes = {lane.key: lane.name for lane in bundle.lanes}
    cited = sources_by_event(bundle)
    events = []
    for event in bundle.events:
        span = _span(event.start, event.end)
        slide: dict[str, Any] = {"start_date": _date_object(span.start)}
        if span.end is not None:
            slide["end_date"] = _date_object(span.end)
        slide["text"] = {
            "headline": _html(event.title),
            "text": event_html(event, cited.get(event.key, [])),
        }
        slide["group"] = lanes.get(event.lane, event.lane)
        slide["unique_id"] = event.key
        events.append(slide)
    eras = []
    for era in bundle.eras:
        span = _span(era.start, era.end)
        eras.append(
            {
                "start_date": _date_object(span.start),
                "end_date": _date_object(span.last),
                "text": {"headline": _html(era.name)},
            }
        )
    title = {
        "text": {"headline": _html(bundle.meta.title), "text": _paragraphs(bundle.meta.description)}
    }
    return {"title": title, "events": events, "eras": eras}


def _date_cells(date: HistDate | None, prefix: str) -> dict[str, str]:
    if date is None:
        return {}
    year, month, day = timelinejs_parts(date)
    return {
        f"{prefix}Year": str(year),
        f"{prefix}Month": "" if month is None else str(month),
        f"{prefix}Day": "" if day is None else str(day),
    }


def _display_cell(span: DateSpan) -> str:
    circa = span.start.circa or (span.end is not None and span.end.circa)
    return span.display() if circa else ""


def csv_rows(bundle: Bundle) -> list[dict[str, str]]:
    """Spreadsheet rows: the title row, one row per event, one per era (Type "era")."""
    lanes = {lane.key: lane.name for lane in bundle.lanes}
    cited = sources_by_event(bundle)
    rows = [
        {
            "Headline": _html(bundle.meta.title),
            "Text": _paragraphs(bundle.meta.description),
            "Type": "title",
        }
    ]
    for event in bundle.events:
        span = _span(event.start, event.end)
        row = {**_date_cells(span.start, ""), **_date_cells(span.end, "End ")}
        row.update(
            {
                "Display Date": _display_cell(span),
                "Headline": _html(event.title),
                "Text": event_html(event, cited.get(event.key, [])),
                "Group": lanes.get(event.lane, event.lane),
            }
        )
        rows.append(row)
    for era in bundle.eras:
        span = _span(era.start, era.end)
        row = {**_date_cells(span.start, ""), **_date_cells(span.last, "End ")}
        row.update(
            {"Display Date": _display_cell(span), "Headline": _html(era.name), "Type": "era"}
        )
        rows.append(row)
    return [{name: row.get(name, "") for name in CSV_HEADERS} for row in rows]
