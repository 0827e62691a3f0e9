"""The editing interface: dialogs, docks and hooks that turn user actions into undoable commands.

Everything writes through ``EditingController.execute`` (one command, one unit of work, one undo
step); ``install_editing`` puts it into the main window.
"""

from desktop.ui.editing.install import install_editing

__all__ = ["install_editing"]
