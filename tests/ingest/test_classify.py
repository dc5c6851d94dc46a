"""Tests of newsgraph.ingest.classify: the type of a mention from the evidence about it, on
hand-built parses and on sentences read by the real model."""

from __future__ import annotations

import pytest

from newsgraph.ingest.classify import classify
from newsgraph.ingest.mentions import Candidate
from tests.ingest.parses import parse, read_entities

CHIPMAKER = """
    the        DET   DT  O      det      2
    Dutch      ADJ   JJ  B-NORP amod     2
    chipmaker  NOUN  NN  O      compound 3
    Quorvex    PROPN NNP B-ORG  nsubj    4
    rose       VERB  VBD O      ROOT     4
"""
BEIJING = """
    Beijing    PROPN NNP B-GPE  nsubj    1
    said       VERB  VBD O      ROOT     1
"""
PRODUCT = """
    Acme       PROPN NNP O      nsubj    1
    sells      VERB  VBZ O      ROOT     1
    the        DET   DT  O      det      4
    Orion      PROPN NNP B-ORG  compound 4
    chip       NOUN  NN  O      dobj     1
"""
TITLED = """
    President  PROPN NNP O        compound 2
    Shanghai   PROPN NNP B-PERSON compound 2
    Wanli      PROPN NNP I-PERSON nsubj    3
    spoke      VERB  VBD O        ROOT     3
"""

OWNER = """
    Ajei       PROPN NNP B-PERSON compound 1
    Gopal      PROPN NNP I-PERSON nsubj    7
    ,          PUNCT ,   O        punct    1
    Quorvex    PROPN NNP B-NORP   poss     5
    's         PART  POS O        case     3
    president  NOUN  NN  O        appos    1
    ,          PUNCT ,   O        punct    1
    said       VERB  VBD O        ROOT     7
"""

LEGAL = """
    Morlund    PROPN NNP B-PERSON compound 1
    GmbH       PROPN NNP I-PERSON nsubj    2
    said       VERB  VBD O        ROOT     2
"""

LEGAL_NO_LIABILITY = """
    Zorbite    PROPN NNP B-PERSON compound 2
    Corp       PROPN NNP I-PERSON compound 2
    N.L.       PROPN NNP I-PERSON nsubj    3
    said       VERB  VBD O        ROOT     3
"""

GIVEN = """
    Carl       PROPN NNP B-ORG    compound 1
    Vostrand   PROPN NNP I-ORG    nsubj    2
    said       VERB  VBD O        ROOT     2
    Dean       PROPN NNP B-ORG    compound 5
    Marlow     PROPN NNP I-ORG    compound 5
    Bank       PROPN NNP I-ORG    dobj     2
    and        CCONJ CC  O        cc       1
    Morgan     PROPN NNP B-ORG    compound 8
    Stanley    PROPN NNP I-ORG    conj     1
"""

WORLD_GIVEN = """
    Jyrki      PROPN NNP B-ORG    compound 1
    Vantaala   PROPN NNP I-ORG    nsubj    2
    said       VERB  VBD O        ROOT     2
    Jacques    PROPN NNP B-ORG    compound 5
    Vostrand   PROPN NNP I-ORG    compound 5
    Inc        PROPN NNP I-ORG    dobj     2
    and        CCONJ CC  O        cc       1
    Islam      PROPN NNP B-ORG    compound 8
    Vantaala   PROPN NNP I-ORG    conj     1
"""

WIFE = """
    his        PRON  PRP$ O        poss     2
    first      ADJ   JJ   O        amod     2
    wife       NOUN  NN   O        ROOT     2
    ,          PUNCT ,    O        punct    2
    Marla      PROPN NNP  B-ORG    appos    2
"""

SPOKESPERSON = """
    spokesperson NOUN  NN  O      ROOT     0
    for          ADP   IN  O      prep     0
    the          DET   DT  O      det      3
    group        NOUN  NN  O      pobj     1
    ,            PUNCT ,   O      punct    0
    Quorvex      PROPN NNP B-ORG  appos    0
"""

PRONOUN_NEXT = """
    Quell      PROPN NNP B-ORG    compound 1
    Tarabi     PROPN NNP I-ORG    nsubj    2
    warned     VERB  VBD O        ROOT     2
    .          PUNCT .   O        punct    2
    He         PRON  PRP O        nsubj    5
    said       VERB  VBD O        ROOT     5
    so         ADV   RB  O        advmod   5
    .          PUNCT .   O        punct    5
"""

