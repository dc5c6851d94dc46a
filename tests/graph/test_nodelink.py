"""Tests of newsgraph.graph.nodelink: node-link JSON, written a batch at a time."""

from __future__ import annotations

import io
import json

import networkx as nx
import pytest

from newsgraph.graph import nodelink
from newsgraph.graph.nodelink import read_json, to_json, write_json_items


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
