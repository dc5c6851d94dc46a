"""Tests of newsgraph.ingest.confidence: the rules' measured precision, and evidence combined."""

import pytest

from newsgraph.ingest import confidence
from newsgraph.ingest.confidence import Calibration, combined, rule_confidence, rule_precision
from newsgraph.ontology import Predicate

#: A small hand-written table, as scripts/calibrate_rules.py writes it.
TABLE = {
    "precision": {"leads": 0.8, "worksFor": 0.9},
    "rules": {"leads": {"role-premodifier": 0.93, "role-sequence": 0.41},
              "worksFor": {"role-premodifier": 0.97}},
}


def test_every_predicate_has_a_measured_precision_between_0_and_1():
    precision = rule_precision()
    assert set(precision) == set(Predicate)
    assert all(0.0 < value < 1.0 for value in precision.values())


def test_every_measured_rule_is_of_a_measured_predicate_and_between_0_and_1():
    shipped = confidence.calibration()
    assert shipped.by_rule
    assert {p for p, _ in shipped.by_rule} <= set(shipped.by_predicate)
    assert all(0.0 < value < 1.0 for value in shipped.by_rule.values())


def test_an_unknown_predicate_counts_as_a_coin_toss():
    assert rule_confidence("unheardOf") == 0.5
    assert rule_confidence("unheardOf", "role-premodifier") == 0.5


@pytest.mark.parametrize(("predicate", "rule", "expected"), [
    ("leads", "role-premodifier", 0.93),  # the rule's own precision for the predicate
    ("leads", "role-sequence", 0.41),
    ("worksFor", "role-premodifier", 0.97),  # the same rule, measured apart per predicate
    ("worksFor", "role-sequence", 0.9),  # a rule not measured for it: the predicate's
    ("leads", "never-fired", 0.8),
    ("leads", None, 0.8),  # no rule named: the predicate's
    ("chairs", "role-premodifier", 0.5),  # no predicate measured: a coin toss
])
def test_a_rules_relation_counts_with_its_rule_then_its_predicate(predicate, rule, expected):
    assert Calibration.from_json(TABLE).confidence(predicate, rule) == expected


def test_a_file_of_predicates_alone_still_reads():
    table = Calibration.from_json({"precision": {"leads": 0.8}})
    assert table.confidence("leads", "role-premodifier") == 0.8


def test_rule_confidence_reads_the_shipped_table(monkeypatch):
    monkeypatch.setattr(confidence, "calibration", lambda: Calibration.from_json(TABLE))
    assert rule_confidence("leads", "role-sequence") == 0.41
    assert rule_confidence("leads") == 0.8
    assert rule_precision() == {"leads": 0.8, "worksFor": 0.9}


@pytest.mark.parametrize(("confidences", "expected"), [
    ([0.9], 0.9), ([0.5, 0.5], 0.75), ([0.75, 0.75], 0.938), ([], 0.0), ([1.0, 0.2], 0.999),
    ([0.9] * 4, 0.999),
])
def test_evidence_combines_as_at_least_one_being_right(confidences, expected):
    assert combined(confidences) == expected
