"""Tests of newsgraph.graph.shapes and ontology/shapes.ttl: what a valid newsgraph graph is."""

from __future__ import annotations

import io

import networkx as nx
import pytest
from rdflib import RDF, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SH

from newsgraph.graph.query import load_rdf
from newsgraph.graph.rdf import to_rdf, to_turtle
from newsgraph.graph.shapes import Violation, shapes_graph, validate_graph
from newsgraph.ontology import NG, RELATIONS

ID = "https://w3id.org/newsgraph/id/"
SMIC = URIRef(f"{ID}organisation/semiconductor-manufacturing-international")
ZHANG = URIRef(f"{ID}person/zhang-wei")


def test_handbuilt_graph_conforms(handbuilt):
    assert validate_graph(to_rdf(handbuilt)) == []


def test_oxigraph_backed_graph_conforms(handbuilt):
    assert validate_graph(load_rdf(io.BytesIO(to_turtle(handbuilt)))) == []


@pytest.mark.slow
def test_seed_graph_conforms(seed_graph):
    assert validate_graph(load_rdf(io.BytesIO(to_turtle(seed_graph)))) == []


def test_missing_label(handbuilt):
    rdf = to_rdf(handbuilt)
    rdf.remove((ZHANG, None, Literal("Zhang Wei")))
    assert validate_graph(rdf) == [Violation(
        "person:zhang-wei", "rdfs:label", "",
        "An entity has exactly one rdfs:label, a non-empty string.")]


def test_messages_shorten_iris_as_json_ld_does():
    # any rest is shortened; an IRI no prefix shortens is shown in angle brackets
    rdf = Graph().parse(format="turtle", data=f"""
        <{ID}person/li/2> a <{NG.Person}> .
        <{ID}person/> a <{NG.Person}> .""")
    assert [str(v) for v in validate_graph(rdf)] == [
        f"<{ID}person/> rdfs:label: An entity has exactly one rdfs:label, a non-empty string.",
        "person:li/2 rdfs:label: An entity has exactly one rdfs:label, a non-empty string.",
    ]


def test_two_labels(handbuilt):
    rdf = to_rdf(handbuilt)
    rdf.add((ZHANG, URIRef("http://www.w3.org/2000/01/rdf-schema#label"), Literal("Wei")))
    assert [v.path for v in validate_graph(rdf)] == ["rdfs:label"]


def test_relation_without_evidence(handbuilt):
    rdf = to_rdf(handbuilt)
    rdf.add((ZHANG, NG.worksFor, SMIC))
    assert [str(v) for v in validate_graph(rdf)] == [
        "person:zhang-wei ng:worksFor organisation:semiconductor-manufacturing-international: "
        "The relation ng:worksFor to organisation:semiconductor-manufacturing-international "
        "has no ng:Assertion with ng:evidence."]


def test_relation_outside_its_domain(handbuilt):
    rdf = to_rdf(handbuilt)
    rdf.remove((ZHANG, RDF.type, NG.Person))
    rdf.add((ZHANG, RDF.type, NG.Country))
    messages = {v.message for v in validate_graph(rdf)}
    assert messages == {"The subject of ng:chairs must be of class Person."}


def test_assertion_of_a_missing_triple(handbuilt):
    rdf = to_rdf(handbuilt)
    rdf.remove((ZHANG, NG.chairs, SMIC))
    assert [v.message for v in validate_graph(rdf)] == [
        "The assertion describes a triple that is not in the graph."]


def test_evidence_offsets_in_order(handbuilt):
    rdf = to_rdf(handbuilt)
    evidence = next(rdf.subjects(NG.rule, Literal("chair-of")))
    rdf.set((evidence, NG.startChar, Literal(99)))
    assert [v.path for v in validate_graph(rdf)] == ["ng:startChar"]


def test_policy_needs_a_kind():
    G = nx.MultiDiGraph()
    G.add_node(f"{ID}policy/p", type="Policy", label="P", aliases=[], articles=[],
               kind="Tariff")
    rdf = to_rdf(G)
    assert validate_graph(rdf) == []
    rdf.remove((None, NG.policyKind, None))
    assert [v.path for v in validate_graph(rdf)] == ["ng:policyKind"]


def _classes(shapes: Graph, shape: URIRef) -> frozenset[str]:
    one = shapes.value(shape, SH["class"])
    if one is not None:
        return frozenset({str(one).removeprefix(str(NG))})
    members = Collection(shapes, shapes.value(shape, SH["or"]))
    return frozenset(str(shapes.value(m, SH["class"])).removeprefix(str(NG)) for m in members)


@pytest.mark.parametrize("predicate", sorted(RELATIONS))
def test_shapes_check_the_ontology_domain_and_range(predicate):
    shapes = shapes_graph()
    (domain,) = set(shapes.subjects(SH.targetSubjectsOf, NG[predicate])) - {
        URIRef("https://w3id.org/newsgraph/shapes#RelationEvidence")}
    (range_,) = shapes.subjects(SH.targetObjectsOf, NG[predicate])
    assert _classes(shapes, domain) == RELATIONS[predicate].domain
    assert _classes(shapes, range_) == RELATIONS[predicate].range


def test_evidence_shape_covers_every_relation():
    shapes = shapes_graph()
    evidence = URIRef("https://w3id.org/newsgraph/shapes#RelationEvidence")
    targets = {str(p).removeprefix(str(NG)) for p in shapes.objects(evidence, SH.targetSubjectsOf)}
    assert targets == set(RELATIONS)


def test_assertion_predicates_are_the_relations():
    shapes = shapes_graph()
    (prop,) = shapes.subjects(SH.path, RDF.predicate)
    allowed = Collection(shapes, shapes.value(prop, SH["in"]))
    assert {str(p).removeprefix(str(NG)) for p in allowed} == set(RELATIONS)
