"""The line above the comparison's panes says only what the sources behind it can support."""

from __future__ import annotations

from desktop.core.compare import build_comparison
from desktop.core.compare.model import Comparison
from desktop.core.compare.summary import summary_line

from .scenario import AKTAU, WAR, Library, build_library


def _compare(lib: Library, event_key: str) -> Comparison:
    event = next(e for e in lib.events if e.key == event_key)
    return build_comparison(
        event, lib.sources, lib.passages, lib.codes, lib.claims, all_events=lib.events
    )


def _without_passages(lib: Library, sources: tuple[str, ...] | None = None) -> Library:
    kept = lib.sources if sources is None else tuple(s for s in lib.sources if s.key in sources)
    return Library(lib.events, kept, (), ())


def test_an_event_no_source_speaks_of_says_so_not_that_every_source_does() -> None:
    lonely = _compare(_without_passages(build_library(), sources=()), AKTAU.key)
    assert lonely.panes == () and lonely.blind_spots.after == ()
    assert summary_line(lonely) == "No source speaks of this event."


def test_no_speaking_source_and_silent_ones_names_the_silent() -> None:
    silent = _compare(_without_passages(build_library()), WAR.key)
    line = summary_line(silent)
    assert line.startswith("No source speaks of this event. · Silent (published later")
    assert "DW" in line and "every source" not in line


def test_a_single_source_is_named_and_nothing_is_called_undisputed() -> None:
    lib = build_library()
    dw_only = Library(
        lib.events,
        lib.sources,
        tuple(p for p in lib.passages if p.source_key == "dw-2025"),
        (),
    )
    one = _compare(dw_only, AKTAU.key)
    assert [p.source_key for p in one.panes] == ["dw-2025"]
    line = summary_line(one)
    assert line.startswith("Only DW speaks of this event: nothing to compare.")
    assert "No facts in dispute" not in line


def test_several_sources_keep_the_dispute_line() -> None:
    line = summary_line(_compare(build_library(), AKTAU.key))
    assert line.startswith("In dispute: deaths: ")
