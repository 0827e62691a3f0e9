"""A look at one file before importing it: readable? already known? what would it be called?"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from db.library import Library
from desktop.core.importing.matching import SourceIndex
from desktop.core.importing.metadata import ProposedMetadata, propose_metadata
from desktop.io.documents import DocumentError, read_document


@dataclass(frozen=True, slots=True)
class DocumentPreview:
    """What importing ``path`` would do. ``error`` is the reader's reason when unreadable;
    ``known_as`` names the source it matches exactly or nearly (then it would attach, not be
    new); ``proposed`` is the metadata a new source would get."""

    path: Path
    error: str = ""
    known_as: str | None = None
    proposed: ProposedMetadata | None = None

    @property
    def is_new(self) -> bool:
        return not self.error and self.known_as is None and self.proposed is not None


def preview_document(library: Library, path: Path) -> DocumentPreview:
    """Read ``path`` and compare it with the library; writes nothing."""
    try:
        document = read_document(path)
    except DocumentError as error:
        return DocumentPreview(path, error=error.reason)
    with library.unit_of_work() as uow:
        same = uow.sources.find_by_hash(document.file_sha256, document.content_hash)
        near = None if same is not None else SourceIndex.load(uow).near_match(document.text)
    known = same.key if same is not None else (near.source_key if near else None)
    return DocumentPreview(path, known_as=known, proposed=propose_metadata(document))
