"""RDF export: the networkx graph as RDF in newsgraph's vocabulary, as Turtle and JSON-LD.

Each relation is a direct triple between entity IRIs, described by an ``ng:Assertion``
node (``rdf:subject``/``rdf:predicate``/``rdf:object``, the number of supporting articles,
the first and last dates seen) whose ``ng:evidence`` nodes each name the article
(``prov:wasDerivedFrom``), the sentence, its offsets and the rule. Every IRI is minted from
the content, so the same graph always gives the same triples; there are no blank nodes.
Each entity carries how many articles mention it (``ng:mentionCount``: the length of its
``articles``, or its ``mention_count`` where the articles are not held), so that the most
mentioned are found without counting every mention.

The writers sort the triples themselves (subject, then ``rdf:type`` and ``rdfs:label``
before other predicates, then object) and serialize them with pyoxigraph, so the same graph
gives the same bytes at the speed of a native serializer.

Examples
--------
>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("https://w3id.org/newsgraph/id/country/JP", type="Country", label="Japan",
...            aliases=["Tokyo"], articles=[])
>>> print(to_turtle(G).decode().split("\\n\\n")[-1], end="")
country:JP a ng:Country ;
    rdfs:label "Japan" ;
    skos:altLabel "Tokyo" .
"""

from __future__ import annotations

import io
import json
import math
import re
import typing
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from functools import cache
from heapq import merge
from itertools import chain, islice
from typing import IO, Any

import networkx as nx
import pyoxigraph as ox
from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, SDO, SKOS

from newsgraph.graph.iris import DEFAULT_BASE, digest, id_namespaces, source_iri
from newsgraph.graph.nodelink import write_json_items
from newsgraph.graph.store import ntriples
from newsgraph.ontology import NG, RELATIONS, SYMMETRIC, NodeType, predicate_iri

__all__ = [
    "DROP",
    "KEEP",
    "NEW",
    "PREFIXES",
    "TURTLE_FORMAT",
    "EdgeSubject",
    "Row",
    "activity_iri",
    "bind_prefixes",
    "compact_iri",
    "edge_subjects",
    "graph_rows",
    "iter_rows",
    "jsonld_header",
    "jsonld_objects",
    "prefixes_for",
    "prefixes_of",
    "rdf_rows",
    "subject_rows",
    "to_jsonld",
    "to_rdf",
    "to_trig",
    "to_turtle",
    "turtle_blocks",
    "turtle_header",
    "write_jsonld",
    "write_jsonld_merged",
    "write_trig",
    "write_turtle",
    "write_turtle_merged",
]

#: Prefixes bound in every graph newsgraph writes or queries. The ``id`` sub-namespaces
#: let Turtle name nodes briefly (``organisation:SMIC``); the order is the Turtle header's.
PREFIXES: dict[str, str] = {
    "ng": str(NG._NS),
    "schema": str(SDO),
    "skos": str(SKOS),
    "dcterms": str(DCTERMS),
    "prov": str(PROV),
    "rdfs": str(RDFS),
    "rdf": str(RDF),
    "owl": str(OWL),
    "xsd": str(XSD),
    "wd": "http://www.wikidata.org/entity/",
    **id_namespaces(DEFAULT_BASE),
}


def prefixes_for(G: nx.MultiDiGraph) -> dict[str, str]:
    """The prefixes to write a graph with: :data:`PREFIXES`, its node namespaces under the
    base the graph was minted in.

    >>> G = nx.MultiDiGraph(base="https://example.org/kg/")
    >>> prefixes_for(G)["person"]
    'https://example.org/kg/person/'
    """
    return prefixes_of(G.graph.get("base", DEFAULT_BASE))


def prefixes_of(base: str) -> dict[str, str]:
    """:data:`PREFIXES` with the node namespaces under ``base``.

    >>> prefixes_of("https://example.org/kg/")["id"]
    'https://example.org/kg/'
    """
    if base == DEFAULT_BASE:
        return PREFIXES
    return {**PREFIXES, **id_namespaces(base)}

_IRI, _LITERAL = 0, 1
_SUBJECT_START = re.compile(rb"\n(?=[^ \n])")
_FIRST = {str(RDF.type): 0, str(RDFS.label): 1}


#: One triple as plain strings, in the order the writers sort by:
#: ``(subject, rank, predicate, kind, value, datatype)``, where ``rank`` puts ``rdf:type``
#: (0) and ``rdfs:label`` (1) before other predicates (2), and ``kind`` is 0 when ``value``
#: is an IRI and 1 when it is a literal of ``datatype``. Plain tuples, not a NamedTuple:
#: at a million triples, building NamedTuples is a third of the writer's time.
Row = tuple[str, int, str, int, str, str]


def _iri_row(subject: str, predicate: str, obj: str) -> Row:
    return (subject, _FIRST.get(predicate, 2), predicate, _IRI, obj, "")


def _literal_row(subject: str, predicate: str, value: object, datatype: str) -> Row:
    return (subject, _FIRST.get(predicate, 2), predicate, _LITERAL, str(value), datatype)


def bind_prefixes(graph: Graph) -> Graph:
    """Bind newsgraph's prefixes on ``graph`` and return it.

    >>> ("ng", URIRef(PREFIXES["ng"])) in set(bind_prefixes(Graph()).namespaces())
    True
    """
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph


def _decimal(value: float | int | str) -> str:
    """The canonical ``xsd:decimal`` form of a number: ``2.5``, ``-3.0``, ``12.0``."""
    text = format(Decimal(str(value)).normalize(), "f")
    return text if "." in text else f"{text}.0"


def _is_iri(text: str) -> bool:
    try:
        ox.NamedNode(text)
    except ValueError:
        return False
    return text.startswith(("http://", "https://"))


