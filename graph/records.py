"""The extraction records as partitioned Parquet: what ``documents.jsonl`` holds, as tables.

A build's extractions (:class:`~newsgraph.ingest.documents.Extraction`) are three flat tables,
one row per article, per entity and per relation, that Dask, Spark, DuckDB or pandas read
column by column. A records folder holds each table cut into the same partitions, one file per
partition and table, partition *n* holding the *n*-th run of articles taken by article IRI::

    records/articles/part-00000.parquet    id, text, source, title, date, publisher, authors,
                                           link, problem
    records/entities/part-00000.parquet    article, number, name, type, aliases, kind,
                                           mentions, votes (a list of {type, weight})
    records/relations/part-00000.parquet   article, number, subject, predicate, object,
                                           sentence, start, end, rule, percent, market,
                                           confidence, title (whether the sentence is the
                                           article's title)

``article`` is the article's ``id``; ``number`` the place of the entity or relation in its
extraction. Reading a partition back gives the same extractions, equal field for field.
pyarrow is part of the ``dask`` extra: ``pip install 'newsgraph[dask]'``.

Examples
--------
>>> from newsgraph.ingest.documents import Article, Entity
>>> x = Extraction(Article(id="a", text="Intel rose.", source="a.txt"),
...                (Entity("Intel", "Organisation", votes=(("Organisation", 1.0),)),))
>>> tables = record_tables([x])
>>> tables["entities"].column("name").to_pylist()
['Intel']
>>> extractions_of(tables) == [x]
True
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from newsgraph.errors import NewsgraphError
from newsgraph.graph.iris import DEFAULT_BASE
from newsgraph.ingest.documents import Article, Entity, Evidence, Extraction, Relation

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = [
    "PARTITION_SIZE",
    "RECORDS_NAME",
    "TABLES",
    "extractions_of",
    "partitions",
    "read_partition",
    "record_tables",
    "staged_folder",
    "write_records",
]

#: The records folder's name inside a graph folder (``newsgraph build --parquet``).
RECORDS_NAME = "records"
#: The tables of a records folder, each a folder of one file per partition.
TABLES = ("articles", "entities", "relations")
#: Articles in one partition, by default: a partition is one task's work on a cluster.
PARTITION_SIZE = 10_000

#: What to do when pyarrow is missing.
INSTALL_HINT = "pyarrow is not installed; install it with: pip install 'newsgraph[dask]'"


def _pyarrow() -> Any:
    try:
        import pyarrow
    except ImportError as error:
        option = "--parquet"
        raise NewsgraphError(option, INSTALL_HINT) from error
    return pyarrow


def _schemas() -> dict[str, pa.Schema]:
    pa = _pyarrow()
    text, number, real = pa.string(), pa.int64(), pa.float64()
    return {
        "articles": pa.schema([
            ("id", text), ("text", text), ("source", text), ("title", text), ("date", text),
            ("publisher", text), ("authors", pa.list_(text)), ("link", text),
            ("problem", text)]),
        "entities": pa.schema([
            ("article", text), ("number", number), ("name", text), ("type", text),
            ("aliases", pa.list_(text)), ("kind", text), ("mentions", number),
            ("votes", pa.list_(pa.struct([("type", text), ("weight", real)])))]),
        "relations": pa.schema([
            ("article", text), ("number", number), ("subject", text), ("predicate", text),
            ("object", text), ("sentence", text), ("start", number), ("end", number),
            ("rule", text), ("percent", real), ("market", text), ("confidence", real),
            ("title", pa.bool_())]),
    }


def record_tables(extractions: Iterable[Extraction]) -> dict[str, pa.Table]:
    """The three tables of ``extractions``, in the order given."""
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    for extraction in extractions:
        article = extraction.article
        rows["articles"].append({**article.to_dict(), "authors": list(article.authors),
                                 "problem": extraction.problem})
        for number, entity in enumerate(extraction.entities):
            rows["entities"].append({
                "article": article.id, "number": number, "name": entity.name,
                "type": entity.type, "aliases": list(entity.aliases), "kind": entity.kind,
                "mentions": entity.mentions,
                "votes": [{"type": t, "weight": w} for t, w in entity.votes]})
        for number, relation in enumerate(extraction.relations):
            e = relation.evidence
            rows["relations"].append({
                "article": article.id, "number": number, "subject": relation.subject,
                "predicate": relation.predicate, "object": relation.object,
                "sentence": e.sentence, "start": e.start, "end": e.end, "rule": e.rule,
                "percent": e.percent, "market": e.market, "confidence": e.confidence,
                "title": e.title})
    pa = _pyarrow()
    schemas = _schemas()
    return {name: pa.Table.from_pylist(rows[name], schema=schemas[name]) for name in TABLES}


def extractions_of(tables: dict[str, pa.Table]) -> list[Extraction]:
    """The extractions of three tables (as :func:`record_tables` makes them), in the order of
    the articles table."""
    entities: dict[str, list[Entity]] = defaultdict(list)
    for row in sorted(tables["entities"].to_pylist(), key=lambda r: (r["article"], r["number"])):
        entities[row["article"]].append(Entity(
            name=row["name"], type=row["type"], aliases=tuple(row["aliases"]),
            kind=row["kind"], mentions=row["mentions"],
            votes=tuple((v["type"], float(v["weight"])) for v in row["votes"])))
    relations: dict[str, list[Relation]] = defaultdict(list)
    for row in sorted(tables["relations"].to_pylist(),
                      key=lambda r: (r["article"], r["number"])):
        evidence = Evidence(sentence=row["sentence"], start=row["start"], end=row["end"],
                            rule=row["rule"], percent=row["percent"], market=row["market"],
                            confidence=row["confidence"], title=bool(row.get("title")))
        relations[row["article"]].append(
            Relation(row["subject"], row["predicate"], row["object"], evidence))
    found = []
    for row in tables["articles"].to_pylist():
        problem = row.pop("problem")
        article = Article.from_dict(row)
        found.append(Extraction(article, tuple(entities[article.id]),
                                tuple(relations[article.id]), problem=problem))
    return found


def _part_name(number: int) -> str:
    return f"part-{number:05d}.parquet"


def _write_table(table: pa.Table, stream: IO[bytes]) -> None:
    import pyarrow.parquet as pq

    pq.write_table(table, stream, compression="zstd")


def write_records(
    extractions: Iterable[Extraction], folder: Path, *, size: int = PARTITION_SIZE,
    base: str = DEFAULT_BASE,
) -> int:
    """Write ``extractions`` as a records folder, ``size`` articles a partition, taken in the
    order of their article IRIs under ``base``; returns the number of partitions.

    The folder is written beside its place and renamed into it, replacing what was there: a
    failed write leaves the previous records whole.
    """
    from newsgraph.graph.build import article_iri

    if size < 1:
        message = f"a partition holds at least one article (got {size})"
        raise ValueError(message)
    ordered = sorted(extractions, key=lambda x: article_iri(x.article, base=base))
    with staged_folder(folder) as staging:
        for name in TABLES:
            (staging / name).mkdir()
        count = 0
        for start in range(0, max(len(ordered), 1), size):
            tables = record_tables(ordered[start:start + size])
            for name in TABLES:
                with (staging / name / _part_name(count)).open("wb") as stream:
                    _write_table(tables[name], stream)
            count += 1
    return count


@contextmanager
def staged_folder(folder: Path) -> Iterator[Path]:
    """A folder to write in beside ``folder``, renamed into its place when the block ends
    (replacing what was there), removed if the block fails: a failed write leaves the
    previous folder whole.

    >>> import tempfile
    >>> target = Path(tempfile.mkdtemp()) / "shards"
    >>> with staged_folder(target) as staging:
    ...     _ = (staging / "a.nt").write_text("")
    >>> [p.name for p in target.iterdir()]
    ['a.nt']
    """
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", dir=folder.parent))
    try:
        yield staging
        old = folder.with_name(f".{folder.name}.old")
        shutil.rmtree(old, ignore_errors=True)
        if folder.exists():
            os.replace(folder, old)
        os.replace(staging, folder)
        shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def partitions(folder: Path) -> list[int]:
    """The partition numbers of a records folder, or a :class:`NewsgraphError` naming it
    when it is none."""
    found = [sorted(p.name for p in (folder / name).glob("part-*.parquet")) if
             (folder / name).is_dir() else [] for name in TABLES]
    if not found[0] or any(names != found[0] for names in found):
        message = ("no extraction records here (expected articles/, entities/ and relations/ "
                   "with the same part-NNNNN.parquet files; newsgraph build --parquet writes them)")
        raise NewsgraphError(str(folder), message)
    return [int(name[len("part-"):-len(".parquet")]) for name in found[0]]


def read_partition(folder: Path, number: int) -> list[Extraction]:
    """The extractions of partition ``number`` of a records folder."""
    import pyarrow.parquet as pq

    tables = {name: pq.read_table(folder / name / _part_name(number)) for name in TABLES}
    return extractions_of(tables)
