"""Tests of newsgraph.graph.resolve: merging rules, type votes, the user's aliases and
do-not-merge pairs, and the merge log."""

from __future__ import annotations

from collections import Counter

import pytest

from newsgraph.graph.aliases import Aliases
from newsgraph.graph.build import build_graph, merge_log
from newsgraph.graph.resolve import _canonical, match_key, resolve
from newsgraph.ingest.documents import Article, Entity, Extraction

ORG = (("Organisation", 1.0),)
PERSON = (("Person", 1.0),)


def _labels(pairs, **options):
    groups, _ = resolve(pairs, **options)
    return sorted((g.label, g.type, g.aliases) for g in groups)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Acme Corp.", "acme"),
        ("Acme Corporation", "acme"),
        ("Acme Co., Ltd.", "acme"),
        ("The Acme Inc\u2019s", "acme"),
        ("Japanese Robot Makers Association", "japan robot makers association"),
        ("U.S. Marine Survey", "united states marine survey"),
        ("Jane Q. Smith administration", "smith administration"),
        # "and" before a legal form goes with it: X and Co is X's company
        ("Vela, Sachs and Co.", "vela sachs"),
        ("Vela & Co Inc", "vela"),
        ("Marks and Spencer", "marks and spencer"),
        # a department or ministry "of" something, named with its head last as well
        ("U.S. Department of Commerce", "united states commerce department"),
        ("Ministry of Finance", "finance ministry"),
        ("Bank of England", "bank of england"),
    ],
)
def test_match_key(name, expected):
    assert match_key(name, "Organisation") == expected


@pytest.mark.parametrize(
    ("names", "merged"),
    [
        (["Wan Li Optics", "Wanli Optics"], True),  # spelling
        (["Globex", "Globex Technologies"], True),  # corporate words
        (["Globex Technology Co., Ltd.", "Globex Technologies Co. Ltd"], True),
        (["Globex", "Globex SDI"], False),  # a distinguishing word
        (["Treaty of 2019", "Treaty of 2020"], False),  # different numbers
        (["Acme Bank", "Acme Insurance"], False),
        (["U.S. Commerce Department", "U.S. Department of Commerce"], True),
    ],
)
def test_cross_document_rules(names, merged):
    groups, _ = resolve((f"doc{i}", Entity(n, "Organisation", votes=ORG))
                        for i, n in enumerate(names))
    assert (len(groups) == 1) is merged


def test_canonical_label_is_fullest_without_abbreviations():
    labels = _labels([("a", Entity("Globex Technologies Co. Ltd", "Organisation",
                                   ("Globex",), votes=ORG))])
    assert labels == [("Globex Technologies", "Organisation",
                       ("Globex", "Globex Technologies Co. Ltd"))]


def test_a_legal_form_after_and_stays_in_the_label():
    labels = _labels([("a", Entity("Vela Capel and Co", "Organisation", votes=ORG)),
                      ("b", Entity("Vela Capel", "Organisation", votes=ORG))])
    assert labels == [("Vela Capel and Co", "Organisation", ("Vela Capel",))]


def test_vote_across_documents_fixes_the_type():
    labels = _labels([
        ("a", Entity("Wanli Optics", "Person", votes=PERSON)),
        ("b", Entity("Wanli Optics", "Organisation", votes=(("Organisation", 3.0),))),
        ("c", Entity("Wanli Optics", "Organisation", votes=ORG)),
    ])
    assert labels == [("Wanli Optics", "Organisation", ())]


def test_weak_evidence_is_no_entity():
    assert _labels([("a", Entity("Davosville", "Organisation",
                                 votes=(("Organisation", 0.25),)))]) == []


def test_acronym_joins_only_when_documents_agree():
    agreed = _labels([
        ("a", Entity("Robot Makers Association", "Organisation", ("RMA",), votes=ORG)),
        ("b", Entity("RMA", "Organisation", votes=ORG)),
    ])
    assert agreed == [("Robot Makers Association", "Organisation", ("RMA",))]
    ambiguous = _labels([
        ("a", Entity("Robot Makers Association", "Organisation", ("RMA",), votes=ORG)),
        ("b", Entity("Rail Maintenance Authority", "Organisation", ("RMA",), votes=ORG)),
    ])
    # the acronym stays with neither, and alone it was never a name of its own
    assert ambiguous == [("Rail Maintenance Authority", "Organisation", ()),
                         ("Robot Makers Association", "Organisation", ())]


