"""Benchmark newsgraph's RDF path against raw pyoxigraph at 100k and 1M triples.

Generates a networkx graph shaped like a built one (entities, articles mentioning them,
relations with assertions and evidence) and times, for our path and for raw pyoxigraph:

- write: ``newsgraph.graph.rdf.to_turtle`` (networkx to sorted, deterministic Turtle) against
  ``pyoxigraph.serialize`` of the same triples, already made;
- load: ``newsgraph.graph.query.load_store`` (what ``newsgraph query`` does) against
  ``pyoxigraph.Store.bulk_load`` of the same file, and ``newsgraph.graph.query.load_rdf`` (the
  rdflib API over the oxrdflib store);
- query: ``newsgraph.graph.query.run_query`` on the store with the answer formatted as CSV by
  ``format_result`` (what ``newsgraph query`` does) against ``Store.query`` with the answer
  read to the end, for every shipped example query and two more; and ``run_query`` on the
  rdflib graph with the answer read to the end as rdflib terms.

Run from the repository root::

    python benchmarks/rdf.py                  # 100k and 1M triples
    python benchmarks/rdf.py --sizes 100000   # one size
    python benchmarks/rdf.py --rdflib         # also rdflib's own parser and engine (slow)
"""

from __future__ import annotations

import argparse
import gc
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx
import pyoxigraph as ox

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from newsgraph.graph.query import (
    OutputFormat,
    format_result,
    load_rdf,
    load_store,
    query_names,
    query_text,
    run_query,
)
from newsgraph.graph.rdf import PREFIXES, _ox_triples, rdf_rows, to_turtle
from newsgraph.ontology import NGR, RELATIONS, edge_type

EXTRA = {
    "sanctioned organisations": """
        SELECT DISTINCT ?org ?name WHERE {
          ?s ng:sanctions ?org . ?org a ng:Organisation ; rdfs:label ?name }""",
    "count by predicate": """
        SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p ORDER BY DESC(?n)""",
}

_TYPES = ("Organisation", "Organisation", "Organisation", "Person", "Person", "Country",
          "Policy")
_KINDS = ("ExportControl", "Tariff", "TradeInvestigation", "Subsidy", "InvestmentRestriction",
          "Licence", "OtherPolicy")


