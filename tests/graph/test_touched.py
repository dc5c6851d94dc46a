"""Tests of newsgraph.graph.touched: an add that makes only the subjects it touches writes the
same files as one build of every document, where an add changes what older articles say
(sanctions a policy states, a name that joins another node, a publisher found later)."""

from __future__ import annotations

import hashlib
import os
import sqlite3

import pytest

import newsgraph.graph.touched as touched
from newsgraph import build
from newsgraph.ingest.documents import Article, Entity, Evidence, Extraction, Relation
from newsgraph.outputs import is_seen

COMPARED = ("graph.ttl", "graph.jsonld", "graph.graphml", "graph.json", "merges.jsonl")
ORG = (("Organisation", 1.0),)


def _relation(subject, predicate, obj, start=0):
    return Relation(subject, predicate, obj, Evidence(f"{subject} {predicate} {obj}.", start,
                                                      start + 9, f"rule-{predicate}"))


def _doc(number, entities, relations=(), *, publisher=None, date="2024-01-01"):
    article = Article(id=f"d{number}", text="", source=f"d{number}.txt", title=f"Story {number}",
                      date=date, publisher=publisher)
    return Extraction(article, tuple(entities), tuple(relations))


RULE = Entity("Export Rule", "Policy", kind="ExportControl")
GLOBEX = Entity("Globex", "Organisation", votes=ORG)
DOCUMENTS = {x.article.id: x for x in [
    _doc(1, [RULE, GLOBEX, Entity("Japan", "Country")],
         [_relation("Export Rule", "targets", "Globex")]),
    # a new imposer: Japan sanctions Globex on the evidence of d1, an article not added
    _doc(2, [Entity("Japan", "Country"), RULE], [_relation("Japan", "imposes", "Export Rule")]),
    # the rule's kind turns to a subsidy: its sanctions go
    _doc(3, [Entity("Export Rule", "Policy", kind="Subsidy")]),
    _doc(4, [Entity("Export Rule", "Policy", kind="Subsidy")], date="2024-02-01"),
    _doc(12, [Entity("Export Rule", "Policy", kind="Subsidy")]),
    # "RMA" alone, then named in full: its node, mentions and relations move
    _doc(5, [Entity("RMA", "Organisation", votes=ORG), RULE],
         [_relation("RMA", "opposes", "Export Rule")]),
    _doc(6, [Entity("Robot Makers Association", "Organisation", ("RMA",), votes=ORG)]),
    # a publisher no document has named yet, then one that names it
    _doc(7, [GLOBEX], publisher="Markets - Wire News"),
    _doc(8, [Entity("Wire News", "Organisation", votes=ORG), GLOBEX],
         [_relation("Wire News", "opposes", "Export Rule", 4)]),
    # the rule a sanction again, with two imposers
    _doc(9, [RULE, Entity("Globex Trade", "Organisation", votes=ORG)],
         [_relation("Globex Trade", "imposes", "Export Rule")]),
    _doc(10, [RULE], []),
    _doc(11, [RULE], []),
    _doc(13, [RULE], []),
]}


@pytest.fixture
def finds(monkeypatch):
    """``build(["docs:d1,d2"])`` builds those hand-written documents; the adds that found
    their subjects by what they touch are counted."""
    def new_articles(sources, keys, report, folder, **options):
        articles = [DOCUMENTS[name].article for name in sources[0].split(":")[1].split(",")]
        fresh = [a for a in articles if not is_seen(a, keys)]
        return fresh, len(articles) - len(fresh), 0

    monkeypatch.setattr("newsgraph.workflow._new_articles", new_articles)
    monkeypatch.setattr("newsgraph.workflow._read_with_nlp",
                        lambda articles, report, **o: [DOCUMENTS[a.id] for a in articles])
    found = []
    original = touched.find

    def find(*args, **kwargs):
        found.append(original(*args, **kwargs))
        return found[-1]

    monkeypatch.setattr(touched, "find", find)
    return found


STEPS = [["d1"], ["d2"], ["d3", "d4", "d12"], ["d5"], ["d6"], ["d7"], ["d8"], ["d9"],
         ["d10", "d11", "d13"]]


@pytest.fixture
def merges(monkeypatch):
    """The merges of graph.graphml and graph.json made (their names), and those refused."""
    import newsgraph.graph.graphml as graphml
    import newsgraph.graph.nodelink as nodelink

    made: dict[str, list[str]] = {"made": [], "refused": []}

    def counted(original, file):
        def merged(*args, **kwargs):
            try:
                found = original(*args, **kwargs)
            except ValueError as error:
                made["refused"].append(f"{file}: {error}")
                raise
            made["made"].append(file)
            return found

        return merged

    monkeypatch.setattr(graphml, "write_graphml_merged",
                        counted(graphml.write_graphml_merged, "graph.graphml"))
    monkeypatch.setattr(nodelink, "write_json_merged",
                        counted(nodelink.write_json_merged, "graph.json"))
    return made


