"""Tests of newsgraph.ingest.names: name keys, initials, acronyms and the lexicon's word sets."""

from __future__ import annotations

import pytest

from newsgraph.ingest.gazetteer import place_key
from newsgraph.ingest.names import (
    Lexicon,
    acronym_of,
    given_names,
    initial_spellings,
    initials,
    lexicon,
    listed_short_form,
    name_key,
    subdivisions,
    undotted,
    world_given_names,
)


@pytest.mark.parametrize(
    ("name", "expected"),
    [("The Acme Corp\u2019s", "acme corp"), ("Wan-Li", "wan li"), ("  Globex  ", "globex"),
     # initials with dots read as without them
     ("U.N.", "un"), ("U.N", "un"), ("J.K. Vela Corp", "jk vela corp")],
)
def test_name_key(name, expected):
    assert name_key(name) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("U.N.", "UN"), ("the U.K. Trade Office", "the UK Trade Office"), ("S.p.A.", "SpA"),
     # one initial, an abbreviation and a sentence's full stop stay
     ("Jane Q. Smith", "Jane Q. Smith"), ("Fried. Krupp", "Fried. Krupp"),
     ("Acme rose.", "Acme rose.")],
)
def test_undotted(text, expected):
    assert undotted(text) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [("Robot Makers Association", "RMA"), ("Bank of the North", "BN"),
     ("Pacific Robotics International Corp.", "PRIC")],
)
def test_initials(name, expected):
    assert initials(name) == expected


@pytest.mark.parametrize(
    ("acronym", "name", "expected"),
    [("OTB", "US International Ocean Trade Board", True), ("RMA", "Robot Makers Association", True),
     ("EU", "Eastfield University Press", False), ("A", "Acme", False),
     ("DOMT", "Department of Marine Trade", True), ("NZTP", "N.Z. Timber Products", True),
     ("ACME", "ACME", False)],
)
def test_acronym_of(acronym, name, expected):
    assert acronym_of(acronym, name) is expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [("Robot Makers Association", ("RMA",)), ("Department of Marine Trade", ("DMT", "DOMT")),
     ("U.K. Timber Board", ("UTB", "UKTB")), ("Acme", ("A",)),
     ("Council for the Promotion of Fair Trade", ("CPFT",))],
)
def test_initial_spellings(name, expected):
    assert initial_spellings(name) == expected


def test_lexicon_reads_word_sets_as_written_and_casefolded():
    words = Lexicon({"roles": frozenset({"CEO", "Chairman"})})
    assert words.words("roles") == {"CEO", "Chairman"}
    assert words.lower("roles") == {"ceo", "chairman"}


@pytest.mark.parametrize("method", ["words", "lower"])
def test_a_missing_word_set_is_an_error_naming_it(method):
    with pytest.raises(KeyError, match=r"no word set 'no_such_set' in .*lexicon\.jsonl"):
        getattr(lexicon(), method)("no_such_set")


def test_every_word_set_the_code_reads_is_in_the_lexicon():
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    code = [line for path in [*root.glob("ingest/*.py"), *root.glob("graph/*.py")]
            for line in path.read_text(encoding="utf-8").splitlines() if ">>>" not in line]
    read = {name for line in code for name in re.findall(r"\.(?:words|lower)\(\"(\w+)\"\)", line)}
    assert read
    assert read <= set(lexicon().sets)


@pytest.mark.parametrize(
    ("name", "known"),
    # common first names of either sex; rare ones (Morgan 0.022%) and no names are left out
    [("James", True), ("Mary", True), ("Carl", True), ("Morgan", False), ("Chase", False),
     ("james", False)],
)
def test_given_names(name, known):
    assert (name in given_names()) is known


@pytest.mark.parametrize(
    ("name", "known"),
    [("Jyrki", True), ("Frederic", True), ("Frédéric", True), ("Kofi", True),
     # the census lists speak for the names they know; no English word, place or company
     ("James", False), ("Morgan", False), ("Dean", False), ("Islam", False), ("Paris", False),
     ("Said", False), ("Ibrahim", True)],
)
def test_world_given_names(name, known):
    assert (name in world_given_names()) is known


def test_a_chinese_province_is_a_subdivision_as_english_writes_it():
    keys = subdivisions()
    assert {place_key("Guizhou"), place_key("Guizhou province"), place_key("Chongqing")} <= keys


def test_listed_short_form_is_the_one_listed_company_a_first_word_begins():
    # the exchanges list one company whose name begins "Ford" and many beginning "General"
    assert listed_short_form("ford") == "ford motor"
    assert listed_short_form("general") is None
    assert listed_short_form("borealisx") is None
