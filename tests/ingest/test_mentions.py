"""Tests of newsgraph.ingest.mentions: candidate names on hand-built parses, and a few
sentences read by the real model."""

from __future__ import annotations

from collections import defaultdict

import pytest

from newsgraph.ingest.mentions import (
    Mention,
    alias_definitions,
    candidate_names,
    is_junk,
    sanctioned,
)
from tests.ingest.parses import entity_patterns, parse, read_entities


def _names(table):
    doc = parse(table)
    return [(doc[c.start:c.end].text, c.label, c.titled) for c in candidate_names(
        doc, entity_patterns())]


@pytest.mark.parametrize(
    ("text", "junk"),
    [("AI", True), ("who's", True), ("Hang Seng Tech Index", True), ("TMzcqdJdNvg", True),
     ("Company B and Company D", True), ("Corp.", True), ("x", True), ("DeepMind", False),
     ("Acme Corp.", False), ("Sunday", True), ("Sunday Globex", False)],
)
def test_is_junk(text, junk):
    assert is_junk(text) is junk


def test_an_owner_and_what_it_owns_are_two_names():
    assert _names("""
        Approval    NOUN  NN  O      ROOT     0
        from        ADP   IN  O      prep     0
        the         DET   DT  B-ORG  det      3
        Department  PROPN NNP I-ORG  poss     7
        of          ADP   IN  I-ORG  prep     3
        Trade       PROPN NNP I-ORG  pobj     4
        's          PART  POS I-ORG  case     3
        Bureau      PROPN NNP I-ORG  pobj     1
        of          ADP   IN  I-ORG  prep     7
        Export      PROPN NNP I-ORG  compound 10
        Review      PROPN NNP I-ORG  pobj     8
        .           PUNCT .   O      punct    0
    """) == [("Department of Trade", "ORG", False), ("Bureau of Export Review", "ORG", False)]


def test_two_institutions_joined_by_and_are_two_names():
    assert _names("""
        run         VERB  VBN O      ROOT     0
        by          ADP   IN  O      agent    0
        the         DET   DT  B-ORG  det      3
        Halden      PROPN NNP I-ORG  compound 3
        Centre      PROPN NNP I-ORG  pobj     1
        and         CCONJ CC  I-ORG  cc       3
        Marlow      PROPN NNP I-ORG  compound 6
        University  PROPN NNP I-ORG  conj     3
        .           PUNCT .   O      punct    0
    """) == [("Halden Centre", "ORG", False), ("Marlow University", "ORG", False)]


def test_a_leading_title_is_stripped_from_a_person():
    assert _names("""
        President   PROPN NNP B-PERSON compound 2
        Joe         PROPN NNP I-PERSON compound 2
        Biden       PROPN NNP I-PERSON nsubj    3
        spoke       VERB  VBD O        ROOT     3
    """) == [("Joe Biden", "PERSON", True)]


def test_a_headline_verb_is_no_part_of_the_name():
    assert _names("""
        Borealis    PROPN NNP B-ORG   nsubj    1
        Secures     VERB  VBZ I-ORG   ROOT     1
        $           SYM   $   B-MONEY nmod     4
        20          NUM   CD  I-MONEY compound 4
        Million     NUM   CD  I-MONEY dobj     1
    """) == [("Borealis", "ORG", False)]


def test_a_name_read_up_to_a_joining_word_ends_before_it():
    assert _names("""
        Vertex      PROPN NNP B-ORG compound 2
        Rocketry    PROPN NNP I-ORG compound 2
        Inc         PROPN NNP I-ORG nsubj    5
        of          ADP   IN  I-ORG prep     2
        Ohio        PROPN NNP B-GPE pobj     3
        won         VERB  VBD O     ROOT     5
    """) == [("Vertex Rocketry Inc", "ORG", False), ("Ohio", "GPE", False)]


def test_a_place_after_a_legal_form_that_closes_a_name_is_no_part_of_it():
    assert _names("""
        Vertex      PROPN NNP B-ORG compound 1
        Ltd         PROPN NNP I-ORG nsubj    4
        of          ADP   IN  I-ORG prep     1
        Seoul       PROPN NNP I-ORG pobj     2
        won         VERB  VBD O     ROOT     4
    """) == [("Vertex Ltd", "ORG", False)]


def test_of_and_a_place_after_co_may_be_part_of_a_name():
    assert _names("""
        Vertex      PROPN NNP B-ORG compound 2
        Trust       PROPN NNP I-ORG compound 2
        Co          PROPN NNP I-ORG nsubj    6
        of          ADP   IN  I-ORG prep     2
        New         PROPN NNP I-ORG compound 5
        York        PROPN NNP I-ORG pobj     3
        won         VERB  VBD O     ROOT     6
    """) == [("Vertex Trust Co of New York", "ORG", False)]


def test_a_name_begun_in_another_script_is_read_whole(nlp):
    doc = nlp("华为 Technologies Co. shares rose 5% on Monday.")
    assert [(s.text, s.label_) for s in doc.spans["ng_entities"]] == [
        ("华为 Technologies Co.", "Organisation")]


