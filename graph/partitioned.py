"""The graph of a corpus too large for one machine: resolved and assembled on a Dask cluster
from its extraction records, written as N-Triples shards a bulk loader reads.

The same graph as :func:`~newsgraph.graph.build.build_graph` (the union of the shards is the
triples of ``graph.ttl``), made from the same pieces, each run where its data is:

1. **Names, grouped by key.** Each partition of the records (:mod:`newsgraph.graph.records`)
   gives the rows the alias index keeps (:func:`~newsgraph.graph.index.extraction_rows`: the
   names under each normalised name key, type votes, policy kinds, names given as one thing,
   the documents naming each key); a Dask DataFrame ``groupby`` sums them by key.
2. **Resolution over the distinct keys**, on the client, by the rules of
   :func:`~newsgraph.graph.resolve.resolve_seen`, and the entity nodes
   (:func:`~newsgraph.graph.build.entity_nodes`): its memory grows with the distinct names,
   not with the mentions.
3. **Mentions joined to their nodes.** The name keys each partition looks up
   (:func:`~newsgraph.graph.build.name_keys`) are merged with the table of nodes (a Dask
   DataFrame join on the key), shuffled back to their partition, and each partition's articles
   are assembled (:func:`~newsgraph.graph.build.article_part`): its article triples are
   written as one shard, its evidence goes on as rows.
4. **Evidence grouped by relation.** Policies of a sanction kind state sanctions
   (:func:`~newsgraph.graph.build.sanctions_of_policies`, the evidence shuffled by policy);
   then the evidence is shuffled by relation, each relation's attributes made
   (:func:`~newsgraph.graph.build.relation_attrs`) and each partition's assertions written as
   one shard. The policies' first and last dates are the dates of the articles mentioning
   them, aggregated by node, and the entity nodes are written in shards of their own.

The triples of each shard come from :func:`~newsgraph.graph.rdf.graph_rows`, the writer of
``graph.ttl``. Shards are N-Triples (each line also N-Quads in the default graph), written to
a temporary name and renamed, in a folder made beside its place and renamed into it. Every
worker must read the records and write the shards at the same paths: shared storage.

Dask DataFrame and pyarrow are part of the ``dask`` extra: ``pip install 'newsgraph[dask]'``.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import groupby
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsgraph.errors import NewsgraphError
from newsgraph.graph.aliases import Aliases
from newsgraph.graph.build import (
    Edge,
    add_evidence,
    article_iri,
    article_part,
    entity_nodes,
    name_keys,
    relation_attrs,
    sanctions_of_policies,
)
from newsgraph.graph.index import extraction_rows, seen_of
from newsgraph.graph.iris import DEFAULT_BASE
from newsgraph.graph.links import Links
from newsgraph.graph.rdf import graph_rows
from newsgraph.graph.records import partitions, read_partition, staged_folder
from newsgraph.graph.resolve import Merge, resolve_seen
from newsgraph.graph.store import ntriples
from newsgraph.ontology import EntityType, Predicate, edge_type

if TYPE_CHECKING:
    import pandas as pd
    from distributed import Client

__all__ = [
    "SHARDS_NAME", "Assembly", "assemble", "cluster_client", "require_dataframes", "shard_rows",
]

#: The shards folder's name inside a graph folder (``newsgraph assemble``).
SHARDS_NAME = "shards"
#: Entity nodes written in one shard.
_NODES_PER_SHARD = 50_000

_Key = tuple[str, str]


@dataclass(frozen=True)
class Assembly:
    """What :func:`assemble` made: the shards (in the order of their names), the merges of
    the resolution (for ``merges.jsonl``), the relations refused and why, the node count."""

    shards: tuple[Path, ...]
    merges: tuple[Merge, ...]
    refusals: tuple[str, ...]
    nodes: int


#: The columns of numbers in the frames handed between tasks; the others hold text.
_NUMBERS = {"count": "int64", "weight": "float64", "order": "int64", "part": "int64"}


def _frame(rows: Iterable[tuple[Any, ...]], columns: list[str]) -> pd.DataFrame:
    """A frame of ``rows``: numbers as numbers, the rest as text (or missing)."""
    import pandas as pd

    frame = pd.DataFrame(list(rows), columns=columns, dtype=object)
    return frame.astype({c: _NUMBERS.get(c, "str") for c in columns})


_INDEX_TABLES: dict[str, list[str]] = {
    "forms": ["family", "key", "form", "count", "first"],
    "votes": ["family", "key", "kind", "weight"],
    "kinds": ["family", "key", "kind", "count", "first"],
    "pairs": ["family", "key", "other_family", "other_key", "first"],
    "links": ["family", "key", "word_family", "word_key"],
    "documents": ["family", "key", "document"],
    "named": ["family", "key", "document"],
}


def _index_frames(records: str, part: int) -> dict[str, pd.DataFrame]:
    """The alias index's rows of one partition, one frame per table, and the name keys its
    articles look up (``wanted``), with one row naming the partition (so that a partition
    whose names are no node is still assembled)."""
    extractions = read_partition(Path(records), part)
    rows = extraction_rows(extractions)
    found = {
        "forms": ((*k, n, f) for k, (n, f) in rows.forms.items()),
        "votes": ((*k, w) for k, w in rows.votes.items()),
        "kinds": ((*k, n, f) for k, (n, f) in rows.kinds.items()),
        "pairs": ((*k, f) for k, f in rows.pairs.items()),
        "links": rows.links, "documents": rows.documents, "named": rows.named,
    }
    frames = {name: _frame(found[name], columns) for name, columns in _INDEX_TABLES.items()}
    keys = sorted({key for x in extractions for key in name_keys(x)})
    frames["wanted"] = _frame([(part, "", ""), *((part, family, key) for family, key in keys)],
                              _WANTED_COLUMNS)
    return frames


_WANTED_COLUMNS = ["part", "family", "key"]


def _seen(records: Path, parts: list[int], client: Client) -> tuple[Any, Any]:
    """What every partition says about each name key, summed by key on the cluster, and the
    name keys each partition looks up (a Dask DataFrame, its frames kept on the cluster)."""
    import dask.dataframe as dd
    from dask.delayed import delayed

    frames = client.persist([delayed(_index_frames)(str(records), part) for part in parts])

    def table(name: str) -> Any:
        meta = _frame([], _INDEX_TABLES.get(name, _WANTED_COLUMNS))
        return dd.from_delayed([delayed(dict.__getitem__)(f, name) for f in frames],
                               meta=meta, verify_meta=False)

    forms = table("forms").groupby(["family", "key", "form"]).agg(
        {"count": "sum", "first": "min"}).reset_index()
    votes = table("votes").groupby(["family", "key", "kind"]).agg(
        {"weight": "sum"}).reset_index()
    kinds = table("kinds").groupby(["family", "key", "kind"]).agg(
        {"count": "sum", "first": "min"}).reset_index()
    pairs = table("pairs").groupby(["family", "key", "other_family", "other_key"]).agg(
        {"first": "min"}).reset_index()
    links, documents, named = (table(name).drop_duplicates()
                               for name in ("links", "documents", "named"))
    found = client.compute([forms, votes, kinds, pairs, links, documents, named], sync=True)
    forms_, votes_, kinds_, pairs_, links_, documents_, named_ = found

    def ordered(frame: pd.DataFrame, by: list[str], columns: list[str]) -> list[tuple[Any, ...]]:
        rows = frame.sort_values(by, kind="stable")[columns].itertuples(index=False, name=None)
        return list(rows)

    def by_key(frame: pd.DataFrame) -> dict[_Key, set[str]]:
        grouped: dict[_Key, set[str]] = defaultdict(set)
        for family, key, document in frame.itertuples(index=False, name=None):
            grouped[(family, key)].add(document)
        return grouped

    return seen_of(
        [(f, k, form, int(n)) for f, k, form, n in ordered(
            forms_, ["first", "family", "key", "form"], ["family", "key", "form", "count"])],
        [(f, k, kind, float(w)) for f, k, kind, w in ordered(
            votes_, ["family", "key", "kind"], ["family", "key", "kind", "weight"])],
        [(f, k, kind, int(n)) for f, k, kind, n in ordered(
            kinds_, ["first", "family", "key", "kind"], ["family", "key", "kind", "count"])],
        ordered(pairs_, ["first", "family", "key", "other_family", "other_key"],
                ["family", "key", "other_family", "other_key"]),
        ordered(links_, _INDEX_TABLES["links"], _INDEX_TABLES["links"]),
        by_key(documents_), by_key(named_)), table("wanted")


#: The rows each partition of articles hands on: evidence of a relation, an article's
#: mention of a policy (for its dates), how many of the partition's articles mention an entity
#: (summed into its ``ng:mentionCount``), a relation refused. ``data`` is JSON.
_EVIDENCE_COLUMNS = ["row", "subject", "predicate", "object", "article", "order", "source",
                     "data"]


def _write_shard(rows: list[Any], path: Path) -> None:
    """Write N-Triples to ``path`` through a temporary file beside it (a task run twice
    writes the same bytes)."""
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(ntriples(rows))
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _shard_name(kind: str, number: int) -> str:
    return f"{kind}-{number:05d}.nt"


def _articles(joined: pd.DataFrame, records: str, shards: str, base: str,
              build: dict[str, Any] | None) -> pd.DataFrame:
    """Assemble the articles of each partition whose looked-up keys ``joined`` holds (joined
    to their nodes), write each partition's article triples as a shard, and hand on its
    evidence, policy mentions and refusals."""

    out: list[tuple[Any, ...]] = []
    for part in sorted({int(n) for n in joined["part"]}):
        found = joined[joined["part"] == part]
        nodes: dict[_Key, tuple[str, str]] = {}
        kinds: dict[str, str | None] = {}
        for family, key, iri, kind, policy_kind in found[
                ["family", "key", "iri", "type", "kind"]].itertuples(index=False, name=None):
            if isinstance(iri, str):
                nodes[(family, key)] = (iri, kind)
                kinds[iri] = policy_kind if isinstance(policy_kind, str) else None
        types = {iri: kind for iri, kind in nodes.values()}
        graph_nodes: list[tuple[str, dict[str, Any]]] = []
        graph_edges: list[tuple[str, str, str, dict[str, Any]]] = []
        counts: dict[str, int] = defaultdict(int)
        extractions = read_partition(Path(records), part)
        for extraction in extractions:
            a_iri = article_iri(extraction.article, base=base)
            piece = article_part(a_iri, extraction, nodes.get)
            graph_nodes.append((a_iri, piece.attrs))
            date = piece.attrs["date"]
            for node in piece.mentioned:
                graph_edges.append((a_iri, node, "mentions", {}))
                counts[node] += 1
                if types[node] == EntityType.POLICY:
                    out.append(("mention", node, "", "", a_iri, 0, "", json.dumps(date)))
            for order, ((subject, predicate, obj), item) in enumerate(piece.evidence):
                data = {"item": item, "date": date,
                        "types": [types.get(subject, "Article"), types.get(obj, "Article")],
                        "kinds": [kinds.get(subject), kinds.get(obj)]}
                out.append(("evidence", subject, predicate, obj, a_iri, order, "",
                            json.dumps(data)))
            out.extend(("refusal", "", "", "", a_iri, n, "", json.dumps(message))
                       for n, message in enumerate(piece.refusals))
        out.extend(("count", node, "", "", "", 0, "", json.dumps(number))
                   for node, number in sorted(counts.items()))
        rows = graph_rows(graph_nodes, graph_edges, base=base, build=build, activity=False)
        _write_shard(rows, Path(shards) / _shard_name("articles", part))
    return _frame(out, _EVIDENCE_COLUMNS)


def _sanctions(evidence: pd.DataFrame) -> pd.DataFrame:
    """The sanctions the policies of one partition state (its rows shuffled by policy)."""
    out: list[tuple[Any, ...]] = []
    rows = sorted(evidence[["policy", "article", "order", "subject", "predicate", "object",
                            "data"]].itertuples(index=False, name=None))
    for policy, found in groupby(rows, key=itemgetter(0)):
        edges: dict[Edge, list[dict[str, Any]]] = {}
        attrs: dict[str, dict[str, Any]] = {}
        dates: dict[str, Any] = {}
        for _, article, _, subject, predicate, obj, text in found:
            data = json.loads(text)
            edges.setdefault((subject, predicate, obj), []).append(data["item"])
            dates[article] = data["date"]
            for node, kind, policy_kind in zip((subject, obj), data["types"], data["kinds"],
                                                 strict=True):
                attrs[node] = {"type": kind, "kind": policy_kind}
        for (subject, predicate, obj), _, items in sanctions_of_policies(edges, attrs.__getitem__):
            for order, item in enumerate(items):
                data = {"item": item, "date": dates[item["article"]]}
                out.append(("evidence", subject, predicate, obj, item["article"], order,
                            policy, json.dumps(data)))
    return _frame(out, _EVIDENCE_COLUMNS)


def _relations(evidence: pd.DataFrame, shards: str, base: str, build: dict[str, Any] | None,
               partition_info: dict[str, Any] | None = None) -> pd.DataFrame:
    """Write the relations of one partition (its rows shuffled by relation) as a shard."""
    import pandas as pd

    number = partition_info["number"] if partition_info else 0
    edges: list[tuple[str, str, str, dict[str, Any]]] = []
    # in the order build_graph gathers evidence: by article, then by place in the article
    rows = sorted(evidence[["subject", "predicate", "object", "source", "article", "order",
                            "data"]].itertuples(index=False, name=None))
    for (subject, predicate, obj), found in groupby(rows, key=itemgetter(0, 1, 2)):
        dates: dict[str, Any] = {}
        direct: list[dict[str, Any]] = []
        stated: dict[str, list[dict[str, Any]]] = {}
        for _, _, _, source, article, _, text in found:
            data = json.loads(text)
            dates[article] = data["date"]
            (stated.setdefault(source, []) if source else direct).append(data["item"])
        for source in sorted(stated):  # as build_graph adds them: policy by policy
            add_evidence(direct, stated[source])
        key = edge_type(predicate)
        edges.append((subject, obj, key,
                      {"type": key, **relation_attrs(predicate, direct, dates.__getitem__)}))
    triples = graph_rows([], edges, base=base, build=build, activity=False)
    _write_shard(triples, Path(shards) / _shard_name("relations", number))
    return pd.DataFrame({"shard": [number], "relations": [len(edges)]})


def _entities(nodes: list[tuple[str, dict[str, Any]]], number: int, shards: str, base: str,
              build: dict[str, Any] | None) -> int:
    """Write entity nodes as a shard; the first also holds the build's activity."""
    rows = graph_rows(nodes, [], base=base, build=build, activity=number == 0)
    _write_shard(rows, Path(shards) / _shard_name("entities", number))
    return len(nodes)


