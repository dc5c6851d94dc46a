"""The newsgraph vocabulary: ``newsgraph.ttl`` is the source, these are its Python names.

>>> from newsgraph.ontology import NG, RELATIONS
>>> NG.chairs
rdflib.term.URIRef('https://w3id.org/newsgraph/ontology#chairs')
>>> RELATIONS["chairs"].domain
frozenset({'Person'})
"""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files
from typing import NamedTuple

from rdflib import OWL, RDF, RDFS, SKOS, Graph, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

from newsgraph._lazy import require_installed_name
from newsgraph.ontology._namespace import NG
from newsgraph.ontology._vocabulary import EntityType, NodeType, PolicyKind, Predicate

require_installed_name(__name__)

__all__ = [
    "ENTITY_TYPES",
    "INVERSES",
    "NG",
    "NGR",
    "POLICY_KINDS",
    "RELATIONS",
    "SANCTION_KINDS",
    "SYMMETRIC",
    "EntityType",
    "NodeType",
    "PolicyKind",
    "Predicate",
    "Signature",
    "edge_type",
    "ontology_graph",
    "ontology_text",
    "predicate_iri",
    "predicate_name",
]

#: Where entity, article and assertion IRIs are minted.
NGR = Namespace("https://w3id.org/newsgraph/id/")


@cache
def ontology_text(name: str = "newsgraph.ttl") -> str:
    """The Turtle text of a file shipped in this package."""
    return files(__name__).joinpath(name).read_text(encoding="utf-8")


@cache
def ontology_graph() -> Graph:
    """The ontology as an rdflib graph (parsed once)."""
    return Graph().parse(data=ontology_text(), format="turtle")


class Signature(NamedTuple):
    """The classes (local names) a relation may start and end at."""

    domain: frozenset[str]
    range: frozenset[str]


def _local(term: Node) -> str:
    return str(term).removeprefix(str(NG))


def _classes(graph: Graph, node: Node | None) -> frozenset[str]:
    if node is None:
        message = "newsgraph.ttl: a relation lacks rdfs:domain or rdfs:range"
        raise ValueError(message)
    union = graph.value(node, OWL.unionOf)
    members = Collection(graph, union) if union is not None else [node]
    return frozenset(_local(m) for m in members)


def _entity_types(graph: Graph) -> tuple[str, ...]:
    return tuple(
        sorted(_local(c) for c in graph.subjects(RDFS.subClassOf, NG.Entity))
    )


def _relations(graph: Graph) -> dict[str, Signature]:
    entity_like = set(_entity_types(graph)) | {"Article"}
    found = {}
    for prop in graph.subjects(RDF.type, OWL.ObjectProperty):
        if graph.value(prop, OWL.inverseOf) is not None:  # for reasoners; never written
            continue
        domain = _classes(graph, graph.value(prop, RDFS.domain))
        range_ = _classes(graph, graph.value(prop, RDFS.range))
        if domain <= entity_like and range_ <= entity_like:
            found[_local(prop)] = Signature(domain, range_)
    return dict(sorted(found.items()))


def _policy_kinds(graph: Graph) -> tuple[str, ...]:
    return tuple(sorted(_local(k) for k in graph.subjects(RDF.type, NG.PolicyKind)))


#: Node types of entities, e.g. ``("Country", "Organisation", "Person", "Policy")``.
ENTITY_TYPES: tuple[str, ...] = _entity_types(ontology_graph())
#: The typed relations by local name, with their domain and range.
RELATIONS: dict[str, Signature] = _relations(ontology_graph())
#: The inverse relations the ontology declares for reasoners, by local name, each with the
#: relation it is the inverse of: ``INVERSES["chairedBy"] == "chairs"``. The graph never
#: holds them.
INVERSES: dict[str, str] = {
    _local(p): _local(o) for p, o in sorted(ontology_graph().subject_objects(OWL.inverseOf))
}
#: Relations that hold both ways.
SYMMETRIC: frozenset[str] = frozenset(
    _local(p) for p in ontology_graph().subjects(RDF.type, OWL.SymmetricProperty)
)
#: Concepts of the policy-kind scheme, e.g. ``"ExportControl"``.
POLICY_KINDS: tuple[str, ...] = _policy_kinds(ontology_graph())
#: The policy kinds whose policies also state ``sanctions`` from imposer to target.
SANCTION_KINDS: frozenset[str] = frozenset(
    _local(k) for k in ontology_graph().objects(NG.SanctionKinds, SKOS.member)
)


def edge_type(predicate: str) -> str:
    """The networkx edge type of a relation.

    >>> edge_type("roseOnNews")
    'rose-on-news'
    """
    return re.sub(r"(?<!^)(?=[A-Z])", "-", predicate).lower()


def predicate_name(edge: str) -> str:
    """The relation name of a networkx edge type.

    >>> predicate_name("rose-on-news")
    'roseOnNews'
    """
    head, *rest = edge.split("-")
    return head + "".join(part.title() for part in rest)


def predicate_iri(predicate: str) -> URIRef:
    """The IRI of a relation, failing on a name the ontology does not define."""
    return NG[predicate]