PRODUCT_LIST = """
    Acme       PROPN NNP O      nsubj    1
    recalled   VERB  VBD O      ROOT     1
    Orion      PROPN NNP B-ORG  compound 7
    ,          PUNCT ,   O      punct    2
    Vega       PROPN NNP B-ORG  conj     2
    and        CCONJ CC  O      cc       2
    Lyra       PROPN NNP B-ORG  conj     2
    vehicles   NOUN  NNS O      dobj     1
"""

FIELD = """
    from       ADP   IN  O      ROOT     0
    Norway     PROPN NNP B-GPE  poss     4
    's         PART  POS O      case     1
    Vexa       PROPN NNP B-ORG  compound 4
    field      NOUN  NN  O      pobj     0
"""

BUILDING = """
    backed     VERB  VBN O      ROOT     0
    by         ADP   IN  O      agent    0
    Vostrand   PROPN NNP B-FAC  compound 4
    Hathaway   PROPN NNP I-FAC  compound 4
    Inc        PROPN NNP I-FAC  pobj     1
"""

CO_CEO = """
    said       VERB  VBD O        ROOT     0
    co-CEOs    NOUN  NNS O        compound 3
    Tarvo      PROPN NNP B-ORG    compound 3
    Quenby     PROPN NNP I-ORG    nsubj    0
"""

STATE = """
    in         ADP   IN  O        ROOT     0
    Fla.       PROPN NNP B-PERSON pobj     0
"""

CITY_GOVERNMENT = """
    the        DET   DT  O      det      2
    Oslo       PROPN NNP B-ORG  compound 2
    government NOUN  NN  O      nsubj    3
    said       VERB  VBD O      ROOT     3
"""


def _typed(table, start, end, label, *, titled=False, pattern=False):
    mention = classify(parse(table), Candidate(start, end, label, titled, pattern))
    if mention is None:
        return None
    votes = {kind: weight for kind, weight in mention.votes.items() if weight}
    return mention.label, votes, mention.country, mention.demonym


