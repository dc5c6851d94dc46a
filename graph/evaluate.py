"""Extraction quality: a built graph scored against hand-annotated gold.

The gold format and the matching rules are those of the project's annotation guidelines and
its reference scorer, whose figures these agree with on the same inputs (a test compares
them): entities match through their names after :func:`normalize`, with the type required
for a true positive (a name match of the wrong type is a type error, an extra node for a found
gold entity a duplicate); a gold Policy no name found may match one unmatched Policy node of
its kind; relations match when both ends map to the gold relation's entities or article.

Examples
--------
>>> from rdflib import Graph
>>> gold = parse_gold({"entities": [{"name": "Intel", "type": "Organisation",
...                                  "aliases": ["Intel Corp."]}]})
>>> rdf = Graph().parse(format="turtle", data='''
... @prefix ng: <https://w3id.org/newsgraph/ontology#> .
... @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
... <urn:x:intel> a ng:Organisation ; rdfs:label "Intel Corp" .
... <urn:x:amd> a ng:Organisation ; rdfs:label "AMD" .''')
>>> result = evaluate(gold, rdf)
>>> result["entities"]["micro"]["tp"], result["entities"]["micro"]["fp"], result["entity_f1"]
(1, 1, 0.6666666666666666)
"""

from __future__ import annotations

import contextlib
import re
import unicodedata
import urllib.parse
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.term import Node

from newsgraph.errors import EvaluationError

__all__ = [
    "ENTITY_TYPES",
    "PREDICATES",
    "EvaluationError",
    "Gold",
    "evaluate",
    "format_markdown",
    "format_report",
    "normalize",
    "parse_gold",
]

ENTITY_TYPES = ("Organisation", "Person", "Country", "Policy")
PREDICATES = (
    "chairs", "leads", "memberOf", "worksFor", "sanctions", "roseOnNews", "fellOnNews",
    "partnersWith", "supplies", "competesWith", "investsIn", "basedIn", "imposes",
    "targets", "opposes",
)
_SYMMETRIC = frozenset({"partnersWith", "competesWith"})
_KINDS = ("ExportControl", "Tariff", "TradeInvestigation", "Subsidy", "InvestmentRestriction",
          "Licence", "OtherPolicy")
_ARTICLE = "@article"
_QUOTES = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u00ab": '"', "\u00bb": '"',
})

Ref = tuple[str, ...]  # ("entity", name) or ("article", file, item)
RelationKey = tuple[Ref, str, Ref]




def _key(name: str) -> str:
    return re.sub(r"[\s_-]+", "", name).casefold()


_TYPE_KEYS = {_key(t): t for t in ENTITY_TYPES} | {"organization": "Organisation"}
_PREDICATE_KEYS = {_key(p): p for p in PREDICATES}
_KIND_KEYS = {_key(k): k for k in _KINDS} | {"license": "Licence"}
_NAME_KEYS = {"label": True, "preflabel": True, "name": True,
              "altlabel": False, "alternatename": False}
_SOURCE_KEYS = ("source", "url", "identifier")


def normalize(name: str) -> str:
    """A name as names are compared: NFKC, casefolded, punctuation gone, no leading "the".

    >>> normalize("The  U.S. Commerce Department")
    'us commerce department'
    """
    text = unicodedata.normalize("NFKC", name).casefold().translate(_QUOTES)
    kept = [" " if ch.isspace() else ch for ch in text
            if ch.isspace() or ch.isalnum() or unicodedata.category(ch).startswith("M")]
    text = " ".join("".join(kept).split())
    return text[4:] if text.startswith("the ") else text


def _local_name(term: Node) -> str:
    text = str(term)
    if isinstance(term, Literal):
        return text
    text = text.rstrip("/#")
    cut = max(text.rfind("#"), text.rfind("/"), text.rfind(":"))
    return urllib.parse.unquote(text[cut + 1:])


def _prf(tp: int, fp: int, fn: int) -> dict[str, Any]:
    return {
        "gold": tp + fn, "system": tp + fp, "tp": tp, "fp": fp, "fn": fn,
        "precision": tp / (tp + fp) if tp + fp else None,
        "recall": tp / (tp + fn) if tp + fn else None,
        "f1": 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else None,
    }


