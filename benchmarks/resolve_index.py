"""Resolution through the alias index at scale: an add of M generated documents to N.

Times, in this process, on generated extraction records (``records.py``):

* ``in memory``: :func:`~newsgraph.graph.resolve.resolve` of all N+M documents' entities,
  what a build did before the index (every cached entity read again);
* ``index, first build``: the N documents added to a new ``names.sqlite``;
* ``index, add``: the M documents added to it, the aggregates read back, resolved;

and checks that the add's nodes and merge log equal those of resolving all N+M at once.
One run; the load average is printed beside it. Usage::

    PYTHONPATH=. nice -n 10 python benchmarks/resolve_index.py --docs 100000 --add 1000
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.records import extractions  # noqa: E402
from newsgraph.graph.index import add_extractions, open_index, read_seen  # noqa: E402
from newsgraph.graph.iris import digest  # noqa: E402
from newsgraph.graph.resolve import resolve, resolve_seen  # noqa: E402

__all__ = ["main"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000, help="documents in the graph")
    parser.add_argument("--add", type=int, default=1_000, help="documents added")
    args = parser.parse_args(argv)
    n, m = args.docs, args.add
    old, new = list(extractions(0, n)), list(extractions(n, n + m))

    def timed(name: str, began: tuple[float, float]) -> None:
        wall, cpu = time.perf_counter() - began[0], time.process_time() - began[1]
        print(f"  {name:34} {wall:8.2f} s  CPU {cpu:8.2f} s  load {os.getloadavg()[0]:.1f}",
              flush=True)

    def now() -> tuple[float, float]:
        return time.perf_counter(), time.process_time()

    print(f"resolution of {n:,} generated documents, add {m:,}")
    began = now()
    ordered = sorted(old + new, key=lambda x: digest(x.article.id))
    expected = resolve((x.article.link or x.article.source, e)
                       for x in ordered for e in x.entities)
    timed(f"in memory, all {n + m:,}", began)
    with tempfile.TemporaryDirectory() as folder:
        began = now()
        with open_index(Path(folder)) as index:
            add_extractions(index, old)
        timed(f"index, first build of {n:,}", began)
        print(f"  names.sqlite: {os.path.getsize(Path(folder) / 'names.sqlite') / 1e6:.0f} MB")
        began = now()
        with open_index(Path(folder)) as index:
            add_extractions(index, new)
            timed(f"index, add {m:,}: the rows written", began)
            seen = read_seen(index)
            timed(f"index, add {m:,}: + the aggregates read", began)
            found = resolve_seen(seen)
        timed(f"index, add {m:,}: + resolved", began)
    print(f"  {len(found[0]):,} nodes, {len(found[1]):,} merges; "
          f"same as all at once: {'yes' if found == expected else 'NO'}")
    return 0 if found == expected else 1


if __name__ == "__main__":
    sys.exit(main())
