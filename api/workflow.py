"""The build as a library function: sources in, a graph folder out, a report back.

:func:`build` is what ``newsgraph build`` and the notebook's :func:`build_or_load` both call.
It reads the sources, skips documents the folder already holds, runs the NLP on the new ones,
assembles the graph from every extraction and writes each output atomically.

>>> import tempfile
>>> build(["no/such/file.txt"], tempfile.mkdtemp(), on_problem=print)
Traceback (most recent call last):
...
newsgraph.errors.NewsgraphError: no/such/file.txt: nothing usable was read

``on_problem`` printed ``no/such/file.txt: does not exist (...)`` before that.
"""

from __future__ import annotations

import gc
import os
import sys
import tempfile
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import ExitStack, contextmanager, suppress
from dataclasses import dataclass, field, replace
from importlib.resources import files
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, TextIO

import networkx as nx

from newsgraph.errors import AliasesError, LinksError, NewsgraphError
from newsgraph.ingest.documents import Article, Extraction
from newsgraph.outputs import (
    ALIASES_NAME,
    BUILDS_NAME,
    CACHE_NAME,
    GRAPH_NAMES,
    LINKS_NAME,
    MERGES_NAME,
    OPTIONAL_NAMES,
    PROVENANCE_NAME,
    VALIDATORS_NAME,
    Writer,
    check_folder,
    graph_writers,
    is_seen,
    load_builds,
    load_cache,
    load_validators,
    seen_keys,
    write_atomically,
    write_extractions,
    write_json_lines,
    write_json_object,
)

if TYPE_CHECKING:
    import sqlite3
    from importlib.resources.abc import Traversable

    from distributed import Client

    from newsgraph.graph.aliases import Aliases
    from newsgraph.graph.links import Links
    from newsgraph.graph.partitioned import Assembly
    from newsgraph.graph.rdf import Row
    from newsgraph.graph.resolve import Merge, ResolvedEntity
    from newsgraph.graph.store import SubjectDelta
    from newsgraph.ingest.sources import SourceResult
    from newsgraph.ingest.web import Fetcher

    Resolved = tuple[list[ResolvedEntity], list[Merge]]
    StoreBase = set[bytes] | SubjectDelta | None

__all__ = ["BuildReport", "assemble", "build", "build_or_load", "seeds_folder"]

#: How the bundled seeds are named in the graph, wherever the package is installed.
SEEDS_SOURCE = "seeds"

#: The export the store mirrors, written by every build.
TURTLE_EXPORT = "graph.ttl"
#: The export merged from the previous one as graph.ttl is, when it was written with it.
JSONLD_EXPORT = "graph.jsonld"
#: The exports merged from the previous ones by the nodes and edges an add touches, when they
#: were written with the graph.ttl the index describes.
GRAPHML_EXPORT, NODE_LINK_EXPORT = "graph.graphml", "graph.json"

#: Called with each problem as it is found (a source that could not be read).
ProblemHandler = Callable[[NewsgraphError], None]

#: Seconds all the fetches of one build may take together, by default.
FETCH_BUDGET = 600.0


@dataclass(frozen=True)
class BuildReport:
    """What a build did: documents read and skipped, problems met, what the graph holds.

    >>> report = BuildReport(out=Path("out"), read=2, skipped=1,
    ...                      nodes={"Article": 3, "Person": 1}, relations={"chairs": 1})
    >>> print(report.summary())
    documents: 2 read, 1 already built, 0 sources failed
    nodes: 3 Article, 1 Person
    relations: 1 chairs
    """

    out: Path
    read: int
    skipped: int
    #: documents the sources gave twice in this build (the same file twice, an item in two
    #: feeds), read once
    repeated: int = 0
    problems: tuple[NewsgraphError, ...] = ()
    #: of the documents read, those the folder held read by another model or rule set
    reread: int = 0
    nodes: dict[str, int] = field(default_factory=dict)
    relations: dict[str, int] = field(default_factory=dict)
    refused: int = 0
    outputs: tuple[Path, ...] = ()
    refusals: tuple[str, ...] = ()
    unmatched_links: tuple[str, ...] = ()
    refused_links: tuple[str, ...] = ()

    @property
    def html(self) -> Path:
        """The viewer page."""
        return self.out / "graph.html"

    def summary(self, *, verbose: bool = False) -> str:
        """The lines ``newsgraph build`` prints at the end; ``verbose``: each relation refused,
        and why."""
        again = (f" ({self.reread} again: built by another model or rule set)"
                 if self.reread else "")
        parts = [
            f"documents: {self.read} read{again}, {self.skipped} already built, "
            + (f"{self.repeated} given twice, " if self.repeated else "")
            + f"{sum(not isinstance(p, AliasesError) for p in self.problems)} sources failed",
            "nodes: " + ", ".join(f"{n} {t}" for t, n in sorted(self.nodes.items())),
            "relations: "
            + (", ".join(f"{n} {t}" for t, n in sorted(self.relations.items())) or "none"),
        ]
        if self.refused:
            hint = "" if verbose else " (-v says which and why)"
            parts.append(f"relations refused by the ontology: {self.refused}{hint}")
            if verbose:
                parts += [f"  refused: {line}" for line in self.refusals]
        unmatched, refused = len(self.unmatched_links), len(self.refused_links)
        if unmatched or refused:
            said = []
            if unmatched:
                said.append(f"{unmatched} name{'s' * (unmatched != 1)} matched no entity")
            if refused:
                said.append(f"{refused} refused")
            hint = "" if verbose else " (-v says which)"
            parts.append(f"links: {', '.join(said)}{hint}")
            if verbose:
                parts += [f"  unmatched: {name}" for name in self.unmatched_links]
                parts += [f"  refused: {why}" for why in self.refused_links]
        return "\n".join(parts)


def seeds_folder() -> Path:
    """The folder of the bundled seed documents, as installed.

    >>> sorted(p.suffix for p in seeds_folder().iterdir())[0]
    '.txt'
    """
    try:
        installed = files("newsgraph.seeds")
    except ModuleNotFoundError:
        # a checkout installed in setuptools' default editable mode maps no data-only package:
        # the seeds lie beside the package's folder (api/)
        return Path(__file__).resolve().parent.parent / "seeds"
    # seeds/ holds no module: reach its folder through one of its files, resolved, since a
    # strict editable install links each file from a tree of its own
    first = min(installed.iterdir(), key=lambda p: p.name)
    return Path(str(first)).resolve().parent


