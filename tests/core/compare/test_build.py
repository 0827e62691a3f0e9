from __future__ import annotations

from desktop.core.compare import build_comparison
from desktop.core.compare.model import Comparison

from .scenario import AKTAU, WAR, Library, build_library


def _compare(lib: Library, event_key: str) -> Comparison:
    event = next(e for e in lib.events if e.key == event_key)
    return build_comparison(
        event, lib.sources, lib.passages, lib.codes, lib.claims, all_events=lib.events
    )


def test_panes_are_ordered_by_publication_with_passages_in_text_order() -> None:
    comparison = _compare(build_library(), AKTAU.key)
    assert [p.source_key for p in comparison.panes] == ["eureporter-2025", "dw-2025"]
    dw = comparison.panes[1]
    assert [v.key for v in dw.passages] == ["dw-1", "dw-2"]
    assert dw.passages[1].voice == "Ilham Aliyev"
    assert dw.passages[1].epistemic == "attributed"
    assert [c.key for c in dw.passages[1].codes] == ["entman.cause", "issue.security"]


def test_pane_header_says_how_long_after_the_event() -> None:
    comparison = _compare(build_library(), WAR.key)
    headers = {p.source_key: p.header for p in comparison.panes}
    assert headers["policy-2022"].elapsed == "about 14 years 4 months after"
    assert headers["policy-2022"].published_display == "December 2022"
    assert headers["dw-2025"].elapsed == "17 years after"
    assert headers["digest-2023"].kind == "digest"
    assert headers["digest-2023"].authors == ("Bloomberg digest staff",)


def test_death_toll_discrepancy_38_vs_28() -> None:
    comparison = _compare(build_library(), AKTAU.key)
    deaths = next(f for f in comparison.facts if f.subject == "azal-8243.deaths")
    assert deaths.verdict == "disagree"
    assert deaths.conflicts == (("c-eur-deaths", "c-dw-deaths"),)
    values = {s.outlet: s.value for s in deaths.statements}
    assert values == {"DW": "at least 38 people", "EU Reporter": "28 people"}
    assert {s.passage_key for s in deaths.statements} == {"dw-1", "eur-1"}
    assert comparison.discrepancies == (deaths,)


def test_crash_date_day_vs_month_is_consistent_with_a_note() -> None:
    comparison = _compare(build_library(), AKTAU.key)
    date = next(f for f in comparison.facts if f.subject == "azal-8243.date")
    assert date.verdict == "consistent"
    assert any("month precision" in n for n in date.notes)


def test_claims_of_other_events_and_lone_claims_are_left_out() -> None:
    crash = _compare(build_library(), AKTAU.key)
    assert {f.subject for f in crash.facts} == {"azal-8243.deaths", "azal-8243.date"}
    war = _compare(build_library(), WAR.key)
    assert war.facts == ()


def test_war_frames_differ_between_three_sources() -> None:
    frames = _compare(build_library(), WAR.key).frames
    assert len(frames.sources) == 3
    sets = {key: frames.codes_of(key) for key in frames.sources}
    assert sets["policy-2022"] == {"issue.security", "entman.cause", "issue.legality"}
    assert sets["digest-2023"] == {"issue.external_relations", "generic.conflict"}
    assert sets["dw-2025"] == {"issue.legality", "issue.security", "entman.moral"}
    assert frames.unique_to == {
        "entman.cause": "policy-2022",
        "entman.moral": "dw-2025",
        "issue.external_relations": "digest-2023",
        "generic.conflict": "digest-2023",
    }
    assert frames.count("dw-2025", "issue.security") == 1
    assert [c.group for c in frames.codes] == sorted(
        (c.group for c in frames.codes), key=["entman", "issue", "generic"].index
    )


def test_blind_spots_follow_publication_dates() -> None:
    blind = _compare(build_library(), WAR.key).blind_spots
    assert [r.key for r in blind.after] == ["silent-2010", "eureporter-2025"]
    assert [r.key for r in blind.undated] == ["silent-undated"]
    crash_blind = _compare(build_library(), AKTAU.key).blind_spots
    assert "policy-2022" not in {r.key for r in crash_blind.after}
    assert "silent-2010" not in {r.key for r in crash_blind.after}


def test_coverage_matrix_counts_and_dominant_issue_frame() -> None:
    coverage = _compare(build_library(), WAR.key).coverage
    assert [r.event_key for r in coverage.rows] == [WAR.key, AKTAU.key]
    columns = [s.key for s in coverage.sources]
    assert columns == ["policy-2022", "digest-2023", "eureporter-2025", "dw-2025"]
    war_row, crash_row = coverage.rows
    dw = columns.index("dw-2025")
    dw_cell = crash_row.cells[dw]
    assert dw_cell is not None and dw_cell.count == 2
    # dw-1 humanitarian, dw-2 security: a tie broken by codebook position (security first)
    assert dw_cell.dominant is not None and dw_cell.dominant.key == "issue.security"
    policy = war_row.cells[columns.index("policy-2022")]
    assert policy is not None and policy.count == 2 and policy.dominant is not None
    assert policy.dominant.key == "issue.legality"
    assert war_row.cells[columns.index("eureporter-2025")] is None


def test_coverage_without_all_events_covers_the_event_alone() -> None:
    lib = build_library()
    comparison = build_comparison(WAR, lib.sources, lib.passages, lib.codes, lib.claims)
    assert [r.event_key for r in comparison.coverage.rows] == [WAR.key]
