"""A comparison as plain JSON-ready data (dicts, lists, strings, numbers, None)."""

from __future__ import annotations

import dataclasses
from typing import Any

from desktop.core.compare.model import Comparison

FORMAT = "parallax-comparison"
VERSION = 1


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def comparison_to_dict(comparison: Comparison) -> dict[str, Any]:
    """Every field of the comparison, tuples as lists, plus ``format``/``version`` markers and a
    ``discrepancies`` list of the subjects whose claims disagree. ``json.dumps`` accepts it."""
    data: dict[str, Any] = {"format": FORMAT, "version": VERSION}
    data.update(_plain(comparison))
    data["discrepancies"] = [f.subject for f in comparison.discrepancies]
    return data
