"""The bottom of the application: values every layer shares (no Qt, no database access).

Historical dates with their precision (``dates``), what an edit changed (``changes``), the
source colour palette and how a source is named (``palette``, ``source_identity``). ``io`` and
``core`` both build on these, so ``io`` never imports ``core`` (an import contract keeps it so).
"""
