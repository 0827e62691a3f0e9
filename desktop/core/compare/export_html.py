"""A comparison as one self-contained HTML page.

The page has an inline style sheet and nothing else: no scripts, no remote fonts, images or
links to load. Every string from the library passes through ``html.escape``; colours are used
only when they are plain ``#rrggbb`` values.

It reads as a report of one event: the header, the facts in dispute (then the facts that
agree), the frames matrix (one row per frame, one column per source under its short label, so
the table stays narrow enough that no word breaks letter by letter), the panes' passages,
blind spots and distinctive terms; the whole-library coverage table only when asked for.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping

from desktop.core.compare.model import (
    BlindSpots,
    CodeTag,
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

_COLOR_RE = re.compile(r"^#[0-9a-fA-F]{6}$")
_STYLE = """
body{font-family:system-ui,sans-serif;margin:2em;color:#222;background:#fff;line-height:1.45}
h1{margin-bottom:.2em}.when{color:#555}
.panes{display:flex;gap:1em;align-items:flex-start;overflow-x:auto}
.pane{flex:1 1 20em;min-width:16em;border:1px solid #ccc;border-radius:6px;padding:.8em}
.pane header{border-bottom:1px solid #ddd;margin-bottom:.6em}.meta{color:#555;font-size:.9em}
blockquote{margin:.3em 0;padding:.2em .5em;border-left:4px solid #999;background:#f7f7f7}
.code{display:inline-block;border-radius:3px;padding:0 .35em;margin:.1em;font-size:.85em;
color:#111}
.attrs{color:#555;font-size:.85em}table{border-collapse:collapse;margin:.6em 0}
td,th{border:1px solid #ccc;padding:.1em .4em;text-align:left}
.pairs td{border:none;vertical-align:top;padding:0 .4em 0 0}.unique{font-weight:bold}
.disagree{color:#b00020}.consistent{color:#8a6d00}.agree{color:#1b5e20}
"""


def esc(text: object) -> str:
    """HTML-escape any value's string form, quotes included."""
    return html.escape(str(text), quote=True)


def _tag(code: CodeTag) -> str:
    color = code.color if _COLOR_RE.match(code.color) else "#9e9e9e"
    return f'<span class="code" style="background:{color}">{esc(code.name)}</span>'


def _dot(names: SourceNames, key: str) -> str:
    """The source's colour as a dot before its label."""
    return f'<span style="color:{names.color(key)}">●</span> '


def _pane(pane: Pane, names: SourceNames) -> str:
    h = pane.header
    label = names.label(h.source_key, h.outlet)
    outlet = h.outlet if h.outlet and h.outlet != label else ""
    meta = [outlet, ", ".join(h.authors), h.kind, h.published_display, h.elapsed]
    parts = [
        f'<section class="pane"><header><h3>{_dot(names, h.source_key)}{esc(label)}</h3>',
        f"<div>{esc(h.title)}</div>",
        f'<div class="meta">{esc(" · ".join(m for m in meta if m))}</div></header>',
    ]
    for p in pane.passages:
        tags = "".join(_tag(c) for c in p.codes)
        attrs = f"voice: {p.voice}; tone: {p.tone or '-'}; {p.epistemic or '-'}"
        parts.append(
            f"<blockquote{_title(p.quote)}>{esc(display_quote(p.quote).text)}</blockquote>"
            f'<div>{tags} <span class="attrs">{esc(attrs)}</span></div>'
        )
    return "".join(parts) + "</section>"


def _frames(frames: FrameMatrix, names: SourceNames) -> str:
    """Frames as rows, sources as columns (a report has more frames than sources)."""
    if not frames.codes:
        return "<p>No coded passages.</p>"
    head = "".join(f"<th>{_dot(names, key)}{esc(names.label(key))}</th>" for key in frames.sources)
    rows = []
    for j, code in enumerate(frames.codes):
        cells = []
        for i, key in enumerate(frames.sources):
            n = frames.counts[i][j]
            unique = frames.unique_to.get(code.key) == key
            cls = ' class="unique" title="only this source"' if unique else ""
            cells.append(f"<td{cls}>{n or ''}{' ★' if unique and n else ''}</td>")
        rows.append(f"<tr><th>{_tag(code)}</th>{''.join(cells)}</tr>")
    note = '<p class="meta">★ only this source uses the frame.</p>'
    return f'<table width="100%"><tr><th>Frame</th>{head}</tr>{"".join(rows)}</table>{note}'


def _title(quote: str) -> str:
    """A title attribute with the display tooltip, when the quote is shown tidied."""
    tip = display_quote(quote).tooltip
    return f' title="{esc(tip)}"' if tip else ""


def _heading(f: FactFinding) -> str:
    return f"statement: {f.subject}" if f.kind == "statement" else f.subject


def _fact(f: FactFinding, names: SourceNames) -> str:
    record = f"<li>the record: <b>{esc(f.record)}</b></li>" if f.record else ""
    items = record + "".join(
        f"<li>{_dot(names, s.source_key)}{esc(names.label(s.source_key, s.outlet))}: "
        f"<b>{esc(s.value)}</b> "
        f"<q>{esc(s.stated)}</q> <i>{esc(statement_remarks(s.against_record, s.note))}</i>"
        f"<blockquote{_title(s.quote)}>{esc(display_quote(s.quote).text)}</blockquote></li>"
        for s in f.statements
    )
    notes = "".join(f"<li><i>{esc(n)}</i></li>" for n in f.notes)
    return (
        f'<div class="fact"><h3>{esc(_heading(f))} <span class="{esc(f.verdict)}">'
        f"{esc(f.verdict)}</span></h3><ul>{items}{notes}</ul></div>"
    )


def _refs(
    title: str, refs: Iterable[SourceRef], names: SourceNames, blind: BlindSpots | None = None
) -> str:
    items = "".join(
        f"<li>{_dot(names, r.key)}{esc(names.label(r.key, r.outlet))}: {esc(r.title)} "
        f"({esc(r.published_display)})"
        + (f" — <i>{esc(blind.reason(r.key))}</i>" if blind and blind.reason(r.key) else "")
        + "</li>"
        for r in refs
    )
    return f"<h3>{esc(title)}</h3><ul>{items or '<li>none</li>'}</ul>"


def _words(words: Iterable[SourceTerms], names: SourceNames) -> str:
    rows = "".join(
        f"<tr><th>{_dot(names, w.source_key)}{esc(names.label(w.source_key))}</th><td>"
        + esc(describe_terms(w))
        + "</td></tr>"
        for w in words
    )
    return f'<table width="100%">{rows}</table>'


def _coverage(coverage: CoverageMatrix, names: SourceNames) -> str:
    head = "".join(
        f"<th>{_dot(names, s.key)}{esc(names.label(s.key, s.outlet))}</th>"
        for s in coverage.sources
    )
    rows = []
    for row in coverage.rows:
        cells = "".join(
            "<td></td>"
            if c is None
            else f"<td>{c.count} {_tag(c.dominant) if c.dominant else ''}</td>"
            for c in row.cells
        )
        rows.append(f"<tr><th>{esc(row.event_title)}</th><td>{esc(row.when)}</td>{cells}</tr>")
    return f'<table width="100%"><tr><th>Event</th><th>When</th>{head}</tr>{"".join(rows)}</table>'


def _blind_spots(blind: BlindSpots, names: SourceNames) -> str:
    """The silent sources by kind of silence; the empty kinds are left out."""
    kinds = (
        ("Published after the event", blind.after, blind),
        ("Undated", blind.undated, None),
        ("Awaiting review", blind.awaiting, None),
        ("Published before the event", blind.before, None),
    )
    shown = [_refs(title, refs, names, why) for title, refs, why in kinds if tuple(refs)]
    return "".join(shown) or "<p>Every source in the library speaks of this event.</p>"


def _facts(comparison: Comparison, names: SourceNames) -> str:
    if not comparison.facts:
        return "<h2>Facts</h2><p>No claims to compare.</p>"
    disputed = [f for f in comparison.facts if f.verdict == "disagree"]
    rest = [f for f in comparison.facts if f.verdict != "disagree"]
    parts = ["<h2>Facts in dispute</h2>"]
    parts.append(
        "".join(_fact(f, names) for f in disputed) or "<p>The sources do not disagree.</p>"
    )
    if rest:
        briefs = "".join(_brief(f, names) for f in rest)
        parts.append(f"<h2>Other facts</h2><ul>{briefs}</ul>")
    return "".join(parts)


def _brief(f: FactFinding, names: SourceNames) -> str:
    """A fact the sources do not dispute, on one line: subject, verdict, who says what."""
    said = "; ".join(f"{names.label(s.source_key, s.outlet)}: {s.value}" for s in f.statements)
    return (
        f'<li><b>{esc(f.subject)}</b> <span class="{esc(f.verdict)}">{esc(f.verdict)}</span>'
        f" — {esc(said)}</li>"
    )


def _panes(panes: Iterable[Pane], names: SourceNames, paged: bool) -> str:
    """The panes side by side: a flex row on screen; on pages (``paged``) two to a table row,
    since a page layout has no flex boxes."""
    shown = [_pane(p, names) for p in panes]
    if not paged:
        return '<div class="panes">' + "".join(shown) + "</div>"
    rows = "".join(
        "<tr>" + "".join(f'<td width="50%">{pane}</td>' for pane in shown[k : k + 2]) + "</tr>"
        for k in range(0, len(shown), 2)
    )
    return f'<table width="100%" class="pairs">{rows}</table>'


def comparison_to_html(
    comparison: Comparison,
    coverage: bool = False,
    labels: Mapping[str, str] | None = None,
    terms: bool = True,
    paged: bool = False,
) -> str:
    """A complete HTML5 document; safe to open offline and to share. ``coverage`` adds the
    whole-library coverage table; ``labels`` (source key -> stored short label) name the
    sources in tables; ``terms`` keeps the distinctive terms; ``paged`` lays the panes out
    two by two for a printed page."""
    ev = comparison.event
    names = source_names(comparison, labels)
    speaking = ", ".join(names.label(p.source_key, p.header.outlet) for p in comparison.panes)
    body = [
        f'<h1>{esc(ev.title)}</h1><p class="when">{esc(ev.when)}</p><p>{esc(ev.summary)}</p>',
        f'<p class="meta">Compared across {len(comparison.panes)} sources: {esc(speaking)}.</p>',
        _facts(comparison, names),
        "<h2>Frames</h2>",
        _frames(comparison.frames, names),
        "<h2>Sources</h2>",
        _panes(comparison.panes, names, paged),
        "<h2>Blind spots</h2>",
        _blind_spots(comparison.blind_spots, names),
    ]
    if terms:
        body += ["<h2>Distinctive terms</h2>", _words(comparison.words, names)]
    if coverage:
        body += ["<h2>Coverage</h2>", _coverage(comparison.coverage, names)]
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{esc(ev.title)}: compared</title><style>{_STYLE}</style></head>"
        f"<body>{''.join(body)}</body></html>\n"
    )
