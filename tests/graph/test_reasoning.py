"""The graph with what its ontology entails: the shapes accept it, the example queries answer
the same, and the alignments to schema.org and W3C ORG follow (RDFS and OWL-RL, with owlrl,
as ``pyshacl -i rdfs`` / ``-i owlrl`` and any OWL-RL reasoner would expand it)."""

from __future__ import annotations

import io
import re
from pathlib import Path

import owlrl
import pytest
from pyshacl.inference import CustomRDFSSemantics
from rdflib import RDF, Graph, Literal, URIRef
from rdflib.namespace import FOAF, SDO

from newsgraph.graph.query import OutputFormat, format_result, query_names, query_text, run_query
from newsgraph.graph.rdf import to_turtle
from newsgraph.graph.shapes import validate_graph
from newsgraph.ontology import INVERSES, NG, RELATIONS, ontology_graph

ORG = "http://www.w3.org/ns/org#"
#: How owlrl records a clash in the graph it expands.
OWLRL_ERROR = "http://www.daml.org/2002/03/agents/agent-ont#error"
#: What pySHACL runs for ``-i rdfs`` and ``-i owlrl``.
SEMANTICS = {"rdfs": CustomRDFSSemantics, "owlrl": owlrl.OWLRL_Semantics}


def _with_ontology(data: bytes) -> Graph:
    graph = Graph().parse(io.BytesIO(data), format="turtle")
    graph += ontology_graph()
    return graph


def _expanded(data: bytes, inference: str) -> Graph:
    """The graph and its ontology, closed under ``inference`` as pySHACL closes them."""
    graph = _with_ontology(data)
    owlrl.DeductiveClosure(SEMANTICS[inference]).expand(graph)
    # RDFS makes statements about literals (their types), which no RDF 1.1 store holds
    for triple in [t for t in graph if isinstance(t[0], Literal)]:
        graph.remove(triple)
    return graph


def _answers(graph: Graph) -> dict[str, str]:
    from newsgraph.graph.query import load_store

    store = load_store(io.BytesIO(graph.serialize(format="nt", encoding="utf-8")))
    return {name: format_result(run_query(store, query_text(name)), OutputFormat.CSV)
            for name in query_names()}


@pytest.fixture(scope="module")
def seed_turtle(seed_graph) -> bytes:
    return to_turtle(seed_graph)


@pytest.fixture(scope="module", params=sorted(SEMANTICS))
def seed_expanded(request, seed_turtle) -> Graph:
    return _expanded(seed_turtle, request.param)


@pytest.mark.slow
def test_the_seed_graph_conforms_with_its_entailments(seed_expanded):
    assert validate_graph(seed_expanded) == []


@pytest.mark.slow
def test_example_queries_answer_the_same_with_and_without_inference(seed_turtle,
                                                                      seed_expanded):
    plain = _answers(_with_ontology(seed_turtle))
    assert all(answer.count("\n") > 1 for answer in plain.values())
    assert _answers(seed_expanded) == plain


def _documented_queries() -> list[str]:
    """The SPARQL of docs/queries.md: the analyst questions it answers."""
    text = (Path(__file__).parents[2] / "docs" / "queries.md").read_text(encoding="utf-8")
    return re.findall(r"```sparql\n(.*?)```", text, flags=re.DOTALL)


def test_the_documented_questions_answer_the_same_with_and_without_inference(seed_turtle,
                                                                             seed_expanded):
    queries = _documented_queries()
    assert len(queries) == 6

    def answers(graph: Graph) -> list[list[str]]:
        from newsgraph.graph.query import load_store

        store = load_store(io.BytesIO(graph.serialize(format="nt", encoding="utf-8")))
        # as sets of rows: most of these questions name no order
        return [sorted(format_result(run_query(store, q), OutputFormat.CSV).splitlines())
                for q in queries]

    plain = answers(_with_ontology(seed_turtle))
    # all but the question asked of TriG's named graphs, which graph.ttl has none of
    assert sum(len(answer) > 1 for answer in plain) == len(queries) - 1
    assert answers(seed_expanded) == plain


@pytest.mark.parametrize("inference", ["rdfs", "owlrl"])
def test_pyshacl_with_inference_accepts_the_graph(handbuilt, inference):
    graph = Graph().parse(io.BytesIO(to_turtle(handbuilt)), format="turtle")
    assert validate_graph(graph, inference=inference) == []


