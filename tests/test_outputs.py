import io

from newsgraph.ingest.documents import Article, Extraction
from newsgraph.outputs import (
    is_seen,
    read_extractions,
    read_lines,
    seen_keys,
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
