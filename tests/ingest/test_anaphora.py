"""Antecedents of pronouns, clause subjects and nouns that stand for a named entity."""

from __future__ import annotations

import pytest

from newsgraph.ingest.anaphora import clause_subject, conjuncts, entity_of, nodes_before
from tests.ingest.relation_views import parse, policy_view, triples


def name_at(doc, state, i):
    node = entity_of(doc[i], state)
    return node.name if node is not None else None


def test_a_possessive_refers_to_its_clause_subject():
    doc, state = parse(["Acme", "raised", "its", "prices"], [1, 1, 3, 1],
                       ["nsubj", "ROOT", "poss", "dobj"], {0: ("Acme", "Organisation")})
    assert name_at(doc, state, 2) == "Acme"


def test_a_possessive_of_another_kind_than_its_subject_refers_to_nothing():
    doc, state = parse(["Lopez", "met", "Acme", "and", "praised", "its", "chief"],
                       [1, 1, 1, 1, 1, 6, 4],
                       ["nsubj", "ROOT", "dobj", "cc", "conj", "poss", "dobj"],
                       {0: ("Lopez", "Person"), 2: ("Acme", "Organisation")})
    assert name_at(doc, state, 5) is None


def test_a_possessive_on_a_noun_coordinated_with_a_name_refers_to_that_name():
    # "Globex sued Acme and its chairman": Acme's chairman, not the subject's
    doc, state = parse(["Globex", "sued", "Acme", "and", "its", "chairman"], [1, 1, 1, 2, 5, 2],
                       ["nsubj", "ROOT", "dobj", "cc", "poss", "conj"],
                       {0: ("Globex", "Organisation"), 2: ("Acme", "Organisation")})
    assert name_at(doc, state, 4) == "Acme"


def test_a_possessive_ending_a_list_is_not_the_last_names():
    # "Globex owns Acme, Initech and its namesake": Globex's namesake
    doc, state = parse(["Globex", "owns", "Acme", ",", "Initech", "and", "its", "namesake"],
                       [1, 1, 1, 2, 2, 4, 7, 4],
                       ["nsubj", "ROOT", "dobj", "punct", "conj", "cc", "poss", "conj"],
                       {0: ("Globex", "Organisation"), 2: ("Acme", "Organisation"),
                        4: ("Initech", "Organisation")})
    assert name_at(doc, state, 6) == "Globex"


def test_a_reported_subject_pronoun_is_the_speaker():
    doc, state = parse(["Acme", "said", "it", "would", "buy", "Initech"], [1, 1, 4, 4, 1, 4],
                       ["nsubj", "ROOT", "nsubj", "aux", "ccomp", "dobj"],
                       {0: ("Acme", "Organisation"), 5: ("Initech", "Organisation")},
                       tags=["NNP", "VBD", "PRP", "MD", "VB", "NNP"])
    assert name_at(doc, state, 2) == "Acme"


def test_the_pronoun_of_a_participle_is_the_subject_around_it_or_its_apposition():
    # "Globex said the maker, Acme, will appeal curbs imposed on it by Japan": Acme, the name
    # in apposition to the subject around the participle, not its agent
    doc, state = parse(
        ["Globex", "said", "the", "maker", ",", "Acme", ",", "will", "appeal", "curbs",
         "imposed", "on", "it", "by", "Japan"],
        [1, 1, 3, 8, 3, 3, 3, 8, 1, 8, 9, 10, 11, 10, 13],
        ["nsubj", "ROOT", "det", "nsubj", "punct", "appos", "punct", "aux", "ccomp", "dobj",
         "acl", "prep", "pobj", "agent", "pobj"],
        {0: ("Globex", "Organisation"), 5: ("Acme", "Organisation"), 14: ("Japan", "Country")},
        tags=["NNP", "VBD", "DT", "NN", ",", "NNP", ",", "MD", "VB", "NNS", "VBN", "IN", "PRP",
              "IN", "NNP"])
    assert name_at(doc, state, 12) == "Acme"


def test_a_relative_pronoun_is_what_its_clause_hangs_on():
    doc, state = parse(["Acme", ",", "which", "makes", "chips"], [0, 0, 3, 0, 3],
                       ["ROOT", "punct", "nsubj", "relcl", "dobj"], {0: ("Acme", "Organisation")},
                       tags=["NNP", ",", "WDT", "VBZ", "NNS"])
    assert name_at(doc, state, 2) == "Acme"


