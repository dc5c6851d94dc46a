"""The viewer page in headless Chromium, opened from file:// with the network blocked."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from newsgraph.graph.html import write_html

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
if shutil.which(CHROMIUM) is None:
    pytest.skip(f"{CHROMIUM} is not installed", allow_module_level=True)

NS = "https://w3id.org/newsgraph/id/"
A1, A2, A3 = (f"{NS}article/a{i}" for i in (1, 2, 3))
INTEL = NS + "organisation/intel"
NVIDIA = NS + "organisation/nvidia"
GELSINGER = NS + "person/pat-gelsinger"
US = NS + "country/us"
CURBS = NS + "policy/us-export-controls"
HOSTILE = NS + "organisation/hostile"
PAYLOAD = (
    "</script><script>window.__pwned=1;alert(1)</script>"
    '<img src=x onerror="window.__pwned=1;alert(1)">\u2028\u2029<!--'
)


def relation(
    graph: nx.MultiDiGraph,
    u: str,
    v: str,
    kind: str,
    predicate: str,
    article: str,
    sentence: str,
    percent: float | None = None,
    date: str = "2024-03-05",
) -> None:
    graph.add_edge(
        u,
        v,
        key=kind,
        type=kind,
        predicate=predicate,
        evidence=[
            {
                "article": article,
                "sentence": sentence,
                "start": 0,
                "end": len(sentence),
                "rule": kind + "-1",
                "percent": percent,
                "market": "Nasdaq" if percent is not None else None,
            }
        ],
        article_count=1,
        first_seen=date,
        last_seen=date,
    )


def news_graph() -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    for article, title, date in [
        (A1, "US widens chip export curbs", "2024-01-10"),
        (A2, "Intel shares rise after Nvidia deal", "2024-03-05"),
        (A3, "Undated note", None),
    ]:
        graph.add_node(
            article,
            type="Article",
            label=title,
            title=title,
            date=date,
            source=f"feeds/{article[-2:]}.xml",
            link=f"https://example.com/{article[-2:]}",
            publisher="Reuters",
            authors=[],
        )
    for node, kind, label, aliases, articles in [
        (INTEL, "Organisation", "Intel", ["Intel Corp", "Intel Corporation"], [A2, A3]),
        (NVIDIA, "Organisation", "Nvidia", ["NVIDIA Corp"], [A1, A2]),
        (GELSINGER, "Person", "Pat Gelsinger", ["Gelsinger"], [A2]),
        (US, "Country", "United States", ["US", "Washington"], [A1]),
        (CURBS, "Policy", "US export controls", [], [A1]),
    ]:
        extra = {"kind": "ExportControl"} if kind == "Policy" else {}
        graph.add_node(node, type=kind, label=label, aliases=aliases, articles=articles, **extra)
        for article in articles:
            graph.add_edge(article, node, key="mentions", type="mentions")
    relation(graph, GELSINGER, INTEL, "leads", "leads", A2, "Intel CEO Pat Gelsinger spoke.")
    relation(graph, INTEL, NVIDIA, "partners-with", "partnersWith", A2, "Intel and Nvidia agreed.")
    relation(graph, NVIDIA, INTEL, "invests-in", "investsIn", A2, "Nvidia takes a stake in Intel.")
    relation(graph, INTEL, A2, "rose-on-news", "roseOnNews", A2, "Intel rose 22.8%.", 22.8)
    relation(
        graph, US, CURBS, "imposes", "imposes", A1, "The US imposed curbs.", None, "2024-01-10"
    )
    return graph


def hostile_graph() -> nx.MultiDiGraph:
    graph = news_graph()
    for article in (A1, A2):
        graph.nodes[article].update(title=PAYLOAD, label=PAYLOAD, link="javascript:alert(1)")
        graph.nodes[article]["source"] = "javascript:window.__pwned=1"
    graph.add_node(
        HOSTILE,
        type="Organisation",
        label=PAYLOAD,
        aliases=["<b>Evil</b>", "evilcorp"],
        articles=[A1, A2],
    )
    relation(graph, HOSTILE, INTEL, "sanctions", "sanctions", A1, PAYLOAD)
    relation(graph, HOSTILE, A2, "fell-on-news", "fellOnNews", A2, PAYLOAD, 4.5)
    return graph


@dataclass
class Loaded:
    """A page opened from file://, with what it tried to fetch and what it logged."""

    page: Any
    url: str
    blocked: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def open_page(
    browser: Any, graph: nx.MultiDiGraph, folder: Path, new_articles: frozenset[str] = frozenset()
) -> Loaded:
    path = folder / "graph.html"
    with path.open("wb") as stream:
        write_html(graph, stream, title="Test graph", new_articles=new_articles)
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    loaded = Loaded(page, path.resolve().as_uri())

    def route(route: Any) -> None:
        if route.request.url == loaded.url:
            route.continue_()
        else:
            loaded.blocked.append(route.request.url)
            route.abort()

    def dialog(dialog: Any) -> None:
        loaded.dialogs.append(dialog.message)
        dialog.dismiss()

    page.route("**/*", route)
    page.on("console", lambda m: loaded.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: loaded.errors.append(str(e)))
    page.on("dialog", dialog)
    page.goto(loaded.url)
    page.wait_for_function("window.newsgraph && window.newsgraph.settled", timeout=20_000)
    return loaded


