"""Other names of actors ("Россия", "РФ" for "Russia"): written as one line of text in the event
dialog, and changed by an undoable command."""

from __future__ import annotations

from collections.abc import Mapping

from db.library import Library
from db.uow import UnitOfWork
from desktop.core.editing.command import UnitCommand
from desktop.model.changes import Changes

type ActorAliases = dict[str, tuple[str, ...]]


def known_actor_aliases(library: Library) -> ActorAliases:
    """Actor -> its other names, for the actors of ``library`` that have any."""
    with library.unit_of_work() as uow:
        return uow.actors.aliases()


def actor_aliases_text(actors: tuple[str, ...], aliases: Mapping[str, tuple[str, ...]]) -> str:
    """``"Russia = Россия, РФ; Georgia = Грузия"`` for the actors that have aliases."""
    return "; ".join(f"{a} = {', '.join(aliases[a])}" for a in actors if aliases.get(a))


def parse_actor_aliases(text: str) -> ActorAliases:
    """The actors and aliases ``text`` names (see ``actor_aliases_text``); an actor written
    with nothing after '=' has none. Raises ValueError naming a part without '='."""
    found: ActorAliases = {}
    for part in text.split(";"):
        if not part.strip():
            continue
        name, equals, names = part.partition("=")
        if not equals or not name.strip():
            raise ValueError(f"'{part.strip()}' is not 'actor = other names'")
        found[name.strip()] = tuple(n.strip() for n in names.split(",") if n.strip())
    return found


class SetActorAliases(UnitCommand):
    """Give ``actor`` the aliases ``after`` (undo gives back ``before``)."""

    def __init__(
        self, actor: str, before: tuple[str, ...], after: tuple[str, ...], author: str = ""
    ) -> None:
        super().__init__(author)
        self.label = f"Other names of {actor}"
        self.actor, self.before, self.after = actor, before, after

    def do(self, uow: UnitOfWork) -> Changes:
        uow.actors.set_aliases(self.actor, self.after)
        return Changes()

    def undo(self, uow: UnitOfWork) -> Changes:
        uow.actors.set_aliases(self.actor, self.before)
        return Changes()


def alias_edits(
    before: Mapping[str, tuple[str, ...]], after: Mapping[str, tuple[str, ...]], author: str
) -> list[SetActorAliases]:
    """One command per actor whose aliases ``after`` changes."""
    return [
        SetActorAliases(actor, tuple(before.get(actor, ())), names, author)
        for actor, names in after.items()
        if tuple(before.get(actor, ())) != names
    ]
