"""Tests of ingest.entities and ingest.gazetteer: rules on hand-written input, and a few
sentences read by the real model."""

from __future__ import annotations

import pytest

from ingest.documents import Entity, Evidence, Relation
from ingest.entities import (
    author_entities,
    finish_entities,
    group_mentions,
    initials,
    name_key,
)
from ingest.gazetteer import city_of, country_of, demonym_of


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("U.S.", "United States"),
        ("US", "United States"),
        ("the United States", "United States"),
        ("America", "United States"),
        ("UK", "United Kingdom"),
        ("Britain", "United Kingdom"),
        ("Taiwan", "Taiwan"),
        ("Hong Kong", "Hong Kong"),
        ("the Netherlands", "Netherlands"),
        ("Democratic Republic of Congo", "Democratic Republic of the Congo"),
        ("South Korea", "South Korea"),
        ("Russia", "Russia"),
        ("AI", None),
        ("us", None),
        ("Shanghai", None),
        ("European Union", None),
    ],
)
def test_country_of(name, expected):
    assert country_of(name) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [("Dutch", "Netherlands"), ("Chinese", "China"), ("Americans", "United States"),
     ("South African", "South Africa"), ("Asian", None)],
)
def test_demonym_of(word, expected):
    assert demonym_of(word) == expected


@pytest.mark.parametrize(
    ("city", "country", "capital"),
    [("Washington", "United States", True), ("Beijing", "China", True),
     ("Shanghai", "China", False), ("Tokyo", "Japan", True)],
)
def test_city_of(city, country, capital):
    found = city_of(city)
    assert found is not None
    assert (found.country, found.capital) == (country, capital)


def test_small_town_is_no_city():
    assert city_of("Buford") is None


@pytest.mark.parametrize(
    ("name", "expected"),
    [("The Acme Corp\u2019s", "acme corp"), ("Wan-Li", "wan li"), ("  Globex  ", "globex")],
)
def test_name_key(name, expected):
    assert name_key(name) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [("Robot Makers Association", "RMA"), ("Bank of the North", "BN"),
     ("Pacific Robotics International Corp.", "PRIC")],
)
def test_initials(name, expected):
    assert initials(name) == expected


@pytest.mark.parametrize(
    ("mentions", "expected"),
    [
        ([("Jane Smith", "PERSON"), ("Smith", "PERSON")], [0, 0]),
        # two people share the surname: it joins neither
        ([("Jane Smith", "PERSON"), ("John Smith", "PERSON"), ("Smith", "PERSON")], [0, 1, 2]),
        ([("Robot Makers Association", "ORG"), ("RMA", "ORG")], [0, 0]),
        ([("Globex", "ORG"), ("Globex Technologies Co. Ltd", "ORG")], [0, 0]),
        # a distinguishing word is not a corporate word
        ([("Globex", "ORG"), ("Globex SDI", "ORG")], [0, 1]),
        ([("Acme", "ORG"), ("Acme Corp.", "ORG"), ("acme", "ORG")], [0, 0, 0]),
    ],
)
def test_group_mentions(mentions, expected):
    assert group_mentions(mentions) == expected


def test_author_entities_split_and_desks():
    found = author_entities(["Ann Lee, Bo Chen", "By Ann Lee", "Daily Planet Staff"])
    assert [(e.name, e.type, e.aliases) for e in found] == [
        ("Ann Lee", "Person", ()),
        ("Bo Chen", "Person", ()),
        ("Daily Planet", "Organisation", ("Daily Planet Staff",)),
    ]


class _Span:
    """The two span attributes finish_entities reads."""

    def __init__(self, name, demonym):
        self.label_ = "Country"
        self._ = type("Underscore", (), {"ng_name": name, "ng_demonym": demonym})()


def _relation(subject, obj):
    return Relation(subject, "basedIn", obj, Evidence("", 0, 0, "test"))


@pytest.mark.parametrize(
    ("spans", "relations", "kept"),
    [
        ([_Span("Netherlands", True)], [], []),
        ([_Span("Netherlands", True)], [_relation("Acme", "Netherlands")], ["Netherlands"]),
        ([_Span("Netherlands", True), _Span("Netherlands", False)], [], ["Netherlands"]),
    ],
)
def test_demonym_only_countries_need_a_relation(spans, relations, kept):
    entities = [Entity("Netherlands", "Country", ("Dutch",)), Entity("Acme", "Organisation")]
    result = finish_entities(entities, spans, relations)
    assert [e.name for e in result if e.type == "Country"] == kept
    assert [e.name for e in result if e.type == "Organisation"] == ["Acme"]


def test_authors_join_once():
    entities = [Entity("Ann Lee", "Person")]
    result = finish_entities(entities, [], [], authors=["Ann Lee", "Bo Chen"])
    assert [e.name for e in result] == ["Ann Lee", "Bo Chen"]


# ------------------------------------------------------------------------ the real model


@pytest.fixture(scope="module")
def nlp():
    from ingest.pipeline import load_pipeline

    return load_pipeline()


def _entities(nlp, text):
    doc = nlp(text)
    return {(e.name, e.type) for e in doc._.ng_entities}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("President Joe Biden met reporters. Biden said the talks went well.",
         {("Joe Biden", "Person")}),
        ("The Robot Makers Association (RMA) said its members agreed.",
         {("Robot Makers Association", "Organisation")}),
        ("Washington said the ban would stay. U.S. officials agreed.",
         {("United States", "Country")}),
        ("The Shanghai-based firm Wanli Optics said sales rose.",
         {("China", "Country"), ("Wanli Optics", "Organisation")}),
    ],
)
def test_sentences(nlp, text, expected):
    assert expected <= _entities(nlp, text)


def test_demonym_span_is_flagged(nlp):
    doc = nlp("Dutch chipmaker Veldhoven Litho said demand was strong.")
    demonyms = [(s.text, s.label_, s._.ng_name) for s in doc.spans["ng_entities"]
                if s._.ng_demonym]
    assert demonyms == [("Dutch", "Country", "Netherlands")]


@pytest.mark.parametrize("junk", ["AI", "GPU", "IPO"])
def test_common_acronyms_are_no_entities(nlp, junk):
    names = {e.name for e in nlp(f"The {junk} boom lifted shares of Acme Corp.")._.ng_entities}
    assert junk not in names
