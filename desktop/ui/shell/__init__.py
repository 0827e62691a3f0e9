"""The parts of the main window that are not views: actions, docks, settings, dialogs, tasks."""
