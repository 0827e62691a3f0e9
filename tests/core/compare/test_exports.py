from __future__ import annotations

import json
from dataclasses import replace
from html.parser import HTMLParser

from desktop.core.compare import (
    build_comparison,
    comparison_to_dict,
    comparison_to_html,
    comparison_to_markdown,
)
from desktop.core.compare.model import Comparison

from .scenario import AKTAU, build_library

HOSTILE = 'Officials said <script>alert("x")</script> and <img src=http://x> "quoted" & more'


class _TagCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _hostile_comparison() -> Comparison:
    lib = build_library()
    passages = tuple(
        replace(p, quote=HOSTILE, voice="<b>x</b>") if p.key == "eur-1" else p for p in lib.passages
    )
    sources = tuple(
        replace(s, outlet="EU <Reporter>") if s.key == "eureporter-2025" else s for s in lib.sources
    )
    return build_comparison(AKTAU, sources, passages, lib.codes, lib.claims, all_events=lib.events)


def test_html_escapes_source_text_and_loads_nothing() -> None:
    page = comparison_to_html(_hostile_comparison())
    assert "<script" not in page.lower() and "<img" not in page.lower()
    assert "&lt;script&gt;" in page and "&lt;img src=http://x&gt;" in page
    parser = _TagCollector()
    parser.feed(page)
    names = {tag for tag, _ in parser.tags}
    assert not names & {"script", "img", "link", "iframe", "object", "embed"}
    assert all("src" not in attrs and "href" not in attrs for _, attrs in parser.tags)
    assert HOSTILE in "".join(parser.text)
    assert "EU <Reporter>" in "".join(parser.text)
    assert "voice: &lt;b&gt;x&lt;/b&gt;" in page


def test_html_shows_the_discrepancy() -> None:
    page = comparison_to_html(_hostile_comparison())
    assert page.startswith("<!DOCTYPE html>")
    assert "at least 38 people" in page and "28 people" in page
    assert 'class="disagree"' in page


def test_markdown_escapes_and_reports() -> None:
    text = comparison_to_markdown(_hostile_comparison())
    assert "<script>" not in text and "\\<script\\>" in text
    assert text.startswith("# Azerbaijan Airlines flight 8243 crashes near Aktau")
    assert "**azal-8243.deaths**: disagree" in text
    assert "at least 38 people" in text and "28 people" in text
    blind = text.split("## Blind spots")[1].split("## Distinctive terms")[0]
    silent, before = blind.split("**Published before the event**")
    assert "Undated Blog" in silent and "Silent Weekly" not in silent
    assert "Silent Weekly" in before  # published before the event: listed apart, not as silent


def test_dict_is_json_ready_and_complete() -> None:
    data = comparison_to_dict(_hostile_comparison())
    again = json.loads(json.dumps(data))
    assert again["format"] == "parallax-comparison"
    assert again["discrepancies"] == ["azal-8243.deaths"]
    assert [p["header"]["source_key"] for p in again["panes"]] == ["eureporter-2025", "dw-2025"]
    assert again["panes"][0]["passages"][0]["quote"] == HOSTILE
    deaths = again["facts"][0]
    assert deaths["verdict"] == "disagree" and len(deaths["statements"]) == 2
    assert again["coverage"]["rows"][0]["event_key"] == "georgia-war-2008"