# ---------------------------------------------------------------------------------- gold


@dataclass(frozen=True)
class GoldEntity:
    """One gold entity and its normalized names."""

    index: int
    name: str
    type: str
    kind: str | None
    names: frozenset[str]


@dataclass(frozen=True)
class Gold:
    """Gold entities, relations (by key, with their subject's and object's names) and
    documents ``(file, item)``."""

    entities: tuple[GoldEntity, ...]
    relations: dict[RelationKey, str]
    documents: tuple[tuple[str, str], ...]


def _relation_key(subject: Ref, predicate: str, obj: Ref) -> RelationKey:
    if predicate in _SYMMETRIC and obj < subject:
        subject, obj = obj, subject
    return (subject, predicate, obj)


def parse_gold(data: Any, *, source: str = "gold") -> Gold:
    """Check gold data decoded from JSON; raise :class:`EvaluationError` naming the problem.

    >>> parse_gold({"entities": []})
    Traceback (most recent call last):
    ...
    newsgraph.errors.EvaluationError: gold: 'entities' must be a non-empty list
    """
    if not isinstance(data, dict):
        raise EvaluationError(source, "expected an object with 'entities' and 'relations'")
    raw_entities, raw_relations = data.get("entities"), data.get("relations", [])
    if not isinstance(raw_entities, list) or not raw_entities:
        raise EvaluationError(source, "'entities' must be a non-empty list")
    if not isinstance(raw_relations, list):
        raise EvaluationError(source, "'relations' must be a list")
    documents: list[tuple[str, str]] = []
    for doc in data.get("documents", []):
        if not isinstance(doc, dict) or not isinstance(doc.get("file"), str):
            raise EvaluationError(source, f"document {doc!r} must be an object with a 'file'")
        pair = (doc["file"], doc.get("item") or "")
        if pair not in documents:
            documents.append(pair)
    entities: list[GoldEntity] = []
    names: set[str] = set()
    for number, raw in enumerate(raw_entities, 1):
        if not isinstance(raw, dict) or not isinstance(raw.get("name"), str):
            raise EvaluationError(source, f"entity #{number} must be an object with a 'name'")
        kind = _TYPE_KEYS.get(_key(str(raw.get("type", ""))))
        if kind is None:
            raise EvaluationError(source, f"entity #{number}: unknown type {raw.get('type')!r}")
        policy_kind = raw.get("kind")
        entities.append(GoldEntity(
            len(entities), raw["name"], kind,
            _KIND_KEYS.get(_key(str(policy_kind))) if kind == "Policy" and policy_kind else None,
            frozenset(n for n in map(normalize, [raw["name"], *raw.get("aliases", [])]) if n),
        ))
        names.add(raw["name"])
    relations: dict[RelationKey, str] = {}
    for number, rel in enumerate(raw_relations, 1):
        predicate = _PREDICATE_KEYS.get(_key(str(rel.get("predicate", ""))))
        if predicate is None:
            raise EvaluationError(source, f"relation #{number}: unknown predicate "
                                          f"{rel.get('predicate')!r}")
        ends: list[Ref] = []
        for role in ("subject", "object"):
            value = rel.get(role)
            if value == _ARTICLE:
                ends.append(("article", str(rel.get("doc")), rel.get("item") or ""))
            elif value in names:
                ends.append(("entity", str(value)))
            else:
                raise EvaluationError(source, f"relation #{number}: {role} {value!r} is not "
                                              "the name of a gold entity")
        doc = rel.get("doc")
        if isinstance(doc, str) and doc and (doc, rel.get("item") or "") not in documents:
            documents.append((doc, rel.get("item") or ""))
        relations.setdefault(_relation_key(ends[0], predicate, ends[1]), predicate)
    return Gold(tuple(entities), relations, tuple(documents))


# --------------------------------------------------------------------------------- graph


