"""The bounded view ``graph.html`` holds: the most connected and most recent nodes, up to a limit.

A graph that grows every day outgrows any one page. :func:`bounded_view` keeps at most
``limit`` nodes: three quarters of them the entities with the most relations (then the most
articles), the rest the newest articles, and every edge between the nodes kept.
:func:`view_title` is the line the page shows, saying how much of the graph it holds. The
whole graph stays in ``graph.ttl`` and the store, and ``newsgraph serve`` answers on all of it.

Examples
--------
>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> for name in "abc":
...     G.add_node(name, type="Organisation", label=name.upper())
>>> _ = G.add_edge("a", "b", key="supplies", predicate="supplies")
>>> sorted(bounded_view(G, limit=2))
['a', 'b']
>>> view_title(2, 3)
'newsgraph: the 2 most connected and most recent of 3 nodes'
"""

from __future__ import annotations

import networkx as nx

from newsgraph.ontology import NodeType

__all__ = ["VIEW_LIMIT", "bounded_view", "view_title"]

#: How many nodes ``graph.html`` holds by default (``--view-limit``).
VIEW_LIMIT = 5000
_MENTIONS = "mentions"
_TITLE = "newsgraph"


def bounded_view(G: nx.MultiDiGraph, limit: int) -> nx.MultiDiGraph:
    """At most ``limit`` nodes of ``G`` and the edges between them; ``G`` itself when it fits.

    The same graph and limit always give the same view: ties go by node id.
    """
    if G.number_of_nodes() <= limit:
        return G
    relations: dict[str, int] = dict.fromkeys(G.nodes, 0)
    # networkx's own dictionaries: a million mentions at 100,000 documents, each an edge
    # view's tuple before
    for u, out in G._succ.items():
        for v, keys in out.items():
            count = len(keys) - (_MENTIONS in keys)
            if count:
                relations[u] += count
                relations[v] += count
    articles, entities = [], []
    for node, data in G.nodes(data=True):
        if data.get("type") == NodeType.ARTICLE:
            articles.append((str(data.get("date") or ""), node))
        else:
            entities.append((-relations[node], -len(data.get("articles") or ()), node))
    entities.sort()
    articles.sort(key=lambda dated: dated[1])
    articles.sort(key=lambda dated: dated[0], reverse=True)  # newest first, then by id
    entity_share = min(len(entities), max(limit - len(articles), limit * 3 // 4))
    kept = [node for *_, node in entities[:entity_share]]
    kept += [node for _, node in articles[:limit - entity_share]]
    return _induced(G, kept)


def _induced(G: nx.MultiDiGraph, nodes: list[str]) -> nx.MultiDiGraph:
    """The subgraph of ``G`` on ``nodes`` (in ``G``'s order) and every edge between them, its
    attributes copied: what ``G.subgraph(nodes).copy()`` holds, made from ``G``'s own
    dictionaries (networkx's filtered views call a function for every neighbour and key:
    1.2 s of the view of a graph of 100,000 documents).

    >>> G = nx.MultiDiGraph()
    >>> G.add_edge("a", "b", key="k", w=1)
    'k'
    >>> _ = G.add_edge("b", "c", key="k")
    >>> H = _induced(G, ["b", "a"])
    >>> list(H.nodes), list(H.edges(keys=True, data=True))
    (['a', 'b'], [('a', 'b', 'k', {'w': 1})])
    """
    kept = set(nodes)
    ordered = [node for node in G._node if node in kept]
    H = nx.MultiDiGraph()
    H.graph.update(G.graph)
    H.add_nodes_from((node, G._node[node].copy()) for node in ordered)
    H.add_edges_from(
        (u, v, key, data.copy()) for u in ordered for v, keys in G._succ[u].items()
        if v in kept for key, data in keys.items())
    return H


def view_title(shown: int, total: int) -> str:
    """The page's heading: ``newsgraph``, and how much of the graph it shows when not all."""
    if shown >= total:
        return _TITLE
    return f"{_TITLE}: the {shown:,} most connected and most recent of {total:,} nodes"
