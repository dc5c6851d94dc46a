"""Tests of scripts/make_office_holders.py: a saved Wikidata query result to the TSV."""

from __future__ import annotations

import csv
import importlib.util
from pathlib import Path

_PATH = Path(__file__).resolve().parents[2] / "scripts" / "make_office_holders.py"
_SPEC = importlib.util.spec_from_file_location("make_office_holders", _PATH)
assert _SPEC is not None and _SPEC.loader is not None
make_office_holders = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(make_office_holders)

_HEADER = "iso3,country,role,person,person_qid,start,end,party,end_cause\n"
_Z = "T00:00:00Z"
_ROWS = [
    f"NOR,Noruega,head_of_government,Jane Doe,Q1,2001-03-01{_Z},2010-06-30{_Z},,",
    # the same term twice, a monarch named after the country, a term that ended in 1920
    f"NOR,Noruega,head_of_government,Jane Doe,Q1,2001-03-01{_Z},2010-06-30{_Z},X,",
    f"NOR,Noruega,head_of_state,Olavo V da Noruega,Q2,1957-09-21{_Z},1991-01-17{_Z},,",
    f"NOR,Noruega,head_of_state,Haakon VII da Noruega,Q3,1905-11-18{_Z},1920-01-01{_Z},,",
    # a label that is no person's, an office not kept, a code ISO does not have
    "NOR,Noruega,head_of_state,Eleição de 1998,Q4,,,,",
    f"NOR,Noruega,minister,John Roe,Q5,2001-03-01{_Z},,,",
    f"XKX,Kosovo,head_of_state,Ann Lee,Q6,2016-04-07{_Z},,,",
    # France's president heads Wallis and Futuna (FR-WF) and Andorra ex officio
    f"FRA,França,head_of_state,Jean Roe,Q7,2012-05-15{_Z},2017-05-14{_Z},,",
    f"WLF,Wallis e Futuna,head_of_state,Jean Roe,Q7,2012-05-15{_Z},2017-05-14{_Z},,",
    f"AND,Andorra,head_of_state,Jean Roe,Q7,2012-05-15{_Z},2017-05-14{_Z},,",
    # Belarus's code is a German state's too (DE-BY): its own head is kept
    f"BLR,Bielorrússia,head_of_state,Ivan Sidorov,Q8,1994-07-20{_Z},,,",
]


def test_the_query_result_becomes_one_row_a_term(tmp_path):
    source = tmp_path / "leaders_history.csv"
    source.write_text(_HEADER + "\n".join(_ROWS) + "\n", encoding="utf-8")
    out = tmp_path / "office_holders.tsv"
    make_office_holders.main([str(source), "--out", str(out)])
    with out.open(encoding="utf-8") as handle:
        rows = [tuple(r.values()) for r in csv.DictReader(handle, delimiter="\t")]
    assert rows == [
        ("BY", "head_of_state", "Ivan Sidorov", "1994-07-20", "", "Q8"),
        ("FR", "head_of_state", "Jean Roe", "2012-05-15", "2017-05-14", "Q7"),
        ("NO", "head_of_government", "Jane Doe", "2001-03-01", "2010-06-30", "Q1"),
        ("NO", "head_of_state", "Olavo V", "1957-09-21", "1991-01-17", "Q2"),
    ]
