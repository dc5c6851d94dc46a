"""Tests of newsgraph.graph.tables: finding entities, neighbourhoods and the tables."""

import math
import sys
from pathlib import Path

import networkx as nx
import pytest

import newsgraph.graph
import newsgraph.graph.tables
from newsgraph.errors import NewsgraphError
from newsgraph.graph.tables import (
    AmbiguousEntityError,
    EntityNotFoundError,
    articles,
    entities,
    evidence,
    find_entity,
    neighbourhood,
    policies,
    relations,
    share_moves,
)
from tests.graph.sample import (
    A1,
    A2,
    CHAIRS,
    CHINA,
    FELL,
    HUA,
    POLICY,
    ROSE,
    SANCTIONS,
    SMIC,
    SMIC_NAME,
    US,
    ZHOU,
    sample_graph,
)


@pytest.fixture(scope="module")
def G():
    return sample_graph()


def rows(table):
    """The table's rows as lists, with pandas' missing values as None."""
    return table.astype(object).where(table.notna(), None).values.tolist()


# finding entities and neighbourhoods


@pytest.mark.parametrize("name, expected", [
    (SMIC, SMIC),
    (SMIC_NAME, SMIC),
    ("semiconductor manufacturing international corporation", SMIC),
    ("SMIC", SMIC),
    ("smic", SMIC),
    ("huahong", HUA),
    ("US", US),
    ("Chip Stocks Rally", A2),
])
def test_find_entity_by_iri_label_or_alias(G, name, expected):
    assert find_entity(G, name) == expected


def test_find_entity_prefers_a_label_to_an_alias():
    G = nx.MultiDiGraph()
    G.add_node("id/georgia-country", type="Country", label="Georgia", aliases=[])
    G.add_node("id/georgia-state", type="Organisation", label="State of Georgia",
               aliases=["georgia"])
    assert find_entity(G, "GEORGIA") == "id/georgia-country"


def test_find_entity_refuses_an_ambiguous_name():
    G = nx.MultiDiGraph()
    G.add_node("id/a", type="Organisation", label="Acme", aliases=["AC"])
    G.add_node("id/b", type="Organisation", label="Acme Cables", aliases=["AC"])
    with pytest.raises(AmbiguousEntityError) as caught:
        find_entity(G, "ac")
    assert str(caught.value) == (
        "ac: 2 nodes have this alias: id/a, id/b; pass the IRI of the one you mean")
    assert isinstance(caught.value, LookupError)


def test_find_entity_names_what_it_could_not_find(G):
    with pytest.raises(EntityNotFoundError) as caught:
        find_entity(G, "Intel")
    assert str(caught.value) == "Intel: no entity or article has this name or alias"
    assert isinstance(caught.value, NewsgraphError)


def test_neighbourhood_by_alias_with_articles(G):
    assert sorted(neighbourhood(G, "Huahong")) == [A2, HUA]


def test_neighbourhood_by_alias_relations_only(G):
    part = neighbourhood(G, "smic", mentions=False)
    assert sorted(part) == [A2, US, SMIC, ZHOU]
    assert sorted(part.edges(keys=True)) == sorted([
        (ZHOU, SMIC, "chairs"), (US, SMIC, "sanctions"), (SMIC, A2, "rose-on-news")])


def test_neighbourhood_radius_two_reaches_further(G):
    assert sorted(neighbourhood(G, "Zhou Zixue", radius=2, mentions=False)) == [
        A2, US, SMIC, ZHOU]
    assert sorted(neighbourhood(G, "Zhou Zixue", radius=3, mentions=False)) == sorted([
        A2, US, SMIC, HUA, ZHOU, POLICY, CHINA])  # CHINA: the US sanctions it


def test_neighbourhood_is_a_copy_with_attributes(G):
    part = neighbourhood(G, "SMIC")
    part.nodes[SMIC]["label"] = "changed"
    assert G.nodes[SMIC]["label"] == SMIC_NAME
    assert isinstance(part, nx.MultiDiGraph)
    assert part.edges[US, SMIC, "sanctions"]["article_count"] == 1


# tables


def test_entities_columns_and_order(G):
    table = entities(G)
    assert list(table.columns) == [
        "label", "type", "kind", "aliases", "articles", "relations", "iri"]
    assert table[["label", "articles", "relations"]].values.tolist() == [
        [SMIC_NAME, 2, 3],
        ["United States", 1, 3],
        ["China", 1, 2],
        ["US export controls", 1, 2],
        ["Hua Hong Semiconductor", 1, 1],
        ["Zhou Zixue", 1, 1],
    ]


def test_entities_of_one_type(G):
    table = entities(G, "Policy")
    assert table[["label", "kind"]].values.tolist() == [["US export controls", "ExportControl"]]
    assert table.iri.tolist() == [POLICY]


def test_entities_refuses_a_type_the_ontology_lacks(G):
    with pytest.raises(ValueError) as caught:
        entities(G, "Organization")
    assert str(caught.value) == (
        "type must be one of Country, Organisation, Person, Policy or None"
        " (got 'Organization')")


@pytest.mark.parametrize("predicate", ["sanction", "rose_on_news", "mentions"])
def test_relations_refuses_a_predicate_the_ontology_lacks(G, predicate):
    expected = f"predicate must be one of basedIn, .*, worksFor or None \\(got '{predicate}'\\)"
    with pytest.raises(ValueError, match=expected):
        relations(G, predicate)


