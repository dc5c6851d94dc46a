"""notebooks/explore.ipynb runs top to bottom, on the seeds and on a graph with every relation."""

import os
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from newsgraph.graph.nodelink import write_json
from newsgraph.graph.rdf import write_turtle
from tests.graph.sample import ROSE, SANCTIONS, sample_graph

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOK = ROOT / "notebooks" / "explore.ipynb"


def execute(monkeypatch, out):
    """Run the notebook from its own folder on the graph folder ``out``; return it."""
    monkeypatch.setenv("NEWSGRAPH_OUT", str(out))
    # the kernel imports graph from this checkout, and draws figures inline as Jupyter does
    path = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p)
    monkeypatch.setenv("PYTHONPATH", path)
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    client = NotebookClient(notebook, timeout=600, kernel_name="python3",
                            resources={"metadata": {"path": str(NOTEBOOK.parent)}})
    client.execute()
    return notebook


def outputs(notebook, cell_id):
    (cell,) = [c for c in notebook.cells if c.get("id") == cell_id]
    return cell.outputs


def text(notebook, cell_id):
    """Everything a cell printed or displayed, as text and HTML."""
    parts = []
    for output in outputs(notebook, cell_id):
        parts.append(output.get("text", ""))
        data = output.get("data", {})
        parts += [data.get("text/plain", ""), data.get("text/html", "")]
    return "\n".join(parts)


def images(notebook, cell_id):
    return [o for o in outputs(notebook, cell_id) if "image/png" in o.get("data", {})]


def test_committed_notebook_has_no_outputs():
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(notebook)
    code = [c for c in notebook.cells if c.cell_type == "code"]
    assert code
    assert [(c.id, c.outputs, c.execution_count) for c in code] == [
        (c.id, [], None) for c in code]


def test_committed_notebook_cells_have_stable_ids():
    ids = [c.id for c in nbformat.read(NOTEBOOK, as_version=4).cells]
    assert len(set(ids)) == len(ids)
    assert all(i.replace("-", "").isalpha() for i in ids)


@pytest.fixture(scope="module")
def relations_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("relations")
    G = sample_graph()
    with (out / "graph.json").open("wb") as stream:
        write_json(G, stream)
    with (out / "graph.ttl").open("wb") as stream:
        write_turtle(G, stream)
    with pytest.MonkeyPatch.context() as monkeypatch:
        return execute(monkeypatch, out)


@pytest.mark.slow
def test_notebook_runs_on_the_seeds(tmp_path, monkeypatch):
    notebook = execute(monkeypatch, tmp_path / "out")
    assert (tmp_path / "out" / "graph.json").is_file()
    assert "54 articles" in text(notebook, "articles")
    assert "Organisation" in text(notebook, "entity-types")
    assert "pagerank" in text(notebook, "connected")
    # the one policy of 2021 is named, not drawn years before all the others
    assert "Left out of the chart, seen long before the rest: U.S. blacklist " \
        "(2021-03-11)" in text(notebook, "policies-chart")
    for view in ("neighbourhood-view", "view"):
        (shown,) = outputs(notebook, view)
        assert shown.data["text/html"].startswith('<iframe srcdoc="')


def test_notebook_tables_on_a_graph_with_relations(relations_run):
    assert "sanctions" in text(relations_run, "relation-predicates")
    assert "roseOnNews" in text(relations_run, "relation-predicates")
    assert SANCTIONS in text(relations_run, "sanctions")
    assert "Hong Kong" in text(relations_run, "share-moves")
    assert "ExportControl" in text(relations_run, "policies")
    assert "Zhou Zixue" in text(relations_run, "sparql-relations")
    assert "chairs" in text(relations_run, "sparql-relations")


def test_notebook_neighbourhood_shows_the_sentences(relations_run):
    shown = text(relations_run, "neighbourhood-evidence")
    assert ROSE in shown
    assert SANCTIONS in shown


def test_notebook_draws_share_moves_and_policies(relations_run):
    assert len(images(relations_run, "share-moves-chart")) == 1
    assert len(images(relations_run, "policies-chart")) == 1
