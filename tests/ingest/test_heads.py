"""Tests of newsgraph.ingest.heads: a head of state or government titled without a country
leads the country the office holders give."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsgraph.ingest import offices
from newsgraph.ingest.documents import Article
from newsgraph.ingest.extract import extract
from newsgraph.ingest.offices import HEAD_OF_GOVERNMENT, HEAD_OF_STATE, Term

_TERMS = (
    Term("NO", HEAD_OF_GOVERNMENT, "Jane Doe", "2001-03-01", "2010-06-30"),
    Term("CL", HEAD_OF_STATE, "John Roe", "1990-03-11", "1994-03-11"),
    Term("PE", HEAD_OF_STATE, "Mary Roe", "2000-07-28", "2004-07-28"),
    Term("PE", HEAD_OF_GOVERNMENT, "Mary Roe", "2000-07-28", "2004-07-28"),
    Term("IS", HEAD_OF_STATE, "Ali Sandur", "2012-08-01", ""),
)


@pytest.fixture(autouse=True)
def _invented_holders(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(offices, "_index", lambda: offices.index(_TERMS))


def _leads(nlp: Language, text: str, date: str | None = None) -> list[tuple[str, str, str]]:
    found = next(extract([Article("a1", text, "a.txt", date=date)], nlp))
    return sorted((r.subject, r.object, r.evidence.rule) for r in found.relations
                  if r.predicate == "leads")


def _countries_led(nlp: Language, text: str, date: str | None = None) -> list[tuple[str, str]]:
    return [(subject, obj) for subject, obj, rule in _leads(nlp, text, date)
            if rule == "office-holder"]


@pytest.mark.parametrize(("text", "date", "read"), [
    ("Prime Minister Jane Doe said Acme would build a plant.", None,
     [("Jane Doe", "Norway")]),
    ("Acme will build a plant, Mr Doe, the prime minister, said.", None,
     [("Doe", "Norway")]),
    # a title cut by a wire line
    ("The deal was signed before a meeting with Prime\nMinister Jane Doe.", None,
     [("Jane Doe", "Norway")]),
    # a surname two countries' heads share: the article's date says whose
    ("President Roe said Acme would build a plant.", "1992-05-04", [("Roe", "Chile")]),
    ("President Roe said Acme would build a plant.", "2003-05-04", [("Roe", "Peru")]),
    ("President Roe said Acme would build a plant.", None, []),
    # a surname alone after "President" is a head of state's, a name in full a head's
    ("President Doe said Acme would build a plant.", None, []),
    ("President Jane Doe said Acme would build a plant.", None, [("Jane Doe", "Norway")]),
    # a religious honorific is no part of the holder's name
    ("Acme met Supreme Leader Ayatollah Ali Sandur on Monday.", None,
     [("Ali Sandur", "Iceland")]),
])
def test_a_titled_head_leads_the_country_the_office_holders_give(nlp, text, date, read):
    assert _countries_led(nlp, text, date) == read


@pytest.mark.parametrize("text", [
    # a past title, a title of another office, a title a hyphenated one ends with
    "Former Prime Minister Jane Doe said Acme would build a plant.",
    "King Doe said Acme would build a plant.",
    "Vice-President Ali Sandur said Acme would build a plant.",
    "Then-President Ali Sandur said Acme would build a plant.",
])
def test_no_country_without_a_present_title_of_the_office(nlp, text):
    assert _leads(nlp, text) == []


def test_a_chancellor_in_a_text_that_names_a_finance_chancellor_leads_nothing(nlp):
    text = "Chancellor Jane Doe said Acme would build a plant."
    assert _countries_led(nlp, text) == [("Jane Doe", "Norway")]
    assert _countries_led(nlp, "The Chancellor of the Exchequer spoke on Monday. " + text) == []


def test_no_country_for_a_head_out_of_office_on_the_articles_date(nlp):
    assert _leads(nlp, "Prime Minister Jane Doe said Acme would build a plant.",
                  "2012-01-01") == []


def test_a_title_that_says_whose_it_is_is_left_to_the_rules(nlp):
    assert _leads(nlp, "Globex President Mary Roe said the deal was done.") == [
        ("Mary Roe", "Globex", "role-premodifier")]
    assert _leads(nlp, "President Mary Roe of Globex said the deal was done.") == [
        ("Mary Roe", "Globex", "role-premodifier-of")]
