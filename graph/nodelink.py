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
import mmap
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from itertools import accumulate, islice
from typing import IO, Any, TypeVar

import networkx as nx

__all__ = ["EdgeUnit", "Piece", "count_in", "edge_units", "find_in", "located",
           "merge_pieces", "read_json", "release", "to_json", "write_json", "write_json_items",
           "write_json_merged", "write_range"]

_Unit = TypeVar("_Unit")

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
    multigraph = G.is_multigraph()
    edges: Iterable[dict[str, Any]] = (
        ({**d, "source": u, "target": v, "key": k} for u, v, k, d in G.edges(keys=True, data=True))
        if multigraph else ({**d, "source": u, "target": v} for u, v, d in G.edges(data=True)))
    # the keys in sorted order: directed, edges, graph, multigraph, nodes
    stream.write(_head(G))
    write_json_items(edges, stream)
    stream.write(_middle(G))
    write_json_items(({**G.nodes[n], "id": n} for n in G), stream)
    stream.write(_END)


def _dumped(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, sort_keys=True).encode("utf-8")


def _head(G: nx.MultiDiGraph) -> bytes:
    return b'{"directed": ' + _dumped(G.is_directed()) + b', "edges": ['


def _middle(G: nx.MultiDiGraph) -> bytes:
    """What stands between the edges and the nodes: the graph's attributes."""
    return (b'], "graph": ' + _dumped(G.graph) + b', "multigraph": '
            + _dumped(G.is_multigraph()) + b', "nodes": [')


_END = b"]}"


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


def write_json_merged(G: nx.MultiDiGraph, stream: IO[bytes], old: Any,
                      touched: Collection[str], edges: Collection[EdgeUnit]) -> None:
    """Write the graph as :func:`write_json` would, from the file it wrote of the graph
    before an add (``old``: its bytes, a memory map will do) and what the add touched: the
    nodes whose attributes can have changed (``touched``), and the nodes whose edges out and
    the pairs of nodes whose edges between them can have (``edges``). Every other node's
    object, and every other edge, are copied from ``old`` as bytes, found there by the bytes
    :func:`write_json` writes of the first and the last of each run of them, and checked by
    how many nodes (edges) lie between.

    Raises ValueError, having written nothing, where ``old`` does not hold them so.

    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("a", "b", key="mentions", type="mentions")
    >>> before = to_json(G)
    >>> _ = G.add_edge("c", "b", key="mentions", type="mentions")
    >>> buffer = io.BytesIO()
    >>> write_json_merged(G, buffer, before, {"c"}, {"c"})
    >>> buffer.getvalue() == to_json(G)
    True
    """
    if not G.is_multigraph() or old[:len(_head(G))] != _head(G):
        message = "not the node-link JSON of such a graph"
        raise ValueError(message)
    succ, nodes = G.succ, G.nodes

    def items(unit: EdgeUnit) -> Iterator[dict[str, Any]]:
        if isinstance(unit, tuple):
            subject, obj = unit
            return ({**d, "source": subject, "target": obj, "key": k}
                    for k, d in succ[subject][obj].items())
        return ({**d, "source": unit, "target": v, "key": k}
                for v, keyed in succ[unit].items() for k, d in keyed.items())

    def edge_bytes(unit: EdgeUnit, last: bool) -> bytes:
        subject, obj = unit if isinstance(unit, tuple) else (unit, None)
        out = succ[subject]
        if obj is None:
            obj = list(out)[-1] if last else next(iter(out))
        key = list(out[obj])[-1] if last else next(iter(out[obj]))
        return _dumped({**out[obj][key], "source": subject, "target": obj, "key": key})

    def node_bytes(node: str, last: bool) -> bytes:
        return _dumped({**nodes[node], "id": node})

    units, sizes = edge_units(G, G, edges)
    edge_pieces, at = _pieces(old, units, sizes, edges, len(_head(G)), edge_bytes,
                              b'"source": ')
    node_pieces, _ = _pieces(old, list(G), None, touched, at, node_bytes, b'"id": ')
    stream.write(_head(G))
    _write_pieces(stream, old, edge_pieces, lambda found: (
        item for unit in found for item in items(unit)))
    stream.write(_middle(G))
    _write_pieces(stream, old, node_pieces, lambda found: (
        {**nodes[node], "id": node} for node in found))
    stream.write(_END)