def test_whose_after_a_name_and_a_comma_is_that_party_where_no_clause_hangs_on_it():
    # the parser read the relative clause as one joined to the sentence's verb
    words = ["Globex", "sued", "Acme", ",", "whose", "fibres", "were", "banned"]
    heads = [1, 1, 1, 1, 5, 7, 7, 1]
    deps = ["nsubj", "ROOT", "dobj", "punct", "poss", "nsubjpass", "auxpass", "conj"]
    tags = ["NNP", "VBD", "NNP", ",", "WP$", "NNS", "VBD", "VBN"]
    nodes = {0: ("Globex", "Organisation"), 2: ("Acme", "Organisation")}
    doc, state = parse(words, heads, deps, nodes, tags=tags)
    assert name_at(doc, state, 4) == "Acme"
    # "which" may stand for what the clause before says: it is left open
    doc, state = parse([*words[:4], "which", *words[5:]], heads, deps, nodes,
                       tags=[*tags[:4], "WDT", *tags[5:]])
    assert name_at(doc, state, 4) is None


def test_the_clause_subject_is_found_through_xcomp():
    doc, _ = parse(["Acme", "agreed", "to", "buy", "Initech"], [1, 1, 3, 1, 3],
                   ["nsubj", "ROOT", "aux", "xcomp", "dobj"], {})
    assert clause_subject(doc[3]).text == "Acme"


def test_the_subject_of_a_passive_does_what_its_complement_says():
    # "Acme was forced to halt sales": Acme halts, though the passive has no active subject
    doc, _ = parse(["Acme", "was", "forced", "to", "halt", "sales"], [2, 2, 2, 4, 2, 4],
                   ["nsubjpass", "auxpass", "ROOT", "aux", "xcomp", "dobj"], {},
                   tags=["NNP", "VBD", "VBN", "TO", "VB", "NNS"])
    assert clause_subject(doc[4]).text == "Acme"


def test_the_subject_of_a_passive_of_report_is_not_made_to_act():
    # "Acme is reported to be in talks": no one is said to act
    doc, _ = parse(["Acme", "is", "reported", "to", "be", "in", "talks"], [2, 2, 2, 4, 2, 4, 5],
                   ["nsubjpass", "auxpass", "ROOT", "aux", "xcomp", "prep", "pobj"], {},
                   tags=["NNP", "VBZ", "VBN", "TO", "VB", "IN", "NNS"])
    assert clause_subject(doc[4]) is None


def test_the_subject_of_an_infinitive_after_for_is_its_object():
    # "the agreement for Fujitsu to buy Fairchild": Fujitsu buys, not who agreed
    doc, _ = parse(["Acme", "ended", "a", "deal", "for", "Globex", "to", "buy", "Initech"],
                   [1, 1, 3, 1, 3, 4, 7, 1, 7],
                   ["nsubj", "ROOT", "det", "dobj", "prep", "pobj", "aux", "advcl", "dobj"], {},
                   tags=["NNP", "VBD", "DT", "NN", "IN", "NNP", "TO", "VB", "NNP"])
    assert clause_subject(doc[7]).text == "Globex"


def test_of_two_subjects_of_one_verb_the_clause_subject_is_the_nearer():
    doc, _ = parse(["OSLO", "-", "Norway", "'s", "parliament", "approved", "a", "ban"],
                   [5, 0, 4, 2, 5, 5, 7, 5],
                   ["nsubj", "punct", "poss", "case", "nsubj", "ROOT", "det", "dobj"], {})
    assert clause_subject(doc[5]).text == "parliament"


def test_a_subject_split_into_several_tokens_is_read_from_its_first():
    doc, _ = parse(["Wal", "-", "Mart", "took", "a", "stake"], [3, 3, 3, 3, 5, 3],
                   ["nsubj", "nsubj", "nsubj", "ROOT", "det", "dobj"], {})
    assert clause_subject(doc[3]).text == "Wal"


def test_conjuncts_and_nodes_before():
    doc, state = parse(["Lopez", "met", "Acme", "and", "Globex"], [1, 1, 1, 2, 2],
                       ["nsubj", "ROOT", "dobj", "cc", "conj"],
                       {0: ("Lopez", "Person"), 2: ("Acme", "Organisation"),
                        4: ("Globex", "Organisation")})
    assert [t.text for t in conjuncts(doc[2])] == ["Globex"]
    assert [n.name for n in nodes_before(doc[4], state)] == ["Lopez", "Acme"]




