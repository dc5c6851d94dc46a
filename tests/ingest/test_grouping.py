"""Tests of newsgraph.ingest.grouping: which mentions of a document are one entity, and under
which name."""

from __future__ import annotations

from collections import Counter

import pytest

from newsgraph.ingest.grouping import fullest_name, group_mentions


@pytest.mark.parametrize(
    ("mentions", "expected"),
    [
        ([("Jane Smith", "PERSON"), ("Smith", "PERSON")], [0, 0]),
        # a listed company's name joins a person's only where the model took it for a person
        ([("Michael Dell", "PERSON"), ("Dell", "ORG"), ("Dell", "PERSON")], [0, 1, 1]),
        ([("Michael Dell", "PERSON"), ("Dell", "PERSON")], [0, 0]),
        # two people share the surname: it joins neither
        ([("Jane Smith", "PERSON"), ("John Smith", "PERSON"), ("Smith", "PERSON")], [0, 1, 2]),
        ([("Robot Makers Association", "ORG"), ("RMA", "ORG")], [0, 0]),
        ([("Globex", "ORG"), ("Globex Technologies Co. Ltd", "ORG")], [0, 0]),
        # a distinguishing word is not a corporate word
        ([("Globex", "ORG"), ("Globex SDI", "ORG")], [0, 1]),
        ([("Acme", "ORG"), ("Acme Corp.", "ORG"), ("acme", "ORG")], [0, 0, 0]),
        # a short name joins the one longer name it begins, a line of business and a legal
        # form added or not, unless a code distinguishes it or two longer names share it
        ([("Borealis Optics", "ORG"), ("Borealis", "ORG")], [0, 0]),
        ([("Globex", "ORG"), ("Globex Electronics", "ORG")], [0, 0]),
        ([("Vela Motor Co", "ORG"), ("Vela", "ORG"), ("Vela Motor", "ORG")], [0, 0, 0]),
        ([("Kestrel Value LP", "ORG"), ("Kestrel", "ORG")], [0, 0]),
        ([("Vela, Sachs and Co.", "ORG"), ("Vela Sachs", "ORG")], [0, 0]),
        ([("Vela and Co", "ORG"), ("Vela", "ORG")], [0, 0]),
        ([("Borealis Mining", "ORG"), ("Borealis Metals", "ORG"), ("Borealis", "ORG")],
         [0, 1, 2]),
        # of several longer names, the short one joins the one named before it first comes
        ([("Orvex Financial Corp", "ORG"), ("Orvex", "ORG"), ("Orvex Securities Corp", "ORG"),
          ("Orvex", "ORG")], [0, 0, 2, 0]),
        # a longer name that extends another counts as that one: the group, not its division
        ([("Vela Sachs Group Inc", "ORG"), ("Vela Sachs Merchant Banking Division", "ORG"),
          ("Vela", "ORG")], [0, 1, 0]),
        # a longer name that adds a body inside the short one is another body
        ([("Senate", "ORG"), ("Senate Banking Committee", "ORG")], [0, 1]),
        ([("House", "ORG"), ("House of Representatives", "ORG"),
          ("House Foreign Affairs Committee", "ORG")], [0, 0, 2]),
        # a name the model took for a person joins only a longer name with a legal form, or
        # a word that makes it an organisation's, not a public body's
        ([("Quorvex Inc", "ORG"), ("Quorvex", "PERSON")], [0, 0]),
        ([("Quorvex Optics", "ORG"), ("Quorvex", "PERSON")], [0, 1]),
        ([("Quorvex Capital Group", "ORG"), ("Quorvex", "PERSON")], [0, 0]),
        ([("Reagan Administration", "ORG"), ("Reagan", "PERSON")], [0, 1]),
        # a person's first name does not join a company named after them
        ([("Jane Smith", "PERSON"), ("Jane", "PERSON"), ("Jane Street", "ORG")], [0, 1, 2]),
        # a first name, a surname or leading names join the one person named in full
        ([("Jane Smith", "PERSON"), ("Jane", "ORG")], [0, 0]),
        ([("Jane Smith", "PERSON"), ("Jane Doe", "PERSON"), ("Jane", "PERSON")], [0, 1, 2]),
        ([("Park Min-jun", "PERSON"), ("Park", "PERSON")], [0, 0]),
        ([("Abdul Karim Vela", "PERSON"), ("Abdul Karim", "PERSON")], [0, 0]),
        ([("Jan\nSoriano III", "PERSON"), ("Soriano", "PERSON")], [0, 0]),
        # a country word before an acronym or a government body, and a research arm
        ([("EXB", "ORG"), ("US EXB", "ORG")], [0, 0]),
        ([("Ministry of Trade", "ORG"), ("Chinese Ministry of Trade", "ORG")], [0, 0]),
        ([("U.S. Senate", "ORG"), ("Senate", "ORG"), ("United States Senate", "ORG")],
         [0, 0, 0]),
        ([("U.S. Treasury Department", "ORG"), ("Treasury", "ORG"), ("U.S. Treasury", "ORG")],
         [0, 0, 0]),
        ([("U.S. House of Representatives", "ORG"), ("House", "ORG")], [0, 0]),
        # two countries qualify the one body: neither joins the bare name
        ([("U.S. Senate", "ORG"), ("Senate", "ORG"), ("French Senate", "ORG")], [0, 1, 2]),
        ([("Chip Makers Association", "ORG"), ("China Chip Makers Association", "ORG")], [0, 1]),
        ([("Vela Securities", "ORG"), ("Vela Securities Research Institute", "ORG")], [0, 0]),
        # a head word alone joins the one name that ends with it
        ([("Tarvo Trade Commission", "ORG"), ("Commission", "ORG")], [0, 0]),
        ([("Tarvo Trade Commission", "ORG"), ("Vela Commission", "ORG"), ("Commission", "ORG")],
         [0, 1, 2]),
        # a one-word name joins the one name written in full that it ends, corporate words
        # aside; not a company beside its unit, two names in one, a list, or "of" a place
        ([("Tarvo Kestrel Co", "ORG"), ("Kestrel", "ORG")], [0, 0]),
        ([("Jan Vela and Co Inc", "ORG"), ("Vela", "PERSON")], [0, 0]),
        ([("Q.R. Marlow", "ORG"), ("Marlow", "ORG")], [0, 0]),
        ([("Tarvo Kestrel", "ORG"), ("Kestrel", "ORG")], [0, 1]),
        ([("Tarvo Inc", "ORG"), ("Tarvo Kestrel Co", "ORG"), ("Kestrel", "ORG")], [0, 1, 2]),
        ([("Lyft, Kestrel Co", "ORG"), ("Kestrel", "ORG")], [0, 1]),
        ([("Bank of Kestrel Co", "ORG"), ("Kestrel", "ORG")], [0, 1]),
        ([("Tarvo Kestrel Co", "ORG"), ("Vela Kestrel Inc", "ORG"), ("Kestrel", "ORG")],
         [0, 1, 2]),
        # acronyms: with dots, less a legal form, less a leading country
        ([("United Nations", "ORG"), ("U.N.", "ORG"), ("UN", "ORG")], [0, 0, 0]),
        ([("General Motors Co", "ORG"), ("GM", "ORG")], [0, 0]),
        ([("Kestrel Semiconductor Manufacturing Co Ltd", "ORG"), ("KSMC", "ORG")], [0, 0]),
        ([("U.S. Environmental Protection Agency", "ORG"), ("EPA", "ORG")], [0, 0]),
        # a name spelled as written wins over one spelled less its country
        ([("US Coastal Marine Office", "ORG"), ("Clean Metals Organisation", "ORG"),
          ("CMO", "ORG")], [0, 1, 1]),
        # small words and abbreviations spelt out; plain initials win over those spellings
        ([("Office of Marine Trade", "ORG"), ("OOMT", "ORG")], [0, 0]),
        ([("N.Z. Timber Products", "ORG"), ("NZTP", "ORG")], [0, 0]),
        ([("Kestrel Vela Optics", "ORG"), ("KV Optics", "ORG"), ("KVO", "ORG")], [0, 1, 0]),
        # a misspelt word: two letters swapped, one left out, one word alone
        ([("Talvora AG", "ORG"), ("Tavlora AG", "ORG"), ("Talvora Optics Corp", "ORG")],
         [0, 0, 2]),
        ([("Jane Wolverton", "PERSON"), ("Jane Wolvrton", "PERSON"), ("Mark Wolverton", "PERSON")],
         [0, 0, 2]),
        ([("Marlowe Industrial Gas Corp", "ORG"), ("Marlow", "ORG")], [0, 1]),
        ([("Marlowe Capital", "ORG"), ("Marlow Capital", "ORG")], [0, 1]),
        ([("Marlowe Capital", "ORG"), ("Marlwoe Capital", "ORG")], [0, 0]),
        ([("Marlowe Industrial Gas Corp", "ORG"), ("Marlowes", "ORG")], [0, 0]),
        ([("Kestel Mining", "ORG"), ("Kestl", "ORG")], [0, 1]),
        # short words, a letter in place of another, two candidates, a person and a firm: apart
        ([("Acme Rocket", "ORG"), ("Acne Rocket", "ORG")], [0, 1]),
        ([("Globex Stellar", "ORG"), ("Globex Steller", "ORG")], [0, 1]),
        ([("Talvorex Group", "ORG"), ("Talvorax Group", "ORG")], [0, 0]),
        ([("Kestrels", "ORG"), ("Kestrel Optics", "ORG"), ("Kestrel Vela", "ORG")], [0, 1, 2]),
        ([("Wolverton", "PERSON"), ("Wolvrton Mining", "ORG")], [0, 1]),
    ],
)
def test_group_mentions(mentions, expected):
    assert group_mentions(mentions) == expected


