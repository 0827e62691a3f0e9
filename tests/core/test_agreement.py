"""Agreement figures against hand-computed values and the krippendorff package."""

from __future__ import annotations

import krippendorff
import numpy as np
import pytest

from desktop.core.agreement import CodedSpan, agreement_report, segments


def span(coder: str, start: int, end: int, code: str = "c", source: str = "s") -> CodedSpan:
    return CodedSpan(coder, source, code, start, end)


def test_identical_coding_is_perfect_agreement() -> None:
    report = agreement_report([span("a", 0, 10), span("b", 0, 10)], ["a", "b"])
    assert report.overall.percent == 1.0
    assert report.overall.units == 10
    assert report.disagreements == ()


def test_only_text_someone_coded_counts() -> None:
    # a codes 0-10, b codes 5-15: units are 0-15 (15 chars), agreement on 5-10 only.
    report = agreement_report([span("a", 0, 10), span("b", 5, 15)], ["a", "b"])
    assert report.overall.units == 15
    assert report.overall.percent == pytest.approx(5 / 15)
    assert [(s.start, s.end) for s in report.disagreements] == [(0, 5), (10, 15)]


def test_kappa_matches_the_textbook_formula() -> None:
    # two codes; code x: both 0-6, a alone 6-10; code y: b alone 0-4, both 4-10
    spans = [
        span("a", 0, 10, "x"),
        span("b", 0, 6, "x"),
        span("a", 4, 10, "y"),
        span("b", 0, 10, "y"),
    ]
    report = agreement_report(spans, ["a", "b"])
    # 20 units: both coded 12, a only 4, b only 4
    po = 12 / 20
    pa, pb = 16 / 20, 16 / 20
    pe = pa * pb + (1 - pa) * (1 - pb)
    assert report.overall.kappa == pytest.approx((po - pe) / (1 - pe))


def test_alpha_agrees_with_the_krippendorff_package() -> None:
    spans = [
        span("a", 0, 10),
        span("b", 3, 12),
        span("c", 0, 8),
        span("a", 20, 25),
        span("c", 21, 25),
    ]
    coders = ["a", "b", "c"]
    report = agreement_report(spans, coders)
    segs = segments(spans, coders)
    rows = [
        [1.0 if c in s.coded_by else 0.0 for s in segs for _ in range(s.length)] for c in coders
    ]
    expected = krippendorff.alpha(reliability_data=np.array(rows), level_of_measurement="nominal")
    assert report.overall.alpha == pytest.approx(expected)


def test_codes_and_sources_are_kept_apart() -> None:
    spans = [span("a", 0, 10, "x", "s1"), span("b", 0, 10, "x", "s2")]
    report = agreement_report(spans, ["a", "b"])
    assert report.overall.percent == 0.0 and report.overall.units == 20


def test_one_coder_is_refused() -> None:
    with pytest.raises(ValueError, match="two"):
        agreement_report([span("a", 0, 1)], ["a", "a"])
