"""HTML to text: snippets and article pages."""

import pytest

from newsgraph.ingest.pages import clean_line, clean_text, html_to_text, read_page


@pytest.mark.parametrize(
    "markup, expected",
    [
        ("<p>One</p><p>Two</p>", "One\nTwo"),
        ("A &amp; B &lt;c&gt;", "A & B <c>"),
        ("<script>alert(1)</script>Safe", "Safe"),
        ("<style>p{}</style><noscript>x</noscript>Safe", "Safe"),
        ("</script>Stray end tag", "Stray end tag"),
        ("<img src=x onerror=alert(1)>Image", "Image"),
        ("Tom <b>and</b>\n\n\n\n<i>Jerry</i>", "Tom and\nJerry"),
        ("3 < 4 and 5 > 2", "3 < 4 and 5 > 2"),
        ("", ""),
    ],
)
def test_html_to_text(markup, expected):
    assert html_to_text(markup) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("a\u2028b\u2029c", "a\nb\nc"),
        ("a\r\nb\rc", "a\nb\nc"),
        ("x\x00y\x1bz", "xyz"),
        ("  lots   of \t space  ", "lots of space"),
        # what XML cannot hold, as a feed's character references may name it
        ("Acme\ufffe sues\uffff Globex\ud800", "Acme sues Globex"),
    ],
)
def test_clean_text(text, expected):
    assert clean_text(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Title\u2028with a break", "Title with a break"),
        ("<b>Bold</b>\ttitle\n", "Bold title"),
        ("&lt;script&gt;alert(1)&lt;/script&gt;News", "<script>alert(1)</script>News"),
    ],
)
def test_clean_line(text, expected):
    assert clean_line(text) == expected


PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Nvidia slides | Example</title><meta property="og:title" content="Nvidia slides">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2024-05-02T10:00:00Z"></head>
<body><nav>Home | Tech</nav><article><h1>Nvidia slides</h1>
<p>Nvidia shares fell 4% on Thursday after the United States widened export controls.</p>
<p>Analysts said the curbs would cut the company's sales to China this year.</p>
<script>track()</script></article><footer>Copyright Example</footer></body></html>"""


def test_read_page():
    pytest.importorskip("trafilatura")
    page = read_page(PAGE, url="https://example.com/nvidia")
    assert (page.title, page.date, page.authors) == ("Nvidia slides", "2024-05-02",
                                                     ("Jane Doe",))
    assert page.text == (
        "Nvidia shares fell 4% on Thursday after the United States widened export controls.\n"
        "Analysts said the curbs would cut the company's sales to China this year."
    )


def test_read_page_without_a_date_has_none():
    page = read_page("<html><body><article><p>Text that is long enough to be the main text "
                     "of a page about chips and trade.</p></article></body></html>")
    assert page.date is None
