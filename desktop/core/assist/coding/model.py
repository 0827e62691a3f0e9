"""A local, explainable coding model: TF-IDF over words and character n-grams, one calibrated
linear classifier per code, trained on the passages a library's coders have coded.

``CodingModel.train`` learns every code with at least ``min_examples`` coded passages (and as
many without it); codes with fewer are listed in ``too_few`` and never suggested, so the model
says "too few examples" instead of guessing. Tone and epistemic status are learned the same way
per value. ``suggest`` ranks the codes for a new passage with a calibrated score and the words
that weighed most for each. Training is pure CPU work (about a second for a few hundred
passages): run it off the GUI thread. Character n-grams carry a little across languages, which
is why English codings help Russian passages only weakly; the model reports the languages it
was trained on so a panel can say so.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import numpy as np
from sklearn.calibration import CalibratedClassifierCV
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion
from threadpoolctl import threadpool_limits

from desktop.core.compare.stopwords import is_stop_word

MIN_EXAMPLES = 5
_TOP_WORDS = 4


@dataclass(frozen=True, slots=True)
class CodingExample:
    """A coded passage: its text, the codes applied, tone, epistemic status and language."""

    text: str
    codes: frozenset[str]
    tone: str = ""
    epistemic: str = ""
    language: str = "en"


@dataclass(frozen=True, slots=True)
class Guess:
    """A suggested value (a code key, or a tone/epistemic value), its score and the words that
    weighed most for it."""

    value: str
    score: float
    words: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Advice:
    """What the model suggests for one passage: codes best first, tone, epistemic status."""

    codes: tuple[Guess, ...]
    tone: tuple[Guess, ...] = ()
    epistemic: tuple[Guess, ...] = ()


def _features() -> FeatureUnion:
    words = TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True, min_df=1)
    chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2)
    return FeatureUnion([("words", words), ("chars", chars)])


def _classifier(positives: int) -> CalibratedClassifierCV:
    folds = 3 if positives >= 3 else 2
    # dual: far fewer passages than features, where the dual problem is the quick one
    base = LogisticRegression(C=4.0, class_weight="balanced", solver="liblinear", dual=True)
    return CalibratedClassifierCV(base, method="sigmoid", cv=folds)


@dataclass
class _Binary:
    value: str
    classifier: CalibratedClassifierCV
    coef: np.ndarray[Any, Any]


@dataclass(frozen=True, slots=True)
class _Words:
    """The vocabulary words one passage has: their columns and tf-idf weights."""

    columns: np.ndarray[Any, Any]
    weights: np.ndarray[Any, Any]


@dataclass
class CodingModel:
    """Trained classifiers over one shared feature space (build with :meth:`train`)."""

    features: FeatureUnion
    codes: list[_Binary]
    tones: list[_Binary]
    epistemics: list[_Binary]
    examples: int
    languages: dict[str, int]
    too_few: dict[str, int] = field(default_factory=dict)
    vocabulary: list[str] = field(default_factory=list)
    learnt: dict[str, int] = field(default_factory=dict)  # coded passages per learnt value
    min_examples: int = MIN_EXAMPLES

    @classmethod
    def train(
        cls,
        examples: Sequence[CodingExample],
        *,
        code_keys: Sequence[str] | None = None,
        min_examples: int = MIN_EXAMPLES,
    ) -> CodingModel:
        """Learn from ``examples`` (only ``code_keys`` when given). Raises ValueError with no
        examples at all."""
        if not examples:
            raise ValueError("There are no coded passages to learn from.")
        features = _features()
        matrix = features.fit_transform([e.text for e in examples])
        counts = Counter(code for e in examples for code in e.codes)
        wanted = sorted(code_keys if code_keys is not None else counts)
        too_few: dict[str, int] = {}
        # Many tiny fits: BLAS threads only wait on each other (3x the CPU on two cores).
        with threadpool_limits(limits=1, user_api="blas"):
            codes = _train_each(matrix, [e.codes for e in examples], wanted, min_examples, too_few)
            tones = _train_values(matrix, [e.tone for e in examples], "tone", min_examples, too_few)
            epis = _train_values(
                matrix, [e.epistemic for e in examples], "epistemic", min_examples, too_few
            )
        words = features.transformer_list[0][1]
        learnt = {b.value: counts[b.value] for b in codes}
        for name, values, binaries in (
            ("tone", [e.tone for e in examples], tones),
            ("epistemic", [e.epistemic for e in examples], epis),
        ):
            learnt |= {f"{name}:{b.value}": values.count(b.value) for b in binaries}
        return cls(
            features,
            codes,
            tones,
            epis,
            len(examples),
            dict(Counter(e.language for e in examples)),
            too_few,
            list(words.get_feature_names_out()),
            learnt,
            min_examples,
        )

    def suggest(self, text: str) -> Advice:
        """Codes, tones and epistemic values for ``text``, each list best first."""
        return self.suggest_many([text])[0]

    def suggest_many(self, texts: Sequence[str]) -> list[Advice]:
        """:meth:`suggest` for several texts at once: one transform, and one prediction per
        value for all texts (a prediction per text and value cost ~10 ms of scikit-learn's
        checks each: a 50 KB report took minutes)."""
        if not texts:
            return []
        rows = self.features.transform(list(texts))
        binaries = [*self.codes, *self.tones, *self.epistemics]
        scores = {id(b): b.classifier.predict_proba(rows)[:, 1] for b in binaries}
        words = rows[:, : len(self.vocabulary)].tocsr()
        words.sort_indices()
        advice = []
        for i in range(rows.shape[0]):
            start, end = words.indptr[i], words.indptr[i + 1]
            present = _Words(words.indices[start:end], words.data[start:end])
            advice.append(
                Advice(
                    self._rank(i, present, self.codes, scores),
                    self._rank(i, present, self.tones, scores),
                    self._rank(i, present, self.epistemics, scores),
                )
            )
        return advice

    def _rank(
        self,
        i: int,
        present: _Words,
        binaries: list[_Binary],
        scores: dict[int, np.ndarray[Any, Any]],
    ) -> tuple[Guess, ...]:
        guesses = [
            Guess(b.value, round(float(scores[id(b)][i]), 3), self._why(present, b))
            for b in binaries
        ]
        return tuple(sorted(guesses, key=lambda g: (-g.score, g.value)))

    def _why(self, present: _Words, binary: _Binary) -> tuple[str, ...]:
        """The passage's words that pushed this value up most (word features only).

        Only the words the passage has can push: weighing those, not the whole vocabulary,
        keeps this to a few dozen numbers per passage and value (sorting the vocabulary for
        each took most of the time of assisted reading)."""
        values = present.weights * binary.coef[present.columns]
        found: list[str] = []
        for j in np.argsort(-values, kind="stable"):
            if values[j] <= 0 or len(found) == _TOP_WORDS:
                break
            term = self.vocabulary[present.columns[j]]
            if _telling(term):
                found.append(term)
        return tuple(found)


@cache  # a model asks about the same vocabulary words for every passage and value
def _telling(term: str) -> bool:
    """A word or bigram worth showing as a reason: not made only of stop words or digits."""
    return any(len(w) > 2 and not w.isdigit() and not is_stop_word(w) for w in term.split())


def _mean_coef(classifier: CalibratedClassifierCV) -> np.ndarray[Any, Any]:
    coefs = [c.estimator.coef_[0] for c in classifier.calibrated_classifiers_]
    return np.asarray(np.mean(coefs, axis=0))


def _fit(matrix: Any, labels: list[int], value: str) -> _Binary:
    classifier = _classifier(sum(labels))
    classifier.fit(matrix, labels)
    return _Binary(value, classifier, _mean_coef(classifier))


def _train_each(
    matrix: Any,
    labels: list[frozenset[str]],
    wanted: list[str],
    min_examples: int,
    too_few: dict[str, int],
) -> list[_Binary]:
    found = []
    for code in wanted:
        y = [1 if code in codes else 0 for codes in labels]
        positives = sum(y)
        if positives < min_examples or len(y) - positives < min_examples:
            too_few[code] = positives
            continue
        found.append(_fit(matrix, y, code))
    return found


def _train_values(
    matrix: Any, values: list[str], name: str, min_examples: int, too_few: dict[str, int]
) -> list[_Binary]:
    found = []
    for value in sorted({v for v in values if v}):
        y = [1 if v == value else 0 for v in values]
        positives = sum(y)
        if positives < min_examples or len(y) - positives < min_examples:
            too_few[f"{name}:{value}"] = positives
            continue
        found.append(_fit(matrix, y, value))
    return found
