"""Themes, the preferences dialog, About and the window in a dark palette."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QCheckBox, QProxyStyle
from pytestqt.qtbot import QtBot

from db.library import Library
from desktop.ui.shell.about import about_html, app_version
from desktop.ui.shell.preferences import PreferencesDialog
from desktop.ui.shell.settings import Preferences
from desktop.ui.theme import apply_theme, is_dark, theme_palette
from tests.ui.shell.support import fill_library, make_window


@pytest.fixture
def app_theme(qapp: QApplication) -> Iterator[QApplication]:
    yield qapp
    apply_theme(qapp, "system")


def test_light_and_dark_palettes_differ_where_it_matters() -> None:
    light, dark = theme_palette("light"), theme_palette("dark")
    assert not is_dark(light) and is_dark(dark)
    for palette in (light, dark):
        window = palette.color(QPalette.ColorRole.Window).lightness()
        text = palette.color(QPalette.ColorRole.WindowText).lightness()
        assert abs(window - text) > 150  # readable contrast
    with pytest.raises(ValueError):
        theme_palette("sepia")


def test_apply_theme_switches_style_and_back(app_theme: QApplication) -> None:
    assert apply_theme(app_theme, "dark") == "dark"
    style = app_theme.style()
    assert isinstance(style, QProxyStyle) and style.baseStyle().name().lower() == "fusion"
    assert is_dark(app_theme.palette())
    assert apply_theme(app_theme, "light") == "light"
    assert app_theme.style().name().lower() == "fusion" and not is_dark(app_theme.palette())
    assert apply_theme(app_theme, "nonsense") == "system"
    assert not is_dark(app_theme.palette())


def test_check_boxes_stay_visible_on_the_dark_theme(qtbot, app_theme: QApplication) -> None:  # type: ignore[no-untyped-def]
    apply_theme(app_theme, "dark")
    box = QCheckBox("")
    qtbot.addWidget(box)
    box.resize(40, 24)
    image = box.grab().toImage()
    background = app_theme.palette().color(QPalette.ColorRole.Window).lightness()
    outline = max(
        image.pixelColor(x, y).lightness()
        for x in range(image.width())
        for y in range(image.height())
    )
    assert outline - background > 60  # Fusion's own outline would be darker than the window


def test_preferences_apply_author_dates_and_theme(
    qtbot: QtBot, app_theme: QApplication, sqlite_library: Library, tmp_path: Path
) -> None:
    fill_library(sqlite_library)
    window = make_window(qtbot, sqlite_library, tmp_path)
    dialog = PreferencesDialog(window.preferences, window)
    qtbot.addWidget(dialog)
    dialog.author.setText("  Ana Researcher ")
    dialog.date_format.setCurrentIndex(dialog.date_format.findData("iso"))
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    window.apply_preferences(dialog.chosen())
    assert window.workbench.author == "Ana Researcher"
    assert window.settings.preferences().date_format == "iso"
    window.workbench.select(["war-2008"])
    qtbot.waitUntil(lambda: "2008-08-07 – 2008-08-12" in window.details_panel.toPlainText())
    assert is_dark(app_theme.palette())
    shot = window.grab().toImage()
    sample = shot.pixelColor(shot.width() - 5, shot.height() // 2)
    assert sample.lightness() < 100  # the window really paints dark


def test_about_names_version_licences_and_dataset_sources(sqlite_library: Library) -> None:
    from desktop.core.catalog import Catalog

    fill_library(sqlite_library)
    html = about_html(sqlite_library, Catalog.load(sqlite_library))
    assert app_version() in html
    assert "MIT" in html and "icons" in html
    assert "Test sources, written for these tests." in html
    assert "War report by BBC" in html and "War report by RT" in html


def test_preferences_dialog_starts_from_the_given_values(qtbot) -> None:  # type: ignore[no-untyped-def]
    given = Preferences(
        author="B", theme="light", export_width=900, export_theme="dark", date_format="iso"
    )
    dialog = PreferencesDialog(given)
    qtbot.addWidget(dialog)
    assert dialog.chosen() == given