_STRING, _INTEGER, _DATE = str(XSD.string), str(XSD.integer), str(XSD.date)
_DECIMAL, _BOOLEAN = str(XSD.decimal), str(XSD.boolean)
_TYPE, _LABEL, _ALT = str(RDF.type), str(RDFS.label), str(SKOS.altLabel)
# The IRIs written for each node and edge, as plain strings: looking terms up on the
# DefinedNamespace for every triple costs more than the rest of the writer.
_NG = {name: str(NG[name]) for name in (
    NodeType.ARTICLE, "Assertion", "Evidence", "publisher", "author", "policyKind", "articleCount",
    "mentionCount", "firstSeen", "lastSeen", "evidence", "sentence", "startChar", "endChar",
    "rule", "percent", "market", "confidence", "isoCode", "inTitle")}
_TITLE, _DATE_P, _SOURCE = str(DCTERMS.title), str(DCTERMS.date), str(DCTERMS.source)
_URL, _MENTIONS, _DERIVED = str(SDO.url), str(SDO.mentions), str(PROV.wasDerivedFrom)
_AUTHOR, _PUBLISHER = str(SDO.author), str(SDO.publisher)
_NEWS_ARTICLE = str(SDO.NewsArticle)
_GENERATED_BY = str(PROV.wasGeneratedBy)
_SUBJECT, _PREDICATE, _OBJECT = str(RDF.subject), str(RDF.predicate), str(RDF.object)
_SAME_AS, _REPLACES = str(OWL.sameAs), str(DCTERMS.replaces)
_RELATION_IRIS = {name: str(NG[name]) for name in RELATIONS}
_SYMMETRIC_IRIS = frozenset(_RELATION_IRIS[name] for name in SYMMETRIC)


_UNSAFE_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\]')


def _check_iri(text: str) -> None:
    """Refuse a node IRI with a character no IRI may hold (it would break N-Triples)."""
    if _UNSAFE_IRI.search(text) or ":" not in text:
        message = f"not a valid IRI: {text!r}"
        raise ValueError(message)


def _article_rows(node: str, data: dict[str, Any], base: str) -> Iterator[Row]:
    yield _iri_row(node, _TYPE, _NG[NodeType.ARTICLE])
    yield _iri_row(node, _TYPE, _NEWS_ARTICLE)  # what ng:Article entails, for tools without it
    if data.get("title"):
        yield _literal_row(node, _TITLE, data["title"], _STRING)
    if data.get("date"):
        yield _literal_row(node, _DATE_P, data["date"], _DATE)
    yield _iri_row(node, _SOURCE, data["source"] if _is_iri(data["source"])
                   else source_iri(data["source"], base=base))
    link = data.get("link")
    if link and _is_iri(link):
        yield _iri_row(node, _URL, link)
    if data.get("publisher"):
        yield _literal_row(node, _NG["publisher"], data["publisher"], _STRING)
    for author in data.get("authors") or ():
        yield _literal_row(node, _NG["author"], author, _STRING)
    if data.get("publisher_node"):
        yield _iri_row(node, _PUBLISHER, data["publisher_node"])
    for person in data.get("author_nodes") or ():
        yield _iri_row(node, _AUTHOR, person)


def _entity_rows(node: str, data: dict[str, Any]) -> Iterator[Row]:
    yield _iri_row(node, _TYPE, str(NG[data["type"]]))  # fails on a type NG lacks
    yield _literal_row(node, _LABEL, data["label"], _STRING)
    for alias in data.get("aliases") or ():
        yield _literal_row(node, _ALT, alias, _STRING)
    if data.get("kind"):
        yield _iri_row(node, _NG["policyKind"], str(NG[data["kind"]]))
    if data.get("first_seen"):
        yield _literal_row(node, _NG["firstSeen"], data["first_seen"], _DATE)
    if data.get("last_seen"):
        yield _literal_row(node, _NG["lastSeen"], data["last_seen"], _DATE)
    # counted once here, so that "the most mentioned" reads one triple per entity rather than
    # counting millions of mentions at query time
    mentioned = data.get("mention_count") or len(data.get("articles") or ())
    if mentioned:
        yield _literal_row(node, _NG["mentionCount"], mentioned, _INTEGER)
    if data.get("code"):
        yield _literal_row(node, _NG["isoCode"], data["code"], _STRING)
    for other in data.get("replaces") or ():
        _check_iri(other)
        yield _iri_row(node, _REPLACES, other)
    for other in data.get("same_as") or ():
        _check_iri(other)
        yield _iri_row(node, _SAME_AS, other)


def _predicate(data: dict[str, Any]) -> str:
    return _RELATION_IRIS.get(data["predicate"]) or str(predicate_iri(data["predicate"]))


def _relation_rows(subject: str, obj: str, data: dict[str, Any], base: str) -> Iterator[Row]:
    predicate = _predicate(data)
    yield _iri_row(subject, predicate, obj)
    if predicate in _SYMMETRIC_IRIS:  # both ways, so that no query needs a reasoner
        yield _iri_row(obj, predicate, subject)
    yield from _assertion_rows(subject, obj, data, base)


def _assertion_rows(subject: str, obj: str, data: dict[str, Any], base: str) -> Iterator[Row]:
    """The rows of a relation's assertion and its evidence (not the direct triple)."""
    predicate = _predicate(data)
    assertion = _assertion_iri(subject, predicate, obj, data, base)
    yield from _assertion_own_rows(assertion, subject, predicate, obj, data, base)
    for item in data["evidence"]:
        yield from _evidence_rows(_evidence_iri(subject, predicate, obj, item, base), item)


def _assertion_iri(subject: str, predicate: str, obj: str, data: dict[str, Any],
                   base: str) -> str:
    # an assertion counts the articles of one build: another build's articles make another
    articles = sorted({item["article"] for item in data["evidence"]})
    return f"{base}assertion/{digest(subject, predicate, obj, *articles)}"


def _evidence_iri(subject: str, predicate: str, obj: str, item: dict[str, Any],
                  base: str) -> str:
    # the title's evidence apart from the text's at the same offset
    where = (item["article"], "title") if item.get("title") else (item["article"],)
    return f"{base}evidence/" + digest(subject, predicate, obj, *where, item["start"], item["rule"])