def test_mentions_the_text_says_are_one_join_whole_groups():
    mentions = [("Acme", "ORG"), ("OTB", "ORG"), ("Acme", "ORG"),
                ("US International Ocean Trade Board", "ORG"), ("OTB", "ORG")]
    assert group_mentions(mentions) == [0, 1, 0, 3, 1]
    assert group_mentions(mentions, same=[(4, 3)]) == [0, 1, 0, 1, 1]


def test_names_the_text_keeps_apart_join_no_group():
    mentions = [("Globex", "ORG"), ("Globex Technologies", "ORG"), ("Globex", "ORG")]
    assert group_mentions(mentions) == [0, 0, 0]
    assert group_mentions(mentions, apart=[(1, 0)]) == [0, 1, 0]
    # not even where the text says a mention of one of them is the other's
    assert group_mentions(mentions, same=[(1, 2)], apart=[(1, 0)]) == [0, 1, 0]


def test_a_short_name_kept_apart_from_a_unit_joins_the_other_name_it_begins():
    mentions = [("Globex Motor Corp", "ORG"), ("Globex Financial Services", "ORG"),
                ("Globex", "ORG")]
    assert group_mentions(mentions) == [0, 1, 2]  # two longer names: it joins neither
    assert group_mentions(mentions, apart=[(1, 2)]) == [0, 1, 0]