def test_names_the_model_missed():
    assert _names("""
        chipmaker   NOUN  NN  O      compound 1
        Quorvex     PROPN NNP O      nsubj    2
        hired       VERB  VBD O      ROOT     2
        CEO         PROPN NNP O      compound 6
        J           PROPN NNP O      compound 6
        K           PROPN NNP O      compound 6
        Tan         PROPN NNP O      dobj     2
        from        ADP   IN  O      prep     2
        the         DET   DT  O      det      11
        Ningbo      PROPN NNP O      compound 11
        Tin         PROPN NNP O      compound 11
        Market      PROPN NNP O      pobj     7
        (           PUNCT -LRB- O    punct    13
        NTM         PROPN NNP O      appos    11
        )           PUNCT -RRB- O    punct    13
    """) == [("Quorvex", "ORG", False), ("J K Tan", "PERSON", False),
             ("Ningbo Tin Market", "ORG", False)]


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [("Quorvex", "Labs", [("Norway", "GPE", False), ("Quorvex Labs", "ORG", False)]),
     ("Jane", "Roe", [("Norway", "GPE", False)]),  # a given name: left to the people
     ("Prime", "Minister", [("Norway", "GPE", False)])],
)
def test_what_a_country_has_and_names_is_an_organisation(first, second, expected):
    assert _names(f'''
        Norway      PROPN NNP B-GPE poss     3
        's          PART  POS O     case     0
        {first}     PROPN NNP O     compound 3
        {second}    PROPN NNP O     nsubj    4
        rose        VERB  VBD O     ROOT     4
        sharply     ADV   RB  O     advmod   4
        on          ADP   IN  O     prep     4
        Monday      PROPN NNP O     pobj     6
    ''') == expected


def test_what_describes_a_thing_a_country_has_is_no_name():
    assert _names('''
        Norway      PROPN NNP B-GPE poss     4
        's          PART  POS O     case     0
        Q200        PROPN NNP O     compound 3
        AI          PROPN NNP O     compound 4
        chips       NOUN  NNS O     nsubj    5
        sold        VERB  VBD O     ROOT     5
        well        ADV   RB  O     advmod   5
    ''') == [("Norway", "GPE", False)]


@pytest.mark.parametrize("verb", ["blacklisted", "sanctions", "blacklisting"])
def test_the_object_of_any_form_of_a_verb_of_sanctioning_is_a_party(verb):
    doc = parse(f'''
        Treasury    PROPN NNP O nsubj 1
        {verb}      VERB  VBD O ROOT  1
        Quorvex     PROPN NNP O dobj  1
    ''')
    assert sanctioned(doc[2:3])
    assert not sanctioned(doc[0:1])


def test_an_acronym_defined_in_brackets_is_a_mention_of_its_name():
    doc = parse("""
        the         DET   DT  O      det      3
        Robot       PROPN NNP O      compound 3
        Makers      PROPN NNP O      compound 3
        Association PROPN NNP O      nsubj    7
        (           PUNCT -LRB- O    punct    5
        RMA         PROPN NNP O      appos    3
        )           PUNCT -RRB- O    punct    5
        said        VERB  VBD O      ROOT     7
    """)
    name = Mention(1, 4, "ORG", defaultdict(float))
    added = alias_definitions(doc, [name])
    assert [(m.start, m.end, m.alias_of) for m in added] == [(5, 6, name)]
    acronym = Mention(5, 6, "ORG", defaultdict(float))
    assert alias_definitions(doc, [name, acronym]) == []
    assert acronym.alias_of is name


# ------------------------------------------------------------------------ the real model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # two institutions joined by "and"; an owner and what it owns
        ("The poll was run by the Halden Centre and Marlow University.",
         {("Halden Centre", "Organisation"), ("Marlow University", "Organisation")}),
        ("Exports need approval from the Department of Trade's Bureau of Export Review.",
         {("Department of Trade", "Organisation"), ("Bureau of Export Review", "Organisation")}),
        # a body "of the" body it is part of; one "of the" alone stays in the name
        ("Exports need approval from the Bureau of Export Review of the Department of Trade.",
         {("Department of Trade", "Organisation"), ("Bureau of Export Review", "Organisation")}),
        ("Acme Corp hired the Bank of the Orient as adviser.",
         {("Acme Corp", "Organisation"), ("Bank of the Orient", "Organisation")}),
        # names the model missed: a head word, an acronym defined, people after a role
        ("By the close, Qiantang Semiconductor was up more than 6%, and Acme rose 2%.",
         {("Acme", "Organisation"), ("Qiantang Semiconductor", "Organisation")}),
        ("The data came from the Ningbo Tin Market (NTM) on Monday.",
         {("Ningbo Tin Market", "Organisation")}),
        ("Acme chairman and CEO J K Tan said demand was strong.",
         {("Acme", "Organisation"), ("J K Tan", "Person")}),
        # a first name the tagger read as a preposition ("Per"), the surname tagged or not
        ("Foreign Ministry spokesman Per Strand told reporters the law works.",
         {("Foreign Ministry", "Organisation"), ("Per Strand", "Person")}),
        ("Foreign Ministry spokesman Per Paulsen told reporters the law works.",
         {("Foreign Ministry", "Organisation"), ("Per Paulsen", "Person")}),
        # a name after a royal or religious title is a person's, the title no part of it
        ("King Oberon of Norway said on Monday that his government would buy a stake.",
         {("King Oberon", "Person"), ("Norway", "Country")}),
        ("Crown Prince Zayed bin Acme said on Monday that the kingdom would build a port.",
         {("Zayed bin Acme", "Person")}),
        ("The minister was to meet the most powerful figure, Supreme Leader Ayatollah Ali "
         "Sandur, later in the day.", {("Ali Sandur", "Person")}),
        # not a title read on into a body's name
        ("Students at Queen Mary University protested on Monday against the new fees.",
         {("Queen Mary University", "Organisation")}),
        # a headline's verb is not part of the name
        ("Borealis Secures $20 Million in New Funding", {("Borealis", "Organisation")}),
        # "and" and a legal form after a name are part of it
        ("Kestrel Lynch and Co bought it, advised by Vela, Sachs and Co.",
         {("Kestrel Lynch and Co", "Organisation"), ("Vela, Sachs and Co.", "Organisation")}),
        # anonymised parties are no names
        ("Company A has a licence, and Company B and Company D are still waiting.", set()),
        # a legal form ends a name before "and"
        ("Toyota Motor Corp and Uber said they would partner.",
         {("Toyota Motor Corp", "Organisation"), ("Uber", "Organisation")}),
        # two names joined by "and" that each end with a corporate word are two
        ("Didi, which is backed by Alibaba Group Holding and Tencent Holdings, is growing.",
         {("Didi", "Organisation"), ("Alibaba Group Holding", "Organisation"),
          ("Tencent Holdings", "Organisation")}),
    ],
)
def test_sentences_exactly(nlp, text, expected):
    assert read_entities(nlp, text) == expected


