"""The editing interface: dialogs, docks and hooks that turn user actions into undoable commands.

Everything writes through ``EditingController.execute`` (one command, one unit of work, one undo
step); ``EditingFeature`` is the editing part of a library session.
"""

from desktop.ui.editing.feature import EditingFeature

__all__ = ["EditingFeature"]
