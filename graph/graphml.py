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
from collections.abc import Collection, Iterable, Iterator
from itertools import chain, islice
from typing import IO, Any

import networkx as nx

from newsgraph.graph.nodelink import (
    EdgeUnit,
    Piece,
    count_in,
    edge_units,
    find_in,
    merge_pieces,
    release,
    write_range,
)

__all__ = ["Keys", "flatten", "to_graphml", "write_graphml", "write_graphml_keyed",
           "write_graphml_merged"]

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
        flat.add_edge(subject, obj, key=key, **_edge_data(key, data, number))
    return flat


def _edge_data(key: Any, data: dict[str, Any], number: int) -> dict[str, Any]:
    """An edge's flattened attributes, with those the writer adds (``number``: its place)."""
    weight = data.get("article_count", 1)
    if isinstance(weight, str):  # never so in a built graph; kept writable all the same
        weight = _xml_text(weight)
    return {"label": str(key), "weight": weight, **_flat_attrs(data), "id": f"e{number}"}


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
            yield subject, obj, key, _edge_data(key, edges[subject, obj, key], number)


def write_graphml(G: nx.MultiDiGraph, stream: IO[bytes]) -> None:
    """Write the graph as GraphML (UTF-8) to a binary stream: the bytes networkx's lxml
    writer writes of :func:`flatten` of ``G`` (pretty-printed, edge ids from ``id``), without
    the copy, written here a batch of elements at a time (networkx's writer made an lxml
    element of every node, edge and attribute: most of the time of the export)."""
    write_graphml_keyed(G, stream)


def write_graphml_keyed(G: nx.MultiDiGraph, stream: IO[bytes]) -> Keys | None:
    """:func:`write_graphml`, returning the file's keys (:data:`Keys`), what
    :func:`write_graphml_merged` starts from; None where networkx wrote the file."""
    flat = _Flattened(G)
    try:
        keys = _keys(G, flat)
    except _NotPlain:
        # what networkx makes of it (its refusal of a value it cannot write, an "id" of the
        # graph's own, a numpy number) is left to it
        nx.write_graphml_lxml(flat, stream, encoding="utf-8", prettyprint=True,
                              edge_id_from_attribute="id")
        return None
    key = _key_of(keys)
    stream.write(_head(keys, flat.graph, key))
    _write_batched(stream, chain(
        (_node_element(node, data, key) for node, data in flat.nodes()),
        (_edge_element(subject, obj, data, key) for subject, obj, _, data in flat.edges())))
    stream.write(_END)
    return [(name, _TYPE_NAMES[kind], scope, witness)
            for (name, kind, scope), (_, witness) in keys.items()]


def _key_of(keys: dict[tuple[str, type, str], tuple[str, Any]]) -> Any:
    def key(name: str, kind: type, scope: str) -> str:
        return keys[name, kind, scope][0]

    return key


def _head(keys: dict[tuple[str, type, str], tuple[str, Any]], graph: dict[str, Any],
          key: Any) -> bytes:
    """What the file holds before its first node: the header, the keys, the graph's data."""
    lines = [_HEADER]
    for (name, kind, scope), (number, _) in reversed(keys.items()):  # networkx puts each new first
        lines.append(f'<key id="{number}" for="{scope}" attr.name="{_attribute(name)}" '
                     f'attr.type="{_XML_TYPES[kind]}"/>\n'.encode())
    lines.append(b'<graph edgedefault="directed">')
    lines.append(_data_lines(graph, "graph", key, ""))
    return b"".join(lines)


def _edge_element(subject: str, obj: str, data: dict[str, Any], key: Any) -> bytes:
    return _element(f'<edge source="{_attribute(str(subject))}" '
                    f'target="{_attribute(str(obj))}" id="{_attribute(data["id"])}"',
                    "edge", data, key)


#: Elements written at a time.
_BATCH = 2000


def _write_batched(stream: IO[bytes], elements: Iterable[bytes]) -> None:
    """Write ``elements`` a batch at a time, never the whole text at once."""
    source = iter(elements)
    while batch := list(islice(source, _BATCH)):
        stream.write(b"".join(batch))


