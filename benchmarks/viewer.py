"""Time the graph viewer in headless Chromium on synthetic graphs shaped like ours.

For each size the script builds a graph (about 30% articles, entities mentioned with a
heavy-tailed popularity, relations read from articles that mention both ends, share moves
ending at articles), renders it with :func:`newsgraph.graph.html.render_html`, opens the page from
``file://`` with every other request blocked, and reports:

- render: seconds to build the page in Python;
- settled: milliseconds from navigation start until the network is drawn (the page sets
  ``window.newsgraph.settled``), checked to be still by comparing positions 500 ms later.

Run from the repository root::

    python benchmarks/viewer.py            # 500, 2,000 and 10,000 nodes
    python benchmarks/viewer.py 2000 --runs 5
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import networkx as nx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from newsgraph.graph.html import render_html

if TYPE_CHECKING:
    from playwright.sync_api import Route

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
SHARE_MOVES = [("rose-on-news", "roseOnNews"), ("fell-on-news", "fellOnNews")]
NS = "https://w3id.org/newsgraph/id/"
RELATIONS = [
    ("leads", "leads", "Person", "Organisation"),
    ("chairs", "chairs", "Person", "Organisation"),
    ("works-for", "worksFor", "Person", "Organisation"),
    ("member-of", "memberOf", "Organisation", "Organisation"),
    ("partners-with", "partnersWith", "Organisation", "Organisation"),
    ("supplies", "supplies", "Organisation", "Organisation"),
    ("competes-with", "competesWith", "Organisation", "Organisation"),
    ("invests-in", "investsIn", "Organisation", "Organisation"),
    ("based-in", "basedIn", "Organisation", "Country"),
    ("sanctions", "sanctions", "Country", "Organisation"),
    ("imposes", "imposes", "Country", "Policy"),
    ("targets", "targets", "Policy", "Country"),
    ("opposes", "opposes", "Country", "Policy"),
]


def synthetic_graph(size: int, seed: int = 0) -> nx.MultiDiGraph:
    """A graph of ``size`` nodes with the attributes the graph builder writes."""
    rng = random.Random(seed)
    graph = nx.MultiDiGraph()
    articles = [f"{NS}article/{i:06d}" for i in range(int(size * 0.3))]
    shares = {"Organisation": 0.5, "Person": 0.3, "Country": 0.05, "Policy": 0.15}
    entity_count = size - len(articles)
    entities: dict[str, list[str]] = {}
    for kind, share in shares.items():
        count = max(1, int(entity_count * share))
        entities[kind] = [f"{NS}{kind.lower()}/{kind.lower()}-{i:06d}" for i in range(count)]
    everyone = [n for nodes in entities.values() for n in nodes][:entity_count]
    weights = [1 / (rank + 1) ** 0.8 for rank in range(len(everyone))]
    for i, article in enumerate(articles):
        date = f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}"
        title = f"Markets move as story {i} unfolds"
        graph.add_node(
            article,
            type="Article",
            label=title,
            title=title,
            date=date,
            source=f"https://news.example/{i}",
            link=f"https://news.example/{i}",
            publisher="Example News",
            authors=["A. Writer"],
        )
    mentioned: dict[str, set[str]] = {n: set() for n in everyone}
    for article in articles:
        picked = set(rng.choices(everyone, weights, k=rng.randint(3, 8)))
        for entity in sorted(picked):
            mentioned[entity].add(article)
            graph.add_edge(article, entity, key="mentions", type="mentions")
    for entity in everyone:
        if not mentioned[entity]:
            article = rng.choice(articles)
            mentioned[entity].add(article)
            graph.add_edge(article, entity, key="mentions", type="mentions")
    for kind, nodes in entities.items():
        for node in nodes:
            if node not in mentioned:
                continue
            name = node.rsplit("/", 1)[1].replace("-", " ").title()
            extra = {"kind": "ExportControl"} if kind == "Policy" else {}
            graph.add_node(
                node,
                type=kind,
                label=name,
                aliases=sorted([name.upper(), name + " Ltd"]),
                articles=sorted(mentioned[node]),
                **extra,
            )
    for article in articles:
        here = sorted(graph.successors(article))
        by_type: dict[str, list[str]] = {}
        for node in here:
            by_type.setdefault(graph.nodes[node]["type"], []).append(node)
        date = graph.nodes[article]["date"]
        for _ in range(2):
            edge, predicate, domain, range_ = rng.choice(RELATIONS)
            if not by_type.get(domain) or not by_type.get(range_):
                continue
            source, target = rng.choice(by_type[domain]), rng.choice(by_type[range_])
            if source != target:
                _add_relation(graph, source, target, edge, predicate, article, date, None)
        if by_type.get("Organisation") and rng.random() < 0.15:
            edge, predicate = rng.choice(SHARE_MOVES)
            percent = round(rng.uniform(0.5, 12), 1)
            mover = by_type["Organisation"][0]
            _add_relation(graph, mover, article, edge, predicate, article, date, percent)
    return graph


def _add_relation(
    graph: nx.MultiDiGraph,
    source: str,
    target: str,
    edge: str,
    predicate: str,
    article: str,
    date: str,
    percent: float | None,
) -> None:
    evidence = {
        "article": article,
        "sentence": f"{source} {predicate} {target}.",
        "start": 0,
        "end": 10,
        "rule": f"{edge}-1",
        "percent": percent,
        "market": "Nasdaq" if percent else None,
    }
    if graph.has_edge(source, target, key=edge):
        data = graph.edges[source, target, edge]
        data["evidence"].append(evidence)
        data["article_count"] += 1
        data["first_seen"] = min(data["first_seen"], date)
        data["last_seen"] = max(data["last_seen"], date)
    else:
        graph.add_edge(
            source,
            target,
            key=edge,
            type=edge,
            predicate=predicate,
            evidence=[evidence],
            article_count=1,
            first_seen=date,
            last_seen=date,
        )


SHOW_ALL = """async () => {
    const start = performance.now();
    while (!document.getElementById("ng-more-section").hidden) {
        document.getElementById("ng-more").click();
    }
    newsgraph.network.redraw();
    await new Promise(resolve => requestAnimationFrame(() => resolve()));
    return performance.now() - start;
}"""


@dataclass
class Run:
    """One fresh page load."""

    settled_ms: float
    nodes: int
    edges: int
    show_all_ms: float | None


def time_page(path: Path, runs: int) -> list[Run]:
    """Load the page ``runs`` times; check that it stays still and asks no host for anything."""
    from playwright.sync_api import sync_playwright

    url = path.resolve().as_uri()
    measured = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for _ in range(runs):
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            blocked: list[str] = []
            page.route("**/*", _only(url, blocked))
            page.goto(url)
            page.wait_for_function("window.newsgraph && window.newsgraph.settled", timeout=60_000)
            settled = page.evaluate("newsgraph.settledAt")
            before = page.evaluate("JSON.stringify(newsgraph.positions())")
            page.wait_for_timeout(500)
            after = page.evaluate("JSON.stringify(newsgraph.positions())")
            if before != after or blocked:
                msg = f"page moved or made requests: {blocked}"
                raise RuntimeError(msg)
            nodes, edges = page.evaluate("[newsgraph.nodeCount(), newsgraph.edgeCount()]")
            more = page.is_visible("#ng-more")
            show_all = page.evaluate(SHOW_ALL) if more else None
            measured.append(Run(settled, nodes, edges, show_all))
            page.close()
        browser.close()
    return measured


def _only(url: str, blocked: list[str]) -> Callable[[Route], None]:
    """A route handler that lets ``url`` through and aborts, and records, anything else."""

    def handle(route: Route) -> None:
        if route.request.url == url:
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    return handle


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[500, 2000, 10000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(
        f"{'nodes':>7} {'edges':>7} {'MB':>5} {'render s':>9} {'drawn':>12} "
        f"{'settled ms':>18} {'show all ms':>12}"
    )
    with tempfile.TemporaryDirectory() as folder:
        for size in args.sizes:
            graph = synthetic_graph(size)
            start = time.perf_counter()
            page = render_html(graph, title=f"benchmark {size}")
            render = time.perf_counter() - start
            path = Path(folder) / f"graph-{size}.html"
            path.write_text(page, encoding="utf-8")
            runs = time_page(path, args.runs)
            settled = [r.settled_ms for r in runs]
            spread = f"{statistics.median(settled):.0f} (max {max(settled):.0f})"
            shown = f"{runs[0].nodes}n/{runs[0].edges}e"
            show_all = [r.show_all_ms for r in runs if r.show_all_ms is not None]
            everything = f"{statistics.median(show_all):.0f}" if show_all else "-"
            print(
                f"{graph.number_of_nodes():>7} {graph.number_of_edges():>7} "
                f"{len(page.encode()) / 1e6:>5.1f} {render:>9.2f} {shown:>12} "
                f"{spread:>18} {everything:>12}"
            )


if __name__ == "__main__":
    main()
