"""Referential and semantic checks of a ``Bundle`` that a JSON schema cannot express.

``check_integrity`` raises ``FormatError`` at the first problem, naming the record (kind and
key) and the field: duplicate keys, references to records that do not exist, impossible or
reversed dates, passage offsets that do not match the quote or the source text, cycles in the
code hierarchy, attribute values that are not defined.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from functools import lru_cache

from desktop.io.formats.bundle import Bundle, CodeData, PassageData, SourceData
from desktop.io.formats.errors import FormatError
from desktop.model.dates import DateParseError, HistDate
from desktop.model.day_spans import span_times

__all__ = ["check_integrity"]


def _fail(kind: str, key: str, field: str, problem: str) -> FormatError:
    return FormatError(f"{kind} '{key}': field '{field}': {problem}")


def _unique_keys(kind: str, keys: Iterable[str]) -> set[str]:
    seen: set[str] = set()
    for key in keys:
        if key in seen:
            raise _fail(kind, key, "key", f"duplicate key {key!r}")
        seen.add(key)
    return seen


def _check_date(kind: str, key: str, field: str, text: str | None) -> None:
    if text is None:
        return
    try:
        HistDate.parse_edtf(text)
    except DateParseError as exc:
        raise _fail(kind, key, field, str(exc)) from exc


# Spans repeat across a large library (100k events share far fewer dates); spans are frozen.
_span = lru_cache(maxsize=1 << 16)(span_times)  # plain days without parsing EDTF


def _check_span(kind: str, key: str, start: str, end: str | None) -> None:
    try:
        _span(start, end)
    except DateParseError as exc:
        _check_date(kind, key, "start", start)  # name the field that is wrong
        _check_date(kind, key, "end", end)
        raise _fail(kind, key, "end", str(exc)) from exc


def _check_ref(
    kind: str, key: str, field: str, ref: str | None, known: set[str], what: str
) -> None:
    if ref is not None and ref not in known:
        raise _fail(kind, key, field, f"unknown {what} {ref!r}")


def _check_code_tree(codes: tuple[CodeData, ...], keys: set[str]) -> None:
    parents = {code.key: code.parent for code in codes}
    for code in codes:
        _check_ref("code", code.key, "parent", code.parent, keys, "code")
        seen = {code.key}
        parent = code.parent
        while parent is not None:
            if parent in seen:
                raise _fail("code", code.key, "parent", "the code hierarchy has a cycle")
            seen.add(parent)
            parent = parents.get(parent)


def _check_passage_text(passage: PassageData, sources: dict[str, SourceData]) -> None:
    key = passage.key
    if passage.end <= passage.start:
        raise _fail("passage", key, "end", f"end {passage.end} is not after start {passage.start}")
    if len(passage.quote) != passage.end - passage.start:
        raise _fail("passage", key, "quote", "the quote's length differs from end - start")
    text = sources[passage.source].text
    if text is None:
        return
    if passage.end > len(text):
        raise _fail("passage", key, "end", f"end {passage.end} is beyond the source text")
    if text[passage.start : passage.end] != passage.quote:
        raise _fail("passage", key, "quote", "the quote differs from the source text there")


def _attribute_values(bundle: Bundle, attribute: str) -> set[str] | None:
    for record in bundle.attributes:
        if record.key == attribute:
            return {value.key for value in record.values}
    return None


def _check_passages(bundle: Bundle, keys: dict[str, set[str]]) -> None:
    sources = {source.key: source for source in bundle.sources}
    allowed = {name: _attribute_values(bundle, name) for name in ("tone", "epistemic")}
    for passage in bundle.passages:
        _check_ref("passage", passage.key, "source", passage.source, keys["source"], "source")
        _check_passage_text(passage, sources)
        for name, value in (("tone", passage.tone), ("epistemic", passage.epistemic)):
            values = allowed[name]
            if value is not None and (values is None or value not in values):
                raise _fail("passage", passage.key, name, f"undefined {name} value {value!r}")
        for link in passage.events:
            _check_ref("passage", passage.key, "events", link.event, keys["event"], "event")
        for coding in passage.codings:
            _check_ref("passage", passage.key, "codings", coding.code, keys["code"], "code")


def _check_claims(bundle: Bundle, passages: set[str], events: set[str]) -> None:
    for claim in bundle.claims:
        if claim.passage is not None:
            _check_ref("claim", claim.key, "passage", claim.passage, passages, "passage")
        elif not (claim.reference.strip() and claim.event):
            raise _fail(
                "claim",
                claim.key,
                "passage",
                "a claim without a passage must be a record value with its reference and event",
            )
        if claim.event is not None:
            _check_ref("claim", claim.key, "event", claim.event, events, "event")
        _check_date("claim", claim.key, "date", claim.date)
        for field, value in (("low", claim.low), ("high", claim.high)):
            if value is not None and not math.isfinite(value):
                raise _fail("claim", claim.key, field, f"{value} is not a finite number")
        if claim.kind == "number":
            if claim.low is None or claim.high is None:
                raise _fail("claim", claim.key, "low", "a number claim needs low and high")
            if claim.low > claim.high:
                raise _fail("claim", claim.key, "high", "high is below low")
        elif claim.kind == "statement":
            if claim.holds is None:
                raise _fail("claim", claim.key, "holds", "a statement claim needs holds")
        elif claim.date is None:
            raise _fail("claim", claim.key, "date", "a date claim needs a date")


def _all_keys(bundle: Bundle) -> dict[str, set[str]]:
    keys = {
        "lane": _unique_keys("lane", (r.key for r in bundle.lanes)),
        "era": _unique_keys("era", (r.key for r in bundle.eras)),
        "source": _unique_keys("source", (r.key for r in bundle.sources)),
        "event": _unique_keys("event", (r.key for r in bundle.events)),
        "code": _unique_keys("code", (r.key for r in bundle.codes)),
        "attribute": _unique_keys("attribute", (r.key for r in bundle.attributes)),
        "passage": _unique_keys("passage", (r.key for r in bundle.passages)),
        "claim": _unique_keys("claim", (r.key for r in bundle.claims)),
        "note": _unique_keys("note", (r.key for r in bundle.notes)),
        "relation": _unique_keys("relation", (r.key for r in bundle.relations)),
    }
    for attribute in bundle.attributes:
        _unique_keys(f"attribute '{attribute.key}' value", (v.key for v in attribute.values))
    return keys


def check_integrity(bundle: Bundle) -> None:
    """Raise ``FormatError`` unless every key is unique and every reference and date is sound."""
    keys = _all_keys(bundle)
    for era in bundle.eras:
        _check_span("era", era.key, era.start, era.end)
    for source in bundle.sources:
        _check_date("source", source.key, "published", source.published)
    for event in bundle.events:
        _check_span("event", event.key, event.start, event.end)
        _check_ref("event", event.key, "lane", event.lane, keys["lane"], "lane")
    _check_code_tree(bundle.codes, keys["code"])
    _check_passages(bundle, keys)
    _check_claims(bundle, keys["passage"], keys["event"])
    for note in bundle.notes:
        known = keys[note.target.kind]
        _check_ref("note", note.key, "target", note.target.key, known, note.target.kind)
    passages = keys["passage"]
    for relation in bundle.relations:
        _check_ref("relation", relation.key, "from", relation.from_passage, passages, "passage")
        _check_ref("relation", relation.key, "to", relation.to_passage, passages, "passage")
