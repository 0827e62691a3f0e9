"""Export and import for users: whole-library data formats, the comparison report, coverage.

Use cases over a ``db.library.Library``; pure Python, no Qt. Readers and writers of the file
formats themselves live in ``desktop.io.formats``; this package chooses one, reads the library in
one unit of work, and imports in one transaction with a clear policy for existing keys.
"""
