"""What File > Export image remembers between uses: the last choices and the last folder.

Stored as one JSON value under ``KEY`` in the window's ``QSettings``; a missing or broken value
gives the defaults, which come from Preferences (width, theme). Nothing here touches a widget.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings

KEY = "export/image"


@dataclass(frozen=True)
class ImageChoices:
    """The dialog's fields. ``size`` is "Width", a preset name or a page name."""

    range: str = "Whole library"
    date_from: str = ""
    date_to: str = ""
    size: str = "Width"
    width: str = "1600px"
    dpi: int = 300
    theme: str = "light"
    title: str = ""
    legend: bool = True
    footer: bool = True
    include_context: bool = False
    importance: int = 3
    palette: str = "safe"
    bib: bool = False
    caption: bool = False
    folder: str = ""
    file_name: str = "timeline.png"


def defaults_from_preferences(width: int, theme: str) -> ImageChoices:
    """First-use choices: Preferences' export width (pixels) and theme."""
    return ImageChoices(width=f"{width}px", theme=theme)


def load_choices(store: QSettings | None, fallback: ImageChoices) -> ImageChoices:
    """The remembered choices, or ``fallback`` where none (or a broken value) is stored."""
    raw = store.value(KEY) if store is not None else None
    try:
        data = json.loads(str(raw)) if raw is not None else {}
    except ValueError:
        data = {}
    if not isinstance(data, dict):
        data = {}
    values: dict[str, Any] = {}
    for f in fields(ImageChoices):
        given, default = data.get(f.name), getattr(fallback, f.name)
        values[f.name] = given if type(given) is type(default) else default
    return ImageChoices(**values)


def save_choices(store: QSettings | None, choices: ImageChoices) -> None:
    if store is not None:
        store.setValue(KEY, json.dumps(asdict(choices)))


def start_path(choices: ImageChoices) -> str:
    """Where the save dialog opens: the last folder and file name, else the home folder."""
    folder = Path(choices.folder) if choices.folder else Path.home()
    if not folder.is_dir():
        folder = Path.home()
    return str(folder / (choices.file_name or "timeline.png"))
