"""The user's reconciliation file (``newsgraph build --links FILE``): names and the IRIs that
others (Wikidata, an authority file, a company register) give the same thing.

CSV, one link a row: ``NAME,IRI`` (a first row ``label,iri`` or ``name,iri`` is a header;
``#`` starts a comment row). An entity whose label or any other name matches NAME, as the
resolver matches names (case, punctuation and corporate suffixes aside), gets
``owl:sameAs <IRI>``. A file that cannot be used raises
:class:`~newsgraph.errors.LinksError` naming it and the line.

>>> links = parse_links("label,iri\\nHuawei Technologies Co. Ltd,https://register.example/c/1\\n")
>>> links.iris_of(["Huawei Technologies"])
('https://register.example/c/1',)
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass

from newsgraph.errors import LinksError
from newsgraph.graph.iris import is_iri
from newsgraph.graph.resolve import match_key
from newsgraph.ontology import EntityType

__all__ = ["Links", "parse_links"]

_ABSOLUTE = ("http://", "https://", "urn:")


@dataclass(frozen=True)
class Links:
    """Name keys and the IRIs linked to them, sorted."""

    by_key: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def iris_of(self, names: Iterable[str]) -> tuple[str, ...]:
        """The IRIs linked to any of ``names``, sorted."""
        table = dict(self.by_key)
        found = {iri for name in names for iri in table.get(_key(name), ())}
        return tuple(sorted(found))


def _key(name: str) -> str:
    return match_key(name, EntityType.ORGANISATION)


def parse_links(text: str, *, source: str = "links") -> Links:
    """Read a links file's text: CSV rows ``NAME,IRI``.

    >>> parse_links("Acme,ftp://x")
    Traceback (most recent call last):
    ...
    newsgraph.errors.LinksError: links: line 1: expected NAME,IRI, an absolute IRI (got 'ftp://x')
    """
    table: dict[str, set[str]] = {}
    rows = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    for number, row in _numbered(rows, source):
        cells = [c.strip() for c in row]
        if not cells or not "".join(cells) or cells[0].startswith("#"):
            continue
        if number == 1 and [c.casefold() for c in cells] in (["label", "iri"], ["name", "iri"]):
            continue
        if len(cells) != 2 or not cells[0] or not _is_iri(cells[1]):
            got = cells[1] if len(cells) == 2 else ",".join(cells)
            message = f"line {number}: expected NAME,IRI, an absolute IRI (got {got!r})"
            raise LinksError(source, message)
        key = _key(cells[0])
        if not key:
            raise LinksError(source, f"line {number}: {cells[0]!r} is no name")
        table.setdefault(key, set()).add(cells[1])
    return Links(tuple((k, tuple(sorted(v))) for k, v in sorted(table.items())))


def _numbered(rows: Iterable[list[str]], source: str) -> Iterable[tuple[int, list[str]]]:
    """The rows with their line numbers; a row CSV cannot read is the file's error."""
    number = 0
    iterator = iter(rows)
    while True:
        number += 1
        try:
            row = next(iterator)
        except StopIteration:
            return
        except csv.Error as error:
            raise LinksError(source, f"line {number}: {error}") from None
        yield number, row


def _is_iri(text: str) -> bool:
    return text.startswith(_ABSOLUTE) and len(text) > len("urn:x") and is_iri(text) \
        and not text.endswith("://")
