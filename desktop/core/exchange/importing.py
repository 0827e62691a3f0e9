"""Import a file into the current library: one transaction, nothing half-imported.

``import_file`` reads the file (``FormatError`` for a bad file, naming the row or field), reads
the library and plans the merge in the same unit of work (``merging.plan_import``), raises
``ImportConflictError`` if incoming records clash with the library's (unless ``rename``), then
writes everything and commits. Any failure rolls the whole import back.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from db.library import Library
from desktop.core.exchange.formats import guess_import_format
from desktop.core.exchange.library_bundle import load_bundle
from desktop.core.exchange.library_export import bundle_from_library
from desktop.core.exchange.merging import KIND_NAMES, ImportConflictError, ImportPlan, plan_import
from desktop.core.exchange.reading import read_import_file
from desktop.io.formats.bundle import Bundle
from desktop.model.changes import KINDS, Changes

__all__ = ["ImportConflictError", "ImportOutcome", "import_bundle", "import_file"]


@dataclass(frozen=True, slots=True)
class ImportOutcome:
    """What an import did: the format read, the plan it carried out and what views refresh."""

    format: str
    plan: ImportPlan
    changes: Changes
    notices: tuple[str, ...] = ()

    def summary(self) -> str:
        """One line for people: "Imported 12 events, 3 lanes; skipped 2 identical records."."""
        added = [
            f"{n} {KIND_NAMES[kind]}{'' if n == 1 else 's'}"
            for kind, n in self.plan.added.items()
            if n
        ]
        text = "Imported " + (", ".join(added) if added else "nothing new")
        skipped = sum(self.plan.skipped.values())
        if skipped:
            text += f"; skipped {skipped} identical record{'' if skipped == 1 else 's'}"
        if self.plan.renamed:
            text += f"; {len(self.plan.renamed)} given new keys"
        return "; ".join((text, *self.notices)) + "."


def _changes(bundle: Bundle) -> Changes:
    keyed = {kind: {r.key for r in getattr(bundle, kind)} for kind in KINDS}
    return Changes.of(everything=bool(bundle.eras or bundle.attributes), **keyed)


def import_bundle(
    library: Library, incoming: Bundle, *, rename: bool = False, author: str = "", fmt: str = ""
) -> ImportOutcome:
    """Merge ``incoming`` into ``library`` in one transaction (see ``merging`` for the policy).

    Raises ``ImportConflictError`` (nothing written) or ``BundleLoadError``/``LibraryError``
    from the database (rolled back).
    """
    with library.unit_of_work(author) as uow:
        plan = plan_import(bundle_from_library(uow), incoming, rename=rename)
        if plan.conflicts:
            raise ImportConflictError(plan.conflicts)
        load_bundle(uow, plan.bundle)
        uow.commit()
    return ImportOutcome(fmt, plan, _changes(plan.bundle), incoming.notices)


def import_file(
    library: Library,
    path: str | os.PathLike[str],
    fmt: str | None = None,
    *,
    rename: bool = False,
    author: str = "",
) -> ImportOutcome:
    """Read ``path`` (format guessed when ``fmt`` is None) and import it (``import_bundle``)."""
    chosen = fmt or guess_import_format(path)
    incoming = read_import_file(path, chosen)
    return import_bundle(library, incoming, rename=rename, author=author, fmt=chosen)
