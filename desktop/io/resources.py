"""Where Parallax finds its bundled data files (schemas, dataset, icons).

This is the one place that knows the layout: ``resources/`` sits at the repository root next to
the ``desktop`` package. When the application is installed the lead ships ``resources/`` as
package data; only this module has to change then. Nothing is read at import time.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["resources_path", "schema_path"]


def resources_path() -> Path:
    """The ``resources`` folder (it may not exist in a broken install; callers get OSError)."""
    return Path(__file__).resolve().parents[2] / "resources"


def schema_path(name: str) -> Path:
    """Path of a schema file in ``resources/schema``, e.g. ``parallax-library.schema.json``."""
    return resources_path() / "schema" / name
