"""Timeline images: size, dpi, range, pixels where the scale puts events, SVG text, PDF pages,
no blank band, no label past the edge, the footer's count, failures."""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree as ET

import numpy as np
import pytest
from pypdf import PdfReader
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QRawFont

from db.library import Library
from desktop.core.catalog import Catalog
from desktop.core.timeline.scene import TimelineScene
from desktop.model.dates import HistDate, from_day_number
from desktop.rendering.image_options import ImageRequest
from desktop.rendering.image_scene import (
    ExportFilter,
    PreparedScene,
    day_range,
    library_scene,
    prepare_scene,
)
from desktop.rendering.paint import (
    FOOTER_PX,
    SPARE_PX,
    footer_text,
    legend_layout,
    paint_timeline,
)
from desktop.rendering.timeline_image import (
    ExportCancelledError,
    plan_image,
    render_timeline_image,
)

GEORGIA = QColor("#d1495b")
SOUTH_CAUCASUS = QColor("#d98a1f")
SVG_NS = "{http://www.w3.org/2000/svg}"
LIBRARY_COLOURS = ExportFilter(palette="library")


@pytest.fixture(scope="module")
def scene(sample_library: Library) -> TimelineScene:
    return library_scene(sample_library, chosen=LIBRARY_COLOURS)


@pytest.fixture(scope="module")
def catalog(sample_library: Library) -> Catalog:
    return Catalog.load(sample_library)


def _near(a: QColor, b: QColor) -> bool:
    """Same hue (bars are drawn lighter than their lane colour), clearly coloured."""
    return a.hsvSaturation() > 60 and abs(a.hsvHue() - b.hsvHue()) <= 12


def _column_has(image: QImage, x: int, colour: QColor, half: int = 2) -> bool:
    return any(
        _near(image.pixelColor(xx, y), colour)
        for xx in range(max(0, x - half), min(image.width(), x + half + 1))
        for y in range(image.height())
    )


def test_png_width_in_pixels_mm_or_inches_carries_its_dpi(
    qapp: object, scene: TimelineScene, tmp_path: Path
) -> None:
    path = tmp_path / "t.png"
    for width, dpi, expected in (("1000px", 192, 1000), ("174mm", 300, 2055), ("2in", 150, 300)):
        render_timeline_image(scene, ImageRequest(path=path, width=width, dpi=dpi))
        image = QImage(str(path))
        assert image.width() == expected, width
        assert round(image.dotsPerMeterX() * 0.0254) == dpi  # the pHYs chunk
    with pytest.raises(ValueError, match="cannot read the size"):
        render_timeline_image(scene, ImageRequest(path=path, width="wide"))


def test_png_pixels_show_markers_and_bars_where_the_scale_puts_them(
    qapp: object, scene: TimelineScene, tmp_path: Path
) -> None:
    path = tmp_path / "t.png"
    scale = render_timeline_image(scene, ImageRequest(path=path, width=3000, dpi=96))
    image = QImage(str(path))
    assert image.width() == 3000
    dream = scale.x_of(HistDate.parse_edtf("2012-10-01").first_day())
    assert _column_has(image, round(dream), GEORGIA)  # the Georgian Dream election marker
    assert not _column_has(image, round(scale.x_of(HistDate(1980).first_day())), GEORGIA, 0)
    war = (HistDate.parse_edtf("1988-02").first_day() + HistDate(1994, 5, 12).end_day()) / 2
    assert _column_has(image, round(scale.x_of(war)), SOUTH_CAUCASUS)  # First Karabakh war bar
    assert not _column_has(image, round(scale.x_of(HistDate(1980).first_day())), SOUTH_CAUCASUS, 0)


def test_default_range_is_the_main_span_and_context_widens_it(
    qapp: object, catalog: Catalog, tmp_path: Path
) -> None:
    request = ImageRequest(path=tmp_path / "t.png")
    main = plan_image(prepare_scene(catalog, request), request).scale
    assert from_day_number(main.t0)[0] in (2007, 2008)  # the 2008 war, padded a little
    assert from_day_number(main.t1)[0] in (2025, 2026)
    wide = ImageRequest(path=tmp_path / "t.png", include_context=True)
    everything = plan_image(prepare_scene(catalog, wide), wide).scale
    assert from_day_number(everything.t0)[0] <= 1970  # Hafez al-Assad, 1970
    t0, t1 = day_range("2014", "2016")
    fixed = ImageRequest(path=tmp_path / "t.png", t0=t0, t1=t1)
    assert plan_image(prepare_scene(catalog, fixed), fixed).scale.t0 == t0


