"""Export from the window and for headless commands: report PDFs, timeline images, dialogs.

Everything here imports PySide6; commands import these modules lazily, inside ``run``.
"""