def _assertion_own_rows(assertion: str, subject: str, predicate: str, obj: str,
                        data: dict[str, Any], base: str) -> Iterator[Row]:
    """The rows whose subject is a relation's assertion."""
    yield _iri_row(assertion, _TYPE, _NG["Assertion"])
    yield _iri_row(assertion, _SUBJECT, subject)
    yield _iri_row(assertion, _PREDICATE, predicate)
    yield _iri_row(assertion, _OBJECT, obj)
    yield _literal_row(assertion, _NG["articleCount"], data["article_count"], _INTEGER)
    if data.get("first_seen"):
        yield _literal_row(assertion, _NG["firstSeen"], data["first_seen"], _DATE)
    if data.get("last_seen"):
        yield _literal_row(assertion, _NG["lastSeen"], data["last_seen"], _DATE)
    if data.get("confidence") is not None:
        yield _literal_row(assertion, _NG["confidence"], _decimal(data["confidence"]), _DECIMAL)
    for item in data["evidence"]:
        yield _iri_row(assertion, _NG["evidence"],
                       _evidence_iri(subject, predicate, obj, item, base))


def _evidence_rows(evidence: str, item: dict[str, Any]) -> Iterator[Row]:
    """The rows whose subject is one piece of a relation's evidence."""
    _check_iri(item["article"])
    yield _iri_row(evidence, _TYPE, _NG["Evidence"])
    yield _iri_row(evidence, _DERIVED, item["article"])
    yield _literal_row(evidence, _NG["sentence"], item["sentence"], _STRING)
    yield _literal_row(evidence, _NG["startChar"], item["start"], _INTEGER)
    yield _literal_row(evidence, _NG["endChar"], item["end"], _INTEGER)
    if item.get("title"):
        yield _literal_row(evidence, _NG["inTitle"], "true", _BOOLEAN)
    yield _literal_row(evidence, _NG["rule"], item["rule"], _STRING)
    if item.get("confidence") is not None:
        yield _literal_row(evidence, _NG["confidence"], _decimal(item["confidence"]),
                           _DECIMAL)
    if item.get("percent") is not None and math.isfinite(item["percent"]):
        yield _literal_row(evidence, _NG["percent"], _decimal(item["percent"]),
                           _DECIMAL)
    if item.get("market"):
        yield _literal_row(evidence, _NG["market"], item["market"], _STRING)


def _activity(build: dict[str, Any] | None, base: str) -> str | None:
    """The IRI of the build that wrote the graph, from what it recorded; None without."""
    if not build:
        return None
    return f"{base}build-{digest(json.dumps(build, sort_keys=True))}"


def _activity_rows(activity: str, build: dict[str, Any], base: str) -> Iterator[Row]:
    """The build as a ``prov:Activity``: the software that ran, the pipeline and the rule set
    it used. No time: the same input gives the same bytes (``build.json`` has no time either).
    """
    yield _iri_row(activity, _TYPE, str(PROV.Activity))
    yield _literal_row(activity, _LABEL, f"newsgraph {build.get('newsgraph', '?')} build",
                       _STRING)
    version = str(build.get("newsgraph", "?"))
    plain = re.fullmatch(r"[0-9A-Za-z][0-9A-Za-z.+-]*[0-9A-Za-z]", version)
    agent = f"{base}software-newsgraph-{version if plain else digest(version)}"
    yield _iri_row(activity, str(PROV.wasAssociatedWith), agent)
    yield _iri_row(agent, _TYPE, str(PROV.SoftwareAgent))
    yield _literal_row(agent, _LABEL, "newsgraph", _STRING)
    yield _literal_row(agent, str(SDO.softwareVersion), version, _STRING)
    for kind, used in (("model", build.get("model")), ("rules", build.get("rules"))):
        if not isinstance(used, dict) or not used.get("sha256"):
            continue
        entity = f"{base}{kind}-{used['sha256'][:16]}"
        yield _iri_row(activity, str(PROV.used), entity)
        yield _iri_row(entity, _TYPE, str(PROV.Entity))
        name = (f"{used.get('name', '?')} {used.get('version', '?')}" if kind == "model"
                else "newsgraph relation rules")
        yield _literal_row(entity, _LABEL, name, _STRING)
        yield _literal_row(entity, str(SDO.identifier), f"sha256:{used['sha256']}", _STRING)


def rdf_rows(G: nx.MultiDiGraph) -> list[Row]:
    """The triples of a newsgraph networkx graph, sorted, without duplicates.

    Subjects sort by IRI; within a subject ``rdf:type`` comes first, then ``rdfs:label``,
    then the other predicates by IRI; objects sort IRIs before literals.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("https://w3id.org/newsgraph/id/person/li", type="Person", label="Li")
    >>> [row[2].rsplit("#")[-1] for row in rdf_rows(G)]
    ['type', 'label']
    """
    return graph_rows(G.nodes(data=True), G.edges(keys=True, data=True),
                      base=G.graph.get("base", DEFAULT_BASE), build=G.graph.get("build"))


def graph_rows(
    nodes: Iterable[tuple[str, dict[str, Any]]],
    edges: Iterable[tuple[str, str, str, dict[str, Any]]],
    *, base: str = DEFAULT_BASE, build: dict[str, Any] | None = None, activity: bool = True,
) -> list[Row]:
    """The triples of some nodes and edges of a newsgraph graph (as networkx gives them:
    ``(node, attrs)`` and ``(subject, object, key, attrs)``), sorted as :func:`rdf_rows` sorts
    them. ``build`` is what made the graph (its ``prov:Activity``, which each assertion names);
    ``activity``: whether to write the activity's own triples.

    The triples of a graph are the union of those of any parts its nodes and edges are cut
    into, the activity's written with one of them.

    >>> graph_rows([("https://w3id.org/newsgraph/id/person/li", {"type": "Person",
    ...             "label": "Li"})], [])[1][4]
    'Li'
    """
    return list(_sorted_rows(_grouped_rows(nodes, edges, base=base, build=build,
                                           activity=activity)))


