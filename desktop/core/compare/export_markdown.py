"""A comparison as a Markdown report (CommonMark with pipe tables).

Every string that came from a source or the library is escaped so that it shows literally: no
raw HTML, links or emphasis can be smuggled in through a quote or a title.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from desktop.core.compare.model import (
    BlindSpots,
    Comparison,
    CoverageMatrix,
    FactFinding,
    FrameMatrix,
    Pane,
    SourceRef,
    SourceTerms,
)
from desktop.core.compare.quote_display import display_quote
from desktop.core.compare.record_check import statement_remarks
from desktop.core.compare.words import describe_terms

_SPECIAL_RE = re.compile(r"([\\`*_\[\]<>|#~!])")


def md(text: str) -> str:
    """Escape Markdown syntax and fold line breaks into spaces."""
    return _SPECIAL_RE.sub(r"\\\1", " ".join(text.split()))


def _table(header: Iterable[str], rows: Iterable[Iterable[str]]) -> list[str]:
    head = list(header)
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines + [""]


def _pane(pane: Pane) -> list[str]:
    h = pane.header
    lines = [f"### {md(h.outlet or h.source_key)}: {md(h.title)}", ""]
    meta = [md(", ".join(h.authors)) if h.authors else "", md(h.kind), md(h.published_display)]
    if h.elapsed:
        meta.append(md(h.elapsed))
    lines += [" · ".join(m for m in meta if m), ""]
    for p in pane.passages:
        lines += [f"> {md(display_quote(p.quote).text)}", ""]
        codes = ", ".join(md(c.name) for c in p.codes) or "uncoded"
        attrs = f"voice: {md(p.voice)}; tone: {md(p.tone or '-')}; {md(p.epistemic or '-')}"
        lines += [f"*{codes}* ({attrs})", ""]
    return lines


def _frames(frames: FrameMatrix, outlets: dict[str, str]) -> list[str]:
    if not frames.codes:
        return ["No coded passages.", ""]
    header = ["Source"] + [md(c.name) for c in frames.codes]
    rows = []
    for key, counts in zip(frames.sources, frames.counts, strict=True):
        cells = []
        for code, n in zip(frames.codes, counts, strict=True):
            mark = " (only here)" if frames.unique_to.get(code.key) == key else ""
            cells.append(f"{n}{mark}" if n else "")
        rows.append([md(outlets.get(key, key))] + cells)
    return _table(header, rows)


def _facts(facts: Iterable[FactFinding]) -> list[str]:
    lines: list[str] = []
    for f in facts:
        lines += [f"**{md(f.subject)}**: {f.verdict}", ""]
        if f.record:
            lines.append(f"- the record: {md(f.record)}")
        for s in f.statements:
            remarks = statement_remarks(s.against_record, s.note)
            extra = f" — {md(remarks)}" if remarks else ""
            lines.append(
                f"- {md(s.outlet or s.source_key)}: {md(s.value)}, “{md(s.stated)}”{extra}"
            )
        lines += [f"- note: {md(n)}" for n in f.notes] + [""]
    return lines or ["No claims to compare.", ""]


def _refs(title: str, refs: Iterable[SourceRef], blind: BlindSpots | None = None) -> list[str]:
    items = []
    for r in refs:
        reason = blind.reason(r.key) if blind is not None else ""
        why = f" — {md(reason)}" if reason else ""
        items.append(f"- {md(r.outlet)}: {md(r.title)} ({md(r.published_display)}){why}")
    return [f"**{title}**", ""] + (items or ["- none"]) + [""]


def _blind(blind: BlindSpots) -> list[str]:
    return (
        _refs("Published after the event", blind.after, blind)
        + _refs("Undated", blind.undated)
        + _refs("Awaiting review (not yet read for this event)", blind.awaiting)
        + _refs("Published before the event", blind.before)
    )


def _words(words: Iterable[SourceTerms], outlets: dict[str, str]) -> list[str]:
    lines = []
    for entry in words:
        terms = md(describe_terms(entry))
        lines.append(f"- {md(outlets.get(entry.source_key, entry.source_key))}: {terms}")
    return lines + [""]


def _coverage(coverage: CoverageMatrix) -> list[str]:
    header = ["Event", "When"] + [md(s.outlet or s.key) for s in coverage.sources]
    rows = []
    for row in coverage.rows:
        cells = [
            "" if c is None else f"{c.count}" + (f" {md(c.dominant.name)}" if c.dominant else "")
            for c in row.cells
        ]
        rows.append([md(row.event_title), md(row.when)] + cells)
    return _table(header, rows)


def comparison_to_markdown(comparison: Comparison) -> str:
    """The full report: event, panes, frames, facts, blind spots, distinctive terms, coverage."""
    ev = comparison.event
    outlets = {p.source_key: p.header.outlet or p.source_key for p in comparison.panes}
    lines = [f"# {md(ev.title)}", "", f"*{md(ev.when)}*", ""]
    if ev.summary:
        lines += [md(ev.summary), ""]
    lines += ["## Sources", ""]
    for pane in comparison.panes:
        lines += _pane(pane)
    lines += ["## Frames", ""] + _frames(comparison.frames, outlets)
    lines += ["## Facts", ""] + _facts(comparison.facts)
    lines += ["## Blind spots", ""] + _blind(comparison.blind_spots)
    lines += ["## Distinctive terms", ""] + _words(comparison.words, outlets)
    lines += ["## Coverage", ""] + _coverage(comparison.coverage)
    return "\n".join(lines).rstrip() + "\n"
