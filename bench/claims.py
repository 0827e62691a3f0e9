"""Benchmark of claim extraction: ``python -m bench.claims [--json] [--misses]``.

Reads the labelled sentences in ``bench/data/claims_*.txt`` (written for this benchmark in
English, Russian and Ukrainian, with traps: flight numbers, ages, years, dates, turnout),
extracts claims from each sentence and prints precision and recall overall and per language.
A found claim counts as right when category, value (or range, or "vague") and hedge all match a
labelled one; a date claim when its EDTF date matches. Goal: precision >= 0.90, recall >= 0.85.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from desktop.core.assist.claims.extract import FoundClaim, extract_claims

DATA = Path(__file__).with_name("data")
LANGUAGES = ("en", "ru", "uk")
Label = tuple[str, str, str]  # category, value, hedge


@dataclass(frozen=True)
class Sentence:
    language: str
    text: str
    labels: tuple[Label, ...]


def load(prefix: str = "claims", folder: Path = DATA) -> list[Sentence]:
    """Every labelled sentence of one set, in file order (the files' headers give the format).

    ``claims`` is the development set the rules were tuned on; ``heldout`` was written after
    tuning and never tuned on, so its figures are the honest ones.
    """
    found: list[Sentence] = []
    for language in LANGUAGES:
        text, labels = "", []
        path = folder / f"{prefix}_{language}.txt"
        for line in [*path.read_text(encoding="utf-8").splitlines(), f"{language}:"]:
            if line.startswith(f"{language}:"):
                if text:
                    found.append(Sentence(language, text, tuple(labels)))
                text, labels = line[len(language) + 1 :].strip(), []
            elif line.startswith("= "):
                parts = line[2:].split()
                hedge = parts[2] if len(parts) > 2 else "exact"
                labels.append((parts[0], parts[1], hedge))
    return found


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:g}" if value != int(value) else str(int(value))


def as_label(claim: FoundClaim) -> Label:
    """A found claim in the label format of the data files."""
    if claim.kind == "date":
        return ("date", claim.date or "", "exact")
    if claim.hedge == "vague":
        return (claim.category, "vague", "vague")
    low, high = _number(claim.low), _number(claim.high)
    value = low if low == high else f"{low}-{high}"
    return (claim.category, value, claim.hedge)


@dataclass
class Score:
    right: int = 0
    found: int = 0
    labelled: int = 0

    @property
    def precision(self) -> float:
        return self.right / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.right / self.labelled if self.labelled else 1.0


def evaluate(sentences: list[Sentence]) -> tuple[dict[str, Score], list[str]]:
    """Scores per language and overall ("all"), and a line per miss or false find."""
    scores = {name: Score() for name in (*LANGUAGES, "all")}
    misses: list[str] = []
    for sentence in sentences:
        found = Counter(as_label(c) for c in extract_claims(sentence.text))
        wanted = Counter(sentence.labels)
        right = sum((found & wanted).values())
        for name in (sentence.language, "all"):
            scores[name].right += right
            scores[name].found += sum(found.values())
            scores[name].labelled += sum(wanted.values())
        for label in (found - wanted).elements():
            misses.append(f"[{sentence.language}] extra {label}: {sentence.text}")
        for label in (wanted - found).elements():
            misses.append(f"[{sentence.language}] missed {label}: {sentence.text}")
    return scores, misses


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.claims", description=__doc__)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--misses", action="store_true", help="also list every error")
    args = parser.parse_args(argv)
    report = {}
    for name, title in (("claims", "development set"), ("heldout", "held-out set")):
        sentences = load(name)
        scores, misses = evaluate(sentences)
        report[name] = _rows(sentences, scores)
        if not args.json:
            print(f"\n{title} (bench/data/{name}_*.txt)")
            _print_table(report[name])
        if args.misses:
            print("\n".join(misses))
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print("goal: precision >= 0.90, recall >= 0.85")
    return 0


def _rows(sentences: list[Sentence], scores: dict[str, Score]) -> dict[str, dict[str, float]]:
    counts = Counter(s.language for s in sentences)
    counts["all"] = len(sentences)
    return {
        name: {
            "sentences": counts[name],
            "labelled": score.labelled,
            "found": score.found,
            "right": score.right,
            "precision": round(score.precision, 3),
            "recall": round(score.recall, 3),
        }
        for name, score in scores.items()
    }


def _print_table(rows: dict[str, dict[str, float]]) -> None:
    print("| language | sentences | labelled claims | found | right | precision | recall |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, row in rows.items():
        print(
            f"| {name} | {row['sentences']} | {row['labelled']} | {row['found']} "
            f"| {row['right']} | {row['precision']:.3f} | {row['recall']:.3f} |"
        )


if __name__ == "__main__":
    raise SystemExit(main())
