"""The graph of N generated documents assembled on a Dask cluster, against one process.

On generated extraction records (``records.py``), one run each:

* ``records``: the N extractions written as Parquet (``newsgraph build --parquet``'s records);
* ``one process``: :func:`~newsgraph.graph.build.build_graph` and its triples as N-Triples,
  what a build spends between the NLP and ``graph.ttl``, in this process (wall and CPU
  seconds, peak memory of the process);
* ``cluster``: :func:`~newsgraph.graph.partitioned.assemble` of the records on a
  ``LocalCluster`` of ``--workers`` single-threaded processes: wall seconds, and the seconds
  the workers spent computing its tasks, by the function they ran (less sensitive than the
  wall clock to what else the machine runs);

and checks that the union of the shards is the one process's triples. The load average is
printed beside it. Usage::

    PYTHONPATH=. nice -n 10 python benchmarks/partitioned.py --docs 10000 --size 2500
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.records import extractions  # noqa: E402
from newsgraph.graph.build import build_graph  # noqa: E402
from newsgraph.graph.partitioned import assemble, shard_rows  # noqa: E402
from newsgraph.graph.rdf import rdf_rows  # noqa: E402
from newsgraph.graph.records import write_records  # noqa: E402
from newsgraph.graph.store import ntriples  # noqa: E402

__all__ = ["main"]


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000, help="documents in the graph")
    parser.add_argument("--size", type=int, default=2_500, help="articles a partition")
    parser.add_argument("--workers", type=int, default=2, help="worker processes")
    parser.add_argument("--cluster-only", action="store_true",
                        help="no one-process build (and no check): the peak memory printed "
                             "is then the client's")
    args = parser.parse_args(argv)
    import distributed
    from dask.utils import key_split

    print(f"load average at start: {os.getloadavg()[0]:.1f}")
    records = list(extractions(0, args.docs))
    work = Path(tempfile.mkdtemp(prefix="partitioned-"))
    start = time.perf_counter()
    parts = write_records(records, work / "records", size=args.size)
    print(f"records: {parts} partitions in {time.perf_counter() - start:.1f} s")

    lines: set[str] = set()
    if not args.cluster_only:
        start, cpu = time.perf_counter(), time.process_time()
        lines = set(ntriples(rdf_rows(build_graph(records))).decode().splitlines())
        print(f"one process: {time.perf_counter() - start:.1f} s wall, "
              f"{time.process_time() - cpu:.1f} s CPU, {len(lines):,} triples, "
              f"peak {_peak_mb():,.0f} MB")
    del records

    with distributed.LocalCluster(n_workers=args.workers, threads_per_worker=1,
                                  dashboard_address="127.0.0.1:0") as cluster, \
            distributed.Client(cluster) as client:
        client.run(lambda: None)  # the workers are up
        print(f"client peak before assembling: {_peak_mb():,.0f} MB")
        start = time.perf_counter()
        with distributed.get_task_stream(client) as stream:
            made = assemble(work / "records", work / "shards", client)
        print(f"cluster of {args.workers}: {time.perf_counter() - start:.1f} s wall, "
              f"{len(made.shards)} shards, {made.nodes:,} entities, client peak after "
              f"{_peak_mb():,.0f} MB")
    spent: Counter[str] = Counter()
    for task in stream.data:
        spent[key_split(task["key"])] += sum(s["stop"] - s["start"] for s in task["startstops"]
                           if s["action"] == "compute")
    print(f"workers computing: {sum(spent.values()):.1f} s, of which "
          + ", ".join(f"{name} {seconds:.1f}" for name, seconds in spent.most_common(6)))
    print(f"load average at end: {os.getloadavg()[0]:.1f}")
    if args.cluster_only:
        return 0
    same = shard_rows(work / "shards") == lines
    print("shards equal the one process's triples:", same)
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
