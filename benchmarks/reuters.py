"""``newsgraph build`` against bare ``nlp.pipe`` on real news: the Reuters-21578 stories.

Where ``throughput.py`` recombines the seeds' sentences, this benchmark reads real newswire:
the 21,578 Reuters stories of 1987 (about 19,000 with a body), in their order of NEWID. The
corpus is not shipped (it is about 28 MB as JSON); point ``--source`` at a copy of it:

* a clone of https://github.com/mihaibogdan10/json-reuters-21578 (the collection's SGML
  files converted to JSON, one object per story; commit
  ``af8b9c6096e4a4625a490ab41b676927265c3fec`` was used for the figures in
  ``docs/performance.md``), or that repository's git directory (read with ``git show``)::

      git clone https://github.com/mihaibogdan10/json-reuters-21578 benchmarks/data/reuters

Licence and terms: "Reuters-21578, Distribution 1.0"; the copyright of the texts resides with
Reuters Ltd, and Reuters Ltd and Carnegie Group, Inc. allow its free distribution *for
research purposes only* (the collection's README, section II; see
``corpus/tune/reuters21578/SOURCES.md``). The MIT licence of the JSON copy covers only its
conversion. Measuring a tool's speed on it is research use; nothing of it is committed here.

Each story becomes one text file as the corpus's tune part writes them: a ``date`` line with
the story's date and Reuters as publisher, the TITLE, a blank line, the DATELINE and the BODY
(SGML entities decoded, the end-of-text marker dropped). Then, each in a fresh process
(``throughput.py``'s runner: wall and CPU seconds, peak memory of the process tree), it times
bare spaCy (``spacy.load(model, exclude=["lemmatizer"])`` and ``nlp.pipe``) and
``newsgraph build`` with one worker, and prints their ratio.

Usage::

    PYTHONPATH=. python benchmarks/reuters.py --source benchmarks/data/reuters --docs 1000

Needs ``psutil`` (``pip install 'newsgraph[bench]'``).
"""

from __future__ import annotations

import argparse
import html
import json
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.throughput import _measure  # noqa: E402
from newsgraph.ingest.parallel import DEFAULT_BATCH_SIZE  # noqa: E402
from newsgraph.ingest.pipeline import DEFAULT_MODEL  # noqa: E402

__all__ = ["main", "stories", "write_corpus"]

_FILES = [f"json-data/reut2-{n:03d}.json" for n in range(22)]
_MONTHS = {m: i for i, m in enumerate(
    ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"], 1)}


def _read(source: Path, name: str) -> Any:
    """One JSON file of the copy: from a checkout, or from a git directory."""
    if (source / name).is_file():
        return json.loads((source / name).read_text(encoding="utf-8"))
    done = subprocess.run(["git", f"--git-dir={source}", "show", f"HEAD:{name}"],
                          capture_output=True, check=True)
    return json.loads(done.stdout)


def _date(text: str) -> str | None:
    """``26-FEB-1987 15:01:01.79`` as ``1987-02-26``."""
    try:
        day, month, rest = text.strip().split("-", 2)
        return f"{int(rest[:4]):04d}-{_MONTHS[month.upper()]:02d}-{int(day):02d}"
    except (ValueError, KeyError):
        return None


def stories(source: Path) -> Iterator[tuple[str, str]]:
    """``(NEWID, text)`` of every story with a body, in the collection's order."""
    for name in _FILES:
        for record in _read(source, name):
            body = html.unescape((record.get("body") or "").replace("&#3;", "")).strip()
            if not body:
                continue
            title = html.unescape(record.get("title") or "").strip()
            dateline = html.unescape(record.get("dateline") or "").strip()
            date = _date(record.get("date") or "")
            head = f"date {date} Reuters\n\n" if date else ""
            text = f"{head}{title}\n\n{dateline} {body}\n" if title else f"{head}{body}\n"
            yield record["attrs"]["newid"], text


def write_corpus(source: Path, folder: Path, count: int) -> tuple[int, int]:
    """Write the first ``count`` stories into ``folder``; return (documents, words)."""
    folder.mkdir(parents=True, exist_ok=True)
    documents = words = 0
    for newid, text in stories(source):
        if documents == count:
            break
        (folder / f"reuters-{int(newid):05d}.txt").write_text(text, encoding="utf-8")
        documents += 1
        words += len(text.split())
    return documents, words


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, required=True,
                        help="a clone of json-reuters-21578, or its git directory")
    parser.add_argument("--docs", type=int, default=1000, help="stories to read")
    parser.add_argument("--model", default=DEFAULT_MODEL)
    parser.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE)
    parser.add_argument("--work", type=Path, help="keep the corpus and the graph here")
    args = parser.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="newsgraph-reuters-"))
    corpus = work / f"reuters-{args.docs}"
    documents, words = write_corpus(args.source, corpus, args.docs)
    common = [args.model, str(args.batch_size)]
    bare = _measure(["bare", str(corpus), *common])
    build = _measure(["build", str(corpus), str(work / f"out-{args.docs}"), *common, "1", ""])
    print(f"Reuters-21578, {documents:,} stories, {words:,} words; model {args.model}")
    for name, run in (("bare nlp.pipe", bare), ("newsgraph build", build)):
        print(f"  {name:16} {run['seconds']:8.1f} s  {run['seconds'] / bare['seconds']:5.2f}x"
              f"  CPU {run['cpu']:8.1f} s  {run['cpu'] / bare['cpu']:5.2f}x"
              f"  {words / run['seconds']:8,.0f} words/s  peak {run['peak'] / 2**20:6,.0f} MB"
              f"  load {run['load']:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