def require_dataframes() -> None:
    """Refuse in one line when Dask DataFrame or pyarrow is missing."""
    from newsgraph.ingest.distributed import INSTALL_HINT

    try:
        import dask.dataframe  # noqa: F401
        import distributed  # noqa: F401
        import pyarrow  # noqa: F401
    except ImportError as error:
        command = "newsgraph assemble"
        raise NewsgraphError(command, INSTALL_HINT) from error


@contextmanager
def cluster_client(dask: str | Client | None, workers: int) -> Iterator[Client]:
    """A client of the Dask cluster at ``dask`` (an address, or a client, used as it is), or
    of a local one of ``workers`` processes; closed at the end when made here."""
    from newsgraph.ingest.distributed import connect

    if dask is not None and not isinstance(dask, str):
        yield dask
        return
    if dask is not None:
        require_dataframes()
        client = connect(dask)
        try:
            yield client
        finally:
            client.close()
        return
    require_dataframes()
    import logging

    import distributed

    # the scheduler runs here: its note on each shuffle started and ended is no problem
    logging.getLogger("distributed.shuffle").setLevel(logging.ERROR)
    # its web server on a free port of loopback: a fixed one (or none asked, 8787) is taken
    # when another cluster runs on the machine
    with distributed.LocalCluster(n_workers=max(1, workers), threads_per_worker=1,
                                  dashboard_address="127.0.0.1:0") as cluster, \
            distributed.Client(cluster) as local:
        yield local


