"""Extractions to graph to exports: the networkx graph, RDF, the viewer, SPARQL and the CLI.

>>> from graph import build_graph
>>> build_graph([]).number_of_nodes()
0
"""

from graph.build import article_iri, build_graph, entity_iri, relation_allowed
from graph.html import render_html, write_html
from graph.nodelink import read_json, to_json, write_json
from graph.query import OutputFormat, QuerySyntaxError, format_result, run_query
from graph.rdf import PREFIXES, to_rdf, to_turtle, write_turtle

__all__ = [
    "PREFIXES",
    "OutputFormat",
    "QuerySyntaxError",
    "article_iri",
    "build_graph",
    "entity_iri",
    "format_result",
    "read_json",
    "relation_allowed",
    "render_html",
    "run_query",
    "to_json",
    "to_rdf",
    "to_turtle",
    "write_html",
    "write_json",
    "write_turtle",
]
