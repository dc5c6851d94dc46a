"""Throughput of ``newsgraph build`` against bare spaCy on the same texts.

Makes a corpus of news-like documents from the seeds (and any extra texts): each document
recombines sentences of the real articles and swaps the names in them for other names of the
same kind found in those articles, so sentence shapes, lengths and entity density stay those
of real news. Nothing is downloaded. Then, in one run, it times

* ``bare``: ``spacy.load(model, exclude=["lemmatizer"])`` and ``nlp.pipe`` over the texts,
* ``build``: ``newsgraph build`` of the corpus with one worker, and with ``--workers N``,
* ``add``: adding a few new documents to the built graph,

each in a fresh process, and prints seconds, the ratio to bare spaCy, words/s, documents/s
and the peak memory of the whole process tree (PSS summed over the process and its children,
sampled every 0.1 s), with the CPU seconds of that tree, which a busy machine disturbs less
than the wall clock. Medians of ``--repeat`` runs; the highest 1-minute load average seen at
the end of a run is printed beside them. Words are whitespace-separated tokens.

Usage::

    PYTHONPATH=. python benchmarks/throughput.py --docs 1000 --docs 10000 --workers 2

Needs ``psutil`` (``pip install 'newsgraph[bench]'``).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newsgraph.ingest.parallel import DEFAULT_BATCH_SIZE  # noqa: E402
from newsgraph.ingest.pipeline import DEFAULT_MODEL  # noqa: E402
from newsgraph.ingest.sources import read_sources  # noqa: E402

__all__ = ["main", "make_corpus"]

DEFAULT_SOURCES = [ROOT / "seeds", ROOT.parent.parent / "shared" / "eval" / "extra"]
PUBLISHERS = ["Reuters", "Bloomberg", "South China Morning Post", "Nikkei Asia",
              "Financial Times", "The Wall Street Journal", "Caixin", "AP"]
SWAPPED = ("ORG", "PERSON", "GPE", "NORP")
OUTPUTS = ("graph.ttl", "graph.json", "graph.html", "documents.jsonl")
_MARKUP = re.compile(r"[<>{}=]|https?:|www\.|\.\.\.")


@dataclass(frozen=True)
class Sentence:
    """A sentence of a source article and the (start, end, label) of its entities."""

    text: str
    entities: tuple[tuple[int, int, str], ...]


def _source_sentences(sources: list[Path], model: str) -> tuple[list[list[Sentence]],
                                                                dict[str, list[str]]]:
    """The sentences of every source article, and the names of each kind found in them."""
    import spacy

    texts = [a.text for r in read_sources([str(s) for s in sources if s.exists()])
             for a in r.articles if len(a.text.split()) >= 20]
    nlp = spacy.load(model, exclude=["lemmatizer"])
    documents: list[list[Sentence]] = []
    names: dict[str, set[str]] = defaultdict(set)
    for doc in nlp.pipe(texts):
        sentences = []
        for sent in doc.sents:
            text = " ".join(sent.text.split())
            if (len(text.split()) < 4 or text != sent.text.strip()
                    or _MARKUP.search(text)):
                continue  # prose only, with offsets that still hold after cleaning
            entities = []
            for ent in sent.ents:
                if ent.label_ in SWAPPED:
                    names[ent.label_].add(ent.text)
                    entities.append((ent.start_char - sent.start_char,
                                     ent.end_char - sent.start_char, ent.label_))
            sentences.append(Sentence(text, tuple(entities)))
        if sentences:
            documents.append(sentences)
    return documents, {label: sorted(found) for label, found in names.items()}


def _document(number: int, documents: list[list[Sentence]], names: dict[str, list[str]],
              *, seed: int) -> str:
    """Document ``number`` of the corpus: the same text for the same number and seed."""
    rng = random.Random(f"{seed}:{number}")
    home = rng.choice(documents)
    target = rng.randint(120, 420)
    start = rng.randrange(len(home))
    chosen = list(home[start:start + rng.randint(2, 6)])
    while sum(len(s.text.split()) for s in chosen) < target:
        chosen.append(rng.choice(rng.choice(documents)))
    swaps: dict[tuple[str, str], str] = {}
    lines = []
    for sentence in chosen:
        text = sentence.text
        for begin, end, label in sorted(sentence.entities, reverse=True):
            name = text[begin:end]
            if (name, label) not in swaps:
                swaps[(name, label)] = rng.choice(names[label]) if rng.random() < 0.6 else name
            text = text[:begin] + swaps[(name, label)] + text[end:]
        lines.append(text)
    paragraphs = []
    while lines:
        size = rng.randint(1, 3)
        paragraphs.append(" ".join(lines[:size]))
        lines = lines[size:]
    title = " ".join(paragraphs[0].split()[:rng.randint(5, 11)]).rstrip(".,;:")
    date = f"20{rng.randint(18, 26):02d}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    header = f"date {date} {rng.choice(PUBLISHERS)}"
    return "\n\n".join([header, title, *paragraphs]) + "\n"


def make_corpus(folder: Path, numbers: range, *, sources: list[Path], model: str,
                seed: int = 9) -> tuple[int, int]:
    """Write documents ``numbers`` into ``folder``; return (documents, words).

    Document ``n`` depends only on ``n``, the seed and the sources, so a corpus of 1,000 is
    the first 1,000 of a corpus of 10,000 and new documents can be added after either.
    """
    documents, names = _source_sentences(sources, model)
    folder.mkdir(parents=True, exist_ok=True)
    words = 0
    for number in numbers:
        text = _document(number, documents, names, seed=seed)
        words += len(text.split())
        (folder / f"doc-{number:06d}.txt").write_text(text, encoding="utf-8")
    return len(numbers), words


# ---- the measured steps, each run in a fresh process -----------------------------------

def _run_bare(corpus: str, model: str, batch_size: int) -> dict[str, Any]:
    import spacy

    texts = [a.text for r in read_sources([corpus]) for a in r.articles]
    start = time.perf_counter()
    nlp = spacy.load(model, exclude=["lemmatizer"])
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    return {"seconds": time.perf_counter() - start, "docs": len(texts),
            "words": sum(len(t.split()) for t in texts)}


def _run_build(corpus: str, out: str, model: str, batch_size: int, workers: int,
               profile: str | None) -> dict[str, Any]:
    import contextlib
    import io

    from newsgraph.cli import main as cli

    argv = ["build", corpus, "--out", out, "--model", model, "--batch-size", str(batch_size),
            "--workers", str(workers)]
    start = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        if profile:
            import cProfile

            profiler = cProfile.Profile()
            status = profiler.runcall(cli, argv)
            profiler.dump_stats(profile)
        else:
            status = cli(argv)
    if status != 0:
        message = f"newsgraph build {corpus} failed with status {status}"
        raise RuntimeError(message)
    return {"seconds": time.perf_counter() - start}


def _sample(process: Any, stop: threading.Event, peak: list[int],
            cpu: dict[int, float]) -> None:
    """Track the peak memory of a process tree and the CPU seconds of each member."""
    import psutil

    while not stop.is_set():
        total = 0
        try:
            family = [process, *process.children(recursive=True)]
        except psutil.Error:
            break
        for member in family:
            try:
                info = member.memory_full_info()
                total += getattr(info, "pss", info.rss)
                times = member.cpu_times()
                cpu[member.pid] = times.user + times.system
            except psutil.Error:
                continue
        peak[0] = max(peak[0], total)
        stop.wait(0.1)


def _measure(step: list[str]) -> dict[str, Any]:
    """Run one step in a fresh interpreter; its result and the tree's peak memory."""
    import psutil

    command = [sys.executable, __file__, "_step", *step]
    child = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, cwd=ROOT)
    stop, peak, cpu = threading.Event(), [0], {}
    sampler = threading.Thread(target=_sample,
                               args=(psutil.Process(child.pid), stop, peak, cpu))
    sampler.start()
    output, _ = child.communicate()
    stop.set()
    sampler.join()
    if child.returncode != 0:
        message = f"step {step} failed with status {child.returncode}"
        raise RuntimeError(message)
    result: dict[str, Any] = json.loads(output.strip().splitlines()[-1])
    result["peak"] = peak[0]
    result["cpu"] = sum(cpu.values())
    result["load"] = os.getloadavg()[0]
    return result


