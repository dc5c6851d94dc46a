"""Tests of newsgraph.graph.aliases: reading the user's aliases file, JSON or CSV."""

from __future__ import annotations

import pytest

from newsgraph.errors import AliasesError
from newsgraph.graph.aliases import Aliases, parse_aliases


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"aliases": {"A": ["B", "C"]}, "distinct": [["D", "E"]]}',
         Aliases((("A", ("B", "C")),), (("D", "E"),))),
        ("same,A,B\nsame,A,C\n# note\ndistinct,D,E\n",
         Aliases((("A", ("B", "C")),), (("D", "E"),))),
        # a byte order mark, blank rows and spaces around cells
        ("\ufeffsame, A , B\n\n , \n", Aliases((("A", ("B",)),))),
        ("", Aliases()),
    ],
)
def test_parse_aliases(text, expected):
    assert parse_aliases(text) == expected


def test_csv_format_can_be_forced():
    with pytest.raises(AliasesError, match="line 1"):
        parse_aliases('{"aliases": {}}', csv_format=True)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"aliases": ["A"]}', "'aliases' must map each name to a list of names"),
        ('{"distinct": [["A"]]}', "'distinct' must be a list of \\[name, name\\] pairs"),
        ("[1]", "expected 'same,NAME,ALIAS'"),
        ("same,A\n", "line 1: expected 'same,NAME,ALIAS' or 'distinct,NAME,NAME'"),
        ("{not json", "not valid JSON"),
        # hostile files: an empty name, a pair both same and distinct, JSON nested deep
        ("same,Intel,\n", "line 1: an empty name"),
        ('{"aliases": {"Intel": [" "]}}', "'aliases': an empty name in 'Intel'"),
        ('{"aliases": {"": ["Intel"]}}', "'aliases': an empty name in ''"),
        ('{"distinct": [["", "Intel"]]}', "'distinct': an empty name"),
        ("same,Intel,Intel Corp\ndistinct,Intel,Intel Corp\n",
         "'Intel' and 'Intel Corp' are both the same \\(same,Intel,Intel Corp\\) and distinct"),
        ('{"aliases": {"Intel": ["Intel Corp", "Intel Inc"]}, '
         '"distinct": [["Intel Corp", "Intel Inc"]]}',
         "'Intel Corp' and 'Intel Inc' are both the same"),
        ('{"aliases": ' + "[" * 100_000, "nested too deep"),
        # characters no name has: they would make ill-formed XML of every export
        ('{"aliases": {"Intel \\ud800": ["Intel"]}}', "holds a character no name has"),
        ("same,Intel\x1b,Intel Corp\n", "holds a character no name has"),
        ('{"aliaes": {"Intel": ["Intel Corp"]}}', "unknown key 'aliaes'"),
    ],
)
def test_parse_aliases_rejects_bad_files(text, message):
    with pytest.raises(AliasesError, match=message) as error:
        parse_aliases(text, source="x.json")
    assert error.value.source == "x.json"


def test_names_are_composed_as_the_news_is_read_and_an_empty_file_is_no_aliases():
    assert parse_aliases('{"aliases": {"Cafe\\u0301 Holdings": ["Caf\\u00e9 Co"]}}').same == (
        ("Café Holdings", ("Café Co",)),)
    assert parse_aliases("", csv_format=False) == parse_aliases("\ufeff\n") == Aliases()
