"""Extractions to graph to exports: the networkx graph, RDF, the viewer, SPARQL and the CLI.

:mod:`graph.explore` adds what a notebook needs: tables, neighbourhoods and an inline view.

>>> from graph import build_graph
>>> build_graph([]).number_of_nodes()
0
"""

from graph.build import article_iri, build_graph, entity_iri, relation_allowed
from graph.explore import (
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
from graph.html import render_html, write_html
from graph.nodelink import read_json, to_json, write_json
from graph.query import OutputFormat, QuerySyntaxError, format_result, run_query
from graph.rdf import PREFIXES, to_rdf, to_turtle, write_turtle

__all__ = [
    "PREFIXES",
    "AmbiguousEntityError",
    "EntityNotFoundError",
    "InlineView",
    "OutputFormat",
    "QuerySyntaxError",
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
    "neighbourhood",
    "policies",
    "read_json",
    "relation_allowed",
    "relations",
    "render_html",
    "run_query",
    "share_moves",
    "show",
    "sparql",
    "to_json",
    "to_rdf",
    "to_turtle",
    "write_html",
    "write_json",
    "write_turtle",
]
