"""Several commands done as one user action and one undo step (e.g. linking to three events).

Each part commits on its own; if one fails, the parts already done are undone in reverse, so
the library is left as it was and the error is raised.
"""

from __future__ import annotations

from db.library import Library
from desktop.core.editing import Changes, Command


class Batch:
    def __init__(self, label: str, parts: list[Command]) -> None:
        self.label = label
        self.parts = parts

    def merge_with(self, other: Command) -> bool:
        return False

    def do(self, library: Library) -> Changes:
        return self._apply(library, self.parts, forward=True)

    def undo(self, library: Library) -> Changes:
        return self._apply(library, list(reversed(self.parts)), forward=False)

    @staticmethod
    def _apply(library: Library, parts: list[Command], *, forward: bool) -> Changes:
        changes = Changes()
        done: list[Command] = []
        try:
            for part in parts:
                changes |= part.do(library) if forward else part.undo(library)
                done.append(part)
        except Exception:
            for part in reversed(done):
                part.undo(library) if forward else part.do(library)
            raise
        return changes
