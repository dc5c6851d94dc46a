"""Tests of newsgraph.ingest.headlines: the title read as well as the text, its evidence
marked as the title's, what only the title names left out."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsgraph.ingest.documents import Article, Extraction
from newsgraph.ingest.extract import extract
from newsgraph.ingest.headlines import repeats_title, sentence_case, title_document

_SUIT = ("Acme Corp said on Tuesday it had filed a complaint in a federal court in Delaware. "
         "Globex Inc did not comment.")


def _read(nlp: Language, title: str, text: str) -> Extraction:
    return next(extract([Article("a1", text, "a.txt", title=title)], nlp))


def _triples(extraction: Extraction) -> list[tuple[str, str, str, bool]]:
    return [(r.subject, r.predicate, r.object, r.evidence.title) for r in extraction.relations]


@pytest.mark.parametrize(("title", "text", "read"), [
    ("Acme Sues Globex Over Patents", "Acme said Globex sued over patents.",
     "Acme sues Globex over patents"),
    ("ACME TO BUY STAKE IN GLOBEX", "Acme Corp said it would pay 50 mln dlrs for shares of "
     "Globex Inc.", "Acme to buy stake in Globex"),
    # a word the text writes only to open sentences is a name unless it is a common word
    ("THE FIRM SAYS VANTOR WINS", "Vantor won. The firm said so.", "The firm says Vantor wins"),
    # acronyms of a title not all in capitals, numbers and what follows an apostrophe
    ("EU Fines Acme's Unit $10M Over A320 Parts", "The EU said Acme's unit must pay.",
     "EU fines Acme's unit $10M over A320 parts"),
    # the full stop of an initial ends no sentence: "chief" is written in small letters
    ("U.N. Chief Backs Globex", "The U.N. chief praised Globex on Monday.",
     "U.N. chief backs Globex"),
    # an exchange code stays as written
    ("GLOBEX <GLX> SUES ACME", "Globex Inc said it sued Acme Corp.", "Globex <GLX> sues Acme"),
])
def test_a_headline_is_read_in_sentence_case_as_the_text_writes_each_word(title, text, read):
    assert sentence_case(title, text) == read


@pytest.mark.parametrize(("title", "text", "repeated"), [
    ("Acme buys Globex", "Acme Buys Globex\n\nAcme said on Monday it bought Globex.", True),
    ("Acme buys Globex | Chip Wire", "Acme buys Globex\nAcme said on Monday.", True),
    ("Acme buys Globex", "\n  acme buys   globex  \nAcme said on Monday.", True),
    ("Acme buys Globex", "Acme buys Globex for $5 billion, it said on Monday.", False),
    ("Acme buys Globex", "Globex was sold to Acme on Monday.", False),
])
def test_a_title_the_text_repeats_as_its_first_line_is_not_read_again(title, text, repeated):
    assert repeats_title(title, text) is repeated


def test_a_title_longer_than_any_headline_is_not_read(nlp):
    article = Article("a1", _SUIT, "a.txt", title="Acme Corp sues Globex Inc " * 50_000)
    assert title_document(nlp, article) is None
    [found] = extract([article], nlp)
    assert found.problem is None and not any(r.evidence.title for r in found.relations)


def test_no_title_or_a_repeated_one_gives_no_title_document(nlp):
    assert title_document(nlp, Article("a1", _SUIT, "a.txt")) is None
    repeated = Article("a2", "Acme Corp Sues Globex Inc\n\n" + _SUIT, "a.txt",
                       title="Acme Corp sues Globex Inc")
    assert title_document(nlp, repeated) is None


@pytest.mark.slow
@pytest.mark.parametrize("title", [
    "Acme Corp sues Globex Inc over chip patents",
    "Acme Corp Sues Globex Inc Over Chip Patents",
    "ACME CORP SUES GLOBEX INC OVER CHIP PATENTS",
])
def test_what_the_title_alone_says_is_read_with_evidence_in_the_title(nlp, title):
    found = _read(nlp, title, _SUIT)
    assert _triples(found) == [("Acme Corp", "opposes", "Globex Inc", True)]
    evidence = found.relations[0].evidence
    assert (evidence.sentence, evidence.start, evidence.end) == (title, 0, len(title))
    assert [e.name for e in found.entities] == ["Acme Corp", "Globex Inc"]


@pytest.mark.slow
def test_the_title_adds_a_piece_of_evidence_where_the_text_says_it_too(nlp):
    found = _read(nlp, "Globex Inc shares jump on takeover talk",
                  "Shares of Globex Inc jumped on Monday after a report that Acme Corp was "
                  "weighing an offer.")
    assert _triples(found) == [("Globex Inc", "roseOnNews", "@article", False),
                               ("Globex Inc", "roseOnNews", "@article", True)]
    assert [(r.evidence.start, r.evidence.end) for r in found.relations] == [(0, 90), (0, 39)]


@pytest.mark.slow
def test_a_name_only_the_title_gives_is_left_out_with_what_it_says(nlp):
    found = _read(nlp, "Acme Corp Sues Initech Inc Over Chip Patents",
                  "Acme Corp said on Tuesday it had filed a complaint in a federal court.")
    assert found.relations == ()
    assert [e.name for e in found.entities] == ["Acme Corp"]


@pytest.mark.slow
def test_a_title_the_text_repeats_is_read_once_as_the_text(nlp):
    title = "Acme Corp sues Globex Inc over chip patents"
    found = _read(nlp, title, f"{title}\n\n{_SUIT}")
    assert _triples(found) == [("Acme Corp", "opposes", "Globex Inc", False)]


@pytest.mark.slow
def test_a_country_the_title_alone_names_is_read(nlp):
    found = _read(nlp, "France's Vantor SA sues Globex Inc over trademark",
                  "Vantor SA said on Monday it had filed a complaint against Globex Inc in a "
                  "Shanghai court.")
    assert sorted(_triples(found)) == [("Vantor SA", "basedIn", "France", True),
                                       ("Vantor SA", "opposes", "Globex Inc", False),
                                       ("Vantor SA", "opposes", "Globex Inc", True)]
    assert ("France", "Country") in [(e.name, e.type) for e in found.entities]


@pytest.mark.slow
def test_the_title_places_nothing_the_text_places_elsewhere(nlp):
    found = _read(nlp, "China's Vantor SA sues Globex Inc over trademark",
                  "Dutch chipmaker Vantor SA said on Monday it had filed a complaint in a "
                  "Shanghai court. Globex Inc did not comment.")
    assert ("Vantor SA", "basedIn", "Netherlands", False) in _triples(found)
    assert not any(r.object == "China" for r in found.relations)
