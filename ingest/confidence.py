"""How far to trust a relation: the measured precision of the rules, and evidence combined.

A relation a rule read counts with the precision the rules reached for its predicate on the
tune part of the annotated corpus (``ingest/data/rule_precision.json``, written by
``scripts/calibrate_rules.py``); one the relation classifier read counts with the probability
it gave. An assertion stated by several pieces of evidence is as likely as at least one of
them being right.

>>> combined([0.5, 0.5])
0.75
>>> round(rule_confidence("chairs"), 3) <= 1.0
True
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from functools import cache
from importlib.resources import files

__all__ = ["MOST_CONFIDENT", "combined", "rule_confidence", "rule_precision"]

#: Used for a predicate the calibration has no figure for.
_UNMEASURED = 0.5
#: The most any evidence is trusted: no reading is certain, and a confidence of exactly 1
#: would be the same value as the integer 1 to a reasoner that merges equal literals.
MOST_CONFIDENT = 0.999


@cache
def rule_precision() -> dict[str, float]:
    """The rules' measured precision by predicate."""
    path = files("newsgraph.ingest").joinpath("data", "rule_precision.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    return {str(k): float(v) for k, v in data["precision"].items()}


def rule_confidence(predicate: str) -> float:
    """How likely a relation a rule read is true, by its predicate."""
    return rule_precision().get(predicate, _UNMEASURED)


def combined(confidences: Iterable[float]) -> float:
    """The chance that at least one piece of evidence is right, to three decimals, never
    more than :data:`MOST_CONFIDENT`.

    >>> combined([0.9]), combined([0.9] * 4), combined([])
    (0.9, 0.999, 0.0)
    """
    doubt = math.prod(1.0 - c for c in confidences)
    return round(min(MOST_CONFIDENT, max(0.0, 1.0 - doubt)), 3)
