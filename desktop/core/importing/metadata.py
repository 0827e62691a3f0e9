"""The metadata of a new source: what a person gave, else what the document proposes."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from db.records import SOURCE_KINDS, SourceRecord
from desktop.core.importing.outcome import MetadataOverrides
from desktop.io.documents import ReadDocument
from desktop.model.dates import DateParseError, HistDate
from desktop.model.source_identity import color_counts, new_identity

if TYPE_CHECKING:  # a worker process of a batch imports this without the database
    from db.uow import UnitOfWork

_MAX_SLUG = 40


class MetadataError(ValueError):
    """A given metadata value is not acceptable (unknown kind, a date that is not EDTF)."""


@dataclass(frozen=True, slots=True)
class ProposedMetadata:
    """What a new source would be called, with where each value came from (for a form)."""

    title: str
    authors: tuple[str, ...]
    outlet: str
    published: str | None
    published_note: str
    url: str
    language: str
    kind: str


def propose_metadata(document: ReadDocument) -> ProposedMetadata:
    """The metadata the document itself suggests (title falls back to the file name)."""
    found = document.metadata
    published = found.published.value if found.published else None
    note = f"read from the document ({found.published.origin})" if found.published else ""
    return ProposedMetadata(
        title=document.title,
        authors=found.authors.value if found.authors else (),
        outlet=found.outlet.value if found.outlet else "",
        published=published,
        published_note=note,
        url=found.url.value if found.url else "",
        language=found.language.value if found.language else "en",
        kind="other",
    )


def merged_metadata(proposed: ProposedMetadata, overrides: MetadataOverrides) -> ProposedMetadata:
    """``overrides`` over ``proposed``; raises MetadataError for a bad kind or date."""
    kind = overrides.kind if overrides.kind is not None else proposed.kind
    if kind not in SOURCE_KINDS:
        raise MetadataError(f"Unknown kind '{kind}'; use one of: {', '.join(SOURCE_KINDS)}.")
    published, note = proposed.published, proposed.published_note
    if overrides.published is not None:
        published, note = overrides.published or None, "given at import"
    if published is not None:
        try:
            HistDate.parse_edtf(published)
        except DateParseError as error:
            raise MetadataError(f"Publication date: {error}") from error
    return ProposedMetadata(
        title=_pick(overrides.title, proposed.title),
        authors=overrides.authors if overrides.authors is not None else proposed.authors,
        outlet=_pick(overrides.outlet, proposed.outlet),
        published=published,
        published_note=note,
        url=_pick(overrides.url, proposed.url),
        language=_pick(overrides.language, proposed.language),
        kind=kind,
    )


def _pick(given: str | None, proposed: str) -> str:
    return given if given is not None else proposed


def published_day(published: str | None) -> float | None:
    """The day number a source sorts by: the first day of its publication date."""
    return HistDate.parse_edtf(published).first_day() if published else None


def new_source(
    uow: UnitOfWork,
    document: ReadDocument,
    metadata: ProposedMetadata,
    notes: str = "",
    colors: Counter[str] | None = None,
) -> SourceRecord:
    """A record for a new source holding ``document``'s text, under a key not yet used, with a
    label from its outlet and the first palette colour no other source uses.

    ``colors`` counts the colours the library's sources use (``color_counts``), when the
    caller keeps that count (a batch), and then counts the new source's colour too; without it
    every source's colour is read (a column after the source's text: reading it reads the
    texts)."""
    used = colors if colors is not None else color_counts(uow.sources.colors())
    identity = new_identity(metadata.outlet, metadata.title, used)
    if colors is not None:
        colors[identity.color.upper()] += 1
    return SourceRecord(
        key=free_source_key(uow, metadata.title, document.content_hash),
        title=metadata.title,
        outlet=metadata.outlet,
        authors=metadata.authors,
        published=metadata.published,
        published_note=metadata.published_note,
        url=metadata.url,
        kind=metadata.kind,
        language=metadata.language,
        full_text=document.text,
        content_hash=document.content_hash,
        file_name=document.file_name,
        file_sha256=document.file_sha256,
        imported_at=datetime.now(UTC),
        notes=notes,
        label=identity.label,
        color=identity.color,
    )


def slug(text: str) -> str:
    """Lowercase ASCII words joined by '-', at most 40 characters ("" if there are none)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    result = ""
    for word in re.findall(r"[a-z0-9]+", ascii_text.lower()):
        candidate = f"{result}-{word}" if result else word
        if len(candidate) > _MAX_SLUG:
            break
        result = candidate
    return result


def free_source_key(uow: UnitOfWork, title: str, content_hash: str) -> str:
    """``<slug of title>-<first hash digits>``, lengthened until no source uses it."""
    stem = slug(title) or "source"
    for digits in range(6, len(content_hash) + 1, 2):
        key = f"{stem}-{content_hash[:digits]}"
        if not uow.sources.exists(key):
            return key
    counter = 2
    while uow.sources.exists(f"{stem}-{content_hash}-{counter}"):
        counter += 1
    return f"{stem}-{content_hash}-{counter}"
