"""Tests of newsgraph.ingest.offices: heads of state and government by name and date."""

from __future__ import annotations

import pytest

from newsgraph.ingest import offices
from newsgraph.ingest.offices import HEAD_OF_GOVERNMENT, HEAD_OF_STATE, Term, led_country

_BOTH = {HEAD_OF_STATE, HEAD_OF_GOVERNMENT}
_TERMS = (
    Term("NO", HEAD_OF_GOVERNMENT, "Jane Q. Doe", "2001-03-01", "2010-06-30"),
    Term("CL", HEAD_OF_STATE, "John Roe", "1990-01-01", "1994-01-01"),
    Term("PE", HEAD_OF_STATE, "Mary Roe", "2000-07-28", "2004-07-28"),
    Term("IS", HEAD_OF_STATE, "Ana de Villa", "2012-08-01", ""),
    Term("FI", HEAD_OF_GOVERNMENT, "Corazón Ferro", "1995-04-13", "2003-04-17"),
    Term("FI", HEAD_OF_GOVERNMENT, "Lino Ferro", "2011-06-22", "2014-06-24"),
    Term("EE", HEAD_OF_STATE, "Karl Rohmann", "2006-10-09", "2016-10-10"),
)


@pytest.fixture(autouse=True)
def _invented_holders(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(offices, "_index", lambda: offices.index(_TERMS))


@pytest.mark.parametrize(("name", "wanted", "date", "country"), [
    # a surname alone, a name in full, a name without its middle initial
    ("Doe", _BOTH, None, "NO"),
    ("Jane Q. Doe", _BOTH, None, "NO"),
    ("Jane Doe", _BOTH, "2005-01-01", "NO"),
    ("de Villa", _BOTH, "2020-05-05", "IS"),
    # case and accents do not count, nor one letter of a surname written in full
    ("CORAZON FERRO", {HEAD_OF_GOVERNMENT}, None, "FI"),
    ("Karl Rohman", _BOTH, None, "EE"),
    ("Carl Rohman", _BOTH, None, None),
    ("Jane Q. Dow", _BOTH, None, None),
    # two holders of one country: the country is still said
    ("Ferro", {HEAD_OF_GOVERNMENT}, None, "FI"),
    # another first name, another office, out of office that day: nothing
    ("Laura Doe", _BOTH, None, None),
    ("Doe", {HEAD_OF_STATE}, None, None),
    ("Doe", _BOTH, "2011-01-01", None),
    ("Doe", _BOTH, "2001-02-28", None),
    # two countries' heads of one surname: the date tells them apart, or nothing does
    ("Roe", _BOTH, None, None),
    ("Roe", _BOTH, "1992-06-01", "CL"),
    ("Roe", _BOTH, "2003-06-01", "PE"),
    # a term the source gives by its years runs to the end of its last year
    ("Roe", _BOTH, "1994-11-30", "CL"),
    # a name nobody held
    ("Smith", _BOTH, None, None),
])
def test_a_name_says_the_country_its_one_holder_led(name, wanted, date, country):
    assert led_country(name, wanted, date) == country


def test_the_shipped_table_has_heads_of_state_and_government_by_date():
    found = {(t.code, t.office) for t in offices.terms() if t.start}
    assert {("US", HEAD_OF_STATE), ("GB", HEAD_OF_GOVERNMENT), ("DE", HEAD_OF_GOVERNMENT),
            ("JP", HEAD_OF_GOVERNMENT), ("FR", HEAD_OF_STATE)} <= found