@pytest.mark.parametrize(
    ("table", "start", "end", "label", "expected"),
    [
        # the model's label, and a noun beside the name
        (CHIPMAKER, 3, 4, "ORG", ("ORG", {"Organisation": 3.0}, None, False)),
        (CHIPMAKER, 3, 4, "PERSON", ("PERSON", {"Person": 1.0, "Organisation": 2.0}, None, False)),
        # a nationality word and a capital are mentions of their country
        (CHIPMAKER, 1, 2, "NORP", ("NORP", {}, "Netherlands", True)),
        # a nationality word before a lowercase word, whatever the model's label
        (CHIPMAKER, 1, 2, "ORG", ("ORG", {}, "Netherlands", True)),
        (BEIJING, 0, 1, "GPE", ("GPE", {}, "China", False)),
        # a city the model took for an organisation, before "government"
        (CITY_GOVERNMENT, 1, 2, "ORG", ("ORG", {}, "Norway", False)),
        # a capital the model took for an organisation, as the subject of a verb
        (BEIJING, 0, 1, "ORG", ("ORG", {}, "China", False)),
        # a product noun after a determiner and the name, which says what the name is
        (PRODUCT, 3, 4, "ORG",
         ("ORG", {"Organisation": 1.0, "Product": 2.0, "DefinedProduct": 1.0}, None, False)),
        # a place owns an asset the noun after the name says it is ("Norway's Vexa field")
        (FIELD, 3, 4, "ORG",
         ("ORG", {"Organisation": 1.0, "Product": 2.0, "DefinedProduct": 1.0}, None, False)),
        # a product noun after the name alone says nothing ("Nvidia chips")
        (PRODUCT_LIST, 6, 7, "ORG", ("ORG", {"Organisation": 1.0}, None, False)),
        # a legal form makes a building's name a company's
        (BUILDING, 2, 5, "FAC", ("NAME", {"Organisation": 22.25}, None, False)),
        (BUILDING, 2, 4, "FAC", None),
        # no nationality owns a president: a "nationality" that does is a name
        (OWNER, 3, 4, "NORP", ("NAME", {"Organisation": 2.25}, None, False)),
        # a role only a person has, just before the name
        (CO_CEO, 2, 4, "ORG", ("ORG", {"Organisation": 1.0, "Person": 2.0}, None, False)),
        # a state's abbreviation is no person
        (STATE, 1, 2, "PERSON", None),
        # a leading place name, and a title
        (TITLED, 1, 3, "PERSON",
         ("PERSON", {"Person": 3.0, "Organisation": 2.0}, None, False)),
        # a label of none of our types
        (BEIJING, 1, 2, "EVENT", None),
        # a common first name votes for a person, not before an organisation's head word,
        # and not a first name too rare to be safe ("Morgan"; Morgan Stanley's shares trade on
        # an exchange: a vote for an organisation)
        (GIVEN, 0, 2, "ORG", ("ORG", {"Organisation": 1.0, "Person": 2.0}, None, False)),
        (GIVEN, 3, 6, "ORG", ("ORG", {"Organisation": 3.0}, None, False)),
        (GIVEN, 7, 9, "ORG", ("ORG", {"Organisation": 3.0}, None, False)),
        # so does a first name of another country than the US, which the census lists lack;
        # a company named after its founder stays one, and an English word is no first name
        (WORLD_GIVEN, 0, 2, "ORG", ("ORG", {"Organisation": 1.0, "Person": 2.0}, None, False)),
        (WORLD_GIVEN, 3, 6, "ORG", ("ORG", {"Organisation": 23.0}, None, False)),
        (WORLD_GIVEN, 7, 9, "ORG", ("ORG", {"Organisation": 1.0}, None, False)),
        # a role only a person has, set off before the name in apposition, but not when more
        # than a comma stands between them ("a spokesperson for the group, Quorvex")
        (WIFE, 4, 5, "ORG", ("ORG", {"Organisation": 1.0, "Person": 2.0}, None, False)),
        (SPOKESPERSON, 5, 6, "ORG", ("ORG", {"Organisation": 1.0}, None, False)),
        # "he" or "she" opening the next sentence as its subject, after a name of two words
        # or more that is the subject of its own, counts as much as the model's label
        (PRONOUN_NEXT, 0, 2, "ORG", ("ORG", {"Organisation": 1.0, "Person": 1.0}, None, False)),
        (PRONOUN_NEXT, 1, 2, "ORG", ("ORG", {"Organisation": 1.0}, None, False)),
        # a legal form outweighs the parse (and it is a head word too)
        (LEGAL, 0, 2, "PERSON", ("PERSON", {"Person": 1.0, "Organisation": 22.0}, None, False)),
        # the legal forms of public registers beyond the common ones ("N.L.": no liability)
        (LEGAL_NO_LIABILITY, 0, 3, "PERSON",
         ("PERSON", {"Person": 1.0, "Organisation": 20.0}, None, False)),
    ],
)
def test_classify(table, start, end, label, expected):
    assert _typed(table, start, end, label) == expected


def test_a_title_stripped_from_the_name_counts_for_a_person():
    assert _typed(BEIJING, 0, 1, "PERSON", titled=True) == (
        "PERSON", {"Person": 3.0}, None, False)


