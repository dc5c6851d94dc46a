"""``TreeMatcher`` gives spaCy's ``DependencyMatcher`` matches, in the same order."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language
from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc

from newsgraph.ingest.relations import PATTERN_FILES, load_patterns
from newsgraph.ingest.treematch import _OPS, TOKEN_ATTRS, TreeMatcher, token_values

SEEDS = sorted((Path(__file__).parents[2] / "seeds").glob("*.txt"))


def _both(nlp: Language, rules: list[tuple[str, list[dict]]]) -> tuple[
        DependencyMatcher, TreeMatcher]:
    spacy_matcher = DependencyMatcher(nlp.vocab)
    ours = TreeMatcher()
    for key, pattern in rules:
        spacy_matcher.add(key, [pattern])
        ours.add(key, pattern)
    return spacy_matcher, ours


def _spacy_matches(nlp: Language, matcher: DependencyMatcher, doc: Doc) -> list:
    return [(nlp.vocab.strings[key], nodes) for key, nodes in matcher(doc)]


@pytest.mark.parametrize("path", SEEDS, ids=[p.name for p in SEEDS])
def test_relation_rules_match_as_spacy(nlp: Language, path: Path) -> None:
    rules = [(line["id"], line["pattern"]) for name in PATTERN_FILES
             for line in load_patterns(name) if "id" in line and "predicate" in line
             and "pattern" in line]
    spacy_matcher, ours = _both(nlp, rules)
    doc = nlp(path.read_text(encoding="utf-8"))  # ng_relations has set the extensions
    expected = _spacy_matches(nlp, spacy_matcher, doc)
    assert expected
    assert ours(doc) == expected


@pytest.mark.parametrize("op", sorted(_OPS))
def test_operators_as_spacy(nlp: Language, op: str) -> None:
    doc = nlp("Acme, which makes chips in Ohio, said on Monday it would buy Initech and "
              "Globex. Kenya banned exports of tea to Uganda.")
    pattern = [
        {"RIGHT_ID": "a", "RIGHT_ATTRS": {}},
        {"LEFT_ID": "a", "REL_OP": op, "RIGHT_ID": "b", "RIGHT_ATTRS": {}},
    ]
    spacy_matcher, ours = _both(nlp, [("rule", pattern)])
    assert ours(doc) == _spacy_matches(nlp, spacy_matcher, doc)


def test_attribute_tests_as_spacy(nlp: Language) -> None:
    doc = nlp("Acme Corp said it would buy Initech from Globex, the Ohio chipmaker.")
    pattern = [
        {"RIGHT_ID": "verb", "RIGHT_ATTRS": {"POS": {"IN": ["VERB", "AUX"]}}},
        {"LEFT_ID": "verb", "REL_OP": ">>", "RIGHT_ID": "noun",
         "RIGHT_ATTRS": {"TAG": "NNP", "DEP": {"IN": ["dobj", "pobj", "nsubj"]}}},
        {"LEFT_ID": "noun", "REL_OP": ">", "RIGHT_ID": "mod",
         "RIGHT_ATTRS": {"LOWER": {"IN": ["corp", "ohio"]}}},
    ]
    spacy_matcher, ours = _both(nlp, [("rule", pattern)])
    assert ours(doc) == _spacy_matches(nlp, spacy_matcher, doc)


def test_unsupported_tests_are_refused() -> None:
    matcher = TreeMatcher()
    with pytest.raises(ValueError, match="unsupported"):
        matcher.add("rule", [{"RIGHT_ID": "a", "RIGHT_ATTRS": {"LOWER": {"REGEX": "^a"}}}])
    with pytest.raises(ValueError, match="unsupported"):
        matcher.add("rule", [{"RIGHT_ID": "a", "RIGHT_ATTRS": {"IS_TITLE": True}}])


def test_token_values_are_the_tokens_own(nlp: Language) -> None:
    doc = nlp("Acme Corp's “chief” said: 华为 and Газпром rose 5%, and NORM Ltd fell.")
    values = token_values(doc, TOKEN_ATTRS)
    assert values == {attr: [read(t) for t in doc] for attr, read in TOKEN_ATTRS.items()}
    assert token_values(nlp.make_doc(""), TOKEN_ATTRS) == {attr: [] for attr in TOKEN_ATTRS}


def test_trees_whose_tokens_are_not_one_run_as_spacy(nlp: Language) -> None:
    # heads set by hand: the tree of "a" holds "a", "c" and "e", that of "b" holds "b", "d"
    doc = Doc(nlp.vocab, words=["a", "b", "c", "d", "e"], heads=[0, 1, 0, 1, 2],
              deps=["ROOT", "ROOT", "dobj", "dobj", "amod"])
    pattern = [
        {"RIGHT_ID": "head", "RIGHT_ATTRS": {}},
        {"LEFT_ID": "head", "REL_OP": ">>", "RIGHT_ID": "below", "RIGHT_ATTRS": {}},
    ]
    spacy_matcher, ours = _both(nlp, [("rule", pattern)])
    expected = _spacy_matches(nlp, spacy_matcher, doc)
    assert expected == [("rule", [0, 2]), ("rule", [0, 4]), ("rule", [2, 4]), ("rule", [1, 3])]
    assert ours(doc) == expected
