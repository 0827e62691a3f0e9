"""Library data in and out from the window: File > Import data / Export data / comparison report.

Dialogs and progress only; the work is ``desktop.core.exchange``'s.
"""
