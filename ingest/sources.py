"""Reading sources (files, folders, feeds) into articles.

>>> result = read_bytes(b"Intel rose.", source="a.txt")
>>> [a.text for a in result.articles]
['Intel rose.']
"""

from __future__ import annotations

import calendar
import io
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import feedparser

from ingest.documents import Article
from ingest.errors import NewsgraphError, SourceError

__all__ = ["SourceResult", "read_bytes", "read_sources"]


@dataclass(frozen=True)
class SourceResult:
    """The articles read from one source, and what went wrong there."""

    source: str
    articles: tuple[Article, ...] = ()
    errors: tuple[NewsgraphError, ...] = ()


def _is_feed(data: bytes) -> bool:
    head = data[:2048].lstrip().lower()
    return head.startswith(b"<?xml") or b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head


def _feed_articles(data: bytes, source: str) -> Iterator[Article]:
    parsed = feedparser.parse(io.BytesIO(data))
    publisher = parsed.feed.get("title") or None
    for entry in parsed.entries:
        link = entry.get("link")
        guid = entry.get("id") or link
        date = None
        if entry.get("published_parsed"):
            stamp = calendar.timegm(entry.published_parsed)
            date = time.strftime("%Y-%m-%d", time.gmtime(stamp))
        text = entry.get("summary", "")
        authors = tuple(a["name"] for a in entry.get("authors", []) if a.get("name"))
        yield Article(id=guid or text, text=text, source=link or source,
                      title=entry.get("title", ""), date=date, publisher=publisher,
                      authors=authors, link=link)


def read_bytes(data: bytes, *, source: str) -> SourceResult:
    """Read one document or feed from its bytes."""
    if not data.strip():
        return SourceResult(source, errors=(SourceError(source, "empty file"),))
    if _is_feed(data):
        return SourceResult(source, tuple(_feed_articles(data, source)))
    text = data.decode("utf-8", errors="replace")
    return SourceResult(source, (Article.from_text(text, source=source),))


def _files(path: Path) -> Iterator[Path]:
    if path.is_dir():
        yield from sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
    else:
        yield path


def read_sources(sources: Iterable[str]) -> list[SourceResult]:
    """Read every source, one result per file."""
    results = []
    for source in sources:
        for path in _files(Path(source)):
            try:
                data = path.read_bytes()
            except OSError as error:
                reason = SourceError(str(path), f"cannot read ({error.strerror})")
                results.append(SourceResult(str(path), errors=(reason,)))
                continue
            results.append(read_bytes(data, source=str(path)))
    return results
