"""What an import reports: per-file outcomes, how the passages were re-anchored, the batch."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class ImportStatus(StrEnum):
    """What happened to one file.

    ``similar`` means the document looks like an existing source but was not attached because
    the caller asked to be consulted first (``NearMatch.OFFER``); nothing was written.
    """

    IMPORTED = "imported"
    ATTACHED = "attached"
    DUPLICATE = "duplicate"
    SIMILAR = "similar"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class AnchorSummary:
    """How the passages of an attached source were placed in the new text.

    ``orphans`` lists the keys of passages that could not be placed; they are kept with status
    ``orphan`` (never deleted) so a person can review them.
    """

    ok: int = 0
    relocated: int = 0
    orphans: tuple[str, ...] = ()

    @property
    def total(self) -> int:
        return self.ok + self.relocated + len(self.orphans)

    def describe(self) -> str:
        """``"12 passages ok, 3 relocated, 1 orphaned (p-7)"``."""
        text = f"{self.ok} passages ok, {self.relocated} relocated, {len(self.orphans)} orphaned"
        if self.orphans:
            text += " (" + ", ".join(self.orphans) + ")"
        return text


@dataclass(frozen=True, slots=True)
class ImportOutcome:
    """The result of importing one file.

    ``source_key`` is the source created or attached to (or matched, for ``duplicate`` and
    ``similar``); ``None`` when the file failed. ``reason`` says why in words a person can act
    on. ``anchors`` is set for ``attached`` only. ``suggested`` counts the review suggestions
    stored, by kind, when the import was asked to look for them (else empty).
    """

    file_name: str
    status: ImportStatus
    source_key: str | None = None
    reason: str = ""
    anchors: AnchorSummary | None = None
    suggested: tuple[tuple[str, int], ...] = ()

    @property
    def suggestions(self) -> int:
        """How many suggestions await review, all kinds together."""
        return sum(count for _, count in self.suggested)

    @property
    def orphans(self) -> tuple[str, ...]:
        return self.anchors.orphans if self.anchors is not None else ()

    def describe(self) -> str:
        """One line for a report: ``"name: attached to X: 3 passages ok, ..."``."""
        text = f"{self.file_name}: {self.status.value}"
        if self.status is ImportStatus.IMPORTED:
            text += f" as {self.source_key}"
        elif self.status is ImportStatus.ATTACHED:
            text += f" to {self.source_key}"
        if self.anchors is not None:
            text += f": {self.anchors.describe()}"
        if self.reason:
            text += f": {self.reason}"
        if self.suggested:
            kinds = ", ".join(f"{count} {kind}" for kind, count in self.suggested)
            text += f"; awaiting review: {kinds}"
        return text


@dataclass(frozen=True, slots=True)
class ImportReport:
    """The outcomes of a batch, in the order the files were given.

    ``cancelled`` is true when the batch stopped early; ``outcomes`` then covers only the files
    finished before the stop (each of them fully imported or untouched).
    """

    outcomes: tuple[ImportOutcome, ...] = ()
    cancelled: bool = False
    total: int = 0

    def count(self, status: ImportStatus) -> int:
        return sum(1 for outcome in self.outcomes if outcome.status is status)

    @property
    def any_failed(self) -> bool:
        return self.count(ImportStatus.FAILED) > 0

    def summary(self) -> str:
        """``"3 imported, 1 attached, 0 duplicate, 0 similar, 1 failed"`` (+ cancellation)."""
        parts = [f"{self.count(status)} {status.value}" for status in ImportStatus]
        text = ", ".join(parts)
        if self.cancelled:
            text += f"; cancelled after {len(self.outcomes)} of {self.total} files"
        return text


@dataclass(frozen=True, slots=True)
class MetadataOverrides:
    """Metadata a person gave; each field set here wins over what the document proposes.

    ``published`` is an EDTF string at the precision given (``2025-03`` stays a month).
    ``kind`` must be one of ``db.records.SOURCE_KINDS``.
    """

    title: str | None = None
    authors: tuple[str, ...] | None = None
    outlet: str | None = None
    published: str | None = None
    url: str | None = None
    language: str | None = None
    kind: str | None = None
    notes: str = field(default="")
