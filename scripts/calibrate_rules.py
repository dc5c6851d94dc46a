"""Measure the relation rules' precision on the tune part of the corpus, by rule and predicate.

Usage: python scripts/calibrate_rules.py [--work DIR] [--built] [--check] [--report FILE]

Builds each source of the tune part (``corpus/tune/<source>``; never the test part), matches
its graph to the gold with the reference scorer's code, and counts, for each rule and each
predicate it stated, the triples of the graph the rule is evidence for (each triple once per
rule, however many articles it read it in) and how many of them the gold holds. The classifier's
relations, which carry their own probability, are left out. It writes
``ingest/data/rule_precision.json`` (docs/confidence.md):

* ``precision``, by predicate: (tp + 1) / (n + 2), towards one half;
* ``rules``, by predicate then rule: (tp + k * p) / (n + k), towards the predicate's ``p``,
  so that a rule seen a few times is trusted much as its predicate is. ``k`` is the one of
  ``K_CHOICES`` that predicts each tune source best (the lowest mean log-loss) from the
  others alone;
* ``held_out``: with each source left out in turn, the log-loss and Brier score on it of the
  tables measured on the rest, by rule and by predicate alone, for each piece of evidence and
  for each assertion (its evidence combined), and the rules measured below one half on every
  source left out.

``--built`` reads the builds already in ``--work`` (one folder per source) instead of building
again; ``--check`` writes nothing and fails if the shipped file differs; ``--report`` writes
the held-out figures and the reliability tables as Markdown.

The golden Turtle file of the tests (``tests/graph/data/handbuilt.ttl``) carries confidences
from this table: write it again after a new measurement, and check that only
``ng:confidence`` lines changed.
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import re
import sys
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rdflib import RDF, Graph, Namespace

from newsgraph import build
from newsgraph.graph import _score
from newsgraph.graph.evaluate import parse_gold
from newsgraph.ingest.classifier import RULE as CLASSIFIER
from newsgraph.ingest.confidence import MOST_CONFIDENT, Calibration, combined

ROOT = Path(__file__).resolve().parent.parent
TUNE = ROOT / "corpus" / "tune"
TARGET = ROOT / "ingest" / "data" / "rule_precision.json"
NG = Namespace("https://w3id.org/newsgraph/ontology#")
#: The prior weights tried for a rule's precision, in triples of its predicate.
K_CHOICES = (1, 2, 4, 8, 12, 16, 24, 32, 48, 64)
#: The prior weight of a predicate's precision, towards one half: (tp + 1) / (n + 2).
K_PREDICATE = 2.0
#: The confidence bins of the reliability tables.
BINS = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0)


@dataclass(frozen=True)
class Triple:
    """One relation triple of a graph: its predicate, each piece of its evidence (the rule,
    and the probability the classifier gave, None for a rule) and whether the gold holds it."""

    predicate: str
    evidence: tuple[tuple[str, float | None], ...]
    right: bool

    def rules(self) -> list[str]:
        """The rules that are evidence for it, each once."""
        return sorted({rule for rule, given in self.evidence if given is None})


Confidence = Callable[[str, str], float]


def tune_sources() -> dict[str, tuple[Path, Path]]:
    """Each tune source's documents and gold file, by name."""
    return {folder.name: (folder / "docs", folder / "gold.json")
            for folder in sorted(TUNE.iterdir()) if (folder / "gold.json").is_file()}


def triples(graph: Graph, gold: _score.Gold) -> list[Triple]:
    """The relation triples of ``graph`` (one per assertion: a symmetric relation once), each
    matched to ``gold`` as the reference scorer matches it."""
    system = _score.graph_nodes(graph)
    _score.match_articles(system, gold.documents)
    _score.match_entities(system, gold)
    refs: dict[Any, list[Any]] = {}
    for term, node in system.entities.items():
        refs[term] = [("entity", node.gold.name)] if node.gold else []
    for term, article in system.articles.items():
        refs[term] = sorted(("article", f, i) for f, i in article.docs)
    found = []
    for assertion in sorted(graph.subjects(RDF.type, NG.Assertion)):
        subject, obj = graph.value(assertion, RDF.subject), graph.value(assertion, RDF.object)
        predicate = str(graph.value(assertion, RDF.predicate)).rsplit("#", 1)[-1]
        if predicate not in _score.PREDICATES or subject not in refs or obj not in refs:
            continue
        evidence = []
        for item in graph.objects(assertion, NG.evidence):
            rule = str(graph.value(item, NG.rule))
            given = graph.value(item, NG.confidence) if rule == CLASSIFIER else None
            evidence.append((rule, None if given is None else float(given)))
        keys = {_score.relation_key(a, predicate, b) for a in refs[subject] for b in refs[obj]}
        found.append(Triple(predicate, tuple(sorted(evidence, key=str)),
                            bool(keys & set(gold.relations))))
    return found


