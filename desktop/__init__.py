"""Parallax: events on a zoomable timeline, sources side by side."""

__version__ = "0.1.0"
