"""Tests of newsgraph.graph.graphml: flat, deterministic GraphML that Gephi and networkx read."""

from __future__ import annotations

import io

import networkx as nx
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from newsgraph.graph.build import build_graph
from newsgraph.graph.graphml import (
    flatten,
    to_graphml,
    write_graphml_keyed,
    write_graphml_merged,
)
from tests.graph.conftest import handbuilt_extractions
from tests.graph.merges import ADDS, BEFORE, EDGES, NODES, graph

SMIC = "https://w3id.org/newsgraph/id/organisation/Semiconductor_Manufacturing_International_Corporation"
ZHANG = "https://w3id.org/newsgraph/id/person/Zhang_Wei"


def test_no_value_graphml_cannot_hold(handbuilt):
    flat = flatten(handbuilt)
    values = [v for _, d in flat.nodes(data=True) for v in d.values()]
    values += [v for *_, d in flat.edges(keys=True, data=True) for v in d.values()]
    assert all(isinstance(v, str | int | float | bool) for v in values)


def test_lists_are_joined_and_none_left_out(handbuilt):
    article = flatten(handbuilt).nodes["https://w3id.org/newsgraph/id/article/2c3a4249d7707005"]
    assert "publisher" not in article
    assert article["authors"] == ""
    assert flatten(handbuilt).nodes[SMIC]["aliases"] == "SMIC"


def test_relation_edge(handbuilt):
    edge = flatten(handbuilt).edges[ZHANG, SMIC, "chairs"]
    assert edge["sentences"] == (
        "SMIC chairman Zhang Wei said so.; Zhang Wei, chairman of SMIC, spoke.")
    assert (edge["label"], edge["weight"], edge["first_seen"]) == ("chairs", 2, "2024-01-02")


def test_networkx_reads_it_back(handbuilt):
    read = nx.read_graphml(io.BytesIO(to_graphml(handbuilt)))
    assert read.number_of_nodes() == handbuilt.number_of_nodes()
    assert read.number_of_edges() == handbuilt.number_of_edges()
    assert read.nodes[ZHANG]["label"] == "Zhang Wei"


def test_edge_ids_are_unique(handbuilt):
    text = to_graphml(handbuilt).decode()
    ids = [part.split('"')[0] for part in text.split(' id="e')[1:]]
    assert len(ids) == len(set(ids)) == handbuilt.number_of_edges()


def test_deterministic():
    forward = build_graph(handbuilt_extractions())
    backward = build_graph(list(reversed(handbuilt_extractions())))
    assert to_graphml(forward) == to_graphml(backward)


def test_characters_xml_cannot_hold_are_replaced():
    G = nx.MultiDiGraph()
    G.add_node("a", label="Intel\fCorp\uffff", type="Organisation")
    G.add_node("b", label="Altera", type="Organisation")
    G.add_edge("a", "b", key="investsIn", evidence=[{"sentence": "Intel\x0bbuys\ufffe it."}])
    text = to_graphml(G).decode("utf-8")
    assert "Intel\ufffdCorp\ufffd" in text
    assert "Intel\ufffdbuys\ufffd it." in text


def test_graphml_is_what_networkx_writes_of_the_flattened_copy(handbuilt):
    import io

    import networkx as nx

    from newsgraph.graph.graphml import flatten, to_graphml

    G = handbuilt.copy()
    G.graph["build"] = {"newsgraph": "1.0"}
    buffer = io.BytesIO()
    nx.write_graphml_lxml(flatten(G), buffer, encoding="utf-8", prettyprint=True,
                          edge_id_from_attribute="id")
    assert to_graphml(G) == buffer.getvalue()


def _networkx_bytes(G):
    import io

    from newsgraph.graph.graphml import _Flattened

    buffer = io.BytesIO()
    nx.write_graphml_lxml(_Flattened(G), buffer, encoding="utf-8", prettyprint=True,
                          edge_id_from_attribute="id")
    return buffer.getvalue()


_TEXT = st.text(alphabet=st.sampled_from('ab &<>"\'\n\r\t\x0b\ufffe\u00e9\U0001f600;'), max_size=6)
_VALUE = st.none() | st.booleans() | st.integers(-5, 5) | st.floats(allow_nan=False) | _TEXT | \
    st.lists(_TEXT, max_size=2) | st.lists(st.dictionaries(st.sampled_from(["sentence", "x"]),
                                                           _TEXT, max_size=2), max_size=2)