def test_a_pattern_match_counts_for_an_organisation():
    assert _typed(CHIPMAKER, 3, 4, "ORG", pattern=True) == (
        "ORG", {"Organisation": 5.0}, None, False)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # products and assets are no entities
        ("Veltrix said its chips beat Kestrel's Falcon platform and the Orion chip.",
         {("Kestrel", "Organisation"), ("Veltrix", "Organisation")}),
        ("The company is advancing the Brandkop project in Namibia.", {("Namibia", "Country")}),
        ("Veltrix said its Orbiter software grew.",
         {("Veltrix", "Organisation")}),
        # a model's designator in the name or just before it; a short number names a
        # broadcaster too, and a maker stays what it is before its model
        ("Veltrix said sales of the Orion S3 rose. The driver of the 2015 Model S died.",
         {("Veltrix", "Organisation")}),
        ("Veltrix sold 20 jets to Kestrel Air, and it shifts a factory to the upgraded 737 "
         "Vega.", {("Veltrix", "Organisation"), ("Kestrel Air", "Organisation")}),
        ("Channel 4 said Boeing 737 orders rose.",
         {("Channel 4", "Organisation"), ("Boeing", "Organisation")}),
        ("Kestrel launched missions with its American-made Falcon rockets.",
         {("Kestrel", "Organisation"), ("United States", "Country")}),
        # a noun that says what a company is, capitalised as the sentence begins, is no part
        # of its name; before a legal form alone it stays
        ("Chipmaker Veltrix rose 4%. Lender Kestrel Bank said so. Insurer AG said so.",
         {("Veltrix", "Organisation"), ("Kestrel Bank", "Organisation"),
          ("Insurer AG", "Organisation")}),
        # a government body is named with the country the text gives it, so that one name in
        # two countries' news stays two bodies; a body named with its country keeps it
        ("China's Ministry of Commerce said it opposes the rules. The Ministry of Commerce "
         "also said so. India's Justice Ministry and the U.S. Commerce Department agreed.",
         {("China", "Country"), ("India", "Country"),
          ("Chinese Ministry of Commerce", "Organisation"),
          ("Indian Justice Ministry", "Organisation"),
          ("U.S. Commerce Department", "Organisation")}),
        # the whole country before the possessive; a state's name, a common noun and a
        # country whose people's word is no adjective ("Icelander") leave the name as it is
        ("North Korea's Foreign Ministry tested a missile. Georgia's Department of Revenue "
         "fined Acme Inc on Monday. The island's Ministry of Economic Affairs said so. "
         "Iceland's Ministry of Finance agreed.",
         {("North Korea", "Country"), ("Georgia", "Country"), ("Iceland", "Country"),
          ("North Korean Foreign Ministry", "Organisation"), ("Acme Inc", "Organisation"),
          ("Department of Revenue", "Organisation"),
          ("Ministry of Economic Affairs", "Organisation"),
          ("Ministry of Finance", "Organisation")}),
        # what the text says the thing is, before its name or beside it, outweighs the
        # model's labels of every mention; a maker, a vehicle for investing, stay companies
        ("Veltrix Plc said sales of its ulcer drug Orvex rose. Orvex outsells Tamex, the "
         "anti-ulcer drug made by Kestrel Corp. Orvex sales were strong. Analysts said Orvex "
         "would keep growing.",
         {("Veltrix Plc", "Organisation"), ("Kestrel Corp.", "Organisation")}),
        ("The drug maker Pfizer said it sells the electric car Bolt EV. Halden Holding, the "
         "investment vehicle of the family, bought shares.",
         {("Pfizer", "Organisation"), ("Halden Holding", "Organisation")}),
        # what sanctions are on, or whom a verb of sanctioning names, is a party, whatever
        # place the model took the name for; a place the reference data knows stays one
        ("The European Union imposed sanctions on Sovcomflot last week. The U.S. imposed "
         "sanctions on Iran.",
         {("European Union", "Organisation"), ("Sovcomflot", "Organisation"),
          ("United States", "Country"), ("Iran", "Country")}),
        # a maker before its model stays the maker
        ("Emirates ordered 30 of the jetliner Airbus A350 on Monday. Airbus shares rose 2%.",
         {("Airbus", "Organisation")}),
        # a province before the legal-form name it begins is part of it; alone, a place
        ("Acme Inc signed an agreement with the government of Guizhou province and announced the "
         "Guizhou Huaxintong Semi-Conductor Technology Co Ltd, a joint venture.",
         {("Acme Inc", "Organisation"),
          ("Guizhou Huaxintong Semi-Conductor Technology Co Ltd", "Organisation")}),
        # a body's name before a commissioner's title is the body's ("FDA Commissioner X")
        ("FDA Commissioner Robert Califf said the agency would review the drug.",
         {("FDA", "Organisation"), ("Robert Califf", "Person")}),
        # wire copy's capital on a common word after a dotted country abbreviation
        ("Rivals could end up harming U.S. Firms, analysts said. Many firms agreed. U.S. Steel "
         "said steel prices rose.", {("U.S. Steel", "Organisation")}),
        # a word of what a firm is, or a modifier of a noun, after a dotted abbreviation
        ("Initech sold the U.S. Firm's chips. The deal was an attempt by U.K. Truck "
         "manufacturers to cut costs.", {("Initech", "Organisation")}),
        # a continent's adjective describes its noun; it names no organisation
        ("Veltrix has been out-manoeuvred by upstart Asian rivals and African lenders.",
         {("Veltrix", "Organisation")}),
        # the parse says organisation where the model says nothing or person
        ("\"I think it fits,\" Harris Quint analyst Tom Reed said.",
         {("Harris Quint", "Organisation"), ("Tom Reed", "Person")}),
        ("Li Wen, chairman of Sunhe Unigroup, spoke on Friday.",
         {("Li Wen", "Person"), ("Sunhe Unigroup", "Organisation")}),
        ("It was led by the founder of Acme Corp. and leaders of Quorvex, Tanglin Memory...",
         {("Acme Corp.", "Organisation"), ("Quorvex", "Organisation"),
          ("Tanglin Memory", "Organisation")}),
        ("French supermarket retailer Quorvex agreed to sell six stores to rival Acme.",
         {("France", "Country"), ("Quorvex", "Organisation"), ("Acme", "Organisation")}),
        # a noun saying what it is, or an exchange code, makes a city's name a company's
        ("Shares of telecoms company Orange and lender Santander rose.",
         {("Orange", "Organisation"), ("Santander", "Organisation")}),
        ("Norway's Velmora (VEL.OL) rose on Monday.",
         {("Norway", "Country"), ("Velmora", "Organisation")}),
        ("Chancellor Olaf Scholz (SPD.DE) spoke.", {("Olaf Scholz", "Person")}),
        # what an investment is in is a company; so is a name after a noun saying what it is
        # that is not a person's
        ("Acme Inc said it has invested $1 billion in Kestrel Tarvo. Kestrel Tarvo said it "
         "was pleased.",
         {("Acme Inc", "Organisation"), ("Kestrel Tarvo", "Organisation")}),
        ("Orange owns the online property marketplace Lamudi Norte.",
         {("Lamudi Norte", "Organisation")}),
        ("He spoke with his counterpart Wang Yi and with billionaire Jack Ma.",
         {("Wang Yi", "Person"), ("Jack Ma", "Person")}),
        ("Former guerrilla Rodrigo Londono signed. The rookie Caitlin Clark scored.",
         {("Rodrigo Londono", "Person"), ("Caitlin Clark", "Person")}),
        # a name the model reads with an amount after it ends before the amount
        ("Google rose. The European Commission fined Google 2.4 billion euros.",
         {("Google", "Organisation"), ("European Commission", "Organisation")}),
        # a party adjective before a politician names the party
        ("Republican Senator Jane Doe said the bill would pass.",
         {("Jane Doe", "Person"), ("Republican Party", "Organisation")}),
        # a word of an industry at the end of a name makes it an organisation's
        ("Tarvale Refining said on Monday it would close a plant.",
         {("Tarvale Refining", "Organisation")}),
        # a legal form makes the name a company, and its short form with it
        ("Morlund GmbH makes pumps. Morlund said on Monday that Morlund would cut 200 jobs.",
         {("Morlund GmbH", "Organisation")}),
        # the names of a credit line are people, its places and desks no entities
        ("Acme Corp said sales rose. (Additional reporting by Sweta Rangh and Ankit Ajmor in "
         "Bengaluru; Editing by Mi-Ran Chakrab and the Tarsk Monitoring Desk)",
         {("Acme Corp", "Organisation"), ("Sweta Rangh", "Person"), ("Ankit Ajmor", "Person"),
          ("Mi-Ran Chakrab", "Person")}),
        # a surname before a generational suffix is the person's
        ("Paul Kestrin Jr, president of Tarvex, and Kestrin said so.",
         {("Paul Kestrin Jr", "Person"), ("Tarvex", "Organisation")}),
        # a seat of government, a historic name and a country's government are the country;
        # a leader's administration is an organisation
        ("The Kremlin said the Soviet Union would buy grain from West Germany, the U.S. "
         "Government said.",
         {("Russia", "Country"), ("Germany", "Country"), ("United States", "Country")}),
        ("The Chinese authorities met Philippine officials. The Trump administration agreed.",
         {("China", "Country"), ("Philippines", "Country"),
          ("Trump administration", "Organisation")}),
        # a law's name, whole or in part, and a set of associations: no organisations
        ("Tarvex Corp broke the U.S. Clean Rivers Act, regulators said.",
         {("Tarvex Corp", "Organisation")}),
        ("Introduced by Senator Jane Doe, the Safe Robotics for Partners in Industry (SRPI) Act "
         "aims to close gaps.", {("Jane Doe", "Person")}),
        ("Both Robot Makers Associations are members of the World Robot Council.",
         {("World Robot Council", "Organisation")}),
        # the pronoun that refers back to a subject says what it is; what one heads is an
        # organisation; a pronoun in a clause with a subject of its own is that subject's
        ("Yukos said its lawyers would appeal.", {("Yukos", "Organisation")}),
        ("Mikhail Khodorkovsky, who heads Yukos, was arrested.",
         {("Mikhail Khodorkovsky", "Person"), ("Yukos", "Organisation")}),
        # a role in apposition that is the speaker of the clause after it is none of the name's
        ("Boeing Co was sued by Airbus, a spokeswoman for Boeing said.",
         {("Boeing Co", "Organisation"), ("Airbus", "Organisation")}),
        # what one buys or acquires is an organisation, and "Pharma" ends one's name
        ("Boeing agreed to buy Embraer.",
         {("Boeing", "Organisation"), ("Embraer", "Organisation")}),
        # and what an acquisition, a merger or a bid is of, with or for
        ("The Federal Trade Commission is reviewing Microsoft's acquisition of Activision "
         "Blizzard.",
         {("Federal Trade Commission", "Organisation"), ("Microsoft", "Organisation"),
          ("Activision Blizzard", "Organisation")}),
        ("Vexcor agreed to a merger with Tarvell Quenby.",
         {("Vexcor", "Organisation"), ("Tarvell Quenby", "Organisation")}),
        ("Redstone Pharma was acquired by Bayer for $4 billion last year.",
         {("Redstone Pharma", "Organisation"), ("Bayer", "Organisation")}),
        ("GenCorp spokesman Rip Tilden said the company will keep its plants.",
         {("GenCorp", "Organisation"), ("Rip Tilden", "Person")}),
        # "which" on a name is a thing's, "who" a person's, but not on a name after "of"
        ("Yukos, which owns Yuganskneftegaz, faces a tax bill.",
         {("Yukos", "Organisation"), ("Yuganskneftegaz", "Organisation")}),
        # a person's pronoun in a clause of its own may be another's; "who" says nothing
        ("Tom Jones was fired. Ford said his contract had ended.",
         {("Tom Jones", "Person"), ("Ford", "Organisation")}),
        ("Nike, who sponsors Tiger Woods, said sales rose.",
         {("Nike", "Organisation"), ("Tiger Woods", "Person")}),
        # one word the text also writes in lower case is a common word, not a name
        ("Digital\n\nThe bank said digital sales rose. Hedge funds bought what hedge funds "
         "buy, Tarvex Corp said.",
         {("Tarvex Corp", "Organisation")}),
        # "it" as the subject of a clause below refers back to an organisation, unless its
        # verb is one "it" says nothing with; a name the model did not tag is proposed
        ("Marlowe said it would appeal the ruling.", {("Marlowe", "Organisation")}),
        ("Marlowe said it would rain.", {("Marlowe", "Person")}),
        ("Quorvex reported its profits rose.", {("Quorvex", "Organisation")}),
        # where an analyst or an economist works is an organisation, whatever the model's
        # label; a legal form makes a name the model read as a building a company's
        ("Jane Doe, an economist at Tarvell Quenby, said so.",
         {("Jane Doe", "Person"), ("Tarvell Quenby", "Organisation")}),
        # another language's company word in the name, or its article first: no person
        # where the worker a name introduces works is an organisation
        ('"Demand will fall," analyst Rosa Quenby of L.T. Marlowe said.',
         {("Rosa Quenby", "Person"), ("L.T. Marlowe", "Organisation")}),
        # a platform named by its kind is a company's service
        ("Globex signed up with online payment platform Zelpay to let travellers pay.",
         {("Zelpay", "Organisation")}),
        ("He met Dewi Sari Utama in Jakarta.",
         {("Dewi Sari Utama", "Organisation"), ("Indonesia", "Country")}),
        ("The bank owned two newspapers: La Gaceta and El Faro.",
         {("La Gaceta", "Organisation"), ("El Faro", "Organisation")}),
    ],
)
def test_sentences_exactly(nlp, text, expected):
    assert read_entities(nlp, text) == expected