@pytest.mark.parametrize("junk", ["AI", "GPU", "IPO"])
def test_common_acronyms_are_no_entities(nlp, junk):
    names = {name for name, _ in read_entities(nlp, f"The {junk} boom lifted shares of Acme Corp.")}
    assert junk not in names


def test_a_list_of_names_given_alone_elsewhere_is_split():
    assert _names("""
        Tarvo      PROPN NNP B-ORG  nsubj    3
        ,          PUNCT ,   I-ORG  punct    0
        Brevik     PROPN NNP I-ORG  conj     0
        rose       VERB  VBD O      ROOT     3
        ;          PUNCT :   O      punct    3
        Tarvo      PROPN NNP B-ORG  nsubj    6
        fell       VERB  VBD O      conj     3
        ,          PUNCT ,   O      punct    6
        Brevik     PROPN NNP B-ORG  nsubj    9
        too        ADV   RB  O      conj     6
    """) == [("Tarvo", "ORG", False), ("Brevik", "ORG", False), ("Tarvo", "ORG", False),
             ("Brevik", "ORG", False)]


def test_names_a_plural_noun_counts_before_them_are_split():
    # "two rivals, Tarvo and Brevik": as many names as the noun counts
    assert _names("""
        Acme       PROPN NNP B-ORG  nsubj    1
        joined     VERB  VBD O      ROOT     1
        two        NUM   CD  O      nummod   3
        rivals     NOUN  NNS O      dobj     1
        ,          PUNCT ,   O      punct    3
        Tarvo      PROPN NNP B-ORG  appos    3
        and        CCONJ CC  I-ORG  cc       5
        Brevik     PROPN NNP I-ORG  conj     5
        .          PUNCT .   O      punct    1
    """) == [("Acme", "ORG", False), ("Tarvo", "ORG", False), ("Brevik", "ORG", False)]
    # a plural noun that counts none keeps the name whole
    assert _names("""
        Acme       PROPN NNP B-ORG  nsubj    1
        hired      VERB  VBD O      ROOT     1
        advisers   NOUN  NNS O      dobj     1
        ,          PUNCT ,   O      punct    2
        Hambrecht  PROPN NNP B-ORG  appos    2
        and        CCONJ CC  I-ORG  cc       4
        Quist      PROPN NNP I-ORG  conj     4
        .          PUNCT .   O      punct    1
    """)[1] == ("Hambrecht and Quist", "ORG", False)


def test_partners_given_only_together_stay_one_name():
    assert _names("""
        Hambrecht  PROPN NNP B-ORG  nsubj    3
        and        CCONJ CC  I-ORG  cc       0
        Quist      PROPN NNP I-ORG  conj     0
        rose       VERB  VBD O      ROOT     3
        ;          PUNCT :   O      punct    3
        Hambrecht  PROPN NNP B-ORG  nsubj    6
        fell       VERB  VBD O      conj     3
    """)[0] == ("Hambrecht and Quist", "ORG", False)


def test_one_institution_with_a_shared_head_word_stays_whole():
    assert _names("""
        Post            PROPN NNP B-ORG  compound 3
        and             CCONJ CC  I-ORG  cc       0
        Telecoms        PROPN NNP I-ORG  conj     0
        Ministry        PROPN NNP I-ORG  nsubj    4
        spoke           VERB  VBD O      ROOT     4
        ;               PUNCT :   O      punct    4
        Post            PROPN NNP B-ORG  nsubj    7
        fell            VERB  VBD O      conj     4
        and             CCONJ CC  O      cc       7
        Telecoms        PROPN NNP B-ORG  compound 10
        Ministry        PROPN NNP I-ORG  nsubj    11
        rose            VERB  VBD O      conj     7
    """)[0] == ("Post and Telecoms Ministry", "ORG", False)


@pytest.mark.parametrize(
    ("second", "expected"),
    # a legal form's full stop before another name ends the first; before a legal form not
    [("Globex", [("Acme Inc.", "ORG", False), ("Globex", "ORG", False)]),
     ("Ltd", [("Acme Inc. Ltd", "ORG", False)])],
)
def test_a_legal_form_with_a_full_stop_ends_a_name(second, expected):
    assert _names(f"""
        Acme       PROPN NNP B-ORG  compound 2
        Inc.       PROPN NNP I-ORG  compound 2
        {second}   PROPN NNP I-ORG  nsubj    3
        said       VERB  VBD O      ROOT     3
    """) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the parts of one company's name the model read apart
        ("Cable and Wireless Plc said it would fight.",
         {("Cable and Wireless Plc", "Organisation")}),
        ("The suit names Crosby Valve and Gage Co and others.",
         {("Crosby Valve and Gage Co", "Organisation")}),
        # a part named on its own elsewhere, a whole name or a country is a name of its own
        ("Toshiba has an agreement with Motorola. Toshiba and Motorola Inc will build a plant.",
         {("Toshiba", "Organisation"), ("Motorola Inc", "Organisation")}),
        ("Intel Corp and Qualcomm Inc make chips.",
         {("Intel Corp", "Organisation"), ("Qualcomm Inc", "Organisation")}),
        ("China and Tencent Holdings Ltd signed a deal.",
         {("China", "Country"), ("Tencent Holdings Ltd", "Organisation")}),
    ],
)
def test_a_company_name_read_in_parts_is_joined(nlp, text, expected):
    assert read_entities(nlp, text) == expected


