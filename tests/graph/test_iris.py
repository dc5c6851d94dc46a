"""Tests of newsgraph.graph.iris and the IRI policy of the built graph (docs/iris.md)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, OWL

from newsgraph.graph.aliases import Aliases
from newsgraph.graph.build import _entity_iris, _previous_iris, build_graph
from newsgraph.graph.iris import DEFAULT_BASE, check_base, entity_iri, is_iri, source_iri
from newsgraph.graph.rdf import to_jsonld, to_turtle
from newsgraph.graph.resolve import ResolvedEntity
from newsgraph.graph.shapes import validate_graph
from newsgraph.ingest.documents import Article, Entity, Extraction
from tests.graph.conftest import handbuilt_extractions

ID = DEFAULT_BASE


def _graph(*names: str, kind: str = "Organisation", aliases: Aliases | None = None):
    article = Article(id="a1", text="...", source="a.txt", title="Names")
    entities = tuple(Entity(name, kind) for name in names)
    return build_graph([Extraction(article, entities)], aliases=aliases)


def _entities(G) -> dict[str, str]:
    return {data["label"]: node for node, data in G.nodes(data=True)
            if data["type"] != "Article"}


def test_names_in_any_script_keep_their_letters_and_never_share_an_iri():
    found = _entities(_graph("华为", "Газпром", "中兴通讯"))
    assert found == {
        "华为": f"{ID}organisation/华为",
        "Газпром": f"{ID}organisation/Газпром",
        "中兴通讯": f"{ID}organisation/中兴通讯",
    }


def test_names_of_punctuation_only_are_spelt_and_never_share_an_iri():
    first, second = entity_iri("Organisation", "+++"), entity_iri("Organisation", "!!!")
    assert (first, second) == (f"{ID}organisation/%2B%2B%2B", f"{ID}organisation/%21%21%21")


def test_two_labels_never_share_an_iri():
    labels = ["C++ Foundation", "C Foundation", "C_Foundation", "C  Foundation", "c foundation",
              "Goldman, Sachs & Co.", "Goldman Sachs & Co", "A/B", "A%2FB", "+", "-", "_"]
    assert len({entity_iri("Organisation", label) for label in labels}) == len(labels)
    assert entity_iri("Organisation", "C++ Foundation") == f"{ID}organisation/C%2B%2B_Foundation"


def test_two_nodes_that_would_mint_one_iri_never_share_it():
    nodes = [ResolvedEntity("C Foundation", "Organisation", ()),
             ResolvedEntity("C Foundation", "Organisation", ())]
    first, second = _entity_iris(nodes, ID)
    assert first == f"{ID}organisation/C_Foundation"
    assert second.startswith(f"{ID}organisation/C_Foundation-")


def test_countries_are_named_by_their_iso_code_and_linked_to_wikidata():
    G = _graph("Japan", "Hong Kong", kind="Country")
    assert sorted(_entities(G).values()) == [f"{ID}country/HK", f"{ID}country/JP"]
    japan = G.nodes[f"{ID}country/JP"]
    assert japan["code"] == "JP"
    assert japan["same_as"] == ["http://www.wikidata.org/entity/Q17"]
    turtle = to_turtle(G).decode()
    assert 'ng:isoCode "JP"' in turtle
    assert "owl:sameAs wd:Q17" in turtle


def test_the_iri_an_alias_would_mint_leads_to_the_entity():
    # a build where "SMIC" was the label named it organisation:smic; a build where the full
    # name is the label still has that IRI, as one the node replaces
    G = build_graph(handbuilt_extractions())
    smic = f"{ID}organisation/Semiconductor_Manufacturing_International_Corporation"
    assert G.nodes[smic]["replaces"] == [
        f"{ID}organisation/SMIC",
        f"{ID}organisation/semiconductor-manufacturing-international-corporation",
        f"{ID}organisation/smic"]
    rdf = Graph().parse(data=to_turtle(G), format="turtle")
    assert (URIRef(smic), DCTERMS.replaces, URIRef(f"{ID}organisation/SMIC")) in rdf
    assert not list(rdf.subject_objects(OWL.sameAs, unique=True)) or all(
        str(o).startswith("http://www.wikidata.org/") for _, o in rdf.subject_objects(OWL.sameAs))


def test_an_iri_two_entities_could_claim_is_left_out():
    # "Bolt Co" (also written "Bolt-Co") and "Bolt Co!" both had the 0.1 IRI bolt-co
    nodes = [ResolvedEntity("Bolt Co", "Organisation", ("Bolt-Co",)),
             ResolvedEntity("Bolt Co!", "Organisation", ())]
    first, second = _previous_iris(nodes, _entity_iris(nodes, ID), ID)
    assert first == [f"{ID}organisation/Bolt", f"{ID}organisation/Bolt-Co",
                     f"{ID}organisation/bolt"]
    assert second == []


@pytest.mark.parametrize(("base", "expected"), [
    ("https://example.org/kg", "https://example.org/kg/"),
    ("https://example.org/kg#", "https://example.org/kg#"),
    ("urn:example:kg/", "urn:example:kg/"),
])
def test_a_base_is_absolute_and_ends_a_namespace(base, expected):
    assert check_base(base) == expected


@pytest.mark.parametrize("base", ["kg/", "", "https://exa mple.org/", "/abs/path/"])
def test_a_base_that_is_no_absolute_iri_is_refused(base):
    with pytest.raises(ValueError, match="must be absolute"):
        check_base(base)


@pytest.mark.parametrize(("base", "message"), [
    ("http://", "an http\\(s\\) IRI with a host"),
    ("javascript:alert(1)//", "an http\\(s\\) IRI with a host"),
    ("file:///etc/", "an http\\(s\\) IRI with a host"),
    ("https://user:pw@example.org/kg/", "no user name"),
    ("urn:x:", "a urn: with a namespace and a name"),
    ("https://example.org/kg/./", "no . or .. segment"),
    ("https://example.org/\u202ekg/", "not a valid IRI"),
])
def test_a_base_no_reader_can_use_is_refused(base, message):
    with pytest.raises(ValueError, match=message):
        check_base(base)


def test_every_node_lies_under_the_base_given():
    base = "https://example.org/kg/"
    G = build_graph(handbuilt_extractions(), base=base)
    assert all(node.startswith(base) for node in G)
    rdf = Graph().parse(data=to_turtle(G), format="turtle")
    ours = {str(s) for s in rdf.subjects() if "newsgraph" in str(s)}
    assert ours == set()
    assert dict(rdf.namespaces())["person"] == URIRef(f"{base}person/")
    assert b'"@id":"person:Zhang_Wei"' in to_jsonld(G)
    assert validate_graph(rdf) == []


def test_two_builds_of_different_news_merge_without_contradiction():
    first, second = handbuilt_extractions()
    merged = Graph()
    for extractions in ([first], [second], [first, second]):
        merged.parse(data=to_turtle(build_graph(extractions)), format="turtle")
    assert validate_graph(merged) == []


def _seed_file(extraction) -> str:
    """A feed's items name their links; the feed is one file."""
    source = extraction.article.source
    return "the feed" if source.startswith("http") else source


