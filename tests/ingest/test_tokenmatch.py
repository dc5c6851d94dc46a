"""``FixedMatcher`` gives spaCy's ``Matcher`` matches, in the same order."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc

from newsgraph.ingest.relations import PATTERN_FILES, load_patterns
from newsgraph.ingest.tokenmatch import FixedMatcher

SEEDS = sorted((Path(__file__).parents[2] / "seeds").glob("*.txt"))


def _label_patterns() -> list[tuple[str, list[dict[str, Any]]]]:
    """The trigger and measure patterns of the pattern files, keyed by label or measure id."""
    return [(line["id"] if line["label"] == "Measure" else line["label"], line["pattern"])
            for name in PATTERN_FILES for line in load_patterns(name)
            if "label" in line]


def _compare(nlp: Language, rules: list[tuple[str, list[dict[str, Any]]]], doc: Doc) -> None:
    spacy_matcher = Matcher(nlp.vocab)
    ours = FixedMatcher()
    for key, pattern in rules:
        spacy_matcher.add(key, [pattern])
        ours.add(key, [pattern])
    expected = [(nlp.vocab.strings[key], start, end) for key, start, end in spacy_matcher(doc)]
    assert ours(doc) == expected


@pytest.mark.parametrize("path", SEEDS, ids=[p.name for p in SEEDS])
def test_trigger_and_measure_patterns_match_as_spacy(nlp: Language, path: Path) -> None:
    _compare(nlp, _label_patterns(), nlp(path.read_text(encoding="utf-8")))


def test_overlapping_matches_as_spacy(nlp: Language) -> None:
    rules = [
        ("b", [{"LOWER": "export"}, {"LOWER": "control"}, {"LOWER": "measures"}]),
        ("a", [{"LOWER": "control"}, {"LOWER": "measures"}]),
        ("c", [{"LOWER": {"IN": ["measures", "control"]}}]),
        ("a", [{"LOWER": "measures"}]),
        ("d", [{"POS": "NOUN"}]),
        ("e", [{"TAG": "NNS", "LOWER": {"IN": ["measures", "curbs"]}}, {"ORTH": "."}]),
    ]
    _compare(nlp, rules, nlp("New export control measures and curbs. Export control measures."))


def test_operators_are_refused() -> None:
    with pytest.raises(ValueError, match="unsupported"):
        FixedMatcher().add("x", [[{"LOWER": "a", "OP": "+"}]])
