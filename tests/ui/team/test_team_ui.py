"""The team features in a window: another client's edit appears, an outage shows a banner and
keeps the edit, the coder switch filters, the agreement panel computes and exports."""

from __future__ import annotations

import csv
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QFileDialog

from db.errors import LibraryUnavailableError
from db.library import Library, open_library
from desktop.app import fill_window
from desktop.core.editing import ApplyCode, perform
from desktop.core.sample import load_sample
from desktop.core.team.coders import CoderView
from desktop.ui.main_window import MainWindow
from desktop.ui.team import TeamFeature
from desktop.ui.team.agreement_panel import AgreementPanel
from desktop.ui.team.banner import ConnectionBanner
from desktop.ui.team.coder_switch import CoderSwitch
from desktop.ui.team.connection_dialog import ConnectionDialog, saved_connections
from tests.ui.shell.support import make_window


def team_of(window: MainWindow) -> TeamFeature:
    """Fill the window as the application does; its session's team part."""
    fill_window(window, window.workbench, window.signals)
    assert window.session is not None
    return window.session.team


def test_another_clients_edit_appears_within_two_seconds(  # type: ignore[no-untyped-def]
    qtbot, library: Library, tmp_path: Path
) -> None:
    load_sample(library)
    window = make_window(qtbot, library, tmp_path)
    team_of(window)
    key = window.workbench.catalog.events[0].key
    other = open_library(library.url)
    try:
        with other.unit_of_work("bob") as uow:
            uow.events.update(replace(uow.events.get(key), title="Renamed by Bob"))
            uow.commit()
        qtbot.waitUntil(
            lambda: window.workbench.catalog.event(key).title == "Renamed by Bob", timeout=2000
        )
    finally:
        other.dispose()
        hub = window.session.team.hub
        assert hub is not None
        hub.stop()


def test_own_edits_do_not_reload(  # type: ignore[no-untyped-def]
    qtbot, sqlite_library: Library, tmp_path: Path
) -> None:
    from db.change_log import latest_change_id

    load_sample(sqlite_library)
    window = make_window(qtbot, sqlite_library, tmp_path)
    hub = team_of(window).hub
    reloads: list[int] = []
    window.workbench.events.catalog.connect(lambda _changes: reloads.append(1))
    key = window.workbench.catalog.events[0].key
    with sqlite_library.unit_of_work("me") as uow:
        uow.events.update(replace(uow.events.get(key), title="my own"))
        uow.commit()
    latest = latest_change_id(sqlite_library.engine)
    qtbot.waitUntil(lambda: hub.poller is not None and hub.poller.last_id >= latest, timeout=3000)
    qtbot.wait(300)
    assert reloads == []
    hub.stop()


def test_an_outage_shows_the_banner_and_keeps_the_edit(  # type: ignore[no-untyped-def]
    qtbot, sqlite_library: Library, tmp_path: Path
) -> None:
    window = make_window(qtbot, sqlite_library, tmp_path)
    hub = team_of(window).hub
    hub.stop()
    banner = window.findChild(ConnectionBanner, "ConnectionBanner")
    down = [True]
    sent: list[str] = []

    def edit() -> str:
        if down[0]:
            raise LibraryUnavailableError("connection refused")
        sent.append("edit")
        return "done"

    assert hub.send("Rename event", edit) is None
    assert banner.isVisible() and "cannot be reached" in banner.label.text()
    assert "1 edit(s) waiting" in banner.label.text()
    down[0] = False
    banner.retry.click()
    assert sent == ["edit"] and not banner.isVisible() and hub.outbox.online


def test_the_coder_switch_filters_the_workbench(  # type: ignore[no-untyped-def]
    qtbot, sqlite_library: Library, tmp_path: Path
) -> None:
    window = make_window(qtbot, sqlite_library, tmp_path)
    window.workbench.author = "bob"
    team_of(window).hub.stop()
    switch = window.findChild(CoderSwitch, "CoderSwitch")
    switch.setCurrentIndex(switch.findData(CoderView.MINE.value))
    assert window.workbench.coder_filter.view is CoderView.MINE
    assert window.workbench.coder_filter.me == "bob"


def test_the_agreement_panel_computes_and_exports(  # type: ignore[no-untyped-def]
    qtbot, sqlite_library: Library, tmp_path: Path, monkeypatch
) -> None:
    load_sample(sqlite_library)
    with sqlite_library.unit_of_work() as uow:
        coded = [p for p in uow.passages.list() if p.codings][:5]
    for p in coded[:3]:
        perform(ApplyCode(p.key, p.codings[0].code_key, author="bob"), sqlite_library)
    window = make_window(qtbot, sqlite_library, tmp_path)
    team_of(window).hub.stop()
    panel = window.panels.show("agreement").widget()
    assert isinstance(panel, AgreementPanel)
    assert [panel.coders.item(i).text() for i in range(panel.coders.count())] == [
        "bob",
        "parallax-team",
    ]
    panel.compute_button.click()
    assert panel.figures.item(0, 0).text() == "All codes"
    assert panel.disagreements.rowCount() > 0 and panel.export_button.isEnabled()
    out = tmp_path / "out.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    panel.export_button.click()
    rows = list(csv.reader(out.open(encoding="utf-8")))
    assert len(rows) == panel.disagreements.rowCount() + 1
    library_file = Path(sqlite_library.files()[0])
    before = library_file.read_bytes()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(library_file), ""))
    panel.export_button.click()
    assert "is the open library" in panel.message.text()
    assert library_file.read_bytes() == before
    panel.coders.item(0).setCheckState(Qt.CheckState.Unchecked)
    panel.compute_button.click()
    assert "two different coders" in panel.message.text()


def test_the_agreement_panel_lists_coders_added_while_it_was_hidden(  # type: ignore[no-untyped-def]
    qtbot, sqlite_library: Library, tmp_path: Path
) -> None:
    load_sample(sqlite_library)
    window = make_window(qtbot, sqlite_library, tmp_path)
    team_of(window).hub.stop()
    dock = window.panels.show("agreement")
    panel = dock.widget()
    assert isinstance(panel, AgreementPanel)
    listed = [panel.coders.item(i).text() for i in range(panel.coders.count())]
    assert "carol" not in listed
    dock.hide()
    with sqlite_library.unit_of_work() as uow:
        coded = next(p for p in uow.passages.list() if p.codings)
    perform(ApplyCode(coded.key, coded.codings[0].code_key, author="carol"), sqlite_library)
    panel.refresh_coders()  # what each change of the library asks
    assert panel.coders.count() == len(listed)  # hidden: not read on every change
    window.panels.show("agreement")
    shown = [panel.coders.item(i).text() for i in range(panel.coders.count())]
    assert shown == sorted([*listed, "carol"])


def test_the_connection_dialog_saves_no_password(  # type: ignore[no-untyped-def]
    qtbot, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.delenv("PARALLAX_DB_PASSWORD", raising=False)
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    dialog = ConnectionDialog(settings)
    qtbot.addWidget(dialog)
    dialog.host.setText("db.example.org")
    dialog.database.setText("team")
    dialog.user.setText("ann")
    dialog.password.setText("s3cret")
    url = dialog.chosen_url()
    assert url == "postgresql+psycopg://ann:s3cret@db.example.org:5432/team"
    settings.sync()
    assert "s3cret" not in (tmp_path / "s.ini").read_text()
    assert [c.host for c in saved_connections(settings)] == ["db.example.org"]
    again = ConnectionDialog(settings)
    qtbot.addWidget(again)
    assert again.host.text() == "db.example.org" and again.password.text() == ""
