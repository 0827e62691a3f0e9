"""The names of ``desktop.core.importing``, loaded on first use (read by lazy_loader at
run time and by type checkers); a name the package offers is added here and only here."""

from .accepting import AcceptedSuggestion as AcceptedSuggestion
from .accepting import ReviewOutcome as ReviewOutcome
from .accepting import accept_suggestion as accept_suggestion
from .accepting import reject_suggestion as reject_suggestion
from .batch import import_batch as import_batch
from .document import NearMatchPolicy as NearMatchPolicy
from .document import import_document as import_document
from .matching import NearMatch as NearMatch
from .matching import SourceIndex as SourceIndex
from .metadata import MetadataError as MetadataError
from .metadata import ProposedMetadata as ProposedMetadata
from .metadata import merged_metadata as merged_metadata
from .metadata import propose_metadata as propose_metadata
from .outcome import AnchorSummary as AnchorSummary
from .outcome import ImportOutcome as ImportOutcome
from .outcome import ImportReport as ImportReport
from .outcome import ImportStatus as ImportStatus
from .outcome import MetadataOverrides as MetadataOverrides
from .preview import DocumentPreview as DocumentPreview
from .preview import preview_document as preview_document
from .review import ReviewItem as ReviewItem
from .review import SuggestionKind as SuggestionKind
from .review import find_suggestions as find_suggestions
from .review import load_event_infos as load_event_infos
from .review import review_suggestions as review_suggestions
from .review import store_found as store_found
from .review import store_suggestions as store_suggestions
from .reviewing import Choice as Choice
from .reviewing import Created as Created
from .reviewing import NewEventDetails as NewEventDetails
from .reviewing import ReviewError as ReviewError
from .reviewing import ReviewSuggestions as ReviewSuggestions
from .reviewing import passage_for as passage_for
from .reviewing import register_acceptor as register_acceptor