def iter_rows(G: nx.MultiDiGraph) -> Iterator[Row]:
    """The rows of :func:`rdf_rows` one at a time, for a writer to stream.

    Each subject's rows are made when its turn comes: a node's from its attributes and its
    edges, an assertion's or a piece of evidence's from its relation's edge. Beforehand only
    the IRIs of the assertions and evidence are made and sorted, each with its edge (a
    fifth of the memory their rows took, grouped by subject beforehand).

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("https://w3id.org/newsgraph/id/person/li", type="Person", label="Li")
    >>> list(iter_rows(G)) == rdf_rows(G)
    True
    """
    base, build = G.graph.get("base", DEFAULT_BASE), G.graph.get("build")
    groups: dict[str, list[Row]] = {}
    made_by = _activity(build, base)
    if made_by is not None and build is not None:
        for row in _activity_rows(made_by, build, base):
            groups.setdefault(row[0], []).append(row)
    made = edge_subjects(G, ((subject, obj, key) for subject, obj, key in G.edges(keys=True)
                             if key != "mentions"))
    for node in G:
        _check_iri(node)
    subjects = sorted(chain(G, (subject for subject in groups if subject not in G)))
    return _subject_rows(G, subjects, groups, made, base, made_by)


def _first(item: tuple[str, Any, Any]) -> str:
    return item[0]


#: An assertion's or a piece of evidence's IRI, its edge ``(subject, object, key)``, and
#: which piece of the edge's evidence it is (-1: the assertion itself).
EdgeSubject = tuple[str, tuple[str, str, str], int]


def edge_subjects(G: nx.MultiDiGraph, edges: Iterable[tuple[str, str, str]]) -> list[EdgeSubject]:
    """The assertion and evidence subjects of some relation ``edges`` of the graph
    (``(subject, object, key)``), sorted by IRI.

    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("https://w3id.org/newsgraph/id/person/li",
    ...                "https://w3id.org/newsgraph/id/organisation/Intel", key="chairs",
    ...                predicate="chairs", evidence=[{"article": "https://a.example/1",
    ...                "start": 0, "rule": "r"}])
    >>> [(iri.split("/")[-2], number) for iri, _, number in edge_subjects(G, G.edges(keys=True))]
    [('assertion', -1), ('evidence', 0)]
    """
    base = G.graph.get("base", DEFAULT_BASE)
    made: list[EdgeSubject] = []
    for subject, obj, key in edges:
        data = G.edges[subject, obj, key]
        predicate = _predicate(data)
        edge = (subject, obj, key)
        made.append((_assertion_iri(subject, predicate, obj, data, base), edge, -1))
        for number, item in enumerate(data["evidence"]):
            made.append((_evidence_iri(subject, predicate, obj, item, base), edge, number))
    made.sort(key=_first)
    return made


def subject_rows(G: nx.MultiDiGraph, nodes: Iterable[str],
                 made: list[EdgeSubject]) -> Iterator[Row]:
    """The rows of some subjects of the graph, sorted as :func:`iter_rows` gives them: those
    of the nodes ``nodes`` and of the assertions and evidence ``made``
    (:func:`edge_subjects`). Not the build's own subjects (its ``prov:Activity``).

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("https://w3id.org/newsgraph/id/person/li", type="Person", label="Li")
    >>> list(subject_rows(G, G, [])) == rdf_rows(G)
    True
    """
    base, build = G.graph.get("base", DEFAULT_BASE), G.graph.get("build")
    found = sorted(nodes)
    for node in found:
        _check_iri(node)
    return _subject_rows(G, found, {}, made, base, _activity(build, base))


def activity_iri(G: nx.MultiDiGraph) -> str | None:
    """The IRI of the build that made the graph (its ``prov:Activity``), if it says.

    >>> activity_iri(nx.MultiDiGraph()) is None
    True
    """
    return _activity(G.graph.get("build"), G.graph.get("base", DEFAULT_BASE))


def _subject_rows(G: nx.MultiDiGraph, subjects: list[str], groups: dict[str, list[Row]],
                  made: list[tuple[str, tuple[str, str, str], int]], base: str,
                  made_by: str | None) -> Iterator[Row]:
    """The rows of each subject in turn (of ``subjects`` and of ``made``, both sorted),
    sorted: its group's (let go once given), for a node those made from the node, for an
    assertion or evidence those made from its edge."""
    at, edges = 0, G.edges
    previous = None
    for subject in merge(subjects, (iri for iri, _, _ in made)):
        if subject == previous:
            continue  # given already: a subject of both lists, or several times in made
        previous = subject
        found = groups.pop(subject, [])
        if subject in G:
            found.extend(_node_rows(G, subject, base))
        while at < len(made) and made[at][0] == subject:
            _, (one, other, key), number = made[at]
            data = edges[one, other, key]
            if number < 0:
                predicate = _predicate(data)
                found.extend(_assertion_own_rows(subject, one, predicate, other, data, base))
                if made_by is not None:
                    found.append(_iri_row(subject, _GENERATED_BY, made_by))
            else:
                found.extend(_evidence_rows(subject, data["evidence"][number]))
            at += 1
        yield from sorted(set(found))


def _node_rows(G: nx.MultiDiGraph, node: str, base: str) -> Iterator[Row]:
    """The rows whose subject is ``node``: its attributes', its mentions', and the direct
    triples of its relations (both ways for a symmetric one)."""
    data = G.nodes[node]
    yield from (_article_rows(node, data, base) if data["type"] == NodeType.ARTICLE
                else _entity_rows(node, data))
    for _, obj, key, edge in G.out_edges(node, keys=True, data=True):
        yield _iri_row(node, _MENTIONS if key == "mentions" else _predicate(edge), obj)
    for subject, _, key, edge in G.in_edges(node, keys=True, data=True):
        if key != "mentions" and (predicate := _predicate(edge)) in _SYMMETRIC_IRIS:
            yield _iri_row(node, predicate, subject)


