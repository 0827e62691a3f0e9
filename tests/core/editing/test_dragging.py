"""Where a dragged event lands: whole steps of the precision its dates were written with."""

from __future__ import annotations

from db.records import EventRecord
from desktop.core.editing import MoveEvent
from desktop.core.editing.dragging import drag_move, shifted_dates
from desktop.model.dates import day_number


def test_dragged_dates_keep_their_precision() -> None:
    assert shifted_dates("2008-08-07", "2008-08-12", day_number(2008, 8, 20)) == (
        "2008-08-20",
        "2008-08-25",
    )
    assert shifted_dates("2008-08", None, day_number(2009, 1, 3)) == ("2009-01", None)
    assert shifted_dates("2012~", None, day_number(2015, 3, 3)) == ("2015~", None)
    assert shifted_dates("2008-12", "2009-02", day_number(2009, 1, 3)) == ("2009-01", "2009-03")
    assert shifted_dates("2008", None, day_number(2008, 3, 1)) == ("2008", None)


def test_a_drag_makes_one_move_or_none() -> None:
    war = EventRecord(
        "war",
        "War",
        "2008-08-07",
        day_number(2008, 8, 7),
        day_number(2008, 8, 12),
        end="2008-08-12",
        lane="georgia",
    )
    move = drag_move(war, day_number(2008, 9, 1), "ukraine", "ann")
    assert isinstance(move, MoveEvent) and move.author == "ann"
    assert (move.after.start, move.after.end, move.after.lane) == (
        "2008-09-01",
        "2008-09-06",
        "ukraine",
    )
    assert drag_move(war, war.t_lo + 0.2, "georgia") is None  # less than a day, same lane
    assert drag_move(war, war.t_lo + 0.2, "ukraine") is not None  # another lane is a move
