"""Tests of newsgraph.graph.query: loading, running, formatting, and every shipped example query."""

from __future__ import annotations

import csv
import io
import json
from importlib.resources import files

import pyoxigraph as ox
import pytest
from rdflib import Graph

from newsgraph.graph.query import (
    OutputFormat,
    QuerySyntaxError,
    format_result,
    load_rdf,
    load_store,
    query_names,
    query_text,
    run_query,
)
from newsgraph.graph.rdf import to_turtle


@pytest.fixture(params=["store", "graph"])
def loaded(request, handbuilt) -> Graph | ox.Store:
    """The hand-built graph in a pyoxigraph store, and as an oxrdflib-backed rdflib graph."""
    load = load_store if request.param == "store" else load_rdf
    return load(io.BytesIO(to_turtle(handbuilt)))


def _rows(graph: Graph | ox.Store, sparql: str) -> list[list[str]]:
    text = format_result(run_query(graph, sparql), OutputFormat.CSV)
    return list(csv.reader(io.StringIO(text)))


SMIC = "Semiconductor Manufacturing International Corporation"
#: where the files of the hand-built graph were read from (docs/iris.md)
SOURCE = "https://w3id.org/newsgraph/id/source/"

EXPECTED = {
    "who-chairs-what": [
        ["chair", "organisation", "articles"],
        ["Zhang Wei", SMIC, "2"],
    ],
    "who-sanctions-whom": [
        ["sanctioner", "target", "targetType", "articles", "firstSeen", "lastSeen"],
        ["United States", "China", "Country", "1", "2024-01-02", "2024-01-02"],
        ["United States", SMIC, "Organisation", "1", "2024-01-02", "2024-01-02"],
    ],
    "sanctioned-organisations": [
        ["organisation", "sanctioners"],
        [SMIC, "1"],
    ],
    "share-moves": [
        ["company", "move", "percent", "market", "date", "title", "sentence"],
        ["Hua Hong Semiconductor", "rose", "5.2", "", "2024-01-05", "Chip stocks rally",
         "Hua Hong Semiconductor rose 5.2%."],
        [SMIC, "fell", "3.1", "Hong Kong", "2024-01-02", "US blacklists SMIC",
         "SMIC fell 3.1% in Hong Kong."],
    ],
    "policies": [
        ["policy", "kind", "imposers", "imposerCount", "targets", "targetCount", "articles",
         "firstSeen", "lastSeen"],
        ["US export controls", "ExportControl", "United States", "1", "China", "1", "1",
         "2024-01-02", "2024-01-02"],
    ],
    "evidence": [
        ["subject", "predicate", "object", "articles", "date", "source", "sentence", "rule"],
        ["Zhang Wei", "chairs", SMIC, "2", "2024-01-02", SOURCE + "one.txt",
         "Zhang Wei, chairman of SMIC, spoke.", "chair-of"],
        ["Zhang Wei", "chairs", SMIC, "2", "2024-01-05", SOURCE + "two.txt",
         "SMIC chairman Zhang Wei said so.", "chair-title"],
        ["Hua Hong Semiconductor", "roseOnNews", "Chip stocks rally", "1", "2024-01-05",
         SOURCE + "two.txt", "Hua Hong Semiconductor rose 5.2%.", "shares-rose"],
        [SMIC, "fellOnNews", "US blacklists SMIC", "1", "2024-01-02", SOURCE + "one.txt",
         "SMIC fell 3.1% in Hong Kong.", "shares-fell"],
        ["US export controls", "targets", "China", "1", "2024-01-02", SOURCE + "one.txt",
         "The US imposed export controls on China.", "target"],
        ["United States", "imposes", "US export controls", "1", "2024-01-02", SOURCE + "one.txt",
         "The US imposed export controls on China.", "impose"],
        ["United States", "sanctions", "China", "1", "2024-01-02", SOURCE + "one.txt",
         "The US imposed export controls on China.", "target"],
        ["United States", "sanctions", SMIC, "1", "2024-01-02", SOURCE + "one.txt",
         "Washington blacklisted SMIC.", "blacklist"],
    ],
    "best-corroborated": [
        ["subject", "predicate", "object", "articles", "firstSeen", "lastSeen"],
        ["Zhang Wei", "chairs", SMIC, "2", "2024-01-02", "2024-01-05"],
        ["Hua Hong Semiconductor", "roseOnNews", "Chip stocks rally", "1", "2024-01-05",
         "2024-01-05"],
        [SMIC, "fellOnNews", "US blacklists SMIC", "1", "2024-01-02", "2024-01-02"],
        ["US export controls", "targets", "China", "1", "2024-01-02", "2024-01-02"],
        ["United States", "imposes", "US export controls", "1", "2024-01-02", "2024-01-02"],
        ["United States", "sanctions", "China", "1", "2024-01-02", "2024-01-02"],
        ["United States", "sanctions", SMIC, "1", "2024-01-02", "2024-01-02"],
    ],
    "articles-by-date": [
        ["date", "title", "publisher", "source"],
        ["2024-01-05", "Chip stocks rally", "", SOURCE + "two.txt"],
        ["2024-01-02", "US blacklists SMIC", "Wire", SOURCE + "one.txt"],
    ],
    "most-mentioned": [
        ["name", "type", "articles"],
        [SMIC, "Organisation", "2"],
        ["Zhang Wei", "Person", "2"],
        ["China", "Country", "1"],
        ["Hua Hong Semiconductor", "Organisation", "1"],
        ["US export controls", "Policy", "1"],
        ["United States", "Country", "1"],
    ],
}