def build(
    sources: str | os.PathLike[str] | Sequence[str | os.PathLike[str]] | None = None,
    out: str | os.PathLike[str] = "out",
    *,
    model: str | None = None,
    aliases: str | os.PathLike[str] | None = None,
    links: str | os.PathLike[str] | None = None,
    base: str | None = None,
    fetch_articles: bool = False,
    allow_private_hosts: bool = False,
    fetch_budget: float | None = FETCH_BUDGET,
    workers: int = 1,
    dask: str | None = None,
    batch_size: int | None = None,
    view_limit: int | None = None,
    exports: Sequence[str] | None = None,
    parquet: bool = False,
    on_problem: ProblemHandler | None = None,
    progress: TextIO | None = None,
) -> BuildReport:
    """Build the graph of ``sources`` into ``out``, adding to what ``out`` already holds.

    Parameters
    ----------
    sources
        Files, folders, feed or article URLs (one, or a list); ``None`` for the bundled seeds.
    out
        The output folder; created if needed.
    model
        An installed spaCy pipeline; by default spaCy's ``en_core_web_sm`` where installed.
    aliases
        A JSON or CSV file of extra aliases and do-not-merge pairs. The folder keeps a copy
        (``aliases.json``), which later builds read when they are given none; an empty file
        drops them.
    links
        A CSV file of ``NAME,IRI`` rows: each entity of that name gets ``owl:sameAs <IRI>``.
        Kept as the aliases are (``links.csv``); the names that matched no entity are in the
        report's ``unmatched_links``.
    base
        The base IRI under which entities, articles and assertions are named (docs/iris.md);
        by default the one the folder's graph was built with, else
        ``https://w3id.org/newsgraph/id/``.
    fetch_articles
        Fetch the page behind each feed item instead of using its description.
    allow_private_hosts
        Fetch from loopback, private and link-local addresses too (intranet feeds); by
        default a URL, a feed item's link or an OPML entry that leads to one is refused.
    fetch_budget
        Seconds all the build's fetches may take together (``None``: no limit); what is
        left to fetch once it is spent is reported and left out.
    workers, dask, batch_size
        Run the NLP on ``workers`` local processes, or on the Dask cluster at ``dask``, in
        batches of ``batch_size`` documents (by default 16); the output is the same byte for
        byte.
    view_limit
        The most nodes ``graph.html`` holds: the most connected and the most recent (by
        default :data:`~newsgraph.graph.view.VIEW_LIMIT`). The other exports hold them all.
    exports
        Which of ``graph.jsonld``, ``graph.graphml``, ``graph.json`` and ``graph.html`` to
        write (by file name or extension: ``["html"]``); by default all. ``graph.ttl`` is always
        written (the store mirrors it); an export left out is removed from the folder, since
        it would describe an older graph (``newsgraph export`` writes JSON-LD on demand).
    parquet
        Also write every extraction as partitioned Parquet into ``out/records``
        (:mod:`newsgraph.graph.records`), which :func:`assemble` reads on a Dask cluster;
        without it, records a previous build wrote are removed (they would describe an older
        corpus). Needs pyarrow (``newsgraph[dask]``).
    on_problem
        Called with each source that could not be read, as it is found; the build goes on.
    progress
        A terminal stream for the progress line while the NLP runs.

    Returns
    -------
    BuildReport

    Raises
    ------
    NewsgraphError
        When nothing usable was read, the aliases file or the build cache cannot be used, or
        the pipeline cannot be loaded. No output is changed then.
    """
    folder = Path(out)
    sources = _source_list(sources, folder)
    chosen = _chosen_exports(exports, folder)
    if workers < 0:
        message = f"workers must be 0 (one per CPU) or more (got {workers})"
        raise NewsgraphError(str(out), message)
    # the files last given are kept in the folder and read when none is given
    aliases_path = Path(aliases) if aliases is not None else _kept(folder / ALIASES_NAME)
    user_aliases = _load_aliases(aliases_path) if aliases_path is not None else None
    links_path = Path(links) if links is not None else _kept(folder / LINKS_NAME)
    user_links = _load_links(links_path) if links_path is not None else None
    base_iri = _base(base, folder)
    created = [p for p in (folder, *folder.parents) if not p.exists()]  # deepest first
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        message = f"cannot be used as the output folder ({error.strerror or error})"
        raise NewsgraphError(str(folder), message) from error
    try:
        return _build(folder, sources, chosen, user_aliases, aliases, aliases_path, user_links,
                      links, base_iri, fetch_articles=fetch_articles,
                      allow_private_hosts=allow_private_hosts, fetch_budget=fetch_budget,
                      workers=workers, dask=dask, batch_size=batch_size, model=model,
                      view_limit=view_limit, parquet=parquet, on_problem=on_problem,
                      progress=progress)
    except BaseException:
        with suppress(OSError):  # a build that wrote nothing leaves no empty folder it made
            for made in created:
                made.rmdir()
        raise


def _build(
    folder: Path, sources: list[str], chosen: set[str], user_aliases: Aliases | None,
    aliases: str | os.PathLike[str] | None, aliases_path: Path | None, user_links: Links | None,
    links: str | os.PathLike[str] | None, base_iri: str, *, fetch_articles: bool,
    allow_private_hosts: bool, fetch_budget: float | None, workers: int, dask: str | None,
    batch_size: int | None, model: str | None, view_limit: int | None, parquet: bool,
    on_problem: ProblemHandler | None, progress: TextIO | None,
) -> BuildReport:
    """:func:`build` in a folder that exists, its arguments read."""
    check_folder(folder)
    problems: list[NewsgraphError] = []

    def report(problem: NewsgraphError) -> None:
        problems.append(problem)
        if on_problem is not None:
            on_problem(problem)

    with _locked(folder), _collector(enabled=False):
        cache_problems: list[NewsgraphError] = []
        cache = load_cache(folder, on_problem=cache_problems.append)
        for problem in cache_problems:
            report(problem)
        cached = cache.extractions
        # a feed answering 304 sends nothing: its validators are only good with the whole
        # cache that holds its articles (a removed or damaged cache means fetching anew)
        whole = not cache_problems and (folder / CACHE_NAME).is_file()
        validators = load_validators(folder) if whole else {}
        from newsgraph.ingest.web import Fetcher

        fetcher = Fetcher(cache=validators, allow_private_hosts=allow_private_hosts,
                          budget=fetch_budget)
        with _collector(enabled=True):  # the readers' objects are let go as they go
            articles, skipped, repeated = _new_articles(
                sources, seen_keys(cached), report, folder, fetch_articles=fetch_articles,
                fetcher=fetcher)
        named = ", ".join(sources) or SEEDS_SOURCE
        if not articles and not skipped and not repeated and (problems or not cached):
            raise NewsgraphError(named, "nothing usable was read")
        model_name = model or _default_model()
        current = _provenance(model_name)  # hashes the model's files: once a build
        # what another model or rule set read is read again, as a build of everything would
        lines: Mapping[str, bytes] = cache.lines
        reread = 0
        if cached and _read_by_others(folder, current):
            articles = [x.article for x in cached] + articles
            reread, skipped, cached, lines = len(cached), 0, [], {}
        with _collector(enabled=True):
            fresh = _read_with_nlp(articles, report, model=model_name, workers=workers,
                                   dask=dask, batch_size=batch_size, progress=progress)
        fresh = _named_from_sources(fresh, sources)
        if articles and not fresh and not cached:
            raise NewsgraphError(named, "nothing usable was read: the NLP read no document")
        extractions = cached + fresh

        def refused(message: str) -> None:
            report(AliasesError(str(aliases_path), message))

        index, resolved = _resolve_indexed(folder, cached, fresh, user_aliases, refused)
        _remember_files(index, folder)
        try:
            node_keys: dict[tuple[str, str], str] = {}
            G = _assemble(extractions, user_aliases, user_links, base_iri, refused,
                          resolved=resolved, node_keys=node_keys)
            new_articles = _article_iris(fresh, base_iri)
            del resolved
            refusals = G.graph.pop("refusals", [])
            unmatched = G.graph.pop("unmatched_links", [])
            refused_links = G.graph.pop("refused_links", [])
            builds = _builds(load_builds(folder), cached, fresh)
            writers = _writers(folder, G, extractions, lines, validators, builds,
                               provenance=current if fresh else None, view_limit=view_limit,
                               release=not parquet)
            read = len(fresh)
            # the cache is written first, and the extractions let go once it is: the exports
            # and the store's delta read the graph alone (the Parquet records need them)
            kept = extractions if parquet else None
            del extractions, cached, fresh, cache, articles, lines
            if aliases is not None and user_aliases is not None:
                writers[folder / ALIASES_NAME] = _bytes_writer(user_aliases.to_json())
            if links is not None and user_links is not None:
                writers[folder / LINKS_NAME] = _bytes_writer(user_links.to_csv())
            for name in (*GRAPH_NAMES, *OPTIONAL_NAMES):
                if name not in chosen:
                    writers.pop(folder / name, None)
            stored = _stored_turtle(folder)
            index, matching = _matching(index, stored)
            found: list[SubjectDelta | sqlite3.Error | None] = []
            # what the index is to record of graph.graphml and graph.json once written
            written: dict[str, Any] = {}
            if index is not None:  # the store's delta, found on the Turtle writer's way
                previous = folder / TURTLE_EXPORT if _mergeable(index, folder, G) else None
                # graph.jsonld is merged by graph.ttl's plan, kept for it (else let go)
                merged: dict[str, Any] | None = None
                if (previous is not None and folder / JSONLD_EXPORT in writers
                        and _mergeable_jsonld(index, folder)):
                    merged = {}
                    writers[folder / JSONLD_EXPORT] = _merged_jsonld(G, folder, merged)
                # graph.graphml and graph.json by what the add touched, left by graph.ttl's
                # writer (else written whole)
                touched: dict[str, Any] = {}
                for name in (GRAPHML_EXPORT, NODE_LINK_EXPORT):
                    if folder / name in writers:
                        before = (_mergeable_export(index, folder, name)
                                  if previous is not None else None)
                        writers[folder / name] = _merged_export(G, folder, name, before,
                                                                touched, written)
                writers[folder / TURTLE_EXPORT] = _delta_turtle(
                    G, index, found, keep=matching, merged=merged, previous=previous,
                    touch=(node_keys, new_articles), touched=touched)
            try:
                write_atomically(writers)
            except OSError as error:
                message = f"cannot write the outputs here ({error.strerror or error})"
                raise NewsgraphError(str(folder), message) from error
        except BaseException:
            if index is not None:
                index.close()  # rolls back: the index stays that of the outputs kept
            raise
        index, store_base = _store_delta(index, folder, found, matching,
                                         jsonld=folder / JSONLD_EXPORT in writers,
                                         written=written)
        _commit(index, folder, report)
        for name in (*GRAPH_NAMES, *OPTIONAL_NAMES):
            if name not in chosen:
                (folder / name).unlink(missing_ok=True)
        _records(folder, kept, base_iri)
        built = BuildReport(
            out=folder, read=read, skipped=skipped, repeated=repeated,
            problems=tuple(problems), reread=reread,
            nodes=dict(Counter(data["type"] for _, data in G.nodes(data=True))),
            relations=dict(Counter(k for _, _, k in G.edges(keys=True) if k != "mentions")),
            refused=int(G.graph.get("rejected_relations", 0)), outputs=tuple(writers),
            refusals=tuple(refusals), unmatched_links=tuple(unmatched),
            refused_links=tuple(refused_links),
        )
        # The store's update reads graph.ttl alone: the graph and the extractions are let go
        # before it, so that its bulk load does not add to them. A networkx graph holds
        # reference cycles (its views), hence the collection; its dictionaries are emptied
        # first, so that they go by reference counting and the collection walks the views
        # alone (collecting a graph of 100,000 documents whole took 2.1 s, this 0.9 s).
        G.clear()
        del G, writers, kept, node_keys, new_articles, written
        gc.collect()
        _update_store(folder, store_base, report)
    return replace(built, problems=tuple(problems))  # with any problem of the store's


