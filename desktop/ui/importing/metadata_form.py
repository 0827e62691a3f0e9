"""``MetadataForm``: confirm or correct what a new source will be called before importing it."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from db.records import SOURCE_KINDS
from desktop.core.importing import MetadataOverrides, ProposedMetadata
from desktop.model.dates import DateParseError, DateSpan, HistDate

FORM_WIDTH = 440  # px: the fields show a title; fits a 1024 px screen
HINT_CHARS = 90  # a longer date hint is cut (two lines at the form's width); whole in its tooltip


def _short(text: str) -> str:
    return text if len(text) <= HINT_CHARS else text[: HINT_CHARS - 1].rstrip() + "…"


class MetadataForm(QDialog):
    """Title, authors, outlet, published date (with a live "understood as ..."), kind, language.

    Starts from what the document proposes; ``overrides()`` gives what the person confirmed.
    OK is disabled while the date cannot be understood or the title is empty.
    """

    def __init__(
        self, proposed: ProposedMetadata, file_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Import {file_name}")
        self.title_edit = QLineEdit(proposed.title)
        self.authors_edit = QLineEdit(", ".join(proposed.authors))
        self.authors_edit.setPlaceholderText("names separated by commas")
        self.outlet_edit = QLineEdit(proposed.outlet)
        self.published_edit = QLineEdit(_shown_date(proposed.published))
        self.published_edit.setPlaceholderText('e.g. "10 March 2025", "March 2025", "2025"')
        self.understood_label = QLabel()
        self.understood_label.setAccessibleName("Publication date as understood")
        self.understood_label.setWordWrap(True)  # a long hint wraps; the dialog stays as wide
        lines = self.understood_label.fontMetrics().lineSpacing()
        self.understood_label.setMinimumHeight(2 * lines + 2)  # room for a hint of two lines
        self.kind_combo = QComboBox()
        self.kind_combo.addItems(list(SOURCE_KINDS))
        self.kind_combo.setCurrentText(proposed.kind)
        self.language_edit = QLineEdit(proposed.language)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._lay_out(proposed)
        self.setMinimumWidth(FORM_WIDTH)
        self.published_edit.textChanged.connect(self._update)
        self.title_edit.textChanged.connect(self._update)
        self._update()

    def _lay_out(self, proposed: ProposedMetadata) -> None:
        form = QFormLayout()
        form.addRow("&Title", self.title_edit)
        form.addRow("&Authors", self.authors_edit)
        form.addRow("&Outlet", self.outlet_edit)
        form.addRow("&Published", self.published_edit)
        form.addRow("", self.understood_label)
        form.addRow("&Kind", self.kind_combo)
        form.addRow("&Language", self.language_edit)
        layout = QVBoxLayout(self)
        if proposed.published_note:
            layout.addWidget(QLabel(f"Date {proposed.published_note}."))
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def published_edtf(self) -> str | None:
        """The date as EDTF at the precision typed, None when empty; raises DateParseError."""
        text = self.published_edit.text().strip()
        return DateSpan.parse(text).start.to_edtf() if text else None

    def _update(self) -> None:
        ok = bool(self.title_edit.text().strip())
        try:
            edtf = self.published_edtf()
        except DateParseError as error:
            self.understood_label.setText(_short(f"Not understood: {error}"))
            self.understood_label.setToolTip(str(error))
            ok = False
        else:
            shown = HistDate.parse_edtf(edtf).display() if edtf else "no date"
            self.understood_label.setText(f"Understood as {shown}")
            self.understood_label.setToolTip("")
        button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        button.setEnabled(ok)

    def overrides(self) -> MetadataOverrides:
        """What the form holds; call after the dialog was accepted."""
        authors = tuple(a.strip() for a in self.authors_edit.text().split(",") if a.strip())
        return MetadataOverrides(
            title=self.title_edit.text().strip(),
            authors=authors,
            outlet=self.outlet_edit.text().strip(),
            published=self.published_edtf() or "",
            language=self.language_edit.text().strip() or "en",
            kind=self.kind_combo.currentText(),
        )


def _shown_date(published: str | None) -> str:
    if not published:
        return ""
    try:
        return DateSpan.from_edtf(published).display()
    except DateParseError:
        return published
