"""Tests of newsgraph.workflow: the build as a library function, and build_or_load."""

import json
import os
from pathlib import Path

import pytest

from newsgraph import BuildReport, NewsgraphError, build, build_or_load, load_graph
from newsgraph.ingest.models import DEFAULT_MODEL
from newsgraph.workflow import seeds_folder


@pytest.fixture
def folder(tmp_path):
    """A folder holding a small built graph (graph.json only)."""
    import networkx as nx

    from newsgraph.graph import write_json

    G = nx.MultiDiGraph()
    G.add_node("id/japan", type="Country", label="Japan", aliases=[], articles=[])
    with open(tmp_path / "graph.json", "wb") as stream:
        write_json(G, stream)
    return tmp_path


def test_build_or_load_reads_a_built_folder_without_building(folder, monkeypatch):
    monkeypatch.setattr("newsgraph.workflow.build", lambda *a, **k: pytest.fail("built again"))
    assert sorted(build_or_load(out=folder)) == sorted(load_graph(folder))


def test_build_or_load_reports_nothing_usable(tmp_path, capsys):
    (tmp_path / "empty.txt").write_text("")
    with pytest.raises(NewsgraphError) as caught:
        build_or_load([str(tmp_path / "empty.txt")], out=tmp_path / "out")
    assert caught.value.source == str(tmp_path / "empty.txt")
    assert caught.value.message == "nothing usable was read"
    assert capsys.readouterr().err.startswith(f"{tmp_path / 'empty.txt'}: is empty")
    assert not (tmp_path / "out" / "graph.json").exists()


def titles(G):
    return sorted(d["title"] for _, d in G.nodes(data=True) if d["type"] == "Article")


@pytest.mark.slow
def test_build_or_load_builds_then_adds_then_loads(tmp_path):
    (tmp_path / "a.txt").write_text("Chips\n\nIntel and Samsung met in Seoul on Monday.\n")
    (tmp_path / "b.txt").write_text("Trade\n\nJapan and China held trade talks.\n")
    out = tmp_path / "out"
    assert titles(build_or_load([str(tmp_path / "a.txt")], out=out)) == ["Chips"]
    assert titles(build_or_load([str(tmp_path / "b.txt")], out=out)) == ["Chips", "Trade"]
    assert titles(build_or_load(out=out)) == ["Chips", "Trade"]
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".graph.oxigraph.")) == [
        "build.json", "builds.json", "documents.jsonl", "graph.graphml", "graph.html",
        "graph.json", "graph.jsonld", "graph.oxigraph", "graph.ttl", "merges.jsonl",
        "ontology.ttl"]
    # the second build read b.txt first: the viewer's "what's new" is what only it supports
    builds = json.loads((out / "builds.json").read_text())
    assert builds["latest"] == 2
    assert sorted(builds["first_read"].values()) == [1, 2]
    page = (out / "graph.html").read_text()
    data = json.loads(page.split('id="newsgraph-data" type="application/json">')[1]
                      .split("</script>")[0])
    new = sorted(n["label"] for n in data["nodes"] if n["new"])
    assert new == ["China", "Japan", "Trade"]


@pytest.mark.slow
def test_build_or_load_without_out_leaves_no_folder(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("Chips\n\nIntel and Samsung met in Seoul on Monday.\n")
    (tmp_path / "tmp").mkdir()
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path / "tmp"))
    assert titles(build_or_load([str(tmp_path / "a.txt")])) == ["Chips"]
    assert list((tmp_path / "tmp").iterdir()) == []


def test_the_seeds_ship_with_the_package():
    assert sorted(p.name for p in seeds_folder().iterdir()) == [
        "000_5b8763289bf46c03.txt", "001_ddc456ae5f42c23f.txt", "002_fdfc4561625d5a50.txt",
        "003_3e87bf4d829148b1.txt", "004_e24a89257b67926a.txt"]


def test_nothing_usable_names_the_sources_and_writes_nothing(tmp_path):
    found = []
    with pytest.raises(NewsgraphError) as caught:
        build([tmp_path / "missing.txt"], tmp_path / "out", on_problem=found.append)
    assert caught.value.line() == f"{tmp_path / 'missing.txt'}: nothing usable was read"
    assert [p.line() for p in found] == [
        f"{tmp_path / 'missing.txt'}: does not exist "
        "(expected a file, a folder or an http(s) URL)"]
    assert list((tmp_path / "out").iterdir()) == []


@pytest.mark.slow
def test_build_reports_what_it_did_and_records_the_model(tmp_path):
    (tmp_path / "a.txt").write_text("Chips\n\nIntel and Samsung met in Seoul on Monday.\n")
    report = build([tmp_path / "a.txt", tmp_path / "missing.txt"], tmp_path / "out")
    assert isinstance(report, BuildReport)
    assert (report.read, report.skipped, len(report.problems)) == (1, 0, 1)
    assert report.html == tmp_path / "out" / "graph.html"
    again = build([tmp_path / "a.txt"], tmp_path / "out")
    assert (again.read, again.skipped) == (0, 1)
    provenance = json.loads((tmp_path / "out" / "build.json").read_text())
    assert provenance["model"]["package"] == DEFAULT_MODEL
    assert provenance["model"]["version"] == "3.8.0"
    assert len(provenance["model"]["sha256"]) == 64


