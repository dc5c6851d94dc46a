"""SPARQL over a built graph, with newsgraph's prefixes bound, and the shipped example queries.

Two ways in, one engine. :func:`load_store` reads Turtle into a pyoxigraph ``Store`` and
:func:`run_query` answers on it with pyoxigraph's own results (what ``newsgraph query``
does: fastest). :func:`load_rdf` gives an rdflib ``Graph`` kept in pyoxigraph through the
``oxrdflib`` store, and :func:`run_query` on it returns rdflib's ``Result`` (the rdflib API,
at the cost of turning every answer into rdflib terms). Any other rdflib graph works too,
answered by rdflib's own engine. :func:`format_result` prints any of them.

The graph is read-only and local: a SPARQL update is refused with a message that says so, and
so is ``SERVICE`` (a query that would send requests to any host, link-local ones included)
unless ``allow_service`` is given. :func:`format_limited` stops at a number of rows.

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
import itertools
import json
import re
from collections.abc import Iterable, Sequence
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import IO, TypeVar, overload

import pyoxigraph as ox
from rdflib import BNode, Graph, URIRef
from rdflib import Literal as RDFLiteral
from rdflib.query import Result

from newsgraph.errors import NewsgraphError, QuerySyntaxError, printable
from newsgraph.graph.iris import DEFAULT_BASE
from newsgraph.graph.rdf import PREFIXES, _serialized, bind_prefixes, compact_iri, prefixes_of

__all__ = [
    "Answer",
    "OutputFormat",
    "QuerySyntaxError",
    "format_limited",
    "format_result",
    "json_results",
    "load_ontology",
    "load_rdf",
    "load_store",
    "query_names",
    "query_refusal",
    "query_text",
    "run_query",
]

_T = TypeVar("_T")
#: How errors name a query given as text.
_QUERY = "query"
_LOCATED = re.compile(r"error at (\d+):(\d+): (.*)", re.DOTALL)
_MESSAGE_MAX = 200
#: What pyoxigraph answers a query with.
Answer = ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples
_UNKNOWN_PREFIX = re.compile(r"Unknown namespace prefix : (\S*)")
_UNDECLARED = "undeclared prefix (bound without PREFIX: " + ", ".join(PREFIXES) + ")"
#: Comments and string literals of SPARQL, which may hold any word.
_COMMENTS_STRINGS = re.compile(
    r'#[^\n]*|"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
    r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'', re.DOTALL)
_IRI = re.compile(r'<[^<>"{}|^`\\\x00-\x20]*>')
_SERVICE = re.compile(r"(?<![\w:?$])SERVICE(?![\w:-])", re.IGNORECASE)
_PROLOGUE = r"(?:\s*(?:PREFIX\s+[^\s:]*:\s*<[^>]*>|BASE\s*<[^>]*>))*\s*"
_UPDATE = re.compile(
    _PROLOGUE + r"(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)(?![\w:-])",
    re.IGNORECASE)
READ_ONLY = (
    "is a SPARQL update ({keyword}); the graph is read-only (queries are SELECT, ASK, "
    "CONSTRUCT or DESCRIBE; build again to change the graph)"
)
SERVICE_REFUSED = (
    "asks a remote endpoint (SERVICE), which sends requests to any host it names; refused "
    "(--allow-service allows it)"
)


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
def run_query(graph: Graph, sparql: str, *, allow_service: bool = ...,
              base: str = ...) -> Result: ...


@overload
def run_query(graph: ox.Store, sparql: str, *, allow_service: bool = ...,
              base: str = ...) -> Answer: ...


def run_query(
    graph: Graph | ox.Store, sparql: str, *, allow_service: bool = False,
    base: str = DEFAULT_BASE,
) -> Result | Answer:
    """Run a SPARQL 1.1 query with newsgraph's prefixes bound, the node prefixes
    (``organisation:`` ...) under ``base``, the base the graph was built with.

    On a pyoxigraph ``Store`` the answer is pyoxigraph's; on an rdflib ``Graph``, rdflib's.
    Raises :class:`QuerySyntaxError`, with line and column, when ``sparql`` does not parse,
    and :class:`~newsgraph.errors.NewsgraphError` for an update (the graph is read-only),
    for ``SERVICE`` without ``allow_service``, and for a query the engine fails to answer.

    >>> run_query(ox.Store(), "SELECT ?x WHERE {\\n  ?x a ng:Person . ?x }")
    Traceback (most recent call last):
    ...
    newsgraph.errors.QuerySyntaxError: query: line 2, column 20: Expected SelectQuery, found '?x }'
    >>> run_query(ox.Store(), "INSERT DATA { ng:a ng:b ng:c }")
    Traceback (most recent call last):
    ...
    newsgraph.errors.NewsgraphError: query: is a SPARQL update (INSERT); the graph is read-only \