def _records(folder: Path, extractions: list[Extraction] | None, base: str) -> None:
    """Write the extraction records as Parquet into the folder, or remove them (None)."""
    import shutil

    from newsgraph.graph.records import RECORDS_NAME, write_records

    path = folder / RECORDS_NAME
    try:
        if extractions is None:
            if path.is_dir():
                shutil.rmtree(path)
            return
        write_records(extractions, path, base=base)
    except OSError as error:
        message = f"cannot write the Parquet records ({error.strerror or error})"
        raise NewsgraphError(str(path), message) from error


def assemble(
    out: str | os.PathLike[str] = "out",
    *,
    dask: str | Client | None = None,
    workers: int = 1,
    aliases: str | os.PathLike[str] | None = None,
    links: str | os.PathLike[str] | None = None,
    base: str | None = None,
    on_problem: ProblemHandler | None = None,
) -> Assembly:
    """Resolve and assemble the graph of ``out/records`` (the Parquet records of
    ``build(..., parquet=True)``) on a Dask cluster, into N-Triples shards in ``out/shards``
    whose union is the ``graph.ttl`` a build of the same documents writes.

    ``dask`` is the scheduler's address (``tcp://host:8786``) or a connected client; without
    it, a cluster of ``workers`` local processes is started for the run. ``aliases``,
    ``links`` and ``base`` are those of :func:`build` (by default those the folder's last
    build used); what made the graph is read from ``out/build.json``. Each alias rule not
    applied is reported to ``on_problem``. See :mod:`newsgraph.graph.partitioned`.

    Raises
    ------
    NewsgraphError
        When the folder holds no records, dask is not installed, or the scheduler cannot be
        reached. The shards are then as they were.
    """
    from newsgraph.graph.partitioned import SHARDS_NAME, cluster_client
    from newsgraph.graph.partitioned import assemble as assemble_records
    from newsgraph.graph.records import RECORDS_NAME, partitions

    folder = Path(out)
    partitions(folder / RECORDS_NAME)  # no records: one line naming the folder
    # as a build: the files last given to a build into the folder, when none is given
    aliases_path = Path(aliases) if aliases is not None else _kept(folder / ALIASES_NAME)
    user_aliases = _load_aliases(aliases_path) if aliases_path is not None else None
    links_path = Path(links) if links is not None else _kept(folder / LINKS_NAME)
    user_links = _load_links(links_path) if links_path is not None else None
    base_iri = _base(base, folder)

    def refused(message: str) -> None:
        if on_problem is not None:
            on_problem(AliasesError(str(aliases_path), message))

    with cluster_client(dask, workers) as client:
        try:
            return assemble_records(
                folder / RECORDS_NAME, folder / SHARDS_NAME, client, aliases=user_aliases,
                links=user_links, base=base_iri, build=_built_provenance(folder),
                on_refused=refused)
        except OSError as error:
            message = f"cannot write the shards ({error.strerror or error})"
            raise NewsgraphError(str(folder / SHARDS_NAME), message) from error


def _chosen_exports(exports: Sequence[str] | None, out: Path) -> set[str]:
    """The export files a build writes: ``graph.ttl`` and those named (by default, or named
    ``all``, every one but ``graph.trig``, which is written only when named).

    >>> sorted(_chosen_exports(["html", "graph.json"], Path("out")))
    ['graph.html', 'graph.json', 'graph.ttl']
    >>> sorted(_chosen_exports(["all", "trig"], Path("out")))[-2:]
    ['graph.trig', 'graph.ttl']
    """
    if exports is None:
        return set(GRAPH_NAMES)
    chosen = {TURTLE_EXPORT}
    for name in exports:
        if name == "all":
            chosen.update(GRAPH_NAMES)
            continue
        file_name = name if name.startswith("graph.") else f"graph.{name}"
        if file_name not in (*GRAPH_NAMES, *OPTIONAL_NAMES):
            known = ", ".join(n.removeprefix("graph.") for n in (*GRAPH_NAMES, *OPTIONAL_NAMES))
            raise NewsgraphError(str(out), f"no export named {name!r} (expected: {known}, all)")
        chosen.add(file_name)
    return chosen


def _source_list(
    sources: str | os.PathLike[str] | Sequence[str | os.PathLike[str]] | None, out: Path
) -> list[str]:
    """The sources as a list of strings; one path or URL is a list of one; none is the seeds.

    >>> _source_list("feed.xml", Path("out")), _source_list(None, Path("out"))
    (['feed.xml'], [])
    """
    if sources is None:
        return []
    if isinstance(sources, (str, os.PathLike)):
        sources = [sources]
    found = [os.fspath(s) for s in sources]
    if not found or not all(found):
        message = "no sources given (give None for the bundled seeds)"
        raise NewsgraphError(str(out), message)
    return found


