import os
import sys
from pathlib import Path

import pytest

from newsgraph.cli import main
from newsgraph.errors import NewsgraphError
from newsgraph.ingest.distributed import INSTALL_HINT, connect

ROOT = Path(__file__).resolve().parents[2]
OUTPUTS = ("graph.ttl", "graph.json", "graph.html", "documents.jsonl")


@pytest.fixture(scope="module")
def cluster():
    distributed = pytest.importorskip(
        "distributed", reason="dask is an optional extra: pip install 'newsgraph[dask]'"
    )
    # the workers import this checkout, whatever else is installed
    path = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p)
    with distributed.LocalCluster(
        n_workers=2, processes=True, threads_per_worker=1, host="127.0.0.1",
        dashboard_address="127.0.0.1:0", env={"PYTHONPATH": path},
    ) as local:
        yield local


def test_dask_build_equals_single_process_build(cluster, tmp_path):
    here, there = tmp_path / "here", tmp_path / "there"
    assert main(["build", "--out", str(here), "--batch-size", "8"]) == 0
    assert main(["build", "--out", str(there), "--batch-size", "8",
                 "--dask", cluster.scheduler_address]) == 0
    for name in OUTPUTS:
        assert (there / name).read_bytes() == (here / name).read_bytes(), name


def test_unreachable_scheduler_is_one_clear_error():
    pytest.importorskip("distributed", reason="dask is an optional extra")
    with pytest.raises(NewsgraphError, match="cannot reach the Dask scheduler"):
        connect("tcp://127.0.0.1:9", timeout=0.5)


def test_missing_dask_names_the_extra(monkeypatch, tmp_path, capsys):
    monkeypatch.setitem(sys.modules, "distributed", None)
    seed = ROOT / "seeds" / "000_5b8763289bf46c03.txt"
    assert main(["build", str(seed), "--out", str(tmp_path),
                 "--dask", "tcp://127.0.0.1:8786"]) == 1
    assert capsys.readouterr().err.splitlines() == [f"newsgraph: --dask: {INSTALL_HINT}"]
    assert not (tmp_path / "graph.ttl").exists()
