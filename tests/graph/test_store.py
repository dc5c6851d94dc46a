"""Tests of newsgraph.graph.store: generations, deltas, swaps, fallbacks and exports."""

from __future__ import annotations

import io
import os

import pyoxigraph as ox
import pytest

from newsgraph.graph.store import (
    STORE_NAME,
    StoreChange,
    canonical_lines,
    current_generation,
    export_graph,
    has_store,
    open_graph,
    open_store,
    rdflib_graph,
    store_base,
    update_store,
)

A = "<http://a.example/s> <http://a.example/p> <http://a.example/o> .\n"
B = '<http://a.example/s> <http://a.example/label> "Intel \\u00e9 \\"quoted\\"" .\n'
C = "<http://a.example/t> <http://a.example/count> 3 .\n"


def _write(folder, *triples):
    (folder / "graph.ttl").write_text("".join(triples), encoding="utf-8")


def _size(store):
    """The triples of the default graph: the graph's own, the vocabulary aside."""
    return sum(1 for _ in store.quads_for_pattern(None, None, None, ox.DefaultGraph()))


def _content(store):
    data = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
    return sorted(data.splitlines())


def _generations(folder):
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(f".{STORE_NAME}."))


def test_a_first_update_loads_everything_behind_a_link(tmp_path):
    _write(tmp_path, A, B)
    assert not has_store(tmp_path)
    assert update_store(tmp_path, store_base(tmp_path)) == StoreChange(2, 0, full=True)
    assert os.path.islink(tmp_path / STORE_NAME)
    generation = current_generation(tmp_path)
    assert generation is not None and generation.parent == tmp_path
    assert _content(open_store(tmp_path)) == sorted(canonical_lines(tmp_path / "graph.ttl"))


def test_an_add_writes_only_the_difference_and_keeps_the_previous_generation(tmp_path):
    _write(tmp_path, A, B)
    update_store(tmp_path, None)
    first = current_generation(tmp_path)
    base = store_base(tmp_path)
    assert base is not None and len(base) == 2
    _write(tmp_path, B, C)  # A removed, C added
    assert update_store(tmp_path, base) == StoreChange(added=1, removed=1, full=False)
    assert _content(open_store(tmp_path)) == sorted(canonical_lines(tmp_path / "graph.ttl"))
    assert first is not None and first.is_dir()  # a reader may still have it open
    _write(tmp_path, C)
    update_store(tmp_path, store_base(tmp_path))
    assert not first.exists()
    assert len(_generations(tmp_path)) == 2


