"""newsgraph: turn the news into a typed knowledge graph you can look at, query and trust.

The stages are subpackages, and data flows one way through them::

    newsgraph.ingest    sources -> documents -> extractions (the spaCy pipeline)
    newsgraph.graph     extractions -> networkx graph -> RDF, JSON, GraphML, HTML; SPARQL
    newsgraph.ontology  the vocabulary, read from ontology/newsgraph.ttl

This package ties them together: :func:`build` (what ``newsgraph build`` runs), the notebook's
functions, the errors. Names load their module on first use, so ``import newsgraph`` costs
nothing and a query never imports spaCy.

>>> import newsgraph
>>> newsgraph.NG.chairs
rdflib.term.URIRef('https://w3id.org/newsgraph/ontology#chairs')
>>> issubclass(newsgraph.QuerySyntaxError, newsgraph.NewsgraphError)
True
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from newsgraph._lazy import attach, require_installed_name

require_installed_name(__name__, "newsgraph")

try:
    __version__ = version("newsgraph")
except PackageNotFoundError:  # pragma: no cover - only in a checkout that was never installed
    __version__ = "0+unknown"

_GRAPH = "newsgraph.graph"
#: Public name -> the module that defines it; imported when first used.
_EXPORTS = {
    "NG": "newsgraph.ontology",
    "AmbiguousEntityError": "newsgraph.errors",
    "BuildReport": "newsgraph.workflow",
    "EntityNotFoundError": "newsgraph.errors",
    "EntityType": "newsgraph.ontology",
    "NewsgraphError": "newsgraph.errors",
    "Predicate": "newsgraph.ontology",
    "QuerySyntaxError": "newsgraph.errors",
    "SourceError": "newsgraph.errors",
    "articles": _GRAPH,
    "assemble": "newsgraph.workflow",
    "build": "newsgraph.workflow",
    "build_or_load": "newsgraph.workflow",
    "entities": _GRAPH,
    "evidence": _GRAPH,
    "find_entity": _GRAPH,
    "load_graph": _GRAPH,
    "neighbourhood": _GRAPH,
    "policies": _GRAPH,
    "relations": _GRAPH,
    "share_moves": _GRAPH,
    "show": _GRAPH,
    "sparql": _GRAPH,
}

__getattr__, __dir__ = attach(__name__, _EXPORTS)

__all__ = ["__version__", *sorted(_EXPORTS)]
