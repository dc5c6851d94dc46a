"""The viewer page: what it embeds, how it escapes, and that it is the same every time."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import re
from html.parser import HTMLParser
from typing import Any

import networkx as nx
import pytest

from newsgraph.graph.html import render_html, safe_link, script_json, write_html

NS = "https://w3id.org/newsgraph/id/"
INTEL = NS + "organisation/intel"
NVIDIA = NS + "organisation/nvidia"
GELSINGER = NS + "person/pat-gelsinger"
ARTICLE = NS + "article/a1"
HOSTILE = NS + "organisation/hostile"
HOSTILE_TEXT = (
    '</script><script>window.__pwned=1</script><img src=x onerror="window.__pwned=1">'
    "\u2028\u2029 <!-- & > ]]>"
)


def evidence(article: str, sentence: str, percent: float | None = None) -> dict[str, Any]:
    return {
        "article": article,
        "sentence": sentence,
        "start": 0,
        "end": len(sentence),
        "rule": "r1",
        "percent": percent,
        "market": "Nasdaq" if percent is not None else None,
    }


def relation(
    graph: nx.MultiDiGraph, u: str, v: str, kind: str, predicate: str, **extra: Any
) -> None:
    graph.add_edge(
        u,
        v,
        key=kind,
        type=kind,
        predicate=predicate,
        evidence=[evidence(ARTICLE, f"{u} {kind} {v}.", extra.get("percent"))],
        article_count=1,
        first_seen="2024-03-05",
        last_seen="2024-03-05",
    )


def small_graph(link: str | None = "https://example.com/a1") -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    graph.add_node(
        ARTICLE,
        type="Article",
        label="Intel rises",
        title="Intel rises",
        date="2024-03-05",
        source="feeds/a1.xml",
        link=link,
        publisher="Reuters",
        authors=["Jane Roe"],
    )
    for node, kind, label, aliases in [
        (INTEL, "Organisation", "Intel", ["Intel Corp"]),
        (NVIDIA, "Organisation", "Nvidia", []),
        (GELSINGER, "Person", "Pat Gelsinger", ["Gelsinger"]),
    ]:
        graph.add_node(node, type=kind, label=label, aliases=aliases, articles=[ARTICLE])
        graph.add_edge(ARTICLE, node, key="mentions", type="mentions")
    relation(graph, GELSINGER, INTEL, "leads", "leads")
    relation(graph, INTEL, NVIDIA, "partners-with", "partnersWith")
    relation(graph, INTEL, NVIDIA, "competes-with", "competesWith")
    relation(graph, NVIDIA, INTEL, "invests-in", "investsIn")
    relation(graph, INTEL, ARTICLE, "rose-on-news", "roseOnNews", percent=22.8)
    return graph


def hostile_graph() -> nx.MultiDiGraph:
    graph = small_graph(link="javascript:alert(1)")
    graph.nodes[ARTICLE]["title"] = HOSTILE_TEXT
    graph.nodes[ARTICLE]["source"] = "javascript:alert(1)"
    graph.add_node(
        HOSTILE,
        type="Organisation",
        label=HOSTILE_TEXT,
        aliases=["<b>bold</b>", "\u2028"],
        articles=[ARTICLE],
    )
    graph.add_edge(
        HOSTILE,
        INTEL,
        key="sanctions",
        type="sanctions",
        predicate="sanctions",
        evidence=[evidence(ARTICLE, HOSTILE_TEXT)],
        article_count=1,
        first_seen=None,
        last_seen=None,
    )
    return graph


class Page(HTMLParser):
    """The tags, attributes and script contents of a page, as a browser tokenises them."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self._in_script: dict[str, str | None] | None = None
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._in_script = dict(attrs)
            self.scripts.append((self._in_script, ""))

    def handle_data(self, data: str) -> None:
        if self._in_script is not None:
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = None


def data_of(page: str) -> dict[str, Any]:
    parsed = Page(page)
    [text] = [text for attrs, text in parsed.scripts if attrs.get("id") == "newsgraph-data"]
    result: dict[str, Any] = json.loads(text)
    return result


def node_of(data: dict[str, Any], node_id: str) -> dict[str, Any]:
    [node] = [n for n in data["nodes"] if n["id"] == node_id]
    result: dict[str, Any] = node
    return result


