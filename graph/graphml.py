"""GraphML export, for Gephi and other graph tools.

GraphML holds only strings, numbers and booleans, so attributes are flattened: a ``None`` is
left out, a list of strings becomes one string joined with ``"; "``, and a list of records
(an edge's ``evidence``) becomes its JSON text, with the sentences also given as a
``sentences`` string. Each edge gets a unique ``id`` (``e0``, ``e1``, ...), its type as
``label`` and its number of supporting articles as ``weight``, as Gephi reads them. Nodes
and edges are written in sorted order, so the same graph gives the same bytes.

Examples
--------
>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("https://w3id.org/newsgraph/id/country/japan", type="Country", label="Japan",
...            aliases=["Tokyo", "Nippon"], articles=[], kind=None)
>>> flat = flatten(G)
>>> flat.nodes["https://w3id.org/newsgraph/id/country/japan"]
{'aliases': 'Tokyo; Nippon', 'articles': '', 'label': 'Japan', 'type': 'Country'}
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator
from typing import IO, Any

import networkx as nx

__all__ = ["flatten", "to_graphml", "write_graphml"]

_JOIN = "; "
#: Characters XML 1.0 cannot hold (news text may carry them: a form feed, U+FFFF).
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml_text(text: str) -> str:
    """``text`` with each character XML cannot hold replaced by U+FFFD.

    >>> _xml_text("Intel\fCorp\uffff")
    'Intel\ufffdCorp\ufffd'
    """
    return _NOT_XML.sub("\ufffd", text)


def _flat_value(value: Any) -> Any:
    """A value GraphML can hold, or None to leave the attribute out."""
    if isinstance(value, str):
        return _xml_text(value)
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, list | tuple | set | frozenset):
        items = sorted(value) if isinstance(value, set | frozenset) else list(value)
        if all(isinstance(item, str) for item in items):
            return _xml_text(_JOIN.join(items))
        return _xml_text(json.dumps(items, ensure_ascii=False, sort_keys=True))
    return _xml_text(json.dumps(value, ensure_ascii=False, sort_keys=True, default=str))


def _flat_attrs(data: dict[str, Any]) -> dict[str, Any]:
    flat = {}
    for name in sorted(data):
        value = _flat_value(data[name])
        if value is not None:
            flat[name] = value
    evidence = data.get("evidence")
    if isinstance(evidence, list) and evidence:
        flat["sentences"] = _xml_text(_JOIN.join(
            str(item.get("sentence", "")) for item in evidence if isinstance(item, dict)
        ))
    return flat


def flatten(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of ``G`` with GraphML-ready attributes, nodes and edges in sorted order.

    >>> G = nx.MultiDiGraph()
    >>> G.add_edge("a", "b", key="chairs", predicate="chairs", first_seen=None,
    ...            evidence=[{"sentence": "A chairs B.", "start": 0}])
    'chairs'
    >>> flatten(G).edges["a", "b", "chairs"]["sentences"]
    'A chairs B.'
    """
    flat = nx.MultiDiGraph()
    flat.graph.update(_flat_attrs(G.graph))
    for node in sorted(G.nodes):
        flat.add_node(node, **_flat_attrs(G.nodes[node]))
    edges = sorted(G.edges(keys=True, data=True), key=lambda e: (e[0], e[1], str(e[2])))
    for number, (subject, obj, key, data) in enumerate(edges):
        attrs = {"label": str(key), "weight": data.get("article_count", 1),
                 **_flat_attrs(data), "id": f"e{number}"}
        flat.add_edge(subject, obj, key=key, **attrs)
    return flat


class _Flattened:
    """What networkx's GraphML writer reads of :func:`flatten` of ``G``, each node's and
    edge's attributes flattened as the writer reads them (it reads them three times: the
    attribute types, the keys, the elements) rather than a flattened copy of the graph held
    whole."""

    def __init__(self, G: nx.MultiDiGraph) -> None:
        self._G = G
        self.graph = _flat_attrs(G.graph)
        self._nodes = sorted(G.nodes)
        self._edges = sorted(G.edges(keys=True), key=lambda e: (e[0], e[1], str(e[2])))

    def is_directed(self) -> bool:
        return True

    def is_multigraph(self) -> bool:
        return True

    def nodes(self, data: bool = True) -> Iterator[tuple[str, dict[str, Any]]]:
        nodes = self._G.nodes
        return ((node, _flat_attrs(nodes[node])) for node in self._nodes)

    def edges(self, keys: bool = True, data: bool = True
              ) -> Iterator[tuple[str, str, Any, dict[str, Any]]]:
        edges = self._G.edges
        for number, (subject, obj, key) in enumerate(self._edges):
            attrs = edges[subject, obj, key]
            yield subject, obj, key, {"label": str(key), "weight": attrs.get("article_count", 1),
                                      **_flat_attrs(attrs), "id": f"e{number}"}


def write_graphml(G: nx.MultiDiGraph, stream: IO[bytes]) -> None:
    """Write the graph as GraphML (UTF-8) to a binary stream: what networkx writes of
    :func:`flatten` of ``G``, without the copy."""
    # lxml's writer (networkx falls back to ElementTree without it) is twice as fast
    nx.write_graphml_lxml(_Flattened(G), stream, encoding="utf-8", prettyprint=True,
                          edge_id_from_attribute="id")


def to_graphml(G: nx.MultiDiGraph) -> bytes:
    """The graph as GraphML bytes.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("a", label="A")
    >>> b'attr.name="label"' in to_graphml(G)
    True
    """
    buffer = io.BytesIO()
    write_graphml(G, buffer)
    return buffer.getvalue()