def test_the_same_triples_in_any_order_of_adds_give_the_same_store(tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    one.mkdir()
    two.mkdir()
    _write(one, A)
    update_store(one, None)
    base = store_base(one)
    _write(one, A, B, C)
    update_store(one, base)
    _write(two, A, B, C)
    update_store(two, None)
    assert _content(open_store(one)) == _content(open_store(two))
    assert current_generation(one).name == current_generation(two).name  # type: ignore[union-attr]


def test_nothing_changed_writes_nothing(tmp_path):
    _write(tmp_path, A)
    update_store(tmp_path, None)
    assert update_store(tmp_path, store_base(tmp_path)) == StoreChange(0, 0, full=False)
    assert len(_generations(tmp_path)) == 1


def test_a_store_that_does_not_hold_the_turtle_is_loaded_again_whole(tmp_path):
    _write(tmp_path, A)
    update_store(tmp_path, None)
    _write(tmp_path, A, B)  # as when a build was killed after writing graph.ttl
    assert store_base(tmp_path) is None
    assert update_store(tmp_path, None) == StoreChange(2, 0, full=True)
    assert _size(open_store(tmp_path)) == 2


def test_what_a_killed_update_left_is_cleared_and_the_link_still_works(tmp_path):
    _write(tmp_path, A)
    update_store(tmp_path, None)
    (tmp_path / f".{STORE_NAME}.new-stale").mkdir()
    (tmp_path / f".{STORE_NAME}.new-stale" / "junk").write_bytes(b"half")
    assert _size(open_store(tmp_path)) == 1
    base = store_base(tmp_path)
    _write(tmp_path, A, C)
    update_store(tmp_path, base)
    assert all("new-" not in name for name in _generations(tmp_path))
    assert _size(open_store(tmp_path)) == 2


def test_open_graph_reads_the_store_and_falls_back_to_the_turtle(tmp_path):
    _write(tmp_path, A, B)
    store, read = open_graph(tmp_path)
    assert (_size(store), read.name) == (2, "graph.ttl")
    update_store(tmp_path, None)
    (tmp_path / "graph.ttl").unlink()  # the store alone answers
    for path in (tmp_path, tmp_path / "graph.ttl", tmp_path / STORE_NAME):
        store, read = open_graph(path)
        assert (_size(store), read.name) == (2, STORE_NAME)
    other = tmp_path / "other.ttl"
    other.write_text(C, encoding="utf-8")
    store, read = open_graph(other)
    assert (_size(store), read) == (1, other)
    with pytest.raises(FileNotFoundError):
        open_graph(tmp_path / "missing.ttl")


def test_a_graph_ttl_newer_than_the_store_is_read_instead(tmp_path):
    _write(tmp_path, A)
    update_store(tmp_path, None)
    _write(tmp_path, A, B)  # as a build killed after the files, before the store, leaves it
    generation = current_generation(tmp_path)
    assert generation is not None
    later = generation.stat().st_mtime_ns + 10**9
    os.utime(tmp_path / "graph.ttl", ns=(later, later))
    store, read = open_graph(tmp_path)
    assert (_size(store), read.name) == (2, "graph.ttl")
    update_store(tmp_path, store_base(tmp_path))
    os.utime(tmp_path / "graph.ttl", ns=(later - 2 * 10**9, later - 2 * 10**9))
    store, read = open_graph(tmp_path)
    assert (_size(store), read.name) == (2, STORE_NAME)


def test_a_folder_copied_with_its_links_followed_is_read_and_updated(tmp_path):
    import shutil

    original, copy = tmp_path / "original", tmp_path / "copy"
    original.mkdir()
    _write(original, A)
    update_store(original, None)
    shutil.copytree(original, copy)  # follows the link: graph.oxigraph is now a directory
    assert not os.path.islink(copy / STORE_NAME)
    assert open_graph(copy)[1].name == STORE_NAME
    base = store_base(copy)
    _write(copy, A, B)
    assert update_store(copy, base).full
    assert os.path.islink(copy / STORE_NAME)
    assert _size(open_store(copy)) == 2
    assert [p for p in _generations(copy) if "copied" in p] == []


def test_a_broken_link_is_no_store(tmp_path):
    _write(tmp_path, A)
    os.symlink(".graph.oxigraph.gone", tmp_path / STORE_NAME)
    assert not has_store(tmp_path)
    assert open_graph(tmp_path)[1].name == "graph.ttl"
    assert update_store(tmp_path, store_base(tmp_path)).full


@pytest.mark.parametrize("name", ["turtle", "ntriples", "jsonld", "rdfxml"])
def test_every_export_format_reads_back_as_the_same_triples(tmp_path, name):
    from newsgraph.graph.store import EXPORT_FORMATS

    _write(tmp_path, A, B, C)
    update_store(tmp_path, None)
    out = io.BytesIO()
    export_graph(open_store(tmp_path), name, out)
    back = ox.parse(out.getvalue(), format=EXPORT_FORMATS[name][0])
    lines = ox.serialize(back, format=ox.RdfFormat.N_TRIPLES).splitlines()
    assert set(lines) == canonical_lines(tmp_path / "graph.ttl")


def test_rdflib_graph_reads_a_read_only_store(tmp_path):
    _write(tmp_path, A, B)
    update_store(tmp_path, None)
    graph = rdflib_graph(open_store(tmp_path))
    assert len(graph) == 2
    assert len(list(graph.query("SELECT ?o WHERE { ?s ?p ?o }"))) == 2


def test_the_same_graph_written_again_keeps_its_store_current(tmp_path):
    _write(tmp_path, A)
    update_store(tmp_path, None)
    generation = current_generation(tmp_path)
    assert generation is not None
    earlier = generation.stat().st_mtime_ns - 10**9
    os.utime(generation, ns=(earlier, earlier))
    _write(tmp_path, A)  # a build that read nothing new writes the same graph.ttl again
    assert open_graph(tmp_path)[1].name == "graph.ttl"
    update_store(tmp_path, store_base(tmp_path))
    assert open_graph(tmp_path)[1].name == STORE_NAME


def test_a_damaged_store_is_passed_over_for_the_turtle(tmp_path):
    _write(tmp_path, A, B)
    update_store(tmp_path, None)
    generation = current_generation(tmp_path)
    assert generation is not None
    (generation / "CURRENT").write_text("junk", encoding="utf-8")
    store, read = open_graph(tmp_path)
    assert (_size(store), read.name) == (2, "graph.ttl")


def test_queries_on_the_store_see_the_vocabulary_and_exports_do_not(tmp_path):
    from newsgraph.graph.query import run_query

    _write(tmp_path, A)
    update_store(tmp_path, None)
    store = open_store(tmp_path)
    answer = run_query(store, "SELECT ?l WHERE { ng:Tariff skos:prefLabel ?l }")
    assert [str(row["l"]) for row in answer] == ['"tariff"@en']
    assert _content(store) == sorted(canonical_lines(tmp_path / "graph.ttl"))


def test_a_build_s_turtle_is_loaded_in_pieces_to_the_same_triples(tmp_path, monkeypatch):
    from newsgraph.graph import store as store_module
    from newsgraph.graph.build import build_graph
    from newsgraph.graph.rdf import to_turtle
    from tests.graph.conftest import handbuilt_extractions

    (tmp_path / "graph.ttl").write_bytes(to_turtle(build_graph(handbuilt_extractions())))
    pieces = store_module._turtle_pieces(tmp_path / "graph.ttl", size=100)
    assert pieces is not None and len(list(pieces)) > 5
    monkeypatch.setattr(store_module, "_PIECE", 100)
    update_store(tmp_path, None)
    whole = ox.Store()
    whole.bulk_load(path=str(tmp_path / "graph.ttl"), format=ox.RdfFormat.TURTLE)
    assert _content(open_store(tmp_path)) == _content(whole)


def test_a_turtle_file_cut_wrongly_in_pieces_is_loaded_whole(tmp_path, monkeypatch):
    from newsgraph.graph import store as store_module

    monkeypatch.setattr(store_module, "_PIECE", 10)
    text = ('@prefix a: <http://a.example/> .\n\na:s a:p """one\n\n'
            'two""" .\n\na:t a:p 2 .\n')
    (tmp_path / "graph.ttl").write_text(text, encoding="utf-8")
    assert update_store(tmp_path, None) == StoreChange(2, 0, full=True)
    assert b'"one\\n\\ntwo"' in b"".join(_content(open_store(tmp_path)))


def test_an_add_loads_its_triples_in_pieces(tmp_path, monkeypatch):
    from newsgraph.graph import store as store_module

    monkeypatch.setattr(store_module, "_PIECE", 10)
    _write(tmp_path, A)
    update_store(tmp_path, None)
    integer = '"3"^^<http://www.w3.org/2001/XMLSchema#integer>'
    triples = A + B + C.replace("3", integer)
    previous = store_module.SubjectDelta(("http://a.example/s", "http://a.example/t"),
                                         triples.encode("utf-8"))
    _write(tmp_path, A, B, C)
    assert update_store(tmp_path, previous) == StoreChange(added=3, removed=1, full=False)
    assert _content(open_store(tmp_path)) == sorted(canonical_lines(tmp_path / "graph.ttl"))


def test_an_add_removes_its_subjects_a_few_at_a_time(tmp_path, monkeypatch):
    from newsgraph.graph import store as store_module

    monkeypatch.setattr(store_module, "_REMOVED_AT_ONCE", 2)
    old = [f'<http://a.example/s{n}> <http://a.example/p> "{n}" .\n' for n in range(7)]
    _write(tmp_path, *old)
    update_store(tmp_path, None)
    # s2, s4 and s5 gone, s3 made again with two triples, s9 new: three updates of two
    new = [old[0], old[1], '<http://a.example/s3> <http://a.example/p> "33" .\n',
           '<http://a.example/s3> <http://a.example/q> "three" .\n', old[6],
           '<http://a.example/s9> <http://a.example/p> "9" .\n']
    made = [f"http://a.example/s{n}" for n in (2, 3, 4, 5, 9)]
    delta = store_module.SubjectDelta(tuple(made), "".join(new[2:4] + new[5:]).encode())
    _write(tmp_path, *new)
    assert update_store(tmp_path, delta) == StoreChange(added=3, removed=4, full=False)
    assert _content(open_store(tmp_path)) == sorted(canonical_lines(tmp_path / "graph.ttl"))