def readings(found: Iterable[Triple]) -> list[tuple[str, str, bool]]:
    """(predicate, rule, right) for each triple and each rule that is evidence for it."""
    return [(t.predicate, rule, t.right) for t in found for rule in t.rules()]


def counts(read: Iterable[tuple[str, str, bool]]) -> dict[str, dict[str, list[int]]]:
    """[tp, n] by predicate then rule."""
    table: dict[str, dict[str, list[int]]] = {}
    for predicate, rule, right in read:
        row = table.setdefault(predicate, {}).setdefault(rule, [0, 0])
        row[0] += right
        row[1] += 1
    return table


def smoothed(table: dict[str, dict[str, list[int]]], k: float) -> dict[str, Any]:
    """The precision by predicate, towards one half, and by rule, towards its predicate's,
    with a prior of ``k`` triples, to three decimals.

    >>> smoothed({"leads": {"a": [3, 3], "b": [0, 1]}}, k=2)
    {'precision': {'leads': 0.667}, 'rules': {'leads': {'a': 0.867, 'b': 0.444}}}
    """
    precision: dict[str, float] = {}
    rules: dict[str, dict[str, float]] = {}
    for predicate, row in sorted(table.items()):
        tp, n = sum(r[0] for r in row.values()), sum(r[1] for r in row.values())
        p = (tp + K_PREDICATE * 0.5) / (n + K_PREDICATE)
        precision[predicate] = round(p, 3)
        rules[predicate] = {rule: round((a + k * p) / (m + k), 3)
                            for rule, (a, m) in sorted(row.items())}
    return {"precision": precision, "rules": rules}


def losses(confidence: Confidence, found: Sequence[Triple]) -> dict[str, dict[str, float]]:
    """Log-loss and Brier score of ``confidence`` on each rule's reading of a triple
    (``evidence``) and on each triple, its evidence combined (``assertion``)."""
    def scored(pairs: list[tuple[float, bool]]) -> dict[str, float]:
        clipped = [(min(max(c, 1 - MOST_CONFIDENT), MOST_CONFIDENT), y) for c, y in pairs]
        return {"log_loss": round(-sum(math.log(c if y else 1 - c) for c, y in clipped)
                                  / len(pairs), 4),
                "brier": round(sum((c - y) ** 2 for c, y in pairs) / len(pairs), 4),
                "n": len(pairs)}

    evidence = [(confidence(p, rule), right) for p, rule, right in readings(found)]
    assertion = [(combined(given if given is not None else confidence(t.predicate, rule)
                           for rule, given in t.evidence), t.right) for t in found]
    return {"evidence": scored(evidence), "assertion": scored(assertion)}


def reliability(confidence: Confidence, found: Sequence[Triple]) -> list[list[Any]]:
    """Per confidence bin of the rules' readings: [bin, readings, mean confidence, share
    right]."""
    rows = []
    read = [(confidence(p, rule), right) for p, rule, right in readings(found)]
    for low, high in itertools.pairwise(BINS):
        inside = [(c, y) for c, y in read if low <= c < high or (high == 1.0 and c == 1.0)]
        if inside:
            rows.append([f"{low:.1f}-{high:.1f}", len(inside),
                         round(sum(c for c, _ in inside) / len(inside), 3),
                         round(sum(y for _, y in inside) / len(inside), 3)])
    return rows


def calibration_of(tables: dict[str, Any], by_rule: bool = True) -> Confidence:
    cal = Calibration.from_json(tables if by_rule else {"precision": tables["precision"]})
    return cal.confidence


def held_out(by_source: dict[str, list[Triple]], k: float) -> dict[str, Any]:
    """Each source scored by the tables measured on the others, by rule and by predicate."""
    figures: dict[str, Any] = {}
    for name, found in by_source.items():
        rest = [t for other, ts in by_source.items() if other != name for t in ts]
        tables = smoothed(counts(readings(rest)), k)
        figures[name] = {"by_rule": losses(calibration_of(tables), found),
                         "by_predicate": losses(calibration_of(tables, by_rule=False), found),
                         "reliability_by_rule": reliability(calibration_of(tables), found),
                         "reliability_by_predicate":
                             reliability(calibration_of(tables, by_rule=False), found)}
    return figures


def mean_log_loss(figures: dict[str, Any], level: str = "by_rule") -> float:
    return sum(f[level]["evidence"]["log_loss"] for f in figures.values()) / len(figures)


