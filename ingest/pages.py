"""HTML to plain text: feed descriptions, titles, and the main text of article pages.

:func:`html_to_text` is a small, safe converter for snippets (feed descriptions and titles):
scripts, styles and their content go, block elements become line breaks, entities are
unescaped. :func:`read_page` finds the main text, title, date and authors of a whole article
page with trafilatura when it is installed, and falls back to :func:`html_to_text` otherwise.

>>> html_to_text("<p>Chips <b>rose</b>.</p><script>alert(1)</script><p>Then fell.</p>")
'Chips rose.\\nThen fell.'
>>> clean_line(" ASML\\u2028beats <i>forecasts</i> ")
'ASML beats forecasts'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import unescape
from html.parser import HTMLParser
from typing import Any

__all__ = ["Page", "clean_line", "clean_text", "html_to_text", "read_page"]

_SKIPPED = frozenset({"script", "style", "noscript", "template", "iframe", "object", "svg",
                      "head", "title", "button", "select", "textarea", "form", "nav", "footer"})
_BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption",
    "figure", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "ol", "p",
    "pre", "section", "table", "td", "th", "tr", "ul"
})
#: Characters that break a line in Unicode but not for most tools: line/paragraph separators,
#: NEL, vertical tab, form feed.
_ODD_BREAKS = re.compile(r"[\u2028\u2029\x85\x0b\x0c]")
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\ufeff\u200b\ud800-\udfff\ufffe\uffff]")
_MARKUP = re.compile(r"<[A-Za-z/!?]")


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self.skipping.append(tag)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.skipping:
            while self.skipping and self.skipping.pop() != tag:
                pass
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    """Plain text of an HTML snippet, one line per block, scripts and styles dropped.

    Text without markup is only cleaned (see :func:`clean_text`), so a literal ``a < b``
    survives.

    Examples
    --------
    >>> html_to_text("Tom &amp; Jerry<br>Inc.")
    'Tom & Jerry\\nInc.'
    >>> html_to_text("<script>alert(1)</script></script>News")
    'News'
    >>> html_to_text("Shares rose 3% as a < b")
    'Shares rose 3% as a < b'
    """
    if not _MARKUP.search(markup):
        return clean_text(unescape(markup))
    collector = _TextCollector()
    collector.feed(markup)
    collector.close()
    return re.sub(r"\n+", "\n", clean_text("".join(collector.parts)))


def clean_text(text: str) -> str:
    """Normalise whitespace: odd line breaks to newlines, controls and what XML cannot hold
    (lone surrogates, U+FFFE, U+FFFF: a feed's character references may name them) dropped,
    blank runs folded.

    >>> clean_text("  a\\u2028b \\t c\\n\\n\\n\\nd\\x00 ")
    'a\\nb c\\n\\nd'
    """
    text = _CONTROLS.sub("", _ODD_BREAKS.sub("\n", text.replace("\r\n", "\n").replace("\r", "\n")))
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def clean_line(text: str) -> str:
    """One line of plain text (a title, a name): markup dropped, all whitespace one space.

    >>> clean_line("<script>x()</script>Chips <b>up</b>\\n")
    'Chips up'
    """
    return " ".join(html_to_text(text).split())


@dataclass(frozen=True)
class Page:
    """What an article page holds: its main text and what the page says about itself."""

    text: str
    title: str = ""
    date: str | None = None
    authors: tuple[str, ...] = ()
    publisher: str | None = None


def read_page(html: str, *, url: str | None = None) -> Page:
    """The main text, title, date, authors and site name of an article page.

    Uses trafilatura (boilerplate removal, metadata from ``<meta>`` and JSON-LD) when it is
    installed; otherwise the page's ``<title>`` and the text of its body. The text does not
    repeat the title as its first line.

    Examples
    --------
    >>> page = read_page("<html><head><title>Chips</title></head><body><article><h1>Chips"
    ...                  "</h1><p>Intel rose sharply on Monday after results.</p></article>"
    ...                  "</body></html>")
    >>> page.title, page.text
    ('Chips', 'Intel rose sharply on Monday after results.')
    """
    page = _read_with_trafilatura(html, url=url) if _trafilatura() is not None else None
    if page is None or not page.text:
        page = _read_plainly(html)
    if page.title and page.text.startswith(page.title):
        rest = page.text[len(page.title):]
        if rest[:1] == "\n" or not rest:
            page = Page(rest.strip(), page.title, page.date, page.authors, page.publisher)
    return page


def _trafilatura() -> Any:
    try:
        import trafilatura
    except ImportError:  # pragma: no cover - trafilatura is a dependency; stay usable without
        return None
    return trafilatura


def _read_with_trafilatura(html: str, *, url: str | None) -> Page | None:
    trafilatura = _trafilatura()
    document = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        deduplicate=False,
        # Only dates the page states for itself, and never "today": the same page must give
        # the same date on any day.
        date_extraction_params={
            "extensive_search": False,
            "original_date": True,
            "max_date": "2999-12-31",
        },
    )
    if document is None:
        return None
    text = clean_text(document.text or "")
    authors = tuple(
        name for part in (document.author or "").split(";") if (name := clean_line(part))
    )
    return Page(
        text=text,
        title=clean_line(document.title or ""),
        date=document.date or None,
        authors=authors,
        publisher=clean_line(document.sitename or "") or None,
    )


_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
_BODY = re.compile(r"<body\b[^>]*>(.*)", re.IGNORECASE | re.DOTALL)


def _read_plainly(html: str) -> Page:
    title_match = _TITLE.search(html)
    body_match = _BODY.search(html)
    body = body_match.group(1) if body_match else html
    return Page(
        text=html_to_text(body),
        title=clean_line(title_match.group(1)) if title_match else "",
    )
