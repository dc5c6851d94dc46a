"""Graphs for the RDF tests: a small hand-built one with every relation shape, and the seeds."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from newsgraph.graph.build import build_graph
from newsgraph.ingest.documents import ARTICLE, Article, Entity, Evidence, Extraction, Relation

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _relation(subject: str, predicate: str, obj: str, sentence: str, rule: str,
              *, start: int = 0, percent: float | None = None,
              market: str | None = None) -> Relation:
    evidence = Evidence(sentence=sentence, start=start, end=start + len(sentence), rule=rule,
                        percent=percent, market=market)
    return Relation(subject, predicate, obj, evidence)


def handbuilt_extractions() -> list[Extraction]:
    """Two articles: a chair reported twice, a sanction, a policy, two share moves."""
    zhang = Entity("Zhang Wei", "Person")
    smic = Entity("Semiconductor Manufacturing International Corporation", "Organisation",
                  aliases=("SMIC",))
    hua_hong = Entity("Hua Hong Semiconductor", "Organisation")
    us = Entity("United States", "Country", aliases=("Washington",))
    china = Entity("China", "Country")
    controls = Entity("US export controls", "Policy", kind="ExportControl")
    first = Article(id="a1", text="...", source="one.txt", title="US blacklists SMIC",
                    date="2024-01-02", publisher="Wire")
    second = Article(id="a2", text="...", source="two.txt", title="Chip stocks rally",
                     date="2024-01-05", link="https://news.example/two")
    return [
        Extraction(first, (zhang, smic, us, china, controls), (
            _relation("Zhang Wei", "chairs", smic.name, "Zhang Wei, chairman of SMIC, spoke.",
                      "chair-of"),
            _relation("United States", "sanctions", smic.name, "Washington blacklisted SMIC.",
                      "blacklist", start=40),
            _relation("United States", "imposes", "US export controls",
                      "The US imposed export controls on China.", "impose", start=80),
            _relation("US export controls", "targets", "China",
                      "The US imposed export controls on China.", "target", start=80),
            _relation(smic.name, "fellOnNews", ARTICLE, "SMIC fell 3.1% in Hong Kong.",
                      "shares-fell", start=120, percent=3.1, market="Hong Kong"),
        )),
        Extraction(second, (zhang, smic, hua_hong), (
            _relation("Zhang Wei", "chairs", smic.name, "SMIC chairman Zhang Wei said so.",
                      "chair-title"),
            _relation("Hua Hong Semiconductor", "roseOnNews", ARTICLE,
                      "Hua Hong Semiconductor rose 5.2%.", "shares-rose", start=50,
                      percent=5.2),
        )),
    ]


@pytest.fixture
def handbuilt() -> nx.MultiDiGraph:
    """The graph of :func:`handbuilt_extractions`."""
    return build_graph(handbuilt_extractions())


@pytest.fixture(scope="session")
def seed_extractions() -> list[Extraction]:
    """What the real pipeline reads in the bundled seeds (once per session)."""
    from newsgraph.ingest.extract import extract
    from newsgraph.ingest.pipeline import DEFAULT_MODEL, load_pipeline
    from newsgraph.ingest.sources import read_sources

    articles = [a for result in read_sources([str(SEEDS)]) for a in result.articles]
    return list(extract(articles, load_pipeline(DEFAULT_MODEL)))


@pytest.fixture(scope="session")
def seed_graph(seed_extractions) -> nx.MultiDiGraph:
    """The graph of the bundled seeds, read by the real pipeline (once per session)."""
    return build_graph(seed_extractions)


@pytest.fixture
def hashing_reads(monkeypatch) -> list[str]:
    """The names of the files read to hash them, in the order read."""
    import newsgraph.graph.digests as digests

    read: list[str] = []
    original = digests._hashed

    def hashed(path):
        read.append(path.name)
        return original(path)

    monkeypatch.setattr(digests, "_hashed", hashed)
    return read