#: The edges out of a node (its name), or those between two nodes (a pair of names).
EdgeUnit = str | tuple[str, str]


def edge_units(G: nx.MultiDiGraph, order: Iterable[str], edges: Collection[EdgeUnit],
               *, sort: bool = False) -> tuple[list[EdgeUnit], list[int]]:
    """The edges of the graph as a merge copies or writes them, in the order of the nodes
    ``order``: the edges out of each node, but those of a node with pairs in ``edges``,
    which are the edges of each pair (its objects ``sort``-ed, else in the graph's order);
    with how many edges each unit has.

    >>> G = nx.MultiDiGraph([("a", "c"), ("a", "b"), ("a", "b"), ("b", "c")])
    >>> edge_units(G, "abc", {("a", "b")}, sort=True)
    ([('a', 'b'), ('a', 'c'), 'b'], [2, 1, 1])
    """
    paired = {unit[0] for unit in edges if isinstance(unit, tuple)}
    # the graph's own dictionaries: its views make an object of each pair's (a second a
    # million edges)
    succ = G._succ
    units: list[EdgeUnit] = []
    sizes: list[int] = []
    for node in order:
        out = succ[node]
        if not out:
            continue
        if node in paired and node not in edges:
            for obj in sorted(out) if sort else out:
                units.append((node, obj))
                sizes.append(len(out[obj]))
        else:
            units.append(node)
            sizes.append(sum(map(len, out.values())))
    return units, sizes


_U = TypeVar("_U", str, EdgeUnit)


def _pieces(old: Any, units: list[_U], sizes: list[int] | None, touched: Collection[_U],
            at: int, item: Callable[[_U, bool], bytes], counted: bytes,
            ) -> tuple[list[Piece[_U]], int]:
    """:func:`merge_pieces` of one array, its units found by the bytes of their first and last
    item (``item(unit, last)``), its items counted by a key each has once (``counted``)."""
    def start(unit: _U, at: int) -> int:
        return find_in(old, item(unit, False), at)

    def end(unit: _U, at: int) -> int:
        found = item(unit, True)
        where = find_in(old, found, at)
        return -1 if where < 0 else where + len(found)

    return merge_pieces(units, sizes, touched, at, start, end,
                        lambda begin, finish: count_in(old, counted, begin, finish), old)


#: A piece of a merged file: a range of the previous file to copy, or units to write anew.
Piece = tuple[int, int] | list[_Unit]


def merge_pieces(units: list[_Unit], sizes: list[int] | None, touched: Collection[_Unit],
                 at: int, start: Callable[[_Unit, int], int], end: Callable[[_Unit, int], int],
                 count: Callable[[int, int], int], old: Any = None,
                 ) -> tuple[list[Piece[_Unit]], int]:
    """The pieces of a file merged from the previous one, for ``units`` in their order in the
    new file (nodes, or the nodes whose edges out are written): each run of units not
    ``touched`` as the ranges of the previous file that hold it (:func:`located`, from ``at``
    on), each run of touched units as itself, to write anew. Returns them and where the last
    range ends (``at`` if none). The pages of ``old`` (a memory map) read to find them are let
    go as it goes."""
    pieces: list[Piece[_Unit]] = []
    first = 0
    while first < len(units):
        stop = first
        fresh = units[first] in touched
        while stop < len(units) and (units[stop] in touched) == fresh:
            stop += 1
        if fresh:
            pieces.append(units[first:stop])
        else:
            found = located(units[first:stop], sizes[first:stop] if sizes else None, at,
                            start, end, count)
            pieces.extend((s, e) for s, e, _, _ in found)
            release(old, at, found[-1][1])  # what lay before it too (what the add touched)
            at = found[-1][1]
        first = stop
    return pieces, at


def _write_pieces(stream: IO[bytes], old: Any, pieces: list[Piece[_U]],
                  made: Callable[[list[_U]], Iterable[Any]]) -> None:
    for number, piece in enumerate(pieces):
        if number:
            stream.write(b", ")
        if isinstance(piece, tuple):
            write_range(stream, old, *piece)
        else:
            write_json_items(made(piece), stream)


#: Bytes of a previous file read at a time.
_CHUNK = 8 << 20
#: Bytes around a page read that Linux maps with it (``fault_around_bytes``).
_AROUND = 64 << 10


