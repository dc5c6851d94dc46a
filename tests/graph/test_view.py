"""Tests of newsgraph.graph.view: the bounded view graph.html holds."""

from __future__ import annotations

import networkx as nx

from newsgraph.graph.view import bounded_view, view_title


def _graph():
    G = nx.MultiDiGraph()
    for name in ("hub", "mid", "lone", "b", "c"):
        G.add_node(name, type="Organisation", label=name, articles=[])
    G.add_edge("hub", "mid", key="supplies", predicate="supplies")
    G.add_edge("hub", "b", key="supplies", predicate="supplies")
    G.add_edge("hub", "c", key="supplies", predicate="supplies")
    for day, article in ((3, "a3"), (1, "a1"), (2, "a2"), (2, "a0")):
        G.add_node(article, type="Article", date=f"2026-01-0{day}", source=article)
        G.add_edge(article, "hub", key="mentions")
    G.add_node("undated", type="Article", source="x")
    return G


def test_a_graph_within_the_limit_is_shown_whole():
    G = _graph()
    assert bounded_view(G, 100) is G
    assert view_title(len(G), len(G)) == "newsgraph"


def test_the_most_connected_and_the_newest_are_kept_with_their_edges():
    view = bounded_view(_graph(), 4)
    assert sorted(view) == ["a3", "b", "c", "hub"]  # three entities (ties by id), one article
    assert sorted(view.edges(keys=True)) == [
        ("a3", "hub", "mentions"), ("hub", "b", "supplies"), ("hub", "c", "supplies")]
    view = bounded_view(_graph(), 8)
    assert sorted(n for n in view if n.startswith("a")) == ["a0", "a2", "a3"]  # ties by id


def test_the_view_is_the_same_whatever_the_order_of_insertion():
    G = _graph()
    H = nx.MultiDiGraph()
    H.add_nodes_from(reversed(list(G.nodes(data=True))))
    H.add_edges_from(reversed(list(G.edges(keys=True, data=True))))
    assert sorted(bounded_view(G, 5)) == sorted(bounded_view(H, 5))


def test_the_page_says_how_much_it_shows():
    assert view_title(5000, 123456) == (
        "newsgraph: the 5,000 most connected and most recent of 123,456 nodes")
