"""Sources that could have mentioned an event but never do, and what kind of silence it is."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from db.records import EventRecord, PassageRecord, SourceRecord
from desktop.core.compare.dating import publication_date, publication_display
from desktop.core.compare.model import BlindSpots, SourceRef
from desktop.core.compare.panes import publication_order
from desktop.core.compare.stopwords import is_stop_word
from desktop.model.source_identity import source_identity

BEFORE = "published before the event"
UNDATED = "undated: cannot tell whether it could have spoken of the event"
NO_TEXT = "no passage linked; no text attached to check whether it names the event"
_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")


def source_ref(source: SourceRecord) -> SourceRef:
    """The short reference used in lists."""
    identity = source_identity(source)
    return SourceRef(
        source.key,
        source.title,
        source.outlet,
        publication_display(source),
        identity.label,
        identity.color,
    )


def naming_terms(event: EventRecord) -> tuple[str, ...]:
    """Words that name this event rather than its region: its aliases, the capitalised words of
    its title (stop words aside) and any number of three or more digits in it."""
    aliases: Sequence[str] = getattr(event, "aliases", ())  # present once events carry aliases
    words = _WORD.findall(event.title)
    named = [
        w
        for w in words
        if (w[:1].isupper() and len(w) > 3 and not is_stop_word(w.casefold()))
        or (w.isdigit() and len(w) >= 3)
    ]
    return tuple(dict.fromkeys([*aliases, *named]))


def _named_in(text: str, terms: Sequence[str]) -> list[str]:
    folded = text.casefold()
    return [t for t in terms if re.search(rf"(?<!\w){re.escape(t.casefold())}(?!\w)", folded)]


def silence_reason(source: SourceRecord, event: EventRecord) -> str:
    """What kind of silence a source without passages about ``event`` keeps, when dated after
    the event: it names the event yet no passage is linked, never names it, or cannot be read."""
    if not source.full_text:
        return NO_TEXT
    terms = naming_terms(event)
    found = _named_in(source.full_text, terms)
    if found:
        return f"names it ({', '.join(found[:3])}) but no passage is linked"
    looked = ", ".join(terms[:4]) or "no naming words in the title"
    return f"the attached text never names the event (looked for: {looked})"


def find_blind_spots(
    event: EventRecord,
    sources: Sequence[SourceRecord],
    passages: Sequence[PassageRecord],
    awaiting_review: Collection[str] = (),
) -> BlindSpots:
    """Sources with no passage linked to the event: those whose publication starts after the
    event's start (first day of publication > ``event.t_lo``), undated ones and, listed apart,
    those published on or before the event's first day, each with its reason; sources in
    ``awaiting_review`` (pending suggestions) are listed apart as awaiting review."""
    speaking = {p.source_key for p in passages if any(lk.event_key == event.key for lk in p.links)}
    after: list[SourceRef] = []
    undated: list[SourceRef] = []
    awaiting: list[SourceRef] = []
    before: list[SourceRef] = []
    reasons: list[tuple[str, str]] = []
    for source in sorted(sources, key=publication_order):
        if source.key in speaking:
            continue
        if source.key in awaiting_review:
            awaiting.append(source_ref(source))
            continue
        published = publication_date(source)
        if published is None:
            undated.append(source_ref(source))
            reasons.append((source.key, UNDATED))
        elif published.first_day() > event.t_lo:
            after.append(source_ref(source))
            reasons.append((source.key, silence_reason(source, event)))
        else:
            before.append(source_ref(source))
            reasons.append((source.key, BEFORE))
    return BlindSpots(tuple(after), tuple(undated), tuple(awaiting), tuple(before), tuple(reasons))
