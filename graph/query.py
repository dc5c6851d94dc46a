"""SPARQL over a built graph, with newsgraph's prefixes bound.

Examples
--------
>>> from rdflib import Graph
>>> g = Graph().parse(data='''
... @prefix ng: <https://w3id.org/newsgraph/ontology#> .
... @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
... <https://w3id.org/newsgraph/id/person/li> a ng:Person ; rdfs:label "Li Keqiang" .
... ''', format="turtle")
>>> result = run_query(g, "SELECT ?name WHERE { ?p a ng:Person ; rdfs:label ?name }")
>>> print(format_result(result, OutputFormat.CSV), end="")
name
Li Keqiang
"""

from __future__ import annotations

import csv
import enum
import io
import json

from rdflib import Graph
from rdflib.query import Result, ResultRow

from graph.rdf import PREFIXES

__all__ = ["OutputFormat", "QuerySyntaxError", "format_result", "run_query"]


class OutputFormat(enum.Enum):
    """How ``newsgraph query`` prints results."""

    TABLE = "table"
    CSV = "csv"
    JSON = "json"


class QuerySyntaxError(ValueError):
    """A SPARQL query that does not parse."""


def run_query(graph: Graph, sparql: str) -> Result:
    """Run a SPARQL 1.1 query with newsgraph's prefixes bound."""
    try:
        return graph.query(sparql, initNs=PREFIXES)
    except Exception as error:  # rdflib raises pyparsing errors of several classes
        if type(error).__name__ in {"ParseException", "ParseSyntaxException"}:
            message = f"SPARQL syntax error: {error}"
            raise QuerySyntaxError(message) from error
        raise


def _rows(result: Result) -> tuple[list[str], list[list[str]]]:
    names = [str(v) for v in result.vars or []]
    rows = [
        ["" if value is None else str(value) for value in row]
        for row in result
        if isinstance(row, ResultRow)
    ]
    return names, rows


def _serialize(result: Result, fmt: str) -> str:
    data = result.serialize(format=fmt)
    return data.decode("utf-8") if data is not None else ""


def format_result(result: Result, output: OutputFormat = OutputFormat.TABLE) -> str:
    """Render a query result as a text table, CSV or SPARQL JSON results."""
    if result.type == "ASK":
        if output is OutputFormat.JSON:
            return json.dumps({"head": {}, "boolean": bool(result.askAnswer)}) + "\n"
        return ("true" if result.askAnswer else "false") + "\n"
    if result.type in {"CONSTRUCT", "DESCRIBE"}:
        return _serialize(result, "turtle")
    if output is OutputFormat.JSON:
        return _serialize(result, "json") + "\n"
    names, rows = _rows(result)
    if output is OutputFormat.CSV:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(names)
        writer.writerows(rows)
        return buffer.getvalue()
    widths = [max([len(n), *(len(r[i]) for r in rows)]) for i, n in enumerate(names)]
    lines = ["  ".join(n.ljust(w) for n, w in zip(names, widths, strict=True)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    return "\n".join(lines) + "\n"
