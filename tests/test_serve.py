"""Tests of newsgraph serve: the SPARQL 1.1 Protocol over loopback, with rdflib's SPARQL client
and with plain HTTP requests."""

from __future__ import annotations

import csv
import io
import json
import threading
import urllib.error
import urllib.parse
import urllib.request

import pytest
from rdflib import Graph, Literal, URIRef

from newsgraph.errors import GraphNotFoundError, NewsgraphError
from newsgraph.graph.store import update_store
from newsgraph.serve import Limits, make_server

TURTLE = """\
@prefix ng: <https://w3id.org/newsgraph/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<https://w3id.org/newsgraph/id/person/li> a ng:Person ; rdfs:label "Li Keqiang" .
<https://w3id.org/newsgraph/id/organisation/smic> a ng:Organisation ; rdfs:label "SMIC" .
"""
LI = "https://w3id.org/newsgraph/id/person/li"
PEOPLE = "SELECT ?p ?name WHERE { ?p a ng:Person ; rdfs:label ?name }"
#: The graph's own triples (a store holds the vocabulary too, read with the graph).
OWN = 'FILTER STRSTARTS(STR(?s), "https://w3id.org/newsgraph/id/")'
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o " + OWN + " }"


@pytest.fixture
def endpoint(tmp_path):
    (tmp_path / "graph.ttl").write_text(TURTLE, encoding="utf-8")
    (tmp_path / "graph.html").write_text("<!DOCTYPE html><title>newsgraph</title>")
    update_store(tmp_path, None)
    server = make_server(tmp_path)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def _get(url, accept=None, data=None, content_type=None):
    request = urllib.request.Request(url, data=data)
    if accept:
        request.add_header("Accept", accept)
    if content_type:
        request.add_header("Content-Type", content_type)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers.get_content_type(), response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get_content_type(), error.read()


def _query_url(base, sparql):
    return f"{base}/sparql?" + urllib.parse.urlencode({"query": sparql})


@pytest.mark.parametrize("results", ["json", "xml", "csv"])
def test_rdflib_sparql_store_reads_the_endpoint(endpoint, results):
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    remote = Graph(store=SPARQLStore(f"{endpoint}/sparql", returnFormat=results))
    rows = list(remote.query(
        "SELECT ?p ?name WHERE { ?p a <https://w3id.org/newsgraph/ontology#Person> ; "
        "<http://www.w3.org/2000/01/rdf-schema#label> ?name }"))
    assert [(str(p), str(n)) for p, n in rows] == [(LI, "Li Keqiang")]
    assert (URIRef(LI), None, Literal("Li Keqiang")) in remote


def test_select_answers_in_every_results_format(endpoint):
    url = _query_url(endpoint, PEOPLE)
    status, kind, body = _get(url)
    assert (status, kind) == (200, "application/sparql-results+json")
    bindings = json.loads(body)["results"]["bindings"]
    assert [b["name"]["value"] for b in bindings] == ["Li Keqiang"]
    status, kind, body = _get(url, accept="text/csv")
    assert (status, kind) == (200, "text/csv")
    assert list(csv.reader(io.StringIO(body.decode()))) == [["p", "name"], [LI, "Li Keqiang"]]
    status, kind, body = _get(url, accept="text/tab-separated-values")
    assert (status, kind) == (200, "text/tab-separated-values")
    assert body.decode().splitlines()[1] == f'<{LI}>\t"Li Keqiang"'
    status, kind, body = _get(url, accept="application/sparql-results+xml")
    assert (status, kind) == (200, "application/sparql-results+xml")
    assert b"<literal>Li Keqiang</literal>" in body


def test_ask_and_construct(endpoint):
    status, _, body = _get(_query_url(endpoint, "ASK { ?p a ng:Person }"))
    assert (status, json.loads(body)["boolean"]) == (200, True)
    construct = "CONSTRUCT { ?p rdfs:label ?n } WHERE { ?p a ng:Person ; rdfs:label ?n }"
    status, kind, body = _get(_query_url(endpoint, construct))
    assert (status, kind) == (200, "text/turtle")
    assert len(Graph().parse(data=body, format="turtle")) == 1
    status, kind, body = _get(_query_url(endpoint, construct), accept="application/n-triples")
    assert (status, kind) == (200, "application/n-triples")
    assert body.decode() == f'<{LI}> <http://www.w3.org/2000/01/rdf-schema#label> "Li Keqiang" .\n'


