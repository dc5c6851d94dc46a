"""What an add touches: the subjects whose triples can have changed, found without making the
triples of every subject.

A subject's triples are made from a node's attributes and edges (an article, an entity) or
from one relation's edge (its assertion and evidence). Between the graph the index describes
and the new one, they can change only where:

- an article is new, or looks up a name key (:func:`~newsgraph.graph.build.name_keys`: its
  entities' names, its credits) whose node changed: another IRI, another type, or none;
- an entity's own attributes changed (type, label, aliases, kind, code, ``replaces``,
  ``same_as``: compared by a digest of each, kept in the index), or the articles that
  mention it (so those of the articles above), or the relations it has;
- a relation between two nodes (a pair) gains or loses evidence: from the articles above,
  because an end is a node that is new, gone or of another type, or, for ``sanctions``,
  because a policy of a sanctions kind changed kind, imposers or targets (each imposer
  sanctions each target on the evidence that the policy targets it).

Every assertion and piece of evidence of such a pair is made again, and removed as it was
(the index keeps, for each, its pair, its relation and its article); both ends of a pair
whose relations changed are made again. The index keeps the node of each name key, each
entity's digest and kind, and which article looks up which key, brought up to date by each
build (:func:`record`). What an add touches is then a handful of queries and the new graph's
edges of the touched nodes, and the merge of ``graph.ttl`` and ``graph.jsonld`` (and the
store's delta) follow from the touched subjects' rows alone (:func:`merge_plan`).

Where the previous build's state is not known (an index made by another release, a graph
made by another rule set or under another base), the add finds its delta from every
subject's triples, as a first build does (:func:`~newsgraph.graph.index.delta_rows`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import groupby
from operator import itemgetter

import networkx as nx

from newsgraph.graph.iris import DEFAULT_BASE, digest
from newsgraph.graph.rdf import DROP, KEEP, NEW, EdgeSubject, activity_iri, edge_subjects
from newsgraph.graph.store import Row, SubjectDelta, ntriples
from newsgraph.ontology import SANCTION_KINDS, NodeType, Predicate, edge_type

__all__ = ["Touched", "edges_of", "find", "known", "merge_plan", "record", "touched_subjects"]

_Key = tuple[str, str]
_Pair = tuple[str, str]
_IMPOSES, _TARGETS = edge_type(Predicate.IMPOSES), edge_type(Predicate.TARGETS)


@dataclass
class Touched:
    """What an add touches: the nodes whose subjects are made again, the pairs whose relations'
    subjects are made again, and the subjects of the previous graph removed or made again;
    with what the index is to keep of the new graph once it is written."""

    nodes: set[str] = field(default_factory=set)
    pairs: set[_Pair] = field(default_factory=set)
    dropped: set[str] = field(default_factory=set)
    keys: dict[_Key, tuple[str, str] | None] = field(default_factory=dict)
    states: dict[str, tuple[str, str, str] | None] = field(default_factory=dict)


def _state(data: Mapping[str, object]) -> tuple[str, str, str]:
    """An entity node's digest of its own attributes, its type and its kind."""
    own = tuple(repr(data.get(name)) for name in (
        "type", "label", "aliases", "kind", "code", "replaces", "same_as"))
    return digest(*own), str(data["type"]), str(data.get("kind") or "")


def _node_keys(G: nx.MultiDiGraph, keys: Mapping[_Key, str]) -> dict[_Key, tuple[str, str]]:
    return {key: (iri, G.nodes[iri]["type"]) for key, iri in keys.items()}


def _states(G: nx.MultiDiGraph) -> dict[str, tuple[str, str, str]]:
    return {node: _state(data) for node, data in G.nodes(data=True)
            if data["type"] != NodeType.ARTICLE}


def known(index: sqlite3.Connection, G: nx.MultiDiGraph) -> bool:
    """Whether the index keeps the state of the previous graph that :func:`find` compares
    with: written by :func:`record`, for a graph made by the same build under the same base
    (another rule set or model changes every assertion)."""
    found = index.execute("SELECT value FROM meta WHERE name = 'touched'").fetchone()
    return found is not None and found[0] == _marker(G)


def _marker(G: nx.MultiDiGraph) -> str:
    return f"{G.graph.get('base', DEFAULT_BASE)} {activity_iri(G) or ''}"