def build_or_load(
    sources: Iterable[str | os.PathLike[str]] | None = None,
    *,
    out: str | os.PathLike[str] | None = None,
    model: str | None = None,
) -> nx.MultiDiGraph:
    """The graph in ``out``, built there first when needed, as ``newsgraph build`` does.

    With no ``sources`` and a graph already in ``out``, that graph is loaded. Otherwise the
    sources (by default the bundled seeds) are built into ``out``, adding to what it holds,
    and the result is loaded. Unreadable sources and the build's summary go to stderr.

    Parameters
    ----------
    sources
        Files, folders and feed or article URLs; ``None`` for the bundled seeds.
    out
        The output folder, which keeps ``graph.ttl``, ``graph.json`` and ``graph.html``;
        ``None`` for a temporary folder removed after loading.
    model
        An installed spaCy pipeline to use instead of the default.

    Raises
    ------
    NewsgraphError
        When nothing usable was read, or, with no ``sources``, when ``out`` holds a graph
        built without ``graph.json`` (``--exports html``): the seeds are not added to it.

    Examples
    --------
    A folder that already holds a graph is read, not built again:

    >>> import networkx as nx, tempfile
    >>> from newsgraph.graph import write_json
    >>> folder = tempfile.mkdtemp()
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("id/japan", type="Country", label="Japan", aliases=[], articles=[])
    >>> with open(f"{folder}/graph.json", "wb") as stream:
    ...     write_json(G, stream)
    >>> list(build_or_load(out=folder))
    ['id/japan']

    ``build_or_load()`` builds the bundled seeds in a temporary folder, and
    ``build_or_load(["feeds/chips.xml"], out="out")`` adds a feed to the graph in ``out/``.
    """
    from newsgraph.graph.explore import load_graph

    if out is None:
        with tempfile.TemporaryDirectory(prefix="newsgraph-") as temporary:
            return build_or_load(sources, out=temporary, model=model)
    folder = Path(out)
    if sources is None and (folder / NODE_LINK_EXPORT).is_file():
        return load_graph(out)
    if sources is None and any((folder / name).exists() for name in (TURTLE_EXPORT, CACHE_NAME)):
        # a graph built without graph.json (--exports): the seeds are not added to it
        message = (f"holds a graph built without {NODE_LINK_EXPORT}; write it with `newsgraph "
                   f"build SOURCES --out {folder} --exports json,html`, or give sources to add")
        raise NewsgraphError(str(folder), message)
    report = build(None if sources is None else list(sources), out, model=model,
                   on_problem=lambda problem: print(problem.line(), file=sys.stderr))
    print(report.summary(), file=sys.stderr)
    return load_graph(out)


def _default_model() -> str:
    from newsgraph.ingest.pipeline import DEFAULT_MODEL

    return DEFAULT_MODEL


def _load_aliases(path: Path) -> Aliases:
    """Read a user's aliases file (JSON or CSV, by its extension, else by its content)."""
    from newsgraph.graph.aliases import parse_aliases

    text = _user_file(path, AliasesError, "aliases")
    csv_format = {".csv": True, ".json": False}.get(path.suffix.lower())
    return parse_aliases(text, source=str(path), csv_format=csv_format)


