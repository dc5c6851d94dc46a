"""Bad inputs kept as data files, each with its expected outcome in ``illformed/cases.json``."""

import hashlib
import json
import tracemalloc
from pathlib import Path

import pytest

from newsgraph.ingest.sources import read_sources

ILLFORMED = Path(__file__).parent / "illformed"
CASES = {
    name: case
    for name, case in json.loads((ILLFORMED / "cases.json").read_text("utf-8")).items()
    if not name.startswith("_")
}


def test_every_data_file_has_a_case():
    files = {p.name for p in ILLFORMED.iterdir() if p.name != "cases.json"}
    assert files == set(CASES)


@pytest.mark.parametrize("name", sorted(CASES))
def test_illformed(name):
    case = CASES[name]
    path = str(ILLFORMED / name)
    [result] = read_sources([path])
    assert result.source == path
    assert len(result.articles) == case["articles"]
    assert [type(e).__name__ for e in result.errors] == case["errors"]
    for error in result.errors:
        assert error.source == path
        assert case["message"] in error.message
        assert "\n" not in error.line()
    assert [a.title for a in result.articles] == case.get("titles", [])
    if "dates" in case:
        assert [a.date for a in result.articles] == case["dates"]


def test_billion_laughs_stays_small():
    path = str(ILLFORMED / "billion-laughs.xml")
    tracemalloc.start()
    try:
        [result] = read_sources([path])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 3_000_000
    assert max(len(a.text) + len(a.title) for a in result.articles) < 100


def test_external_entity_is_not_read():
    [result] = read_sources([str(ILLFORMED / "xxe.xml")])
    assert "root:" not in result.articles[0].text
    assert result.articles[0].text == "Before &xxe after."


def test_hostile_titles():
    path = str(ILLFORMED / "hostile-titles.rss")
    [result] = read_sources([path])
    first, second, third = result.articles
    assert first.link is None and first.source == path
    assert first.text == "Orders rose."
    assert first.publisher == "Hostile wire"
    assert second.text == "Click Curbs widen."
    assert third.link == third.source == "https://example.com/u2028"
    assert third.text == "First\nsecond."
    for article in result.articles:
        assert "<" not in article.title and "\u2028" not in article.title + article.text


def test_items_without_links_or_dates():
    path = str(ILLFORMED / "no-links-no-dates.rss")
    [result] = read_sources([path])
    guid, bare = result.articles
    assert (guid.id, guid.link, guid.date, guid.source) == ("wire-0001", None, None, path)
    assert bare.id == "sha256:" + hashlib.sha256(b"With nothing\nTSMC rose.").hexdigest()
    assert (bare.link, bare.date, bare.source) == (None, None, path)


def test_html_where_a_feed_was_expected():
    [result] = read_sources([str(ILLFORMED / "html-as-feed.xml")])
    [article] = result.articles
    assert article.date == "2024-05-02"
    assert article.text.startswith("The United States on Thursday raised tariffs")
    assert "Copyright" not in article.text and "Home | World" not in article.text


@pytest.mark.parametrize(
    "name, fragment",
    [
        ("gb18030.txt", "美国商务部扩大了对华先进芯片出口管制"),
        ("latin1.txt", "Müller, basée à Zürich, a déclaré"),
        ("non-english.txt", "Die niederländische Regierung"),
        ("gb18030-undeclared.rss", "华为周五发布了新的麒麟芯片"),
    ],
)
def test_encodings(name, fragment):
    [result] = read_sources([str(ILLFORMED / name)])
    assert fragment in result.articles[0].text
