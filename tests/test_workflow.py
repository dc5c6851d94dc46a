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


@pytest.mark.parametrize("kept", ["graph.ttl", "documents.jsonl"])
def test_build_or_load_refuses_a_graph_built_without_graph_json(tmp_path, monkeypatch, kept):
    # a folder built with --exports html holds no graph.json: the seeds are not added to it
    (tmp_path / kept).write_text("")
    monkeypatch.setattr("newsgraph.workflow.build", lambda *a, **k: pytest.fail("built"))
    with pytest.raises(NewsgraphError) as caught:
        build_or_load(out=tmp_path)
    assert caught.value.source == str(tmp_path)
    assert caught.value.message == (
        "holds a graph built without graph.json; write it with `newsgraph build SOURCES "
        f"--out {tmp_path} --exports json,html`, or give sources to add")
    assert sorted(p.name for p in tmp_path.iterdir()) == [kept]


def test_build_or_load_reports_nothing_usable(tmp_path, capsys):
    (tmp_path / "empty.txt").write_text("")
    with pytest.raises(NewsgraphError) as caught:
        build_or_load([str(tmp_path / "empty.txt")], out=tmp_path / "out")
    assert caught.value.source == str(tmp_path / "empty.txt")
    assert caught.value.message == "nothing usable was read"
    assert capsys.readouterr().err.startswith(f"{tmp_path / 'empty.txt'}: is empty")
    assert not (tmp_path / "out").exists()  # the folder it made for the build is gone
    (tmp_path / "kept").mkdir()
    with pytest.raises(NewsgraphError):
        build([str(tmp_path / "empty.txt")], tmp_path / "kept")
    assert (tmp_path / "kept").is_dir()  # one that was there stays


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
        "names.sqlite", "ontology.ttl", "shapes.ttl"]
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
    assert not (tmp_path / "out").exists()  # nor the folder it made for the build
    with pytest.raises(NewsgraphError):
        build([tmp_path / "missing.txt"], tmp_path / "a" / "b" / "out")
    assert not (tmp_path / "a").exists()  # nor those it made above it


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


def test_a_file_is_named_from_the_folder_given_wherever_it_lies(tmp_path):
    text = "Chips\n\nIntel rose on Monday.\n"
    for home in ("one", "two/deeper"):
        (tmp_path / home / "news" / "wire").mkdir(parents=True)
        (tmp_path / home / "news" / "wire" / "a.txt").write_text(text)
        build(str((tmp_path / home / "news").resolve()), out=tmp_path / home / "out",
              exports=[])
    graphs = [(tmp_path / home / "out" / "graph.ttl").read_bytes()
              for home in ("one", "two/deeper")]
    assert graphs[0] == graphs[1]
    assert str(tmp_path).encode() not in graphs[0]
    assert b"dcterms:source id:source\\/news\\/wire\\/a.txt ;" in graphs[0]
    assert [a.source for a in _articles(tmp_path / "one" / "out")] == ["news/wire/a.txt"]


def test_a_file_given_alone_is_named_by_its_name(tmp_path):
    (tmp_path / "a.txt").write_text("Chips\n\nIntel rose on Monday.\n")
    build(str(tmp_path / "a.txt"), out=tmp_path / "out", exports=[])
    assert [a.source for a in _articles(tmp_path / "out")] == ["a.txt"]


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


def _two_files(tmp_path):
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.txt").write_text("Chips\n\nIntel Corp. rose 5% on Thursday.\n")
    (tmp_path / "news" / "b.txt").write_text("Tools\n\nASML Holding fell 2% on Friday.\n")
    return tmp_path / "news"


def _cached_ids(out):
    from newsgraph.outputs import CACHE_NAME, read_extractions

    with open(out / CACHE_NAME, "rb") as stream:
        return sorted(x.article.id for x in read_extractions(stream))


def test_bad_cache_lines_are_named_by_line_and_the_good_ones_kept(tmp_path):
    news = _two_files(tmp_path)
    out = tmp_path / "out"
    build([news], out)
    cache = out / "documents.jsonl"
    good = cache.read_bytes().splitlines()
    cache.write_bytes(b"\n".join([good[0], b'{"article": 3}', b"[1, 2", b"42", good[1]]) + b"\n")
    found = []
    report = build([news], out, on_problem=found.append)
    assert [p.line() for p in found] == [
        f"{cache}: line 2: not an extraction (article: expected an object, got 3); left out "
        "(its document is read again when its source is built)",
        f"{cache}: line 3: not JSON (Expecting ',' delimiter at column 6); left out (its "
        "document is read again when its source is built)",
        f"{cache}: line 4: not an extraction (the line: expected an object, got 42); left out "
        "(its document is read again when its source is built)",
    ]
    assert (report.read, report.skipped) == (0, 2)