@contextmanager
def _locked(folder: Path) -> Iterator[None]:
    """Hold the output folder for this build; refuse at once if another build holds it."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: no advisory lock
        yield
        return
    # the folder itself is locked: a lock file would have to stay, or be unlinked while held
    handle = os.open(folder, os.O_RDONLY)
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            message = "another build is writing to this folder; run again when it has finished"
            raise NewsgraphError(str(folder), message) from None
        yield
    finally:
        os.close(handle)  # closing releases the lock


#: The builds of this process that have the collector paused, and whether it ran before the
#: first of them paused it: the collector is one per process, so the last build to end puts it
#: back as it was before the first began (two builds in two threads overlap).
_PAUSES = {"builds": 0, "was_enabled": True, "frozen": False}
_PAUSES_LOCK = threading.Lock()


@contextmanager
def _collector(*, enabled: bool) -> Iterator[None]:
    """Python's cyclic garbage collector paused for a build (``enabled=False``), or running
    again for a part of it (``enabled=True``: reading the sources, the NLP), then as it was.

    A build pauses it but for reading the sources and the NLP: the cache, the graph and
    the rows its writers make are millions of objects that live to the end of the build (or
    to the next row), and each full collection walked every one of them again, for nothing
    (about a twentieth of an add at 10,000 documents). While it runs for a part, the objects
    made before are frozen (``gc.freeze``: no collection walks them; the first collection
    would otherwise walk the whole cache, read while the collector was paused). The build
    collects once, at its end, before the store's update. Builds in several threads share
    one collector: it is put back as it was when the last of them ends.

    >>> with _collector(enabled=False):
    ...     gc.isenabled()
    False
    >>> gc.isenabled()
    True
    """
    with _PAUSES_LOCK:
        if not enabled:
            if _PAUSES["builds"] == 0:
                _PAUSES["was_enabled"] = gc.isenabled()
            _PAUSES["builds"] += 1
            gc.disable()
        elif _PAUSES["builds"] and _PAUSES["was_enabled"]:
            if not gc.get_freeze_count():  # else frozen by others: theirs to thaw
                gc.freeze()
                _PAUSES["frozen"] = True
            gc.enable()
    try:
        yield
    finally:
        with _PAUSES_LOCK:
            if not enabled:
                _PAUSES["builds"] -= 1
                if _PAUSES["builds"] == 0 and _PAUSES["was_enabled"]:
                    gc.enable()
            elif _PAUSES["builds"]:
                gc.disable()
                if _PAUSES["frozen"]:
                    gc.unfreeze()
                    _PAUSES["frozen"] = False


def _new_articles(
    sources: Sequence[str], keys: set[str], report: ProblemHandler, out: Path, *,
    fetch_articles: bool, fetcher: Fetcher,
) -> tuple[list[Article], int, int]:
    """The articles of ``sources`` not built before; how many were skipped as built before,
    and how many as given twice by the sources themselves.

    Files inside the output folder are never articles: building a folder that holds its own
    output folder must not read the graph back as news.
    """
    from newsgraph.ingest.sources import read_sources

    if sources:
        results = read_sources([os.fspath(s) for s in sources], fetch_articles=fetch_articles,
                               fetcher=fetcher)
    else:
        results = _read_seeds(fetch_articles=fetch_articles, fetcher=fetcher)
    articles, skipped, repeated = [], 0, 0
    built = set(keys)
    for result in results:
        for problem in result.errors:
            report(problem)
        for article in result.articles:
            if _inside(article.source, out):
                continue
            if is_seen(article, keys):
                if is_seen(article, built):
                    skipped += 1
                else:
                    repeated += 1
                continue
            keys.add(article.id)
            if article.link:
                keys.add(article.link)
            articles.append(article)
    return articles, skipped, repeated


def _named_from_sources(extractions: list[Extraction], sources: Sequence[str]) -> list[Extraction]:
    """``extractions`` with each file an article was read from named from the folder or file
    the user gave, as the graph and the cache record it: ``news/a.txt`` for
    ``/home/me/news/a.txt`` read from ``/home/me/news``, ``a.txt`` read from the file itself.

    The graph then says nothing of where the folder lives, and names a document the same
    wherever it is built (docs/iris.md). A URL stays as it is but for a user name and
    password in it, which no output repeats, and the bundled seeds are ``seeds/<file>``
    already. (Problems reported before name the path as given.)

    >>> from newsgraph.ingest.documents import Article, Extraction
    >>> home = os.path.join(os.sep, "home", "me")
    >>> read = Extraction(Article(id="x", text="t", source=os.path.join(home, "news", "a.txt")))
    >>> [x.article.source for x in _named_from_sources([read], [os.path.join(home, "news")])]
    ['news/a.txt']
    >>> fed = Extraction(Article(id="y", text="t", source="https://u:pw@news.example/f.xml",
    ...                          link="https://u:pw@news.example/a"))
    >>> [(x.article.source, x.article.link) for x in _named_from_sources([fed], [])]
    [('https://news.example/f.xml', 'https://news.example/a')]
    """
    from newsgraph.ingest.documents import without_userinfo

    given = [os.path.abspath(s) for s in sources if "://" not in s]

    def named(source: str) -> str:
        if "://" in source:
            return without_userinfo(source)
        path = os.path.abspath(source)
        # the longest source given that holds the file: the one it was read through
        holders = [g for g in given if path == g or path.startswith(g.rstrip(os.sep) + os.sep)]
        if not holders:
            return _decodable(source)
        parent = os.path.dirname(max(holders, key=len).rstrip(os.sep)) or os.sep
        return _decodable(os.path.relpath(path, parent).replace(os.sep, "/"))

    return [replace(x, article=replace(
                x.article, source=named(x.article.source),
                link=without_userinfo(x.article.link) if x.article.link else x.article.link))
            for x in extractions]


def _decodable(name: str) -> str:
    """A file name with each byte that was no UTF-8 (a lone surrogate of Python's
    ``surrogateescape``) written as ``%XX``, so that the name can be stored as text; a ``%``
    of the name is written ``%25``, so that no two names meet.

    >>> _decodable("caf\\udce9.txt"), _decodable("%E9.txt")
    ('caf%E9.txt', '%25E9.txt')
    """
    return "".join(f"%{ord(c) - 0xDC00:02X}" if "\udc80" <= c <= "\udcff"
                   else "%25" if c == "%" else c for c in name)


def _inside(source: str, folder: Path) -> bool:
    """Whether a file source lies in ``folder``."""
    if "://" in source:
        return False
    return Path(source).resolve().is_relative_to(folder.resolve())


def _read_seeds(**options: Any) -> list[SourceResult]:
    """The bundled seeds, each named ``seeds/<file>`` wherever the package is installed, so
    that the graph of the seeds is the same on every machine."""
    from newsgraph.ingest.sources import read_sources

    prefix = str(seeds_folder())
    # the shipped files are named one by one: an editable install links them from elsewhere,
    # and a folder's links that lead out of it are refused
    names = sorted(name for name in os.listdir(prefix) if not name.startswith(".")
                   and not name.startswith("__") and os.path.isfile(os.path.join(prefix, name)))
    results = read_sources([os.path.join(prefix, name) for name in names], **options)

    def renamed(source: str) -> str:
        if source == prefix or source.startswith(prefix + os.sep):
            return SEEDS_SOURCE + source[len(prefix):].replace(os.sep, "/")
        return source

    return [
        replace(result, source=renamed(result.source),
                articles=tuple(replace(a, source=renamed(a.source)) for a in result.articles))
        for result in results
    ]


def _read_with_nlp(
    articles: list[Article], report: ProblemHandler, **options: Any
) -> list[Extraction]:
    """The extractions of ``articles``; each one the NLP could not read is reported, left out.

    A text longer than one document may be is cut at the last paragraph or sentence before
    :data:`~newsgraph.ingest.models.MAX_CHARACTERS`, and the cut reported.
    """
    fitted = [_fitted(article, report) for article in articles]
    fresh = []
    for extraction in _extract(fitted, **options):
        if extraction.problem is None:
            fresh.append(extraction)
        else:
            report(NewsgraphError(extraction.article.source,
                                  f"left out: the NLP could not read it ({extraction.problem})"))
    return fresh


def _fitted(article: Article, report: ProblemHandler) -> Article:
    from newsgraph.ingest.models import MAX_CHARACTERS

    if len(article.text) <= MAX_CHARACTERS:
        return article
    head = article.text[:MAX_CHARACTERS]
    cut = max(head.rfind("\n"), head.rfind(". ") + 1)
    text = head[:cut] if cut > MAX_CHARACTERS // 2 else head
    report(NewsgraphError(article.source, f"is {len(article.text):,} characters long; read the "
                          f"first {len(text):,}, the most one document may hold"))
    return replace(article, text=text)


def _extract(
    articles: list[Article], *, model: str, workers: int, dask: str | None,
    batch_size: int | None, progress: TextIO | None,
) -> list[Extraction]:
    """Run the NLP here, on a local pool of ``workers`` processes, or on a Dask cluster."""
    if not articles:
        return []
    from newsgraph.ingest.parallel import DEFAULT_BATCH_SIZE, default_workers

    batch_size = batch_size or DEFAULT_BATCH_SIZE
    workers = workers or default_workers()
    if dask is not None:
        from newsgraph.ingest.distributed import extract_dask  # dask is an optional extra

        found = extract_dask(articles, address=dask, model=model, batch_size=batch_size)
    else:
        from newsgraph.ingest.parallel import extract_parallel

        found = extract_parallel(articles, workers=workers, model=model, batch_size=batch_size)
    if progress is None:
        return list(found)
    from newsgraph.graph.progress import progress as progress_line

    return list(progress_line(found, total=len(articles), stream=progress))


def _assemble(
    extractions: list[Extraction], aliases: Aliases | None, links: Links | None, base: str,
    on_refused: Callable[[str], None], *, resolved: Resolved | None = None,
    node_keys: dict[tuple[str, str], str] | None = None,
) -> nx.MultiDiGraph:
    from newsgraph.graph.build import build_graph

    return build_graph(extractions, aliases=aliases, links=links, base=base,
                       on_refused=on_refused, resolved=resolved, node_keys=node_keys)


def _article_iris(extractions: list[Extraction], base: str) -> set[str]:
    """The IRIs of the articles of ``extractions``."""
    from newsgraph.graph.build import article_iri

    return {article_iri(x.article, base=base) for x in extractions}


def _resolve_indexed(
    folder: Path, cached: list[Extraction], fresh: list[Extraction], aliases: Aliases | None,
    on_refused: Callable[[str], None],
) -> tuple[sqlite3.Connection | None, Resolved | None]:
    """Resolve the entities of every extraction through the folder's alias index, adding only
    the new extractions to it (all of them when it does not hold the cached ones).

    Returns the index, in a transaction to commit with the outputs, and the resolution; or
    (None, None) when the index cannot be used: the graph then resolves every entity in
    memory, to the same result, and the next build makes the index anew.
    """
    import sqlite3

    from newsgraph.graph.index import (
        INDEX_NAME,
        add_extractions,
        clear,
        connect,
        matches,
        read_seen,
    )
    from newsgraph.graph.resolve import resolve_seen

    index = None
    try:
        index = connect(folder)
        if not matches(index, (x.article.id for x in cached)):
            clear(index)
            add_extractions(index, cached)
        add_extractions(index, fresh)
        return index, resolve_seen(read_seen(index), aliases=aliases, on_refused=on_refused)
    except (sqlite3.Error, OSError):
        if index is not None:
            index.close()  # rolls back
        with suppress(OSError):
            (folder / INDEX_NAME).unlink(missing_ok=True)
        return None, None


def _commit(index: sqlite3.Connection | None, folder: Path, report: ProblemHandler) -> None:
    """Commit the alias index's changes once the outputs are written; an index that cannot be
    committed is reported, and the build stands (the next one makes the index anew)."""
    import sqlite3

    from newsgraph.graph.index import INDEX_NAME

    if index is None:
        return
    try:
        index.execute("COMMIT")
    except sqlite3.Error as error:
        report(NewsgraphError(str(folder / INDEX_NAME),
                              f"cannot be updated ({error}); the next build makes it anew"))
    finally:
        index.close()


def _base(base: str | None, folder: Path) -> str:
    """The base IRI to mint under: the one given, else the folder graph's, else the default.

    >>> _base(None, Path("no/such/folder"))
    'https://w3id.org/newsgraph/id/'
    """
    from newsgraph.graph.iris import DEFAULT_BASE, check_base, turtle_base

    if base is None:
        built = turtle_base(folder / "graph.ttl")
        if built is None:
            return DEFAULT_BASE
        try:
            if check_base(built) == built:
                return built
        except ValueError:
            pass
        message = f"holds a base the build cannot mint under ({built!r}); give --base"
        raise NewsgraphError(str(folder / "graph.ttl"), message)
    try:
        return check_base(base)
    except ValueError as error:
        option = "--base"
        raise NewsgraphError(option, str(error)) from error


def _kept(path: Path) -> Path | None:
    """``path``, a file the folder kept, or None when there is none."""
    return path if path.is_file() else None


def _bytes_writer(text: str) -> Writer:
    """A writer of ``text`` as UTF-8."""
    def write(stream: IO[bytes]) -> None:
        stream.write(text.encode("utf-8"))
    return write


def _load_links(path: Path) -> Links:
    """Read a user's links file (CSV rows ``NAME,IRI``)."""
    from newsgraph.graph.links import parse_links

    return parse_links(_user_file(path, LinksError, "links"), source=str(path))


