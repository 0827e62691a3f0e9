"""A comparison as a Markdown report (CommonMark with pipe tables).

Every string that came from a source or the library is escaped so that it shows literally: no
raw HTML, links or emphasis can be smuggled in through a quote or a title.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

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
from desktop.core.compare.source_names import SourceNames, source_names
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


def _pane(pane: Pane, names: SourceNames) -> list[str]:
    h = pane.header
    label = names.label(h.source_key, h.outlet)
    lines = [f"### {md(label)}: {md(h.title)}", ""]
    outlet = md(h.outlet) if h.outlet and h.outlet != label else ""
    authors = md(", ".join(h.authors)) if h.authors else ""
    meta = [outlet, authors, md(h.kind), md(h.published_display)]
    if h.elapsed:
        meta.append(md(h.elapsed))
    lines += [" · ".join(m for m in meta if m), ""]
    for p in pane.passages:
        lines += [f"> {md(display_quote(p.quote).text)}", ""]
        codes = ", ".join(md(c.name) for c in p.codes) or "uncoded"
        attrs = f"voice: {md(p.voice)}; tone: {md(p.tone or '-')}; {md(p.epistemic or '-')}"
        lines += [f"*{codes}* ({attrs})", ""]
    return lines


def _frames(frames: FrameMatrix, names: SourceNames) -> list[str]:
    if not frames.codes:
        return ["No coded passages.", ""]
    header = ["Source"] + [md(c.name) for c in frames.codes]
    rows = []
    for key, counts in zip(frames.sources, frames.counts, strict=True):
        cells = []
        for code, n in zip(frames.codes, counts, strict=True):
            mark = " (only here)" if frames.unique_to.get(code.key) == key else ""
            cells.append(f"{n}{mark}" if n else "")
        rows.append([md(names.label(key))] + cells)
    return _table(header, rows)


def _facts(facts: Iterable[FactFinding], names: SourceNames) -> list[str]:
    lines: list[str] = []
    for f in facts:
        heading = f"statement: {f.subject}" if f.kind == "statement" else f.subject
        lines += [f"**{md(heading)}**: {f.verdict}", ""]
        if f.record:
            lines.append(f"- the record: {md(f.record)}")
        for s in f.statements:
            remarks = statement_remarks(s.against_record, s.note)
            extra = f" — {md(remarks)}" if remarks else ""
            who = md(names.label(s.source_key, s.outlet))
            lines.append(f"- {who}: {md(s.value)}, “{md(s.stated)}”{extra}")
        lines += [f"- note: {md(n)}" for n in f.notes] + [""]
    return lines or ["No claims to compare.", ""]


def _refs(
    title: str, refs: Iterable[SourceRef], names: SourceNames, blind: BlindSpots | None = None
) -> list[str]:
    items = []
    for r in refs:
        reason = blind.reason(r.key) if blind is not None else ""
        why = f" — {md(reason)}" if reason else ""
        who = md(names.label(r.key, r.outlet))
        items.append(f"- {who}: {md(r.title)} ({md(r.published_display)}){why}")
    return [f"**{title}**", ""] + (items or ["- none"]) + [""]


def _blind(blind: BlindSpots, names: SourceNames) -> list[str]:
    return (
        _refs("Published after the event", blind.after, names, blind)
        + _refs("Undated", blind.undated, names)
        + _refs("Awaiting review (not yet read for this event)", blind.awaiting, names)
        + _refs("Published before the event", blind.before, names)
    )


def _words(words: Iterable[SourceTerms], names: SourceNames) -> list[str]:
    lines = []
    for entry in words:
        terms = md(describe_terms(entry))
        lines.append(f"- {md(names.label(entry.source_key))}: {terms}")
    return lines + [""]


def _coverage(coverage: CoverageMatrix, names: SourceNames) -> list[str]:
    header = ["Event", "When"] + [md(names.label(s.key, s.outlet)) for s in coverage.sources]
    rows = []
    for row in coverage.rows:
        cells = [
            "" if c is None else f"{c.count}" + (f" {md(c.dominant.name)}" if c.dominant else "")
            for c in row.cells
        ]
        rows.append([md(row.event_title), md(row.when)] + cells)
    return _table(header, rows)


def comparison_to_markdown(comparison: Comparison, labels: Mapping[str, str] | None = None) -> str:
    """The full report: event, panes, frames, facts, blind spots, distinctive terms, coverage.
    Sources are named by their short labels (``labels``: stored ones, source key -> label)."""
    ev = comparison.event
    names = source_names(comparison, labels)
    lines = [f"# {md(ev.title)}", "", f"*{md(ev.when)}*", ""]
    if ev.summary:
        lines += [md(ev.summary), ""]
    lines += ["## Sources", ""]
    for pane in comparison.panes:
        lines += _pane(pane, names)
    lines += ["## Frames", ""] + _frames(comparison.frames, names)
    lines += ["## Facts", ""] + _facts(comparison.facts, names)
    lines += ["## Blind spots", ""] + _blind(comparison.blind_spots, names)
    lines += ["## Distinctive terms", ""] + _words(comparison.words, names)
    lines += ["## Coverage", ""] + _coverage(comparison.coverage, names)
    return "\n".join(lines).rstrip() + "\n"
