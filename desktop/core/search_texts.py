"""What the text filter looks in, per event: title, summary, actors, tags and the event's other
names (its title in other languages or scripts), casefolded. An actor's other names are found
through the actor (``FilterIndex``), not written into every event's text.

A catalog keeps one text per event in its own order (``Catalog.search_texts``). They come from
the records when those are in memory, else from one read of only the searched columns: joined
by the database in one statement (``EventRepository.joined_texts``, SQLite) and casefolded and
split in a few calls, else as rows (``EventRepository.texts``). An edit patches them instead of
reading them again.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from db.records import EventRecord
from db.repositories.event_texts import EventText, JoinedTexts
from db.repositories.events import EventRepository
from desktop.core.deferred_texts import DeferredColumn
from desktop.core.event_columns import EventColumns
from desktop.core.in_steps import casefolded_parts, picked, same_items
from desktop.core.overlaid import Overlaid, base_of

_SEPARATOR = "\x00"


def search_text_of(
    title: str,
    summary: str,
    actors: Sequence[str],
    tags: Sequence[str],
    aliases: Sequence[str] = (),
) -> str:
    """The searched text of one event's fields (words never span two fields)."""
    fields = (title, summary, " ".join(actors), " ".join(tags), " ".join(aliases))
    return " ".join(fields).casefold()


def search_text(event: EventRecord) -> str:
    """What the text filter looks in for ``event``."""
    return search_text_of(event.title, event.summary, event.actors, event.tags, event.aliases)


def read_search_texts(
    events: EventRepository, columns: EventColumns, joined: JoinedTexts | None = None
) -> tuple[str, ...]:
    """``search_text`` of every event of ``columns``, in their order, read through ``events``
    (``aligned_texts`` gives the same from rows when the joined read cannot be used).
    ``joined``: ``events.joined_texts()`` read ahead, of the library ``columns`` were read
    from (an edit since then must not be in it unread by ``columns``)."""
    if joined is None:
        joined = events.joined_texts()
    found = in_columns_order(joined, columns) if joined is not None else None
    return found if found is not None else aligned_texts(events.texts(), columns)


def in_columns_order(joined: JoinedTexts, columns: EventColumns) -> tuple[str, ...] | None:
    """The texts ``joined`` (in the library's order) casefolded, in the order of ``columns``,
    when the columns know the library's order and list the same events (else None)."""
    titles = base_of(columns.titles)
    if not isinstance(titles, DeferredColumn):
        return None
    keys, fetched, order = titles.library_order()
    if keys is not columns.keys or len(fetched) != len(joined.keys):
        return None
    if not same_items(joined.keys, fetched):  # the library changed since the columns were read
        return None
    # in steps (``in_steps``): this runs on a worker, and each step holds the GIL briefly
    try:
        texts = casefolded_parts(joined.fields, _SEPARATOR) if joined.keys else []
    except UnicodeDecodeError:  # not UTF-8: the row read says why
        return None
    if len(texts) != len(fetched):  # a text holds a NUL of its own
        return None
    return picked(texts, order)  # into the columns' order


def aligned_texts(found: Iterable[EventText], columns: EventColumns) -> tuple[str, ...]:
    """The texts of ``found`` in the order of ``columns``: an event gone since the columns
    were read is searched by its title, one added since is left out (as ``Catalog.events``
    stands in for the one and leaves out the other)."""
    by_key = {t.key: t for t in found}
    titles = columns.titles
    # made in the columns' order, so that they lie in memory in the order a search reads
    # them (made in the order read, a search over 100k took 2-3 times as long)
    return tuple(
        search_text_of(t.title, t.summary, t.actors, t.tags, t.aliases)
        if (t := by_key.get(key)) is not None
        else search_text_of(titles[k], "", (), ())
        for k, key in enumerate(columns.keys)
    )


def patched_texts(
    texts: Sequence[str],
    before: EventColumns,
    after: EventColumns,
    fresh: Iterable[EventRecord],
) -> Sequence[str]:
    """``texts`` (in the order of ``before``) in the order of ``after``, with the texts of the
    ``fresh`` records written in: over their own rows when no event came, went or moved
    (``Overlaid``: no copy of every text, which at 1M events took ~25 ms to make and free per
    edit, and ``TextSearch.updated`` finds the rows written without comparing every text),
    else by key. Every event of ``after`` must be in ``before`` or in ``fresh``."""
    fresh = list(fresh)
    if after is before and not fresh:
        return texts
    if after.positions() is before.positions():  # the same keys at the same rows
        written = {}
        for event in fresh:
            at = after.position(event.key)
            if at is not None:
                written[at] = search_text(event)
        return Overlaid(texts, written)
    old = before.positions()
    new = {event.key: search_text(event) for event in fresh}
    return tuple(
        text if (text := new.get(key)) is not None else texts[old[key]] for key in after.keys
    )
