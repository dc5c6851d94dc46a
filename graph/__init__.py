"""Extractions to graph to exports: the networkx graph, RDF, the viewer, SPARQL and the CLI.

:mod:`newsgraph.graph.explore` and :mod:`newsgraph.graph.tables` add what a notebook needs:
loading, SPARQL to DataFrames, an inline view; entity lookups, neighbourhoods and tables.

>>> from newsgraph.graph import build_graph
>>> build_graph([]).number_of_nodes()
0
"""

from newsgraph._lazy import attach, require_installed_name

require_installed_name(__name__)

#: Public name -> the module that defines it; imported when first used.
_EXPORTS = {
    "PREFIXES": "newsgraph.graph.rdf",
    "AmbiguousEntityError": "newsgraph.graph.tables",
    "EntityNotFoundError": "newsgraph.graph.tables",
    "InlineView": "newsgraph.graph.explore",
    "OutputFormat": "newsgraph.graph.query",
    "QuerySyntaxError": "newsgraph.graph.query",
    "Violation": "newsgraph.graph.shapes",
    "article_iri": "newsgraph.graph.build",
    "articles": "newsgraph.graph.tables",
    "build_graph": "newsgraph.graph.build",
    "entities": "newsgraph.graph.tables",
    "entity_iri": "newsgraph.graph.iris",
    "evidence": "newsgraph.graph.tables",
    "find_entity": "newsgraph.graph.tables",
    "format_result": "newsgraph.graph.query",
    "load_graph": "newsgraph.graph.explore",
    "load_rdf": "newsgraph.graph.query",
    "load_store": "newsgraph.graph.query",
    "parse_links": "newsgraph.graph.links",
    "neighbourhood": "newsgraph.graph.tables",
    "policies": "newsgraph.graph.tables",
    "query_names": "newsgraph.graph.query",
    "query_text": "newsgraph.graph.query",
    "read_json": "newsgraph.graph.nodelink",
    "relation_allowed": "newsgraph.graph.build",
    "relations": "newsgraph.graph.tables",
    "render_html": "newsgraph.graph.html",
    "run_query": "newsgraph.graph.query",
    "share_moves": "newsgraph.graph.tables",
    "show": "newsgraph.graph.explore",
    "sparql": "newsgraph.graph.explore",
    "to_graphml": "newsgraph.graph.graphml",
    "to_json": "newsgraph.graph.nodelink",
    "to_jsonld": "newsgraph.graph.rdf",
    "to_rdf": "newsgraph.graph.rdf",
    "to_turtle": "newsgraph.graph.rdf",
    "validate_graph": "newsgraph.graph.shapes",
    "write_graphml": "newsgraph.graph.graphml",
    "write_html": "newsgraph.graph.html",
    "write_json": "newsgraph.graph.nodelink",
    "write_jsonld": "newsgraph.graph.rdf",
    "write_turtle": "newsgraph.graph.rdf",
}

__getattr__, __dir__ = attach(__name__, _EXPORTS)

__all__ = sorted(_EXPORTS)
