"""Events x sources: how much each source says about each event, and its leading issue frame."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from db.records import CodeRecord, EventRecord, PassageRecord, SourceRecord
from desktop.core.compare.blind_spots import source_ref
from desktop.core.compare.dating import event_when
from desktop.core.compare.model import CodeTag, CoverageCell, CoverageMatrix, CoverageRow
from desktop.core.compare.panes import passage_code_keys, publication_order, tag_for_key


def dominant_issue_frame(
    passages: Sequence[PassageRecord], codes: Mapping[str, CodeRecord]
) -> CodeTag | None:
    """The issue-group code carried by most of ``passages`` (each passage counts a code once);
    ties go to the code earlier in the codebook, then by key. None when no issue frame is used."""
    counter: Counter[str] = Counter()
    for passage in passages:
        for key in passage_code_keys(passage):
            code = codes.get(key)
            if code is not None and code.group == "issue":
                counter[key] += 1
    if not counter:
        return None
    best = min(counter, key=lambda k: (-counter[k], codes[k].position, k))
    return tag_for_key(best, codes)


def build_coverage(
    events: Sequence[EventRecord],
    sources: Sequence[SourceRecord],
    passages: Sequence[PassageRecord],
    codes: Mapping[str, CodeRecord],
) -> CoverageMatrix:
    """Rows are ``events`` by start (t_lo, then key); columns are the sources that speak of at
    least one of them, by publication date. A cell is None where the source is silent."""
    cells: dict[tuple[str, str], list[PassageRecord]] = {}
    event_keys = {e.key for e in events}
    for passage in passages:
        for key in dict.fromkeys(lk.event_key for lk in passage.links):
            if key in event_keys:
                cells.setdefault((key, passage.source_key), []).append(passage)
    speaking = {source_key for _, source_key in cells}
    columns = [s for s in sorted(sources, key=publication_order) if s.key in speaking]
    rows = []
    for event in sorted(events, key=lambda e: (e.t_lo, e.key)):
        row: list[CoverageCell | None] = []
        for source in columns:
            found = cells.get((event.key, source.key))
            cell = CoverageCell(len(found), dominant_issue_frame(found, codes)) if found else None
            row.append(cell)
        rows.append(CoverageRow(event.key, event.title, event_when(event), tuple(row)))
    return CoverageMatrix(tuple(source_ref(s) for s in columns), tuple(rows))
