"""Tests of newsgraph.graph.links: the user's reconciliation file."""

from __future__ import annotations

import pytest

from newsgraph.errors import LinksError
from newsgraph.graph.build import build_graph
from newsgraph.graph.links import parse_links
from newsgraph.graph.rdf import to_turtle
from tests.graph.conftest import handbuilt_extractions

REGISTER = "https://register.example/c/"


def test_a_link_joins_the_entity_of_any_of_its_names():
    links = parse_links(f"label,iri\nSMIC,{REGISTER}1\n# a comment\n\nZhang Wei,{REGISTER}2\n"
                        f"Zhang Wei,{REGISTER}3\n")
    G = build_graph(handbuilt_extractions(), links=links)
    same = {data["label"]: data.get("same_as") for _, data in G.nodes(data=True)
            if data["type"] in ("Organisation", "Person")}
    assert same == {
        "Semiconductor Manufacturing International Corporation": [f"{REGISTER}1"],
        "Zhang Wei": [f"{REGISTER}2", f"{REGISTER}3"],
        "Hua Hong Semiconductor": None,
    }
    assert f"owl:sameAs <{REGISTER}1>" in to_turtle(G).decode()


@pytest.mark.parametrize(("text", "message"), [
    ("Acme\n", "links: line 1: expected NAME,IRI, an absolute IRI (got 'Acme')"),
    ("Acme,acme.example\n", "line 1: expected NAME,IRI, an absolute IRI (got 'acme.example')"),
    ("label,iri\nAcme,https://a.example/x y\n", "line 2: expected NAME,IRI"),
    ("...,https://a.example/\n", "line 1: '...' is no name"),
])
def test_a_row_that_is_no_link_is_one_clear_error(text, message):
    with pytest.raises(LinksError, match=message.replace("(", r"\(").replace(")", r"\)")):
        parse_links(text)


@pytest.mark.parametrize(
    "text",
    ["Acme,http://register.example/%zz\n", "Acme,http://x.org:abc/\n", "Acme,urn:\n",
     "Acme,http://\n", "Acme," + "x" * 200_000 + "\n"],
)
def test_a_link_that_is_no_iri_or_no_row_is_the_files_error(text):
    with pytest.raises(LinksError, match=r"^links: line 1: "):
        parse_links(text)


def test_a_name_iri_header_is_a_header():
    links = parse_links("name,iri\nAcme Corp,https://register.example/c/1\n")
    assert links.iris_of(["Acme"], "Organisation") == ("https://register.example/c/1",)


def test_a_person_is_not_linked_by_a_company_name():
    links = parse_links("Zhang Wei Ltd,https://register.example/c/9\n")
    G = build_graph(handbuilt_extractions(), links=links)
    assert not [n for n, d in G.nodes(data=True) if d.get("same_as")
                and d["type"] == "Person"]
    assert G.graph["unmatched_links"] == ["Zhang Wei Ltd"]


def test_a_link_to_the_graph_itself_or_shared_by_two_entities_is_refused_and_said():
    links = parse_links(f"SMIC,https://w3id.org/newsgraph/id/organisation/Hua_Hong\n"
                        f"Zhang Wei,{REGISTER}7\nHua Hong Semiconductor,{REGISTER}7\n")
    G = build_graph(handbuilt_extractions(), links=links)
    assert not [n for n, d in G.nodes(data=True) if d.get("same_as")
                and d["type"] != "Country"]
    assert G.graph["refused_links"] == [
        f"{REGISTER}7: given to 2 entities (Hua Hong Semiconductor, Zhang Wei), which it would "
        "make one; not linked",
        "https://w3id.org/newsgraph/id/organisation/Hua_Hong: names a node of this graph "
        "itself; not linked",
    ]


def test_a_name_that_starts_with_a_hash_and_an_upper_case_scheme_still_link():
    links = parse_links("# a comment\n\"#1 Corp\",HTTPS://register.example/c/1\n")
    assert links.rows == (("#1 Corp", "HTTPS://register.example/c/1"),)


def test_a_link_to_the_item_a_country_already_has_is_refused():
    links = parse_links("SMIC,http://www.wikidata.org/entity/Q148\n"
                        "China,http://www.wikidata.org/entity/Q148\n")
    G = build_graph(handbuilt_extractions(), links=links)
    assert G.graph["refused_links"] == [
        "http://www.wikidata.org/entity/Q148: given to 2 entities (China, Semiconductor "
        "Manufacturing International Corporation), which it would make one; not linked"]
    assert G.nodes["https://w3id.org/newsgraph/id/country/CN"]["same_as"] == [
        "http://www.wikidata.org/entity/Q148"]
