"""The quick-code palette (Ctrl+K): type to filter the codebook, Enter to code the passage.

Enter on a code the passage already carries (by this coder) removes it again, as the list
says. Below the codes, the passage's attributes (voice, tone, epistemic status) are set.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QKeyEvent, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.records import AttributeRecord, CodeRecord, PassageRecord

KEY_ROLE = Qt.ItemDataRole.UserRole


def code_paths(codes: tuple[CodeRecord, ...] | list[CodeRecord]) -> dict[str, str]:
    """Code key -> "Parent › Child" path name, for listing and filtering."""
    by_key = {code.key: code for code in codes}

    def path(code: CodeRecord, seen: frozenset[str] = frozenset()) -> str:
        parent = by_key.get(code.parent_key or "")
        if parent is None or parent.key in seen:
            return code.name
        return f"{path(parent, seen | {code.key})} › {code.name}"

    return {code.key: path(code) for code in codes}


def matches(path: str, query: str) -> bool:
    return all(word in path.lower() for word in query.lower().split())


@dataclass(frozen=True)
class PaletteChoice:
    """What the user chose: a code to toggle, or attributes to set (or both None)."""

    code_key: str | None = None
    attributes: tuple[str, str, str] | None = None  # voice, tone, epistemic


def _swatch(color: str) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)


class QuickCodePalette(QDialog):
    def __init__(
        self,
        passage: PassageRecord,
        codes: list[CodeRecord],
        attributes: list[AttributeRecord],
        coder: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("QuickCodePalette")
        self.setWindowTitle("Code passage")
        self.choice = PaletteChoice()
        self.applied = {c.code_key for c in passage.codings if c.coder == coder}
        self.paths = code_paths(codes)
        self.colors = {code.key: code.color for code in codes}
        quote = passage.quote if len(passage.quote) < 120 else passage.quote[:119] + "…"
        self.quote = QLabel(f"“{quote}”", self)
        self.quote.setTextFormat(Qt.TextFormat.PlainText)
        self.quote.setWordWrap(True)
        self.filter = QLineEdit(self)
        self.filter.setObjectName("PaletteFilter")
        self.filter.setPlaceholderText("Type to filter codes…")
        self.hint = QLabel("↑↓ choose · Enter applies · ✓ already applied (Enter removes it)", self)
        self.hint.setEnabled(False)
        self.list = QListWidget(self)
        self.list.setObjectName("PaletteCodes")
        self.filter.textChanged.connect(self.refilter)
        self.filter.returnPressed.connect(self.apply_current)
        self.list.itemActivated.connect(lambda _item: self.apply_current())
        self.attribute_boxes = self._attribute_boxes(passage, attributes)
        self._lay_out()
        self.refilter("")
        self.resize(520, 520)

    def _attribute_boxes(
        self, passage: PassageRecord, attributes: list[AttributeRecord]
    ) -> dict[str, QComboBox]:
        values = {a.key: a.values for a in attributes}
        names = {a.key: a.name for a in attributes}
        boxes: dict[str, QComboBox] = {}
        for key, current in (
            ("voice", passage.voice),
            ("tone", passage.tone),
            ("epistemic", passage.epistemic),
        ):
            box = QComboBox(self)
            box.setObjectName(f"Attribute_{key}")
            box.setToolTip(names.get(key, key))
            box.setEditable(not values.get(key))
            box.addItem("" if key != "voice" else "author", "" if key != "voice" else "author")
            for value in values.get(key, ()):
                box.addItem(value.name, value.key)
            found = box.findData(current)
            if found >= 0:
                box.setCurrentIndex(found)
            else:
                box.setEditText(current)
            boxes[key] = box
        return boxes

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow("Voice / speaker", self.attribute_boxes["voice"])
        form.addRow("Tone", self.attribute_boxes["tone"])
        form.addRow("Epistemic status", self.attribute_boxes["epistemic"])
        save = QPushButton("Set attributes", self)
        save.setAutoDefault(False)  # Enter in the filter applies a code, never this
        save.clicked.connect(self.apply_attributes)
        layout = QVBoxLayout(self)
        layout.addWidget(self.quote)
        layout.addWidget(self.filter)
        layout.addWidget(self.hint)
        layout.addWidget(self.list, 1)
        layout.addLayout(form)
        layout.addWidget(save)

    def refilter(self, query: str) -> None:
        self.list.clear()
        for key, path in sorted(self.paths.items(), key=lambda kv: kv[1].lower()):
            if not matches(path, query):
                continue
            mark = "✓ " if key in self.applied else ""
            item = QListWidgetItem(_swatch(self.colors[key]), mark + path)
            item.setData(KEY_ROLE, key)
            self.list.addItem(item)
        self.list.setCurrentRow(0)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.filter.hasFocus():
            step = 1 if event.key() == Qt.Key.Key_Down else -1
            row = max(0, min(self.list.count() - 1, self.list.currentRow() + step))
            self.list.setCurrentRow(row)
            return
        super().keyPressEvent(event)

    def apply_current(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.choice = PaletteChoice(code_key=str(item.data(KEY_ROLE)))
            self.accept()

    def apply_attributes(self) -> None:
        voice, tone, epistemic = (self._value(k) for k in ("voice", "tone", "epistemic"))
        self.choice = PaletteChoice(attributes=(voice or "author", tone, epistemic))
        self.accept()

    def _value(self, key: str) -> str:
        box = self.attribute_boxes[key]
        data = box.currentData()
        if box.isEditable() and box.currentText() != box.itemText(box.currentIndex()):
            return box.currentText().strip()
        return str(data) if data is not None else box.currentText().strip()