def find(index: sqlite3.Connection, G: nx.MultiDiGraph, keys: Mapping[_Key, str],
         new_articles: Iterable[str]) -> Touched:
    """What the new graph ``G`` touches of the one the index describes (:func:`known`), its
    new articles ``new_articles`` (IRIs) and ``keys`` the node each name key names.

    >>> import tempfile
    >>> from pathlib import Path
    >>> from newsgraph.graph.index import open_index
    >>> intel, article = "https://example.org/organisation/Intel", "https://example.org/a/1"
    >>> G = nx.MultiDiGraph()
    >>> G.add_node(intel, type="Organisation", label="Intel", aliases=[], articles=[])
    >>> keys = {("Agent", "intel"): intel}
    >>> with open_index(Path(tempfile.mkdtemp())) as index:
    ...     record(index, G, keys)
    ...     G.add_node(article, type="Article", label="Intel rose")
    ...     _ = G.add_edge(article, intel, key="mentions")
    ...     found = find(index, G, keys, {article})
    >>> sorted(found.nodes) == [article, intel], found.pairs, found.keys
    (True, set(), {})
    """
    touched = Touched()
    base = G.graph.get("base", DEFAULT_BASE)
    # the name keys whose node changed, and the entities whose own attributes did
    new_keys = _node_keys(G, keys)
    old_keys = {(f, k): (i, t) for f, k, i, t in index.execute(
        "SELECT family, key, iri, type FROM keynodes")}
    for key in old_keys.keys() | new_keys.keys():
        if old_keys.get(key) != new_keys.get(key):
            touched.keys[key] = new_keys.get(key)
    new_states = _states(G)
    old_states = {i: (d, t, k) for i, d, t, k in index.execute(
        "SELECT iri, digest, type, kind FROM nodes")}
    for node in old_states.keys() | new_states.keys():
        if old_states.get(node) != new_states.get(node):
            touched.states[node] = new_states.get(node)
    moved = {node for node in touched.states  # new, gone, or of another type
             if (old_states.get(node) or ("", "", ""))[1] != (new_states.get(node) or
                                                            ("", "", ""))[1]}
    articles = set(new_articles)
    nodes = touched.nodes
    nodes.update(touched.states)
    for key in touched.keys:
        for found in (old_keys.get(key), new_keys.get(key)):
            if found is not None:
                nodes.add(found[0])
        articles.update(f"{base}article/{digest(row[0])}" for row in index.execute(
            "SELECT article FROM keyed WHERE family = ? AND key = ?", key))
    nodes |= articles
    for article in articles:  # the entities whose articles changed
        if article in G:
            nodes.update(G.successors(article))
    # the pairs whose evidence can have changed: of the articles above, before and now
    pairs = touched.pairs
    for article in articles:
        pairs.update((a, b) for a, b in index.execute(
            "SELECT DISTINCT a, b FROM owners WHERE article = ?", (article,)))
    for subject, out in G._succ.items():  # networkx's own: a million mentions to pass by
        for obj, edges in out.items():
            for key, data in edges.items():
                if key != "mentions" and (
                        subject in moved or obj in moved
                        or any(e["article"] in articles for e in data["evidence"])):
                    pairs.add((subject, obj))
    for node in moved:
        pairs.update((a, b) for a, b in index.execute(
            "SELECT DISTINCT a, b FROM owners WHERE a = ? OR b = ?", (node, node)))
    _sanctions(index, G, touched, old_states, new_states)
    # each pair's subjects as they were, and its ends where its relations changed
    for a, b in pairs:
        before = set()
        for iri, kind in index.execute("SELECT iri, kind FROM owners WHERE a = ? AND b = ?",
                                       (a, b)):
            touched.dropped.add(iri)
            before.add(kind)
        now = {key for key in (G.get_edge_data(a, b) or {}) if key != "mentions"}
        if before != now:
            nodes.update((a, b))
    touched.dropped |= nodes
    touched.nodes = {node for node in nodes if node in G}
    return touched


