"""``ImportController``: File > Import documents, drops on the window, and what follows.

The flow: choose files (or drop them) -> for a single new file, confirm its metadata ->
``import_batch`` on a worker thread with a progress dialog and Cancel -> reload the workbench
-> a per-file report -> for files that only look like a known source, ask whether to attach.
The dialogs that ask are methods (``ask_for_paths``, ``ask_metadata``, ``confirm_attach``) so
tests and other callers can replace them.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from db.library import Library
from desktop.core.importing import (
    ImportOutcome,
    ImportReport,
    ImportStatus,
    MetadataOverrides,
    NearMatchPolicy,
    ProposedMetadata,
    import_batch,
    import_document,
    preview_document,
)
from desktop.core.importing.undoable import AttachedText, ImportedSources, text_state
from desktop.core.workbench import Workbench
from desktop.io.documents import SUPPORTED_EXTENSIONS, documents_in
from desktop.ui.bridge import WorkbenchSignals
from desktop.ui.editing.controller import EditingController
from desktop.ui.importing.metadata_form import MetadataForm
from desktop.ui.importing.model_refresh import CodingModelRefresher
from desktop.ui.importing.report_dialog import ImportReportDialog
from desktop.ui.shell.tasks import IsCancelled, Report, TaskHandle, run_with_progress

_TITLE = "Importing documents"


class ImportController(QObject):
    """Runs imports for the window; emits ``finished(report)`` after the report is shown."""

    finished = Signal(object)
    model_trained = Signal(object)  # the coding model assisted reading used (refresh.Trained)

    def __init__(
        self,
        workbench: Workbench,
        signals: WorkbenchSignals,
        parent: QWidget | None = None,
        *,
        editing: EditingController | None = None,
    ) -> None:
        super().__init__(parent)
        self.workbench = workbench
        self.signals = signals
        self.parent_widget = parent
        self.editing = editing  # imports and attached texts become steps of its History
        self.task: TaskHandle | None = None
        self.report_dialog: ImportReportDialog | None = None
        self._partial: list[ImportReport] = []
        self._paths: list[Path] = []
        self._trained: list[object] = []
        self.refresher: CodingModelRefresher | None = None  # set by the importing feature

    def choose_and_import(self) -> None:
        """Ask for files, then import them (nothing happens if none are chosen)."""
        paths = self.ask_for_paths()
        if paths:
            self.import_paths(paths)

    def choose_folder_and_import(self) -> None:
        """Ask for a folder, then import its documents and those of its subfolders."""
        name = QFileDialog.getExistingDirectory(self.parent_widget, "Import a folder")
        if name:
            self.import_paths(documents_in([Path(name)], recursive=True))

    def ask_for_paths(self) -> list[Path]:
        patterns = " ".join(f"*{extension}" for extension in SUPPORTED_EXTENSIONS)
        names, _ = QFileDialog.getOpenFileNames(
            self.parent_widget, "Import documents", "", f"Documents ({patterns})"
        )
        return [Path(name) for name in names]

    def import_paths(self, paths: Sequence[Path]) -> None:
        """Import ``paths`` off the GUI thread; returns at once (see the module docstring)."""
        paths = list(paths)
        if not paths or self.task is not None:
            return
        overrides = None
        if len(paths) == 1:
            preview = preview_document(self.workbench.library, paths[0])
            if preview.is_new and preview.proposed is not None:
                overrides = self.ask_metadata(preview.proposed, paths[0].name)
                if overrides is None:
                    return
        self._start(paths, overrides)

    def ask_metadata(self, proposed: ProposedMetadata, file_name: str) -> MetadataOverrides | None:
        """Show the metadata form; None when the person cancels."""
        form = MetadataForm(proposed, file_name, self.parent_widget)
        if form.exec() != QDialog.DialogCode.Accepted:
            return None
        return form.overrides()

    def confirm_attach(self, outcome: ImportOutcome) -> bool:
        """Ask whether a file that looks like a known source should be attached to it."""
        answer = QMessageBox.question(
            self.parent_widget,
            "Attach to a known source?",
            f"{outcome.file_name} {outcome.reason}.\n\nAttach its text to {outcome.source_key} "
            "and re-anchor that source's passages?",
        )
        return answer == QMessageBox.StandardButton.Yes

    def _start(self, paths: list[Path], overrides: MetadataOverrides | None) -> None:
        library, author = self.workbench.library, self.workbench.author
        self._partial = []
        self._paths = paths
        self._trained = []

        def job(report: Report, cancelled: IsCancelled) -> ImportReport:
            result = import_batch(
                library,
                paths,
                progress=report,
                cancelled=cancelled,
                overrides=overrides,
                author=author,
                near_match=NearMatchPolicy.OFFER,
                with_suggestions=True,
            )
            self._partial.append(result)
            if not result.cancelled:
                self._trained += _assist(library, result, report, cancelled)
            return result

        self.task = run_with_progress(self.parent_widget, _TITLE, job)
        self.task.succeeded.connect(self._on_done)
        self.task.cancelled.connect(lambda: self._on_done(self._last_partial()))
        self.task.failed.connect(self._on_failed)

    def _last_partial(self) -> ImportReport:
        return self._partial[-1] if self._partial else ImportReport(cancelled=True)

    def _on_done(self, report: ImportReport) -> None:
        self.task = None
        report = self._attach_similar(report)
        self.workbench.reload()
        self._record_step(report)
        self.report_dialog = ImportReportDialog(report, self.parent_widget)
        self.report_dialog.open()
        for trained in self._trained:
            self.model_trained.emit(trained)
        self.finished.emit(report)

    def _record_step(self, report: ImportReport) -> None:
        """The new sources become one step of the window's History (undo removes them)."""
        editing = self.editing
        new = [o for o in report.outcomes if o.status is ImportStatus.IMPORTED and o.source_key]
        if editing is None or not new:
            return
        keys = [str(o.source_key) for o in new]
        titles = [s.title for key in keys for s in self.workbench.catalog.sources if s.key == key]
        editing.execute(ImportedSources(keys, titles or keys, self.workbench.author))

    def _attach_similar(self, report: ImportReport) -> ImportReport:
        """Replace each ``similar`` outcome by the result of attaching, if the person agrees."""
        outcomes = []
        for outcome, path in zip(report.outcomes, self._paths, strict=False):
            if outcome.status is ImportStatus.SIMILAR and self.confirm_attach(outcome):
                outcome = self._attach(path, str(outcome.source_key))
            outcomes.append(outcome)
        return ImportReport(tuple(outcomes), report.cancelled, report.total)

    def _attach(self, path: Path, key: str) -> ImportOutcome:
        """Attach ``path``'s text to source ``key``: one step of the window's History."""
        library, author = self.workbench.library, self.workbench.author
        before = text_state(library, key)
        outcome = import_document(library, path, author=author, attach_to=key)
        editing = self.editing
        if outcome.status is ImportStatus.ATTACHED and editing is not None:
            editing.execute(AttachedText(before, text_state(library, key), author))
        return outcome

    def _on_failed(self, error: object, details: str) -> None:
        self.task = None
        self.workbench.reload()
        QMessageBox.critical(self.parent_widget, "Import failed", f"{error}\n\n{details}")


def _assist(
    library: Library, result: ImportReport, report: Report, cancelled: IsCancelled
) -> list[object]:
    """Assisted reading on the worker thread: the coding model is trained afresh on the
    library's current codings, then each newly imported source gets its passage, claim and code
    suggestions (stored as pending, reviewed in the review panel). Returns the model trained
    (none when no source was new), for the window's refresher to reuse."""
    from desktop.core.assist.refresh import train_current  # scikit-learn: only when used
    from desktop.core.assist.storing import assist_sources

    # new sources only: an attached text's source already has a researcher's passages
    keys = [
        o.source_key for o in result.outcomes if o.status is ImportStatus.IMPORTED and o.source_key
    ]
    if not keys:
        return []
    report(len(result.outcomes), len(result.outcomes), "Suggesting passages, claims, codes")
    trained = train_current(library)
    assist_sources(library, keys, model=trained.model, cancelled=cancelled)
    return [trained]
