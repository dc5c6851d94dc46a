"""``newsgraph serve``: a read-only SPARQL 1.1 Protocol endpoint over a graph folder and its viewer.

``/sparql`` answers queries sent as ``GET ?query=``, as ``POST`` of
``application/x-www-form-urlencoded`` (``query=``) or of ``application/sparql-query``, on the
folder's Oxigraph store (opened read-only; ``graph.ttl`` loaded when there is no store).
Results follow the ``Accept`` header: SPARQL JSON (the default), CSV, TSV or XML for
``SELECT`` and ``ASK``; Turtle (the default), N-Triples or RDF/XML for ``CONSTRUCT`` and
``DESCRIBE``. Updates and ``SERVICE`` (which would send requests to any host a query names)
are refused (403), and anything else that is no query (400), each with one line saying why.
``/`` serves the folder's ``graph.html``.

The server binds to 127.0.0.1 unless told otherwise and sends no CORS header, so no web page
from elsewhere can read the graph through the user's browser. When a build swaps in a new
store generation the next request opens it.

Examples
--------
>>> preferred("text/csv;q=0.5, application/sparql-results+json", SOLUTION_TYPES)
'application/sparql-results+json'
>>> preferred("*/*", GRAPH_TYPES)
'text/turtle'
>>> is_update("PREFIX ex: <http://example.com/>\\nINSERT DATA { ex:a ex:b ex:c }")
True
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Callable, Mapping
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pyoxigraph as ox

from newsgraph.errors import (
    GraphNotFoundError,
    GraphReadError,
    NewsgraphError,
    QuerySyntaxError,
)

__all__ = [
    "GRAPH_TYPES",
    "SOLUTION_TYPES",
    "is_update",
    "make_server",
    "preferred",
    "serve",
]

#: Media types of SELECT and ASK results, the default first.
SOLUTION_TYPES: dict[str, ox.QueryResultsFormat] = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "application/xml": ox.QueryResultsFormat.XML,
}
#: Media types of CONSTRUCT and DESCRIBE results, the default first.
GRAPH_TYPES: dict[str, ox.RdfFormat] = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "text/plain": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
}
_UPDATE = re.compile(
    r"^(?:\s|#[^\n]*\n|(?:PREFIX\s+[\w.-]*:\s*<[^>]*>)|(?:BASE\s*<[^>]*>))*"
    r"(?:INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b",
    re.IGNORECASE,
)
# Conservative: the word anywhere outside an IRI, even in a literal, is refused, since a
# federated query would make this endpoint send requests to any host it names.
_SERVICE = re.compile(r"(?<![\w:?$<])SERVICE(?![\w:-])", re.IGNORECASE)
_IRI = re.compile(r"<[^<>\s]*>")
_READ_ONLY = "this endpoint is read-only: SPARQL updates are refused"
_NO_SERVICE = "this endpoint answers from its own graph only: SERVICE is refused"
_MAX_BODY = 1 << 20


def preferred(accept: str | None, types: Mapping[str, object]) -> str:
    """The media type of ``types`` the ``Accept`` header prefers; the first one by default."""
    best, best_q = next(iter(types)), -1.0
    for position, part in enumerate((accept or "").split(",")):
        media, *params = (p.strip() for p in part.split(";"))
        q = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        q -= position * 1e-6  # earlier wins a tie
        if media.lower() in types and q > best_q and q > 0:
            best, best_q = media.lower(), q
    return best


def is_update(text: str) -> bool:
    """Whether ``text`` is a SPARQL update rather than a query (after prefixes and comments)."""
    return _UPDATE.match(text) is not None


class _Graph:
    """The folder's store, reopened when a build has swapped in a new generation."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.lock = threading.Lock()
        self.key: str | None = None
        self.store: ox.Store | None = None

    def current(self) -> ox.Store:
        from newsgraph.graph.store import STORE_NAME, open_graph

        try:
            key: str | None = os.readlink(self.folder / STORE_NAME)
        except OSError:
            key = None
        with self.lock:
            if self.store is None or key != self.key:
                try:
                    self.store, _ = open_graph(self.folder)
                except FileNotFoundError:
                    raise GraphNotFoundError(str(self.folder / "graph.ttl")) from None
                self.key = key
            return self.store


#: The names of this machine a request to a loopback endpoint may give in its Host header.
_LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})


