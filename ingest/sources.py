"""SOURCE strings to articles: the entry point the command line calls.

A SOURCE is a file, a folder (read recursively, in sorted order, hidden files skipped, symbolic
links leading out of it refused), an ``http(s)`` URL, or an OPML list of feeds (lists within
lists are read up to :data:`MAX_OPML_DEPTH` deep, and a list that leads back to itself is
refused). A file is read by its content, never its name:
RSS/Atom/RDF is a feed whatever its extension, each item one
:class:`~newsgraph.ingest.documents.Article`; an HTML page is one article (its main text); anything
else that decodes as text is a text article (:meth:`~newsgraph.ingest.documents.Article.from_text`).

Nothing here stops a run: each SOURCE gives one :class:`SourceResult` with the articles that
could be read and one :class:`~newsgraph.errors.NewsgraphError` per part that could not.

>>> result = read_bytes(b"date 2024-05-02 Reuters\\n\\nChips\\n\\nIntel rose.", source="a.txt")
>>> [(a.title, a.date, a.publisher, a.text) for a in result.articles], result.errors
([('Chips', '2024-05-02', 'Reuters', 'Intel rose.')], ())
>>> read_bytes(b"", source="empty.txt").errors[0].line()
'empty.txt: is empty (expected a feed, an article page or a text; got 0 bytes)'
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from newsgraph.errors import (
    EmptySourceError,
    FeedError,
    FetchError,
    Messages,
    NewsgraphError,
    SourceError,
    TooLargeError,
)
from newsgraph.ingest.decoding import Kind, decode, root_name, sniff
from newsgraph.ingest.documents import Article, without_userinfo
from newsgraph.ingest.feeds import opml_feeds, parse_feed, read_feed
from newsgraph.ingest.pages import read_page
from newsgraph.ingest.web import Fetcher, is_url

__all__ = ["MAX_OPML_DEPTH", "SourceResult", "read_bytes", "read_file", "read_sources"]


_READ_CHUNK = 1 << 20
#: How many OPML lists deep a chain of lists (a list naming lists) is followed.
MAX_OPML_DEPTH = 3


@dataclass(frozen=True)
class SourceResult:
    """What one SOURCE gave: its articles in document order, and its errors.

    ``errors`` has one entry per failed source or sub-source (a file of a folder, a feed of
    an OPML list, an article page of a feed); the others are still read.
    """

    source: str
    articles: tuple[Article, ...] = ()
    errors: tuple[NewsgraphError, ...] = ()


@dataclass(frozen=True)
class _Context:
    """How sub-sources are read: with a fetcher (``read_sources``) or without (``read_bytes``)."""

    fetcher: Fetcher | None = None
    fetch_articles: bool = False
    max_bytes: int = 20_000_000
    #: The OPML lists being read, outermost first: the way to the current source.
    lists: tuple[str, ...] = ()
    #: Every URL an OPML list has led to so far, shared by the whole read: each is read once.
    listed: set[str] = dataclasses.field(default_factory=set, compare=False)


def read_sources(
    sources: Iterable[str],
    *,
    fetch_articles: bool = False,
    fetcher: Fetcher | None = None,
    max_bytes: int = 20_000_000,
) -> list[SourceResult]:
    """Read every SOURCE, in the order given, into articles and errors.

    Parameters
    ----------
    sources : iterable of str
        File paths, folders, ``http(s)`` URLs, OPML files.
    fetch_articles : bool
        Fetch each feed item's link and use the page's main text instead of the item's
        description (keeping the description, and recording the error, when that fails).
    fetcher : Fetcher, optional
        Fetches URLs; by default a :class:`~newsgraph.ingest.web.Fetcher` with ``max_bytes``.
    max_bytes : int
        Largest file read; larger ones are refused before they are read.

    Returns
    -------
    list of SourceResult
        One per SOURCE, in order.

    Examples
    --------
    >>> [result] = read_sources(["no/such/file.txt"])
    >>> result.articles, result.errors[0].line()
    ((), 'no/such/file.txt: does not exist (expected a file, a folder or an http(s) URL)')
    """
    context = _Context(fetcher or Fetcher(max_bytes=max_bytes), fetch_articles, max_bytes)
    # each SOURCE reads the feeds its OPML lists name once, whatever the other SOURCEs do
    return [_read_source(source, dataclasses.replace(context, listed=set()))
            for source in sources]


def read_bytes(data: bytes, *, source: str) -> SourceResult:
    """Read one document from bytes, by sniffing its content; no file or network I/O.

    Feeds give one article per item; HTML pages, text and markdown one article. An OPML list
    is only listed (its feeds are fetched by :func:`read_sources`).

    Examples
    --------
    >>> rss = b'<rss version="2.0"><channel><title>W</title></channel></rss>'
    >>> read_bytes(rss, source="w.xml").errors[0].line()
    'w.xml: is a feed (RSS 2.0) with no items (expected at least one <item> or <entry>)'
    """
    return _read_data(data, source, _Context())


def read_file(path: str, *, max_bytes: int = 20_000_000) -> bytes:
    """The bytes of a regular file, refused if larger than ``max_bytes``.

    The size is checked before reading, and the read stops one byte past the limit, so a
    huge file (or one growing) is never read whole.

    Raises
    ------
    SourceError
        Missing, not a regular file, or unreadable.
    TooLargeError
        Larger than ``max_bytes``.
    """
    try:
        info = os.stat(path)
    except FileNotFoundError as e:
        raise SourceError(path, Messages.NOT_FOUND) from e
    except OSError as e:
        raise SourceError(path, Messages.UNREADABLE.format(reason=e.strerror or e)) from e
    if not stat.S_ISREG(info.st_mode):
        raise SourceError(path, Messages.NOT_REGULAR)
    if info.st_size > max_bytes:
        raise TooLargeError(
            path, Messages.TOO_LARGE.format(limit=max_bytes, size=f"{info.st_size:,} bytes")
        )
    try:
        with open(path, "rb") as stream:
            chunks: list[bytes] = []
            size = 0
            while chunk := stream.read(min(_READ_CHUNK, max_bytes + 1 - size)):
                chunks.append(chunk)
                size += len(chunk)
                if size > max_bytes:
                    raise TooLargeError(
                        path, Messages.TOO_LARGE.format(limit=max_bytes, size="more")
                    )
    except OSError as e:
        raise SourceError(path, Messages.UNREADABLE.format(reason=e.strerror or e)) from e
    return b"".join(chunks)


def _read_source(source: str, context: _Context) -> SourceResult:
    if is_url(source):
        return _read_url(source, context)
    if os.path.isdir(source):
        return _read_folder(source, context)
    try:
        data = read_file(source, max_bytes=context.max_bytes)
    except NewsgraphError as e:
        return SourceResult(source, errors=(e,))
    return _read_data(data, source, context)


def _read_folder(folder: str, context: _Context) -> SourceResult:
    articles: list[Article] = []
    errors: list[NewsgraphError] = []
    seen_any = False
    for path, problem in _walk(folder):
        if problem is not None:
            errors.append(problem)
            continue
        seen_any = True
        result = _read_source(path, context)
        articles.extend(result.articles)
        errors.extend(result.errors)
    if not seen_any and not errors:
        errors.append(EmptySourceError(folder, Messages.EMPTY_FOLDER))
    return SourceResult(folder, tuple(articles), tuple(errors))


def _walk(folder: str) -> Iterator[tuple[str, SourceError | None]]:
    """Files under ``folder``, hidden ones (and hidden folders) skipped, sorted by path parts,
    each with None, or with the error that keeps it (or a subfolder) from being read.

    Symbolic links to folders are not followed (no loops); a symbolic link to a file outside
    ``folder`` is refused (a folder of news must not read ``/etc/passwd`` into the graph).
    """
    found: list[tuple[tuple[str, ...], str, SourceError | None]] = []
    inside = os.path.realpath(folder)

    def unreadable(error: OSError) -> None:
        path = str(error.filename or folder)
        reason = error.strerror or error
        problem = SourceError(path, Messages.UNREADABLE_FOLDER.format(reason=reason))
        found.append((Path(os.path.relpath(path, folder)).parts, path, problem))

    for root, dirs, files in os.walk(folder, onerror=unreadable):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in files:
            if not name.startswith("."):
                path = os.path.join(root, name)
                problem = None
                if os.path.islink(path):
                    target = os.path.realpath(path)
                    if os.path.commonpath([inside, target]) != inside:
                        problem = SourceError(path, Messages.LINK_OUTSIDE.format(target=target))
                found.append((Path(os.path.relpath(path, folder)).parts, path, problem))
    for _, path, problem in sorted(found, key=lambda entry: (entry[0], entry[1])):
        yield path, problem


def _read_url(url: str, context: _Context) -> SourceResult:
    fetcher = context.fetcher
    if fetcher is None:  # pragma: no cover - read_bytes never reaches URLs
        return SourceResult(url, errors=(FetchError(url, "cannot be fetched here"),))
    try:
        response = fetcher.fetch(url, conditional=True)
    except NewsgraphError as e:
        return SourceResult(url, errors=(e,))
    if response.not_modified:
        return SourceResult(url)
    return _read_data(response.content, url, context, content_type=response.content_type,
                      page_url=response.url)


def _read_data(
    data: bytes,
    source: str,
    context: _Context,
    *,
    content_type: str | None = None,
    page_url: str | None = None,
) -> SourceResult:
    """Read one document's bytes; ``page_url`` is set when they were fetched."""
    try:
        if not data:
            raise EmptySourceError(source, Messages.EMPTY_FILE)
        text = decode(data, source=source, content_type=content_type)
        if not text.strip():
            raise EmptySourceError(source, Messages.BLANK_FILE.format(size=len(data)))
        kind = sniff(text)
        if kind is Kind.FEED:
            return _read_feed(data, source, context, content_type=content_type)
        if kind is Kind.OPML:
            return _read_opml(data, source, context)
        if kind is Kind.HTML:
            return SourceResult(source, (_page_article(data, text, source, page_url),))
        if kind is Kind.XML:
            return _read_other_xml(data, text, source, context, content_type=content_type)
        if kind is Kind.JSON:
            raise SourceError(source, "is JSON data (expected a feed, an article page or a text)")
        article = Article.from_text(text, source=page_url or source)
        if not article.text:
            raise EmptySourceError(source, Messages.BLANK_FILE.format(size=len(data)))
        return SourceResult(source, (article,))
    except NewsgraphError as e:
        return SourceResult(source, errors=(e,))


