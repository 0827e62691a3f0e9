"""Content checks for the bundled dataset resources/dataset/russia-neighbourhood.parallax.json.

Passages are verified against the corpus in the sibling ``shared/corpus`` folder. Without that
folder the corpus-dependent tests skip, unless CI=true, where its absence is a failure.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

from desktop.model.dates import HistDate
from tools.dataset.anchor import AnchorError, find_quote, normalise_text
from tools.dataset.build import assemble
from tools.dataset.sentences import count_sentences

REPO_ROOT = Path(__file__).resolve().parents[2]
DATASET = REPO_ROOT / "resources" / "dataset" / "russia-neighbourhood.parallax.json"
CORPUS_DIR = REPO_ROOT / ".." / "shared" / "corpus"
FIXED_CODES = {
    "entman.problem",
    "entman.cause",
    "entman.moral",
    "entman.remedy",
    "issue.economic",
    "issue.capacity",
    "issue.morality",
    "issue.fairness",
    "issue.legality",
    "issue.policy",
    "issue.crime",
    "issue.security",
    "issue.humanitarian",
    "issue.quality_of_life",
    "issue.identity",
    "issue.public_opinion",
    "issue.domestic_politics",
    "issue.external_relations",
    "issue.other",
    "generic.conflict",
    "generic.human_interest",
    "generic.economic_consequences",
    "generic.morality",
    "generic.responsibility",
}
PERIOD_START = HistDate(2008, 8, 7).first_day()
PERIOD_END = HistDate(2025, 8, 8).end_day()

Library = dict[str, Any]


@pytest.fixture(scope="module")
def library() -> Library:
    data: Library = json.loads(DATASET.read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="module")
def corpus(library: Library) -> dict[str, tuple[str, bytes]]:
    """Source key -> (normalised text, raw bytes) of its corpus file."""
    if not CORPUS_DIR.is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail(f"corpus folder missing in CI: {CORPUS_DIR}")
        pytest.skip(f"corpus folder not present: {CORPUS_DIR}")
    texts = {}
    for source in library["sources"]:
        raw = (CORPUS_DIR / source["file"]["name"]).read_bytes()
        texts[source["key"]] = (normalise_text(raw.decode("utf-8")), raw)
    return texts


def _sources_per_event(library: Library) -> dict[str, set[str]]:
    result: dict[str, set[str]] = defaultdict(set)
    for passage in library["passages"]:
        for link in passage["events"]:
            result[link["event"]].add(passage["source"])
    return result


def test_quotes_sit_at_their_offsets(
    library: Library, corpus: dict[str, tuple[str, bytes]]
) -> None:
    for passage in library["passages"]:
        text = corpus[passage["source"]][0]
        start, end = passage["start"], passage["end"]
        assert text[start:end] == passage["quote"], passage["key"]
        assert text[max(0, start - 32) : start] == passage["prefix"], passage["key"]
        assert text[end : end + 32] == passage["suffix"], passage["key"]


def test_file_digests_match_corpus(library: Library, corpus: dict[str, tuple[str, bytes]]) -> None:
    for source in library["sources"]:
        raw = corpus[source["key"]][1]
        assert source["file"]["sha256"] == hashlib.sha256(raw).hexdigest(), source["key"]
        assert "text" not in source


def test_built_file_is_up_to_date_with_parts_and_corpus(
    library: Library, corpus: dict[str, tuple[str, bytes]]
) -> None:
    assert assemble(CORPUS_DIR) == library


def test_sentence_counter_handles_abbreviations() -> None:
    assert count_sentences("The E.U. and the U.S. met in St. Petersburg.") == 1
    assert count_sentences("“Russia was seen as a superpower,” she said. But it failed.") == 2
    assert count_sentences("One. Two! Three?") == 3
    assert count_sentences("no terminator at all") == 1


def test_no_passage_exceeds_two_sentences(library: Library) -> None:
    too_long = [p["key"] for p in library["passages"] if count_sentences(p["quote"]) > 2]
    assert too_long == []


def test_passage_counts(library: Library) -> None:
    passages = library["passages"]
    assert len(passages) >= 90
    per_source: dict[str, int] = defaultdict(int)
    for passage in passages:
        per_source[passage["source"]] += 1
    assert {s["key"] for s in library["sources"]} == set(per_source)
    assert min(per_source.values()) >= 8


def test_enough_events_inside_the_period(library: Library) -> None:
    inside = [
        e
        for e in library["events"]
        if not e.get("context")
        and PERIOD_START <= HistDate.parse_edtf(e["start"]).first_day() < PERIOD_END
    ]
    assert len(inside) >= 55
    headline = [e for e in inside if e["importance"] == 1]
    assert 10 <= len(headline) <= 15


def test_context_events_predate_the_period(library: Library) -> None:
    for event in library["events"]:
        if event.get("context"):
            assert HistDate.parse_edtf(event["start"]).first_day() < PERIOD_START, event["key"]


def test_events_are_quoted_by_several_sources(library: Library) -> None:
    counts = [len(v) for v in _sources_per_event(library).values()]
    assert sum(n >= 2 for n in counts) >= 20
    assert sum(n >= 3 for n in counts) >= 8


def test_every_passage_is_coded(library: Library) -> None:
    for passage in library["passages"]:
        codes = [c["code"] for c in passage["codings"]]
        assert any(code.startswith("issue.") for code in codes), passage["key"]
        assert passage["tone"] in {"negative", "neutral", "positive", "mixed"}, passage["key"]
        assert passage["epistemic"] in {"asserted", "attributed", "hedged", "disputed"}
        assert passage["voice"].strip(), passage["key"]
        assert passage["events"], passage["key"]


def test_references_resolve(library: Library) -> None:
    lanes = {lane["key"] for lane in library["lanes"]}
    events = {e["key"] for e in library["events"]}
    sources = {s["key"] for s in library["sources"]}
    passages = {p["key"] for p in library["passages"]}
    assert lanes == {
        "georgia",
        "ukraine-moldova-belarus",
        "south-caucasus",
        "central-asia",
        "baltics-eu-nato",
        "russia-great-powers",
    }
    assert all(e["lane"] in lanes for e in library["events"])
    for passage in library["passages"]:
        assert passage["source"] in sources
        assert all(link["event"] in events for link in passage["events"])
        assert all(c["code"] in FIXED_CODES for c in passage["codings"]), passage["key"]
    for claim in library["claims"]:  # a record value cites its reference, not a passage
        assert claim.get("passage") in passages or (claim["reference"] and claim["event"] in events)
    for kind in ("lanes", "sources", "events", "passages", "claims"):
        keys = [r["key"] for r in library[kind]]
        assert len(keys) == len(set(keys)), kind


def _claims_by_source(library: Library, subject: str) -> dict[str, dict[str, Any]]:
    source_of = {p["key"]: p["source"] for p in library["passages"]}
    return {
        source_of[c["passage"]]: c
        for c in library["claims"]
        if c["subject"] == subject and not c.get("reference")
    }


def test_known_disagreements_are_claims(library: Library) -> None:
    assert len(library["claims"]) >= 20
    deaths = _claims_by_source(library, "azal-8243.deaths")
    dw, kuzio = deaths["dw-ex-soviet-2025"], deaths["kuzio-eureporter-2025"]
    assert (dw["kind"], dw["low"], dw["hedge"]) == ("number", 38, "at-least")
    assert (kuzio["low"], kuzio["high"]) == (28, 28)
    speech = _claims_by_source(library, "rahmon-respect-speech.date")
    assert speech["jankowski-bouvery-2022"]["date"] == "2022-10-12"
    assert speech["dw-ex-soviet-2025"]["date"] == "2022-10"
    pact = _claims_by_source(library, "turkey-azerbaijan.partnership-agreement.date")
    assert pact["dw-ex-soviet-2025"]["date"] == "2010"
    assert pact["kuzio-eureporter-2025"]["date"] == "2020"
    memo = _claims_by_source(library, "turkey-azerbaijan.military-memorandum.date")
    assert memo["dw-ex-soviet-2025"]["date"] == "2025"


def test_claim_words_appear_in_their_passage(library: Library) -> None:
    quotes = {p["key"]: p["quote"] for p in library["passages"]}
    for claim in library["claims"]:
        if not claim.get("reference"):  # a record value's words are the record's, not the quote's
            assert claim["stated"] in quotes[claim["passage"]], claim["key"]


def test_all_dates_are_edtf(library: Library) -> None:
    dates = [s["published"] for s in library["sources"]]
    dates += [e["start"] for e in library["events"]]
    dates += [e["end"] for e in library["events"] if e.get("end")]
    dates += [c["date"] for c in library["claims"] if c["kind"] == "date"]
    for value in dates:
        assert HistDate.parse_edtf(value).to_edtf() == value


def test_event_spans_run_forward(library: Library) -> None:
    for event in library["events"]:
        if event.get("end"):
            start = HistDate.parse_edtf(event["start"])
            end = HistDate.parse_edtf(event["end"])
            assert start.first_day() < end.end_day(), event["key"]


def test_summaries_are_not_copied_from_sources(
    library: Library, corpus: dict[str, tuple[str, bytes]]
) -> None:
    def shingles(text: str, n: int = 8) -> set[tuple[str, ...]]:
        words = re.findall(r"[a-z0-9]+", text.lower())
        return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}

    corpus_shingles = set().union(*(shingles(text) for text, _ in corpus.values()))
    for event in library["events"]:
        assert not shingles(event["summary"]) & corpus_shingles, event["key"]


def test_find_quote_refuses_missing_and_ambiguous_quotes() -> None:
    text = "alpha beta alpha gamma"
    with pytest.raises(AnchorError):
        find_quote(text, "delta")
    with pytest.raises(AnchorError):
        find_quote(text, "alpha")
    anchor = find_quote(text, "alpha", occurrence=1)
    assert (anchor.start, anchor.end, anchor.prefix, anchor.suffix) == (
        11,
        16,
        "alpha beta ",
        " gamma",
    )
