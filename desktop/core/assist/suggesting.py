"""Assisted reading for one source: passages about its events, their claims and codes.

``assisted_suggestions`` reads the library once, offers every sentence pair that speaks of an
event the source is linked to (or is suggested for), the claims each states with subjects
matched to the event's, and the codes, tone and epistemic status a model trained on the
library's codings proposes. Nothing is written: see ``accepting``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from db.library import Library
from db.records import EventRecord
from desktop.core.assist.claims.extract import FoundClaim, extract_claims
from desktop.core.assist.claims.subjects import subject_for
from desktop.core.assist.coding.model import Advice, CodingModel, Guess
from desktop.core.assist.items import AssistItem, AssistKind, AssistReport, ClaimDraft
from desktop.core.assist.library_view import LibraryContext, SourceView, read_source_view
from desktop.core.assist.passages import (
    EventTopic,
    PassageOffer,
    event_words,
    named_events,
    offer_passages,
)
from desktop.core.importing.body import article_body
from desktop.model.dates import DateParseError, DateSpan

MIN_CODE_SCORE = 0.25
NAMED_ONLY = 0.7  # cap for events only named in the text, neither linked nor suggested
MAX_CODES = 3
_CLAIM_CONFIDENCE = {"number": 0.85, "date": 0.8, "vague": 0.6}
EXCERPT = 400


@dataclass(frozen=True, slots=True)
class PendingLink:
    """An event the source is suggested for but not yet linked to, with that confidence."""

    event_key: str
    confidence: float


def assisted_suggestions(
    library: Library,
    source_key: str,
    *,
    model: CodingModel | None = None,
    pending: Sequence[PendingLink] = (),
    context: LibraryContext | None = None,
) -> AssistReport:
    """The open passage, claim and code suggestions for ``source_key``, in text order.

    Events come from the source's passages' links and from ``pending`` (link suggestions not
    yet accepted: their passages get at most the link's confidence plus 0.2); when there are
    neither, from the events a sentence names by two words, one rare (capped at
    ``NAMED_ONLY``: the import's linker may not read the text's language). Without
    ``model`` no codes are suggested. What was decided before is filtered when stored.
    ``context``: the library around the source, when a batch has read it already.
    """
    view = read_source_view(library, source_key, context)
    text = view.source.full_text
    if not text:
        return AssistReport(source_key, ())
    confidence_cap = {p.event_key: min(0.95, p.confidence + 0.2) for p in pending}
    for key in view.linked_events:
        confidence_cap[key] = 1.0
    if not confidence_cap:
        every = [_topic(view, event) for event in view.events.values()]
        for key, _words in named_events(text, every):
            confidence_cap[key] = NAMED_ONLY
    topics = [_topic(view, view.events[k]) for k in confidence_cap if k in view.events]
    covered = [(p.start, p.end) for p in view.passages]
    offers = offer_passages(text, topics, covered, article_body(text))
    advice = model.suggest_many([text[o.start : o.end] for o in offers]) if model else []
    items: list[AssistItem] = []
    for index, offer in enumerate(offers):
        capped = min(offer.confidence, confidence_cap[offer.event_key])
        passage = _passage_item(text, view, offer, round(capped, 3))
        items.append(passage)
        items += _claim_items(text, view, passage)
        if advice:
            items += code_items(view.code_names, passage, advice[index])
    return AssistReport(source_key, tuple(items), model_notes(model, view.source.language))


def _topic(view: SourceView, event: EventRecord) -> EventTopic:
    subjects = view.subjects.get(event.key, ())
    topics = {s.rsplit(".", 1)[0] for s in subjects}
    aliases = tuple(getattr(event, "aliases", ()) or ())
    words = event_words(event.title, *event.actors, *event.tags, *aliases, *topics)
    return EventTopic(event.key, event.title, words, event.t_lo, event.t_hi)


def _passage_item(text: str, view: SourceView, offer: PassageOffer, conf: float) -> AssistItem:
    span = f"{offer.start}-{offer.end}"
    return AssistItem(
        id=f"passage:{span}:{offer.event_key}",
        kind=AssistKind.PASSAGE,
        passage_id=f"passage:{span}:{offer.event_key}",
        start=offer.start,
        end=offer.end,
        excerpt=text[offer.start : offer.end][:EXCERPT],
        confidence=conf,
        reasons=offer.reasons,
        event_key=offer.event_key,
        event_title=view.events[offer.event_key].title,
    )


def _claim_items(text: str, view: SourceView, passage: AssistItem) -> list[AssistItem]:
    event = view.events[passage.event_key]
    subjects = view.subjects.get(event.key, ())
    items = []
    for found in extract_claims(text[passage.start : passage.end], passage.start):
        if found.kind == "date" and not _within(found, event):
            continue
        draft = _draft(found, subject_for(found.category, event.key, subjects))
        kind = "vague" if found.hedge == "vague" else found.kind
        items.append(
            AssistItem(
                id=f"claim:{found.start}-{found.end}:{draft.subject}",
                kind=AssistKind.CLAIM,
                passage_id=passage.id,
                start=passage.start,
                end=passage.end,
                excerpt=found.stated,
                confidence=min(passage.confidence, _CLAIM_CONFIDENCE[kind]),
                reasons=(f"states {draft.describe()}", f"as written: {found.stated}"),
                event_key=passage.event_key,
                event_title=passage.event_title,
                claim=draft,
            )
        )
    return items


def _within(found: FoundClaim, event: EventRecord) -> bool:
    try:
        span = DateSpan.from_edtf(found.date or "", None)
    except DateParseError:
        return False
    return span.t_lo < event.t_hi and event.t_lo < span.t_hi


def _draft(found: FoundClaim, subject: str) -> ClaimDraft:
    return ClaimDraft(
        subject, found.kind, found.stated, found.low, found.high, found.date, found.unit,
        found.hedge,
    )  # fmt: skip


def code_items(code_names: dict[str, str], passage: AssistItem, advice: Advice) -> list[AssistItem]:
    """The code, tone and epistemic suggestions ``advice`` makes for ``passage`` (the best
    codes above ``MIN_CODE_SCORE``, at most ``MAX_CODES``)."""
    codes = [g for g in advice.codes if g.score >= MIN_CODE_SCORE][:MAX_CODES]
    picks = [(g.value, code_names.get(g.value, g.value), g) for g in codes]
    for field, guesses in (("tone", advice.tone), ("epistemic", advice.epistemic)):
        if guesses and guesses[0].score >= MIN_CODE_SCORE:
            best = guesses[0]
            picks.append((f"{field}:{best.value}", f"{field}: {best.value}", best))
    return [_code_item(passage, key, name, guess) for key, name, guess in picks]


def _code_item(passage: AssistItem, key: str, name: str, guess: Guess) -> AssistItem:
    reasons = [f"score {guess.score:.2f}"]
    if guess.words:
        reasons.append("words: " + ", ".join(guess.words))
    return AssistItem(
        id=f"code:{passage.start}-{passage.end}:{key}",
        kind=AssistKind.CODE,
        passage_id=passage.id,
        start=passage.start,
        end=passage.end,
        excerpt=passage.excerpt,
        confidence=guess.score,
        reasons=tuple(reasons),
        event_key=passage.event_key,
        event_title=passage.event_title,
        code_key=key,
        code_name=name,
    )


def model_notes(model: CodingModel | None, language: str) -> tuple[str, ...]:
    """What a reader should know about the coding model's suggestions for this source."""
    if model is None:
        return ("No coded passages to learn from: no codes are suggested.",)
    spoken = ", ".join(f"{lang} {n}" for lang, n in sorted(model.languages.items()))
    notes = [f"Codes learned from {model.examples} coded passages ({spoken})."]
    if model.too_few:
        few = ", ".join(f"{k} ({n})" for k, n in sorted(model.too_few.items()))
        notes.append(f"Too few examples to suggest: {few}.")
    own = model.languages.get(language, 0)
    if language and language != "en" and own < model.examples / 2:
        notes.append(
            f"This source is in '{language}' but only {own} coded passages are: codings of "
            "other languages help it only weakly (shared character n-grams); its own "
            "language's codings count as they accumulate."
        )
    return tuple(notes)
