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

import io
import json
from collections.abc import Iterable
from itertools import islice
from typing import IO, Any

import networkx as nx

__all__ = ["read_json", "to_json", "write_json", "write_json_items"]

#: Items of an array written at a time.
_BATCH = 4096


def to_json(G: nx.MultiDiGraph) -> bytes:
    """The graph as node-link JSON bytes (``edges="edges"``), keys sorted."""
    buffer = io.BytesIO()
    write_json(G, buffer)
    return buffer.getvalue()


def write_json(G: nx.MultiDiGraph, stream: IO[bytes]) -> None:
    """Write the graph as node-link JSON to a binary stream: what ``json.dumps`` (keys
    sorted) writes of ``nx.node_link_data(G, edges="edges")``, a batch of nodes and edges
    at a time, never the whole text or a copy of every attribute dictionary."""
    def dumped(value: Any) -> bytes:
        return json.dumps(value, ensure_ascii=False, sort_keys=True).encode("utf-8")

    multigraph = G.is_multigraph()
    edges: Iterable[dict[str, Any]] = (
        ({**d, "source": u, "target": v, "key": k} for u, v, k, d in G.edges(keys=True, data=True))
        if multigraph else ({**d, "source": u, "target": v} for u, v, d in G.edges(data=True)))
    # the keys in sorted order: directed, edges, graph, multigraph, nodes
    stream.write(b'{"directed": ' + dumped(G.is_directed()) + b', "edges": [')
    write_json_items(edges, stream)
    stream.write(b'], "graph": ' + dumped(G.graph) + b', "multigraph": ' + dumped(multigraph)
                 + b', "nodes": [')
    write_json_items(({**G.nodes[n], "id": n} for n in G), stream)
    stream.write(b"]}")


def write_json_items(items: Iterable[Any], stream: IO[bytes], *,
                     separators: tuple[str, str] = (", ", ": ")) -> None:
    """The items of a JSON array, without its brackets, as ``json.dumps`` of the whole array
    (keys sorted, text as UTF-8) writes them, a batch at a time.

    >>> buffer = io.BytesIO()
    >>> write_json_items(({"b": n, "a": "é"} for n in range(3)), buffer)
    >>> buffer.getvalue().decode() == json.dumps([{"b": n, "a": "é"} for n in range(3)],
    ...                                          ensure_ascii=False, sort_keys=True)[1:-1]
    True
    """
    source = iter(items)
    first = True
    while batch := list(islice(source, _BATCH)):
        text = json.dumps(batch, ensure_ascii=False, sort_keys=True, separators=separators)
        if not first:
            stream.write(separators[0].encode("utf-8"))
        stream.write(text[1:-1].encode("utf-8"))
        first = False


def read_json(stream: IO[bytes]) -> nx.MultiDiGraph:
    """Read a graph written by :func:`write_json`."""
    graph: nx.MultiDiGraph = nx.node_link_graph(json.load(stream), edges="edges")
    return graph
