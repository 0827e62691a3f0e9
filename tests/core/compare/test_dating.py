from __future__ import annotations

import pytest

from desktop.core.compare.dating import elapsed_text
from desktop.model.dates import HistDate


@pytest.mark.parametrize(
    ("event", "published", "expected"),
    [
        ("2008-08-07", "2025-07-20", "16 years 11 months after"),
        ("2008-08-07", "2025-07-01", "16 years 10 months after"),
        ("2008-08-07", "2025-07", "about 16 years 11 months after"),
        ("2008-08-07", "2008-08-07", "the same day"),
        ("2008-08-07", "2008-08-10", "3 days after"),
        ("2008-08-07", "2008-09-07", "1 month after"),
        ("2008-08-07", "2009-08-07", "1 year after"),
        ("2008-08-07", "2008-08", "the same month"),
        ("2008-08-07", "2012", "about 4 years after"),
        ("2008-08-07", "2008", "the same year"),
        ("2024-12-25", "2022-12", "about 2 years before"),
        ("2008-08-07", "2008-08-01", "6 days before"),
        ("2008-08-07", "2010-05-01~", "about 1 year 8 months after"),
    ],
)
def test_elapsed_text(event: str, published: str, expected: str) -> None:
    assert elapsed_text(HistDate.parse_edtf(event), HistDate.parse_edtf(published)) == expected
