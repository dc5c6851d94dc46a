"""Tests of newsgraph.graph.nodelink: node-link JSON, written a batch at a time."""

from __future__ import annotations

import io
import json

import networkx as nx
import pytest

from newsgraph.graph import nodelink
from newsgraph.graph.nodelink import read_json, to_json, write_json_items, write_json_merged
from tests.graph.merges import ADDS, BEFORE, EDGES, NODES, graph


def test_json_is_what_json_dumps_writes_of_node_link_data(handbuilt):
    whole = json.dumps(nx.node_link_data(handbuilt, edges="edges"), ensure_ascii=False,
                       sort_keys=True)
    assert to_json(handbuilt) == whole.encode("utf-8")


@pytest.mark.parametrize("batch", [1, 2, 3])
def test_json_is_the_same_whatever_the_batch(handbuilt, monkeypatch, batch):
    whole = to_json(handbuilt)
    monkeypatch.setattr(nodelink, "_BATCH", batch)
    assert to_json(handbuilt) == whole


def test_an_empty_graph():
    assert json.loads(to_json(nx.MultiDiGraph())) == {
        "directed": True, "edges": [], "graph": {}, "multigraph": True, "nodes": []}


def test_json_reads_back(handbuilt):
    back = read_json(io.BytesIO(to_json(handbuilt)))
    assert sorted(back.nodes) == sorted(handbuilt.nodes)
    assert sorted(back.edges(keys=True)) == sorted(handbuilt.edges(keys=True))


@pytest.mark.parametrize("separators", [(", ", ": "), (",", ":")])
def test_items_are_those_of_the_whole_array(monkeypatch, separators):
    monkeypatch.setattr(nodelink, "_BATCH", 2)
    items = [{"b": n, "a": ["é", None]} for n in range(5)]
    buffer = io.BytesIO()
    write_json_items(iter(items), buffer, separators=separators)
    whole = json.dumps(items, ensure_ascii=False, sort_keys=True, separators=separators)
    assert buffer.getvalue() == whole[1:-1].encode("utf-8")


@pytest.mark.parametrize("name", sorted(ADDS))
def test_merged_json_is_what_a_whole_write_writes(name):
    after, touched, sources = ADDS[name]
    merged = io.BytesIO()
    write_json_merged(after, merged, to_json(BEFORE), touched, sources)
    assert merged.getvalue() == to_json(after)


def test_merged_json_copies_what_was_not_touched():
    after, touched, sources = ADDS["before the first"]
    marked = to_json(BEFORE).replace(b'"label": "E"', b'"label": "Copied"')
    merged = io.BytesIO()
    write_json_merged(after, merged, marked, touched, sources)
    assert merged.getvalue().replace(b'"label": "Copied"', b'"label": "E"') == to_json(after)
    assert b'"label": "Copied"' in merged.getvalue()


def test_merged_json_refuses_another_file():
    other = to_json(graph({n: a for n, a in NODES.items() if n != "d"},
                          [e for e in EDGES if "d" not in e[:2]]))
    merged = io.BytesIO()
    with pytest.raises(ValueError, match="previous file"):
        write_json_merged(BEFORE, merged, other, set(), set())
    assert merged.getvalue() == b""


def test_located_cuts_a_run_where_others_lay_between():
    old = b"[a1, x, a2, y, a3, a4]"
    found = nodelink.located(["a1", "a2", "a3", "a4"], None, 0,
                             lambda u, at: old.find(u.encode(), at),
                             lambda u, at: old.find(u.encode(), at) + 2,
                             lambda s, e: sum(old.count(c, s, e) for c in (b"a", b"x", b"y")))
    assert [old[s:e] for s, e, _, _ in found] == [b"a1", b"a2", b"a3, a4"]
