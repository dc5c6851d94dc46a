"""Tables and lookups over a built graph: entities, relations, evidence, share moves, policies.

Each function takes a newsgraph networkx graph and returns a value: a node's IRI, a part of the
graph, or a pandas DataFrame. pandas is imported only when a table is asked for; install it
with ``pip install "newsgraph[notebook]"``. Entities are named by their IRI, their label or
any alias, case-insensitively. :mod:`newsgraph.graph.explore` loads graphs, answers SPARQL and
shows the viewer inline.

Examples
--------
>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("id/us", type="Country", label="United States", aliases=["US"], articles=[])
>>> G.add_node("id/cn", type="Country", label="China", aliases=[], articles=[])
>>> _ = G.add_edge("id/cn", "id/us", key="opposes", type="opposes", predicate="opposes",
...                evidence=[], article_count=1)
>>> find_entity(G, "us")
'id/us'
>>> relations(G)[["subject", "predicate", "object", "articles"]]
  subject predicate         object  articles
0   China   opposes  United States         1
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

import networkx as nx

from newsgraph.errors import AmbiguousEntityError, EntityNotFoundError
from newsgraph.ontology import (
    ENTITY_TYPES,
    RELATIONS,
    EntityType,
    NodeType,
    Predicate,
    edge_type,
    predicate_name,
)

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "AmbiguousEntityError",
    "EntityNotFoundError",
    "articles",
    "entities",
    "evidence",
    "find_entity",
    "neighbourhood",
    "policies",
    "relations",
    "share_moves",
]

#: The edge types of share moves, and the sign each gives to the stated percentage.
_SHARE_MOVES = {edge_type(Predicate.ROSE_ON_NEWS): 1, edge_type(Predicate.FELL_ON_NEWS): -1}
_IMPOSES, _TARGETS = edge_type(Predicate.IMPOSES), edge_type(Predicate.TARGETS)
_MENTIONS = "mentions"


def _check_type(type: str | None) -> None:
    if type is not None and type not in ENTITY_TYPES:
        message = f"type must be one of {', '.join(ENTITY_TYPES)} or None (got {type!r})"
        raise ValueError(message)


def _edge_key(predicate: str | None) -> str | None:
    """The edge type of a relation named by its RDF name or edge type."""
    if predicate is None:
        return None
    if predicate_name(edge_type(predicate)) not in RELATIONS:
        names = ", ".join(RELATIONS)
        message = f"predicate must be one of {names} or None (got {predicate!r})"
        raise ValueError(message)
    return edge_type(predicate)


def _pandas() -> Any:
    try:
        import pandas
    except ImportError as error:
        message = (
            "newsgraph.graph.explore returns its tables as pandas DataFrames,"
            " and pandas is not installed;"
            ' install it with: pip install "newsgraph[notebook]"'
        )
        raise ImportError(message) from error
    return pandas


def _frame(rows: list[dict[str, Any]], columns: Sequence[str]) -> pd.DataFrame:
    frame: pd.DataFrame = _pandas().DataFrame(rows, columns=list(columns))
    return frame


def _entity_nodes(G: nx.MultiDiGraph) -> list[tuple[str, dict[str, Any]]]:
    return [(n, d) for n, d in G.nodes(data=True) if d.get("type") != NodeType.ARTICLE]


def find_entity(G: nx.MultiDiGraph, name: str) -> str:
    """The IRI of the node called ``name``: its IRI (or one it replaces), its label, or one of
    its aliases.

    Names match case-insensitively. A label match wins over an alias match, and an entity
    over an article (whose label is its title). A name taken as an alias is reported on
    stderr with the entity it chose (``'US' is United States, by an alias: <IRI>``).

    Raises
    ------
    EntityNotFoundError
        When no node has this name.
    AmbiguousEntityError
        When several do, equally well; pass the IRI instead.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("id/smic", type="Organisation", aliases=["SMIC"],
    ...            label="Semiconductor Manufacturing International Corporation")
    >>> find_entity(G, "smic")
    'id/smic'
    >>> G.nodes["id/smic"]["replaces"] = ["id/old"]
    >>> find_entity(G, "id/old")
    'id/smic'
    >>> find_entity(G, "Intel")
    Traceback (most recent call last):
    ...
    newsgraph.errors.EntityNotFoundError: Intel: no entity or article has this name or alias
    """
    if name in G:
        return name
    replacing: list[str] = [
        node for node, data in G.nodes(data=True) if name in data.get("replaces", ())]
    if len(replacing) == 1:
        return replacing[0]
    wanted = name.casefold()
    for level in ("label", "aliases"):
        for is_article in (False, True):
            found: list[str] = sorted(
                node
                for node, data in G.nodes(data=True)
                if (data.get("type") == NodeType.ARTICLE) == is_article
                and wanted in _names(data, level)
            )
            if len(found) == 1:
                if level == "aliases":
                    label = G.nodes[found[0]].get("label", found[0])
                    print(f"{name!r} is {label}, by an alias: <{found[0]}>", file=sys.stderr)
                return found[0]
            if found:
                message = (f"{len(found)} nodes have this {level[:5]}: {', '.join(found)};"
                           " pass the IRI of the one you mean")
                raise AmbiguousEntityError(name, message)
    raise EntityNotFoundError(name, "no entity or article has this name or alias")


def _names(data: dict[str, Any], level: str) -> set[str]:
    if level == "label":
        return {str(data.get("label", "")).casefold()}
    return {str(a).casefold() for a in data.get("aliases", ())}


def neighbourhood(
    G: nx.MultiDiGraph, entity: str, *, radius: int = 1, mentions: bool = True
) -> nx.MultiDiGraph:
    """The part of ``G`` within ``radius`` edges of ``entity``, in either direction.

    Parameters
    ----------
    G
        A newsgraph graph.
    entity
        The IRI, label or alias of the centre (see :func:`find_entity`).
    radius
        How many edges away a node may be.
    mentions
        Whether ``mentions`` edges count, so that the articles naming an entity are its
        neighbours; with ``False`` only typed relations do.

    Returns
    -------
    networkx.MultiDiGraph
        A new graph with the nodes, edges and attributes of that part of ``G``.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("id/li", type="Person", label="Li Keqiang", aliases=["Premier Li"])
    >>> G.add_node("id/cn", type="Country", label="China", aliases=[])
    >>> G.add_node("id/a1", type="Article", label="Li meets", title="Li meets")
    >>> _ = G.add_edge("id/a1", "id/li", key="mentions", type="mentions")
    >>> _ = G.add_edge("id/li", "id/cn", key="leads", type="leads", predicate="leads")
    >>> sorted(neighbourhood(G, "premier li"))
    ['id/a1', 'id/cn', 'id/li']
    >>> sorted(neighbourhood(G, "China", mentions=False))
    ['id/cn', 'id/li']
    """
    centre = find_entity(G, entity)
    view = G if mentions else nx.subgraph_view(G, filter_edge=lambda u, v, k: k != _MENTIONS)
    part: nx.MultiDiGraph = nx.ego_graph(view, centre, radius=radius, undirected=True)
    return part


def _label(G: nx.MultiDiGraph, node: str) -> str:
    return str(G.nodes[node].get("label", node))


def entities(G: nx.MultiDiGraph, type: str | None = None) -> pd.DataFrame:
    """One row per entity: its label, type, aliases and how connected it is.

    Parameters
    ----------
    G
        A newsgraph graph.
    type
        Only entities of this type (``"Organisation"``, ``"Person"``, ``"Country"``,
        ``"Policy"``); ``None`` for all.

    Returns
    -------
    pandas.DataFrame
        Columns ``label``, ``type``, ``kind`` (of a policy), ``aliases`` (joined with
        ``"; "``), ``articles`` (how many mention it), ``relations`` (typed edges in and
        out) and ``iri``; most-mentioned first.

    Raises
    ------
    ValueError
        For a ``type`` the ontology does not define.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("id/cn", type="Country", label="China", aliases=["Beijing", "PRC"],
    ...            articles=["id/a1", "id/a2"])
    >>> G.add_node("id/ec", type="Policy", label="US export controls",
    ...            aliases=["export curbs"], kind="ExportControl", articles=["id/a1"])
    >>> G.add_node("id/a1", type="Article", label="Curbs")
    >>> entities(G)[["label", "type", "kind", "aliases"]]
                    label     type           kind       aliases
    0               China  Country            NaN  Beijing; PRC
    1  US export controls   Policy  ExportControl  export curbs
    >>> entities(G)[["label", "articles", "relations"]]
                    label  articles  relations
    0               China         2          0
    1  US export controls         1          0
    >>> list(entities(G, "Country").label)
    ['China']
    """
    _check_type(type)
    rows: list[dict[str, Any]] = []
    for node, data in _entity_nodes(G):
        if type is not None and data.get("type") != type:
            continue
        relation_count = sum(
            1 for _, _, key in [*G.in_edges(node, keys=True), *G.out_edges(node, keys=True)]
            if key != _MENTIONS
        )
        rows.append({
            "label": data.get("label"), "type": data.get("type"), "kind": data.get("kind"),
            "aliases": "; ".join(data.get("aliases", ())),
            "articles": len(data.get("articles", ())), "relations": relation_count,
            "iri": node,
        })
    rows.sort(key=lambda r: (-r["articles"], -r["relations"], str(r["label"]), r["iri"]))
    return _frame(rows, ["label", "type", "kind", "aliases", "articles", "relations", "iri"])


def articles(G: nx.MultiDiGraph) -> pd.DataFrame:
    """One row per article: title, date, publisher, link, source, entities it mentions.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("id/a1", type="Article", label="Curbs", title="Curbs", date="2024-12-02",
    ...            publisher="Reuters", link=None, source="a1.txt")
    >>> G.add_node("id/cn", type="Country", label="China")
    >>> _ = G.add_edge("id/a1", "id/cn", key="mentions", type="mentions")
    >>> articles(G)[["title", "date", "publisher", "entities"]]
       title        date publisher  entities
    0  Curbs  2024-12-02   Reuters         1
    """
    rows = [
        {
            "title": data.get("title") or data.get("label"), "date": data.get("date"),
            "publisher": data.get("publisher"), "link": data.get("link"),
            "source": data.get("source"),
            "entities": sum(1 for _, _, k in G.out_edges(node, keys=True) if k == _MENTIONS),
            "iri": node,
        }
        for node, data in G.nodes(data=True)
        if data.get("type") == NodeType.ARTICLE
    ]
    rows.sort(key=lambda r: (r["date"] or "", str(r["title"]), r["iri"]))
    columns = ["title", "date", "publisher", "link", "source", "entities", "iri"]
    return _frame(rows, columns)


def _relation_edges(
    G: nx.MultiDiGraph, predicate: str | None = None
) -> list[tuple[str, str, str, dict[str, Any]]]:
    wanted = _edge_key(predicate)
    return sorted(
        (
            (u, v, k, d)
            for u, v, k, d in G.edges(keys=True, data=True)
            if k != _MENTIONS and (wanted is None or k == wanted)
        ),
        key=lambda e: (e[2], _label(G, e[0]), _label(G, e[1]), e[0], e[1]),
    )


def _predicate(key: str, data: dict[str, Any]) -> str:
    return str(data.get("predicate") or predicate_name(key))


def relations(G: nx.MultiDiGraph, predicate: str | None = None) -> pd.DataFrame:
    """One row per typed relation: who does what to whom, and how often the news says so.

    Parameters
    ----------
    G
        A newsgraph graph.
    predicate
        Only this relation, by its RDF name (``"roseOnNews"``) or edge type
        (``"rose-on-news"``); ``None`` for all.

    Returns
    -------
    pandas.DataFrame
        Columns ``subject``, ``predicate``, ``object`` (labels; an article's is its title),
        ``subject_type``, ``object_type``, ``articles`` (how many support it),
        ``first_seen``, ``last_seen``, ``subject_iri`` and ``object_iri``; sorted by
        predicate, subject and object.

    Raises
    ------
    ValueError
        For a ``predicate`` the ontology does not define.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("id/zhou", type="Person", label="Lin Yuming")
    >>> G.add_node("id/smic", type="Organisation", label="SMIC")
    >>> _ = G.add_edge("id/zhou", "id/smic", key="chairs", type="chairs", predicate="chairs",
    ...                evidence=[], article_count=2, first_seen="2019-05-24",
    ...                last_seen="2021-03-11")
    >>> relations(G, "chairs")[["subject", "predicate", "object", "articles", "last_seen"]]
          subject predicate object  articles   last_seen
    0  Lin Yuming    chairs   SMIC         2  2021-03-11
    >>> len(relations(G, "sanctions"))
    0
    """
    rows = [
        {
            "subject": _label(G, u), "predicate": _predicate(k, d), "object": _label(G, v),
            "subject_type": G.nodes[u].get("type"), "object_type": G.nodes[v].get("type"),
            "articles": d.get("article_count", len({e["article"] for e in d.get("evidence", ())})),
            "first_seen": d.get("first_seen"), "last_seen": d.get("last_seen"),
            "subject_iri": u, "object_iri": v,
        }
        for u, v, k, d in _relation_edges(G, predicate)
    ]
    columns = ["subject", "predicate", "object", "subject_type", "object_type", "articles",
               "first_seen", "last_seen", "subject_iri", "object_iri"]
    return _frame(rows, columns)


def _evidence_rows(
    G: nx.MultiDiGraph, edges: Iterable[tuple[str, str, str, dict[str, Any]]]
) -> list[dict[str, Any]]:
    rows = []
    for u, v, k, d in edges:
        for item in d.get("evidence", ()):
            article = G.nodes[item["article"]] if item["article"] in G else {}
            rows.append({
                "subject": _label(G, u), "predicate": _predicate(k, d), "object": _label(G, v),
                "sentence": item.get("sentence"),
                "title": article.get("title") or article.get("label"),
                "date": article.get("date"), "link": article.get("link"),
                "source": article.get("source"), "rule": item.get("rule"),
                "percent": item.get("percent"), "market": item.get("market"),
                "article": item["article"],
            })
    return rows


def evidence(
    G: nx.MultiDiGraph,
    subject: str | None = None,
    predicate: str | None = None,
    object: str | None = None,
) -> pd.DataFrame:
    """The sentences behind relations, with the article each was read from.

    Parameters
    ----------
    G
        A newsgraph graph.
    subject, object
        The IRI, label or alias of the relation's ends (see :func:`find_entity`); ``None``
        for any.
    predicate
        The relation, by RDF name or edge type; ``None`` for any.

    Returns
    -------
    pandas.DataFrame
        One row per sentence: ``subject``, ``predicate``, ``object``, ``sentence``, the
        article's ``title``, ``date``, ``link`` and ``source``, the ``rule`` that read it,
        ``percent`` and ``market`` of a share move, and the ``article`` IRI; in the order
        of :func:`relations`, then of the articles.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("id/hua", type="Organisation", label="Acme Ltd", aliases=["Acme Co"])
    >>> G.add_node("id/a1", type="Article", label="Chip stocks rally", date="2023-08-08",
    ...            title="Chip stocks rally", link="https://example.com/1")
    >>> move = {"article": "id/a1", "sentence": "Acme Ltd rose 5%.", "start": 0, "end": 17,
    ...         "rule": "share-move", "percent": 5.0, "market": "Hong Kong"}
    >>> _ = G.add_edge("id/hua", "id/a1", key="rose-on-news", type="rose-on-news",
    ...                predicate="roseOnNews", evidence=[move], article_count=1)
    >>> evidence(G, "acme co", "roseOnNews")[["subject", "sentence", "date", "percent"]]
        subject           sentence        date  percent
    0  Acme Ltd  Acme Ltd rose 5%.  2023-08-08      5.0
    """
    start = find_entity(G, subject) if subject is not None else None
    end = find_entity(G, object) if object is not None else None
    edges = [
        e for e in _relation_edges(G, predicate)
        if (start is None or e[0] == start) and (end is None or e[1] == end)
    ]
    columns = ["subject", "predicate", "object", "sentence", "title", "date", "link",
               "source", "rule", "percent", "market", "article"]
    return _frame(_evidence_rows(G, edges), columns)


def share_moves(G: nx.MultiDiGraph) -> pd.DataFrame:
    """Shares that rose or fell on the news: one row per reported move.

    Returns
    -------
    pandas.DataFrame
        Columns ``company``, ``direction`` (``"rose"`` or ``"fell"``), ``percent`` as
        stated, ``change`` (the percentage with its sign: negative for a fall; ``NaN``
        where none was stated), ``market``, the news article's ``title``, ``date`` and
        ``link``, and the ``sentence``; by date, then company.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("id/smic", type="Organisation", label="SMIC")
    >>> G.add_node("id/a1", type="Article", label="Curbs", title="Curbs", date="2024-12-02")
    >>> fell = {"article": "id/a1", "sentence": "SMIC fell 3.5% in Hong Kong.", "start": 0,
    ...         "end": 28, "rule": "share-move", "percent": 3.5, "market": "Hong Kong"}
    >>> _ = G.add_edge("id/smic", "id/a1", key="fell-on-news", type="fell-on-news",
    ...                predicate="fellOnNews", evidence=[fell], article_count=1)
    >>> share_moves(G)[["company", "direction", "percent", "change", "market", "date"]]
      company direction  percent  change     market        date
    0    SMIC      fell      3.5    -3.5  Hong Kong  2024-12-02
    """
    rows = []
    for u, v, k, d in _relation_edges(G):
        if k not in _SHARE_MOVES:
            continue
        for row in _evidence_rows(G, [(u, v, k, d)]):
            percent = row["percent"]
            rows.append({
                "company": row["subject"], "direction": k.split("-")[0],
                "percent": percent,
                "change": float("nan") if percent is None else _SHARE_MOVES[k] * abs(percent),
                "market": row["market"], "title": row["title"], "date": row["date"],
                "link": row["link"], "sentence": row["sentence"],
            })
    rows.sort(key=lambda r: (r["date"] or "", str(r["company"]), str(r["title"])))
    columns = ["company", "direction", "percent", "change", "market", "title", "date", "link",
               "sentence"]
    return _frame(rows, columns)


def policies(G: nx.MultiDiGraph) -> pd.DataFrame:
    """One row per policy: its kind, who imposes it, whom it targets, when the news saw it.

    Returns
    -------
    pandas.DataFrame
        Columns ``label``, ``kind``, ``imposed_by`` and ``targets`` (labels joined with
        ``"; "``), ``articles`` (how many mention it), ``first_seen`` and ``last_seen``
        (the earliest and latest dates of those articles) and ``iri``; by first date.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("id/ec", type="Policy", label="US export controls", kind="ExportControl",
    ...            aliases=[], articles=["id/a1", "id/a2"])
    >>> G.add_node("id/us", type="Country", label="United States")
    >>> G.add_node("id/a1", type="Article", label="One", date="2022-10-07")
    >>> G.add_node("id/a2", type="Article", label="Two", date="2024-12-02")
    >>> _ = G.add_edge("id/us", "id/ec", key="imposes", type="imposes", predicate="imposes")
    >>> policies(G)[["label", "kind", "imposed_by", "first_seen", "last_seen"]]
                    label           kind     imposed_by  first_seen   last_seen
    0  US export controls  ExportControl  United States  2022-10-07  2024-12-02
    """
    rows = []
    for node, data in _entity_nodes(G):
        if data.get("type") != EntityType.POLICY:
            continue
        dates = sorted(
            date for a in data.get("articles", ())
            if a in G and (date := G.nodes[a].get("date"))
        )
        imposers = sorted(_label(G, u) for u, _, k in G.in_edges(node, keys=True)
                          if k == _IMPOSES)
        targets = sorted(_label(G, v) for _, v, k in G.out_edges(node, keys=True)
                         if k == _TARGETS)
        rows.append({
            "label": data.get("label"), "kind": data.get("kind"),
            "imposed_by": "; ".join(imposers), "targets": "; ".join(targets),
            "articles": len(data.get("articles", ())),
            "first_seen": dates[0] if dates else None, "last_seen": dates[-1] if dates else None,
            "iri": node,
        })
    rows.sort(key=lambda r: (r["first_seen"] or "9999", str(r["label"]), r["iri"]))
    columns = ["label", "kind", "imposed_by", "targets", "articles", "first_seen", "last_seen",
               "iri"]
    return _frame(rows, columns)
