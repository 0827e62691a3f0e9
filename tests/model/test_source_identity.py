"""A source's label and colour: stored, given once to new sources, never taken from order."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from db.library import open_library
from db.records import SourceRecord
from desktop.core.catalog import Catalog
from desktop.core.exchange.library_bundle import load_bundle
from desktop.io.formats import bundle as b
from desktop.model.palette import SOURCE_COLORS
from desktop.model.source_identity import (
    color_counts,
    free_color,
    label_from_outlet,
    new_identity,
    next_free_color,
    shorten,
    source_identity,
)


@pytest.mark.parametrize(
    ("outlet", "title", "label"),
    [
        ("Deutsche Welle (DW)", "", "DW"),
        ("ConservativeHome (conservativehome.com)", "", "ConservativeHome"),
        ("EU Reporter", "", "EU Reporter"),
        ("policy report (publisher not given)", "", "policy report"),
        ("", "A memo", "A memo"),
        ("", "", "Source"),
        ("unnamed news site summarising a Bloomberg report", "", "unnamed news site…"),
    ],
)
def test_a_label_is_made_from_the_outlet(outlet: str, title: str, label: str) -> None:
    assert label_from_outlet(outlet, title) == label


def test_shorten_cuts_at_a_word_and_keeps_short_text() -> None:
    assert shorten("short") == "short"
    assert shorten("one two three four", 10) == "one two…"
    assert len(shorten("x" * 50)) == 24


def test_the_next_colour_is_the_first_unused_one() -> None:
    assert next_free_color([]) == SOURCE_COLORS[0]
    assert next_free_color([SOURCE_COLORS[0], SOURCE_COLORS[2].lower()]) == SOURCE_COLORS[1]
    everything = list(SOURCE_COLORS) * 2 + [SOURCE_COLORS[0]]
    assert next_free_color(everything) != SOURCE_COLORS[0]


def test_stored_values_win_and_missing_ones_are_filled() -> None:
    stored = SourceRecord("dw", "Title", outlet="Deutsche Welle", label="Welle", color="#123456")
    assert source_identity(stored).label == "Welle"
    assert source_identity(stored).color == "#123456"
    bare = SourceRecord("dw", "Title", outlet="Deutsche Welle (DW)")
    assert source_identity(bare).label == "DW"
    assert source_identity(bare).color in SOURCE_COLORS
    assert source_identity(bare) == source_identity(bare)


def test_new_identity_avoids_colours_in_use() -> None:
    identity = new_identity("EU Reporter", "t", color_counts([SOURCE_COLORS[0]]))
    assert identity.label == "EU Reporter"
    assert identity.color == SOURCE_COLORS[1]


def test_counted_colours_give_the_colour_a_list_gives() -> None:
    rng = random.Random(5)
    palette = list(SOURCE_COLORS)
    for _ in range(200):
        used = [rng.choice(palette) for _ in range(rng.randint(0, 3 * len(palette)))]
        used = [c.lower() if rng.random() < 0.3 else c for c in used] + ["#123456"]
        assert free_color(color_counts(used)) == next_free_color(used)
    assert free_color(color_counts(palette + palette[1:])) == palette[0]  # least used


def _source(key: str, published: str, **extra: str) -> b.SourceData:
    return b.SourceData(key=key, title=key, outlet=f"Outlet {key}", published=published, **extra)


def test_a_new_earlier_source_changes_no_other_colour(tmp_path: Path) -> None:
    library = open_library(str(tmp_path / "lib.sqlite"))
    try:
        with library.unit_of_work() as uow:
            load_bundle(
                uow,
                b.Bundle(
                    meta=b.MetaData(title=""),
                    sources=(_source("late", "2025"), _source("mid", "2020")),
                ),
            )
            uow.commit()
        before = Catalog.load(library).source_colors()
        with library.unit_of_work() as uow:
            load_bundle(
                uow, b.Bundle(meta=b.MetaData(title=""), sources=(_source("early", "1990"),))
            )
            uow.commit()
        after = Catalog.load(library).source_colors()
    finally:
        library.dispose()
    assert {key: after[key] for key in before} == before
    assert len(set(after.values())) == 3
    assert after["early"] == SOURCE_COLORS[2]


def test_a_bundle_keeps_given_label_and_colour(tmp_path: Path) -> None:
    library = open_library(str(tmp_path / "lib.sqlite"))
    try:
        with library.unit_of_work() as uow:
            given = _source("dw", "2025", label="DW", color="#0072B2")
            load_bundle(
                uow, b.Bundle(meta=b.MetaData(title=""), sources=(given, _source("x", "2024")))
            )
            uow.commit()
        with library.unit_of_work() as uow:
            dw, x = uow.sources.get("dw"), uow.sources.get("x")
    finally:
        library.dispose()
    assert (dw.label, dw.color) == ("DW", "#0072B2")
    assert (x.label, x.color) == ("Outlet x", SOURCE_COLORS[0])
