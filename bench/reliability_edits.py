"""The random edits of ``bench.reliability``'s writers: every editable part of a library.

Each edit is chosen by ``random_edit`` as a ``Plan`` (a short description written to the journal
before it runs, and the action). An action returns the journal entry of an acknowledged edit:

- ``{"t": kind, "key", "version", "field", "value"}`` for a versioned record (event, passage,
  code, claim, source, note): the field now holds the value at that version;
- ``{"t": "coding", ...}``, ``{"t": "new_note", ...}``;
- ``{"t": "hold", "slot", "held"}`` for a row that exists or not (a passage's link to an event, a
  relation between passages): a writer only removes what it made itself, so whoever holds a
  slot last decides whether the row exists.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from db.library import Library
from db.records import PassageLink
from desktop.core.editing import (
    ApplyCode,
    CreateNote,
    EditCode,
    EditEvent,
    EditNote,
    EditPassage,
    LinkPassage,
    RelatePassages,
    UnlinkPassage,
    perform,
)
from desktop.core.editing.edits import RecordEdit

TARGETS = 6
LANES = ("georgia", "ukraine")
Entry = dict[str, Any]


@dataclass
class Plan:
    what: str
    action: Callable[[], Entry]
    sets: dict[str, Any] = field(default_factory=dict)  # field: value it will set (None: unknown)


@dataclass
class Holdings:
    """What one writer made and may take away again: links and relations."""

    links: list[tuple[str, str]] = field(default_factory=list)
    relations: list[tuple[str, str]] = field(default_factory=list)  # (slot, relation key)


def _year_span(year: int) -> tuple[float, float]:
    return float(date(year, 1, 1).toordinal()), float(date(year + 1, 1, 1).toordinal())


def _written(command: RecordEdit, library: Library, kind: str, name: str, value: Any) -> Entry:
    perform(command, library)
    version = command._version  # the version this edit wrote
    return {"t": kind, "key": command.after.key, "version": version, "field": name, "value": value}


def _event_value(rng: random.Random, name: str, token: str) -> Any:
    if name == "actors":
        return [f"actor-{token}", rng.choice(("Russia", "Georgia", "EU"))]
    if name == "tags":
        return sorted({f"tag-{token}", rng.choice(("war", "trade", "talks"))})
    if name == "lane":
        return rng.choice(LANES)
    if name == "importance":
        return rng.randrange(1, 4)
    if name == "start":
        return str(rng.randrange(1990, 2030))
    return token


def edit_event(library: Library, author: str, key: str, name: str, value: Any) -> Entry:
    with library.unit_of_work() as uow:
        before = uow.events.get(key)
    if name == "start" and before.start == value:  # a no-op would not bump the version
        value = str(int(value) + 1)
    changed = replace(before, **{name: tuple(value) if isinstance(value, list) else value})
    if name == "start":
        t_lo, t_hi = _year_span(int(value))
        changed = replace(changed, t_lo=t_lo, t_hi=t_hi)
    if changed == before:  # the same lane or importance again: change the title instead
        name, value = "title", f"{before.title}!"
        changed = replace(before, title=value)
    return _written(EditEvent(before, changed, author), library, "event", name, value)


def edit_passage(library: Library, author: str, key: str, name: str, value: str) -> Entry:
    with library.unit_of_work() as uow:
        before = uow.passages.get(key)
    command = EditPassage(before, replace(before, **{name: value}), author)
    return _written(command, library, "passage", name, value)


def edit_code(library: Library, author: str, key: str, name: str, value: str) -> Entry:
    with library.unit_of_work() as uow:
        before = uow.codes.get(key)
    command = EditCode(before, replace(before, **{name: value}), author)
    return _written(command, library, "code", name, value)


def edit_note(library: Library, author: str, key: str, body: str) -> Entry:
    with library.unit_of_work() as uow:
        before = uow.notes.get(key)
    return _written(
        EditNote(before, replace(before, body=body), author), library, "note", "body", body
    )


def edit_claim(library: Library, author: str, key: str, name: str, value: Any) -> Entry:
    """Claims and sources have no edit command: the importers write them through the
    repository, with the version the caller loaded."""
    with library.unit_of_work() as uow:
        before = uow.claims.get(key)
    with library.unit_of_work(author) as uow:
        written = uow.claims.update(replace(before, **{name: value}))
        uow.commit()
    return {
        "t": "claim",
        "key": key,
        "version": written.stamp.version,
        "field": name,
        "value": value,
    }


def edit_source(library: Library, author: str, key: str, name: str, value: str) -> Entry:
    with library.unit_of_work() as uow:
        before = uow.sources.get(key)
    with library.unit_of_work(author) as uow:
        written = uow.sources.update(replace(before, **{name: value}))
        uow.commit()
    return {
        "t": "source",
        "key": key,
        "version": written.stamp.version,
        "field": name,
        "value": value,
    }


def apply_code(library: Library, author: str, passage: str, code: str) -> Entry:
    perform(ApplyCode(passage, code, author=author), library)
    return {"t": "coding", "passage": passage, "code": code, "coder": author}


def new_note(library: Library, author: str, target: str, body: str) -> Entry:
    command = CreateNote("event", target, body, author=author)
    perform(command, library)
    return {"t": "new_note", "key": command.note.key, "body": body}


def toggle_link(library: Library, author: str, mine: Holdings, pair: tuple[str, str]) -> Entry:
    """Unlink a link this writer made, else link the pair (refused if someone linked it)."""
    passage, event = pair
    if pair in mine.links:
        perform(UnlinkPassage(passage, event, author), library)
        mine.links.remove(pair)
        return {"t": "hold", "slot": f"link {passage} {event}", "held": False}
    perform(LinkPassage(passage, PassageLink(event, 0.5, "manual"), author), library)
    mine.links.append(pair)
    return {"t": "hold", "slot": f"link {passage} {event}", "held": True}


def toggle_relation(library: Library, author: str, mine: Holdings, pair: tuple[str, str]) -> Entry:
    """Delete one of this writer's relations, else relate the pair (a new relation)."""
    first, second = pair
    if first == second and mine.relations:
        slot, key = mine.relations.pop()
        with library.unit_of_work(author) as uow:
            uow.relations.delete(key)
            uow.commit()
        return {"t": "hold", "slot": slot, "held": False}
    if first == second:
        second = f"p{(int(first[1:]) + 1) % TARGETS}"
    command = RelatePassages(first, second, "supports", author)
    perform(command, library)
    slot = f"relation {command.relation.key}"
    mine.relations.append((slot, command.relation.key))
    return {"t": "hold", "slot": slot, "held": True}