@pytest.fixture
def news(browser: Any, tmp_path: Path) -> Iterator[Loaded]:
    loaded = open_page(browser, news_graph(), tmp_path)
    yield loaded
    loaded.page.close()


def click_node(loaded: Loaded, node_id: str) -> None:
    """Click where the network draws a node."""
    page = loaded.page
    index = page.evaluate(
        "id => JSON.parse(document.getElementById('newsgraph-data').textContent)"
        ".nodes.findIndex(n => n.id === id)",
        node_id,
    )
    point = page.evaluate(
        """i => {
            const network = newsgraph.network;
            const dom = network.canvasToDOM(network.getPositions([i])[i]);
            const box = document.querySelector('#ng-network canvas').getBoundingClientRect();
            return {x: box.left + dom.x, y: box.top + dom.y};
        }""",
        index,
    )
    page.mouse.click(point["x"], point["y"])


def test_page_draws_the_graph_offline_without_errors(news: Loaded) -> None:
    assert news.blocked == []
    assert news.errors == []
    page = news.page
    # entities, and the one article a relation ends at; mentions are not drawn
    assert page.evaluate("newsgraph.nodeCount()") == 6
    assert page.evaluate("newsgraph.edgeCount()") == 5
    assert page.evaluate("[newsgraph.drawnNodeCount(), newsgraph.drawnEdgeCount()]") == [6, 5]
    assert page.evaluate("[newsgraph.totalNodes, newsgraph.totalEdges]") == [8, 12]
    assert page.inner_text("#ng-count") == "6 nodes · 5 edges"
    assert page.get_attribute("body", "data-state") == "settled"


def test_layout_stays_still(news: Loaded) -> None:
    before = news.page.evaluate("JSON.stringify(newsgraph.positions())")
    news.page.wait_for_timeout(400)
    assert news.page.evaluate("JSON.stringify(newsgraph.positions())") == before


def test_clicking_a_node_opens_its_panel(news: Loaded) -> None:
    page = news.page
    assert page.is_hidden("#ng-panel")
    click_node(news, INTEL)
    assert page.is_visible("#ng-panel")
    assert page.inner_text("#ng-panel h2") == "Intel"
    panel = page.inner_text("#ng-panel")
    assert "Intel Corporation" in panel
    assert "Intel shares rise after Nvidia deal" in panel
    assert page.get_attribute("#ng-panel a >> nth=0", "href") == "https://example.com/a2"


def test_edge_panel_shows_evidence_and_share_move(news: Loaded) -> None:
    page = news.page
    assert page.evaluate(f"newsgraph.showEdge({INTEL!r}, {A2!r}, 'rose-on-news')")
    panel = page.inner_text("#ng-panel")
    assert "roseOnNews" in panel
    assert "Intel rose 22.8%." in panel
    assert "▲ 22.8%" in panel
    assert "Nasdaq" in panel


