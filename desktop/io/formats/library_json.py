"""Read and write the Parallax library JSON document (docs/library-format.md).

``read_library_json`` accepts a path or the JSON text itself and returns a ``Bundle`` that has
passed the JSON schema (``resources/schema/parallax-library.schema.json``) and the referential
checks; anything else raises ``FormatError`` naming the record and field.
``write_library_json`` is deterministic (sorted keys, UTF-8 without escapes, LF, final newline)
and atomic. ``write`` then ``read`` gives an equal ``Bundle``.
"""

from __future__ import annotations

import json
import os
from functools import cache
from typing import Any

import jsonschema
import jsonschema_rs
from jsonschema.exceptions import ValidationError, best_match

from desktop.io.formats.atomic import write_text_atomic
from desktop.io.formats.bundle import Bundle
from desktop.io.formats.codec import bundle_to_document, document_to_bundle
from desktop.io.formats.errors import FormatError
from desktop.io.formats.integrity import check_integrity
from desktop.io.limits import read_regular_file
from desktop.io.resources import resource

__all__ = [
    "LIBRARY_SCHEMA",
    "dumps_library_json",
    "library_validator",
    "read_library_json",
    "write_library_json",
]

LIBRARY_SCHEMA = "parallax-library.schema.json"

_KIND_OF_LIST = {
    "lanes": "lane",
    "eras": "era",
    "sources": "source",
    "events": "event",
    "actors": "actor",
    "codes": "code",
    "attributes": "attribute",
    "passages": "passage",
    "claims": "claim",
    "notes": "note",
    "relations": "relation",
}


@cache
def library_validator() -> jsonschema.protocols.Validator:
    """The schema validator (loaded on first use, then cached)."""
    schema = json.loads(resource("schema", LIBRARY_SCHEMA).read_text(encoding="utf-8"))
    validator_cls = jsonschema.validators.validator_for(schema)
    validator_cls.check_schema(schema)
    return validator_cls(schema)


@cache
def _fast_validator() -> jsonschema_rs.Validator:
    """The same schema compiled by jsonschema-rs (Rust): it only says whether a document is
    valid, about 40x faster than ``jsonschema``, which then words the error of an invalid one."""
    schema = json.loads(resource("schema", LIBRARY_SCHEMA).read_text(encoding="utf-8"))
    return jsonschema_rs.validator_for(schema)


def _schema_check(document: Any) -> None:
    """Raise ``FormatError`` naming the first place ``document`` breaks the schema.

    A valid document (almost every one read) is passed by the compiled validator alone; for an
    invalid one ``jsonschema`` finds the most relevant error, so messages stay as they were."""
    if _fast_validator().is_valid(document):
        return
    error = best_match(library_validator().iter_errors(document))
    if error is not None:
        raise _schema_error(document, error)


def _where(document: Any, path: list[Any]) -> str:
    """Human name of the place an error is at: "event 'x' (events[3]): field 'start'"."""
    if len(path) >= 2 and path[0] in _KIND_OF_LIST and isinstance(path[1], int):
        record = document[path[0]][path[1]]
        key = (record.get("key") or record.get("name")) if isinstance(record, dict) else None
        name = _KIND_OF_LIST[path[0]]
        place = (
            f"{name} {key!r} ({path[0]}[{path[1]}])"
            if isinstance(key, str)
            else (f"{name} {path[0]}[{path[1]}]")
        )
        rest = path[2:]
    else:
        place, rest = "document", path
    if rest:
        place += ": field '" + ".".join(str(part) for part in rest) + "'"
    return place


def _schema_error(document: Any, error: ValidationError) -> FormatError:
    path = list(error.absolute_path)
    if error.validator == "required" and isinstance(error.instance, dict):
        missing = [name for name in error.validator_value if name not in error.instance]
        path = path + missing[:1]
    return FormatError(f"{_where(document, path)}: {error.message}")


def validate_document(document: Any) -> Bundle:
    """Schema-check, convert and integrity-check a parsed JSON document."""
    _schema_check(document)
    bundle = document_to_bundle(document)
    check_integrity(bundle)
    return bundle


def read_library_json(path_or_text: str | os.PathLike[str]) -> Bundle:
    """Read a library from a file path or from JSON text (a string starting with ``{``)."""
    if isinstance(path_or_text, str) and path_or_text.lstrip().startswith("{"):
        text, origin = path_or_text, "the JSON text"
    else:
        origin = str(path_or_text)
        try:
            text = read_regular_file(path_or_text, FormatError).decode("utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise FormatError(f"cannot read {origin}: {exc}") from exc
    try:
        document = json.loads(text)
    except RecursionError:
        raise FormatError(f"{origin}: JSON nested too deeply to read") from None
    except json.JSONDecodeError as exc:
        raise FormatError(f"{origin} is not JSON: line {exc.lineno}: {exc.msg}") from exc
    try:
        return validate_document(document)
    except RecursionError:
        raise FormatError(f"{origin}: JSON nested too deeply to read") from None


def dumps_library_json(bundle: Bundle) -> str:
    """The deterministic document text of ``bundle`` (not checked; see ``write_library_json``)."""
    document = bundle_to_document(bundle)
    return json.dumps(document, ensure_ascii=False, sort_keys=True, indent=2) + "\n"


def write_library_json(bundle: Bundle, path: str | os.PathLike[str]) -> None:
    """Check ``bundle`` (``FormatError`` if unsound) and write it atomically to ``path``."""
    check_integrity(bundle)
    text = dumps_library_json(bundle)
    _schema_check(json.loads(text))
    write_text_atomic(path, text)
