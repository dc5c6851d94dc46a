"""newsgraph: turn the news into a typed knowledge graph you can look at, query and trust.

The stages are subpackages, each importable on its own, and data flows one way through them::

    newsgraph.ingest    sources -> documents -> extractions (the spaCy pipeline)
    newsgraph.graph     extractions -> networkx graph -> RDF, JSON, GraphML, HTML; SPARQL; CLI
    newsgraph.ontology  the vocabulary, read from ontology/newsgraph.ttl

Names re-exported here load their module on first use, so ``import newsgraph`` costs nothing
and a query never imports spaCy.

>>> import newsgraph
>>> newsgraph.NG.chairs
rdflib.term.URIRef('https://w3id.org/newsgraph/ontology#chairs')
"""

from __future__ import annotations

from importlib import import_module
from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newsgraph.ontology import NG

try:
    __version__ = version("newsgraph")
except PackageNotFoundError:  # pragma: no cover - running from an uninstalled checkout
    __version__ = "0+unknown"

#: Public name -> the module that defines it.
_LAZY = {
    "NG": "newsgraph.ontology",
}

__all__ = ["NG", "__version__"]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    message = f"module 'newsgraph' has no attribute {name!r}"
    raise AttributeError(message)


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))
