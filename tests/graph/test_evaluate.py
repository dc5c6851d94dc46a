"""Tests of newsgraph.graph.evaluate: `newsgraph evaluate` gives the reference scorer's figures."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph

from newsgraph.cli import main
from newsgraph.graph import _score
from newsgraph.graph.evaluate import EvaluationError, evaluate, format_markdown, parse_gold

DATA = Path(__file__).resolve().parent.parent / "data"
#: The reference scorer in the project's shared folder, where there is one.
REFERENCE = Path("/work/shared/eval/score.py")
#: Gold files and graphs: the tiny pair has one of each case the scorer distinguishes.
PAIRS = [
    ("tiny-gold.json", "tiny-graph.ttl"),
    ("seeds-gold.json", "tiny-graph.ttl"),
    ("extra-gold.json", "tiny-graph.ttl"),
]


def _evaluate(gold: str, graph: str) -> dict:
    data = json.loads((DATA / gold).read_text(encoding="utf-8"))
    return evaluate(parse_gold(data), Graph().parse(DATA / graph, format="turtle"))


def _figures(result):
    entities = {t: {k: r[k] for k in ("tp", "fp", "fn")}
                for t, r in result["entities"]["by_type"].items()}
    relations = {p: {k: r[k] for k in ("tp", "fp", "fn")}
                 for p, r in result["relations"]["by_predicate"].items()}
    return entities, relations, result["entity_f1"], result["relation_f1"]


def _table_rows(report: str) -> dict[str, list[str]]:
    """The rows of the text report by name, each with its counts and ratios."""
    rows: dict[str, list[str]] = {}
    for line in report.splitlines():
        if line.startswith("  ") and not line.startswith("  duplicates"):
            name, *values = line.split()
            rows[f"{len(rows)}:{name}"] = values
    return rows


def _expected_rows(result) -> dict[str, list[str]]:
    def number(value):
        return "-" if value is None else f"{value:.3f}"

    rows: dict[str, list[str]] = {}
    for group, micro in (
        (result["entities"]["by_type"], result["entities"]["micro"]),
        (result["relations"]["by_predicate"], result["relations"]["micro"]),
    ):
        for name, r in [*group.items(), ("micro", micro)]:
            rows[f"{len(rows)}:{name}"] = [
                str(r["gold"]), str(r["system"]), str(r["tp"]), str(r["fp"]), str(r["fn"]),
                number(r["precision"]), number(r["recall"]), number(r["f1"])]
    return rows


@pytest.mark.parametrize(("gold", "graph"), PAIRS)
def test_cli_prints_the_scorers_figures(gold, graph, capsys):
    expected = _score.score(_score.load_gold(DATA / gold), _score.read_graph(DATA / graph))
    assert main(["evaluate", str(DATA / gold), "--graph", str(DATA / graph)]) == 0
    report = capsys.readouterr().out
    assert _table_rows(report) == _expected_rows(expected)
    assert report.splitlines()[-1] == _score.format_report(expected).splitlines()[-1]


@pytest.mark.skipif(not REFERENCE.is_file(), reason="the shared folder's eval/ is not here")
@pytest.mark.parametrize(("gold", "graph"), PAIRS)
def test_evaluate_equals_the_reference_scorer_run_as_a_script(gold, graph):
    done = subprocess.run(
        [sys.executable, str(REFERENCE), "--gold", str(DATA / gold), "--graph", str(DATA / graph),
         "--json"], capture_output=True, text=True, check=True)
    assert json.loads(json.dumps(_evaluate(gold, graph))) == json.loads(done.stdout)


def test_exact_figures_on_the_tiny_graph():
    result = _evaluate("tiny-gold.json", "tiny-graph.ttl")
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
    assert result["entities"]["duplicates"]["count"] == 1
    assert len(result["entities"]["type_errors"]) == 1


@pytest.mark.parametrize("gold", ["seeds-gold.json", "extra-gold.json"])
def test_the_gold_files_parse(gold):
    data = json.loads((DATA / gold).read_text(encoding="utf-8"))
    assert parse_gold(data).entities


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"entities": []}, "gold: 'entities' must be a non-empty list"),
        ({"entities": [{"name": "A", "type": "Planet"}]},
         "gold: entity #1 ('A'): 'type' must be one of Organisation, Person, Country, Policy,"
         " not 'Planet'"),
        ({"entities": [{"name": "A", "type": "Person"}],
          "relations": [{"subject": "A", "predicate": "chairs", "object": "B"}]},
         "gold: relation #1: object 'B' is not the name of a gold entity"),
    ],
)
def test_bad_gold_is_refused(data, message):
    with pytest.raises(EvaluationError) as caught:
        parse_gold(data)
    assert str(caught.value) == message


def test_bad_gold_names_its_source():
    with pytest.raises(EvaluationError) as caught:
        parse_gold({"entities": []}, source="gold.json")
    assert (caught.value.source, caught.value.message) == (
        "gold.json", "'entities' must be a non-empty list")


def test_markdown_table():
    table = format_markdown(_evaluate("tiny-gold.json", "tiny-graph.ttl"))
    assert table.splitlines()[0] == "| | gold | system | precision | recall | F1 |"
    assert "| Country | 1 | 1 | 1.000 | 1.000 | 1.000 |" in table
    assert "| **relations** | 5 | 6 | 0.667 | 0.800 | 0.727 |" in table


def test_cli_evaluate(capsys):
    status = main(["evaluate", str(DATA / "tiny-gold.json"), "--graph",
                   str(DATA / "tiny-graph.ttl")])
    assert status == 0
    out = capsys.readouterr().out.splitlines()
    assert out[-1] == "entity_f1=0.667 relation_f1=0.727"
    assert "  duplicates 1, type errors 1" in out


@pytest.mark.parametrize(("files", "said"), [
    (["a.txt"], None),
    # a feed's items are named by their links, not by the feed's file
    (["a.txt", "feed.xml"], None),
    (["c.txt"], "none of the gold's 1 documents is in this graph"),
])
def test_gold_whose_documents_the_graph_never_read_is_said(tmp_path, capsys, files, said):
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps({
        "documents": [{"file": name} for name in files],
        "entities": [{"name": "Intel", "type": "Organisation"}]}))
    graph = tmp_path / "graph.ttl"
    graph.write_text(
        "@prefix ng: <https://w3id.org/newsgraph/ontology#> .\n"
        "@prefix dcterms: <http://purl.org/dc/terms/> .\n"
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
        "<urn:x:a> a ng:Article ; dcterms:source <urn:x:source/docs/a.txt> .\n"
        "<urn:x:b> a ng:Article ; dcterms:source <urn:x:source/docs/b.txt> .\n"
        '<urn:x:intel> a ng:Organisation ; rdfs:label "Intel" .\n')
    assert main(["evaluate", str(gold), "--graph", str(graph)]) == 0
    err = capsys.readouterr().err
    if said is None:
        assert err == ""
    else:
        assert err == f"newsgraph: {graph}: {said}; the scores compare other news\n"
