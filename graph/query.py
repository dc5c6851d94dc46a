"""SPARQL over a built graph, with newsgraph's prefixes bound, and the shipped example queries.

A graph loaded with :func:`load_graph` keeps its triples in pyoxigraph (through the
``oxrdflib`` store), so :func:`run_query` is answered by pyoxigraph's native engine while
callers keep rdflib's ``Graph`` and ``Result``. Any other rdflib graph works too, answered by
rdflib's own engine.

Examples
--------
>>> g = load_graph(io.BytesIO(b'''
... @prefix ng: <https://w3id.org/newsgraph/ontology#> .
... @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
... <https://w3id.org/newsgraph/id/person/li> a ng:Person ; rdfs:label "Li Keqiang" .
... '''))
>>> result = run_query(g, "SELECT ?name WHERE { ?p a ng:Person ; rdfs:label ?name }")
>>> print(format_result(result, OutputFormat.CSV), end="")
name
Li Keqiang
>>> "who-chairs-what" in query_names()
True
"""

from __future__ import annotations

import csv
import enum
import io
import json
import re
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import IO

from rdflib import Graph, URIRef
from rdflib.query import Result
from rdflib.term import Node

from graph.rdf import PREFIXES, bind_prefixes

__all__ = [
    "OutputFormat",
    "QuerySyntaxError",
    "format_result",
    "load_graph",
    "query_names",
    "query_text",
    "run_query",
]

_LOCATED = re.compile(r"error at (\d+):(\d+): (.*)", re.DOTALL)
_MESSAGE_MAX = 200
_UNKNOWN_PREFIX = re.compile(r"Unknown namespace prefix : (\S*)")
_UNDECLARED = "undeclared prefix (bound without PREFIX: " + ", ".join(PREFIXES) + ")"


class OutputFormat(enum.Enum):
    """How ``newsgraph query`` prints results."""

    TABLE = "table"
    CSV = "csv"
    JSON = "json"


class QuerySyntaxError(ValueError):
    """A SPARQL query that does not parse, with the line and column (from 1) of the error.

    >>> str(QuerySyntaxError("expected '}'", line=2, column=7))
    "line 2, column 7: expected '}'"
    """

    def __init__(self, message: str, *, line: int, column: int) -> None:
        super().__init__(f"line {line}, column {column}: {message}")
        self.line = line
        self.column = column


def load_graph(source: str | Path | IO[bytes]) -> Graph:
    """Read Turtle from a path or a binary stream into a pyoxigraph-backed rdflib graph.

    >>> len(load_graph(io.BytesIO(b"<http://a.example/s> <http://a.example/p> 1 .")))
    1
    """
    graph = bind_prefixes(Graph(store="Oxigraph"))
    if isinstance(source, str | Path):
        graph.parse(str(source), format="ox-turtle", transactional=False)
    else:
        graph.parse(source, format="ox-turtle", transactional=False)
    return graph


def _position(sparql: str, index: int) -> tuple[int, int]:
    """The line and column (from 1) of a character offset."""
    before = sparql[:index]
    return before.count("\n") + 1, index - (before.rfind("\n") + 1) + 1


def _syntax_error(error: Exception, sparql: str) -> QuerySyntaxError | None:
    """The located error of a parser's exception, or None when it is no syntax error."""
    text = str(error)
    if isinstance(error, SyntaxError) and (match := _LOCATED.match(text)):
        # pyoxigraph: "error at 3:15: expected one of ..."; keep the first line, briefly
        line, column, message = match.groups()
        message = message.splitlines()[0] if message.strip() else "syntax error"
        if "Prefix not found" in message:
            message = _UNDECLARED
        elif len(message) > _MESSAGE_MAX:
            message = message[:_MESSAGE_MAX].rstrip() + " ..."
        return QuerySyntaxError(message, line=int(line), column=int(column))
    if type(error).__name__ in {"ParseException", "ParseSyntaxException"}:
        # rdflib's engine parses with pyparsing, whose errors carry lineno and col
        lineno, col = getattr(error, "lineno", 1), getattr(error, "col", 1)
        message = getattr(error, "msg", text)
        return QuerySyntaxError(str(message), line=int(lineno), column=int(col))
    if match := _UNKNOWN_PREFIX.match(text):
        # rdflib reports an undeclared prefix without a position: find its first use
        use = re.search(rf"(?<![\w:<]){re.escape(match.group(1))}:", sparql)
        line, column = _position(sparql, use.start()) if use else (1, 1)
        return QuerySyntaxError(_UNDECLARED, line=line, column=column)
    return None