@dataclass
class _Node:
    term: Node
    types: frozenset[str]
    names: list[str]
    labels: frozenset[str]
    norm: frozenset[str]
    kinds: frozenset[str]
    status: str = "unmatched"
    gold: GoldEntity | None = None

    @property
    def type(self) -> str:
        if self.gold is not None and self.gold.type in self.types:
            return self.gold.type
        return next(t for t in ENTITY_TYPES if t in self.types)


@dataclass
class _Article:
    sources: list[str]
    values: set[str]
    docs: list[tuple[str, str]] = field(default_factory=list)


def _closure(rdf: Graph) -> dict[Node, set[Node]]:
    direct: dict[Node, set[Node]] = defaultdict(set)
    for cls, sup in rdf.subject_objects(RDFS.subClassOf):
        direct[cls].add(sup)
    closure: dict[Node, set[Node]] = {}
    for cls in list(direct):
        seen, stack = {cls}, [cls]
        while stack:
            for sup in direct.get(stack.pop(), ()):
                if sup not in seen:
                    seen.add(sup)
                    stack.append(sup)
        closure[cls] = seen
    return closure


def _read(
    rdf: Graph,
) -> tuple[dict[Node, _Node], dict[Node, _Article], list[tuple[Node, str, Node]]]:
    closure = _closure(rdf)
    classes: dict[Node, set[str]] = defaultdict(set)
    for node, cls in rdf.subject_objects(RDF.type):
        if not isinstance(cls, Literal):
            classes[node] |= {_key(_local_name(c)) for c in closure.get(cls, {cls})}
    entities: dict[Node, _Node] = {}
    articles: dict[Node, _Article] = {}
    for node, keys in classes.items():
        types = frozenset(_TYPE_KEYS[k] for k in keys if k in _TYPE_KEYS)
        props: dict[str, list[Node]] = defaultdict(list)
        for prop, value in rdf.predicate_objects(node):
            props[_key(_local_name(prop))].append(value)
        if types:
            found = {primary: sorted({str(v) for k, p in _NAME_KEYS.items() if p == primary
                                      for v in props.get(k, []) if isinstance(v, Literal)})
                     for primary in (True, False)}
            primary = found[True]
            if not primary and not found[False] and isinstance(node, URIRef):
                primary = [_local_name(node).replace("_", " ")]
            names = primary + [n for n in found[False] if n not in primary]
            kinds = frozenset(_KIND_KEYS.get(_key(_local_name(v)), _local_name(v))
                              for v in props.get("policykind", []))
            entities[node] = _Node(node, types, names,
                                   frozenset(n for n in map(normalize, primary) if n),
                                   frozenset(n for n in map(normalize, names) if n), kinds)
        elif keys & {"article", "newsarticle"}:
            articles[node] = _Article([str(v) for k in _SOURCE_KEYS for v in props.get(k, [])],
                                      {str(v) for vs in props.values() for v in vs} | {str(node)})
    triples = []
    for s, p, o in rdf:
        predicate = _PREDICATE_KEYS.get(_key(_local_name(p)))
        if predicate and (s in entities or s in articles) and (o in entities or o in articles):
            triples.append((s, predicate, o))
    return entities, articles, triples


def _path(value: str) -> str:
    value = value.strip()
    if "://" in value or value.lower().startswith("file:"):
        with contextlib.suppress(ValueError):
            value = urllib.parse.unquote(urllib.parse.urlsplit(value).path)
    return value.replace("\\", "/").rstrip("/")


def _file_matches(source: str, file: str) -> bool:
    path, want = _path(source), file.strip().replace("\\", "/").strip("/")
    return bool(path and want) and (
        path == want or path.rsplit("/", 1)[-1] == want or path.endswith("/" + want))


def _canonical_url(url: str) -> str:
    url = url.strip()
    try:
        parts = urllib.parse.urlsplit(url)
    except ValueError:
        return url
    if not parts.scheme or not parts.netloc:
        return url
    query = [(k, v) for k, v in urllib.parse.parse_qsl(parts.query, keep_blank_values=True)
             if not k.lower().startswith("utm_")]
    return urllib.parse.urlunsplit((parts.scheme.lower(), parts.netloc.lower(),
                                    parts.path.rstrip("/"), urllib.parse.urlencode(query), ""))


