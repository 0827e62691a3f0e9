"""Convert between ``Bundle`` records and plain JSON values (dicts, lists, strings, numbers).

``bundle_to_document`` writes every field, so the document is complete and the same bundle
always gives the same document. ``document_to_bundle`` expects a document that has passed the
JSON schema; absent optional fields take the dataclass defaults. Numbers declared ``float`` are
converted to float so that ``3`` and ``3.0`` read back equal.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable
from functools import cache
from typing import Any, Union

from desktop.io.formats.bundle import FORMAT_NAME, FORMAT_VERSION, Bundle

__all__ = ["bundle_to_document", "document_to_bundle", "record_from_json", "record_to_json"]


def _json_name(f: dataclasses.Field[Any]) -> str:
    return str(f.metadata.get("json", f.name))


def record_to_json(record: Any) -> Any:
    """A dataclass record (or tuple/scalar) as JSON values; ``text=None`` sources omit text."""
    if dataclasses.is_dataclass(record) and not isinstance(record, type):
        out: dict[str, Any] = {}
        for f in dataclasses.fields(record):
            value = getattr(record, f.name)
            if (f.name == "text" and value is None) or f.metadata.get("skip"):
                continue  # a source without full text simply has no "text"
            out[_json_name(f)] = record_to_json(value)
        return out
    if isinstance(record, tuple):
        return [record_to_json(item) for item in record]
    return record


def bundle_to_document(bundle: Bundle) -> dict[str, Any]:
    """The whole library document, with ``format`` and ``version``."""
    document: dict[str, Any] = {"format": FORMAT_NAME, "version": FORMAT_VERSION}
    document.update(record_to_json(bundle))
    return document


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


type _Converter = Callable[[Any], Any] | None  # None: the JSON value is kept as it is


def _as_float(value: Any) -> Any:
    return float(value) if isinstance(value, int) and not isinstance(value, bool) else value


@cache
def _converter(hint: Any) -> _Converter:
    """How a JSON value becomes a value of ``hint``, decided once per type hint."""
    origin = typing.get_origin(hint)
    if origin in (Union, types.UnionType):
        (inner_hint,) = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        inner = _converter(inner_hint)
        if inner is None:
            return None
        return lambda value: None if value is None else inner(value)
    if origin is tuple:
        item = _converter(typing.get_args(hint)[0])
        if item is None:
            return tuple
        return lambda value: tuple(map(item, value))
    if dataclasses.is_dataclass(hint):
        return _reader(hint)  # type: ignore[arg-type]
    if hint is float:
        return _as_float
    return None


@cache
def _reader(cls: type) -> Callable[[dict[str, Any]], Any]:
    """A function building a ``cls`` from its JSON object, with each field's converter found
    once (a 100k-event library is read in a fraction of the time of a per-value look-up)."""
    hints = _hints(cls)
    plan = [(f.name, _json_name(f), _converter(hints[f.name])) for f in dataclasses.fields(cls)]

    def read(data: dict[str, Any]) -> Any:
        kwargs: dict[str, Any] = {}
        for name, json_name, convert in plan:
            if json_name in data:
                value = data[json_name]
                kwargs[name] = value if convert is None else convert(value)
        return cls(**kwargs)

    return read


def record_from_json[T](cls: type[T], data: dict[str, Any]) -> T:
    """Build a record of ``cls`` from a schema-valid JSON object."""
    record: T = _reader(typing.cast(type, cls))(data)
    return record


def document_to_bundle(document: dict[str, Any]) -> Bundle:
    """The bundle of a schema-valid library document (``format``/``version`` are not kept)."""
    body = {k: v for k, v in document.items() if k not in ("format", "version")}
    return record_from_json(Bundle, body)
