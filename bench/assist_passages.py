"""Benchmark of passage offers on a long report: ``python -m bench.assist_passages``.

Loads the bundled dataset into a temporary library, takes the policy report's text from the
shared corpus (``../shared/corpus``, as the import tests do) and times ``offer_passages`` over
it for every event of the library, as if the report were linked to all of them: the case where
per-sentence work repeated per event shows. Prints the best of ``--repeat`` runs (wall and
CPU time), the sentences and events, and the offers found with a digest to compare runs.
"""

from __future__ import annotations

import argparse
import hashlib
import tempfile
import time
from pathlib import Path

from db.library import open_library
from desktop.core.assist.library_view import read_source_view
from desktop.core.assist.passages import offer_passages
from desktop.core.assist.suggesting import _topic
from desktop.core.importing.body import article_body
from desktop.core.sample import load_sample
from desktop.core.suggest.sentences import split_sentences
from tests.support import shared_path

SOURCE = "jankowski-bouvery-2022"
REPORT = "jankowski-bouvery-policy-report-2022-12.txt"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        library = open_library(str(Path(folder) / "bench.sqlite"))
        load_sample(library)
        view = read_source_view(library, SOURCE)
        library.dispose()
    text = shared_path("corpus", REPORT).read_text(encoding="utf-8")
    topics = [_topic(view, event) for event in view.events.values()]
    body = article_body(text)
    best, cpu = float("inf"), float("inf")
    offers = []
    for _ in range(max(1, args.repeat)):
        began, began_cpu = time.perf_counter(), time.process_time()
        offers = offer_passages(text, topics, (), body)
        best = min(best, time.perf_counter() - began)
        cpu = min(cpu, time.process_time() - began_cpu)
    sentences = len(split_sentences(text[body[0] : body[1]]))
    print(f"source: {SOURCE} ({len(text)} characters, {sentences} sentences)")
    digest = hashlib.sha1(repr(offers).encode("utf-8")).hexdigest()[:12]
    print(f"events: {len(topics)}; offers: {len(offers)} (digest {digest})")
    runs = max(1, args.repeat)
    print(f"offer_passages: {best * 1000:.0f} ms wall, {cpu * 1000:.0f} ms CPU (best of {runs})")


if __name__ == "__main__":
    main()
