from pathlib import Path

import pytest

from newsgraph.cli import main
from newsgraph.ingest.documents import Article
from newsgraph.ingest.parallel import extract_parallel, task_batches

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
OUTPUTS = ("graph.ttl", "graph.json", "graph.html", "documents.jsonl")


def few_seeds():
    return [str(p) for p in sorted(SEEDS.glob("*.txt"))]


@pytest.fixture(scope="module")
def one_worker(tmp_path_factory):
    out = tmp_path_factory.mktemp("one")
    assert main(["build", *few_seeds(), "--out", str(out), "--workers", "1",
                 "--batch-size", "1"]) == 0
    return out


def test_two_workers_write_the_same_bytes_as_one(one_worker, tmp_path):
    assert main(["build", *few_seeds(), "--out", str(tmp_path), "--workers", "2",
                 "--batch-size", "1"]) == 0
    for name in OUTPUTS:
        assert (tmp_path / name).read_bytes() == (one_worker / name).read_bytes(), name


def test_two_workers_keep_the_input_order():
    articles = [Article.from_text(f"Intel Corp. said {i}.", source=f"{i}.txt") for i in range(5)]
    found = list(extract_parallel(articles, workers=2, batch_size=2))
    assert [x.article for x in found] == articles
    assert all(e.name == "Intel Corp." for x in found for e in x.entities)


def test_no_articles_start_no_pool():
    assert list(extract_parallel([], workers=2)) == []


@pytest.mark.parametrize(
    "size, expected", [(1, [[0], [1], [2]]), (2, [[0, 1], [2]]), (5, [[0, 1, 2]])]
)
def test_tasks_are_consecutive_batches(size, expected):
    assert list(task_batches(range(3), batch_size=size)) == expected


@pytest.mark.parametrize("workers", [0, -1])
def test_workers_must_be_positive(workers):
    with pytest.raises(ValueError, match="workers must be at least 1"):
        list(extract_parallel([], workers=workers))


def test_cli_refuses_a_zero_batch_size(capsys):
    with pytest.raises(SystemExit):
        main(["build", "--batch-size", "0"])
    assert "must be a whole number of at least 1 (got '0')" in capsys.readouterr().err


def test_cli_refuses_workers_with_dask(capsys):
    with pytest.raises(SystemExit):
        main(["build", "--workers", "2", "--dask", "tcp://127.0.0.1:8786"])
    assert "not allowed with argument" in capsys.readouterr().err
