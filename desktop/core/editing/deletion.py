"""What deleting a record takes with it, in words, before the user confirms."""

from __future__ import annotations

from db.library import Library
from db.uow import UnitOfWork


def _plural(count: int, singular: str, plural: str = "") -> str:
    return f"{count} {singular if count == 1 else plural or singular + 's'}"


def _event_parts(uow: UnitOfWork, key: str) -> tuple[str, list[str]]:
    event = uow.events.get(key)
    return event.title, [
        _plural(len(uow.links.of_event(key)), "passage link"),
        _plural(len(uow.notes.for_target("event", key)), "note"),
    ]


def _passage_parts(uow: UnitOfWork, key: str) -> tuple[str, list[str]]:
    passage = uow.passages.get(key)
    quote = passage.quote if len(passage.quote) <= 40 else passage.quote[:39] + "…"
    return quote, [
        _plural(len(passage.codings), "coding"),
        _plural(len(passage.links), "event link"),
        _plural(len(uow.claims.of_passage(key)), "claim"),
        _plural(len(uow.relations.of_passage(key)), "relation"),
        _plural(len(uow.notes.for_target("passage", key)), "note"),
    ]


def _code_parts(uow: UnitOfWork, key: str) -> tuple[str, list[str]]:
    code = uow.codes.get(key)
    return code.name, [
        _plural(uow.codes.coding_count(key), "coding"),
        _plural(len(uow.notes.for_target("code", key)), "note"),
    ]


def _note_parts(uow: UnitOfWork, key: str) -> tuple[str, list[str]]:
    body = uow.notes.get(key).body.strip()
    return (body if len(body) <= 40 else body[:39] + "…"), []


_PARTS = {
    "event": _event_parts,
    "passage": _passage_parts,
    "code": _code_parts,
    "note": _note_parts,
}


def describe_delete(library: Library, kind: str, key: str) -> str:
    """A sentence for the confirmation dialog, e.g. "Deleting 'X' also removes 3 passage
    links and 1 note." Only counts above zero are named. Raises NotFoundError, ValueError."""
    if kind not in _PARTS:
        raise ValueError(f"cannot describe deleting a {kind}")
    with library.unit_of_work() as uow:
        name, parts = _PARTS[kind](uow, key)
    named = [part for part in parts if not part.startswith("0 ")]
    if not named:
        return f"Deleting '{name}' removes nothing else."
    listed = named[0] if len(named) == 1 else ", ".join(named[:-1]) + " and " + named[-1]
    return f"Deleting '{name}' also removes {listed}."
