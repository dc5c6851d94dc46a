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

import pyoxigraph as ox
from pyshacl import validate
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

from newsgraph.graph.rdf import compact_iri
from newsgraph.ontology import ontology_graph, ontology_text

__all__ = ["Violation", "shape_queries", "shapes_graph", "validate_graph", "validate_store"]


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


# ---------------------------------------------------------------- the shapes as SPARQL

_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_SUBCLASS = "http://www.w3.org/2000/01/rdf-schema#subClassOf"
_COMPARISONS = {SH.minInclusive: ">=", SH.maxInclusive: "<=", SH.minExclusive: ">",
                SH.maxExclusive: "<"}
_PAIRS = {SH.lessThan: "<", SH.lessThanOrEquals: "<="}
_NUMERIC = {"integer", "decimal", "double", "float", "int", "long", "short", "byte",
            "nonNegativeInteger", "positiveInteger", "negativeInteger", "nonPositiveInteger",
            "unsignedInt", "unsignedLong", "unsignedShort", "unsignedByte"}
_XSD = "http://www.w3.org/2001/XMLSchema#"
_NODE_KINDS = {
    SH.IRI: "isIRI(?value)", SH.Literal: "isLiteral(?value)", SH.BlankNode: "isBlank(?value)",
    SH.BlankNodeOrIRI: "!isLiteral(?value)", SH.BlankNodeOrLiteral: "!isIRI(?value)",
    SH.IRIOrLiteral: "!isBlank(?value)",
}


class _Check(NamedTuple):
    """One constraint as a query: its rows are the focus node (``?this``) and, when the
    constraint reports them, a value (``?value``) and a path (``?path``)."""

    sparql: str
    path: str
    messages: tuple[str, ...]
    substitute: bool  # a SPARQL constraint's message names its variables: {?path}, ...


def _term(node: Node) -> str:
    if isinstance(node, URIRef):
        return f"<{node}>"
    if isinstance(node, Literal):
        return node.n3()
    message = f"the shapes use a term this translation does not know: {node!r}"
    raise ValueError(message)


def _items(shapes: Graph, head: Node | None) -> list[Node]:
    from rdflib.collection import Collection

    return list(Collection(shapes, head)) if head is not None else []


def _not_instance(classes: list[Node]) -> str:
    """The block removing the values that are instances of one of ``classes``: an anti-join
    with every instance at once, far faster than asking of each value in turn."""
    values = " ".join(_term(c) for c in classes)
    return (f"MINUS {{ ?value <{_RDF_TYPE}> ?_k . ?_k <{_SUBCLASS}>* ?_class . "
            f"VALUES ?_class {{ {values} }} }}")


def _target(shapes: Graph, shape: Node) -> str | None:
    """The pattern binding ``?this`` to the focus nodes of ``shape``; None without targets."""
    parts = []
    classes = sorted(shapes.objects(shape, SH.targetClass), key=str)
    if classes:
        values = " ".join(_term(c) for c in classes)
        parts.append(f"{{ ?this <{_RDF_TYPE}> ?_t . ?_t <{_SUBCLASS}>* ?_c . "
                     f"VALUES ?_c {{ {values} }} }}")
    for predicate in sorted(shapes.objects(shape, SH.targetSubjectsOf), key=str):
        parts.append(f"{{ ?this {_term(predicate)} ?_o }}")
    for predicate in sorted(shapes.objects(shape, SH.targetObjectsOf), key=str):
        parts.append(f"{{ ?_s {_term(predicate)} ?this }}")
    for node in sorted(shapes.objects(shape, SH.targetNode), key=str):
        parts.append(f"{{ VALUES ?this {{ {_term(node)} }} }}")
    if not parts:
        return None
    return "{ SELECT DISTINCT ?this WHERE { " + " UNION ".join(parts) + " } }"


def _value_conditions(shapes: Graph, shape: Node) -> list[str]:
    """The conditions a value violates, one for each value-type constraint of ``shape``: a
    filter expression, or a ``MINUS`` block (see :func:`_where`)."""
    conditions = []
    for kind in shapes.objects(shape, SH.nodeKind):
        conditions.append(f"!({_NODE_KINDS[URIRef(str(kind))]})")
    for datatype in shapes.objects(shape, SH.datatype):
        condition = f"!isLiteral(?value) || DATATYPE(?value) != {_term(datatype)}"
        local = str(datatype).removeprefix(_XSD)
        if local in _NUMERIC:  # an ill-typed number ("x"^^xsd:integer) is no integer
            condition += " || !isNumeric(?value)"
        elif local in {"date", "dateTime"}:
            condition += (f" || DATATYPE(COALESCE(<{datatype}>(STR(?value)), \"\")) != "
                          f"<{datatype}>")
        conditions.append(condition)
    for length in shapes.objects(shape, SH.minLength):
        conditions.append(f"isBlank(?value) || STRLEN(STR(?value)) < {_number(length)}")
    for length in shapes.objects(shape, SH.maxLength):
        conditions.append(f"isBlank(?value) || STRLEN(STR(?value)) > {_number(length)}")
    for pattern in shapes.objects(shape, SH.pattern):
        flags = shapes.value(shape, SH.flags)
        extra = f", {_term(Literal(str(flags)))}" if flags is not None else ""
        conditions.append(f"isBlank(?value) || !REGEX(STR(?value), "
                          f"{_term(Literal(str(pattern)))}{extra})")
    for cls in shapes.objects(shape, SH.__getattr__("class")):
        conditions.append(_not_instance([cls]))
    for alternatives in shapes.objects(shape, SH["or"]):
        tests = []
        for member in _items(shapes, alternatives):
            classes = list(shapes.objects(member, SH.__getattr__("class")))
            if len(classes) != 1 or set(shapes.predicates(member)) - {SH.__getattr__("class")}:
                message = "only sh:or of sh:class shapes is translated to SPARQL"
                raise ValueError(message)
            tests.append(classes[0])
        conditions.append(_not_instance(tests))
    for members in shapes.objects(shape, SH["in"]):
        conditions.append(_not_in(_items(shapes, members)))
    for component, operator in _COMPARISONS.items():
        for bound in shapes.objects(shape, component):
            conditions.append(f"!COALESCE(?value {operator} {_term(bound)}, false)")
    return conditions