def _match_articles(articles: dict[Node, _Article], documents: Iterable[tuple[str, str]]) -> None:
    documents = list(documents)
    for article in articles.values():
        urls = {v.strip() for v in article.values} | {_canonical_url(v) for v in article.values}
        article.docs = [
            (file, item) for file, item in documents
            if (item.strip() in urls or _canonical_url(item) in urls if item
                else any(_file_matches(s, file) for s in article.sources))
        ]


def _rank(node: _Node, entity: GoldEntity) -> tuple[bool, bool, bool, int]:
    canonical = normalize(entity.name)
    return (canonical in node.labels, bool(node.labels & entity.names),
            canonical in node.norm, len(node.norm & entity.names))


def _sort_key(node: _Node) -> tuple[str, str, str]:
    label = node.names[0] if node.names else str(node.term)
    return (normalize(label), label, str(node.term))


def _match_entities(entities: dict[Node, _Node], gold: Gold) -> dict[str, Any]:
    owners: dict[str, list[GoldEntity]] = defaultdict(list)
    for entity in gold.entities:
        for name in entity.names:
            owners[name].append(entity)
    nodes = sorted(entities.values(), key=_sort_key)
    claims: dict[int, list[_Node]] = defaultdict(list)
    for node in nodes:
        node.status, node.gold = "unmatched", None
        candidates = {e.index: e for n in node.norm for e in owners.get(n, [])}
        if not candidates:
            continue
        agreeing = [e for e in candidates.values() if e.type in node.types]
        pool = agreeing or list(candidates.values())
        node.gold = max(pool, key=lambda e: (_rank(node, e), -e.index))
        if agreeing:
            claims[node.gold.index].append(node)
        else:
            node.status = "type_error"
    duplicates = 0
    for index, claimants in sorted(claims.items()):
        entity = gold.entities[index]
        keep = max(claimants, key=lambda n: _rank(n, entity))
        for node in claimants:
            node.status = "tp" if node is keep else "duplicate"
        duplicates += len(claimants) - 1
    found = set(claims)
    open_policies = [e for e in gold.entities
                     if e.type == "Policy" and e.kind and e.index not in found]
    loose = [n for n in nodes if "Policy" in n.types and n.gold is None and n.kinds]
    pairs = []
    for order, node in enumerate(loose):
        node_tokens = {t for n in node.norm for t in n.split()}
        for entity in open_policies:
            if entity.kind in node.kinds:
                gold_tokens = {t for n in entity.names for t in n.split()}
                union = node_tokens | gold_tokens
                overlap = len(node_tokens & gold_tokens) / len(union) if union else 0.0
                pairs.append((-overlap, entity.index, order, node, entity))
    pairs.sort(key=lambda p: p[:3])
    taken: set[int] = set()
    for _, index, order, node, entity in pairs:
        if order in taken or index in found:
            continue
        taken.add(order)
        found.add(index)
        node.gold, node.status = entity, "kind"
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for entity in gold.entities:
        (tp if entity.index in found else fn)[entity.type] += 1
    for node in nodes:
        if node.status not in ("tp", "kind"):
            fp[node.type] += 1
    return {
        "by_type": {t: _prf(tp[t], fp[t], fn[t]) for t in ENTITY_TYPES},
        "micro": _prf(sum(tp.values()), sum(fp.values()), sum(fn.values())),
        "duplicates": duplicates,
        "type_errors": sum(1 for n in nodes if n.status == "type_error"),
    }