def test_search_finds_an_alias_and_selects_it(news: Loaded) -> None:
    page = news.page
    page.fill("#ng-search", "washington")
    results = page.locator("#ng-results button")
    assert results.count() == 1
    assert "United States" in results.first.inner_text()
    assert page.evaluate("newsgraph.search('intel corp')")[0] == "Intel"
    results.first.click()
    assert page.inner_text("#ng-panel h2") == "United States"


def test_filters_by_type_predicate_and_date(news: Loaded) -> None:
    page = news.page
    page.locator("#ng-legend label", has_text="Person").locator("input").uncheck()
    assert page.evaluate("[newsgraph.nodeCount(), newsgraph.edgeCount()]") == [5, 4]
    page.locator("#ng-predicates label", has_text="mentions").locator("input").check()
    # all three articles come in with their mentions (minus the person's)
    assert page.evaluate("[newsgraph.nodeCount(), newsgraph.edgeCount()]") == [7, 10]
    page.locator("#ng-predicates label", has_text="mentions").locator("input").uncheck()
    page.fill("#ng-date-from", "2024-02-01")
    assert page.evaluate("[newsgraph.nodeCount(), newsgraph.edgeCount()]") == [3, 3]
    page.click("#ng-date-clear")
    assert page.evaluate("[newsgraph.nodeCount(), newsgraph.edgeCount()]") == [5, 4]


def test_whats_new_rings_what_only_the_latest_documents_support(
    browser: Any, tmp_path: Path
) -> None:
    loaded = open_page(browser, news_graph(), tmp_path, new_articles=frozenset({A2}))
    page = loaded.page
    # Pat Gelsinger is only in a2, Intel and Nvidia in older articles too; four relations
    # rest on a2 alone
    assert sorted(page.evaluate("newsgraph.newIds()")) == [A2, GELSINGER]
    assert page.inner_text("#ng-new-n") == "5"
    assert page.inner_text("#ng-new-text") == (
        "1 node and 4 relations from 1 article first read in the latest build."
    )
    before = page.evaluate("newsgraph.fits")
    page.check("#ng-new")
    assert page.evaluate("newsgraph.fits") == before + 1
    assert loaded.errors == []
    page.close()


def test_the_time_slider_plays_the_graph_forward(news: Loaded) -> None:
    page = news.page
    assert page.inner_text("#ng-time-label") == "Up to 2024-03-05 (all)"
    page.locator("#ng-time").fill("0")
    assert page.inner_text("#ng-time-label") == "Up to 2024-01-10"
    # Nvidia, the United States and its export controls, and the one relation between them
    assert page.evaluate("[newsgraph.nodeCount(), newsgraph.edgeCount()]") == [3, 1]
    page.click("#ng-play")
    for _ in range(50):  # the page's CSP forbids the eval that wait_for_function polls with
        page.wait_for_timeout(200)
        if "Play" in page.inner_text("#ng-play"):
            break
    assert page.evaluate("[newsgraph.nodeCount(), newsgraph.edgeCount()]") == [6, 5]
    assert page.inner_text("#ng-time-label") == "Up to 2024-03-05 (all)"
    assert news.errors == []


def test_article_is_reachable_from_the_panel(news: Loaded) -> None:
    page = news.page
    click_node(news, NVIDIA)
    page.locator("#ng-panel li", has_text="US widens chip export curbs").get_by_text(
        "details"
    ).click()
    assert page.inner_text("#ng-panel h2") == "US widens chip export curbs"
    assert "2024-01-10" in page.inner_text("#ng-panel")


def test_hostile_graph_runs_nothing_and_renders(browser: Any, tmp_path: Path) -> None:
    loaded = open_page(browser, hostile_graph(), tmp_path)
    page = loaded.page
    page.wait_for_timeout(300)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert loaded.dialogs == []
    assert loaded.blocked == []
    assert loaded.errors == []
    assert page.evaluate("newsgraph.nodeCount()") == 7
    assert page.locator("img").count() == 0
    assert page.locator("#ng-panel script, #ng-network script").count() == 0

    assert page.evaluate(f"newsgraph.select({HOSTILE!r})")
    assert page.eval_on_selector("#ng-panel h2", "e => e.textContent") == PAYLOAD

    assert page.evaluate(f"newsgraph.select({A2!r})")
    hrefs = page.eval_on_selector_all("#ng-panel a", "links => links.map(a => a.href)")
    assert hrefs == []
    assert page.evaluate(f"newsgraph.showEdge({HOSTILE!r}, {A2!r}, 'fell-on-news')")
    assert "▼ 4.5%" in page.inner_text("#ng-panel")
    assert page.locator("#ng-panel blockquote").first.text_content() == PAYLOAD

    page.fill("#ng-search", "evilcorp")
    page.locator("#ng-results button").first.click()
    page.wait_for_timeout(300)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert loaded.dialogs == []
    assert loaded.errors == []
    shot = tmp_path / "hostile.png"
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000
    page.close()


