"""Put a whole comparison together from frozen records."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Sequence

from db.records import ClaimRecord, CodeRecord, EventRecord, PassageRecord, SourceRecord
from desktop.core.compare.blind_spots import find_blind_spots
from desktop.core.compare.claim_pairs import DEFAULT_TOLERANCE
from desktop.core.compare.coverage import build_coverage
from desktop.core.compare.dating import event_when
from desktop.core.compare.facts import compare_facts
from desktop.core.compare.frames import build_frame_matrix
from desktop.core.compare.model import Comparison, EventSummary, Pane, SourceTerms
from desktop.core.compare.panes import build_panes, passages_about
from desktop.core.compare.texts import TermTally, pane_texts, tally_terms, tally_text
from desktop.core.compare.words import DEFAULT_TOP, distinctive_terms


def _words(
    panes: Sequence[Pane],
    sources: dict[str, SourceRecord],
    event_passages: Sequence[PassageRecord],
    top: int,
) -> tuple[SourceTerms, ...]:
    tallies: list[tuple[str, TermTally]] = []
    for pane in panes:
        own = [p for p in event_passages if p.source_key == pane.source_key]
        own.sort(key=lambda p: (p.start, p.key))
        texts = pane_texts(sources.get(pane.source_key), own)
        tallies.append((pane.source_key, tally_terms(texts)))
    return distinctive_terms(tallies, top=top, background=_background(sources.values()))


def _background(sources: Iterable[SourceRecord]) -> Counter[str]:
    """Term counts over every attached full text: the informative part of the words' prior."""
    counts: Counter[str] = Counter()
    for source in sources:
        if source.full_text:
            counts.update(tally_text(source.full_text).counts)
    return counts


def build_comparison(
    event: EventRecord,
    sources: Sequence[SourceRecord],
    passages: Sequence[PassageRecord],
    codes: Sequence[CodeRecord],
    claims: Sequence[ClaimRecord],
    *,
    all_events: Sequence[EventRecord] | None = None,
    top_terms: int = DEFAULT_TOP,
    tolerance: float = DEFAULT_TOLERANCE,
    awaiting_review: Collection[str] = (),
) -> Comparison:
    """Compare how the library's sources treat ``event``.

    ``sources``, ``passages``, ``codes`` and ``claims`` may be the whole library: only passages
    linked to the event form panes, while every source counts for blind spots. The coverage matrix
    spans ``all_events`` when given, else the event alone. Sources in ``awaiting_review`` are
    listed as awaiting review instead of as blind spots. Pure: reads nothing else, changes
    nothing, and the same input always gives the same result.
    """
    code_map = {c.key: c for c in codes}
    source_map = {s.key: s for s in sources}
    about = passages_about(event.key, passages)
    panes = build_panes(event, sources, about, code_map)
    return Comparison(
        event=EventSummary(event.key, event.title, event_when(event), event.summary, event.lane),
        panes=panes,
        frames=build_frame_matrix(panes),
        facts=compare_facts(event.key, claims, passages, sources, tolerance, event=event),
        blind_spots=find_blind_spots(event, sources, passages, awaiting_review),
        words=_words(panes, source_map, about, top_terms),
        coverage=build_coverage(
            list(all_events) if all_events is not None else [event], sources, passages, code_map
        ),
    )
