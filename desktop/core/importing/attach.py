"""Give an existing source its full text and re-anchor every one of its passages in it."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from db.records import PassageRecord, SourceRecord
from db.uow import UnitOfWork
from desktop.core.anchoring import AnchorStatus, locate, make_anchor
from desktop.core.importing.metadata import published_day
from desktop.core.importing.outcome import AnchorSummary
from desktop.io.documents import ReadDocument


def attach_document(uow: UnitOfWork, source: SourceRecord, document: ReadDocument) -> AnchorSummary:
    """Store ``document`` as ``source``'s text and re-anchor its passages (caller commits).

    The source keeps its metadata; it gains the text, content hash, file name and hash and
    ``imported_at``. Each passage is placed by position, then exact quote with context, then
    fuzzily: a placed passage gets its new offsets, the quote and context found there and status
    ``ok``/``relocated``; one that cannot be placed keeps its offsets and quote, gets status
    ``orphan`` and is listed in the summary. No passage is ever deleted.
    """
    updated = replace(
        source,
        full_text=document.text,
        content_hash=document.content_hash,
        file_name=document.file_name,
        file_sha256=document.file_sha256,
        imported_at=datetime.now(UTC),
    )
    uow.sources.update(updated, published_day(source.published))
    ok = relocated = 0
    orphans: list[str] = []
    for passage in uow.passages.for_source(source.key):
        placed = reanchored(passage, document.text)
        uow.passages.update(placed, children=False)
        if placed.anchor_status == AnchorStatus.OK:
            ok += 1
        elif placed.anchor_status == AnchorStatus.RELOCATED:
            relocated += 1
        else:
            orphans.append(placed.key)
    return AnchorSummary(ok=ok, relocated=relocated, orphans=tuple(orphans))


def reanchored(passage: PassageRecord, text: str) -> PassageRecord:
    """``passage`` placed in ``text`` (see :func:`attach_document` for what changes)."""
    anchor = locate(text, passage.start, passage.end, passage.quote, passage.prefix, passage.suffix)
    if anchor.status is AnchorStatus.ORPHAN:
        return replace(passage, anchor_status=AnchorStatus.ORPHAN.value)
    stored = make_anchor(text, anchor.start, anchor.end)
    return replace(
        passage,
        start=stored.start,
        end=stored.end,
        quote=stored.quote,
        prefix=stored.prefix,
        suffix=stored.suffix,
        anchor_status=anchor.status.value,
    )
