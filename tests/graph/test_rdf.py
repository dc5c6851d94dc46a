"""Tests of newsgraph.graph.rdf: the triples, deterministic Turtle and JSON-LD."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
from hypothesis import given
from hypothesis import strategies as st
from rdflib import RDF, XSD, BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import PROV, SDO, SKOS

from newsgraph.graph.build import build_graph
from newsgraph.graph.rdf import (
    PREFIXES,
    compact_iri,
    rdf_rows,
    to_jsonld,
    to_rdf,
    to_trig,
    to_turtle,
)
from newsgraph.ontology import NG
from tests.graph.conftest import handbuilt_extractions

GOLDEN = Path(__file__).parent / "data" / "handbuilt.ttl"
ID = "https://w3id.org/newsgraph/id/"


def _country(label: str, aliases: list[str]) -> nx.MultiDiGraph:
    G = nx.MultiDiGraph()
    G.add_node(f"{ID}country/x", type="Country", label=label, aliases=aliases, articles=[])
    return G


def _plain(graph: Graph) -> set[tuple[str, str, str]]:
    # pyoxigraph types simple literals xsd:string explicitly; RDF 1.1 makes them the same
    return {(str(s), str(p), str(o)) for s, p, o in graph}


def test_turtle_is_the_golden_file(handbuilt):
    assert to_turtle(handbuilt) == GOLDEN.read_bytes()


def test_turtle_does_not_depend_on_extraction_order():
    forward = build_graph(handbuilt_extractions())
    backward = build_graph(list(reversed(handbuilt_extractions())))
    assert to_turtle(forward) == to_turtle(backward)


def test_turtle_binds_the_prefixes_in_order(handbuilt):
    header = to_turtle(handbuilt).decode().split("\n\n")[0].splitlines()
    assert header == [f"@prefix {p}: <{ns}> ." for p, ns in PREFIXES.items()]


def test_turtle_parses_to_the_rdf_graph(handbuilt):
    parsed = Graph().parse(data=to_turtle(handbuilt), format="turtle")
    assert isomorphic(parsed, to_rdf(handbuilt))


# rdflib's own JSON-LD parser warns of its deprecated ConjunctiveGraph; pyoxigraph reads it
def test_jsonld_parses_to_the_rdf_graph(handbuilt):
    parsed = Graph().parse(data=to_jsonld(handbuilt), format="ox-json-ld")
    assert _plain(parsed) == _plain(to_rdf(handbuilt))


def test_jsonld_is_deterministic(handbuilt):
    again = build_graph(list(reversed(handbuilt_extractions())))
    assert to_jsonld(handbuilt) == to_jsonld(again)


ID = "https://w3id.org/newsgraph/id/"


@pytest.mark.parametrize(
    ("iri", "expected"),
    [
        (f"{ID}organisation/smic", "organisation:smic"),
        ("https://w3id.org/newsgraph/ontology#chairs", "ng:chairs"),
        (f"{ID}x", "id:x"),
        # the longest namespace wins, and the rest may hold any character
        (f"{ID}organisation/a/b", "organisation:a/b"),
        (f"{ID}organisation/caf%C3%A9", "organisation:caf%C3%A9"),
        (f"{ID}thing/x", "id:thing/x"),
        # nothing left, or a rest that JSON-LD would read as an absolute IRI
        (f"{ID}article/", f"{ID}article/"),
        (ID, ID),
        (f"{ID}article///x", f"{ID}article///x"),
        ("https://example.com/a?b=1", "https://example.com/a?b=1"),
    ],
)
def test_compact_iri(iri, expected):
    assert compact_iri(iri) == expected


def test_jsonld_writes_compact_iris():
    G = nx.MultiDiGraph()
    G.add_node(f"{ID}organisation/a/b", type="Organisation", label="A", aliases=[])
    [node] = json.loads(to_jsonld(G))["@graph"]
    assert (node["@id"], node["@type"]) == ("organisation:a/b", ["ng:Organisation"])


def test_oxigraph_store_holds_the_same_triples(handbuilt):
    assert _plain(to_rdf(handbuilt, store="Oxigraph")) == _plain(to_rdf(handbuilt))


def test_no_blank_nodes(handbuilt):
    assert not [t for t in to_rdf(handbuilt) for term in t if isinstance(term, BNode)]


def test_entity_triples():
    expected = Graph().parse(format="turtle", data=f"""
        @prefix ng: <{NG._NS}> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        @prefix skos: <{SKOS}> .
        <{ID}country/x> a ng:Country ; rdfs:label "Japan" ; skos:altLabel "Tokyo", "Nippon" .
    """)
    assert isomorphic(to_rdf(_country("Japan", ["Tokyo", "Nippon"])), expected)


def test_every_relation_has_an_assertion_with_evidence(handbuilt):
    rdf = to_rdf(handbuilt)
    relations = {(s, p, o) for s, p, o in rdf if str(p) in {str(NG[r]) for r in (
        "chairs", "sanctions", "imposes", "targets", "roseOnNews", "fellOnNews")}}
    described = {
        (rdf.value(a, RDF.subject), rdf.value(a, RDF.predicate), rdf.value(a, RDF.object))
        for a in rdf.subjects(RDF.type, NG.Assertion) if rdf.value(a, NG.evidence) is not None
    }
    assert len(relations) == 7  # US sanctions China too, through its export controls
    assert relations == described


def test_assertion_counts_articles_and_dates(handbuilt):
    rdf = to_rdf(handbuilt)
    chair = next(a for a in rdf.subjects(RDF.predicate, NG.chairs))
    assert rdf.value(chair, NG.articleCount) == Literal(2)
    assert rdf.value(chair, NG.firstSeen) == Literal("2024-01-02", datatype=XSD.date)
    assert rdf.value(chair, NG.lastSeen) == Literal("2024-01-05", datatype=XSD.date)
    assert len(list(rdf.objects(chair, NG.evidence))) == 2


def test_an_entity_counts_the_articles_that_mention_it(handbuilt):
    rdf = to_rdf(handbuilt)
    counts = {str(s): o.toPython() for s, o in rdf.subject_objects(NG.mentionCount)}
    mentioned: dict[str, int] = {}
    for entity in rdf.objects(None, SDO.mentions):
        mentioned[str(entity)] = mentioned.get(str(entity), 0) + 1
    assert counts == mentioned
    assert counts[f"{ID}organisation/Semiconductor_Manufacturing_International_Corporation"] == 2
    assert counts[f"{ID}country/US"] == 1


def test_share_move_evidence_has_percent_and_market(handbuilt):
    rdf = to_rdf(handbuilt)
    (evidence,) = rdf.subjects(NG.market, Literal("Hong Kong"))
    assert rdf.value(evidence, NG.percent) == Literal("3.1", datatype=XSD.decimal)
    assert rdf.value(evidence, NG.sentence) == Literal("SMIC fell 3.1% in Hong Kong.")
    assert rdf.value(evidence, PROV.wasDerivedFrom) == URIRef(
        "https://w3id.org/newsgraph/id/article/f55ff16f66f43360")


def test_a_link_that_is_no_iri_is_left_out():
    G = nx.MultiDiGraph()
    G.add_node(f"{ID}article/a", type="Article", title="T", date=None, source="feed.xml",
               link="https://news.example/a b", publisher=None, authors=["A. Writer"])
    assert {predicate.rsplit("/", 1)[-1] for _, _, predicate, *_ in rdf_rows(G)} == {
        "22-rdf-syntax-ns#type", "title", "source", "ontology#author"}


@given(st.text(min_size=1), st.lists(st.text(min_size=1), max_size=3))
def test_any_label_survives_turtle_and_jsonld(label, aliases):
    G = _country(label, aliases)
    expected = to_rdf(G)
    assert isomorphic(Graph().parse(data=to_turtle(G), format="turtle"), expected)
    assert _plain(Graph().parse(data=to_jsonld(G), format="ox-json-ld")) == _plain(expected)


@pytest.mark.parametrize("node", [
    "https://w3id.org/newsgraph/id/person/a b",
    "https://w3id.org/newsgraph/id/person/x> <https://e.example/p> <https://e.example/o",
    "person-without-scheme",
])
def test_a_node_that_is_no_iri_is_refused(node):
    G = nx.MultiDiGraph()
    G.add_node(node, type="Person", label="X")
    with pytest.raises(ValueError, match="not a valid IRI"):
        to_turtle(G)


# rdflib 7.6's own TriG parser still calls what it deprecates
@pytest.mark.filterwarnings("ignore:Dataset.default_context is deprecated:DeprecationWarning",
                            "ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
def test_trig_holds_the_graph_and_one_named_graph_per_article(handbuilt):
    from rdflib import Dataset

    trig = to_trig(handbuilt)
    dataset = Dataset()
    dataset.parse(data=trig, format="trig")
    default = Graph()
    for triple in dataset.default_graph:
        default.add(triple)
    assert isomorphic(default, Graph().parse(data=to_turtle(handbuilt), format="turtle"))
    named = {str(g.identifier): {(str(s).rsplit("/", 1)[-1], str(p).rsplit("#", 1)[-1],
                                  str(o).rsplit("/", 1)[-1]) for s, p, o in g}
             for g in dataset.graphs() if g.identifier != dataset.default_graph.identifier}
    smic = "Semiconductor_Manufacturing_International_Corporation"
    assert named == {
        f"{ID}article/f55ff16f66f43360": {
            ("Zhang_Wei", "chairs", smic), ("US", "sanctions", smic), ("US", "sanctions", "CN"),
            ("US", "imposes", "US_export_controls"), ("US_export_controls", "targets", "CN"),
            (smic, "fellOnNews", "f55ff16f66f43360")},
        f"{ID}article/2c3a4249d7707005": {
            ("Zhang_Wei", "chairs", smic), ("Hua_Hong_Semiconductor", "roseOnNews",
                                            "2c3a4249d7707005")},
    }


def test_trig_is_the_same_bytes_in_any_order_and_reads_in_oxigraph():
    forward = to_trig(build_graph(handbuilt_extractions()))
    assert forward == to_trig(build_graph(list(reversed(handbuilt_extractions()))))
    store = ox.Store()
    store.load(forward, format=ox.RdfFormat.TRIG)
    rows = store.query("""
        SELECT ?article WHERE { GRAPH ?article {
            ?s <https://w3id.org/newsgraph/ontology#chairs> ?o } } ORDER BY ?article""")
    assert [row["article"].value.rsplit("/", 1)[-1] for row in rows] == [
        "2c3a4249d7707005", "f55ff16f66f43360"]
    assert b"\t" not in forward
    assert b"\n\narticle:2c3a4249d7707005 {\n    " in forward


@pytest.mark.parametrize("batch", [1, 3])
def test_streamed_writers_are_the_same_whatever_the_batch(handbuilt, monkeypatch, batch):
    from newsgraph.graph import nodelink, rdf

    writers = (to_turtle, to_trig, to_jsonld)
    whole = [write(handbuilt) for write in writers]
    monkeypatch.setattr(rdf, "_BATCH", batch)
    monkeypatch.setattr(nodelink, "_BATCH", batch)
    assert [write(handbuilt) for write in writers] == whole


@pytest.mark.parametrize("size", [1, 2, 5, 64, 10**6])
@pytest.mark.parametrize("kind", ["turtle", "trig"])
def test_pyoxigraph_output_is_edited_alike_in_any_pieces(handbuilt, size, kind):
    """The writers edit pyoxigraph's output as it comes, in pieces of any size: the result
    is what editing it whole gives (the prefix lines dropped, indents, blank lines)."""
    import io

    from newsgraph.graph.rdf import _Reformatted, _trig_body, _turtle_body

    if kind == "turtle":
        out = to_rdf(handbuilt).serialize(format="turtle").encode("utf-8")
        edit = _turtle_body
    else:
        out = to_trig(handbuilt)
        edit = _trig_body
    out = out.replace(b"    ", b"\t")  # pyoxigraph's own indents
    skip = 3
    expected = edit(out.split(b"\n", skip)[-1])
    buffer = io.BytesIO()
    stream = _Reformatted(buffer, skip, edit)
    for at in range(0, len(out), size):
        stream.write(out[at:at + size])
    stream.finish()
    assert buffer.getvalue() == expected


def test_rows_streamed_are_the_rows_of_the_graph(handbuilt):
    from newsgraph.graph.rdf import iter_rows

    G = handbuilt.copy()
    G.graph["build"] = {"newsgraph": "1.0", "rules": {"sha256": "ab" * 32}}
    smic = next(n for n, d in G.nodes(data=True) if d.get("label", "").startswith("Semi"))
    G.add_edge(smic, smic, key="competesWith", predicate="competesWith", article_count=1,
               evidence=[{"article": f"{ID}article/x", "sentence": "S.", "start": 0, "end": 2,
                          "rule": "r"}])  # a symmetric relation of a node with itself
    assert list(iter_rows(G)) == rdf_rows(G)


def _compact_by_loop(iri: str, by_length: tuple[tuple[str, str], ...]) -> str:
    """The longest namespace first, as compact_iri was written before its regular expression."""
    for prefix, namespace in by_length:
        if iri.startswith(namespace):
            rest = iri[len(namespace):]
            return iri if not rest or rest.startswith("//") else f"{prefix}:{rest}"
    return iri


_NAMESPACES = sorted({*PREFIXES.values(), "https://example.org/kg/", "https://example.org/kg/x"})


@given(st.sampled_from(["", *_NAMESPACES]), st.text(alphabet="ab/#:?x.", max_size=6),
       st.sampled_from(["https://w3id.org/newsgraph/id/", "https://example.org/kg/"]))
def test_compact_iri_is_the_longest_namespace(namespace, rest, base):
    from newsgraph.graph.rdf import _namespaces_by_length

    iri = namespace + rest
    assert compact_iri(iri, base) == _compact_by_loop(iri, _namespaces_by_length(base))


@pytest.mark.parametrize("size", [1, 2, 7, 64, 1 << 20])
def test_the_blocks_and_objects_of_a_file_are_one_per_subject_whatever_the_chunks(handbuilt,
                                                                                  size):
    from newsgraph.graph.rdf import (
        jsonld_header,
        jsonld_objects,
        turtle_blocks,
        turtle_header,
    )

    G = handbuilt.copy()
    G.graph["build"] = {"newsgraph": "1.0"}
    subjects = len({row[0] for row in rdf_rows(G)})
    turtle, jsonld = to_turtle(G), to_jsonld(G)
    body = turtle[len(turtle_header(G)):]
    blocks = list(turtle_blocks(body[at:at + size] for at in range(0, len(body), size)))
    assert len(blocks) == subjects and b"\n".join(blocks) == body
    body = jsonld[len(jsonld_header(G)):]
    objects = list(jsonld_objects(body[at:at + size] for at in range(0, len(body), size)))
    assert [json.loads(found)["@id"] for found in objects] == [
        node["@id"] for node in json.loads(jsonld)["@graph"]]
    assert b",".join(objects) + b"]}\n" == body


@pytest.mark.parametrize("size", [3, 4096, 1 << 20])
def test_the_objects_of_a_generated_graph_s_json_ld_are_its_nodes_as_written(size):
    from benchmarks.records import extractions
    from newsgraph.graph.rdf import jsonld_header, jsonld_objects

    G = build_graph(extractions(0, 150))
    G.graph["build"] = {"newsgraph": "1.0"}
    jsonld = to_jsonld(G)
    body = jsonld[len(jsonld_header(G)):]
    nodes = json.loads(jsonld)["@graph"]
    # lists of IRI values ("},{"@id":…) in most nodes, which are no node's start
    assert body.count(b'},{"@id":"') > 2 * len(nodes)
    objects = list(jsonld_objects(body[at:at + size] for at in range(0, len(body), size)))
    assert objects == [json.dumps(node, ensure_ascii=False, sort_keys=True,
                                  separators=(",", ":")).encode("utf-8") for node in nodes]


def test_rows_streamed_are_the_rows_of_a_generated_graph():
    from benchmarks.records import extractions
    from newsgraph.graph.rdf import iter_rows

    G = build_graph(extractions(0, 150))
    G.graph["build"] = {"newsgraph": "1.0"}
    assert list(iter_rows(G)) == rdf_rows(G)


def test_evidence_read_from_the_title_says_so_apart_from_the_text_s():
    from newsgraph.graph.shapes import validate_graph, validate_store
    from newsgraph.ingest.documents import Article, Entity, Evidence, Extraction, Relation

    article = Article("a1", "Acme hired Lee Wan.", "a.txt", title="Acme hires Lee Wan")
    text = Evidence("Acme hired Lee Wan.", 0, 19, "hire")
    title = Evidence("Acme hires Lee Wan", 0, 18, "hire", title=True)
    entities = (Entity("Acme", "Organisation"), Entity("Lee Wan", "Person"))
    extraction = Extraction(article, entities, tuple(
        Relation("Lee Wan", "worksFor", "Acme", e) for e in (text, title)))
    rdf = to_rdf(build_graph([extraction]))
    assertion = next(rdf.subjects(RDF.predicate, NG.worksFor))
    found = {(str(rdf.value(e, NG.sentence)), rdf.value(e, NG.inTitle))
             for e in rdf.objects(assertion, NG.evidence)}
    assert found == {("Acme hired Lee Wan.", None),
                     ("Acme hires Lee Wan", Literal(True, datatype=XSD.boolean))}
    assert validate_graph(rdf) == []
    store = ox.Store()
    store.bulk_load(to_turtle(build_graph([extraction])), ox.RdfFormat.TURTLE)
    assert validate_store(store) == []
