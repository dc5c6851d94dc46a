"""Where the time of an add goes: N documents added to a built graph of M, stage by stage.

Builds M news-like documents (``throughput.make_corpus``, nothing downloaded) into a folder
once, then adds N more to a copy of that folder with each stage of ``newsgraph.build`` timed:
reading the cache, reading the sources, the NLP, assembling the networkx graph, each output
file, and the Oxigraph store (its base read before the outputs are replaced, and the new
generation written after). Prints seconds per stage and their share of the add, and the bare
``nlp.pipe`` time of the same N documents as the reference. One run; the machine's load is
printed beside it.

Usage::

    PYTHONPATH=. python benchmarks/add_profile.py --docs 1000 --add 20 --work /tmp/addbench
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.throughput import DEFAULT_SOURCES, make_corpus  # noqa: E402
from newsgraph.ingest.pipeline import DEFAULT_MODEL  # noqa: E402

__all__ = ["main"]


def _timed(table: dict[str, float], name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    """``function``, adding its wall seconds to ``table[name]`` and its CPU seconds (of this
    process: a busy machine disturbs them less) to ``table[name + " cpu"]``."""
    def run(*args: Any, **kwargs: Any) -> Any:
        started, cpu = time.perf_counter(), time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            table[name] = table.get(name, 0.0) + time.perf_counter() - started
            table[f"{name} cpu"] = table.get(f"{name} cpu", 0.0) + time.process_time() - cpu
    return run


def profile_add(corpus: Path, out: Path, **options: Any) -> dict[str, float]:
    """Add the documents of ``corpus`` to the graph in ``out``; seconds per stage."""
    import newsgraph.outputs as outputs
    import newsgraph.workflow as workflow

    table: dict[str, float] = {}
    for name in ("load_cache", "_new_articles", "_read_with_nlp", "_resolve_indexed",
                 "_assemble", "_store_base", "_store_delta", "_update_store"):
        if hasattr(workflow, name):  # the store's stages exist only where the store does
            setattr(workflow, name, _timed(table, name, getattr(workflow, name)))
    original = outputs.graph_writers

    def graph_writers(G: Any, **options: Any) -> dict[str, Any]:
        return {name: _timed(table, f"write {name}", w)
                for name, w in original(G, **options).items()}

    workflow.graph_writers = graph_writers  # type: ignore[attr-defined]
    original_writers = workflow._writers

    def writers(*args: Any, **kwargs: Any) -> dict[Path, Any]:
        found = original_writers(*args, **kwargs)
        return {path: (w if path.name.startswith("graph.") else
                       _timed(table, f"write {path.name}", w)) for path, w in found.items()}

    workflow._writers = writers
    started = time.perf_counter()
    workflow.build([str(corpus)], out, **options)
    table["total"] = time.perf_counter() - started
    return table


def _bare(corpus: Path, model: str) -> float:
    import spacy

    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.iterdir())]
    nlp = spacy.load(model, exclude=["lemmatizer"])
    list(nlp.pipe(texts[:2]))  # warm
    started = time.perf_counter()
    list(nlp.pipe(texts, batch_size=16))
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000, help="documents in the graph")
    parser.add_argument("--add", type=int, default=20, help="documents added")
    parser.add_argument("--model", default=DEFAULT_MODEL)
    parser.add_argument("--work", type=Path, required=True, help="corpora and outputs here")
    parser.add_argument("--exports", help="build --exports LIST for the add (default: all)")
    args = parser.parse_args(argv)
    sources = [s for s in DEFAULT_SOURCES if s.exists()]
    base_corpus, add_corpus = args.work / f"corpus-{args.docs}", args.work / f"add-{args.add}"
    if not base_corpus.exists():
        make_corpus(base_corpus, range(args.docs), sources=sources, model=args.model)
    if not add_corpus.exists():
        make_corpus(add_corpus, range(args.docs, args.docs + args.add), sources=sources,
                    model=args.model)
    built = args.work / f"built-{args.docs}"
    if not (built / "graph.ttl").exists():
        import newsgraph

        started = time.perf_counter()
        newsgraph.build([str(base_corpus)], built, workers=2)
        print(f"built {args.docs} documents in {time.perf_counter() - started:.1f} s")
    out = args.work / "added"
    shutil.rmtree(out, ignore_errors=True)
    shutil.copytree(built, out, symlinks=True)
    options = {"exports": args.exports.split(",")} if args.exports else {}
    cpu = time.process_time()
    table = profile_add(add_corpus, out, **options)
    cpu = time.process_time() - cpu
    bare = _bare(add_corpus, args.model)
    total = table["total"]
    print(f"add {args.add} documents to {args.docs}: {total:.2f} s, CPU {cpu:.2f} s "
          f"(bare nlp.pipe of the {args.add}: {bare:.2f} s); load {os.getloadavg()[0]:.1f}")
    print(f"  {'stage':28} {'wall s':>7}  {'share':>6}  {'CPU s':>6}")
    stages = [(n, s) for n, s in table.items() if n != "total" and not n.endswith(" cpu")]
    for name, seconds in sorted(stages, key=lambda kv: -kv[1]):
        print(f"  {name:28} {seconds:7.2f}  {seconds / total:6.1%}  {table[name + ' cpu']:6.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
