"""The build cache: every extraction a graph folder was built from, one JSON line each.

Building into a folder adds to what it holds: documents seen before are not read again,
and the graph is rebuilt from all extractions, so building A then B equals building A and B.

Examples
--------
>>> import io
>>> from newsgraph.ingest.documents import Article, Extraction
>>> x = Extraction(Article(id="a1", text="Hi", source="a.txt"))
>>> buffer = io.BytesIO()
>>> write_extractions([x], buffer)
>>> read_extractions(io.BytesIO(buffer.getvalue())) == [x]
True
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import IO

from newsgraph.ingest.documents import Article, Extraction

__all__ = [
    "CACHE_NAME",
    "is_seen",
    "read_extractions",
    "read_lines",
    "seen_keys",
    "write_extractions",
]

#: The cache's file name inside a graph folder.
CACHE_NAME = "documents.jsonl"


def read_extractions(stream: IO[bytes]) -> list[Extraction]:
    """Read the extractions of a cache file."""
    return [extraction for extraction, _ in read_lines(stream)]


def read_lines(stream: IO[bytes]) -> list[tuple[Extraction, bytes]]:
    """Read the extractions of a cache file, each with its line as written.

    Handing the lines back to :func:`write_extractions` spares serialising again what the
    cache already holds: adding a few documents to a large graph then writes only theirs.

    >>> import io
    >>> from newsgraph.ingest.documents import Article, Extraction
    >>> buffer = io.BytesIO()
    >>> write_extractions([Extraction(Article(id="a1", text="Hi", source="a.txt"))], buffer)
    >>> [(x.article.id, line[:12]) for x, line in read_lines(io.BytesIO(buffer.getvalue()))]
    [('a1', b'{"article": ')]
    """
    found = []
    for line in stream:
        if line.strip():
            found.append((Extraction.from_dict(json.loads(line)), line.rstrip(b"\r\n")))
    return found


def write_extractions(
    extractions: Iterable[Extraction], stream: IO[bytes], *,
    lines: Mapping[str, bytes] | None = None,
) -> None:
    """Write extractions as JSON lines, sorted by article id.

    ``lines`` maps an article id to its line as :func:`read_lines` read it; those are
    written as they are, the others serialised.
    """
    known = lines or {}
    for extraction in sorted(extractions, key=lambda x: x.article.id):
        line = known.get(extraction.article.id)
        if line is None:
            text = json.dumps(extraction.to_dict(), ensure_ascii=False, sort_keys=True)
            line = text.encode("utf-8")
        stream.write(line + b"\n")


def seen_keys(extractions: Iterable[Extraction]) -> set[str]:
    """The ids and links of the articles already in a cache."""
    keys = set()
    for extraction in extractions:
        keys.add(extraction.article.id)
        if extraction.article.link:
            keys.add(extraction.article.link)
    return keys


def is_seen(article: Article, keys: set[str]) -> bool:
    """Whether ``article`` is a document already built (same id, or same link)."""
    return article.id in keys or (article.link is not None and article.link in keys)