def test_each_add_writes_what_one_build_writes(tmp_path, finds, merges):
    steps, read = tmp_path / "steps", []
    for number, names in enumerate(STEPS):
        build([f"docs:{','.join(names)}"], steps, exports=["jsonld", "graphml", "json"])
        read += names
        once = tmp_path / f"once-{number}"
        build([f"docs:{','.join(read)}"], once, exports=["jsonld", "graphml", "json"])
        for name in COMPARED:
            assert (steps / name).read_bytes() == (once / name).read_bytes(), (names, name)
    assert len(finds) == len(STEPS) - 1  # every add found its subjects by what it touched
    # and merged graph.graphml and graph.json from the previous files, but where the
    # GraphML's keys changed (a key no node or edge had before)
    assert merges["made"].count("graph.json") == len(STEPS) - 1
    assert merges["made"].count("graph.graphml") == len(STEPS) - 3
    assert merges["refused"] == ["graph.graphml: the graph's keys are not the previous "
                                 "GraphML's"] * 2
    ttl = (steps / "graph.ttl").read_text(encoding="utf-8")
    assert "ng:sanctions" in ttl and "publisher" in ttl


def test_sanctions_of_an_older_article_are_touched(tmp_path, finds):
    out = tmp_path / "out"
    build(["docs:d1"], out)
    build(["docs:d2"], out)
    (found,) = finds
    # d1's evidence that the rule targets Globex now makes Japan sanction Globex
    assert any(a.endswith("/JP") and b.endswith("/Globex") for a, b in found.pairs)


def test_an_index_without_the_state_finds_the_delta_from_every_subject(tmp_path, finds):
    out = tmp_path / "out"
    build(["docs:d1,d2"], out)
    connection = sqlite3.connect(out / "names.sqlite")
    connection.execute("DELETE FROM meta WHERE name = 'touched'")
    connection.commit()
    connection.close()
    build(["docs:d5"], out)
    assert finds == []
    build(["docs:d6"], out)  # the state is kept again
    assert len(finds) == 1
    once = tmp_path / "once"
    build(["docs:d1,d2,d5,d6"], once)
    assert (out / "graph.ttl").read_bytes() == (once / "graph.ttl").read_bytes()


def test_graphml_and_json_not_as_the_index_says_are_written_whole(tmp_path, finds, merges):
    out, once = tmp_path / "out", tmp_path / "once"
    build(["docs:d1,d2"], out)
    for name in ("graph.graphml", "graph.json"):  # changed by hand: the index vouches for neither
        path = out / name
        assert b"Story 1" in path.read_bytes()
        path.write_bytes(path.read_bytes().replace(b"Story 1", b"Story 9"))
    build(["docs:d5"], out)
    assert merges == {"made": [], "refused": []}  # not tried: the digests differ
    build(["docs:d6"], out)  # written whole, they are merged again
    assert sorted(merges["made"]) == ["graph.graphml", "graph.json"]
    build(["docs:d1,d2,d5,d6"], once)
    for name in COMPARED:
        assert (out / name).read_bytes() == (once / name).read_bytes(), name


@pytest.fixture
def settled_now(monkeypatch, hashing_reads):
    """Every file's digest remembered as it is written, however recently (the builds here
    take milliseconds); the files read to hash them, by name."""
    import newsgraph.graph.digests as digests

    monkeypatch.setattr(digests, "SETTLED_NS", 0)
    return hashing_reads


def test_the_files_are_checked_by_the_digests_the_index_keeps(tmp_path, finds, merges,
                                                               settled_now):
    import newsgraph.graph.digests as digests
    from newsgraph.graph.index import files

    steps, read = tmp_path / "steps", []
    for number, names in enumerate(STEPS[:5]):
        digests._KNOWN.clear()  # as in a process of its own: only the index remembers
        settled_now.clear()
        build([f"docs:{','.join(names)}"], steps, exports=["jsonld", "graphml", "json"])
        if number:  # the previous files were not read to check them, nor the new ones
            assert not {"graph.ttl", "graph.jsonld", "graph.graphml",
                        "graph.json"} & set(settled_now), settled_now
        read += names
        once = tmp_path / f"once-{number}"
        build([f"docs:{','.join(read)}"], once, exports=["jsonld", "graphml", "json"])
        for name in COMPARED:
            assert (steps / name).read_bytes() == (once / name).read_bytes(), (names, name)
    connection = sqlite3.connect(steps / "names.sqlite")
    kept = files(connection)
    connection.close()
    for name in ("graph.ttl", "graph.jsonld", "graph.graphml", "graph.json"):
        data, stat = (steps / name).read_bytes(), (steps / name).stat()
        assert kept[name] == (stat.st_size, stat.st_mtime_ns,
                              hashlib.sha256(data).hexdigest()[:32])
    assert merges["made"].count("graph.json") == 4


def test_a_file_changed_by_hand_is_read_and_written_whole(tmp_path, finds, merges,
                                                          settled_now):
    import newsgraph.graph.digests as digests

    out, once = tmp_path / "out", tmp_path / "once"
    build(["docs:d1,d2"], out)
    path = out / "graph.json"
    stat = path.stat()
    path.write_bytes(path.read_bytes().replace(b"Story 1", b"Story 9"))  # the same size
    later = stat.st_mtime_ns + 5_000_000_000  # changed after the build, a tick later
    os.utime(path, ns=(later, later))
    digests._KNOWN.clear()
    settled_now.clear()
    build(["docs:d5"], out)
    assert "graph.json" in settled_now  # read: its time is not the one the index keeps
    assert merges["made"] == ["graph.graphml"]  # and written whole
    build(["docs:d1,d2,d5"], once)
    for name in COMPARED:
        assert (out / name).read_bytes() == (once / name).read_bytes(), name