def _built_with_first_entities(tmp_path, entities):
    """Two files built, the first cache line's entities then replaced by ``entities``."""
    news = _two_files(tmp_path)
    out = tmp_path / "out"
    build([news], out)
    cache = out / "documents.jsonl"
    lines = cache.read_bytes().splitlines()
    data = json.loads(lines[0])
    data["entities"] = entities
    cache.write_bytes(json.dumps(data).encode() + b"\n" + lines[1] + b"\n")
    return news, out


def test_a_wrongly_typed_cache_field_is_named(tmp_path):
    news, out = _built_with_first_entities(tmp_path, [{"name": 5, "type": "Organisation"}])
    found = []
    report = build([news], out, on_problem=found.append)
    assert [p.message for p in found] == [
        "line 1: not an extraction (entities[0].name: expected a string, got 5); left out "
        "(its document is read again when its source is built)"]
    assert (report.read, report.skipped) == (1, 1)


def test_a_folder_in_place_of_the_cache_is_one_line_before_any_work(tmp_path, monkeypatch):
    news = _two_files(tmp_path)
    (tmp_path / "out" / "documents.jsonl").mkdir(parents=True)
    monkeypatch.setattr("newsgraph.workflow._new_articles",
                        lambda *a, **k: pytest.fail("read the sources"))
    with pytest.raises(NewsgraphError) as caught:
        build([news], tmp_path / "out")
    assert caught.value.line() == (
        f"{tmp_path / 'out' / 'documents.jsonl'}: is a folder where the output documents.jsonl "
        "goes; move it away")


@pytest.mark.parametrize("case", ["file", "under a file", "read-only"])
def test_an_unusable_output_folder_is_refused_before_any_work(tmp_path, monkeypatch, case):
    (tmp_path / "a.txt").write_text("Chips\n\nIntel rose.\n")
    (tmp_path / "taken").write_text("not a folder")
    out = {"file": tmp_path / "taken", "under a file": tmp_path / "taken" / "out",
           "read-only": tmp_path / "ro"}[case]
    if case == "read-only":
        out.mkdir()

        def refuse(*args, **kwargs):
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr("newsgraph.outputs.tempfile.mkstemp", refuse)
    monkeypatch.setattr("newsgraph.workflow._new_articles",
                        lambda *a, **k: pytest.fail("read the sources"))
    with pytest.raises(NewsgraphError) as caught:
        build([tmp_path / "a.txt"], out)
    assert caught.value.source == str(out)
    assert caught.value.message.startswith({
        "file": "cannot be used as the output folder (File exists)",
        "under a file": "cannot be used as the output folder (Not a directory)",
        "read-only": "cannot be written to (Permission denied); no output could be saved",
    }[case])


def test_a_removed_cache_makes_feeds_fetched_whole_again(tmp_path):
    from newsgraph.outputs import VALIDATORS_NAME, load_validators

    out = tmp_path / "out"
    out.mkdir()
    (out / VALIDATORS_NAME).write_text('{"http://feed.test/rss": {"etag": "\\"v1\\""}}')
    assert load_validators(out) != {}
    (tmp_path / "a.txt").write_text("Chips\n\nIntel Corp. rose 5% on Thursday.\n")
    build([tmp_path / "a.txt"], out)
    # no cache held the feed's articles: its validators are gone, the next fetch is whole
    assert load_validators(out) == {}


def test_a_link_out_of_a_source_folder_is_not_read(tmp_path):
    news = _two_files(tmp_path)
    secret = tmp_path / "secret.txt"
    secret.write_text("Secret\n\nThe password is swordfish.\n")
    (news / "c.txt").symlink_to(secret)
    (news / "inside.txt").symlink_to(news / "a.txt")
    found = []
    report = build([news], tmp_path / "out", on_problem=found.append)
    assert [p.line() for p in found] == [
        f"{news / 'c.txt'}: is a symbolic link to a file outside the folder ({secret}); not "
        "read (name the file itself as a SOURCE to read it)"]
    assert report.read == 2  # inside.txt is a.txt again
    assert b"swordfish" not in (tmp_path / "out" / "documents.jsonl").read_bytes()


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any folder")
def test_an_unreadable_subfolder_is_named(tmp_path):
    news = _two_files(tmp_path)
    (news / "locked").mkdir()
    (news / "locked" / "c.txt").write_text("Hidden\n\nText.\n")
    (news / "locked").chmod(0)
    try:
        found = []
        build([news], tmp_path / "out", on_problem=found.append)
    finally:
        (news / "locked").chmod(0o755)
    assert [p.line() for p in found] == [
        f"{news / 'locked'}: is a folder that cannot be read (Permission denied); its files "
        "were skipped"]