def _where(condition: str) -> str:
    return condition if condition.startswith("MINUS") else f"FILTER ({condition})"


def _not_in(members: list[Node]) -> str:
    return "!(" + (" || ".join(f"sameTerm(?value, {_term(m)})" for m in members) or "false") + ")"


#: What a shape may say for its translation to SPARQL; anything else is refused.
_KNOWN = frozenset({
    URIRef(_RDF_TYPE), URIRef("http://www.w3.org/2000/01/rdf-schema#comment"),
    URIRef("http://www.w3.org/2000/01/rdf-schema#label"), SH.targetClass, SH.targetSubjectsOf,
    SH.targetObjectsOf, SH.targetNode, SH.property, SH.path, SH.message, SH.nodeKind,
    SH.datatype, SH.minLength, SH.maxLength, SH.pattern, SH.flags, SH.__getattr__("class"),
    SH["or"], SH["in"], SH.minCount, SH.maxCount, SH.lessThan, SH.lessThanOrEquals,
    SH.qualifiedValueShape, SH.qualifiedMaxCount, SH.sparql, *_COMPARISONS,
})


def _shape_checks(shapes: Graph, shape: Node, target: str, prefixes: str) -> list[_Check]:
    """The checks of one shape: its own constraints and its property shapes'."""
    unknown = set(shapes.predicates(shape)) - _KNOWN
    if unknown:
        names = ", ".join(sorted(compact_iri(str(u)) for u in unknown))
        message = f"{_compact(shape)} uses what the translation to SPARQL does not know: {names}"
        raise ValueError(message)
    messages = tuple(str(m) for m in shapes.objects(shape, SH.message))
    path_node = shapes.value(shape, SH.path)
    checks = []
    if path_node is None:  # a node shape: the constraints apply to the focus node itself
        for condition in _value_conditions(shapes, shape):
            sparql = (f"SELECT DISTINCT ?this ?value WHERE {{ {target} BIND (?this AS ?value) "
                      f"{_where(condition)} }}")
            checks.append(_Check(sparql, "", messages or _generic(shapes, shape), False))
        for constraint in shapes.objects(shape, SH.sparql):
            select = str(shapes.value(constraint, SH.select)).replace("$this", "?this")
            own = tuple(str(m) for m in shapes.objects(constraint, SH.message))
            sparql = (f"{prefixes}\nSELECT * WHERE {{ {target} {{ {select} }} }}")
            checks.append(_Check(sparql, "", own + messages, True))
        for member in shapes.objects(shape, SH.property):
            checks += _shape_checks(shapes, member, target, prefixes)
        return checks
    if not isinstance(path_node, URIRef):
        message = "only predicate paths are translated to SPARQL"
        raise ValueError(message)
    # Each check finds its few offending values over the whole graph in a { SELECT } of its
    # own, joined whole with the focus nodes (a pattern after the target would be looked up
    # node by node: seconds for each property of a hundred thousand evidence nodes).
    path, step = str(path_node), f"?this {_term(path_node)} ?value"
    values = f"{{ SELECT ?this ?value WHERE {{ {step} }} }}"
    for count in (c for c in shapes.objects(shape, SH.minCount) if _number(c) > 0):
        # the nodes with enough values, removed from the focus nodes in one anti-join
        sparql = (f"SELECT ?this WHERE {{ {target} MINUS {{ SELECT ?this WHERE {{ {step} }} "
                  f"GROUP BY ?this HAVING (COUNT(DISTINCT ?value) >= {_number(count)}) }} }}")
        checks.append(_Check(sparql, path, messages, False))
    for count in shapes.objects(shape, SH.maxCount):
        sparql = (f"SELECT ?this WHERE {{ {target} {{ SELECT ?this WHERE {{ {step} }} "
                  f"GROUP BY ?this HAVING (COUNT(DISTINCT ?value) > {_number(count)}) }} }}")
        checks.append(_Check(sparql, path, messages, False))
    for condition in _value_conditions(shapes, shape):
        sparql = (f"SELECT DISTINCT ?this ?value WHERE {{ {target} {{ SELECT ?this ?value "
                  f"WHERE {{ {values} {_where(condition)} }} }} }}")
        checks.append(_Check(sparql, path, messages, False))
    for component, operator in _PAIRS.items():
        for other in shapes.objects(shape, component):
            sparql = (f"SELECT DISTINCT ?this ?value WHERE {{ {target} {{ SELECT ?this ?value "
                      f"WHERE {{ {values} {{ SELECT ?this ?_other WHERE {{ ?this "
                      f"{_term(other)} ?_other }} }} FILTER (!COALESCE(?value {operator} "
                      "?_other, false)) } } }")
            checks.append(_Check(sparql, path, messages, False))
    for qualified in shapes.objects(shape, SH.qualifiedValueShape):
        members = shapes.value(qualified, SH["in"])
        if members is None or set(shapes.predicates(qualified)) != {SH["in"]}:
            message = "only an sh:in qualified value shape is translated to SPARQL"
            raise ValueError(message)
        condition = "!" + _not_in(_items(shapes, members))
        for count in shapes.objects(shape, SH.qualifiedMaxCount):
            sparql = (f"SELECT ?this WHERE {{ {target} {{ SELECT ?this WHERE {{ {step} "
                      f"FILTER ({condition}) }} GROUP BY ?this "
                      f"HAVING (COUNT(DISTINCT ?value) > {_number(count)}) }} }}")
            checks.append(_Check(sparql, path, messages, False))
    return checks


