"""Labelled header blocks: ``title: …``, ``published: 2023-09-20 15:42``, ``автор: …``.

Texts saved from the web or exported by tools often begin with a block of ``label: value``
lines (in English, Russian or Ukrainian). They are metadata, not prose: ``labelled_header``
reads them (a title line may come first) and says where the block ends, so the body can be
read without them. Dates are read with dateparser in the languages of the region, at the
precision written (a time of day is dropped).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

import dateparser

from desktop.model.dates import DateParseError, DateSpan

_MAX_LINES = 14
_FIELDS = {
    "title": ("title", "headline", "заголовок", "назва"),
    "authors": ("author", "authors", "by", "byline", "автор", "авторы", "автори"),
    "published": (
        "published",
        "posted",
        "date",
        "updated",
        "опубликовано",
        "дата",
        "опубліковано",
        "дата публикации",
        "дата публікації",
    ),
    "outlet": ("outlet", "source", "publisher", "издание", "источник", "видання", "джерело"),
    "url": ("url", "link", "ссылка", "посилання"),
}
_LANGUAGES = ["en", "ru", "uk", "de", "fr", "tr", "az"]


@dataclass(frozen=True, slots=True)
class LabelledHeader:
    """Values found by field name, with the 1-based line each came from, and the offset where
    the header block ends (0 when there is none)."""

    values: dict[str, tuple[str, int]] = field(default_factory=dict)
    end: int = 0


@cache
def _label() -> re.Pattern[str]:
    names = sorted((n for names in _FIELDS.values() for n in names), key=len, reverse=True)
    return re.compile(rf"^\s*({'|'.join(map(re.escape, names))})\s*:\s*(.*?)\s*$", re.I)


def _field_of(label: str) -> str:
    lower = label.lower()
    return next(name for name, labels in _FIELDS.items() if lower in labels)


def labelled_header(text: str) -> LabelledHeader:
    """The labelled lines at the start of ``text`` (see the module docstring)."""
    values: dict[str, tuple[str, int]] = {}
    end = 0
    offset = 0
    seen_lines = 0
    for number, line in enumerate(text.split("\n")[:_MAX_LINES], start=1):
        line_end = offset + len(line) + 1
        stripped = line.strip()
        offset = line_end
        if not stripped:
            continue
        seen_lines += 1
        match = _label().match(stripped)
        if match is None:
            if values:
                break
            if seen_lines > 2:
                return LabelledHeader()
            continue
        values.setdefault(_field_of(match.group(1)), (match.group(2), number))
        end = min(line_end, len(text))
    return LabelledHeader(values, end) if values else LabelledHeader()


def header_date(value: str) -> str | None:
    """The EDTF date of a header value ("2023-09-20 15:42", "27.12.2024", "15 ноября 2024")."""
    value = value.strip()
    iso = re.match(r"^(\d{4})-(\d{2})(?:-(\d{2}))?", value)
    if iso:
        return "-".join(part for part in iso.groups() if part)
    try:
        return DateSpan.parse(value).start.to_edtf()
    except (DateParseError, ValueError):
        pass
    dotted = re.match(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})\b", value)
    if dotted:
        day, month, year = dotted.groups()
        return f"{year}-{int(month):02d}-{int(day):02d}"
    settings = {"PREFER_DAY_OF_MONTH": "first", "RETURN_TIME_AS_PERIOD": False}
    parsed = dateparser.parse(value, languages=_LANGUAGES, settings=settings)
    if parsed is None or not re.search(r"\d{4}", value):
        return None
    has_day = re.search(r"(?<!\d)\d{1,2}(?!\d)", re.sub(r"\d{4}", "", value)) is not None
    return str(parsed.strftime("%Y-%m-%d" if has_day else "%Y-%m"))
