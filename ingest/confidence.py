"""How far to trust a relation: the measured precision of the rules, and evidence combined.

A relation a rule read counts with the precision that rule reached for its predicate on the
tune part of the annotated corpus (``ingest/data/rule_precision.json``, written by
``scripts/calibrate_rules.py``; docs/confidence.md): the share of the triples it stated that
the gold holds, smoothed towards its predicate's precision, so that a rule measured on a few
triples is trusted much as its predicate is. A rule the tune part never saw fire counts with
its predicate's precision, a predicate never measured as a coin toss. One the relation
classifier read counts with the probability it gave. An assertion stated by several pieces of
evidence is as likely as at least one of them being right.

>>> table = Calibration({"chairs": 0.8}, {("chairs", "role-premodifier"): 0.9})
>>> table.confidence("chairs", "role-premodifier"), table.confidence("chairs", "other-rule")
(0.9, 0.8)
>>> table.confidence("leads", "role-premodifier")
0.5
>>> combined([0.5, 0.5])
0.75
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

__all__ = ["MOST_CONFIDENT", "Calibration", "calibration", "combined", "rule_confidence",
           "rule_precision"]

#: Used for a predicate the calibration has no figure for.
_UNMEASURED = 0.5
#: The most any evidence is trusted: no reading is certain, and a confidence of exactly 1
#: would be the same value as the integer 1 to a reasoner that merges equal literals.
MOST_CONFIDENT = 0.999


@dataclass(frozen=True)
class Calibration:
    """The rules' measured precision: by predicate, and by rule within a predicate (a rule
    reading a trigger's label states several predicates, each measured apart)."""

    by_predicate: Mapping[str, float]
    by_rule: Mapping[tuple[str, str], float]

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Calibration:
        """The tables of ``rule_precision.json``: ``precision`` by predicate and ``rules``,
        by predicate then rule id (a file without ``rules`` gives the predicates' alone)."""
        rules = data.get("rules", {})
        return cls({str(p): float(v) for p, v in data["precision"].items()},
                   {(str(p), str(r)): float(v) for p, row in rules.items()
                    for r, v in row.items()})

    def confidence(self, predicate: str, rule: str | None = None) -> float:
        """How likely a relation ``rule`` read as ``predicate`` is true: the rule's measured
        precision, else its predicate's, else one half."""
        if rule is not None and (predicate, rule) in self.by_rule:
            return self.by_rule[predicate, rule]
        return self.by_predicate.get(predicate, _UNMEASURED)


@cache
def calibration() -> Calibration:
    """The shipped calibration, ``data/rule_precision.json``."""
    path = files("newsgraph.ingest").joinpath("data", "rule_precision.json")
    return Calibration.from_json(json.loads(path.read_text(encoding="utf-8")))


def rule_precision() -> dict[str, float]:
    """The rules' measured precision by predicate."""
    return dict(calibration().by_predicate)


def rule_confidence(predicate: str, rule: str | None = None) -> float:
    """How likely a relation a rule read is true, by its rule and predicate (by its predicate
    alone without ``rule``)."""
    return calibration().confidence(predicate, rule)


def combined(confidences: Iterable[float]) -> float:
    """The chance that at least one piece of evidence is right, to three decimals, never
    more than :data:`MOST_CONFIDENT`.

    >>> combined([0.9]), combined([0.9] * 4), combined([])
    (0.9, 0.999, 0.0)
    """
    doubt = math.prod(1.0 - c for c in confidences)
    return round(min(MOST_CONFIDENT, max(0.0, 1.0 - doubt)), 3)
