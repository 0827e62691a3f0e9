"""How exported figures look: fonts embedded in PDF, soft edges alike in PNG and PDF (poppler,
and PDFium: the engine of Chrome's PDF viewer), a colour-blind-safe palette (deuteranopia
simulation), lanes apart in print without colour, and a few reference images compared with a
tolerance.

Reference images are rewritten with ``PARALLAX_UPDATE_REFERENCES=1`` (then look at them)."""

from __future__ import annotations

import itertools
import os
import subprocess
from pathlib import Path

import numpy as np
import pypdfium2
import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QImage, QPainter

from db.library import Library
from desktop.core.catalog import Catalog
from desktop.rendering.image_options import ImageRequest
from desktop.rendering.image_scene import SAFE_LANE_COLORS, day_range, prepare_scene
from desktop.rendering.image_themes import export_theme
from desktop.rendering.paint_shapes import SHAPES, draw_shape
from desktop.rendering.timeline_image import render_timeline_image

REFERENCE = Path(__file__).parent / "reference"
# Machado et al. (2009), deuteranopia at full severity, on linear RGB
DEUTERANOPIA = np.array(
    [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.01182, 0.04294, 0.968881]]
)


@pytest.fixture(scope="module")
def catalog(sample_library: Library) -> Catalog:
    return Catalog.load(sample_library)


def _pixels(path: Path) -> np.ndarray:
    image = QImage(str(path)).convertToFormat(QImage.Format.Format_RGB888)
    raw = np.frombuffer(image.constBits(), np.uint8)
    rows = raw.reshape(image.height(), image.bytesPerLine())[:, : image.width() * 3]
    return rows.reshape(image.height(), image.width(), 3).astype(int)


def _poppler(pdf: Path, dpi: int, out: Path) -> Path:
    subprocess.run(
        ["pdftoppm", "-png", "-r", str(dpi), "-singlefile", str(pdf), str(out)], check=True
    )
    return out.with_suffix(".png")


def test_pdf_embeds_every_font(qapp: object, catalog: Catalog, tmp_path: Path) -> None:
    path = tmp_path / "fig.pdf"
    request = ImageRequest(path=path, preset="journal-page", title="Neighbours")
    render_timeline_image(prepare_scene(catalog, request), request)
    listing = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True)
    rows = listing.stdout.splitlines()[2:]
    assert rows, listing.stdout
    for row in rows:
        assert row.split()[-5] == "yes", row  # the "emb" column


def test_soft_edges_look_the_same_in_png_and_in_poppler(
    qapp: object, catalog: Catalog, tmp_path: Path
) -> None:
    t0, t1 = day_range("Jun 2022", "Mar 2023")
    common = {
        "t0": t0,
        "t1": t1,
        "width": "120mm",
        "dpi": 100,
        "lanes": ("ukraine-moldova-belarus",),
    }
    png, pdf = tmp_path / "soft.png", tmp_path / "soft.pdf"
    for path in (png, pdf):
        request = ImageRequest(path=path, **common)  # type: ignore[arg-type]
        render_timeline_image(prepare_scene(catalog, request), request)
    a, b = _pixels(png), _pixels(_poppler(pdf, 100, tmp_path / "poppler"))
    height, width = min(a.shape[0], b.shape[0]), min(a.shape[1], b.shape[1])
    assert abs(a.shape[0] - b.shape[0]) <= 1 and abs(a.shape[1] - b.shape[1]) <= 1
    a, b = a[:height, :width], b[:height, :width]
    assert np.abs(a - b).mean() < 6.0  # the same picture, text antialiasing aside
    for pixels in (a, b):  # the month-precision bars fade: many shades of their colour
        red = (pixels[:, :, 0] > pixels[:, :, 2] + 25) & (pixels[:, :, 0] > 150)
        shades = {tuple(p) for p in pixels[red].tolist()}
        assert len(shades) >= 6


def _pdfium(pdf: Path, dpi: int) -> np.ndarray:
    """The first page as PDFium (Chrome's PDF viewer) draws it, RGB."""
    document = pypdfium2.PdfDocument(str(pdf))
    try:
        bitmap = document[0].render(scale=dpi / 72.0)
        bgr = bitmap.to_numpy()[:, :, :3]
    finally:
        document.close()
    return np.ascontiguousarray(bgr[:, :, ::-1]).astype(int)


def _seams(pixels: np.ndarray) -> int:
    """Pixels of bar rows drawn darker than both neighbours: seams between fade steps (a bar
    row: a quarter of the picture's width or more in colour)."""
    light = pixels.sum(axis=2)
    coloured = (pixels.max(axis=2) - pixels.min(axis=2)) > 20
    bar_rows = coloured.mean(axis=1) > 0.25
    dip = (light[:, 1:-1] < light[:, :-2] - 9) & (light[:, 1:-1] < light[:, 2:] - 9)
    inside = coloured[:, 1:-1] & coloured[:, :-2] & coloured[:, 2:]
    return int(np.count_nonzero((dip & inside)[bar_rows]))


