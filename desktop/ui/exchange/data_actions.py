"""File > Export data… and File > Import data… for the main window, and saving a report.

Each asks for a file, then runs the core use case on a worker thread with progress. An import
that meets records already in the library with other content asks whether to import them under
new keys (the CLI's ``--rename``); nothing is written until the user agrees.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from db.errors import LibraryError
from db.library import Library
from desktop.core.compare.model import Comparison
from desktop.core.exchange.exporting import ExportOutcome, export_library
from desktop.core.exchange.failures import failure_message
from desktop.core.exchange.importing import ImportConflictError, ImportOutcome, import_file
from desktop.core.exchange.report import report_format, write_report_html
from desktop.ui.shell.tasks import TaskHandle, run_with_progress

EXPORT_FILTERS = {
    "Parallax library (*.json)": "json",
    "CSV tables in a zip (*.zip)": "csv",
    "TimelineJS JSON (*.json)": "timelinejs-json",
    "TimelineJS spreadsheet (*.csv)": "timelinejs-csv",
    "REFI-QDA project (*.qdpx)": "qdpx",
    "Coverage matrix (*.csv)": "coverage-csv",
}
IMPORT_FILTER = "Data files (*.json *.csv *.zip *.qdpx *.tsv *.txt);;All files (*)"


def export_data(parent: QWidget, library: Library) -> TaskHandle | None:
    """Ask for a target and format, then export the whole library."""
    name, chosen = QFileDialog.getSaveFileName(
        parent, "Export data", "library.json", ";;".join(EXPORT_FILTERS)
    )
    if not name:
        return None
    fmt = EXPORT_FILTERS.get(chosen, "json")
    handle = run_with_progress(
        parent, "Exporting data", lambda _report, _cancelled: export_library(library, name, fmt)
    )
    handle.failed.connect(lambda error, _d: _warn(parent, "Export data", error))
    handle.succeeded.connect(lambda outcome: _inform(parent, "Export data", outcome))
    return handle


def import_data(
    parent: QWidget,
    library: Library,
    on_imported: Callable[[ImportOutcome], None],
    path: str | None = None,
    rename: bool = False,
) -> TaskHandle | None:
    """Ask for a file (unless ``path``) and import it; ``on_imported`` gets the outcome."""
    name = path or QFileDialog.getOpenFileName(parent, "Import data", "", IMPORT_FILTER)[0]
    if not name:
        return None
    handle = run_with_progress(
        parent,
        "Importing data",
        lambda _report, _cancelled: import_file(library, name, rename=rename, author="import"),
    )
    handle.succeeded.connect(on_imported)

    def failed(error: object, _details: str) -> None:
        if isinstance(error, ImportConflictError) and not rename and _ask_rename(parent, error):
            import_data(parent, library, on_imported, name, rename=True)
        else:
            _warn(parent, "Import data", error)

    handle.failed.connect(failed)
    return handle


def save_comparison_report(
    parent: QWidget, library: Library, comparison: Comparison
) -> Path | None:
    """Ask for a .html or .pdf name and write the comparison report there (on this thread);
    a name that is the open library is refused."""
    name, _ = QFileDialog.getSaveFileName(
        parent, "Save report", f"{comparison.event.key}.html", "HTML (*.html);;PDF (*.pdf)"
    )
    if not name:
        return None
    try:
        library.refuse_output(name)
        if report_format(name) == "html":
            write_report_html(comparison, name)
        else:
            from desktop.core.compare import comparison_to_html
            from desktop.rendering.report_pdf import write_html_pdf

            title = f"{comparison.event.title}: compared"
            write_html_pdf(comparison_to_html(comparison), name, title)
    except (OSError, ValueError, LibraryError) as error:
        _warn(parent, "Save report", error)
        return None
    return Path(name)


def _ask_rename(parent: QWidget, conflict: ImportConflictError) -> bool:
    answer = QMessageBox.question(
        parent,
        "Import data",
        f"{conflict}\n\nImport them under new keys instead?",
    )
    return answer == QMessageBox.StandardButton.Yes


def _warn(parent: QWidget, title: str, error: object) -> None:
    text = failure_message(error) if isinstance(error, Exception) else str(error)
    QMessageBox.warning(parent, title, text)


def _inform(parent: QWidget, title: str, outcome: ExportOutcome) -> None:
    QMessageBox.information(parent, title, outcome.summary())
