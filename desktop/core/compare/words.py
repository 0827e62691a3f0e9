"""Each pane's most distinctive terms: weighted log-odds with an informative Dirichlet prior.

Monroe, Colaresi and Quinn (2008), "Fightin' Words": for a pane i against the pooled other panes
j, with prior counts a_w and a_0 their sum,

    delta_w = log((y_iw + a_w) / (n_i + a_0 - y_iw - a_w))
            - log((y_jw + a_w) / (n_j + a_0 - y_jw - a_w))
    var_w  ~= 1 / (y_iw + a_w) + 1 / (y_jw + a_w)
    z_w     = delta_w / sqrt(var_w)

The prior is informative: the pooled counts of all panes plus a background of the sources' full
texts where they are attached, so a word common everywhere is shrunk more than a rare one and
terms seen equally often in the panes still differ by how usual they are in general. Terms are
stems (Snowball), shown in their commonest written form. Ties are ordered by count, then by where
the term first occurs in the pane, never alphabetically. |z| >= 1.96 is marked significant; a pane
in which no term reaches it says there is too little text to tell.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

from desktop.core.compare.model import SourceTerms, Term
from desktop.core.compare.texts import TermTally

DEFAULT_TOP = 12
SIGNIFICANT_Z = 1.96


def log_odds_z(
    own: Counter[str], rest: Counter[str], prior: Counter[str], prior_scale: float = 1.0
) -> dict[str, float]:
    """z-scores of every term in ``own`` (own vs rest); positive means over-used by ``own``."""
    a0 = prior_scale * sum(prior.values())
    n_i, n_j = sum(own.values()), sum(rest.values())
    scores: dict[str, float] = {}
    for term, y_i in own.items():
        a = prior_scale * prior[term]
        if a <= 0:
            continue
        y_j = rest[term]
        if n_i + a0 - y_i - a <= 0 or n_j + a0 - y_j - a <= 0:
            continue  # a one-term vocabulary has nothing to contrast
        delta = math.log((y_i + a) / (n_i + a0 - y_i - a)) - math.log(
            (y_j + a) / (n_j + a0 - y_j - a)
        )
        scores[term] = delta / math.sqrt(1.0 / (y_i + a) + 1.0 / (y_j + a))
    return scores


def _tally(value: TermTally | Counter[str]) -> TermTally:
    return value if isinstance(value, TermTally) else TermTally.of_counts(value)


def _note(terms: Sequence[Term], words: int) -> str:
    if any(t.significant for t in terms):
        return ""
    return f"too little text to tell: no term stands out at the 95 % level ({words} words)"


def distinctive_terms(
    panes: Sequence[tuple[str, TermTally | Counter[str]]],
    top: int = DEFAULT_TOP,
    prior_scale: float = 1.0,
    background: Counter[str] | None = None,
) -> tuple[SourceTerms, ...]:
    """For each (source key, tally), its ``top`` terms with positive z, best first, each with
    its count in the pane and in the other panes. With fewer than two panes there is nothing to
    contrast and every list is empty."""
    tallies = [(key, _tally(value)) for key, value in panes]
    if len(tallies) < 2:
        return tuple(
            SourceTerms(key, (), t.words, "only one source: nothing to contrast")
            for key, t in tallies
        )
    total: Counter[str] = Counter()
    for _, tally in tallies:
        total.update(tally.counts)
    prior = total + background if background else total
    return tuple(_pane_terms(key, tally, total, prior, top, prior_scale) for key, tally in tallies)


def _pane_terms(
    key: str, tally: TermTally, total: Counter[str], prior: Counter[str], top: int, scale: float
) -> SourceTerms:
    own = tally.counts
    rest = total - own
    scores = log_odds_z(own, rest, prior, scale)
    ranked = sorted(
        (t for t, z in scores.items() if z > 0),
        key=lambda t: (-round(scores[t], 9), -own[t], tally.first.get(t, 0)),
    )
    terms = tuple(
        Term(tally.display(t), round(scores[t], 3), own[t], rest[t], scores[t] >= SIGNIFICANT_Z)
        for t in ranked[:top]
    )
    note = _note(terms, tally.words)
    tied = _tied_beyond(ranked, top, scores)
    if tied:
        note = "; ".join(filter(None, [note, f"{tied} more terms tie with the last one shown"]))
    return SourceTerms(key, terms, tally.words, note)


def _tied_beyond(ranked: Sequence[str], top: int, scores: dict[str, float]) -> int:
    """How many terms past the cut score exactly as the last one kept."""
    if len(ranked) <= top or top <= 0:
        return 0
    last = round(scores[ranked[top - 1]], 9)
    return sum(1 for t in ranked[top:] if round(scores[t], 9) == last)


def describe_term(term: Term) -> str:
    """A term with its evidence, e.g. "blitzkrieg (2 here, 0 elsewhere; z 1.02)"; a trailing
    "*" marks |z| >= 1.96."""
    mark = "*" if term.significant else ""
    return f"{term.term}{mark} ({term.count} here, {term.other_count} elsewhere; z {term.z:.2f})"


def describe_terms(entry: SourceTerms) -> str:
    """One pane's terms with their evidence, then the pane's note, or "none"."""
    text = ", ".join(describe_term(t) for t in entry.terms) or "none"
    return f"{text} — {entry.note}" if entry.note else text
