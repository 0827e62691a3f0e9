"""The one lookup of bundled files finds the repository's resources/ through the desktop package."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

import pytest

from desktop.io.resources import MissingResourceError, resource

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    "parts",
    [
        ("dataset", "russia-neighbourhood.parallax.json"),
        ("schema", "parallax-library.schema.json"),
        ("icons", "zoom-in.svg"),
    ],
)
def test_resource_is_the_repository_file_seen_through_the_package(parts: tuple[str, ...]) -> None:
    path = resource(*parts, must_exist=True)
    assert path.is_file()
    assert path.samefile(REPO / "resources" / Path(*parts))
    assert path.is_relative_to(Path(str(files("desktop"))))


def test_a_missing_resource_names_the_file_and_asks_for_a_reinstall() -> None:
    with pytest.raises(MissingResourceError, match=r"schema/nope\.json.*reinstall"):
        resource("schema", "nope.json", must_exist=True)


def test_without_must_exist_a_missing_file_fails_only_when_opened() -> None:
    path = resource("icons", "nope.svg")
    with pytest.raises(OSError):
        path.read_text(encoding="utf-8")