def test_a_name_written_elsewhere_with_a_legal_form_is_a_company(nlp):
    # the markup hides "<Zorvic Ltd>" from the model, which reads the later "Zorvic" alone
    text = ("Victoria's <Zorvic Ltd> will hold a stake. Zorvic would have the right to "
            "appoint managers, he said.")
    assert ("Zorvic", "Organisation") in read_entities(nlp, text)


def test_a_role_before_a_name_over_a_line_break_is_a_persons(nlp):
    # wrapped wire copy: "president" and the name are on two lines
    text = ("Hooli offered a stake to eight firms and two European companies, Hooli president"
            "\nTadao Kuroki said.")
    assert ("Tadao Kuroki", "Person") in read_entities(nlp, text)


def test_a_place_label_on_a_name_ending_in_an_organisations_word_is_a_name(nlp):
    # the model reads both as places; only the one ending in "Media" names a company
    entities = read_entities(nlp, "Jane Roe funded a lawsuit against Tarn Valley Media.")
    assert ("Tarn Valley Media", "Organisation") in entities
    assert read_entities(nlp, "Jane Roe funded a lawsuit against Lake Vorlan.") == {
        ("Jane Roe", "Person")}


def test_a_name_after_the_field_a_role_is_of_holds_the_role(nlp):
    # "director of copyright activism X": X is the director, not what the role is of
    assert read_entities(nlp, "EFF director of copyright activism Porter Haskins wrote in a "
                              "blog post.") == {("EFF", "Organisation"),
                                                ("Porter Haskins", "Person")}
    # a noun of a kind of organisation says what the name after it is
    assert ("Vonda", "Organisation") in read_entities(
        nlp, "Kestrel Corp said it named Jane Doe as head of chipmaker Vonda.")


