"""Importing documents into a library: new sources, attaching texts to known ones, review.

``import_document`` / ``import_batch`` read files and write each in its own transaction;
``review_suggestions`` proposes passages and events from a source's text, and nothing is linked
until ``accept_suggestion`` is called on a person's word. Pure Python, no Qt.
``review`` (accept and reject many at once) is imported from ``accepting``: its name is also
that of the ``review`` module.

The names below are loaded on first use (PEP 562), so that importing one module of the package
(a batch's worker process imports ``prepare``) does not import the rest and the database.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.core.importing.accepting import (
        AcceptedSuggestion,
        ReviewOutcome,
        accept_suggestion,
        reject_suggestion,
    )
    from desktop.core.importing.batch import import_batch
    from desktop.core.importing.document import NearMatchPolicy, import_document
    from desktop.core.importing.matching import NearMatch, SourceIndex
    from desktop.core.importing.metadata import (
        MetadataError,
        ProposedMetadata,
        merged_metadata,
        propose_metadata,
    )
    from desktop.core.importing.outcome import (
        AnchorSummary,
        ImportOutcome,
        ImportReport,
        ImportStatus,
        MetadataOverrides,
    )
    from desktop.core.importing.preview import DocumentPreview, preview_document
    from desktop.core.importing.review import (
        ReviewItem,
        SuggestionKind,
        find_suggestions,
        load_event_infos,
        review_suggestions,
        store_found,
        store_suggestions,
    )
    from desktop.core.importing.reviewing import (
        Choice,
        Created,
        NewEventDetails,
        ReviewError,
        ReviewSuggestions,
        passage_for,
        register_acceptor,
    )

_HOMES = {
    "AcceptedSuggestion": "accepting",
    "ReviewOutcome": "accepting",
    "accept_suggestion": "accepting",
    "reject_suggestion": "accepting",
    "import_batch": "batch",
    "NearMatchPolicy": "document",
    "import_document": "document",
    "NearMatch": "matching",
    "SourceIndex": "matching",
    "MetadataError": "metadata",
    "ProposedMetadata": "metadata",
    "merged_metadata": "metadata",
    "propose_metadata": "metadata",
    "AnchorSummary": "outcome",
    "ImportOutcome": "outcome",
    "ImportReport": "outcome",
    "ImportStatus": "outcome",
    "MetadataOverrides": "outcome",
    "DocumentPreview": "preview",
    "preview_document": "preview",
    "ReviewItem": "review",
    "SuggestionKind": "review",
    "find_suggestions": "review",
    "load_event_infos": "review",
    "review_suggestions": "review",
    "store_found": "review",
    "store_suggestions": "review",
    "Choice": "reviewing",
    "Created": "reviewing",
    "NewEventDetails": "reviewing",
    "ReviewError": "reviewing",
    "ReviewSuggestions": "reviewing",
    "passage_for": "reviewing",
    "register_acceptor": "reviewing",
}


def __getattr__(name: str) -> object:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value


__all__ = [
    "AcceptedSuggestion",
    "AnchorSummary",
    "Choice",
    "Created",
    "DocumentPreview",
    "ImportOutcome",
    "ImportReport",
    "ImportStatus",
    "MetadataError",
    "MetadataOverrides",
    "NearMatch",
    "NearMatchPolicy",
    "NewEventDetails",
    "ProposedMetadata",
    "ReviewError",
    "ReviewItem",
    "ReviewOutcome",
    "ReviewSuggestions",
    "SourceIndex",
    "SuggestionKind",
    "accept_suggestion",
    "find_suggestions",
    "import_batch",
    "import_document",
    "load_event_infos",
    "merged_metadata",
    "passage_for",
    "preview_document",
    "propose_metadata",
    "register_acceptor",
    "reject_suggestion",
    "review_suggestions",
    "store_found",
    "store_suggestions",
]
