"""Turn the slides read from a TimelineJS file (JSON or spreadsheet) into a checked ``Bundle``.

The result is complete or ``build_bundle`` raises ``FormatError``; nothing is half-imported.
Rules: the title slide gives the library's title and description; eras become eras; every
other slide is an event unless it is a placeholder (a display date without letters or digits,
such as ".", which timeline authors use to label groups). Groups become lanes in order of first
appearance (placeholders count, so they fix the lane order); slides without a group go to a
"Timeline" lane. HTML is reduced to plain text. Events are sorted chronologically.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.io.formats.bundle import Bundle, EraData, EventData, MetaData
from desktop.io.formats.errors import FormatError
from desktop.io.formats.html_text import html_to_text
from desktop.io.formats.integrity import check_integrity
from desktop.io.formats.keys import KeyMaker
from desktop.io.formats.lane_registry import LaneRegistry
from desktop.io.formats.timelinejs_dates import (
    RawDate,
    end_is_circa,
    histdate_from_raw,
    is_circa,
)
from desktop.model.dates import DateSpan

__all__ = ["RawSlide", "build_bundle"]

ERA_COLOR = "#e8e8e8"


@dataclass(frozen=True, slots=True)
class RawSlide:
    """One slide as read from a file; ``kind`` is "title", "era" or "event"."""

    where: str
    kind: str
    headline_html: str
    text_html: str
    start: RawDate | None
    end: RawDate | None
    display: str
    group: str
    unique_id: str


def _is_placeholder(slide: RawSlide) -> bool:
    shown = slide.display.strip()
    return bool(shown) and not any(char.isalnum() for char in shown)


def _span(slide: RawSlide) -> DateSpan:
    if slide.start is None:
        raise FormatError(f"{slide.where}: field '{_start_field(slide)}': a start date is required")
    start = histdate_from_raw(slide.start, circa=is_circa(slide.display))
    raw_end = slide.end
    if raw_end is None or all(_blank(part) for part in (raw_end.year, raw_end.month, raw_end.day)):
        return DateSpan(start)
    end = histdate_from_raw(raw_end, circa=end_is_circa(slide.display))
    try:
        return DateSpan(start, None if end == start else end)
    except ValueError as exc:
        raise FormatError(f"{slide.where}: field '{raw_end.fields[0]}': {exc}") from exc


def _blank(part: object) -> bool:
    return part is None or (isinstance(part, str) and not part.strip())


def _start_field(slide: RawSlide) -> str:
    return "Year" if slide.where.startswith("row") else "start_date"


def _title(slide: RawSlide) -> str:
    title = html_to_text(slide.headline_html).replace("\n", " ")
    if title:
        return title
    words = html_to_text(slide.text_html).split()
    if not words:
        raise FormatError(f"{slide.where}: field 'headline': the slide has no headline or text")
    return " ".join(words[:8]) + ("\u2026" if len(words) > 8 else "")


def _event(slide: RawSlide, keys: KeyMaker, lanes: LaneRegistry) -> tuple[DateSpan, EventData]:
    span = _span(slide)
    start, end = span.to_edtf()
    title = _title(slide)
    event = EventData(
        key=keys.take(slide.unique_id.strip() or title),
        title=title,
        start=start,
        end=end,
        lane=lanes.key_for(slide.group),
        summary=html_to_text(slide.text_html),
    )
    return span, event


def _era(slide: RawSlide, keys: KeyMaker) -> EraData:
    span = _span(slide)
    start, end = span.to_edtf()
    name = _title(slide)
    return EraData(key=keys.take(name), name=name, start=start, end=end or start, color=ERA_COLOR)


def _meta(slides: list[RawSlide], fallback_title: str) -> MetaData:
    for slide in slides:
        if slide.kind == "title":
            title = html_to_text(slide.headline_html).replace("\n", " ") or fallback_title
            return MetaData(title=title, description=html_to_text(slide.text_html))
    return MetaData(title=fallback_title)


def _left_out(placeholders: int) -> tuple[str, ...]:
    if not placeholders:
        return ()
    plural = "" if placeholders == 1 else "s"
    return (f"left out {placeholders} placeholder slide{plural} (group labels, not events)",)


def build_bundle(slides: list[RawSlide], fallback_title: str) -> Bundle:
    """The library the slides describe; raises ``FormatError`` naming the slide and field."""
    lanes, event_keys, era_keys = LaneRegistry(), KeyMaker("event"), KeyMaker("era")
    dated: list[tuple[DateSpan, int, EventData]] = []
    eras: list[EraData] = []
    placeholders = 0
    for slide in slides:
        if slide.kind == "era":
            eras.append(_era(slide, era_keys))
        elif slide.kind == "event" and _is_placeholder(slide):
            lanes.key_for(slide.group)
            placeholders += 1
        elif slide.kind == "event":
            span, event = _event(slide, event_keys, lanes)
            dated.append((span, len(dated), event))
    dated.sort(key=lambda item: (item[0].sort_key(), item[1]))
    bundle = Bundle(
        meta=_meta(slides, fallback_title),
        lanes=lanes.records(),
        eras=tuple(eras),
        events=tuple(event for _, _, event in dated),
        notices=_left_out(placeholders),
    )
    check_integrity(bundle)
    return bundle
