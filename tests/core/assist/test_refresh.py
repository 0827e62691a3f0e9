"""Retraining on changed codings: the fingerprint tells a stale model, the open passages' code
suggestions are refreshed in place (numbers kept, decided ones not proposed again), and the
model describes itself honestly for the panel."""

from __future__ import annotations

from dataclasses import replace

from db.library import Library
from db.records import CodingRecord
from desktop.core.assist import acceptors
from desktop.core.assist.coding.summary import describe_model, language_note
from desktop.core.assist.pending import open_sources
from desktop.core.assist.refresh import current_fingerprint, refresh_codes, train_current
from desktop.core.assist.storing import assist_sources
from desktop.core.importing import MetadataOverrides, import_document
from desktop.core.sample import load_sample
from tests.support import REPO

ARTICLE = REPO / "tests" / "fixtures" / "assist" / "azal_ru.txt"


def _codes(library: Library, key: str, status: str = "pending") -> dict[str, int]:
    with library.unit_of_work() as uow:
        found = uow.suggestions.for_source(key, kinds=("code",), status=status)
    return {s.ref: s.id or 0 for s in found}


def test_changed_codings_are_seen_and_open_code_suggestions_refresh_in_place(
    sqlite_library: Library,
) -> None:
    acceptors.register()
    load_sample(sqlite_library)
    overrides = MetadataOverrides(outlet="Caspian Wire", published="2024-12-26", language="ru")
    outcome = import_document(sqlite_library, ARTICLE, overrides=overrides, suggest=True)
    key = outcome.source_key or ""
    trained = train_current(sqlite_library)
    assert trained.model is not None
    assist_sources(sqlite_library, [key], model=trained.model)
    assert open_sources(sqlite_library) == [key]
    before = _codes(sqlite_library, key)
    assert before
    rejected_ref, rejected_id = sorted(before.items())[0]
    with sqlite_library.unit_of_work() as uow:
        uow.suggestions.set_status(rejected_id, "rejected")
        passage = next(p for p in uow.passages.list() if p.codings)
        coding = CodingRecord("issue.security", "second coder", None, passage.key)
        uow.passages.update(replace(passage, codings=(*passage.codings, coding)))
        uow.commit()
    assert current_fingerprint(sqlite_library) != trained.fingerprint

    counts = refresh_codes(sqlite_library, trained.model, [key])
    after = _codes(sqlite_library, key)
    assert counts[key] == len(after) == len(before) - 1
    assert rejected_ref not in after  # decided: not proposed again
    assert all(after[ref] == before[ref] for ref in after)  # same numbers: redo still works
    assert _codes(sqlite_library, key, "rejected") == {rejected_ref: rejected_id}
    assert refresh_codes(sqlite_library, trained.model, [key], stale=lambda: True) == {}


def test_the_model_says_what_it_learnt_from_and_warns_about_other_languages(
    sqlite_library: Library,
) -> None:
    load_sample(sqlite_library)
    model = train_current(sqlite_library).model
    assert model is not None
    lines = describe_model(model, "ru", {"issue.security": "Security"})
    text = "\n".join(lines)
    n = model.examples
    assert model.languages == {"en": n}
    assert lines[0] == f"Frame codes learnt from {n} coded passages (English {n})."
    assert f"Security {model.learnt['issue.security']}" in lines[1]
    assert lines[1].startswith("Codings per code: ")
    assert "Too few examples (under 5) to suggest: " in text
    for code, count in model.too_few.items():
        assert f"{code} ({count})" in text
    assert f"This source is in Russian, but 0 of the {n} coded passages are" in text
    assert "English codings help Russian passages only weakly" in text
    assert "only weakly" not in "\n".join(describe_model(model, "en"))
    one_russian = replace(model, languages={"en": n - 1, "ru": 1})
    assert "but 1 of the" in language_note(one_russian, "ru")
    assert f"1 of the {n} coded passages is: English codings help" in language_note(
        one_russian, "ru"
    )
