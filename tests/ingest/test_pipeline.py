"""Tests of newsgraph.ingest.pipeline: where our components start sentences."""

from __future__ import annotations

import pytest
import spacy

from newsgraph.ingest.pipeline import ng_paragraphs, ng_sentence_stops


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        # an indented line after a full stop starts a paragraph, an abbreviation's too
        ("Acme of Maynard, Mass.\n    High sales.", ["Acme", "High"]),
        ('He said "no."\n    Sales rose.', ["He", "Sales"]),
        ("Acme rose.\n\tSales rose.", ["Acme", "Sales"]),
        # an indented line that goes on with the sentence, or a line with no indent
        ("Acme was bought by\n    Globex Inc.", ["Acme"]),
        ("Acme of Maynard, Mass.\nHigh sales.", ["Acme"]),
        ("Acme rose 5 pct.\n    and fell.", ["Acme"]),
        # a blank line always starts one
        ("Chips rally\n\nIntel rose.", ["Chips", "Intel"]),
        # a line after a full stop that stands alone, starting with a capital
        ("Acme sold a unit.\nHooli fell.", ["Acme", "Hooli"]),
        ("Acme sold a unit.\nand fell.", ["Acme"]),
        ("Acme sold it to Globex Co .\nLtd of Oslo.", ["Acme"]),
    ],
)
def test_paragraph_starts(text, starts):
    doc = ng_paragraphs(spacy.blank("en")(text))
    assert [t.text for t in doc if t.is_sent_start] == starts


def test_a_wire_paragraph_after_a_town_and_its_state_is_a_sentence_of_its_own(nlp):
    text = ("The sales included computers made by Vertex Rocketry Inc of Maynard, Mass.\n"
            "    High-technology exports must be approved by the departments of Commerce, "
            "Defense and State.")
    assert [s.text.strip() for s in nlp(text).sents] == [
        "The sales included computers made by Vertex Rocketry Inc of Maynard, Mass.",
        "High-technology exports must be approved by the departments of Commerce, "
        "Defense and State."]


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        # another company's name with its legal form ends the sentence before it
        ("He sold it to Initech Ltd. Globex Corp said so.",
         ["Initech", "Ltd", ".", "Globex", "Corp"]),
        ("He sold it to Initech Ltd. Globex Holdings Corp. said so.",
         ["Initech", "Ltd", ".", "Globex", "Holdings"]),
        # a form read on, a title, or a name with no form of its own: left as written
        ("He sold it to Acme Co. Ltd. in May.", ["Acme", "Co.", "Ltd.", "in", "May"]),
        ("Acme Corp. President Jane Doe said so.", ["Acme", "Corp.", "President", "Jane", "Doe"]),
        ("Acme Inc. Globex and Initech are rivals.", ["Acme", "Inc.", "Globex", "and", "Initech"]),
    ],
)
def test_a_legal_form_before_another_companys_legal_name_ends_a_sentence(text, tokens):
    doc = ng_sentence_stops(spacy.blank("en")(text))
    words = [t.text for t in doc]
    start = words.index(tokens[0])
    assert words[start:start + len(tokens)] == tokens


def test_a_legal_form_with_a_slash_is_one_token_and_its_name_a_company(nlp):
    doc = nlp("Globex shares the licence with Vexa Norge A/S, Shell and Saga Petroleum A/S.")
    assert [t.text for t in doc][-4:] == ["Saga", "Petroleum", "A/S", "."]
    names = {(e.name, e.type) for e in doc._.ng_entities}
    assert ("Vexa Norge A/S", "Organisation") in names
    assert ("Saga Petroleum A/S", "Organisation") in names
