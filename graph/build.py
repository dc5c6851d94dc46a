"""Build the networkx graph from extractions.

Nodes are keyed by IRI. Entity nodes carry ``type``, ``label``, ``aliases``, ``articles``
(and for a Policy its ``kind``, and the ``first_seen`` and ``last_seen`` dates of the articles
that mention it); Article nodes carry ``type="Article"``, ``label``, ``title``,
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

import re
from collections.abc import Callable, Iterable
from typing import Any

import networkx as nx

from newsgraph.graph.aliases import Aliases
from newsgraph.graph.iris import DEFAULT_BASE, digest, entity_iri, name_iri
from newsgraph.graph.links import Links
from newsgraph.graph.resolve import Merge, ResolvedEntity, entity_key, label_forms, resolve
from newsgraph.ingest.confidence import combined, rule_confidence
from newsgraph.ingest.documents import ARTICLE, Article, Entity, Extraction, Relation
from newsgraph.ingest.gazetteer import country_code, country_wikidata
from newsgraph.ontology import (
    RELATIONS,
    SANCTION_KINDS,
    EntityType,
    NodeType,
    PolicyKind,
    Predicate,
    edge_type,
)

__all__ = ["WIKIDATA", "article_iri", "build_graph", "entity_iri", "merge_log", "relation_allowed"]

#: Where Wikidata's items live.
WIKIDATA = "http://www.wikidata.org/entity/"


def article_iri(article: Article, *, base: str = DEFAULT_BASE) -> str:
    """The IRI of an article, stable for its ``id``.

    >>> article_iri(Article(id="a1", text="", source="a.txt"))
    'https://w3id.org/newsgraph/id/article/f55ff16f66f43360'
    """
    return f"{base}article/{digest(article.id)}"


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
    base: str = DEFAULT_BASE, links: Links | None = None,
    on_refused: Callable[[str], None] | None = None,
    resolved: tuple[list[ResolvedEntity], list[Merge]] | None = None,
) -> nx.MultiDiGraph:
    """A graph of the entities, articles and relations in ``extractions``.

    The result depends only on the set of extractions, not their order. ``aliases`` are the
    user's extra aliases and do-not-merge pairs; the merges made are in ``G.graph["merges"]``
    (plain dicts, see :meth:`~newsgraph.graph.resolve.Merge.to_dict`). IRIs are minted
    under ``base`` (see :mod:`newsgraph.graph.iris`). An entity's ``replaces`` lists the IRIs
    it may have had before (those its other names mint, so that an IRI minted when another of
    its names was the label still leads to it); its ``same_as`` the identifiers others give
    it: a country's Wikidata item, and what ``links`` gives any of its names (the names of
    ``links`` that match no entity are in ``G.graph["unmatched_links"]``). ``on_refused``
    is told of each alias rule not applied (see :func:`~newsgraph.graph.resolve.resolve`).
    ``resolved`` is the resolution of those entities when it is known already (from the
    folder's alias index, :mod:`newsgraph.graph.index`); ``aliases`` and ``on_refused`` are
    then not used.
    """
    ordered = sorted(((article_iri(x.article, base=base), x) for x in extractions),
                     key=lambda p: p[0])
    groups, merges = resolved if resolved is not None else resolve(
        ((_document(x.article), e) for _, x in ordered for e in x.entities), aliases=aliases,
        on_refused=on_refused,
    )
    index: dict[tuple[str, str], str] = {}
    G = nx.MultiDiGraph()
    G.graph["merges"] = [merge.to_dict() for merge in merges]
    if base != DEFAULT_BASE:
        G.graph["base"] = base
    minted = _entity_iris(groups, base)
    previous = _previous_iris(groups, minted, base)
    for group, iri, replaced in zip(groups, minted, previous, strict=True):
        for key in group.keys:
            index[key] = iri
        attrs: dict[str, Any] = {
            "type": group.type, "label": group.label, "aliases": list(group.aliases),
            "articles": [],
        }
        if replaced:
            attrs["replaces"] = replaced
        same: set[str] = set()
        code = country_code(group.label) if group.type == EntityType.COUNTRY else None
        if code:
            attrs["code"] = code
            qid = country_wikidata(code)
            same |= {WIKIDATA + qid} if qid else set()
        if same:
            attrs["same_as"] = sorted(same)
        if group.type == EntityType.POLICY:
            # .value: node attributes stay plain str, as graph.json reads them back (and
            # networkx's GraphML writer refuses a str subclass)
            attrs["kind"] = group.kind or PolicyKind.OTHER_POLICY.value
        G.add_node(iri, **attrs)
    if links is not None:
        _link(G, list(zip(groups, minted, strict=True)), links, base)

    refusals: list[str] = []
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
        _link_credits(G, a_iri, article, index)
        for relation in extraction.relations:
            ends = _ends(relation, local, index, a_iri, G)
            if isinstance(ends, str):
                refusals.append(f"{_document(article)}: {ends}")
                continue
            found = evidence.setdefault((ends[0], relation.predicate, ends[1]), [])
            found.append({"article": a_iri, **_evidence(relation)})
    _sanctions_of_policies(G, evidence)

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
            if G.nodes[node]["type"] == EntityType.POLICY:
                _reported(G, node)
    G.graph["rejected_relations"] = len(refusals)
    G.graph["refusals"] = sorted(refusals)
    return G


def _reported(G: nx.MultiDiGraph, node: str) -> None:
    """Set ``first_seen`` and ``last_seen`` of a policy: the dates of the first and the last
    article that mentions it, where the articles have dates."""
    dates = sorted(d for a in G.nodes[node]["articles"] if (d := G.nodes[a].get("date")))
    if dates:
        G.nodes[node]["first_seen"], G.nodes[node]["last_seen"] = dates[0], dates[-1]


def _link(G: nx.MultiDiGraph, nodes: list[tuple[ResolvedEntity, str]], links: Links,
          base: str) -> None:
    """Give each node the IRIs ``links`` gives any of its names (``same_as``).

    An IRI under ``base`` names a node of this graph, and one given to several nodes would
    make them one thing: neither is linked, and ``G.graph["refused_links"]`` says why. The
    links' names that match no node are in ``G.graph["unmatched_links"]``.
    """
    owners: dict[str, list[str]] = {}
    for group, node in nodes:
        for iri in links.iris_of((group.label, *group.aliases), group.type):
            owners.setdefault(iri, []).append(node)
    refused = []
    for iri, found in sorted(owners.items()):
        if iri.startswith(base):
            refused.append(f"{iri}: names a node of this graph itself; not linked")
        elif len(found) > 1:
            labels = ", ".join(sorted(G.nodes[n]["label"] for n in found))
            refused.append(f"{iri}: given to {len(found)} entities ({labels}), which it would "
                           "make one; not linked")
        else:
            data = G.nodes[found[0]]
            data["same_as"] = sorted({*data.get("same_as", ()), iri})
    G.graph["refused_links"] = refused
    names = ((name, group.type) for group, _ in nodes for name in (group.label, *group.aliases))
    G.graph["unmatched_links"] = list(links.unmatched(names))


def _sanctions_of_policies(
    G: nx.MultiDiGraph, evidence: dict[tuple[str, str, str], list[dict[str, Any]]]
) -> None:
    """Add to ``evidence`` the ``sanctions`` each policy of a sanction kind states.

    One pattern for sanctions (docs/queries.md): a policy whose kind is in ``SANCTION_KINDS``
    makes each of its imposers sanction each of its targets, on the evidence that it targets
    them, so that ``sanctions`` alone answers who sanctions whom. That evidence counts with
    the chance that both the targeting and the imposing are right, the imposing at the rules'
    measured precision (not the imposing's own evidence, which may lie in other articles and
    would make the assertion's confidence depend on what else a build read).
    """
    imposed = rule_confidence(Predicate.IMPOSES)
    imposers: dict[str, list[str]] = {}
    for subject, predicate, obj in evidence:
        if predicate == Predicate.IMPOSES:
            imposers.setdefault(obj, []).append(subject)
    for (policy, predicate, target), items in sorted(evidence.items()):
        if predicate != Predicate.TARGETS or G.nodes[policy].get("kind") not in SANCTION_KINDS:
            continue
        for imposer in sorted(imposers.get(policy, ())):
            types = G.nodes[imposer]["type"], G.nodes[target]["type"]
            if imposer == target or not relation_allowed(Predicate.SANCTIONS, *types):
                continue
            found = evidence.setdefault((imposer, Predicate.SANCTIONS.value, target), [])
            seen = {_evidence_key(e) for e in found}
            found.extend({**e, "confidence": round(e["confidence"] * imposed, 3)}
                         for e in items if _evidence_key(e) not in seen)


def _evidence_key(item: dict[str, Any]) -> tuple[str, int, str]:
    return item["article"], item["start"], item["rule"]


def _entity_iris(groups: list[ResolvedEntity], base: str) -> list[str]:
    """Each group's IRI; where two would share one, the later takes a hash of its label."""
    found: list[str] = []
    taken: set[str] = set()
    for group in groups:
        iri = entity_iri(group.type, group.label, base=base)
        if iri in taken:
            iri = f"{iri}-{digest(group.type, group.label)}"
        taken.add(iri)
        found.append(iri)
    return found


def _previous_iris(groups: list[ResolvedEntity], minted: list[str], base: str) -> list[list[str]]:
    """For each group, the IRIs it may have had before, none of them another node's.

    Those are the IRIs of its other names (each could have been its label in a build of
    other documents) and those of the ASCII slug of its names (how IRIs were minted up to
    0.1). A country's IRI is its ISO code, which no other name changes: only its old slug.
    An IRI two groups could claim is left out: it would make them one.
    """
    claims: dict[str, set[int]] = {}
    for number, group in enumerate(groups):
        names = (group.label,) if group.type == EntityType.COUNTRY else tuple(
            form for name in (group.label, *group.aliases)
            for form in label_forms(name, group.type))
        found = {_legacy_iri(group.type, name, base) for name in names}
        if group.type != EntityType.COUNTRY:
            found |= {name_iri(group.type, name, base=base) for name in names}
        for iri in found:
            if iri is not None:
                claims.setdefault(iri, set()).add(number)
    taken = set(minted)
    previous: list[list[str]] = [[] for _ in groups]
    for iri, numbers in claims.items():
        if len(numbers) == 1 and iri not in taken:
            previous[next(iter(numbers))].append(iri)
    return [sorted(found) for found in previous]


def _legacy_iri(kind: str, name: str, base: str) -> str | None:
    """The IRI newsgraph 0.1 minted for a label: its ASCII letters and digits, lower case.

    >>> _legacy_iri("Country", "Japan", "https://example.org/")
    'https://example.org/country/japan'
    >>> _legacy_iri("Organisation", "华为", "https://example.org/") is None
    True
    """
    if not name.isascii():
        return None
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return f"{base}{kind.lower()}/{slug}" if slug else None


_AUTHORS_SPLIT = re.compile(r"\s*(?:,|;|\band\b|&|\|)\s*")
_PUBLISHER_PARTS = re.compile(r"\s+[-\u2013\u2014|]\s+|:\s+")


def _link_credits(
    G: nx.MultiDiGraph, a_iri: str, article: Article, index: dict[tuple[str, str], str]
) -> None:
    """Name an article's authors and publisher by their nodes, where the article has them.

    The credits stay as written (``authors``, ``publisher``); ``author_nodes`` are the people
    its byline names, among the entities the article mentions (the pipeline adds them to
    them), ``publisher_node`` the organisation its publisher line or feed title names: one
    the article mentions, else any of the graph (a feed's other articles name their
    publication: "Markets - South China Morning Post" is the node "South China Morning Post").
    """
    def known(name: str, kind: str) -> str | None:
        node = index.get(entity_key(name, kind))
        return node if node is not None and G.nodes[node]["type"] == kind else None

    def mentioned(name: str, kind: str) -> str | None:
        node = known(name, kind)
        return node if node is not None and G.has_edge(a_iri, node, key="mentions") else None

    authors: dict[str, None] = {}
    for raw in article.authors:
        for part in _AUTHORS_SPLIT.split(raw):
            name = re.sub(r"^by\s+", "", part.strip(), flags=re.IGNORECASE)
            node = mentioned(name, EntityType.PERSON) if name else None
            if node is not None:
                authors.setdefault(node)
    if authors:
        G.nodes[a_iri]["author_nodes"] = list(authors)
    publisher = " ".join((article.publisher or "").split())
    parts = list(reversed(_PUBLISHER_PARTS.split(publisher))) if publisher else []
    for lookup in (mentioned, known):
        found = [node for part in parts if (node := lookup(part, EntityType.ORGANISATION))]
        if found:
            G.nodes[a_iri]["publisher_node"] = found[0]
            break


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
    """A short name for an article: its title, else its first sentence, else its publisher
    and date; never its file name.

    >>> _article_label(Article(id="x", text="Intel rose 5% on Monday. It said more.",
    ...                        source="news/a.txt"))
    'Intel rose 5% on Monday.'
    >>> _article_label(Article(id="x", text="", source="news/a.txt", publisher="Bloomberg",
    ...                        date="2021-03-11"))
    'Bloomberg, 2021-03-11'
    >>> _article_label(Article(id="x", text="", source="news/a.txt"))
    'Untitled article'
    """
    if article.title:
        return article.title
    sentence = _first_sentence(article.text)
    if sentence:
        return sentence
    named = ", ".join(part for part in (article.publisher, article.date) if part)
    return named or "Untitled article"


def _first_sentence(text: str, longest: int = 120) -> str:
    """The first sentence of a text, on one line, cut at a word near ``longest`` characters.

    >>> _first_sentence("  WASHINGTON (Reuters) - The U.S. on Friday added 3 firms.\\n\\nMore.")
    'WASHINGTON (Reuters) - The U.S. on Friday added 3 firms.'
    """
    line = " ".join(text.split())
    end = re.search(r"(?<!\b[A-Z])(?<!\b[A-Z][a-z])[.!?](?=\s+[\"'A-Z(])", line)
    sentence = line[: end.end()] if end else line
    if len(sentence) > longest:
        cut = sentence[: longest - 1]
        sentence = (cut.rsplit(" ", 1)[0] if " " in cut else cut) + "\u2026"
    return sentence


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
) -> tuple[str, str] | str:
    """The node IRIs of a relation's ends, or why the graph cannot hold it."""
    ends = []
    types = []
    said = f"{relation.subject} {relation.predicate} {relation.object}"
    for name in (relation.subject, relation.object):
        if name == ARTICLE:
            ends.append(a_iri)
            types.append(NodeType.ARTICLE)
            continue
        entity = local.get(name)
        node = None if entity is None else index.get(entity_key(entity.name, entity.type))
        if node is None:
            return f"{said}: {name!r} is not in the graph (too little evidence it is an entity)"
        ends.append(node)
        types.append(G.nodes[node]["type"])
    if ends[0] == ends[1]:
        return f"{said}: both ends are one entity"
    if not relation_allowed(relation.predicate, types[0], types[1]):
        signature = RELATIONS.get(relation.predicate)
        if signature is None:
            return f"{said}: the ontology has no relation {relation.predicate}"
        return (
            f"{said}: {relation.predicate} goes from {' or '.join(sorted(signature.domain))} "
            f"to {' or '.join(sorted(signature.range))}, not from {types[0]} to {types[1]}"
        )
    return ends[0], ends[1]