def synthetic_graph(target: int, *, seed: int = 5) -> nx.MultiDiGraph:
    """A graph shaped like a built one with about ``target`` triples."""
    rng = random.Random(seed)
    articles = max(1, target // 64)
    G = nx.MultiDiGraph()
    by_type: dict[str, list[str]] = {}
    for number in range(articles):
        kind = _TYPES[number % len(_TYPES)]
        iri = str(NGR[f"{kind.lower()}/entity-{number}"])
        attrs: dict[str, Any] = {"type": kind, "label": f"{kind} {number}",
                                 "aliases": [f"E{number}"], "articles": []}
        if kind == "Policy":
            attrs["kind"] = _KINDS[number % len(_KINDS)]
        G.add_node(iri, **attrs)
        by_type.setdefault(kind, []).append(iri)
    ids = [str(NGR[f"article/{number:016x}"]) for number in range(articles)]
    for number, a_iri in enumerate(ids):
        date = f"2024-{1 + number % 12:02d}-{1 + number % 28:02d}"
        G.add_node(a_iri, type="Article", label=f"Story {number}", title=f"Story {number}",
                   date=date, source=f"https://news.example/{number}",
                   link=f"https://news.example/{number}", publisher="Wire",
                   authors=["A. Writer"])
        mentioned = set()
        for _ in range(8):
            kind = rng.choice(_TYPES)
            node = rng.choice(by_type[kind])
            mentioned.add((kind, node))
            G.add_edge(a_iri, node, key="mentions", type="mentions")
        for _ in range(3):
            predicate = rng.choice(list(RELATIONS))
            signature = RELATIONS[predicate]
            subject = rng.choice(by_type[rng.choice(sorted(signature.domain))])
            if "Article" in signature.range:
                obj = a_iri
            else:
                obj = rng.choice(by_type[rng.choice(sorted(signature.range))])
            if subject == obj:
                continue
            percent = round(rng.uniform(0.5, 12), 1) if predicate.endswith("OnNews") else None
            item = {"article": a_iri, "sentence": f"Sentence {number} about {predicate}.",
                    "start": 10 * number, "end": 10 * number + 40, "rule": predicate,
                    "percent": percent, "market": "Hong Kong" if percent else None}
            key = edge_type(predicate)
            if G.has_edge(subject, obj, key=key):
                data = G.edges[subject, obj, key]
                data["evidence"].append(item)
                data["article_count"] = len({e["article"] for e in data["evidence"]})
                data["last_seen"] = max(data["last_seen"], date)
                data["first_seen"] = min(data["first_seen"], date)
            else:
                G.add_edge(subject, obj, key=key, type=key, predicate=predicate,
                           evidence=[item], article_count=1, first_seen=date, last_seen=date)
    return G


def _time(action: Callable[[], Any], *, repeat: int = 1) -> tuple[float, Any]:
    """The best wall time of ``repeat`` runs, and the last run's value."""
    best, value = float("inf"), None
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        value = action()
        best = min(best, time.perf_counter() - start)
    return best, value


def _line(name: str, ours: float, raw: float, note: str = "") -> str:
    ratio = ours / raw if raw > 0 else float("inf")
    return f"  {name:<34} ours {ours:8.3f} s   pyoxigraph {raw:8.3f} s   x{ratio:5.2f}  {note}"


def run(size: int, *, with_rdflib: bool, repeat: int) -> None:
    """Print the timings for one size."""
    build_time, G = _time(lambda: synthetic_graph(size))
    rows = rdf_rows(G)
    print(f"\n{len(rows):,} triples ({G.number_of_nodes():,} nodes, "
          f"{G.number_of_edges():,} edges; generated in {build_time:.1f} s)")

    triples = list(_ox_triples(rows))
    ours_write, turtle = _time(lambda: to_turtle(G), repeat=repeat)
    raw_write, _ = _time(lambda: ox.serialize(triples, format=ox.RdfFormat.TURTLE,
                                              prefixes=PREFIXES), repeat=repeat)
    print(_line("write Turtle", ours_write, raw_write, f"{len(turtle) / 1e6:.0f} MB"))

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "graph.ttl"
        path.write_bytes(turtle)

        def raw_load() -> ox.Store:
            store = ox.Store()
            store.bulk_load(path=str(path), format=ox.RdfFormat.TURTLE)
            return store

        ours_load, store = _time(lambda: load_store(path), repeat=repeat)
        raw_load_time, raw_store = _time(raw_load, repeat=repeat)
        api_load, graph = _time(lambda: load_rdf(path), repeat=repeat)
        print(_line("load", ours_load, raw_load_time, f"rdflib API {api_load:.3f} s"))
        if with_rdflib:
            from rdflib import Graph

            rdflib_load, rdflib_graph = _time(lambda: Graph().parse(path, format="turtle"))
            print(f"  {'load (rdflib parser)':<34} {rdflib_load:8.3f} s")

        queries = {name: query_text(name) for name in query_names()} | EXTRA
        prologue = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
        worst = worst_api = 0.0
        for name, sparql in queries.items():
            ours, text = _time(
                lambda s=sparql: format_result(run_query(store, s), OutputFormat.CSV),
                repeat=repeat)
            raw, _ = _time(lambda s=sparql: list(raw_store.query(prologue + s)), repeat=repeat)
            api, _ = _time(lambda s=sparql: list(run_query(graph, s)), repeat=repeat)
            worst, worst_api = max(worst, ours), max(worst_api, api)
            note = f"{text.count(chr(10)) - 1:,} rows; rdflib API {api:.3f} s"
            if with_rdflib:
                slow, _ = _time(lambda s=sparql: list(run_query(rdflib_graph, s)))
                note += f"; rdflib engine {slow:.2f} s"
            print(_line(f"query {name}", ours, raw, note))
        print(f"  slowest query: {worst:.3f} s (rdflib API {worst_api:.3f} s)")


def main(argv: list[str] | None = None) -> None:
    """Run the benchmark from the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--repeat", type=int, default=3, help="best of N runs (default 3)")
    parser.add_argument("--rdflib", action="store_true",
                        help="also time rdflib's own parser and engine (slow at 1M)")
    args = parser.parse_args(argv)
    for size in args.sizes:
        run(size, with_rdflib=args.rdflib, repeat=args.repeat)


if __name__ == "__main__":
    main()
