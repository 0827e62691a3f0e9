"""A library holding the bundled dataset, shared by the export UI tests (read only)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from db.library import Library, open_library
from desktop.core.sample import load_sample


@pytest.fixture(scope="module")
def sample_library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    library = open_library(str(tmp_path_factory.mktemp("sample") / "sample.sqlite"))
    load_sample(library)
    try:
        yield library
    finally:
        library.dispose()