def test_one_word_before_a_legal_form_takes_in_three_words_before_it():
    assert _names("""
        Northfield PROPN NNP B-ORG compound 2
        Valley     PROPN NNP I-ORG compound 2
        Gas        PROPN NNP I-ORG nsubj    6
        and        CCONJ CC  O     cc       2
        Electric   PROPN NNP B-ORG compound 5
        Corp       PROPN NNP I-ORG conj     2
        rose       VERB  VBD O     ROOT     6
        .          PUNCT .   O     punct    6
    """) == [("Northfield Valley Gas and Electric Corp", "ORG", False)]


def test_a_name_ending_with_a_head_word_takes_in_no_two_words_before_it():
    assert _names("""
        Valley         PROPN NNP B-ORG compound 1
        Mobility       PROPN NNP I-ORG nsubj    6
        and            CCONJ CC  O     cc       1
        Globex         PROPN NNP B-ORG compound 5
        Communications PROPN NNP I-ORG compound 5
        Corp           PROPN NNP I-ORG conj     1
        rose           VERB  VBD O     ROOT     6
        .              PUNCT .   O     punct    6
    """) == [("Valley Mobility", "ORG", False), ("Globex Communications Corp", "ORG", False)]


def test_angle_brackets_of_wire_stories_are_no_part_of_a_name(nlp):
    text = "NEC Corp sued <Seiko Epson Corp>'s unit. A Seiko Epson spokesman declined to comment."
    assert read_entities(nlp, text) == {("NEC Corp", "Organisation"),
                                        ("Seiko Epson Corp", "Organisation")}


def _repeats(text, found):
    import spacy
    from spacy.tokens import Span

    from newsgraph.ingest.mentions import _repeated

    doc = spacy.blank("en")(text)
    spans = [Span(doc, start, end, label) for start, end, label in found]
    taken = {i for s in spans for i in range(s.start, s.end)}
    return [(s.text, s.label_) for s in _repeated(doc, spans, taken)]


@pytest.mark.parametrize(
    ("text", "found", "expected"),
    [
        # a name found once is read again where the document repeats it, less its legal form
        ("Acme Corp grew and the Acme unit fell", [(0, 2, "ORG")], [("Acme", "ORG")]),
        ("Jane Doe spoke and then Jane Doe left", [(0, 2, "PERSON")], [("Jane Doe", "PERSON")]),
        # a name the model read with its possessive is read again without it
        ("Acme-owned Initech grew and Acme 's boss left", [(6, 8, "ORG")], [("Acme", "ORG")]),
        # not inside a longer name, nor a person's surname alone
        ("Acme Corp grew and Acme Tower fell", [(0, 2, "ORG")], []),
        ("Jane Doe spoke and then Doe left", [(0, 2, "PERSON")], []),
        # only names of organisations and people
        ("Kenya grew and Kenya fell", [(0, 1, "GPE")], []),
        # a month or a word of the language alone is read again as itself
        ("May Corp grew and in May it fell", [(0, 2, "ORG")], []),
        ("May said so and then May left", [(0, 1, "PERSON")], []),
    ],
)
def test_a_name_is_read_again_where_the_document_repeats_it(text, found, expected):
    assert _repeats(text, found) == expected


def test_a_name_repeated_thousands_of_times_is_read_again_a_bounded_number_of_times():
    from newsgraph.ingest.mentions import _MOST_REPEATS

    text = "Acme Corp grew" + " and Acme fell" * (_MOST_REPEATS + 50)
    assert len(_repeats(text, [(0, 2, "ORG")])) == _MOST_REPEATS


def test_a_name_the_model_misses_in_a_later_sentence_is_read(nlp):
    doc = nlp("Symantec Corp bought Blue Coat on Monday. Symantec competes with FireEye Inc.")
    assert [s.text for s in doc.spans["ng_entities"]] == [
        "Symantec Corp", "Blue Coat", "Symantec", "FireEye Inc."]


def test_surnames_joined_by_and_after_a_preposition_are_one_firm():
    # the model read one part as a person's and one not: a firm named after its partners
    assert _names("""
        Doe       PROPN NNP B-PERSON nsubj 5
        of        ADP   IN  O        prep  0
        Brannock  PROPN NNP B-ORG    pobj  1
        and       CCONJ CC  O        cc    2
        Quist     PROPN NNP B-PERSON conj  2
        said      VERB  VBD O        ROOT  5
    """) == [("Doe", "PERSON", False), ("Brannock and Quist", "ORG", False)]


def test_surnames_joined_by_and_as_a_subject_stay_apart():
    # "A and B met": two people may be the subject of a verb
    assert _names("""
        Brannock  PROPN NNP B-ORG    nsubj 3
        and       CCONJ CC  O        cc    0
        Quist     PROPN NNP B-PERSON conj  0
        met       VERB  VBD O        ROOT  3
    """) == [("Brannock", "ORG", False), ("Quist", "PERSON", False)]


