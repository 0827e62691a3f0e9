"""Claims about the same subject for one event, grouped and checked against each other and
against the record: the event's own dates for a claim about when it happened, and for any
subject a claim marked as the record's value (with its source, e.g. the official toll)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from itertools import combinations

from db.records import ClaimRecord, EventRecord, PassageRecord, SourceRecord
from desktop.core.compare.claim_pairs import DEFAULT_TOLERANCE, compare_claims, describe
from desktop.core.compare.model import ClaimStatement, FactFinding, Verdict
from desktop.core.compare.panes import publication_order
from desktop.core.compare.record_check import (
    check_against_event,
    is_event_date_claim,
    record_text,
    record_value_text,
)

_SEVERITY: dict[Verdict, int] = {"agree": 0, "consistent": 1, "incomparable": 2, "disagree": 3}


def _worst(verdicts: Sequence[Verdict]) -> Verdict:
    return max(verdicts, key=_SEVERITY.__getitem__, default="agree")


def _against_record(
    claim: ClaimRecord, event: EventRecord | None, record: ClaimRecord | None, tolerance: float
) -> Verdict | None:
    """The claim checked against the event's dates (a claim about when it happened) or else
    against the record's value for its subject; None when there is nothing to check it with."""
    if event is not None and is_event_date_claim(claim, event):
        return check_against_event(claim, event)
    if record is not None:
        return compare_claims(claim, record, tolerance).verdict
    return None


def _statement(
    claim: ClaimRecord,
    passage: PassageRecord,
    sources: Mapping[str, SourceRecord],
    against_record: Verdict | None,
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
        note=passage.notes or "",
        against_record=against_record,
    )


def _record_notes(statements: Sequence[ClaimStatement]) -> list[str]:
    """Which side the record is on, naming the sources."""
    differ = [s.outlet or s.source_key for s in statements if s.against_record == "disagree"]
    square = [
        s.outlet or s.source_key for s in statements if s.against_record in ("agree", "consistent")
    ]
    notes = []
    if differ:
        notes.append(f"the record contradicts {', '.join(differ)}")
    if square and differ:
        notes.append(f"the record is on the side of {', '.join(square)}")
    return notes


def _on(claim: ClaimRecord) -> str:
    """The passage of a source's claim (only record values may have none)."""
    if claim.passage_key is None:
        raise ValueError(f"claim {claim.key!r} is no record value and has no passage")
    return claim.passage_key


def _finding(
    subject: str,
    claims: Sequence[ClaimRecord],
    passages: Mapping[str, PassageRecord],
    sources: Mapping[str, SourceRecord],
    tolerance: float,
    event: EventRecord | None,
    record: ClaimRecord | None = None,
) -> FactFinding:
    verdicts: list[Verdict] = []
    conflicts: list[tuple[str, str]] = []
    notes: list[str] = []
    for a, b in combinations(claims, 2):
        pair = compare_claims(a, b, tolerance)
        verdicts.append(pair.verdict)
        if pair.verdict == "disagree":
            conflicts.append((a.key, b.key))
        if pair.note and pair.note not in notes:
            notes.append(pair.note)
    statements = tuple(
        _statement(c, passages[_on(c)], sources, _against_record(c, event, record, tolerance))
        for c in claims
    )
    checked = [s.against_record for s in statements if s.against_record is not None]
    verdicts.extend(checked)
    notes.extend(_record_notes(statements))
    kind = claims[0].kind if len({c.kind for c in claims}) == 1 else "mixed"
    dated = event is not None and any(is_event_date_claim(c, event) for c in claims)
    if dated and event is not None:
        shown = record_text(event)
    else:
        shown = record_value_text(record) if record is not None and checked else ""
    return FactFinding(
        subject, kind, _worst(verdicts), statements, tuple(conflicts), tuple(notes), shown
    )


_ClaimKey = tuple[tuple[int, float, str, str], int, str]


def _claim_order(
    passages: Mapping[str, PassageRecord], sources: Mapping[str, SourceRecord]
) -> Callable[[ClaimRecord], _ClaimKey]:
    def key(claim: ClaimRecord) -> _ClaimKey:
        passage = passages[_on(claim)]
        source = sources.get(passage.source_key)
        where = publication_order(source) if source is not None else (2, 0.0, "", "")
        return (where, passage.start, claim.key)

    return key


def _worth_showing(finding: FactFinding) -> bool:
    """Two or more claims to compare, or a single one that the record contradicts."""
    if len(finding.statements) >= 2:
        return True
    return any(s.against_record == "disagree" for s in finding.statements)


def compare_facts(
    event_key: str,
    claims: Sequence[ClaimRecord],
    passages: Sequence[PassageRecord],
    sources: Sequence[SourceRecord],
    tolerance: float = DEFAULT_TOLERANCE,
    event: EventRecord | None = None,
) -> tuple[FactFinding, ...]:
    """One finding per subject whose claims' passages link to ``event_key``, leaving out claims
    that name another event as theirs: subjects with at least two claims, and single claims
    that contradict the record (``event``'s own dates, when given, or a claim marked as the
    record's value for the subject, which is never a statement itself and may cite its reference
    instead of sitting on a passage).

    Findings are ordered worst verdict first, then by subject; statements by publication date of
    their source, then position in the text.
    """
    about = {p.key: p for p in passages if any(lk.event_key == event_key for lk in p.links)}
    by_source = {s.key: s for s in sources}
    groups: dict[str, list[ClaimRecord]] = {}
    records: dict[str, ClaimRecord] = {}
    for claim in sorted(claims, key=lambda c: c.key):
        if claim.event_key not in (None, event_key):
            continue
        standalone = claim.passage_key is None and claim.event_key == event_key
        if claim.is_record and (standalone or claim.passage_key in about):
            records.setdefault(claim.subject, claim)  # one citing its reference needs no passage
        elif claim.passage_key in about:
            groups.setdefault(claim.subject, []).append(claim)
    order = _claim_order(about, by_source)
    findings = [
        _finding(
            subject,
            sorted(group, key=order),
            about,
            by_source,
            tolerance,
            event,
            records.get(subject),
        )
        for subject, group in groups.items()
    ]
    kept = [f for f in findings if _worth_showing(f)]
    kept.sort(key=lambda f: (-_SEVERITY[f.verdict], f.subject))
    return tuple(kept)


__all__ = ["compare_facts"]
