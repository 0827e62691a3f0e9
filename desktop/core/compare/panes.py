"""Which passages speak of an event, and the panes that show them source by source."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from db.records import CodeRecord, EventRecord, PassageRecord, SourceRecord
from desktop.core.compare.dating import (
    elapsed_text,
    event_start,
    publication_date,
    publication_display,
)
from desktop.core.compare.model import CodeTag, Pane, PaneHeader, PassageView
from desktop.model.source_identity import source_identity

_GROUP_ORDER = {"entman": 0, "issue": 1, "generic": 2, "user": 3}
_FALLBACK_COLOR = "#9e9e9e"


def code_tag(code: CodeRecord) -> CodeTag:
    """The display form of a code."""
    return CodeTag(code.key, code.name, code.color, code.group, code.position)


def tag_for_key(key: str, codes: Mapping[str, CodeRecord]) -> CodeTag:
    """The tag of a code key; a key missing from the codebook still shows, in grey."""
    code = codes.get(key)
    return code_tag(code) if code is not None else CodeTag(key, key, _FALLBACK_COLOR, "user", 0)


def tag_order(tag: CodeTag) -> tuple[int, int, str]:
    """Codebook order: Entman functions, issue frames, generic frames, user codes."""
    return (_GROUP_ORDER.get(tag.group, len(_GROUP_ORDER)), tag.position, tag.key)


def link_confidence(passage: PassageRecord, event_key: str) -> float | None:
    """The confidence of the passage's link to the event, or None when it has none."""
    for link in passage.links:
        if link.event_key == event_key:
            return link.confidence
    return None


def passages_about(event_key: str, passages: Iterable[PassageRecord]) -> list[PassageRecord]:
    """Passages linked to the event, in their input order."""
    return [p for p in passages if link_confidence(p, event_key) is not None]


def passage_code_keys(passage: PassageRecord) -> tuple[str, ...]:
    """The passage's code keys, each once even if several coders applied it, in coding order."""
    return tuple(dict.fromkeys(c.code_key for c in passage.codings))


def publication_order(source: SourceRecord) -> tuple[int, float, str, str]:
    """Sort key: dated sources by first day of publication, then undated ones; ties by outlet."""
    date = publication_date(source)
    if date is None:
        return (1, 0.0, source.outlet.casefold(), source.key)
    return (0, date.first_day(), source.outlet.casefold(), source.key)


def pane_header(source: SourceRecord, event: EventRecord) -> PaneHeader:
    """The header of a source's pane, including the time elapsed since the event."""
    published = publication_date(source)
    start = event_start(event)
    elapsed = elapsed_text(start, published) if published and start else ""
    identity = source_identity(source)
    return PaneHeader(
        source_key=source.key,
        title=source.title,
        outlet=source.outlet,
        authors=source.authors,
        kind=source.kind,
        published=source.published,
        published_display=publication_display(source),
        published_note=source.published_note,
        elapsed=elapsed,
        url=source.url,
        label=identity.label,
        color=identity.color,
    )


def passage_view(
    passage: PassageRecord, event_key: str, codes: Mapping[str, CodeRecord]
) -> PassageView:
    """One passage as a pane shows it."""
    tags = sorted((tag_for_key(k, codes) for k in passage_code_keys(passage)), key=tag_order)
    return PassageView(
        key=passage.key,
        quote=passage.quote,
        start=passage.start,
        end=passage.end,
        voice=passage.voice,
        tone=passage.tone,
        epistemic=passage.epistemic,
        codes=tuple(tags),
        confidence=link_confidence(passage, event_key) or 0.0,
    )


def build_panes(
    event: EventRecord,
    sources: Sequence[SourceRecord],
    event_passages: Sequence[PassageRecord],
    codes: Mapping[str, CodeRecord],
) -> tuple[Pane, ...]:
    """One pane per source with at least one passage about the event, ordered by publication.

    Passages of a pane are in text order (start offset, then key). Passages whose source is not
    in ``sources`` are left out: a pane needs its source's header.
    """
    by_source: dict[str, list[PassageRecord]] = {}
    for passage in event_passages:
        by_source.setdefault(passage.source_key, []).append(passage)
    panes = []
    for source in sorted(sources, key=publication_order):
        own = by_source.get(source.key)
        if not own:
            continue
        own.sort(key=lambda p: (p.start, p.key))
        views = tuple(passage_view(p, event.key, codes) for p in own)
        panes.append(Pane(pane_header(source, event), views))
    return tuple(panes)