def test_soft_edges_fade_without_seams_in_a_browser_pdf_viewer(
    qapp: object, catalog: Catalog, tmp_path: Path
) -> None:
    """PDFium smooths every rectangle's edge: fade steps drawn side by side leave darker seams
    where they meet; the figure must fade as smoothly there as in the PNG and in poppler."""
    t0, t1 = day_range("Jun 2022", "Mar 2023")
    png, pdf = tmp_path / "soft.png", tmp_path / "soft.pdf"
    for path in (png, pdf):
        request = ImageRequest(  # type: ignore[arg-type]
            path=path, t0=t0, t1=t1, width="120mm", dpi=300, lanes=("ukraine-moldova-belarus",)
        )
        render_timeline_image(prepare_scene(catalog, request), request)
    raster, chrome = _pixels(png), _pdfium(pdf, 300)
    assert abs(raster.shape[0] - chrome.shape[0]) <= 1
    assert abs(raster.shape[1] - chrome.shape[1]) <= 1
    height, width = min(raster.shape[0], chrome.shape[0]), min(raster.shape[1], chrome.shape[1])
    assert np.abs(raster[:height, :width] - chrome[:height, :width]).mean() < 6.0
    assert _seams(chrome) == 0
    assert _seams(_pixels(_poppler(pdf, 300, tmp_path / "poppler"))) == 0


def _lab(rgb: np.ndarray) -> np.ndarray:
    linear = np.where(rgb <= 0.04045, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)
    xyz = (
        linear
        @ np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]]).T
    )
    f = np.cbrt(xyz / np.array([0.95047, 1.0, 1.08883]))
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def _deuteranope_distance(colors: list[str]) -> float:
    """The smallest CIELAB distance between any two colours as a deuteranope sees them."""
    seen = []
    for color in colors:
        c = QColor(color)
        rgb = np.array([c.redF(), c.greenF(), c.blueF()])
        linear = np.where(rgb <= 0.04045, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)
        simulated = np.clip(DEUTERANOPIA @ linear, 0, 1)
        srgb = np.where(
            simulated <= 0.0031308, 12.92 * simulated, 1.055 * simulated ** (1 / 2.4) - 0.055
        )
        seen.append(_lab(srgb))
    return min(float(np.linalg.norm(p - q)) for p, q in itertools.combinations(seen, 2))


def test_default_lane_palette_stays_apart_for_deuteranopes(catalog: Catalog) -> None:
    lanes = len(catalog.lanes)
    safe = _deuteranope_distance(list(SAFE_LANE_COLORS[:lanes]))
    own = _deuteranope_distance([lane.color for lane in catalog.lanes])
    assert safe > 15.0  # clearly distinct
    assert own < safe  # control: the library's own colours merge (red, orange and pink)
    scene = prepare_scene(catalog, ImageRequest(Path("x.png"))).scene
    assert [lane.color for lane in scene.data.lanes] == list(SAFE_LANE_COLORS[:lanes])


def _mask(shape: int) -> np.ndarray:
    image = QImage(24, 24, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    draw_shape(painter, QPointF(12, 12), shape, 14.0, QColor("black"))
    painter.end()
    raw = np.frombuffer(image.constBits(), np.uint8).reshape(24, 24, 4)
    return raw[:, :, 0] < 128


def test_print_theme_tells_lanes_apart_without_colour(
    qapp: object, catalog: Catalog, tmp_path: Path
) -> None:
    assert export_theme("print").shapes and not export_theme("light").shapes
    masks = [_mask(k) for k in range(len(SHAPES))]
    for a, b in itertools.combinations(masks, 2):
        assert (a != b).sum() > 10  # every lane's marker has its own outline
    path = tmp_path / "print.png"
    request = ImageRequest(path=path, theme="print", width="1200px", dpi=96, legend=False)
    render_timeline_image(prepare_scene(catalog, request), request)
    pixels = _pixels(path)
    spread = pixels.max(axis=2) - pixels.min(axis=2)
    assert (spread > 40).mean() < 0.002  # grey lanes; only the tiny source dots keep colour


REFERENCE_CASES = {
    "journal-column": {"preset": "journal-column", "dpi": 96},
    "print-page": {"preset": "journal-page", "dpi": 72, "theme": "print"},
    "dark-2020s": {"width": "900px", "dpi": 96, "theme": "dark", "importance": 2},
}


@pytest.mark.parametrize("name", sorted(REFERENCE_CASES))
def test_reference_images_match_within_a_tolerance(
    qapp: object, catalog: Catalog, tmp_path: Path, name: str
) -> None:
    options = dict(REFERENCE_CASES[name])
    if name == "dark-2020s":
        options["t0"], options["t1"] = day_range("2020", "2025")
    path = tmp_path / f"{name}.png"
    request = ImageRequest(path=path, **options)  # type: ignore[arg-type]
    render_timeline_image(prepare_scene(catalog, request), request)
    reference = REFERENCE / f"{name}.png"
    if os.environ.get("PARALLAX_UPDATE_REFERENCES") == "1":
        reference.write_bytes(path.read_bytes())
    made, kept = _pixels(path), _pixels(reference)
    assert made.shape == kept.shape
    difference = np.abs(made - kept).sum(axis=2)
    assert difference.mean() < 4.0 and (difference > 96).mean() < 0.01