def test_a_policys_short_name_joins_only_when_documents_agree():
    us = Entity("United States export controls", "Policy", ("export controls",))
    agreed = _labels([("a", us), ("b", Entity("export controls", "Policy")),
                      ("c", Entity("American export controls", "Policy"))])
    assert agreed == [("United States export controls", "Policy",
                       ("American export controls", "export controls"))]
    ambiguous = _labels([("a", us),
                         ("b", Entity("China export controls", "Policy", ("export controls",)))])
    assert ambiguous == [("China export controls", "Policy", ()),
                         ("United States export controls", "Policy", ())]


def test_surname_alone_joins_the_one_full_name():
    labels = _labels([
        ("a", Entity("Jane Smith", "Person", votes=PERSON)),
        ("b", Entity("Smith", "Person", votes=PERSON)),
    ])
    assert labels == [("Jane Smith", "Person", ("Smith",))]


def test_surname_shared_by_two_people_joins_neither():
    labels = _labels([
        ("a", Entity("Jane Smith", "Person", votes=PERSON)),
        ("b", Entity("John Smith", "Person", votes=PERSON)),
        ("c", Entity("Smith", "Person", votes=PERSON)),
    ])
    assert [label for label, _, _ in labels] == ["Jane Smith", "John Smith", "Smith"]


def test_a_surname_a_company_is_surely_named_by_elsewhere_keeps_the_two_apart():
    person = Entity("Jane Q. Porter", "Person", ("Porter",), votes=(("Person", 4.0),))
    company = Entity("Porter Inc", "Organisation", votes=(("Organisation", 21.0),))
    assert _labels([("a", person), ("b", company)]) == [
        ("Jane Q. Porter", "Person", ()), ("Porter", "Organisation", ("Porter Inc",))]
    guessed = Entity("Porter", "Organisation", votes=ORG)  # only the model's label: joined
    assert _labels([("a", person), ("b", guessed)]) == [
        ("Jane Q. Porter", "Person", ("Porter",))]


def test_user_aliases_and_do_not_merge():
    aliases = Aliases(same=(("Wanli Optics", ("WLO Group",)),),
                      distinct=(("Globex", "Globex Technologies"),))
    labels = _labels([
        ("a", Entity("Wanli Optics", "Organisation", votes=ORG)),
        ("b", Entity("WLO Group", "Organisation", votes=ORG)),
        ("c", Entity("Globex", "Organisation", votes=ORG)),
        ("d", Entity("Globex Technologies", "Organisation", votes=ORG)),
    ], aliases=aliases)
    assert labels == [
        ("Globex", "Organisation", ()),
        ("Globex Technologies", "Organisation", ()),
        ("Wanli Optics", "Organisation", ("WLO Group",)),
    ]


def test_merge_log_names_rule_and_documents():
    _, log = resolve([
        ("a.txt", Entity("Wan Li Optics", "Organisation", votes=ORG)),
        ("b.txt", Entity("Wanli Optics", "Organisation", votes=ORG)),
    ])
    assert [m.to_dict() for m in log] == [{
        "node": "Wan Li Optics", "type": "Organisation", "rule": "spelling",
        "names": ["Wan Li Optics", "Wanli Optics"], "documents": ["a.txt", "b.txt"],
    }]


def test_build_graph_keeps_the_merge_log():
    article = Article(id="a1", text="", source="a.txt")
    G = build_graph([Extraction(article, (Entity("Acme Corp.", "Organisation", ("Acme",)),))])
    assert merge_log(G) == [{"node": "Acme", "type": "Organisation", "rule": "name",
                             "names": ["Acme", "Acme Corp."], "documents": ["a.txt"]}]


def test_resolution_holds_at_ten_thousand_documents():
    pairs = []
    for i in range(10_000):
        pairs.append((f"d{i}", Entity(f"Company{i} Technologies", "Organisation",
                                      (f"Company{i}",), votes=ORG)))
        pairs.append((f"d{i}", Entity(f"Person{i} Surname{i % 500}", "Person", votes=PERSON)))
        pairs.append((f"d{i}", Entity("United States", "Country", ("US",))))
    groups, _ = resolve(pairs)  # its speed is measured in benchmarks/, not here
    assert len(groups) == 20_001


def test_country_label_is_the_iso_label():
    labels = _labels([("a", Entity("Brazil", "Country", ("Brazilian",))),
                      ("b", Entity("Brazil", "Country", ("Brasilia",)))])
    assert labels == [("Brazil", "Country", ("Brasilia", "Brazilian"))]


