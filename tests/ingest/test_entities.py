"""Tests of newsgraph.ingest.entities and newsgraph.ingest.gazetteer: rules on hand-written
input, and a few sentences read by the real model."""

from __future__ import annotations

import pytest

from newsgraph.ingest.documents import Entity, Evidence, Relation
from newsgraph.ingest.entities import (
    author_entities,
    finish_entities,
    group_mentions,
    publication_entity,
)
from newsgraph.ingest.gazetteer import city_of, country_of, demonym_of


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
        # a short name joins the one longer name it begins, unless the rest distinguishes
        ([("Borealis Optics", "ORG"), ("Borealis", "ORG")], [0, 0]),
        ([("Globex", "ORG"), ("Globex Electronics", "ORG")], [0, 1]),
        ([("Borealis Mining", "ORG"), ("Borealis Metals", "ORG"), ("Borealis", "ORG")],
         [0, 1, 2]),
        # a person's first name does not join a company named after them
        ([("Jane Smith", "PERSON"), ("Jane", "PERSON"), ("Jane Street", "ORG")], [0, 1, 2]),
        # a country word before an acronym or a ministry, and a research arm
        ([("EXB", "ORG"), ("US EXB", "ORG")], [0, 0]),
        ([("Ministry of Trade", "ORG"), ("Chinese Ministry of Trade", "ORG")], [0, 0]),
        ([("Chip Makers Association", "ORG"), ("China Chip Makers Association", "ORG")], [0, 1]),
        ([("Vela Securities", "ORG"), ("Vela Securities Research Institute", "ORG")], [0, 0]),
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


@pytest.mark.parametrize(
    ("entities", "publisher", "expected"),
    [
        # a desk byline's acronym and the short name both stand for the title's publication
        ([Entity("DPP", "Organisation", ("DPP Reporters",)), Entity("Post", "Organisation")],
         "Markets: Asia - Daily Planet Post",
         [("Daily Planet Post", ("DPP", "DPP Reporters", "Post"))]),
        # "Site: Section"
        ([Entity("Planet Wire", "Organisation")], "Planet Wire: Business News",
         [("Planet Wire", ())]),
        # a plain publisher line is the publication
        ([], "Planet Wire", [("Planet Wire", ())]),
        # a section title, or a title nothing names, is no publication
        ([], "Top News", []),
        ([], "Markets - Daily Planet Post", []),
        ([], None, []),
    ],
)
def test_publication_entity(entities, publisher, expected):
    rest, publication = publication_entity(entities, publisher)
    found = [(publication.name, publication.aliases)] if publication else []
    assert found == expected
    assert publication is None or publication.type == "Organisation"
    assert rest == [e for e in entities if publication is None or e.name not in
                    (publication.name, *publication.aliases)]


def test_finish_entities_adds_the_publication():
    entities = [Entity("Post", "Organisation"), Entity("Acme", "Organisation")]
    result = finish_entities(entities, [], [], authors=["DPP Reporters"],
                             publisher="Markets - Daily Planet Post")
    assert [(e.name, e.aliases) for e in result] == [
        ("Acme", ()), ("Daily Planet Post", ("DPP", "DPP Reporters", "Post"))]


# ------------------------------------------------------------------------ the real model


@pytest.fixture(scope="module")
def nlp():
    from newsgraph.ingest.pipeline import load_pipeline

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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # two institutions joined by "and"; an owner and what it owns
        ("The poll was run by the Halden Centre and Marlow University.",
         {("Halden Centre", "Organisation"), ("Marlow University", "Organisation")}),
        ("Exports need approval from the Department of Trade's Bureau of Export Review.",
         {("Department of Trade", "Organisation"), ("Bureau of Export Review", "Organisation")}),
        # products and assets are no entities
        ("Veltrix said its chips beat Kestrel's Falcon platform and the Orion chip.",
         {("Kestrel", "Organisation"), ("Veltrix", "Organisation")}),
        ("The company is advancing the Brandkop project in Namibia.", {("Namibia", "Country")}),
        # the parse says organisation where the model says nothing or person
        ("Li Wen, chairman of Sunhe Unigroup, spoke on Friday.",
         {("Li Wen", "Person"), ("Sunhe Unigroup", "Organisation")}),
        ("It was led by the founder of Acme Corp. and leaders of Quorvex, Tanglin Memory...",
         {("Acme Corp.", "Organisation"), ("Quorvex", "Organisation"),
          ("Tanglin Memory", "Organisation")}),
        ("French supermarket retailer Quorvex agreed to sell six stores to rival Acme.",
         {("France", "Country"), ("Quorvex", "Organisation"), ("Acme", "Organisation")}),
        ("By the close, Qiantang Semiconductor was up more than 6%, and Acme rose 2%.",
         {("Acme", "Organisation"), ("Qiantang Semiconductor", "Organisation")}),
        ("The data came from the Ningbo Tin Market (NTM) on Monday.",
         {("Ningbo Tin Market", "Organisation")}),
        # people after a title or a role
        ("Acme chairman and CEO J K Tan said demand was strong.",
         {("Acme", "Organisation"), ("J K Tan", "Person")}),
        ("Republican Senator Jane Doe said the bill would pass.",
         {("Jane Doe", "Person"), ("Republican Party", "Organisation")}),
        # a headline's verb is not part of the name
        ("Borealis Secures $20 Million in New Funding", {("Borealis", "Organisation")}),
        # a law's name, anonymised parties, a set of associations: no organisations
        ("Introduced by Senator Jane Doe, the Safe Robotics for Partners in Industry (SRPI) Act "
         "aims to close gaps.", {("Jane Doe", "Person")}),
        ("Company A has a licence, and Company B and Company D are still waiting.", set()),
        ("Both Robot Makers Associations are members of the World Robot Council.",
         {("World Robot Council", "Organisation")}),
    ],
)
def test_sentences_exactly(nlp, text, expected):
    assert _entities(nlp, text) == expected


def test_demonym_span_is_flagged(nlp):
    doc = nlp("Dutch chipmaker Veldhoven Litho said demand was strong.")
    demonyms = [(s.text, s.label_, s._.ng_name) for s in doc.spans["ng_entities"]
                if s._.ng_demonym]
    assert demonyms == [("Dutch", "Country", "Netherlands")]


@pytest.mark.parametrize("junk", ["AI", "GPU", "IPO"])
def test_common_acronyms_are_no_entities(nlp, junk):
    names = {e.name for e in nlp(f"The {junk} boom lifted shares of Acme Corp.")._.ng_entities}
    assert junk not in names
