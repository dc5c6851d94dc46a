"""Policy nodes: named from their imposer and measure, with imposes and targets edges."""

from __future__ import annotations

import pytest


def policy_view(nlp, text):
    doc = nlp(text)
    policies = sorted((e.name, e.kind) for e in doc._.ng_relation_entities if e.type == "Policy")
    relations = sorted((r.subject, r.predicate, r.object) for r in doc._.ng_relations)
    return policies, relations


@pytest.mark.parametrize(
    "text, policies, relations",
    [
        ("China has launched an anti-dumping investigation against Japan.",
         [("China anti-dumping probe", "TradeInvestigation")],
         [("China", "imposes", "China anti-dumping probe"),
          ("China anti-dumping probe", "targets", "Japan")]),
        ("Washington announced plans to slap tariffs on Japanese imports.",
         [("United States tariffs", "Tariff")],
         [("United States", "imposes", "United States tariffs"),
          ("United States tariffs", "targets", "Japan")]),
        ("Demand fell amid increasingly harsh U.S. trade restrictions.",
         [("United States export controls", "ExportControl")],
         [("United States", "imposes", "United States export controls")]),
        # the possessor imposes; the bare country modifier is the target
        ("Japan's China tariffs took effect on Monday.",
         [("Japan tariffs", "Tariff")],
         [("Japan", "imposes", "Japan tariffs"), ("Japan tariffs", "targets", "China")]),
        # a measure with no imposer is not a node
        ("Tariffs were discussed at length.", [], []),
    ],
)
def test_policies(nlp, text, policies, relations):
    assert policy_view(nlp, text) == (policies, relations)


def test_sanctions_on_a_named_party_are_a_direct_edge(nlp):
    policies, relations = policy_view(nlp, "U.S. sanctions on Huawei hurt its phone business.")
    assert policies == []
    assert relations == [("United States", "sanctions", "Huawei")]


def test_policy_aliases_keep_the_written_imposer(nlp):
    doc = nlp("Demand fell amid increasingly harsh U.S. trade restrictions.")
    (policy,) = [e for e in doc._.ng_relation_entities if e.type == "Policy"]
    assert "U.S. export controls" in policy.aliases
    assert all(len(alias) <= len(policy.name) for alias in policy.aliases)


def test_policy_mentions_join_the_document_spans(nlp):
    doc = nlp("Demand fell amid increasingly harsh U.S. trade restrictions.")
    policies = [(s.text, s._.ng_name) for s in doc.spans["ng_entities"] if s.label_ == "Policy"]
    assert policies == [
        ("increasingly harsh U.S. trade restrictions", "United States export controls")
    ]