def test_page_is_one_document_with_three_scripts() -> None:
    page = Page(render_html(small_graph()))
    assert [attrs for attrs, _ in page.scripts] == [
        {"id": "newsgraph-data", "type": "application/json"},
        {},
        {},
    ]
    assert [tag for tag, _ in page.tags].count("html") == 1


def test_hostile_text_cannot_leave_the_json_block() -> None:
    page = render_html(hostile_graph(), title=HOSTILE_TEXT)
    parsed = Page(page)
    assert len(parsed.scripts) == 3
    assert not [tag for tag, _ in parsed.tags if tag == "img"]
    assert "\u2028" not in page
    assert "\u2029" not in page
    [(_, text)] = [s for s in parsed.scripts if s[0].get("id") == "newsgraph-data"]
    assert not re.search(r"[<>&]", text)
    assert "\\u003c/script\\u003e" in text
    assert "\\u2028" in text


def test_hostile_title_is_escaped_in_the_head() -> None:
    page = render_html(nx.MultiDiGraph(), title='<b>"x" & y</b>')
    assert "<title>&lt;b&gt;&quot;x&quot; &amp; y&lt;/b&gt;</title>" in page
    assert data_of(page)["title"] == '<b>"x" & y</b>'


def test_embedded_json_round_trips_untrusted_text() -> None:
    data = data_of(render_html(hostile_graph()))
    hostile = node_of(data, HOSTILE)
    assert hostile["label"] == HOSTILE_TEXT
    assert hostile["aliases"] == ["<b>bold</b>", "\u2028"]
    assert node_of(data, ARTICLE)["title"] == HOSTILE_TEXT
    [edge] = [e for e in data["edges"] if e["type"] == "sanctions"]
    assert edge["evidence"][0]["sentence"] == HOSTILE_TEXT
    assert data["nodes"][edge["from"]]["id"] == HOSTILE


def test_json_describes_nodes_and_edges() -> None:
    data = data_of(render_html(small_graph()))
    assert [n["id"] for n in data["nodes"]] == sorted([ARTICLE, INTEL, NVIDIA, GELSINGER])
    intel = node_of(data, INTEL)
    assert (intel["type"], intel["label"], intel["aliases"]) == (
        "Organisation",
        "Intel",
        ["Intel Corp"],
    )
    assert [data["nodes"][a]["id"] for a in intel["articles"]] == [ARTICLE]
    article = node_of(data, ARTICLE)
    assert article["link"] == "https://example.com/a1"
    assert (article["date"], article["publisher"], article["authors"]) == (
        "2024-03-05",
        "Reuters",
        ["Jane Roe"],
    )
    types = sorted(e["type"] for e in data["edges"])
    assert types == sorted(
        ["leads", "partners-with", "competes-with", "invests-in", "rose-on-news"] + ["mentions"] * 3
    )
    [rose] = [e for e in data["edges"] if e["type"] == "rose-on-news"]
    assert rose["predicate"] == "roseOnNews"
    assert rose["evidence"][0]["percent"] == 22.8
    assert rose["evidence"][0]["market"] == "Nasdaq"
    assert data["nodes"][rose["evidence"][0]["article"]]["id"] == ARTICLE
    assert (rose["count"], rose["first"], rose["last"]) == (1, "2024-03-05", "2024-03-05")


def test_parallel_edges_between_a_pair_get_distinct_curves() -> None:
    data = data_of(render_html(small_graph()))
    intel, nvidia = (data["nodes"].index(node_of(data, n)) for n in (INTEL, NVIDIA))
    between = [e for e in data["edges"] if {e["from"], e["to"]} == {intel, nvidia}]
    assert len(between) == 3
    low, high = min(intel, nvidia), max(intel, nvidia)
    # the same geometric side whichever way an edge points
    sides = sorted(
        e["curve"] if (e["from"], e["to"]) == (low, high) else -e["curve"] for e in between
    )
    assert sides == [-0.25, 0.0, 0.25]
    [leads] = [e for e in data["edges"] if e["type"] == "leads"]
    assert leads["curve"] == 0.0


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.com/a", "https://example.com/a"),
        ("http://example.com", "http://example.com"),
        ("HTTPS://EXAMPLE.COM/x?y=1#z", "HTTPS://EXAMPLE.COM/x?y=1#z"),
        ("javascript:alert(1)", None),
        ("JaVaScRiPt:alert(1)", None),
        ("data:text/html,<script>alert(1)</script>", None),
        ("vbscript:msgbox", None),
        ("//example.com/a", None),
        ("/relative/path", None),
        ("feeds/a1.xml", None),
        (" https://example.com", None),
        ("https://example.com/a b", None),
        ("https:///nohost", None),
        ("https://exa\nmple.com", None),
        ("", None),
        (None, None),
        (42, None),
    ],
)
def test_safe_link_keeps_only_http_links(url: object, expected: str | None) -> None:
    assert safe_link(url) == expected


