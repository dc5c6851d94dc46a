"""Heads of state and of government by date, from shipped public reference data
(``ingest/data/office_holders.tsv``, Wikidata's; see ``ingest/data/README.md``).

A name is matched as the news writes it: a surname alone ("Reagan", "de Gaulle") is the end
of a holder's name, a name in full has the holder's first and last words ("George Bush" is
"George H. W. Bush"); case and accents do not count ("Corazon" is "Corazón"). With the
article's date, only the holders in office that day count; without one, every holder does,
and a name says a country only if all its holders of the offices asked for held them there.

>>> led_country("Reagan", {"head_of_government"}, "1987-03-31")
'US'
>>> led_country("Reagan", {"head_of_government"}, "1995-01-01") is None
True
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

__all__ = [
    "HEAD_OF_GOVERNMENT", "HEAD_OF_STATE", "Index", "Term", "index", "led_country", "name_words",
    "terms",
]

HEAD_OF_STATE = "head_of_state"
HEAD_OF_GOVERNMENT = "head_of_government"


@dataclass(frozen=True)
class Term:
    """One person's term in one office of one country (ISO 3166-1 alpha-2 ``code``); ``start``
    and ``end`` are ISO dates, "" where the source gives none (an end: still in office)."""

    code: str
    office: str
    name: str
    start: str
    end: str

    def covers(self, date: str) -> bool:
        """Whether the term includes ``date``; a 1 January end is read as the year's end,
        as the source gives some terms by their years alone.

        >>> term = Term("GB", HEAD_OF_GOVERNMENT, "Jane Doe", "1979-01-01", "1990-01-01")
        >>> term.covers("1990-11-02"), term.covers("1978-12-31")
        (True, False)
        """
        if not self.start or date < self.start:
            return False
        end = self.end[:4] + "-12-31" if self.end.endswith("-01-01") else self.end
        return not end or date <= end


@cache
def name_words(name: str) -> tuple[str, ...]:
    """The words of a name, case- and accent-insensitive, without punctuation.

    >>> name_words("Corazón  C. Aquino's")
    ('corazon', 'c', 'aquino')
    """
    text = unicodedata.normalize("NFKD", name.replace("\u2019", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"'s$", "", text.strip()).casefold().replace("-", " ")
    return tuple(re.sub(r"[^\w\s]", " ", text).split())


@cache
def terms() -> tuple[Term, ...]:
    """The shipped terms, loaded once."""
    text = files("newsgraph.ingest").joinpath("data", "office_holders.tsv").read_text(
        encoding="utf-8")
    return tuple(Term(row["code"], row["office"], row["name"], row["start"], row["end"])
                 for row in csv.DictReader(text.splitlines(), delimiter="\t"))


@dataclass(frozen=True)
class Index:
    """Terms by the last and by the first word of their holder's name."""

    by_last: dict[str, tuple[Term, ...]]
    by_first: dict[str, tuple[Term, ...]]


@cache
def _index() -> Index:
    return index(terms())


def index(found: tuple[Term, ...]) -> Index:
    """Terms as :func:`led_country` looks them up."""
    by_last: dict[str, list[Term]] = {}
    by_first: dict[str, list[Term]] = {}
    for term in found:
        words = name_words(term.name)
        if words:
            by_last.setdefault(words[-1], []).append(term)
            by_first.setdefault(words[0], []).append(term)
    return Index({w: tuple(t) for w, t in by_last.items()},
                 {w: tuple(t) for w, t in by_first.items()})


def _names(words: tuple[str, ...], holder: tuple[str, ...]) -> bool:
    """Whether a name as written (``words``) names a holder: the end of the holder's name,
    or, in two words or more, its first and last words, the last spelt alike (one letter
    more, less or other in a surname of five letters or more: "Rouhani" is "Rohani").

    >>> _names(("de", "gaulle"), ("charles", "de", "gaulle"))
    True
    >>> _names(("george", "bush"), ("george", "h", "w", "bush"))
    True
    >>> _names(("hassan", "rouhani"), ("hassan", "rohani"))
    True
    >>> _names(("laura", "bush"), ("george", "h", "w", "bush")), _names(("bush",), ("bash",))
    (False, False)
    """
    if holder[-len(words):] == words:
        return True
    return len(words) >= 2 and words[0] == holder[0] and (
        words[-1] == holder[-1] or _spelt_alike(words[-1], holder[-1]))


def _spelt_alike(a: str, b: str) -> bool:
    """Whether two words of five letters or more differ by one letter added, dropped or
    changed.

    >>> _spelt_alike("rouhani", "rohani"), _spelt_alike("smith", "smyth")
    (True, True)
    >>> _spelt_alike("lee", "lei"), _spelt_alike("rouhani", "ruhan")
    (False, False)
    """
    if min(len(a), len(b)) < 5 or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1:] == short for i in range(len(long)))


def led_country(name: str, offices: Collection[str], date: str | None = None) -> str | None:
    """The country (ISO 3166-1 alpha-2 code) that the person ``name`` names headed in one of
    ``offices``: at ``date`` if given, else at any time; None where no holder or holders of
    more than one country match.

    >>> led_country("Reagan", {"head_of_state", "head_of_government"})
    'US'
    >>> led_country("Reagan", {"head_of_state"}, "1975-06-01") is None
    True
    """
    words = name_words(name)
    if not words:
        return None
    table = _index()
    candidates = set(table.by_last.get(words[-1], ()))
    if len(words) >= 2:
        candidates.update(table.by_first.get(words[0], ()))
    found = {term.code for term in candidates
             if term.office in offices and _names(words, name_words(term.name))
             and (date is None or term.covers(date))}
    return found.pop() if len(found) == 1 else None