def test_relations_one_row_per_edge(G):
    table = relations(G)
    assert table[["subject", "predicate", "object", "articles"]].values.tolist() == [
        ["Zhou Zixue", "chairs", SMIC_NAME, 1],
        ["Hua Hong Semiconductor", "fellOnNews", "Chip stocks rally", 1],
        ["United States", "imposes", "US export controls", 1],
        [SMIC_NAME, "roseOnNews", "Chip stocks rally", 1],
        ["United States", "sanctions", "China", 1],  # through its export controls
        ["United States", "sanctions", SMIC_NAME, 1],
        ["US export controls", "targets", "China", 1],
    ]


@pytest.mark.parametrize("predicate", ["sanctions", "roseOnNews", "rose-on-news"])
def test_relations_of_one_predicate(G, predicate):
    table = relations(G, predicate)
    count = 2 if predicate == "sanctions" else 1  # the US sanctions China and SMIC
    assert table.predicate.tolist() == [predicate.replace("rose-on-news", "roseOnNews")] * count


def test_relations_of_an_empty_graph_has_the_columns():
    table = relations(nx.MultiDiGraph())
    assert table.empty
    assert list(table.columns)[:3] == ["subject", "predicate", "object"]


def test_evidence_rows_of_one_edge(G):
    table = evidence(G, "US", "sanctions", "smic")
    assert table.astype(object).where(table.notna(), None).to_dict("records") == [{
        "subject": "United States", "predicate": "sanctions", "object": SMIC_NAME,
        "sentence": SANCTIONS, "title": "US blacklists SMIC", "date": "2020-12-18",
        "link": "https://example.com/a1?x=1&y=2", "source": "a1.txt", "rule": "sanction",
        "percent": None, "market": None, "article": A1,
    }]


def test_evidence_offsets_point_at_the_sentence(G):
    item = G.edges[ZHOU, SMIC, "chairs"]["evidence"][0]
    assert evidence(G, "Zhou Zixue", "chairs").sentence.tolist() == [CHAIRS]
    assert item["end"] - item["start"] == len(CHAIRS)


def test_evidence_by_object_alone(G):
    table = evidence(G, object=SMIC_NAME)
    assert table[["subject", "predicate"]].values.tolist() == [
        ["Zhou Zixue", "chairs"], ["United States", "sanctions"]]


def test_evidence_of_no_edge_is_empty(G):
    assert evidence(G, "Zhou Zixue", "sanctions").empty


def test_share_moves_signs_the_change(G):
    table = share_moves(G)
    assert rows(table[["company", "direction", "percent", "change", "market", "date"]]) == [
        ["Hua Hong Semiconductor", "fell", 2.0, -2.0, None, "2023-08-08"],
        [SMIC_NAME, "rose", 5.5, 5.5, "Hong Kong", "2023-08-08"],
    ]
    assert table.sentence.tolist() == [FELL, ROSE]


def test_share_move_without_a_percentage_has_nan_change():
    G = nx.MultiDiGraph()
    G.add_node("o", type="Organisation", label="Acme")
    G.add_node("a", type="Article", label="News", title="News", date=None)
    item = {"article": "a", "sentence": "Acme rose.", "start": 0, "end": 10, "rule": "r",
            "percent": None, "market": None}
    G.add_edge("o", "a", key="rose-on-news", type="rose-on-news", predicate="roseOnNews",
               evidence=[item], article_count=1)
    assert math.isnan(share_moves(G).change[0])


def test_policies_with_imposer_target_and_dates(G):
    assert policies(G).drop(columns="iri").to_dict("records") == [{
        "label": "US export controls", "kind": "ExportControl", "imposed_by": "United States",
        "targets": "China", "articles": 1, "first_seen": "2020-12-18",
        "last_seen": "2020-12-18",
    }]


def test_articles_by_date(G):
    table = articles(G)
    assert rows(table[["title", "date", "publisher", "entities"]]) == [
        ["US blacklists SMIC", "2020-12-18", "Example News", 5],
        ["Chip stocks rally", "2023-08-08", None, 2],
    ]


def test_tables_without_pandas_name_the_extra(G, monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r'pip install "newsgraph\[notebook\]"'):
        entities(G)


# the public surface


def test_graph_exports_the_tables():
    assert set(newsgraph.graph.tables.__all__) <= set(newsgraph.graph.__all__)
    assert all(getattr(newsgraph.graph, name) is getattr(newsgraph.graph.tables, name)
               for name in newsgraph.graph.tables.__all__)


@pytest.mark.slow
def test_the_readme_evidence_example_returns_its_sentence(seed_graph, capsys):
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    assert 'evidence(G, "Trump administration", "sanctions", "SMIC")' in readme
    table = evidence(seed_graph, "Trump administration", "sanctions", "SMIC")
    # the names are aliases: which entity each was taken for is said
    iri = {d.get("label"): n for n, d in seed_graph.nodes(data=True)}
    trump, smic = "Donald Trump administration", SMIC_NAME
    assert capsys.readouterr().err.splitlines() == [
        f"'Trump administration' is {trump}, by an alias: <{iri[trump]}>",
        f"'SMIC' is {smic}, by an alias: <{iri[smic]}>",
    ]
    assert table.subject.tolist() == ["Donald Trump administration"]
    assert table.object.tolist() == ["Semiconductor Manufacturing International Corporation"]
