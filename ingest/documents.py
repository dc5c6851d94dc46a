"""The plain records that flow between stages: articles in, extractions out.

>>> article = Article.from_text("Chips\\n\\nIntel rose.", source="a.txt")
>>> article.title, article.text
('Chips', 'Intel rose.')
>>> article.id
'sha256:14f207128f105beca9b972249dc17bff32263c5be214959a585486cd9dbb120b'
"""

from __future__ import annotations

import datetime
import hashlib
import re
from dataclasses import asdict, dataclass, field
from typing import Any
from urllib.parse import urlsplit, urlunsplit

__all__ = [
    "ARTICLE", "Article", "Entity", "Evidence", "Extraction", "Relation", "calendar_date",
    "without_userinfo",
]

#: The name a relation uses for the article it was read from (``roseOnNews`` ends there).
ARTICLE = "@article"

_DATE_LINE = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\s*(.*?)\s*$", re.IGNORECASE)
_TITLE_MAX = 200
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def calendar_date(text: str | None) -> str | None:
    """``text`` if it is a ``YYYY-MM-DD`` day of the calendar (an ``xsd:date``), else None.

    >>> calendar_date("2024-02-29"), calendar_date("2024-02-30"), calendar_date("0000-01-01")
    ('2024-02-29', None, None)
    """
    if not isinstance(text, str) or not _ISO_DATE.fullmatch(text):
        return None
    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        return None
    return text


@dataclass(frozen=True, slots=True)
class Article:
    """One news document: a file, a web page or one feed item.

    ``id`` is what makes two reads the same document: the feed item's guid or link, or the
    SHA-256 of a file's content. ``text`` is what the NLP reads; offsets refer to it.
    """

    id: str
    text: str
    source: str
    title: str = ""
    date: str | None = None
    publisher: str | None = None
    authors: tuple[str, ...] = ()
    link: str | None = None

    def __post_init__(self) -> None:
        # every date becomes an xsd:date: one that is no day of the calendar is left out
        if self.date is not None and calendar_date(self.date) is None:
            object.__setattr__(self, "date", None)

    @classmethod
    def from_text(cls, content: str, *, source: str) -> Article:
        """Read a plain-text or markdown document.

        A leading ``date YYYY-MM-DD Publisher`` line gives the date and publisher; a short
        first line followed by a blank line is the title.

        >>> a = Article.from_text(" date 2021-03-11 Bloomberg\\n\\nSome news.", source="x.txt")
        >>> a.date, a.publisher, a.title, a.text
        ('2021-03-11', 'Bloomberg', '', 'Some news.')
        """
        digest = "sha256:" + hashlib.sha256(content.encode("utf-8")).hexdigest()
        lines = content.lstrip("\ufeff").split("\n")
        date = publisher = None
        if lines and (match := _DATE_LINE.match(lines[0])):
            date, publisher = match.group(1), match.group(2) or None
            lines = lines[1:]
        while lines and not lines[0].strip():
            lines = lines[1:]
        title = ""
        if len(lines) > 1 and not lines[1].strip() and _looks_like_title(lines[0]):
            title = lines[0].strip().lstrip("#").strip()
            lines = lines[2:]
        text = "\n".join(lines).strip()
        return cls(id=digest, text=text, source=source, title=title, date=date,
                   publisher=publisher)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        """The inverse of :meth:`to_dict`."""
        return cls(**{**data, "authors": tuple(data.get("authors", ()))})


def _looks_like_title(line: str) -> bool:
    stripped = line.strip()
    return 0 < len(stripped) <= _TITLE_MAX and not stripped.endswith((".", ",", ";", ":"))


@dataclass(frozen=True, slots=True)
class Entity:
    """One real-world thing as one document names it.

    ``name`` is the fullest name the document uses, ``aliases`` every other surface form,
    ``kind`` the policy kind of a ``Policy``. ``votes`` is the evidence the document gave for
    each type, as sorted ``(type, weight)`` pairs, for the vote across documents.
    """

    name: str
    type: str
    aliases: tuple[str, ...] = ()
    kind: str | None = None
    mentions: int = 1
    votes: tuple[tuple[str, float], ...] = ()


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a relation was read: the sentence, its offsets in the article text, the rule.

    ``confidence`` is the probability a learned classifier gave the relation; None for a
    relation a rule read. ``title`` is True where the sentence is the article's title, which
    is no part of its text: ``start`` and ``end`` are then offsets in ``Article.title``.
    """

    sentence: str
    start: int
    end: int
    rule: str
    percent: float | None = None
    market: str | None = None
    confidence: float | None = None
    title: bool = False


@dataclass(frozen=True, slots=True)
class Relation:
    """A typed relation between two entities of one document (by ``Entity.name``).

    The object is :data:`ARTICLE` for share moves on the article's news.
    """

    subject: str
    predicate: str
    object: str
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class Extraction:
    """What the NLP read in one article; ``problem`` says why it read nothing, if it failed."""

    article: Article
    entities: tuple[Entity, ...] = ()
    relations: tuple[Relation, ...] = field(default=())
    problem: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data, for the build cache."""
        data = asdict(self)
        if self.problem is None:
            del data["problem"]
        for relation in data["relations"]:  # the cache of a build without them stays the same
            if relation["evidence"]["confidence"] is None:
                del relation["evidence"]["confidence"]
            if not relation["evidence"]["title"]:
                del relation["evidence"]["title"]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Extraction:
        """The inverse of :meth:`to_dict`."""
        return cls(
            article=Article.from_dict(data["article"]),
            entities=tuple(
                Entity(**{**e, "aliases": tuple(e.get("aliases", ())),
                            "votes": tuple((t, float(v)) for t, v in e.get("votes", ()))})
                for e in data.get("entities", ())
            ),
            relations=tuple(
                Relation(**{**r, "evidence": Evidence(**_floats(r["evidence"]))})
                for r in data.get("relations", ())
            ),
            problem=data.get("problem"),
        )


def _floats(evidence: dict[str, Any]) -> dict[str, Any]:
    """``evidence`` (JSON data) with a whole number where a float is declared read as a float,
    as every reader of the cache reads it.

    >>> _floats({"percent": 2, "confidence": None})
    {'percent': 2.0, 'confidence': None}
    """
    found = {**evidence}
    for name in ("percent", "confidence"):
        value = found.get(name)
        if isinstance(value, int) and not isinstance(value, bool):
            found[name] = float(value)
    return found


def without_userinfo(url: str) -> str:
    """``url`` without the user name and password it may carry.

    >>> without_userinfo("https://alice:s3cret@news.example/feed.xml?q=1")
    'https://news.example/feed.xml?q=1'
    >>> without_userinfo("https://news.example/a@b")
    'https://news.example/a@b'
    """
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    if "@" not in parts.netloc:
        return url
    return urlunsplit(parts._replace(netloc=parts.netloc.rpartition("@")[2]))
