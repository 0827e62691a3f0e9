"""Claims about the same subject for one event, grouped and checked against each other."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from itertools import combinations

from db.records import ClaimRecord, PassageRecord, SourceRecord
from desktop.core.compare.claim_pairs import DEFAULT_TOLERANCE, compare_claims, describe
from desktop.core.compare.model import ClaimStatement, FactFinding, Verdict
from desktop.core.compare.panes import publication_order

_SEVERITY: dict[Verdict, int] = {"agree": 0, "consistent": 1, "incomparable": 2, "disagree": 3}


def _statement(
    claim: ClaimRecord, passage: PassageRecord, sources: Mapping[str, SourceRecord]
) -> ClaimStatement:
    source = sources.get(passage.source_key)
    return ClaimStatement(
        claim_key=claim.key,
        source_key=passage.source_key,
        outlet=source.outlet if source is not None else "",
        passage_key=passage.key,
        quote=passage.quote,
        stated=claim.stated,
        value=describe(claim),
    )


def _finding(
    subject: str,
    claims: Sequence[ClaimRecord],
    passages: Mapping[str, PassageRecord],
    sources: Mapping[str, SourceRecord],
    tolerance: float,
) -> FactFinding:
    verdict: Verdict = "agree"
    conflicts: list[tuple[str, str]] = []
    notes: list[str] = []
    for a, b in combinations(claims, 2):
        pair = compare_claims(a, b, tolerance)
        if _SEVERITY[pair.verdict] > _SEVERITY[verdict]:
            verdict = pair.verdict
        if pair.verdict == "disagree":
            conflicts.append((a.key, b.key))
        if pair.note and pair.note not in notes:
            notes.append(pair.note)
    statements = tuple(_statement(c, passages[c.passage_key], sources) for c in claims)
    kind = claims[0].kind if len({c.kind for c in claims}) == 1 else "mixed"
    return FactFinding(subject, kind, verdict, statements, tuple(conflicts), tuple(notes))


_ClaimKey = tuple[tuple[int, float, str, str], int, str]


def _claim_order(
    passages: Mapping[str, PassageRecord], sources: Mapping[str, SourceRecord]
) -> Callable[[ClaimRecord], _ClaimKey]:
    def key(claim: ClaimRecord) -> _ClaimKey:
        passage = passages[claim.passage_key]
        source = sources.get(passage.source_key)
        where = publication_order(source) if source is not None else (2, 0.0, "", "")
        return (where, passage.start, claim.key)

    return key


def compare_facts(
    event_key: str,
    claims: Sequence[ClaimRecord],
    passages: Sequence[PassageRecord],
    sources: Sequence[SourceRecord],
    tolerance: float = DEFAULT_TOLERANCE,
) -> tuple[FactFinding, ...]:
    """One finding per subject with at least two claims whose passages link to ``event_key``.

    Findings are ordered worst verdict first, then by subject; statements by publication date of
    their source, then position in the text.
    """
    about = {p.key: p for p in passages if any(lk.event_key == event_key for lk in p.links)}
    by_source = {s.key: s for s in sources}
    groups: dict[str, list[ClaimRecord]] = {}
    for claim in claims:
        if claim.passage_key in about:
            groups.setdefault(claim.subject, []).append(claim)
    order = _claim_order(about, by_source)
    findings = [
        _finding(subject, sorted(group, key=order), about, by_source, tolerance)
        for subject, group in groups.items()
        if len(group) >= 2
    ]
    findings.sort(key=lambda f: (-_SEVERITY[f.verdict], f.subject))
    return tuple(findings)
