"""Opening another library off the GUI thread.

Reading a library into a ``Workbench`` (its catalog of events, sources, passages and codes)
takes seconds for a big one, so the window runs ``open_job`` through ``run_with_progress``: the
progress dialog offers Cancel and the window keeps answering. The job builds only core objects
(no widgets); the window shows the result on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable

from db.library import Library
from desktop.core.workbench import Workbench
from desktop.ui.shell.tasks import IsCancelled, Job, Report

Opener = Callable[[str], Library]


def open_job(opener: Opener, location: str, author: str) -> Job:
    """A job that opens ``location`` and reads it into a ``Workbench`` (None when cancelled:
    a library opened by then is closed again)."""

    def job(report: Report, cancelled: IsCancelled) -> Workbench | None:
        report(0, 0, f"Opening {location}…")
        library = opener(location)
        try:
            report(0, 0, "Reading events, sources and passages…")
            workbench = None if cancelled() else Workbench(library, author=author)
        except BaseException:
            library.dispose()
            raise
        if workbench is None or cancelled():
            library.dispose()
            return None
        return workbench

    return job