def test_a_reporter_who_reported_from_a_place_is_a_person(nlp):
    text = ("Acme Corp recalled 900 cars on Monday. Vane Corlett reported from Washington and "
            "Tallyard from Los Angeles.")
    assert read_entities(nlp, text) == {
        ("Acme Corp", "Organisation"), ("Vane Corlett", "Person"), ("Tallyard", "Person"),
        ("United States", "Country")}


def test_what_a_person_named_in_full_is_of_is_an_organisation(nlp):
    text = ("In a statement, Jane Roe of Hartley Dunn, the company's lawyer, called the lawsuit "
            "unfortunate.")
    assert read_entities(nlp, text) == {("Jane Roe", "Person"), ("Hartley Dunn", "Organisation")}


def test_what_the_text_says_a_name_is_makes_it_a_product(nlp):
    text = ("Zantrex is the world's most prescribed drug with annual sales of over one billion "
            "dollars, accounting for almost 75 pct of Glaxon's earnings.")
    assert read_entities(nlp, text) == {("Glaxon", "Organisation")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a party adjective before one who runs for office names the party
        ("The presumptive Republican presidential nominee Jane Roe sued Globex Corp.",
         {("Globex Corp.", "Organisation"), ("Republican Party", "Organisation"),
          ("Jane Roe", "Person")}),
        # a party's noun after a person's name, with the state they are of
        ("Officials like Senator Jane Roe, Democrat of Massachusetts, championed the bureau.",
         {("Democratic Party", "Organisation"), ("Jane Roe", "Person")}),
        # a party's initial and a US state in brackets after a politician's name
        ("Under questioning by Rep. Mary Poe (R-NY), the secretary said nothing.",
         {("Mary Poe", "Person"), ("Republican Party", "Organisation")}),
        ("Under questioning by Mary Poe (R-Lyon), the secretary said nothing.",
         {("Mary Poe", "Person")}),
        # a party's noun in apposition to a person's name, after the state they are of
        ("Jane Roe, a Vermont Democrat, criticised the bill yesterday.",
         {("Democratic Party", "Organisation"), ("Jane Roe", "Person")}),
        # a person's name set off after "the <role> of <organisation>" is the role's holder
        ("If approved, the president of Globex, Jane Doe, will be nominated as chairman.",
         {("Globex", "Organisation"), ("Jane Doe", "Person")}),
    ],
)
def test_a_party_word_beside_a_politician_names_the_party(nlp, text, expected):
    assert read_entities(nlp, text) == expected


