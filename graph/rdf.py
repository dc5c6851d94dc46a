"""RDF export: the networkx graph as an rdflib graph in newsgraph's vocabulary.

Each relation is a direct triple between entity IRIs, described by an ``ng:Assertion``
node (``rdf:subject``/``rdf:predicate``/``rdf:object``, the number of supporting articles,
the first and last dates seen) whose ``ng:evidence`` nodes each name the article
(``prov:wasDerivedFrom``), the sentence, its offsets and the rule. Every IRI is minted from
the content, so the same graph always gives the same triples; there are no blank nodes.

Examples
--------
>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("https://w3id.org/newsgraph/id/country/japan", type="Country", label="Japan",
...            aliases=["Tokyo"], articles=[])
>>> print(to_turtle(G).decode().split("\\n\\n")[-2])
<https://w3id.org/newsgraph/id/country/japan> a ng:Country ;
    rdfs:label "Japan" ;
    skos:altLabel "Tokyo" .
"""

from __future__ import annotations

import hashlib
import re
from typing import IO, Any

import networkx as nx
from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, SDO, SKOS

from ontology import NG, NGR, predicate_iri

__all__ = ["PREFIXES", "bind_prefixes", "to_rdf", "to_turtle", "write_turtle"]

#: Prefixes bound in every graph newsgraph writes or queries.
PREFIXES = {
    "ng": NG._NS, "id": NGR, "schema": SDO, "skos": SKOS, "dcterms": DCTERMS, "prov": PROV,
    "rdfs": RDFS, "rdf": RDF, "owl": OWL, "xsd": XSD,
}

_SAFE_IRI = re.compile(r"^https?://[^\s<>\"{}|\\^`]+$")


def bind_prefixes(graph: Graph) -> Graph:
    """Bind newsgraph's prefixes on ``graph`` and return it."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph


def _digest(*parts: object) -> str:
    text = "\x1f".join(str(p) for p in parts)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _date(value: str | None) -> Literal | None:
    return Literal(value, datatype=XSD.date) if value else None


def _add_article(rdf: Graph, node: URIRef, data: dict[str, Any]) -> None:
    rdf.add((node, RDF.type, NG.Article))
    if data.get("title"):
        rdf.add((node, DCTERMS.title, Literal(data["title"])))
    if date := _date(data.get("date")):
        rdf.add((node, DCTERMS.date, date))
    rdf.add((node, DCTERMS.source, Literal(data["source"])))
    link = data.get("link")
    if link and _SAFE_IRI.match(link):
        rdf.add((node, SDO.url, URIRef(link)))
    if data.get("publisher"):
        rdf.add((node, NG.publisher, Literal(data["publisher"])))


def _add_relation(
    rdf: Graph, subject: URIRef, obj: URIRef, data: dict[str, Any]
) -> None:
    predicate = predicate_iri(data["predicate"])
    rdf.add((subject, predicate, obj))
    assertion = NGR[f"assertion/{_digest(subject, predicate, obj)}"]
    rdf.add((assertion, RDF.type, NG.Assertion))
    rdf.add((assertion, RDF.subject, subject))
    rdf.add((assertion, RDF.predicate, predicate))
    rdf.add((assertion, RDF.object, obj))
    rdf.add((assertion, NG.articleCount, Literal(data["article_count"])))
    if first := _date(data.get("first_seen")):
        rdf.add((assertion, NG.firstSeen, first))
    if last := _date(data.get("last_seen")):
        rdf.add((assertion, NG.lastSeen, last))
    for item in data["evidence"]:
        digest = _digest(assertion, item["article"], item["start"], item["rule"])
        evidence = NGR[f"evidence/{digest}"]
        rdf.add((assertion, NG.evidence, evidence))
        rdf.add((evidence, RDF.type, NG.Evidence))
        rdf.add((evidence, PROV.wasDerivedFrom, URIRef(item["article"])))
        rdf.add((evidence, NG.sentence, Literal(item["sentence"])))
        rdf.add((evidence, NG.startChar, Literal(item["start"])))
        rdf.add((evidence, NG.endChar, Literal(item["end"])))
        rdf.add((evidence, NG.rule, Literal(item["rule"])))
        if item.get("percent") is not None:
            rdf.add((evidence, NG.percent, Literal(item["percent"], datatype=XSD.decimal)))
        if item.get("market"):
            rdf.add((evidence, NG.market, Literal(item["market"])))


def to_rdf(G: nx.MultiDiGraph) -> Graph:
    """The RDF graph of a newsgraph networkx graph."""
    rdf = bind_prefixes(Graph())
    for node, data in G.nodes(data=True):
        iri = URIRef(node)
        if data["type"] == "Article":
            _add_article(rdf, iri, data)
            continue
        rdf.add((iri, RDF.type, NG[data["type"]]))
        rdf.add((iri, RDFS.label, Literal(data["label"])))
        for alias in data.get("aliases", ()):
            rdf.add((iri, SKOS.altLabel, Literal(alias)))
        if data.get("kind"):
            rdf.add((iri, NG.policyKind, NG[data["kind"]]))
    for subject, obj, key, data in G.edges(keys=True, data=True):
        if key == "mentions":
            rdf.add((URIRef(subject), SDO.mentions, URIRef(obj)))
        else:
            _add_relation(rdf, URIRef(subject), URIRef(obj), data)
    return rdf


def to_turtle(G: nx.MultiDiGraph) -> bytes:
    """The graph as Turtle bytes, the same bytes for the same graph."""
    return to_rdf(G).serialize(format="turtle", encoding="utf-8")


def write_turtle(G: nx.MultiDiGraph, stream: IO[bytes]) -> None:
    """Write the graph as Turtle to a binary stream."""
    stream.write(to_turtle(G))