def _median(runs: list[dict[str, Any]]) -> dict[str, Any]:
    return {"seconds": statistics.median(r["seconds"] for r in runs),
            "peak": statistics.median(r["peak"] for r in runs),
            "cpu": statistics.median(r["cpu"] for r in runs),
            "load": max(r["load"] for r in runs),
            "runs": [round(r["seconds"], 2) for r in runs]}


def _same_bytes(a: Path, b: Path) -> bool:
    return all((a / name).read_bytes() == (b / name).read_bytes() for name in OUTPUTS)


def _bench(size: int, args: argparse.Namespace, work: Path) -> dict[str, Any]:
    corpus, added = work / f"corpus-{size}", work / f"added-{size}"
    docs, words = make_corpus(corpus, range(size), sources=args.source, model=args.model)
    make_corpus(added, range(size, size + args.add), sources=args.source, model=args.model)
    common = [args.model, str(args.batch_size)]
    repeat = args.repeat if size <= 2000 else args.large_repeat
    result: dict[str, Any] = {"docs": docs, "words": words}
    result["bare"] = _median([_measure(["bare", str(corpus), *common])
                              for _ in range(repeat)])
    _progress(size, "bare", result["bare"])
    outs = {}
    for workers in (1, args.workers):
        runs = []
        for run in range(repeat):
            out = work / f"out-{size}-w{workers}-{run}"
            runs.append(_measure(["build", str(corpus), str(out), *common, str(workers)]))
            outs[workers] = out
        result[f"build-w{workers}"] = _median(runs)
        _progress(size, f"build-w{workers}", result[f"build-w{workers}"])
    result["identical"] = _same_bytes(outs[1], outs[args.workers])
    runs = []
    for run in range(repeat):
        out = work / f"out-{size}-add-{run}"
        shutil.copytree(outs[1], out, symlinks=True)
        profile = str(work / f"add-{size}.prof") if args.profile and run == 0 else ""
        runs.append(_measure(["build", str(added), str(out), *common, "1", profile]))
    result["add"] = _median(runs)
    _progress(size, "add", result["add"])
    return result


