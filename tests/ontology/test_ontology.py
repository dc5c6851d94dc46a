"""What a knowledge engineer checks in ``ontology/newsgraph.ttl``."""

from __future__ import annotations

import pytest
from rdflib import OWL, RDF, RDFS, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SDO, SKOS

from newsgraph.ontology import ENTITY_TYPES, NG, RELATIONS, SYMMETRIC, ontology_graph

ONTOLOGY = URIRef("https://w3id.org/newsgraph/ontology")
WIKIDATA = "http://www.wikidata.org/prop/direct/P"


def _english(term: URIRef, predicate: URIRef) -> list[str]:
    return [str(o) for o in ontology_graph().objects(term, predicate)
            if isinstance(o, Literal) and o.language == "en"]


def _terms(kind: URIRef) -> list[URIRef]:
    return sorted(t for t in ontology_graph().subjects(RDF.type, kind)
                  if isinstance(t, URIRef))


def test_version_iri():
    assert ontology_graph().value(ONTOLOGY, OWL.versionIRI) == URIRef(
        "https://w3id.org/newsgraph/ontology/0.1.0")


@pytest.mark.parametrize("term", _terms(OWL.Class) + _terms(OWL.ObjectProperty)
                         + _terms(OWL.DatatypeProperty))
def test_one_english_label_and_comment(term):
    assert len(_english(term, RDFS.label)) == 1
    assert len(_english(term, RDFS.comment)) == 1


@pytest.mark.parametrize("term", _terms(OWL.ObjectProperty) + _terms(OWL.DatatypeProperty))
def test_properties_have_domain_and_range(term):
    graph = ontology_graph()
    # an inverse has those of its relation, the other way round, and none of its own
    inverse = graph.value(term, OWL.inverseOf)
    described = term if inverse is None else inverse
    assert graph.value(described, RDFS.domain) is not None
    assert graph.value(described, RDFS.range) is not None
    if inverse is not None:
        assert graph.value(term, RDFS.domain) is None
        assert graph.value(term, RDFS.range) is None


def test_symmetric_as_the_contract_says():
    assert {"partnersWith", "competesWith"} == SYMMETRIC


def test_the_relations_of_the_contract():
    assert set(RELATIONS) == {
        "chairs", "leads", "memberOf", "worksFor", "sanctions", "roseOnNews", "fellOnNews",
        "partnersWith", "supplies", "competesWith", "investsIn", "basedIn", "imposes",
        "targets", "opposes"}


@pytest.mark.parametrize(("ours", "schema"), [
    (NG.Organisation, SDO.Organization), (NG.Person, SDO.Person), (NG.Country, SDO.Country),
    (NG.Article, SDO.NewsArticle)])
def test_schema_org_superclasses(ours, schema):
    assert (ours, RDFS.subClassOf, schema) in ontology_graph()


def test_entity_types():
    assert ENTITY_TYPES == ("Country", "Organisation", "Person", "Policy")


def test_wikidata_properties_are_see_also_never_skos_matches():
    # skos:closeMatch between OWL properties would make them skos:Concepts; the Wikidata
    # properties are pointers, rdfs:seeAlso (chairs and leads are stated the other way round
    # there, and investsIn is wider than owner of)
    graph = ontology_graph()
    assert not set(graph.subject_objects(SKOS.closeMatch))
    links = {(str(s).removeprefix(str(NG)), str(o).removeprefix(WIKIDATA))
             for s, o in graph.subject_objects(RDFS.seeAlso) if str(o).startswith(WIKIDATA)}
    assert {("memberOf", "463"), ("worksFor", "108"), ("basedIn", "17"), ("chairs", "488"),
            ("isoCode", "297")} <= links


def test_policy_kinds_form_a_scheme():
    graph = ontology_graph()
    kinds = set(graph.subjects(RDF.type, NG.PolicyKind))
    assert kinds == set(graph.objects(NG.PolicyKindScheme, SKOS.hasTopConcept))
    assert all(len(_english(k, SKOS.prefLabel)) == 1 for k in kinds)


def test_node_classes_are_disjoint():
    graph = ontology_graph()
    (axiom,) = graph.subjects(RDF.type, OWL.AllDisjointClasses)
    members = Collection(graph, graph.value(axiom, OWL.members))
    assert set(members) == {NG.Organisation, NG.Person, NG.Country, NG.Policy, NG.Article}