def test_post_as_a_form_and_as_a_query(endpoint):
    form = urllib.parse.urlencode({"query": PEOPLE}).encode()
    status, _, body = _get(f"{endpoint}/sparql", data=form, accept="text/csv",
                           content_type="application/x-www-form-urlencoded")
    assert (status, body.decode().splitlines()[1]) == (200, f"{LI},Li Keqiang")
    status, _, body = _get(f"{endpoint}/sparql", data=PEOPLE.encode(), accept="text/csv",
                           content_type="application/sparql-query")
    assert (status, body.decode().splitlines()[1]) == (200, f"{LI},Li Keqiang")


@pytest.mark.parametrize("how", ["get-update", "form-update", "sparql-update", "query-update"])
def test_updates_are_refused_and_nothing_changes(endpoint, how):
    update = f'INSERT DATA {{ <{LI}> <http://www.w3.org/2000/01/rdf-schema#label> "X" }}'
    if how == "get-update":
        status, _, body = _get(f"{endpoint}/sparql?" + urllib.parse.urlencode({"update": update}))
    elif how == "form-update":
        status, _, body = _get(f"{endpoint}/sparql", data=urllib.parse.urlencode(
            {"update": update}).encode(), content_type="application/x-www-form-urlencoded")
    elif how == "sparql-update":
        status, _, body = _get(f"{endpoint}/sparql", data=update.encode(),
                               content_type="application/sparql-update")
    else:
        status, _, body = _get(_query_url(endpoint, "PREFIX x: <http://x/>\n" + update))
        assert status == 403
        assert body.decode().startswith("this query is a SPARQL update (INSERT); the graph is ")
    if how != "query-update":
        assert status == 403
        assert body == b"this endpoint is read-only: SPARQL updates are refused\n"
    _, _, answer = _get(_query_url(endpoint, COUNT),
                        accept="text/csv")
    assert answer.decode().splitlines()[1] == "4"


def test_service_is_refused(endpoint):
    sparql = "SELECT * WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }"
    status, _, body = _get(_query_url(endpoint, sparql))
    assert (status, body) == (
        403, b"this endpoint answers from its own graph only: SERVICE is refused\n")
    harmless = "SELECT * WHERE { ?s <http://example.com/SERVICE> ?o }"
    assert _get(_query_url(endpoint, harmless))[:1] == (200,)


