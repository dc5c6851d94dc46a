"""Tests of newsgraph.ingest.extract: one document's failure costs that document alone."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsgraph.ingest.documents import Article, Extraction
from newsgraph.ingest.extract import extract
from newsgraph.ingest.pipeline import load_pipeline


@Language.component("ng_test_fails_on_boom")
def _fails_on_boom(doc):
    if "Boom" in doc.text:
        raise RuntimeError("cannot read this")
    return doc


@pytest.mark.slow
def test_a_failing_document_comes_back_with_its_problem_and_the_others_go_on():
    nlp = load_pipeline()
    nlp.add_pipe("ng_test_fails_on_boom", first=True)
    articles = [Article.from_text(text, source=f"{n}.txt")
                for n, text in enumerate([
                    "Intel Corp. rose.", "Boom.", "Samsung Electronics fell."])]
    found = list(extract(articles, nlp))
    assert [(x.article.source, x.problem) for x in found] == [
        ("0.txt", None),
        ("1.txt", "ng_test_fails_on_boom failed: RuntimeError: cannot read this"),
        ("2.txt", None),
    ]
    assert found[1].entities == found[1].relations == ()


def test_a_problem_survives_the_cache_and_is_absent_when_there_is_none():
    article = Article.from_text("Hi.", source="a.txt")
    failed = Extraction(article, problem="ng_relations failed: KeyError: 'x'")
    assert Extraction.from_dict(failed.to_dict()) == failed
    assert "problem" not in Extraction(article).to_dict()


@pytest.mark.slow
def test_a_failing_title_costs_only_what_the_title_says():
    nlp = load_pipeline()
    nlp.add_pipe("ng_test_fails_on_boom", first=True)
    article = Article("a1", "Samsung Electronics Co Ltd fell 3% on Monday.", "a.txt",
                      title="Boom at Samsung Electronics Co Ltd")
    [found] = extract([article], nlp)
    assert found.problem is None
    assert [e.name for e in found.entities] == ["Samsung Electronics Co Ltd"]
    assert not any(r.evidence.title for r in found.relations)


@pytest.mark.slow
def test_evidence_offsets_quote_a_line_without_the_blank_line_after_it(nlp):
    text = ("Acme Corp sues Globex Inc over chip patents\n\nAcme Corp said on Tuesday it had "
            "filed a complaint in a federal court in Delaware.")
    [found] = extract([Article("a1", text, "a.txt")], nlp)
    first = [r.evidence for r in found.relations if r.evidence.start == 0]
    assert [(e.end, e.sentence) for e in first] == [
        (43, "Acme Corp sues Globex Inc over chip patents")]
    assert all(text[r.evidence.start:r.evidence.end] == r.evidence.sentence
               for r in found.relations)