def test_a_name_joined_by_and_is_read_again_where_the_document_repeats_it():
    # "Orrin and Weald Industries Inc" makes "Orrin and Weald" one name, in "Orrin and
    # Weald Mills" too
    assert _names("""
        Orrin       PROPN NNP B-LOC nsubj    4
        and         CCONJ CC  O     cc       0
        Weald       PROPN NNP B-ORG compound 3
        Mills       PROPN NNP I-ORG conj     0
        rose        VERB  VBD O     ROOT     4
        ;           PUNCT :   O     punct    4
        Orrin       PROPN NNP B-LOC nsubj    11
        and         CCONJ CC  O     cc       6
        Weald       PROPN NNP B-ORG compound 10
        Industries  PROPN NNP I-ORG compound 10
        Inc         PROPN NNP I-ORG conj     6
        fell        VERB  VBD O     conj     4
    """) == [("Orrin and Weald Mills", "ORG", False),
             ("Orrin and Weald Industries Inc", "ORG", False)]


def test_a_firm_named_after_its_partners_over_a_line_break(nlp):
    names = read_entities(nlp, '"Prices will not crack," said Tarvell, Ball\nand Quenby '
                               "analyst John Doe.")
    assert names == {("Tarvell, Ball and Quenby", "Organisation"), ("John Doe", "Person")}


def test_a_dateline_is_no_part_of_a_name_the_parse_proposes():
    assert _names("""
        OSLO     PROPN NNP O compound 2
        Vandrel  PROPN NNP O compound 2
        Group    PROPN NNP O nsubj    3
        said     VERB  VBD O ROOT     3
        that     SCONJ IN  O mark     7
        profits  NOUN  NNS O nsubj    7
        would    AUX   MD  O aux      7
        rise     VERB  VB  O ccomp    3
        sharply  ADV   RB  O advmod   7
    """) == [("Vandrel Group", "ORG", False)]


def test_a_bracketed_word_before_a_legal_form_is_part_of_the_name():
    assert _names("""
        Vela        PROPN NNP B-ORG compound 1
        Securities  PROPN NNP I-ORG nsubj    6
        (           PUNCT -LRB- O   punct    1
        Japan       PROPN NNP B-GPE appos    1
        )           PUNCT -RRB- O   punct    1
        Ltd         PROPN NNP O     appos    1
        said        VERB  VBD O     ROOT     6
    """) == [("Vela Securities ( Japan ) Ltd", "ORG", False)]


def test_a_legal_form_the_model_left_out_ends_the_name():
    assert _names("""
        at      ADP   IN  O        ROOT     0
        Tarvo   PROPN NNP B-PERSON compound 2
        Quenby  PROPN NNP I-PERSON pobj     0
        PLLC    PROPN NNP O        appos    2
    """) == [("Tarvo Quenby PLLC", "PERSON", False)]


def test_names_listed_with_commas_alone_in_one_span_are_split():
    assert _names("""
        Tarvo      PROPN NNP B-ORG  nsubj    3
        ,          PUNCT ,   I-ORG  punct    0
        Brevik     PROPN NNP I-ORG  conj     0
        rose       VERB  VBD O      ROOT     3
    """) == [("Tarvo", "ORG", False), ("Brevik", "ORG", False)]


def test_names_listed_before_a_legal_form_stay_one_name():
    assert _names("""
        Tarvo      PROPN NNP B-ORG  nsubj    4
        ,          PUNCT ,   I-ORG  punct    0
        Brevik     PROPN NNP I-ORG  conj     0
        SA         PROPN NNP I-ORG  appos    0
        rose       VERB  VBD O      ROOT     4
    """) == [("Tarvo , Brevik SA", "ORG", False)]


def test_a_title_ending_with_general_before_a_name_proposes_no_organisation():
    table = """
        the       DET   DT  O        det      2
        {word}    PROPN NNP O        compound 2
        General   PROPN NNP O        compound 4
        Ann       PROPN NNP B-PERSON compound 4
        Vela      PROPN NNP I-PERSON nsubj    5
        spoke     VERB  VBD O        ROOT     5
        on        ADP   IN  O        prep     5
        Friday    PROPN NNP O        pobj     6
        about     ADP   IN  O        prep     5
        the       DET   DT  O        det      10
        case      NOUN  NN  O        pobj     8
    """
    assert _names(table.format(word="Attorney")) == [("Ann Vela", "PERSON", False)]


def test_a_country_the_model_missed_is_read_from_the_gazetteer():
    # the model tags no entity here; "Jordan" is also a given name, left to the model
    assert _names("""
        New      PROPN NNP O compound 1
        Zealand  PROPN NNP O nsubj    2
        fined    VERB  VBD O ROOT     2
        Jordan   PROPN NNP O dobj     2
        and      CCONJ CC  O cc       3
        Fiji     PROPN NNP O conj     3
    """) == [("New Zealand", "GPE", False), ("Fiji", "GPE", False)]


def test_a_country_the_model_cut_short_is_read_whole():
    assert _names("""
        The      DET   DT  O     det      3
        U.S.     PROPN NNP B-GPE compound 3
        Virgin   PROPN NNP O     compound 3
        Islands  PROPN NNP O     nsubj    4
        sued     VERB  VBD O     ROOT     4
        Canada   PROPN NNP B-GPE dobj     4
        Tuesday  PROPN NNP B-DATE npadvmod 4
    """) == [("U.S. Virgin Islands", "GPE", False), ("Canada", "GPE", False)]


