"""Where a build's memory goes: the peak resident memory of each stage of a generated build.

Runs ``newsgraph.build`` of generated documents ``START`` to ``STOP - 1`` into ``OUT`` as
``grow.py`` does (the NLP replaced by ``records.py``; into a folder that holds a build, an
add), with a thread reading the process's resident memory every 10 ms and keeping the
highest of each stage: reading the cache, the resolution (with the generated extractions),
assembling the graph, each file written, the subjects' digests, the store. Linux only
(``/proc/self/statm``). Prints grow.py's figures, then each stage's peak. Usage::

    PYTHONPATH=. nice -n 10 python benchmarks/build_memory.py /tmp/built 0 10000
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import threading
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

__all__ = ["main"]

_PAGE = os.sysconf("SC_PAGE_SIZE")
_STAGES = ("load_cache", "_resolve_indexed", "_assemble", "_writers", "_store_delta",
           "_records", "_update_store")


def _resident_mb() -> float:
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[1]) * _PAGE / 2**20


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("start", type=int)
    parser.add_argument("stop", type=int)
    args = parser.parse_args(argv)

    import newsgraph.workflow as workflow
    from benchmarks import grow

    current = ["start"]
    peaks: dict[str, float] = {}

    def sample() -> None:
        while True:
            resident = _resident_mb()
            peaks[current[0]] = max(peaks.get(current[0], 0.0), resident)
            time.sleep(0.01)

    def staged(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def run(*positional: Any, **named: Any) -> Any:
            before, current[0] = current[0], name
            peaks.setdefault(name, _resident_mb())
            try:
                return function(*positional, **named)
            finally:
                current[0] = before
        return run

    for name in _STAGES:
        setattr(workflow, name, staged(name, getattr(workflow, name)))
    write_atomically = workflow.write_atomically

    def write_each(outputs: Mapping[Path, Any]) -> None:
        write_atomically({path: staged(f"write {path.name}", writer)
                          for path, writer in outputs.items()})

    workflow.write_atomically = write_each  # type: ignore[assignment]
    threading.Thread(target=sample, daemon=True).start()
    figures = grow._generated_build(args.out, args.start, args.stop, index=True, exports=None)
    print(json.dumps(figures))
    for name, peak in peaks.items():
        if name != "start":
            print(f"{name:30} peak {peak:7.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
