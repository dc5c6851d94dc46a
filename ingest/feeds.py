"""Feeds (RSS 0.9x/1.0/2.0, Atom, RDF) to articles, and OPML lists to feed URLs.

Parsing is feedparser's, given bytes in a ``BytesIO`` (never a string it might open or fetch).
Each item is one :class:`~newsgraph.ingest.documents.Article`: its title, its link (``http(s)``
only), its date (the ``YYYY-MM-DD`` the publisher wrote), its authors, the channel title as
publisher, and its content or description as plain text. A feed that parses with errors
("bozo") still gives the items that could be read; one with no item is an error.

>>> feed = b'''<rss version="2.0"><channel><title>Chip Wire</title>
... <item><title>ASML beats</title><link>https://example.com/asml</link>
... <pubDate>Thu, 16 Apr 2026 23:30:00 -0400</pubDate><author>Jo Li</author>
... <description>&lt;p&gt;Orders &lt;b&gt;rose&lt;/b&gt;.&lt;/p&gt;</description></item>
... </channel></rss>'''
>>> [article] = read_feed(feed, source="wire.xml")
>>> article.title, article.date, article.authors, article.publisher, article.text
('ASML beats', '2026-04-16', ('Jo Li',), 'Chip Wire', 'Orders rose.')
>>> article.id == article.source == article.link == "https://example.com/asml"
True
"""

from __future__ import annotations

import email.utils
import hashlib
import io
import re
import time
import xml.etree.ElementTree as ET
from datetime import datetime
from typing import Any
from xml.sax import SAXParseException

import feedparser

from newsgraph.errors import EmptySourceError, FeedError, Messages
from newsgraph.ingest.decoding import decode, strip_prolog
from newsgraph.ingest.documents import Article, calendar_date, without_userinfo
from newsgraph.ingest.pages import clean_line, html_to_text

__all__ = ["feed_kind", "item_date", "item_to_article", "opml_feeds", "parse_feed", "read_feed"]

_KINDS = {
    "rss090": "RSS 0.90", "rss091n": "RSS 0.91", "rss091u": "RSS 0.91", "rss092": "RSS 0.92",
    "rss093": "RSS 0.93", "rss094": "RSS 0.94", "rss20": "RSS 2.0", "rss10": "RSS 1.0",
    "rss": "RSS", "atom01": "Atom 0.1", "atom02": "Atom 0.2", "atom03": "Atom 0.3",
    "atom10": "Atom 1.0", "atom": "Atom", "cdf": "CDF",
}
_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>")
_CHAR_REFERENCE = re.compile(r"&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));")
_BY = re.compile(r"^\s*by\s+", re.IGNORECASE)


def feed_kind(version: str) -> str:
    """A readable name for feedparser's ``version``.

    >>> feed_kind("rss20"), feed_kind("atom10"), feed_kind("")
    ('RSS 2.0', 'Atom 1.0', 'XML')
    """
    return _KINDS.get(version, "XML")


def read_feed(
    data: bytes, *, source: str, content_type: str | None = None
) -> tuple[Article, ...]:
    """Every item of a feed as an :class:`~newsgraph.ingest.documents.Article`, in document order.

    Parameters
    ----------
    data : bytes
        The feed, as read or fetched.
    source : str
        Where it came from: the ``source`` of items without a link, and of errors.
    content_type : str, optional
        The HTTP ``Content-Type``, whose charset counts as declared.

    Raises
    ------
    DecodeError
        The bytes are not text.
    FeedError
        The XML is broken before any item could be read.
    EmptySourceError
        The feed is well formed but has no item.
    """
    parsed = parse_feed(data, source=source, content_type=content_type)
    kind = feed_kind(parsed.get("version", ""))
    if not parsed.entries:
        if parsed.bozo:
            raise FeedError(source, Messages.MALFORMED_FEED.format(
                kind=kind if kind != "XML" else "RSS/Atom", reason=_bozo_reason(parsed)))
        raise EmptySourceError(source, Messages.EMPTY_FEED.format(kind=kind))
    publisher = clean_line(parsed.feed.get("title", "")) or None
    articles = tuple(
        article
        for entry in parsed.entries
        if (article := item_to_article(entry, source=source, publisher=publisher)).title
        or article.text
    )
    if not articles:
        raise EmptySourceError(
            source, Messages.BLANK_ITEMS.format(kind=kind, count=_items(len(parsed.entries)))
        )
    return articles