def _node_element(node: str, data: dict[str, Any], key: Any) -> bytes:
    """One node's element, its attributes flattened."""
    return _element(f'<node id="{_attribute(str(node))}"', "node", data, key)
_HEADER = (b"<?xml version='1.0' encoding='utf-8'?>\n"
           b'<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
           b'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
           b'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
           b'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">')
#: GraphML's name of each type of value (networkx's: ``int`` is ``long``).
_XML_TYPES: dict[type, str] = {str: "string", int: "long", float: "double", bool: "boolean"}
_TYPE_NAMES: dict[type, str] = {kind: kind.__name__ for kind in _XML_TYPES}
_TYPES_BY_NAME: dict[str, type] = {name: kind for kind, name in _TYPE_NAMES.items()}
_END = b"</graph></graphml>"
#: The keys of a file :func:`write_graphml` wrote, in their order (``d0``, ``d1``, ...): each
#: key's attribute name, type (``str``, ``int``, ``float``, ``bool``), scope (``graph``,
#: ``node``, ``edge``) and the first node (its id) or edge (``[source, target, key]``) that
#: has it, which numbers it (None for the graph's). Plain data: JSON keeps it.
Keys = list[tuple[str, str, str, Any]]
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


class _Unknown(Exception):
    """The keys of a graph after an add that the previous file's do not tell."""


def _keys(G: nx.MultiDiGraph, flat: _Flattened) -> dict[tuple[str, type, str], tuple[str, Any]]:
    """The GraphML keys of the flattened graph by name, type and scope, numbered in the
    order networkx meets them: the graph's, the nodes', the edges' (from the types of the
    flattened values, without flattening them); each with the node or edge it is first met
    at. Raises :class:`_NotPlain` for a value of another type than a string, a whole number,
    a number or a boolean, a node, an edge's key or an attribute named with a character XML
    cannot hold, an id of the graph's own, or an edge attribute named as one the writer adds."""
    if "id" in flat.graph or "node_default" in flat.graph or "edge_default" in flat.graph:
        raise _NotPlain
    keys: dict[tuple[str, type, str], tuple[str, Any]] = {}
    _number(keys, _graph_keys(flat.graph), None)
    nodes = G.nodes
    for node in flat._nodes:
        _number(keys, _node_keys(node, nodes[node]), node)
    edges = G.edges
    for subject, obj, edge_key in flat._edges:
        _number(keys, _edge_keys(edge_key, edges[subject, obj, edge_key]),
                [subject, obj, edge_key])
    return keys


def _number(keys: dict[tuple[str, type, str], tuple[str, Any]],
            found: Iterable[tuple[str, type, str]], witness: Any) -> None:
    """Number the keys of ``found`` not met before, met at ``witness``."""
    for name, kind, scope in found:
        if (name, kind, scope) not in keys:
            if kind not in _XML_TYPES or _NOT_XML.search(name):
                raise _NotPlain
            keys[name, kind, scope] = (f"d{len(keys)}", witness)


def _graph_keys(graph: dict[str, Any]) -> Iterator[tuple[str, type, str]]:
    for name, value in graph.items():
        yield name, type(value), "graph"


def _node_keys(node: Any, data: dict[str, Any]) -> Iterator[tuple[str, type, str]]:
    """The keys of a node, in the order the writer meets them."""
    if _NOT_XML.search(str(node)):  # lxml refuses it
        raise _NotPlain
    for name, kind in _flat_types(data):
        yield name, kind, "node"


def _edge_keys(edge_key: Any, attrs: dict[str, Any]) -> Iterator[tuple[str, type, str]]:
    """The keys of an edge, in the order the writer meets them."""
    if "label" in attrs or "weight" in attrs or "id" in attrs or _NOT_XML.search(str(edge_key)):
        raise _NotPlain
    yield "label", str, "edge"
    yield "weight", type(attrs.get("article_count", 1)), "edge"
    for name, kind in _flat_types(attrs):
        yield name, kind, "edge"
    yield "id", str, "edge"


