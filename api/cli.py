"""The command line: ``newsgraph build``, ``assemble``, ``query``, ``validate``, ``evaluate``,
``export`` and ``serve``.

Arguments in, one line per problem on stderr, an exit status out: each command calls a library
function, and only :class:`~newsgraph.errors.NewsgraphError` is caught, printed as
``{source}: {message}``. The exit status is 1 when nothing usable came of a command.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import re
import subprocess
import sys
from collections.abc import Sequence
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING

from newsgraph import __version__
from newsgraph.errors import (
    EvaluationError,
    GraphNotFoundError,
    GraphReadError,
    NewsgraphError,
    printable,
)
from newsgraph.graph.query import OutputFormat, query_names, query_text
from newsgraph.graph.store import EXPORT_FORMATS
from newsgraph.graph.view import VIEW_LIMIT
from newsgraph.ingest.models import MODELS
from newsgraph.ingest.parallel import DEFAULT_BATCH_SIZE, default_workers
from newsgraph.serve import MAX_MEMORY, MAX_ROWS, QUERY_TIMEOUT, WORKERS, Limits, limit_memory
from newsgraph.workflow import FETCH_BUDGET, build

if TYPE_CHECKING:
    import pyoxigraph as ox
    from rdflib import Graph

__all__ = [
    "assemble_command",
    "build_command",
    "evaluate_command",
    "export_command",
    "main",
    "query_command",
    "serve_command",
    "validate_command",
]


def _print_problem(error: NewsgraphError) -> None:
    print(error.line(), file=sys.stderr)


def build_command(args: argparse.Namespace) -> int:
    """``newsgraph build``: build or extend the graph in ``--out``; return the exit status."""
    report = build(
        args.sources or None, args.out, model=args.model, aliases=args.aliases,
        links=args.links, base=args.base,
        fetch_articles=args.fetch_articles, allow_private_hosts=args.allow_private_hosts,
        fetch_budget=args.fetch_budget or None, workers=args.workers, dask=args.dask,
        batch_size=args.batch_size, view_limit=args.view_limit,
        exports=args.exports.split(",") if args.exports else None, parquet=args.parquet,
        on_problem=_print_problem, progress=sys.stderr if sys.stderr.isatty() else None,
    )
    print(report.summary(verbose=args.verbose), file=sys.stderr)
    # the page to open; a build that leaves out the viewer (--exports) names the graph instead
    shown = report.html if report.html in report.outputs else report.out / "graph.ttl"
    print(f"wrote {shown}")
    return 0


def assemble_command(args: argparse.Namespace) -> int:
    """``newsgraph assemble``: the graph of a folder's Parquet records as N-Triples shards,
    resolved and assembled on a Dask cluster; return the exit status."""
    from newsgraph.workflow import assemble

    made = assemble(args.folder, dask=args.dask, workers=args.workers, aliases=args.aliases,
                    links=args.links, base=args.base, on_problem=_print_problem)
    if made.refusals:
        print(f"{len(made.refusals)} relations refused by the ontology", file=sys.stderr)
    folder = args.folder / "shards"
    print(f"wrote {folder} ({len(made.shards)} N-Triples shards, {made.nodes} entities, "
          f"{len(made.merges)} merges)")
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
    if argument == "-":  # the query's own child process: the text comes on stdin
        return sys.stdin.read(), "query"
    path = Path(argument)
    if "\n" not in argument and _is_file(path):
        return path.read_text(encoding="utf-8"), str(path)
    if argument in query_names():
        return query_text(argument), argument
    if _NAME_LIKE.fullmatch(argument):
        close = difflib.get_close_matches(argument.removesuffix(".rq"), query_names(), n=3)
        hint = f"; did you mean {', '.join(close)}?" if close else (
            f"; the examples are {', '.join(query_names())}")
        raise NewsgraphError(argument, f"is no example query and no file{hint}")
    return argument, "query"


#: An argument that names a query rather than spelling one: a word, a file name or path.
_NAME_LIKE = re.compile(r"[\w./\\-]+")


def _graph_file(path: Path) -> Path:
    """``path`` or the ``graph.ttl`` in it, which must exist."""
    graph_path = path / "graph.ttl" if path.is_dir() else path
    if not graph_path.is_file():
        raise GraphNotFoundError(str(graph_path))
    return graph_path


def _open_graph(path: Path) -> tuple[ox.Store, Path]:
    """The graph at ``path`` (a folder or a Turtle file): its store when it has one, else the
    Turtle loaded; and the path read."""
    from newsgraph.graph.store import open_graph

    try:
        return open_graph(path)
    except FileNotFoundError:
        raise GraphNotFoundError(str(_turtle_path(path))) from None
    except (SyntaxError, OSError) as error:
        raise GraphReadError(str(_turtle_path(path)), f"not readable Turtle ({error})") from error


def _turtle_path(path: Path) -> Path:
    return path / "graph.ttl" if path.is_dir() else path


def query_command(args: argparse.Namespace) -> int:
    """``newsgraph query``: run SPARQL (text, a file or an example's name) over a graph.

    With a ``--timeout`` or ``--max-memory``, the query runs in a child process that is stopped
    when the time is up or the memory taken (the engine cannot be interrupted).
    """
    from newsgraph.graph.query import format_limited, run_query

    try:
        sparql, name = _query_source(args.sparql)
    except (OSError, UnicodeDecodeError) as error:
        raise NewsgraphError(args.sparql, f"cannot read the query ({error})") from error
    if args.child is not None:  # the child process of a query with limits
        name = args.child
        limit_memory(args.max_memory)
    elif args.timeout or args.max_memory:
        return _query_in_child(args, sparql, name, args.graph)
    from newsgraph.graph.store import graph_base

    store, graph_path = _open_graph(args.graph)
    if graph_path.suffix == ".ttl":  # read into memory: the vocabulary joins it, for queries
        from newsgraph.graph.query import load_ontology

        load_ontology(store)
    output = OutputFormat(args.format)
    base = graph_base(graph_path)  # the node prefixes of the base the graph was built with
    try:
        result = run_query(store, sparql, allow_service=args.allow_service, base=base)
        if output is not OutputFormat.TABLE and _is_graph(result):
            message = (f"--format {output.value} is for SELECT and ASK; a CONSTRUCT or "
                       "DESCRIBE query gives triples, printed as Turtle without --format")
            raise NewsgraphError(name, message)
        text, more = format_limited(result, output, max_rows=args.max_rows or None, base=base)
    except NewsgraphError as error:
        error.source = name
        raise
    except OSError as error:  # a SERVICE endpoint failing while the rows are read
        raise NewsgraphError(name, f"could not be answered ({error})") from error
    sys.stdout.write(text)
    if more:
        print(f"newsgraph: {printable(name)}: stopped at {args.max_rows:,} rows "
              "(--max-rows gives more)", file=sys.stderr)
    return 0


def _is_graph(result: object) -> bool:
    """Whether a query result is triples (CONSTRUCT, DESCRIBE) rather than rows or a boolean."""
    import pyoxigraph

    return isinstance(result, pyoxigraph.QueryTriples)


def _query_in_child(
    args: argparse.Namespace, sparql: str, name: str, graph_path: Path
) -> int:
    """Run the query in a child ``newsgraph query --timeout 0``, stopped at ``args.timeout``."""
    command = [sys.executable, "-m", "newsgraph", "query", "-", "--graph", str(graph_path),
               "--format", args.format, "--max-rows", str(args.max_rows),
               "--max-memory", str(args.max_memory), "--child", name]
    if args.allow_service:
        command.append("--allow-service")
    try:
        child = subprocess.run(command, input=sparql.encode("utf-8"), capture_output=True,
                               timeout=args.timeout or None, check=False)
    except subprocess.TimeoutExpired as error:
        message = f"stopped at the time limit of {args.timeout:g} s (--timeout gives more)"
        raise NewsgraphError(name, message) from error
    if child.returncode < 0 or b"memory allocation of" in child.stderr:
        # the engine aborts when an allocation fails: its last words are no message for users
        message = (f"stopped: it needed more than the memory limit of {args.max_memory:,} MB "
                   "(--max-memory gives more)") if args.max_memory else (
                   f"stopped: the query's process ended on signal {-child.returncode}")
        raise NewsgraphError(name, message)
    sys.stdout.write(child.stdout.decode("utf-8", "replace"))
    sys.stderr.write(child.stderr.decode("utf-8", "replace"))
    return child.returncode


def evaluate_command(args: argparse.Namespace) -> int:
    """``newsgraph evaluate``: score a built graph against a gold file; print the tables."""
    from rdflib import Graph

    from newsgraph.graph.evaluate import evaluate, format_markdown, format_report, parse_gold

    try:
        data = json.loads(args.gold.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise EvaluationError(str(args.gold), f"cannot read gold JSON ({error})") from error
    gold = parse_gold(data, source=str(args.gold))
    graph_path = _graph_file(args.graph)
    try:
        rdf = Graph().parse(graph_path, format="turtle")
    except Exception as error:  # rdflib's parser raises its own kinds
        raise GraphReadError(str(graph_path), f"not readable Turtle ({error})") from error
    missing, named = _gold_documents_missing(data, rdf)
    # a feed's items are named by their links, not by the feed's file: only a gold none of
    # whose documents is here is surely another corpus's
    if missing and missing == named:
        print(f"newsgraph: {graph_path}: none of the gold's {named} documents is in this "
              "graph; the scores compare other news", file=sys.stderr)
    result = evaluate(gold, rdf)
    text = format_markdown(result) if args.markdown else format_report(result) + "\n"
    sys.stdout.write(text)
    return 0


def _gold_documents_missing(data: object, rdf: Graph) -> tuple[int, int]:
    """How many of the documents the gold names (by file name) no article of the graph was
    read from, and how many it names; (0, 0) where either side says nothing of files."""
    from urllib.parse import unquote

    from rdflib.namespace import DCTERMS

    documents = data.get("documents") if isinstance(data, dict) else None
    files = {str(d["file"]).rsplit("/", 1)[-1] for d in documents or ()
             if isinstance(d, dict) and isinstance(d.get("file"), str)}
    sources = {unquote(str(o)).rsplit("/", 1)[-1] for o in rdf.objects(None, DCTERMS.source)}
    if not files or not sources:
        return 0, 0
    return len(files - sources), len(files)


def validate_command(args: argparse.Namespace) -> int:
    """``newsgraph validate``: check a graph against the SHACL shapes, a violation a line.

    The shapes run as SPARQL queries on the store (:func:`~newsgraph.graph.shapes.validate_store`,
    the same violations as pySHACL finds, much faster).
    """
    from newsgraph.graph.shapes import validate_store

    store, graph_path = _open_graph(args.folder)
    violations = validate_store(store)
    for violation in violations:
        print(printable(str(violation)))  # it quotes the graph, whose text is the news
    print(f"{graph_path}: {len(violations)} violations", file=sys.stderr)
    return 1 if violations else 0


def export_command(args: argparse.Namespace) -> int:
    """``newsgraph export``: write one format of a built graph, streamed from its store."""
    from newsgraph.graph.store import export_graph, graph_base
    from newsgraph.outputs import write_atomically

    store, read = _open_graph(args.folder)
    base = graph_base(read)
    if args.output == Path("-"):
        export_graph(store, args.format, sys.stdout.buffer, base=base)
        return 0
    folder = args.folder if args.folder.is_dir() else args.folder.parent
    target = args.output or folder / "export" / f"graph{EXPORT_FORMATS[args.format][1]}"
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomically({target: lambda stream: export_graph(store, args.format, stream,
                                                              base=base)})
    except OSError as error:
        message = f"cannot be written ({error.strerror or error})"
        raise NewsgraphError(str(target), message) from error
    print(f"wrote {target}")
    return 0


def serve_command(args: argparse.Namespace) -> int:
    """``newsgraph serve``: a read-only SPARQL endpoint and the viewer, until interrupted."""
    from newsgraph.serve import serve

    limits = Limits(timeout=args.timeout, max_memory=args.max_memory, max_rows=args.max_rows)
    try:
        serve(args.folder, host=args.host, port=args.port, limits=limits, workers=args.workers,
              on_ready=lambda url: print(f"serving {url}sparql and {url} (Ctrl-C stops)",
                                         file=sys.stderr, flush=True))
    except KeyboardInterrupt:
        print("newsgraph: stopped serving", file=sys.stderr)
    return 0


def _query_workers(text: str) -> int:
    value = _positive(text)
    if value > MAX_QUERY_WORKERS:  # each is a Python process with the store open
        message = f"must be at most {MAX_QUERY_WORKERS} (got {text!r})"
        raise argparse.ArgumentTypeError(message)
    return value


#: The most query processes ``serve`` starts.
MAX_QUERY_WORKERS = 64


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        message = f"must be a whole number of at least 1 (got {text!r})"
        raise argparse.ArgumentTypeError(message)
    return value


#: The longest time limit a wait accepts (a day): more overflows the operating system's timers.
MAX_SECONDS = 86_400


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 <= value <= MAX_SECONDS:
        message = f"must be a number of seconds from 0 to {MAX_SECONDS:,} (got {text!r})"
        raise argparse.ArgumentTypeError(message)
    return value


def _whole(text: str) -> int:
    if text.strip() == "0":
        return 0
    try:
        return _positive(text)
    except argparse.ArgumentTypeError:
        message = f"must be a whole number, 0 (no limit) or more (got {text!r})"
        raise argparse.ArgumentTypeError(message) from None


def _workers(text: str) -> int:
    if text.strip() == "0":
        return default_workers()
    try:
        return _positive(text)
    except argparse.ArgumentTypeError:
        message = f"must be a whole number, 0 (one per CPU) or more (got {text!r})"
        raise argparse.ArgumentTypeError(message) from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsgraph", description="Turn the news into a typed knowledge graph."
    )
    parser.add_argument("--version", action="version", version=f"newsgraph {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    b = commands.add_parser("build", help="read sources and write graph.ttl, .json and .html")
    b.set_defaults(run=build_command)
    b.add_argument("sources", nargs="*", metavar="SOURCE",
                   help="files, folders or feed/article URLs (default: the bundled seeds)")
    b.add_argument("--out", type=Path, default=Path("out"), metavar="DIR",
                   help="output folder (default: out)")
    b.add_argument("--model", default=None,
                   help="installed spaCy pipeline to use (default: the first installed of "
                        f"{', '.join(MODELS)})")
    b.add_argument("--fetch-articles", action="store_true",
                   help="fetch the page behind each feed item instead of using its description")
    b.add_argument("--allow-private-hosts", action="store_true",
                   help="fetch from loopback, private and link-local addresses too (intranet "
                        "feeds); refused by default, as a feed's links are untrusted")
    b.add_argument("--fetch-budget", type=_seconds, default=FETCH_BUDGET, metavar="SECONDS",
                   help="seconds all fetches of the build may take together; 0 for no limit "
                        f"(default: {FETCH_BUDGET:g})")
    b.add_argument("--aliases", type=Path, default=None, metavar="FILE",
                   help="extra aliases and do-not-merge pairs (JSON, or CSV rows "
                        "'same,NAME,ALIAS' / 'distinct,NAME,NAME'); the folder keeps them "
                        "for later builds (an empty file drops them)")
    b.add_argument("--links", type=Path, default=None, metavar="FILE",
                   help="CSV rows 'NAME,IRI': the entity of that name gets owl:sameAs IRI; "
                        "kept for later builds as --aliases is")
    b.add_argument("--base", default=None, metavar="IRI",
                   help="base IRI of the graph's nodes (default: the folder's, else "
                        "https://w3id.org/newsgraph/id/)")
    run = b.add_mutually_exclusive_group()
    run.add_argument("--workers", type=_workers, default=1, metavar="N",
                     help="run the NLP on N local processes; 0 means one per CPU (default: 1)")
    run.add_argument("--dask", metavar="ADDRESS",
                     help="run the NLP on the Dask cluster whose scheduler is at ADDRESS, "
                          "e.g. tcp://10.0.0.5:8786 (needs newsgraph[dask])")
    b.add_argument("--batch-size", type=_positive, default=DEFAULT_BATCH_SIZE, metavar="N",
                   help=f"documents per NLP batch and per task (default: {DEFAULT_BATCH_SIZE})")
    b.add_argument("--view-limit", type=_positive, default=VIEW_LIMIT, metavar="N",
                   help="most nodes graph.html holds: the most connected and most recent "
                        f"(default: {VIEW_LIMIT})")
    b.add_argument("--exports", metavar="LIST", default=None,
                   help="which of jsonld,graphml,json,html,trig to write besides graph.ttl, "
                        "comma-separated; all names the first four (default: all); trig, "
                        "TriG with one named graph per article, only when named")
    b.add_argument("--parquet", action="store_true",
                   help="also write the extraction records as partitioned Parquet into "
                        "OUT/records, for newsgraph assemble (needs newsgraph[dask])")
    b.add_argument("-v", "--verbose", action="store_true",
                   help="name each relation the ontology refused, and why")
    a = commands.add_parser(
        "assemble", help="resolve and assemble a folder's Parquet records on a Dask cluster, "
                         "into N-Triples shards")
    a.set_defaults(run=assemble_command)
    a.add_argument("folder", nargs="?", type=Path, default=Path("out"), metavar="DIR",
                   help="folder holding records/ (newsgraph build --parquet); the shards go "
                        "to DIR/shards (default: out)")
    cluster = a.add_mutually_exclusive_group()
    cluster.add_argument("--dask", metavar="ADDRESS",
                         help="the Dask scheduler, e.g. tcp://10.0.0.5:8786 (default: a "
                              "local cluster of --workers processes)")
    cluster.add_argument("--workers", type=_workers, default=1, metavar="N",
                         help="processes of the local cluster; 0 means one per CPU "
                              "(default: 1)")
    a.add_argument("--aliases", type=Path, default=None, metavar="FILE",
                   help="extra aliases and do-not-merge pairs, as for build")
    a.add_argument("--links", type=Path, default=None, metavar="FILE",
                   help="CSV rows 'NAME,IRI', as for build")
    a.add_argument("--base", default=None, metavar="IRI",
                   help="base IRI of the graph's nodes (default: the folder's, else "
                        "https://w3id.org/newsgraph/id/)")
    q = commands.add_parser("query", help="run SPARQL 1.1 over a built graph")
    q.set_defaults(run=query_command)
    q.add_argument("sparql", metavar="SPARQL_OR_FILE",
                   help="a SPARQL query, a .rq file, or the name of an example (below)")
    q.add_argument("--graph", type=Path, default=Path("out/graph.ttl"),
                   help="graph.ttl, or the folder holding it (default: out/graph.ttl)")
    q.add_argument("--format", choices=[f.value for f in OutputFormat], default="table",
                   help="how to print the results (default: table)")
    q.add_argument("--timeout", type=_seconds, default=QUERY_TIMEOUT, metavar="SECONDS",
                   help="stop the query after SECONDS; 0 for no limit (default: "
                        f"{QUERY_TIMEOUT:g})")
    q.add_argument("--max-rows", type=_whole, default=MAX_ROWS, metavar="N",
                   help=f"print at most N rows or triples; 0 for all (default: {MAX_ROWS:,})")
    q.add_argument("--allow-service", action="store_true",
                   help="run SERVICE clauses, which send requests to the hosts they name "
                        "(refused by default)")
    q.add_argument("--max-memory", type=_whole, default=MAX_MEMORY, metavar="MB",
                   help="stop a query that needs more than MB megabytes; 0 for no limit "
                        f"(default: {MAX_MEMORY:,})")
    q.add_argument("--child", default=None, help=argparse.SUPPRESS)
    e = commands.add_parser("evaluate", help="score a built graph against gold annotations")
    e.set_defaults(run=evaluate_command)
    e.add_argument("gold", type=Path, metavar="GOLD.json",
                   help="gold annotations (the format of docs/annotation-guidelines.md)")
    e.add_argument("--graph", type=Path, default=Path("out"),
                   help="graph folder or graph.ttl (default: out)")
    e.add_argument("--markdown", action="store_true", help="print the README quality table")
    q.epilog = "examples by name: " + ", ".join(query_names())
    v = commands.add_parser("validate", help="check a built graph against the SHACL shapes")
    v.set_defaults(run=validate_command)
    v.add_argument("folder", nargs="?", type=Path, default=Path("out"), metavar="DIR",
                   help="the graph's folder: its store, else graph.ttl (default: out)")
    x = commands.add_parser("export", help="write one format of a built graph from its store")
    x.set_defaults(run=export_command)
    x.add_argument("format", choices=sorted(EXPORT_FORMATS), metavar="FORMAT",
                   help="one of: " + ", ".join(sorted(EXPORT_FORMATS)))
    x.add_argument("folder", nargs="?", type=Path, default=Path("out"), metavar="DIR",
                   help="graph folder (default: out)")
    x.add_argument("--output", "-o", type=Path, default=None, metavar="FILE",
                   help="where to write; - for stdout (default: DIR/export/graph.EXT)")
    s = commands.add_parser("serve", help="a read-only SPARQL endpoint and the viewer")
    s.set_defaults(run=serve_command)
    s.add_argument("folder", nargs="?", type=Path, default=Path("out"), metavar="DIR",
                   help="graph folder (default: out)")
    s.add_argument("--host", default="127.0.0.1",
                   help="address to listen on (default: 127.0.0.1, this machine only)")
    s.add_argument("--port", type=_port, default=7878, help="port (default: 7878; 0: any free)")
    s.add_argument("--timeout", type=_seconds, default=QUERY_TIMEOUT, metavar="SECONDS",
                   help="stop a query after SECONDS and answer 503; 0 for no limit (default: "
                        f"{QUERY_TIMEOUT:g})")
    s.add_argument("--max-memory", type=_whole, default=MAX_MEMORY, metavar="MB",
                   help="stop a query that needs more than MB megabytes and answer 503; 0 for "
                        f"no limit (default: {MAX_MEMORY:,})")
    s.add_argument("--max-rows", type=_whole, default=MAX_ROWS, metavar="N",
                   help="answer 413 to a query of more than N rows or triples; 0 for any "
                        f"number (default: {MAX_ROWS:,})")
    s.add_argument("--workers", type=_query_workers, default=WORKERS, metavar="N",
                   help=f"processes answering queries, so many at once (default: {WORKERS})")
    return parser


def _port(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = -1
    if not 0 <= value <= 65535:
        message = f"must be a port number from 0 to 65535 (got {text!r})"
        raise argparse.ArgumentTypeError(message)
    return value


def _parse(argv: Sequence[str] | None) -> argparse.Namespace:
    """The arguments; an option a command does not know is refused by that command, with the
    option it may have meant ("newsgraph build: error: unrecognized arguments: --ouput x (did
    you mean --out?)"), not by the top-level parser."""
    parser = _parser()
    args, unknown = parser.parse_known_args(argv)
    if unknown:
        given = list(sys.argv[1:] if argv is None else argv)
        if given.index(args.command) > given.index(unknown[0]):  # "newsgraph --bogus build"
            parser.error(f"unrecognized arguments: {' '.join(unknown)}")
        command = next(action for action in parser._actions
                       if isinstance(action, argparse._SubParsersAction)).choices[args.command]
        options = [o for action in command._actions for o in action.option_strings]
        close = [m for u in unknown if u.startswith("--")
                 for m in difflib.get_close_matches(u.split("=")[0], options, n=1, cutoff=0.75)]
        hint = f" (did you mean {' or '.join(dict.fromkeys(close))}?)" if close else ""
        command.error(f"unrecognized arguments: {' '.join(unknown)}{hint}")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = _parse(argv)
    try:
        status: int = args.run(args)
    except NewsgraphError as error:
        print(f"newsgraph: {error.line()}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("newsgraph: interrupted; the outputs are as they were, whole", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # the reader of the output went away (`| head`): stop quietly, as other tools do,
        # with the output pointed at nothing so that the flush at exit does not fail again
        with suppress(OSError, ValueError, AttributeError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    return status


if __name__ == "__main__":
    sys.exit(main())
