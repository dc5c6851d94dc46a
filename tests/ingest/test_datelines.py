"""Tests of newsgraph.ingest.datelines: datelines and exchange codes, on the tokenizer alone
and in sentences read by the real model."""

from __future__ import annotations

import pytest
import spacy

from newsgraph.ingest.datelines import dateline_tokens, is_exchange_code
from tests.ingest.parses import read_entities

_NLP = spacy.blank("en")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("TOKYO, March 3 - Kestrel Corp said", ["TOKYO", ",", "March", "3", "-"]),
        # a date makes a dateline of any place in capitals, its state too
        ("GLENVIEW, Ill., Oct 19 - Kestrel said", ["GLENVIEW", ",", "Ill.", ",", "Oct", "19", "-"]),
        ("IBM, the company, said", []),
        ("OSLO Google has bought power", ["OSLO"]),
        # any town of places.tsv is a known place, not only the cities standing for a country
        ("DETROIT General Motors said", ["DETROIT"]),
        ("BRUSSELS - Google is likely to", ["BRUSSELS"]),
        ("Headline\n\nMEXICO CITY The private equity arm", ["MEXICO", "CITY"]),
        ("SEOUL/WASHINGTON The U.S. House voted", ["SEOUL", "/", "WASHINGTON"]),
        # no known place, a headline in capitals, capitals inside a line: no dateline
        ("IBM - the company said", []),
        ("KESTREL General Motors said", []),
        ("JAPAN ACTS TO COOL U.S. ANGER", []),
        ("Shares of Acme rose. TOKYO Japan said", []),
    ],
)
def test_dateline_tokens(text, expected):
    doc = _NLP(text)
    assert [doc[i].text for i in sorted(dateline_tokens(doc))] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("AAPL.O", True), ("005930.KS", True), ("VOWG_p.DE", True), ("VOWG_p", True),
     ("600036.SS", True), ("U.S", False), ("U.S.", False), ("Acme.com", False), ("GM", False)],
)
def test_is_exchange_code(text, expected):
    assert is_exchange_code(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a dateline is no mention of its place, and no part of the name after it
        ("OSLO Google has bought power from Brevik Vind (BRV.OL).",
         {("Google", "Organisation"), ("Brevik Vind", "Organisation")}),
        ("TAIPEI Dutch chipmaking equipment firm Kestrel Holdings NV said it would grow.",
         {("Netherlands", "Country"), ("Kestrel Holdings NV", "Organisation")}),
    ],
)
def test_sentences_exactly(nlp, text, expected):
    assert read_entities(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        # a dateline ending with a dash is a sentence of its own, so the parser does not read
        # its place into the story's first sentence
        ("OSLO, March 16 - Norway's parliament has approved a trade ban.",
         ["OSLO, March 16 -", "Norway's parliament has approved a trade ban."]),
        # one run on to the story is left to the model, which reads the name after it whole
        ("SEOUL Samsung Electronics said it had struck a deal.",
         ["SEOUL Samsung Electronics said it had struck a deal."]),
    ],
)
def test_a_dateline_before_a_dash_is_a_sentence_of_its_own(nlp, text, sentences):
    assert [s.text for s in nlp(text).sents] == sentences
