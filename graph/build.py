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
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
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

__all__ = [
    "WIKIDATA",
    "ArticlePart",
    "add_evidence",
    "article_iri",
    "article_part",
    "build_graph",
    "entity_iri",
    "entity_nodes",
    "link_nodes",
    "merge_log",
    "name_keys",
    "relation_allowed",
    "relation_attrs",
    "sanctions_of_policies",
]

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
    node_keys: dict[tuple[str, str], str] | None = None,
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
    then not used. ``node_keys``, when given, is filled with the node each name key names
    (what an add compares with the previous build's, :mod:`newsgraph.graph.touched`).
    """
    ordered = sorted(((article_iri(x.article, base=base), x) for x in extractions),
                     key=lambda p: p[0])
    groups, merges = resolved if resolved is not None else resolve(
        ((_document(x.article), e) for _, x in ordered for e in x.entities), aliases=aliases,
        on_refused=on_refused,
    )
    G = nx.MultiDiGraph()
    G.graph["merges"] = [merge.to_dict() for merge in merges]
    if base != DEFAULT_BASE:
        G.graph["base"] = base
    index, nodes = entity_nodes(groups, base=base)
    if node_keys is not None:
        node_keys.update(index)
    linked = link_nodes(groups, nodes, links, base=base) if links is not None else None
    for iri, attrs in nodes:
        G.add_node(iri, **attrs)
    if linked is not None:
        G.graph["refused_links"], G.graph["unmatched_links"] = linked

    types = {iri: attrs["type"] for iri, attrs in nodes}
    node_of: NodeOf = {key: (iri, types[iri]) for key, iri in index.items()}.get
    del types

    refusals: list[str] = []
    evidence: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
    for a_iri, extraction in ordered:
        part = article_part(a_iri, extraction, node_of)
        G.add_node(a_iri, **part.attrs)
        _add_mentions(G, a_iri, part.mentioned)
        refusals.extend(part.refusals)
        for edge, item in part.evidence:
            evidence.setdefault(edge, []).append(item)
    node_data = G._node  # networkx's own dictionary, not a view's lookup for each evidence
    for edge, _, items in sanctions_of_policies(evidence, node_data.__getitem__):
        add_evidence(evidence.setdefault(edge, []), items)

    for (subject, predicate, obj), items in sorted(evidence.items()):
        kind = edge_type(predicate)
        G.add_edge(subject, obj, key=kind, type=kind,
                   **relation_attrs(predicate, items, lambda a: node_data[a]["date"]))
    for data in node_data.values():
        if "articles" in data:
            data["articles"].sort()
            if data["type"] == EntityType.POLICY:
                _reported(data, node_data)
    G.graph["rejected_relations"] = len(refusals)
    G.graph["refusals"] = sorted(refusals)
    return G


def _add_mentions(G: nx.MultiDiGraph, a_iri: str, mentioned: list[str]) -> None:
    """The edges ``mentions`` from the article ``a_iri`` to each of the entity nodes
    ``mentioned`` it has none to yet, and the article in each one's ``articles``.

    They are most of a graph's edges (a million at 100,000 documents): they are put in
    networkx's own adjacency dictionaries, as ``add_edge`` puts them, without its checks and
    calls, which took a third of the graph's assembling. The article has no other edge out
    of it yet (its relations are added after every article's part).

    >>> G = nx.MultiDiGraph()
    >>> G.add_nodes_from([("a", {}), ("x", {"articles": []})])
    >>> _add_mentions(G, "a", ["x", "x"])
    >>> list(G.edges(keys=True, data=True)), G.nodes["x"]["articles"]
    ([('a', 'x', 'mentions', {'type': 'mentions'})], ['a'])
    """
    out, into, data = G._succ[a_iri], G._pred, G._node
    for node in mentioned:
        if node not in out:
            edge = {"mentions": {"type": "mentions"}}
            out[node] = into[node][a_iri] = edge
            data[node]["articles"].append(a_iri)
    if cache := getattr(G, "__networkx_cache__", None):  # what add_edge clears, as it does
        cache.clear()


def entity_nodes(
    groups: list[ResolvedEntity], *, base: str = DEFAULT_BASE, links: Links | None = None,
) -> tuple[dict[tuple[str, str], str], list[tuple[str, dict[str, Any]]]]:
    """The entity nodes of resolved ``groups``: which node each name key names, and each
    node's IRI and attributes (``articles`` left empty), in the order of ``groups``; ``links``
    as :func:`link_nodes` applies them.

    >>> from newsgraph.graph.resolve import resolve
    >>> groups, _ = resolve([("a", Entity("Japan", "Country"))])
    >>> index, nodes = entity_nodes(groups)
    >>> index
    {('Country', 'japan'): 'https://w3id.org/newsgraph/id/country/JP'}
    >>> nodes[0][1]["code"], nodes[0][1]["same_as"]
    ('JP', ['http://www.wikidata.org/entity/Q17'])
    """
    index: dict[tuple[str, str], str] = {}
    nodes: list[tuple[str, dict[str, Any]]] = []
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
        nodes.append((iri, attrs))
    if links is not None:
        link_nodes(groups, nodes, links, base=base)
    return index, nodes


def link_nodes(
    groups: list[ResolvedEntity], nodes: list[tuple[str, dict[str, Any]]], links: Links, *,
    base: str = DEFAULT_BASE,
) -> tuple[list[str], list[str]]:
    """Give each node the IRIs ``links`` gives any of its names (``same_as``); ``nodes`` are
    those of ``groups``, in their order. Returns the links refused, and why, and the links'
    names that match no node.

    An IRI under ``base`` names a node of this graph, and one given to several nodes (or to a
    node other than the one the graph already gives it, such as a country's Wikidata item)
    would make them one thing: neither is linked.
    """
    held: dict[str, set[int]] = {}
    for number, (_, data) in enumerate(nodes):
        for iri in data.get("same_as", ()):
            held.setdefault(iri, set()).add(number)
    owners: dict[str, set[int]] = {}
    for number, group in enumerate(groups):
        for iri in links.iris_of((group.label, *group.aliases), group.type):
            owners.setdefault(iri, set(held.get(iri, ()))).add(number)
    refused = []
    for iri, found in sorted(owners.items()):
        if iri.startswith(base):
            refused.append(f"{iri}: names a node of this graph itself; not linked")
        elif len(found) > 1:
            labels = ", ".join(sorted(nodes[n][1]["label"] for n in found))
            refused.append(f"{iri}: given to {len(found)} entities ({labels}), which it would "
                           "make one; not linked")
        else:
            data = nodes[min(found)][1]
            data["same_as"] = sorted({*data.get("same_as", ()), iri})
    names = ((name, group.type) for group in groups for name in (group.label, *group.aliases))
    return refused, list(links.unmatched(names))


#: Which node a name key names, and the node's type; None when no node does.
NodeOf = Callable[[tuple[str, str]], "tuple[str, str] | None"]

#: A relation between two nodes: ``(subject, predicate, object)``.
Edge = tuple[str, str, str]


@dataclass(frozen=True)
class ArticlePart:
    """What one article adds to the graph: its node's attributes, the entity nodes it
    mentions (in the order it names them), the evidence it gives each relation (in the order
    of its relations) and why the relations the graph cannot hold were refused."""

    attrs: dict[str, Any]
    mentioned: list[str]
    evidence: list[tuple[Edge, dict[str, Any]]]
    refusals: list[str]


def article_part(a_iri: str, extraction: Extraction, node_of: NodeOf) -> ArticlePart:
    """What the article of ``extraction``, named ``a_iri``, adds to the graph, its names
    resolved by ``node_of``. It depends on no other article: a graph is the entity nodes and
    the parts of its articles, their evidence gathered by relation.

    >>> x = Extraction(Article(id="a1", text="", source="a.txt"),
    ...                (Entity("Intel", "Organisation"),))
    >>> intel = "https://w3id.org/newsgraph/id/organisation/Intel"
    >>> part = article_part("a", x, {("Agent", "intel"): (intel, "Organisation")}.get)
    >>> part.mentioned == [intel], part.evidence
    (True, [])
    """
    article = extraction.article
    attrs = _article_attrs(article)
    mentioned: dict[str, None] = {}
    for entity in extraction.entities:
        found = node_of(entity_key(entity.name, entity.type))
        if found is not None:  # else too little evidence in the corpus that it is an entity
            mentioned.setdefault(found[0])
    attrs.update(_credits(article, node_of, mentioned))
    local = {e.name: e for e in extraction.entities}
    refusals: list[str] = []
    evidence: list[tuple[Edge, dict[str, Any]]] = []
    for relation in extraction.relations:
        ends = _ends(relation, local, node_of, a_iri)
        if isinstance(ends, str):
            refusals.append(f"{_document(article)}: {ends}")
            continue
        evidence.append(((ends[0], relation.predicate, ends[1]),
                         {"article": a_iri, **_evidence(relation)}))
    return ArticlePart(attrs, list(mentioned), evidence, refusals)


def relation_attrs(
    predicate: str, items: list[dict[str, Any]], date_of: Callable[[str], str | None],
) -> dict[str, Any]:
    """The attributes of a relation's edge from all its evidence ``items`` (sorted here, in
    place), ``date_of`` giving each article's date."""
    items.sort(key=_evidence_key)
    dates = sorted(d for e in items if (d := date_of(e["article"])))
    return {
        "predicate": predicate, "evidence": items,
        "article_count": len({e["article"] for e in items}),
        "confidence": combined(e["confidence"] for e in items),
        "first_seen": dates[0] if dates else None, "last_seen": dates[-1] if dates else None,
    }


def _reported(data: dict[str, Any], nodes: Mapping[str, Mapping[str, Any]]) -> None:
    """Set ``first_seen`` and ``last_seen`` of a policy (its attributes ``data``): the dates of
    the first and the last article that mentions it, where the articles have dates
    (``nodes``: each node's attributes)."""
    dates = sorted(d for a in data["articles"] if (d := nodes[a].get("date")))
    if dates:
        data["first_seen"], data["last_seen"] = dates[0], dates[-1]


def sanctions_of_policies(
    evidence: Mapping[Edge, list[dict[str, Any]]], attrs: Callable[[str], Mapping[str, Any]],
) -> list[tuple[Edge, str, list[dict[str, Any]]]]:
    """The ``sanctions`` each policy of a sanction kind states, from the relations'
    ``evidence`` and each node's attributes (``type``, a policy's ``kind``): for each, the
    edge, the policy and the evidence that it targets, in the order they are added to the
    edge's evidence by :func:`add_evidence`.

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
    found: list[tuple[Edge, str, list[dict[str, Any]]]] = []
    # the targets alone sorted, not every relation (as many as the graph's edges but mentions)
    targeted = sorted(item for item in evidence.items() if item[0][1] == Predicate.TARGETS)
    for (policy, _, target), items in targeted:
        if attrs(policy).get("kind") not in SANCTION_KINDS:
            continue
        for imposer in sorted(imposers.get(policy, ())):
            types = attrs(imposer)["type"], attrs(target)["type"]
            if imposer == target or not relation_allowed(Predicate.SANCTIONS, *types):
                continue
            found.append(((imposer, Predicate.SANCTIONS.value, target), policy, [
                {**e, "confidence": round(e["confidence"] * imposed, 3)} for e in items]))
    return found


def add_evidence(found: list[dict[str, Any]], items: Iterable[dict[str, Any]]) -> None:
    """Add to an edge's evidence ``found`` (copies of) the ``items`` it does not hold already
    (the same article, part, start and rule)."""
    seen = {_evidence_key(e) for e in found}
    found.extend(dict(e) for e in items if _evidence_key(e) not in seen)


def _evidence_key(item: dict[str, Any]) -> tuple[str, bool, int, str]:
    """A piece of evidence by its article, part (the text, then the title), start and rule."""
    return item["article"], bool(item.get("title")), item["start"], item["rule"]


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


def _credits(
    article: Article, node_of: NodeOf, mentioned: Mapping[str, None]
) -> dict[str, Any]:
    """Name an article's authors and publisher by their nodes, where the article has them.

    The credits stay as written (``authors``, ``publisher``); ``author_nodes`` are the people
    its byline names, among the entities the article mentions (the pipeline adds them to
    them), ``publisher_node`` the organisation its publisher line or feed title names: one
    the article mentions, else any of the graph (a feed's other articles name their
    publication: "Markets - South China Morning Post" is the node "South China Morning Post").
    """
    def known(name: str, kind: str) -> str | None:
        found = node_of(entity_key(name, kind))
        return found[0] if found is not None and found[1] == kind else None

    def named(name: str, kind: str) -> str | None:
        node = known(name, kind)
        return node if node is not None and node in mentioned else None

    attrs: dict[str, Any] = {}
    authors: dict[str, None] = {}
    bylines, publishers = _credit_names(article)
    for name in bylines:
        node = named(name, EntityType.PERSON)
        if node is not None:
            authors.setdefault(node)
    if authors:
        attrs["author_nodes"] = list(authors)
    for lookup in (named, known):
        found = [node for part in publishers if (node := lookup(part, EntityType.ORGANISATION))]
        if found:
            attrs["publisher_node"] = found[0]
            break
    return attrs


def _credit_names(article: Article) -> tuple[list[str], list[str]]:
    """The names an article's byline gives, and the parts of its publisher line, the last
    first (the one most likely to be the publisher's name).

    >>> _credit_names(Article(id="a", text="", source="a", authors=("By Li and Wu",),
    ...                       publisher="Markets - Wire News"))
    (['Li', 'Wu'], ['Wire News', 'Markets'])
    """
    bylines = []
    for raw in article.authors:
        for part in _AUTHORS_SPLIT.split(raw):
            name = re.sub(r"^by\s+", "", part.strip(), flags=re.IGNORECASE)
            if name:
                bylines.append(name)
    publisher = " ".join((article.publisher or "").split())
    publishers = list(reversed(_PUBLISHER_PARTS.split(publisher))) if publisher else []
    return bylines, publishers


def name_keys(extraction: Extraction) -> set[tuple[str, str]]:
    """Every name key :func:`article_part` may look up for ``extraction``: those of its
    entities' names and of its credits.

    >>> x = Extraction(Article(id="a", text="", source="a", authors=("Li Wei",)),
    ...                (Entity("Intel", "Organisation"),))
    >>> sorted(name_keys(x))
    [('Agent', 'intel'), ('Agent', 'li wei')]
    """
    keys = {entity_key(e.name, e.type) for e in extraction.entities}
    bylines, publishers = _credit_names(extraction.article)
    keys.update(entity_key(name, EntityType.PERSON) for name in bylines)
    keys.update(entity_key(part, EntityType.ORGANISATION) for part in publishers)
    return keys


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
    confidence = (e.confidence if e.confidence is not None
                  else rule_confidence(relation.predicate, e.rule))
    item = {"sentence": e.sentence, "start": e.start, "end": e.end, "rule": e.rule,
            "percent": e.percent, "market": e.market, "confidence": confidence}
    if e.title:  # only then: the evidence of a graph that read no title stays the same
        item["title"] = True
    return item


def _ends(
    relation: Relation, local: dict[str, Entity], node_of: NodeOf, a_iri: str,
) -> tuple[str, str] | str:
    """The node IRIs of a relation's ends, or why the graph cannot hold it."""
    ends: list[str] = []
    types: list[str] = []
    said = f"{relation.subject} {relation.predicate} {relation.object}"
    for name in (relation.subject, relation.object):
        if name == ARTICLE:
            ends.append(a_iri)
            types.append(NodeType.ARTICLE)
            continue
        entity = local.get(name)
        found = None if entity is None else node_of(entity_key(entity.name, entity.type))
        if found is None:
            return f"{said}: {name!r} is not in the graph (too little evidence it is an entity)"
        ends.append(found[0])
        types.append(found[1])
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