def _user_file(path: Path, error_type: type[NewsgraphError], what: str) -> str:
    """The text of a file the user named (``what``: "aliases", "links"), or ``error_type``
    naming it."""
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise error_type(str(path), f"cannot read {what} file ({error})") from error


def _builds(
    before: tuple[int, dict[str, int]], cached: list[Extraction], fresh: list[Extraction]
) -> dict[str, Any]:
    """The list of builds after this one: a build that reads documents gets the next number.

    Documents cached before the list was kept count as read by build 0.

    >>> from newsgraph.ingest.documents import Article
    >>> one, two = (Extraction(Article(id=i, text="", source=i)) for i in ("a", "b"))
    >>> _builds((1, {"a": 1}), [one], [two])
    {'latest': 2, 'first_read': {'a': 1, 'b': 2}}
    >>> _builds((2, {"a": 1, "b": 2}), [one, two], [])["latest"]
    2
    """
    latest, first = before
    if fresh:
        latest += 1
    read = {x.article.id: first.get(x.article.id, 0) for x in cached}
    read.update({x.article.id: first.get(x.article.id, latest) for x in fresh})
    return {"latest": latest, "first_read": dict(sorted(read.items()))}


def _writers(
    folder: Path, G: nx.MultiDiGraph, extractions: list[Extraction],
    lines: Mapping[str, bytes], validators: dict[str, dict[str, str]],
    builds: dict[str, Any], *, provenance: dict[str, Any] | None,
    view_limit: int | None = None, release: bool = False,
) -> dict[Path, Writer]:
    """Every file of the output folder and its writer, in the order they are written;
    ``provenance`` is what made a build that read documents (else the folder's is kept).

    The cache comes first; with ``release``, its writer lets ``extractions`` go once it has
    written them (the caller holding no other reference), so that the exports after it hold
    the graph alone.
    """
    from newsgraph.graph.build import article_iri, merge_log

    merges = merge_log(G)
    G.graph.pop("merges", None)
    made = provenance if provenance is not None else _built_provenance(folder)
    if made:
        G.graph["build"] = made  # the graph states what made it (a prov:Activity)
    latest, first = builds["latest"], builds["first_read"]
    new = [article_iri(x.article) for x in extractions if latest and first[x.article.id] == latest]
    held = [extractions]

    def write_cache(stream: IO[bytes]) -> None:
        write_extractions(held[0], stream, lines=lines)
        if release:
            held.clear()

    writers: dict[Path, Writer] = {
        folder / CACHE_NAME: write_cache,
        folder / MERGES_NAME: lambda s: write_json_lines(merges, s),
    }
    exports = graph_writers(G, view_limit=view_limit, new_articles=new)
    writers.update({folder / name: w for name, w in exports.items()})
    writers[folder / BUILDS_NAME] = lambda s: write_json_object(builds, s)
    if validators or (folder / VALIDATORS_NAME).exists():  # validators dropped are dropped
        writers[folder / VALIDATORS_NAME] = lambda s: write_json_object(validators, s)
    if provenance:  # a build that read documents records what read them
        recorded = provenance
        writers[folder / PROVENANCE_NAME] = lambda s: write_json_object(recorded, s)
    return writers


def _stored_turtle(folder: Path) -> str | None:
    """The digest of the folder's graph.ttl when its store holds exactly those triples."""
    from newsgraph.graph.store import stored_turtle

    try:
        return stored_turtle(folder)
    except (OSError, RuntimeError):  # RuntimeError: a damaged store
        return None


def _matching(
    index: sqlite3.Connection | None, stored: str | None
) -> tuple[sqlite3.Connection | None, bool]:
    """Whether the index's subject digests describe what the store holds (``stored``: the
    digest of the graph.ttl it holds), so that the store can be updated by subject. Returns
    the index, or None when it could not be read (its transaction rolled back)."""
    import sqlite3

    from newsgraph.graph.index import turtle

    if index is None:
        return None, False
    try:
        return index, stored is not None and turtle(index) == stored
    except sqlite3.Error:
        index.close()  # rolls back; the next build makes the index anew
        return None, False


def _mergeable(index: sqlite3.Connection, folder: Path, G: nx.MultiDiGraph) -> bool:
    """Whether the folder's graph.ttl is the one the index's subject digests describe,
    written as this build writes Turtle, with the graph's header and one block per subject:
    the new graph.ttl is then merged from it (:func:`~newsgraph.graph.rdf.write_turtle_merged`)."""
    import sqlite3

    from newsgraph.graph.index import subject_count, turtle, turtle_format
    from newsgraph.graph.rdf import TURTLE_FORMAT, turtle_header
    from newsgraph.graph.store import turtle_digest

    path = folder / TURTLE_EXPORT
    try:
        if not path.is_file() or turtle_format(index) != TURTLE_FORMAT:
            return False
        if turtle(index) != turtle_digest(folder):
            return False
        subjects = subject_count(index)
        header = turtle_header(G)
        breaks, last = 0, b""
        with path.open("rb") as stream:
            if stream.read(len(header)) != header:
                return False
            for chunk in iter(lambda: stream.read(1 << 20), b""):
                breaks += (last + chunk).count(b"\n\n")
                last = chunk[-1:]
        return subjects > 0 and breaks == subjects - 1
    except (sqlite3.Error, OSError):
        return False


def _mergeable_jsonld(index: sqlite3.Connection, folder: Path) -> bool:
    """Whether the folder's graph.jsonld was written with the graph.ttl the index describes
    (the JSON-LD of the same subjects, an object each, in the same order)."""
    import sqlite3

    from newsgraph.graph.index import export, turtle
    from newsgraph.graph.store import file_digest

    path = folder / JSONLD_EXPORT
    try:
        recorded = export(index, JSONLD_EXPORT)
        # the record names the graph.ttl it was written with: an index another release
        # kept up to date for graph.ttl alone vouches for no graph.jsonld
        return recorded is not None and path.is_file() \
            and recorded == _jsonld_record(turtle(index), file_digest(path))
    except (sqlite3.Error, OSError):
        return False


