"""Generate ontology/_vocabulary.py: Python enums for the node types, relations and policy kinds.

Usage: python scripts/make_vocabulary.py [--check]

The names come from ontology/newsgraph.ttl alone: subclasses of ng:Entity (and ng:Article) are
node types, object properties between them are relations, members of ng:PolicyKind are the
policy kinds. With --check, exit 1 if the file on disk differs from what would be written
(tests/ontology runs this check).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from rdflib import OWL, RDF, RDFS, SKOS, Graph, Namespace, URIRef

ROOT = Path(__file__).resolve().parent.parent
TURTLE = ROOT / "ontology" / "newsgraph.ttl"
TARGET = ROOT / "ontology" / "_vocabulary.py"
NG = Namespace("https://w3id.org/newsgraph/ontology#")

HEADER = '''"""Enums of the newsgraph vocabulary, made by scripts/make_vocabulary.py (do not edit).

Each member is a ``str`` equal to the local name in ``ontology/newsgraph.ttl``, so it can stand
wherever the name is written: ``EntityType.PERSON == "Person"``.
"""

from enum import StrEnum

__all__ = ["EntityType", "NodeType", "PolicyKind", "Predicate"]
'''


def _constant(name: str) -> str:
    """``basedIn`` -> ``BASED_IN``; ``ExportControl`` -> ``EXPORT_CONTROL``."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).upper()


def local_name(term: object) -> str:
    return str(term).removeprefix(str(NG))


def _enum(name: str, doc: str, members: list[tuple[str, str]]) -> str:
    lines = [f"\n\nclass {name}(StrEnum):", f'    """{doc}"""', ""]
    for local, comment in members:
        lines.append(f"    #: {comment}")
        lines.append(f'    {_constant(local)} = "{local}"')
    return "\n".join(lines) + "\n"


def _comment(graph: Graph, term: URIRef) -> str:
    described = (graph.value(term, p) for p in (RDFS.comment, SKOS.definition, SKOS.prefLabel))
    text = str(next((d for d in described if d is not None), local_name(term)))
    return text.replace("\n", " ")


def generate(graph: Graph) -> str:
    entity_types = sorted(s for s in graph.subjects(RDFS.subClassOf, NG.Entity))
    node_types = sorted([*entity_types, NG.Article])
    node_names = {local_name(t) for t in node_types}
    predicates = []
    for prop in graph.subjects(RDF.type, OWL.ObjectProperty):
        ends = [graph.value(prop, RDFS.domain), graph.value(prop, RDFS.range)]
        classes = set()
        for end in ends:
            union = graph.value(end, OWL.unionOf) if end is not None else None
            classes |= {local_name(m) for m in graph.items(union)} if union else {local_name(end)}
        if classes <= node_names and str(prop).startswith(str(NG)):
            predicates.append(prop)
    kinds = sorted(graph.subjects(RDF.type, NG.PolicyKind))

    def members(terms: list[URIRef]) -> list[tuple[str, str]]:
        return [(local_name(t), _comment(graph, t)) for t in sorted(terms)]

    return (
        HEADER
        + _enum("NodeType", "The classes of graph nodes: entities and articles.",
                members(node_types))
        + _enum("EntityType", "The classes of entities (every node type but Article).",
                members(entity_types))
        + _enum("Predicate", "The typed relations between nodes.", members(predicates))
        + _enum("PolicyKind", "The concepts of the policy-kind scheme.", members(kinds))
    )


def main(argv: list[str]) -> int:
    text = generate(Graph().parse(TURTLE))
    if argv == ["--check"]:
        if TARGET.read_text(encoding="utf-8") != text:
            message = f"{TARGET} is out of date: run python scripts/make_vocabulary.py"
            print(message, file=sys.stderr)
            return 1
        return 0
    TARGET.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
