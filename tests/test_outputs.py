import io
import os

import pytest

from newsgraph.errors import NewsgraphError
from newsgraph.ingest.documents import Article, Extraction
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
