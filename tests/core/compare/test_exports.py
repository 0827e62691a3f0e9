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


def _labelled_comparison() -> Comparison:
    """EU Reporter stored as "EUR" in its own colour; the undated blog (a blind spot) as
    "Blog"."""
    lib = build_library()
    stored = {"eureporter-2025": ("EUR", "#123456"), "silent-undated": ("Blog", "#654321")}
    sources = tuple(
        replace(s, label=stored[s.key][0], color=stored[s.key][1]) if s.key in stored else s
        for s in lib.sources
    )
    return build_comparison(
        AKTAU, sources, lib.passages, lib.codes, lib.claims, all_events=lib.events
    )


def test_reports_name_sources_by_their_short_label_and_colour() -> None:
    """Pane headers, facts, frames, blind spots and terms say "EUR", as the timeline legend
    does; the outlet's full name stays in the pane's line of details."""
    comparison = _labelled_comparison()
    page = comparison_to_html(comparison)
    text = "".join(_text_of(page))
    assert "EU Reporter:" not in text and "Undated Blog:" not in text
    assert "EU Reporter · EU Reporter staff" in text  # the pane's details name the outlet
    assert '<h3><span style="color:#123456">●</span> EUR</h3>' in page
    assert '<th><span style="color:#123456">●</span> EUR</th>' in page  # frames column
    assert '<span style="color:#654321">●</span> Blog: ' in page  # a blind spot
    assert text.count("EUR: ") >= 2  # a statement of a fact, the distinctive terms
    markdown = comparison_to_markdown(comparison)
    assert "EU Reporter:" not in markdown and "### EUR: " in markdown
    assert "- EUR: " in markdown.split("## Facts")[1]  # the statements
    blind = markdown.split("## Blind spots")[1].split("## Distinctive terms")[0]
    assert "- Blog: " in blind and "Undated Blog:" not in blind


def _text_of(page: str) -> list[str]:
    parser = _TagCollector()
    parser.feed(page)
    return parser.text
