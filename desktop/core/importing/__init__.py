"""Importing documents into a library: new sources, attaching texts to known ones, review.

``import_document`` / ``import_batch`` read files and write each in its own transaction;
``review_suggestions`` proposes passages and events from a source's text, and nothing is linked
until ``accept_suggestion`` is called on a person's word. Pure Python, no Qt.
"""

from desktop.core.importing.accepting import (
    AcceptedSuggestion,
    ReviewOutcome,
    accept_suggestion,
    reject_suggestion,
    review,
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
    "review",
    "review_suggestions",
    "store_found",
    "store_suggestions",
]
