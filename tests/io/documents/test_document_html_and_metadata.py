"""Article extraction from a real news page, and metadata from tags and header lines."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

from rapidfuzz import fuzz

from desktop.io.documents import read_document
from desktop.io.documents.html_meta import html_metadata
from desktop.io.documents.text_header import text_metadata
from tests.support import shared_path

NBC = "01_nbcnews_2024-12-06_korea_impeachment"


class _TextOnly(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def _visible_text(html: str) -> str:
    parser = _TextOnly()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


def test_news_page_yields_the_article_body_only() -> None:
    document = read_document(shared_path("realdata", f"{NBC}_source.html"))
    expected = _visible_text(shared_path("realdata", f"{NBC}_expected.html").read_text("utf-8"))
    ours = " ".join(document.text.split())
    assert fuzz.ratio(ours, expected) > 85
    assert ours.startswith("SEOUL, South Korea — A plan to impeach")
    # The page chrome (a video playlist) mentions the Azerbaijani airliner; the article does not.
    assert "Azerbaijani airliner" in shared_path("realdata", f"{NBC}_source.html").read_text()
    assert not re.search(r"Azerbaijan|airliner|Aktau", document.text)
    assert "<script" not in document.text and "function(" not in document.text


def test_news_page_metadata_matches_the_reference() -> None:
    document = read_document(shared_path("realdata", f"{NBC}_source.html"))
    reference = json.loads(shared_path("realdata", f"{NBC}_expected-metadata.json").read_text())
    meta = document.metadata
    assert document.title == reference["title"]
    assert meta.authors is not None
    assert ", ".join(meta.authors.value) == reference["byline"]
    assert meta.outlet is not None and meta.outlet.value == reference["siteName"]
    assert meta.language is not None and meta.language.value == reference["lang"]
    assert meta.published is not None
    assert meta.published.value == reference["publishedTime"][:10]
    assert meta.published.origin == "json-ld datePublished"
    assert meta.url is not None and meta.url.value.startswith("https://www.nbcnews.com/news/")


def test_citation_and_open_graph_tags() -> None:
    page = """<html lang="de"><head><title>Site | Story</title>
    <meta name="citation_title" content="Frozen Conflicts Revisited">
    <meta name="citation_author" content="Ana Popescu">
    <meta name="citation_author" content="Li Wei">
    <meta name="citation_publication_date" content="2019/06">
    <meta name="citation_journal_title" content="Caucasus Survey">
    <meta property="og:title" content="Ignored because citation_title wins">
    </head><body><p>Body.</p></body></html>"""
    meta = html_metadata(page)
    assert meta.title is not None and meta.title.value == "Frozen Conflicts Revisited"
    assert meta.authors is not None and meta.authors.value == ("Ana Popescu", "Li Wei")
    assert meta.published is not None and meta.published.value == "2019-06"
    assert meta.outlet is not None and meta.outlet.value == "Caucasus Survey"
    assert meta.language is not None and meta.language.value == "de"


def test_open_graph_fallbacks() -> None:
    page = """<html><head><title> Plain   title </title>
    <meta property="og:site_name" content="EU Reporter">
    <meta property="article:published_time" content="2025-03-10T08:15:00+01:00">
    <meta name="author" content="Taras Kuzio"></head><body></body></html>"""
    meta = html_metadata(page)
    assert meta.title is not None and meta.title.value == "Plain title"
    assert meta.title.origin == "html <title>"
    assert meta.published is not None and meta.published.value == "2025-03-10"
    assert meta.authors is not None and meta.authors.value == ("Taras Kuzio",)
    assert meta.outlet is not None and meta.outlet.value == "EU Reporter"


def test_header_block_of_a_real_corpus_text() -> None:
    document = read_document(shared_path("corpus", "kuzio-eureporter-2025-03-10.txt"))
    meta = document.metadata
    assert meta.authors is not None and meta.authors.value == ("Taras Kuzio",)
    assert meta.published is not None
    assert (meta.published.value, meta.published.origin) == ("2025-03-10", "text line 2")
    assert meta.outlet is not None and meta.outlet.value == "EU Reporter"
    assert meta.title is None


def test_header_dates_keep_their_precision() -> None:
    meta = text_metadata("A Title Line\nBy Jane Doe and John Roe\nMarch 2025\n\n" + "Body. " * 30)
    assert meta.published is not None and meta.published.value == "2025-03"
    assert meta.title is not None and meta.title.value == "A Title Line"
    assert meta.authors is not None and meta.authors.value == ("Jane Doe", "John Roe")
    year_only = text_metadata("Annual Review\nPublished: 2014\n")
    assert year_only.published is not None and year_only.published.value == "2014"


def test_text_without_a_header_proposes_nothing(tmp_path: Path) -> None:
    body = "This first line is an ordinary sentence of the article, long enough to be prose. " * 2
    path = tmp_path / "plain-article.txt"
    path.write_text(body + "\nMore text.\n", encoding="utf-8")
    document = read_document(path)
    assert document.metadata.published is None and document.metadata.authors is None
    assert document.title == "plain-article"


def test_a_page_read_again_and_again_keeps_its_article() -> None:
    """Each page is read on its own: paragraphs seen in earlier pages are not dropped."""
    path = shared_path("realdata", f"{NBC}_source.html")
    first = read_document(path).text
    for _ in range(4):
        assert read_document(path).text == first


def test_a_dateline_gives_the_publication_date() -> None:
    # the date under a title often comes with a label, a place or a clock time
    for line, day in (
        ("Opinion | 15 December 2024", "2024-12-15"),
        ("Brussels, 14 December 2023", "2023-12-14"),
        ("Last updated 2024-08-08 18:40", "2024-08-08"),
        ("Updated on 3 May 2024, 3:05 p.m. EST", "2024-05-03"),
        ("Published 12 May 2024 · 5 min read", "2024-05-12"),
    ):
        meta = text_metadata(f"Georgia's drift is Europe's problem\n{line}\n\n" + "Body. " * 20)
        assert meta.published is not None, line
        assert (meta.published.value, meta.published.origin) == (day, "text line 2")
        assert meta.title is not None
        assert meta.title.value == "Georgia's drift is Europe's problem"
        assert meta.authors is None


def test_a_sentence_with_a_dash_and_a_year_is_no_dateline() -> None:
    meta = text_metadata("A Title Line\nThe war began in 2008 - and it never ended\n\nBody.")
    assert meta.published is None