def parse_feed(data: bytes, *, source: str, content_type: str | None = None) -> Any:
    """feedparser's result for ``data``, decoded by :func:`~newsgraph.ingest.decoding.decode` first.

    The text goes to feedparser re-encoded as UTF-8 with a matching declaration, so that
    encodings feedparser does not detect (GB18030 without a declaration) read right.
    """
    text = decode(data, source=source, content_type=content_type)
    text = _CHAR_REFERENCE.sub(_character_reference, _XML_DECLARATION.sub("", text, 1))
    payload = '<?xml version="1.0" encoding="utf-8"?>\n' + text
    try:
        return feedparser.parse(
            io.BytesIO(payload.encode("utf-8")),
            sanitize_html=True,
            resolve_relative_uris=True,
        )
    except Exception as error:  # feedparser's loose parser has raised on odd input before
        reason = " ".join(str(error).split()) or type(error).__name__
        raise FeedError(source, Messages.MALFORMED_FEED.format(
            kind="RSS/Atom", reason=f"the feed parser failed: {reason}")) from error


def _character_reference(match: re.Match[str]) -> str:
    """A numeric character reference as it is, or ``&#xFFFD;`` for one of no character.

    feedparser raises on references to surrogates or past U+10FFFF (``&#xD800;``,
    ``&#99999999999999999999;``): they become the replacement character.

    >>> _CHAR_REFERENCE.sub(_character_reference, "&#xD800; &#x110000; &#9999999999; &#233;")
    '&#xFFFD; &#xFFFD; &#xFFFD; &#233;'
    """
    hexadecimal, decimal = match.groups()
    digits = (hexadecimal or decimal).lstrip("0")
    if len(digits) > 8:
        return "&#xFFFD;"
    code = int(digits or "0", 16 if hexadecimal else 10)
    if 0xD800 <= code <= 0xDFFF or code > 0x10FFFF:
        return "&#xFFFD;"
    return match.group(0)


def _bozo_reason(parsed: Any) -> str:
    error = parsed.get("bozo_exception")
    if error is None:
        return "not well-formed XML"
    if isinstance(error, SAXParseException):
        where = f"line {error.getLineNumber()}, column {error.getColumnNumber()}"
        return f"{where}: {' '.join(error.getMessage().split())}"
    return " ".join(str(error).split()) or type(error).__name__


def item_to_article(entry: Any, *, source: str, publisher: str | None = None) -> Article:
    """One feedparser entry as an :class:`~newsgraph.ingest.documents.Article`.

    The id is the item's guid, else its link, else ``sha256:`` of its title and text.
    ``source`` is the item's link, or the feed's ``source`` when it has none. Links other
    than ``http(s)`` (``javascript:``, ``data:``) are dropped.
    """
    title = clean_line(entry.get("title", ""))
    text = _item_text(entry)
    link = _http_link(entry.get("link"))
    guid = without_userinfo(" ".join(str(entry.get("id") or "").split()))
    if not guid:
        guid = link or "sha256:" + hashlib.sha256(f"{title}\n{text}".encode()).hexdigest()
    return Article(
        id=guid,
        text=text,
        source=link or source,
        title=title,
        date=item_date(entry),
        publisher=publisher,
        authors=_authors(entry),
        link=link,
    )


