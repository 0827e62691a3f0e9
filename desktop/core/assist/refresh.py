"""Retraining the coding model when codings change, and refreshing the code suggestions of the
passages still open for review. Pure Python (no Qt): the window schedules it on a worker.

``codings_fingerprint`` names the state of the codings a model learns from, so a caller can tell
a stale model (trained before the codings changed again) from a current one. ``train_current``
trains on the library as it is and says which codings it saw. ``refresh_codes`` recomputes, for
every passage of a source that is still open (a pending passage or code suggestion), the code,
tone and epistemic suggestions with a new model; suggestions proposed again keep their number
(an undone acceptance can be redone), new ones are added, decided ones are not proposed again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from db.library import Library
from db.records import SuggestionRecord
from desktop.core.assist.coding.model import CodingExample, CodingModel
from desktop.core.assist.items import AssistItem, AssistKind
from desktop.core.assist.library_view import coding_examples, read_source_view
from desktop.core.assist.pending import OPEN_KINDS
from desktop.core.assist.storing import to_record
from desktop.core.assist.suggesting import EXCERPT, code_items, model_notes


def codings_fingerprint(examples: Sequence[CodingExample]) -> str:
    """A short digest of what a model learns from (texts, codes, tone, status, language)."""
    digest = hashlib.sha1()
    for example in sorted(examples, key=_sort_key):
        digest.update(repr(_sort_key(example)).encode("utf-8"))
    return digest.hexdigest()[:16]


def _sort_key(example: CodingExample) -> tuple[str, tuple[str, ...], str, str, str]:
    codes = tuple(sorted(example.codes))
    return (example.text, codes, example.tone, example.epistemic, example.language)


@dataclass(frozen=True)
class Trained:
    """A model (None: nothing coded) and the fingerprint of the codings it learnt from."""

    model: CodingModel | None
    fingerprint: str


def current_fingerprint(library: Library, coder: str | None = None) -> str:
    return codings_fingerprint(coding_examples(library, coder))


def train_current(library: Library, coder: str | None = None) -> Trained:
    """Train on the library's codings now (seconds of CPU for a few hundred passages)."""
    examples = coding_examples(library, coder)
    model = CodingModel.train(examples) if examples else None
    return Trained(model, codings_fingerprint(examples))


def refresh_codes(
    library: Library,
    model: CodingModel | None,
    source_keys: Sequence[str],
    *,
    stale: Callable[[], bool] | None = None,
) -> dict[str, int]:
    """Recompute each source's code suggestions for its open passages with ``model``, one
    transaction per source; how many were updated or added per source. Stops before writing
    when ``stale()`` says the model is no longer current."""
    refreshed: dict[str, int] = {}
    if model is None:
        return refreshed
    for key in source_keys:
        records = _code_records(library, model, key)
        if stale is not None and stale():
            break
        with library.unit_of_work() as uow:
            refreshed[key] = len(uow.suggestions.refresh_pending(key, records))
            uow.commit()
    return refreshed


def _code_records(library: Library, model: CodingModel, source_key: str) -> list[SuggestionRecord]:
    with library.unit_of_work() as uow:
        stored = uow.suggestions.for_source(source_key, kinds=OPEN_KINDS)
    view = read_source_view(library, source_key)
    text = view.source.full_text or ""
    passages = _open_passages(stored, text, set(view.events))
    if not passages or not text:
        return []
    advice = model.suggest_many([text[p.start : p.end] for p in passages])
    notes = model_notes(model, view.source.language)
    records = []
    for passage, advised in zip(passages, advice, strict=True):
        for index, item in enumerate(code_items(view.code_names, passage, advised)):
            records.append(
                to_record(source_key, item, notes if index == 0 else (), passage.confidence)
            )
    return records


def _open_passages(
    stored: Sequence[SuggestionRecord], text: str, events: set[str]
) -> list[AssistItem]:
    """The passages the stored suggestions are about, once each, as assisted items."""
    found: dict[str, AssistItem] = {}
    for suggestion in stored:
        payload = suggestion.payload
        event = str(payload.get("event_key") or "")
        start, end = payload.get("passage_start"), payload.get("passage_end")
        if event not in events or not isinstance(start, int) or not isinstance(end, int):
            continue
        if not 0 <= start < end <= len(text):
            continue
        ident = f"passage:{start}-{end}:{event}"
        if ident in found:
            continue
        confidence = float(payload.get("passage_confidence", suggestion.confidence))
        found[ident] = AssistItem(
            id=ident,
            kind=AssistKind.PASSAGE,
            passage_id=ident,
            start=start,
            end=end,
            excerpt=text[start:end][:EXCERPT],
            confidence=confidence,
            reasons=(),
            event_key=event,
            event_title=str(payload.get("event_title") or ""),
        )
    return sorted(found.values(), key=lambda p: (p.start, p.event_key))
