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
    """Write the graph as GraphML (UTF-8) to a binary stream: the bytes networkx's lxml
    writer writes of :func:`flatten` of ``G`` (pretty-printed, edge ids from ``id``), without
    the copy, written here a batch of elements at a time (networkx's writer made an lxml
    element of every node, edge and attribute: most of the time of the export)."""
    flat = _Flattened(G)
    try:
        keys = _keys(G, flat)
    except _NotPlain:
        # what networkx makes of it (its refusal of a value it cannot write, an "id" of the
        # graph's own, a numpy number) is left to it
        nx.write_graphml_lxml(flat, stream, encoding="utf-8", prettyprint=True,
                              edge_id_from_attribute="id")
        return

    def key(name: str, kind: type, scope: str) -> str:
        return keys[name, kind, scope]

    stream.write(_HEADER)
    for (name, kind, scope), number in reversed(keys.items()):  # networkx puts each new first
        stream.write(f'<key id="{number}" for="{scope}" attr.name="{_attribute(name)}" '
                     f'attr.type="{_XML_TYPES[kind]}"/>\n'.encode())
    stream.write(b'<graph edgedefault="directed">')
    stream.write(_data_lines(flat.graph, "graph", key, ""))
    batch: list[bytes] = []
    for node, data in flat.nodes():
        batch.append(_element(f'<node id="{_attribute(str(node))}"', "node", data, key))
        if len(batch) == _BATCH:
            stream.write(b"".join(batch))
            batch.clear()
    for subject, obj, _, data in flat.edges():
        batch.append(_element(f'<edge source="{_attribute(str(subject))}" '
                              f'target="{_attribute(str(obj))}" id="{_attribute(data["id"])}"',
                              "edge", data, key))
        if len(batch) == _BATCH:
            stream.write(b"".join(batch))
            batch.clear()
    stream.write(b"".join(batch))
    stream.write(b"</graph></graphml>")


#: Elements written at a time.
_BATCH = 2000
_HEADER = (b"<?xml version='1.0' encoding='utf-8'?>\n"
           b'<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
           b'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
           b'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
           b'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">')
#: GraphML's name of each type of value (networkx's: ``int`` is ``long``).
_XML_TYPES: dict[type, str] = {str: "string", int: "long", float: "double", bool: "boolean"}
#: How libxml2 escapes text, and attribute values.
_TEXT_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})
_ATTRIBUTE_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;",
                                    "\n": "&#10;", "\r": "&#13;", "\t": "&#9;"})


#: A character some text or attribute value escapes (most hold none: ``translate`` looks
#: every character up, a search for these is much faster).
_ESCAPED_IN_TEXT = re.compile("[&<>\r]")
_ESCAPED_IN_ATTRIBUTE = re.compile('[&<>"\n\r\t]')


def _attribute(text: str) -> str:
    return text.translate(_ATTRIBUTE_ESCAPES) if _ESCAPED_IN_ATTRIBUTE.search(text) else text


def _text(value: Any) -> str:
    text = str(value)
    return text.translate(_TEXT_ESCAPES) if _ESCAPED_IN_TEXT.search(text) else text


def _data_lines(data: dict[str, Any], scope: str, key: Any, indent: str) -> bytes:
    """The ``<data>`` elements of one node, edge or the graph, one a line."""
    return "".join(
        f'{indent}<data key="{key(name, type(value), scope)}">{_text(value)}</data>\n'
        for name, value in data.items()).encode("utf-8")


def _element(start: str, scope: str, data: dict[str, Any], key: Any) -> bytes:
    """A node or an edge, pretty-printed as lxml prints it."""
    if not data:
        return f"{start}/>\n".encode()
    return f"{start}>\n".encode() + _data_lines(data, scope, key, "  ") + f"</{scope}>\n".encode()


def _flat_types(data: dict[str, Any]) -> Iterator[tuple[str, type]]:
    """The name and type of each attribute :func:`_flat_attrs` gives of ``data``, in its
    order, without flattening the values."""
    for name in sorted(data):
        value = data[name]
        if value is None:
            continue
        yield name, (type(value) if isinstance(value, bool | int | float) else str)
    evidence = data.get("evidence")
    if isinstance(evidence, list) and evidence:
        yield "sentences", str


class _NotPlain(Exception):
    """A graph this module does not write itself (networkx does)."""


def _keys(G: nx.MultiDiGraph, flat: _Flattened) -> dict[tuple[str, type, str], str]:
    """The GraphML keys of the flattened graph by name, type and scope, numbered in the
    order networkx meets them: the graph's, the nodes', the edges' (from the types of the
    flattened values, without flattening them). Raises :class:`_NotPlain` for a value of
    another type than a string, a whole number, a number or a boolean, a node, an edge's key
    or an attribute named with a character XML cannot hold, an id of the graph's own, or an
    edge attribute named as one the writer adds."""
    keys: dict[tuple[str, type, str], str] = {}

    def key(name: str, kind: type, scope: str) -> None:
        if (name, kind, scope) not in keys:
            if kind not in _XML_TYPES or _NOT_XML.search(name):
                raise _NotPlain
            keys[name, kind, scope] = f"d{len(keys)}"

    if "id" in flat.graph or "node_default" in flat.graph or "edge_default" in flat.graph:
        raise _NotPlain
    for name, value in flat.graph.items():
        key(name, type(value), "graph")
    nodes = G.nodes
    for node in flat._nodes:
        if _NOT_XML.search(str(node)):  # lxml refuses it
            raise _NotPlain
        for name, kind in _flat_types(nodes[node]):
            key(name, kind, "node")
    edges = G.edges
    for subject, obj, edge_key in flat._edges:
        attrs = edges[subject, obj, edge_key]
        if "label" in attrs or "weight" in attrs or "id" in attrs or _NOT_XML.search(
                str(edge_key)):
            raise _NotPlain
        key("label", str, "edge")
        key("weight", type(attrs.get("article_count", 1)), "edge")
        for name, kind in _flat_types(attrs):
            key(name, kind, "edge")
        key("id", str, "edge")
    return keys


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