def test_owl_rl_entails_the_schema_org_and_org_alignments(handbuilt):
    graph = _expanded(to_turtle(handbuilt), "owlrl")
    zhang, smic = (URIRef(node) for node in ("https://w3id.org/newsgraph/id/person/Zhang_Wei",
                   "https://w3id.org/newsgraph/id/organisation/"
                   "Semiconductor_Manufacturing_International_Corporation"))
    assert (zhang, NG.memberOf, smic) in graph  # chairs is a sub-property of memberOf
    assert (zhang, SDO.memberOf, smic) in graph
    assert (zhang, URIRef(ORG + "memberOf"), smic) in graph
    assert (zhang, RDF.type, SDO.Person) in graph
    assert (smic, RDF.type, SDO.Organization) in graph
    assert (zhang, RDF.type, FOAF.Person) in graph
    assert (smic, RDF.type, FOAF.Organization) in graph


def test_owl_rl_makes_a_leader_the_head_of_what_he_leads_in_w3c_org():
    graph = ontology_graph() + Graph().parse(format="turtle", data="""
        @prefix ng: <https://w3id.org/newsgraph/ontology#> .
        <https://w3id.org/newsgraph/id/person/p> ng:leads
            <https://w3id.org/newsgraph/id/organisation/o> .""")
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(graph)
    assert (URIRef("https://w3id.org/newsgraph/id/person/p"), URIRef(ORG + "headOf"),
            URIRef("https://w3id.org/newsgraph/id/organisation/o")) in graph


def test_owl_rl_entails_the_inverse_relations_the_graph_does_not_hold(handbuilt):
    written = Graph().parse(io.BytesIO(to_turtle(handbuilt)), format="turtle")
    graph = _expanded(to_turtle(handbuilt), "owlrl")
    zhang, smic = (URIRef(node) for node in ("https://w3id.org/newsgraph/id/person/Zhang_Wei",
                   "https://w3id.org/newsgraph/id/organisation/"
                   "Semiconductor_Manufacturing_International_Corporation"))
    us, china = (URIRef(f"https://w3id.org/newsgraph/id/country/{code}") for code in ("US", "CN"))
    controls = URIRef("https://w3id.org/newsgraph/id/policy/US_export_controls")
    entailed = {(smic, NG.chairedBy, zhang), (smic, NG.hasMember, zhang),
                (smic, SDO.member, zhang), (smic, URIRef(ORG + "hasMember"), zhang),
                (china, NG.sanctionedBy, us), (controls, NG.imposedBy, us),
                (china, NG.targetedBy, controls)}
    assert entailed <= set(graph)
    assert not entailed & set(written)
    assert not {p for _, p, _ in written} & {NG[name] for name in INVERSES}


def test_the_inverses_are_of_relations_and_no_relations_themselves():
    assert INVERSES == {"chairedBy": "chairs", "hasMember": "memberOf", "imposedBy": "imposes",
                        "ledBy": "leads", "sanctionedBy": "sanctions", "targetedBy": "targets"}
    assert not set(INVERSES) & set(RELATIONS)
    assert set(INVERSES.values()) <= set(RELATIONS)


def test_symmetric_relations_are_written_both_ways(seed_graph):
    graph = Graph().parse(io.BytesIO(to_turtle(seed_graph)), format="turtle")
    for predicate in (NG.competesWith, NG.partnersWith):
        pairs = set(graph.subject_objects(predicate))
        assert pairs
        assert {(o, s) for s, o in pairs} == pairs


def test_two_kinds_of_one_policy_are_an_inconsistency_not_one_kind():
    # ng:policyKind is functional: OWL-RL would make two kinds one (Tariff owl:sameAs
    # Subsidy), but the kinds are declared all different, which makes it a clash instead
    graph = ontology_graph() + Graph().parse(format="turtle", data="""
        @prefix ng: <https://w3id.org/newsgraph/ontology#> .
        <https://w3id.org/newsgraph/id/policy/p> a ng:Policy ;
            ng:policyKind ng:Tariff , ng:Subsidy .""")
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics, rdfs_closure=False, axiomatic_triples=False,
                           datatype_axioms=False).expand(graph)
    errors = [str(o) for o in graph.objects(None, URIRef(OWLRL_ERROR))]
    assert len(errors) == 1
    assert "AllDifferent" in errors[0]
    assert "ontology#Tariff" in errors[0]
    assert "ontology#Subsidy" in errors[0]
