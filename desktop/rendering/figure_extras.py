"""The files that travel with a figure: the sources it draws as BibTeX or CSL-JSON, and a
caption draft (range, counts, sources). Both are written atomically and checked."""

from __future__ import annotations

from pathlib import Path

from desktop.core.catalog import Catalog
from desktop.core.timeline.scale import TimeScale
from desktop.core.timeline.scene import TimelineScene
from desktop.io.formats.atomic import write_text_atomic
from desktop.io.formats.citations import bibtex, caption, csl_json
from desktop.model.source_identity import source_identity
from desktop.rendering.paint import footer_range, shown_count

BIB_SUFFIXES = (".bib", ".json")


def drawn_source_keys(scene: TimelineScene, scale: TimeScale) -> list[str]:
    """Keys of the sources with a dot under an event the picture shows, in legend order."""
    store, data = scene.store, scene.data
    inside = store.ids[(store.t_hi > scale.t0) & (store.t_lo < scale.t1)]
    used: set[int] = set()
    for item in inside.tolist():
        used.update(scene.sources_of(item))
    return [source.key for k, source in enumerate(data.sources) if k in used]


def write_extras(
    catalog: Catalog,
    scene: TimelineScene,
    scale: TimeScale,
    bib: str | None,
    caption_path: str | None,
) -> list[str]:
    """Write the ``bib`` and ``caption_path`` files asked for; returns the paths written.
    ValueError for a citation file that is neither .bib nor .json."""
    written = []
    keys = drawn_source_keys(scene, scale)
    records = [s for s in catalog.sources if s.key in keys]
    if bib:
        suffix = Path(bib).suffix.lower()
        if suffix not in BIB_SUFFIXES:
            raise ValueError(f"{Path(bib).name}: citations are written as .bib or .json")
        write_text_atomic(bib, bibtex(records) if suffix == ".bib" else csl_json(records))
        written.append(bib)
    if caption_path:
        text = caption(
            footer_range(scale),
            (shown_count(scene, scale), len(scene.data.lanes)),
            [(source_identity(s).label, s.key) for s in records],
        )
        write_text_atomic(caption_path, text)
        written.append(caption_path)
    return written
