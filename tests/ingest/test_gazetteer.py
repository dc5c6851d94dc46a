"""Tests of newsgraph.ingest.gazetteer: countries, demonyms and cities from the shipped
reference data."""

from __future__ import annotations

import pytest

from newsgraph.ingest.gazetteer import city_of, country_of, demonym_of, modifier_of, seat_of


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("U.S.", "United States"),
        ("US", "United States"),
        ("the United States", "United States"),
        ("America", "United States"),
        ("UK", "United Kingdom"),
        ("Britain", "United Kingdom"),
        ("Taiwan", "Taiwan"),
        ("Hong Kong", "Hong Kong"),
        ("the Netherlands", "Netherlands"),
        ("Democratic Republic of Congo", "Democratic Republic of the Congo"),
        ("South Korea", "South Korea"),
        ("Russia", "Russia"),
        ("AI", None),
        ("us", None),
        ("Shanghai", None),
        ("European Union", None),
        # historic names the news still uses, from country_other_names.tsv
        ("West Germany", "Germany"),
        ("Soviet Union", "Russia"),
        ("USSR", "Russia"),
        ("Burma", "Myanmar"),
        ("Kremlin", None),
    ],
)
def test_country_of(name, expected):
    assert country_of(name) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [("Dutch", "Netherlands"), ("Chinese", "China"), ("Americans", "United States"),
     ("South African", "South Africa"), ("Asian", None),
     # nationality words the reference data misses
     ("West German", "Germany"), ("Soviet", "Russia"), ("Philippine", "Philippines")],
)
def test_demonym_of(word, expected):
    assert demonym_of(word) == expected


@pytest.mark.parametrize(
    ("city", "country", "capital"),
    [("Washington", "United States", True), ("Beijing", "China", True),
     ("Shanghai", "China", False), ("Tokyo", "Japan", True)],
)
def test_city_of(city, country, capital):
    found = city_of(city)
    assert found is not None
    assert (found.country, found.capital) == (country, capital)


def test_small_town_is_no_city():
    assert city_of("Buford") is None


@pytest.mark.parametrize(
    ("name", "expected"),
    [("Kremlin", "Russia"), ("the Kremlin's", "Russia"), ("White House", None), ("Moscow", None)],
)
def test_seat_of(name, expected):
    assert seat_of(name) == expected


@pytest.mark.parametrize(
    "country, modifier",
    [("Japan", "Japanese"), ("United States", "U.S."), ("South Korea", "South Korean"),
     ("Netherlands", "Dutch"), ("Iceland", "Iceland")],
)
def test_modifier_of_a_country(country, modifier):
    assert modifier_of(country) == modifier


@pytest.mark.parametrize(
    ("name", "country"),
    [
        # a town known by a name the river or region tells apart goes by its short name too
        ("Frankfurt", "Germany"),
        ("Frankfurt am Main", "Germany"),
        ("Halle", "Germany"),
    ],
)
def test_a_town_by_its_short_name(name, country):
    from newsgraph.ingest.gazetteer import is_place, place_country

    assert is_place(name)
    assert place_country(name) == country
