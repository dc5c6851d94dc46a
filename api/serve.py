"""``newsgraph serve``: a read-only SPARQL 1.1 Protocol endpoint over a graph folder and its viewer.

``/sparql`` answers queries sent as ``GET ?query=``, as ``POST`` of
``application/x-www-form-urlencoded`` (``query=``) or of ``application/sparql-query``, on the
folder's Oxigraph store (opened read-only; ``graph.ttl`` loaded when there is no store).
Results follow the ``Accept`` header: SPARQL JSON (the default), CSV, TSV or XML for
``SELECT`` and ``ASK``; Turtle (the default), N-Triples or RDF/XML for ``CONSTRUCT`` and
``DESCRIBE``. What :func:`~newsgraph.graph.query.query_refusal` refuses (updates, and
``SERVICE``, which would send requests to any host a query names) gets 403, and anything else
that is no query 400, each with one line saying why. ``/`` serves the folder's ``graph.html``,
allowed to ask ``/sparql`` for the neighbourhood of a node.

Every query runs in one of a few worker processes, as ``newsgraph query`` runs its child: one
that runs past the time limit, or needs more memory than the limit, is stopped (the worker is
killed and another started) and answered 503; an answer of more rows than the limit gets 413.
The server goes on answering other requests meanwhile.

The server binds to 127.0.0.1 unless told otherwise and sends no CORS header, so no web page
from elsewhere can read the graph through the user's browser. When a build swaps in a new
store generation the next query opens it.

Examples
--------
>>> preferred("text/csv;q=0.5, application/sparql-results+json", SOLUTION_TYPES)
'application/sparql-results+json'
>>> preferred("*/*", GRAPH_TYPES)
'text/turtle'
>>> Limits().timeout, Limits(max_rows=0).max_rows
(30.0, 0)
"""

from __future__ import annotations

import os
import queue
import socket
import subprocess
import sys
import threading
from collections.abc import Callable, Mapping
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from itertools import islice
from multiprocessing.connection import Connection
from pathlib import Path
from typing import NamedTuple
from urllib.parse import parse_qs, urlsplit

import pyoxigraph as ox

from newsgraph.errors import (
    GraphNotFoundError,
    GraphReadError,
    NewsgraphError,
    QuerySyntaxError,
)
from newsgraph.graph.iris import DEFAULT_BASE

__all__ = [
    "ENDPOINT_META",
    "GRAPH_TYPES",
    "MAX_MEMORY",
    "MAX_ROWS",
    "QUERY_TIMEOUT",
    "SOLUTION_TYPES",
    "WORKERS",
    "Limits",
    "Reply",
    "answer",
    "limit_memory",
    "make_server",
    "preferred",
    "serve",
    "served_page",
]

#: Seconds a query runs before it is stopped, by default (``newsgraph query`` and ``serve``).
QUERY_TIMEOUT = 30.0
#: Rows (or triples) of an answer at most, by default.
MAX_ROWS = 10_000
#: Megabytes a query's process may take, by default.
MAX_MEMORY = 4096
#: Worker processes of ``newsgraph serve``, so many queries answered at once, by default.
WORKERS = 2

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
_READ_ONLY = "this endpoint is read-only: SPARQL updates are refused"
_NO_SERVICE = "this endpoint answers from its own graph only: SERVICE is refused"
_MAX_BODY = 1 << 20
#: The ``<meta>`` that tells the viewer where to ask for a node's neighbourhood.
ENDPOINT_META = '<meta name="newsgraph-sparql" content="sparql">'


class Limits(NamedTuple):
    """What one query may take: seconds, megabytes, rows of its answer (0: no limit)."""

    timeout: float = QUERY_TIMEOUT
    max_memory: int = MAX_MEMORY
    max_rows: int = MAX_ROWS


class Reply(NamedTuple):
    """An HTTP answer: status, media type, body."""

    status: int
    media: str
    body: bytes


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


def limit_memory(megabytes: int) -> None:
    """Cap this process's address space (where the platform allows it); 0 leaves it."""
    if not megabytes:
        return
    try:
        import resource
    except ImportError:  # pragma: no cover - Windows
        return
    limit = megabytes * 1024 * 1024
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


