"""Names and identifiers shared by the REFI-QDA (.qdpx) exporter and importer."""

from __future__ import annotations

import uuid

__all__ = ["EXCERPTS_NOTICE", "NS", "PARALLAX_USER", "guid", "q"]

NS = "urn:QDA-XML:project:1.0"
PARALLAX_USER = "Parallax"
EXCERPTS_NOTICE = "Excerpts only: the full text is not included; passages are joined by [\u2026]."
# Fixed namespace: the same record always gets the same GUID, so exports are reproducible and
# two exports of one library can be compared.
_GUID_NAMESPACE = uuid.UUID("6f0e64a2-3f3e-5f6c-9d57-0a5d2f1c9b11")


def guid(kind: str, key: str) -> str:
    """Stable GUID of a record: UUID5 of its kind and key."""
    return str(uuid.uuid5(_GUID_NAMESPACE, f"{kind}:{key}"))


def q(tag: str) -> str:
    """Qualified tag name in the project namespace."""
    return f"{{{NS}}}{tag}"
