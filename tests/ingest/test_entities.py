"""Tests of newsgraph.ingest.entities: feed authors, the publication, the entities an extraction
keeps, and the component on a few sentences read by the real model."""

from __future__ import annotations

from collections import defaultdict

import pytest
import spacy

from newsgraph.ingest.documents import Entity, Evidence, Relation
from newsgraph.ingest.entities import (
    EntityRecognizer,
    _group_entity,
    _kin_of_person,
    _named_in_full,
    author_entities,
    finish_entities,
    publication_entity,
)
from newsgraph.ingest.mentions import Mention
from newsgraph.ontology import EntityType
from tests.ingest.parses import parse, read_entities


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
        # a court's whole name, across the line breaks of wire copy
        ("NEC Corp filed suit in Tokyo\nDistrict Court to halt it.",
         {("NEC Corp", "Organisation"), ("Tokyo District Court", "Organisation")}),
        ("The suit was filed in the U.S. District Court for the District of Columbia.",
         {("U.S. District Court for the District of Columbia", "Organisation")}),
        # a court named with its district after a comma is one court
        ("A judge of the U.S. District Court, Northern District of Ohio, ruled for Vela Inc.",
         {("U.S. District Court, Northern District of Ohio", "Organisation"),
          ("Vela Inc.", "Organisation")}),
    ],
)
def test_sentences(nlp, text, expected):
    assert expected <= read_entities(nlp, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # another name the text gives a name: in brackets, after ", or", a former name
        ("The Robot Makers Association (RMA) said its members agreed.",
         ("Robot Makers Association", ("RMA",))),
        ("Privately owned Vantor Orbital Systems, or VantorX, is working hard. VantorX said "
         "it was pleased.", ("Vantor Orbital Systems", ("VantorX",))),
    ],
)
def test_other_names_the_text_gives(nlp, text, expected):
    assert expected in {(e.name, e.aliases) for e in nlp(text)._.ng_entities}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a unit named after its company, named in its sentence, is another company
        ("Globex said on Monday the deal would lift patent unit Globex Technologies' sales. "
         "Globex shares rose.", {"Globex", "Globex Technologies"}),
        ("Globex said its venture arm Globex Ventures invested in Initech. Globex shares rose.",
         {"Globex", "Globex Ventures", "Initech"}),
        ("Krupp said subsidiary Krupp Industrietechnik GmbH won an order.",
         {"Krupp", "Krupp Industrietechnik GmbH"}),
        # named elsewhere only, the short name is the unit's own
        ("Acme Corp's medical division Picker International won the order. Picker employs "
         "6,000 people.", {"Acme Corp", "Picker International"}),
    ],
)
def test_a_unit_stays_apart_from_its_company_named_beside_it(nlp, text, expected):
    assert {e.name for e in nlp(text)._.ng_entities} == expected


def test_a_name_or_another_name_is_two_names(nlp):
    names = {e.name for e in nlp("Apple, or Google, may win the contract.")._.ng_entities}
    assert names == {"Apple", "Google"}


def test_a_former_role_at_another_company_is_no_other_name(nlp):
    text = "Jane Doe, formerly Goldman Sachs' head of trading, joined Citadel in March."
    assert {(e.name, e.aliases) for e in nlp(text)._.ng_entities} >= {
        ("Jane Doe", ()), ("Goldman Sachs", ())}


def test_demonym_span_is_flagged(nlp):
    doc = nlp("Dutch chipmaker Veldhoven Litho said demand was strong.")
    demonyms = [(s.text, s.label_, s._.ng_name) for s in doc.spans["ng_entities"]
                if s._.ng_demonym]
    assert demonyms == [("Dutch", "Country", "Netherlands")]


def test_a_mention_groups_by_its_own_evidence_not_the_model_label():
    # "Kestrel" is a person to the model, but "Kestrel chairman" says organisation: it joins
    # the longer name it begins as an organisation's short name would
    doc = EntityRecognizer(spacy.blank("en"))(parse("""
        Kestrel   PROPN NNP B-ORG    compound 1
        Trucks    PROPN NNP I-ORG    nsubj    2
        rose      VERB  VBD O        ROOT     2
        and       CCONJ CC  O        cc       2
        Kestrel   PROPN NNP B-PERSON compound 5
        chairman  NOUN  NN  O        nsubj    6
        spoke     VERB  VBD O        conj     2
    """))
    assert [(e.name, e.type, e.aliases) for e in doc._.ng_entities] == [
        ("Kestrel Trucks", "Organisation", ("Kestrel",))]


