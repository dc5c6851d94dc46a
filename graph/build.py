"""Build the networkx graph from extractions.

Nodes are keyed by IRI. Entity nodes carry ``type``, ``label``, ``aliases``, ``articles``
(and ``kind`` for a Policy); Article nodes carry ``type="Article"``, ``label``, ``title``,
``date``, ``source``, ``link``, ``publisher`` and ``authors``. Edges are keyed by their type:
``mentions`` from an article to each entity it names, and one edge per typed relation with
its ``evidence`` (a list of dicts), ``article_count``, ``first_seen`` and ``last_seen``.

Examples
--------
>>> from newsgraph.ingest.documents import Article, Entity, Extraction
>>> article = Article(id="a1", text="Intel rose.", source="a.txt", title="Chips")
>>> G = build_graph([Extraction(article, (Entity("Intel", "Organisation"),))])
>>> sorted(data["label"] for _, data in G.nodes(data=True))
['Chips', 'Intel']
>>> [t for _, _, t in G.edges(keys=True)]
['mentions']
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable, Iterable
from typing import Any

import networkx as nx

from newsgraph.graph.aliases import Aliases
from newsgraph.graph.resolve import entity_key, resolve
from newsgraph.ingest.confidence import combined, rule_confidence
from newsgraph.ingest.documents import ARTICLE, Article, Entity, Extraction, Relation
from newsgraph.ontology import NGR, RELATIONS, EntityType, NodeType, PolicyKind, edge_type

__all__ = ["article_iri", "build_graph", "entity_iri", "merge_log", "relation_allowed"]


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "x"


def article_iri(article: Article) -> str:
    """The IRI of an article, stable for its ``id``.

    >>> article_iri(Article(id="a1", text="", source="a.txt"))
    'https://w3id.org/newsgraph/id/article/f55ff16f66f43360'
    """
    digest = hashlib.sha256(article.id.encode("utf-8")).hexdigest()[:16]
    return str(NGR[f"article/{digest}"])


def entity_iri(kind: str, label: str) -> str:
    """The IRI of an entity of type ``kind`` with canonical ``label``.

    >>> entity_iri("Organisation", "Wan Li Optics")
    'https://w3id.org/newsgraph/id/organisation/wan-li-optics'
    """
    return str(NGR[f"{kind.lower()}/{_slug(label)}"])


def relation_allowed(predicate: str, subject_type: str, object_type: str) -> bool:
    """Whether the ontology allows ``predicate`` between these types.

    >>> relation_allowed("chairs", "Person", "Organisation")
    True
    >>> relation_allowed("chairs", "Country", "Organisation")
    False
    """
    signature = RELATIONS.get(predicate)
    return (
        signature is not None
        and subject_type in signature.domain
        and object_type in signature.range
    )




def build_graph(
    extractions: Iterable[Extraction], *, aliases: Aliases | None = None,
    on_refused: Callable[[str], None] | None = None,
) -> nx.MultiDiGraph:
    """A graph of the entities, articles and relations in ``extractions``.

    The result depends only on the set of extractions, not their order. ``aliases`` are the
    user's extra aliases and do-not-merge pairs; the merges made are in ``G.graph["merges"]``
    (plain dicts, see :meth:`~newsgraph.graph.resolve.Merge.to_dict`). ``on_refused`` is
    told of each alias rule not applied (see :func:`~newsgraph.graph.resolve.resolve`).
    """
    ordered = sorted(((article_iri(x.article), x) for x in extractions), key=lambda p: p[0])
    groups, merges = resolve(
        ((_document(x.article), e) for _, x in ordered for e in x.entities), aliases=aliases,
        on_refused=on_refused,
    )
    index: dict[tuple[str, str], str] = {}
    G = nx.MultiDiGraph()
    G.graph["merges"] = [merge.to_dict() for merge in merges]
    for group in groups:
        iri = entity_iri(group.type, group.label)
        for key in group.keys:
            index[key] = iri
        attrs: dict[str, Any] = {
            "type": group.type, "label": group.label, "aliases": list(group.aliases),
            "articles": [],
        }
        if group.type == EntityType.POLICY:
            # .value: node attributes stay plain str, as graph.json reads them back (and
            # networkx's GraphML writer refuses a str subclass)
            attrs["kind"] = group.kind or PolicyKind.OTHER_POLICY.value
        G.add_node(iri, **attrs)

    rejected = 0
    evidence: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
    for a_iri, extraction in ordered:
        article = extraction.article
        G.add_node(a_iri, **_article_attrs(article))
        local = {e.name: e for e in extraction.entities}
        for entity in extraction.entities:
            node = index.get(entity_key(entity.name, entity.type))
            if node is None:  # too little evidence in the corpus that it is an entity
                continue
            if not G.has_edge(a_iri, node, key="mentions"):
                G.add_edge(a_iri, node, key="mentions", type="mentions")
                G.nodes[node]["articles"].append(a_iri)
        for relation in extraction.relations:
            ends = _ends(relation, local, index, a_iri, G)
            if ends is None:
                rejected += 1
                continue
            found = evidence.setdefault((ends[0], relation.predicate, ends[1]), [])
            found.append({"article": a_iri, **_evidence(relation)})

    for (subject, predicate, obj), items in sorted(evidence.items()):
        items.sort(key=lambda e: (e["article"], e["start"], e["rule"]))
        dates = sorted(d for e in items if (d := G.nodes[e["article"]]["date"]))
        kind = edge_type(predicate)
        G.add_edge(
            subject, obj, key=kind, type=kind, predicate=predicate, evidence=items,
            article_count=len({e["article"] for e in items}),
            confidence=combined(e["confidence"] for e in items),
            first_seen=dates[0] if dates else None, last_seen=dates[-1] if dates else None,
        )
    for node in G.nodes:
        if "articles" in G.nodes[node]:
            G.nodes[node]["articles"].sort()
    G.graph["rejected_relations"] = rejected
    return G


def _document(article: Article) -> str:
    """How the merge log names an article: its link, else its source."""
    return article.link or article.source


def merge_log(G: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """The merges that made the graph's nodes, as plain JSON-ready data.

    >>> merge_log(build_graph([]))
    []
    """
    return list(G.graph.get("merges", []))


def _article_label(article: Article) -> str:
    """A short name for an article: its title, else its publisher and date, else its file.

    >>> _article_label(Article(id="x", text="", source="news/a.txt", publisher="Bloomberg",
    ...                        date="2021-03-11"))
    'Bloomberg, 2021-03-11'
    >>> _article_label(Article(id="x", text="", source="news/a.txt"))
    'a.txt'
    """
    if article.title:
        return article.title
    named = ", ".join(part for part in (article.publisher, article.date) if part)
    return named or article.source.rstrip("/").rsplit("/", 1)[-1]


def _article_attrs(article: Article) -> dict[str, Any]:
    return {
        "type": NodeType.ARTICLE.value, "label": _article_label(article), "title": article.title,
        "date": article.date, "source": article.source, "link": article.link,
        "publisher": article.publisher, "authors": list(article.authors),
    }


def _evidence(relation: Relation) -> dict[str, Any]:
    e = relation.evidence
    confidence = e.confidence if e.confidence is not None else rule_confidence(relation.predicate)
    return {"sentence": e.sentence, "start": e.start, "end": e.end, "rule": e.rule,
            "percent": e.percent, "market": e.market, "confidence": confidence}


def _ends(
    relation: Relation,
    local: dict[str, Entity],
    index: dict[tuple[str, str], str],
    a_iri: str,
    G: nx.MultiDiGraph,
) -> tuple[str, str] | None:
    """The node IRIs of a relation's ends, or None when the ontology forbids it."""
    ends = []
    types = []
    for name in (relation.subject, relation.object):
        if name == ARTICLE:
            ends.append(a_iri)
            types.append(NodeType.ARTICLE)
            continue
        entity = local.get(name)
        node = None if entity is None else index.get(entity_key(entity.name, entity.type))
        if node is None:
            return None
        ends.append(node)
        types.append(G.nodes[node]["type"])
    if not relation_allowed(relation.predicate, types[0], types[1]) or ends[0] == ends[1]:
        return None
    return ends[0], ends[1]