_ATTRS = st.dictionaries(st.sampled_from(["type", "label", "aliases", "evidence", "count",
                                          "article_count", "a&b", 'q"'], ), _VALUE, max_size=4)


@given(st.lists(st.tuples(_TEXT, _ATTRS), max_size=4),
       st.lists(st.tuples(st.integers(0, 3), st.integers(0, 3), _TEXT, _ATTRS), max_size=4),
       _ATTRS)
@example(nodes=[("", {})], edges=[(0, 0, "", {"article_count": "\x0b"})], graph={})
def test_graphml_is_what_networkx_writes_whatever_the_attributes(nodes, edges, graph):
    G = nx.MultiDiGraph()
    G.graph.update(graph)
    for name, attrs in nodes:
        G.add_node(f"n{name}", **attrs)
    names = sorted(G.nodes)
    for one, other, key, attrs in edges:
        if names:
            G.add_edge(names[one % len(names)], names[other % len(names)], key=key, **attrs)
    assert _outcome(to_graphml, G) == _outcome(_networkx_bytes, G)


def _outcome(write, G):
    """The bytes written, or the type of the error raised."""
    try:
        return write(G)
    except Exception as error:
        return type(error)


@pytest.mark.parametrize("graph", [{}, {"id": "g"}, {"rejected_relations": 0}])
def test_graphml_of_few_nodes_is_what_networkx_writes(graph):
    G = nx.MultiDiGraph(**graph)
    assert to_graphml(G) == _networkx_bytes(G)
    G.add_node("a")
    G.add_node("b", label="B", weight=2.5)
    G.add_edge("a", "b", key="mentions", type="mentions")
    G.add_edge("b", "a", key="chairs", article_count=2, confidence=0.5, first_seen=None)
    assert to_graphml(G) == _networkx_bytes(G)


def test_graphml_of_a_value_graphml_cannot_hold_is_left_to_networkx():
    import numpy as np

    G = nx.MultiDiGraph()
    G.add_node("a", score=np.float64(0.5))
    assert to_graphml(G) == _networkx_bytes(G)


@pytest.mark.parametrize("name", sorted(ADDS))
def test_merged_graphml_is_what_a_whole_write_writes(name):
    after, touched, sources = ADDS[name]
    before = io.BytesIO()
    keys = write_graphml_keyed(BEFORE, before)
    merged = io.BytesIO()
    write_graphml_merged(after, merged, before.getvalue(), keys, touched, sources)
    assert merged.getvalue() == to_graphml(after)


def test_merged_graphml_copies_what_was_not_touched():
    after, touched, sources = ADDS["before the first"]
    before = io.BytesIO()
    keys = write_graphml_keyed(BEFORE, before)
    # an untouched node's element, as the previous file holds it, is copied as it was
    marked = before.getvalue().replace(b">D</data>", b">Copied</data>")
    merged = io.BytesIO()
    write_graphml_merged(after, merged, marked, keys, touched, sources)
    assert b">Copied</data>" in merged.getvalue()
    assert merged.getvalue().replace(b">Copied</data>", b">D</data>") == to_graphml(after)


def test_merged_graphml_keys_witnesses_lost():
    # the first edge (the witness of the edge keys) gone, and a new first node
    after = ADDS["before the first"][0]
    after.remove_edge("b", "c", "mentions")
    before = io.BytesIO()
    keys = write_graphml_keyed(BEFORE, before)
    merged = io.BytesIO()
    found = write_graphml_merged(after, merged, before.getvalue(), keys, {"a", "b", "c"},
                                 {"a", "b"})
    assert merged.getvalue() == to_graphml(after)
    assert found == write_graphml_keyed(after, io.BytesIO())


def test_merged_graphml_refuses_other_keys_or_another_file():
    before = io.BytesIO()
    keys = write_graphml_keyed(BEFORE, before)
    after = graph({**NODES, "a": {"type": "Article", "label": "A", "date": "2024-01-01"}}, EDGES)
    merged = io.BytesIO()
    with pytest.raises(ValueError, match="keys"):  # a key no node had: all numbered anew
        write_graphml_merged(after, merged, before.getvalue(), keys, {"a"}, set())
    other = to_graphml(graph({n: a for n, a in NODES.items() if n != "d"},
                             [e for e in EDGES if "d" not in e[:2]]))
    with pytest.raises(ValueError, match="previous file"):  # "d" is not in it
        write_graphml_merged(BEFORE, merged, other, keys, set(), set())
    assert merged.getvalue() == b""  # nothing written