def test_a_name_only_ever_one_word_with_organisation_evidence_is_no_person():
    # the model's person labels do not count for "Tarvo", which a noun says is a maker and
    # the document never names in full (news introduces people by their full name)
    doc = EntityRecognizer(spacy.blank("en"))(parse("""
        maker     NOUN  NN  O        compound 1
        Tarvo     PROPN NNP B-PERSON nsubj    2
        said      VERB  VBD O        ROOT     2
        Tarvo     PROPN NNP B-PERSON nsubj    4
        agreed    VERB  VBD O        conj     2
        and       CCONJ CC  O        cc       2
        Tarvo     PROPN NNP B-PERSON nsubj    7
        rose      VERB  VBD O        conj     2
    """))
    assert [(e.name, e.type) for e in doc._.ng_entities] == [("Tarvo", "Organisation")]


@pytest.mark.parametrize(
    ("head", "kept"), [("Trust", []), ("Senate", [("Senate", "Organisation")])])
def test_a_head_word_alone_names_no_entity_unless_a_state_body(head, kept):
    doc = EntityRecognizer(spacy.blank("en"))(parse(f"""
        the       DET   DT  O        det      1
        {head}    PROPN NNP B-ORG    nsubj    2
        agreed    VERB  VBD O        ROOT     2
    """))
    assert [(e.name, e.type) for e in doc._.ng_entities] == kept


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a town the reference data knows is no organisation, whatever the model says
        ("Kestrel Corp is based in San Francisco.", {("Kestrel Corp", "Organisation")}),
        # a town with its state or country after a comma is a place
        ("Kestrel Corp of Glenview, Ill., said it would buy the unit.",
         {("Kestrel Corp", "Organisation")}),
        ("Kestrel's Corpus Christi, Texas refinery will be sold.",
         {("Kestrel", "Organisation")}),
        # a list is no place with its region, nor a possessive
        ("The ban hit Huawei, China and the US alike.",
         {("Huawei", "Organisation"), ("China", "Country"), ("United States", "Country")}),
        ("Sony Corp, Japan's biggest electronics maker, said profit rose.",
         {("Sony Corp", "Organisation"), ("Japan", "Country")}),
        # units and time zones name nothing
        ("The Kestrel plant will generate 500 MW from 0900 GMT.", {("Kestrel", "Organisation")}),
    ],
)
def test_places_and_units_are_no_entities(nlp, text, expected):
    assert read_entities(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the small words of a surname: the model ends the name at them, or starts it after
        ("Commission President Ursula von der Leyen said the bloc would respond. Von der Leyen "
         "later met reporters.",
         {("Ursula von der Leyen", "Person", ("Von der Leyen",)),
          ("Commission", "Organisation", ())}),
        ("The chemical company named Dieter zur Loye as vice chairman.",
         {("Dieter zur Loye", "Person", ())}),
        ("Crown Prince Mohammed bin Salman met executives of Aramco.",
         {("Mohammed bin Salman", "Person", ()), ("Aramco", "Organisation", ())}),
        # what follows a person's name and "of" is their firm, unless a town
        ("Le Monde reported that Bernard Arnault of LVMH met Jean-Paul Agon.",
         {("Bernard Arnault", "Person", ()), ("Jean-Paul Agon", "Person", ()),
          ("LVMH", "Organisation", ())}),
        ("Jane Doe of Seattle spoke to John Roe of Vexcor.",
         {("Jane Doe", "Person", ()), ("John Roe", "Person", ()),
          ("Vexcor", "Organisation", ())}),
        ("Jim Smith of New South Wales said coal exports fell.", {("Jim Smith", "Person", ())}),
        # a surname's small words begin with no article or number after a name
        ("Huang gave Jane Smith ten servers for the lab.",
         {("Huang", "Person", ()), ("Jane Smith", "Person", ())}),
        ("Marine Le Pen said the deal must be rejected. Le Pen said farmers would suffer.",
         {("Marine Le Pen", "Person", ("Le Pen",))}),
    ],
)
def test_names_of_people_in_other_languages_and_their_firms(nlp, text, expected):
    assert {(e.name, e.type, e.aliases) for e in nlp(text)._.ng_entities} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a company the exchanges list is an organisation where the model took it for a person
        ("Novo Nordisk said sales rose.", {("Novo Nordisk", "Organisation", ())}),
        # one word may as well be a person's surname: no vote for it
        ("Senator Lindsey Graham said the bill had 80 co-sponsors. Graham said Russia would "
         "pay a price.",
         {("Lindsey Graham", "Person", ("Graham",)), ("Russia", "Country", ())}),
    ],
)
def test_listed_companies(nlp, text, expected):
    assert {(e.name, e.type, e.aliases) for e in nlp(text)._.ng_entities} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one word only the model calls a person is no entity: a product, a place
        ("The biotechnology concern said its growth hormone, Zentropin, was approved.", set()),
        ("The Venn diagram is pretty big, he said.", set()),
        # but one that acts is someone the news need not introduce
        ("Putin said he was ready to talk.", {("Putin", "Person", ())}),
        # unless a title says so, or the document writes it after another proper noun
        ("President Reagan was ready to act. Reagan might act soon.",
         {("Reagan", "Person", ())}),
        # a first name and a surname a line break parts are one name, written on one line
        ("Nippon Kogyo Co Ltd president Yukio\nKasahara said the firm would grow. Kasahara "
         "told reporters.",
         {("Nippon Kogyo Co Ltd", "Organisation", ()),
          ("Yukio Kasahara", "Person", ("Kasahara",))}),
        ("Vexcor Inc said chairman Gordon\nWu would retire. Wu said the airport would open.",
         {("Vexcor Inc", "Organisation", ()), ("Gordon Wu", "Person", ("Wu",))}),
    ],
)
def test_people_the_text_names(nlp, text, expected):
    assert {(e.name, e.type, e.aliases) for e in nlp(text)._.ng_entities} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a product noun after a name owned or determined says what it is: no entity, even
        # where the name acts elsewhere
        ("Regulators faulted Kestrel Corp over its Vonda operating system. Vonda has helped "
         "the market grow, the company said.", {("Kestrel Corp", "Organisation", ())}),
        # unless more evidence than the model's label says it is a maker
        ("Analysts praised the Vonda Inc platform. Vonda Inc said sales rose.",
         {("Vonda Inc", "Organisation", ())}),
        # "which" says a product is a thing, no more: it is no vote for a company
        ("Acme Corp will supply the Kelvar processors. Analysts said Kelvar, which uses less "
         "power, would sell well.", {("Acme Corp", "Organisation", ())}),
        # a participle of making with its maker after the name
        ("Zentrol, marketed by Acme Corp outside Europe, lost patent protection last year.",
         {("Acme Corp", "Organisation", ())}),
        # what a maker is the maker of, and a medicine's noun after the name
        ("Acme Corp, the maker of Zentrol, said profit rose.",
         {("Acme Corp", "Organisation", ())}),
        ("Acme Corp said sales of its Zentrol tablets rose.",
         {("Acme Corp", "Organisation", ())}),
        # but what says or announces is a company, whatever the text calls it elsewhere
        ("Zentrol, marketed by Acme Corp outside Europe, lost patent protection last year. "
         "Zentrol said it would appeal.",
         {("Acme Corp", "Organisation", ()), ("Zentrol", "Organisation", ())}),
    ],
)
def test_products_the_text_names(nlp, text, expected):
    assert {(e.name, e.type, e.aliases) for e in nlp(text)._.ng_entities} == expected