def test_a_name_labelled_a_person_less_often_than_not_joins_the_longer_name_it_begins():
    mentions = [("Borealis Vane", "ORG"), ("Borealis", "PERSON"), ("Borealis", "ORG"),
                ("Borealis", "PERSON"), ("Borealis", "ORG"), ("Borealis", "ORG")]
    assert group_mentions(mentions) == [0, 0, 0, 0, 0, 0]
    # labelled a person more often than not, it joins only a name with a legal form
    assert group_mentions(mentions[:4]) == [0, 1, 1, 1]


def test_a_surname_of_two_words_joins_the_person_named_in_full():
    mentions = [("Jane O'Malley", "PERSON"), ("O\u2019Malley", "PERSON")]
    assert group_mentions(mentions) == [0, 0]


def test_a_short_name_of_several_longer_ones_joins_the_listed_company(monkeypatch):
    mentions = [("Globex Motor Corp", "ORG"), ("Globex Financial Services Corp", "ORG"),
                ("Globex", "ORG")]
    assert group_mentions(mentions) == [0, 1, 2]  # two longer names before it: neither
    monkeypatch.setattr("newsgraph.ingest.grouping.listed_short_form",
                        {"globex": "globex motor"}.get)
    assert group_mentions(mentions) == [0, 1, 0]


def test_each_mention_names_the_first_of_its_group():
    assert group_mentions([("Smith", "PERSON"), ("Acme", "ORG"), ("Jane Smith", "PERSON")]) == [
        0, 1, 0]


@pytest.mark.parametrize(
    ("forms", "expected"),
    [
        (["RMA", "Robot Makers Association", "RMA"], "Robot Makers Association"),
        (["RMA"], "RMA"),
        # most words, then most letters, then most mentions
        (["Globex", "Globex Technologies", "Globex Tech"], "Globex Technologies"),
        (["Acme Ltd", "Acme Inc", "Acme Inc"], "Acme Inc"),
    ],
)
def test_fullest_name(forms, expected):
    assert fullest_name(Counter(forms)) == expected


@pytest.mark.parametrize(
    ("mentions", "expected"),
    [
        # a hyphenated surname alone joins the one person named in full with it, whatever
        # the model took it for
        ([("Robin Vane-Tallis", "PERSON"), ("Vane-Tallis", "ORG"), ("Vane-Tallis", "ORG")],
         [0, 0, 0]),
        # two people with that surname: it joins neither
        ([("Robin Vane-Tallis", "PERSON"), ("Jane Vane-Tallis", "PERSON"),
          ("Vane-Tallis", "ORG")], [0, 1, 2]),
        # no person named in full with it
        ([("Globex Vane-Tallis", "ORG"), ("Vane-Tallis", "ORG")], [0, 1]),
    ],
)
def test_a_hyphenated_surname_joins_the_person_named_in_full(mentions, expected):
    assert group_mentions(mentions) == expected


def test_a_last_word_joins_a_name_another_language_s_company_word_begins():
    # "Gruppo" and "Banca" say the longer name is the firm's own, not a unit's
    assert group_mentions([("Gruppo Tarvelli", "ORG"), ("Tarvelli", "PERSON"),
                           ("Tarvelli", "ORG")]) == [0, 0, 0]
    assert group_mentions([("Banca del Vorano", "ORG"), ("Vorano", "ORG")]) == [0, 0]
    # an English first word may make a unit's name: "Thomson Reuters" and "Reuters"
    assert group_mentions([("Acme Vorano", "ORG"), ("Vorano", "ORG")]) == [0, 1]
