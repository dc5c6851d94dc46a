"""Tests of scripts/make_given_names.py: the census lists in a package archive to the TSV."""

from __future__ import annotations

import importlib.util
import io
import tarfile
from pathlib import Path

import pytest

_PATH = Path(__file__).resolve().parents[2] / "scripts" / "make_given_names.py"
_SPEC = importlib.util.spec_from_file_location("make_given_names", _PATH)
assert _SPEC is not None and _SPEC.loader is not None
make_given_names = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(make_given_names)

MALE = "JAMES          3.318  3.318      1\nMORGAN         0.018 80.000    508\n"
FEMALE = "MARY           2.629  2.629      1\nJAMES          0.010 90.000    875\n"


def _archive(folder: Path) -> Path:
    path = folder / "names-0.3.0.tar.gz"
    with tarfile.open(path, "w:gz") as archive:
        for name, text in (("dist.male.first", MALE), ("dist.female.first", FEMALE)):
            data = text.encode("ascii")
            info = tarfile.TarInfo(f"names-0.3.0/names/{name}")
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return path


def test_parse_list_reads_name_and_percent():
    assert make_given_names.parse_list(MALE.splitlines()) == {"James": 3.318, "Morgan": 0.018}


@pytest.mark.parametrize(
    ("min_percent", "expected"),
    [(0.03, "name\tmale\tfemale\nJames\t3.318\t0.01\nMary\t0\t2.629\n"),
     (0.0, "name\tmale\tfemale\nJames\t3.318\t0.01\nMary\t0\t2.629\nMorgan\t0.018\t0\n")],
)
def test_the_tsv_keeps_names_common_in_either_sex(tmp_path, min_percent, expected):
    out = tmp_path / "given_names.tsv"
    make_given_names.main([str(_archive(tmp_path)), "--min-percent", str(min_percent),
                           "--out", str(out)])
    assert out.read_text(encoding="utf-8") == expected


def test_the_shipped_tsv_holds_only_names_above_the_threshold():
    shipped = Path(__file__).resolve().parents[2] / "ingest" / "data" / "given_names.tsv"
    rows = [line.split("\t") for line in shipped.read_text(encoding="utf-8").splitlines()[1:]]
    assert rows and all(max(float(m), float(f)) >= make_given_names.MIN_PERCENT
                        for _, m, f in rows)