def test_a_word_written_after_another_proper_noun_is_named_in_full():
    vocab = spacy.blank("en").vocab
    doc = spacy.tokens.Doc(vocab, words=["chairman", "Gordon", "\n", "Wu", "said"],
                           spaces=[True, False, False, True, False],
                           pos=["NOUN", "PROPN", "SPACE", "PROPN", "VERB"])
    assert (_named_in_full(doc, ["Wu"]), _named_in_full(doc, ["Gordon"])) == (True, False)


def _mention(start: int, label: str, organisation: float, person: float) -> Mention:
    votes: defaultdict[str, float] = defaultdict(float)
    votes[EntityType.ORGANISATION], votes[EntityType.PERSON] = organisation, person
    return Mention(start, start + 2, label, votes)


@pytest.mark.parametrize(
    ("parse_vote", "expected"),
    [
        # the parse says once that "Louis Quenby" is a firm: its first name, written three
        # times, is one piece of evidence, weighed once against it
        (2.0, EntityType.ORGANISATION),
        # against the model's labels alone, each mention's first name answers its own
        (0.0, EntityType.PERSON),
    ],
)
def test_a_first_name_repeated_counts_once_against_evidence(parse_vote, expected):
    doc = spacy.blank("en")("Louis Quenby said . Louis Quenby rose . Louis Quenby fell .")
    members = [_mention(0, "ORG", 1.0 + parse_vote, 2.0), _mention(4, "ORG", 1.0, 2.0),
               _mention(8, "PERSON", 0.0, 3.0)]
    typed = _group_entity(doc, members, ["Louis Quenby"] * 3)
    assert typed is not None
    assert typed[1].type == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # "ride-hailing start-up Zelkuai Dai", "Zelkuai Dai, which is backed by": the model's
        # person labels are its guess at a name it does not know
        (0.0, EntityType.ORGANISATION),
        # a title or a role says person: the labels stand
        (2.0, EntityType.PERSON),
    ],
)
def test_the_models_person_labels_against_evidence_in_two_mentions(title, expected):
    doc = spacy.blank("en")("Zelkuai Dai rose . Zelkuai Dai fell . Zelkuai Dai said . Zelkuai "
                            "Dai grew . Zelkuai Dai won .")
    members = [_mention(0, "PERSON", 2.0, 1.0 + title), _mention(4, "PERSON", 2.0, 1.0),
               *(_mention(i, "PERSON", 0.0, 1.0) for i in (8, 12, 16))]
    typed = _group_entity(doc, members, ["Zelkuai Dai"] * 5)
    assert typed is not None
    assert typed[1].type == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a product named after its maker, with nothing saying it is a company: no entity
        ("Globex Inc said it launched its mobile payment Globex Pay in Brazil.",
         {("Globex Inc", "Organisation"), ("Brazil", "Country")}),
        # a unit noun, a head word or a company's legal form listed with it says it is one
        ("Globex Inc said its Globex Merchant Banking Division grew.",
         {("Globex Inc", "Organisation"), ("Globex Merchant Banking Division", "Organisation")}),
        ("The Commerce Department on Monday added Globex, Globex Kangxun Telecommunications Ltd, "
         "Globex Parsian and Beijing 8-Star International Co to a list of firms. Globex said it "
         "would comply.",
         {("Commerce Department", "Organisation"), ("Globex", "Organisation"),
          ("Globex Kangxun Telecommunications Ltd", "Organisation"),
          ("Globex Parsian", "Person"), ("China", "Country")}),
    ],
)
def test_a_product_named_after_its_maker_is_no_entity(nlp, text, expected):
    assert read_entities(nlp, text) == expected



