"""Lanes (regions) and eras."""

from __future__ import annotations

import builtins
from typing import Any

from sqlalchemy import select

from db import models
from db.records import EraRecord, LaneRecord
from db.repositories.base import Repository, apply_fields


def lane_record(row: models.Lane | Any) -> LaneRecord:
    return LaneRecord(key=row.key, name=row.name, color=row.color, position=row.position, id=row.id)


def era_record(row: models.Era | Any) -> EraRecord:
    return EraRecord(
        key=row.key,
        name=row.name,
        start=row.start,
        end=row.end,
        t_lo=row.t_lo,
        t_hi=row.t_hi,
        color=row.color,
        id=row.id,
    )


class LaneRepository(Repository):
    kind = "lane"

    def list(self) -> builtins.list[LaneRecord]:
        lane = models.Lane.__table__
        rows = self._table_rows(select(lane).order_by(lane.c.position))
        return [lane_record(row) for row in rows]

    def add(self, lane: LaneRecord) -> LaneRecord:
        row = models.Lane(key=lane.key, name=lane.name, color=lane.color, position=lane.position)
        self.session.add(row)
        self._added(row)
        return lane_record(row)

    def update(self, lane: LaneRecord) -> LaneRecord:
        row = self._row(models.Lane, lane.key)
        apply_fields(row, {"name": lane.name, "color": lane.color, "position": lane.position})
        self._flush()
        return lane_record(row)

    def ensure(self, key: str, name: str | None = None) -> models.Lane:
        row = self._find_row(models.Lane, key)
        if row is None:
            self._flush()  # a bulk load's pending lanes count for the position
            position = len(self.list())
            row = models.Lane(key=key, name=name or key, position=position)
            self.session.add(row)
            self._flush()
        return row

    def list_eras(self) -> builtins.list[EraRecord]:
        era = models.Era.__table__
        return [era_record(row) for row in self._table_rows(select(era).order_by(era.c.t_lo))]

    def add_era(self, era: EraRecord) -> EraRecord:
        row = models.Era(
            key=era.key,
            name=era.name,
            start=era.start,
            end=era.end,
            t_lo=era.t_lo,
            t_hi=era.t_hi,
            color=era.color,
        )
        self.session.add(row)
        self._added(row)
        return era_record(row)
