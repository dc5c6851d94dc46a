"""Tests of scripts/calibrate_rules.py: the rules' precision counted, smoothed and checked on
each source left out, on small made-up input."""

from __future__ import annotations

import importlib.util
import math
import sys
from pathlib import Path

import pytest
from rdflib import Graph

from newsgraph.graph.build import build_graph
from newsgraph.graph.evaluate import parse_gold
from newsgraph.graph.rdf import to_turtle
from newsgraph.ingest.documents import Article, Entity, Evidence, Extraction, Relation

_SCRIPTS = Path(__file__).resolve().parents[2] / "scripts"
_SPEC = importlib.util.spec_from_file_location("calibrate_rules", _SCRIPTS / "calibrate_rules.py")
assert _SPEC is not None and _SPEC.loader is not None
calibrate = importlib.util.module_from_spec(_SPEC)
sys.modules[_SPEC.name] = calibrate  # its dataclass looks its module up
_SPEC.loader.exec_module(calibrate)
Triple = calibrate.Triple


def _t(predicate, rules, right, given=None):
    evidence = tuple((r, None) for r in rules) + ((("classifier", given),) if given else ())
    return Triple(predicate, evidence, right)


def test_each_triple_counts_once_per_rule_and_the_classifier_not_at_all():
    found = [_t("leads", ["a", "a", "b"], True), _t("leads", ["a"], False),
             _t("leads", [], True, given=0.9), _t("chairs", ["a"], True)]
    assert calibrate.counts(calibrate.readings(found)) == {
        "leads": {"a": [1, 2], "b": [1, 1]}, "chairs": {"a": [1, 1]}}


def test_a_rules_precision_is_smoothed_towards_its_predicates():
    # leads: 4 right of 6 readings -> (4 + 1) / (6 + 2) = 0.625
    table = {"leads": {"a": [4, 4], "b": [0, 2]}}
    assert calibrate.smoothed(table, k=4) == {
        "precision": {"leads": 0.625},
        # (4 + 4 * 0.625) / (4 + 4) and (0 + 4 * 0.625) / (2 + 4)
        "rules": {"leads": {"a": 0.812, "b": 0.417}}}
    # the larger the prior, the nearer the predicate's
    wide = calibrate.smoothed(table, k=1000)["rules"]["leads"]
    assert all(abs(v - 0.625) < 0.005 for v in wide.values())


def test_losses_of_a_confidence_on_readings_and_assertions():
    found = [_t("leads", ["a"], True), _t("leads", ["a", "b"], False)]
    figures = calibrate.losses(lambda p, r: 0.5 if r == "a" else 0.8, found)
    # readings: a right, a wrong, b wrong at 0.5, 0.5, 0.8
    assert figures["evidence"]["brier"] == round((0.25 + 0.25 + 0.64) / 3, 4)
    assert figures["evidence"]["log_loss"] == round(
        -(math.log(0.5) + math.log(0.5) + math.log(0.2)) / 3, 4)
    # the wrong triple's evidence combined: 1 - 0.5 * 0.2 = 0.9
    assert figures["assertion"]["brier"] == round((0.25 + 0.81) / 2, 4)


def _sources():
    # rule "bad" is wrong on both sources, rule "good" right on both; "odd" only on one
    one = [_t("leads", ["good"], True)] * 8 + [_t("leads", ["bad"], False)] * 6 \
        + [_t("leads", ["odd"], False)] * 3
    two = [_t("leads", ["good"], True)] * 9 + [_t("leads", ["bad"], False)] * 5 \
        + [_t("leads", ["odd"], True)] * 3
    return {"one": one, "two": two}


def test_each_source_is_scored_by_what_the_others_measured():
    figures = calibrate.held_out(_sources(), k=2)
    for name in ("one", "two"):
        by_rule, by_predicate = figures[name]["by_rule"], figures[name]["by_predicate"]
        assert by_rule["evidence"]["log_loss"] < by_predicate["evidence"]["log_loss"]
        assert by_rule["evidence"]["n"] == 17


def test_k_is_chosen_on_the_sources_left_out_and_low_rules_are_named():
    data, figures = calibrate.measure(_sources())
    assert data["k"] in calibrate.K_CHOICES
    assert data["counts"] == {"leads": {"bad": [0, 11], "good": [17, 17], "odd": [3, 6]}}
    # measured on either source alone, "bad" stays below one half; "odd" does not
    assert [(b["predicate"], b["rule"]) for b in data["below_half_everywhere"]] == [
        ("leads", "bad")]
    assert set(figures) == {"one", "two"}
    assert "| one | evidence |" in calibrate.markdown(data, figures)


def test_triples_of_a_graph_matched_to_the_gold():
    article = Article(id="a1", text="", source="docs/one.txt", title="One")
    ends = (Entity("Ann Lee", "Person"), Entity("Acme", "Organisation"),
            Entity("Globex", "Organisation"))

    def read(s, p, o, rule, given=None):
        return Relation(s, p, o, Evidence("S.", 0, 2, rule, confidence=given))

    relations = (read("Ann Lee", "leads", "Acme", "role-premodifier"),
                 read("Ann Lee", "leads", "Acme", "role-sequence"),
                 read("Ann Lee", "worksFor", "Globex", "role-at"),
                 read("Acme", "partnersWith", "Globex", "classifier", 0.7))
    G = build_graph([Extraction(article, ends, relations)])
    graph = Graph().parse(data=to_turtle(G).decode(), format="turtle")
    gold = parse_gold({
        "documents": [{"file": "one.txt"}],
        "entities": [{"name": "Ann Lee", "type": "Person"},
                     {"name": "Acme", "type": "Organisation"},
                     {"name": "Globex", "type": "Organisation"}],
        "relations": [{"subject": "Ann Lee", "predicate": "leads", "object": "Acme"},
                      {"subject": "Globex", "predicate": "partnersWith", "object": "Acme"}]})
    found = sorted(calibrate.triples(graph, gold), key=lambda t: t.predicate)
    assert [(t.predicate, t.evidence, t.right) for t in found] == [
        ("leads", (("role-premodifier", None), ("role-sequence", None)), True),
        ("partnersWith", (("classifier", 0.7),), True),  # symmetric: once, either way round
        ("worksFor", (("role-at", None),), False)]


@pytest.mark.parametrize("k", [1, 64])
def test_smoothing_keeps_every_precision_between_0_and_1(k):
    tables = calibrate.smoothed({"leads": {"a": [0, 50], "b": [50, 50]}}, k)
    assert all(0 < v < 1 for v in tables["rules"]["leads"].values())
