"""Shared helpers for the window tests: a small library with content, a window on it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from db.library import Library
from db.records import EventRecord, LaneRecord, PassageLink, PassageRecord, SourceRecord
from desktop.core.workbench import Workbench
from desktop.model.dates import DateSpan
from desktop.ui.bridge import WorkbenchSignals
from desktop.ui.main_window import MainWindow
from desktop.ui.shell.errors import ErrorReporter

EVENTS = (
    ("war-2008", "Russo-Georgian war", "2008-08-07", "2008-08-12", "georgia", 1, ("war",)),
    (
        "crimea-2014",
        "Annexation of Crimea",
        "2014-02-20",
        "2014-03-26",
        "ukraine-moldova-belarus",
        1,
        ("annexation",),
    ),
    ("rose-2003", "Rose Revolution", "2003-11", None, "georgia", 2, ("protest",)),
    ("zapad-2017", "Zapad exercise", "2017-09", None, "baltics-eu-nato", 3, ("exercise",)),
)


def event(
    key: str,
    title: str,
    start: str,
    end: str | None,
    lane: str,
    importance: int,
    tags: tuple[str, ...],
) -> EventRecord:
    span = DateSpan.from_edtf(start, end)
    return EventRecord(
        key=key,
        title=title,
        start=start,
        end=end,
        t_lo=span.t_lo,
        t_hi=span.t_hi,
        lane=lane,
        importance=importance,
        tags=tags,
        actors=("Russia",),
        summary=f"Summary of {title}.",
    )


def fill_library(library: Library) -> None:
    """Three lanes, four events, two sources; both sources speak of the 2008 war."""
    with library.unit_of_work("tester") as uow:
        for i, (key, name) in enumerate(
            (
                ("georgia", "Georgia"),
                ("ukraine-moldova-belarus", "Ukraine, Moldova, Belarus"),
                ("baltics-eu-nato", "Baltics, EU, NATO"),
            )
        ):
            uow.lanes.add(LaneRecord(key=key, name=name, color="#4477aa", position=i))
        for row in EVENTS:
            uow.events.add(event(*row))
        text = "On 7 August 2008 fighting began in South Ossetia."
        for key, outlet in (("bbc-2008", "BBC"), ("rt-2008", "RT")):
            uow.sources.add(
                SourceRecord(
                    key=key,
                    title=f"War report by {outlet}",
                    outlet=outlet,
                    published="2008-08-08",
                    full_text=text,
                )
            )
            uow.passages.add(
                PassageRecord(
                    key=f"{key}-p1",
                    source_key=key,
                    start=0,
                    end=len(text),
                    quote=text,
                    links=(PassageLink("war-2008"),),
                )
            )
        uow.meta.set("attribution", "Test sources, written for these tests.")
        uow.commit()


def ini_settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def make_window(qtbot, library: Library, tmp_path: Path, **kwargs) -> MainWindow:  # type: ignore[no-untyped-def]
    """A shown window on ``library`` with temporary settings and log file."""
    workbench = Workbench(library)
    kwargs.setdefault("errors", ErrorReporter(tmp_path / "logs" / "parallax.log"))
    window = MainWindow(workbench, WorkbenchSignals(workbench), ini_settings(tmp_path), **kwargs)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window