def test_an_officers_title_splits_a_name_the_model_read_as_one():
    # "Initech CFO Karen Olsavsky said": a company and a person, the title in neither
    assert _names("""
        Initech   PROPN NNP B-ORG compound 3
        CFO       PROPN NNP I-ORG compound 3
        Karen     PROPN NNP I-ORG compound 3
        Olsavsky  PROPN NNP I-ORG nsubj    4
        said      VERB  VBD O     ROOT     4
    """) == [("Initech", "ORG", False), ("Karen Olsavsky", "PERSON", False)]


def test_an_officers_title_opening_a_name_is_left_out():
    assert _names("""
        CTO       PROPN NNP B-ORG compound 2
        Karen     PROPN NNP I-ORG compound 2
        Olsavsky  PROPN NNP I-ORG nsubj    3
        said      VERB  VBD O     ROOT     3
    """) == [("Karen Olsavsky", "PERSON", False)]


def test_a_name_before_a_role_and_a_person_takes_the_capitalised_words_before_it():
    # "Norbank Kim Eng analyst Jane Roe said": the model tagged only "Kim Eng"
    assert _names("""
        Norbank   PROPN NNP O        compound 2
        Kim       PROPN NNP B-PERSON compound 2
        Eng       PROPN NNP I-PERSON compound 3
        analyst   NOUN  NN  O        compound 5
        Jane      PROPN NNP B-PERSON compound 5
        Roe       PROPN NNP I-PERSON nsubj    6
        said      VERB  VBD O        ROOT     6
    """) == [("Norbank Kim Eng", "PERSON", False), ("Jane Roe", "PERSON", False)]


def test_an_officer_title_before_two_capitalised_words_starts_no_name(nlp):
    text = ("Co-founder and CTO Brogan VanTerpool has resigned and filed a lawsuit accusing the "
            "company.")
    assert read_entities(nlp, text) == {("Brogan VanTerpool", "Person")}



def test_a_number_word_in_capitals_after_a_proper_noun_is_part_of_the_name():
    assert _names("""
        The       DET   DT  O det    1
        leaders   NOUN  NNS O nsubj  6
        of        ADP   IN  O prep   1
        Globex    PROPN NNP O pobj   2
        One       NUM   CD  O nummod 3
        have      AUX   VBP O aux    6
        embraced  VERB  VBN O ROOT   6
        a         DET   DT  O det    8
        cliche    NOUN  NN  O dobj   6
        .         PUNCT .   O punct  6
    """) == [("Globex One", "ORG", False)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a line break of wrapped wire copy parts no name
        ("Globex Corp owns 41 pct of the reactor, with Northfield Valley\nLighting Co owning "
         "18 pct.",
         {("Globex Corp", "Organisation"), ("Northfield Valley Lighting Co", "Organisation")}),
        # nor does it after a linking word that follows a head word
        ("Jane Roe, Secretary of the Presidential Commission on\nFair Markets, said Globex Corp "
         "had told the government it was interested.",
         {("Globex Corp", "Organisation"), ("Jane Roe", "Person"),
          ("Presidential Commission on Fair Markets", "Organisation")}),
        # the capitalised words before the break begin the organisation's name the model
        # read after it, a nationality word among them
        ("It was a keen disappointment to the Northfield Corn\nGrowers Association.",
         {("Northfield Corn Growers Association", "Organisation")}),
        ("He spoke to the Australian Widget\nMakers Association yesterday.",
         {("Australian Widget Makers Association", "Organisation")}),
        # a place after a sentence's opening preposition stays apart
        ("In Tokyo\nGlobex Corp said it would cut output.",
         {("Globex Corp", "Organisation"), ("Japan", "Country")}),
    ],
)
def test_a_name_wrapped_over_two_lines_is_one(nlp, text, expected):
    assert read_entities(nlp, text) == expected



def test_an_acronym_after_an_organisation_the_model_cut_short_is_part_of_it():
    assert _names("""
        Shares    NOUN  NNS O     nsubj    4
        of        ADP   IN  O     prep     0
        Korvo     PROPN NNP B-ORG compound 3
        SDI       PROPN NNP O     pobj     1
        jumped    VERB  VBD O     ROOT     4
        .         PUNCT .   O     punct    4
    """) == [("Korvo SDI", "ORG", False)]


def test_a_name_of_only_corporate_words_takes_the_proper_noun_before_it():
    assert _names("""
        a         DET   DT  O     det      1
        stake     NOUN  NN  O     ROOT     1
        in        ADP   IN  O     prep     1
        firm      NOUN  NN  O     compound 6
        VelA      PROPN NNP O     compound 6
        Global    PROPN NNP B-ORG compound 6
        Services  PROPN NNP I-ORG pobj     2
    """) == [("VelA Global Services", "ORG", False)]


@pytest.mark.parametrize(
    ("again", "expected"),
    [
        # the word before a bare apostrophe is named nowhere else: one company's name
        (False, [("Vendors ' End Inc", "ORG", False)]),
        # an owner named again on its own owns what follows it
        (True, [("Vendors", "ORG", False), ("End Inc", "ORG", False), ("Vendors", "ORG", False)]),
    ],
)
def test_a_bare_apostrophe_before_a_legal_form_name_is_part_of_it(again, expected):
    rows = """
        Vendors   PROPN NNPS B-ORG poss     2
        '         PART  POS  I-ORG case     0
        End       PROPN NNP  I-ORG compound 3
        Inc       PROPN NNP  I-ORG nsubj    4
        grew      VERB  VBD  O     ROOT     4
    """
    if again:
        rows += """
        .         PUNCT .    O     punct    4
        Vendors   PROPN NNP  B-ORG nsubj    7
        rose      VERB  VBD  O     ROOT     7
    """
    assert _names(rows.replace("\n    \n", "\n")) == expected