@pytest.mark.parametrize(
    "text, expected",
    [
        # "the U.S. association" is the one association named before that is not another
        # country's, and says where it is based; what it represents are its members
        ("The Semiconductor Industry Association met the Japan Semiconductor Association. "
         "The U.S. association, which represents companies like Intel Corp. and Micron Inc., "
         "said it was pleased.",
         [("Intel Corp.", "memberOf", "Semiconductor Industry Association"),
          ("Micron Inc.", "memberOf", "Semiconductor Industry Association"),
          ("Semiconductor Industry Association", "basedIn", "United States")]),
        # "its" is not the clause's own subject in "X was its supplier"
        ("A spokesman for Amdahl Corp said it would be hurt because Fujitsu was its only "
         "supplier of components.", [("Fujitsu", "supplies", "Amdahl Corp")]),
        ("Samsung said Intel was its biggest customer.", [("Samsung", "supplies", "Intel")]),
        ("Boeing signed a deal to supply jets to Ryanair.", [("Boeing", "supplies", "Ryanair")]),
        # with another party to the deal, who supplies is not said
        ("Ryanair signed a deal with Boeing to supply jets to Lufthansa.", []),
        # parties named together in a conflict oppose each other, the one named beside a
        # common noun included
        ("Initech and its parent, Globex Corporation, are set for another showdown in court.",
         [("Globex Corporation", "investsIn", "Initech"),
          ("Globex Corporation", "opposes", "Initech"),
          ("Initech", "opposes", "Globex Corporation")]),
        # a unit noun stands for the company it names before it
        ("Apple said Jane Doe has been named president of its Beats Electronics subsidiary.",
         [("Apple", "investsIn", "Beats Electronics"),
          ("Jane Doe", "leads", "Beats Electronics")]),
        # so does a noun of what a company is
        ("The Marlow Industrie consortium has signed a contract to sell 10 trains to Ryanair.",
         [("Marlow Industrie", "supplies", "Ryanair")]),
        ("The Vexcor Motors venture will supply engines to Volvo.",
         [("Vexcor Motors", "supplies", "Volvo")]),
        # a unit or venture noun named in apposition stands for that name, and so does a
        # noun given its name by "named" or "called"
        ("The joint venture, Globex Holdings, will be 60 pct owned by Initech Inc and 40 pct "
         "owned by Acme Corp, it said.",
         [("Acme Corp", "investsIn", "Globex Holdings"),
          ("Initech Inc", "investsIn", "Globex Holdings"),
          ("Initech Inc", "partnersWith", "Acme Corp")]),
        ("The new company, named Globex Holdings, is owned by Initech Inc.",
         [("Initech Inc.", "investsIn", "Globex Holdings")]),
        # ... and where the parser gives the name to the members ("of companies called X")
        ("Last year a consortium of companies called OpenRank sued Acme Inc.",
         [("OpenRank", "opposes", "Acme Inc.")]),
        # a plural noun stands for the names in apposition to it, and a number of them too
        ("Globex Inc sells handsets to the largest carriers, Acme Corp and Initech Inc.",
         [("Globex Inc", "supplies", "Acme Corp"), ("Globex Inc", "supplies", "Initech Inc.")]),
        ("Globex Inc sells handsets to three of the four largest mobile carriers - Acme Corp, "
         "Initech Inc and Hooli Inc.",
         [("Globex Inc", "supplies", "Acme Corp"), ("Globex Inc", "supplies", "Hooli Inc."),
          ("Globex Inc", "supplies", "Initech Inc")]),
    ],
)
def test_references_and_pronouns(nlp, text, expected):
    assert triples(nlp, text) == sorted(expected)




