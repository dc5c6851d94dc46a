"""A graph that grows: builds of generated documents (the NLP replaced by generated records)
into one folder, one add after another, against one build of them all."""

import sqlite3

import pyoxigraph as ox
import pytest

import newsgraph.graph.store as store_module
from benchmarks.records import extraction
from newsgraph import build
from newsgraph.graph.store import SubjectDelta, open_store
from newsgraph.outputs import is_seen

COMPARED = ("graph.ttl", "graph.jsonld", "graph.graphml", "graph.json", "merges.jsonl",
            "documents.jsonl", "builds.json")


@pytest.fixture
def generated(monkeypatch):
    """``build(["generated:A-B"])`` builds generated documents A to B-1."""
    def new_articles(sources, keys, report, folder, **options):
        start, stop = (int(n) for n in sources[0].split(":")[1].split("-"))
        articles = [extraction(n).article for n in range(start, stop)]
        fresh = [a for a in articles if not is_seen(a, keys)]
        return fresh, len(articles) - len(fresh), 0

    monkeypatch.setattr("newsgraph.workflow._new_articles", new_articles)
    monkeypatch.setattr("newsgraph.workflow._read_with_nlp", lambda articles, report, **o: [
        extraction(int(a.id.split(":")[1])) for a in articles])
    updates = []
    original = store_module.update_store

    def update_store(folder, previous):
        updates.append(previous)
        return original(folder, previous)

    monkeypatch.setattr(store_module, "update_store", update_store)
    return updates


def _store_lines(folder):
    dump = open_store(folder).dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
    return sorted(dump.splitlines())


def _turtle_lines(folder):
    store = ox.Store()
    store.bulk_load(path=str(folder / "graph.ttl"), format=ox.RdfFormat.TURTLE)
    return sorted(store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
                  .splitlines())


def test_adds_equal_one_build_and_write_the_store_by_subject(tmp_path, generated):
    steps = tmp_path / "steps"
    for part in ("0-120", "120-121", "121-200"):
        build([f"generated:{part}"], steps, exports=["jsonld", "graphml", "json"])
    build(["generated:0-200"], tmp_path / "once", exports=["jsonld", "graphml", "json"])
    for name in COMPARED:
        if name == "builds.json":  # which build read each document differs, by design
            continue
        assert (steps / name).read_bytes() == (tmp_path / "once" / name).read_bytes(), name
    # the first build loads all; each add writes the changed subjects, no Turtle parsed
    assert generated[0] is None
    assert all(isinstance(update, SubjectDelta) for update in generated[1:3])
    assert 0 < len(generated[1].subjects) < 120
    assert _store_lines(steps) == _store_lines(tmp_path / "once") == _turtle_lines(steps)


def test_an_index_behind_the_store_makes_the_add_load_all(tmp_path, generated):
    out = tmp_path / "out"
    build(["generated:0-30"], out, exports=["json"])
    connection = sqlite3.connect(out / "names.sqlite")
    connection.execute("UPDATE meta SET value = 'other' WHERE name = 'turtle'")
    connection.commit()
    connection.close()
    build(["generated:30-40"], out, exports=["json"])
    assert generated[-1] is None
    assert _store_lines(out) == _turtle_lines(out)
    build(["generated:40-50"], out, exports=["json"])  # the index is whole again
    assert isinstance(generated[-1], SubjectDelta)
    assert _store_lines(out) == _turtle_lines(out)


def test_a_build_killed_before_the_index_commit_is_caught_up(tmp_path, generated, monkeypatch):
    out = tmp_path / "out"
    build(["generated:0-30"], out, exports=["json"])
    import newsgraph.workflow as workflow

    commit = workflow._commit
    monkeypatch.setattr(workflow, "_commit", lambda index, folder, report: index.close())
    build(["generated:30-40"], out, exports=["json"])  # files written, index rolled back
    monkeypatch.setattr(workflow, "_commit", commit)
    once = tmp_path / "once"
    build(["generated:0-50"], once, exports=["json"])
    generated.clear()
    build(["generated:40-50"], out, exports=["json"])
    for name in ("graph.ttl", "graph.json", "merges.jsonl"):
        assert (out / name).read_bytes() == (once / name).read_bytes(), name
    assert _store_lines(out) == _turtle_lines(out)


def test_a_damaged_index_is_set_aside_and_the_add_still_right(tmp_path, generated):
    out, once = tmp_path / "out", tmp_path / "once"
    build(["generated:0-30"], out, exports=["json"])
    (out / "names.sqlite").write_bytes(b"not a database\n" * 100)
    build(["generated:30-40"], out, exports=["json"])  # resolved in memory, the store loaded
    build(["generated:0-40"], once, exports=["json"])
    for name in ("graph.ttl", "graph.json", "merges.jsonl"):
        assert (out / name).read_bytes() == (once / name).read_bytes(), name
    assert generated[-1] is None
    build(["generated:40-50"], out, exports=["json"])  # the index made anew, then used
    build(["generated:40-50"], once, exports=["json"])
    assert (out / "graph.ttl").read_bytes() == (once / "graph.ttl").read_bytes()
    assert _store_lines(out) == _turtle_lines(out)


@pytest.fixture
def merges(monkeypatch):
    """The runs of each graph.ttl merged from the previous one."""
    import newsgraph.graph.rdf as rdf

    found = []
    original = rdf.write_turtle_merged

    def merged(G, stream, old, runs, rows):
        found.append(list(runs))
        return original(G, stream, old, runs, rows)

    monkeypatch.setattr(rdf, "write_turtle_merged", merged)
    original_jsonld = rdf.write_jsonld_merged

    def merged_jsonld(G, stream, old, runs, rows):
        found.append("jsonld")
        return original_jsonld(G, stream, old, runs, rows)

    monkeypatch.setattr(rdf, "write_jsonld_merged", merged_jsonld)
    return found