def test_every_shipped_query_is_tested():
    assert set(query_names()) == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_example_query_on_the_handbuilt_graph(loaded, name):
    assert _rows(loaded, query_text(name)) == EXPECTED[name]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_example_query_runs_in_any_sparql_tool(handbuilt, name):
    # the .rq files declare their prefixes, so rdflib's own engine (no initNs) answers too
    graph = Graph().parse(data=to_turtle(handbuilt), format="turtle")
    result = graph.query(query_text(name))
    assert len(list(result)) == len(EXPECTED[name]) - 1


def test_example_queries_are_package_data():
    folder = files("newsgraph.graph").joinpath("queries")
    assert sorted(p.name for p in folder.iterdir() if p.name.endswith(".rq")) == [
        f"{name}.rq" for name in query_names()]


def test_unknown_query_name():
    with pytest.raises(KeyError, match="no example query named 'nope'"):
        query_text("nope")


@pytest.mark.parametrize(("engine", "sparql", "line", "column"), [
    ("store", "SELECT ?x\nWHERE {\n  ?x a ng:Person .\n  FILTER(?x = ) }", 4, 3),
    ("oxigraph", "SELECT ?x\nWHERE {\n  ?x a ng:Person .\n  FILTER(?x = ) }", 4, 3),
    ("rdflib", "SELECT ?x\nWHERE {\n  ?x a ng:Person .\n  FILTER(?x = ) }", 4, 3),
    # at the start of the prefixed name, where pyoxigraph reports its end
    ("oxigraph", "SELECT ?x WHERE {\n  ?x a nope:Person }", 2, 8),
    ("rdflib", "SELECT ?x WHERE {\n  ?x a nope:Person }", 2, 8),
])
def test_syntax_error_has_line_and_column(handbuilt, engine, sparql, line, column):
    turtle = to_turtle(handbuilt)
    loaders = {"store": load_store, "oxigraph": load_rdf,
               "rdflib": lambda data: Graph().parse(data, format="turtle")}
    graph = loaders[engine](io.BytesIO(turtle))
    with pytest.raises(QuerySyntaxError) as caught:
        run_query(graph, sparql)
    assert (caught.value.line_number, caught.value.column) == (line, column)
    assert caught.value.message.startswith(f"line {line}, column {column}: ")
    if "nope" in sparql:
        assert "undeclared prefix" in str(caught.value)


def test_prefixes_are_bound(loaded):
    assert _rows(loaded, "SELECT ?n WHERE { ?p a ng:Person ; rdfs:label ?n }") == [
        ["n"], ["Zhang Wei"]]