def write_graphml_merged(G: nx.MultiDiGraph, stream: IO[bytes], old: Any, keys: Keys,
                         touched: Collection[str], edges: Collection[EdgeUnit]) -> Keys:
    """Write the graph as :func:`write_graphml` would, from the file it wrote of the graph
    before an add (``old``: its bytes, a memory map will do; ``keys``: what it returned) and
    what the add touched: the nodes whose attributes can have changed (``touched``), and the
    nodes whose edges out and the pairs of nodes whose edges between them can have
    (``edges``). Every other node's element, and every other edge, are copied from ``old``
    as bytes, found by their start tags and checked by how many elements lie between; the
    edges' ids are renumbered where edges before them came or went. Returns the keys, as
    :func:`write_graphml_keyed` does.

    The keys are numbered in the order the writer meets them over the whole graph: they are
    known the same as before from the nodes and edges that first had each (``keys``'
    witnesses) and those the add touched, the only ones that can have met them first now.
    Raises ValueError, having written nothing, where they are not the same (a value of
    another type, a key no node had), or where ``old`` does not hold the elements so.

    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("b", "c", key="mentions", type="mentions")
    >>> before = io.BytesIO()
    >>> keys = write_graphml_keyed(G, before)
    >>> _ = G.add_edge("a", "c", key="mentions", type="mentions")
    >>> after = io.BytesIO()
    >>> keys = write_graphml_merged(G, after, before.getvalue(), keys, {"a"}, {"a"})
    >>> after.getvalue() == to_graphml(G), keys[0]
    (True, ('label', 'str', 'edge', ['a', 'c', 'mentions']))
    """
    flat_graph = _flat_attrs(G.graph)
    nodes, succ = sorted(G.nodes), G.succ
    numbered = _merged_keys(G, flat_graph, keys, touched, edges, nodes)
    key = _key_of(numbered)
    head = _head(numbered, flat_graph, key)
    start = head.index(_GRAPH_START) + len(_GRAPH_START)
    if old[:start] != head[:start]:
        message = "the previous GraphML has other keys"
        raise ValueError(message)
    node_pieces, at = _node_pieces(old, nodes, touched, start)
    edge_pieces, _ = _edge_pieces(G, old, nodes, edges, at)
    stream.write(head)
    for piece in node_pieces:
        if isinstance(piece, tuple):
            write_range(stream, old, *piece)
            continue
        _write_batched(stream, (_node_element(node, _flat_attrs(G.nodes[node]), key)
                                for node in piece))
    number, id_key = 0, numbered["id", str, "edge"][0] if edge_pieces else ""
    for edge_piece in edge_pieces:
        if isinstance(edge_piece, tuple):
            number = _write_renumbered(stream, old, *edge_piece, number, id_key)
            continue
        made = [edge for unit in edge_piece for edge in _unit_edges(succ, unit)]
        _write_batched(stream, (
            _edge_element(subject, obj, _edge_data(
                edge_key, G.edges[subject, obj, edge_key], number + n), key)
            for n, (subject, obj, edge_key) in enumerate(made)))
        number += len(made)
    stream.write(_END)
    return [(name, _TYPE_NAMES[kind], scope, witness)
            for (name, kind, scope), (_, witness) in numbered.items()]


_GRAPH_START = b'<graph edgedefault="directed">'


