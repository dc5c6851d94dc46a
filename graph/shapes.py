"""SHACL validation of a built graph against ``ontology/shapes.ttl``, with pySHACL.

The shapes check every class (types, exactly one ``rdfs:label`` per entity, the fields of
articles, assertions and evidence), the domain and range of every relation, and that every
relation triple is described by an ``ng:Assertion`` with ``ng:evidence``.

Examples
--------
>>> from rdflib import Graph
>>> g = Graph().parse(format="turtle", data='''
... @prefix ng: <https://w3id.org/newsgraph/ontology#> .
... @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
... <https://w3id.org/newsgraph/id/person/li> a ng:Person ;
...     rdfs:label "Li" ; ng:chairs <https://w3id.org/newsgraph/id/country/china> .
... <https://w3id.org/newsgraph/id/country/china> a ng:Country ; rdfs:label "China" .
... ''')
>>> for violation in validate_graph(g):
...     print(violation)
country:china: The object of ng:chairs must be of class Organisation.
person:li ng:chairs country:china: The relation ng:chairs to country:china has no ...
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from pyshacl import validate
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

from newsgraph.graph.rdf import compact_iri
from newsgraph.ontology import ontology_graph, ontology_text

__all__ = ["Violation", "shapes_graph", "validate_graph"]


@cache
def shapes_graph() -> Graph:
    """The SHACL shapes shipped as ``ontology/shapes.ttl`` (parsed once)."""
    return Graph().parse(data=ontology_text("shapes.ttl"), format="turtle")


def _compact(node: Node | None) -> str:
    """A node as the messages show it: a compact IRI, an IRI in ``<>``, a quoted literal."""
    if node is None:
        return ""
    if isinstance(node, URIRef):
        text = str(node)
        compact = compact_iri(text)
        return compact if compact != text else f"<{text}>"
    if isinstance(node, Literal):
        return repr(str(node))
    return str(node)


class Violation(NamedTuple):
    """One SHACL result: the node, the property path and value at fault, and why.

    >>> print(Violation("person:li", "rdfs:label", "", "Exactly one label."))
    person:li rdfs:label: Exactly one label.
    """

    focus: str
    path: str
    value: str
    message: str

    def __str__(self) -> str:
        where = " ".join(part for part in (self.focus, self.path) if part)
        if self.value and self.value != self.focus:
            where += f" {self.value}"
        return f"{where}: {self.message}"


def _message(report: Graph, result: Node) -> str:
    messages = sorted(str(m) for m in report.objects(result, SH.resultMessage))
    if messages:
        text = messages[0]
    else:
        text = str(report.value(result, SH.sourceConstraintComponent) or "violation")
    # pySHACL writes full IRIs into substituted messages; shorten them like the rest
    return re.sub(r"https?://[^\s>]+", lambda m: _compact(URIRef(m.group(0))), text)


def validate_graph(graph: Graph, *, inference: str = "none") -> list[Violation]:
    """The SHACL violations of a newsgraph RDF graph, sorted; empty when it conforms.

    ``inference`` is pySHACL's: ``"none"``, or ``"rdfs"``, ``"owlrl"`` or ``"both"`` to check
    the graph with what the ontology entails (the ontology is then mixed into a copy of it;
    ``graph`` is left unchanged). The shapes accept every entailment of the ontology.
    """
    _, report, _ = validate(
        graph, shacl_graph=shapes_graph(), inference=inference, advanced=True,
        allow_warnings=True, ont_graph=None if inference == "none" else ontology_graph(),
    )
    if not isinstance(report, Graph):
        message = f"pySHACL returned a {type(report).__name__}, expected an rdflib Graph"
        raise TypeError(message)
    found = set()
    for result in report.subjects(SH.resultSeverity, SH.Violation):
        path = report.value(result, SH.resultPath)
        found.add(Violation(
            focus=_compact(report.value(result, SH.focusNode)),
            path=_compact(path) if isinstance(path, URIRef) else "",
            value=_compact(report.value(result, SH.value)),
            message=_message(report, result),
        ))
    return sorted(found)
