"""Reading SOURCE strings: files, folders, seeds, size limits, order."""

import os
import tracemalloc
from pathlib import Path

import pytest

from newsgraph.errors import EmptySourceError, SourceError, TooLargeError
from newsgraph.ingest.sources import SourceResult, read_bytes, read_file, read_sources

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
EXTRA = Path("/work/shared/eval/extra")


def test_seeds_give_54_articles():
    [result] = read_sources([str(SEEDS)])
    assert result.errors == ()
    assert len(result.articles) == 54
    feed_items = [a for a in result.articles if a.link]
    assert len(feed_items) == 50
    assert len({a.id for a in result.articles}) == 54


def test_seed_feed_first_item():
    [result] = read_sources([str(SEEDS / "003_3e87bf4d829148b1.txt")])
    first = result.articles[0]
    assert first.title == "ASML boosts 2026 sales forecast despite shrinking China sales"
    assert first.authors == ("Xiaofei Xu",)
    assert first.date == "2026-04-16"
    assert first.publisher == "Semiconductors: Geopolitics - South China Morning Post"
    assert first.link == first.source == first.id == (
        "https://www.scmp.com/tech/article/3350243/"
        "asml-boosts-2026-sales-forecast-despite-shrinking-china-sales?utm_source=rss_feed"
    )
    assert first.text.startswith("Dutch chipmaker ASML upgraded its 2026 sales outlook")


def test_seed_text_file():
    path = str(SEEDS / "000_5b8763289bf46c03.txt")
    [result] = read_sources([path])
    [article] = result.articles
    assert (article.date, article.publisher, article.source) == ("2021-03-11", "Bloomberg", path)
    assert article.id.startswith("sha256:")


@pytest.mark.skipif(not EXTRA.is_dir(), reason="shared eval files not present")
def test_extra_eval_files():
    feed, text = read_sources([str(EXTRA / "20_reuters-business-feed.xml"),
                               str(EXTRA / "18_reuters1987-japan-chipmakers-angered.txt")])
    assert text.articles[0].title == "JAPAN'S CHIP MAKERS ANGERED BY U.S. SANCTION PLANS"
    result = feed
    assert len(result.articles) == 20
    assert result.articles[0].publisher == "Reuters: Business News"
    assert all(a.date in ("2019-01-18", "2019-01-19") for a in result.articles)


def test_same_input_same_output():
    assert read_sources([str(SEEDS)]) == read_sources([str(SEEDS)])


def test_sources_in_the_order_given(tmp_path):
    (tmp_path / "b.txt").write_text("B\n\nSecond file.")
    (tmp_path / "a.txt").write_text("A\n\nFirst file.")
    results = read_sources([str(tmp_path / "b.txt"), str(tmp_path / "a.txt")])
    assert [r.articles[0].title for r in results] == ["B", "A"]


def test_folder_sorted_recursive_hidden_skipped(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "b.txt").write_text("B\n\nText b.")
    (tmp_path / "a.md").write_text("A\n\nText a.")
    (tmp_path / "sub" / "c.txt").write_text("C\n\nText c.")
    (tmp_path / ".hidden.txt").write_text("H\n\nHidden.")
    (tmp_path / ".git" / "d.txt").write_text("D\n\nHidden folder.")
    (tmp_path / "empty.txt").write_bytes(b"")
    [result] = read_sources([str(tmp_path)])
    assert [a.title for a in result.articles] == ["A", "B", "C"]
    assert [a.source for a in result.articles] == [
        str(tmp_path / "a.md"), str(tmp_path / "b.txt"), str(tmp_path / "sub" / "c.txt")
    ]
    [error] = result.errors
    assert isinstance(error, EmptySourceError)
    assert error.source == str(tmp_path / "empty.txt")


def test_empty_folder(tmp_path):
    [result] = read_sources([str(tmp_path)])
    assert [e.message for e in result.errors] == [
        "is a folder with no readable files (expected files in it)"
    ]