def _merged_keys(G: nx.MultiDiGraph, flat_graph: dict[str, Any], keys: Keys,
                 touched: Collection[str], units: Collection[EdgeUnit], order: list[str],
                 ) -> dict[tuple[str, type, str], tuple[str, Any]]:
    """The keys of the graph after an add, from the previous file's (``keys``) and what the
    add touched (``order``: the nodes, sorted); ValueError where they are not the same keys
    in the same order, or cannot be known so.

    A key is first met at its witness (the first node or edge that had it), or at a node or
    edge the add touched: those alone are visited in the writer's order. Where a witness no
    longer has its key (gone, or touched), the first node or edge that has it is looked for
    from the start, a bounded number of them."""
    try:
        previous = [(name, _TYPES_BY_NAME[kind], scope, witness)
                    for name, kind, scope, witness in keys]
        nodes = {node for node in touched if node in G}
        edges = {edge for unit in units if (unit[0] if isinstance(unit, tuple) else unit) in G
                 for edge in _unit_edges(G.succ, unit)}
        missing: set[tuple[str, type, str]] = set()
        for name, kind, scope, witness in previous:
            if scope == "node":
                if witness in G and (name, kind, scope) in _node_keys(witness, G.nodes[witness]):
                    nodes.add(witness)
                    continue
            elif scope == "edge":
                subject, obj, key = witness
                if G.has_edge(subject, obj, key) and (name, kind, scope) in _edge_keys(
                        key, G.edges[subject, obj, key]):
                    edges.add((subject, obj, key))
                    continue
            else:
                continue
            missing.add((name, kind, scope))
        if missing:
            _first_having(G, order, missing, nodes, edges)
        if "id" in flat_graph or "node_default" in flat_graph or "edge_default" in flat_graph:
            raise _NotPlain
        numbered: dict[tuple[str, type, str], tuple[str, Any]] = {}
        _number(numbered, _graph_keys(flat_graph), None)
        for node in sorted(nodes):
            _number(numbered, _node_keys(node, G.nodes[node]), node)
        for subject, obj, key in sorted(edges, key=lambda e: (e[0], e[1], str(e[2]))):
            _number(numbered, _edge_keys(key, G.edges[subject, obj, key]), [subject, obj, key])
    except (_NotPlain, _Unknown, KeyError, TypeError, ValueError) as error:
        message = "the keys of the graph cannot be known from the previous GraphML's"
        raise ValueError(message) from error
    if list(numbered) != [(name, kind, scope) for name, kind, scope, _ in previous]:
        message = "the graph's keys are not the previous GraphML's"
        raise ValueError(message)
    return numbered


#: Nodes and edges looked at, at most, for the first that has a key whose witness lost it.
_LOOKED_AT = 100_000


def _first_having(G: nx.MultiDiGraph, order: list[str], missing: set[tuple[str, type, str]],
                  nodes: set[str], edges: set[tuple[str, str, Any]]) -> None:
    """Add to ``nodes`` and ``edges`` the first node or edge, in the writer's order, that has
    each of the ``missing`` keys; raises :class:`_Unknown` past :data:`_LOOKED_AT` of them."""
    wanted = {key for key in missing if key[2] == "node"}
    looked = 0
    for node in order:
        if not wanted:
            break
        found = wanted.intersection(_node_keys(node, G.nodes[node]))
        if found:
            nodes.add(node)
            wanted -= found
        looked += 1
        if looked > _LOOKED_AT:
            message = "no node has a key its witness lost"
            raise _Unknown(message)
    wanted = {key for key in missing if key[2] == "edge"}
    succ = G.succ
    for subject in order:
        if not wanted:
            break
        for obj, key in sorted(((v, k) for v, keyed in succ[subject].items() for k in keyed),
                               key=lambda e: (e[0], str(e[1]))):
            found = wanted.intersection(_edge_keys(key, G.edges[subject, obj, key]))
            if found:
                edges.add((subject, obj, key))
                wanted -= found
            looked += 1
        if looked > _LOOKED_AT:
            message = "no edge has a key its witness lost"
            raise _Unknown(message)


def _node_pieces(old: Any, nodes: list[str], touched: Collection[str],
                 at: int) -> tuple[list[Piece[str]], int]:
    """The nodes of the new file: ranges of ``old`` to copy and runs of nodes to write."""
    def start(node: str, at: int) -> int:
        # "<" stands in the markup alone (text and attribute values escape it)
        return find_in(old, b'<node id="' + _attribute(node).encode() + b'"', at)

    def end(node: str, at: int) -> int:
        begin = start(node, at)
        line = int(old.find(b"\n", begin)) + 1 if begin >= 0 else 0
        if line <= 0:
            return -1
        if old[line - 3:line] == b"/>\n":
            return line
        found = int(old.find(b"</node>\n", begin))
        return found + 8 if found >= 0 else -1

    return merge_pieces(nodes, None, touched, at, start, end,
                        lambda s, e: count_in(old, b"<node ", s, e), old)


