"""Assisted suggestions stored with the import's, pending a person's review.

``assist_sources`` trains the coding model once on the library's codings (all coders or one),
finds each source's passage, claim and code suggestions and stores them in the ``suggestions``
table (kinds ``passage``, ``claim``, ``code``), one transaction per source; a suggestion
decided before is not proposed again. The review core accepts them through the acceptors of
``desktop.core.assist.acceptors``. Training is CPU work of seconds: GUI callers run this on a
worker thread.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from db.library import Library
from db.records import SuggestionRecord
from desktop.core.assist.acceptors import KINDS
from desktop.core.assist.coding.model import CodingModel
from desktop.core.assist.items import AssistItem, AssistKind
from desktop.core.assist.library_view import LibraryContext, coding_examples, read_library_context
from desktop.core.assist.suggesting import PendingLink, assisted_suggestions
from desktop.core.importing.review import store_found


def train_model(library: Library, coder: str | None = None) -> CodingModel | None:
    """A coding model trained on the library's codings, or None when nothing is coded."""
    examples = coding_examples(library, coder)
    return CodingModel.train(examples) if examples else None


@dataclass(frozen=True)
class AssistRun:
    """How many suggestions each source got, and what to know about the coding model."""

    stored: dict[str, int]
    notes: tuple[str, ...] = ()


def assist_sources(
    library: Library,
    source_keys: Sequence[str],
    *,
    coder: str | None = None,
    model: CodingModel | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> AssistRun:
    """Find and store assisted suggestions for each source (trains a model unless given)."""
    if not source_keys:
        return AssistRun({})
    model = model if model is not None else train_model(library, coder)
    context = read_library_context(library)  # storing suggestions leaves it as it is
    stored: dict[str, int] = {}
    notes: tuple[str, ...] = ()
    for key in source_keys:
        if cancelled is not None and cancelled():
            break
        count, notes = assist_source(library, key, model, context)
        stored[key] = count
    return AssistRun(stored, notes)


def assist_source(
    library: Library,
    source_key: str,
    model: CodingModel | None,
    context: LibraryContext | None = None,
) -> tuple[int, tuple[str, ...]]:
    """Store one source's assisted suggestions (one transaction); how many, and model notes."""
    with library.unit_of_work() as uow:
        links = uow.suggestions.for_source(source_key, kinds=("link",))
    pending = [PendingLink(s.target, s.confidence) for s in links if s.target]
    report = assisted_suggestions(
        library, source_key, model=model, pending=pending, context=context
    )
    passages = {i.id: i.confidence for i in report.items if i.kind is AssistKind.PASSAGE}
    records = []
    noted: set[str] = set()  # the model's notes go with the first code of each passage
    for item in report.items:
        notes = (
            report.notes if item.kind is AssistKind.CODE and item.passage_id not in noted else ()
        )
        if notes:
            noted.add(item.passage_id)
        confidence = passages.get(item.passage_id, item.confidence)
        records.append(to_record(source_key, item, notes, confidence))
    with library.unit_of_work() as uow:
        stored = store_found(uow, source_key, KINDS, records)
        uow.commit()
    return len(stored), report.notes


def _digest(text: str) -> str:
    return hashlib.sha1(" ".join(text.split()).encode("utf-8")).hexdigest()[:10]


def to_record(
    source_key: str, item: AssistItem, notes: tuple[str, ...] = (), passage_confidence: float = 0.0
) -> SuggestionRecord:
    """The stored form; ``ref`` names what is proposed by the passage's words, not offsets.
    ``passage_confidence`` is the link confidence of a passage a claim or code makes."""
    passage = _digest(item.excerpt if item.kind is AssistKind.PASSAGE else item.passage_id)
    payload: dict[str, object] = {
        "event_key": item.event_key,
        "event_title": item.event_title,
        "passage_start": item.start,
        "passage_end": item.end,
    }
    reasons = item.reasons
    if item.kind is AssistKind.PASSAGE:
        ref, target = f"passage:{item.event_key}:{passage}", item.event_key
    elif item.kind is AssistKind.CLAIM and item.claim is not None:
        claim = item.claim
        ref = f"claim:{claim.subject}:{_digest(claim.stated)}:{passage}"
        target = claim.subject
        payload["claim"] = claim.as_dict()
    else:
        field, _, value = item.code_key.partition(":")
        if not value:
            field, value = "code", item.code_key
        ref, target = f"code:{item.code_key}:{passage}", value
        payload |= {"field": field, "value": value, "name": item.code_name}
        reasons = (f"{item.code_name}", *item.reasons, *notes)
    payload["passage_confidence"] = passage_confidence or item.confidence
    return SuggestionRecord(
        source_key=source_key,
        kind=item.kind.value,
        ref=ref,
        start=item.start,
        end=item.end,
        quote=item.excerpt,
        confidence=item.confidence,
        reasons=tuple(reasons),
        target=target,
        payload=payload,
    )
