"""Feeds to articles: formats, dates, authors, links, ids, OPML."""

import pytest

from newsgraph.errors import EmptySourceError, FeedError
from newsgraph.ingest.feeds import item_date, opml_feeds, read_feed

RSS091 = b"""<?xml version="1.0"?><rss version="0.91"><channel><title>Old Wire</title>
<link>https://example.com/</link><description>d</description>
<item><title>Old item</title><link>https://example.com/old</link>
<description>Made in 1999.</description></item></channel></rss>"""
RSS20 = b"""<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
<title>New Wire</title><item><title>New item</title><link>https://example.com/new</link>
<guid isPermaLink="false">new-1</guid><dc:creator>Ann Cao</dc:creator>
<pubDate>Wed, 08 Apr 2026 10:00:00 +0800</pubDate>
<description>&lt;p&gt;Line one.&lt;/p&gt;&lt;p&gt;Line two.&lt;/p&gt;</description></item>
</channel></rss>"""
ATOM = b"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>Atom Wire</title><id>urn:wire</id><updated>2024-05-02T00:00:00Z</updated>
<entry><title type="html">Atom &lt;b&gt;entry&lt;/b&gt;</title>
<id>urn:entry:1</id><link href="https://example.com/atom"/>
<updated>2024-05-03T01:00:00+09:00</updated><author><name>Bo Li</name></author>
<author><name>Cy Wu</name></author>
<summary>Short.</summary><content type="html">&lt;p&gt;The long content.&lt;/p&gt;</content>
</entry></feed>"""
RSS10 = b"""<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
xmlns="http://purl.org/rss/1.0/"><channel rdf:about="x"><title>RDF Wire</title></channel>
<item rdf:about="https://example.com/rdf"><title>RDF item</title>
<link>https://example.com/rdf</link><description>RDF text.</description></item></rdf:RDF>"""


@pytest.mark.parametrize(
    "data, expected",
    [
        (RSS091, ("https://example.com/old", "Old item", None, (), "Old Wire", "Made in 1999.")),
        (RSS20, ("new-1", "New item", "2026-04-08", ("Ann Cao",), "New Wire",
                 "Line one.\nLine two.")),
        (ATOM, ("urn:entry:1", "Atom entry", "2024-05-03", ("Bo Li", "Cy Wu"), "Atom Wire",
                "The long content.")),
        (RSS10, ("https://example.com/rdf", "RDF item", None, (), "RDF Wire", "RDF text.")),
    ],
)
def test_formats(data, expected):
    [article] = read_feed(data, source="f.xml")
    got = (article.id, article.title, article.date, article.authors, article.publisher,
           article.text)
    assert got == expected


@pytest.mark.parametrize(
    "entry, expected",
    [
        ({"published": "Thu, 16 Apr 2026 03:29:22 +0000"}, "2026-04-16"),
        ({"published": "Thu, 16 Apr 2026 23:59:00 -0500"}, "2026-04-16"),
        ({"published": "2026-04-16T00:30:00+09:00"}, "2026-04-16"),
        ({"updated": "2026-04-16"}, "2026-04-16"),
        ({"published": "yesterday"}, None),
        ({"published": ""}, None),
        ({}, None),
    ],
)
def test_item_date(entry, expected):
    assert item_date(entry) == expected


@pytest.mark.parametrize(
    "link, expected",
    [
        ("https://example.com/a", "https://example.com/a"),
        ("  http://example.com/b  ", "http://example.com/b"),
        ("javascript:alert(1)", None),
        ("JaVaScRiPt:alert(1)", None),
        ("data:text/html,<script>x</script>", None),
        ("file:///etc/passwd", None),
    ],
)
def test_only_http_links_are_kept(link, expected):
    data = (
        "<rss version='2.0'><channel><title>W</title><item><title>T</title>"
        f"<link>{link.replace('<', '&lt;').replace('>', '&gt;')}</link></item></channel></rss>"
    ).encode()
    [article] = read_feed(data, source="w.xml")
    assert article.link == expected
    assert article.source == (expected or "w.xml")


def test_duplicate_author_elements_give_one_author():
    data = b"""<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
    <title>W</title><item><title>T</title><author>Xiaofei Xu</author>
    <dc:creator>Xiaofei Xu</dc:creator></item></channel></rss>"""
    [article] = read_feed(data, source="w.xml")
    assert article.authors == ("Xiaofei Xu",)


def test_items_keep_document_order():
    items = "".join(f"<item><title>Item {i}</title></item>" for i in range(30))
    data = f"<rss version='2.0'><channel><title>W</title>{items}</channel></rss>".encode()
    assert [a.title for a in read_feed(data, source="w")] == [f"Item {i}" for i in range(30)]


@pytest.mark.parametrize(
    "data, error",
    [
        (b"<rss version='2.0'><channel><title>W</title></channel></rss>", EmptySourceError),
        (b"<rss version='2.0'><channel><title>W</title><item></item></channel></rss>",
         EmptySourceError),
        (b"<rss version='2.0'><channel><title>W</channel>", FeedError),
    ],
)
def test_unusable_feeds(data, error):
    with pytest.raises(error) as caught:
        read_feed(data, source="w.xml")
    assert caught.value.source == "w.xml"


def test_opml_feeds_in_order():
    data = b"""<?xml version="1.0"?><opml version="2.0"><head><title>Subs</title></head>
    <body><outline text="Tech">
    <outline type="rss" xmlUrl="https://example.com/b.xml"/>
    <outline type="rss" xmlurl="https://example.com/a.xml"/></outline>
    <outline type="rss" xmlUrl="javascript:alert(1)"/></body></opml>"""
    assert opml_feeds(data, source="s.opml") == (
        "https://example.com/b.xml", "https://example.com/a.xml"
    )


@pytest.mark.parametrize(
    "data, error",
    [
        (b"<opml><body><outline text='no url'/></body></opml>", EmptySourceError),
        (b"<opml><body><outline", FeedError),
    ],
)
def test_unusable_opml(data, error):
    with pytest.raises(error):
        opml_feeds(data, source="s.opml")


def test_a_title_referring_to_a_character_xml_cannot_hold_drops_it():
    feed = (b'<rss version="2.0"><channel><title>W</title><item><title>Acme sues Globex'
            b' &#xFFFE;</title><guid>m1</guid><description>Acme sued.</description></item>'
            b'</channel></rss>')
    [article] = read_feed(feed, source="f.xml")
    assert article.title == "Acme sues Globex"