def test_names_listed_after_a_plural_noun_of_companies_are_organisations(nlp):
    text = ("Globex Corp offers faster Wi-Fi services to airlines like Acme Air, Vela Jet and "
            "Initech America, Jane Roe said.")
    assert read_entities(nlp, text) == {
        ("Acme Air", "Organisation"), ("Globex Corp", "Organisation"),
        ("Initech America", "Organisation"), ("Jane Roe", "Person"), ("Vela Jet", "Organisation")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a portfolio before a minister's title in lower case names the office, no body
        ("British Corporate Affairs minister Jane Roe leaves for Japan on Friday, Globex Corp "
         "said.", {("Japan", "Country"), ("Jane Roe", "Person"), ("Globex Corp", "Organisation")}),
        ("The report was submitted to Cabinet ministers, Globex Corp said.",
         {("Globex Corp", "Organisation")}),
    ],
)
def test_a_body_before_a_ministers_title_in_lower_case_names_the_office(nlp, text, expected):
    assert read_entities(nlp, text) == expected


_DOTTED = """
    30      NUM   CD  O        nummod   1
    mln     NUM   CD  O        nummod   3
    U.K.    PROPN NNP B-PERSON compound 3
    {word}  PROPN NNP I-PERSON nsubj    4
    {after} ROOT
"""


