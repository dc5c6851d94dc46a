"""Build every annotated set and score it: the README's quality table.

Usage: python scripts/evaluate_corpus.py [--work DIR] [--set NAME ...] [--json FILE]

The sets are the parts of ``corpus/`` (tune and test, one row per source) and the seeds; with
``--shared DIR`` (a folder holding ``seeds-gold.json`` and ``extra/``) the extra Reuters set
too. Each set is built into its own folder under ``--work`` (a temporary folder by default)
with ``newsgraph.build`` and scored with ``newsgraph.graph.evaluate``, the reference scorer's
own code. The table gives entity and relation precision, recall and F1 per set.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from rdflib import Graph

from newsgraph import build
from newsgraph.graph.evaluate import evaluate, parse_gold
from newsgraph.workflow import seeds_folder

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"


def sets(shared: Path | None) -> dict[str, tuple[str, list[Path], Path]]:
    """Each set's part, its sources and its gold file, by name."""
    found: dict[str, tuple[str, list[Path], Path]] = {}
    for part in ("tune", "test"):
        for folder in sorted((CORPUS / part).iterdir()):
            if (folder / "gold.json").is_file():
                found[folder.name] = (part, [folder / "docs"], folder / "gold.json")
    if shared is not None and (shared / "seeds-gold.json").is_file():
        found["seeds"] = ("seeds", [seeds_folder()], shared / "seeds-gold.json")
    extra = shared / "extra" if shared is not None else None
    if extra is not None and (extra / "extra-gold.json").is_file():
        texts = sorted(p for p in extra.iterdir() if p.suffix in (".txt", ".xml"))
        found["extra"] = ("extra", texts, extra / "extra-gold.json")
    return found


def score_set(sources: list[Path], gold_path: Path, out: Path) -> dict[str, Any]:
    """Build ``sources`` into ``out`` and score the graph against the gold file."""
    build(sources, out)
    gold = parse_gold(json.loads(gold_path.read_text(encoding="utf-8")), source=str(gold_path))
    return evaluate(gold, Graph().parse(out / "graph.ttl", format="turtle"))


def row(name: str, part: str, result: dict[str, Any]) -> str:
    """One Markdown row: entity P/R/F1 and relation P/R/F1."""
    def figures(micro: dict[str, Any]) -> str:
        return " | ".join("-" if micro[k] is None else f"{micro[k]:.3f}"
                          for k in ("precision", "recall", "f1"))

    entities, relations = result["entities"]["micro"], result["relations"]["micro"]
    return (f"| {name} | {part} | {figures(entities)} | {figures(relations)} | "
            f"{relations['gold']} |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--work", type=Path,
                        help="build the sets here (default: a temporary folder)")
    parser.add_argument("--set", action="append", dest="names", metavar="NAME",
                        help="only this set (repeatable)")
    parser.add_argument("--shared", type=Path, help="folder with seeds-gold.json and extra/")
    parser.add_argument("--json", type=Path, help="also write every figure here")
    args = parser.parse_args(argv)
    chosen = sets(args.shared)
    names = args.names or list(chosen)
    work = args.work or Path(tempfile.mkdtemp(prefix="newsgraph-eval-"))
    results = {}
    print("| set | part | entity P | entity R | entity F1 | relation P | relation R "
          "| relation F1 | gold relations |")
    print("|---|---|---|---|---|---|---|---|---|")
    for name in names:
        part, sources, gold = chosen[name]
        out = work / name
        if out.exists():  # a fresh build, not an add to the last one
            shutil.rmtree(out)
        results[name] = score_set(sources, gold, out)
        print(row(name, part, results[name]), flush=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, sort_keys=True), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
