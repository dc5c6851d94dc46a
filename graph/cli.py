"""The command line: ``newsgraph build``, ``query``, ``validate`` and ``evaluate``.

The only module that opens paths: every stage it calls takes and returns values.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO

import networkx as nx
from rdflib import Graph

from newsgraph.errors import NewsgraphError
from newsgraph.graph.aliases import Aliases, parse_aliases
from newsgraph.graph.build import build_graph, merge_log
from newsgraph.graph.graphml import write_graphml
from newsgraph.graph.html import write_html
from newsgraph.graph.nodelink import write_json
from newsgraph.graph.progress import progress
from newsgraph.graph.query import (
    OutputFormat,
    QuerySyntaxError,
    format_result,
    load_store,
    query_names,
    query_text,
    run_query,
)
from newsgraph.graph.rdf import write_jsonld, write_turtle
from newsgraph.graph.shapes import validate_graph
from newsgraph.graph.store import CACHE_NAME, is_seen, read_lines, seen_keys, write_extractions
from newsgraph.ingest.documents import Article, Extraction
from newsgraph.ingest.parallel import DEFAULT_BATCH_SIZE, default_workers, extract_parallel
from newsgraph.ingest.pipeline import DEFAULT_MODEL
from newsgraph.ingest.sources import read_sources
from newsgraph.ingest.web import Fetcher

__all__ = ["main"]

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

Writer = Callable[[IO[bytes]], None]


def write_atomically(outputs: dict[Path, Writer]) -> None:
    """Write every output to a temporary file beside it, then rename each into place.

    A failure before the renames leaves every previous output untouched; a process killed at
    any moment leaves each output whole, old or new. Temporary files a killed build left
    behind are removed first.
    """
    for path in outputs:
        for stale in path.parent.glob(f".{path.name}.*"):
            stale.unlink(missing_ok=True)
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


def _seeds_path() -> str:
    """The bundled seeds, relative to the working folder where they lie below it, so that the
    sources recorded in the graph do not depend on where the project was checked out."""
    try:
        return str(SEEDS.relative_to(Path.cwd()))
    except ValueError:
        return str(SEEDS)


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def _report(error: NewsgraphError) -> None:
    print(error.line(), file=sys.stderr)


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


MERGES_NAME = "merges.jsonl"
#: Each feed URL's ETag and Last-Modified, for conditional GET on the next build.
VALIDATORS_NAME = "feeds.json"


def _load_validators(out: Path) -> dict[str, dict[str, str]]:
    """The conditional-GET validators a previous build saved; none if unreadable."""
    try:
        data = json.loads((out / VALIDATORS_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(url): {str(k): str(v) for k, v in found.items()}
            for url, found in data.items() if isinstance(found, dict)}


def _write_validators(validators: dict[str, dict[str, str]], stream: IO[bytes]) -> None:
    stream.write(json.dumps(validators, indent=1, sort_keys=True).encode("utf-8") + b"\n")


def _load_aliases(path: Path) -> Aliases:
    """Read a user's aliases file (JSON, or CSV by its extension or content)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise NewsgraphError(str(path), f"cannot read aliases file ({error})") from error
    csv_format = True if path.suffix.lower() == ".csv" else None
    return parse_aliases(text, source=str(path), csv_format=csv_format)


def _write_merges(log: list[dict[str, object]], stream: IO[bytes]) -> None:
    for entry in log:
        stream.write(json.dumps(entry, ensure_ascii=False, sort_keys=True).encode("utf-8") + b"\n")


def _extract(
    articles: list[Article], *, model: str, workers: int, dask: str | None, batch_size: int
) -> list[Extraction]:
    """Run the NLP here, on a local pool of ``workers`` processes, or on a Dask cluster."""
    if not articles:
        return []
    if dask is not None:
        from newsgraph.graph.distributed import extract_dask  # dask is an optional extra

        found = extract_dask(articles, address=dask, model=model, batch_size=batch_size)
    else:
        found = extract_parallel(articles, workers=workers, model=model, batch_size=batch_size)
    return list(progress(found, total=len(articles), stream=sys.stderr))


def build(
    sources: Sequence[str], out: Path, *, model: str = DEFAULT_MODEL,
    aliases: Path | None = None, fetch_articles: bool = False, workers: int = 1,
    dask: str | None = None, batch_size: int = DEFAULT_BATCH_SIZE,
) -> int:
    """Build or extend the graph in ``out``; return the exit status.

    The NLP runs in this process (``workers=1``), on ``workers`` local processes, or on the
    Dask cluster whose scheduler is at ``dask``; the output is the same byte for byte.
    """
    try:
        user_aliases = _load_aliases(aliases) if aliases is not None else None
    except NewsgraphError as bad_aliases:
        _report(bad_aliases)
        return 1
    out.mkdir(parents=True, exist_ok=True)
    try:
        cache = _load_cache(out)
    except NewsgraphError as cache_error:
        _report(cache_error)
        return 1
    cached = [extraction for extraction, _ in cache]
    lines = {extraction.article.id: line for extraction, line in cache}
    keys = seen_keys(cached)
    validators = _load_validators(out)
    results = read_sources(sources or [_seeds_path()], fetch_articles=fetch_articles,
                           fetcher=Fetcher(cache=validators))
    failed = 0
    articles = []
    skipped = 0
    for result in results:
        for problem in result.errors:
            _report(problem)
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
    G = build_graph(extractions, aliases=user_aliases)
    merges = merge_log(G)
    G.graph.pop("merges", None)
    write_atomically({
        out / MERGES_NAME: lambda s: _write_merges(merges, s),
        out / "graph.ttl": lambda s: write_turtle(G, s),
        out / "graph.jsonld": lambda s: write_jsonld(G, s),
        out / "graph.graphml": lambda s: write_graphml(G, s),
        out / "graph.json": lambda s: write_json(G, s),
        out / "graph.html": lambda s: write_html(G, s),
        out / CACHE_NAME: lambda s: write_extractions(extractions, s, lines=lines),
        **({out / VALIDATORS_NAME: lambda s: _write_validators(validators, s)}
           if validators else {}),
    })
    print(_summary(G, len(articles), skipped, failed), file=sys.stderr)
    print(f"wrote {out / 'graph.html'}")
    return 0


