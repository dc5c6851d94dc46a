"""Tests of newsgraph.graph.shapes and ontology/shapes.ttl: what a valid newsgraph graph is."""

from __future__ import annotations

import io
import re

import networkx as nx
import pytest
from rdflib import OWL, RDF, RDFS, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SH, SKOS, XSD

from newsgraph.graph.build import build_graph
from newsgraph.graph.query import load_rdf
from newsgraph.graph.rdf import to_rdf, to_turtle
from newsgraph.graph.shapes import Violation, shapes_graph, validate_graph
from newsgraph.ontology import NG, RELATIONS, SYMMETRIC, ontology_graph, ontology_text
from tests.graph.conftest import handbuilt_extractions

ID = "https://w3id.org/newsgraph/id/"
SMIC = URIRef(f"{ID}organisation/Semiconductor_Manufacturing_International_Corporation")
ZHANG = URIRef(f"{ID}person/Zhang_Wei")


def handbuilt_graph() -> nx.MultiDiGraph:
    return build_graph(handbuilt_extractions())


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
        "person:Zhang_Wei", "rdfs:label", "",
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
        "person:Zhang_Wei ng:worksFor organisation:Semiconductor_Manufacturing_International_"
        "Corporation: The relation ng:worksFor to organisation:Semiconductor_Manufacturing_"
        "International_Corporation has no ng:Assertion with ng:evidence."]


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


def test_a_language_tagged_label_is_a_name():
    rdf = to_rdf(handbuilt_graph())
    rdf.remove((ZHANG, RDFS.label, None))
    rdf.add((ZHANG, RDFS.label, Literal("张伟", lang="zh")))
    assert validate_graph(rdf) == []


def test_a_language_tagged_other_name_is_a_name():
    rdf = to_rdf(handbuilt_graph())
    rdf.add((ZHANG, SKOS.altLabel, Literal("Чжан Вэй", lang="ru")))
    assert validate_graph(rdf) == []


POLICY = URIRef(f"{ID}policy/US_export_controls")


def test_a_policy_has_the_dates_of_each_build_merged_but_only_dates():
    rdf = to_rdf(handbuilt_graph())
    assert rdf.value(POLICY, NG.firstSeen) == Literal("2024-01-02", datatype=XSD.date)
    rdf.add((POLICY, NG.firstSeen, Literal("2023-12-30", datatype=XSD.date)))
    rdf.add((POLICY, NG.lastSeen, Literal("2024-02-01", datatype=XSD.date)))
    assert validate_graph(rdf) == []
    rdf.add((POLICY, NG.lastSeen, Literal("soon")))
    assert [v.message for v in validate_graph(rdf)] == ["A policy's ng:lastSeen is an xsd:date."]


def test_a_label_that_is_no_string_is_refused():
    rdf = to_rdf(handbuilt_graph())
    rdf.remove((ZHANG, RDFS.label, None))
    rdf.add((ZHANG, RDFS.label, Literal(3)))
    assert [str(v) for v in validate_graph(rdf)] == [
        "<https://w3id.org/newsgraph/ontology> rdfs:label '3': rdfs:label of person:Zhang_Wei "
        "is 3, not a string (xsd:string or rdf:langString)."]


def test_a_property_the_ontology_lacks_is_named():
    rdf = to_rdf(handbuilt_graph())
    rdf.add((URIRef(f"{ID}country/US"), NG._NS["sanction"], SMIC))
    assert [v.message for v in validate_graph(rdf)] == [
        "ng:sanction is no property of the newsgraph ontology (used by country:US)."]


def test_an_article_count_its_evidence_disagrees_with_is_refused():
    rdf = to_rdf(handbuilt_graph())
    assertion = next(rdf.subjects(RDF.predicate, NG.chairs))
    rdf.set((assertion, NG.articleCount, Literal(3)))
    assert [v.message for v in validate_graph(rdf)] == [
        "The assertion's ng:articleCount is not the number of articles its evidence is derived "
        "from."]


def test_shapes_name_every_property_of_the_ontology():
    text = ontology_text("shapes.ttl")
    known = text[text.index("?path NOT IN ("):]
    known = known[:known.index("))")]
    named = set(re.findall(r"ng:(\w+)", known))
    properties = {str(p).removeprefix(str(NG)) for kind in (OWL.ObjectProperty,
                  OWL.DatatypeProperty) for p in ontology_graph().subjects(RDF.type, kind)}
    assert named == properties


def test_shapes_know_the_symmetric_relations():
    text = ontology_text("shapes.ttl")
    listed = text[text.index("FILTER (?path IN (ng:competesWith"):]
    listed = listed[:listed.index(")")]
    assert set(re.findall(r"ng:(\w+)", listed)) == set(SYMMETRIC)


# The shapes as SPARQL on the store (what newsgraph validate runs): the same as pySHACL


def _same_as_pyshacl(turtle: bytes) -> list[Violation]:
    import pyoxigraph as ox

    from newsgraph.graph.shapes import validate_store

    store = ox.Store()
    store.bulk_load(turtle, format=ox.RdfFormat.TURTLE)
    found = validate_store(store)
    expected = validate_graph(Graph().parse(data=turtle, format="turtle"))

    def named(violations: list[Violation]) -> list[Violation]:  # blank nodes: any label
        return sorted(v._replace(**{f: re.sub(r"^(_:)?[nN]?[0-9a-f]{20,}$", "_:b", getattr(v, f))
                                    for f in ("focus", "value")}) for v in violations)

    assert named(found) == named(expected)
    return found


def test_validate_store_finds_what_pyshacl_finds_in_a_broken_graph():
    from pathlib import Path

    turtle = (Path(__file__).parent / "data" / "shapes-broken.ttl").read_bytes()
    found = _same_as_pyshacl(turtle)
    assert len(found) == 65  # a1 has two sources, neither an IRI
    lines = [str(v) for v in found]
    # a few, word for word: a SPARQL constraint's message, a pair, a count, a class
    assert "<https://w3id.org/newsgraph/ontology> ng:sanction id:li: ng:sanction is no " \
        "property of the newsgraph ontology (used by id:li)." in lines
    assert "id:as1 ng:firstSeen '2024-05-01': An assertion has at most one ng:firstSeen, an " \
        "xsd:date no later than ng:lastSeen." in lines
    assert "id:both rdf:type: A node has exactly one newsgraph class." in lines
    assert "id:li: The object of ng:basedIn must be of class Country." in lines


def test_validate_store_finds_what_pyshacl_finds_in_built_graphs(handbuilt):
    assert _same_as_pyshacl(to_turtle(handbuilt)) == []
    rdf = to_rdf(handbuilt)
    rdf.remove((ZHANG, None, Literal("Zhang Wei")))
    rdf.add((ZHANG, URIRef(f"{NG}chairs"), URIRef(f"{ID}country/China")))
    assert len(_same_as_pyshacl(rdf.serialize(format="nt", encoding="utf-8"))) >= 2
