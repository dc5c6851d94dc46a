"""Extraction records as partitioned Parquet: written, read back, equal field for field."""

import pytest

from newsgraph.errors import NewsgraphError
from newsgraph.graph.build import article_iri
from newsgraph.graph.records import (
    TABLES,
    extractions_of,
    partitions,
    read_partition,
    record_tables,
    write_records,
)
from newsgraph.ingest.documents import Article, Entity, Evidence, Extraction, Relation
from tests.graph.conftest import handbuilt_extractions

pytest.importorskip("pyarrow", reason="pyarrow is in the dask extra")


def _odd_extractions() -> list[Extraction]:
    """What the tables must carry as it is: no entities, a failure, text in any script,
    votes, a classifier's confidence, authors."""
    byline = Article(id="b1", text="Li Na wrote.", source="b.txt", title="华为 \"rises\"",
                     date="2024-02-29", publisher="Wire", authors=("By Li Na", "Wu"),
                     link="https://news.example/b1")
    return [
        Extraction(Article(id="empty", text="", source="e.txt")),
        Extraction(Article(id="failed", text="x", source="f.txt"), problem="too long"),
        Extraction(byline, (
            Entity("Li Na", "Person", votes=(("Person", 2.25), ("Organisation", 0.25))),
            Entity("华为", "Organisation", aliases=("Huawei", "HW"), mentions=3)), (
            Relation("Li Na", "worksFor", "华为",
                     Evidence("Li Na of 华为.", 0, 12, "classifier", confidence=0.8125)),)),
    ]


def test_tables_give_back_the_same_extractions():
    extractions = handbuilt_extractions() + _odd_extractions()
    tables = record_tables(extractions)
    assert sorted(tables) == sorted(TABLES)
    assert tables["articles"].num_rows == 5
    assert extractions_of(tables) == extractions


def test_partitions_hold_runs_of_articles_by_iri(tmp_path):
    extractions = handbuilt_extractions() + _odd_extractions()
    assert write_records(extractions, tmp_path / "records", size=2) == 3
    assert partitions(tmp_path / "records") == [0, 1, 2]
    read = [x for n in range(3) for x in read_partition(tmp_path / "records", n)]
    assert read == sorted(extractions, key=lambda x: article_iri(x.article))
    # written again with fewer partitions: the folder is replaced whole
    assert write_records(extractions[:1], tmp_path / "records") == 1
    assert partitions(tmp_path / "records") == [0]
    assert [p.name for p in tmp_path.iterdir()] == ["records"]


def test_no_records_is_one_clear_error(tmp_path):
    with pytest.raises(NewsgraphError, match="no extraction records here"):
        partitions(tmp_path)
    write_records([], tmp_path / "records")
    (tmp_path / "records" / "relations" / "part-00000.parquet").unlink()
    with pytest.raises(NewsgraphError, match="no extraction records here"):
        partitions(tmp_path / "records")