def test_unsafe_links_are_dropped_from_the_page() -> None:
    data = data_of(render_html(hostile_graph()))
    article = node_of(data, ARTICLE)
    assert article["link"] is None
    assert article["sourceLink"] is None
    assert article["source"] == "javascript:alert(1)"


def test_script_json_escapes_every_dangerous_character() -> None:
    text = script_json({"k": "<>&\u2028\u2029 é"})
    assert text == '{"k":"\\u003c\\u003e\\u0026\\u2028\\u2029 é"}'
    assert json.loads(text) == {"k": "<>&\u2028\u2029 é"}


def test_script_json_escapes_each_character_once_wherever_it_stands() -> None:
    value = {"<&>": ["&lt;", "\\u003c<", "\u2028\u2029\u2028", "a>b&c<d", "plain"], "&": "<<"}
    text = script_json(value)
    assert text == (
        '{"\\u0026":"\\u003c\\u003c","\\u003c\\u0026\\u003e":["\\u0026lt;",'
        '"\\\\u003c\\u003c","\\u2028\\u2029\\u2028","a\\u003eb\\u0026c\\u003cd","plain"]}')
    assert json.loads(text) == value
    assert not any(character in text for character in "<>&\u2028\u2029")


def test_same_graph_gives_identical_bytes() -> None:
    forward = small_graph()
    backward = nx.MultiDiGraph()
    backward.add_nodes_from(reversed(list(forward.nodes(data=True))))
    backward.add_edges_from(reversed(list(forward.edges(keys=True, data=True))))
    first = render_html(forward, title="t")
    assert render_html(small_graph(), title="t") == first
    assert render_html(backward, title="t") == first


def test_page_loads_nothing_from_any_host() -> None:
    page = render_html(hostile_graph())
    parsed = Page(page)
    for _, attrs in parsed.tags:
        for name in ("src", "href", "action", "srcset", "poster", "data"):
            value = (attrs.get(name) or "").strip().lower()
            assert not value.startswith(("http:", "https:", "//")), (name, value)
    styles = re.findall(r"<style>(.*?)</style>", page, flags=re.DOTALL)
    assert len(styles) == 2
    for style in styles:
        assert "@import" not in style
        assert all(
            u.startswith(("data:", '"data:', "'data:"))
            for u in re.findall(r"url\(([^)]*)\)", style)
        )


def test_content_security_policy_allows_only_the_inline_scripts() -> None:
    page = render_html(small_graph())
    parsed = Page(page)
    [csp] = [
        attrs["content"]
        for tag, attrs in parsed.tags
        if tag == "meta" and attrs.get("http-equiv") == "Content-Security-Policy"
    ]
    assert csp is not None
    assert "default-src 'none'" in csp
    code = [text for attrs, text in parsed.scripts if not attrs]
    for text in code:
        digest = base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in csp
    assert "unsafe-inline" not in csp.split("script-src", 1)[1].split(";", 1)[0]


def test_layout_is_fixed_and_spread_out() -> None:
    data = data_of(render_html(small_graph()))
    points = {(n["x"], n["y"]) for n in data["nodes"]}
    assert len(points) == len(data["nodes"])
    assert all(isinstance(n["x"], int) and isinstance(n["y"], int) for n in data["nodes"])
    ranks = sorted(n["rank"] for n in data["nodes"])
    assert ranks == list(range(len(data["nodes"])))
    assert node_of(data, INTEL)["rank"] == 0


