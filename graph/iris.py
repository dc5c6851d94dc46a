"""The IRI policy: how newsgraph names the entities, articles and assertions it writes.

Every IRI lies under one base (by default ``https://w3id.org/newsgraph/id/``; ``--base`` sets
another); docs/iris.md says why each is minted as it is:

- a country: its ISO 3166-1 alpha-2 code, ``country/JP``;
- an organisation, person or policy: its label spelt as an IRI segment, every script kept,
  ``organisation/华为``, ``person/Zhou_Zixue``: two labels never give one IRI and one IRI
  always means one label, so the union of two builds never gives a node two labels; the IRIs
  of its other names stay with it (``dcterms:replaces``, see :func:`~newsgraph.graph.build.
  build_graph`), so an IRI a smaller build minted still leads to it;
- an article: a hash of its id (its feed guid or link, or its file's content);
- where an article was read from: its URL, or for a file ``source/`` and its path from the
  folder or file the user named (``source/news/a.txt``), nothing of where that lives;
- an assertion: a hash of its triple and of the articles it counts, so that two builds of
  different news give two assertions, each with its own counts, never one with two.

Examples
--------
>>> entity_iri("Organisation", "Wan Li Optics")
'https://w3id.org/newsgraph/id/organisation/Wan_Li_Optics'
>>> entity_iri("Organisation", "Газпром"), entity_iri("Country", "Japan")[-10:]
('https://w3id.org/newsgraph/id/organisation/Газпром', 'country/JP')
>>> entity_iri("Organisation", "+++", base="https://example.org/kg/")
'https://example.org/kg/organisation/%2B%2B%2B'
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from newsgraph.ingest.gazetteer import country_code
from newsgraph.ontology import NGR, EntityType

__all__ = [
    "DEFAULT_BASE",
    "check_base",
    "digest",
    "entity_iri",
    "id_namespaces",
    "name_iri",
    "source_iri",
]

#: Where IRIs are minted unless the user names another base.
DEFAULT_BASE = str(NGR)

#: The sub-namespaces of a base, one per kind of node newsgraph mints.
_KINDS = ("article", "assertion", "country", "evidence", "organisation", "person", "policy")
_UNSAFE = re.compile(r'[\x00-\x20<>"{}|^`\\#?]')


def digest(*parts: object) -> str:
    """A short, stable hash of ``parts``.

    >>> digest("a", 1)
    '839e11a421d370be'
    """
    text = "\x1f".join(str(p) for p in parts)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def check_base(base: str) -> str:
    """``base`` as a base IRI to mint under: absolute, ending with ``/`` or ``#``.

    Raises ``ValueError`` naming what is wrong.

    >>> check_base("https://example.org/kg")
    'https://example.org/kg/'
    >>> check_base("kg/")
    Traceback (most recent call last):
    ...
    ValueError: the base IRI must be absolute, such as https://example.org/kg/ (got 'kg/')
    """
    text = base.strip()
    scheme = re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", text)
    if scheme is None or _UNSAFE.search(text.replace("#", "", text.endswith("#"))):
        message = f"the base IRI must be absolute, such as https://example.org/kg/ (got {base!r})"
        raise ValueError(message)
    return text if text.endswith(("/", "#")) else text + "/"


def id_namespaces(base: str = DEFAULT_BASE) -> dict[str, str]:
    """The prefixes of a base's sub-namespaces, for Turtle and JSON-LD.

    >>> id_namespaces("https://example.org/kg/")["country"]
    'https://example.org/kg/country/'
    """
    return {"id": base, **{kind: f"{base}{kind}/" for kind in _KINDS}}


def name_iri(kind: str, label: str, *, base: str = DEFAULT_BASE) -> str:
    """The IRI of a node of type ``kind`` named ``label``, spelt as the label is.

    Letters and digits of any script and ``-`` stay; a space becomes ``_``; anything else is
    percent-encoded as UTF-8 (``_`` and ``.`` too, which Turtle writers would escape), so two
    labels never give one IRI and one IRI always means one label, in every build.

    >>> name_iri("Person", "Jane Doe", base="https://example.org/")
    'https://example.org/person/Jane_Doe'
    >>> name_iri("Organisation", "C++ Foundation", base="https://example.org/")
    'https://example.org/organisation/C%2B%2B_Foundation'
    """
    return f"{base}{kind.lower()}/{_spelt(unicodedata.normalize('NFC', label))}"


def _spelt(label: str) -> str:
    """A label as one IRI path segment, reversibly."""
    out = []
    for char in label:
        if char == " ":
            out.append("_")
        elif char == "-" or (char.isalnum() and (char.isascii() or ord(char) > 0xA0)) or (
                not char.isascii() and unicodedata.category(char) in ("Mn", "Mc")):
            out.append(char)
        else:
            out.extend(f"%{byte:02X}" for byte in char.encode("utf-8"))
    return "".join(out) or "_"


def entity_iri(kind: str, label: str, *, base: str = DEFAULT_BASE) -> str:
    """The IRI of an entity of type ``kind`` whose canonical name is ``label``.

    >>> entity_iri("Organisation", "中兴通讯")
    'https://w3id.org/newsgraph/id/organisation/中兴通讯'
    >>> entity_iri("Country", "United States", base="https://example.org/")
    'https://example.org/country/US'
    """
    if kind == EntityType.COUNTRY:
        code = country_code(label)
        if code:
            return f"{base}country/{code}"
    return name_iri(kind, label, base=base)


_WEB = re.compile(r"https?://[^\s/?#]+", re.IGNORECASE)


def source_iri(source: str, *, base: str = DEFAULT_BASE) -> str:
    """The IRI of where an article was read from: a URL as it is, a file under ``source/``.

    A file's path is the one the build recorded, from the folder or file the user named
    (``news/a.txt``); each segment keeps its letters, digits and ``-._~`` and percent-encodes
    the rest, and ``.`` and ``..`` are dropped. An absolute path (a graph built by a library
    call, or cached by an older build) gives its file name alone, so that the IRI never tells
    where the folder lives.

    >>> source_iri("https://news.example/a?id=1")
    'https://news.example/a?id=1'
    >>> source_iri("seeds/000_a.txt", base="https://example.org/kg/")
    'https://example.org/kg/source/seeds/000_a.txt'
    >>> source_iri("news/./a b#1.txt", base="https://example.org/kg/")
    'https://example.org/kg/source/news/a%20b%231.txt'
    >>> source_iri("/home/me/news/a.txt", base="https://example.org/kg/")
    'https://example.org/kg/source/a.txt'
    """
    if _WEB.match(source) and not _UNSAFE.search(source.replace("#", "").replace("?", "")):
        return source
    parts = [part for part in re.split(r"[/\\]", source) if part not in ("", ".", "..")]
    if re.match(r"[/\\]|[A-Za-z]:", source):  # absolute: nothing of where it lives
        parts = parts[-1:]
    return f"{base}source/" + "/".join(_path_segment(part) for part in parts)


def _path_segment(part: str) -> str:
    out = []
    for char in unicodedata.normalize("NFC", part):
        if char in "-._~" or (char.isalnum() and (char.isascii() or ord(char) > 0xA0)):
            out.append(char)
        else:
            out.extend(f"%{byte:02X}" for byte in char.encode("utf-8"))
    return "".join(out)
