"""Citations of the sources a figure draws: BibTeX and CSL-JSON, and a caption draft.

Pure text: no file access, no Qt. Entry types follow the source's kind (a report is
``@techreport``/``report``, an article ``@article``/``article-newspaper``, anything else
``@misc``/``document``); a published date such as ``2025-08`` or ``2022-12~`` gives the year
and month it names. Keys are the sources' own keys, so a figure's legend and its references
can be matched.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence

from db.records import SourceRecord

_BIB_TYPES = {
    "policy-report": ("techreport", "report"),
    "report": ("techreport", "report"),
    "article": ("article", "article-newspaper"),
    "news": ("article", "article-newspaper"),
    "analysis": ("article", "article-newspaper"),
    "commentary": ("article", "article-newspaper"),
    "op-ed": ("article", "article-newspaper"),
}
_DATE = re.compile(r"^(-?\d{1,4})(?:-(\d{2}))?(?:-(\d{2}))?")
_BIB_SPECIAL = re.compile(r"([&%$#_{}])")


def _date_parts(published: str | None) -> list[int]:
    found = _DATE.match(published or "")
    if found is None:
        return []
    return [int(part) for part in found.groups() if part is not None]


def _bib_text(text: str) -> str:
    return _BIB_SPECIAL.sub(r"\\\1", text)


def bibtex(sources: Sequence[SourceRecord]) -> str:
    """One BibTeX entry per source, in the order given."""
    entries = []
    for source in sources:
        kind = _BIB_TYPES.get(source.kind, ("misc", "document"))[0]
        fields = [("title", "{" + _bib_text(source.title) + "}")]
        if source.authors:
            fields.append(("author", " and ".join(_bib_text(a) for a in source.authors)))
        venue = (
            "institution"
            if kind == "techreport"
            else "journal"
            if kind == "article"
            else "howpublished"
        )
        if source.outlet:
            fields.append((venue, _bib_text(source.outlet)))
        parts = _date_parts(source.published)
        if parts:
            fields.append(("year", str(parts[0])))
        if len(parts) > 1:
            fields.append(("month", str(parts[1])))
        if source.url:
            fields.append(("url", source.url))
        if source.published_note:
            fields.append(("note", _bib_text(source.published_note)))
        body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
        entries.append(f"@{kind}{{{source.key},\n{body}\n}}\n")
    return "\n".join(entries)


def csl_json(sources: Sequence[SourceRecord]) -> str:
    """The sources as a CSL-JSON array (what Zotero and pandoc read)."""
    items = []
    for source in sources:
        item: dict[str, object] = {
            "id": source.key,
            "type": _BIB_TYPES.get(source.kind, ("misc", "document"))[1],
            "title": source.title,
        }
        if source.authors:
            item["author"] = [{"literal": name} for name in source.authors]
        if source.outlet:
            item["container-title" if item["type"] != "report" else "publisher"] = source.outlet
        parts = _date_parts(source.published)
        if parts:
            item["issued"] = {"date-parts": [parts]}
        if source.url:
            item["URL"] = source.url
        items.append(item)
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"


def caption(
    range_text: str, counts: tuple[int, int], sources: Sequence[tuple[str, str]], extra: str = ""
) -> str:
    """A caption draft: what is shown, over which range, from how many sources.

    ``counts``: (events shown, lanes); ``sources``: (short label, key) of the sources drawn."""
    events, lanes = counts
    named = "; ".join(f"{label} [{key}]" for label, key in sources)
    text = (
        f"Timeline of {events} event{'s' * (events != 1)} in {lanes} lane{'s' * (lanes != 1)}, "
        f"{range_text}."
    )
    if sources:
        text += (
            f" Dots under a marker show which of the {len(sources)} "
            f"source{'s' * (len(sources) != 1)} speak of the event: {named}."
        )
    if extra:
        text += f" Shown: {extra}."
    return text + "\n"