def _grouped_rows(
    nodes: Iterable[tuple[str, dict[str, Any]]],
    edges: Iterable[tuple[str, str, str, dict[str, Any]]],
    *, base: str, build: dict[str, Any] | None, activity: bool = True,
) -> dict[str, set[Row]]:
    """The rows of some nodes and edges, grouped by subject."""
    # Grouped by subject, then each group sorted: much faster than sorting every row at
    # once, where each comparison first walks two long, mostly equal subject IRIs.
    groups: dict[str, set[Row]] = {}
    for node, data in nodes:
        _check_iri(node)
        found = (_article_rows(node, data, base) if data["type"] == NodeType.ARTICLE
                 else _entity_rows(node, data))
        groups.setdefault(node, set()).update(found)
    made_by = _activity(build, base)
    if made_by is not None and build is not None and activity:
        for row in _activity_rows(made_by, build, base):
            groups.setdefault(row[0], set()).add(row)
    for subject, obj, key, data in edges:
        if key == "mentions":
            groups.setdefault(subject, set()).add(_iri_row(subject, _MENTIONS, obj))
            continue
        for row in _relation_rows(subject, obj, data, base):
            groups.setdefault(row[0], set()).add(row)
            if made_by is not None and row[2] == _TYPE and row[4] == _NG["Assertion"]:
                groups[row[0]].add(_iri_row(row[0], _GENERATED_BY, made_by))
    return groups


def _sorted_rows(groups: dict[str, set[Row]]) -> Iterator[Row]:
    """The rows of ``groups`` sorted, each group dropped from ``groups`` once given."""
    for subject in sorted(groups):
        yield from sorted(groups.pop(subject))


def _ox_triples(rows: Iterable[Row]) -> Iterator[ox.Triple]:
    """pyoxigraph triples of ``rows``, naming the row whose IRI is not valid."""
    nodes: dict[str, ox.NamedNode] = {}

    def iri(text: str) -> ox.NamedNode:
        node = nodes.get(text)
        if node is None:
            try:
                node = nodes[text] = ox.NamedNode(text)
            except ValueError as error:
                message = f"not a valid IRI: {text!r} ({error})"
                raise ValueError(message) from error
        return node

    for subject, _, predicate, kind, value, datatype in rows:
        obj: ox.NamedNode | ox.Literal
        if kind == _IRI:
            obj = iri(value)
        elif datatype == _STRING:
            obj = ox.Literal(value)
        else:
            obj = ox.Literal(value, datatype=iri(datatype))
        yield ox.Triple(iri(subject), iri(predicate), obj)


def to_rdf(G: nx.MultiDiGraph, *, store: str = "default") -> Graph:
    """The RDF graph of a newsgraph networkx graph, with newsgraph's prefixes bound.

    ``store="Oxigraph"`` keeps the triples in pyoxigraph (through oxrdflib), which answers
    SPARQL fast on large graphs.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("https://w3id.org/newsgraph/id/person/li", type="Person", label="Li")
    >>> len(to_rdf(G))
    2
    """
    graph = bind_prefixes(Graph(store=store))
    for subject, _, predicate, kind, value, datatype in rdf_rows(G):
        obj: URIRef | Literal
        if kind == _IRI:
            obj = URIRef(value)
        elif datatype == _STRING:
            obj = Literal(value)
        else:
            obj = Literal(value, datatype=URIRef(datatype))
        graph.add((URIRef(subject), URIRef(predicate), obj))
    return graph


def _serialized(out: bytes | None) -> bytes:
    """pyoxigraph's output when given no stream: always bytes."""
    if out is None:
        message = "pyoxigraph.serialize returned nothing, expected bytes"
        raise TypeError(message)
    return out


#: Rows turned into N-Triples text at a time when a writer streams them to pyoxigraph.
_BATCH = 4096


class _ChunksReader(io.RawIOBase):
    """A readable binary stream of ``chunks`` of bytes, read as they come."""

    def __init__(self, chunks: Iterable[bytes]) -> None:
        super().__init__()
        self._chunks = iter(chunks)
        self._held = b""
        self._at = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while self._at >= len(self._held):
            self._held, self._at = next(self._chunks, b""), 0
            if not self._held:
                return 0
        size = min(len(buffer), len(self._held) - self._at)
        buffer[:size] = self._held[self._at:self._at + size]
        self._at += size
        return size


def _ntriples_chunks(rows: Iterable[Row]) -> Iterator[bytes]:
    """The N-Triples of ``rows``, a batch of rows at a time."""
    source = iter(rows)
    while batch := list(islice(source, _BATCH)):
        yield ntriples(batch)


def _parsed(chunks: Iterable[bytes], format: ox.RdfFormat) -> Iterator[Any]:
    """pyoxigraph's triples or quads of N-Triples or N-Quads text given in chunks, parsed as
    they are read, so that the whole text is never held."""
    return iter(ox.parse(io.BufferedReader(_ChunksReader(chunks), 1 << 16), format=format))


class _Reformatted(io.RawIOBase):
    """A binary stream for pyoxigraph's output that writes it on to ``stream`` without its
    first ``skip`` lines (its prefixes) and with ``edit`` applied, a run of whole lines at a
    time: ``edit`` is given the run after a line break and must only change what follows
    line breaks, so that editing it in runs gives what editing it whole would."""

    def __init__(self, stream: IO[bytes], skip: int, edit: Callable[[bytes], bytes]) -> None:
        super().__init__()
        self._stream, self._skip, self._edit = stream, skip, edit
        self._pending = b""
        self._first = True

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        held = self._pending + bytes(data)
        end = held.rfind(b"\n") + 1
        self._pending = held[end:]
        self._lines(held[:end])
        return len(data)

    def finish(self) -> None:
        """Write what is left (a last line without a line break)."""
        self._lines(self._pending)
        self._pending = b""

    def _lines(self, run: bytes) -> None:
        while self._skip and run:
            cut = run.find(b"\n") + 1 or len(run)
            run, self._skip = run[cut:], self._skip - 1
        if not run:
            return
        if self._first:  # the body's start follows no line break
            self._first = False
            self._stream.write(self._edit(run))
        else:
            self._stream.write(self._edit(b"\n" + run)[1:])


