"""Where the time of an add goes: N documents added to a built graph of M, stage by stage.

Builds M news-like documents (``throughput.make_corpus``, nothing downloaded) into a folder
once, then adds N more to a copy of that folder with each stage of ``newsgraph.build`` timed:
reading the cache, reading the sources, the NLP, assembling the networkx graph, each output
file, and the Oxigraph store (its base read before the outputs are replaced, and the new
generation written after). Prints seconds per stage and their share of the add, and the bare
``nlp.pipe`` time of the same N documents as the reference. One run; the machine's load is
printed beside it.

With ``--generated``, the documents are generated extraction records (``records.py``, as
``grow.py`` uses them: no NLP, so that the graph can be 100,000 documents), and the process's
CPU seconds and peak memory are printed.

Usage::

    PYTHONPATH=. python benchmarks/add_profile.py --docs 1000 --add 20 --work /tmp/addbench
    PYTHONPATH=. nice -n 10 python benchmarks/add_profile.py --generated --docs 10000 \\
        --add 1000 --work /tmp/addbench
"""

from __future__ import annotations

import argparse
import os
import resource
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


def profile_add(corpus: Path | None, out: Path, *, generated: range | None = None,
                **options: Any) -> dict[str, float]:
    """Add the documents of ``corpus`` (or the ``generated`` ones) to the graph in ``out``;
    seconds per stage."""
    import newsgraph.workflow as workflow

    table: dict[str, float] = {}
    if generated is not None:
        _generate(workflow, generated)
    for name in ("load_cache", "_new_articles", "_read_with_nlp", "_resolve_indexed",
                 "_assemble", "_store_base", "_store_delta", "_update_store"):
        if hasattr(workflow, name):  # the store's stages exist only where the store does
            setattr(workflow, name, _timed(table, name, getattr(workflow, name)))
    write_atomically = workflow.write_atomically

    def write_each(outputs: Any) -> None:  # each file's writer, as the build hands them over
        write_atomically({path: _timed(table, f"write {path.name}", w)
                          for path, w in outputs.items()})

    workflow.write_atomically = write_each  # type: ignore[assignment]
    started = time.perf_counter()
    workflow.build([str(corpus) if corpus is not None else "generated"], out, **options)
    table["total"] = time.perf_counter() - started
    return table


def _generate(workflow: Any, numbers: range) -> None:
    """Make ``workflow.build`` read the generated documents ``numbers`` (``records.py``), the
    NLP replaced by the generator, as ``grow.py`` does."""
    from benchmarks.records import extraction
    from newsgraph.outputs import is_seen

    def new_articles(sources: Any, keys: set[str], report: Any, folder: Path,
                     **options: Any) -> tuple[list[Any], int, int]:
        articles = [extraction(n).article for n in numbers]
        fresh = [a for a in articles if not is_seen(a, keys)]
        return fresh, len(articles) - len(fresh), 0

    workflow._new_articles = new_articles
    workflow._read_with_nlp = lambda articles, report, **options: [
        extraction(int(a.id.split(":")[1])) for a in articles]


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
    parser.add_argument("--whole", action="store_true",
                        help="write graph.graphml and graph.json whole, not merged from the "
                             "previous files (the paired run of that merge)")
    parser.add_argument("--generated", action="store_true",
                        help="generated extraction records (records.py), no NLP: the graph "
                             "is built by grow.py in a process of its own")
    args = parser.parse_args(argv)
    if args.whole:
        import newsgraph.workflow as workflow

        workflow._mergeable_export = lambda index, folder, name: None  # type: ignore[assignment]
    if args.generated:
        return _main_generated(args)
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
    _print_stages(table)
    return 0


def _print_stages(table: dict[str, float]) -> None:
    """Each stage's wall seconds, share of the whole and CPU seconds, the costliest first."""
    total = table["total"]
    print(f"  {'stage':28} {'wall s':>7}  {'share':>6}  {'CPU s':>6}")
    stages = [(n, s) for n, s in table.items() if n != "total" and not n.endswith(" cpu")]
    for name, seconds in sorted(stages, key=lambda kv: -kv[1]):
        print(f"  {name:28} {seconds:7.2f}  {seconds / total:6.1%}  {table[name + ' cpu']:6.2f}")


def _main_generated(args: argparse.Namespace) -> int:
    """The add of ``--add`` generated documents to a graph of ``--docs``, stage by stage."""
    import subprocess

    built = args.work / f"built-generated-{args.docs}"
    if not (built / "graph.ttl").exists():
        shutil.rmtree(built, ignore_errors=True)
        subprocess.run([sys.executable, str(ROOT / "benchmarks" / "grow.py"), "--step",
                        str(built), "0", str(args.docs)], check=True, capture_output=True)
    out = args.work / "added-generated"
    shutil.rmtree(out, ignore_errors=True)
    shutil.copytree(built, out, symlinks=True)
    options = {"exports": args.exports.split(",")} if args.exports else {}
    cpu = time.process_time()
    table = profile_add(None, out, generated=range(args.docs, args.docs + args.add), **options)
    cpu = time.process_time() - cpu
    total = table["total"]
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"add {args.add} generated documents to {args.docs}: {total:.2f} s, CPU {cpu:.2f} s, "
          f"peak {peak:.0f} MB; load {os.getloadavg()[0]:.1f}")
    _print_stages(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