def test_a_bad_date_never_reaches_the_graph(tmp_path):
    (tmp_path / "a.txt").write_text("date 2024-02-30 Reuters\n\nChips\n\nIntel Corp. rose.\n")
    build([tmp_path / "a.txt"], tmp_path / "out")
    assert b"2024-02-30" not in (tmp_path / "out" / "graph.ttl").read_bytes()


def test_a_cache_entity_with_an_empty_name_is_named_and_left_out(tmp_path):
    news, out = _built_with_first_entities(tmp_path, [{"name": " ", "type": "Organisation"}])
    found = []
    report = build([news], out, on_problem=found.append)
    assert [p.message for p in found] == [
        "line 1: not an extraction (entities[0].name: empty); left out (its document is read "
        "again when its source is built)"]
    assert (report.read, report.skipped) == (1, 1)


def test_the_links_given_are_kept_for_the_next_builds_until_an_empty_file(tmp_path):
    news = _two_files(tmp_path)
    out = tmp_path / "out"
    links = tmp_path / "links.csv"
    links.write_text("Intel Corp,https://register.example/1\nNobody Inc,https://register.example/2\n")
    report = build([news], out, links=links)
    assert report.unmatched_links == ("Nobody Inc",)
    assert (out / "links.csv").read_text() == (
        "name,iri\nIntel Corp,https://register.example/1\nNobody Inc,https://register.example/2\n")
    (news / "c.txt").write_text("Memory\n\nMicron Technology rose 3% on Monday.\n")
    links.unlink()
    report = build([news], out)
    assert report.read == 1
    assert report.unmatched_links == ("Nobody Inc",)
    assert "owl:sameAs <https://register.example/1>" in (out / "graph.ttl").read_text()
    (tmp_path / "none.csv").write_text("")
    report = build([news], out, links=tmp_path / "none.csv")
    assert report.unmatched_links == ()
    assert "register.example" not in (out / "graph.ttl").read_text()
    assert (out / "links.csv").read_text() == "name,iri\n"


def test_the_aliases_given_are_kept_and_read_when_none_is_given(tmp_path):
    news = _two_files(tmp_path)
    out = tmp_path / "out"
    aliases = tmp_path / "aliases.csv"
    aliases.write_text("same,Intel Corp,Chipzilla\ndistinct,ASML Holding,ASML Holdings\n")
    build([news], out, aliases=aliases)
    assert json.loads((out / "aliases.json").read_text()) == {
        "aliases": {"Intel Corp": ["Chipzilla"]},
        "distinct": [["ASML Holding", "ASML Holdings"]]}
    (out / "aliases.json").write_text("[1]")  # the kept copy is what the next build reads
    with pytest.raises(NewsgraphError, match=r"aliases\.json: expected a JSON object"):
        build([news], out)


def test_an_alias_rule_not_applied_is_no_source_that_failed():
    from newsgraph.errors import AliasesError

    report = BuildReport(out=Path("out"), read=1, skipped=0,
                         problems=(AliasesError("a.csv", "distinct,A,A Inc: not applied"),))
    first = report.summary().splitlines()[0]
    assert first == "documents: 1 read, 0 already built, 0 sources failed"


def test_the_summary_counts_the_links_that_matched_nothing_and_names_them_when_asked():
    report = BuildReport(out=Path("out"), read=1, skipped=0,
                         unmatched_links=("Nobody Inc", "Zed Ltd"))
    assert report.summary().splitlines()[-1] == (
        "links: 2 names matched no entity (-v says which)")
    assert report.summary(verbose=True).splitlines()[-3:] == [
        "links: 2 names matched no entity", "  unmatched: Nobody Inc", "  unmatched: Zed Ltd"]


def test_a_file_name_that_is_no_utf8_is_read_and_named_by_its_bytes(tmp_path):
    news = tmp_path / "news"
    news.mkdir()
    (news / os.fsdecode(b"\xff.txt")).write_text("Chips\n\nIntel Corp. rose 5% on Monday.\n")
    (news / "%FF.txt").write_text("Memory\n\nMicron Technology fell 2% on Monday.\n")
    report = build([news], tmp_path / "out")
    assert report.read == 2
    turtle = (tmp_path / "out" / "graph.ttl").read_text()
    assert "dcterms:source id:source\\/news\\/\\%25FF.txt" in turtle
    assert "dcterms:source id:source\\/news\\/\\%2525FF.txt" in turtle


