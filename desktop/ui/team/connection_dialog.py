"""Connect to a shared PostgreSQL library: host, port, database, user; saved without password.

The password comes from ``$PARALLAX_DB_PASSWORD``/``$PGPASSWORD``, the system keyring (if the
``keyring`` package is installed) or the password box here; it is never written to settings.
"""

from __future__ import annotations

import json

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from desktop.core.team.connection import (
    SavedConnection,
    find_password,
    keyring_module,
    remember_password,
)

SETTINGS_KEY = "team/connections"


def saved_connections(settings: QSettings) -> list[SavedConnection]:
    try:
        data = json.loads(str(settings.value(SETTINGS_KEY, "[]")))
        return [SavedConnection.from_dict(item) for item in data]
    except (ValueError, KeyError, TypeError):
        return []


def save_connection(settings: QSettings, connection: SavedConnection) -> None:
    """Remember ``connection`` first in the list (no password is ever part of it)."""
    others = [c for c in saved_connections(settings) if c.url() != connection.url()]
    settings.setValue(SETTINGS_KEY, json.dumps([c.as_dict() for c in [connection, *others]]))


class ConnectionDialog(QDialog):
    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Connect to a shared library")
        self.settings = settings
        self.saved = QComboBox(self)
        self.host, self.database, self.user = QLineEdit(self), QLineEdit(self), QLineEdit(self)
        self.name, self.password = QLineEdit(self), QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText("from $PGPASSWORD or the keyring if empty")
        self.port = QSpinBox(self)
        self.port.setRange(1, 65535)
        self.port.setValue(5432)
        self.remember = QCheckBox("Remember the password in the system keyring", self)
        self.remember.setEnabled(keyring_module() is not None)
        form = QFormLayout(self)
        for label, widget in (
            ("Saved", self.saved),
            ("Host", self.host),
            ("Port", self.port),
            ("Database", self.database),
            ("User", self.user),
            ("Name", self.name),
            ("Password", self.password),
        ):
            form.addRow(label, widget)
        form.addRow(self.remember)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self._known = saved_connections(settings)
        self.saved.addItem("(new connection)")
        for connection in self._known:
            self.saved.addItem(connection.label)
        self.saved.currentIndexChanged.connect(self._pick)
        if self._known:
            self.saved.setCurrentIndex(1)

    def _pick(self, index: int) -> None:
        if 1 <= index <= len(self._known):
            c = self._known[index - 1]
            self.host.setText(c.host)
            self.port.setValue(c.port)
            self.database.setText(c.database)
            self.user.setText(c.user)
            self.name.setText(c.name)

    def connection(self) -> SavedConnection:
        return SavedConnection(
            self.host.text().strip(),
            self.database.text().strip(),
            self.user.text().strip(),
            self.port.value(),
            self.name.text().strip(),
        )

    def chosen_url(self) -> str:
        """Save the connection (no password) and return the URL to open (with one if known)."""
        connection = self.connection()
        save_connection(self.settings, connection)
        typed = self.password.text()
        if typed and self.remember.isChecked():
            remember_password(connection, typed)
        return connection.url(typed or find_password(connection))