(queries are SELECT, ASK, CONSTRUCT or DESCRIBE; build again to change the graph)
    """
    refusal = query_refusal(sparql, allow_service=allow_service)
    if refusal is not None:
        raise NewsgraphError(_QUERY, refusal)
    try:
        if isinstance(graph, ox.Store):
            # a folder's store keeps the vocabulary in a graph of its own: read with the graph
            return graph.query(sparql, prefixes=prefixes_of(base),
                               use_default_graph_as_union=True)
        namespaces = {prefix: URIRef(namespace) for prefix, namespace in prefixes_of(base).items()}
        return graph.query(sparql, initNs=namespaces)
    except Exception as error:  # pyoxigraph raises SyntaxError, rdflib pyparsing errors
        located = _syntax_error(error, sparql)
        if located is None:
            reason = " ".join(str(error).split()) or type(error).__name__
            message = f"could not be answered ({reason})"
            raise NewsgraphError(_QUERY, message) from error
        raise located from error


def query_refusal(sparql: str, *, allow_service: bool = False) -> str | None:
    """Why ``sparql`` is not run: an update, or ``SERVICE`` unless allowed; None to run it.

    Words inside comments, strings and IRIs do not count.

    >>> query_refusal("SELECT * { SERVICE <http://169.254.169.254/> { ?s ?p ?o } }")[:40]
    'asks a remote endpoint (SERVICE), which '
    >>> query_refusal('SELECT * { ?s rdfs:label "SERVICE" } # SERVICE') is None
    True
    >>> query_refusal("PREFIX x: <http://x/> DELETE WHERE { ?s ?p ?o }")[:30]
    'is a SPARQL update (DELETE); t'
    """
    bare = _COMMENTS_STRINGS.sub(" ", sparql)
    if match := _UPDATE.match(bare):
        return READ_ONLY.format(keyword=match.group(1).upper())
    if not allow_service and _SERVICE.search(_IRI.sub(" ", bare)):
        return SERVICE_REFUSED
    return None


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


def _cell(value: object, *, compact: bool, base: str = DEFAULT_BASE) -> str:
    """The text of one value of a solution, of either engine."""
    if value is None:
        return ""
    if isinstance(value, ox.NamedNode | URIRef):
        text = value.value if isinstance(value, ox.NamedNode) else str(value)
        return compact_iri(text, base) if compact else text
    if isinstance(value, ox.BlankNode):
        return f"_:{value.value}"
    if isinstance(value, ox.Literal):
        return value.value
    return str(value)


def _table(names: list[str], rows: list[list[str]]) -> str:
    rows = [[printable(value) for value in row] for row in rows]
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


def _first(items: Iterable[_T], limit: int | None) -> tuple[list[_T], bool]:
    """Up to ``limit`` items, and whether there were more."""
    if limit is None:
        return list(items), False
    found = list(itertools.islice(items, limit + 1))
    return found[:limit], len(found) > limit


def _json_term(value: object) -> dict[str, str]:
    """One term of either engine as SPARQL 1.1 JSON results write it."""
    if isinstance(value, ox.NamedNode | URIRef):
        return {"type": "uri", "value": value.value if isinstance(value, ox.NamedNode)
                else str(value)}
    if isinstance(value, ox.BlankNode):
        return {"type": "bnode", "value": value.value}
    if isinstance(value, ox.Literal):
        term = {"type": "literal", "value": value.value}
        if value.language:
            term["xml:lang"] = value.language
        elif value.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
            term["datatype"] = value.datatype.value
        return term
    if isinstance(value, RDFLiteral):
        term = {"type": "literal", "value": str(value)}
        if value.language:
            term["xml:lang"] = value.language
        elif value.datatype is not None:
            term["datatype"] = str(value.datatype)
        return term
    if isinstance(value, BNode):
        return {"type": "bnode", "value": str(value)}
    return {"type": "literal", "value": str(value)}


def json_results(names: list[str], rows: Sequence[Sequence[object]]) -> str:
    """SPARQL 1.1 JSON results of the variables ``names`` and ``rows`` of values (of either
    engine; None where unbound).

    >>> print(json_results(["o"], [[ox.Literal("1")], [None]]), end="")
    {"head": {"vars": ["o"]}, "results": {"bindings": [{"o": {"type": "literal", ...}}, {}]}}
    """
    bindings = [{name: _json_term(value) for name, value in zip(names, row, strict=True)
                 if value is not None} for row in rows]
    data = {"head": {"vars": names}, "results": {"bindings": bindings}}
    return json.dumps(data, ensure_ascii=False) + "\n"


def _format_native(
    result: Answer, output: OutputFormat, max_rows: int | None, base: str
) -> tuple[str, bool]:
    if isinstance(result, ox.QueryBoolean):
        return _boolean(bool(result), output), False
    if isinstance(result, ox.QueryTriples):
        found, more = _first(result, max_rows)
        triples = sorted(found, key=str)
        turtle = ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=prefixes_of(base))
        return _serialized(turtle).decode("utf-8"), more
    names = [v.value for v in result.variables]
    if output is OutputFormat.JSON and max_rows is None:
        json_text = _serialized(result.serialize(format=ox.QueryResultsFormat.JSON))
        return json_text.decode("utf-8") + "\n", False
    solutions, more = _first(result, max_rows)
    values = [[solution[i] for i in range(len(names))] for solution in solutions]
    if output is OutputFormat.JSON:
        return json_results(names, values), more
    compact = output is OutputFormat.TABLE
    rows = [[_cell(value, compact=compact, base=base) for value in row] for row in values]
    return (_table(names, rows) if compact else _csv(names, rows)), more


def format_result(
    result: Result | Answer, output: OutputFormat = OutputFormat.TABLE, *,
    base: str = DEFAULT_BASE,
) -> str:
    """Render a query result, of either engine, as a text table, CSV or SPARQL JSON results.

    The table shows IRIs as prefixed names (``organisation:SMIC``, the node prefixes under
    ``base``); CSV and JSON keep them whole. CONSTRUCT and DESCRIBE results are Turtle
    whatever the format.

    >>> print(format_result(run_query(Graph(), "ASK { ?s ?p ?o }"), OutputFormat.JSON), end="")
    {"head": {}, "boolean": false}
    """
    return format_limited(result, output, base=base)[0]


def format_limited(
    result: Result | Answer, output: OutputFormat = OutputFormat.TABLE, *,
    max_rows: int | None = None, base: str = DEFAULT_BASE,
) -> tuple[str, bool]:
    """:func:`format_result` of the first ``max_rows`` rows (or triples), and whether more
    were left out. Only the rows printed are read from the engine.

    The table escapes terminal control and bidirectional characters in the values: news text
    is untrusted.

    >>> store = load_store(io.BytesIO(b"<http://a.example/s> <http://a.example/p> 1, 2, 3 ."))
    >>> text, more = format_limited(run_query(store, "SELECT ?o { ?s ?p ?o } ORDER BY ?o"),
    ...                             OutputFormat.CSV, max_rows=2)
    >>> text, more
    ('o\\n1\\n2\\n', True)
    """
    if not isinstance(result, Result):
        return _format_native(result, output, max_rows, base)
    if result.type == "ASK":
        return _boolean(bool(result.askAnswer), output), False
    if result.type in {"CONSTRUCT", "DESCRIBE"}:
        graph = result.graph if result.graph is not None else Graph()
        if max_rows is not None and len(graph) > max_rows:
            kept = bind_prefixes(Graph())
            for triple in itertools.islice(sorted(graph), max_rows):
                kept.add(triple)
            return kept.serialize(format="turtle"), True
        return bind_prefixes(graph).serialize(format="turtle"), False
    names = [str(v) for v in result.vars or []]
    if output is OutputFormat.JSON and max_rows is None:
        return _serialized(result.serialize(format="json")).decode("utf-8") + "\n", False
    found, more = _first(result, max_rows)
    values = [list(row) if isinstance(row, tuple) else [row] for row in found]
    if output is OutputFormat.JSON:
        return json_results(names, values), more
    compact = output is OutputFormat.TABLE
    rows = [[_cell(v, compact=compact, base=base) for v in row] for row in values]
    return (_table(names, rows) if compact else _csv(names, rows)), more