def test_place_qualifier_joins_the_bare_name():
    groups, log = resolve([
        ("a", Entity("Dutch Trade Chamber", "Organisation", votes=(("Organisation", 3),))),
        ("b", Entity("Trade Chamber", "Organisation", votes=(("Organisation", 3),))),
    ])
    assert [(g.label, g.aliases) for g in groups] == [("Dutch Trade Chamber", ("Trade Chamber",))]
    assert [m.rule for m in log] == ["place qualifier"]


def test_a_bare_ministry_joins_no_other_document_s_ministry_of_a_country():
    groups, _ = resolve([
        ("a", Entity("French Foreign Ministry", "Organisation", votes=(("Organisation", 3),))),
        ("b", Entity("Foreign Ministry", "Organisation", votes=(("Organisation", 3),))),
    ])
    assert sorted(g.label for g in groups) == ["Foreign Ministry", "French Foreign Ministry"]
    groups, _ = resolve([
        ("a", Entity("French Ministry of Trade", "Organisation", votes=(("Organisation", 3),))),
        ("b", Entity("Trade Ministry", "Organisation", votes=(("Organisation", 3),))),
    ])
    assert sorted(g.label for g in groups) == ["French Ministry of Trade", "Trade Ministry"]


def test_a_bare_ministry_joins_the_one_of_the_country_its_document_names():
    groups, log = resolve([
        ("a", Entity("French Foreign Ministry", "Organisation", votes=(("Organisation", 3),))),
        ("b", Entity("Foreign Ministry", "Organisation", votes=(("Organisation", 3),))),
        ("b", Entity("France", "Country")),
    ])
    assert sorted(g.label for g in groups) == ["France", "French Foreign Ministry"]
    assert [m.rule for m in log] == ["place qualifier"]


def test_corporate_words_named_apart_stay_apart():
    # a document named a company and its "patent unit Globex Technologies" apart
    groups, _ = resolve([
        ("a", Entity("Globex", "Organisation", votes=ORG)),
        ("a", Entity("Globex Technologies", "Organisation", votes=ORG)),
        ("b", Entity("Globex Technologies", "Organisation", votes=ORG)),
        ("c", Entity("Globex", "Organisation", votes=ORG)),
    ])
    assert sorted(g.label for g in groups) == ["Globex", "Globex Technologies"]


def test_place_qualifier_named_apart_stays_apart():
    groups, _ = resolve([
        ("a", Entity("China Chip Makers Association", "Organisation",
                     votes=(("Organisation", 3),))),
        ("a", Entity("Chip Makers Association", "Organisation", votes=(("Organisation", 3),))),
        ("b", Entity("Chip Makers Association", "Organisation", votes=(("Organisation", 3),))),
    ])
    assert sorted(g.label for g in groups) == [
        "China Chip Makers Association", "Chip Makers Association"]


def test_do_not_merge_holds_through_a_third_name():
    labels = _labels([
        ("a", Entity("Globex", "Organisation", votes=ORG)),
        ("b", Entity("Globex International", "Organisation", votes=ORG)),
        ("c", Entity("Globex Technologies", "Organisation", votes=ORG)),
    ], aliases=Aliases(distinct=(("Globex", "Globex International"),)))
    assert labels == [("Globex", "Organisation", ()),
                      ("Globex International", "Organisation", ("Globex Technologies",))]


def test_do_not_merge_holds_when_a_document_pairs_the_name_with_a_lesser_alias():
    # the document's alias "Alpha Beta" sorts before the name the user keeps apart
    labels = _labels([
        ("a", Entity("Zeta Optics", "Organisation", ("Alpha Beta",), votes=ORG)),
        ("b", Entity("Zeta Optics Technologies", "Organisation", votes=ORG)),
    ], aliases=Aliases(distinct=(("Zeta Optics", "Zeta Optics Technologies"),)))
    assert labels == [("Zeta Optics", "Organisation", ("Alpha Beta",)),
                      ("Zeta Optics Technologies", "Organisation", ())]


def test_a_do_not_merge_name_may_be_a_lesser_alias():
    labels = _labels([("a", Entity("Zeta Optics", "Organisation", ("Alpha Beta",), votes=ORG))],
                     aliases=Aliases(distinct=(("Alpha Beta", "Omega Corp"),)))
    assert labels == [("Zeta Optics", "Organisation", ("Alpha Beta",))]


