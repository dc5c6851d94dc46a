"""A graph that grows: a full build of N generated documents, then an add of M more, timed.

The NLP is left out: each document's extraction is generated (``records.py``), so what is
measured is what follows the NLP, the part that grows with the graph (the NLP of M documents
costs the same whatever the graph holds; ``throughput.py`` measures it). Each step runs in a
fresh process, timed by wall clock and CPU, with its peak resident memory:

* ``build``: ``newsgraph.build`` of documents 0 to N-1 into an empty folder;
* ``add``: ``newsgraph.build`` of documents N to N+M-1 into a copy of that folder;
* ``add, no index``: the same add with the alias index unused (every entity resolved again
  in memory, as before the index), for comparison;
* with ``--check``, a full build of the N+M documents, whose files are compared byte for byte
  with those of the add.

``--exports`` is passed to the add (``--exports html`` writes only graph.ttl and the viewer).
One run of each; the load average is printed beside it. Usage::

    PYTHONPATH=. nice -n 10 python benchmarks/grow.py --docs 10000 --add 1000 --work /tmp/grow
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

__all__ = ["main"]

_COMPARED = ("graph.ttl", "graph.jsonld", "graph.graphml", "graph.json", "graph.html",
             "merges.jsonl", "documents.jsonl")


def _generated_build(out: Path, start: int, stop: int, *, index: bool,
                     exports: list[str] | None) -> dict[str, float]:
    """``newsgraph.build`` of generated documents ``start`` to ``stop - 1`` into ``out``, the
    NLP replaced by the generator; seconds of the resolution and graph stage, and in all."""
    import newsgraph.workflow as workflow
    from benchmarks.records import extraction
    from newsgraph.outputs import is_seen

    def new_articles(sources: Any, keys: set[str], report: Any, folder: Path,
                     **options: Any) -> tuple[list[Any], int, int]:
        articles = [extraction(n).article for n in range(start, stop)]
        fresh = [a for a in articles if not is_seen(a, keys)]
        return fresh, len(articles) - len(fresh), 0

    def read_with_nlp(articles: list[Any], report: Any, **options: Any) -> list[Any]:
        return [extraction(int(a.id.split(":")[1])) for a in articles]

    table: dict[str, float] = {}
    workflow._new_articles = new_articles  # type: ignore[assignment]
    workflow._read_with_nlp = read_with_nlp  # type: ignore[assignment]
    if not index:
        workflow._resolve_indexed = lambda *args, **kwargs: (None, None)  # type: ignore[assignment]
    for name in ("load_cache", "_resolve_indexed", "_assemble", "_store_base", "_store_delta",
                 "_update_store"):
        original = getattr(workflow, name, None)
        if original is None:  # a stage another version of newsgraph does not have
            continue

        def timed(*args: Any, _original: Any = original, _name: str = name,
                  **kwargs: Any) -> Any:
            began = time.perf_counter()
            try:
                return _original(*args, **kwargs)
            finally:
                table[_name] = table.get(_name, 0.0) + time.perf_counter() - began
        setattr(workflow, name, timed)
    began, cpu = time.perf_counter(), time.process_time()
    workflow.build(["generated"], out, exports=exports)
    table["wall"] = time.perf_counter() - began
    table["cpu"] = time.process_time() - cpu
    table["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return table


def _step(out: Path, start: int, stop: int, *, index: bool = True,
          exports: str | None = None) -> dict[str, float]:
    """One step in a fresh process, its figures read back."""
    command = [sys.executable, __file__, "--step", str(out), str(start), str(stop),
               "--index" if index else "--no-index"]
    if exports:
        command += ["--exports", exports]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode:
        raise SystemExit(done.stderr)
    figures: dict[str, float] = json.loads(done.stdout.splitlines()[-1])
    return figures


def _print(name: str, figures: dict[str, float]) -> None:
    stages = ", ".join(f"{k} {v:.2f}" for k, v in figures.items()
                       if k not in ("wall", "cpu", "peak_mb"))
    print(f"{name:24} {figures['wall']:8.2f} s  CPU {figures['cpu']:8.2f} s  "
          f"peak {figures['peak_mb']:7.0f} MB  load {os.getloadavg()[0]:.1f}  ({stages})",
          flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000, help="documents in the graph")
    parser.add_argument("--add", type=int, default=1_000, help="documents added")
    parser.add_argument("--work", type=Path, help="the folders are made here")
    parser.add_argument("--exports", help="build --exports LIST for the add (default: all)")
    parser.add_argument("--check", action="store_true",
                        help="also build all N+M at once and compare the files")
    parser.add_argument("--step", nargs=3, help=argparse.SUPPRESS)
    parser.add_argument("--index", action=argparse.BooleanOptionalAction, default=True,
                        help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.step:
        out, start, stop = Path(args.step[0]), int(args.step[1]), int(args.step[2])
        exports = args.exports.split(",") if args.exports else None
        print(json.dumps(_generated_build(out, start, stop, index=args.index, exports=exports)))
        return 0
    if args.work is None:
        parser.error("--work is required")
    n, m = args.docs, args.add
    built = args.work / f"built-{n}"
    print(f"{n:,} generated documents, add {m:,}", flush=True)
    if not (built / "graph.ttl").exists():
        shutil.rmtree(built, ignore_errors=True)
        _print("build", _step(built, 0, n))
    added = args.work / f"added-{n}"
    for index, label in ((True, "add"), (False, "add, no index")):
        shutil.rmtree(added, ignore_errors=True)
        shutil.copytree(built, added, symlinks=True)
        _print(label, _step(added, n, n + m, index=index, exports=args.exports))
    if args.check:
        both = args.work / f"both-{n + m}"
        shutil.rmtree(both, ignore_errors=True)
        _print(f"build {n + m:,}", _step(both, 0, n + m))
        shutil.rmtree(added, ignore_errors=True)
        shutil.copytree(built, added, symlinks=True)
        _step(added, n, n + m, exports=args.exports)
        for name in _COMPARED:
            a, b = added / name, both / name
            if not a.exists():
                continue
            same = a.read_bytes() == b.read_bytes()
            if name == "graph.html" and not same:
                pages = (p.read_bytes().replace(b'"new":true', b'"new":false') for p in (a, b))
                same = next(pages) == next(pages)
            print(f"  {name}: {'same bytes' if same else 'DIFFERENT'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
