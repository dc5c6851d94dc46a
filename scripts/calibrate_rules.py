"""Measure the relation rules' precision by predicate on the tune part of the corpus.

Usage: python scripts/calibrate_rules.py [--work DIR]

Builds the tune part's sources (never the test part), scores them with the reference scorer's
code, and writes ``ingest/data/rule_precision.json``: for each predicate, the share of the
triples the rules read that the gold holds, smoothed towards one half ((tp + 1) / (n + 2)), so
that a predicate the rules rarely fire on is not trusted fully on one lucky hit.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from evaluate_corpus import ROOT, score_set, sets

TARGET = ROOT / "ingest" / "data" / "rule_precision.json"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--work", type=Path, help="build here (default: a temporary folder)")
    args = parser.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="newsgraph-calibrate-"))
    tp: dict[str, int] = {}
    system: dict[str, int] = {}
    names = []
    for name, (part, sources, gold) in sorted(sets(None).items()):
        if part != "tune":
            continue
        names.append(name)
        result = score_set(sources, gold, work / name)
        for predicate, row in result["relations"]["by_predicate"].items():
            tp[predicate] = tp.get(predicate, 0) + row["tp"]
            system[predicate] = system.get(predicate, 0) + row["system"]
    precision = {p: round((tp[p] + 1) / (system[p] + 2), 3) for p in sorted(tp)}
    data = {"measured_on": [f"corpus/tune/{n}" for n in names], "precision": precision,
            "smoothing": "(tp + 1) / (n + 2)"}
    TARGET.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(json.dumps(precision, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