def test_screenshot_of_a_small_graph(news: Loaded, tmp_path: Path) -> None:
    click_node(news, INTEL)
    shot = tmp_path / "viewer.png"
    news.page.screenshot(path=str(shot))
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_large_graph_shows_the_most_connected_part_first(browser: Any, tmp_path: Path) -> None:
    graph = news_graph()
    for i in range(3000):
        graph.add_node(f"{NS}organisation/o{i:04d}", type="Organisation", label=f"Org {i}")
    loaded = open_page(browser, graph, tmp_path)
    page = loaded.page
    # entities with no relation wait behind the "Unconnected" toggle
    assert page.evaluate("newsgraph.nodeCount()") == 6
    unconnected = page.locator("#ng-legend label", has_text="Unconnected")
    assert unconnected.locator(".ng-n").inner_text() == "3,000"
    unconnected.locator("input").check()
    assert page.evaluate("newsgraph.nodeCount()") == 2500
    assert page.inner_text("#ng-more-text") == "Showing the 2,500 most connected of 3,008 nodes."
    # the related entities rank first, so every relation is drawn
    assert page.evaluate("newsgraph.edgeCount()") == 5
    page.click("#ng-more")
    assert page.evaluate("newsgraph.nodeCount()") == 3006
    assert page.is_hidden("#ng-more-section")
    assert loaded.errors == []
    page.close()


# The first look: the seed graph as a new user opens it


def overlap(a: dict[str, float], b: dict[str, float]) -> bool:
    return (
        a["left"] < b["left"] + b["width"]
        and b["left"] < a["left"] + a["width"]
        and a["top"] < b["top"] + b["height"]
        and b["top"] < a["top"] + a["height"]
    )


@pytest.fixture(scope="module")
def seeds_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from newsgraph import build

    out = tmp_path_factory.mktemp("seeds")
    build(out=out)
    return out / "graph.html"


def open_file(browser: Any, path: Path, width: int, height: int) -> Loaded:
    page = browser.new_page(viewport={"width": width, "height": height})
    loaded = Loaded(page, path.resolve().as_uri())
    page.route(
        "**/*",
        lambda r: r.continue_() if r.request.url == loaded.url else (
            loaded.blocked.append(r.request.url), r.abort()),
    )
    page.on("pageerror", lambda e: loaded.errors.append(str(e)))
    page.goto(loaded.url)
    page.wait_for_function("window.newsgraph && window.newsgraph.settled", timeout=20_000)
    return loaded


def viewport(page: Any) -> dict[str, float]:
    return page.evaluate(
        """() => {
            const box = document.querySelector('#ng-network canvas').getBoundingClientRect();
            return {width: box.width, height: box.height};
        }"""
    )


def on_screen(page: Any) -> list[dict[str, Any]]:
    """The visible nodes with where they are drawn, in pixels of the canvas."""
    return page.evaluate(
        """() => {
            const data = JSON.parse(document.getElementById('newsgraph-data').textContent);
            const network = newsgraph.network;
            const shown = new Set(newsgraph.visibleIds());
            const index = data.nodes.map((n, i) => i).filter(i => shown.has(data.nodes[i].id));
            const positions = network.getPositions(index);
            return index.map(i => {
                const dom = network.canvasToDOM(positions[i]);
                const node = data.nodes[i];
                return {id: node.id, linked: node.linked, rank: node.rank, x: dom.x, y: dom.y};
            });
        }"""
    )


