"""Sub-commands of ``parallax``; each module exposes one ``Command``."""

from desktop.commands.agreement import AGREEMENT
from desktop.commands.base import Command
from desktop.commands.compare import COMPARE
from desktop.commands.copy import COPY
from desktop.commands.desktop_entry import DESKTOP_ENTRY
from desktop.commands.export_data import EXPORT_DATA
from desktop.commands.export_image import EXPORT_IMAGE
from desktop.commands.export_report import EXPORT_REPORT
from desktop.commands.gui import GUI
from desktop.commands.import_data import IMPORT_DATA
from desktop.commands.import_documents import IMPORT
from desktop.commands.info import INFO
from desktop.commands.review import REVIEW
from desktop.commands.sample import SAMPLE
from desktop.commands.suggestions import SUGGESTIONS

COMMANDS: tuple[Command, ...] = (
    GUI,
    INFO,
    SAMPLE,
    COPY,
    COMPARE,
    IMPORT,
    EXPORT_DATA,
    IMPORT_DATA,
    EXPORT_REPORT,
    EXPORT_IMAGE,
    AGREEMENT,
    SUGGESTIONS,
    REVIEW,
    DESKTOP_ENTRY,
)

__all__ = ["COMMANDS", "Command"]
