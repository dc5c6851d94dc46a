"""SPARQL over a built graph, with newsgraph's prefixes bound, and the shipped example queries.

Two ways in, one engine. :func:`load_store` reads Turtle into a pyoxigraph ``Store`` and
:func:`run_query` answers on it with pyoxigraph's own results (what ``newsgraph query``
does: fastest). :func:`load_rdf` gives an rdflib ``Graph`` kept in pyoxigraph through the
``oxrdflib`` store, and :func:`run_query` on it returns rdflib's ``Result`` (the rdflib API,
at the cost of turning every answer into rdflib terms). Any other rdflib graph works too,
answered by rdflib's own engine. :func:`format_result` prints any of them.

Examples
--------
>>> turtle = b'''
... @prefix ng: <https://w3id.org/newsgraph/ontology#> .
... @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
... <https://w3id.org/newsgraph/id/person/li> a ng:Person ; rdfs:label "Li Keqiang" .
... '''
>>> sparql = "SELECT ?p ?name WHERE { ?p a ng:Person ; rdfs:label ?name }"
>>> print(format_result(run_query(load_store(io.BytesIO(turtle)), sparql)), end="")
p          name
---------  ----------
person:li  Li Keqiang
>>> result = run_query(load_rdf(io.BytesIO(turtle)), sparql)
>>> print(format_result(result, OutputFormat.CSV), end="")
p,name
https://w3id.org/newsgraph/id/person/li,Li Keqiang
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
from typing import IO, overload

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.query import Result

from newsgraph.errors import QuerySyntaxError
from newsgraph.graph.rdf import PREFIXES, _serialized, bind_prefixes, compact_iri

__all__ = [
    "Answer",
    "OutputFormat",
    "QuerySyntaxError",
    "format_result",
    "load_ontology",
    "load_rdf",
    "load_store",
    "query_names",
    "query_text",
    "run_query",
]

_LOCATED = re.compile(r"error at (\d+):(\d+): (.*)", re.DOTALL)
_MESSAGE_MAX = 200
#: What pyoxigraph answers a query with.
Answer = ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples
_UNKNOWN_PREFIX = re.compile(r"Unknown namespace prefix : (\S*)")
_UNDECLARED = "undeclared prefix (bound without PREFIX: " + ", ".join(PREFIXES) + ")"


class OutputFormat(enum.Enum):
    """How ``newsgraph query`` prints results."""

    TABLE = "table"
    CSV = "csv"
    JSON = "json"




def load_rdf(source: str | Path | IO[bytes]) -> Graph:
    """Read Turtle from a path or a binary stream into a pyoxigraph-backed rdflib graph.

    >>> len(load_rdf(io.BytesIO(b"<http://a.example/s> <http://a.example/p> 1 .")))
    1
    """
    graph = bind_prefixes(Graph(store="Oxigraph"))
    if isinstance(source, str | Path):
        graph.parse(str(source), format="ox-turtle", transactional=False)
    else:
        graph.parse(source, format="ox-turtle", transactional=False)
    return graph


def load_ontology(store: ox.Store) -> None:
    """Load the vocabulary (``ontology/newsgraph.ttl``) into ``store``'s default graph."""
    from newsgraph.ontology import ontology_text

    store.bulk_load(ontology_text().encode("utf-8"), format=ox.RdfFormat.TURTLE)


def load_store(source: str | Path | IO[bytes], *, ontology: bool = False) -> ox.Store:
    """Read Turtle from a path or a binary stream into an in-memory pyoxigraph store.

    With ``ontology``, the vocabulary (class and relation labels, the sub-property hierarchy,
    the policy-kind scheme) is loaded into the same default graph, so that a query can use it.
    Raises pyoxigraph's ``SyntaxError``, with the line and column, on malformed Turtle.

    >>> len(load_store(io.BytesIO(b"<http://a.example/s> <http://a.example/p> 1 .")))
    1
    """
    store = ox.Store()
    if ontology:
        load_ontology(store)
    if isinstance(source, str | Path):
        store.bulk_load(path=str(source), format=ox.RdfFormat.TURTLE)
    else:
        store.bulk_load(source, format=ox.RdfFormat.TURTLE)
    return store


