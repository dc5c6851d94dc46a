"""The graph of Parquet records resolved and assembled on a Dask cluster: the union of its
shards is the graph.ttl of one local build of the same documents."""

import json

import pyoxigraph as ox
import pytest

from benchmarks.records import extraction
from newsgraph import assemble, build
from newsgraph.cli import main
from newsgraph.errors import NewsgraphError
from newsgraph.graph.partitioned import shard_rows
from newsgraph.graph.records import partitions, read_partition, write_records
from newsgraph.ingest.documents import Article, Entity, Evidence, Extraction, Relation
from newsgraph.outputs import is_seen, load_cache
from tests.graph.conftest import handbuilt_extractions

distributed = pytest.importorskip("distributed", reason="dask is an optional extra")
pytest.importorskip("dask.dataframe", reason="dask is an optional extra")
pytest.importorskip("pyarrow", reason="pyarrow is in the dask extra")


def _credited() -> list[Extraction]:
    """Articles whose byline and publisher name entities (schema:author, schema:publisher),
    and a relation the ontology refuses."""
    article = Article(id="credited", text="...", source="c.txt", date="2024-03-01",
                      authors=("By Li Na and Wu Bo",), publisher="Markets - Wire Corp")
    return [Extraction(article, (
        Entity("Li Na", "Person"), Entity("Wu Bo", "Person"),
        Entity("Wire Corp", "Organisation", votes=(("Organisation", 20.0),)),
        Entity("Japan", "Country")), (
        Relation("Li Na", "worksFor", "Wire Corp", Evidence("Li Na of Wire Corp.", 0, 18, "r")),
        Relation("Japan", "chairs", "Wire Corp", Evidence("Japan chairs.", 20, 33, "r")),
    ))]


@pytest.fixture
def documents(monkeypatch):
    """``build(["docs:A-B"])`` builds generated documents A to B-1, the hand-written ones
    with them."""
    extra = {x.article.id: x for x in handbuilt_extractions() + _credited()}

    def new_articles(sources, keys, report, folder, **options):
        start, stop = (int(n) for n in sources[0].split(":")[1].split("-"))
        articles = [extraction(n).article for n in range(start, stop)]
        articles += [x.article for x in extra.values()]
        fresh = [a for a in articles if not is_seen(a, keys)]
        return fresh, len(articles) - len(fresh), 0

    monkeypatch.setattr("newsgraph.workflow._new_articles", new_articles)
    monkeypatch.setattr("newsgraph.workflow._read_with_nlp", lambda articles, report, **o: [
        extra.get(a.id) or extraction(int(a.id.split(":")[1])) for a in articles])


def _canonical(paths, fmt):
    """The triples of some files as canonical N-Triples lines (one store loads them all)."""
    store = ox.Store()
    for path in paths:
        store.bulk_load(path=str(path), format=fmt)
    return set(store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
               .splitlines())


def test_shards_on_a_cluster_are_the_local_build(tmp_path, documents):
    aliases = tmp_path / "aliases.json"
    aliases.write_text(json.dumps({"aliases": {"Wire Corp": ["Wire"]},
                                   "distinct": [["Li Na", "Wu Bo"]]}))
    links = tmp_path / "links.csv"
    links.write_text("Wire Corp,https://example.org/wire\nLi Na,https://example.org/li\n"
                     "Wu Bo,https://example.org/li\n")
    out = tmp_path / "out"
    report = build(["docs:0-240"], out, exports=["json"], parquet=True, aliases=aliases,
                   links=links)
    cached = load_cache(out).extractions
    assert partitions(out / "records") == [0]
    assert sorted(read_partition(out / "records", 0), key=lambda x: x.article.id) == cached
    # finer partitions than a build writes, so that every stage has several
    assert write_records(cached, out / "records", size=60) == 5

    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  dashboard_address="127.0.0.1:0") as cluster, \
            distributed.Client(cluster) as client:
        made = assemble(out, dask=client)  # the aliases and links the build kept

    names = [p.name for p in made.shards]
    assert names == sorted(names) and len(names) == 11  # 5 of articles and relations, 1
    assert {n.split("-")[0] for n in names} == {"articles", "entities", "relations"}
    wanted = _canonical([out / "graph.ttl"], ox.RdfFormat.TURTLE)
    assert _canonical(made.shards, ox.RdfFormat.N_TRIPLES) == wanted
    assert len(shard_rows(out / "shards")) == len(wanted)
    assert [m.to_dict() for m in made.merges] == [
        json.loads(line) for line in (out / "merges.jsonl").read_text().splitlines()]
    assert made.refusals == report.refusals
    assert ("c.txt: Japan chairs Wire Corp: chairs goes from Person to Organisation, not from "
            "Country to Organisation") in made.refusals
    # what the credits and the policies add is there
    turtle = (out / "graph.ttl").read_text()
    assert "schema:author person:Li_Na" in turtle and "ng:firstSeen" in turtle
    assert "<https://example.org/wire>" in turtle and "<https://example.org/li>" not in turtle


def test_a_build_without_parquet_removes_the_records(tmp_path, documents):
    build(["docs:0-5"], tmp_path, exports=["json"], parquet=True)
    assert (tmp_path / "records").is_dir()
    build(["docs:0-5"], tmp_path, exports=["json"])
    assert not (tmp_path / "records").exists()


def test_a_folder_without_records_is_one_line(tmp_path, capsys):
    assert main(["assemble", str(tmp_path), "--dask", "tcp://127.0.0.1:1"]) == 1
    err = capsys.readouterr().err
    assert err == f"newsgraph: {tmp_path / 'records'}: no extraction records here (expected " \
        "articles/, entities/ and relations/ with the same part-NNNNN.parquet files; " \
        "newsgraph build --parquet writes them)\n"
    with pytest.raises(NewsgraphError, match="no extraction records"):
        assemble(tmp_path)


def test_the_command_runs_a_local_cluster_of_processes(tmp_path, documents, capsys):
    assert main(["build", "docs:0-30", "--out", str(tmp_path), "--exports", "json",
                 "--parquet"]) == 0
    assert main(["assemble", str(tmp_path), "--workers", "2"]) == 0
    out = capsys.readouterr().out.splitlines()[-1]
    assert out.startswith(f"wrote {tmp_path / 'shards'} (3 N-Triples shards, ")
    # the shards load into Oxigraph as they are, the graph.ttl of the build
    shards = sorted((tmp_path / "shards").glob("*.nt"))
    wanted = _canonical([tmp_path / "graph.ttl"], ox.RdfFormat.TURTLE)
    assert _canonical(shards, ox.RdfFormat.N_TRIPLES) == wanted
