"""Assemble the bundled dataset from hand-authored parts and the corpus it quotes.

Usage: ``python -m tools.dataset.build [--corpus DIR] [--output FILE]``.

Reads ``tools/dataset/parts/*.json``, anchors every passage quote in its corpus file (see
:mod:`tools.dataset.anchor` for how offsets are measured), merges ``parts/codebook.json`` when it
exists, checks the result (:mod:`tools.dataset.checks`, plus the JSON Schema when present) and
writes ``resources/dataset/russia-neighbourhood.parallax.json`` deterministically: same parts and
corpus, same bytes. Every event must have a second reference for its dates in
``tools/dataset/references.tsv`` (:mod:`tools.dataset.references`). Any anchoring or
consistency problem aborts the build with a non-zero exit and writes nothing. Full source texts
are never written into the output.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from tools.dataset.anchor import AnchorError, CorpusText, find_quote, read_corpus_text
from tools.dataset.checks import coverage, find_problems
from tools.dataset.references import ReferenceTableError, read_references, reference_problems

Record = dict[str, Any]

REPO_ROOT = Path(__file__).resolve().parents[2]
PARTS_DIR = Path(__file__).resolve().parent / "parts"
DEFAULT_CORPUS = REPO_ROOT.parent / "shared" / "corpus"
DEFAULT_OUTPUT = REPO_ROOT / "resources" / "dataset" / "russia-neighbourhood.parallax.json"
SCHEMA_PATH = REPO_ROOT / "resources" / "schema" / "parallax-library.schema.json"
CREATED = "2026-11-22"
NULLABLE_FIELDS = frozenset({"end", "low", "high", "date", "parent", "file", "published"})
AUTHORING_ONLY_FIELDS = frozenset({"occurrence"})

META: Record = {
    "title": "Russia's neighbourhood, 2008-2025",
    "description": (
        "How Russia's hold on the former Soviet space loosened between the Russo-Georgian war "
        "(7 August 2008) and the Armenia-Azerbaijan peace declaration at the White House "
        "(8 August 2025), told through five documents that frame the same events differently. "
        "Events and summaries are the Parallax team's own; passages are short attributed "
        "quotations anchored by offset, context and the SHA-256 of the source file."
    ),
    "created": CREATED,
    "license": (
        "Event records, summaries, codings and claims: CC BY 4.0, Parallax team. Quoted passages "
        "remain the work of their authors and are included as short quotations for research and "
        "criticism; the full source texts are not distributed."
    ),
    "attribution": (
        "Quotations from: Michael Ashcroft, ConservativeHome (August 2025); Deutsche Welle, "
        "'Ukraine war shakes up geopolitics in other ex-Soviet states' (August 2025); an "
        "unnamed news digest of a Bloomberg report, 'Putin is losing influence in the post-Soviet "
        "space' (c. January 2023); Tancrede Jankowski and Armel Bouvery, 'Geopolitical Upheaval "
        "in the Post-Soviet Space' (policy report, c. December 2022); Taras Kuzio, EU Reporter "
        "(10 March 2025)."
    ),
}


def load_part(name: str, parts_dir: Path = PARTS_DIR) -> Any:
    """Parse ``parts_dir/name`` as JSON."""
    return json.loads((parts_dir / name).read_text(encoding="utf-8"))


def load_codebook(parts_dir: Path = PARTS_DIR) -> tuple[list[Record], list[Record]]:
    """Codes and attributes from ``codebook.json``, or two empty lists when it is absent."""
    path = parts_dir / "codebook.json"
    if not path.exists():
        return [], []
    book = json.loads(path.read_text(encoding="utf-8"))
    return list(book.get("codes", [])), list(book.get("attributes", []))


def clean(record: Record) -> Record:
    """Drop authoring-only fields and ``None`` values the format does not allow to be null."""
    return {
        key: value
        for key, value in record.items()
        if key not in AUTHORING_ONLY_FIELDS and (value is not None or key in NULLABLE_FIELDS)
    }


def read_corpus(sources: list[Record], corpus_dir: Path) -> dict[str, CorpusText]:
    """Read each source's corpus file, keyed by source key; missing files abort the build."""
    texts = {}
    for source in sources:
        path = corpus_dir / source["file"]["name"]
        if not path.is_file():
            raise FileNotFoundError(f"corpus file for {source['key']} not found: {path}")
        texts[source["key"]] = read_corpus_text(path)
    return texts


