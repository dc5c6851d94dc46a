import io
import json
import os

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsgraph.errors import NewsgraphError
from newsgraph.ingest.documents import Article, Entity, Evidence, Extraction, Relation
from newsgraph.outputs import (
    CACHE_NAME,
    is_seen,
    load_cache,
    read_extractions,
    read_lines,
    seen_keys,
    write_atomically,
    write_extractions,
)


def test_cache_is_sorted_by_article_id():
    a, b = Extraction(Article("b", "", "s")), Extraction(Article("a", "", "s"))
    buffer = io.BytesIO()
    write_extractions([a, b], buffer)
    assert [x.article.id for x in read_extractions(io.BytesIO(buffer.getvalue()))] == ["a", "b"]


def test_an_article_is_seen_by_id_or_by_link():
    keys = seen_keys([Extraction(Article("guid-1", "", "s", link="https://x.test/1"))])
    assert is_seen(Article("guid-1", "", "s"), keys)
    assert is_seen(Article("guid-2", "", "s", link="https://x.test/1"), keys)
    assert not is_seen(Article("guid-2", "", "s", link="https://x.test/2"), keys)


def test_lines_read_back_are_written_unchanged():
    a, b = Extraction(Article("a", "x", "s")), Extraction(Article("b", "y", "s"))
    buffer = io.BytesIO()
    write_extractions([a], buffer)
    lines = {x.article.id: line for x, line in read_lines(io.BytesIO(buffer.getvalue()))}
    merged, fresh = io.BytesIO(), io.BytesIO()
    write_extractions([b, a], merged, lines=lines)
    write_extractions([a, b], fresh)
    assert merged.getvalue() == fresh.getvalue()


def test_a_cache_changed_while_a_build_runs_is_refused(tmp_path):
    with (tmp_path / CACHE_NAME).open("wb") as stream:
        write_extractions([Extraction(Article("a", "x", "s")),
                           Extraction(Article("b", "y", "s"))], stream)
    cache = load_cache(tmp_path)
    assert cache.lines["b"].startswith(b'{"article": ')
    # another line put before the others: the offsets read first no longer hold
    text = (tmp_path / CACHE_NAME).read_bytes()
    (tmp_path / CACHE_NAME).write_bytes(b"\n" + text)
    with pytest.raises(NewsgraphError, match="changed while this build ran"):
        list(cache.lines.read_all(["a", "b"]))


def test_a_rename_that_fails_puts_back_the_outputs_renamed_before_it(tmp_path, monkeypatch):
    one, two, new = tmp_path / "one.txt", tmp_path / "two.txt", tmp_path / "new.txt"
    one.write_bytes(b"old one")
    two.write_bytes(b"old two")
    real_replace = os.replace

    def replace(source, target):
        if str(target) == str(two):
            raise PermissionError(1, "Operation not permitted")
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(PermissionError):
        write_atomically({one: lambda s: s.write(b"new one"), new: lambda s: s.write(b"new"),
                          two: lambda s: s.write(b"new two")})
    monkeypatch.setattr(os, "replace", real_replace)
    assert (one.read_bytes(), two.read_bytes(), new.exists()) == (b"old one", b"old two", False)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["one.txt", "two.txt"]


def test_a_cache_line_with_a_lone_surrogate_is_left_out(tmp_path):
    with (tmp_path / CACHE_NAME).open("wb") as stream:
        write_extractions([Extraction(Article("a", "x", "s", title="Good")),
                           Extraction(Article("b", "y", "s", title="Bad"))], stream)
    text = (tmp_path / CACHE_NAME).read_bytes().replace(b'"Bad"', b'"Bad \\ud800"')
    (tmp_path / CACHE_NAME).write_bytes(text)
    problems = []
    cache = load_cache(tmp_path, on_problem=problems.append)
    assert [x.article.id for x in cache.extractions] == ["a"]
    assert [str(p).split(": ", 1)[1] for p in problems] == [
        "line 2: not an extraction (a lone surrogate, which is no character); left out (its "
        "document is read again when its source is built)"]


def test_a_cache_line_repeated_is_read_once(tmp_path):
    with (tmp_path / CACHE_NAME).open("wb") as stream:
        write_extractions([Extraction(Article("a", "x", "s"))], stream)
    line = (tmp_path / CACHE_NAME).read_bytes()
    (tmp_path / CACHE_NAME).write_bytes(line + line)
    problems = []
    cache = load_cache(tmp_path, on_problem=problems.append)
    assert [x.article.id for x in cache.extractions] == ["a"]
    assert [str(p).split(": ", 1)[1] for p in problems] == [
        "1 line repeats a document read before; left out"]


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 3) | st.floats(allow_nan=False)
    | st.text(max_size=3),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
        st.sampled_from(["id", "text", "source", "name", "type", "votes", "start", "x"]), inner,
        max_size=3),
    max_leaves=8)