def test_user_aliases_across_types_are_refused_and_said():
    refused = []
    labels = _labels([
        ("a", Entity("Intel", "Organisation", votes=ORG)),
        ("b", Entity("United States", "Country", votes=(("Country", 1.0),))),
        ("c", Entity("Pat Gelsinger", "Person", votes=PERSON)),
    ], aliases=Aliases(same=(("Intel", ("United States",)),)), on_refused=refused.append)
    assert labels == [
        ("Intel", "Organisation", ()),
        ("Pat Gelsinger", "Person", ()),
        ("United States", "Country", ()),
    ]
    assert refused == [
        "same,Intel,United States: not applied: Intel is an organisation or person, United "
        "States a country (names of different types are never one node)"
    ]


def test_a_do_not_merge_pair_of_one_name_is_refused_and_said():
    refused = []
    labels = _labels([("a", Entity("Apple Inc.", "Organisation", votes=ORG))],
                     aliases=Aliases(distinct=(("Apple", "Apple Inc"),)),
                     on_refused=refused.append)
    assert labels == [("Apple", "Organisation", ("Apple Inc.",))]
    assert refused == ["distinct,Apple,Apple Inc: not applied: the two are one name (they "
                       "differ only in case, punctuation or a legal form)"]


def test_names_told_apart_by_a_sign_stay_apart():
    keys = {match_key(name, "Organisation") for name in ("C++ Foundation", "C# Foundation",
                                                          "C Foundation")}
    assert len(keys) == 3


def test_a_first_word_joins_the_one_listed_company_it_begins(monkeypatch):
    listed = {"globex": "globex motor"}
    monkeypatch.setattr("newsgraph.graph.resolve.listed_short_form", listed.get)
    labels = _labels([
        ("a", Entity("Globex", "Organisation", votes=ORG)),
        ("b", Entity("Globex Motor Co", "Organisation", votes=ORG)),
        ("c", Entity("Initech", "Organisation", votes=ORG)),
        ("d", Entity("Initech Motor Co", "Organisation", votes=ORG)),
    ])
    assert [label for label, _, _ in labels] == ["Globex Motor", "Initech", "Initech Motor"]


def test_a_first_word_joins_no_listed_company_a_document_names_apart(monkeypatch):
    monkeypatch.setattr("newsgraph.graph.resolve.listed_short_form", {"globex": "globex motor"}.get)
    labels = _labels([
        ("a", Entity("Globex", "Organisation", votes=ORG)),
        ("a", Entity("Globex Motor Co", "Organisation", votes=ORG)),
    ])
    assert [label for label, _, _ in labels] == ["Globex", "Globex Motor"]


def test_a_person_named_with_a_middle_initial_is_the_person_named_without_it():
    groups, _ = resolve([("a", Entity("Jane Q. Roe", "Person", votes=(("Person", 3.0),))),
                         ("b", Entity("Jane Roe", "Person", votes=(("Person", 3.0),))),
                         ("c", Entity("J. Quincy Roe", "Person", votes=(("Person", 3.0),)))])
    assert sorted((g.label, g.aliases) for g in groups) == [
        ("J. Quincy Roe", ()), ("Jane Q. Roe", ("Jane Roe",))]


def _orgs(*names):
    return [(f"doc{i}", Entity(n, "Organisation", votes=ORG)) for i, n in enumerate(names)]


def test_a_name_misspelt_in_another_document_joins_it():
    groups, log = resolve(_orgs("Globex Electornics", "Globex Electronics", "Acme Peidmont"))
    assert sorted((g.label, g.aliases) for g in groups) == [
        ("Acme Peidmont", ()), ("Globex Electronics", ("Globex Electornics",))]
    assert [m.rule for m in log] == ["misspelt"]
    # a letter out of place, and a one-word company
    groups, _ = resolve(_orgs("Peidmont Aviation", "Piedmont Aviation", "Genetech", "Genentech"))
    assert sorted(len(g.aliases) for g in groups) == [1, 1]


def test_a_misspelling_of_two_names_or_a_named_apart_pair_joins_none():
    groups, _ = resolve(_orgs("Globex Hinkley", "Globex Hinckley", "Globex Hinkly"))
    assert len(groups) == 3
    groups, _ = resolve([("a", Entity("Globex Electornics", "Organisation", votes=ORG)),
                         ("a", Entity("Globex Electronics", "Organisation", votes=ORG))])
    assert len(groups) == 2
    # short words, numbers, a letter added at the end and another first letter are other names
    groups, _ = resolve(_orgs("Acme Fund", "Acme Funk", "Globex 2019", "Globex 2018",
                              "Pacific Vela", "Pacifica Vela", "Qatalyst Acme", "Catalyst Acme"))
    assert len(groups) == 8
    # one word alone must end alike: "Globexs" may be a family name's plural
    groups, _ = resolve(_orgs("Globexes", "Globexe", "Vortex", "Vortexs"))
    assert len(groups) == 4


