"""Consistency checks and coverage figures for the assembled bundled dataset.

:func:`find_problems` returns human-readable problems (empty list when the library is sound); it
never raises on bad content, so the build can report every problem at once.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from desktop.model.dates import DateParseError, HistDate
from tools.dataset.sentences import count_sentences

Record = dict[str, Any]

FIXED_CODE_KEYS = frozenset(
    ["entman.problem", "entman.cause", "entman.moral", "entman.remedy"]
    + [
        f"issue.{name}"
        for name in [
            "economic",
            "capacity",
            "morality",
            "fairness",
            "legality",
            "policy",
            "crime",
            "security",
            "humanitarian",
            "quality_of_life",
            "identity",
            "public_opinion",
            "domestic_politics",
            "external_relations",
            "other",
        ]
    ]
    + [
        f"generic.{name}"
        for name in [
            "conflict",
            "human_interest",
            "economic_consequences",
            "morality",
            "responsibility",
        ]
    ]
)
TONES = frozenset({"negative", "neutral", "positive", "mixed"})
EPISTEMICS = frozenset({"asserted", "attributed", "hedged", "disputed"})
MAX_SENTENCES = 2


@dataclass(frozen=True)
class Coverage:
    """Passages per source and how many events are quoted by two or more / three or more sources."""

    passages_per_source: dict[str, int]
    sources_per_event: dict[str, int]

    @property
    def events_with_two_plus(self) -> int:
        return sum(1 for n in self.sources_per_event.values() if n >= 2)

    @property
    def events_with_three_plus(self) -> int:
        return sum(1 for n in self.sources_per_event.values() if n >= 3)


def coverage(library: Record) -> Coverage:
    """Count passages per source and distinct sources quoting each event."""
    per_source: dict[str, int] = defaultdict(int)
    sources_of: dict[str, set[str]] = defaultdict(set)
    for passage in library["passages"]:
        per_source[passage["source"]] += 1
        for link in passage.get("events", []):
            sources_of[link["event"]].add(passage["source"])
    return Coverage(dict(per_source), {k: len(v) for k, v in sources_of.items()})


def _date_problems(where: str, values: Iterable[str | None]) -> list[str]:
    problems = []
    for value in values:
        if value is None:
            continue
        try:
            HistDate.parse_edtf(value)
        except DateParseError as exc:
            problems.append(f"{where}: {exc}")
    return problems


def _duplicate_keys(kind: str, records: list[Record]) -> list[str]:
    seen: set[str] = set()
    problems = []
    for record in records:
        if record["key"] in seen:
            problems.append(f"duplicate {kind} key {record['key']!r}")
        seen.add(record["key"])
    return problems


def _event_problems(library: Record) -> list[str]:
    lanes = {lane["key"] for lane in library["lanes"]}
    problems = []
    for event in library["events"]:
        where = f"event {event['key']}"
        if event["lane"] not in lanes:
            problems.append(f"{where}: unknown lane {event['lane']!r}")
        problems += _date_problems(where, [event["start"], event.get("end")])
        if event.get("end") is not None:
            start, end = HistDate.parse_edtf(event["start"]), HistDate.parse_edtf(event["end"])
            if end.end_day() <= start.first_day():
                problems.append(f"{where}: end {event['end']} is before start {event['start']}")
    return problems


def _anachronisms(library: Record) -> list[str]:
    """Links from a passage to an event that began after the passage's source was published."""
    published = {
        source["key"]: HistDate.parse_edtf(source["published"]).end_day()
        for source in library["sources"]
        if source.get("published")
    }
    starts = {e["key"]: HistDate.parse_edtf(e["start"]).first_day() for e in library["events"]}
    return [
        f"passage {passage['key']}: linked to {link['event']}, which began after its source "
        f"{passage['source']} was published"
        for passage in library["passages"]
        for link in passage.get("events", [])
        if link["event"] in starts
        and passage["source"] in published
        and starts[link["event"]] > published[passage["source"]]
    ]


def _passage_problems(library: Record, code_keys: frozenset[str]) -> list[str]:
    events = {event["key"] for event in library["events"]}
    sources = {source["key"] for source in library["sources"]}
    problems = []
    for passage in library["passages"]:
        where = f"passage {passage['key']}"
        if passage["source"] not in sources:
            problems.append(f"{where}: unknown source {passage['source']!r}")
        if count_sentences(passage["quote"]) > MAX_SENTENCES:
            problems.append(f"{where}: more than {MAX_SENTENCES} sentences")
        if passage.get("tone") not in TONES or passage.get("epistemic") not in EPISTEMICS:
            problems.append(f"{where}: tone/epistemic missing or not a known value")
        if not passage.get("voice"):
            problems.append(f"{where}: no voice")
        if not passage.get("events"):
            problems.append(f"{where}: not linked to any event")
        problems += [
            f"{where}: unknown event {link['event']!r}"
            for link in passage.get("events", [])
            if link["event"] not in events
        ]
        codes = [coding["code"] for coding in passage.get("codings", [])]
        problems += [f"{where}: unknown code {code!r}" for code in codes if code not in code_keys]
        if not any(code.startswith("issue.") for code in codes):
            problems.append(f"{where}: no issue.* coding")
    return problems


def _claim_problems(library: Record) -> list[str]:
    passages = {passage["key"]: passage for passage in library["passages"]}
    events = {event["key"] for event in library["events"]}
    problems = []
    for claim in library["claims"]:
        where = f"claim {claim['key']}"
        record = bool(str(claim.get("reference") or "").strip())
        if claim.get("passage") is None:
            if not record or claim.get("event") not in events:
                problems.append(
                    f"{where}: without a passage it must be a record value naming its reference"
                    " and a known event"
                )
        elif (passage := passages.get(claim["passage"])) is None:
            problems.append(f"{where}: unknown passage {claim['passage']!r}")
            continue
        elif record:
            problems.append(f"{where}: a record value cites its reference, not a passage")
        elif claim.get("stated") and claim["stated"] not in passage["quote"]:
            problems.append(f"{where}: stated words are not in the passage quote")
        if claim["kind"] == "date":
            problems += _date_problems(where, [claim.get("date")])
        elif claim["kind"] == "statement":
            if not isinstance(claim.get("holds"), bool):
                problems.append(f"{where}: statement claim needs holds (true or false)")
        elif claim.get("low") is None or claim.get("high") is None or claim["low"] > claim["high"]:
            problems.append(f"{where}: number claim needs low <= high")
    return problems


def find_problems(library: Record) -> list[str]:
    """Every referential, date, sentence-length and coding problem found in ``library``."""
    code_keys = FIXED_CODE_KEYS | {code["key"] for code in library["codes"]}
    problems: list[str] = []
    for kind in ("lanes", "sources", "events", "passages", "claims", "codes"):
        problems += _duplicate_keys(kind, library[kind])
    problems += _date_problems("sources", [s.get("published") for s in library["sources"]])
    problems += _event_problems(library)
    problems += _passage_problems(library, code_keys)
    problems += _anachronisms(library)
    problems += _claim_problems(library)
    return problems