def test_a_name_is_not_read_again_where_a_dateline_repeats_it(nlp):
    text = ("OSLO ANNOUNCES MORE TARIFF CUTS FOR U.S.\n\nOSLO, June 1 - Norway will cut import "
            "taxes on 50 items, the finance ministry said.")
    assert read_entities(nlp, text) == {("Norway", "Country"), ("United States", "Country")}


def test_a_partner_the_model_left_out_after_and_is_part_of_the_firm():
    assert _names("""
        investors NOUN  NNS O     nsubj    9
        including VERB  VBG O     prep     0
        Vane      PROPN NNP B-ORG compound 4
        Tallis    PROPN NNP I-ORG compound 4
        Corlett   PROPN NNP I-ORG pobj     1
        and       CCONJ CC  O     cc       4
        Byford    PROPN NNP O     conj     4
        and       CCONJ CC  O     cc       4
        Initech   PROPN NNP B-ORG conj     4
        backed    VERB  VBD O     ROOT     9
        .         PUNCT .   O     punct    9
    """) == [("Vane Tallis Corlett and Byford", "ORG", False), ("Initech", "ORG", False)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a second legal form wrapped to the next line after an abbreviated one is the name's
        ("It said the order, awarded by the Globex Steel Co.\nLtd, involves a works.",
         {("Globex Steel Co. Ltd", "Organisation")}),
        # not across a blank line, nor after a form with no full stop
        ("It said the order went to Globex Steel Co.\n\nLtd shares rose.",
         {("Globex Steel Co.", "Organisation")}),
    ],
)
def test_a_legal_form_wrapped_to_the_next_line_ends_the_name(nlp, text, expected):
    assert read_entities(nlp, text) == expected


_CUT_NAME = """
    Vantor     PROPN NNP B-ORG compound 1
    Energy     PROPN NNP I-ORG nsubj    6
    and        CCONJ CC  O     cc       1
    {word}     PROPN NNP B-ORG compound 5
    Corp       PROPN NNP I-ORG conj     1
    rose       VERB  VBD O     ROOT     6
    .          PUNCT .   O     punct    6
"""


@pytest.mark.parametrize(
    ("word", "nouns", "expected"),
    [
        # a common noun named nowhere else, cut from the name by "and": one name
        ("Development", frozenset({"development"}),
         [("Vantor Energy and Development Corp", "ORG", False)]),
        # a plural of one ("Sons")
        ("Sons", frozenset({"son"}), [("Vantor Energy and Sons Corp", "ORG", False)]),
        # a word that is no common noun is a name of its own: two companies
        ("Globex", frozenset({"development"}),
         [("Vantor Energy", "ORG", False), ("Globex Corp", "ORG", False)]),
        # without the lexicon of common nouns, the head word ends the first name
        ("Development", frozenset(),
         [("Vantor Energy", "ORG", False), ("Development Corp", "ORG", False)]),
    ],
)
def test_a_common_noun_cut_from_a_name_by_and_joins_the_part_before_it(word, nouns, expected):
    doc = parse(_CUT_NAME.format(word=word))
    found = candidate_names(doc, entity_patterns(), nouns)
    assert [(doc[c.start:c.end].text, c.label, c.titled) for c in found] == expected


def test_a_common_noun_named_on_its_own_elsewhere_stays_apart():
    doc = parse(_CUT_NAME.format(word="Development") + """\
        Development PROPN NNP B-ORG nsubj 8
        fell        VERB  VBD O     ROOT  8
    """)
    found = candidate_names(doc, entity_patterns(), frozenset({"development"}))
    assert [doc[c.start:c.end].text for c in found][:2] == ["Vantor Energy", "Development Corp"]


def test_a_dotted_first_name_is_part_of_the_name_the_and_joins():
    from spacy.tokens import Doc

    base = parse("""
        by     ADP   IN  O     ROOT     0
        Jax    PROPN NNP B-ORG compound 3
        .      PUNCT .   I-ORG punct    3
        Brown  PROPN NNP I-ORG pobj     0
        and    CCONJ CC  O     cc       3
        Sons   PROPN NNP B-ORG compound 7
        Inc    PROPN NNP I-ORG conj     3
        said   VERB  VBD O     dep      0
    """)
    # "Jax. Brown", as written, not "Jax . Brown"
    spaces = [True, False, True, True, True, True, True, False]
    doc = Doc(base.vocab, words=[t.text for t in base], spaces=spaces,
              pos=[t.pos_ for t in base], tags=[t.tag_ for t in base],
              deps=[t.dep_ for t in base], heads=[t.head.i for t in base],
              ents=[f"{t.ent_iob_}-{t.ent_type_}" if t.ent_type_ else "O" for t in base])
    found = candidate_names(doc, entity_patterns())
    assert [doc[c.start:c.end].text for c in found] == ["Jax. Brown and Sons Inc"]


_CUT_BODY = """
    the        DET   DT  O     det      3
    {first}    PROPN NNP B-ORG nmod     3
    and        CCONJ CC  O     cc       1
    Budget     PROPN NNP B-ORG compound 4
    {head}     PROPN NNP I-ORG nsubj    5
    said       VERB  VBD O     ROOT     5
"""


@pytest.mark.parametrize(
    ("first", "head", "expected"),
    [
        # a common noun named nowhere else, then "and" and a body's name: one name
        ("Census", "Commission", ["Census and Budget Commission"]),
        # a name of its own before "and", or no head word after it: two
        ("Globex", "Commission", ["Globex", "Budget Commission"]),
        ("Census", "Vane", ["Census", "Budget Vane"]),
    ],
)
def test_a_common_noun_and_a_body_the_model_cut_apart_are_one_name(first, head, expected):
    doc = parse(_CUT_BODY.format(first=first, head=head))
    found = candidate_names(doc, entity_patterns(), frozenset({"census", "budget"}))
    assert [doc[c.start:c.end].text for c in found] == expected


