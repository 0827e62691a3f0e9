"""Precision and recall of link suggestions on the labelled development set.

``bench/data/importing`` holds short articles written for this purpose (wire copy, state-media
wording, op-eds, encyclopedia entries, live blogs, press releases; English, Russian, Ukrainian)
about events of the bundled dataset and about unrelated things, with traps (a date inside a
long span and nothing else, page chrome naming another event, a day without a year, a header
block, mojibake, a flight number only). ``labels.json`` gives each file's language and the
event keys it really speaks of. Every article is imported into a fresh library holding the
bundled dataset, exactly as ``parallax import`` does, and the stored link suggestions are
compared with the labels.
"""

from __future__ import annotations

import json
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from db.library import open_library
from desktop.core.importing import NearMatchPolicy, import_batch
from desktop.core.sample import load_sample

DATA = Path(__file__).resolve().parent / "data" / "importing"


@dataclass
class Score:
    """Counts of true and false positives and false negatives, plus the mistakes made."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    mistakes: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


@dataclass
class Evaluation:
    overall: Score
    by_language: dict[str, Score]
    documents: int
    languages_right: int


def labels() -> dict[str, dict[str, object]]:
    loaded: dict[str, dict[str, object]] = json.loads(
        (DATA / "labels.json").read_text(encoding="utf-8")
    )
    return loaded


def evaluate() -> Evaluation:
    wanted = labels()
    paths = [DATA / name for name in sorted(wanted)]
    with tempfile.TemporaryDirectory(prefix="parallax-eval-") as folder:
        library = open_library(f"sqlite:///{Path(folder) / 'eval.sqlite'}")
        try:
            load_sample(library)
            report = import_batch(
                library, paths, with_suggestions=True, near_match=NearMatchPolicy.OFFER
            )
            found: dict[str, tuple[set[str], str]] = {}
            with library.unit_of_work() as uow:
                for outcome in report.outcomes:
                    if outcome.source_key is None:
                        continue
                    stored = uow.suggestions.for_source(outcome.source_key, kinds=("link",))
                    language = uow.sources.get(outcome.source_key).language
                    found[outcome.file_name] = ({s.target for s in stored}, language)
        finally:
            library.dispose()
    return _score(wanted, found)


def _score(
    wanted: dict[str, dict[str, object]], found: dict[str, tuple[set[str], str]]
) -> Evaluation:
    overall = Score()
    by_language: dict[str, Score] = defaultdict(Score)
    right = 0
    for name, label in wanted.items():
        truth = set(label["events"])  # type: ignore[call-overload]
        language = str(label["language"])
        predicted, stored_language = found.get(name, (set(), ""))
        right += stored_language == language
        for score in (overall, by_language[language]):
            score.tp += len(truth & predicted)
            score.fp += len(predicted - truth)
            score.fn += len(truth - predicted)
        for key in sorted(predicted - truth):
            overall.mistakes.append(f"{name}: wrong link {key}")
        for key in sorted(truth - predicted):
            overall.mistakes.append(f"{name}: missed {key}")
    return Evaluation(overall, dict(by_language), len(wanted), right)


def table(evaluation: Evaluation) -> list[str]:
    """The figures as Markdown table rows."""
    rows = [
        "| set | links right | wrong | missed | precision | recall |",
        "|---|---|---|---|---|---|",
    ]
    parts = [("all", evaluation.overall)] + sorted(evaluation.by_language.items())
    for name, score in parts:
        rows.append(
            f"| {name} | {score.tp} | {score.fp} | {score.fn} | "
            f"{score.precision:.0%} | {score.recall:.0%} |"
        )
    return rows
