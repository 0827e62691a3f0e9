"""``import_document``: one file into a library, as a new source or attached to an existing one."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from enum import StrEnum
from pathlib import Path

from db.errors import LibraryError
from db.library import Library
from db.uow import UnitOfWork
from desktop.core.importing.attach import attach_document
from desktop.core.importing.matching import SourceIndex, sketch
from desktop.core.importing.metadata import (
    MetadataError,
    merged_metadata,
    new_source,
    propose_metadata,
    published_day,
)
from desktop.core.importing.outcome import ImportOutcome, ImportStatus, MetadataOverrides
from desktop.core.importing.prepare import Prepared
from desktop.core.importing.review import store_suggestions
from desktop.core.suggest import EventInfo
from desktop.io.documents import DocumentError, ReadDocument, read_document


class NearMatchPolicy(StrEnum):
    """What to do with a document that is nearly (not exactly) an existing source."""

    ATTACH = "attach"
    OFFER = "offer"


def import_document(
    library: Library,
    path: Path,
    *,
    overrides: MetadataOverrides | None = None,
    author: str = "",
    attach_to: str | None = None,
    near_match: NearMatchPolicy = NearMatchPolicy.ATTACH,
    index: SourceIndex | None = None,
    suggest: bool = False,
    events: Sequence[EventInfo] | None = None,
) -> ImportOutcome:
    """Read ``path`` and add it to ``library`` in one transaction; never a partial write.

    - ``attach_to`` given: attach to that source (``failed`` if there is none);
    - the file's SHA-256 or text hash matches a source: ``duplicate`` when that source already
      holds this text, else ``attached``;
    - the text nearly matches a source (see ``matching``): ``attached`` under the ``ATTACH``
      policy, ``similar`` (nothing written) under ``OFFER``;
    - otherwise ``imported`` as a new source with metadata = ``overrides`` > proposed.

    Unreadable input (empty, binary, undecodable, damaged, password-protected, too large) and
    refused metadata give ``failed`` with the reason and change nothing. ``index`` lets a batch
    reuse one :class:`SourceIndex`; it is updated after each commit.
    ``suggest`` also finds the new or attached source's suggestions (links to ``events``, by
    default the library's, and candidate new events) and stores them as pending in the same
    transaction; the outcome counts them by kind.
    """
    try:
        document = read_document(path)
    except DocumentError as error:
        return ImportOutcome(path.name, ImportStatus.FAILED, reason=error.reason)
    prepared = Prepared(path, document, sketch=sketch(document.text))
    return import_prepared(
        library,
        prepared,
        overrides=overrides,
        author=author,
        attach_to=attach_to,
        near_match=near_match,
        index=index,
        suggest=suggest,
        events=events,
    )


def import_prepared(
    library: Library,
    prepared: Prepared,
    *,
    overrides: MetadataOverrides | None = None,
    author: str = "",
    attach_to: str | None = None,
    near_match: NearMatchPolicy = NearMatchPolicy.ATTACH,
    index: SourceIndex | None = None,
    suggest: bool = False,
    events: Sequence[EventInfo] | None = None,
) -> ImportOutcome:
    """``import_document`` of a file already read (``prepare``): only the writes are left.

    ``prepared`` must come from ``prepare`` with the same ``overrides`` and ``events``: a new
    source's suggestions are then the ones prepared; an attached text's are found here.
    """
    document = prepared.document
    if document is None:
        return ImportOutcome(prepared.path.name, ImportStatus.FAILED, reason=prepared.failure)
    try:
        with library.unit_of_work(author) as uow:
            known = index if index is not None else SourceIndex.load(uow)
            colors = known.colors.copy()  # counts the new source's colour once it is written
            outcome, source_id = _import_read(
                uow, prepared, document, overrides, attach_to, near_match, known, colors
            )
            if outcome.status in (ImportStatus.IMPORTED, ImportStatus.ATTACHED):
                if suggest and outcome.source_key is not None:
                    outcome = _with_suggestions(uow, outcome, events, prepared, source_id)
                uow.commit()
    except (LibraryError, MetadataError) as error:
        return ImportOutcome(document.file_name, ImportStatus.FAILED, reason=str(error))
    if outcome.source_key and outcome.status in (ImportStatus.IMPORTED, ImportStatus.ATTACHED):
        known.note_text(outcome.source_key, document.text, prepared.sketch or None)
        known.colors = colors
    return outcome


def _with_suggestions(
    uow: UnitOfWork,
    outcome: ImportOutcome,
    events: Sequence[EventInfo] | None,
    prepared: Prepared,
    source_id: int | None,
) -> ImportOutcome:
    """``outcome`` with its source's suggestions found (or the prepared ones) and stored;
    ``source_id``: the row id of the source this transaction added, if it did."""
    assert outcome.source_key is not None
    if outcome.status is ImportStatus.IMPORTED and prepared.found is not None:
        key, found = outcome.source_key, prepared.found
        stored = uow.suggestions.add_pending(key, found, source_id=source_id)
    else:
        stored = store_suggestions(uow, outcome.source_key, events)
    counts = Counter(s.kind for s in stored)
    return replace(outcome, suggested=tuple(sorted(counts.items())))


def _import_read(
    uow: UnitOfWork,
    prepared: Prepared,
    document: ReadDocument,
    overrides: MetadataOverrides | None,
    attach_to: str | None,
    policy: NearMatchPolicy,
    index: SourceIndex,
    colors: Counter[str],
) -> tuple[ImportOutcome, int | None]:
    """The writes of one document, and the row id of the source added (None when none was);
    ``colors`` (the library's colour counts) also counts a new source's colour."""
    name = document.file_name
    if attach_to is not None:
        return _attach_to(uow, document, attach_to), None
    same = uow.sources.find_by_hash(document.file_sha256, document.content_hash)
    if same is not None:
        if same.full_text is not None:
            reason = f"already in the library as source {same.key}; nothing changed"
            return ImportOutcome(name, ImportStatus.DUPLICATE, same.key, reason), None
        return _attached(uow, document, same.key), None
    near = index.near_match(document.text, prepared.sketch or None)
    if near is not None:
        if policy is NearMatchPolicy.OFFER:
            reason = f"looks like source {near.source_key} ({near.describe()})"
            return ImportOutcome(name, ImportStatus.SIMILAR, near.source_key, reason), None
        return _attached(uow, document, near.source_key), None
    metadata = merged_metadata(propose_metadata(document), overrides or MetadataOverrides())
    notes = (overrides or MetadataOverrides()).notes
    record = new_source(uow, document, metadata, notes, colors)
    added = uow.sources.add(record, published_day(record.published))
    warnings = "; ".join(document.warnings)
    return ImportOutcome(name, ImportStatus.IMPORTED, record.key, warnings), added.id


def _attach_to(uow: UnitOfWork, document: ReadDocument, key: str) -> ImportOutcome:
    source = uow.sources.find(key)
    if source is None:
        reason = f"there is no source '{key}' in this library to attach to"
        return ImportOutcome(document.file_name, ImportStatus.FAILED, reason=reason)
    if source.content_hash == document.content_hash and source.full_text is not None:
        reason = f"source {key} already holds this text; nothing changed"
        return ImportOutcome(document.file_name, ImportStatus.DUPLICATE, key, reason)
    return _attached(uow, document, key)


def _attached(uow: UnitOfWork, document: ReadDocument, key: str) -> ImportOutcome:
    summary = attach_document(uow, uow.sources.get(key), document)
    return ImportOutcome(document.file_name, ImportStatus.ATTACHED, key, anchors=summary)
