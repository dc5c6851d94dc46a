"""Tests of scripts/make_companies.py: the exchanges' symbol directories to the TSV."""

from __future__ import annotations

import importlib.util
from pathlib import Path

_PATH = Path(__file__).resolve().parents[2] / "scripts" / "make_companies.py"
_SPEC = importlib.util.spec_from_file_location("make_companies", _PATH)
assert _SPEC is not None and _SPEC.loader is not None
make_companies = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(make_companies)

NASDAQ = (
    "Symbol,Company Name,Security Name,Market Category,Test Issue,Financial Status,"
    "Round Lot Size,ETF,NextShares\n"
    "VLX,Velox Inc.,Velox Inc. - Common Stock,Q,N,N,100,N,N\n"
    "VLXW,Velox Inc.,Velox Inc. - Warrants,Q,N,N,100,N,N\n"
    "QQQZ,Quartz ETF,Quartz Growth ETF,Q,N,N,100,Y,N\n"
    "ZZT,Test Co,Test Co - Common Stock,Q,Y,N,100,N,N\n"
)
OTHER = (
    "ACT Symbol,Company Name,Security Name,Exchange,CQS Symbol,ETF,Round Lot Size,"
    "Test Issue,NASDAQ Symbol\n"
    'NRD,Nordvik A/S Common Stock,"Nordvik A/S American Depositary Shares, each representing'
    ' one Ordinary Share",N,NRD,N,100.0,N,NRD\n'
    "NRD$A,Nordvik A/S Pfd Ser A,Nordvik A/S Pfd Ser A,N,NRDpA,N,100.0,N,NRD-A\n"
    "TSX,Tessel Manufacturing Company Ltd.,Tessel Manufacturing Company Ltd.,N,TSX,N,40.0,N,TSX\n"
    "ORB,Orbit  Leisure Co. Common  Stock,Orbit  Leisure Co. Common  Stock,N,ORB,N,100.0,N,ORB\n"
)


def test_the_tsv_keeps_one_name_per_company_and_only_shares(tmp_path):
    nasdaq, other = tmp_path / "nasdaq.csv", tmp_path / "other.csv"
    nasdaq.write_text(NASDAQ, encoding="utf-8")
    other.write_text(OTHER, encoding="utf-8")
    out = tmp_path / "companies.tsv"
    make_companies.main([str(nasdaq), str(other), "--out", str(out)])
    assert out.read_text(encoding="utf-8") == (
        "symbol\tname\nNRD\tNordvik A/S\nORB\tOrbit Leisure Co.\n"
        "TSX\tTessel Manufacturing Company Ltd.\nVLX\tVelox Inc.\n")


def test_the_shipped_tsv_holds_companies_only():
    shipped = Path(__file__).resolve().parents[2] / "ingest" / "data" / "companies.tsv"
    rows = [line.split("\t") for line in shipped.read_text(encoding="utf-8").splitlines()[1:]]
    assert len(rows) > 5000
    assert not [name for _, name in rows if make_companies.company_name(name) != name]
