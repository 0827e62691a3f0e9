from __future__ import annotations

from collections import Counter

from desktop.core.compare import build_comparison
from desktop.core.compare.stemming import stem
from desktop.core.compare.texts import (
    pane_texts,
    paragraph_spans,
    tally_terms,
    term_counts,
    tokens,
)
from desktop.core.compare.words import distinctive_terms, log_odds_z

from .scenario import WAR, build_library


def test_tokens_keep_inner_apostrophes_and_hyphens_and_drop_numbers() -> None:
    assert tokens("Russia’s pro-Western 2008 war, 5-day") == [
        "russia's",
        "pro-western",
        "war",
        "5-day",
    ]


def test_term_counts_remove_stop_words_and_do_not_bridge_them() -> None:
    counts = term_counts(["The war in Georgia and the war of words"])
    assert counts["war"] == 2 and counts["georgia"] == 1
    assert "the" not in counts and "war georgia" not in counts
    assert term_counts(["death toll rose"])["death toll"] == 1


def test_paragraphs_split_on_blank_lines_or_else_on_lines() -> None:
    assert paragraph_spans("a\nb\n\nc") == [(0, 3), (5, 6)]
    assert paragraph_spans("a\nb") == [(0, 1), (2, 3)]


def test_full_text_widens_passages_to_their_paragraph() -> None:
    lib = build_library()
    policy = next(s for s in lib.sources if s.key == "policy-2022")
    pol_1 = next(p for p in lib.passages if p.key == "pol-1")
    with_text = pane_texts(policy, [pol_1])
    assert len(with_text) == 1 and "Kremlinology aside" in with_text[0]
    assert "Introduction" not in with_text[0]
    from dataclasses import replace

    assert pane_texts(replace(policy, full_text=None), [pol_1]) == [pol_1.quote]
    moved = replace(pol_1, start=0)  # quote no longer at its offsets: fall back to the quote
    assert pane_texts(policy, [moved]) == [pol_1.quote]


def test_blitzkrieg_is_distinctive_for_the_only_source_using_it() -> None:
    lib = build_library()
    comparison = build_comparison(WAR, lib.sources, lib.passages, lib.codes, lib.claims)
    words = {w.source_key: w for w in comparison.words}
    policy_terms = [t.term for t in words["policy-2022"].terms]
    assert "blitzkrieg" in policy_terms[:3]
    top = words["policy-2022"].terms[policy_terms.index("blitzkrieg")]
    assert top.count == 2 and top.z > 0
    for key in ("digest-2023", "dw-2025"):
        assert "blitzkrieg" not in [t.term for t in words[key].terms]


def test_log_odds_favours_frequent_and_exclusive_terms() -> None:
    own = Counter({"blitzkrieg": 5, "war": 5, "rare": 1})
    rest = Counter({"war": 10, "peace": 10})
    scores = log_odds_z(own, rest, own + rest)
    assert scores["blitzkrieg"] > scores["rare"] > 0 > scores["war"]


def test_single_pane_has_nothing_to_contrast() -> None:
    result = distinctive_terms([("only", Counter({"war": 3}))])
    assert result[0].terms == ()


def test_top_limits_the_list() -> None:
    panes = [("a", Counter({f"w{i}": i + 1 for i in range(20)})), ("b", Counter({"x": 50}))]
    assert len(distinctive_terms(panes, top=5)[0].terms) == 5


def test_log_odds_matches_hand_computed_values() -> None:
    # own {a:2, b:1}, rest {b:1, c:3}, prior = pooled {a:2, b:2, c:3}: a0 = 7, n_i = 3, n_j = 4.
    # a: delta = log(4/6) - log(2/9) = log 3, var = 1/4 + 1/2  -> z = 1.0986 / 0.8660 = 1.2686
    # b: delta = log(3/7) - log(3/8) = log(8/7), var = 1/3 + 1/3 -> z = 0.1335 / 0.8165 = 0.1635
    own, rest = Counter({"a": 2, "b": 1}), Counter({"b": 1, "c": 3})
    scores = log_odds_z(own, rest, own + rest)
    assert abs(scores["a"] - 1.268565) < 1e-5
    assert abs(scores["b"] - 0.163543) < 1e-5


def test_ties_keep_text_order_not_alphabetical_and_say_so() -> None:
    panes = [("a", tally_terms(["zebra yak xylophone"])), ("b", tally_terms(["mango lemon"]))]
    words = distinctive_terms(panes, top=2)[0]
    assert [t.term for t in words.terms] == ["zebra", "yak"]
    assert "tie with the last one shown" in words.note


def test_counts_in_both_places_and_the_too_little_text_note() -> None:
    panes = [("a", tally_terms(["blitzkrieg war"])), ("b", tally_terms(["war peace"]))]
    first = distinctive_terms(panes)[0]
    term = next(t for t in first.terms if t.term == "blitzkrieg")
    assert (term.count, term.other_count, term.significant) == (1, 0, False)
    assert first.note.startswith("too little text to tell")
    big = [("a", Counter({"blitzkrieg": 60, "war": 40})), ("b", Counter({"war": 60, "peace": 40}))]
    strong = distinctive_terms(big)[0]
    assert strong.terms[0].term == "blitzkrieg" and strong.terms[0].significant
    assert strong.note == ""


def test_word_forms_count_together_and_show_their_commonest_form() -> None:
    tally = tally_terms(["Forces moved. The force stayed. Forces left."])
    assert tally.counts[stem("forces")] == 3
    assert tally.display(stem("forces")) == "forces"


def test_russian_and_ukrainian_function_words_are_not_terms() -> None:
    counts = term_counts(["Это была война, и она не закончилась", "Це була війна, і вона триває"])
    assert not {"это", "была", "она", "це", "була", "вона"} & set(counts)
    assert counts[stem("война")] == 1


def test_bigrams_never_cross_punctuation_and_short_words_need_capitals() -> None:
    counts = term_counts(["the Carnegie Center, think tanks and de facto EU rule"])
    assert "center think" not in counts and stem("de") not in counts
    assert "eu" in counts