def _position(sparql: str, index: int) -> tuple[int, int]:
    """The line and column (from 1) of a character offset."""
    before = sparql[:index]
    return before.count("\n") + 1, index - (before.rfind("\n") + 1) + 1


def _name_start(sparql: str, line: int, column: int) -> tuple[int, int]:
    """The line and column where the prefixed name ending at ``line``, ``column`` starts.

    >>> _name_start("SELECT * { ?x a foo:Bar }", 1, 24)
    (1, 17)
    """
    lines = sparql.split("\n")
    index = sum(len(text) + 1 for text in lines[: line - 1]) + column - 1
    start = min(index, len(sparql))
    while start > 0 and re.match(r"[\w:.\-%]", sparql[start - 1]):
        start -= 1
    while start < index and sparql[start] == ".":
        start += 1
    return _position(sparql, start)


def _syntax_error(error: Exception, sparql: str) -> QuerySyntaxError | None:
    """The located error of a parser's exception, or None when it is no syntax error."""
    text = str(error)
    if isinstance(error, SyntaxError) and (match := _LOCATED.match(text)):
        # pyoxigraph: "error at 3:15: expected one of ..."; keep the first line, briefly
        line, column, message = match.groups()
        message = message.splitlines()[0] if message.strip() else "syntax error"
        if "Prefix not found" in message:
            # reported after the prefixed name: point at its start
            message = _UNDECLARED
            line, column = map(str, _name_start(sparql, int(line), int(column)))
        elif len(message) > _MESSAGE_MAX:
            message = message[:_MESSAGE_MAX].rstrip() + " ..."
        if (int(line), int(column)) >= _position(sparql, len(sparql.rstrip())):
            # pyoxigraph often places an error at the end of the text; rdflib's parser
            # finds where the statement that fails starts
            return _rdflib_syntax_error(sparql) or QuerySyntaxError(
                message, line=int(line), column=int(column))
        return QuerySyntaxError(message, line=int(line), column=int(column))
    if type(error).__name__ in {"ParseException", "ParseSyntaxException"}:
        # rdflib's engine parses with pyparsing, whose errors carry lineno and col
        lineno, col = int(getattr(error, "lineno", 1)), int(getattr(error, "col", 1))
        message = str(getattr(error, "msg", text))
        lines = sparql.splitlines()
        found = lines[lineno - 1][col - 1:].strip()[:40] if lineno <= len(lines) else ""
        message += f", found {found!r}" if found else ", found the end of the query"
        return QuerySyntaxError(message, line=lineno, column=col)
    if match := _UNKNOWN_PREFIX.match(text):
        # rdflib reports an undeclared prefix without a position: find its first use
        use = re.search(rf"(?<![\w:<]){re.escape(match.group(1))}:", sparql)
        line, column = _position(sparql, use.start()) if use else (1, 1)
        return QuerySyntaxError(_UNDECLARED, line=line, column=column)
    return None


def _rdflib_syntax_error(sparql: str) -> QuerySyntaxError | None:
    """The error rdflib's SPARQL parser finds in ``sparql``, if it finds one."""
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        parseQuery(sparql)
    except Exception as error:  # pyparsing's ParseException and kin
        located = _syntax_error(error, sparql)
        return located if located is not None and not isinstance(error, SyntaxError) else None
    return None


@overload
def run_query(graph: Graph, sparql: str) -> Result: ...


@overload
def run_query(graph: ox.Store, sparql: str) -> Answer: ...


