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


def test_mentions_the_text_says_are_one_join_whole_groups():
    mentions = [("Acme", "ORG"), ("OTB", "ORG"), ("Acme", "ORG"),
                ("US International Ocean Trade Board", "ORG"), ("OTB", "ORG")]
    assert group_mentions(mentions) == [0, 1, 0, 3, 1]
    assert group_mentions(mentions, same=[(4, 3)]) == [0, 1, 0, 1, 1]


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
