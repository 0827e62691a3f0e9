"""Benchmark of the coding model: ``python -m bench.coding [--json] [--folds N]``.

5-fold cross-validation on the bundled dataset's codings (160 passages, one coder): for issue
frames, top-1 and top-3 accuracy (a hit when any issue code the coder applied is among the
model's first k) and macro-F1 (the predicted set is every issue code scored >= 0.5, at least
the best one); the same for tone and epistemic status (single value: top-1 accuracy and
macro-F1). A majority-class baseline (the most frequent codes of the training folds) stands
beside each figure. A learning curve repeats the issue-frame figures with a share of each
training fold, to show how much coding the goal (top-3 >= 0.75) needs.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from sklearn.metrics import f1_score

from desktop.core.assist.coding.model import CodingExample, CodingModel, Guess

PASSAGES = Path(__file__).resolve().parents[1] / "tools" / "dataset" / "parts" / "passages.json"
ISSUE = "issue."
SHARES = (0.25, 0.5, 0.75, 1.0)
Ranking = list[str]


def load_examples(path: Path = PASSAGES) -> list[CodingExample]:
    """The dataset's coded passages as training examples."""
    rows = json.loads(path.read_text(encoding="utf-8"))
    return [
        CodingExample(
            row["quote"],
            frozenset(c["code"] for c in row["codings"]),
            row.get("tone") or "",
            row.get("epistemic") or "",
        )
        for row in rows
    ]


def folds(count: int, k: int, seed: int = 0) -> list[list[int]]:
    order = list(range(count))
    random.Random(seed).shuffle(order)
    return [order[i::k] for i in range(k)]


def _issue(codes: frozenset[str]) -> set[str]:
    return {c for c in codes if c.startswith(ISSUE)}


def _ranked(guesses: Sequence[Guess], prefix: str = "") -> Ranking:
    return [g.value for g in guesses if g.value.startswith(prefix)]


def _chosen(guesses: Sequence[Guess], prefix: str) -> set[str]:
    ranked = [g for g in guesses if g.value.startswith(prefix)]
    chosen = {g.value for g in ranked if g.score >= 0.5}
    return chosen or ({ranked[0].value} if ranked else set())


class Tally:
    """Top-k hits and predicted/true label sets for one target, model or baseline."""

    def __init__(self) -> None:
        self.top1 = self.top3 = self.n = 0
        self.true: list[set[str]] = []
        self.pred: list[set[str]] = []

    def add(self, gold: set[str], ranking: Ranking, predicted: set[str]) -> None:
        if not gold:
            return
        self.n += 1
        self.top1 += bool(gold & set(ranking[:1]))
        self.top3 += bool(gold & set(ranking[:3]))
        self.true.append(gold)
        self.pred.append(predicted)

    def figures(self) -> dict[str, float]:
        labels = sorted({x for s in self.true for x in s})
        y_true = [[int(x in s) for x in labels] for s in self.true]
        y_pred = [[int(x in s) for x in labels] for s in self.pred]
        macro = f1_score(y_true, y_pred, average="macro", zero_division=0)
        n = max(self.n, 1)
        return {
            "top1": round(self.top1 / n, 3),
            "top3": round(self.top3 / n, 3),
            "macro_f1": round(float(macro), 3),
            "n": self.n,
        }


def _majority(train: list[CodingExample]) -> dict[str, Ranking]:
    issue = Counter(c for e in train for c in _issue(e.codes))
    return {
        "issue": [c for c, _ in issue.most_common()],
        "tone": [v for v, _ in Counter(e.tone for e in train if e.tone).most_common()],
        "epistemic": [
            v for v, _ in Counter(e.epistemic for e in train if e.epistemic).most_common()
        ],
    }


def cross_validate(
    examples: list[CodingExample], k: int = 5, share: float = 1.0
) -> dict[str, dict[str, dict[str, float]]]:
    """Figures per target ("issue", "tone", "epistemic") for the model and the baseline."""
    tallies = {t: {"model": Tally(), "baseline": Tally()} for t in ("issue", "tone", "epistemic")}
    parts = folds(len(examples), k)
    for held in parts:
        held_set = set(held)
        train = [e for i, e in enumerate(examples) if i not in held_set]
        random.Random(1).shuffle(train)
        train = train[: max(10, round(len(train) * share))]
        model = CodingModel.train(train)
        base = _majority(train)
        test = [examples[i] for i in held]
        for example, advice in zip(test, model.suggest_many([e.text for e in test]), strict=True):
            gold = _issue(example.codes)
            tallies["issue"]["model"].add(
                gold, _ranked(advice.codes, ISSUE), _chosen(advice.codes, ISSUE)
            )
            tallies["issue"]["baseline"].add(gold, base["issue"], set(base["issue"][:1]))
            for target, guesses in (("tone", advice.tone), ("epistemic", advice.epistemic)):
                value = getattr(example, target)
                ranking = _ranked(guesses)
                tallies[target]["model"].add({value} if value else set(), ranking, set(ranking[:1]))
                tallies[target]["baseline"].add(
                    {value} if value else set(), base[target], set(base[target][:1])
                )
    return {t: {w: tally.figures() for w, tally in pair.items()} for t, pair in tallies.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.coding", description=__doc__)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args(argv)
    examples = load_examples()
    started = time.perf_counter()
    full = cross_validate(examples, args.folds)
    curve = {
        f"{share:.2f}": cross_validate(examples, args.folds, share)["issue"]["model"]
        for share in SHARES[:-1]
    }
    curve["1.00"] = full["issue"]["model"]
    seconds = round(time.perf_counter() - started, 1)
    train_size = round(len(examples) * (args.folds - 1) / args.folds)
    if args.json:
        report = {"passages": len(examples), "folds": args.folds, "results": full}
        report |= {"learning_curve": curve, "seconds": seconds}
        print(json.dumps(report, indent=2))
        return 0
    print(f"{len(examples)} coded passages, {args.folds}-fold cross-validation ({seconds} s)\n")
    print("| target | metric | model | majority baseline |")
    print("|---|---|---:|---:|")
    for target, pair in full.items():
        metrics = ("top1", "top3", "macro_f1") if target == "issue" else ("top1", "macro_f1")
        for metric in metrics:
            print(
                f"| {target} | {metric} | {pair['model'][metric]:.3f} "
                f"| {pair['baseline'][metric]:.3f} |"
            )
    print("\nlearning curve (issue frames, share of each training fold)\n")
    print("| training passages | top-1 | top-3 | macro-F1 |")
    print("|---:|---:|---:|---:|")
    for share, row in curve.items():
        size = max(10, round(train_size * float(share)))
        print(f"| {size} | {row['top1']:.3f} | {row['top3']:.3f} | {row['macro_f1']:.3f} |")
    print("goal: issue-frame top-3 >= 0.75")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
