"""Metadata of a web page from its head: citation_* tags, JSON-LD articles, Open Graph, etc.

Sources are tried in order of trust: scholarly ``citation_*`` tags, then a schema.org
``*Article`` in JSON-LD, then Open Graph / ``article:*`` / ``author`` / microdata
(``itemprop``) meta tags, then ``<title>``. Each value records which of these it came from.
Dates are read as ISO first; a date written in words is read by dateparser.
"""

from __future__ import annotations

import json
import re
from datetime import datetime
from html.parser import HTMLParser
from typing import Any

from desktop.io.documents.model import DocumentMetadata, Found

_ISO_DATE = re.compile(r"^\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_DATE_KEYS = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "date",
    "dc.date",
    "dc.date.issued",
    "pubdate",
    "publishdate",
    "parsely-pub-date",
    "sailthru.date",
)
_DATE_LANGUAGES = ["en", "ru", "uk", "de", "fr", "tr", "az"]
_CITATION_DATE = re.compile(r"^\s*(\d{4})(?:[/-](\d{1,2})(?:[/-](\d{1,2}))?)?\s*$")


class _HeadCollector(HTMLParser):
    """Collects meta tags, <title>, <html lang>, canonical link and JSON-LD script bodies."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, list[str]] = {}
        self.title = ""
        self.lang = ""
        self.canonical = ""
        self.json_ld: list[str] = []
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k.lower(): v or "" for k, v in attrs}
        if tag == "html":
            self.lang = values.get("lang", "") or values.get("xml:lang", "")
        elif tag == "meta":
            key = values.get("property") or values.get("name") or values.get("itemprop") or ""
            if key.strip() and values.get("content", "").strip():
                self.meta.setdefault(key.strip().lower(), []).append(values["content"].strip())
        elif tag == "time" and values.get("itemprop", "").lower() == "datepublished":
            if values.get("datetime", "").strip():
                self.meta.setdefault("datepublished", []).append(values["datetime"].strip())
        elif tag == "link" and "canonical" in values.get("rel", "").lower():
            self.canonical = values.get("href", "")
        elif tag == "title" and not self.title:
            self._in = "title"
        elif tag == "script" and "ld+json" in values.get("type", "").lower():
            self._in = "json"
            self.json_ld.append("")

    def handle_endtag(self, tag: str) -> None:
        self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "title":
            self.title += data
        elif self._in == "json":
            self.json_ld[-1] += data


def html_metadata(html: str) -> DocumentMetadata:
    """Metadata proposed from the tags of ``html``; fields the page does not state are None."""
    head = _HeadCollector()
    head.feed(html)
    head.close()
    article = _json_ld_article(head.json_ld)
    meta = head.meta

    def first(*keys: str) -> Found[str] | None:
        for key in keys:
            if meta.get(key):
                return Found(meta[key][0], f"html meta {key}")
        return None

    return DocumentMetadata(
        title=first("citation_title")
        or _ld(article, "headline")
        or first("og:title", "twitter:title", "dc.title", "headline")
        or _ld(article, "name")
        or (Found(" ".join(head.title.split()), "html <title>") if head.title.strip() else None),
        authors=_authors(meta, article),
        published=_published(meta, article),
        outlet=first("citation_journal_title", "citation_publisher")
        or _ld_name(article, "publisher")
        or first("og:site_name", "application-name"),
        url=first("citation_public_url", "og:url")
        or (Found(head.canonical, "html link canonical") if head.canonical else None),
        language=(Found(head.lang, "html lang") if head.lang else None)
        or _locale(meta.get("og:locale", [])),
    )


def _json_ld_article(scripts: list[str]) -> dict[str, Any]:
    for script in scripts:
        body = script.strip().removeprefix("<![CDATA[").removesuffix("]]>").strip()
        try:
            data = json.loads(body)
        except ValueError:
            continue
        for item in _json_ld_items(data):
            if "Article" in str(item.get("@type", "")):
                return item
    return {}


def _json_ld_items(data: Any) -> list[dict[str, Any]]:
    """The objects of a JSON-LD document: a list of them, one, or one with an ``@graph``."""
    items = data if isinstance(data, list) else [data]
    if isinstance(data, dict) and isinstance(data.get("@graph"), list):
        items = [data, *data["@graph"]]
    return [item for item in items if isinstance(item, dict)]


def _ld(article: dict[str, Any], key: str) -> Found[str] | None:
    value = article.get(key)
    return Found(value.strip(), f"json-ld {key}") if isinstance(value, str) and value else None


def _ld_name(article: dict[str, Any], key: str) -> Found[str] | None:
    value = article.get(key)
    if isinstance(value, list) and value:
        value = value[0]
    if isinstance(value, dict):
        value = value.get("name")
    if isinstance(value, str) and value.strip():
        return Found(value.strip(), f"json-ld {key}")
    return None


def _authors(meta: dict[str, list[str]], article: dict[str, Any]) -> Found[tuple[str, ...]] | None:
    if meta.get("citation_author"):
        return Found(tuple(meta["citation_author"]), "html meta citation_author")
    raw = article.get("author")
    people = raw if isinstance(raw, list) else [raw]
    names = [p.get("name") if isinstance(p, dict) else p for p in people]
    clean = tuple(n.strip() for n in names if isinstance(n, str) and n.strip())
    if clean:
        return Found(clean, "json-ld author")
    for key in ("author", "article:author", "dc.creator", "parsely-author", "sailthru.author"):
        values = [v for v in meta.get(key, []) if not v.startswith("http")]
        if values:
            return Found(tuple(values), f"html meta {key}")
    return None


def _published(meta: dict[str, list[str]], article: dict[str, Any]) -> Found[str] | None:
    candidates: list[tuple[str, str, re.Pattern[str]]] = [
        (v, "html meta citation_publication_date", _CITATION_DATE)
        for v in meta.get("citation_publication_date", []) + meta.get("citation_date", [])
    ]
    if isinstance(article.get("datePublished"), str):
        candidates.append((article["datePublished"], "json-ld datePublished", _ISO_DATE))
    for key in _DATE_KEYS:
        candidates += [(v, f"html meta {key}", _ISO_DATE) for v in meta.get(key, [])]
    for value, origin, pattern in candidates:
        edtf = _edtf(pattern.match(value))
        if edtf:
            return Found(edtf, origin)
    for value, origin, _pattern in candidates:
        edtf = _written_date(value)
        if edtf:
            return Found(edtf, origin)
    return None


def _written_date(value: str) -> str | None:
    """A date written in words ("6 December 2024", "6 декабря 2024 г.") as an EDTF day, read by
    dateparser; None when it is not one or lies outside 1000-2999."""
    import dateparser  # loaded only for a page whose date is not ISO

    settings: Any = {"REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DAY_OF_MONTH": "first"}
    parsed: datetime | None = dateparser.parse(value, languages=_DATE_LANGUAGES, settings=settings)
    if parsed is None or not 1000 <= parsed.year <= 2999:
        return None
    return parsed.date().isoformat()


def _edtf(match: re.Match[str] | None) -> str | None:
    """EDTF at the precision written: a timestamp gives its calendar day (as written, in the
    page's own time zone), a year alone stays a year."""
    if match is None:
        return None
    year, month, day = match.groups()
    parts = [year] + [f"{int(p):02d}" for p in (month, day) if p]
    if any(not 1 <= int(p) <= 31 for p in parts[1:]) or (month and int(month) > 12):
        return None
    return "-".join(parts)


def _locale(values: list[str]) -> Found[str] | None:
    return Found(values[0].replace("_", "-"), "html meta og:locale") if values else None
