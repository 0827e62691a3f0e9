"""Every field of a record and of its format record is mapped, or said to be one-sided."""

from __future__ import annotations

import json
from dataclasses import dataclass, fields
from typing import Any

import pytest

from db.records import ClaimRecord, EventRecord
from desktop.core.exchange.entities import CLAIM, ENTITIES, EVENT, EntityMap
from desktop.io.formats import bundle as b
from desktop.io.resources import resource

SCHEMA = json.loads(resource("schema", "parallax-library.schema.json").read_text("utf-8"))


def names(kind: type) -> set[str]:
    return {f.name for f in fields(kind)}


def json_names(kind: type) -> set[str]:
    return {f.metadata.get("json", f.name) for f in fields(kind) if not f.metadata.get("skip")}


@pytest.mark.parametrize("entity", ENTITIES, ids=lambda e: e.schema)
def test_every_record_field_is_mapped_or_kept_back(entity: EntityMap[Any, Any]) -> None:
    copied = {own for own, _ in entity.pairs()}
    unaccounted = names(entity.record) - copied - entity.record_only - entity.converted
    assert unaccounted == set()
    assert {name for _, name in entity.pairs()} <= names(entity.data)
    assert not (entity.record_only | entity.converted) & copied


@pytest.mark.parametrize("entity", ENTITIES, ids=lambda e: e.schema)
def test_every_format_field_is_mapped_and_in_the_schema(entity: EntityMap[Any, Any]) -> None:
    copied = {name for _, name in entity.pairs()}
    assert names(entity.data) - copied - entity.converted == set()
    properties = set(SCHEMA["$defs"][entity.schema]["properties"])
    assert json_names(entity.data) == properties


@dataclass(frozen=True)
class GrownEvent(EventRecord):
    """An event record that gained a field the format does not have."""

    source_count: int = 0


def test_a_new_record_field_is_noticed() -> None:
    grown = EntityMap(GrownEvent, b.EventData, "event", record_only=EVENT.record_only)
    with pytest.raises(AssertionError):
        test_every_record_field_is_mapped_or_kept_back(grown)


def test_maps_copy_both_ways() -> None:
    claim = ClaimRecord("c1", "p1", "deaths", "number", low=3.0, high=5.0, event_key="war")
    data = CLAIM.to_data(claim)
    assert (data.passage, data.event, data.low) == ("p1", "war", 3.0)
    assert CLAIM.to_record(data) == claim
    event = EVENT.to_record(
        b.EventData(key="e", title="T", start="2008", lane="l", actors=("A",)), t_lo=1.0, t_hi=2.0
    )
    assert (event.actors, event.t_lo, event.lane) == (("A",), 1.0, "l")
