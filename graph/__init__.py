"""Extractions to graph to exports: the networkx graph, RDF, the viewer, SPARQL and the CLI.

:mod:`newsgraph.graph.explore` adds what a notebook needs: tables, neighbourhoods and an inline
view.

>>> from newsgraph.graph import build_graph
>>> build_graph([]).number_of_nodes()
0
"""

# The checkout's graph/ folder is importable as a top-level package from the project root; one
# module loaded under two names would hold two copies of every registry and class.
if __name__ != "newsgraph.graph":
    message = f"{__name__}: import this package as newsgraph.graph"
    raise ImportError(message)

from newsgraph.graph.build import article_iri, build_graph, entity_iri, relation_allowed
from newsgraph.graph.explore import (
    AmbiguousEntityError,
    EntityNotFoundError,
    InlineView,
    articles,
    build_or_load,
    entities,
    evidence,
    find_entity,
    load_graph,
    neighbourhood,
    policies,
    relations,
    share_moves,
    show,
    sparql,
)
from newsgraph.graph.graphml import to_graphml, write_graphml
from newsgraph.graph.html import render_html, write_html
from newsgraph.graph.nodelink import read_json, to_json, write_json
from newsgraph.graph.query import (
    OutputFormat,
    QuerySyntaxError,
    format_result,
    load_rdf,
    load_store,
    query_names,
    query_text,
    run_query,
)
from newsgraph.graph.rdf import PREFIXES, to_jsonld, to_rdf, to_turtle, write_jsonld, write_turtle
from newsgraph.graph.shapes import Violation, validate_graph

__all__ = [
    "PREFIXES",
    "AmbiguousEntityError",
    "EntityNotFoundError",
    "InlineView",
    "OutputFormat",
    "QuerySyntaxError",
    "Violation",
    "article_iri",
    "articles",
    "build_graph",
    "build_or_load",
    "entities",
    "entity_iri",
    "evidence",
    "find_entity",
    "format_result",
    "load_graph",
    "load_rdf",
    "load_store",
    "neighbourhood",
    "policies",
    "query_names",
    "query_text",
    "read_json",
    "relation_allowed",
    "relations",
    "render_html",
    "run_query",
    "share_moves",
    "show",
    "sparql",
    "to_graphml",
    "to_json",
    "to_jsonld",
    "to_rdf",
    "to_turtle",
    "validate_graph",
    "write_graphml",
    "write_html",
    "write_json",
    "write_jsonld",
    "write_turtle",
]