def test_odd_attributes_do_not_break_the_page() -> None:
    graph = nx.MultiDiGraph()
    graph.add_node("x", type="Thing", label=None, aliases="not a list", articles=["missing"])
    graph.add_node("y")
    graph.add_edge("x", "y", key="supplies", evidence=[{"percent": float("nan")}, "junk"])
    data = data_of(render_html(graph))
    x = node_of(data, "x")
    assert (x["type"], x["label"], x["aliases"], x["articles"]) == ("Entity", "x", [], [])
    [edge] = data["edges"]
    assert edge["type"] == edge["predicate"] == "supplies"
    assert edge["evidence"] == [
        {"article": None, "sentence": "", "rule": None, "percent": None, "market": None}
    ]


def test_write_html_writes_utf8_bytes() -> None:
    graph = small_graph()
    graph.nodes[INTEL]["label"] = "Intel — Straße"
    out = io.BytesIO()
    write_html(graph, out, title="t")
    assert out.getvalue() == render_html(graph, title="t").encode("utf-8")
    assert "Intel — Straße" in out.getvalue().decode("utf-8")


# Relation colours for colour-blind readers: Machado, Oliveira and Fernandes (2009), severity 1,
# applied to linear RGB; distances in CIELAB (D65).
CVD = {
    "normal": ((1.0, 0.0, 0.0), (0.0, 1.0, 0.0), (0.0, 0.0, 1.0)),
    "protanopia": (
        (0.152286, 1.052583, -0.204868),
        (0.114503, 0.786281, 0.099216),
        (-0.003882, -0.048116, 1.051998),
    ),
    "deuteranopia": (
        (0.367322, 0.860646, -0.227968),
        (0.280085, 0.672501, 0.047413),
        (-0.011820, 0.042940, 0.968881),
    ),
    "tritanopia": (
        (1.255528, -0.076749, -0.178779),
        (-0.078411, 0.930809, 0.147602),
        (0.004733, 0.691367, 0.303900),
    ),
}


def linear_rgb(color: str) -> list[float]:
    channels = [int(color[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    return [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]


def lab(rgb: list[float]) -> tuple[float, float, float]:
    r, g, b = (min(max(c, 0.0), 1.0) for c in rgb)
    xyz = (
        (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047,
        0.2126 * r + 0.7152 * g + 0.0722 * b,
        (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883,
    )
    f = [t ** (1 / 3) if t > (6 / 29) ** 3 else t / (3 * (6 / 29) ** 2) + 4 / 29 for t in xyz]
    return 116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])


def simulate(matrix: tuple[tuple[float, ...], ...], color: str) -> tuple[float, float, float]:
    rgb = linear_rgb(color)
    return lab([sum(m * c for m, c in zip(row, rgb, strict=True)) for row in matrix])


@pytest.mark.parametrize("vision", sorted(CVD))
def test_relation_families_stay_apart_for_colour_blind_readers(vision: str) -> None:
    from newsgraph.graph.html import FAMILIES, OTHER_RELATION

    colors = [color for _, color, _ in FAMILIES] + [OTHER_RELATION[1]]
    assert len(set(colors)) == len(colors)
    points = [simulate(CVD[vision], c) for c in colors]
    nearest = min(
        sum((a - b) ** 2 for a, b in zip(p, q, strict=True)) ** 0.5
        for i, p in enumerate(points)
        for q in points[i + 1 :]
    )
    # CIE76 distance: about 2 is just noticeable; 15 is plainly another colour
    assert nearest > 15


def test_every_relation_of_the_ontology_has_a_family() -> None:
    from newsgraph.graph.html import FAMILIES
    from newsgraph.ontology import RELATIONS

    members = [p for _, _, predicates in FAMILIES for p in predicates]
    assert sorted(members) == sorted(RELATIONS)


def test_what_colour_says_is_also_drawn() -> None:
    graph = small_graph()
    relation(graph, INTEL, ARTICLE, "fell-on-news", "fellOnNews", percent=-3.0)
    relation(graph, NVIDIA, ARTICLE, "rose-on-news", "roseOnNews", percent=3.0)
    styles = data_of(render_html(graph))["relations"]
    assert styles["fell-on-news"]["dashes"] and not styles["rose-on-news"]["dashes"]
    assert styles["fell-on-news"]["name"] == "\u25bc fell on news"
    assert styles["rose-on-news"]["name"] == "\u25b2 rose on news"
    # direction by arrows; none on a relation that holds both ways
    assert styles["leads"]["arrow"] and not styles["partners-with"]["arrow"]