def test_bad_source_does_not_stop_the_others(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Good\n\nIntel rose.")
    results = read_sources([str(tmp_path / "missing.txt"), str(good)])
    assert [len(r.articles) for r in results] == [0, 1]
    assert results[0].errors[0].line() == (
        f"{tmp_path / 'missing.txt'}: does not exist "
        "(expected a file, a folder or an http(s) URL)"
    )


def test_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    [result] = read_sources([str(fifo)])
    assert type(result.errors[0]) is SourceError
    assert "not a regular file" in result.errors[0].message


def test_50_mb_file_is_refused_unread(tmp_path):
    big = tmp_path / "big.txt"
    with big.open("wb") as stream:  # sparse: no 50 MB written to disk
        stream.truncate(50_000_000)
    tracemalloc.start()
    try:
        [result] = read_sources([str(big)])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 1_000_000
    [error] = result.errors
    assert isinstance(error, TooLargeError)
    assert error.line() == (
        f"{big}: is larger than the limit of 20,000,000 bytes (got 50,000,000 bytes)"
    )


@pytest.mark.parametrize("size, refused", [(100, False), (101, True)])
def test_size_limit_is_exact(tmp_path, size, refused):
    path = tmp_path / "f.txt"
    path.write_bytes(b"a" * size)
    [result] = read_sources([str(path)], max_bytes=100)
    assert bool(result.errors) is refused


def test_read_file_refuses_past_limit_even_if_stat_is_small(tmp_path):
    path = tmp_path / "f.txt"
    path.write_bytes(b"x" * 10)
    with pytest.raises(TooLargeError):
        read_file(str(path), max_bytes=5)


@pytest.mark.parametrize(
    "data, kind",
    [
        (b'<rss version="2.0"><channel><title>T</title><item><title>I</title></item>'
         b"</channel></rss>", "feed"),
        (b"<html><head><title>P</title></head><body><p>Intel rose sharply on Monday after "
         b"strong results.</p></body></html>", "page"),
        (b"Title\n\nSome text.", "text"),
        (b"# Markdown title\n\nSome *text*.", "text"),
    ],
)
def test_read_bytes_by_content(data, kind):
    result = read_bytes(data, source="x.bin")
    assert result.errors == ()
    [article] = result.articles
    expected_id = {"feed": "sha256:", "page": "sha256:", "text": "sha256:"}[kind]
    assert article.id.startswith(expected_id)
    assert article.source == "x.bin"


def test_read_bytes_json_is_refused():
    result = read_bytes(b'{"a": [1, 2]}', source="gold.json")
    assert result.errors[0].line() == (
        "gold.json: is JSON data (expected a feed, an article page or a text)"
    )


def test_opml_without_fetcher_is_listed_only():
    opml = b'<opml version="2.0"><body><outline xmlUrl="https://example.com/a"/></body></opml>'
    result = read_bytes(opml, source="subs.opml")
    assert result == SourceResult("subs.opml", (), result.errors)
    assert "is an OPML list of 1 feeds" in result.errors[0].message


def test_an_unreadable_subfolder_is_named_and_the_rest_read(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("Chips\n\nIntel rose.\n")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "b.txt").write_text("Tools\n\nASML fell.\n")
    scandir = os.scandir

    def refusing(path="."):  # as a folder without read permission does, even for root
        if os.fspath(path) == str(locked):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", refusing)
    [result] = read_sources([str(tmp_path)])
    assert [a.title for a in result.articles] == ["Chips"]
    assert [e.line() for e in result.errors] == [
        f"{locked}: is a folder that cannot be read (Permission denied); its files were skipped"]


def test_a_link_out_of_a_folder_is_refused_and_one_inside_read(tmp_path):
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.txt").write_text("Chips\n\nIntel rose.\n")
    (tmp_path / "secret.txt").write_text("Secret\n\nswordfish\n")
    (tmp_path / "news" / "passwd").symlink_to("/etc/passwd")
    (tmp_path / "news" / "same.txt").symlink_to(tmp_path / "news" / "a.txt")
    [result] = read_sources([str(tmp_path / "news")])
    assert [a.source for a in result.articles] == [
        str(tmp_path / "news" / "a.txt"), str(tmp_path / "news" / "same.txt")]
    assert [e.line() for e in result.errors] == [
        f"{tmp_path / 'news' / 'passwd'}: is a symbolic link to a file outside the folder "
        f"({os.path.realpath('/etc/passwd')}); not read (name the file itself as a SOURCE to "
        "read it)"]
    (tmp_path / "news" / "secret.txt").symlink_to(tmp_path / "secret.txt")
    [alone] = read_sources([str(tmp_path / "news" / "secret.txt")])  # named: read
    assert ([a.title for a in alone.articles], alone.errors) == (["Secret"], ())