def test_ask(loaded):
    result = run_query(loaded, "ASK { ?c a ng:Country ; rdfs:label 'China' }")
    assert format_result(result, OutputFormat.TABLE) == "true\n"
    assert json.loads(format_result(result, OutputFormat.JSON)) == {"head": {}, "boolean": True}


def test_construct_gives_turtle(loaded):
    result = run_query(
        loaded, "CONSTRUCT { ?p rdfs:label ?n } WHERE { ?p a ng:Person ; rdfs:label ?n }")
    graph = Graph().parse(data=format_result(result), format="turtle")
    assert [str(o) for o in graph.objects()] == ["Zhang Wei"]


def test_json_results(loaded):
    result = run_query(loaded, "SELECT ?p ?n WHERE { ?p a ng:Person ; rdfs:label ?n }")
    data = json.loads(format_result(result, OutputFormat.JSON))
    assert data["head"] == {"vars": ["p", "n"]}
    (binding,) = data["results"]["bindings"]
    assert binding["p"] == {"type": "uri",
                            "value": "https://w3id.org/newsgraph/id/person/Zhang_Wei"}
    assert binding["n"]["value"] == "Zhang Wei"


def test_table_shows_prefixed_names(loaded):
    result = run_query(loaded, "SELECT ?p ?n WHERE { ?p a ng:Person ; rdfs:label ?n }")
    assert format_result(result, OutputFormat.TABLE) == (
        "p                 n\n"
        "----------------  ---------\n"
        "person:Zhang_Wei  Zhang Wei\n"
    )


ODD_IRIS = b"""@prefix ng: <https://w3id.org/newsgraph/ontology#> .
<https://w3id.org/newsgraph/id/person/li/2> a ng:Person .
<https://w3id.org/newsgraph/id/person/> a ng:Person .
"""


@pytest.mark.parametrize("load", [load_store, load_rdf])
def test_table_shortens_iris_as_json_ld_does(load):
    # any rest is shortened, but an IRI that is a whole namespace stays whole
    result = run_query(load(io.BytesIO(ODD_IRIS)), "SELECT ?p WHERE { ?p a ng:Person } ORDER BY ?p")
    assert format_result(result, OutputFormat.TABLE) == (
        "p\n"
        "-------------------------------------\n"
        "https://w3id.org/newsgraph/id/person/\n"
        "person:li/2\n"
    )


@pytest.mark.slow
def test_seed_articles_by_date(seed_graph):
    graph = load_store(io.BytesIO(to_turtle(seed_graph)))
    rows = _rows(graph, query_text("articles-by-date"))
    assert len(rows) == 1 + 51  # the 54 articles but the 3 without a date
    assert all(row[0] for row in rows[1:])
    assert rows[1][:2] == ["2026-04-16",
                           "ASML boosts 2026 sales forecast despite shrinking China sales"]


@pytest.mark.slow
def test_seed_people_and_most_mentioned(seed_graph):
    graph = load_store(io.BytesIO(to_turtle(seed_graph)))
    people = {row[0] for row in _rows(graph, "SELECT ?n WHERE { ?p a ng:Person ; rdfs:label ?n }")}
    assert {"Donald Trump", "Jensen Huang"} <= people
    top = _rows(graph, query_text("most-mentioned"))[1:3]
    assert [row[:2] for row in top] == [["China", "Country"], ["United States", "Country"]]


# The examples stop at the top of a list that would not be read whole at scale; where the
# cut falls among ties, it falls as in the whole list, whichever engine answers.
_TURTLE_PREFIXES = """
@prefix ng: <https://w3id.org/newsgraph/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix id: <https://w3id.org/newsgraph/id/> .
"""


@pytest.fixture(params=["store", "graph"])
def load_turtle(request):
    load = load_store if request.param == "store" else load_rdf
    return lambda text: load(io.BytesIO((_TURTLE_PREFIXES + text).encode()))


def _article(n: int, date: str | None) -> str:
    dated = f' ; dcterms:date "{date}"^^xsd:date' if date else ""
    return (f'id:a{n} a ng:Article ; dcterms:title "Article {n:03d}" ; '
            f"dcterms:source id:feed{dated} .\n")


