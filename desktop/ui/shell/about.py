"""Help > About: version, licences of what we bundle, and where the dataset comes from."""

from __future__ import annotations

from html import escape
from importlib.metadata import PackageNotFoundError, version

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from db.library import Library
from desktop.core import reads
from desktop.core.catalog import Catalog

LICENCES = (
    "<p><b>Licences.</b> Parallax is free software under the MIT licence. Its toolbar icons "
    "were drawn for Parallax and share that licence. Parallax bundles no fonts; it uses the "
    "fonts of your system. It is built on Qt for Python (LGPLv3), SQLAlchemy and Alembic "
    "(MIT), python-dateutil (Apache 2.0 / BSD).</p>"
)


def app_version() -> str:
    """The installed package's version, or "development" when running from a checkout."""
    try:
        return version("parallax")
    except PackageNotFoundError:
        return "development"


def dataset_html(library: Library, catalog: Catalog) -> str:
    """The library's attribution note and its sources, each with outlet, date and link."""
    attribution = reads.meta(library, "attribution")
    parts = ["<p><b>Sources in this library.</b></p>"]
    if attribution:
        parts.append(f"<p>{escape(attribution)}</p>")
    if not catalog.sources:
        parts.append("<p><i>This library has no sources yet.</i></p>")
        return "".join(parts)
    items = []
    for source in catalog.sources:
        bits = [escape(source.title)]
        if source.outlet:
            bits.append(escape(source.outlet))
        if source.published:
            bits.append(escape(source.published))
        link = (
            f' — <a href="{escape(source.url, quote=True)}">{escape(source.url)}</a>'
            if source.url
            else ""
        )
        items.append(f"<li>{', '.join(bits)}{link}</li>")
    parts.append(f"<ul>{''.join(items)}</ul>")
    return "".join(parts)


def about_html(library: Library, catalog: Catalog) -> str:
    return (
        f"<h2>Parallax</h2><p>Version {escape(app_version())}</p>"
        "<p>A research workbench: events on a zoomable timeline, sources side by side, "
        "annotation and export.</p>" + LICENCES + dataset_html(library, catalog)
    )


class AboutDialog(QDialog):
    def __init__(self, library: Library, catalog: Catalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("About Parallax")
        layout = QVBoxLayout(self)
        self.text = QTextBrowser(self)
        self.text.setAccessibleName("About Parallax")
        self.text.setOpenExternalLinks(True)
        self.text.setHtml(about_html(library, catalog))
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(620, 520)
