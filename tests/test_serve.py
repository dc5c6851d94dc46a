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

from newsgraph.errors import GraphNotFoundError
from newsgraph.graph.store import update_store
from newsgraph.serve import make_server

TURTLE = """\
@prefix ng: <https://w3id.org/newsgraph/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<https://w3id.org/newsgraph/id/person/li> a ng:Person ; rdfs:label "Li Keqiang" .
<https://w3id.org/newsgraph/id/organisation/smic> a ng:Organisation ; rdfs:label "SMIC" .
"""
LI = "https://w3id.org/newsgraph/id/person/li"
PEOPLE = "SELECT ?p ?name WHERE { ?p a ng:Person ; rdfs:label ?name }"


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
    assert body == b"this endpoint is read-only: SPARQL updates are refused\n"
    _, _, answer = _get(_query_url(endpoint, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"),
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
        [sys.executable, "-m", "newsgraph", "serve", str(tmp_path), "--port", "0"],
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
    count = _query_url(base, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
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