def _generic(shapes: Graph, shape: Node) -> tuple[str, ...]:
    """pySHACL's message for a node kind, where the shape gives none."""
    kinds = [compact_iri(str(k)).replace("http://www.w3.org/ns/shacl#", "sh:")
             for k in shapes.objects(shape, SH.nodeKind)]
    return tuple(f"Value is not of Node Kind {kind}" for kind in kinds) or ("violation",)


@cache
def shape_queries() -> tuple[_Check, ...]:
    """Every constraint of ``ontology/shapes.ttl`` as one SPARQL query over the whole graph.

    >>> len(shape_queries()) > 50
    True
    """
    shapes = shapes_graph()
    prefixes = "\n".join(
        f"PREFIX {shapes.value(d, SH.prefix)}: <{shapes.value(d, SH.namespace)}>"
        for d in sorted(shapes.objects(None, SH.declare), key=str))
    checks: list[_Check] = []
    for shape in sorted(shapes.subjects(URIRef(_RDF_TYPE), SH.NodeShape), key=str):
        target = _target(shapes, shape)
        if target is not None:
            checks += _shape_checks(shapes, shape, target, prefixes)
    return tuple(checks)


def _substituted(message: str, row: dict[str, Node]) -> str:
    for name, value in row.items():
        literal = str(value).replace("\\", "\\\\")  # the value as it is, escapes too
        message = re.sub("{[?$]" + name + "}", literal, message)
    return message


def _number(node: Node) -> int:
    return int(str(node))


def validate_store(store: ox.Store) -> list[Violation]:
    """The SHACL violations of the graph in a pyoxigraph store, as :func:`validate_graph`
    finds them without inference, but each constraint one SPARQL query over the whole graph
    (rather than pySHACL's work per node): the same list, in a fraction of the time.

    >>> store = ox.Store()
    >>> store.bulk_load(b'''
    ... @prefix ng: <https://w3id.org/newsgraph/ontology#> .
    ... <https://w3id.org/newsgraph/id/person/li> a ng:Person .
    ... ''', format=ox.RdfFormat.TURTLE)
    >>> for violation in validate_store(store):
    ...     print(violation)
    person:li rdfs:label: An entity has exactly one rdfs:label, a non-empty string.
    """
    found = set()
    for check in shape_queries():
        solutions = store.query(check.sparql)
        assert isinstance(solutions, ox.QuerySolutions)
        for solution in solutions:
            row = {name: _rdflib(solution[name]) for name in ("this", "path", "value", "node")
                   if _bound(solution, name)}
            focus = row["this"]
            path = row.get("path") if check.substitute else None
            value = row.get("value", focus if check.substitute else None)
            candidates = [_substituted(m, row) if check.substitute else m
                          for m in check.messages]
            text = sorted(candidates)[0] if candidates else "violation"
            text = re.sub(r"https?://[^\s>]+", lambda m: _compact(URIRef(m.group(0))), text)
            found.add(Violation(
                focus=_compact(focus),
                path=_compact(path) if isinstance(path, URIRef) else (
                    _compact(URIRef(check.path)) if check.path else ""),
                value=_compact(value),
                message=text,
            ))
    return sorted(found)


def _bound(solution: ox.QuerySolution, name: str) -> bool:
    try:
        return solution[name] is not None
    except (KeyError, IndexError, ValueError):
        return False


def _rdflib(term: object) -> Node:
    """A pyoxigraph term as rdflib's."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    from rdflib import BNode

    return BNode(str(term))
