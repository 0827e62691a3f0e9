"""What the window may ask of the widgets the composition root puts in its slots.

The window never inspects attributes by name: a slot widget that implements one of these
protocols gets the matching behaviour (checked with ``isinstance``), one that does not simply
does without it (its actions stay disabled, its state is not saved).
"""

from __future__ import annotations

from typing import Any, Protocol, runtime_checkable


@runtime_checkable
class Restorable(Protocol):
    """A widget whose view state (e.g. the visible time window) outlives the session.

    ``state()`` returns JSON-compatible data; ``restore()`` must accept anything ``state()``
    returned in an earlier run and ignore what it no longer understands.
    """

    def state(self) -> dict[str, Any]: ...

    def restore(self, state: dict[str, Any]) -> None: ...


@runtime_checkable
class Navigable(Protocol):
    """A timeline that the View menu and the toolbar can zoom and move."""

    def zoom_in(self) -> None: ...

    def zoom_out(self) -> None: ...

    def fit_all(self) -> None:
        """Show every visible event."""

    def go_home(self) -> None:
        """Show the default window (2008–2025 for the bundled dataset)."""
