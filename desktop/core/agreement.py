"""Inter-coder agreement on coded text: percent agreement, Cohen's kappa, Krippendorff's alpha.

The unit is the character. For each source and code, only characters that at least one of the
chosen coders coded with that code count (text nobody coded says nothing about agreement and
would inflate every figure). Each such character is a unit whose value, per coder, is "coded" or
"not coded". Runs of characters with the same pattern are kept as weighted segments, so a
50,000-character report costs a few hundred segments, not 50,000 units.

Cohen's kappa is defined for two coders; with more, the mean over pairs is reported (Light's
kappa). Krippendorff's alpha (nominal) takes any number of coders.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations

import numpy as np


@dataclass(frozen=True)
class CodedSpan:
    coder: str
    source_key: str
    code_key: str
    start: int
    end: int


@dataclass(frozen=True)
class Segment:
    """A run of characters of one source where each coder either coded ``code_key`` or not."""

    source_key: str
    code_key: str
    start: int
    end: int
    coded_by: frozenset[str]

    @property
    def length(self) -> int:
        return self.end - self.start


@dataclass(frozen=True)
class Agreement:
    coders: tuple[str, ...]
    units: int
    percent: float
    kappa: float | None
    alpha: float | None


@dataclass(frozen=True)
class AgreementReport:
    overall: Agreement
    by_code: dict[str, Agreement]
    disagreements: tuple[Segment, ...]


def segments(spans: Iterable[CodedSpan], coders: Sequence[str]) -> list[Segment]:
    """Cut each (source, code) into runs where at least one coder coded; patterns per run."""
    chosen = set(coders)
    grouped: dict[tuple[str, str], list[CodedSpan]] = defaultdict(list)
    for span in spans:
        if span.coder in chosen and span.end > span.start:
            grouped[(span.source_key, span.code_key)].append(span)
    result: list[Segment] = []
    for (source, code), items in sorted(grouped.items()):
        result.extend(_runs(source, code, items))
    return result


def _runs(source: str, code: str, spans: list[CodedSpan]) -> list[Segment]:
    cuts = sorted({s.start for s in spans} | {s.end for s in spans})
    runs: list[Segment] = []
    for lo, hi in zip(cuts, cuts[1:], strict=False):
        coded = frozenset(s.coder for s in spans if s.start <= lo and s.end >= hi)
        if not coded:
            continue
        previous = runs[-1] if runs else None
        if previous and previous.end == lo and previous.coded_by == coded:
            runs[-1] = Segment(source, code, previous.start, hi, coded)
        else:
            runs.append(Segment(source, code, lo, hi, coded))
    return runs


def _kappa_pair(segs: list[Segment], a: str, b: str) -> float | None:
    """Cohen's kappa for two coders over weighted binary units."""
    weights = np.array([s.length for s in segs], dtype=float)
    xa = np.array([a in s.coded_by for s in segs], dtype=float)
    xb = np.array([b in s.coded_by for s in segs], dtype=float)
    total = weights.sum()
    if total == 0:
        return None
    observed = float((weights * (xa == xb)).sum() / total)
    pa, pb = float((weights * xa).sum() / total), float((weights * xb).sum() / total)
    expected = pa * pb + (1 - pa) * (1 - pb)
    if expected >= 1.0:
        return 1.0 if observed >= 1.0 else None
    return (observed - expected) / (1 - expected)


def _alpha(segs: list[Segment], coders: Sequence[str]) -> float | None:
    """Krippendorff's alpha (nominal) from the weighted coincidence matrix."""
    o = np.zeros((2, 2))
    m = len(coders)
    for seg in segs:
        ones = sum(1 for c in coders if c in seg.coded_by)
        counts = np.array([m - ones, ones], dtype=float)
        pairs = np.outer(counts, counts) - np.diag(counts)
        o += seg.length * pairs / (m - 1)
    n_c = o.sum(axis=1)
    n = n_c.sum()
    if n <= 1:
        return None
    observed = o[0, 1] + o[1, 0]
    expected = (2 * n_c[0] * n_c[1]) / (n - 1)
    if expected == 0:
        return 1.0 if observed == 0 else None
    return float(1 - observed / expected)


def agreement(segs: list[Segment], coders: Sequence[str]) -> Agreement:
    units = sum(s.length for s in segs)
    if units == 0:
        return Agreement(tuple(coders), 0, 1.0, None, None)
    full = set(coders)
    agreed = sum(s.length for s in segs if s.coded_by == full)
    kappas = [k for a, b in combinations(coders, 2) if (k := _kappa_pair(segs, a, b)) is not None]
    kappa = float(np.mean(kappas)) if kappas else None
    return Agreement(tuple(coders), units, agreed / units, kappa, _alpha(segs, coders))


def agreement_report(spans: Iterable[CodedSpan], coders: Sequence[str]) -> AgreementReport:
    """Agreement overall and per code, and the segments where the coders disagree."""
    if len(set(coders)) < 2:
        raise ValueError("Agreement needs at least two different coders.")
    segs = segments(spans, coders)
    by_code: dict[str, list[Segment]] = defaultdict(list)
    for seg in segs:
        by_code[seg.code_key].append(seg)
    full = set(coders)
    return AgreementReport(
        overall=agreement(segs, coders),
        by_code={code: agreement(items, coders) for code, items in sorted(by_code.items())},
        disagreements=tuple(s for s in segs if s.coded_by != full),
    )
