"""A web page's own metadata (JSON-LD, Open Graph, microdata) names its title, date, outlet
and author ahead of the <title> line. The pages are small ones written for these tests."""

from __future__ import annotations

from pathlib import Path

from desktop.io.documents import read_document
from desktop.io.documents.html_meta import html_metadata
from tests.support import shared_path

_BODY = (
    "<body><nav>Home | World | Sport</nav><article><h1>{h1}</h1>"
    "<p>{p}</p><p>{p}</p><p>{p}</p></article></body></html>"
)
_PROSE = (
    "The regional council met on Monday to discuss the new bridge over the river, and the "
    "members agreed to ask the ministry for a second survey before any money is spent."
)


def _page(tmp_path: Path, name: str, head: str, h1: str = "Council meets") -> Path:
    path = tmp_path / name
    html = f"<html><head>{head}</head>" + _BODY.format(h1=h1, p=_PROSE)
    path.write_text(html, encoding="utf-8")
    return path


def test_json_ld_news_article_names_title_date_outlet_and_authors(tmp_path: Path) -> None:
    head = """<title>Portal - Latest News &amp; Headlines</title>
    <meta property="og:title" content="Open Graph title loses to JSON-LD">
    <script type="application/ld+json">
    {"@context": "https://schema.org", "@graph": [
      {"@type": "WebPage", "name": "Portal"},
      {"@type": ["NewsArticle"], "headline": "Council asks for a second bridge survey",
       "datePublished": "2024-05-14T09:30:00+03:00",
       "author": [{"@type": "Person", "name": "Mira Halloway"}, "Tomas Reid"],
       "publisher": "Riverside Courier"}]}
    </script>"""
    document = read_document(_page(tmp_path, "ld.html", head))
    meta = document.metadata
    assert document.title == "Council asks for a second bridge survey"
    assert meta.title is not None and meta.title.origin == "json-ld headline"
    assert meta.published is not None and meta.published.value == "2024-05-14"
    assert meta.authors is not None and meta.authors.value == ("Mira Halloway", "Tomas Reid")
    assert meta.outlet is not None
    assert (meta.outlet.value, meta.outlet.origin) == ("Riverside Courier", "json-ld publisher")


def test_open_graph_and_article_tags_come_before_the_title_line(tmp_path: Path) -> None:
    head = """<title>Portal - Latest News &amp; Headlines</title>
    <meta property="og:title" content="Bridge survey delayed again">
    <meta property="og:site_name" content="Valley Post">
    <meta property="article:published_time" content="2023-11-02T18:00:00Z">
    <meta name="author" content="Ilse Varga">"""
    document = read_document(_page(tmp_path, "og.html", head))
    meta = document.metadata
    assert document.title == "Bridge survey delayed again"
    assert meta.published is not None and meta.published.value == "2023-11-02"
    assert meta.outlet is not None and meta.outlet.value == "Valley Post"
    assert meta.authors is not None and meta.authors.value == ("Ilse Varga",)


def test_microdata_and_a_date_written_in_words(tmp_path: Path) -> None:
    head = """<title>Town hall | Valley Post</title>
    <meta itemprop="headline" content="Town hall reopens after repairs">
    <meta itemprop="datePublished" content="7 March 2022">"""
    meta = read_document(_page(tmp_path, "micro.html", head)).metadata
    assert meta.title is not None and meta.title.value == "Town hall reopens after repairs"
    assert meta.published is not None
    assert (meta.published.value, meta.published.origin) == (
        "2022-03-07",
        "html meta datepublished",
    )


def test_a_time_element_marked_as_the_publication_date() -> None:
    page = """<html><head><title>Notes</title></head><body><article>
    <time itemprop="datePublished" datetime="2021-08-30">30 August</time>
    <p>Text.</p></article></body></html>"""
    meta = html_metadata(page)
    assert meta.published is not None and meta.published.value == "2021-08-30"


def test_a_russian_page_with_json_ld(tmp_path: Path) -> None:
    head = """<title>Новости дня</title>
    <script type="application/ld+json">
    {"@type": "NewsArticle", "headline": "Совет попросил повторно обследовать мост",
     "datePublished": "14 мая 2024 г.", "author": {"name": "Ирина Лаптева"},
     "publisher": {"@type": "Organization", "name": "Речной вестник"}}
    </script>"""
    prose = (
        "Совет района собрался в понедельник, чтобы обсудить новый мост через реку. "
        "Депутаты решили попросить министерство о повторном обследовании."
    )
    path = tmp_path / "ru.html"
    html = f"<html lang='ru'><head>{head}</head>" + _BODY.format(h1="Совет", p=prose)
    path.write_text(html, encoding="utf-8")
    document = read_document(path)
    meta = document.metadata
    assert document.title == "Совет попросил повторно обследовать мост"
    assert meta.published is not None and meta.published.value == "2024-05-14"
    assert meta.authors is not None and meta.authors.value == ("Ирина Лаптева",)
    assert meta.outlet is not None and meta.outlet.value == "Речной вестник"
    assert meta.language is not None and meta.language.value == "ru"


def test_an_absurd_or_unreadable_date_is_not_proposed() -> None:
    page = """<html><head><title>T</title>
    <meta property="article:published_time" content="soon">
    <meta name="date" content="31 February 2020"></head><body></body></html>"""
    assert html_metadata(page).published is None


def test_the_real_news_page_keeps_its_metadata() -> None:
    page = shared_path("realdata", "01_nbcnews_2024-12-06_korea_impeachment_source.html")
    meta = read_document(page).metadata
    assert meta.title is not None and meta.title.origin == "json-ld headline"
    assert meta.published is not None and meta.published.value == "2024-12-06"
    assert meta.outlet is not None and meta.outlet.value == "NBC News"
