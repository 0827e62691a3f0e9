"""What assisted reading suggests for a source: passages, their claims and their codes.

Every item names the passage suggestion it belongs to (``passage_id``); a claim or a code is
accepted with its passage. Ids name what is suggested, not when, so a rejection stays valid:
``passage:<start>-<end>:<event>``, ``claim:<start>-<end>:<subject>``,
``code:<start>-<end>:<code key>`` (tone and epistemic status as ``tone:<value>`` and
``epistemic:<value>`` code keys).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from enum import StrEnum


class AssistKind(StrEnum):
    PASSAGE = "passage"
    CLAIM = "claim"
    CODE = "code"


@dataclass(frozen=True, slots=True)
class ClaimDraft:
    """A claim as it would be stored (``db.records.ClaimRecord`` without key and passage)."""

    subject: str
    kind: str
    stated: str
    low: float | None = None
    high: float | None = None
    date: str | None = None
    unit: str = ""
    hedge: str = "exact"

    def as_dict(self) -> dict[str, object]:
        """Its fields by name, as the CLI's JSON and a stored suggestion's payload hold them."""
        return asdict(self)

    def describe(self) -> str:
        """ "deaths: at-least 38 people (At least 38 people were killed)"."""
        if self.kind == "date":
            value = self.date or ""
        elif self.hedge == "vague":
            value = "vague"
        else:
            low, high = _fmt(self.low), _fmt(self.high)
            value = low if low == high else f"{low}-{high}"
            value = f"{self.hedge} {value}" if self.hedge != "exact" else value
            value = f"{value} {self.unit}".strip()
        return f"{self.subject}: {value}"


def _fmt(value: float | None) -> str:
    if value is None:
        return "?"
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


@dataclass(frozen=True, slots=True)
class AssistItem:
    """One suggestion. ``start``/``end`` are the passage's offsets in the source's text;
    ``confidence`` is 0..1; ``reasons`` say in words why."""

    id: str
    kind: AssistKind
    passage_id: str
    start: int
    end: int
    excerpt: str
    confidence: float
    reasons: tuple[str, ...]
    event_key: str
    event_title: str = ""
    claim: ClaimDraft | None = None
    code_key: str = ""
    code_name: str = ""

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready view (the CLI's ``--format json``)."""
        data: dict[str, object] = {
            "id": self.id,
            "kind": self.kind.value,
            "passage_id": self.passage_id,
            "event_key": self.event_key,
            "event_title": self.event_title,
            "confidence": self.confidence,
            "reasons": list(self.reasons),
            "start": self.start,
            "end": self.end,
            "text": self.excerpt,
        }
        if self.claim is not None:
            data["claim"] = self.claim.as_dict()
        if self.code_key:
            data["code"] = {"key": self.code_key, "name": self.code_name}
        return data


@dataclass(frozen=True, slots=True)
class AssistReport:
    """The suggestions for one source and what the coding model wants a reader to know."""

    source_key: str
    items: tuple[AssistItem, ...]
    notes: tuple[str, ...] = ()

    def of_kind(self, kind: AssistKind) -> tuple[AssistItem, ...]:
        return tuple(item for item in self.items if item.kind is kind)