@pytest.mark.parametrize(("width", "height"), [(1400, 900), (1024, 768)])
def test_the_opening_view_names_the_most_important_nodes(
    browser: Any, seeds_page: Path, width: int, height: int
) -> None:
    loaded = open_file(browser, seeds_page, width, height)
    page = loaded.page
    assert loaded.errors == [] and loaded.blocked == []
    labels = page.evaluate("newsgraph.drawnLabels()")
    size = viewport(page)
    inside = [
        label for label in labels
        if label["left"] >= 0 and label["top"] >= 0
        and label["left"] + label["width"] <= size["width"]
        and label["top"] + label["height"] <= size["height"]
    ]
    assert len(inside) >= 15
    for i, a in enumerate(labels):
        for b in labels[i + 1:]:
            assert not overlap(a, b), (a["text"], b["text"])
    # the two most connected nodes are named
    nodes = sorted(on_screen(page), key=lambda n: n["rank"])
    assert {n["id"] for n in nodes[:2]} <= {label["id"] for label in inside}
    page.close()


@pytest.mark.parametrize(("width", "height"), [(1400, 900), (1024, 768)])
def test_no_unconnected_node_in_the_opening_view(
    browser: Any, seeds_page: Path, width: int, height: int
) -> None:
    loaded = open_file(browser, seeds_page, width, height)
    page = loaded.page
    size = viewport(page)
    nodes = on_screen(page)
    in_view = [n for n in nodes if 0 <= n["x"] <= size["width"] and 0 <= n["y"] <= size["height"]]
    assert len(in_view) == len(nodes) > 30
    assert all(n["linked"] for n in in_view)
    page.close()


def test_every_filter_refits_the_view(browser: Any, seeds_page: Path) -> None:
    loaded = open_file(browser, seeds_page, 1400, 900)
    page = loaded.page
    size = viewport(page)

    def fitted() -> None:
        nodes = on_screen(page)
        xs = [n["x"] for n in nodes]
        ys = [n["y"] for n in nodes]
        assert min(xs) >= 0 and max(xs) <= size["width"]
        assert min(ys) >= 0 and max(ys) <= size["height"]
        if len(nodes) > 1:  # the visible nodes fill the view one way or the other
            assert (max(xs) - min(xs)) / size["width"] > 0.5 or (
                max(ys) - min(ys)) / size["height"] > 0.5

    def box(section: str, text: str) -> Any:
        return page.locator(f"#ng-{section} label", has_text=text).locator("input")

    actions = [
        lambda: box("legend", "Person").uncheck(),
        lambda: box("legend", "Unconnected").check(),
        lambda: box("legend", "Unconnected").uncheck(),
        lambda: box("predicates", "based in").uncheck(),
        lambda: page.fill("#ng-date-from", "2026-03-01"),
        lambda: page.fill("#ng-date-to", "2026-03-20"),
        lambda: page.click("#ng-date-clear"),
    ]
    fitted()
    for act in actions:
        before = page.evaluate("newsgraph.fits")
        act()
        assert page.evaluate("newsgraph.fits") == before + 1
        fitted()
    assert loaded.errors == []
    page.close()


def test_search_ranks_the_exact_name_then_an_alias_then_the_type(
    browser: Any, seeds_page: Path
) -> None:
    loaded = open_file(browser, seeds_page, 1400, 900)
    page = loaded.page
    found = page.evaluate("newsgraph.search('trump')")
    assert found[0] == "Donald Trump"
    # the person before the organisation before the policies that bear his name
    assert found.index("Donald Trump administration") < min(
        found.index(name) for name in found if " approval" in name)
    assert page.evaluate("newsgraph.search('china')")[0] == "China"
    page.close()


def test_no_article_is_named_by_its_file(browser: Any, seeds_page: Path) -> None:
    loaded = open_file(browser, seeds_page, 1400, 900)
    captions = loaded.page.evaluate(
        "JSON.parse(document.getElementById('newsgraph-data').textContent).nodes"
        ".filter(n => n.type === 'Article').map(n => n.caption)"
    )
    assert len(captions) == 54
    assert not [c for c in captions if c.endswith(".txt") or not c.strip()]
    loaded.page.close()


# Served by `newsgraph serve`: a node's relations fetched from the endpoint

AMD = NS + "organisation/amd"