def test_articles_by_date_stops_at_the_newest_100(load_turtle):
    # articles 2k and 2k+1 share a date; the 100th newest is article 10, as in the whole list
    text = "".join(_article(n, f"2024-{1 + n // 2 // 28:02d}-{1 + n // 2 % 28:02d}")
                   for n in range(111)) + _article(200, None)
    rows = _rows(load_turtle(text), query_text("articles-by-date"))[1:]
    assert len(rows) == 100
    assert [row[1] for row in rows[:3]] == ["Article 110", "Article 108", "Article 109"]
    assert [row[1] for row in rows[-3:]] == ["Article 012", "Article 013", "Article 010"]


def test_articles_by_date_leaves_out_undated_articles(load_turtle):
    text = _article(1, "2024-01-01") + _article(2, None) + _article(3, "2024-02-01")
    rows = _rows(load_turtle(text), query_text("articles-by-date"))[1:]
    assert [(row[0], row[1]) for row in rows] == [
        ("2024-02-01", "Article 003"), ("2024-01-01", "Article 001")]


def test_most_mentioned_breaks_ties_at_the_cut_by_name(load_turtle):
    # organisations 2k and 2k+1 are mentioned by as many articles
    text = "".join(f'id:o{n} a ng:Organisation ; rdfs:label "Org {n:02d}" ; '
                   f"ng:mentionCount {100 - n // 2} .\n" for n in range(40))
    rows = _rows(load_turtle(text), query_text("most-mentioned"))[1:]
    assert len(rows) == 25
    assert rows[0] == ["Org 00", "Organisation", "100"]
    assert rows[-2:] == [["Org 23", "Organisation", "89"], ["Org 24", "Organisation", "88"]]


def test_policies_name_the_most_mentioned_first_and_leave_out_undated(load_turtle):
    text = """
    id:p1 a ng:Policy ; rdfs:label "Chip rules" ; ng:policyKind ng:ExportControl ;
        ng:mentionCount 3 ; ng:firstSeen "2024-01-01"^^xsd:date ;
        ng:lastSeen "2024-03-01"^^xsd:date ; ng:targets id:z, id:a .
    id:p2 a ng:Policy ; rdfs:label "Quiet rules" ; ng:policyKind ng:Tariff ;
        ng:mentionCount 1 ; ng:firstSeen "2024-02-01"^^xsd:date ;
        ng:lastSeen "2024-02-01"^^xsd:date .
    id:p3 a ng:Policy ; rdfs:label "Undated rules" ; ng:policyKind ng:Tariff .
    id:us a ng:Country ; rdfs:label "United States" ; ng:imposes id:p1 .
    id:eu a ng:Organisation ; rdfs:label "European Union" ; ng:imposes id:p1 .
    id:z a ng:Organisation ; rdfs:label "Zeta Corp" ; ng:mentionCount 4 .
    id:a a ng:Organisation ; rdfs:label "Alpha Corp" ; ng:mentionCount 2 .
    """
    assert _rows(load_turtle(text), query_text("policies"))[1:] == [
        ["Chip rules", "ExportControl", "European Union; United States", "2",
         "Zeta Corp; Alpha Corp", "2", "3", "2024-01-01", "2024-03-01"],
        ["Quiet rules", "Tariff", "", "0", "", "0", "1", "2024-02-01", "2024-02-01"],
    ]


def test_policies_stop_at_25_breaking_ties_by_count_then_iri(load_turtle):
    # 30 policies last reported on one day, the 8th by two articles and the rest by one;
    # the 30th, reported a day later, comes first; the 23 others kept are the first by IRI,
    # listed by name
    text = "".join(
        f'id:p{n:02d} a ng:Policy ; rdfs:label "Rules {29 - n:02d}" ; '
        f"ng:mentionCount {2 if n == 7 else 1} ; "
        f'ng:lastSeen "2024-03-0{2 if n == 29 else 1}"^^xsd:date .\n' for n in range(30))
    rows = _rows(load_turtle(text), query_text("policies"))[1:]
    assert [row[0] for row in rows] == [
        "Rules 00", "Rules 22", *sorted(f"Rules {29 - n:02d}" for n in range(24) if n != 7)]


