"""Each pane's most distinctive terms: weighted log-odds with an informative Dirichlet prior.

For a pane i against the pooled other panes j, with prior counts a_w (the pooled counts of all
panes, scaled by ``prior_scale``) and a_0 their sum, following Monroe, Colaresi and Quinn (2008):

    delta_w = log((y_iw + a_w) / (n_i + a_0 - y_iw - a_w))
            - log((y_jw + a_w) / (n_j + a_0 - y_jw - a_w))
    var_w  ~= 1 / (y_iw + a_w) + 1 / (y_jw + a_w)
    z_w     = delta_w / sqrt(var_w)

The prior shrinks terms seen only once or twice, so a term ranks high when it is both frequent in
the pane and rare elsewhere.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

from desktop.core.compare.model import SourceTerms, Term

DEFAULT_TOP = 12


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


def distinctive_terms(
    pane_counts: Sequence[tuple[str, Counter[str]]],
    top: int = DEFAULT_TOP,
    prior_scale: float = 1.0,
) -> tuple[SourceTerms, ...]:
    """For each (source key, term counts), its ``top`` terms with positive z, best first (ties
    by term). With fewer than two panes there is nothing to contrast and every list is empty."""
    if len(pane_counts) < 2:
        return tuple(SourceTerms(key, ()) for key, _ in pane_counts)
    total: Counter[str] = Counter()
    for _, counts in pane_counts:
        total.update(counts)
    result = []
    for key, own in pane_counts:
        rest = total - own
        scores = log_odds_z(own, rest, total, prior_scale)
        ranked = sorted(
            ((t, z) for t, z in scores.items() if z > 0), key=lambda item: (-item[1], item[0])
        )
        terms = tuple(Term(t, round(z, 3), own[t]) for t, z in ranked[:top])
        result.append(SourceTerms(key, terms))
    return tuple(result)
