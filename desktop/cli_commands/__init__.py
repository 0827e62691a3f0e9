"""Sub-commands of ``parallax`` (the command line), one ``SubCommand`` per module.

Not to be confused with undo commands (``desktop.core.editing.command.Command``).
"""

from desktop.cli_commands.agreement import AGREEMENT
from desktop.cli_commands.base import SubCommand
from desktop.cli_commands.compare import COMPARE
from desktop.cli_commands.copy import COPY
from desktop.cli_commands.desktop_entry import DESKTOP_ENTRY
from desktop.cli_commands.export_data import EXPORT_DATA
from desktop.cli_commands.export_image import EXPORT_IMAGE
from desktop.cli_commands.export_report import EXPORT_REPORT
from desktop.cli_commands.gui import GUI
from desktop.cli_commands.import_data import IMPORT_DATA
from desktop.cli_commands.import_documents import IMPORT
from desktop.cli_commands.info import INFO
from desktop.cli_commands.review import REVIEW
from desktop.cli_commands.sample import SAMPLE
from desktop.cli_commands.suggestions import SUGGESTIONS

COMMANDS: tuple[SubCommand, ...] = (
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

__all__ = ["COMMANDS", "SubCommand"]
