"""ShellSettings on a temporary INI file: typed values survive a new QSettings object."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from desktop.core.filters import Filters
from desktop.ui.shell.settings import (
    MAX_RECENT,
    LibraryViewState,
    Preferences,
    ShellSettings,
    filters_from_json,
    filters_to_json,
)


def fresh(tmp_path: Path) -> ShellSettings:
    return ShellSettings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))


def test_filters_round_trip_through_json() -> None:
    filters = Filters(
        lanes=frozenset({"georgia", "central-asia"}),
        tags=frozenset({"war"}),
        max_importance=2,
        text="gas",
        dim_instead_of_hide=True,
    )
    assert filters_from_json(filters_to_json(filters)) == filters


def test_broken_filter_json_gives_no_filters() -> None:
    assert filters_from_json("{not json") == Filters()
    assert filters_from_json('{"max_importance": "three", "lanes": "x"}') == Filters()


def test_preferences_and_sessions_survive_a_restart(tmp_path: Path) -> None:
    settings = fresh(tmp_path)
    assert settings.preferences() == Preferences()
    chosen = Preferences(
        author="Ana", theme="dark", export_width=2400, export_theme="print", date_format="iso"
    )
    settings.set_preferences(chosen)
    session = LibraryViewState(Filters(text="war"), ("a", "b"), {"t0": 1.5})
    settings.save_view_state("sqlite:///x.sqlite", session)
    again = fresh(tmp_path)
    assert again.preferences() == chosen
    assert again.view_state("sqlite:///x.sqlite") == session
    assert again.view_state("sqlite:///other.sqlite") == LibraryViewState()


def test_recent_libraries_are_most_recent_first_without_duplicates(tmp_path: Path) -> None:
    settings = fresh(tmp_path)
    for i in range(MAX_RECENT + 3):
        settings.add_recent_library(f"lib{i}")
    settings.add_recent_library("lib5")
    recent = fresh(tmp_path).recent_libraries()
    assert recent[0] == "lib5" and len(recent) == MAX_RECENT and len(set(recent)) == MAX_RECENT
