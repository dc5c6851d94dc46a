"""The command line: ``newsgraph build`` and ``newsgraph query``.

The only module that opens paths: every stage it calls takes and returns values.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO

import networkx as nx
from rdflib import Graph

from graph.build import build_graph
from graph.html import write_html
from graph.nodelink import write_json
from graph.query import OutputFormat, QuerySyntaxError, format_result, run_query
from graph.rdf import write_turtle
from graph.store import CACHE_NAME, is_seen, read_lines, seen_keys, write_extractions
from ingest.documents import Article, Extraction
from ingest.errors import NewsgraphError
from ingest.parallel import DEFAULT_BATCH_SIZE, default_workers, extract_parallel
from ingest.pipeline import DEFAULT_MODEL
from ingest.sources import read_sources

__all__ = ["main"]

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

Writer = Callable[[IO[bytes]], None]


def write_atomically(outputs: dict[Path, Writer]) -> None:
    """Write every output to a temporary file beside it, then rename each into place.

    A failure before the renames leaves every previous output untouched.
    """
    staged: list[tuple[str, Path]] = []
    try:
        for path, writer in outputs.items():
            handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
            staged.append((temporary, path))
            with os.fdopen(handle, "wb") as stream:
                writer(stream)
                stream.flush()
                os.fsync(stream.fileno())
        mode = 0o666 & ~_umask()
        for temporary, path in staged:
            os.chmod(temporary, mode)
            os.replace(temporary, path)
    finally:
        for temporary, _ in staged:
            if os.path.exists(temporary):
                os.unlink(temporary)


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def _report(error: NewsgraphError) -> None:
    print(f"newsgraph: {error}", file=sys.stderr)


def _load_cache(out: Path) -> list[tuple[Extraction, bytes]]:
    path = out / CACHE_NAME
    if not path.exists():
        return []
    try:
        with path.open("rb") as stream:
            return read_lines(stream)
    except (ValueError, KeyError, TypeError) as error:
        message = f"unreadable build cache ({error}); remove it to rebuild from scratch"
        raise NewsgraphError(str(path), message) from error


def _summary(G: nx.MultiDiGraph, read: int, skipped: int, failed: int) -> str:
    types = Counter(data["type"] for _, data in G.nodes(data=True))
    edges = Counter(key for _, _, key in G.edges(keys=True) if key != "mentions")
    parts = [
        f"documents: {read} read, {skipped} already built, {failed} sources failed",
        "nodes: " + ", ".join(f"{n} {t}" for t, n in sorted(types.items())),
        "relations: " + (", ".join(f"{n} {t}" for t, n in sorted(edges.items())) or "none"),
    ]
    if G.graph.get("rejected_relations"):
        parts.append(f"relations refused by the ontology: {G.graph['rejected_relations']}")
    return "\n".join(parts)


def _extract(
    articles: list[Article], *, model: str, workers: int, dask: str | None, batch_size: int
) -> list[Extraction]:
    """Run the NLP here, on a local pool of ``workers`` processes, or on a Dask cluster."""
    if not articles:
        return []
    if dask is not None:
        from graph.distributed import extract_dask  # dask is an optional extra

        return list(extract_dask(articles, address=dask, model=model, batch_size=batch_size))
    return list(extract_parallel(articles, workers=workers, model=model, batch_size=batch_size))


def build(
    sources: Sequence[str], out: Path, *, model: str = DEFAULT_MODEL, workers: int = 1,
    dask: str | None = None, batch_size: int = DEFAULT_BATCH_SIZE,
) -> int:
    """Build or extend the graph in ``out``; return the exit status.

    The NLP runs in this process (``workers=1``), on ``workers`` local processes, or on the
    Dask cluster whose scheduler is at ``dask``; the output is the same byte for byte.
    """
    out.mkdir(parents=True, exist_ok=True)
    try:
        cache = _load_cache(out)
    except NewsgraphError as cache_error:
        _report(cache_error)
        return 1
    cached = [extraction for extraction, _ in cache]
    lines = {extraction.article.id: line for extraction, line in cache}
    keys = seen_keys(cached)
    results = read_sources(sources or [str(SEEDS)])
    failed = 0
    articles = []
    skipped = 0
    for result in results:
        for error in result.errors:
            _report(error)
            failed += 1
        for article in result.articles:
            if is_seen(article, keys):
                skipped += 1
                continue
            keys.add(article.id)
            if article.link:
                keys.add(article.link)
            articles.append(article)
    if not articles and not cached:
        print("newsgraph: nothing usable was read", file=sys.stderr)
        return 1
    try:
        fresh = _extract(articles, model=model, workers=workers, dask=dask,
                         batch_size=batch_size)
    except NewsgraphError as error:
        _report(error)
        return 1
    extractions = cached + fresh
    G = build_graph(extractions)
    write_atomically({
        out / "graph.ttl": lambda s: write_turtle(G, s),
        out / "graph.json": lambda s: write_json(G, s),
        out / "graph.html": lambda s: write_html(G, s),
        out / CACHE_NAME: lambda s: write_extractions(extractions, s, lines=lines),
    })
    print(_summary(G, len(articles), skipped, failed), file=sys.stderr)
    print(f"wrote {out / 'graph.html'}")
    return 0


def query(text: str, graph_path: Path, output: OutputFormat) -> int:
    """Run a SPARQL query (or a file of one) over ``graph_path``; return the exit status."""
    if not text.lstrip().upper().startswith(("SELECT", "ASK", "CONSTRUCT", "DESCRIBE", "PREFIX",
                                             "BASE")) and Path(text).is_file():
        text = Path(text).read_text(encoding="utf-8")
    if not graph_path.is_file():
        print(f"newsgraph: {graph_path}: no graph here; run `newsgraph build` first",
              file=sys.stderr)
        return 1
    rdf = Graph().parse(graph_path, format="turtle")
    try:
        result = run_query(rdf, text)
    except QuerySyntaxError as error:
        print(f"newsgraph: query: {error}", file=sys.stderr)
        return 1
    sys.stdout.write(format_result(result, output))
    return 0


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        message = f"must be a whole number of at least 1 (got {text!r})"
        raise argparse.ArgumentTypeError(message)
    return value


def _workers(text: str) -> int:
    return default_workers() if text.strip() == "0" else _positive(text)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsgraph", description="Turn the news into a typed knowledge graph."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    b = commands.add_parser("build", help="read sources and write graph.ttl, .json and .html")
    b.add_argument("sources", nargs="*", metavar="SOURCE",
                   help="files, folders or feed/article URLs (default: the bundled seeds)")
    b.add_argument("--out", type=Path, default=Path("out"), help="output folder (default: out)")
    b.add_argument("--model", default=DEFAULT_MODEL,
                   help=f"installed spaCy pipeline to use (default: {DEFAULT_MODEL})")
    run = b.add_mutually_exclusive_group()
    run.add_argument("--workers", type=_workers, default=1, metavar="N",
                     help="run the NLP on N local processes; 0 means one per CPU (default: 1)")
    run.add_argument("--dask", metavar="ADDRESS",
                     help="run the NLP on the Dask cluster whose scheduler is at ADDRESS, "
                          "e.g. tcp://10.0.0.5:8786 (needs newsgraph[dask])")
    b.add_argument("--batch-size", type=_positive, default=DEFAULT_BATCH_SIZE, metavar="N",
                   help=f"documents per NLP batch and per task (default: {DEFAULT_BATCH_SIZE})")
    q = commands.add_parser("query", help="run SPARQL 1.1 over a built graph")
    q.add_argument("sparql", metavar="SPARQL_OR_FILE")
    q.add_argument("--graph", type=Path, default=Path("out/graph.ttl"))
    q.add_argument("--format", choices=[f.value for f in OutputFormat], default="table")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = _parser().parse_args(argv)
    if args.command == "build":
        return build(args.sources, args.out, model=args.model, workers=args.workers,
                     dask=args.dask, batch_size=args.batch_size)
    return query(args.sparql, args.graph, OutputFormat(args.format))


if __name__ == "__main__":
    sys.exit(main())
