"""Tests of newsgraph.graph.evaluate: its figures agree with the reference scorer on the same
inputs."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest
from rdflib import Graph

from newsgraph.cli import main
from newsgraph.graph.evaluate import EvaluationError, evaluate, format_markdown, parse_gold

DATA = Path(__file__).resolve().parent.parent / "data"


def _reference():
    """The reference scorer (a copy of the project's eval/score.py), loaded as a module."""
    spec = importlib.util.spec_from_file_location("reference_score", DATA / "score.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def _figures(result):
    entities = {t: {k: r[k] for k in ("tp", "fp", "fn")}
                for t, r in result["entities"]["by_type"].items()}
    relations = {p: {k: r[k] for k in ("tp", "fp", "fn")}
                 for p, r in result["relations"]["by_predicate"].items()}
    return entities, relations, result["entity_f1"], result["relation_f1"]


@pytest.mark.parametrize(
    ("gold", "graph"),
    [("tiny-gold.json", "tiny-graph.ttl")],
)
def test_agrees_with_the_reference_scorer(gold, graph):
    reference = _reference()
    expected = reference.score(reference.load_gold(DATA / gold),
                               reference.read_graph(DATA / graph))
    data = json.loads((DATA / gold).read_text(encoding="utf-8"))
    ours = evaluate(parse_gold(data), Graph().parse(DATA / graph, format="turtle"))
    assert _figures(ours) == _figures(expected)
    assert ours["entities"]["duplicates"] == expected["entities"]["duplicates"]["count"]
    assert ours["entities"]["type_errors"] == len(expected["entities"]["type_errors"])


def test_exact_figures_on_the_tiny_graph():
    data = json.loads((DATA / "tiny-gold.json").read_text(encoding="utf-8"))
    result = evaluate(parse_gold(data), Graph().parse(DATA / "tiny-graph.ttl", format="turtle"))
    entities, relations, entity_f1, _ = _figures(result)
    # Acme found (its second node a duplicate), Smith a type error, Initech not in gold,
    # the tariffs policy matched by kind
    assert entities == {
        "Organisation": {"tp": 2, "fp": 3, "fn": 0},
        "Person": {"tp": 0, "fp": 0, "fn": 1},
        "Country": {"tp": 1, "fp": 0, "fn": 0},
        "Policy": {"tp": 1, "fp": 0, "fn": 0},
    }
    assert relations["competesWith"] == {"tp": 1, "fp": 0, "fn": 0}
    assert relations["fellOnNews"] == {"tp": 0, "fp": 1, "fn": 0}
    assert entity_f1 == pytest.approx(8 / 12)


@pytest.mark.parametrize("gold", ["seeds-gold.json", "extra-gold.json"])
def test_the_gold_files_parse(gold):
    data = json.loads((DATA / gold).read_text(encoding="utf-8"))
    assert parse_gold(data).entities


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"entities": []}, "'entities' must be a non-empty list"),
        ({"entities": [{"name": "A", "type": "Planet"}]}, "unknown type 'Planet'"),
        ({"entities": [{"name": "A", "type": "Person"}],
          "relations": [{"subject": "A", "predicate": "chairs", "object": "B"}]},
         "object 'B' is not the name of a gold entity"),
    ],
)
def test_bad_gold_is_refused(data, message):
    with pytest.raises(EvaluationError, match=message):
        parse_gold(data)


def test_markdown_table():
    data = json.loads((DATA / "tiny-gold.json").read_text(encoding="utf-8"))
    result = evaluate(parse_gold(data), Graph().parse(DATA / "tiny-graph.ttl", format="turtle"))
    table = format_markdown(result)
    assert table.splitlines()[0] == "| | gold | system | precision | recall | F1 |"
    assert "| Country | 1 | 1 | 1.000 | 1.000 | 1.000 |" in table


def test_cli_evaluate(capsys):
    status = main(["evaluate", str(DATA / "tiny-gold.json"), "--graph",
                   str(DATA / "tiny-graph.ttl")])
    assert status == 0
    assert capsys.readouterr().out.splitlines()[-1] == "entity_f1=0.667 relation_f1=0.727"
