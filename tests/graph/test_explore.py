"""Tests of newsgraph.graph.explore: loading, SPARQL to DataFrames and the inline view."""

import html
import re
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rdflib import Graph

import newsgraph.graph
import newsgraph.graph.explore
from newsgraph.errors import NewsgraphError
from newsgraph.graph.explore import (
    InlineView,
    load_graph,
    show,
    sparql,
)
from newsgraph.graph.nodelink import write_json
from newsgraph.graph.rdf import write_turtle
from tests.graph.sample import SMIC, SMIC_NAME, ZHOU, sample_graph


@pytest.fixture(scope="module")
def G():
    return sample_graph()


@pytest.fixture
def folder(tmp_path, G):
    with (tmp_path / "graph.json").open("wb") as stream:
        write_json(G, stream)
    with (tmp_path / "graph.ttl").open("wb") as stream:
        write_turtle(G, stream)
    return tmp_path


def srcdoc(frame):
    return re.fullmatch(r'<iframe srcdoc="([^"]*)".*</iframe>', frame, re.DOTALL).group(1)


# show


def test_show_puts_the_page_in_an_iframe_srcdoc():
    view = InlineView('<p class="x">Q&A <b>bold</b></p>', height=300)
    assert srcdoc(view._repr_html_()) == (
        "&lt;p class=&quot;x&quot;&gt;Q&amp;A &lt;b&gt;bold&lt;/b&gt;&lt;/p&gt;"
    )


@pytest.mark.parametrize("page", ['"', "&", "<", "'", "&quot;", '"></iframe><script>x</script>'])
def test_srcdoc_round_trips_any_page(page):
    assert html.unescape(srcdoc(InlineView(page)._repr_html_())) == page


def test_show_renders_the_graph_and_sets_the_height(G):
    view = show(G, height=420, title="SMIC & co")
    assert view.page == newsgraph.graph.render_html(G, title="SMIC & co")
    assert view.height == 420
    assert 'style="width: 100%; height: 420px; border: 0;"' in view._repr_html_()


def test_show_sandboxes_the_frame_without_same_origin(G):
    frame = show(G)._repr_html_()
    sandbox = re.search(r'sandbox="([^"]*)"', frame).group(1).split()
    assert "allow-scripts" in sandbox
    assert "allow-same-origin" not in sandbox


@given(st.text())
def test_srcdoc_is_one_attribute_value_that_unescapes_to_the_page(page):
    frame = InlineView(page)._repr_html_()
    value = srcdoc(frame)
    assert "<" not in value and '"' not in value
    assert html.unescape(value) == page


@pytest.mark.parametrize("height", [0, -5, 2.5, "600px", True])
def test_show_refuses_a_height_that_is_not_positive_pixels(G, height):
    with pytest.raises(ValueError, match="height must be a positive number of pixels"):
        show(G, height=height)


def test_importing_the_explorer_imports_neither_ipython_nor_pandas():
    code = ("import sys, newsgraph.graph.explore;"
            " print(sorted({'IPython', 'pandas'} & set(sys.modules)))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert done.stdout == "[]\n"

# files and SPARQL


def test_load_graph_from_folder_or_file(folder, G):
    for path in (folder, folder / "graph.json", str(folder)):
        loaded = load_graph(path)
        assert sorted(loaded.edges(keys=True)) == sorted(G.edges(keys=True))
        assert loaded.nodes[SMIC] == G.nodes[SMIC]


def test_load_graph_names_the_missing_file(tmp_path):
    with pytest.raises(NewsgraphError) as caught:
        load_graph(tmp_path)
    assert caught.value.source == str(tmp_path / "graph.json")
    assert caught.value.message == "no graph here (run `newsgraph build` first)"


PEOPLE = "SELECT ?name WHERE { ?p a ng:Person ; rdfs:label ?name }"


@pytest.mark.parametrize("source", ["folder", "ttl", "rdflib", "networkx"])
def test_sparql_from_any_source(folder, G, source):
    given = {
        "folder": folder, "ttl": str(folder / "graph.ttl"),
        "rdflib": Graph().parse(folder / "graph.ttl"), "networkx": G,
    }[source]
    assert sparql(given, PEOPLE).to_dict("list") == {"name": ["Zhou Zixue"]}


def test_sparql_converts_literals_to_python(G):
    table = sparql(G, """
        SELECT ?company ?percent ?date WHERE {
          ?a rdf:subject ?c ; rdf:predicate ng:roseOnNews ; ng:evidence ?e .
          ?c rdfs:label ?company . ?e ng:percent ?percent ; prov:wasDerivedFrom ?art .
          ?art dcterms:date ?date }""")
    assert table.company.tolist() == [SMIC_NAME]
    assert table.percent.tolist() == [5.5]
    assert str(table.date[0]) == "2023-08-08"


def test_sparql_ask_and_construct(G):
    assert sparql(G, "ASK { ?p a ng:Person }").to_dict("list") == {"ask": [True]}
    table = sparql(G, "CONSTRUCT { ?p a ng:Person } WHERE { ?p a ng:Person }")
    assert table.values.tolist() == [
        [ZHOU, "http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
         "https://w3id.org/newsgraph/ontology#Person"]]


def test_sparql_unbound_values_are_none(G):
    table = sparql(G, "SELECT ?p ?x WHERE { ?p a ng:Person OPTIONAL { ?p ng:nothing ?x } }")
    assert table.values.tolist() == [[ZHOU, None]]


def test_sparql_syntax_error(G):
    with pytest.raises(newsgraph.graph.QuerySyntaxError):
        sparql(G, "SELECT WHERE")


# the public surface


def test_graph_exports_the_explorer():
    assert set(newsgraph.graph.explore.__all__) <= set(newsgraph.graph.__all__)
    assert all(getattr(newsgraph.graph, name) is getattr(newsgraph.graph.explore, name)
               for name in newsgraph.graph.explore.__all__)


@pytest.mark.parametrize("content", [b"{not json", b"[]", b"\xff\xfe\x00"])
def test_a_broken_graph_json_is_one_graph_read_error(tmp_path, content):
    from newsgraph.errors import GraphReadError

    (tmp_path / "graph.json").write_bytes(content)
    with pytest.raises(GraphReadError) as caught:
        load_graph(tmp_path)
    assert caught.value.source == str(tmp_path / "graph.json")
    assert caught.value.message.startswith("not a graph newsgraph wrote (")


def test_show_outside_a_notebook_writes_the_page_and_prints_its_path(G, tmp_path, capsys,
                                                                     monkeypatch):
    opened = []
    monkeypatch.setattr("webbrowser.open", opened.append)
    view = show(G, path=tmp_path / "view.html")
    assert capsys.readouterr().out == f"wrote {tmp_path / 'view.html'}\n"
    assert (tmp_path / "view.html").read_text(encoding="utf-8") == view.page
    assert view.path == tmp_path / "view.html"
    assert opened == []  # opened only when asked
    view = show(G)
    assert view.path is not None and view.path.read_text(encoding="utf-8") == view.page
    assert capsys.readouterr().out == f"wrote {view.path}\n"
    show(G, path=tmp_path / "view.html", open_browser=True)
    assert opened == [(tmp_path / "view.html").resolve().as_uri()]


def test_show_in_a_notebook_writes_nothing(G, capsys, monkeypatch):
    monkeypatch.setattr("newsgraph.graph.explore._in_notebook", lambda: True)
    assert show(G).path is None
    assert capsys.readouterr().out == ""