def run_query(graph: Graph, sparql: str) -> Result:
    """Run a SPARQL 1.1 query with newsgraph's prefixes bound.

    Raises :class:`QuerySyntaxError`, with line and column, when ``sparql`` does not parse.

    >>> run_query(Graph(), "SELECT ?x WHERE {\n  ?x a }")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    graph.query.QuerySyntaxError: line 2, column 8: Expected SelectQuery...
    """
    namespaces = {prefix: URIRef(namespace) for prefix, namespace in PREFIXES.items()}
    try:
        return graph.query(sparql, initNs=namespaces)
    except Exception as error:  # pyoxigraph raises SyntaxError, rdflib pyparsing errors
        located = _syntax_error(error, sparql)
        if located is None:
            raise
        raise located from error


@cache
def query_names() -> tuple[str, ...]:
    """The names of the example queries shipped in ``graph/queries``, sorted.

    >>> query_names()[:2]
    ('articles-by-date', 'best-corroborated')
    """
    folder = files(__package__ or "graph").joinpath("queries")
    return tuple(sorted(
        entry.name.removesuffix(".rq") for entry in folder.iterdir() if entry.name.endswith(".rq")
    ))


def query_text(name: str) -> str:
    """The SPARQL text of a shipped example query.

    >>> query_text("who-chairs-what").startswith("# Who chairs what")
    True
    """
    if name not in query_names():
        message = f"no example query named {name!r} (expected one of: {', '.join(query_names())})"
        raise KeyError(message)
    folder = files(__package__ or "graph").joinpath("queries")
    return folder.joinpath(f"{name}.rq").read_text(encoding="utf-8")


def _compact(value: Node | None) -> str:
    """A cell of a text table: an IRI under a bound prefix as a prefixed name."""
    if value is None:
        return ""
    if isinstance(value, URIRef):
        text = str(value)
        for prefix, namespace in sorted(PREFIXES.items(), key=lambda p: -len(p[1])):
            rest = text[len(namespace):]
            if text.startswith(namespace) and re.fullmatch(r"[\w.-]*", rest):
                return f"{prefix}:{rest}"
        return text
    return str(value)


def _rows(result: Result, *, compact: bool) -> tuple[list[str], list[list[str]]]:
    names = [str(v) for v in result.vars or []]
    rows = []
    for row in result:
        values = row if isinstance(row, tuple) else (row,)
        rows.append([_compact(v) if compact else ("" if v is None else str(v)) for v in values])
    return names, rows


def format_result(result: Result, output: OutputFormat = OutputFormat.TABLE) -> str:
    """Render a query result as a text table, CSV or SPARQL JSON results.

    The table shows IRIs as prefixed names (``organisation:smic``); CSV and JSON keep
    them whole. CONSTRUCT and DESCRIBE results are Turtle whatever the format.

    >>> g = Graph()
    >>> print(format_result(run_query(g, "ASK { ?s ?p ?o }"), OutputFormat.JSON), end="")
    {"head": {}, "boolean": false}
    """
    if result.type == "ASK":
        if output is OutputFormat.JSON:
            return json.dumps({"head": {}, "boolean": bool(result.askAnswer)}) + "\n"
        return ("true" if result.askAnswer else "false") + "\n"
    if result.type in {"CONSTRUCT", "DESCRIBE"}:
        graph = result.graph if result.graph is not None else Graph()
        return bind_prefixes(graph).serialize(format="turtle")
    if output is OutputFormat.JSON:
        return result.serialize(format="json").decode("utf-8") + "\n"
    if output is OutputFormat.CSV:
        names, rows = _rows(result, compact=False)
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(names)
        writer.writerows(rows)
        return buffer.getvalue()
    names, rows = _rows(result, compact=True)
    widths = [max([len(n), *(len(r[i]) for r in rows)]) for i, n in enumerate(names)]
    lines = ["  ".join(n.ljust(w) for n, w in zip(names, widths, strict=True)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    return "\n".join(lines) + "\n"