def _page_article(data: bytes, text: str, source: str, page_url: str | None) -> Article:
    page = read_page(text, url=page_url)
    if not page.text:
        raise EmptySourceError(source, Messages.EMPTY_PAGE)
    return Article(
        id=without_userinfo(page_url) if page_url else "sha256:" + hashlib.sha256(data).hexdigest(),
        text=page.text,
        source=page_url or source,
        title=page.title,
        date=page.date,
        publisher=page.publisher,
        authors=page.authors,
        link=page_url,
    )


def _read_other_xml(
    data: bytes, text: str, source: str, context: _Context, *, content_type: str | None
) -> SourceResult:
    """XML with an unknown root: a feed if feedparser finds items in it, else an error."""
    parsed = parse_feed(data, source=source, content_type=content_type)
    if parsed.entries:
        return _read_feed(data, source, context, content_type=content_type)
    raise FeedError(source, Messages.NOT_A_FEED.format(root=root_name(text)))


def _read_feed(
    data: bytes, source: str, context: _Context, *, content_type: str | None
) -> SourceResult:
    articles = read_feed(data, source=source, content_type=content_type)
    if not (context.fetch_articles and context.fetcher is not None):
        return SourceResult(source, articles)
    errors: list[NewsgraphError] = []
    tried: set[str] = set()
    full = [_with_page(article, context.fetcher, errors, tried) for article in articles]
    return SourceResult(source, tuple(full), tuple(errors))