def _edge_pieces(G: nx.MultiDiGraph, old: Any, nodes: list[str], edges: Collection[EdgeUnit],
                 at: int) -> tuple[list[Piece[EdgeUnit]], int]:
    """The edges of the new file: ranges of ``old`` to copy and runs of edges to write."""
    units, sizes = edge_units(G, nodes, edges, sort=True)
    degree = dict(zip(units, sizes, strict=True))

    def needle(unit: EdgeUnit) -> bytes:
        if isinstance(unit, tuple):
            return (b'<edge source="' + _attribute(unit[0]).encode() + b'" target="'
                    + _attribute(unit[1]).encode() + b'" id="e')
        return b'<edge source="' + _attribute(unit).encode() + b'" target="'

    def start(unit: EdgeUnit, at: int) -> int:
        return find_in(old, needle(unit), at)

    def end(unit: EdgeUnit, at: int) -> int:
        begin = start(unit, at)
        first = _edge_number(old, begin) if begin >= 0 else None
        if first is None:
            return -1
        last = find_in(old, b'" id="e%d">\n  <data ' % (first + degree[unit] - 1), begin)
        tag = int(old.rfind(b"<edge ", begin, last)) if last >= 0 else -1
        if tag < 0 or old[tag:tag + len(needle(unit))] != needle(unit):
            return -1
        found = int(old.find(b"</edge>\n", last))
        return found + 8 if found >= 0 else -1

    def count(begin: int, finish: int) -> int:
        # ids are consecutive: from the first element's to the last's
        last = int(old.rfind(b"<edge ", begin, finish))
        first, final = _edge_number(old, begin), _edge_number(old, last)
        release(old, begin, finish)
        return -1 if first is None or final is None else final - first + 1

    return merge_pieces(units, sizes, edges, at, start, end, count, old)


def _unit_edges(succ: Any, unit: EdgeUnit) -> list[tuple[str, str, Any]]:
    """The edges of a unit, in the writer's order."""
    if isinstance(unit, tuple):  # a pair may have no edges now
        subject, obj = unit
        return [(subject, obj, key) for key in sorted(succ[subject].get(obj, ()), key=str)]
    found = ((v, k) for v, keyed in succ[unit].items() for k in keyed)
    return [(unit, obj, key) for obj, key in sorted(found, key=lambda e: (e[0], str(e[1])))]


_EDGE_START = re.compile(rb'<edge source="[^"]*" target="[^"]*" id="e(\d+)">\n')


def _edge_number(old: Any, at: int) -> int | None:
    """The number of the edge whose element starts at ``at``."""
    found = _EDGE_START.match(old, at)
    return None if found is None else int(found.group(1))


#: An edge's id in its start tag: ``"`` stands raw in no attribute value, ``>`` in no text.
_TAG_ID = re.compile(rb'" id="e(\d+)">\n  <data ')


def _write_renumbered(stream: IO[bytes], old: Any, start: int, end: int, number: int,
                      id_key: str) -> int:
    """Copy the edges ``old[start:end]`` to the stream, numbered from ``number`` (``id_key``:
    the key of their ``id``, which is their last data line); returns the number of the next
    edge."""
    first = _edge_number(old, start)
    last = _edge_number(old, int(old.rfind(b"<edge ", start, end)))
    if first is None or last is None:
        message = "the edges copied are not as the plan found them"
        raise ValueError(message)
    if first == number:  # nothing before them came or went
        write_range(stream, old, start, end)
        return number + last - first + 1
    # "<" stands raw in no text: the line of the key is the edge's id alone
    line = re.compile(b'<data key="' + id_key.encode() + rb'">e(\d+)</data>\n</edge>\n')
    at = start
    while at < end:
        cut = int(old.find(b"<edge ", min(end, at + _CHUNK), end))
        stop = end if cut < 0 else cut
        chunk = old[at:stop]
        count = chunk.count(b"</edge>\n")
        line_made = b'<data key="' + id_key.encode() + b'">e%d</data>\n</edge>\n'
        for pattern, made in ((_TAG_ID, b'" id="e%d">\n  <data '), (line, line_made)):
            parts = pattern.split(chunk)
            if len(parts) != 2 * count + 1:
                message = "the edges copied are not as the plan found them"
                raise ValueError(message)
            parts[1::2] = [made % n for n in range(number, number + count)]
            chunk = b"".join(parts)
        stream.write(chunk)
        release(old, at, stop)
        number += count
        at = stop
    return number


#: Bytes of a previous file read at a time.
_CHUNK = 8 << 20


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