@pytest.mark.slow
def test_the_seeds_are_named_alike_wherever_the_package_lies(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    build(out=tmp_path / "out")
    sources = {a.source for a in _articles(tmp_path / "out")}
    assert "seeds/000_5b8763289bf46c03.txt" in sources
    assert not any(str(seeds_folder()) in s for s in sources)


def _articles(out):
    from newsgraph.outputs import CACHE_NAME, read_extractions

    with open(out / CACHE_NAME, "rb") as stream:
        return [x.article for x in read_extractions(stream)]


def test_a_second_build_into_a_held_folder_is_refused(tmp_path):
    import fcntl

    (tmp_path / "a.txt").write_text("Chips\n\nIntel rose.\n")
    out = tmp_path / "out"
    out.mkdir()
    handle = os.open(out, os.O_RDONLY)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX)
        with pytest.raises(NewsgraphError) as caught:
            build([tmp_path / "a.txt"], out)
    finally:
        os.close(handle)
    assert caught.value.line() == (
        f"{out}: another build is writing to this folder; run again when it has finished")
    assert not (out / "graph.ttl").exists()


@pytest.mark.slow
def test_a_text_longer_than_a_document_is_cut_and_said(tmp_path, monkeypatch):
    monkeypatch.setattr("newsgraph.ingest.models.MAX_CHARACTERS", 60)
    (tmp_path / "long.txt").write_text("Chips\n\nIntel Corp. rose.\nSamsung Electronics fell.\n"
                                       "Toyota Motor Corp. rose again and again.\n")
    found = []
    report = build([tmp_path / "long.txt"], tmp_path / "out", on_problem=found.append)
    assert [p.line() for p in found] == [
        f"{tmp_path / 'long.txt'}: is 84 characters long; read the first 43, "
        "the most one document may hold"]
    assert report.read == 1
    assert (tmp_path / "out" / "build.json").is_file()


def test_an_output_folder_that_is_a_file_is_one_clear_error(tmp_path):
    (tmp_path / "a.txt").write_text("Chips\n\nIntel rose.\n")
    (tmp_path / "taken").write_text("not a folder")
    with pytest.raises(NewsgraphError) as caught:
        build([tmp_path / "a.txt"], tmp_path / "taken")
    assert caught.value.source == str(tmp_path / "taken")
    assert caught.value.message.startswith("cannot be used as the output folder (")


def test_negative_workers_are_refused(tmp_path):
    with pytest.raises(NewsgraphError) as caught:
        build(None, tmp_path, workers=-1)
    assert caught.value.message == "workers must be 0 (one per CPU) or more (got -1)"


def test_one_source_may_be_given_alone(tmp_path):
    with pytest.raises(NewsgraphError) as caught:
        build(str(tmp_path / "missing.txt"), tmp_path / "out")
    assert caught.value.line() == f"{tmp_path / 'missing.txt'}: nothing usable was read"


def test_an_empty_list_of_sources_is_not_the_seeds(tmp_path):
    with pytest.raises(NewsgraphError) as caught:
        build([], tmp_path / "out")
    assert caught.value.message == "no sources given (give None for the bundled seeds)"


@pytest.mark.slow
def test_a_folder_holding_its_own_output_folder_does_not_read_it_back(tmp_path):
    (tmp_path / "a.txt").write_text("Chips\n\nIntel Corp. rose.\n")
    first = build([tmp_path], tmp_path / "out")
    again = build([tmp_path], tmp_path / "out")
    assert (first.read, again.read, again.skipped) == (1, 0, 1)


def test_a_store_that_cannot_be_written_is_reported_and_graph_ttl_stands(tmp_path, monkeypatch):
    import os

    from newsgraph.graph.store import STORE_NAME, has_store, open_graph

    (tmp_path / "a.txt").write_text("Chips\n\nIntel and Samsung met in Seoul on Monday.\n")
    (tmp_path / "b.txt").write_text("Trade\n\nJapan and China held trade talks.\n")
    out = tmp_path / "out"
    build([tmp_path / "a.txt"], out)
    assert has_store(out)

    def no_links(*args, **kwargs):
        raise OSError(1, "Operation not permitted")

    monkeypatch.setattr(os, "symlink", no_links)
    found = []
    report = build([tmp_path / "b.txt"], out, on_problem=found.append)
    assert report.read == 1
    assert [p.line() for p in found] == [
        f"{out / STORE_NAME}: cannot be updated ([Errno 1] Operation not permitted); "
        "queries read graph.ttl instead"]
    assert not has_store(out)
    assert open_graph(out)[1].name == "graph.ttl"


def test_the_summary_says_which_relations_were_refused_and_why_when_asked():
    report = BuildReport(out=Path("out"), read=1, skipped=0, refused=1, refusals=(
        "a.txt: China chairs Acme: chairs goes from Person to Organisation, not from Country "
        "to Organisation",))
    assert report.summary().splitlines()[-1] == (
        "relations refused by the ontology: 1 (-v says which and why)")
    assert report.summary(verbose=True).splitlines()[-2:] == [
        "relations refused by the ontology: 1",
        "  refused: a.txt: China chairs Acme: chairs goes from Person to Organisation, not from "
        "Country to Organisation",
    ]
