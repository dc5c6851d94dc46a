import io

from graph.store import is_seen, read_extractions, seen_keys, write_extractions
from ingest.documents import Article, Extraction


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