def test_the_command_serves_until_stopped(tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    (tmp_path / "graph.ttl").write_text(TURTLE, encoding="utf-8")
    update_store(tmp_path, None)
    child = subprocess.Popen(
        [sys.executable, "-m", "newsgraph", "serve", str(tmp_path), "--port", "0",
         "--timeout", "20", "--max-memory", "2000", "--max-rows", "5", "--workers", "1"],
        stderr=subprocess.PIPE, text=True, cwd=Path(__file__).resolve().parents[1])
    try:
        assert child.stderr is not None
        line = child.stderr.readline()
        assert line.startswith("serving http://127.0.0.1:")
        base = line.split()[1].removesuffix("/sparql")
        status, _, body = _get(_query_url(base.rstrip("/"), "ASK { ?s a ng:Person }"))
        assert (status, json.loads(body)["boolean"]) == (200, True)
    finally:
        child.terminate()
        child.wait(timeout=30)
        if child.stderr is not None:
            child.stderr.close()


def test_bad_requests_get_one_clear_line(endpoint):
    status, kind, body = _get(_query_url(endpoint, "SELECT WHERE {"))
    assert (status, kind) == (400, "text/plain")
    assert body.decode().startswith("not a SPARQL query: query: line 1, column 8:")
    assert _get(f"{endpoint}/sparql")[:1] == (400,)
    assert _get(f"{endpoint}/nothing")[:1] == (404,)
    assert _get(f"{endpoint}/sparql", data=b"x", content_type="text/plain")[:1] == (415,)


def test_the_viewer_is_served_beside_the_endpoint(endpoint):
    status, kind, body = _get(f"{endpoint}/")
    assert (status, kind, body[:15]) == (200, "text/html", b"<!DOCTYPE html>")


def test_a_new_generation_is_read_at_the_next_request(tmp_path):
    from newsgraph.graph.store import store_base

    (tmp_path / "graph.ttl").write_text(TURTLE, encoding="utf-8")
    update_store(tmp_path, None)
    server = make_server(tmp_path)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    count = _query_url(base, COUNT)
    try:
        assert _get(count, accept="text/csv")[2].decode().splitlines()[1] == "4"
        previous = store_base(tmp_path)
        (tmp_path / "graph.ttl").write_text(
            TURTLE + f'<{LI}> <http://www.w3.org/2004/02/skos/core#altLabel> "Li" .\n')
        update_store(tmp_path, previous)
        assert _get(count, accept="text/csv")[2].decode().splitlines()[1] == "5"
    finally:
        server.shutdown()
        server.server_close()


def test_it_listens_on_this_machine_only_by_default_and_needs_a_graph(tmp_path):
    with pytest.raises(GraphNotFoundError):
        make_server(tmp_path)
    (tmp_path / "graph.ttl").write_text(TURTLE, encoding="utf-8")
    server = make_server(tmp_path)
    try:
        assert server.server_address[0] == "127.0.0.1"
    finally:
        server.server_close()


def test_a_request_naming_another_host_is_refused(endpoint):
    # a web page that rebinds its own name to 127.0.0.1 sends its name as the Host
    request = urllib.request.Request(_query_url(endpoint, "ASK {}"),
                                     headers={"Host": "attacker.example"})
    try:
        urllib.request.urlopen(request, timeout=30)
        status = 200
    except urllib.error.HTTPError as error:
        status = error.code
    assert status == 403
    assert _get(_query_url(endpoint, "ASK {}"))[0] == 200


def _server(folder, **options):
    server = make_server(folder, **options)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def _stop(server):
    server.shutdown()
    server.server_close()


def _endless(patterns):
    return "SELECT (COUNT(*) AS ?n) { " + " ".join(
        f"?a{i} ?b{i} ?c{i} ." for i in range(patterns)) + " }"


def test_a_query_past_its_time_gets_503_and_the_others_are_answered(tmp_path):
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    (tmp_path / "graph.ttl").write_text(TURTLE, encoding="utf-8")
    update_store(tmp_path, None)
    server, base = _server(tmp_path, limits=Limits(timeout=8), workers=2)
    # the limit leaves the other query room to be answered on a busy machine
    try:
        slow: dict[str, object] = {}
        thread = threading.Thread(target=lambda: slow.update(
            answer=_get(_query_url(base, _endless(14)))))
        thread.start()
        # while one worker runs the endless query, the other answers
        status, _, body = _get(_query_url(base, PEOPLE), accept="text/csv")
        assert (status, body.decode().splitlines()[1]) == (200, f"{LI},Li Keqiang")
        thread.join()
        assert slow["answer"] == (503, "text/plain", (
            b"the query was stopped at the time limit of 8 s (serve --timeout sets it)\n"))
        # a real client sees the error, and the endpoint answers it next time
        remote = Graph(store=SPARQLStore(f"{base}/sparql", returnFormat="json"))
        with pytest.raises(ValueError) as raised:  # rdflib's wrapping of the HTTP error
            list(remote.query(_endless(14)))
        cause = raised.value.__context__
        assert isinstance(cause, urllib.error.HTTPError)
        assert (cause.code, cause.read()) == (
            503, b"the query was stopped at the time limit of 8 s (serve --timeout sets it)\n")
        assert [str(n) for (n,) in remote.query(
            "SELECT ?n WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?n " + OWN
            + " } ORDER BY ?n")] == ["Li Keqiang", "SMIC"]
    finally:
        _stop(server)


def test_a_query_past_its_memory_gets_503(tmp_path):
    (tmp_path / "graph.ttl").write_text(TURTLE, encoding="utf-8")
    update_store(tmp_path, None)
    server, base = _server(tmp_path, limits=Limits(timeout=60, max_memory=1500), workers=1)
    hungry = "SELECT * { " + " ".join(f"?a{i} ?b{i} ?c{i} ." for i in range(14)) + (
        " } ORDER BY " + " ".join(f"?c{i}" for i in range(14)))
    try:
        assert _get(_query_url(base, hungry)) == (503, "text/plain", (
            b"the query was stopped: it needed more than the memory limit of 1,500 MB "
            b"(serve --max-memory sets it)\n"))
        assert _get(_query_url(base, "ASK { ?s a ng:Person }"))[0] == 200
    finally:
        _stop(server)


def test_an_answer_past_the_rows_limit_gets_413(tmp_path):
    (tmp_path / "graph.ttl").write_text(TURTLE, encoding="utf-8")
    update_store(tmp_path, None)
    server, base = _server(tmp_path, limits=Limits(max_rows=2), workers=1)
    message = (b"the answer has more than 2 rows: add a LIMIT to the query "
               b"(serve --max-rows sets the limit)\n")
    try:
        everything = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"
        assert _get(_query_url(base, everything)) == (413, "text/plain", message)
        assert _get(_query_url(base, "CONSTRUCT WHERE { ?s ?p ?o }")) == (
            413, "text/plain", message)
        # within the limit, every format still answers whole
        status, _, body = _get(_query_url(
            base, "SELECT ?s ?p ?o WHERE { ?s ?p ?o FILTER isLiteral(?o) " + OWN
            + " } ORDER BY ?o"),
                               accept="text/tab-separated-values")
        assert (status, body.decode().splitlines()) == (200, [
            "?s\t?p\t?o", f'<{LI}>\t<http://www.w3.org/2000/01/rdf-schema#label>\t"Li Keqiang"',
            "<https://w3id.org/newsgraph/id/organisation/smic>\t"
            '<http://www.w3.org/2000/01/rdf-schema#label>\t"SMIC"'])
        status, _, body = _get(_query_url(base, PEOPLE), accept="application/sparql-results+xml")
        assert (status, b"<literal>Li Keqiang</literal>" in body) == (200, True)
    finally:
        _stop(server)


def test_what_is_refused_is_what_query_refusal_refuses(endpoint):
    # the word in a string or a comment is no SERVICE clause
    harmless = 'SELECT ?n WHERE { ?p rdfs:label ?n FILTER (?n != "SERVICE") } # SERVICE'
    assert _get(_query_url(endpoint, harmless))[0] == 200
    status, _, body = _get(_query_url(endpoint, "PREFIX x: <http://x/> DELETE WHERE { ?s ?p ?o }"))
    assert (status, body.decode()) == (403, "this query is a SPARQL update (DELETE); the graph is "
                                       "read-only (queries are SELECT, ASK, CONSTRUCT or "
                                       "DESCRIBE; build again to change the graph)\n")


def test_the_served_viewer_may_ask_the_endpoint(tmp_path):
    import networkx as nx

    from newsgraph.graph.html import write_html

    (tmp_path / "graph.ttl").write_text(TURTLE, encoding="utf-8")
    with (tmp_path / "graph.html").open("wb") as stream:
        write_html(nx.MultiDiGraph(), stream)
    server, base = _server(tmp_path, workers=1)
    try:
        status, _, body = _get(f"{base}/")
        page = body.decode()
        assert status == 200
        assert page.count("connect-src &#x27;self&#x27;") == 1
        assert '<meta name="newsgraph-sparql" content="sparql">' in page
        # the file itself stays as built: opened from disk it may fetch nothing
        assert "connect-src" not in (tmp_path / "graph.html").read_text()
    finally:
        _stop(server)


def test_a_port_in_use_is_one_clear_error(tmp_path):
    (tmp_path / "graph.ttl").write_text(TURTLE, encoding="utf-8")
    first = make_server(tmp_path)
    try:
        with pytest.raises(NewsgraphError, match="cannot listen on"):
            make_server(tmp_path, port=first.server_address[1])
    finally:
        first.server_close()


def _raw(base, request):
    import socket
    from urllib.parse import urlsplit

    url = urlsplit(base)
    with socket.create_connection((url.hostname, url.port), timeout=30) as connection:
        connection.sendall(request)
        return connection.recv(200).split(b"\r\n", 1)[0]


@pytest.mark.parametrize(("request_bytes", "status"), [
    (b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: [::1\r\n\r\n", b"403"),
    (b"POST /sparql HTTP/1.1\r\nHost: localhost\r\nContent-Length: abc\r\n\r\n", b"411"),
    (b"POST /sparql HTTP/1.1\r\nHost: localhost\r\nContent-Length: -1\r\n\r\nASK {}", b"411"),
])
def test_malformed_requests_get_an_answer(endpoint, request_bytes, status):
    assert status in _raw(endpoint, request_bytes)
    assert _get(_query_url(endpoint, "ASK {}"))[0] == 200