class _Graph:
    """The folder's store, reopened when a build has swapped in a new generation, and the
    base its graph was built with."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.lock = threading.Lock()
        self.key: str | None = None
        self.store: ox.Store | None = None
        self.base = DEFAULT_BASE

    def current(self) -> ox.Store:
        from newsgraph.graph.store import STORE_NAME, graph_base

        try:
            key: str | None = os.readlink(self.folder / STORE_NAME)
        except OSError:
            key = None
        with self.lock:
            if self.store is None or key != self.key:
                self.store = _open(self.folder)
                self.key = key
                self.base = graph_base(self.folder / "graph.ttl")
            return self.store


def _open(folder: Path) -> ox.Store:
    """The folder's graph: its store, else its Turtle with the vocabulary (as ``query``)."""
    from newsgraph.graph.query import load_ontology
    from newsgraph.graph.store import open_graph

    try:
        store, read = open_graph(folder)
    except FileNotFoundError:
        raise GraphNotFoundError(str(folder / "graph.ttl")) from None
    except (SyntaxError, OSError) as error:
        turtle = str(folder / "graph.ttl")
        raise GraphReadError(turtle, f"not readable Turtle ({error})") from error
    if read.suffix == ".ttl":
        load_ontology(store)
    return store


def served_page(page: str) -> str:
    """The viewer page as ``serve`` sends it: it may ask its own origin (``connect-src
    'self'``, which ``graph.html`` opened as a file may not), and knows the endpoint.

    >>> import networkx as nx
    >>> from newsgraph.graph.html import render_html
    >>> page = served_page(render_html(nx.MultiDiGraph()))
    >>> ENDPOINT_META in page, "connect-src &#x27;self&#x27;" in page
    (True, True)
    """
    none = "default-src &#x27;none&#x27;;"
    page = page.replace(none, f"{none} connect-src &#x27;self&#x27;;", 1)
    return page.replace("<head>", "<head>\n" + ENDPOINT_META, 1)


def _text(status: HTTPStatus, message: str) -> Reply:
    return Reply(status, "text/plain; charset=utf-8", (message + "\n").encode("utf-8"))


def _too_many(max_rows: int) -> Reply:
    message = (f"the answer has more than {max_rows:,} rows: add a LIMIT to the query "
               "(serve --max-rows sets the limit)")
    return _text(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, message)


def answer(
    store: ox.Store, sparql: str, accept: str | None, max_rows: int, *,
    base: str = DEFAULT_BASE,
) -> Reply:
    """The HTTP answer to a query on ``store``: results in the media type ``accept`` prefers,
    or one line saying why there are none. The node prefixes are those under ``base``. Runs
    in a worker process.

    >>> store = ox.Store()
    >>> answer(store, "ASK { ?s ?p ?o }", "text/csv", 10).body
    b'false'
    >>> int(answer(store, "DROP ALL", None, 10).status)
    403
    """
    from newsgraph.graph.query import SERVICE_REFUSED, query_refusal, run_query

    refusal = query_refusal(sparql)
    if refusal is not None:
        return _text(HTTPStatus.FORBIDDEN, _NO_SERVICE if refusal == SERVICE_REFUSED
                     else f"this query {refusal}")
    try:
        result = run_query(store, sparql, base=base)
        if isinstance(result, ox.QueryTriples):
            media = preferred(accept, GRAPH_TYPES)
            triples = list(islice(result, max_rows + 1)) if max_rows else list(result)
            if max_rows and len(triples) > max_rows:
                return _too_many(max_rows)
            from newsgraph.graph.rdf import prefixes_of

            rdf_format = GRAPH_TYPES[media]
            prefixes = prefixes_of(base) if rdf_format is not ox.RdfFormat.N_TRIPLES else None
            body = ox.serialize(triples, format=rdf_format, prefixes=prefixes)
        else:
            media = preferred(accept, SOLUTION_TYPES)
            if isinstance(result, ox.QuerySolutions) and max_rows:
                bounded = _bounded(result, max_rows)
                if bounded is None:
                    return _too_many(max_rows)
                result = bounded
            body = result.serialize(format=SOLUTION_TYPES[media])
    except QuerySyntaxError as error:
        return _text(HTTPStatus.BAD_REQUEST, f"not a SPARQL query: {error.line()}")
    except NewsgraphError as error:  # the engine could not answer it
        return _text(HTTPStatus.BAD_REQUEST, error.line())
    except (OSError, RuntimeError, ValueError) as error:
        return _text(HTTPStatus.INTERNAL_SERVER_ERROR, f"the query failed: {error}")
    return Reply(HTTPStatus.OK, f"{media}; charset=utf-8", body or b"")