def build_sources(sources: list[Record], texts: dict[str, CorpusText]) -> list[Record]:
    """Sources with ``file.sha256`` filled from the raw bytes and no full text."""
    built = []
    for source in sources:
        record = {k: v for k, v in source.items() if k != "text"}
        corpus = texts[source["key"]]
        record["file"] = {"name": corpus.name, "sha256": corpus.sha256}
        built.append(clean(record))
    return sorted(built, key=lambda s: s["key"])


def anchor_passages(passages: list[Record], texts: dict[str, CorpusText]) -> list[Record]:
    """Passages with ``start``, ``end``, ``quote``, ``prefix`` and ``suffix`` filled in.

    Raises AnchorError naming the passage when a quote is missing or ambiguous.
    """
    built = []
    for passage in passages:
        corpus = texts[passage["source"]]
        try:
            anchor = find_quote(corpus.text, passage["quote"], passage.get("occurrence"))
        except AnchorError as exc:
            raise AnchorError(f"passage {passage['key']}: {exc}") from exc
        record = clean(passage)
        record.update(
            start=anchor.start,
            end=anchor.end,
            quote=anchor.quote,
            prefix=anchor.prefix,
            suffix=anchor.suffix,
        )
        built.append(record)
    return sorted(built, key=lambda p: (p["source"], p["start"], p["key"]))


def assemble(corpus_dir: Path, parts_dir: Path = PARTS_DIR) -> Record:
    """Build the whole library document in memory (no checks, no writing)."""
    sources = load_part("sources.json", parts_dir)
    texts = read_corpus(sources, corpus_dir)
    codes, attributes = load_codebook(parts_dir)
    events = [clean(e) for e in load_part("events.json", parts_dir)]
    return {
        "format": "parallax-library",
        "version": 1,
        "meta": dict(META),
        "lanes": sorted(load_part("lanes.json", parts_dir), key=lambda lane: lane["position"]),
        "eras": [],
        "sources": build_sources(sources, texts),
        "events": sorted(events, key=lambda e: (e["start"], e["key"])),
        "actors": sorted(load_part("actors.json", parts_dir), key=lambda a: a["name"]),
        "codes": [clean(c) for c in codes],
        "attributes": attributes,
        "passages": anchor_passages(load_part("passages.json", parts_dir), texts),
        "claims": sorted(
            (clean(c) for c in load_part("claims.json", parts_dir)),
            key=lambda c: (c["subject"], c["key"]),
        ),
        "notes": [],
        "relations": [],
    }


def schema_problems(library: Record, schema_path: Path = SCHEMA_PATH) -> list[str]:
    """JSON Schema violations, or an empty list when the schema file is absent."""
    if not schema_path.exists():
        return []
    import jsonschema  # local import: only the build needs it

    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    return [
        f"schema: {'/'.join(map(str, e.absolute_path))}: {e.message}"
        for e in validator.iter_errors(library)
    ]


def report(library: Record, texts_changed: list[str]) -> str:
    """Coverage figures for the console."""
    cov = coverage(library)
    lines = [
        f"passages: {len(library['passages'])}, events: {len(library['events'])}, "
        f"claims: {len(library['claims'])}"
    ]
    lines += [f"  {source}: {n} passages" for source, n in sorted(cov.passages_per_source.items())]
    lines.append(
        f"events quoted by >=2 sources: {cov.events_with_two_plus}; "
        f">=3 sources: {cov.events_with_three_plus}"
    )
    lines.append(
        "corpus normalisation (BOM/CRLF/NFC) changed: "
        + (", ".join(texts_changed) if texts_changed else "nothing")
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point; returns the process exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args(argv)
    try:
        library = assemble(args.corpus)
        references = read_references()
    except (AnchorError, FileNotFoundError, UnicodeDecodeError, ReferenceTableError) as exc:
        print(f"build failed: {exc}", file=sys.stderr)
        return 1
    problems = find_problems(library) + schema_problems(library)
    problems += reference_problems(library["events"], references)
    if problems:
        print("build failed:\n  " + "\n  ".join(problems), file=sys.stderr)
        return 1
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(library, ensure_ascii=False, indent=1) + "\n", "utf-8")
    sources = load_part("sources.json")
    changed = [n for n, t in read_corpus(sources, args.corpus).items() if t.normalised_changed]
    print(report(library, changed))
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
