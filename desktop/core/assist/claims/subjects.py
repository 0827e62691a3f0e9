"""Which claim subject a found claim speaks to, so Facts compares it with the other sources'.

The library names subjects ``<topic>.<what>`` ("azal-8243.deaths", "mh17.date"). A found claim of
category ``deaths`` about an event takes the event's existing subject ending in ``.deaths``; if
there is none, a new subject under the event's topic (the part its subjects share, else the
event key), so a later source's claim meets this one.
"""

from __future__ import annotations

from collections.abc import Iterable

_ALIASES = {"troops": ("troops", "soldiers"), "equipment": ("equipment", "tanks", "drones")}


def topic_of(event_key: str, subjects: Iterable[str]) -> str:
    """The topic the event's subjects share ("azal-8243"), else the event key."""
    counts: dict[str, int] = {}
    for subject in subjects:
        topic = subject.rsplit(".", 1)[0] if "." in subject else subject
        counts[topic] = counts.get(topic, 0) + 1
    if not counts:
        return event_key
    return max(sorted(counts), key=lambda t: counts[t])


def subject_for(category: str, event_key: str, subjects: Iterable[str]) -> str:
    """The subject for a claim of ``category`` about ``event_key`` given the event's subjects."""
    known = sorted(set(subjects))
    wanted = _ALIASES.get(category, (category,))
    for subject in known:
        if subject.rsplit(".", 1)[-1] in wanted:
            return subject
    return f"{topic_of(event_key, known)}.{category}"