EVENT_FIELDS = ("title", "start", "summary", "actors", "tags", "lane", "importance", "notes")


def random_edit(rng: random.Random, library: Library, author: str, n: int, mine: Holdings) -> Plan:
    """One random edit of any editable part, on targets every writer shares."""
    i, j = rng.randrange(TARGETS), rng.randrange(TARGETS)
    token = f"{author}-{n}"
    choice = rng.randrange(12)
    passage_field = rng.choice(("notes", "tone", "voice"))
    code_field = rng.choice(("name", "definition", "example"))
    source_field = rng.choice(("title", "notes", "stance"))
    if choice < 3:
        name = rng.choice(EVENT_FIELDS)
        value = _event_value(rng, name, token)
        sets = {name: value}
        if name in ("lane", "importance", "start"):  # see edit_event: it may set another value
            sets = {name: None, "title": None} if name != "start" else {name: None}
        return Plan(
            f"event e{i} {name}", lambda: edit_event(library, author, f"e{i}", name, value), sets
        )
    plans: dict[int, Plan] = {
        3: Plan(f"coding p{i} c{j}", lambda: apply_code(library, author, f"p{i}", f"c{j}")),
        4: Plan(f"new note e{i}", lambda: new_note(library, author, f"e{i}", token)),
        5: Plan(f"note n{i}", lambda: edit_note(library, author, f"n{i}", token), {"body": token}),
        6: Plan(
            f"passage p{i} {passage_field}",
            lambda: edit_passage(library, author, f"p{i}", passage_field, token),
            {passage_field: token},
        ),
        7: Plan(
            f"code c{i} {code_field}",
            lambda: edit_code(library, author, f"c{i}", code_field, token),
            {code_field: token},
        ),
        8: Plan(
            f"claim k{i} stated",
            lambda: edit_claim(library, author, f"k{i}", "stated", token),
            {"stated": token},
        ),
        9: Plan(
            f"source s {source_field}",
            lambda: edit_source(library, author, "s", source_field, token),
            {source_field: token},
        ),
        10: Plan(f"link p{i} e{j}", lambda: toggle_link(library, author, mine, (f"p{i}", f"e{j}"))),
        11: Plan(
            f"relation p{i} p{j}",
            lambda: toggle_relation(library, author, mine, (f"p{i}", f"p{j}")),
        ),
    }
    return plans[choice]