@pytest.mark.slow
def test_the_builds_of_each_seed_file_and_of_all_merge_without_contradiction(
        seed_extractions, seed_graph):
    merged = Graph().parse(data=to_turtle(seed_graph), format="turtle")
    for name in sorted({_seed_file(x) for x in seed_extractions}):
        alone = build_graph([x for x in seed_extractions if _seed_file(x) == name])
        merged.parse(data=to_turtle(alone), format="turtle")
    assert validate_graph(merged) == []


@pytest.mark.slow
def test_every_iri_of_a_build_of_one_seed_file_names_its_entity_in_the_full_build(
        seed_extractions, seed_graph):
    known = set(seed_graph) | {iri for _, data in seed_graph.nodes(data=True)
                               for iri in data.get("replaces", ())}
    files = sorted({_seed_file(x) for x in seed_extractions})
    assert len(files) == 5
    for name in files:
        alone = build_graph([x for x in seed_extractions if _seed_file(x) == name])
        assert set(alone) - known == set(), name


@pytest.mark.parametrize(
    "link",
    ["https://news.example/50%-off-chips", "https://news.example/a#b#c",
     "https://news.example:8o/a", "http://[::1/", "https://x.example/\x7f",
     "https://x.example/\ufffe"],
)
def test_a_link_no_store_accepts_still_gives_an_iri(link):
    assert is_iri(source_iri(link))


def test_names_and_file_names_no_iri_may_hold_are_percent_encoded():
    # a variation selector is outside RFC 3987's ucschar
    iri = entity_iri("Organisation", "Katsu\U000e0100shika Motors")
    assert iri.endswith("/organisation/Katsu%F3%A0%84%80shika_Motors") and is_iri(iri)
    # a file name's undecodable bytes (surrogateescape) come back as bytes
    assert source_iri("bad\udcffdir/caf\udce9.txt").endswith("/source/bad%FFdir/caf%E9.txt")


@pytest.mark.parametrize("base", ["https://x.org/%zz/", "http://x.org:abc/", "https://x.org/kg%"])
def test_a_base_that_is_no_iri_is_refused(base):
    with pytest.raises(ValueError, match="not a valid IRI"):
        check_base(base)


@given(st.text(alphabet=st.sampled_from("aZ09 -_.+%é中\u0301\u200f\U000e0100"), max_size=8))
def test_a_label_is_spelt_alike_whole_or_a_character_at_a_time(label):
    from newsgraph.graph.iris import _spelt, _spelt_each

    assert _spelt(label) == _spelt_each(label)
