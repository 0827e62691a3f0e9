"""The result of comparing sources on one event: plain frozen values, no behaviour beyond lookups.

Both the compare panes in the UI and the headless ``parallax compare`` command display these
values; nothing here refers to the database or to Qt. Every string that came from a source (quotes,
titles, outlets, speakers) is kept verbatim: renderers escape it for their medium.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Verdict = Literal["agree", "consistent", "disagree", "incomparable"]


@dataclass(frozen=True, slots=True)
class CodeTag:
    """A code as the comparison shows it: enough to label and colour it."""

    key: str
    name: str
    color: str
    group: str
    position: int = 0


@dataclass(frozen=True, slots=True)
class EventSummary:
    """The event being compared, with its date already put into words."""

    key: str
    title: str
    when: str
    summary: str = ""
    lane: str = ""


@dataclass(frozen=True, slots=True)
class SourceRef:
    """A source named in a list (blind spots, coverage columns)."""

    key: str
    title: str
    outlet: str
    published_display: str
    label: str = ""  # the source's short label ("DW")
    color: str = ""


@dataclass(frozen=True, slots=True)
class PaneHeader:
    """What a pane shows above its passages.

    ``elapsed`` is how long after (or before) the event the source was published, in words, e.g.
    "16 years 11 months after" or "about 3 months after" when a date is known only to the month;
    it is "" when the source is undated.
    """

    source_key: str
    title: str
    outlet: str
    authors: tuple[str, ...]
    kind: str
    published: str | None
    published_display: str
    published_note: str
    elapsed: str
    url: str = ""
    label: str = ""  # the source's short label ("DW"), see desktop.model.source_identity
    color: str = ""


@dataclass(frozen=True, slots=True)
class PassageView:
    """One passage of a pane with its codes and attributes, in the source's text order."""

    key: str
    quote: str
    start: int
    end: int
    voice: str
    tone: str
    epistemic: str
    codes: tuple[CodeTag, ...]
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class Pane:
    """One source speaking of the event."""

    header: PaneHeader
    passages: tuple[PassageView, ...]

    @property
    def source_key(self) -> str:
        return self.header.source_key


@dataclass(frozen=True, slots=True)
class FrameMatrix:
    """Sources x codes for the event; ``counts[i][j]`` passages of ``sources[i]`` carry
    ``codes[j]``. ``unique_to`` maps each code that exactly one source uses to that source."""

    sources: tuple[str, ...]
    codes: tuple[CodeTag, ...]
    counts: tuple[tuple[int, ...], ...]
    unique_to: dict[str, str] = field(default_factory=dict)

    def count(self, source_key: str, code_key: str) -> int:
        """Passages of ``source_key`` coded ``code_key`` (0 when either is absent)."""
        if source_key not in self.sources:
            return 0
        row = self.counts[self.sources.index(source_key)]
        for j, code in enumerate(self.codes):
            if code.key == code_key:
                return row[j]
        return 0

    def codes_of(self, source_key: str) -> frozenset[str]:
        """The code keys a source uses for this event."""
        if source_key not in self.sources:
            return frozenset()
        row = self.counts[self.sources.index(source_key)]
        return frozenset(code.key for code, n in zip(self.codes, row, strict=True) if n > 0)


@dataclass(frozen=True, slots=True)
class ClaimStatement:
    """A claim as stated by one passage, with a normalised description of its value, the
    passage's notes (a team's correction shows beside the claim) and, for a claim about the
    event's date, how it squares with the record (else None)."""

    claim_key: str
    source_key: str
    outlet: str
    passage_key: str
    quote: str
    stated: str
    value: str
    note: str = ""
    against_record: Verdict | None = None


@dataclass(frozen=True, slots=True)
class FactFinding:
    """All claims about one subject for the event and whether they square with each other.

    ``verdict`` is the worst over all pairs: "disagree" when any pair cannot both be true,
    else "incomparable" (units differ or a value is unreadable), else "consistent" (compatible
    only thanks to a hedge, tolerance or coarser precision; ``notes`` say which), else "agree".
    ``conflicts`` lists the claim-key pairs that disagree. ``record`` is the library's own value
    for the subject when it has one (the event's date), and each statement's ``against_record``
    says whether it squares with it; the verdict then also covers those checks, so a single
    source that contradicts the record is a finding too.
    """

    subject: str
    kind: str
    verdict: Verdict
    statements: tuple[ClaimStatement, ...]
    conflicts: tuple[tuple[str, str], ...] = ()
    notes: tuple[str, ...] = ()
    record: str = ""

    @property
    def is_discrepancy(self) -> bool:
        return self.verdict == "disagree"


@dataclass(frozen=True, slots=True)
class BlindSpots:
    """Sources with no passage about the event: published after it, undated, or published
    before it (which could not have spoken of it). ``awaiting`` are sources whose import
    suggestions still await review: nobody has read them yet, so they are not blind spots.
    ``reasons`` says, per source key, what kind of silence it is: no passage linked although
    the text names the event, a text that never names it, no text attached to check, or
    published before the event."""

    after: tuple[SourceRef, ...] = ()
    undated: tuple[SourceRef, ...] = ()
    awaiting: tuple[SourceRef, ...] = ()
    before: tuple[SourceRef, ...] = ()
    reasons: tuple[tuple[str, str], ...] = ()

    def reason(self, source_key: str) -> str:
        """Why ``source_key`` has no passage about the event ("" when not listed)."""
        return dict(self.reasons).get(source_key, "")


@dataclass(frozen=True, slots=True)
class Term:
    """A distinctive unigram or bigram (its commonest written form) with its log-odds z-score,
    its count in the source and in the other sources, and whether |z| reaches 1.96."""

    term: str
    z: float
    count: int
    other_count: int = 0
    significant: bool = False


@dataclass(frozen=True, slots=True)
class SourceTerms:
    """The most distinctive terms of one pane against the other panes, best first; ``words``
    counts the content words read, ``note`` says why the list cannot be trusted (or is "")."""

    source_key: str
    terms: tuple[Term, ...]
    words: int = 0
    note: str = ""


@dataclass(frozen=True, slots=True)
class CoverageCell:
    """How much one source says about one event and its most frequent issue frame."""

    count: int
    dominant: CodeTag | None


@dataclass(frozen=True, slots=True)
class CoverageRow:
    event_key: str
    event_title: str
    when: str
    cells: tuple[CoverageCell | None, ...]


@dataclass(frozen=True, slots=True)
class CoverageMatrix:
    """Events x sources; ``rows[i].cells[j]`` is None when ``sources[j]`` is silent on it."""

    sources: tuple[SourceRef, ...]
    rows: tuple[CoverageRow, ...]


@dataclass(frozen=True, slots=True)
class Comparison:
    """Everything the compare view shows for one event."""

    event: EventSummary
    panes: tuple[Pane, ...]
    frames: FrameMatrix
    facts: tuple[FactFinding, ...]
    blind_spots: BlindSpots
    words: tuple[SourceTerms, ...]
    coverage: CoverageMatrix

    @property
    def discrepancies(self) -> tuple[FactFinding, ...]:
        return tuple(f for f in self.facts if f.is_discrepancy)
