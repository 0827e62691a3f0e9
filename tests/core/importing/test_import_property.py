"""Property: any bytes imported give ``failed`` or ``imported``, never an exception or a partial
write."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from db.library import Library
from db.wipe import wipe_library
from desktop.core.importing import ImportStatus, import_document
from desktop.io.documents import read_document
from tests.core.importing.helpers import snapshot

_EXTENSIONS = (".txt", ".md", ".html", ".xml", ".docx", ".pdf")


def test_random_bytes_import_or_fail_cleanly(sqlite_library: Library, tmp_path: Path) -> None:
    library = sqlite_library
    empty = snapshot(library)

    @settings(
        max_examples=25,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    )
    @given(data=st.binary(max_size=1024), extension=st.sampled_from(_EXTENSIONS))
    def check(data: bytes, extension: str) -> None:
        with library.unit_of_work() as uow:
            wipe_library(uow)
            uow.commit()
        path = tmp_path / f"random{extension}"
        path.write_bytes(data)
        outcome = import_document(library, path)
        assert outcome.status in (ImportStatus.FAILED, ImportStatus.IMPORTED)
        if outcome.status is ImportStatus.FAILED:
            assert outcome.reason and "Traceback" not in outcome.reason
            assert snapshot(library) == empty
            return
        expected = read_document(path).text
        with library.unit_of_work() as uow:
            (source,) = uow.sources.list()
        assert source.full_text == expected and source.key == outcome.source_key
        assert library.counts().passages == 0

    check()
