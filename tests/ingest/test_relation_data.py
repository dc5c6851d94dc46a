"""The document state relation reading fills in."""

from __future__ import annotations

from newsgraph.ingest.relation_data import ARTICLE_NODE, DocState, Node
from tests.ingest.relation_views import parse


def test_marking_a_span_makes_its_root_a_node_and_tags_its_tokens():
    doc, _ = parse(["Acme", "Holdings", "rose"], [1, 2, 2], ["compound", "nsubj", "ROOT"], {})
    state = DocState()
    state.mark(doc[0:2], Node("Acme Holdings", "Organisation", 1))
    assert state.nodes == {1: Node("Acme Holdings", "Organisation", 1)}
    assert state.surfaces == {1: "Acme Holdings"}
    assert state.inside == {0: 1, 1: 1}
    assert [(t._.ng_type, t._.ng_in) for t in doc] == [
        (None, "Organisation"), ("Organisation", "Organisation"), (None, None)
    ]


def test_the_article_node_is_no_token():
    assert (ARTICLE_NODE.name, ARTICLE_NODE.type, ARTICLE_NODE.token) == ("@article", "Article", -1)