def test_a_person_s_name_misspelt_joins_but_not_another_common_first_name():
    groups, _ = resolve([("a", Entity("Jane Hinkley", "Person", votes=PERSON)),
                         ("b", Entity("Jane Hinckley", "Person", votes=PERSON)),
                         ("c", Entity("Shevin Doerty", "Person", votes=PERSON)),
                         ("d", Entity("Shervin Doerty", "Person", votes=PERSON)),
                         ("e", Entity("Christian Doe", "Person", votes=PERSON)),
                         ("f", Entity("Christina Doe", "Person", votes=PERSON)),
                         ("g", Entity("Hinckley", "Organisation", votes=ORG))])
    assert sorted((g.label, g.aliases) for g in groups) == [
        ("Christian Doe", ()), ("Christina Doe", ()), ("Hinckley", ()),
        ("Jane Hinckley", ("Jane Hinkley",)), ("Shervin Doerty", ("Shevin Doerty",))]


def test_a_name_of_the_same_words_in_another_order_joins_it():
    groups, log = resolve(_orgs("Acme Ministry of International and Trade Industry",
                                "Acme Ministry of International Trade and Industry",
                                "Globex District Court, Eastern District",
                                "Globex District Court for the Eastern District",
                                "Vela Trade Bank", "Trade Bank of Vela"))
    assert sorted(len(g.aliases) for g in groups) == [0, 0, 1, 1]
    assert {m.rule for m in log} == {"word order"}


def test_a_body_s_head_word_joins_its_country_s_where_each_document_names_the_country():
    def congress(other_country):
        return resolve([("a", Entity("Congress", "Organisation", votes=ORG)),
                        ("a", Entity("France", "Country")),
                        ("b", Entity("Congress", "Organisation", votes=ORG)),
                        ("b", Entity(other_country, "Country")),
                        ("c", Entity("French Congress", "Organisation", votes=ORG))])[0]
    assert [(g.label, g.aliases) for g in congress("France")
            if g.type == "Organisation"] == [("French Congress", ("Congress",))]
    assert sorted(g.label for g in congress("Peru") if g.type == "Organisation") == [
        "Congress", "French Congress"]


def test_a_generational_suffix_and_a_plural_legal_form_are_set_aside():
    assert match_key("Jane Q. Roe Jr.", "Person") == match_key("Jane Roe", "Person")
    assert match_key("Roe Jr", "Person") == "roe jr"
    assert match_key("Globex Cos", "Organisation") == match_key("Globex Cos Inc",
                                                                 "Organisation") == "globex"


def test_the_new_rules_do_not_depend_on_the_order_of_the_documents():
    pairs = _orgs("Globex Electornics", "Globex Electronics", "Globex Electronic",
                  "Acme Ministry of Trade and Industry", "Acme Ministry of Industry and Trade",
                  "Acme Industry and Trade Ministry", "Vela Cos", "Vela")
    assert _labels(pairs) == _labels(list(reversed(pairs)))


def test_british_and_american_spellings_of_a_body_s_name_are_one_name():
    groups, _ = resolve(_orgs("Acme Defence Organisation", "Acme Defense Organization",
                              "Vela Trade Centre", "Vela Trade Center"))
    assert sorted(sorted({g.label, *g.aliases}) for g in groups) == [
        ["Acme Defence Organisation", "Acme Defense Organization"],
        ["Vela Trade Center", "Vela Trade Centre"]]
    # parties of labour are not the labor parties of other countries
    groups, _ = resolve(_orgs("Acme Labour Party", "Acme Labor Party"))
    assert len(groups) == 2


def test_a_name_and_its_plural_name_two_organisations():
    groups, _ = resolve(_orgs("Globex Electronics", "Globex Electronic"))
    assert len(groups) == 2


@pytest.mark.parametrize(
    ("forms", "kind", "label"),
    [
        # a policy keeps the nationality word its imposer is named by
        ({"Norway's ban": 2, "Norwegian ban": 1}, "Policy", "Norwegian ban"),
        ({"Japan ban": 1, "Japanese ban": 1}, "Policy", "Japanese ban"),
        # a body is named by its country's name
        ({"Chinese Robot Association": 1, "China Robot Association": 1}, "Organisation",
         "China Robot Association"),
    ],
)
def test_the_label_of_a_policy_keeps_its_nationality_word(forms, kind, label):
    assert _canonical(Counter(forms), kind) == label