def below_half(by_source: dict[str, list[Triple]], k: float) -> list[dict[str, Any]]:
    """The rules whose precision, measured on the sources left in as each is left out in
    turn, is below one half every time."""
    measured = []
    for name in by_source:
        rest = [t for other, ts in by_source.items() if other != name for t in ts]
        measured.append(smoothed(counts(readings(rest)), k)["rules"])
    found = []
    for predicate, row in measured[0].items():
        for rule in row:
            values = [m.get(predicate, {}).get(rule) for m in measured]
            if all(v is not None and v < 0.5 for v in values):
                found.append({"predicate": predicate, "rule": rule, "precision": values})
    return found


def markdown(data: dict[str, Any], figures: dict[str, Any]) -> str:
    """The held-out ``figures`` and reliability tables, for docs/confidence.md."""
    lines = [f"k = {data['k']} (chosen from {list(K_CHOICES)})", "",
             "| left out | level | by predicate: log-loss | Brier | by rule: log-loss | Brier "
             "| n |", "|---|---|---|---|---|---|---|"]
    for name, f in figures.items():
        for level in ("evidence", "assertion"):
            p, r = f["by_predicate"][level], f["by_rule"][level]
            lines.append(f"| {name} | {level} | {p['log_loss']:.4f} | {p['brier']:.4f} | "
                         f"{r['log_loss']:.4f} | {r['brier']:.4f} | {r['n']} |")
    for name, f in figures.items():
        lines += ["", f"Reliability on {name}, measured on the rest (each rule's reading of a "
                  "triple):", "",
                  "| confidence | by predicate: readings | mean confidence | share right "
                  "| by rule: readings | mean confidence | share right |",
                  "|---|---|---|---|---|---|---|"]
        by_p = {row[0]: row for row in f["reliability_by_predicate"]}
        by_r = {row[0]: row for row in f["reliability_by_rule"]}
        for b in sorted(set(by_p) | set(by_r)):
            p = by_p.get(b, [b, 0, "-", "-"])
            r = by_r.get(b, [b, 0, "-", "-"])
            lines.append(f"| {b} | {p[1]} | {p[2]} | {p[3]} | {r[1]} | {r[2]} | {r[3]} |")
    return "\n".join(lines) + "\n"


def measure(by_source: dict[str, list[Triple]]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The file's content from each source's triples, and the held-out figures of its ``k``
    with their reliability tables."""
    trials = {k: held_out(by_source, k) for k in K_CHOICES}
    k = min(K_CHOICES, key=lambda c: (mean_log_loss(trials[c]), c))
    everything = [t for ts in by_source.values() for t in ts]
    table = counts(readings(everything))
    return {"measured_on": [f"corpus/tune/{n}" for n in by_source], "k": k,
            "smoothing": "predicate: (tp + 1) / (n + 2); rule: (tp + k * predicate) / (n + k)",
            **smoothed(table, k), "counts": table,
            "held_out": {name: {level: f[level] for level in ("by_predicate", "by_rule")}
                         for name, f in trials[k].items()},
            "below_half_everywhere": below_half(by_source, k)}, trials[k]


def dumps(data: dict[str, Any]) -> str:
    """The file's text: JSON, one line per rule's counts.

    >>> print(dumps({"counts": {"leads": {"a": [1, 2]}}}), end="")
    {
     "counts": {
      "leads": {
       "a": [1, 2]
      }
     }
    }
    """
    text = json.dumps(data, indent=1, sort_keys=True)
    return re.sub(r"\[\n\s*(\d+),\n\s*(\d+)\n\s*\]", r"[\1, \2]", text) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--work", type=Path, help="build here (default: a temporary folder)")
    parser.add_argument("--built", action="store_true",
                        help="read the builds already in --work")
    parser.add_argument("--check", action="store_true",
                        help="write nothing; fail if the shipped file differs")
    parser.add_argument("--report", type=Path, help="also write the figures as Markdown")
    args = parser.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="newsgraph-calibrate-"))
    by_source = {}
    for name, (docs, gold_path) in tune_sources().items():
        if not args.built:
            build([docs], work / name)
        gold = parse_gold(json.loads(gold_path.read_text(encoding="utf-8")),
                          source=str(gold_path))
        graph = Graph().parse(work / name / "graph.ttl", format="turtle")
        by_source[name] = triples(graph, gold)
    data, figures = measure(by_source)
    text = dumps(data)
    report = markdown(data, figures)
    if args.report:
        args.report.write_text(report, encoding="utf-8")
    print(report)
    if args.check:
        return 0 if TARGET.read_text(encoding="utf-8") == text else 1
    TARGET.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
