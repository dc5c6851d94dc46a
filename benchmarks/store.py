"""The graph folder's Oxigraph store at scale: loading it, an add's delta, opening it to query.

Writes a synthetic ``graph.ttl`` of ``--triples`` triples shaped like newsgraph's evidence
(an IRI subject, a few predicates, sentence-long literals), then times, in this process:

* ``full``: :func:`newsgraph.graph.store.update_store` with no base, the whole file bulk
  loaded into a new generation (a first build, or a store that does not match);
* ``delta``: an add that removes ``--delta``/2 of the triples and adds ``--delta`` new ones:
  :func:`store_base` (the old file parsed, before it is replaced) then ``update_store`` (the
  new file parsed, the difference written into a hard-linked checkpoint);
* ``query``: opening the folder's graph and counting the articles, from the store
  (``open_graph``) and from the Turtle alone (what ``newsgraph query`` did before the store).

With ``--shape news`` the graph is :func:`benchmarks.news_graph.write_news_graph`'s, with
every kind of node and edge newsgraph writes, and ``--examples`` then times each shipped
example query on the store (run to its last row, as ``newsgraph query`` reads them) in place
of the add, and ``--validate`` ``newsgraph validate`` on it. ``--processes`` times each example
in a process of its own instead, read as ``newsgraph query`` reads it (up to its row limit), and
``--keep`` queries the store an earlier run left in ``--work`` (a store of 10 million triples
takes minutes to load).

One run; the machine's load is printed beside it. Usage::

    PYTHONPATH=. python benchmarks/store.py --triples 1000000 --work /tmp/storebench
    PYTHONPATH=. python benchmarks/store.py --shape news --examples --triples 10000000 --work /tmp/q
    PYTHONPATH=. python benchmarks/store.py --shape news --processes --keep --work /tmp/q
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pyoxigraph as ox  # noqa: E402

from benchmarks.news_graph import write_news_graph  # noqa: E402
from newsgraph.graph.store import STORE_NAME, open_graph, store_base, update_store  # noqa: E402

__all__ = ["main", "write_graph"]

_ID = "https://w3id.org/newsgraph/id/evidence/"
_NG = "https://w3id.org/newsgraph/ontology#"
_XSD = "http://www.w3.org/2001/XMLSchema#"
_COUNT = f"SELECT (COUNT(?e) AS ?n) WHERE {{ ?e a <{_NG}Evidence> }}"


def write_graph(path: Path, numbers: range) -> int:
    """Write five triples for each number as N-Triples (which is Turtle); return the count."""
    with path.open("w", encoding="utf-8") as out:
        for n in numbers:
            s = f"<{_ID}{n:016x}>"
            out.write(f"{s} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{_NG}Evidence> .\n"
                      f'{s} <{_NG}sentence> "Sentence {n} says that company {n % 977} supplies '
                      f'company {n % 613} with chips, according to the report." .\n'
                      f'{s} <{_NG}startChar> "{n % 5000}"^^<{_XSD}integer> .\n'
                      f'{s} <{_NG}rule> "rule-{n % 40}" .\n'
                      f"{s} <http://www.w3.org/ns/prov#wasDerivedFrom> "
                      f"<https://w3id.org/newsgraph/id/article/{n // 7:012x}> .\n")
    return 5 * len(numbers)


def _timed(label: str, function, *args):  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    result = function(*args)
    print(f"  {label:44} {time.perf_counter() - started:8.2f} s", flush=True)
    return result


_EXAMPLE = '''
import sys, time
from pathlib import Path
from newsgraph.graph.query import format_limited, query_text, run_query
from newsgraph.graph.store import open_graph
store, _ = open_graph(Path(sys.argv[1]))
started = time.perf_counter()
text, more = format_limited(run_query(store, query_text(sys.argv[2])), max_rows=int(sys.argv[3]))
print(time.perf_counter() - started, text.count("\\n") - 2, more)
'''


def _example_processes(folder: Path, timeout: float) -> None:
    """Time each example in a process of its own, on the store opened as ``newsgraph query``
    opens it, reading up to its row limit; the time is the query's, from the first row asked
    to the last printed (not Python's start nor the store's opening)."""
    from newsgraph.graph.query import query_names
    from newsgraph.serve import MAX_ROWS

    for name in query_names():
        load = os.getloadavg()[0]
        try:
            done = subprocess.run(
                [sys.executable, "-c", _EXAMPLE, str(folder), name, str(MAX_ROWS)],
                capture_output=True, text=True, timeout=timeout, check=True)
        except subprocess.TimeoutExpired:
            print(f"  example {name:34} over {timeout:.0f} s; load {load:.1f}", flush=True)
            continue
        seconds, rows, more = done.stdout.split()
        print(f"  example {name:34} {float(seconds):8.2f} s  {int(rows):,} rows"
              f"{' (of more)' if more == 'True' else ''}; load {load:.1f}", flush=True)


def _news(folder: Path, args: argparse.Namespace) -> int:
    from newsgraph.graph.query import format_limited, query_names, query_text, run_query

    if not args.keep:
        with (folder / "graph.ttl").open("w", encoding="utf-8") as stream:
            count = _timed("write the graph", write_news_graph, stream, args.triples)
        size = (folder / "graph.ttl").stat().st_size
        print(f"{count:,} triples, graph.ttl {size / 2**20:,.0f} MB; "
              f"load {os.getloadavg()[0]:.1f}")
        _timed("full: bulk load into a new generation", update_store, folder, None)
    if args.processes:
        _example_processes(folder, args.timeout)
        return 0
    store, _ = _timed("open the store", open_graph, folder)
    if args.examples:
        for name in query_names():
            started = time.perf_counter()
            text, _ = format_limited(run_query(store, query_text(name)))
            rows = text.count("\n") - 2
            print(f"  example {name:34} {time.perf_counter() - started:8.2f} s  {rows:,} rows; "
                  f"load {os.getloadavg()[0]:.1f}", flush=True)
    if args.validate:
        from newsgraph.graph.shapes import validate_store

        violations = _timed("validate (the shapes as SPARQL on the store)", validate_store,
                            store)
        print(f"    {len(violations)} violations")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory of the process {peak:,.0f} MB; load {os.getloadavg()[0]:.1f}; "
          f"pyoxigraph {ox.__version__}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--delta", type=float, default=0.01, help="share of triples added")
    parser.add_argument("--work", type=Path, required=True)
    parser.add_argument("--shape", choices=["evidence", "news"], default="evidence")
    parser.add_argument("--examples", action="store_true",
                        help="time the example queries on the store instead of an add")
    parser.add_argument("--validate", action="store_true",
                        help="time newsgraph validate on the store instead of an add")
    parser.add_argument("--keep", action="store_true",
                        help="with --shape news: query the store a run before left in --work")
    parser.add_argument("--processes", action="store_true",
                        help="with --shape news: time each example in a process of its own, "
                             "reading up to newsgraph query's row limit")
    parser.add_argument("--timeout", type=float, default=100.0,
                        help="seconds an example may take with --processes")
    args = parser.parse_args(argv)
    folder = args.work / "graph"
    if not args.keep:
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
    if args.shape == "news":
        return _news(folder, args)
    subjects = args.triples // 5
    added = max(1, int(subjects * args.delta))
    removed = added // 2
    count = write_graph(folder / "graph.ttl", range(subjects))
    size = (folder / "graph.ttl").stat().st_size
    print(f"{count:,} triples, graph.ttl {size / 2**20:,.0f} MB; "
          f"an add of {5 * added:,} triples and removal of {5 * removed:,}")
    print(_timed("full: bulk load into a new generation", update_store, folder, None))
    base = _timed("delta: the old triples (store_base)", store_base, folder)
    write_graph(folder / "graph.ttl", range(removed, subjects + added))
    print(_timed("delta: the new generation (update_store)", update_store, folder, base))
    del base
    store, read = _timed("query: open the store", open_graph, folder)
    rows = _timed("query: count on the store", lambda: list(store.query(_COUNT)))
    print(f"    read {read.name}: {rows[0][0].value} evidence nodes")
    del store
    os.rename(folder / STORE_NAME, folder / "moved-away")
    store, read = _timed("query: load graph.ttl into memory", open_graph, folder)
    rows = _timed("query: count in memory", lambda: list(store.query(_COUNT)))
    print(f"    read {read.name}: {rows[0][0].value} evidence nodes")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory of the process {peak:,.0f} MB; load {os.getloadavg()[0]:.1f}; "
          f"pyoxigraph {ox.__version__}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