def _paths(value, path=()):
    """Every place in a JSON value, as a path of keys and indices."""
    yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _paths(item, (*path, index))


def _replaced(value, path, new):
    if not path:
        return new
    copy = dict(value) if isinstance(value, dict) else list(value)
    copy[path[0]] = _replaced(value[path[0]], path[1:], new)
    return copy


_VALID = Extraction(
    Article("a1", "Text.", "a.txt", title="T", date="2024-01-02", authors=("Li",)),
    (Entity("Acme", "Organisation", aliases=("ACME",), votes=(("Organisation", 1.5),)),),
    (Relation("Li", "chairs", "Acme", Evidence("Li chairs Acme.", 0, 15, "r", percent=2.0)),),
).to_dict()


@given(st.data(), _JSON)
def test_the_quick_type_test_agrees_with_the_one_that_says_why(data, new):
    from newsgraph.outputs import _fits, _mistyped

    path = data.draw(st.sampled_from(list(_paths(_VALID))))
    value = _replaced(_VALID, path, new)
    assert _fits(Extraction)(value) == (_mistyped(value, Extraction, "") is None)
    for kind in (Article, Entity, Relation, Evidence):
        assert _fits(kind)(new) == (_mistyped(new, kind, "") is None)


def _slow(line):
    """The extraction of ``line`` as the slow reader reads it (or its ValueError)."""
    import newsgraph.outputs as outputs

    quick = outputs._quick_extraction
    outputs._quick_extraction = lambda line: None
    try:
        return outputs._extraction(line)
    finally:
        outputs._quick_extraction = quick


@given(st.data(), _JSON)
def test_the_quick_reader_reads_a_line_as_the_slow_one_or_leaves_it_to_it(data, new):
    from newsgraph.outputs import _quick_extraction

    path = data.draw(st.sampled_from(list(_paths(_VALID))))
    line = json.dumps(_replaced(_VALID, path, new)).encode("utf-8")
    quick = _quick_extraction(line)
    try:
        slow = _slow(line)
    except ValueError:
        assert quick is None
    else:
        assert quick is None or quick == slow


@pytest.mark.parametrize("line", [
    b'{"article": {"id": "a", "text": "", "source": "s", "x": 1}}',
    b'{"article": {"id": "a", "text": "", "source": "s"}, "x": null}',
    b'{"article": {"id": "a", "text": "", "source": "s"}, "entities": '
    b'[{"name": "A", "type": "Person", "x": 1}]}',
    b'{"article": {"id": "a", "text": "", "source": "s"}, "relations": [{"subject": "A", '
    b'"predicate": "p", "object": "B", "evidence": {"sentence": "", "start": 0, "end": 1, '
    b'"rule": "r", "x": 1}}]}',
    b'{"article": {"id": "a", "text": "", "source": "s"}, "entities": '
    b'[{"name": " ", "type": "Person"}]}',
    b'{"article": {"id": "a", "text": "\\ud800", "source": "s"}}',
])
def test_the_quick_reader_leaves_a_line_that_is_no_extraction_to_the_slow_one(line):
    from newsgraph.outputs import _quick_extraction

    assert _quick_extraction(line) is None
    with pytest.raises(ValueError, match="not an extraction"):
        _slow(line)


def test_a_whole_number_where_a_float_is_declared_is_read_as_a_float_by_either_reader():
    from newsgraph.outputs import _quick_extraction

    line = (b'{"article": {"id": "a", "text": "", "source": "s"}, "relations": [{"subject": '
            b'"A", "predicate": "p", "object": "B", "evidence": {"sentence": "", "start": 0, '
            b'"end": 1, "rule": "r", "percent": 2, "confidence": 1}}], "entities": '
            b'[{"name": "A", "type": "Person", "votes": [["Person", 3]]}]}')
    for read in (_quick_extraction(line), _slow(line)):
        evidence = read.relations[0].evidence
        assert (repr(evidence.percent), repr(evidence.confidence)) == ("2.0", "1.0")
        assert repr(read.entities[0].votes) == "(('Person', 3.0),)"