def test_an_add_merges_graph_ttl_from_the_previous_one(tmp_path, generated, merges):
    from newsgraph.graph.rdf import DROP, KEEP, NEW

    steps = tmp_path / "steps"
    for part, exports in (("0-60", ["jsonld"]), ("60-61", ["jsonld"]), ("61-62", ["json"]),
                          ("62-90", ["jsonld"]), ("90-92", ["jsonld"]), ("92-92", ["jsonld"])):
        build([f"generated:{part}"], steps, exports=exports)
    build(["generated:0-92"], tmp_path / "once", exports=["jsonld"])
    for name in ("graph.ttl", "graph.jsonld"):
        assert (steps / name).read_bytes() == (tmp_path / "once" / name).read_bytes(), name
    # the first build writes them whole; each add copies the unchanged subjects' blocks and
    # node objects (graph.jsonld only when the previous build wrote it)
    assert [found if found == "jsonld" else "ttl" for found in merges] == [
        "ttl", "jsonld", "ttl", "ttl", "ttl", "jsonld", "ttl", "jsonld"]
    runs = [found for found in merges if found != "jsonld"]
    assert {kind for found in runs[:3] for kind, _ in found} == {KEEP, DROP, NEW}
    assert all(kind == KEEP for kind, _ in runs[-1])  # an add of nothing new copies all


@pytest.mark.parametrize("change", ["header", "format", "blocks", "digest"])
def test_a_graph_ttl_not_as_the_index_says_is_written_anew(tmp_path, generated, merges,
                                                            change):
    out = tmp_path / "out"
    build(["generated:0-40"], out, exports=["json"])
    path = out / "graph.ttl"
    if change == "header":  # a prefix line changed, and the digest recorded with it
        path.write_bytes(path.read_bytes().replace(b"@prefix wd:", b"@prefix wikidata:"))
    elif change == "blocks":  # two subjects' blocks made one
        text = path.read_bytes()
        at = text.index(b"\n\n", text.index(b"\n\narticle:") + 2)
        path.write_bytes(text[:at] + b"\n" + text[at + 2:])
    connection = sqlite3.connect(out / "names.sqlite")
    if change == "format":
        connection.execute("UPDATE meta SET value = 'other' WHERE name = 'turtle_format'")
    elif change in ("header", "blocks"):
        from newsgraph.graph.store import turtle_digest

        connection.execute("UPDATE meta SET value = ? WHERE name = 'turtle'",
                           (turtle_digest(out),))
    else:
        connection.execute("UPDATE meta SET value = 'other' WHERE name = 'turtle'")
    connection.commit()
    connection.close()
    build(["generated:40-50"], out, exports=["json"])
    assert merges == []
    build(["generated:0-50"], tmp_path / "once", exports=["json"])
    assert path.read_bytes() == (tmp_path / "once" / "graph.ttl").read_bytes()
    build(["generated:50-55"], out, exports=["json"])  # merged again
    assert len(merges) == 1


def test_an_add_that_changes_too_much_writes_and_loads_all(tmp_path, generated, merges,
                                                           monkeypatch):
    monkeypatch.setattr("newsgraph.workflow._DELTA_MOST", 1)
    monkeypatch.setattr("newsgraph.workflow._MERGED_ROWS_MOST", 1)
    steps = tmp_path / "steps"
    for part in ("0-40", "40-50"):
        build([f"generated:{part}"], steps, exports=["jsonld"])
    assert merges == [] and generated == [None, None]  # written whole, the store loaded whole
    build(["generated:0-50"], tmp_path / "once", exports=["jsonld"])
    for name in ("graph.ttl", "graph.jsonld"):
        assert (steps / name).read_bytes() == (tmp_path / "once" / name).read_bytes(), name
    assert _store_lines(steps) == _store_lines(tmp_path / "once")
    monkeypatch.setattr("newsgraph.workflow._DELTA_MOST", 1 << 30)
    monkeypatch.setattr("newsgraph.workflow._MERGED_ROWS_MOST", 1 << 30)
    build(["generated:50-55"], steps, exports=["jsonld"])  # the index is whole: by subject
    assert isinstance(generated[-1], SubjectDelta)
    assert len(merges) == 2 and merges[1] == "jsonld"


def test_a_graph_jsonld_recorded_with_another_graph_ttl_is_written_anew(tmp_path, generated,
                                                                         merges):
    out = tmp_path / "out"
    build(["generated:0-40"], out, exports=["jsonld"])
    older = (out / "graph.jsonld").read_bytes()
    connection = sqlite3.connect(out / "names.sqlite")
    (record,) = connection.execute(
        "SELECT value FROM meta WHERE name = 'export graph.jsonld'").fetchone()
    connection.close()
    build(["generated:40-45"], out, exports=["jsonld"])
    # what a release that kept the index up to date for graph.ttl alone leaves: an older
    # graph.jsonld and its record beside the newer graph.ttl
    (out / "graph.jsonld").write_bytes(older)
    connection = sqlite3.connect(out / "names.sqlite")
    connection.execute("UPDATE meta SET value = ? WHERE name = 'export graph.jsonld'", (record,))
    connection.commit()
    connection.close()
    merges.clear()
    build(["generated:45-50"], out, exports=["jsonld"])
    assert "jsonld" not in merges
    build(["generated:0-50"], tmp_path / "once", exports=["jsonld"])
    assert (out / "graph.jsonld").read_bytes() == (tmp_path / "once" / "graph.jsonld").read_bytes()