@pytest.mark.parametrize("preset", ["journal-column", "journal-page", "slide", "a4-landscape"])
def test_presets_leave_no_blank_band_and_no_label_past_the_edge_or_cut(
    qapp: object, catalog: Catalog, preset: str, tmp_path: Path
) -> None:
    request = ImageRequest(path=tmp_path / "t.png", preset=preset, dpi=96)
    prepared = prepare_scene(catalog, request)
    plan = plan_image(prepared, request)
    geometry, theme = plan.geometry, plan.theme
    image = QImage(round(geometry.width), round(geometry.height), QImage.Format.Format_RGB32)
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QPainter

    from desktop.rendering.text import text_cache

    painter = QPainter(image)
    rect = QRectF(0, 0, geometry.width, geometry.height)
    frame = paint_timeline(painter, prepared.scene, plan.scale, rect, theme, plan.options)
    painter.end()
    text = text_cache(theme.font)
    for label in frame.labels:
        whole = text.width(label.text)
        assert whole <= label.max_width, label.text  # never cut in a figure
        assert label.x >= 0.0 and label.x + whole <= geometry.width + 0.5, label.text
    note = footer_text(prepared.scene, plan.scale, titled=len(frame.labels))
    assert f"shown, {len(frame.labels)} with their title" in note  # the left-out ones counted
    lanes_end = frame.metrics.lane_top(len(prepared.scene.data.lanes))
    legend = legend_layout(prepared.scene, theme, geometry.width).rows * 22.0
    below = geometry.height - lanes_end - legend - FOOTER_PX - SPARE_PX
    assert -1.0 <= below <= 0.25 * geometry.height, (preset, below)  # no blank band


def test_journal_page_is_174_mm_wide_and_as_tall_as_its_content(
    qapp: object, catalog: Catalog, tmp_path: Path
) -> None:
    path = tmp_path / "fig.pdf"
    request = ImageRequest(path=path, preset="journal-page")
    render_timeline_image(prepare_scene(catalog, request), request)
    box = PdfReader(path).pages[0].mediabox
    assert round(float(box.width) / 72 * 25.4) == 174
    assert 60 < float(box.height) / 72 * 25.4 < 200  # follows the lanes, not a fixed page
    png = tmp_path / "fig.png"
    render_timeline_image(prepare_scene(catalog, request), ImageRequest(png, preset="slide"))
    image = QImage(str(png))
    assert (image.width(), image.height()) == (1920, 1080)


def test_height_forces_the_size(qapp: object, catalog: Catalog, tmp_path: Path) -> None:
    path = tmp_path / "t.png"
    request = ImageRequest(path=path, width="2000px", height="900px", dpi=150)
    render_timeline_image(prepare_scene(catalog, request), request)
    assert (QImage(str(path)).width(), QImage(str(path)).height()) == (2000, 900)


def test_footer_counts_the_events_shown_and_names_the_range(
    qapp: object, catalog: Catalog, tmp_path: Path
) -> None:
    t0, t1 = day_range("2020", "2021")
    request = ImageRequest(path=tmp_path / "t.png", t0=t0, t1=t1)
    prepared = prepare_scene(catalog, request)
    scale = plan_image(prepared, request).scale
    expected = sum(1 for e in catalog.events if e.t_hi > t0 and e.t_lo < t1)
    assert 0 < expected < len(catalog.events)
    note = footer_text(prepared.scene, scale)
    assert note.startswith("1 Jan 2020 – 1 Jan 2022")
    assert f"{expected} events shown" in note and "5 sources" in note


def test_importance_one_events_are_labelled_in_every_preset(
    qapp: object, catalog: Catalog, tmp_path: Path
) -> None:
    for preset in ("journal-page", "slide", "a4-landscape", "poster-a0"):
        request = ImageRequest(path=tmp_path / "t.pdf", preset=preset)
        prepared = prepare_scene(catalog, request)
        plan = plan_image(prepared, request)
        from PySide6.QtCore import QRectF
        from PySide6.QtGui import QPainter

        image = QImage(8, 8, QImage.Format.Format_RGB32)
        painter = QPainter(image)
        rect = QRectF(0, 0, plan.geometry.width, plan.geometry.height)
        frame = paint_timeline(painter, prepared.scene, plan.scale, rect, plan.theme, plan.options)
        painter.end()
        named = {label.text.split(" +")[0] for label in frame.labels}
        scale = plan.scale
        key = [
            e.title
            for e in catalog.events
            if e.importance == 1 and e.t_lo < scale.t1 and e.t_hi > scale.t0
        ]
        assert key and set(key) <= named, (preset, set(key) - named)


def test_svg_parses_and_keeps_titles_as_text(
    qapp: object, scene: TimelineScene, tmp_path: Path
) -> None:
    path = tmp_path / "t.svg"
    request = ImageRequest(path=path, width=3000, dpi=96, title="Neighbours")
    render_timeline_image(scene, request)
    root = ET.parse(path).getroot()
    texts = {"".join(t.itertext()).strip() for t in root.iter(f"{SVG_NS}text")}
    assert "Neighbours" in texts
    assert "Georgian Dream wins Georgia's parliamentary election" in texts
    assert "First Nagorno-Karabakh war" in texts
    assert root.get("viewBox", "").split()[2] == "3000"