@pytest.mark.parametrize(
    ("name", "votes", "kin"),
    [
        ("Afsar Vanterpool", {"Organisation": 1.0}, True),  # the model's label alone
        ("Afsar Vanterpool", {"Organisation": 3.0}, False),  # evidence beyond it
        ("Vanterpool Media", {"Organisation": 1.0}, False),  # a company's head word
        ("Jane Vanterpool", {"Organisation": 1.0}, False),  # the person named in full
        ("Afsar Corlett", {"Organisation": 1.0}, False),  # no surname of a person
    ],
)
def test_a_name_sharing_a_surname_with_a_person_is_a_person(name, votes, kin):
    members = [Mention(0, 2, "ORG", defaultdict(float, votes))]
    people = [Entity("Jane Vanterpool", "Person")]
    assert _kin_of_person(Entity(name, "Organisation"), members, people) is kin


def test_a_capitalised_word_after_a_dotted_country_abbreviation_is_no_name(nlp):
    text = ("Opening its markets is the key to U.S. Withdrawal of the sanctions, and Tokyo must "
            "open its markets to U.S. Goods. U.S. Senate leaders agreed. U.S. Steel said it would "
            "cut output.")
    assert read_entities(nlp, text) == {
        ("Japan", "Country"), ("U.S. Senate", "Organisation"), ("U.S. Steel", "Organisation")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an acronym of words in lower case names a thing
        ("Jane Roe has expressed preference for Globex Corp's strength in indium gallium zinc "
         "oxide (IGZO) technology.",
         {("Globex Corp", "Organisation"), ("Jane Roe", "Person")}),
        # unless a noun after it makes it a company's business
        ("Jane Roe, head of Globex Corp's automotive and industrial systems (AIS) business, said "
         "so.",
         {("AIS", "Organisation"), ("Globex Corp", "Organisation"), ("Jane Roe", "Person")}),
    ],
)
def test_an_acronym_of_words_in_lower_case_is_no_name(nlp, text, expected):
    assert read_entities(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "votes", "kept"),
    [
        # a town of the reference data named once, on the model's label alone: the place
        ("a plant in San Francisco", [1.0], False),
        # a head word, a noun saying what it is, a legal form or a second mention says
        # organisation
        ("a plant in San Francisco", [3.0], True),
        ("a plant in San Francisco and San Francisco", [1.0, 1.0], True),
        # a name that is no place of the reference data
        ("a plant in Vantorburg Quay", [1.0], True),
    ],
)
def test_a_place_named_once_with_no_evidence_of_an_organisation_is_no_entity(text, votes, kept):
    doc = spacy.blank("en")(text)
    members = [_mention(i, "ORG", vote, 0.0) for i, vote in zip((3, 6), votes, strict=False)]
    name = doc[3:5].text
    assert (_group_entity(doc, members, [name] * len(members)) is not None) is kept


