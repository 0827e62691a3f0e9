"""The fast makers of a frame's labels, ticks and parts give what the dataclasses give."""

from __future__ import annotations

import math
from dataclasses import FrozenInstanceError, fields, replace

import numpy as np
import pytest

from desktop.core.timeline.frame import Clusters, Label, LaneMetrics, evolved, new_label
from desktop.core.timeline.ticks import Tick, new_tick


def test_new_label_sets_every_field_as_label_does() -> None:
    given = (1.5, 2.5, "Talks", 7, "leader", 3.5, 40.0, 2, 9.5)
    made = new_label(*given)
    assert made == Label(*given)
    assert [getattr(made, field.name) for field in fields(Label)] == list(given)


def test_new_label_has_labels_defaults() -> None:
    made = new_label(1.0, 2.0, "Truce", 3, lane=1)
    assert made == Label(1.0, 2.0, "Truce", 3, lane=1)
    assert (made.kind, made.anchor_x, made.max_width, made.anchor_y) == (
        "marker",
        0.0,
        math.inf,
        0.0,
    )
    assert hash(made) == hash(Label(1.0, 2.0, "Truce", 3, lane=1))


def test_made_labels_and_ticks_stay_frozen() -> None:
    with pytest.raises(FrozenInstanceError):
        new_label(1.0, 2.0, "Truce", 3).x = 5.0  # type: ignore[misc]
    with pytest.raises(FrozenInstanceError):
        new_tick(1.0, 2.0, "2008").x = 5.0  # type: ignore[misc]


def test_new_tick_sets_every_field_as_tick_does() -> None:
    made = new_tick(733000.0, 12.5, "Aug")
    assert made == Tick(733000.0, 12.5, "Aug")
    assert [field.name for field in fields(Tick)] == ["t", "x", "label"]


def _clusters(*columns: np.ndarray) -> Clusters:
    return Clusters(*(columns[k % len(columns)] for k in range(len(fields(Clusters)))))


def test_evolved_is_replace_keeping_the_other_fields_themselves() -> None:
    a, b, c = np.arange(3.0), np.arange(3.0) + 1, np.arange(3.0) + 2
    parts = _clusters(a, b)
    moved = evolved(parts, y=c)
    again = replace(parts, y=c)
    assert type(moved) is Clusters and moved is not parts
    for field in fields(Clusters):
        assert getattr(moved, field.name) is getattr(again, field.name)
    assert parts.y is not c  # the original is unchanged


def test_evolved_refuses_an_unknown_field_and_classes_that_derive_fields() -> None:
    with pytest.raises(TypeError, match="no field"):
        evolved(_clusters(np.zeros(1)), colour=np.zeros(1))
    with pytest.raises(TypeError, match="use replace"):
        evolved(LaneMetrics(), rows=2)  # type: ignore[type-var]  # its _tops derive from rows
