"""The inter-coder agreement of a library: spans from passages, the report, disagreements, CSV.

Each coding of a passage by a coder becomes a ``CodedSpan`` over the passage's characters
(start..end in its source); ``desktop.core.agreement`` then measures agreement only on text at
least one chosen coder coded. Disagreements are listed side by side: for each run of text, which
passages each coder coded it in (empty where that coder did not).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from db.library import Library
from db.records import PassageRecord, SourceRecord
from desktop.core.agreement import AgreementReport, CodedSpan, Segment, agreement_report
from desktop.io.formats.atomic import write_text_atomic


@dataclass(frozen=True, slots=True)
class Disagreement:
    """A run of text some chosen coders coded with ``code_key`` and others did not."""

    source_key: str
    code_key: str
    start: int
    end: int
    text: str
    passages_by_coder: tuple[tuple[str, tuple[str, ...]], ...]  # (coder, passage keys)


@dataclass(frozen=True, slots=True)
class TeamAgreement:
    coders: tuple[str, ...]
    report: AgreementReport
    disagreements: tuple[Disagreement, ...]


def coded_spans(
    passages: Iterable[PassageRecord],
    sources: Sequence[str] = (),
    codes: Sequence[str] = (),
) -> list[CodedSpan]:
    """One span per coding, limited to the given source and code keys (empty = all)."""
    wanted_sources, wanted_codes = set(sources), set(codes)
    return [
        CodedSpan(coding.coder, p.source_key, coding.code_key, p.start, p.end)
        for p in passages
        if not wanted_sources or p.source_key in wanted_sources
        for coding in p.codings
        if not wanted_codes or coding.code_key in wanted_codes
    ]


def team_agreement(
    passages: Sequence[PassageRecord],
    source_texts: dict[str, str | None],
    coders: Sequence[str],
    sources: Sequence[str] = (),
    codes: Sequence[str] = (),
) -> TeamAgreement:
    """Agreement of ``coders`` (two or more; ValueError otherwise) and their disagreements."""
    chosen = tuple(dict.fromkeys(c.strip() for c in coders if c.strip()))
    report = agreement_report(coded_spans(passages, sources, codes), chosen)
    listed = tuple(
        _disagreement(seg, passages, source_texts.get(seg.source_key), chosen)
        for seg in report.disagreements
    )
    return TeamAgreement(chosen, report, listed)


def agreement_in_library(
    library: Library, coders: Sequence[str], sources: Sequence[str] = (), codes: Sequence[str] = ()
) -> TeamAgreement:
    """Read the passages and source texts in one unit of work and compute the agreement."""
    with library.unit_of_work() as uow:
        passages = uow.passages.list()
        found: list[SourceRecord] = uow.sources.list()
    texts = {s.key: s.full_text for s in found}
    unknown = sorted(set(sources) - set(texts))
    if unknown:
        raise ValueError(f"No source {', '.join(unknown)} in this library.")
    known = {coding.coder for p in passages for coding in p.codings}
    absent = [c for c in dict.fromkeys(c.strip() for c in coders if c.strip()) if c not in known]
    if absent:
        raise ValueError(
            f"No coding by {', '.join(absent)} in this library; "
            f"coders here: {', '.join(sorted(known)) or 'none'}."
        )
    return team_agreement(passages, texts, coders, sources, codes)


def _disagreement(
    seg: Segment, passages: Sequence[PassageRecord], text: str | None, coders: Sequence[str]
) -> Disagreement:
    covering = [
        p
        for p in passages
        if p.source_key == seg.source_key and p.start <= seg.start and p.end >= seg.end
    ]
    by_coder = tuple(
        (
            coder,
            tuple(
                p.key
                for p in covering
                if any(c.code_key == seg.code_key and c.coder == coder for c in p.codings)
            ),
        )
        for coder in coders
    )
    return Disagreement(
        seg.source_key, seg.code_key, seg.start, seg.end, _text(seg, text, covering), by_coder
    )


def _text(seg: Segment, text: str | None, covering: Sequence[PassageRecord]) -> str:
    if text and len(text) >= seg.end:
        return text[seg.start : seg.end]
    for passage in covering:
        offset = seg.start - passage.start
        if len(passage.quote) >= offset + seg.length:
            return passage.quote[offset : offset + seg.length]
    return ""


def write_csv(agreement: TeamAgreement, path: Path) -> int:
    """Write the disagreements, one row each, a column per coder; returns the rows written.

    Written atomically: on any failure (``OSError``) the old file stays as it was."""
    handle = io.StringIO(newline="")
    writer = csv.writer(handle)
    writer.writerow(["source", "code", "start", "end", "text", *agreement.coders])
    for row in agreement.disagreements:
        keys = dict(row.passages_by_coder)
        writer.writerow(
            [
                row.source_key,
                row.code_key,
                row.start,
                row.end,
                row.text,
                *(" ".join(keys.get(coder, ())) for coder in agreement.coders),
            ]
        )
    write_text_atomic(path, handle.getvalue())
    return len(agreement.disagreements)
