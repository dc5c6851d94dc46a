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
from pathlib import Path
from urllib.parse import quote

from pyoxigraph import NamedNode

from newsgraph.ingest.gazetteer import country_code
from newsgraph.ontology import NGR, EntityType

__all__ = [
    "DEFAULT_BASE",
    "check_base",
    "digest",
    "entity_iri",
    "id_namespaces",
    "is_iri",
    "name_iri",
    "source_iri",
    "turtle_base",
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


def is_iri(text: str) -> bool:
    """Whether ``text`` is an absolute IRI an RDF store accepts (RFC 3987).

    Bidirectional formatting characters, which RFC 3987 forbids, are refused too.

    >>> is_iri("https://example.org/a%20b"), is_iri("https://example.org/50%-off")
    (True, False)
    >>> is_iri("https://example.org/\u202egnp.exe")
    False
    """
    if _BIDI_FORMATTING.search(text):
        return False
    try:
        NamedNode(text)
    except ValueError:
        return False
    return True


#: RFC 3987's bidirectional formatting characters (and the isolates Unicode added since).
_BIDI_FORMATTING = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _in_iri(char: str) -> bool:
    """Whether an IRI may hold ``char`` as it is: an ASCII letter or digit, or a letter,
    digit or mark of RFC 3987's ``ucschar`` ranges (not a private-use, non-character or tag
    code point, such as the variation selectors U+E0100 to U+E01EF)."""
    if char.isascii():
        return char.isalnum()
    code = ord(char)
    if not (0xA0 <= code <= 0xD7FF or 0xF900 <= code <= 0xFDCF or 0xFDF0 <= code <= 0xFFEF
            or (code >= 0x10000 and code & 0xFFFF <= 0xFFFD and not 0xE0000 <= code <= 0xE0FFF
                and code < 0xF0000)):
        return False
    return char.isalnum() or unicodedata.category(char) in ("Mn", "Mc")


def check_base(base: str) -> str:
    """``base`` as a base IRI to mint under: absolute, ending with ``/`` or ``#``.

    Raises ``ValueError`` naming what is wrong.

    >>> check_base("https://example.org/kg")
    'https://example.org/kg/'
    >>> check_base("kg/")
    Traceback (most recent call last):
    ...
    ValueError: the base IRI must be absolute, such as https://example.org/kg/ (got 'kg/')
    >>> check_base("file:///etc/")
    Traceback (most recent call last):
    ...
    ValueError: the base IRI must be an http(s) IRI with a host (and no user name), or a urn: \
with a namespace and a name, such as urn:example:kg: (got 'file:///etc/')
    """
    text = base.strip()
    scheme = re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", text)
    if scheme is None or _UNSAFE.search(text.replace("#", "", text.endswith("#"))):
        message = f"the base IRI must be absolute, such as https://example.org/kg/ (got {base!r})"
        raise ValueError(message)
    if not re.match(r"(?i)(https?://[^/?#@]+(/|$)|urn:[A-Za-z0-9][A-Za-z0-9-]*:.)", text):
        message = ("the base IRI must be an http(s) IRI with a host (and no user name), or a "
                   f"urn: with a namespace and a name, such as urn:example:kg: (got {base!r})")
        raise ValueError(message)
    if re.search(r"/\.\.?(/|$)", text.split("://", 1)[-1]):
        message = f"the base IRI must have no . or .. segment (got {base!r})"
        raise ValueError(message)
    text = text if text.endswith(("/", "#")) or (
        text.lower().startswith("urn:") and text.endswith(":")) else text + "/"
    if not is_iri(text + "x"):
        message = f"the base is not a valid IRI (got {base!r})"
        raise ValueError(message)
    return text


def turtle_base(path: Path) -> str | None:
    """The base a ``graph.ttl`` was written with (its ``id:`` prefix, in the first lines), or
    None when the file has none or cannot be read."""
    try:
        with path.open("rb") as stream:
            for _, line in zip(range(40), stream, strict=False):
                if line.startswith(b"@prefix id: <") and line.rstrip().endswith(b"> ."):
                    return line.rstrip()[len(b"@prefix id: <"):-3].decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    return None


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


#: A label whose every character an IRI holds as it is, but its spaces.
_PLAIN = re.compile(r"[A-Za-z0-9 -]+")


def _spelt(label: str) -> str:
    """A label as one IRI path segment, reversibly.

    >>> _spelt("Acme-Beta Corp"), _spelt("C++ Co"), _spelt("")
    ('Acme-Beta_Corp', 'C%2B%2B_Co', '_')
    """
    if _PLAIN.fullmatch(label):  # most labels: spelt as _spelt_each spells them
        return label.replace(" ", "_")
    return _spelt_each(label)


def _spelt_each(label: str) -> str:
    """:func:`_spelt`, a character at a time."""
    out = []
    for char in label:
        if char == " ":
            out.append("_")
        elif char == "-" or _in_iri(char):
            out.append(char)
        else:
            out.append(_percent(char))
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
    >>> source_iri("news/a\\\\b.txt", base="https://example.org/kg/")
    'https://example.org/kg/source/news/a%5Cb.txt'
    """
    if _WEB.match(source):
        if is_iri(source):
            return source
        # a link no store accepts ("50%-off", "a#b#c"): its unsafe characters percent-encoded
        quoted = quote(re.sub(r"%(?![0-9A-Fa-f]{2})", "%25", source),
                       safe=":/?[]@!$&'()*+,;=%-._~")
        if is_iri(quoted):
            return quoted
    # the build records paths with "/"; a backslash in a POSIX file name is part of the name
    separators = r"[/\\]" if re.match(r"[A-Za-z]:[/\\]", source) else "/"
    parts = [part for part in re.split(separators, source) if part not in ("", ".", "..")]
    if re.match(r"/|[A-Za-z]:", source):  # absolute: nothing of where it lives
        parts = parts[-1:]
    return f"{base}source/" + "/".join(_path_segment(part) for part in parts)


def _path_segment(part: str) -> str:
    out = []
    for char in unicodedata.normalize("NFC", part):
        if char in "-._~" or _in_iri(char):
            out.append(char)
        else:
            out.append(_percent(char))
    return "".join(out)


def _percent(char: str) -> str:
    """``char`` percent-encoded as UTF-8; a file name's undecodable byte (a lone surrogate of
    Python's ``surrogateescape``) as that byte.

    >>> _percent("#"), _percent(chr(0xDCFF))
    ('%23', '%FF')
    """
    try:
        data = char.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        data = char.encode("utf-8", "surrogatepass")
    return "".join(f"%{byte:02X}" for byte in data)