def _progress(size: int, step: str, figures: dict[str, Any]) -> None:
    print(f"[{size} documents] {step}: {figures}", file=sys.stderr, flush=True)


def _report(results: list[dict[str, Any]], workers: int, added: int) -> str:
    mb = 1024 * 1024
    lines = []
    for r in results:
        bare = r["bare"]["seconds"]
        lines.append(f"\n{r['docs']:,} documents, {r['words']:,} words")
        lines.append(f"{'step':<26}{'seconds':>9}{'x bare':>8}{'words/s':>9}{'docs/s':>8}"
                     f"{'peak MB':>9}{'CPU s':>8}{'x bare':>8}  runs (load)")
        for key, name in [("bare", "bare spaCy nlp.pipe"), ("build-w1", "newsgraph build"),
                          (f"build-w{workers}", f"newsgraph build -w {workers}"),
                          ("add", f"add {added} documents")]:
            step = r[key]
            seconds = step["seconds"]
            speed = "" if key == "add" else f"{r['words'] / seconds:>9,.0f}"
            rate = "" if key == "add" else f"{r['docs'] / seconds:>8,.1f}"
            lines.append(f"{name:<26}{seconds:>9.2f}{seconds / bare:>8.3f}{speed:>9}{rate:>8}"
                         f"{step['peak'] / mb:>9.0f}{step['cpu']:>8.1f}"
                         f"{step['cpu'] / r['bare']['cpu']:>8.3f}  {step['runs']} "
                         f"({step['load']:.1f})")
        one, many = r["build-w1"]["seconds"], r[f"build-w{workers}"]["seconds"]
        lines.append(f"speed-up of {workers} workers over 1: {one / many:.2f}x; "
                     f"same bytes: {'yes' if r['identical'] else 'NO'}")
        lines.append(f"adding {added} documents costs {100 * r['add']['seconds'] / one:.1f}% "
                     "of building from scratch")
    return "\n".join(lines)


def _memory(results: list[dict[str, Any]], workers: int) -> str:
    small, large = results[0], results[-1]
    extra = large["docs"] - small["docs"]
    lines = [f"\npeak memory from {small['docs']:,} to {large['docs']:,} documents:"]
    for key in ("bare", "build-w1", f"build-w{workers}"):
        slope = (large[key]["peak"] - small[key]["peak"]) / extra
        lines.append(f"{key:<12}{slope / 1024:>8,.1f} KiB more per document")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; return the exit status."""
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "_step":
        kind, corpus, *rest = argv[1:]
        if kind == "bare":
            result = _run_bare(corpus, rest[0], int(rest[1]))
        else:
            out, model, batch, workers, *profile = rest
            result = _run_build(corpus, out, model, int(batch), int(workers),
                                profile[0] if profile and profile[0] else None)
        print(json.dumps(result))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, action="append",
                        help="corpus size; repeat for several (default: 1000)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE)
    parser.add_argument("--repeat", type=int, default=3, help="runs per step (median)")
    parser.add_argument("--large-repeat", type=int, default=1,
                        help="runs per step for corpora of more than 2,000 documents")
    parser.add_argument("--add", type=int, default=10, help="documents added to the graph")
    parser.add_argument("--model", default=DEFAULT_MODEL)
    parser.add_argument("--source", type=Path, action="append",
                        help="texts to vary (default: seeds/ and ../shared/eval/extra/)")
    parser.add_argument("--work", type=Path, help="keep corpora and outputs here")
    parser.add_argument("--profile", action="store_true",
                        help="write a cProfile of the first 'add' run into the work folder")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON here")
    args = parser.parse_args(argv)
    args.docs = args.docs or [1000]
    args.source = args.source or DEFAULT_SOURCES
    work = args.work or Path(tempfile.mkdtemp(prefix="newsgraph-bench-"))
    results = []
    for size in sorted(args.docs):
        results.append(_bench(size, args, work))
        print(_report(results[-1:], args.workers, args.add), flush=True)
        if args.json:
            args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    if len(results) > 1:
        print(_memory(results, args.workers))
    if not args.work:
        shutil.rmtree(work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
