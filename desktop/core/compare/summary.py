"""What differs between the sources of one event, in a few words for the strip above the panes.

``facts_in_dispute`` gives one line per subject the sources disagree on, e.g.
"deaths: 28 (EU Reporter) vs ≥ 38 (DW)"; ``silent_sources`` the labels of sources published
after the event that never mention it; ``summary_line`` both in one line, honest when fewer
than two sources speak of the event; ``dominant_frames`` a source's most used codes. Sources
are named by their short label (``PaneHeader.label``).
"""

from __future__ import annotations

from desktop.core.compare.model import Comparison, FrameMatrix


def source_labels(comparison: Comparison) -> dict[str, str]:
    return {
        p.source_key: p.header.label or p.header.outlet or p.source_key for p in comparison.panes
    }


def subject_name(subject: str) -> str:
    """A claim subject as a reader says it: "azal-8243.deaths" -> "deaths"."""
    return subject.rsplit(".", 1)[-1].replace("_", " ").replace("-", " ")


def fact_title(subject: str, kind: str) -> str:
    """How a finding is headed: statements (what a party said or did, or that something is so)
    are told apart from figures and dates."""
    name = subject_name(subject)
    return f"statement: {name}" if kind == "statement" else name


def facts_in_dispute(comparison: Comparison) -> list[str]:
    labels = source_labels(comparison)
    lines = []
    for finding in comparison.discrepancies:
        values: dict[str, list[str]] = {}
        for statement in finding.statements:
            label = labels.get(statement.source_key, statement.outlet or statement.source_key)
            values.setdefault(statement.value, [])
            if label not in values[statement.value]:
                values[statement.value].append(label)
        sides = " vs ".join(f"{value} ({', '.join(who)})" for value, who in values.items())
        lines.append(f"{subject_name(finding.subject)}: {sides}")
    return lines


def silent_sources(comparison: Comparison) -> list[str]:
    return [ref.label or ref.outlet or ref.key for ref in comparison.blind_spots.after]


def summary_line(comparison: Comparison) -> str:
    """The line above the panes: the facts in dispute and the silent sources; with no dispute,
    what can be said of the sources that speak (none, one, or every one published since)."""
    parts = []
    disputes = facts_in_dispute(comparison)
    if disputes:
        parts.append("In dispute: " + "; ".join(disputes))
    elif not comparison.panes:
        parts.append("No source speaks of this event.")
    elif len(comparison.panes) == 1:
        (label,) = source_labels(comparison).values()
        parts.append(f"Only {label} speaks of this event: nothing to compare.")
    silent = silent_sources(comparison)
    if silent:
        parts.append("Silent (published later, never mention it): " + ", ".join(silent))
    if not parts:
        parts.append("No facts in dispute; every source published since speaks of it.")
    return " · ".join(parts)


def dominant_frames(frames: FrameMatrix, source_key: str, limit: int = 2) -> list[str]:
    """Names of the codes ``source_key`` applies most often to the event (ties: matrix order)."""
    counted = [
        (frames.count(source_key, code.key), j, code.name) for j, code in enumerate(frames.codes)
    ]
    ranked = sorted((c for c in counted if c[0] > 0), key=lambda c: (-c[0], c[1]))
    return [name for _, _, name in ranked[:limit]]
