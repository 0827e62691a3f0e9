"""What a reviewer should know about the coding model, in words, for the review panel.

``describe_model`` says how many coded passages the model learnt from and in which languages,
how many codings per code (and per tone and epistemic value) it learnt from, which codes have too
few examples to be suggested at all, and, when the passage's language is not the one most
training codings are in, that those codings help only weakly.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from db.library import Library

if TYPE_CHECKING:  # the panel imports this without loading scikit-learn
    from desktop.core.assist.coding.model import CodingModel

LANGUAGE_NAMES = {
    "en": "English",
    "ru": "Russian",
    "uk": "Ukrainian",
    "de": "German",
    "fr": "French",
    "pl": "Polish",
    "ka": "Georgian",
    "az": "Azerbaijani",
    "kk": "Kazakh",
}
_FIELDS = (("tone", "Tone"), ("epistemic", "Epistemic status"))


def language_name(code: str) -> str:
    return LANGUAGE_NAMES.get(code, f"'{code}'")


def describe_model(
    model: CodingModel | None, language: str = "", code_names: Mapping[str, str] | None = None
) -> tuple[str, ...]:
    """Lines for the panel; ``language`` is the reviewed source's (ISO 639-1, "" unknown)."""
    if model is None:
        return ("No coded passages to learn from yet: no frame codes are suggested.",)
    names = code_names or {}
    spoken = ", ".join(
        f"{language_name(lang)} {n}" for lang, n in sorted(model.languages.items(), key=_count)
    )
    lines = [f"Frame codes learnt from {model.examples} coded passages ({spoken})."]
    codes = sorted(((k, n) for k, n in model.learnt.items() if ":" not in k), key=_count)
    if codes:
        listed = ", ".join(f"{names.get(k, k)} {n}" for k, n in codes)
        lines.append(f"Codings per code: {listed}.")
    for field, title in _FIELDS:
        values = sorted(
            ((k.split(":", 1)[1], n) for k, n in model.learnt.items() if k.startswith(field + ":")),
            key=_count,
        )
        if values:
            lines.append(f"{title}: " + ", ".join(f"{v} {n}" for v, n in values) + ".")
    if model.too_few:
        few = ", ".join(f"{names.get(k, k)} ({n})" for k, n in sorted(model.too_few.items()))
        lines.append(f"Too few examples (under {model.min_examples}) to suggest: {few}.")
    note = language_note(model, language)
    if note:
        lines.append(note)
    return tuple(lines)


def describe_for_source(
    library: Library, model: CodingModel | None, source_key: str
) -> tuple[str, ...]:
    """:func:`describe_model` for ``source_key``'s language, with the codebook's code names."""
    with library.unit_of_work() as uow:
        language = uow.sources.get(source_key).language or ""
        names = {code.key: code.name for code in uow.codes.list()}
    return describe_model(model, language, names)


def language_note(model: CodingModel, language: str) -> str:
    """The warning for a passage in another language than most training codings, or ""."""
    if not language or not model.languages:
        return ""
    main = max(sorted(model.languages), key=lambda lang: model.languages[lang])
    own = model.languages.get(language, 0)
    if language == main:
        return ""
    return (
        f"This source is in {language_name(language)}, but {own} of the {model.examples} coded "
        f"passages {'is' if own == 1 else 'are'}: {language_name(main)} codings help "
        f"{language_name(language)} passages "
        "only weakly (through shared character sequences), so treat these code suggestions "
        f"with care; your {language_name(language)} codings count as they accumulate."
    )


def _count(pair: tuple[str, int]) -> tuple[int, str]:
    return (-pair[1], pair[0])