def test_a_body_written_elsewhere_or_a_place_before_and_stays_apart():
    # "Budget" of the body is written on its own again: the body is a name of its own
    doc = parse(_CUT_BODY.format(first="Census", head="Commission") + """\
        Budget PROPN NNP B-ORG nsubj 7
        rose   VERB  VBD O     ROOT  7
    """)
    found = candidate_names(doc, entity_patterns(), frozenset({"census", "budget"}))
    assert [doc[c.start:c.end].text for c in found][:2] == ["Census", "Budget Commission"]
    # a town is no fragment of a name, though a common noun be spelt as it
    doc = parse(_CUT_BODY.format(first="Genoa", head="Commission"))
    found = candidate_names(doc, entity_patterns(), frozenset({"genoa", "budget"}))
    assert [doc[c.start:c.end].text for c in found] == ["Genoa", "Budget Commission"]


def test_a_body_whose_field_is_no_common_noun_stays_apart_from_the_word_before_and():
    # "Census and Vantor Commission": the body's name is a name of its own
    doc = parse(_CUT_BODY.format(first="Census", head="Commission"))
    found = candidate_names(doc, entity_patterns(), frozenset({"census"}))
    assert [doc[c.start:c.end].text for c in found] == ["Census", "Budget Commission"]


_BODY_AND_PERSON = """
    GATT       PROPN NNP B-ORG    nsubj    1
    rose       VERB  VBD O        ROOT     1
    .          PUNCT .   O        punct    1
    {surname}  PROPN NNP B-PERSON nsubj    4
    said       VERB  VBD O        ROOT     4
    ,          PUNCT ,   O        punct    4
    envoy      NOUN  NN  O        nsubj    11
    to         ADP   IN  O        prep     6
    GATT       PROPN NNP B-ORG    compound 10
    Jane       PROPN NNP I-ORG    compound 10
    Roe        PROPN NNP I-ORG    pobj     7
    said       VERB  VBD O        ROOT     11
"""


@pytest.mark.parametrize(
    ("surname", "expected"),
    [
        # the body and the surname each written alone elsewhere: a body and a person
        ("Roe", [("GATT", "ORG"), ("Roe", "PERSON"), ("GATT", "ORG"), ("Jane Roe", "PERSON")]),
        # the surname nowhere else: the model's one name stands
        ("Doe", [("GATT", "ORG"), ("Doe", "PERSON"), ("GATT Jane Roe", "ORG")]),
    ],
)
def test_a_body_and_a_person_the_model_read_as_one_name_are_two(surname, expected):
    doc = parse(_BODY_AND_PERSON.format(surname=surname))
    found = candidate_names(doc, entity_patterns())
    assert [(doc[c.start:c.end].text, c.label) for c in found] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # another name a phrase introduces is one entity with the name
        ("Acme agreed to buy Globex 21CN, now known as Acme Health Information Technology Ltd, "
         "for $170 million.",
         {("Acme Health Information Technology Ltd", ("Globex 21CN",))}),
        ("The wrestler Hulk Hogan (real name Terry Bollea) won the case against Globex.",
         {("Terry Bollea", ("Hulk Hogan",))}),
        # a former name's possessive names another's unit, not the name
        ("The unit, formerly known as Globex's software division, was sold to Acme Corp.",
         {("Acme Corp.", ())}),
        # a former name is no name of the thing now: it stays one of its own
        ("Acme Corp. bought Globex Inc, formerly known as Initech LLC.", {("Acme Corp.", ())}),
    ],
)
def test_a_name_a_phrase_says_is_another_name_of_it_joins_it(nlp, text, expected):
    found = {(e.name, e.aliases) for e in nlp(text)._.ng_entities}
    assert {f for f in found if f[1] or f[0] == "Acme Corp."} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Agency spokeswoman Sgt. Kim Montes said investigators could not confirm it.",
         {("Kim Montes", "Person")}),
        ("Globex Vice President and General Counsel Jane Walker said in a statement.",
         {("Jane Walker", "Person")}),
    ],
)
def test_a_title_is_no_part_of_a_persons_name(nlp, text, expected):
    assert {e for e in read_entities(nlp, text) if e[1] == "Person"} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name of another language the model cut at its particle is one name
        ("Exports totalled 136 mln dlrs in March, the official Banco do Brasil announced.",
         {("Banco do Brasil", "Organisation")}),
        ("The informal bid was presented to state-owned Cassa Depositi e Prestiti (CDP), which "
         "owns the rest of Globex.",
         {("Cassa Depositi e Prestiti", "Organisation")}),
        ("Bild am Sonntag reported that Acme would buy Globex.",
         {("Acme", "Organisation"), ("Bild am Sonntag", "Organisation")}),
        # not two companies, each with its legal form
        ("Sales at Acme Corp y Globex Inc rose.",
         {("Acme Corp", "Organisation"), ("Globex Inc", "Organisation")}),
    ],
)
def test_a_name_cut_at_a_particle_of_another_language_is_one_name(nlp, text, expected):
    assert read_entities(nlp, text) == expected


def test_a_participle_opening_the_sentence_is_no_part_of_a_persons_name(nlp):
    text = ("Underpinning Vestager's tough approach, and the Commission's case, are scores of "
            "complaints from rivals.")
    assert ("Vestager", "Person") in read_entities(nlp, text)
    assert ("Underpinning Vestager", "Person") not in read_entities(nlp, text)