def _sanctions(index: sqlite3.Connection, G: nx.MultiDiGraph, touched: Touched,
               old_states: Mapping[str, tuple[str, str, str]],
               new_states: Mapping[str, tuple[str, str, str]]) -> None:
    """Add to the touched pairs the ``sanctions`` a policy of a sanctions kind states that can
    have changed: with an imposer or target whose pair with the policy is touched, or all of
    them where its kind changed."""
    def sanctioning(node: str) -> bool:
        return any(state is not None and state[2] in SANCTION_KINDS
                   for state in (old_states.get(node), new_states.get(node)))

    def imposers(policy: str) -> set[str]:
        return linked(policy, _IMPOSES, outgoing=False)

    def targets(policy: str) -> set[str]:
        return linked(policy, _TARGETS, outgoing=True)

    def linked(policy: str, kind: str, *, outgoing: bool) -> set[str]:
        """A policy's targets (``outgoing``) or imposers, as the index had them and as the
        graph has them."""
        this, other = ("a", "b") if outgoing else ("b", "a")
        found = {row[0] for row in index.execute(
            f"SELECT DISTINCT {other} FROM owners WHERE {this} = ? AND kind = ?", (policy, kind))}
        if policy in G:
            edges = G.out_edges(policy, keys=True) if outgoing else G.in_edges(policy, keys=True)
            found.update(b if outgoing else a for a, b, key in edges if key == kind)
        return found

    added: set[_Pair] = set()
    for policy, state in touched.states.items():
        before = old_states.get(policy)
        if sanctioning(policy) and (before is None or state is None or before[2] != state[2]):
            found = targets(policy)
            added.update((imposer, target) for imposer in imposers(policy) for target in found)
    for a, b in touched.pairs:
        if sanctioning(b):  # a may impose policy b
            added.update((a, target) for target in targets(b))
        if sanctioning(a):  # policy a may target b
            added.update((imposer, b) for imposer in imposers(a))
    touched.pairs |= added


def edges_of(G: nx.MultiDiGraph, pairs: Iterable[_Pair]) -> list[tuple[str, str, str]]:
    """The relation edges ``(subject, object, key)`` of the graph between each of ``pairs``."""
    found = []
    for a, b in pairs:
        for key in G.get_edge_data(a, b) or {}:
            if key != "mentions":
                found.append((a, b, key))
    return found


def merge_plan(
    index: sqlite3.Connection, rows: Iterable[Row], dropped: set[str], *, most_rows: int,
    most_bytes: int,
) -> tuple[list[tuple[int, int]], list[Row], SubjectDelta | None] | None:
    """The plan that merges the new ``graph.ttl`` from the one the index describes: ``rows``
    are the touched subjects' new rows (sorted), ``dropped`` the subjects of the previous
    graph removed or made again. Returns the runs of
    :func:`~newsgraph.graph.rdf.write_turtle_merged` (every other subject's block copied),
    the rows of the subjects that changed, and the store's delta (None when its N-Triples
    come to more than ``most_bytes``: the store then loads the whole graph); or None, the
    index unchanged, when more than ``most_rows`` rows changed. Else the index's digests are
    brought up to date for the subjects that changed.

    >>> import tempfile
    >>> from pathlib import Path
    >>> from newsgraph.graph.index import open_index
    >>> rows = [("http://a.example/s", 2, "http://a.example/p", 0, "http://a.example/o", "")]
    >>> with open_index(Path(tempfile.mkdtemp())) as index:
    ...     runs, changed, delta = merge_plan(index, rows, set(), most_rows=9, most_bytes=99)
    ...     again = merge_plan(index, rows, {"http://a.example/s"}, most_rows=9, most_bytes=99)
    >>> runs, delta.subjects, again[0], again[2].subjects
    ([(2, 1)], ('http://a.example/s',), [(0, 1)], ())
    """
    runs: list[tuple[int, int]] = []
    changed: list[Row] = []
    delta_subjects: list[str] = []
    triples: list[bytes] = []
    held = 0
    digests: list[tuple[str, str]] = []
    removed: list[str] = []

    def run(kind: int) -> None:
        if runs and runs[-1][0] == kind:
            runs[-1] = (kind, runs[-1][1] + 1)
        else:
            runs.append((kind, 1))

    old = _subjects(index)
    head = next(old, None)

    def pass_before(subject: str | None) -> None:
        nonlocal head
        while head is not None and (subject is None or head[0] < subject):
            if head[0] in dropped:
                run(DROP)
                removed.append(head[0])
                delta_subjects.append(head[0])
            else:
                run(KEEP)
            head = next(old, None)

    for subject, group in groupby(rows, key=itemgetter(0)):
        block = list(group)
        pass_before(subject)
        hashed = digest(repr(block))
        if head is not None and head[0] == subject:
            same = head[1] == hashed
            head = next(old, None)
            if same:
                run(KEEP)
                continue
            run(DROP)
        run(NEW)
        changed.extend(block)
        if len(changed) > most_rows:
            return None
        digests.append((subject, hashed))
        delta_subjects.append(subject)
        if held <= most_bytes:
            triples.append(ntriples(block))
            held += len(triples[-1])
    pass_before(None)
    index.executemany("DELETE FROM subjects WHERE iri = ?", [(s,) for s in removed])
    index.executemany("INSERT OR REPLACE INTO subjects VALUES (?, ?)", digests)
    delta = None if held > most_bytes else SubjectDelta(tuple(delta_subjects),
                                                        b"".join(triples))
    return runs, changed, delta