def run_query(graph: Graph | ox.Store, sparql: str) -> Result | Answer:
    """Run a SPARQL 1.1 query with newsgraph's prefixes bound.

    On a pyoxigraph ``Store`` the answer is pyoxigraph's; on an rdflib ``Graph``, rdflib's.
    Raises :class:`QuerySyntaxError`, with line and column, when ``sparql`` does not parse.

    >>> run_query(ox.Store(), "SELECT ?x WHERE {\\n  ?x a ng:Person . ?x }")
    Traceback (most recent call last):
    ...
    newsgraph.errors.QuerySyntaxError: query: line 2, column 20: Expected SelectQuery, found '?x }'
    """
    try:
        if isinstance(graph, ox.Store):
            return graph.query(sparql, prefixes=PREFIXES)
        namespaces = {prefix: URIRef(namespace) for prefix, namespace in PREFIXES.items()}
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
    folder = files(__package__ or "newsgraph.graph").joinpath("queries")
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
    folder = files(__package__ or "newsgraph.graph").joinpath("queries")
    return folder.joinpath(f"{name}.rq").read_text(encoding="utf-8")


def _cell(value: object, *, compact: bool) -> str:
    """The text of one value of a solution, of either engine."""
    if value is None:
        return ""
    if isinstance(value, ox.NamedNode | URIRef):
        text = value.value if isinstance(value, ox.NamedNode) else str(value)
        return compact_iri(text) if compact else text
    if isinstance(value, ox.BlankNode):
        return f"_:{value.value}"
    if isinstance(value, ox.Literal):
        return value.value
    return str(value)


def _table(names: list[str], rows: list[list[str]]) -> str:
    widths = [max([len(n), *(len(r[i]) for r in rows)]) for i, n in enumerate(names)]
    lines = ["  ".join(n.ljust(w) for n, w in zip(names, widths, strict=True)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    return "\n".join(lines) + "\n"


def _csv(names: list[str], rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(names)
    writer.writerows(rows)
    return buffer.getvalue()


def _boolean(answer: bool, output: OutputFormat) -> str:
    if output is OutputFormat.JSON:
        return json.dumps({"head": {}, "boolean": answer}) + "\n"
    return ("true" if answer else "false") + "\n"


def _format_native(result: Answer, output: OutputFormat) -> str:
    if isinstance(result, ox.QueryBoolean):
        return _boolean(bool(result), output)
    if isinstance(result, ox.QueryTriples):
        triples = sorted(result, key=str)
        turtle = ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)
        return _serialized(turtle).decode("utf-8")
    if output is OutputFormat.JSON:
        json_text = _serialized(result.serialize(format=ox.QueryResultsFormat.JSON))
        return json_text.decode("utf-8") + "\n"
    names = [v.value for v in result.variables]
    compact = output is OutputFormat.TABLE
    rows = [[_cell(solution[i], compact=compact) for i in range(len(names))]
            for solution in result]
    return _table(names, rows) if compact else _csv(names, rows)


def format_result(result: Result | Answer, output: OutputFormat = OutputFormat.TABLE) -> str:
    """Render a query result, of either engine, as a text table, CSV or SPARQL JSON results.

    The table shows IRIs as prefixed names (``organisation:SMIC``); CSV and JSON keep
    them whole. CONSTRUCT and DESCRIBE results are Turtle whatever the format.

    >>> print(format_result(run_query(Graph(), "ASK { ?s ?p ?o }"), OutputFormat.JSON), end="")
    {"head": {}, "boolean": false}
    """
    if not isinstance(result, Result):
        return _format_native(result, output)
    if result.type == "ASK":
        return _boolean(bool(result.askAnswer), output)
    if result.type in {"CONSTRUCT", "DESCRIBE"}:
        graph = result.graph if result.graph is not None else Graph()
        return bind_prefixes(graph).serialize(format="turtle")
    if output is OutputFormat.JSON:
        return _serialized(result.serialize(format="json")).decode("utf-8") + "\n"
    names = [str(v) for v in result.vars or []]
    compact = output is OutputFormat.TABLE
    rows = [[_cell(v, compact=compact) for v in (row if isinstance(row, tuple) else (row,))]
            for row in result]
    return _table(names, rows) if compact else _csv(names, rows)