def _score_relations(
    entities: dict[Node, _Node], articles: dict[Node, _Article],
    triples: list[tuple[Node, str, Node]], gold: Gold,
) -> dict[str, Any]:
    refs: dict[Node, list[Ref]] = {}
    for term, node in entities.items():
        refs[term] = [("entity", node.gold.name)] if node.gold else []
    for term, article in articles.items():
        refs[term] = sorted(("article", f, i) for f, i in article.docs)

    def identity(term: Node) -> Ref:
        mapped = refs[term]
        if len(mapped) == 1:
            return mapped[0]
        return ("node", str(term)) if not mapped else ("articles", *[x for r in mapped for x in r])

    found: set[RelationKey] = set()
    false_positives: set[RelationKey] = set()
    for s, p, o in set(triples):
        hits = {_relation_key(a, p, b) for a in refs[s] for b in refs[o]} & set(gold.relations)
        if hits:
            found |= hits
        else:
            false_positives.add(_relation_key(identity(s), p, identity(o)))
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for rkey, predicate in gold.relations.items():
        (tp if rkey in found else fn)[predicate] += 1
    for _, p, _ in false_positives:
        fp[p] += 1
    return {
        "by_predicate": {p: _prf(tp[p], fp[p], fn[p]) for p in PREDICATES
                         if tp[p] + fp[p] + fn[p]},
        "micro": _prf(sum(tp.values()), sum(fp.values()), sum(fn.values())),
    }


def evaluate(gold: Gold, rdf: Graph) -> dict[str, Any]:
    """Entity scores by type and relation scores by predicate of ``rdf`` against ``gold``.

    Returns a JSON-ready dict: ``entities`` (``by_type``, ``micro``, ``duplicates``,
    ``type_errors``), ``relations`` (``by_predicate``, ``micro``), ``entity_f1`` and
    ``relation_f1``.
    """
    entities, articles, triples = _read(rdf)
    _match_articles(articles, gold.documents)
    entity_scores = _match_entities(entities, gold)
    relation_scores = _score_relations(entities, articles, triples, gold)
    entity_f1 = entity_scores["micro"]["f1"]
    relation_f1 = relation_scores["micro"]["f1"]
    return {
        "entities": entity_scores,
        "relations": relation_scores,
        "entity_f1": 1.0 if entity_f1 is None else entity_f1,
        "relation_f1": 1.0 if relation_f1 is None else relation_f1,
    }


def _num(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _rows(
    rows: dict[str, dict[str, Any]], micro: dict[str, Any]
) -> list[tuple[str, dict[str, Any]]]:
    return [*rows.items(), ("micro", micro)]


def format_report(result: dict[str, Any]) -> str:
    """The scores as a plain-text table; the last line is ``entity_f1=… relation_f1=…``."""
    lines = []
    for title, rows, micro in (
        ("Entities", result["entities"]["by_type"], result["entities"]["micro"]),
        ("Relations", result["relations"]["by_predicate"], result["relations"]["micro"]),
    ):
        lines.append(f"{title:<14} {'gold':>5} {'system':>6} {'tp':>5} {'fp':>5} {'fn':>5}"
                     f"  {'precision':>9} {'recall':>7} {'f1':>6}")
        for name, r in _rows(rows, micro):
            lines.append(f"  {name:<12} {r['gold']:>5} {r['system']:>6} {r['tp']:>5} "
                         f"{r['fp']:>5} {r['fn']:>5}  {_num(r['precision']):>9} "
                         f"{_num(r['recall']):>7} {_num(r['f1']):>6}")
        if title == "Entities":
            lines.append(f"  duplicates {result['entities']['duplicates']}, "
                         f"type errors {result['entities']['type_errors']}")
        lines.append("")
    lines.append(f"entity_f1={result['entity_f1']:.3f} relation_f1={result['relation_f1']:.3f}")
    return "\n".join(lines)


def format_markdown(result: dict[str, Any]) -> str:
    """The scores as the README's quality table (Markdown)."""
    lines = ["| | gold | system | precision | recall | F1 |", "|---|---:|---:|---:|---:|---:|"]
    for group, rows, micro in (
        ("entities", result["entities"]["by_type"], result["entities"]["micro"]),
        ("relations", result["relations"]["by_predicate"], result["relations"]["micro"]),
    ):
        for name, r in _rows(rows, micro):
            label = f"**{group}**" if name == "micro" else name
            lines.append(f"| {label} | {r['gold']} | {r['system']} | {_num(r['precision'])} | "
                         f"{_num(r['recall'])} | {_num(r['f1'])} |")
    return "\n".join(lines) + "\n"
