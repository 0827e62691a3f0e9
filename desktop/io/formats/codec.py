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


def _convert(hint: Any, value: Any) -> Any:
    origin = typing.get_origin(hint)
    if origin in (Union, types.UnionType):
        if value is None:
            return None
        (inner,) = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        return _convert(inner, value)
    if origin is tuple:
        item_hint = typing.get_args(hint)[0]
        return tuple(_convert(item_hint, item) for item in value)
    if dataclasses.is_dataclass(hint):
        return record_from_json(hint, value)  # type: ignore[arg-type]
    if hint is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    return value


def record_from_json[T](cls: type[T], data: dict[str, Any]) -> T:
    """Build a record of ``cls`` from a schema-valid JSON object."""
    hints = _hints(cls)  # type: ignore[arg-type]
    kwargs: dict[str, Any] = {}
    for f in dataclasses.fields(cls):  # type: ignore[arg-type]
        name = _json_name(f)
        if name in data:
            kwargs[f.name] = _convert(hints[f.name], data[name])
    return cls(**kwargs)


def document_to_bundle(document: dict[str, Any]) -> Bundle:
    """The bundle of a schema-valid library document (``format``/``version`` are not kept)."""
    body = {k: v for k, v in document.items() if k not in ("format", "version")}
    return record_from_json(Bundle, body)
