"""Helpers shared by the formats: dates in TimelineJS parts, HTML to text, keys, atomic writes,
and the rule that desktop.io imports without Qt."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.io.formats.atomic import atomic_path, write_text_atomic
from desktop.io.formats.html_text import html_to_text
from desktop.io.formats.keys import KeyMaker, slugify
from desktop.io.formats.timelinejs_dates import (
    RawDate,
    astronomical_year,
    circa_display,
    histdate_from_raw,
    timelinejs_parts,
)
from desktop.model.dates import MAX_YEAR, HistDate
from tests.io.formats.conftest import REPO


@st.composite
def hist_dates(draw: st.DrawFn) -> HistDate:
    year = draw(st.integers(-9999, 9999) | st.integers(-MAX_YEAR, 10**6))
    circa = draw(st.booleans())
    if abs(year) > 9999 or draw(st.booleans()):
        return HistDate(year, circa=circa)
    month = draw(st.integers(1, 12))
    day = draw(st.none() | st.integers(1, 28))
    return HistDate(year, month, day, circa)


@given(hist_dates())
def test_timelinejs_parts_round_trip(date: HistDate) -> None:
    if date.year == -999_999:  # the one documented boundary year
        return
    year, month, day = timelinejs_parts(date)
    raw = RawDate(
        str(year), month, "" if day is None else day, circa_display(date), "x", ("y", "m", "d")
    )
    assert histdate_from_raw(raw) == date


def test_timelinejs_negative_years_are_labelled_bc() -> None:
    assert HistDate(astronomical_year(-300)).display() == "300 BC"
    assert HistDate(astronomical_year(-1)).display() == "1 BC"
    assert astronomical_year(-13_800_000_000) == -13_800_000_000
    assert astronomical_year(1066) == 1066


def test_html_to_text_is_plain_and_safe() -> None:
    markup = (
        '<p class="lead">Ada &amp; <a href="x">Charles</a></p><script>alert("x")</script>'
        "<style>p{}</style><blockquote>Quote<br/>two</blockquote>"
        '<p class="parallax-sources">Sources: <b>TASS</b></p>&lt;not a tag&gt;'
    )
    assert html_to_text(markup) == "Ada & Charles\nQuote\ntwo\n<not a tag>"


def test_slugs_and_unique_keys() -> None:
    assert slugify("Battle of Cr\u00e9cy, 1346!") == "battle-of-crecy-1346"
    assert slugify("\u0412\u043e\u0439\u043d\u0430", fallback="event") == "event"
    maker = KeyMaker()
    assert [maker.take(t) for t in ("war-2008", "war-2008", "War 2008", "")] == [
        "war-2008",
        "war-2008-2",
        "war-2008-3",
        "item",
    ]


def test_atomic_write_replaces_or_leaves_everything_untouched(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    write_text_atomic(target, "first\n")
    with pytest.raises(RuntimeError), atomic_path(target) as tmp:
        tmp.write_text("half", encoding="utf-8")
        raise RuntimeError("disk full")
    assert target.read_text(encoding="utf-8") == "first\n"
    assert os.listdir(tmp_path) == ["out.txt"]
    write_text_atomic(target, "second \u2013 \u00e9\n")
    assert target.read_bytes() == "second \u2013 \u00e9\n".encode()


def test_formats_import_without_qt() -> None:
    modules = sorted(p.stem for p in (REPO / "desktop" / "io" / "formats").glob("*.py"))
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module('desktop.io.formats.' + name)\n"
        "importlib.import_module('desktop.io.resources')\n"
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt was imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], cwd=REPO, check=True)
