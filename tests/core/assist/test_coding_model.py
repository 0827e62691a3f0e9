"""The coding model: learns codes with enough examples, says which have too few, explains."""

from __future__ import annotations

import pytest

from desktop.core.assist.coding.model import CodingExample, CodingModel

_SECURITY = [
    "Troops and missiles massed on the border as the army prepared an offensive.",
    "Air defence units shot down drones over the military base.",
    "The army shelled positions and soldiers dug new trenches.",
    "Missile strikes hit the barracks and an ammunition depot.",
    "Generals moved tanks and artillery closer to the front line.",
    "Soldiers repelled an attack on the army outpost overnight.",
]
_ECONOMY = [
    "Gas prices rose and the currency fell against the dollar.",
    "Exports of oil and grain earned the budget record revenue.",
    "Inflation ate into wages as the central bank raised rates.",
    "Trade with the neighbour grew and new pipelines opened.",
    "The budget deficit widened as tax revenue from oil fell.",
    "Investors bought bonds while the currency steadied.",
]


def _examples() -> list[CodingExample]:
    found = [CodingExample(t, frozenset({"issue.security"}), "negative") for t in _SECURITY]
    found += [CodingExample(t, frozenset({"issue.economic"}), "neutral") for t in _ECONOMY]
    found.append(
        CodingExample("A rare remark on fairness.", frozenset({"issue.fairness"}), "neutral")
    )
    return found


def test_codes_with_too_few_examples_are_named_and_never_suggested() -> None:
    model = CodingModel.train(_examples())
    assert model.too_few == {"issue.fairness": 1}
    advice = model.suggest("Tanks and soldiers attacked the base.")
    assert "issue.fairness" not in {g.value for g in advice.codes}


def test_the_best_code_comes_first_with_a_score_and_its_words() -> None:
    model = CodingModel.train(_examples())
    advice = model.suggest("Army soldiers fired missiles at the military base.")
    best = advice.codes[0]
    assert best.value == "issue.security"
    assert 0.5 < best.score <= 1.0
    assert {"army", "soldiers", "missiles", "military", "base"} & set(best.words)
    assert advice.tone[0].value == "negative"
    other = model.suggest("Oil exports and the currency lifted the budget.")
    assert other.codes[0].value == "issue.economic"


def test_nothing_to_learn_from_is_an_error() -> None:
    with pytest.raises(ValueError, match="no coded passages"):
        CodingModel.train([])