def _handler(graph: _Graph) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        server_version = "newsgraph"

        def log_message(self, format: str, *args: object) -> None:
            pass  # quiet: the terminal shows only what the command prints

        def _foreign_host(self) -> bool:
            """Whether a request to an endpoint on this machine names another host: a web
            page rebinding its own name to 127.0.0.1 (refused, with 403)."""
            address = self.server.server_address
            bound = str(address[0]) if isinstance(address, tuple) else ""
            if bound not in _LOOPBACK:
                return False
            name = urlsplit(f"//{self.headers.get('Host') or ''}").hostname or ""
            if name in _LOOPBACK:
                return False
            self._error(HTTPStatus.FORBIDDEN, "this endpoint answers requests to localhost only")
            return True

        def do_GET(self) -> None:
            if self._foreign_host():
                return
            url = urlsplit(self.path)
            if url.path in {"/", "/graph.html"}:
                self._file(graph.folder / "graph.html", "text/html; charset=utf-8")
            elif url.path == "/sparql":
                self._sparql(parse_qs(url.query, keep_blank_values=True))
            else:
                self._error(HTTPStatus.NOT_FOUND, f"no such page: {url.path}")

        def do_POST(self) -> None:
            if self._foreign_host():
                return
            if urlsplit(self.path).path != "/sparql":
                self._error(HTTPStatus.NOT_FOUND, "POST goes to /sparql")
                return
            length = int(self.headers.get("Content-Length") or 0)
            if length > _MAX_BODY:
                self._error(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, "the request is over 1 MB")
                return
            body = self.rfile.read(length).decode("utf-8", errors="replace")
            kind = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            if kind == "application/sparql-update":
                self._error(HTTPStatus.FORBIDDEN, _READ_ONLY)
            elif kind == "application/sparql-query":
                self._sparql({"query": [body]})
            elif kind == "application/x-www-form-urlencoded":
                self._sparql(parse_qs(body, keep_blank_values=True))
            else:
                self._error(HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                            "send application/sparql-query or a form with query=")

        def _sparql(self, params: dict[str, list[str]]) -> None:
            if "update" in params:
                self._error(HTTPStatus.FORBIDDEN, _READ_ONLY)
                return
            queries = params.get("query") or []
            if len(queries) != 1 or not queries[0].strip():
                self._error(HTTPStatus.BAD_REQUEST, "give exactly one query (query=...)")
                return
            if is_update(queries[0]):
                self._error(HTTPStatus.FORBIDDEN, _READ_ONLY)
                return
            if _SERVICE.search(_IRI.sub(" ", queries[0])):
                self._error(HTTPStatus.FORBIDDEN, _NO_SERVICE)
                return
            self._answer(queries[0])

        def _answer(self, sparql: str) -> None:
            from newsgraph.graph.query import run_query

            try:
                result = run_query(graph.current(), sparql)
                accept = self.headers.get("Accept")
                if isinstance(result, ox.QueryTriples):
                    media = preferred(accept, GRAPH_TYPES)
                    body = result.serialize(format=GRAPH_TYPES[media])
                else:
                    media = preferred(accept, SOLUTION_TYPES)
                    body = result.serialize(format=SOLUTION_TYPES[media])
            except QuerySyntaxError as error:
                self._error(HTTPStatus.BAD_REQUEST, f"not a SPARQL query: {error.line()}")
                return
            except (GraphNotFoundError, GraphReadError) as error:
                self._error(HTTPStatus.INTERNAL_SERVER_ERROR, error.line())
                return
            except NewsgraphError as error:  # a query refused or stopped
                self._error(HTTPStatus.BAD_REQUEST, error.line())
                return
            except (OSError, RuntimeError, ValueError) as error:
                self._error(HTTPStatus.INTERNAL_SERVER_ERROR, f"the query failed: {error}")
                return
            self._send(HTTPStatus.OK, f"{media}; charset=utf-8", body or b"")

        def _file(self, path: Path, media: str) -> None:
            try:
                data = path.read_bytes()
            except OSError:
                self._error(HTTPStatus.NOT_FOUND, f"{path.name} is not built yet")
                return
            self._send(HTTPStatus.OK, media, data)

        def _error(self, status: HTTPStatus, message: str) -> None:
            self._send(status, "text/plain; charset=utf-8", (message + "\n").encode("utf-8"))

        def _send(self, status: HTTPStatus, media: str, body: bytes) -> None:
            self.send_response(status)
            self.send_header("Content-Type", media)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("X-Content-Type-Options", "nosniff")
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

    return Handler


def make_server(folder: Path, *, host: str = "127.0.0.1", port: int = 0) -> ThreadingHTTPServer:
    """A server for the graph in ``folder``, bound but not yet serving (``serve_forever``).

    Raises :class:`~newsgraph.errors.GraphNotFoundError` when the folder holds no graph, and
    ``NewsgraphError`` when the address cannot be used.
    """
    graph = _Graph(Path(folder))
    graph.current()  # fail now, not at the first request, when there is no graph
    try:
        server = ThreadingHTTPServer((host, port), _handler(graph))
    except OSError as error:
        message = f"cannot listen on {host}:{port} ({error.strerror or error})"
        raise NewsgraphError(str(folder), message) from error
    server.daemon_threads = True
    return server


def serve(
    folder: Path, *, host: str = "127.0.0.1", port: int = 7878,
    on_ready: Callable[[str], None] | None = None,
) -> None:
    """Serve the graph in ``folder`` until interrupted; ``on_ready`` gets the base URL."""
    server = make_server(folder, host=host, port=port)
    bound_host, bound_port = server.server_address[:2]
    if on_ready is not None:
        on_ready(f"http://{bound_host!s}:{bound_port}/")
    try:
        server.serve_forever()
    finally:
        server.server_close()