def write_range(stream: IO[bytes], old: Any, start: int, end: int) -> None:
    """Copy ``old[start:end]`` to the stream, a chunk at a time."""
    for at in range(start, end, _CHUNK):
        stream.write(old[at:min(end, at + _CHUNK)])
        release(old, at, min(end, at + _CHUNK))


def find_in(old: Any, needle: bytes, start: int) -> int:
    """``old.find(needle, start)``, a chunk at a time where ``old`` is a memory map, the pages
    of each chunk passed let go (:func:`release`).

    >>> find_in(b"abcabc", b"ca", 1)
    2
    """
    if not isinstance(old, mmap.mmap):
        return int(old.find(needle, start))
    size = len(old)
    for at in range(start, size, _CHUNK):
        found = int(old.find(needle, at, min(size, at + _CHUNK + len(needle) - 1)))
        if found >= 0:
            return found
        release(old, at, min(size, at + _CHUNK))
    return -1


def release(old: Any, start: int, end: int) -> None:
    """Let the pages of ``old[start:end]`` go where ``old`` is a memory map: read once, they
    would count in the process's resident memory (the file's pages stay cached). Those just
    before go too: a page read maps its neighbours (Linux maps 64 KiB around it)."""
    if isinstance(old, mmap.mmap) and hasattr(mmap, "MADV_DONTNEED"):
        start = max(0, start - _AROUND)
        first = start - start % mmap.PAGESIZE
        if end > first:
            old.madvise(mmap.MADV_DONTNEED, first, end - first)


def count_in(old: Any, needle: bytes, start: int, end: int) -> int:
    """How many times ``needle`` occurs in ``old[start:end]`` (a memory map has no ``count``),
    read a chunk at a time.

    >>> count_in(b"ab" * 10, b"ba", 1, 20), count_in(b"ab" * 10, b"ab", 1, 20)
    (9, 9)
    """
    found = 0
    for at in range(start, end, _CHUNK):
        stop = min(end, at + _CHUNK)
        chunk = old[at:min(end, stop + len(needle) - 1)]
        found += chunk.count(needle, 0, stop - at + len(needle) - 1)
        release(old, at, stop)
    return found


def located(
    units: Sequence[_Unit], sizes: Sequence[int] | None, at: int,
    start: Callable[[_Unit, int], int], end: Callable[[_Unit, int], int],
    count: Callable[[int, int], int],
) -> list[tuple[int, int, int, int]]:
    """Where ``units`` (nodes, or the edges out of nodes), unchanged and in the same order in a
    previous file, lie in it from ``at``: ranges ``(start, end, first, stop)``, each holding
    ``units[first:stop]`` and nothing else. ``start(unit, at)`` is where a unit's bytes begin
    (searched from ``at``; -1: not found), ``end(unit, at)`` where they end, ``count(start,
    end)`` how many items (``sizes[i]`` the items of ``units[i]``: by default one each) lie
    in a range. A run whose range holds more items (others lay between them in the previous
    file: a node removed, one whose place changed) is cut in two, until each range holds its
    run alone. Raises ValueError where a unit is not found so.

    >>> old = b"[a1,x,a2,a3]"
    >>> located(["a1", "a2", "a3"], None, 0, lambda u, at: old.find(u.encode(), at),
    ...         lambda u, at: old.find(u.encode(), at) + 2,
    ...         lambda s, e: old.count(b"a", s, e) + old.count(b"x", s, e))
    [(1, 3, 0, 1), (6, 11, 1, 3)]
    """
    sums = [0, *accumulate(sizes if sizes is not None else (1 for _ in units))]
    found: list[tuple[int, int, int, int]] = []

    def locate(first: int, stop: int, at: int) -> int:
        begin = start(units[first], at)
        finish = -1 if begin < 0 else end(units[stop - 1], begin)
        if finish < 0:
            message = "a unit of the previous file is not where it should be"
            raise ValueError(message)
        if count(begin, finish) == sums[stop] - sums[first]:
            found.append((begin, finish, first, stop))
            return finish
        if stop - first == 1:
            message = "a unit of the previous file is not what it should be"
            raise ValueError(message)
        middle = (first + stop) // 2
        return locate(middle, stop, locate(first, middle, at))

    if units:
        locate(0, len(units), at)
    return found


def read_json(stream: IO[bytes]) -> nx.MultiDiGraph:
    """Read a graph written by :func:`write_json`."""
    graph: nx.MultiDiGraph = nx.node_link_graph(json.load(stream), edges="edges")
    return graph