@pytest.mark.parametrize(
    ("word", "after"),
    [("Dlrs", "were AUX VBD O"), ("Truck", "makers NOUN NNS O")],
)
def test_a_capital_after_a_dotted_abbreviation_is_no_person_either(word, after):
    # a currency, or a modifier of a noun: the model's person label changes nothing
    table = _DOTTED.format(word=word, after=after).replace("ROOT", "ROOT 4")
    assert _typed(table, 2, 4, "PERSON") is None


def test_a_kind_of_organisation_in_apposition_after_the_name_makes_it_one(nlp):
    text = ("Jane Roe won a verdict against Tarvin in a privacy lawsuit. Tarvin, a New "
            "York-based website specializing in celebrity news, is appealing the verdict. "
            "Tarvin declined to comment.")
    assert ("Tarvin", "Organisation") in read_entities(nlp, text)


def test_a_newspaper_of_another_language_is_no_person(nlp):
    text = ("Acme Chief Executive Jane Roe told Tarnauer Zeitung on Sunday that the offer "
            "was too low.")
    assert ("Tarnauer Zeitung", "Organisation") in read_entities(nlp, text)


def test_a_boss_or_premier_before_a_name_is_a_persons(nlp):
    text = ("Workers met chief executive Jane Roe, labor boss Bernd Varlow and regional "
            "premier Stephan Kolt at Acme's plant.")
    entities = read_entities(nlp, text)
    assert {("Bernd Varlow", "Person"), ("Stephan Kolt", "Person")} <= entities


GRUPPO = """
    Gruppo     PROPN NNP B-PERSON compound 1
    Vela       PROPN NNP I-PERSON nsubj    2
    said       VERB  VBD O        ROOT     2
"""
LA_VELA = """
    La         PROPN NNP B-PERSON compound 1
    Vela       PROPN NNP I-PERSON nsubj    2
    said       VERB  VBD O        ROOT     2
"""


def test_a_company_word_of_another_language_weighs_as_a_legal_form():
    # the model's person labels on "Vela" alone elsewhere are no evidence against it
    assert _typed(GRUPPO, 0, 2, "PERSON") == (
        "PERSON", {"Person": 1.0, "Organisation": 20.0}, None, False)
    # an article of another language says less: "Le Pen" is a person's name
    assert _typed(LA_VELA, 0, 2, "PERSON") == (
        "PERSON", {"Person": 1.0, "Organisation": 2.0}, None, False)


BERMUDA = """
    The        DET   DT  O        det      3
    Bermuda    PROPN NNP B-PERSON npadvmod 2
    registered VERB  VBN O        amod     3
    Acme       PROPN NNP B-ORG    nsubj    4
    said       VERB  VBD O        ROOT     4
"""
FRANCE = """
    Brian      PROPN NNP B-PERSON compound 1
    France     PROPN NNP I-PERSON nsubj    2
    spoke      VERB  VBD O        ROOT     2
    .          PUNCT .   O        punct    2
    France     PROPN NNP B-PERSON nsubj    5
    smiled     VERB  VBD O        ROOT     5
"""


def test_a_country_s_name_the_model_took_for_a_person_is_the_country(nlp):
    assert _typed(BERMUDA, 1, 2, "PERSON") == ("PERSON", {}, "Bermuda", False)
    entities = read_entities(nlp, "The Bermuda registered Acme Holdings Ltd said it would "
                                  "join a consortium.")
    assert ("Bermuda", "Country") in entities
    # the surname of a person the document names in full stays a person's
    assert _typed(FRANCE, 4, 5, "PERSON") == ("PERSON", {"Person": 1.0}, None, False)