def test_grid_lines_stop_at_the_lane_names(qapp: object, catalog: Catalog, tmp_path: Path) -> None:
    """In a vector file no grid line lies under a lane's name: lines left of the name's end
    start below its line (a PNG looks the same either way: the name has a backing)."""
    from desktop.rendering.text import text_cache

    path = tmp_path / "t.svg"
    request = ImageRequest(path=path, width="1366px", dpi=96)
    prepared = prepare_scene(catalog, request)
    plan = plan_image(prepared, request)
    render_timeline_image(prepared, request)
    image = QImage(8, 8, QImage.Format.Format_RGB32)
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QPainter

    painter = QPainter(image)
    rect = QRectF(0, 0, plan.geometry.width, plan.geometry.height)
    frame = paint_timeline(painter, prepared.scene, plan.scale, rect, plan.theme, plan.options)
    painter.end()
    small, metrics = text_cache(plan.theme.small_font), frame.metrics
    names = [
        (
            small.width(lane.name) + 10.0,
            metrics.lane_top(k),
            metrics.lane_top(k) + metrics.header_px,
        )
        for k, lane in enumerate(prepared.scene.data.lanes)
    ]
    lines = [
        (
            float(r.get("x", 0)),
            float(r.get("y", 0)),
            float(r.get("y", 0)) + float(r.get("height", 0)),
        )
        for r in ET.parse(path).getroot().iter(f"{SVG_NS}rect")
        if r.get("width") == "1"
    ]
    assert len(lines) > 20  # the grid's columns, lane by lane
    under = [
        (x, y0)
        for x, y0, y1 in lines
        for right, top, bottom in names
        if x < right and y0 < bottom - 0.5 and y1 > top + 0.5
    ]
    assert not under
    assert any(x < names[0][0] for x, _, _ in lines)  # such lines exist, below the name


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


def test_choosing_what_is_shown(qapp: object, catalog: Catalog, sample_library: Library) -> None:
    only = library_scene(sample_library, lanes=("georgia",))
    assert [lane.key for lane in only.data.lanes] == ["georgia"]
    with pytest.raises(ValueError, match="unknown lane key"):
        library_scene(sample_library, lanes=("atlantis",))
    key = [e.key for e in catalog.events if e.importance == 1]
    important = prepare_scene(catalog, ImageRequest(Path("x.png"), importance=1)).scene
    assert sorted(important.key_of(k) for k in important.store.ids.tolist()) == sorted(key)
    chosen = ("2024-azal-8243-crash", "2008-russo-georgian-war")
    picked = prepare_scene(catalog, ImageRequest(Path("x.png"), events=chosen)).scene
    assert sorted(picked.key_of(k) for k in picked.store.ids.tolist()) == sorted(chosen)
    minor = next(e.key for e in catalog.events if e.importance == 3)
    lit = prepare_scene(catalog, ImageRequest(Path("x.png"), importance=1, highlight=(minor,)))
    ids = lit.scene.data.id_of_key
    assert ids[minor] in lit.scene.selected and ids[minor] in lit.scene.store.ids.tolist()
    with pytest.raises(ValueError, match="unknown event key"):
        prepare_scene(catalog, ImageRequest(Path("x.png"), events=("nope",)))


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
        render_timeline_image(scene, ImageRequest(path=tmp_path / "t.png", width="2000mm"))
    assert list(tmp_path.iterdir()) == []


def test_prepared_scene_without_span_uses_every_event(
    qapp: object, scene: TimelineScene, tmp_path: Path
) -> None:
    request = ImageRequest(path=tmp_path / "t.png")
    scale = plan_image(PreparedScene(scene, None), request).scale
    assert from_day_number(scale.t0)[0] <= 1970
    assert np.isfinite(scale.t1)


def _design_width(text: str, family: str, pixels: float) -> float:
    """The width another renderer gives ``text``: the font's own advances, scaled linearly."""
    big = QFont(family)
    big.setPixelSize(200)
    raw = QRawFont.fromFont(big)
    advances = raw.advancesForGlyphIndexes(raw.glyphIndexesForString(text))
    return sum(a.x() for a in advances) * pixels / 200


def test_svg_labels_take_the_width_the_layout_gave_them(
    qapp: object, scene: TimelineScene, tmp_path: Path
) -> None:
    """Qt measures a fractional size with the glyphs of the whole one below: an SVG viewer drew
    11.4 px labels 4 % wider than the layout's room, into the count boxes beside them."""
    path = tmp_path / "t.svg"
    render_timeline_image(scene, ImageRequest(path=path, width=960, dpi=96))
    checked = 0
    for node in ET.parse(path).getroot().iter(f"{SVG_NS}text"):
        text, size = "".join(node.itertext()).strip(), float(node.get("font-size", "0"))
        if len(text) < 20:
            continue
        assert size == round(size), (text, size)
        font = QFont(node.get("font-family", ""))
        font.setPixelSize(round(size))
        laid_out = QFontMetricsF(font).horizontalAdvance(text)
        assert abs(_design_width(text, font.family(), size) - laid_out) < 0.015 * laid_out, text
        checked += 1
    assert checked > 10