@pytest.mark.parametrize(
    "text, policies, relations",
    [
        # "the Taiwan government", "US lawmakers", "US authorities" stand for the country
        ("The Taiwan government has cleared Acme Corp to open a plant.",
         [("Taiwanese approval of Acme Corp", "Licence")],
         [("Taiwan", "imposes", "Taiwanese approval of Acme Corp"),
          ("Taiwanese approval of Acme Corp", "targets", "Acme Corp")]),
        ("The latest bill proposed by US lawmakers to further restrict China's access to "
         "advanced chips marks an escalation.",
         [("U.S. bill on China", "OtherPolicy")],
         [("United States", "imposes", "U.S. bill on China"),
          ("United States", "sanctions", "China"),
          ("U.S. bill on China", "targets", "China")]),
        ("Globex Corp's chip has passed reviews by US authorities.",
         [("U.S. review of Globex Corp", "OtherPolicy")],
         [("United States", "imposes", "U.S. review of Globex Corp"),
          ("U.S. review of Globex Corp", "targets", "Globex Corp")]),
        # the imposer of a relative clause, through "it"
        ("Dealers asked the Reagan Administration for exclusions from the tariffs it is to "
         "impose on Japanese exports.",
         [("Reagan Administration tariffs on Japan", "Tariff")],
         [("Reagan Administration", "imposes", "Reagan Administration tariffs on Japan"),
          ("Reagan Administration tariffs on Japan", "targets", "Japan")]),
        # "the country" is the one country named before it in the sentence
        ("Samsung's chip entrepreneurs in South Korea backed the country's five-year plan.",
         [("South Korean five-year plan", "Subsidy")],
         [("South Korea", "imposes", "South Korean five-year plan")]),
        # "the administration of <leader>" is that leader's administration
        ("The administration of US President Jane Doe on Friday unveiled new export controls "
         "on Ruritania.",
         [("Jane Doe administration export controls on Ruritania", "ExportControl")],
         [("Jane Doe", "leads", "United States"),
          ("Jane Doe administration", "imposes",
           "Jane Doe administration export controls on Ruritania"),
          ("Jane Doe administration export controls on Ruritania", "targets", "Ruritania")]),
        ("The administration of the port raised fees.", [], []),
        # "its" in the measure's object is the speaker who opposes it
        ("China said it would hit back against the latest US tariffs targeting its steel sector.",
         [("U.S. tariffs on China", "Tariff")],
         [("China", "opposes", "U.S. tariffs on China"),
          ("United States", "imposes", "U.S. tariffs on China"),
          ("U.S. tariffs on China", "targets", "China")]),
    ],
)
def test_references_name_imposers(nlp, text, policies, relations):
    assert policy_view(nlp, text) == (sorted(policies), sorted(relations))


@pytest.mark.parametrize(
    "text, policies, relations",
    [
        # the object pronoun of a participle on a noun is the subject of the clause around
        # the noun, not the participle's agent nor another party named before it
        ("Acme Corp, a supplier of Globex Inc, will appeal the export restrictions imposed "
         "on it by Japan.",
         [("Japanese export controls on Acme Corp", "ExportControl")],
         [("Acme Corp", "opposes", "Japanese export controls on Acme Corp"),
          ("Acme Corp", "supplies", "Globex Inc"),
          ("Japan", "imposes", "Japanese export controls on Acme Corp"),
          ("Japanese export controls on Acme Corp", "targets", "Acme Corp")]),
    ],
)
def test_the_pronoun_of_a_participle_is_the_subject_around_it(nlp, text, policies, relations):
    assert policy_view(nlp, text) == (sorted(policies), sorted(relations))


@pytest.mark.parametrize(
    "text, expected",
    [
        # a short name joined by a hyphen to a participle is the organisation it begins
        ("Globex Inc said sales rose. Acme Corp and Hooli Inc have followed suit, integrating "
         "Globex-produced components into their servers.",
         [("Globex Inc", "supplies", "Acme Corp"), ("Globex Inc", "supplies", "Hooli Inc")]),
        ("Initech Group Co bid for Hooli Inc. The Initech-led consortium, which also includes "
         "Globex Capital and Vandelay Partners, has bid $78 per share.",
         [("Globex Capital", "partnersWith", "Vandelay Partners"),
          ("Initech Group Co", "partnersWith", "Globex Capital"),
          ("Initech Group Co", "partnersWith", "Vandelay Partners")]),
        # two organisations the short name may begin: neither
        ("Globex Inc and Globex Bank said sales rose. Acme Corp uses Globex-made chips.", []),
    ],
)
def test_a_short_name_before_a_hyphen_and_a_participle(nlp, text, expected):
    assert sorted(t for t in triples(nlp, text)
                  if t[1] in ("supplies", "partnersWith")) == expected


@pytest.mark.parametrize(
    "text, verb, subject",
    [
        # the one urged, a name or a body, does what it is asked
        ("Acme urged Globex to cut prices.", "cut", "Globex"),
        ("Acme urged the government to cut prices.", "cut", "government"),
        # the asker does what it takes steps to do
        ("Acme took steps to cut prices.", "cut", "Acme"),
    ],
)
def test_the_one_asked_to_act_is_the_subject_of_the_act(nlp, text, verb, subject):
    doc = nlp(text)
    assert clause_subject(next(t for t in doc if t.text == verb)).text == subject


