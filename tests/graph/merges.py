"""Small hand-written graphs before and after an add, for the tests of the GraphML and
node-link JSON merges: each with the nodes the add touched and those whose edges out it did."""

from __future__ import annotations

from typing import Any

import networkx as nx

#: Text that looks like the markup of both formats around it.
HOSTILE = ('Li</data>\n</node>\n<node id="b">\n  <data key="d1">x</data>\n'
           '" id="e0">\n  <data </data>\n</edge>\n"}, {"id": "b", "type": "T"}, {"key": "')
ODD = 'q&"<x>\n'  # a node named with characters both formats escape


def _evidence(*articles: str) -> list[dict[str, Any]]:
    return [{"article": a, "sentence": f'{a} said "}}, {{"source": "b"', "start": 0}
            for a in articles]


def graph(nodes: dict[str, dict[str, Any]],
          edges: list[tuple[str, str, str, dict[str, Any]]]) -> nx.MultiDiGraph:
    G = nx.MultiDiGraph()
    G.graph["rejected_relations"] = len(edges)  # the graph's own data changes each add
    for node, attrs in nodes.items():
        G.add_node(node, **attrs)
    for subject, obj, key, attrs in edges:
        G.add_edge(subject, obj, key=key, type=key, **attrs)
    return G


NODES = {
    "b": {"type": "Article", "label": "B", "authors": []},
    "c": {"type": "Organisation", "label": "C", "aliases": ["Cee"], "articles": ["b", "d"]},
    "d": {"type": "Article", "label": "D", "authors": ["Ann"]},
    "e": {"type": "Person", "label": "E", "aliases": [], "articles": ["d"]},
    "ee": {"type": "Person", "label": "Ee", "aliases": [], "articles": []},
    "f": {"type": "Article", "label": "F", "authors": []},
    "h": {"type": "Person", "label": "H", "aliases": [], "articles": []},
}
EDGES = [
    ("b", "c", "mentions", {}),
    ("d", "c", "mentions", {}),
    ("d", "e", "mentions", {}),
    ("e", "c", "chairs", {"article_count": 2, "evidence": _evidence("b", "d")}),
    ("f", "e", "mentions", {}),
    ("h", "c", "advises", {"article_count": 1, "evidence": _evidence("f")}),
]


def _with(nodes: dict[str, dict[str, Any]] | None = None, drop: tuple[str, ...] = (),
          edges: list[tuple[str, str, str, dict[str, Any]]] = (),  # type: ignore[assignment]
          drop_edges: tuple[tuple[str, str, str], ...] = ()) -> nx.MultiDiGraph:
    found = {n: a for n, a in NODES.items() if n not in drop}
    found.update(nodes or {})
    kept = [e for e in EDGES if e[0] not in drop and e[1] not in drop and e[:3] not in drop_edges]
    return graph(found, kept + list(edges))


BEFORE = graph(NODES, EDGES)
#: name: the graph after, the nodes touched, the nodes whose edges out were
ADDS: dict[str, tuple[nx.MultiDiGraph, set[str], set[str]]] = {
    # a new article before every node: every edge after it numbered anew
    "before the first": (_with({"a": {"type": "Article", "label": "A", "authors": []}},
                               edges=[("a", "c", "mentions", {})]), {"a", "c"}, {"a"}),
    "after the last": (_with({"g": {"type": "Article", "label": "G", "authors": []}},
                             edges=[("g", "b", "mentions", {})]), {"g"}, {"g"}),
    # an entity gone: the articles that mentioned it and its relations
    "a node removed": (_with(drop=("e",)), {"d", "f", "c"}, {"d", "f"}),
    # one that stood between nodes the add did not touch
    "a lone node removed": (_with(drop=("ee",)), set(), set()),
    "an edge removed": (_with(drop_edges=(("d", "c", "mentions"),)), {"d", "c"}, {"d"}),
    # more evidence of a relation: its edge alone, the edges after it numbered as before
    "a relation's evidence": (_with(drop_edges=(("e", "c", "chairs"),), edges=[
        ("e", "c", "chairs", {"article_count": 3, "evidence": _evidence("b", "d", "f")})]),
        set(), {("e", "c")}),
    "hostile text": (_with({"c": {**NODES["c"], "label": HOSTILE, "aliases": [HOSTILE]},
                            ODD: {"type": "Article", "label": ODD, "authors": [HOSTILE]}},
                           edges=[(ODD, "c", "mentions", {}),
                                  ("e", ODD, "quotes", {"article_count": 1,
                                                        "evidence": _evidence(HOSTILE)})]),
                     {"c", ODD, "e"}, {ODD, "e"}),
}
