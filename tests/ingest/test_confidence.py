"""Tests of newsgraph.ingest.confidence: the rules' measured precision, and evidence combined."""

import pytest

from newsgraph.ingest.confidence import combined, rule_confidence, rule_precision
from newsgraph.ontology import Predicate


def test_every_predicate_has_a_measured_precision_between_0_and_1():
    precision = rule_precision()
    assert set(precision) == set(Predicate)
    assert all(0.0 < value < 1.0 for value in precision.values())


def test_an_unknown_predicate_counts_as_a_coin_toss():
    assert rule_confidence("unheardOf") == 0.5


@pytest.mark.parametrize(("confidences", "expected"), [
    ([0.9], 0.9), ([0.5, 0.5], 0.75), ([0.75, 0.75], 0.938), ([], 0.0), ([1.0, 0.2], 0.999),
    ([0.9] * 4, 0.999),
])
def test_evidence_combines_as_at_least_one_being_right(confidences, expected):
    assert combined(confidences) == expected

