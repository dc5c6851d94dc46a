"""Tests of newsgraph.ingest.credits: the names, places and desks of reporter credit lines,
on hand-built parses."""

from __future__ import annotations

import pytest

from newsgraph.ingest.credits import credit_line_part
from newsgraph.ingest.mentions import candidate_names
from tests.ingest.parses import entity_patterns, parse


def _names(table):
    doc = parse(table)
    return [(doc[c.start:c.end].text, c.label, c.titled) for c in candidate_names(
        doc, entity_patterns())]


CREDITS = """
    (           PUNCT -LRB- O        punct    1
    Reporting   VERB  VBG   O        ROOT     1
    by          ADP   IN    O        agent    1
    Jana        PROPN NNP   O        compound 4
    Kowl        PROPN NNP   B-PERSON pobj     2
    in          ADP   IN    O        prep     4
    OSLO        PROPN NNP   B-ORG    pobj     5
    and         CCONJ CC    O        cc       4
    Tomas       PROPN NNP   B-ORG    compound 9
    Brevik      PROPN NNP   I-ORG    conj     4
    ;           PUNCT :     O        punct    1
    Editing     VERB  VBG   O        conj     1
    by          ADP   IN    O        agent    11
    Tarsk       PROPN NNP   B-ORG    compound 15
    Monitoring  PROPN NNP   I-ORG    compound 15
    Desk        PROPN NNP   I-ORG    pobj     12
    )           PUNCT -RRB- O        punct    1
"""


def test_a_credit_line_names_its_people_whole():
    # the model's labels give way; the place after "in" stays the model's reading
    assert _names(CREDITS) == [("Jana Kowl", "PERSON", False), ("OSLO", "ORG", False),
                               ("Tomas Brevik", "PERSON", False),
                               ("Tarsk Monitoring Desk", "PERSON", False)]


@pytest.mark.parametrize(
    ("start", "end", "part"),
    [(3, 5, "name"), (6, 7, "place"), (8, 10, "name"), (13, 16, "desk")],
)
def test_credit_line_part(start, end, part):
    assert credit_line_part(parse(CREDITS)[start:end]) == part


def test_a_name_after_by_elsewhere_is_no_credit():
    doc = parse("""
        compiled    VERB  VBN   O        ROOT     0
        by          ADP   IN    O        agent    0
        Morgan      PROPN NNP   B-ORG    compound 3
        Quill       PROPN NNP   I-ORG    pobj     1
    """)
    assert credit_line_part(doc[2:4]) is None


def test_a_credit_line_role_is_no_name():
    doc = parse("""
        ;          PUNCT :   O        punct    1
        Writing    PROPN NNP B-PERSON ROOT     1
        by         ADP   IN  O        prep     1
        Jana       PROPN NNP B-PERSON compound 4
        Kowl       PROPN NNP I-PERSON pobj     2
    """)
    assert credit_line_part(doc[1:2]) == "role"


def test_a_credit_after_a_name_with_no_semicolon_starts_another_name():
    doc = parse("""
        (           PUNCT -LRB- O        punct    1
        Reporting   VERB  VBG   O        ROOT     1
        by          ADP   IN    O        agent    1
        Jana        PROPN NNP   B-PERSON compound 4
        Kowl        PROPN NNP   I-PERSON pobj     2
        Additional  PROPN NNP   I-PERSON compound 6
        reporting   NOUN  NN    O        conj     1
        by          ADP   IN    O        agent    6
        Alexandria  PROPN NNP   B-GPE    compound 9
        Sage        PROPN NNP   I-GPE    pobj     7
        )           PUNCT -RRB- O        punct    1
    """)
    assert [(doc[c.start:c.end].text, c.label) for c in candidate_names(
        doc, entity_patterns())] == [("Jana Kowl", "PERSON"), ("Alexandria Sage", "PERSON")]
    assert credit_line_part(doc[8:10]) == "name"