def _item_text(entry: Any) -> str:
    summary = html_to_text(entry.get("summary", "") or "")
    contents = [html_to_text(part.get("value", "") or "") for part in entry.get("content", [])]
    longest = max(contents, key=len, default="")
    return longest if len(longest) > len(summary) else summary


def _http_link(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    link = value.strip()
    scheme, sep, rest = link.partition("://")
    if scheme.lower() not in ("http", "https") or not sep or not rest.split("/", 1)[0]:
        return None
    if any(c.isspace() or not c.isprintable() for c in link):
        return None
    return without_userinfo(link)  # a password in a link is written nowhere


def _authors(entry: Any) -> tuple[str, ...]:
    names: list[str] = []
    for author in entry.get("authors", []) or []:
        name = clean_line(str(author.get("name", "") or "")) if hasattr(author, "get") else ""
        name = _BY.sub("", name)
        if name and name not in names:
            names.append(name)
    if not names and (single := _BY.sub("", clean_line(str(entry.get("author", "") or "")))):
        names.append(single)
    return tuple(names)


def item_date(entry: Any) -> str | None:
    """The ``YYYY-MM-DD`` an item was published (or updated), as the publisher wrote it.

    The date is read from the raw string in the publisher's own time zone (an item stamped
    ``23:30 -0400`` is of that day, not of the next day in UTC); feedparser's UTC parse is
    the fallback for formats only it knows.

    >>> item_date({"published": "Sat, 19 Jan 2019 03:57:29 -0500"})
    '2019-01-19'
    >>> item_date({"updated": "2024-05-02T23:00:00-07:00"})
    '2024-05-02'
    >>> item_date({}) is None
    True
    """
    for key in ("published", "updated", "created"):
        # dict.get: feedparser's own get maps a missing "updated" to "published", warning
        raw = dict.get(entry, key)
        if isinstance(raw, str) and raw.strip() and (day := _parse_day(raw.strip())):
            return day
        parsed = dict.get(entry, f"{key}_parsed")
        if isinstance(parsed, time.struct_time) and 1 <= parsed.tm_year <= 9999:
            return time.strftime("%Y-%m-%d", parsed)
    return None


def _parse_day(raw: str) -> str | None:
    try:
        return calendar_date(email.utils.parsedate_to_datetime(raw).date().isoformat())
    except (TypeError, ValueError, IndexError, OverflowError):
        pass
    try:
        return calendar_date(datetime.fromisoformat(raw).date().isoformat())
    except ValueError:
        return None


def opml_feeds(data: bytes, *, source: str) -> tuple[str, ...]:
    """The feed URLs an OPML subscription list names, in document order, without repeats.

    Only ``http(s)`` URLs are kept. The DOCTYPE is removed before parsing, so no entity
    is declared, let alone expanded.

    >>> opml_feeds(b'''<opml version="2.0"><body>
    ... <outline text="Tech"><outline xmlUrl="https://example.com/a.xml"/></outline>
    ... <outline xmlUrl="https://example.com/a.xml"/><outline xmlUrl="file:///etc/passwd"/>
    ... </body></opml>''', source="subs.opml")
    ('https://example.com/a.xml',)

    Raises
    ------
    FeedError
        The OPML is not well-formed XML.
    EmptySourceError
        It names no ``http(s)`` feed.
    """
    text = decode(data, source=source)
    try:
        root = ET.fromstring(strip_prolog(text))
    except ET.ParseError as e:
        raise FeedError(source, Messages.MALFORMED_FEED.format(kind="OPML", reason=e)) from e
    urls: list[str] = []
    for outline in root.iter("outline"):
        attributes = {key.lower(): value for key, value in outline.attrib.items()}
        url = _http_link(attributes.get("xmlurl"))
        if url and url not in urls:
            urls.append(url)
    if not urls:
        raise EmptySourceError(source, Messages.EMPTY_OPML)
    return tuple(urls)


def _items(count: int) -> str:
    """``count`` items, in words: "1 item", "3 items"."""
    return f"{count} item" if count == 1 else f"{count} items"