def _turtle_body(text: bytes) -> bytes:
    # four spaces indent instead of a tab, and a blank line before each subject: literals
    # never hold a raw line break (pyoxigraph escapes it), so every unindented line starts one
    return _SUBJECT_START.sub(b"\n\n", text.replace(b"\n\t", b"\n    "))


def _serialize(triples: Iterable[Any], stream: IO[bytes], format: ox.RdfFormat,
               prefixes: dict[str, str], edit: Callable[[bytes], bytes]) -> None:
    """Serialize ``triples`` with pyoxigraph to ``stream`` under our own header: pyoxigraph
    writes a line for each prefix, longest namespace first; ours keeps the order of
    PREFIXES."""
    header = "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in prefixes.items())
    stream.write(header.encode("utf-8") + b"\n")
    body = _Reformatted(stream, len(prefixes), edit)
    ox.serialize(triples, typing.cast(IO[bytes], body), format=format, prefixes=prefixes)
    body.finish()


def to_turtle(G: nx.MultiDiGraph) -> bytes:
    """The graph as Turtle bytes: the same graph gives the same bytes.

    Raises ``ValueError`` naming the IRI when a node or link is not a valid IRI.

    >>> to_turtle(nx.MultiDiGraph()).decode().splitlines()[0]
    '@prefix ng: <https://w3id.org/newsgraph/ontology#> .'
    """
    buffer = io.BytesIO()
    write_turtle(G, buffer)
    return buffer.getvalue()


def write_turtle(
    G: nx.MultiDiGraph, stream: IO[bytes], *, rows: Iterable[Row] | None = None
) -> None:
    """Write the graph as Turtle to a binary stream, the triples streamed from the graph to
    pyoxigraph and on to ``stream`` (never the whole text in memory). ``rows``: those of
    :func:`iter_rows`, when the caller passes them through something on their way (the
    store's delta, :func:`~newsgraph.graph.index.delta_rows`)."""
    rows = iter_rows(G) if rows is None else rows
    try:
        _serialize(_parsed(_ntriples_chunks(rows), ox.RdfFormat.N_TRIPLES), stream,
                   ox.RdfFormat.TURTLE, prefixes_for(G), _turtle_body)
    except SyntaxError:
        for _ in _ox_triples(iter_rows(G)):  # raises the ValueError that names the bad IRI
            pass
        raise


#: Bumped when the bytes :func:`write_turtle` writes of the same triples change: a
#: ``graph.ttl`` written otherwise is not merged into (:func:`write_turtle_merged`).
TURTLE_FORMAT = f"1 pyoxigraph {ox.__version__}"

#: What a run of :func:`write_turtle_merged`'s plan does: copy the next subject blocks of the
#: previous file, pass over them, or write the next subjects of the new rows.
KEEP, DROP, NEW = 0, 1, 2


def turtle_header(G: nx.MultiDiGraph) -> bytes:
    """The prefix lines :func:`write_turtle` starts the graph's Turtle with, and the blank
    line after them."""
    return "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in prefixes_for(G).items()).encode(
        "utf-8") + b"\n"


def turtle_blocks(chunks: Iterable[bytes]) -> Iterator[bytes]:
    """The subject blocks of a Turtle body as :func:`write_turtle` writes it (after its
    header), each with its final line break, from the body's bytes in chunks: a blank line
    stands before each subject, and nowhere else (literals hold no raw line break).

    >>> list(turtle_blocks([b"a:x a b:C .\\n\\na:y", b" a b:C .\\n"]))
    [b'a:x a b:C .\\n', b'a:y a b:C .\\n']
    """
    pending = b""
    for chunk in chunks:
        parts = (pending + chunk).split(b"\n\n")
        pending = parts.pop()
        for part in parts:
            yield part + b"\n"
    if pending:
        yield pending


def write_turtle_merged(
    G: nx.MultiDiGraph, stream: IO[bytes], old: IO[bytes], runs: Iterable[tuple[int, int]],
    rows: Iterable[Row],
) -> None:
    """Write the graph's Turtle as :func:`write_turtle` would, from the previous file ``old``
    (its header the graph's, its triples those the plan speaks of) and the rows of the
    subjects that changed: ``runs`` say, in subject order, how many blocks of ``old`` to copy
    (``KEEP``) or pass over (``DROP``), and how many subjects of ``rows`` to write (``NEW``).

    Each subject's block is written the same whatever surrounds it, so only the changed
    subjects go through pyoxigraph; the others are copied as bytes.
    """
    header = turtle_header(G)
    if old.read(len(header)) != header:
        message = "the previous Turtle has another header"
        raise ValueError(message)
    fresh = io.BytesIO()
    write_turtle(G, fresh, rows=rows)
    new_blocks = turtle_blocks([fresh.getvalue()[len(header):]])
    del fresh
    old_blocks = turtle_blocks(iter(lambda: old.read(1 << 20), b""))
    stream.write(header)
    _write_runs(stream, runs, old_blocks, new_blocks, b"\n")


def _write_runs(stream: IO[bytes], runs: Iterable[tuple[int, int]], old: Iterator[bytes],
                new: Iterator[bytes], separator: bytes) -> None:
    """Write, by the plan ``runs`` of :func:`write_turtle_merged`, the pieces copied from
    ``old`` and those taken from ``new``, with ``separator`` between each two, a batch at a
    time."""
    out: list[bytes] = []
    written = False
    for kind, count in runs:
        for piece in islice(new if kind == NEW else old, count):
            if kind != DROP:
                out.append(piece)
                if len(out) >= _BATCH:
                    stream.write(separator * written + separator.join(out))
                    out.clear()
                    written = True
    if out:
        stream.write(separator * written + separator.join(out))


