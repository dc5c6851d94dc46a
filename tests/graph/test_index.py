"""Tests of newsgraph.graph.index: resolving through the persistent alias index, one add after
another, gives what resolving every document at once gives."""

from __future__ import annotations

import sqlite3

import pytest

from benchmarks.records import extractions
from newsgraph.graph.aliases import Aliases
from newsgraph.graph.index import (
    INDEX_NAME,
    add_extractions,
    connect,
    indexed_articles,
    matches,
    open_index,
    read_seen,
    subject_delta,
)
from newsgraph.graph.iris import digest
from newsgraph.graph.resolve import resolve, resolve_seen
from newsgraph.graph.store import SubjectDelta
from newsgraph.ingest.documents import Article, Entity, Extraction

ORG = (("Organisation", 1.0),)
PERSON = (("Person", 1.0),)


def _at_once(found, aliases=None):
    """Resolution as a build of every document does it: articles taken by IRI."""
    ordered = sorted(found, key=lambda x: digest(x.article.id))
    pairs = ((x.article.link or x.article.source, e) for x in ordered for e in x.entities)
    return resolve(pairs, aliases=aliases)


def _in_steps(folder, steps, aliases=None):
    for step in steps:
        with open_index(folder) as index:
            add_extractions(index, step)
    with open_index(folder) as index:
        return resolve_seen(read_seen(index), aliases=aliases)


def _doc(number, *entities):
    return Extraction(Article(id=f"d{number}", text="", source=f"d{number}.txt"), entities)


HAND_WRITTEN = [
    _doc(1, Entity("Robot Makers Association", "Organisation", ("RMA",), votes=ORG)),
    _doc(2, Entity("RMA", "Organisation", votes=ORG)),
    _doc(3, Entity("Rail Maintenance Authority", "Organisation", ("RMA",), votes=ORG)),
    _doc(4, Entity("Jane Smith", "Person", ("Smith",), votes=PERSON)),
    _doc(5, Entity("Smith", "Person", votes=PERSON)),
    _doc(6, Entity("Dutch Trade Chamber", "Organisation", votes=ORG),
         Entity("Trade Chamber", "Organisation", votes=ORG)),
    _doc(7, Entity("Chinese Robot Association", "Organisation", votes=ORG)),
    _doc(8, Entity("China Robot Association", "Organisation", votes=ORG)),
    _doc(9, Entity("Wan Li Optics", "Organisation", votes=ORG)),
    _doc(10, Entity("Wanli Optics Ltd.", "Organisation", ("Wanli Optics Group",), votes=ORG)),
    _doc(11, Entity("Export Act", "Policy", kind="Subsidy")),
    _doc(12, Entity("Export Act", "Policy", kind="ExportControl")),
]


@pytest.mark.parametrize("cut", range(1, len(HAND_WRITTEN)))
def test_a_then_b_equals_a_and_b(tmp_path, cut):
    steps = [HAND_WRITTEN[:cut], HAND_WRITTEN[cut:]]
    assert _in_steps(tmp_path, steps) == _at_once(HAND_WRITTEN)


def test_steps_in_any_order_equal_one_build_of_generated_documents(tmp_path):
    found = list(extractions(0, 600))
    # adds of documents that sort before and after those already held, and one of a single
    steps = [found[300:], found[:1], found[100:300], found[1:100]]
    assert _in_steps(tmp_path, steps) == _at_once(found)


def test_user_aliases_apply_to_the_index_as_to_one_build(tmp_path):
    found = list(extractions(0, 200))
    groups, _ = _at_once(found)
    first, second, third = [g.label for g in groups if g.type == "Organisation"][:3]
    aliases = Aliases(same=((first, (second,)),), distinct=((first, third),))
    expected = _at_once(found, aliases)
    assert _in_steps(tmp_path, [found[:50], found[50:]], aliases) == expected
    assert expected != _at_once(found)


def test_an_article_held_already_is_not_counted_twice(tmp_path):
    found = list(extractions(0, 20))
    assert _in_steps(tmp_path, [found, found[5:10]]) == _at_once(found)
    with open_index(tmp_path) as index:
        assert matches(index, (x.article.id for x in found))
        assert not matches(index, (x.article.id for x in found[1:]))