@pytest.mark.parametrize(
    "text, expected",
    [
        # a company's board or directors, subject or agent of their clause, act for it
        ("Acme Corp's board rejected Globex Inc's offer.",
         [("Acme Corp", "opposes", "Globex Inc")]),
        ("Globex Inc's offer was rejected by Acme Corp's directors.",
         [("Acme Corp", "opposes", "Globex Inc")]),
        ("Acme Corp said its board rejected Globex Inc's offer.",
         [("Acme Corp", "opposes", "Globex Inc")]),
        # a seat on the board is no act of the company
        ("Jane Doe was elected to Acme Corp's board.", [("Jane Doe", "memberOf", "Acme Corp")]),
    ],
)
def test_a_companys_board_acts_for_it(nlp, text, expected):
    assert triples(nlp, text) == sorted(expected)


@pytest.mark.parametrize(("text", "expected"), [
    # the subject of a relative clause is not what the clause hangs on
    ("Acme Ltd has the marketing contract for sands produced by Globex Corp, of which it "
     "holds 17.5 pct.", [("Acme Ltd", "investsIn", "Globex Corp")]),
    # but what a pronoun before it in its sentence stands for
    ("Acme Ltd rose 5 pct on Monday. It also has the marketing contract for sands produced "
     "by Globex Corp, of which it holds 17.5 pct.",
     [("Acme Ltd", "investsIn", "Globex Corp"), ("Acme Ltd", "roseOnNews", "@article")]),
])
def test_the_subject_of_a_relative_clause_is_not_what_the_clause_hangs_on(nlp, text, expected):
    assert triples(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a public body's noun named in apposition stands for the name
        ("Acme Bank was fined by the regulator, the Securities and Exchange Commission.",
         [("Securities and Exchange Commission", "sanctions", "Acme Bank")]),
        ("Acme Bank was fined by the US regulator, the Financial Conduct Authority.",
         [("Financial Conduct Authority", "sanctions", "Acme Bank")]),
    ],
)
def test_a_body_named_in_apposition(nlp, text, expected):
    assert [t for t in triples(nlp, text) if t[1] == "sanctions"] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a plural company noun counted as two stands for the pair coordinated just before it
    ("Acme Corp and Globex Corp make chips in Oslo. Both firms compete with Hooli Inc.",
     [("Acme Corp", "competesWith", "Hooli Inc."), ("Globex Corp", "competesWith", "Hooli Inc.")]),
    ("Acme Corp and Globex Corp competed for years. The two companies said they would buy "
     "Hooli Inc.",
     [("Acme Corp", "competesWith", "Globex Corp"), ("Acme Corp", "investsIn", "Hooli Inc."),
      ("Globex Corp", "investsIn", "Hooli Inc.")]),
    # not a pair with another organisation named after it, nor two of a list of three
    ("Acme Corp and Globex Corp competed for years. Initech Corp sued Hooli Inc. The two "
     "companies compete with Vandelay Industries.",
     [("Acme Corp", "competesWith", "Globex Corp"), ("Initech Corp", "opposes", "Hooli Inc.")]),
    ("Acme Corp, Globex Corp and Initech Corp competed for years. The two companies compete "
     "with Vandelay Industries.", []),
])
def test_a_pair_of_companies_counted_as_two(nlp, text, expected):
    assert triples(nlp, text) == sorted(expected)


@pytest.mark.parametrize(("text", "expected"), [
    # "A in X and B in Y": the parser hangs B on the place X; B is listed all the same
    ("Hooli Bank rose 5 pct. Most of the profit came from its two subsidiaries Acme Finance "
     "Co Ltd in Hong Kong and Globex International Bank Ltd in Macao.",
     [("Hooli Bank", "investsIn", "Acme Finance Co Ltd"),
      ("Hooli Bank", "investsIn", "Globex International Bank Ltd"),
      ("Hooli Bank", "roseOnNews", "@article")]),
    ("Hooli Inc sold its two subsidiaries, Acme Finance Co Ltd in Hong Kong and Globex "
     "International Bank Ltd in Macao, to Initech Corp.",
     [("Hooli Inc", "investsIn", "Acme Finance Co Ltd"),
      ("Hooli Inc", "investsIn", "Globex International Bank Ltd"),
      ("Initech Corp.", "investsIn", "Acme Finance Co Ltd"),
      ("Initech Corp.", "investsIn", "Globex International Bank Ltd")]),
    # after an organisation, a name coordinated with it is not listed with the first
    ("Jane Doe of Acme Corp and John Roe said the deal was off.",
     [("Jane Doe", "worksFor", "Acme Corp")]),
])
def test_a_name_the_parser_coordinated_with_a_place_is_listed(nlp, text, expected):
    assert triples(nlp, text) == sorted(expected)
