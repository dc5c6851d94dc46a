"""The user's reconciliation file (``newsgraph build --links FILE``): names and the IRIs that
others (Wikidata, an authority file, a company register) give the same thing.

CSV, one link a row: ``NAME,IRI`` (a first row ``label,iri`` or ``name,iri`` is a header;
``#`` starts a comment row). An entity whose label or any other name matches NAME, as the
resolver matches names of its type (case and punctuation aside, and for organisations their
corporate suffixes), gets ``owl:sameAs <IRI>``. A file that cannot be used raises
:class:`~newsgraph.errors.LinksError` naming it and the line.

>>> links = parse_links("label,iri\\nHuawei Technologies Co. Ltd,https://register.example/c/1\\n")
>>> links.iris_of(["Huawei Technologies"], "Organisation")
('https://register.example/c/1',)
>>> links.iris_of(["Huawei Technologies"], "Person")
()
>>> links.unmatched([("Huawei", "Organisation")])
('Huawei Technologies Co. Ltd',)
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from newsgraph.errors import LinksError
from newsgraph.graph.aliases import user_name
from newsgraph.graph.iris import is_iri
from newsgraph.graph.resolve import match_key
from newsgraph.ingest.names import name_key
from newsgraph.ontology import EntityType

__all__ = ["Links", "parse_links"]

_ABSOLUTE = ("http://", "https://", "urn:")


def _key(name: str, kind: str) -> str:
    """The key a link's name is matched under for an entity of type ``kind``: the
    resolver's, but a person's name keeps the words a company's would lose ("Ltd")."""
    return name_key(name) if kind == EntityType.PERSON else match_key(name, kind)


@dataclass(frozen=True)
class Links:
    """The rows of a links file, ``(name, iri)``, sorted and without repeats."""

    rows: tuple[tuple[str, str], ...] = ()

    @cached_property
    def _tables(self) -> dict[str, dict[str, tuple[str, ...]]]:
        return {}

    def _by_key(self, kind: str) -> dict[str, tuple[str, ...]]:
        """The rows' IRIs by the key of their name as a name of ``kind``."""
        if kind not in self._tables:
            table: dict[str, set[str]] = {}
            for name, iri in self.rows:
                table.setdefault(_key(name, kind), set()).add(iri)
            self._tables[kind] = {key: tuple(sorted(iris)) for key, iris in table.items()}
        return self._tables[kind]

    def iris_of(self, names: Iterable[str], kind: str) -> tuple[str, ...]:
        """The IRIs linked to any of ``names``, names of an entity of type ``kind``, sorted."""
        table = self._by_key(kind)
        found = {iri for name in names for iri in table.get(_key(name, kind), ())}
        return tuple(sorted(found))

    def unmatched(self, names: Iterable[tuple[str, str]]) -> tuple[str, ...]:
        """The rows' names, as written, that match none of ``names`` (``(name, type)``
        pairs), sorted."""
        by_kind: dict[str, set[str]] = {}
        for name, kind in names:
            by_kind.setdefault(kind, set()).add(_key(name, kind))
        return tuple(sorted({name for name, _ in self.rows
                             if not any(_key(name, kind) in keys
                                        for kind, keys in by_kind.items())}))

    def to_csv(self) -> str:
        """The links as a links file, one ``name,iri`` row each under a header.

        >>> print(parse_links("Acme,urn:x:1").to_csv(), end="")
        name,iri
        Acme,urn:x:1
        """
        text = io.StringIO()
        writer = csv.writer(text, lineterminator="\n")
        writer.writerow(("name", "iri"))
        writer.writerows(self.rows)
        return text.getvalue()


def parse_links(text: str, *, source: str = "links") -> Links:
    """Read a links file's text: CSV rows ``NAME,IRI``.

    >>> parse_links("Acme,ftp://x")
    Traceback (most recent call last):
    ...
    newsgraph.errors.LinksError: links: line 1: expected NAME,IRI, an absolute IRI (got 'ftp://x')
    """
    links: set[tuple[str, str]] = set()
    rows = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    for number, row in _numbered(rows, source):
        cells = [c.strip() for c in row]
        if not cells or not "".join(cells) or (cells[0].startswith("#") and not (
                len(cells) == 2 and _is_iri(cells[1]))):  # "#1 Corp,https://..." is a link
            continue
        if number == 1 and [c.casefold() for c in cells] in (["label", "iri"], ["name", "iri"]):
            continue
        if len(cells) != 2 or not cells[0] or not _is_iri(cells[1]):
            got = cells[1] if len(cells) == 2 else ",".join(cells)
            message = f"line {number}: expected NAME,IRI, an absolute IRI (got {got!r})"
            raise LinksError(source, message)
        name = user_name(cells[0])
        if name is None or not match_key(name, EntityType.ORGANISATION):
            raise LinksError(source, f"line {number}: {cells[0]!r} is no name")
        links.add((name, cells[1]))
    return Links(tuple(sorted(links)))


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
    return text.lower().startswith(_ABSOLUTE) and len(text) > len("urn:x") and is_iri(text) \
        and not text.endswith("://")
