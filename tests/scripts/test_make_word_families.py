"""Tests of scripts/make_word_families.py and of the file it writes."""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path

import pytest

from newsgraph.ingest.names import load_jsonl, verb_forms, word_family

_PATH = Path(__file__).resolve().parents[2] / "scripts" / "make_word_families.py"
_SPEC = importlib.util.spec_from_file_location("make_word_families", _PATH)
assert _SPEC is not None and _SPEC.loader is not None
make_word_families = importlib.util.module_from_spec(_SPEC)
# registered before it runs, as its dataclasses look their module up
sys.modules["make_word_families"] = make_word_families
_SPEC.loader.exec_module(make_word_families)
Family = make_word_families.Family
WordNet = make_word_families.WordNet

COMM = "verb.communication"

# an invented WordNet: "rebuke" first means s1 (with "chide", "speak up" and "flay"), then s2
WORDNET = WordNet(
    senses={("rebuke", "v"): ["s1", "s2"], ("chide", "v"): ["s1"], ("flay", "v"): ["s9", "s1"],
            ("scold", "v"): ["s3"], ("snipe", "v"): ["s4"], ("snipe", "n"): ["n1", "n2"],
            ("shout", "v"): ["s2"], ("growl", "v"): ["s5"]},
    members={"s1": ["rebuke", "chide", "speak up", "flay", "Rebuke"], "s2": ["shout"],
             "s3": ["scold"], "s4": ["snipe"], "s5": ["growl"]},
    lexfile={"s1": COMM, "s2": COMM, "s3": COMM, "s4": COMM, "s5": "verb.body"},
    hyponyms={"s1": ["s3", "s4", "s5"]},
)


def test_first_sense_synonyms_and_hyponyms_of_allowed_files():
    family = Family("v", frozenset({COMM}), hyponyms=frozenset({COMM}))
    # not "shout" (a second sense), "speak up" (two words), "flay" (not its own first sense),
    # "snipe" (more noun senses than verb senses), "growl" (a hyponym of another file)
    assert make_word_families.widen("opposing", family, {"rebuke"}, WORDNET) == [
        ("chide", "s1", "rebuke", "synonym"), ("scold", "s3", "rebuke", "hyponym")]


def test_no_hyponyms_unless_the_family_asks():
    family = Family("v", frozenset({COMM}))
    assert [w for w, *_ in make_word_families.widen("opposing", family, {"rebuke"}, WORDNET)] \
        == ["chide"]


def test_the_stop_list_drops_a_word_or_a_whole_sense(monkeypatch):
    family = Family("v", frozenset({COMM}), hyponyms=frozenset({COMM}))
    monkeypatch.setattr(make_word_families, "STOP", {("opposing", "chide"): "test"})
    assert [w for w, *_ in make_word_families.widen("opposing", family, {"rebuke"}, WORDNET)] \
        == ["scold"]
    monkeypatch.setattr(make_word_families, "STOP", {("opposing", "s1"): "test"})
    assert make_word_families.widen("opposing", family, {"rebuke"}, WORDNET) == []


def test_seeds_are_read_where_the_pattern_files_mark_a_family(tmp_path):
    trigger = {"label": "oppose", "pattern": [{"LOWER": {
        "FORMS_OF": ["rebuke"], "IN": ["Berated"], "WORDNET": "opposing"}}]}
    word_set = {"set": "critic_noun", "terms": ["critic"], "wordnet": "critics"}
    unmarked = {"label": "supply", "pattern": [{"LOWER": {"FORMS_OF": ["supply"]}}]}
    # a list of families reads them; its words seed none
    reader = {"id": "r", "pattern": [{"RIGHT_ID": "v", "RIGHT_ATTRS": {"LOWER": {
        "FORMS_OF": ["block"], "WORDNET": ["opposing", "critics"]}}}]}
    (tmp_path / "a.jsonl").write_text(
        "\n".join(json.dumps(x) for x in (trigger, unmarked, reader)) + "\n", encoding="utf-8")
    (tmp_path / "lexicon.jsonl").write_text(json.dumps(word_set) + "\n", encoding="utf-8")
    assert make_word_families.family_seeds(tmp_path) == {
        "opposing": {"rebuke", "berated"}, "critics": {"critic"}}


def test_the_file_has_one_line_per_family_and_word(monkeypatch):
    monkeypatch.setattr(make_word_families, "FAMILIES", {
        "opposing": Family("v", frozenset({COMM}), hyponyms=frozenset({COMM}))})
    assert make_word_families.tsv(WORDNET, {"opposing": {"rebuke"}}) == (
        "family\tword\tpos\tsynset\tseed\trelation\n"
        "opposing\tchide\tv\ts1\trebuke\tsynonym\n"
        "opposing\tscold\tv\ts3\trebuke\thyponym\n")


def test_the_shipped_file_is_well_formed():
    lines = make_word_families.OUT.read_text(encoding="utf-8").splitlines()
    assert lines[0] == make_word_families.HEADER
    rows = [line.split("\t") for line in lines[1:]]
    assert rows == sorted(rows) and len(rows) == len({(r[0], r[1]) for r in rows})
    for family, word, pos, synset, seed, relation in rows:
        assert make_word_families.FAMILIES[family].pos == pos
        assert re.fullmatch(r"[a-z][a-z-]*[a-z]", word) and word != seed
        assert re.fullmatch(r"\d{8}-[nv]", synset) and synset.endswith(pos)
        assert relation in ("synonym", "hyponym")
        assert (family, word) not in make_word_families.STOP
    assert set(make_word_families.family_seeds()) <= set(make_word_families.FAMILIES)


@pytest.mark.parametrize("family, word", [("opposing", "denigrate"), ("banning", "outlaw")])
def test_a_marked_family_reads_every_form_of_its_added_words(family, word):
    assert (word, "v") in word_family(family)
    words = {w for line in load_jsonl("sanctions.jsonl") if "label" in line
             for token in line["pattern"] if isinstance(token.get("LOWER"), dict)
             for w in token["LOWER"].get("IN", [])}
    assert {word, word + "s"} < set(verb_forms(word)) <= words
    assert not any("WORDNET" in str(line) for line in load_jsonl("sanctions.jsonl"))
