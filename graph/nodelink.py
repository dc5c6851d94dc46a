"""networkx node-link JSON export.

Examples
--------
>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> _ = G.add_edge("a", "b", key="mentions", type="mentions")
>>> print(to_json(G).decode())  # doctest: +NORMALIZE_WHITESPACE
{"directed": true, "edges": [{"key": "mentions", "source": "a", "target": "b",
 "type": "mentions"}], "graph": {}, "multigraph": true, "nodes": [{"id": "a"}, {"id": "b"}]}
"""

from __future__ import annotations

import json
from typing import IO

import networkx as nx

__all__ = ["read_json", "to_json", "write_json"]


def to_json(G: nx.MultiDiGraph) -> bytes:
    """The graph as node-link JSON bytes (``edges="edges"``), keys sorted."""
    data = nx.node_link_data(G, edges="edges")
    return json.dumps(data, ensure_ascii=False, sort_keys=True).encode("utf-8")


def write_json(G: nx.MultiDiGraph, stream: IO[bytes]) -> None:
    """Write the graph as node-link JSON to a binary stream."""
    stream.write(to_json(G))


def read_json(stream: IO[bytes]) -> nx.MultiDiGraph:
    """Read a graph written by :func:`write_json`."""
    graph: nx.MultiDiGraph = nx.node_link_graph(json.load(stream), edges="edges")
    return graph