def _bounded(result: ox.QuerySolutions, max_rows: int) -> ox.QuerySolutions | None:
    """The first rows of ``result``, as solutions again; None when there are more than
    ``max_rows``."""
    from newsgraph.graph.query import json_results

    names = [v.value for v in result.variables]
    rows = list(islice(result, max_rows + 1))
    if len(rows) > max_rows:
        return None
    text = json_results(names, [[row[i] for i in range(len(names))] for row in rows])
    parsed = ox.parse_query_results(text.encode("utf-8"), format=ox.QueryResultsFormat.JSON)
    assert isinstance(parsed, ox.QuerySolutions)
    return parsed


def _work(argv: list[str]) -> None:
    """A worker process (``argv``: the socket's descriptor, the folder, the memory and row
    limits): answer each ``(sparql, accept)`` received, until the socket closes."""
    descriptor, folder, memory, rows = argv
    connection = Connection(int(descriptor))
    max_memory, max_rows = int(memory), int(rows)
    limit_memory(max_memory)
    graph = _Graph(Path(folder))
    while True:
        try:
            sparql, accept = connection.recv()
        except (EOFError, OSError):
            return
        try:
            store = graph.current()
            reply = answer(store, sparql, accept, max_rows, base=graph.base)
        except (GraphNotFoundError, GraphReadError) as error:
            reply = _text(HTTPStatus.INTERNAL_SERVER_ERROR, error.line())
        except MemoryError:
            reply = _out_of_memory(max_memory)
            graph = _Graph(Path(folder))
        connection.send(reply)


def _out_of_memory(max_memory: int) -> Reply:
    message = (f"the query was stopped: it needed more than the memory limit of {max_memory:,} "
               "MB (serve --max-memory sets it)")
    return _text(HTTPStatus.SERVICE_UNAVAILABLE, message)


class _Worker(NamedTuple):
    process: subprocess.Popen[bytes]
    connection: Connection


#: What a worker process runs: its own interpreter, importing only the query modules (not the
#: caller's main module, as multiprocessing's spawn would).
_WORKER = "import sys; from newsgraph.serve import _work; _work(sys.argv[1:])"


class _Pool:
    """Worker processes answering queries, each stopped when its query runs past the limits."""

    def __init__(self, folder: Path, limits: Limits, size: int) -> None:
        self.folder, self.limits = folder, limits
        self.idle: queue.Queue[_Worker] = queue.Queue()
        self.lock = threading.Lock()
        self.workers: set[_Worker] = set()
        self.closed = False
        for _ in range(size):
            self.idle.put(self._start())

    def _start(self) -> _Worker:
        mine, theirs = socket.socketpair()
        with theirs:
            process = subprocess.Popen(
                [sys.executable, "-c", _WORKER, str(theirs.fileno()), str(self.folder),
                 str(self.limits.max_memory), str(self.limits.max_rows)],
                pass_fds=[theirs.fileno()], stdin=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        worker = _Worker(process, Connection(mine.detach()))
        with self.lock:
            self.workers.add(worker)
        return worker

    def _stop(self, worker: _Worker) -> None:
        with self.lock:
            self.workers.discard(worker)
        worker.connection.close()
        worker.process.kill()
        worker.process.wait()

    def ask(self, sparql: str, accept: str | None) -> Reply:
        """The answer of a worker to a query, or why there is none."""
        # the operating system's timers take no more than about 24 days
        timeout = min(self.limits.timeout, 1_000_000.0) or None
        try:
            worker = self.idle.get(timeout=timeout)
        except queue.Empty:
            message = (f"every worker was busy for {self.limits.timeout:g} s: "
                       "try again later (serve --workers sets how many)")
            return _text(HTTPStatus.SERVICE_UNAVAILABLE, message)
        try:
            worker.connection.send((sparql, accept))
            if worker.connection.poll(timeout):
                reply: Reply = worker.connection.recv()
                self.idle.put(worker)
                return reply
            message = (f"the query was stopped at the time limit of {self.limits.timeout:g} s "
                       "(serve --timeout sets it)")
            failed = _text(HTTPStatus.SERVICE_UNAVAILABLE, message)
        except (EOFError, OSError):  # the engine aborts when an allocation fails
            code = worker.process.poll()
            failed = _out_of_memory(self.limits.max_memory) if self.limits.max_memory else (
                _text(HTTPStatus.INTERNAL_SERVER_ERROR,
                      f"the query's process ended ({code})"))
        self._stop(worker)
        if not self.closed:
            self.idle.put(self._start())
        return failed

    def close(self) -> None:
        self.closed = True
        with self.lock:
            workers = list(self.workers)
        for worker in workers:
            self._stop(worker)


#: The names of this machine a request to a loopback endpoint may give in its Host header.
_LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})


