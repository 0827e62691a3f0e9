"""Date claims checked against the record: the event's own dates in the library.

The library's events are dated from public records (the dataset's README lists the references),
so a claim about when an event happened can be right or wrong on its own, not only relative to
other sources. A claimed date agrees when its whole period lies inside the event's span at the
event's precision, is consistent when it only overlaps it (a coarser or wider date), and disagrees
when the two do not meet at all.
"""

from __future__ import annotations

from db.records import ClaimRecord, EventRecord
from desktop.core.compare.claim_pairs import describe
from desktop.core.compare.dating import event_when
from desktop.core.compare.model import Verdict
from desktop.model.dates import DateParseError, DateSpan, HistDate

_DATE_SUBJECT_ENDINGS = (".date", ".start.date", ".start")


def is_event_date_claim(claim: ClaimRecord, event: EventRecord) -> bool:
    """A date claim about when this very event happened (named as its event, and a subject
    ending in ``.date`` or ``.start``)."""
    return (
        claim.kind == "date"
        and claim.event_key == event.key
        and claim.subject.endswith(_DATE_SUBJECT_ENDINGS)
        and not claim.subject.endswith(".end.date")
    )


def _claimed(claim: ClaimRecord) -> HistDate | None:
    try:
        return HistDate.parse_edtf(claim.date) if claim.date else None
    except DateParseError:
        return None


def check_against_event(claim: ClaimRecord, event: EventRecord) -> Verdict:
    """How a date claim squares with the event's own span (``incomparable`` when unreadable)."""
    claimed = _claimed(claim)
    if claimed is None:
        return "incomparable"
    try:
        span = DateSpan.from_edtf(event.start, event.end)
    except DateParseError:
        return "incomparable"
    lo, hi = claimed.first_day(), claimed.end_day()
    if hi <= span.t_lo or lo >= span.t_hi:
        return "disagree"
    return "agree" if span.t_lo <= lo and hi <= span.t_hi else "consistent"


def record_text(event: EventRecord) -> str:
    """How the record dates the event, for display: "14 Oct 2022 (the event's date)"."""
    return f"{event_when(event)} (the event's date in this library)"


def record_value_text(record: ClaimRecord) -> str:
    """A claim marked as the record, for display: its value (for a statement, the record's own
    words when it has them) and the public record it comes from."""
    if record.kind == "statement":
        value = record.stated or ("it is so" if record.holds else "it is not so")
    else:
        value = describe(record)
    return f"{value} ({record.reference})"


RECORD_WORDS: dict[Verdict, str] = {
    "agree": "matches the record",
    "consistent": "squares with the record",
    "disagree": "contradicts the record",
    "incomparable": "cannot be checked against the record",
}


def statement_remarks(against_record: Verdict | None, note: str) -> str:
    """What to show beside a claim: its check against the record and the passage's note."""
    parts = [RECORD_WORDS[against_record]] if against_record is not None else []
    if note:
        parts.append(f"team note: {note}")
    return "; ".join(parts)