def test_a_city_the_model_reads_as_an_organisation_is_no_entity(nlp):
    text = "Globex Corp said it would build a plant in Sendai, northern Japan."
    assert ("Sendai", "Organisation") not in read_entities(nlp, text)
    assert ("Globex Corp", "Organisation") in read_entities(nlp, text)


@pytest.mark.parametrize(
    ("name", "kept"),
    [
        # a town's name that a listed company's begins with ("Toyota Motor") stays
        ("Toyota", True),
        ("Sendai", False),
    ],
)
def test_a_town_named_as_a_listed_company_is_begun_stays(name, kept):
    doc = spacy.blank("en")(f"a plant in {name} today")
    members = [_mention(3, "ORG", 1.0, 0.0)]
    assert (_group_entity(doc, members, [name]) is not None) is kept


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a common noun capitalised as a sentence's first word, a lower-case noun after it
        ("Buyout firm Vantor Partners and the private equity arm of activist fund Globex "
         "Management Corp are in advanced talks to acquire Initech Inc's software division.",
         {("Vantor Partners", "Organisation"), ("Globex Management Corp", "Organisation"),
          ("Initech Inc", "Organisation")}),
        ("Hedge fund Globex Management Corp, which disclosed an 8.8 percent stake in Initech, "
         "said it would vote.",
         {("Globex Management Corp", "Organisation"), ("Initech", "Organisation")}),
        ("LONDON Tech giant Globex Corp on Tuesday denied a report.",
         {("Globex Corp", "Organisation")}),
        ("LONDON Ride service Vantor on Thursday asked a judge to stop Globex.",
         {("Vantor", "Organisation")}),
        # what an organisation has after its name, or a listed company's name: it stays
        ("Pentagon officials said the contract went to Globex Corp on Monday.",
         {("Pentagon", "Organisation"), ("Globex Corp", "Organisation")}),
        ("Grab shares rose 5 percent after Globex Corp said it would buy the company.",
         {("Grab", "Organisation"), ("Globex Corp", "Organisation")}),
    ],
)
def test_a_common_noun_capitalised_only_to_open_a_sentence_is_no_name(nlp, text, expected):
    assert read_entities(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jane Roe won the Iowa Caucus on Monday, beating Joe Doe.",
         {("Jane Roe", "Person"), ("Joe Doe", "Person")}),
        ("Jane Roe spoke at the Venice Summit on Friday.", {("Jane Roe", "Person")}),
        # a conference may be a standing body
        ("The Acme Conference said it had expelled Globex Inc.",
         {("Acme Conference", "Organisation"), ("Globex Inc.", "Organisation")}),
    ],
)
def test_an_event_is_no_organisation(nlp, text, expected):
    assert read_entities(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a town named with its state elsewhere is the place wherever the text names it
        ("Acme Inc said production at its Vantorville, Quebec, copper mine was shut down by a "
         "fire. Copper grade was 1.32 pct at Vantorville, Jane Roe said. The smelter at "
         "Vantorville has not been shut down.",
         {("Acme Inc", "Organisation"), ("Jane Roe", "Person")}),
        # a part of the country before it
        ("In Sweden Globex is buying power from a 22-turbine project near Mariestad, central "
         "Sweden, which will be completed by early 2018.", {("Sweden", "Country")}),
    ],
)
def test_a_town_with_its_region_is_no_organisation(nlp, text, expected):
    assert read_entities(nlp, text) == expected


def test_a_name_in_a_list_of_countries_is_no_town(nlp):
    text = ("Iran emerged from years of isolation this month when the United Nations' nuclear "
            "watchdog ruled it had curbed its program, clearing the way for the lifting of U.N., "
            "U.S., and European Union sanctions. Russia backed U.N. sanctions against Iran.")
    assert ("United Nations", "Organisation") in read_entities(nlp, text)