def test_a_folder_whose_graph_holds_an_unusable_base_is_one_clear_error(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "graph.ttl").write_text("@prefix id: <https://x.example/a b/> .\n")
    with pytest.raises(NewsgraphError, match="holds a base the build cannot mint under"):
        build([_two_files(tmp_path)], out)


@pytest.mark.parametrize("order", ["first-ends-first", "last-ends-first"])
@pytest.mark.parametrize("was_enabled", [True, False])
def test_overlapping_builds_put_the_collector_back_as_it_was(order, was_enabled):
    import gc
    from contextlib import ExitStack

    from newsgraph.workflow import _collector

    before = gc.isenabled()
    try:
        gc.enable() if was_enabled else gc.disable()
        first, second = ExitStack(), ExitStack()
        first.enter_context(_collector(enabled=False))  # two builds in two threads
        second.enter_context(_collector(enabled=False))
        with _collector(enabled=True):  # one of them reads with the NLP
            assert gc.isenabled() is was_enabled
            # what was made before is no collection's to walk, while the collector runs
            assert (gc.get_freeze_count() > 0) is was_enabled
        assert not gc.isenabled()
        assert gc.get_freeze_count() == 0
        (first if order == "first-ends-first" else second).close()
        assert not gc.isenabled()  # the other still runs
        (second if order == "first-ends-first" else first).close()
        assert gc.isenabled() is was_enabled
    finally:
        gc.enable() if before else gc.disable()


def test_objects_frozen_by_others_stay_frozen_after_a_build_s_nlp():
    import gc

    from newsgraph.workflow import _collector

    before = gc.isenabled()
    gc.freeze()
    frozen = gc.get_freeze_count()
    try:
        gc.enable()
        with _collector(enabled=False), _collector(enabled=True):
            assert gc.isenabled()
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()
        gc.enable() if before else gc.disable()


def test_documents_read_by_another_rule_set_are_read_again(tmp_path):
    sources = tmp_path / "news"
    sources.mkdir()
    (sources / "a.txt").write_text("Acme Corp agreed to buy Globex Inc for $2 billion on Monday.")
    out = tmp_path / "out"
    build([str(sources)], out)
    # what an older rule set read: no relation, and another rules hash recorded
    cache = out / "documents.jsonl"
    line = json.loads(cache.read_text(encoding="utf-8"))
    line["relations"] = []
    cache.write_text(json.dumps(line) + "\n", encoding="utf-8")
    recorded = json.loads((out / "build.json").read_text(encoding="utf-8"))
    current = recorded["rules"]["sha256"]
    recorded["rules"]["sha256"] = "0" * 64
    (out / "build.json").write_text(json.dumps(recorded), encoding="utf-8")
    report = build([str(sources)], out)
    assert (report.read, report.reread, report.skipped) == (1, 1, 0)
    assert report.relations == {"invests-in": 1}
    recorded = json.loads((out / "build.json").read_text(encoding="utf-8"))
    assert recorded["rules"]["sha256"] == current
    assert build([str(sources)], out).summary().splitlines()[0] == (
        "documents: 0 read, 1 already built, 0 sources failed")


def test_a_document_given_twice_in_one_build_is_read_once_and_said_to_be_given_twice(tmp_path):
    sources = tmp_path / "news"
    sources.mkdir()
    text = "Acme Corp agreed to buy Globex Inc for $2 billion on Monday."
    (sources / "a.txt").write_text(text)
    (sources / "b.txt").write_text(text)
    out = tmp_path / "out"
    report = build([str(sources)], out)
    assert (report.read, report.skipped, report.repeated) == (1, 0, 1)
    assert report.summary().splitlines()[0] == (
        "documents: 1 read, 0 already built, 1 given twice, 0 sources failed")
    again = build([str(sources)], out)
    assert (again.read, again.skipped, again.repeated) == (0, 2, 0)  # both built before


def test_the_rule_sets_digest_covers_patterns_data_and_the_readers_code(tmp_path):
    from newsgraph.workflow import _rules

    for folder in ("patterns", "data"):
        (tmp_path / folder).mkdir()
    (tmp_path / "patterns" / "a.jsonl").write_text("{}\n")
    (tmp_path / "data" / "b.json").write_text("{}")
    (tmp_path / "reader.py").write_text("x = 1\n")
    (tmp_path / "notes.txt").write_text("not read")
    before = _rules(tmp_path)["sha256"]
    (tmp_path / "notes.txt").write_text("changed")
    assert _rules(tmp_path)["sha256"] == before
    for changed in ("patterns/a.jsonl", "data/b.json", "reader.py"):
        (tmp_path / changed).write_text("[]")
        after = _rules(tmp_path)["sha256"]
        assert after != before
        before = after