def assemble(
    records: Path, shards: Path, client: Client, *, aliases: Aliases | None = None,
    links: Links | None = None, base: str = DEFAULT_BASE, build: dict[str, Any] | None = None,
    on_refused: Callable[[str], None] | None = None,
) -> Assembly:
    """Resolve and assemble the graph of the records folder ``records`` on the Dask cluster of
    ``client``, writing it as N-Triples shards into the folder ``shards`` (replaced whole).

    ``aliases``, ``links``, ``base`` and ``on_refused`` are those of
    :func:`~newsgraph.graph.build.build_graph`; ``build`` what made the graph (``build.json``),
    stated as its ``prov:Activity`` as a build states it. The union of the shards' triples is
    the ``graph.ttl`` a build of the same extractions writes.
    """
    import dask
    import dask.dataframe as dd
    import pandas as pd
    from dask.delayed import delayed

    parts = partitions(records)
    with staged_folder(shards) as staging:
        with dask.config.set({"dataframe.convert-string": False}):
            seen, wanted = _seen(records, parts, client)
            groups, merges = resolve_seen(seen, aliases=aliases, on_refused=on_refused)
            index, nodes = entity_nodes(groups, base=base, links=links)
            attrs = dict(nodes)
            table = _frame(((family, key, iri, attrs[iri]["type"], attrs[iri].get("kind"))
                            for (family, key), iri in index.items()),
                           ["family", "key", "iri", "type", "kind"])
            count = max(1, len(parts))
            joined = wanted.merge(dd.from_pandas(table, npartitions=count),
                                  on=["family", "key"], how="left")
            meta = _frame([], _EVIDENCE_COLUMNS)
            evidence = joined.shuffle(on="part", npartitions=count).map_partitions(
                _articles, str(records), str(staging), base, build, meta=meta)
            evidence = client.persist(evidence)

            policies = evidence[(evidence["row"] == "evidence") & evidence["predicate"].isin(
                [Predicate.IMPOSES.value, Predicate.TARGETS.value])]
            policies = policies.assign(policy=policies["subject"].where(
                policies["predicate"] == Predicate.TARGETS.value, policies["object"]))
            stated = policies.shuffle(on="policy", npartitions=count).map_partitions(
                _sanctions, meta=meta)
            relations = dd.concat([evidence[evidence["row"] == "evidence"], stated])
            written = relations.shuffle(on=["subject", "predicate", "object"],
                                        npartitions=count).map_partitions(
                _relations, str(staging), base, build,
                meta=pd.DataFrame({"shard": pd.Series(dtype=int),
                                   "relations": pd.Series(dtype=int)}))
            mentions = evidence[evidence["row"] == "mention"]
            counts = evidence[evidence["row"] == "count"]
            refused = evidence[evidence["row"] == "refusal"]
            _, mentioned, counted, refusals = client.compute(
                [written, mentions, counts, refused], sync=True)

        reported: dict[str, list[str]] = defaultdict(list)
        for node, data in mentioned[["subject", "data"]].itertuples(index=False, name=None):
            if (date := json.loads(data)):
                reported[node].append(date)
        for node, dates in reported.items():
            attrs[node]["first_seen"], attrs[node]["last_seen"] = min(dates), max(dates)
        for node, data in counted[["subject", "data"]].itertuples(index=False, name=None):
            attrs[node]["mention_count"] = attrs[node].get("mention_count", 0) + json.loads(data)
        written_nodes = [delayed(_entities)(
            nodes[start:start + _NODES_PER_SHARD], number, str(staging), base, build)
            for number, start in enumerate(range(0, max(len(nodes), 1), _NODES_PER_SHARD))]
        client.compute(written_nodes, sync=True)
    messages = sorted(json.loads(data) for data in refusals["data"])
    return Assembly(shards=tuple(sorted(shards.glob("*.nt"))), merges=tuple(merges),
                    refusals=tuple(messages), nodes=len(nodes))


def shard_rows(shards: Path) -> set[str]:
    """The lines of every shard in a shards folder, as a set (their union).

    >>> shard_rows(Path("no/such/folder"))
    set()
    """
    lines: set[str] = set()
    for path in sorted(shards.glob("*.nt")):
        lines.update(path.read_text(encoding="utf-8").splitlines())
    return lines
