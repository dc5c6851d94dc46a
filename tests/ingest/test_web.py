"""Fetching over HTTP, against a server on 127.0.0.1 that the tests start and stop."""

import gzip
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import pytest

from newsgraph.errors import FetchError, TooLargeError
from newsgraph.ingest.sources import read_sources
from newsgraph.ingest.web import USER_AGENT, Fetcher

FEED = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Loop Wire</title>
<item><title>Intel rises</title><link>{base}/article</link><guid>loop-1</guid>
<description>Short description.</description></item>
<item><title>Gone page</title><link>{base}/404</link><guid>loop-2</guid>
<description>Only the description.</description></item>
</channel></rss>"""
ARTICLE = b"""<!DOCTYPE html><html><head><title>Intel rises</title></head><body>
<nav>Home | Markets</nav><article><h1>Intel rises</h1>
<p>Intel shares rose 5% on Thursday after the chipmaker reported strong quarterly results.</p>
<p>Analysts at Bernstein said demand for data-centre chips was recovering.</p>
</article></body></html>"""
ETAG = '"v1"'
SLEEP = 1.0  # seconds a slow handler waits: well past the tests' timeouts


class Handler(BaseHTTPRequestHandler):
    seen: ClassVar[list[dict[str, str]]] = []

    def log_message(self, format, *args):  # keep test output clean
        pass

    def send(self, status, body=b"", headers=()):
        self.send_response(status)
        for key, value in headers:
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        Handler.seen.append({"path": self.path, **dict(self.headers.items())})
        base = f"http://127.0.0.1:{self.server.server_address[1]}".encode()
        path = self.path
        if path == "/feed":
            if self.headers.get("If-None-Match") == ETAG:
                self.send(304, headers=[("ETag", ETAG)])
            else:
                self.send(200, FEED.replace(b"{base}", base),
                          [("Content-Type", "application/rss+xml"), ("ETag", ETAG)])
        elif path == "/subs.opml":
            opml = (b'<opml version="2.0"><body><outline xmlUrl="' + base + b'/feed"/>'
                    b'<outline xmlUrl="' + base + b'/500"/></body></opml>')
            self.send(200, opml, [("Content-Type", "text/x-opml")])
        elif path == "/self.opml":  # lists itself, and a feed
            opml = (b'<opml version="2.0"><body><outline xmlUrl="' + base + b'/self.opml"/>'
                    b'<outline xmlUrl="' + base + b'/feed"/></body></opml>')
            self.send(200, opml, [("Content-Type", "text/x-opml")])
        elif path.startswith("/chain/"):  # /chain/N lists /chain/N+1, endlessly
            n = int(path.rsplit("/", 1)[1])
            opml = (b'<opml version="2.0"><body><outline xmlUrl="' + base +
                    f"/chain/{n + 1}".encode() + b'"/></body></opml>')
            self.send(200, opml, [("Content-Type", "text/x-opml")])
        elif path in ("/ring-a.opml", "/ring-b.opml"):  # two lists naming each other
            other = b"/ring-b.opml" if path == "/ring-a.opml" else b"/ring-a.opml"
            opml = (b'<opml version="2.0"><body><outline xmlUrl="' + base + other + b'"/>'
                    b'</body></opml>')
            self.send(200, opml, [("Content-Type", "text/x-opml")])
        elif path == "/article":
            self.send(200, ARTICLE, [("Content-Type", "text/html; charset=utf-8")])
        elif path == "/text":
            self.send(200, b"Plain\n\nPlain text from the web.", [("Content-Type", "text/plain")])
        elif path == "/500":
            self.send(500)
        elif path == "/slow":
            time.sleep(SLEEP)
            self.send(200, b"too late")
        elif path in ("/loop-a", "/loop-b"):
            self.send(302, headers=[("Location", "/loop-b" if path == "/loop-a" else "/loop-a")])
        elif path.startswith("/hop/"):
            n = int(path.rsplit("/", 1)[1])
            target = f"/hop/{n - 1}" if n > 0 else "/text"
            self.send(301, headers=[("Location", target)])
        elif path == "/to-file":
            self.send(302, headers=[("Location", "file:///etc/passwd")])
        elif path == "/drip":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            try:
                for _ in range(40):
                    self.wfile.write(b"x")
                    self.wfile.flush()
                    time.sleep(0.05)
            except OSError:
                pass
        elif path == "/drip-headers":
            # one header line after another, each a byte at a time: no single read times out
            try:
                self.wfile.write(b"HTTP/1.1 200 OK\r\n")
                for _ in range(200):
                    for byte in b"X-Drip: x\r\n":
                        self.wfile.write(bytes([byte]))
                        self.wfile.flush()
                        time.sleep(0.02)
            except OSError:
                pass
            self.close_connection = True
        elif path == "/drip-chunks":
            # a chunked body whose chunk-size lines come a byte at a time
            try:
                self.wfile.write(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n")
                for _ in range(200):
                    for byte in b"0000000000000001":
                        self.wfile.write(bytes([byte]))
                        self.wfile.flush()
                        time.sleep(0.02)
                    self.wfile.write(b"\r\nx\r\n")
            except OSError:
                pass
            self.close_connection = True
        elif path == "/to-private":
            self.send(302, headers=[("Location", "http://127.0.0.2:9/secret")])
        elif path == "/reason":
            self.wfile.write(b"HTTP/1.1 500 Bad \x1b[2J\x1b]0;pwned\x07 \x9b31m\r\n"
                             b"Content-Length: 0\r\nConnection: close\r\n\r\n")
            self.close_connection = True
        elif path == "/huge":
            self.send_response(200)
            self.send_header("Content-Length", "999999999")
            self.end_headers()
        elif path == "/bomb":
            body = gzip.compress(b"\0" * 5_000_000)
            self.send(200, body, [("Content-Encoding", "gzip")])
        elif path == "/gzip":
            self.send(200, gzip.compress(b"Zipped\n\nCompressed text."),
                      [("Content-Encoding", "gzip")])
        else:
            self.send(404, b"not here")


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05},
                              daemon=True)
    thread.start()
    Handler.seen = []
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


def fetcher(**limits):
    """A fetcher with short limits that may fetch from the loopback server."""
    settings = {"connect_timeout": 1.0, "read_timeout": 0.3, "deadline": 1.5,
                "trust_env": False, "allow_private_hosts": True, **limits}
    return Fetcher(**settings)


def test_feed_with_etag_then_304(server):
    cache = {}
    f = fetcher(cache=cache)
    first = f.fetch(server + "/feed", conditional=True)
    assert (first.status, first.not_modified) == (200, False)
    assert cache == {server + "/feed": {"etag": ETAG}}
    second = f.fetch(server + "/feed", conditional=True)
    assert (second.status, second.not_modified, second.content) == (304, True, b"")
    assert Handler.seen[-1]["If-None-Match"] == ETAG
    assert Handler.seen[-1]["User-Agent"] == USER_AGENT


def test_read_sources_304_is_nothing_new(server):
    cache = {}
    [first] = read_sources([server + "/feed"], fetcher=fetcher(cache=cache))
    [second] = read_sources([server + "/feed"], fetcher=fetcher(cache=cache))
    assert [a.id for a in first.articles] == ["loop-1", "loop-2"]
    assert (second.articles, second.errors) == ((), ())


@pytest.mark.parametrize(
    "path, error, message",
    [
        ("/404", FetchError, "HTTP error 404 Not Found (expected 200 OK)"),
        ("/500", FetchError, "HTTP error 500 Internal Server Error (expected 200 OK)"),
        ("/slow", FetchError, "timed out after 0.3 s (waiting for the response)"),
        ("/loop-a", FetchError, "redirects in a loop (back to {server}/loop-a)"),
        ("/hop/9", FetchError, "redirected more than 5 times (last to {server}/hop/3)"),
        ("/to-file", FetchError, "redirects to an unusable location ('file:///etc/passwd')"),
        ("/drip", FetchError, "took longer than the total deadline of 1.5 s"),
        ("/drip-headers", FetchError, "took longer than the total deadline of 1.5 s"),
        ("/drip-chunks", FetchError, "took longer than the total deadline of 1.5 s"),
        ("/huge", TooLargeError, "is larger than the limit of 10,000 bytes (got 999999999 bytes)"),
        ("/bomb", TooLargeError, "is larger than the limit of 10,000 bytes (got more)"),
    ],
)
def test_fetch_errors(server, path, error, message):
    started = time.monotonic()
    with pytest.raises(error) as caught:
        fetcher(max_bytes=10_000).fetch(server + path)
    assert time.monotonic() - started < 2.0
    assert caught.value.source == server + path
    assert caught.value.message.startswith(message.format(server=server))


def test_redirects_within_limit_are_followed(server):
    response = fetcher().fetch(server + "/hop/3")
    assert response.url == server + "/text"
    assert response.content == b"Plain\n\nPlain text from the web."


def test_gzip_is_inflated(server):
    assert fetcher().fetch(server + "/gzip").content == b"Zipped\n\nCompressed text."


def test_connection_refused_names_the_source():
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"http://127.0.0.1:{port}/feed"
    with pytest.raises(FetchError) as caught:
        fetcher().fetch(url)
    assert caught.value.line().startswith(f"{url}: could not connect (")


def test_bad_sources_do_not_stop_good_ones(server):
    sources = [server + p for p in ("/404", "/feed", "/slow", "/text", "/loop-a", "/article")]
    results = read_sources(sources, fetcher=fetcher())
    assert [r.source for r in results] == sources
    assert [len(r.articles) for r in results] == [0, 2, 0, 1, 0, 1]
    assert [len(r.errors) for r in results] == [1, 0, 1, 0, 1, 0]
    for result in results:
        for error in result.errors:
            assert error.line().startswith(result.source + ": ")
    page = results[5].articles[0]
    assert (page.id, page.source, page.title) == (server + "/article", server + "/article",
                                                  "Intel rises")
    assert page.text.startswith("Intel shares rose 5% on Thursday")
    assert results[3].articles[0].source == server + "/text"


def test_fetch_articles_uses_pages_and_falls_back(server):
    [result] = read_sources([server + "/feed"], fetch_articles=True, fetcher=fetcher())
    full, fallback = result.articles
    assert full.title == "Intel rises"
    assert full.text.startswith("Intel shares rose 5% on Thursday")
    assert "Home | Markets" not in full.text
    assert fallback.text == "Only the description."
    [error] = result.errors
    assert isinstance(error, FetchError)
    assert error.line() == (
        f"{server}/404: article page unusable, kept the feed's description "
        "(HTTP error 404 Not Found (expected 200 OK))"
    )


def test_non_http_urls_are_refused():
    [result] = read_sources(["ftp://example.com/feed.xml"], fetcher=fetcher())
    assert result.errors[0].message == (
        "has an unsupported URL scheme (expected http or https; got 'ftp')"
    )


def test_opml_lists_feeds_that_are_fetched(server, tmp_path):
    [result] = read_sources([server + "/subs.opml"], fetcher=fetcher())
    assert [a.id for a in result.articles] == ["loop-1", "loop-2"]
    assert [e.line() for e in result.errors] == [
        f"{server}/500: HTTP error 500 Internal Server Error (expected 200 OK)"
    ]
    local = tmp_path / "subs.xml"
    local.write_bytes(f'<opml><body><outline xmlUrl="{server}/feed"/></body></opml>'.encode())
    [result] = read_sources([str(local)], fetcher=fetcher())
    assert (len(result.articles), result.errors) == (2, ())


@pytest.mark.parametrize(
    "url, shown",
    [
        ("http://127.0.0.1:{port}/feed", "127.0.0.1 is a loopback address"),
        ("http://localhost:{port}/feed", "localhost (127.0.0.1) is a loopback address"),
        ("http://[::ffff:127.0.0.1]:{port}/feed",
         "::ffff:127.0.0.1 is a loopback address"),
        ("http://169.254.169.254/latest/meta-data/", "169.254.169.254 is a link-local address"),
        ("http://10.1.2.3/feed", "10.1.2.3 is a private address"),
        ("http://[fe80::1]/feed", "fe80::1 is a link-local address"),
        ("http://224.0.0.1/feed", "224.0.0.1 is a multicast address"),
        ("http://0.0.0.0:{port}/feed", "0.0.0.0 is an unspecified address"),
        ("http://2130706433:{port}/feed", "2130706433 (127.0.0.1) is a loopback address"),
    ],
)
def test_private_addresses_are_refused_by_default(server, url, shown):
    url = url.format(port=server.rsplit(":", 1)[1])
    with pytest.raises(FetchError) as caught:
        Fetcher(trust_env=False).fetch(url)
    assert caught.value.message == (
        f"refused: {shown} (newsgraph fetches only from public addresses; "
        "--allow-private-hosts lets it fetch from intranet hosts)"
    )
    assert Handler.seen == []


def test_a_redirect_to_a_private_address_is_refused(server, monkeypatch):
    from newsgraph.ingest import web

    # the loopback server stands for a public host: its address alone is let through
    refusal = web.address_refusal
    monkeypatch.setattr(web, "address_refusal",
                        lambda address: None if address == "127.0.0.1" else refusal(address))
    with pytest.raises(FetchError) as caught:
        Fetcher(trust_env=False).fetch(server + "/to-private")
    assert caught.value.source == server + "/to-private"
    assert caught.value.message.startswith("refused: 127.0.0.2 is a loopback address")
    assert [s["path"] for s in Handler.seen] == ["/to-private"]


def test_private_hosts_are_allowed_on_request(server):
    response = Fetcher(trust_env=False, allow_private_hosts=True).fetch(server + "/text")
    assert response.content == b"Plain\n\nPlain text from the web."


def test_feed_links_to_private_hosts_are_refused_and_named(server, tmp_path):
    feed = tmp_path / "feed.xml"
    feed.write_bytes(FEED.replace(b"{base}/article", server.encode() + b"/article")
                     .replace(b"{base}/404", b"http://169.254.169.254/latest/meta-data/"))
    [result] = read_sources([str(feed)], fetch_articles=True,
                            fetcher=Fetcher(trust_env=False, deadline=2))
    assert [a.text for a in result.articles] == ["Short description.", "Only the description."]
    assert [e.line() for e in result.errors] == [
        f"{server}/article: article page unusable, kept the feed's description (refused: "
        "127.0.0.1 is a loopback address (newsgraph fetches only from public addresses; "
        "--allow-private-hosts lets it fetch from intranet hosts))",
        "http://169.254.169.254/latest/meta-data/: article page unusable, kept the feed's "
        "description (refused: 169.254.169.254 is a link-local address (newsgraph fetches "
        "only from public addresses; --allow-private-hosts lets it fetch from intranet hosts))",
    ]
    assert Handler.seen == []


def test_one_budget_for_all_fetches(server):
    f = fetcher(budget=0.5)
    started = time.monotonic()
    results = read_sources([server + p for p in ("/slow", "/slow", "/slow", "/text")], fetcher=f)
    assert time.monotonic() - started < 1.5
    messages = [e.message for r in results for e in r.errors]
    assert messages[0] == "timed out after 0.3 s (waiting for the response)"
    assert messages[1].startswith("stopped when the fetch budget of 0.5 s ran out")
    assert messages[2:] == ["not fetched: the fetch budget of 0.5 s is spent "
                            "(--fetch-budget gives more)"] * 2


def test_control_characters_in_a_reason_phrase_are_escaped(server):
    with pytest.raises(FetchError) as caught:
        fetcher().fetch(server + "/reason")
    line = caught.value.line()
    assert not any(c in line for c in "\x1b\x07\x9b")
    assert line.endswith("HTTP error 500 Bad \\x1b[2J\\x1b]0;pwned\\x07 \\x9b31m "
                         "(expected 200 OK)")


def test_an_opml_list_that_lists_itself_is_read_once(server):
    [result] = read_sources([server + "/self.opml"], fetcher=fetcher())
    assert [a.id for a in result.articles] == ["loop-1", "loop-2"]
    assert [e.line() for e in result.errors] == [
        f"{server}/self.opml: is an OPML list that leads back to itself "
        f"({server}/self.opml -> {server}/self.opml); not read again"
    ]


def test_two_opml_lists_naming_each_other_stop(server):
    [result] = read_sources([server + "/ring-a.opml"], fetcher=fetcher())
    assert [e.line() for e in result.errors] == [
        f"{server}/ring-a.opml: is an OPML list that leads back to itself "
        f"({server}/ring-a.opml -> {server}/ring-b.opml -> {server}/ring-a.opml); "
        "not read again"
    ]
    assert [s["path"] for s in Handler.seen] == ["/ring-a.opml", "/ring-b.opml"]


def test_a_chain_of_opml_lists_is_followed_three_deep(server):
    [result] = read_sources([server + "/chain/0"], fetcher=fetcher())
    chain = " -> ".join(f"{server}/chain/{n}" for n in range(4))
    assert [e.line() for e in result.errors] == [
        f"{server}/chain/3: is an OPML list nested in 3 others ({chain}); lists are followed "
        "3 deep"
    ]
    assert [s["path"] for s in Handler.seen] == [f"/chain/{n}" for n in range(4)]