_GRAPH_START = re.compile(rb"\n(?=[^ \n}])")
_TABS = re.compile(rb"(?m)^\t+")


def _trig_body(text: bytes) -> bytes:
    text = _TABS.sub(lambda tabs: b"    " * len(tabs.group()), text)
    return _GRAPH_START.sub(b"\n\n", text)


def _article_quads(G: nx.MultiDiGraph) -> list[tuple[str, str, str, str]]:
    """``(article, subject, predicate, object)`` of each relation triple an article reports,
    both ways for a symmetric relation, sorted."""
    quads = set()
    for subject, obj, key, data in G.edges(keys=True, data=True):
        if key == "mentions":
            continue
        predicate = _RELATION_IRIS.get(data["predicate"]) or str(predicate_iri(data["predicate"]))
        for article in {item["article"] for item in data["evidence"]}:
            quads.add((article, subject, predicate, obj))
            if predicate in _SYMMETRIC_IRIS:
                quads.add((article, obj, predicate, subject))
    return sorted(quads)


def to_trig(G: nx.MultiDiGraph) -> bytes:
    """The graph as TriG bytes: the triples of :func:`to_turtle` in the default graph, and one
    named graph per article, named by the article's IRI, holding the relation triples it
    reports (the evidence of each, as a graph a SPARQL ``GRAPH`` pattern can ask for).

    The same graph gives the same bytes.

    >>> G = nx.MultiDiGraph()
    >>> a = "https://w3id.org/newsgraph/id/article/a1"
    >>> G.add_node(a, type="Article", label="One", source="a.txt")
    >>> for n, t in (("person/Li", "Person"), ("organisation/Acme", "Organisation")):
    ...     G.add_node(f"https://w3id.org/newsgraph/id/{n}", type=t, label=n[-4:])
    >>> _ = G.add_edge("https://w3id.org/newsgraph/id/person/Li",
    ...     "https://w3id.org/newsgraph/id/organisation/Acme", key="chairs",
    ...     predicate="chairs", article_count=1, evidence=[{"article": a,
    ...     "sentence": "Li chairs Acme.", "start": 0, "end": 15, "rule": "r"}])
    >>> print(to_trig(G).decode().split("\\n\\n")[-1], end="")
    article:a1 {
        person:Li ng:chairs organisation:Acme .
    }
    """
    buffer = io.BytesIO()
    write_trig(G, buffer)
    return buffer.getvalue()


def write_trig(G: nx.MultiDiGraph, stream: IO[bytes]) -> None:
    """Write the graph as TriG to a binary stream, streamed as :func:`write_turtle` is."""
    quads = _article_quads(G)
    named = ("".join(f"<{s}> <{p}> <{o}> <{g}> .\n" for g, s, p, o in quads[at:at + _BATCH])
             .encode("utf-8") for at in range(0, len(quads), _BATCH))
    chunks = chain(_ntriples_chunks(iter_rows(G)), named)
    try:
        _serialize(_parsed(chunks, ox.RdfFormat.N_QUADS), stream,
                   ox.RdfFormat.TRIG, prefixes_for(G), _trig_body)
    except SyntaxError:
        for _ in _ox_triples(iter_rows(G)):  # raises the ValueError that names the bad IRI
            pass
        raise


def to_jsonld(G: nx.MultiDiGraph) -> bytes:
    """The graph as compact JSON-LD bytes, one node object per subject, keys sorted.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("https://w3id.org/newsgraph/id/person/li", type="Person", label="Li")
    >>> json.loads(to_jsonld(G))["@graph"]
    [{'@id': 'person:li', '@type': ['ng:Person'], 'rdfs:label': ['Li']}]
    """
    buffer = io.BytesIO()
    write_jsonld(G, buffer)
    return buffer.getvalue()


def _jsonld_nodes(
    G: nx.MultiDiGraph, prefixes: dict[str, str], rows: Iterable[Row] | None = None
) -> Iterator[dict[str, Any]]:
    """The JSON-LD node object of each subject, in subject order (of ``rows``, by default
    all the graph's)."""
    by_length = _BY_LENGTH if prefixes is PREFIXES else _by_length(prefixes)
    compact = _compactor(by_length)
    # predicates, types and datatypes are few and repeat on every subject: each is compacted
    # once (the subjects and objects, most of them once each, are not kept)
    known: dict[str, str] = {}

    def compact_term(iri: str) -> str:
        found = known.get(iri)
        if found is None:
            found = known[iri] = compact(iri)
        return found

    compact_iri = compact

    current: dict[str, Any] = {}
    for row_subject, _, predicate, kind, row_value, datatype in (
            iter_rows(G) if rows is None else rows):
        subject = compact_iri(row_subject)
        if current.get("@id") != subject:
            if current:
                yield current
            current = {"@id": subject}
        if predicate == _TYPE:
            current.setdefault("@type", []).append(compact_term(row_value))
            continue
        value: Any
        if kind == _IRI:
            value = {"@id": compact_iri(row_value)}
        elif datatype == _STRING:
            value = row_value
        else:
            value = {"@value": row_value, "@type": compact_term(datatype)}
        current.setdefault(compact_term(predicate), []).append(value)
    if current:
        yield current


def write_jsonld(G: nx.MultiDiGraph, stream: IO[bytes]) -> None:
    """Write the graph as JSON-LD to a binary stream: ``{"@context": …, "@graph": […]}`` on
    one line (json's C encoder only runs without indentation, five times faster at scale),
    written a batch of node objects at a time."""
    stream.write(jsonld_header(G))
    write_json_items(_jsonld_nodes(G, prefixes_for(G)), stream, separators=(",", ":"))
    stream.write(_JSONLD_END)