def test_the_page_from_a_file_has_no_endpoint(news: Loaded) -> None:
    assert news.page.evaluate("newsgraph.endpoint") is None
    assert news.page.locator("#ng-expand").count() == 0


def test_double_click_fetches_a_nodes_relations_from_the_endpoint(
    browser: Any, tmp_path: Path
) -> None:
    import threading

    from newsgraph.graph.rdf import write_turtle
    from newsgraph.graph.store import update_store
    from newsgraph.serve import make_server

    # the whole graph in the store; the page holds it without two of Intel's neighbours
    whole = hostile_graph()
    whole.add_node(AMD, type="Organisation", label="AMD", aliases=[], articles=[A2])
    relation(whole, AMD, INTEL, "competes-with", "competesWith", A2, "AMD and Intel compete.")
    with (tmp_path / "graph.ttl").open("wb") as stream:
        write_turtle(whole, stream)
    update_store(tmp_path, None)
    shown = whole.subgraph([n for n in whole if n not in {AMD, HOSTILE}]).copy()
    with (tmp_path / "graph.html").open("wb") as stream:
        write_html(shown, stream, title="Test graph")
    server = make_server(tmp_path, workers=1)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    origin = f"http://127.0.0.1:{server.server_address[1]}"
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    loaded = Loaded(page, origin + "/")
    try:
        def route(route: Any) -> None:
            if route.request.url.startswith(origin + "/"):
                route.continue_()
            else:
                loaded.blocked.append(route.request.url)
                route.abort()

        page.route("**/*", route)
        page.on("console", lambda m: loaded.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: loaded.errors.append(str(e)))
        page.on("dialog", lambda d: (loaded.dialogs.append(d.message), d.dismiss()))
        page.goto(loaded.url)
        # functions, not strings: the page's policy allows no eval
        page.wait_for_function("() => window.newsgraph && window.newsgraph.settled",
                               timeout=20_000)
        assert page.evaluate("newsgraph.endpoint") == "sparql"
        assert AMD not in page.evaluate("newsgraph.visibleIds()")
        before = page.evaluate("[newsgraph.totalNodes, newsgraph.nodeCount()]")

        # a double-click on Intel asks the endpoint for its relations
        index = page.evaluate(
            "id => JSON.parse(document.getElementById('newsgraph-data').textContent)"
            ".nodes.findIndex(n => n.id === id)", INTEL)
        point = page.evaluate(
            """i => {
                const network = newsgraph.network;
                const dom = network.canvasToDOM(network.getPositions([i])[i]);
                const box = document.querySelector('#ng-network canvas').getBoundingClientRect();
                return {x: box.left + dom.x, y: box.top + dom.y};
            }""", index)
        page.mouse.dblclick(point["x"], point["y"])
        page.wait_for_function(
            f"() => newsgraph.visibleIds().includes({AMD!r}) && "
            f"newsgraph.visibleIds().includes({HOSTILE!r})", timeout=20_000)
        assert page.inner_text("#ng-expand") == (
            "Fetched from the graph: 2 new nodes and 2 new relations.")
        assert page.evaluate("newsgraph.nodeCount()") == before[1] + 2
        assert page.evaluate("newsgraph.edgeCount()") == 5 + 2
        # what came back is drawn as text: the hostile name runs nothing
        assert page.evaluate(f"newsgraph.select({HOSTILE!r})")
        assert page.eval_on_selector("#ng-panel h2", "e => e.textContent") == PAYLOAD
        assert page.evaluate(f"newsgraph.showEdge({HOSTILE!r}, {INTEL!r}, 'sanctions')")
        assert "Seen in 1 article, 2024-03-05" in page.inner_text("#ng-panel")
        assert page.evaluate(f"newsgraph.showEdge({AMD!r}, {INTEL!r}, 'competes-with')")
        # asking again adds nothing twice
        assert page.evaluate(f"newsgraph.expand({INTEL!r})") == {"nodes": 0, "edges": 0}
        page.wait_for_timeout(300)
        assert page.evaluate("typeof window.__pwned") == "undefined"
        assert (loaded.dialogs, loaded.errors, loaded.blocked) == ([], [], [])
        assert page.locator("img").count() == 0
    finally:
        page.close()
        server.shutdown()
        server.server_close()