def _is_file(path: Path) -> bool:
    """Whether ``path`` is a file; a one-line query too long to be a name is not."""
    try:
        return path.is_file()
    except OSError:
        return False


def _query_source(argument: str) -> tuple[str, str]:
    """The SPARQL text an argument names, and how to name it in errors.

    A path to a file is read; a shipped example's name is its text; anything else is SPARQL.
    """
    path = Path(argument)
    if "\n" not in argument and _is_file(path):
        return path.read_text(encoding="utf-8"), str(path)
    if argument in query_names():
        return query_text(argument), argument
    return argument, "query"


def query(text: str, graph_path: Path, output: OutputFormat) -> int:
    """Run a SPARQL query (or a file of one) over ``graph_path``; return the exit status."""
    try:
        sparql, name = _query_source(text)
    except (OSError, UnicodeDecodeError) as error:
        print(f"newsgraph: {text}: cannot read the query ({error})", file=sys.stderr)
        return 1
    if graph_path.is_dir():
        graph_path = graph_path / "graph.ttl"
    if not graph_path.is_file():
        print(f"newsgraph: {graph_path}: no graph here; run `newsgraph build` first",
              file=sys.stderr)
        return 1
    try:
        store = load_store(graph_path)
    except SyntaxError as error:
        print(f"newsgraph: {graph_path}: not readable Turtle ({error})", file=sys.stderr)
        return 1
    try:
        result = run_query(store, sparql)
    except QuerySyntaxError as error:
        error.source = name
        print(f"newsgraph: {error.line()}", file=sys.stderr)
        return 1
    sys.stdout.write(format_result(result, output))
    return 0


def evaluate_command(gold_path: Path, graph: Path, *, markdown: bool = False) -> int:
    """Score a built graph against a gold file; print the tables; return the exit status."""
    from newsgraph.graph.evaluate import evaluate, format_markdown, format_report, parse_gold

    graph_path = graph / "graph.ttl" if graph.is_dir() else graph
    try:
        data = json.loads(gold_path.read_text(encoding="utf-8"))
        gold = parse_gold(data, source=str(gold_path))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        print(f"newsgraph: {gold_path}: cannot read gold JSON ({error})", file=sys.stderr)
        return 1
    except NewsgraphError as error:
        _report(error)
        return 1
    if not graph_path.is_file():
        print(f"newsgraph: {graph_path}: no graph here; run `newsgraph build` first",
              file=sys.stderr)
        return 1
    result = evaluate(gold, Graph().parse(graph_path, format="turtle"))
    sys.stdout.write(format_markdown(result) if markdown else format_report(result) + "\n")
    return 0


def validate(folder: Path) -> int:
    """Check ``folder/graph.ttl`` against the SHACL shapes; print each violation on a line."""
    graph_path = folder / "graph.ttl" if folder.is_dir() else folder
    if not graph_path.is_file():
        print(f"newsgraph: {graph_path}: no graph here; run `newsgraph build` first",
              file=sys.stderr)
        return 1
    try:
        rdf = Graph().parse(graph_path, format="ox-turtle")
    except SyntaxError as error:
        print(f"newsgraph: {graph_path}: not readable Turtle ({error})", file=sys.stderr)
        return 1
    violations = validate_graph(rdf)
    for violation in violations:
        print(violation)
    print(f"{graph_path}: {len(violations)} violations", file=sys.stderr)
    return 1 if violations else 0


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
    b.add_argument("--fetch-articles", action="store_true",
                   help="fetch the page behind each feed item instead of using its description")
    b.add_argument("--aliases", type=Path, default=None, metavar="FILE",
                   help="extra aliases and do-not-merge pairs (JSON, or CSV rows "
                        "'same,NAME,ALIAS' / 'distinct,NAME,NAME')")
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
    q.add_argument("--graph", type=Path, default=Path("out/graph.ttl"),
                   help="graph.ttl, or the folder holding it (default: out/graph.ttl)")
    q.add_argument("--format", choices=[f.value for f in OutputFormat], default="table")
    e = commands.add_parser("evaluate", help="score a built graph against gold annotations")
    e.add_argument("gold", type=Path, metavar="GOLD.json")
    e.add_argument("--graph", type=Path, default=Path("out"),
                   help="graph folder or graph.ttl (default: out)")
    e.add_argument("--markdown", action="store_true", help="print the README quality table")
    q.epilog = "examples by name: " + ", ".join(query_names())
    v = commands.add_parser("validate", help="check a built graph against the SHACL shapes")
    v.add_argument("folder", nargs="?", type=Path, default=Path("out"), metavar="DIR",
                   help="folder holding graph.ttl (default: out)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = _parser().parse_args(argv)
    if args.command == "build":
        return build(args.sources, args.out, model=args.model, aliases=args.aliases,
                     fetch_articles=args.fetch_articles, workers=args.workers,
                     dask=args.dask, batch_size=args.batch_size)
    if args.command == "evaluate":
        return evaluate_command(args.gold, args.graph, markdown=args.markdown)
    if args.command == "validate":
        return validate(args.folder)
    return query(args.sparql, args.graph, OutputFormat(args.format))


if __name__ == "__main__":
    sys.exit(main())