def _jsonld_record(turtle_digest: str | None, jsonld_digest: str) -> str:
    """What the index records of a graph.jsonld: its digest and that of the graph.ttl it was
    written with."""
    return f"{turtle_digest} {jsonld_digest}"


def _merged_jsonld(G: nx.MultiDiGraph, folder: Path, merged: dict[str, Any]) -> Writer:
    """The writer of graph.jsonld that merges it from the previous one by the plan graph.ttl
    was merged by (``merged``: its runs and the changed subjects' rows, let go once used);
    written whole when graph.ttl was not merged."""
    from newsgraph.graph.rdf import write_jsonld, write_jsonld_merged

    def write(stream: IO[bytes]) -> None:
        if "runs" not in merged:
            write_jsonld(G, stream)
            return
        with (folder / JSONLD_EXPORT).open("rb") as old:
            write_jsonld_merged(G, stream, old, merged["runs"], merged["rows"])
        merged.clear()

    return write


def _export_record(turtle_digest: str, digest_: str, kept: Any) -> str:
    """What the index records of graph.graphml or graph.json: its digest and that of the
    graph.ttl it was written with, and what its writer left (GraphML's keys)."""
    import json

    return json.dumps([turtle_digest, digest_, kept], ensure_ascii=False)


def _mergeable_export(index: sqlite3.Connection, folder: Path, name: str) -> Any:
    """What the writer of graph.graphml or graph.json left of the previous file (GraphML's
    keys; True for graph.json), when the folder's file was written with the graph.ttl the
    index describes; else None."""
    import json
    import sqlite3

    from newsgraph.graph.index import export, turtle
    from newsgraph.graph.store import file_digest

    path = folder / name
    try:
        recorded = export(index, name)
        if recorded is None or not path.is_file():
            return None
        turtle_digest, digest_, kept = json.loads(recorded)
        if turtle_digest != turtle(index) or digest_ != file_digest(path):
            return None
        return kept
    except (sqlite3.Error, OSError, ValueError, TypeError):
        return None


def _merged_export(G: nx.MultiDiGraph, folder: Path, name: str, before: Any,
                   touched: dict[str, Any], written: dict[str, Any]) -> Writer:
    """The writer of graph.graphml or graph.json: merged from the previous file by what the
    add touched (``touched``, left by graph.ttl's writer) where ``before`` says the previous
    file is the one the index describes (what its writer left), else written whole; what
    the writer leaves for the next add goes into ``written``."""
    import mmap

    from newsgraph.graph.graphml import write_graphml_keyed, write_graphml_merged
    from newsgraph.graph.nodelink import write_json, write_json_merged

    def merge(stream: IO[bytes], old: Any) -> Any:
        if name == GRAPHML_EXPORT:
            return write_graphml_merged(G, stream, old, before, touched["nodes"],
                                        touched["edges"])
        write_json_merged(G, stream, old, touched["nodes"], touched["edges"])
        return True

    def write(stream: IO[bytes]) -> None:
        written.pop(name, None)
        kept: Any = None
        if before is not None and touched:
            with ExitStack() as stack:
                try:
                    file = stack.enter_context((folder / name).open("rb"))
                    old = stack.enter_context(
                        mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ))
                except (OSError, ValueError):  # ValueError: an empty file
                    old = None
                at = stream.tell()
                try:
                    kept = None if old is None else merge(stream, old)
                except ValueError:  # not as the index says: written whole
                    if stream.tell() != at:  # the merge refuses before it writes
                        raise
        if kept is None:
            if name == GRAPHML_EXPORT:
                kept = write_graphml_keyed(G, stream)
            else:
                write_json(G, stream)
                kept = True
        if kept is not None:
            written[name] = kept

    return write


def _delta_turtle(
    G: nx.MultiDiGraph, index: sqlite3.Connection,
    found: list[SubjectDelta | sqlite3.Error | None], *, keep: bool,
    previous: Path | None = None, merged: dict[str, Any] | None = None,
    touch: tuple[Mapping[tuple[str, str], str], set[str]] | None = None,
    touched: dict[str, Any] | None = None,
) -> Writer:
    """The writer of graph.ttl that also finds the store's delta from its rows (into
    ``found``), bringing the index's digests up to date; ``keep``: whether to keep the
    changed subjects' triples (without a store to update by subject, only the digests are
    wanted, for the next add). With ``previous``, the graph.ttl those digests describe, the
    new file is merged from it: the blocks of the subjects whose triples are unchanged are
    copied, only the others written; the plan of that merge is left in ``merged`` (its runs
    and the changed subjects' rows), for graph.jsonld.

    ``touch``: the node each name key names and the new articles' IRIs, from which, where
    the index keeps the previous graph's state, the subjects the add touches are found
    (:mod:`~newsgraph.graph.touched`) and only theirs made: the delta without making every
    subject's rows. The index keeps that state up to date either way. What the add touched is
    then left in ``touched`` (``nodes``: the nodes made again; ``edges``: the nodes whose
    edges out, and the pairs whose edges between them, can have changed), for graph.graphml
    and graph.json."""
    import sqlite3

    from newsgraph.graph.index import delta_rows
    from newsgraph.graph.rdf import (
        DROP,
        KEEP,
        NEW,
        iter_rows,
        write_turtle,
    )

    def write(stream: IO[bytes]) -> None:
        found.clear()  # a writer run again starts again
        if merged is not None:
            merged.clear()
        if touched is not None:
            touched.clear()
        if previous is not None and touch is not None and _write_touched(
                G, index, stream, found, previous, merged, touch, keep=keep, touched=touched):
            return
        whole(stream)
        if touch is not None and not isinstance(found[0], sqlite3.Error):
            from newsgraph.graph.touched import record

            try:
                record(index, G, touch[0])
            except sqlite3.Error as error:
                found[:] = [error]

    def whole(stream: IO[bytes]) -> None:
        if previous is None:
            write_turtle(G, stream, rows=delta_rows(index, iter_rows(G), found, keep=keep,
                                                    most=_DELTA_MOST))
            return
        runs: list[tuple[int, int]] = []
        changed: list[Row] = []
        dropped = False

        def run(kind: int, count: int) -> None:
            if count:
                last = runs[-1] if runs else None
                if last is not None and last[0] == kind:
                    runs[-1] = (kind, last[1] + count)
                else:
                    runs.append((kind, count))

        def each(subject: str, rows: list[Row], passed: int, same: bool) -> None:
            nonlocal dropped
            if dropped:
                return
            run(DROP, passed)
            run(KEEP if same else NEW, 1)
            if not same:
                changed.extend(rows)
                if len(changed) > _MERGED_ROWS_MOST:  # most of the graph changed
                    dropped = True
                    runs.clear()
                    changed.clear()

        for _ in delta_rows(index, iter_rows(G), found, keep=keep, each=each,
                            most=_DELTA_MOST):
            pass
        if dropped or isinstance(found[0], sqlite3.Error):  # no plan: all written anew
            write_turtle(G, stream)
            return
        _write_merged(G, stream, previous, runs, changed, merged)

    return write


