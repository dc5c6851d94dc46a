"""Tests of the RDF side of the command line: query, validate and the files build writes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Graph
from rdflib.namespace import PROV

from newsgraph.cli import main
from newsgraph.graph.build import build_graph
from newsgraph.graph.rdf import to_turtle
from newsgraph.ontology import NG, ontology_text
from tests.graph.conftest import handbuilt_extractions


@pytest.fixture
def built(tmp_path) -> Path:
    (tmp_path / "graph.ttl").write_bytes(to_turtle(build_graph(handbuilt_extractions())))
    return tmp_path


def test_query_by_name(built, capsys):
    assert main(["query", "who-chairs-what", "--graph", str(built / "graph.ttl")]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "chair      organisation                                           articles",
        "---------  -----------------------------------------------------  --------",
        "Zhang Wei  Semiconductor Manufacturing International Corporation  2",
    ]


def test_query_file_on_a_folder_as_csv(built, tmp_path, capsys):
    query = tmp_path / "people.rq"
    query.write_text("SELECT ?name WHERE { ?p a ng:Person ; rdfs:label ?name }")
    assert main(["query", str(query), "--graph", str(built), "--format", "csv"]) == 0
    assert capsys.readouterr().out == "name\nZhang Wei\n"


def test_query_json(built, capsys):
    assert main(["query", "ASK { ?p ng:chairs ?o }", "--graph", str(built),
                 "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"head": {}, "boolean": True}


def test_query_syntax_error(built, tmp_path, capsys):
    query = tmp_path / "bad.rq"
    query.write_text("SELECT ?x\nWHERE {\n  ?x a ng:Person .\n  FILTER(?x = ) }\n")
    assert main(["query", str(query), "--graph", str(built)]) == 1
    assert capsys.readouterr().err == (
        f"newsgraph: {query}: line 4, column 3: Expected SelectQuery, found 'FILTER(?x = ) }}'\n")


def test_query_without_a_graph(tmp_path, capsys):
    assert main(["query", "who-chairs-what", "--graph", str(tmp_path)]) == 1
    assert "no graph here" in capsys.readouterr().err


def test_validate_a_valid_graph(built, capsys):
    assert main(["validate", str(built)]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.endswith(": 0 violations\n")


def test_validate_prints_one_violation_a_line(built, capsys):
    text = (built / "graph.ttl").read_text().replace(
        '    rdfs:label "Zhang Wei" ;\n', "")
    (built / "graph.ttl").write_text(text)
    assert main(["validate", str(built)]) == 1
    assert capsys.readouterr().out == (
        "person:Zhang_Wei rdfs:label: An entity has exactly one rdfs:label, "
        "a non-empty string.\n")


@pytest.mark.slow
def test_build_writes_jsonld_and_graphml(tmp_path):
    source = tmp_path / "news.txt"
    source.write_text("Chips\n\nIntel rose after Washington sanctioned SMIC.\n")
    out = tmp_path / "out"
    assert main(["build", str(source), "--out", str(out)]) == 0
    turtle = Graph().parse(out / "graph.ttl", format="turtle")
    jsonld = Graph().parse(out / "graph.jsonld", format="ox-json-ld")
    assert {tuple(map(str, t)) for t in turtle} == {tuple(map(str, t)) for t in jsonld}
    assert (out / "graph.graphml").read_bytes().startswith(b"<?xml")


def test_a_long_one_line_query_is_no_file_name(built, capsys):
    padding = " ".join(["?p a ng:Person ."] * 40)
    sparql = f"SELECT DISTINCT ?name WHERE {{ {padding} ?p rdfs:label ?name }}"
    assert main(["query", sparql, "--graph", str(built), "--format", "csv"]) == 0
    assert capsys.readouterr().out == "name\nZhang Wei\n"


@pytest.mark.parametrize(("argument", "expected"), [
    ("who-sanction-whom", "who-sanction-whom: is no example query and no file; did you mean "
                          "who-sanctions-whom?"),
    ("my-question.rq", "my-question.rq: is no example query and no file; the examples are "
                       "articles-by-date, best-corroborated, evidence, most-mentioned, policies, "
                       "sanctioned-organisations, share-moves, who-chairs-what, "
                       "who-sanctions-whom"),
])
def test_a_name_that_is_no_example_and_no_file_says_so(built, capsys, argument, expected):
    assert main(["query", argument, "--graph", str(built)]) == 1
    assert capsys.readouterr().err == f"newsgraph: {expected}\n"


def test_query_sees_the_ontology_and_the_policy_kind_scheme(built, capsys):
    sparql = ("SELECT ?label WHERE { ?p a ng:Policy ; ng:policyKind ?kind . "
              "?kind skos:prefLabel ?label }")
    assert main(["query", sparql, "--graph", str(built), "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines() == ["label", "export control"]


def test_build_with_a_base_links_and_the_ontology_beside(tmp_path, capsys):
    source = tmp_path / "a.txt"
    source.write_text("Chips\n\nIntel Corp. said on Monday that Japan would buy its chips.\n")
    links = tmp_path / "links.csv"
    links.write_text("label,iri\nIntel,https://register.example/c/1\n")
    out = tmp_path / "out"
    base = "https://example.org/kg/"
    assert main(["build", str(source), "--out", str(out), "--base", base,
                 "--links", str(links)]) == 0
    turtle = (out / "graph.ttl").read_text()
    assert f"@prefix organisation: <{base}organisation/> ." in turtle
    assert "owl:sameAs <https://register.example/c/1>" in turtle
    assert "country:JP a ng:Country" in turtle
    assert (out / "ontology.ttl").read_text().startswith("@prefix ng:")
    assert (out / "shapes.ttl").read_text() == ontology_text("shapes.ttl")
    # the build itself, as a prov:Activity that used the pipeline and the rule set
    rdf = Graph().parse(out / "graph.ttl", format="turtle")
    activity = next(rdf.subjects(RDF.type, PROV.Activity))
    assert str(activity).startswith(f"{base}build-")
    used = {str(rdf.value(e, RDFS.label)) for e in rdf.objects(activity, PROV.used)}
    assert len(used) == 2
    assert "newsgraph relation rules" in used
    assert all((a, PROV.wasGeneratedBy, activity) in rdf
               for a in rdf.subjects(RDF.type, NG.Assertion))
    # a second build into the folder keeps its base
    other = tmp_path / "b.txt"
    other.write_text("Trade\n\nChina and Japan held talks.\n")
    assert main(["build", str(other), "--out", str(out)]) == 0
    assert f"@prefix id: <{base}> ." in (out / "graph.ttl").read_text()
    # queries and exports name the nodes under the graph's base, as the files do
    capsys.readouterr()
    assert main(["query", "SELECT ?c WHERE { country:JP rdfs:label ?l . BIND(country:JP AS ?c) }",
                 "--graph", str(out)]) == 0
    assert capsys.readouterr().out.splitlines() == ["c", "----------", "country:JP"]
    assert main(["export", "turtle", str(out), "--output", "-"]) == 0
    assert f"@prefix country: <{base}country/> ." in capsys.readouterr().out


@pytest.mark.parametrize(("option", "value", "expected"), [
    ("--base", "kg/", "newsgraph: --base: the base IRI must be absolute"),
    ("--links", "missing.csv", "newsgraph: missing.csv: cannot read links file"),
])
def test_a_bad_base_or_links_file_is_one_line(tmp_path, capsys, option, value, expected):
    source = tmp_path / "a.txt"
    source.write_text("Chips\n\nIntel rose.\n")
    assert main(["build", str(source), "--out", str(tmp_path / "out"), option, value]) == 1
    assert capsys.readouterr().err.startswith(expected)
    assert not (tmp_path / "out" / "graph.ttl").exists()


def test_an_update_is_refused_as_read_only(built, capsys):
    assert main(["query", "INSERT DATA { ng:a ng:b ng:c }", "--graph", str(built)]) == 1
    assert capsys.readouterr().err == (
        "newsgraph: query: is a SPARQL update (INSERT); the graph is read-only (queries are "
        "SELECT, ASK, CONSTRUCT or DESCRIBE; build again to change the graph)\n")


def test_service_is_refused_unless_allowed(built, capsys):
    sparql = "SELECT * { SERVICE <http://169.254.169.254/sparql> { ?s ?p ?o } }"
    assert main(["query", sparql, "--graph", str(built)]) == 1
    assert capsys.readouterr().err == (
        "newsgraph: query: asks a remote endpoint (SERVICE), which sends requests to any host "
        "it names; refused (--allow-service allows it)\n")


def test_a_failing_service_is_one_line(built, capsys):
    import socket

    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    sparql = f"SELECT * {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}"
    assert main(["query", sparql, "--graph", str(built), "--allow-service"]) == 1
    [line] = capsys.readouterr().err.splitlines()
    assert line.startswith("newsgraph: query: could not be answered (")


def test_a_query_past_its_time_is_stopped(built, capsys):
    endless = "SELECT (COUNT(*) AS ?n) { " + " ".join(
        f"?a{i} ?b{i} ?c{i} ." for i in range(8)) + " }"
    assert main(["query", endless, "--graph", str(built), "--timeout", "4"]) == 1
    assert capsys.readouterr().err == (
        "newsgraph: query: stopped at the time limit of 4 s (--timeout gives more)\n")


@pytest.mark.parametrize("output", ["table", "csv", "json"])
def test_rows_past_the_cap_are_left_out_and_said(built, capsys, output):
    sparql = "SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s"
    assert main(["query", sparql, "--graph", str(built), "--max-rows", "2",
                 "--format", output]) == 0
    captured = capsys.readouterr()
    assert captured.err == "newsgraph: query: stopped at 2 rows (--max-rows gives more)\n"
    if output == "json":
        assert len(json.loads(captured.out)["results"]["bindings"]) == 2
    else:
        assert len(captured.out.splitlines()) == (4 if output == "table" else 3)


def test_the_table_escapes_terminal_controls(tmp_path, capsys):
    (tmp_path / "graph.ttl").write_text(
        '<https://w3id.org/newsgraph/id/person/x> <http://www.w3.org/2000/01/rdf-schema#label> '
        '"Evil\\u001b]0;pwned\\u0007 \\u202eName" .\n')
    sparql = "SELECT ?n { <https://w3id.org/newsgraph/id/person/x> rdfs:label ?n }"
    assert main(["query", sparql, "--graph", str(tmp_path)]) == 0
    assert capsys.readouterr().out.splitlines()[2] == "Evil\\x1b]0;pwned\\x07 \\u202eName"


def test_a_query_past_its_memory_is_stopped(built, capsys):
    endless = "SELECT * { " + " ".join(f"?a{i} ?b{i} ?c{i} ." for i in range(5)) + (
        " } ORDER BY " + " ".join(f"?c{i}" for i in range(5)))
    assert main(["query", endless, "--graph", str(built), "--max-memory", "600",
                 "--timeout", "60"]) == 1
    assert capsys.readouterr().err == (
        "newsgraph: query: stopped: it needed more than the memory limit of 600 MB "
        "(--max-memory gives more)\n")


@pytest.mark.parametrize(("args", "message"), [
    (["query", "ASK {}", "--timeout", "3000000"],
     "argument --timeout: must be a number of seconds from 0 to 86,400 (got '3000000')"),
    (["serve", "--workers", "100000"], "argument --workers: must be at most 64 (got '100000')"),
])
def test_limits_past_what_the_system_takes_are_refused(built, capsys, args, message):
    with pytest.raises(SystemExit) as stop:
        main([*args, "--graph" if args[0] == "query" else str(built)]
             + ([str(built)] if args[0] == "query" else []))
    assert stop.value.code == 2
    assert message in capsys.readouterr().err
