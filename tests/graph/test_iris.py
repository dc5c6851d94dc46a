"""Tests of newsgraph.graph.iris and the IRI policy of the built graph (docs/iris.md)."""

from __future__ import annotations

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, OWL

from newsgraph.graph.aliases import Aliases
from newsgraph.graph.build import _entity_iris, build_graph
from newsgraph.graph.iris import DEFAULT_BASE, check_base, entity_iri
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
        "Газпром": f"{ID}organisation/газпром",
        "中兴通讯": f"{ID}organisation/中兴通讯",
    }


def test_names_of_punctuation_only_get_a_hash_each():
    first, second = entity_iri("Organisation", "+++"), entity_iri("Organisation", "!!!")
    assert first != second
    assert first.startswith(f"{ID}organisation/x-")


def test_two_nodes_whose_names_mint_one_iri_never_share_it():
    # the resolver holds "C++ Foundation" and "C Foundation" for one thing (one name key);
    # should two nodes still mint one IRI, the later by label takes a hash of its label
    nodes = [ResolvedEntity("C Foundation", "Organisation", ()),
             ResolvedEntity("C++ Foundation", "Organisation", ())]
    first, second = _entity_iris(nodes, ID)
    assert first == f"{ID}organisation/c-foundation"
    assert second.startswith(f"{ID}organisation/c-foundation-")


def test_the_iri_follows_the_name_key_not_the_spelling_of_the_label():
    assert entity_iri("Organisation", "Goldman, Sachs and Co.") == entity_iri(
        "Organisation", "Goldman Sachs")


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
    smic = f"{ID}organisation/semiconductor-manufacturing-international"
    assert f"{ID}organisation/smic" in G.nodes[smic]["replaces"]
    rdf = Graph().parse(data=to_turtle(G), format="turtle")
    assert (URIRef(smic), DCTERMS.replaces, URIRef(f"{ID}organisation/smic")) in rdf
    assert not list(rdf.subject_objects(OWL.sameAs, unique=True)) or all(
        str(o).startswith("http://www.wikidata.org/") for _, o in rdf.subject_objects(OWL.sameAs))


def test_an_iri_two_entities_could_claim_is_left_out():
    # both "Acme Steel" (alias "Acme") and the separate "Acme" would replace organisation:acme
    article = Article(id="a1", text="...", source="a.txt")
    entities = (Entity("Acme Steel", "Organisation", aliases=("AS",)),
                Entity("Acme", "Organisation"))
    G = build_graph([Extraction(article, entities)])
    replaced = [iri for _, data in G.nodes(data=True) for iri in data.get("replaces", ())]
    assert len(replaced) == len(set(replaced))
    assert f"{ID}organisation/acme" not in replaced


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


def test_every_node_lies_under_the_base_given():
    base = "https://example.org/kg/"
    G = build_graph(handbuilt_extractions(), base=base)
    assert all(node.startswith(base) for node in G)
    rdf = Graph().parse(data=to_turtle(G), format="turtle")
    ours = {str(s) for s in rdf.subjects() if "newsgraph" in str(s)}
    assert ours == set()
    assert dict(rdf.namespaces())["person"] == URIRef(f"{base}person/")
    assert b'"@id":"person:zhang-wei"' in to_jsonld(G)
    assert validate_graph(rdf) == []


def test_two_builds_of_different_news_merge_without_contradiction():
    first, second = handbuilt_extractions()
    merged = Graph()
    for extractions in ([first], [second], [first, second]):
        merged.parse(data=to_turtle(build_graph(extractions)), format="turtle")
    assert validate_graph(merged) == []


@pytest.mark.slow
def test_every_iri_of_a_build_of_one_seed_file_names_its_entity_in_the_full_build(
        seed_extractions, seed_graph):
    known = set(seed_graph) | {iri for _, data in seed_graph.nodes(data=True)
                               for iri in data.get("replaces", ())}
    def seed_file(extraction):  # a feed's items name their links; the feed is one file
        source = extraction.article.source
        return "the feed" if source.startswith("http") else source

    files = sorted({seed_file(x) for x in seed_extractions})
    assert len(files) == 5
    for name in files:
        alone = build_graph([x for x in seed_extractions if seed_file(x) == name])
        assert set(alone) - known == set(), name
