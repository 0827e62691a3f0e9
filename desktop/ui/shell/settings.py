"""What the window remembers between runs, on top of a ``QSettings`` it is given.

The caller owns the ``QSettings`` (the composition root passes the user's; tests pass a
temporary INI file), so nothing here touches the user's real settings by itself. Values that
are not plain strings are stored as JSON, so INI and native backends read back the same types.
Per-library state (filters, selection, visible time window) is kept under a key derived from
the library URL, so switching libraries never applies one library's filters to another.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field, fields
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

from desktop.core.filters import Filters

DATE_FORMATS = {"long": "7 August 2008", "iso": "2008-08-07"}
EXPORT_THEMES = ("light", "print", "dark")
MAX_RECENT = 8


@dataclass(frozen=True)
class Preferences:
    """The user's choices in Edit > Preferences."""

    author: str = ""
    theme: str = "system"
    export_width: int = 1600
    export_theme: str = "light"
    date_format: str = "long"


@dataclass(frozen=True)
class LibraryViewState:
    """Where the user left a library: filters, selection and the timeline's own state."""

    filters: Filters = field(default_factory=Filters)
    selection: tuple[str, ...] = ()
    timeline: dict[str, Any] = field(default_factory=dict)


def filters_to_json(filters: Filters) -> str:
    data = {f.name: getattr(filters, f.name) for f in fields(Filters)}
    return json.dumps({k: sorted(v) if isinstance(v, frozenset) else v for k, v in data.items()})


def filters_from_json(text: str) -> Filters:
    """Filters from ``filters_to_json`` output; unknown or broken entries are ignored."""
    try:
        data = json.loads(text)
    except (TypeError, ValueError):
        return Filters()
    if not isinstance(data, dict):
        return Filters()
    defaults = Filters()
    values: dict[str, Any] = {}
    for f in fields(Filters):
        default = getattr(defaults, f.name)
        given = data.get(f.name, default)
        if isinstance(default, frozenset) and isinstance(given, list):
            values[f.name] = frozenset(str(item) for item in given)
        elif type(given) is type(default):
            values[f.name] = given
    return Filters(**values)


class ShellSettings:
    """Typed access to the window's settings. Every setter writes through at once."""

    def __init__(self, store: QSettings) -> None:
        self.store = store

    def _json(self, key: str, default: Any) -> Any:
        raw = self.store.value(key)
        if raw is None:
            return default
        try:
            return json.loads(str(raw))
        except ValueError:
            return default

    def _set_json(self, key: str, value: Any) -> None:
        self.store.setValue(key, json.dumps(value))
        self.store.sync()

    def preferences(self) -> Preferences:
        data = self._json("preferences", {})
        defaults = asdict(Preferences())
        if not isinstance(data, dict):
            data = {}
        chosen = {k: data[k] for k in defaults if type(data.get(k)) is type(defaults[k])}
        return Preferences(**{**defaults, **chosen})

    def set_preferences(self, preferences: Preferences) -> None:
        self._set_json("preferences", asdict(preferences))

    def recent_libraries(self) -> list[str]:
        data = self._json("recent_libraries", [])
        return [str(url) for url in data] if isinstance(data, list) else []

    def add_recent_library(self, url: str) -> None:
        recent = [url] + [u for u in self.recent_libraries() if u != url]
        self._set_json("recent_libraries", recent[:MAX_RECENT])

    def clear_recent_libraries(self) -> None:
        self._set_json("recent_libraries", [])

    @property
    def welcome_dismissed(self) -> bool:
        return bool(self._json("welcome_dismissed", False))

    @welcome_dismissed.setter
    def welcome_dismissed(self, value: bool) -> None:
        self._set_json("welcome_dismissed", bool(value))

    def window_layout(self) -> tuple[QByteArray | None, QByteArray | None, QByteArray | None]:
        """(geometry, dock state, splitter state) as saved, each None if never saved."""

        def read(key: str) -> QByteArray | None:
            value = self.store.value(key)
            return value if isinstance(value, QByteArray) and not value.isEmpty() else None

        return read("window/geometry"), read("window/state"), read("window/splitter")

    def save_window_layout(
        self, geometry: QByteArray, state: QByteArray, splitter: QByteArray
    ) -> None:
        self.store.setValue("window/geometry", geometry)
        self.store.setValue("window/state", state)
        self.store.setValue("window/splitter", splitter)
        self.store.sync()

    @staticmethod
    def _library_key(url: str) -> str:
        return "library/" + hashlib.sha1(url.encode("utf-8")).hexdigest()[:16]

    def view_state(self, url: str) -> LibraryViewState:
        data = self._json(self._library_key(url), {})
        if not isinstance(data, dict):
            return LibraryViewState()
        selection = data.get("selection", [])
        timeline = data.get("timeline", {})
        return LibraryViewState(
            filters=filters_from_json(json.dumps(data.get("filters", {}))),
            selection=tuple(str(k) for k in selection) if isinstance(selection, list) else (),
            timeline=timeline if isinstance(timeline, dict) else {},
        )

    def save_view_state(self, url: str, state: LibraryViewState) -> None:
        self._set_json(
            self._library_key(url),
            {
                "filters": json.loads(filters_to_json(state.filters)),
                "selection": list(state.selection),
                "timeline": state.timeline,
            },
        )