def _subjects(index: sqlite3.Connection) -> Iterator[tuple[str, str]]:
    """Each subject the index holds a digest of, in subject order, read a page at a time."""
    last = ""
    while True:
        page = index.execute("SELECT iri, digest FROM subjects WHERE iri > ? ORDER BY iri "
                             "LIMIT 20000", (last,)).fetchall()
        yield from page
        if len(page) < 20000:
            return
        last = page[-1][0]


def touched_subjects(G: nx.MultiDiGraph, touched: Touched) -> tuple[list[str], list[EdgeSubject]]:
    """The node subjects and the assertion and evidence subjects that ``touched`` makes again."""
    return sorted(touched.nodes), edge_subjects(G, edges_of(G, touched.pairs))


def record(index: sqlite3.Connection, G: nx.MultiDiGraph, keys: Mapping[_Key, str],
           touched: Touched | None = None, made: list[EdgeSubject] | None = None) -> None:
    """Bring the index's state of the graph up to date for the new graph ``G``: after an add
    by :func:`find` (``touched``, and ``made`` the subjects of its pairs' edges), only what it
    touched; else (a first build, an add that found its delta from every subject) all of it.
    """
    if touched is None:
        index.execute("DELETE FROM keynodes")
        index.executemany("INSERT INTO keynodes VALUES (?, ?, ?, ?)", sorted(
            (*key, *node) for key, node in _node_keys(G, keys).items()))
        index.execute("DELETE FROM nodes")
        index.executemany("INSERT INTO nodes VALUES (?, ?, ?, ?)", sorted(
            (node, *state) for node, state in _states(G).items()))
        index.execute("DELETE FROM owners")
        relations = [(a, b, key) for a, b, key in G.edges(keys=True) if key != "mentions"]
        _add_owners(index, G, edge_subjects(G, relations))
    else:
        for key, node in touched.keys.items():
            if node is None:
                index.execute("DELETE FROM keynodes WHERE family = ? AND key = ?", key)
            else:
                index.execute("INSERT OR REPLACE INTO keynodes VALUES (?, ?, ?, ?)",
                              (*key, *node))
        for iri, state in touched.states.items():
            if state is None:
                index.execute("DELETE FROM nodes WHERE iri = ?", (iri,))
            else:
                index.execute("INSERT OR REPLACE INTO nodes VALUES (?, ?, ?, ?)",
                              (iri, *state))
        index.executemany("DELETE FROM owners WHERE a = ? AND b = ?", sorted(touched.pairs))
        _add_owners(index, G, made or [])
    index.execute("INSERT OR REPLACE INTO meta VALUES ('touched', ?)", (_marker(G),))


def _add_owners(index: sqlite3.Connection, G: nx.MultiDiGraph, made: list[EdgeSubject]) -> None:
    edges = G.edges
    index.executemany("INSERT OR REPLACE INTO owners VALUES (?, ?, ?, ?, ?)", (
        (a, b, iri, key, edges[a, b, key]["evidence"][number]["article"] if number >= 0
         else None)
        for iri, (a, b, key), number in made))
