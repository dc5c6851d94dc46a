"""Extraction quality: a built graph scored against hand-annotated gold.

The gold format and the matching rules are those of the project's annotation guidelines, and
the scoring is the reference scorer's own code, shipped verbatim as
:mod:`newsgraph.graph._score`. This module adds what the product needs around it: unusable
gold raises :class:`~newsgraph.errors.EvaluationError`, an rdflib graph already in memory is
scored as it is, and the scores print as the command line's table or as the README's
Markdown table.

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

from typing import Any

from rdflib import Graph

from newsgraph.errors import EvaluationError
from newsgraph.graph import _score
from newsgraph.graph._score import ENTITY_TYPES, PREDICATES, Gold, normalize

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


def parse_gold(data: Any, *, source: str = "gold") -> Gold:
    """Check gold data decoded from JSON; raise :class:`EvaluationError` naming the problem.

    >>> parse_gold({"entities": []})
    Traceback (most recent call last):
    ...
    newsgraph.errors.EvaluationError: gold: 'entities' must be a non-empty list
    """
    try:
        return _score.parse_gold(data, source)
    except _score.InputError as error:
        message = str(error).removeprefix(f"bad gold JSON in {source}: ")
        raise EvaluationError(source, message) from error


def evaluate(gold: Gold, rdf: Graph) -> dict[str, Any]:
    """Every figure of the reference scorer for ``rdf`` against ``gold``.

    Returns the scorer's JSON-ready dict: ``entities`` (``by_type``, ``micro``,
    ``duplicates``, ``type_errors``, ...), ``relations`` (``by_predicate``, ``micro``, ...),
    ``relations_relaxed``, ``entity_f1``, ``relation_f1`` and the gold's ``warnings``.
    """
    return _score.score(gold, _score.graph_nodes(rdf))


def _num(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _rows(
    rows: dict[str, dict[str, Any]], micro: dict[str, Any]
) -> list[tuple[str, dict[str, Any]]]:
    return [*rows.items(), ("micro", micro)]


def format_report(result: dict[str, Any]) -> str:
    """The scores as a plain-text table; the last line is ``entity_f1=… relation_f1=…``."""
    lines = []
    entities = result["entities"]
    for title, rows, micro in (
        ("Entities", entities["by_type"], entities["micro"]),
        ("Relations", result["relations"]["by_predicate"], result["relations"]["micro"]),
    ):
        lines.append(f"{title:<14} {'gold':>5} {'system':>6} {'tp':>5} {'fp':>5} {'fn':>5}"
                     f"  {'precision':>9} {'recall':>7} {'f1':>6}")
        for name, r in _rows(rows, micro):
            lines.append(f"  {name:<12} {r['gold']:>5} {r['system']:>6} {r['tp']:>5} "
                         f"{r['fp']:>5} {r['fn']:>5}  {_num(r['precision']):>9} "
                         f"{_num(r['recall']):>7} {_num(r['f1']):>6}")
        if title == "Entities":
            lines.append(f"  duplicates {entities['duplicates']['count']}, "
                         f"type errors {len(entities['type_errors'])}")
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