_JSONLD_END = b"]}\n"
#: Where a node object of the ``@graph`` array starts, after the first: a node's ``@id``
#: is followed by its other keys; an IRI value's, inside a node, by the end of its object.
#: (Within a JSON string a quotation mark is always escaped.) Every other key of a node
#: holds a list, so a node object ends with ``]}``: the literal start lets the regular
#: expression look for that alone, not at every byte (3.1 s against 0.7 for the 220 MB of
#: a graph of 100,000 documents), and passes over the million lists of IRI values
#: (``…"},{"@id":…``) at once.
_JSONLD_NEXT = re.compile(rb'\]\},(?=\{"@id":"(?:[^"\\]|\\.)*",)')


def jsonld_header(G: nx.MultiDiGraph) -> bytes:
    """What :func:`write_jsonld` writes before the graph's first node object."""
    context = json.dumps(dict(prefixes_for(G)), ensure_ascii=False, sort_keys=True,
                         separators=(",", ":"))
    return b'{"@context":' + context.encode("utf-8") + b',"@graph":['


def jsonld_objects(chunks: Iterable[bytes]) -> Iterator[bytes]:
    """The node objects of the ``@graph`` array of a JSON-LD file :func:`write_jsonld`
    wrote, as bytes, from the bytes after its header, in chunks (the end of the file
    included).

    >>> list(jsonld_objects([b'{"@id":"a:x","p":[{"@id":"a:y"},{"@id":"a:z"}]},{"@id":',
    ...                      b'"a:y","p":["1"]}]}\\n']))
    [b'{"@id":"a:x","p":[{"@id":"a:y"},{"@id":"a:z"}]}', b'{"@id":"a:y","p":["1"]}']
    """
    pending = b""
    for chunk in chunks:
        pending += chunk
        at = 0
        for found in _JSONLD_NEXT.finditer(pending):
            yield pending[at:found.end() - 1]  # up to the comma: the object ends with "]}"
            at = found.end()
        pending = pending[at:]
    if not pending.endswith(_JSONLD_END):
        message = "not a JSON-LD file as newsgraph writes it"
        raise ValueError(message)
    pending = pending[:-len(_JSONLD_END)]
    if pending:
        yield pending


def write_jsonld_merged(
    G: nx.MultiDiGraph, stream: IO[bytes], old: IO[bytes], runs: Iterable[tuple[int, int]],
    rows: Iterable[Row],
) -> None:
    """Write the graph as JSON-LD as :func:`write_jsonld` would, from the previous file
    ``old`` and the rows of the subjects that changed, by the plan of
    :func:`write_turtle_merged` (a node object per subject, in subject order, as a Turtle
    block is): the unchanged subjects' objects are copied as bytes."""
    header = jsonld_header(G)
    if old.read(len(header)) != header:
        message = "the previous JSON-LD has another context"
        raise ValueError(message)
    new_objects = (json.dumps(node, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
                   .encode("utf-8") for node in _jsonld_nodes(G, prefixes_for(G), rows))
    old_objects = jsonld_objects(iter(lambda: old.read(1 << 20), b""))
    stream.write(header)
    _write_runs(stream, runs, old_objects, new_objects, b",")
    stream.write(_JSONLD_END)


def compact_iri(iri: str, base: str = DEFAULT_BASE) -> str:
    """An IRI as ``prefix:rest`` under the longest namespace of :data:`PREFIXES` (the node
    namespaces under ``base``), or unchanged.

    It stays whole when no namespace starts it, or when the rest would be empty or start
    with ``//`` (JSON-LD would read that as an absolute IRI). The one rule for shortening
    IRIs: JSON-LD writes them so, and query tables and validation messages show them so.

    Examples
    --------
    >>> compact_iri("https://w3id.org/newsgraph/id/organisation/smic")
    'organisation:smic'
    >>> compact_iri("https://w3id.org/newsgraph/ontology#roseOnNews")
    'ng:roseOnNews'
    >>> compact_iri("https://w3id.org/newsgraph/id/article/")
    'https://w3id.org/newsgraph/id/article/'
    >>> compact_iri("https://example.com/a?b=1")
    'https://example.com/a?b=1'
    >>> compact_iri("https://example.org/kg/person/Li", "https://example.org/kg/")
    'person:Li'
    """
    return _compact(iri, _namespaces_by_length(base))


def _compact(iri: str, by_length: tuple[tuple[str, str], ...]) -> str:
    return _compactor(by_length)(iri)


@cache
def _compactor(by_length: tuple[tuple[str, str], ...]) -> Callable[[str], str]:
    """What :func:`_compact` does for ``by_length``, with one regular expression: its
    alternatives are tried in order, so the first that matches is the longest namespace, as
    a loop over ``by_length`` finds it (a loop took most of the time of writing JSON-LD)."""
    prefix_of: dict[str, str] = {}
    for prefix, namespace in by_length:
        prefix_of.setdefault(namespace, prefix)
    if not by_length:
        return lambda iri: iri
    match = re.compile("|".join(re.escape(namespace) for _, namespace in by_length)).match

    def compact(iri: str) -> str:
        found = match(iri)
        if found is None:
            return iri
        end = found.end()
        if end == len(iri) or iri.startswith("//", end):
            return iri
        return f"{prefix_of[found.group()]}:{iri[end:]}"

    return compact


def _by_length(prefixes: dict[str, str]) -> tuple[tuple[str, str], ...]:
    """The longest namespace first, so that the first match is the longest."""
    return tuple(sorted(prefixes.items(), key=lambda pn: -len(pn[1])))


_BY_LENGTH = _by_length(PREFIXES)


@cache
def _namespaces_by_length(base: str) -> tuple[tuple[str, str], ...]:
    return _BY_LENGTH if base == DEFAULT_BASE else _by_length(prefixes_of(base))
