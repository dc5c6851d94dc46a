"""The IRI policy: how newsgraph names the entities, articles and assertions it writes.

Every IRI lies under one base (by default ``https://w3id.org/newsgraph/id/``; ``--base`` sets
another) and is minted from a key that does not follow the current label (docs/iris.md):

- a country: its ISO 3166-1 alpha-2 code, ``country/JP``;
- an organisation, person or policy: the name key under which the resolver merges its names
  (case, punctuation, "the" and corporate suffixes set aside), each word kept in its own script,
  ``organisation/华为``; a key with no word (a name of punctuation only) is a hash of the name;
- an article: a hash of its id (its feed guid or link, or its file's content);
- an assertion: a hash of its triple and of the articles it counts, so that two builds of
  different news give two assertions, each with its own counts, never one with two.

Two names give one IRI only when the resolver holds them for one thing (same type, same key);
where two nodes of a build would still share one (names the user keeps apart), the later one
by label takes a hash of its label as well.

Examples
--------
>>> entity_iri("Organisation", "Wan Li Optics Ltd.")
'https://w3id.org/newsgraph/id/organisation/wan-li-optics'
>>> entity_iri("Organisation", "Газпром"), entity_iri("Country", "Japan")[-10:]
('https://w3id.org/newsgraph/id/organisation/газпром', 'country/JP')
>>> entity_iri("Organisation", "+++", base="https://example.org/kg/")
'https://example.org/kg/organisation/x-29f5099b939a25cb'
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from newsgraph.graph.resolve import match_key
from newsgraph.ingest.gazetteer import country_code
from newsgraph.ontology import NGR, EntityType

__all__ = ["DEFAULT_BASE", "check_base", "digest", "entity_iri", "id_namespaces", "key_iri"]

#: Where IRIs are minted unless the user names another base.
DEFAULT_BASE = str(NGR)

#: The sub-namespaces of a base, one per kind of node newsgraph mints.
_KINDS = ("article", "assertion", "country", "evidence", "organisation", "person", "policy")
_WORD = re.compile(r"[^\W_]+")
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


def key_iri(kind: str, key: str, label: str, *, base: str = DEFAULT_BASE) -> str:
    """The IRI of a node of type ``kind`` minted from its name key.

    A key's words are kept as they are (any script) and joined by ``-``, which no word holds,
    so two keys never give one IRI; a key without words is replaced by a hash of ``label``.

    >>> key_iri("Person", "zhou zixue", "Zhou Zixue", base="https://example.org/")
    'https://example.org/person/zhou-zixue'
    """
    words = key.split()
    if words and all(_WORD.fullmatch(w) for w in words):
        local = "-".join(words)
    else:
        local = "x-" + digest(unicodedata.normalize("NFC", label))
    return f"{base}{kind.lower()}/{local}"


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
    return key_iri(kind, match_key(label, kind), label, base=base)
