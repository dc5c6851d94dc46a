"""The graph keeps only relations the ontology allows, and counts the others."""

from __future__ import annotations

from graph.build import build_graph
from ingest.documents import Article, Entity, Evidence, Extraction, Relation


def _relation(subject, predicate, obj):
    return Relation(subject, predicate, obj, Evidence("A sentence.", 0, 11, "test-rule"))


def test_relations_outside_domain_or_range_are_refused_and_counted():
    article = Article(id="a1", text="A sentence.", source="a.txt")
    entities = (Entity("Zhou Zixue", "Person"), Entity("Acme", "Organisation"),
                Entity("China", "Country"))
    extraction = Extraction(article, entities, (
        _relation("Zhou Zixue", "chairs", "Acme"),
        _relation("China", "chairs", "Acme"),  # a country chairs nothing
        _relation("Acme", "basedIn", "Zhou Zixue"),  # a person is not a place
    ))
    G = build_graph([extraction])
    kinds = sorted(k for _, _, k in G.edges(keys=True) if k != "mentions")
    assert kinds == ["chairs"]
    assert G.graph["rejected_relations"] == 2
    (_, _, data), = [e for e in G.edges(data=True) if e[2]["type"] == "chairs"]
    assert data["evidence"][0]["rule"] == "test-rule"
