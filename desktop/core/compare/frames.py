"""The sources x codes matrix of an event: which frames each source uses, and how often."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from desktop.core.compare.model import CodeTag, FrameMatrix, Pane
from desktop.core.compare.panes import tag_order


def build_frame_matrix(panes: Sequence[Pane]) -> FrameMatrix:
    """Count, per pane, the passages carrying each code; columns are the codes any pane uses,
    in codebook order. A code used by exactly one source is recorded in ``unique_to``."""
    tags: dict[str, CodeTag] = {}
    per_source: list[Counter[str]] = []
    for pane in panes:
        counter: Counter[str] = Counter()
        for passage in pane.passages:
            for tag in passage.codes:
                tags.setdefault(tag.key, tag)
                counter[tag.key] += 1
        per_source.append(counter)
    columns = tuple(sorted(tags.values(), key=tag_order))
    counts = tuple(tuple(c[tag.key] for tag in columns) for c in per_source)
    sources = tuple(pane.source_key for pane in panes)
    unique_to: dict[str, str] = {}
    for j, tag in enumerate(columns):
        users = [sources[i] for i, row in enumerate(counts) if row[j] > 0]
        if len(users) == 1 and len(sources) > 1:
            unique_to[tag.key] = users[0]
    return FrameMatrix(sources, columns, counts, unique_to)
