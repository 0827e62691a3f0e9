"""Sub-commands of ``parallax``; each module exposes one ``Command``."""

from desktop.commands.base import Command
from desktop.commands.compare import COMPARE
from desktop.commands.copy import COPY
from desktop.commands.gui import GUI
from desktop.commands.info import INFO
from desktop.commands.sample import SAMPLE

COMMANDS: tuple[Command, ...] = (GUI, INFO, SAMPLE, COPY, COMPARE)

__all__ = ["COMMANDS", "Command"]
