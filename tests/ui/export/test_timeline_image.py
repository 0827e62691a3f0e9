"""Timeline images: size, pixels where the scale puts events, SVG text, PDF pages, failures."""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QColor, QImage

from db.library import Library
from desktop.core.dates import HistDate
from desktop.core.timeline.scene import TimelineScene
from desktop.ui.export.image_options import ImageRequest
from desktop.ui.export.image_scene import day_range, library_scene
from desktop.ui.export.timeline_image import ExportCancelledError, render_timeline_image

GEORGIA = QColor("#d1495b")
SOUTH_CAUCASUS = QColor("#d98a1f")
SVG_NS = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def scene(sample_library: Library) -> TimelineScene:
    return library_scene(sample_library)


def _near(a: QColor, b: QColor) -> bool:
    """Same hue (bars are drawn lighter than their lane colour), clearly coloured."""
    return a.hsvSaturation() > 60 and abs(a.hsvHue() - b.hsvHue()) <= 12


def _column_has(image: QImage, x: int, colour: QColor, half: int = 2) -> bool:
    return any(
        _near(image.pixelColor(xx, y), colour)
        for xx in range(max(0, x - half), min(image.width(), x + half + 1))
        for y in range(image.height())
    )


def test_png_has_the_size_asked_for_and_scales_with_dpi(
    qapp: object, scene: TimelineScene, tmp_path: Path
) -> None:
    path = tmp_path / "t.png"
    render_timeline_image(scene, ImageRequest(path=path, width=1000, dpi=192))
    image = QImage(str(path))
    assert image.width() == 2000  # 1000 logical pixels at 192 dpi
    assert round(image.dotsPerMeterX() * 0.0254) == 192


def test_png_pixels_show_markers_and_bars_where_the_scale_puts_them(
    qapp: object, scene: TimelineScene, tmp_path: Path
) -> None:
    path = tmp_path / "t.png"
    scale = render_timeline_image(scene, ImageRequest(path=path, width=3000))
    image = QImage(str(path))
    assert image.width() == 3000
    dream = scale.x_of(HistDate.parse_edtf("2012-10-01").first_day())
    assert _column_has(image, round(dream), GEORGIA)  # the Georgian Dream election marker
    assert not _column_has(image, round(scale.x_of(HistDate(1980).first_day())), GEORGIA, 0)
    war = (HistDate.parse_edtf("1988-02").first_day() + HistDate(1994, 5, 12).end_day()) / 2
    assert _column_has(image, round(scale.x_of(war)), SOUTH_CAUCASUS)  # First Karabakh war bar
    assert not _column_has(image, round(scale.x_of(HistDate(1980).first_day())), SOUTH_CAUCASUS, 0)


def test_svg_parses_and_keeps_titles_as_text(
    qapp: object, scene: TimelineScene, tmp_path: Path
) -> None:
    path = tmp_path / "t.svg"
    render_timeline_image(scene, ImageRequest(path=path, width=3000, title="Neighbours"))
    root = ET.parse(path).getroot()
    texts = {"".join(t.itertext()).strip() for t in root.iter(f"{SVG_NS}text")}
    assert "Neighbours" in texts
    assert "Georgian Dream wins Georgia's parliamentary election" in texts
    assert "First Nagorno-Karabakh war" in texts
    assert root.get("viewBox", "").split()[2] == "3000"  # width 793.75mm: 3000 px at 96 dpi


@pytest.mark.parametrize(("page", "size"), [("A4", (842, 595)), ("A3", (1191, 842))])
def test_pdf_has_one_page_of_the_size_asked_for(
    qapp: object, scene: TimelineScene, tmp_path: Path, page: str, size: tuple[int, int]
) -> None:
    path = tmp_path / "t.pdf"
    t0, t1 = day_range("2020", "2023")
    render_timeline_image(scene, ImageRequest(path=path, page=page, t0=t0, t1=t1, title="Zoomed"))
    reader = PdfReader(path)
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == size
    text = reader.pages[0].extract_text()
    assert "Zoomed" in text and "2021" in text


def test_lanes_option_keeps_only_those_lanes(
    qapp: object, sample_library: Library, tmp_path: Path
) -> None:
    scene = library_scene(sample_library, lanes=("georgia",))
    assert [lane.key for lane in scene.data.lanes] == ["georgia"]
    with pytest.raises(ValueError, match="unknown lane key"):
        library_scene(sample_library, lanes=("atlantis",))


def test_unwritable_target_says_so_and_leaves_no_file(
    qapp: object, scene: TimelineScene, tmp_path: Path
) -> None:
    blocker = tmp_path / "plain-file"
    blocker.write_text("not a folder", encoding="utf-8")
    with pytest.raises(OSError):
        render_timeline_image(scene, ImageRequest(path=blocker / "t.png", width=500))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plain-file"]


def test_failed_or_cancelled_write_leaves_no_half_written_file(
    qapp: object, scene: TimelineScene, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QImage, "save", lambda *_args: False)
    with pytest.raises(OSError, match="could not write"):
        render_timeline_image(scene, ImageRequest(path=tmp_path / "t.png", width=500))
    with pytest.raises(ExportCancelledError):
        render_timeline_image(
            scene, ImageRequest(path=tmp_path / "t.svg", width=500), cancelled=lambda: True
        )
    assert list(tmp_path.iterdir()) == []


def test_too_large_raster_is_refused(qapp: object, scene: TimelineScene, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="too large"):
        render_timeline_image(scene, ImageRequest(path=tmp_path / "t.png", width=9000, dpi=300))
    assert list(tmp_path.iterdir()) == []