def test_a_failed_build_leaves_the_index_as_it_was(tmp_path):
    found = list(extractions(0, 10))
    with open_index(tmp_path) as index:
        add_extractions(index, found[:5])
    with pytest.raises(RuntimeError), open_index(tmp_path) as index:
        add_extractions(index, found[5:])
        raise RuntimeError
    with open_index(tmp_path) as index:
        assert indexed_articles(index) == {x.article.id for x in found[:5]}


def test_an_index_of_another_version_is_emptied(tmp_path):
    with open_index(tmp_path) as index:
        add_extractions(index, list(extractions(0, 3)))
    connection = sqlite3.connect(tmp_path / INDEX_NAME)
    connection.execute("UPDATE meta SET value = '0' WHERE name = 'version'")
    connection.commit()
    connection.close()
    index = connect(tmp_path)
    try:
        assert indexed_articles(index) == set()
    finally:
        index.close()


def test_rows_written_in_chunks_add_up(tmp_path, monkeypatch):
    found = list(extractions(0, 300))
    monkeypatch.setattr("newsgraph.graph.index._CHUNK", 7)
    assert _in_steps(tmp_path, [found[200:], found[:200]]) == _at_once(found)


def _rows(subjects, value):
    return [(f"http://a.example/{s}", 2, "http://a.example/p", 1, value(s),
             "http://www.w3.org/2001/XMLSchema#string") for s in sorted(subjects)]


@pytest.mark.parametrize("page", [1, 2, 3, 1000])
def test_subject_digests_read_a_page_at_a_time_give_the_same_delta(tmp_path, monkeypatch,
                                                                    page):
    from newsgraph.graph import index as index_module

    monkeypatch.setattr(index_module, "_PAGE", page)
    steps = [
        _rows("abcdé", str),
        _rows("abcdé", str),  # nothing changed
        _rows("bcdfgé", lambda s: s * (2 if s in "cg" else 1)),  # a gone, c changed, f g new
        _rows("", str),  # everything gone
        _rows("xy", str),
    ]
    expected = [("a", "b", "c", "d", "é"), (), ("c", "f", "g", "a"),
                ("b", "c", "d", "f", "g", "é"), ("x", "y")]
    with open_index(tmp_path) as index:
        for rows, subjects in zip(steps, expected, strict=True):
            delta = subject_delta(index, rows)
            assert delta.subjects == tuple(f"http://a.example/{s}" for s in subjects)
            held = dict(index.execute("SELECT iri, digest FROM subjects"))
            assert sorted(held) == sorted({row[0] for row in rows})


def test_subject_digests_alone(tmp_path):
    with open_index(tmp_path) as index:
        assert subject_delta(index, _rows("ab", str), keep=False) == SubjectDelta((), b"")
        assert subject_delta(index, _rows("ab", str)).subjects == ()
        assert subject_delta(index, _rows("b", str)).subjects == ("http://a.example/a",)


def test_each_subject_is_told_what_the_merge_of_the_files_needs(tmp_path):
    from newsgraph.graph.index import delta_rows

    with open_index(tmp_path) as index:
        subject_delta(index, _rows("abcdé", str))
        told, found = [], []
        rows = _rows("bcdfgé", lambda s: s * (2 if s in "cg" else 1))  # a gone, c changed
        assert list(delta_rows(index, rows, found,
                               each=lambda s, block, passed, same: told.append(
                                   (s[-1], len(block), passed, same)))) == rows
    # a passed over before b; c's own block changed; f and g new; d and é unchanged
    assert told == [("b", 1, 1, True), ("c", 1, 1, False), ("d", 1, 0, True),
                    ("f", 1, 0, False), ("g", 1, 0, False), ("é", 1, 0, True)]
    assert found[0].subjects == ("http://a.example/c", "http://a.example/f",
                                 "http://a.example/g", "http://a.example/a")


def test_rows_are_all_given_when_the_index_fails(tmp_path):
    from newsgraph.graph.index import delta_rows

    with open_index(tmp_path) as index:
        index.execute("DROP TABLE subjects")
        found, told = [], []
        rows = _rows("abc", str)
        assert list(delta_rows(index, rows, found, each=lambda *a: told.append(a))) == rows
        assert isinstance(found[0], sqlite3.Error) and told == []
        with pytest.raises(sqlite3.Error):
            subject_delta(index, rows)
