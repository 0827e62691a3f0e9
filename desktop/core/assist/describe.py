"""One line per stored suggestion for a reviewer: what accepting it adds, in words."""

from __future__ import annotations

from typing import Any

from desktop.core.assist.items import ClaimDraft
from desktop.core.importing.review import ReviewItem, SuggestionKind


def headline(item: ReviewItem) -> str:
    """ "Link to: <event>", "New event on <date>", "Passage about <event>",
    "Claim deaths: 38 people", "Code: Security (issue.security)", "Tone: negative"."""
    event = item.event_title or item.event_key or "?"
    if item.kind == SuggestionKind.LINK:
        return f"Link to: {event}"
    if item.kind == SuggestionKind.NEW_EVENT:
        return f"New event on {item.date_display}"
    if item.kind == "passage":
        return f"Passage about {event}"
    if item.kind == "claim":
        return f"Claim {_claim(item.payload.get('claim'))}"
    if item.kind == "code":
        return _code(item.payload)
    return f"{item.kind}: {event}"


def _claim(data: Any) -> str:
    if not isinstance(data, dict) or not data.get("subject"):
        return "?"
    low, high = data.get("low"), data.get("high")
    draft = ClaimDraft(
        str(data["subject"]),
        str(data.get("kind", "number")),
        str(data.get("stated", "")),
        float(low) if isinstance(low, int | float) else None,
        float(high) if isinstance(high, int | float) else None,
        data.get("date"),
        str(data.get("unit") or ""),
        str(data.get("hedge") or "exact"),
    )
    return draft.describe()


def _code(payload: dict[str, Any]) -> str:
    field = str(payload.get("field", "code"))
    value = str(payload.get("value", ""))
    if field in ("tone", "epistemic"):
        return f"{field.capitalize()}: {value}"
    name = str(payload.get("name") or value)
    return f"Code: {name} ({value})" if name != value else f"Code: {value}"
