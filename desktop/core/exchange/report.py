"""The side-by-side comparison of one event as a report file (HTML here; PDF in the UI layer).

The HTML is ``comparison_to_html``: self-contained (inline style only, no scripts or remote
resources) with every library string escaped. It is written atomically.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path

from db.library import Library
from desktop.core.compare import comparison_to_html
from desktop.core.compare.from_library import compare_in_library
from desktop.core.compare.model import Comparison
from desktop.io.formats.atomic import write_text_atomic
from desktop.io.formats.errors import FormatError
from desktop.model.source_identity import source_identity

__all__ = [
    "REPORT_FORMATS",
    "load_comparison",
    "report_format",
    "source_labels",
    "write_report_html",
]

REPORT_FORMATS = ("html", "pdf")


def report_format(path: str | os.PathLike[str]) -> str:
    """ "html" or "pdf" from the target's extension (.htm counts as html); else FormatError."""
    suffix = Path(path).suffix.lower().lstrip(".")
    chosen = "html" if suffix == "htm" else suffix
    if chosen not in REPORT_FORMATS:
        raise FormatError(f"{Path(path).name}: a report is written as .html or .pdf")
    return chosen


def load_comparison(library: Library, query: str, source_keys: Sequence[str] = ()) -> Comparison:
    """The comparison for an event key or title.

    Raises ``LookupError`` (the compare package's not-found errors: its message lists close
    titles or the known source keys) when the event or a source is not in the library.
    """
    return compare_in_library(library, query, source_keys)


def source_labels(library: Library) -> dict[str, str]:
    """Source key -> the short label it is shown with (read in one unit of work)."""
    with library.unit_of_work() as uow:
        return {source.key: source_identity(source).label for source in uow.sources.list()}


def write_report_html(
    comparison: Comparison,
    path: str | os.PathLike[str],
    coverage: bool = False,
    labels: Mapping[str, str] | None = None,
    terms: bool = True,
) -> None:
    """Write the comparison as one self-contained HTML page at ``path`` (atomically);
    ``coverage`` adds the whole-library coverage table, ``labels`` name the sources, ``terms``
    keeps the distinctive terms."""
    write_text_atomic(path, comparison_to_html(comparison, coverage, labels, terms))