_MANY_PARTIES = """
id:p1 a ng:Policy ; rdfs:label "Chip rules" ; ng:policyKind ng:ExportControl ;
    ng:mentionCount 9 ; ng:firstSeen "2024-01-01"^^xsd:date ;
    ng:lastSeen "2024-03-01"^^xsd:date ;
    ng:targets id:delta, id:bravo, id:echo, id:alpha, id:charlie, id:foxtrot .
id:p2 a ng:Policy ; rdfs:label "Steel duties" ; ng:policyKind ng:Tariff ;
    ng:mentionCount 2 ; ng:firstSeen "2024-02-01"^^xsd:date ;
    ng:lastSeen "2024-03-01"^^xsd:date ; ng:targets id:d, id:c, id:b, id:a .
id:us a ng:Country ; rdfs:label "United States" ; ng:mentionCount 7 ; ng:imposes id:p1 .
# a second node of one country, as owl:sameAs with its Wikidata item entails
<http://www.wikidata.org/entity/Q30> rdfs:label "United States" ; ng:mentionCount 7 ;
    ng:imposes id:p1 .
id:eu a ng:Organisation ; rdfs:label "European Union" ; ng:mentionCount 7 ; ng:imposes id:p1 .
id:cn a ng:Country ; rdfs:label "China" ; ng:mentionCount 1 ; ng:imposes id:p1, id:p2 .
id:delta rdfs:label "Delta" ; ng:mentionCount 9 .
id:bravo rdfs:label "Bravo" ; ng:mentionCount 9 .
id:echo rdfs:label "Echo" ; ng:mentionCount 5 .
id:alpha rdfs:label "Alpha" ; ng:mentionCount 5 .
id:charlie rdfs:label "Charlie" ; ng:mentionCount 2 .
id:foxtrot rdfs:label "Foxtrot" .
id:d rdfs:label "D" ; ng:mentionCount 1 .
id:c rdfs:label "C" ; ng:mentionCount 1 .
id:b rdfs:label "B" ; ng:mentionCount 1 .
id:a rdfs:label "A" ; ng:mentionCount 1 .
"""


def test_policies_name_three_imposers_and_targets_and_count_them_by_name(load_turtle):
    # the most mentioned three, ties by name; a name is named and counted once
    expected = [
        ["Chip rules", "ExportControl", "European Union; United States; China", "3",
         "Bravo; Delta; Alpha", "6", "9", "2024-01-01", "2024-03-01"],
        ["Steel duties", "Tariff", "China", "1", "A; B; C", "4", "2", "2024-02-01",
         "2024-03-01"],
    ]
    assert _rows(load_turtle(_MANY_PARTIES), query_text("policies"))[1:] == expected
    # rdflib's own engine too
    plain = Graph().parse(data=_TURTLE_PREFIXES + _MANY_PARTIES, format="turtle")
    assert _rows(plain, query_text("policies"))[1:] == expected


def test_best_corroborated_breaks_ties_by_iri(load_turtle):
    # 30 relations reported by one article each, but the 8th by two: the rest are taken in
    # the order of their assertions' IRIs, whatever their dates
    text = "".join(
        f'id:s{n:02d} a ng:Organisation ; rdfs:label "S{n:02d}" ; ng:supplies id:o .\n'
        f"<https://w3id.org/newsgraph/id/assertion/r{29 - n:02d}> a ng:Assertion ; "
        f"rdf:subject id:s{n:02d} ; "
        f"rdf:predicate ng:supplies ; rdf:object id:o ; ng:articleCount {2 if n == 7 else 1} ; "
        f'ng:lastSeen "2024-01-{1 + n:02d}"^^xsd:date .\n' for n in range(30)
    ) + 'id:o a ng:Organisation ; rdfs:label "O" .\n'
    text = "@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .\n" + text
    rows = _rows(load_turtle(text), query_text("best-corroborated"))[1:]
    assert [row[0] for row in rows] == ["S07"] + [f"S{n:02d}" for n in range(5, 30) if n != 7]