def _with_page(
    article: Article, fetcher: Fetcher, errors: list[NewsgraphError], tried: set[str]
) -> Article:
    """``article`` with the main text of its linked page, or as it is (recording why).

    A link several items share is fetched once (they are one article).
    """
    if not article.link or article.link in tried:
        return article
    tried.add(article.link)
    try:
        response = fetcher.fetch(article.link)
        text = decode(response.content, source=article.link,
                      content_type=response.content_type)
        if sniff(text) is not Kind.HTML:
            raise SourceError(article.link, f"is a {sniff(text).value} document, not an HTML "
                                            "article page")
        page = read_page(text, url=response.url)
        if not page.text:
            raise EmptySourceError(article.link, Messages.EMPTY_PAGE)
    except NewsgraphError as e:
        fallback = type(e)(e.source, Messages.ARTICLE_FALLBACK.format(reason=e.message))
        fallback.__cause__ = e
        errors.append(fallback)
        return article
    return dataclasses.replace(
        article,
        text=page.text,
        title=article.title or page.title,
        date=article.date or page.date,
        authors=article.authors or page.authors,
    )


def _read_opml(data: bytes, source: str, context: _Context) -> SourceResult:
    urls = opml_feeds(data, source=source)
    if context.fetcher is None:
        raise FeedError(source, f"is an OPML list of {len(urls)} feeds (read_sources fetches "
                                "them; read_bytes does no I/O)")
    if len(context.lists) >= MAX_OPML_DEPTH:
        way = " -> ".join((*context.lists, source))
        raise FeedError(source, Messages.OPML_TOO_DEEP.format(limit=MAX_OPML_DEPTH, way=way))
    inner = dataclasses.replace(context, lists=(*context.lists, source))
    articles: list[Article] = []
    errors: list[NewsgraphError] = []
    for url in urls:
        if url == source or url in context.lists:
            way = " -> ".join((*inner.lists[inner.lists.index(url):], url))
            errors.append(FeedError(url, Messages.OPML_CYCLE.format(way=way)))
            continue
        if url in context.listed:
            continue  # read already, through another list
        context.listed.add(url)
        result = _read_url(url, inner)
        articles.extend(result.articles)
        errors.extend(result.errors)
    return SourceResult(source, tuple(articles), tuple(errors))