def _write_touched(
    G: nx.MultiDiGraph, index: sqlite3.Connection, stream: IO[bytes],
    found: list[SubjectDelta | sqlite3.Error | None], previous: Path,
    merged: dict[str, Any] | None, touch: tuple[Mapping[tuple[str, str], str], set[str]],
    *, keep: bool, touched: dict[str, Any] | None = None,
) -> bool:
    """Write graph.ttl merged from ``previous`` by the subjects the add touches, when the
    index keeps the previous graph's state and not too much changed; whether it was. What
    it touched is left in ``touched``."""
    import sqlite3

    from newsgraph.graph.rdf import subject_rows, write_turtle
    from newsgraph.graph.touched import find, known, merge_plan, record, touched_subjects

    keys, new_articles = touch
    try:
        if not known(index, G):
            return False
        found_touched = find(index, G, keys, new_articles)
        nodes, made = touched_subjects(G, found_touched)
        plan = merge_plan(index, subject_rows(G, nodes, made), found_touched.dropped,
                          most_rows=_MERGED_ROWS_MOST, most_bytes=_DELTA_MOST if keep else -1)
        if plan is None:  # most of the graph changed: found from every subject's rows
            return False
        record(index, G, keys, found_touched, made)
    except sqlite3.Error as error:
        found.append(error)
        write_turtle(G, stream)
        return True
    runs, changed, delta = plan
    found.append(delta)
    _write_merged(G, stream, previous, runs, changed, merged)
    if touched is not None:
        # a node's element or object holds its attributes alone; the edges out of an entity
        # are its relations (those of the pairs touched), those out of an article its
        # mentions too (changed where the article is touched)
        from newsgraph.ontology import NodeType

        nodes_ = G.nodes
        touched.update(nodes=found_touched.nodes, edges={
            node for node in found_touched.nodes if nodes_[node]["type"] == NodeType.ARTICLE
        } | {pair for pair in found_touched.pairs if pair[0] in G})
    return True


def _write_merged(G: nx.MultiDiGraph, stream: IO[bytes], previous: Path,
                  runs: list[tuple[int, int]], changed: list[Row],
                  merged: dict[str, Any] | None) -> None:
    """Write graph.ttl merged from ``previous`` by the plan, and keep the plan in ``merged``
    for graph.jsonld."""
    from newsgraph.graph.rdf import write_turtle_merged

    with previous.open("rb") as old:
        write_turtle_merged(G, stream, old, runs, changed)
    if merged is not None:
        merged.update(runs=runs, rows=changed)


#: The files whose digests the index keeps with their size and time.
_FINGERPRINTED = (TURTLE_EXPORT, JSONLD_EXPORT, GRAPHML_EXPORT, NODE_LINK_EXPORT)


def _remember_files(index: sqlite3.Connection | None, folder: Path) -> None:
    """Take the digests the index keeps of the folder's files, so that a file still of the
    size and time it was written with is not read to check it
    (:mod:`newsgraph.graph.digests`)."""
    import sqlite3

    from newsgraph.graph.digests import remembered
    from newsgraph.graph.index import files as indexed_files

    if index is None:
        return
    try:
        found = indexed_files(index)
    except (sqlite3.Error, ValueError):  # ValueError: a row of another form
        return
    remembered({name: found[name] for name in _FINGERPRINTED if name in found}, folder)


def _store_delta(
    index: sqlite3.Connection | None, folder: Path,
    found: list[SubjectDelta | sqlite3.Error | None], matching: bool, *, jsonld: bool = False,
    written: Mapping[str, Any] | None = None,
) -> tuple[sqlite3.Connection | None, StoreBase]:
    """What the store needs to hold the new graph.ttl, once it is written: the subjects whose
    triples changed (found while graph.ttl was written), when the index holds the digests of
    what the store holds; else None, to load it whole. The index records which graph.ttl its
    digests describe.

    Returns the index, or None when it could not be used (its transaction rolled back).
    """
    import sqlite3

    from newsgraph.graph.digests import known
    from newsgraph.graph.index import set_export, set_file, set_turtle
    from newsgraph.graph.rdf import TURTLE_FORMAT
    from newsgraph.graph.store import file_digest, turtle_digest

    if index is None:
        return None, None
    delta = found[0] if len(found) == 1 else sqlite3.OperationalError("graph.ttl not written")
    try:
        if isinstance(delta, sqlite3.Error):
            raise delta
        digest = turtle_digest(folder)
        set_turtle(index, digest, written_as=TURTLE_FORMAT)
        # graph.jsonld holds the same subjects: the next add may merge it as graph.ttl
        set_export(index, JSONLD_EXPORT, _jsonld_record(
            digest, file_digest(folder / JSONLD_EXPORT)) if jsonld else None)
        # graph.graphml and graph.json describe the same graph: the next add may merge them
        # by what it touches (``written``: what their writers left, GraphML's keys)
        for name in (GRAPHML_EXPORT, NODE_LINK_EXPORT):
            kept = (written or {}).get(name)
            set_export(index, name, None if kept is None else _export_record(
                digest, file_digest(folder / name), kept))
        # the digests of the files as written, by their size and time: the next add checks
        # them without reading them
        for name in _FINGERPRINTED:
            set_file(index, name, known(folder / name))
    except (sqlite3.Error, OSError):
        index.close()  # rolls back; the next build makes the index anew
        return None, None
    # None: too large a delta to hold, the store loads the whole graph.ttl
    return index, delta if matching else None


#: Bytes of the changed subjects' N-Triples beyond which an add's store loads the whole
#: graph.ttl rather than hold them (a new rule set or model changes every assertion).
_DELTA_MOST = 128 << 20
#: Rows of the changed subjects beyond which graph.ttl and graph.jsonld are written whole
#: rather than merged (holding them would cost more memory than the merge saves).
_MERGED_ROWS_MOST = 1_000_000


def _update_store(folder: Path, base: StoreBase, report: ProblemHandler) -> None:
    """Bring the folder's Oxigraph store to the new graph.ttl (a new generation, swapped in).

    Where the store cannot be written (no symbolic links, a full disk), the build still stands:
    the problem is reported and the store's link removed, so that readers use graph.ttl.
    """
    from newsgraph.graph.store import STORE_NAME, update_store

    try:
        update_store(folder, base)
    except (OSError, SyntaxError, RuntimeError) as error:  # RuntimeError: a damaged store
        link = folder / STORE_NAME
        if link.is_symlink():
            link.unlink()
        message = f"cannot be updated ({error}); queries read graph.ttl instead"
        report(NewsgraphError(str(link), message))


def _provenance(model: str) -> dict[str, Any]:
    from newsgraph import __version__
    from newsgraph.ingest.models import model_provenance

    return {"newsgraph": __version__, "model": model_provenance(model), "rules": _rules()}


def _rules(ingest: Traversable | None = None) -> dict[str, str]:
    """A hash of the rule set: the relation patterns, the classifier's weights, the
    measured precision of each rule and the code that reads them, so that two builds that
    record it read alike (a changed reader is a new rule set even within a release)."""
    import hashlib

    digest = hashlib.sha256()
    ingest = ingest or files("newsgraph.ingest")
    for root, suffixes in ((ingest.joinpath("patterns"), (".jsonl", ".json")),
                           (ingest.joinpath("data"), (".jsonl", ".json")),
                           (ingest, (".py",))):
        for entry in sorted(root.iterdir(), key=lambda e: e.name):
            if entry.name.endswith(suffixes):
                digest.update(entry.name.encode("utf-8") + b"\0" + entry.read_bytes())
    return {"sha256": digest.hexdigest()}


def _read_by_others(folder: Path, current: dict[str, Any]) -> bool:
    """Whether the folder's documents were read by another model, rule set or release than
    this build's (``current``; its ``build.json`` says which); unknown is taken as the same."""
    before = _built_provenance(folder)
    return before is not None and any(before.get(key) != value
                                      for key, value in current.items())


def _built_provenance(folder: Path) -> dict[str, Any] | None:
    """What the previous build into ``folder`` recorded, when this one read nothing new."""
    import json

    try:
        found = json.loads((folder / PROVENANCE_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return found if isinstance(found, dict) else None