def _handler(folder: Path, pool: _Pool) -> type[BaseHTTPRequestHandler]:
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
            try:
                name = urlsplit(f"//{self.headers.get('Host') or ''}").hostname or ""
            except ValueError:  # "[::1": no host at all
                name = ""
            if name in _LOOPBACK:
                return False
            self._error(HTTPStatus.FORBIDDEN, "this endpoint answers requests to localhost only")
            return True

        def do_GET(self) -> None:
            if self._foreign_host():
                return
            url = urlsplit(self.path)
            if url.path in {"/", "/graph.html"}:
                self._viewer()
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
            try:
                length = int(self.headers.get("Content-Length") or "")
            except ValueError:
                length = -1
            if length < 0:
                self._error(HTTPStatus.LENGTH_REQUIRED, "give the body's length (Content-Length)")
                return
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
            self._send(*pool.ask(queries[0], self.headers.get("Accept")))

        def _viewer(self) -> None:
            """``graph.html``, allowed to ask this endpoint (and only it) for more."""
            try:
                page = (folder / "graph.html").read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                self._error(HTTPStatus.NOT_FOUND, "graph.html is not built yet")
                return
            page = served_page(page)
            self._send(HTTPStatus.OK, "text/html; charset=utf-8", page.encode("utf-8"))

        def _error(self, status: HTTPStatus, message: str) -> None:
            self._send(*_text(status, message))

        def _send(self, status: int, media: str, body: bytes) -> None:
            self.send_response(status)
            self.send_header("Content-Type", media)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("X-Content-Type-Options", "nosniff")
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

    return Handler


class _Server(ThreadingHTTPServer):
    """The HTTP server and its query workers, stopped together by ``server_close``."""

    daemon_threads = True
    pool: _Pool

    def server_close(self) -> None:
        super().server_close()
        pool = getattr(self, "pool", None)  # none yet when binding the address failed
        if pool is not None:
            pool.close()


def make_server(
    folder: Path, *, host: str = "127.0.0.1", port: int = 0, limits: Limits | None = None,
    workers: int = WORKERS,
) -> ThreadingHTTPServer:
    """A server for the graph in ``folder``, bound but not yet serving (``serve_forever``);
    ``server_close`` stops its workers too.

    Each query runs in one of ``workers`` processes, stopped at ``limits``. Raises
    :class:`~newsgraph.errors.GraphNotFoundError` when the folder holds no graph, and
    ``NewsgraphError`` when the address cannot be used.
    """
    folder = Path(folder)
    _open(folder)  # fail now, not at the first request, when there is no graph
    pool = _Pool(folder, limits or Limits(), max(1, workers))
    try:
        server = _Server((host, port), _handler(folder, pool))
    except OSError as error:
        pool.close()
        message = f"cannot listen on {host}:{port} ({error.strerror or error})"
        raise NewsgraphError(str(folder), message) from error
    server.pool = pool
    return server


def serve(
    folder: Path, *, host: str = "127.0.0.1", port: int = 7878, limits: Limits | None = None,
    workers: int = WORKERS, on_ready: Callable[[str], None] | None = None,
) -> None:
    """Serve the graph in ``folder`` until interrupted; ``on_ready`` gets the base URL."""
    server = make_server(folder, host=host, port=port, limits=limits, workers=workers)
    bound_host, bound_port = server.server_address[:2]
    if on_ready is not None:
        on_ready(f"http://{bound_host!s}:{bound_port}/")
    try:
        server.serve_forever()
    finally:
        server.server_close()
