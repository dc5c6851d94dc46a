"""Countries, demonyms and cities from shipped public reference data (see ``ingest/data``).

Names are looked up case- and punctuation-insensitively, except short forms written in capitals
("US" is the United States, "us" is a pronoun).

>>> country_of("the U.S.")
'United States'
>>> country_of("Taiwan"), country_of("Republic of Korea"), country_of("West Germany")
('Taiwan', 'South Korea', 'Germany')
>>> country_of("AI") is None
True
>>> demonym_of("Dutch")
'Netherlands'
>>> city_of("Beijing")
City(name='Beijing', country='China', population=18960744, capital=True)
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib.resources import files
from typing import NamedTuple

__all__ = [
    "City",
    "Gazetteer",
    "adjective_of",
    "city_of",
    "country_code",
    "country_label",
    "country_of",
    "country_wikidata",
    "demonym_of",
    "gazetteer",
    "is_place",
    "leading_country",
    "modifier_of",
    "place_country",
    "place_key",
    "seat_of",
]


class City(NamedTuple):
    """A city that can stand for its country."""

    name: str
    country: str
    population: int
    capital: bool


@dataclass(frozen=True)
class Gazetteer:
    """Lookup tables keyed by :func:`place_key`."""

    countries: dict[str, str]
    short_forms: dict[str, str]
    demonyms: dict[str, str]
    cities: dict[str, City]
    labels: frozenset[str]
    seats: dict[str, str] = field(default_factory=dict)  # seats of government ("Kremlin")
    places: dict[str, str] = field(default_factory=dict)  # towns of 50,000 or more: country
    codes: dict[str, str] = field(default_factory=dict)  # canonical label -> ISO alpha-2


@lru_cache(maxsize=1 << 16)
def place_key(name: str) -> str:
    """A case- and punctuation-insensitive key of a place name; a leading "the" goes.

    >>> place_key("The  Democratic Republic of the Congo's")
    'democratic republic of the congo'
    """
    text = unicodedata.normalize("NFKC", name).replace("\u2019", "'").strip()
    text = re.sub(r"'s?$", "", text)
    text = re.sub(r"[^\w\s]", "", text.casefold().replace("-", " "))
    words = text.split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def _rows(name: str) -> list[dict[str, str]]:
    text = files("newsgraph.ingest").joinpath("data", name).read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines(), delimiter="\t"))


@cache
def gazetteer() -> Gazetteer:
    """Load the shipped tables once."""
    countries: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    labels: dict[str, str] = {}
    for row in _rows("countries.tsv"):
        label = row["label"]
        labels[row["code"]] = label
        for name in (label, *filter(None, row["names"].split("|"))):
            countries.setdefault(place_key(name), label)
        for demonym in filter(None, row["demonyms"].split("|")):
            demonyms.setdefault(place_key(demonym), label)
    for row in _rows("countries.tsv"):  # canonical labels win over other entries' names
        countries[place_key(row["label"])] = row["label"]
    seats: dict[str, str] = {}
    tables = {"name": countries, "demonym": demonyms, "seat": seats}
    for row in _rows("country_other_names.tsv"):  # historic names, seats of government
        tables[row["kind"]].setdefault(place_key(row["name"]), labels[row["code"]])
    short_forms = {row["form"]: labels[row["code"]] for row in _rows("country_short_forms.tsv")}
    cities = {}
    for row in _rows("cities.tsv"):
        cities[place_key(row["name"])] = City(
            row["name"], labels[row["code"]], int(row["population"]), row["capital"] == "1"
        )
    # a name two countries' towns share says no country alone: kept as a place, without one
    places = {place_key(row["name"]): "" if row["ambiguous"] == "1" else labels.get(row["code"], "")
              for row in _rows("places.tsv")}
    places.update((key, city.country) for key, city in cities.items())
    return Gazetteer(countries, short_forms, demonyms, cities, frozenset(labels.values()),
                     seats, places,
                     {label: code for code, label in labels.items()})


def _short_form(name: str) -> str | None:
    text = name.strip().removeprefix("the ").removeprefix("The ").strip()
    text = re.sub(r"['\u2019]s$", "", text)
    table = gazetteer().short_forms
    if text in table:
        return table[text]
    return _caseless_short_forms().get(text.casefold())


@cache
def _caseless_short_forms() -> dict[str, str]:
    """The short forms also read in other cases ("America", "Britain", "Mainland China"), by
    their case-folded text; those in capitals ("US") only as written."""
    table = gazetteer().short_forms
    return {k.casefold(): v for k, v in table.items() if not k.replace(".", "").isupper()}


@lru_cache(maxsize=1 << 16)
def country_of(name: str) -> str | None:
    """The canonical label of the ISO 3166-1 entry ``name`` names, or None.

    >>> country_of("America"), country_of("UK"), country_of("Democratic Republic of Congo")
    ('United States', 'United Kingdom', 'Democratic Republic of the Congo')
    >>> country_of("us") is None
    True
    """
    found = _short_form(name)
    if found:
        return found
    key = place_key(name)
    if not key or key.upper() == key:  # a bare code or nothing
        return None
    return gazetteer().countries.get(key)


@cache
def country_code(label: str) -> str | None:
    """The ISO 3166-1 alpha-2 code of a country's canonical label, or None.

    >>> country_code("Japan"), country_code("Hong Kong"), country_code("Nippon")
    ('JP', 'HK', None)
    """
    return gazetteer().codes.get(label)


@cache
def country_label(code: str) -> str | None:
    """The canonical label of an ISO 3166-1 alpha-2 code, or None.

    >>> country_label("JP"), country_label("XX")
    ('Japan', None)
    """
    return next((label for label, known in gazetteer().codes.items() if known == code), None)


@cache
def _wikidata() -> dict[str, str]:
    return {row["code"]: row["wikidata"] for row in _rows("country_wikidata.tsv")}


def country_wikidata(code: str) -> str | None:
    """The Wikidata item (QID) of an ISO 3166-1 alpha-2 code, or None.

    >>> country_wikidata("JP"), country_wikidata("XX")
    ('Q17', None)
    """
    return _wikidata().get(code)


def demonym_of(word: str) -> str | None:
    """The country a nationality word names ("Chinese", "Americans"), or None.

    >>> demonym_of("Americans"), demonym_of("South African"), demonym_of("Asian")
    ('United States', 'South Africa', None)
    """
    table = gazetteer().demonyms
    key = place_key(word)
    return table.get(key) or (table.get(key[:-1]) if key.endswith("s") else None)


def leading_country(name: str) -> str | None:
    """The country a name's first word says it is of, or None.

    >>> leading_country("U.S. Treasury Department"), leading_country("Norwegian Foreign Ministry")
    ('United States', 'Norway')
    >>> leading_country("Acme")
    """
    first = next(iter(name.split()), "")
    return country_of(first) or demonym_of(first)


@cache
def _adjectives() -> dict[str, str]:
    return {row["label"]: row["demonyms"].split("|")[0] for row in _rows("countries.tsv")
            if row["demonyms"]}


def adjective_of(country: str) -> str:
    """The word that says a thing is of ``country`` (its first nationality word), or the
    country's name where the table gives none.

    >>> adjective_of("China"), adjective_of("South Korea"), adjective_of("Atlantis")
    ('Chinese', 'South Korean', 'Atlantis')
    """
    return _adjectives().get(country) or country


#: A nationality word that is an adjective: "Chinese", "North Korean", "British", "Dutch",
#: "Israeli", "Swiss", "Greek"; not a noun for a person ("Icelander", "Motswana").
_ADJECTIVE = re.compile(r"^(?:[A-Z][a-z]+ )*[A-Z][a-z]*(?:ese|an|ish|ch|i|ss|ek)$")


def modifier_of(country: str) -> str:
    """The word that stands before a noun to say it is ``country``'s: its nationality
    adjective, "U.S." for the United States (whose adjective, "American", news reserves for
    a continent's worth of things), else the country's name.

    >>> modifier_of("Japan"), modifier_of("United States"), modifier_of("Iceland")
    ('Japanese', 'U.S.', 'Iceland')
    """
    if country == "United States":
        return "U.S."
    adjective = adjective_of(country)
    return adjective if _ADJECTIVE.match(adjective) else country


def seat_of(name: str) -> str | None:
    """The country whose government a seat of government stands for ("the Kremlin said").

    >>> seat_of("the Kremlin"), seat_of("Kremlin's"), seat_of("Tokyo") is None
    ('Russia', 'Russia', True)
    """
    return gazetteer().seats.get(place_key(name))


def city_of(name: str) -> City | None:
    """The city ``name`` names, if it is a capital or a city of at least a million people.

    >>> city_of("Tokyo").country, city_of("Buford") is None
    ('Japan', True)
    """
    return gazetteer().cities.get(place_key(name))


def is_place(name: str) -> bool:
    """Whether ``name`` names a town or city of at least 50,000 people (``places.tsv``), which
    is no organisation and no person.

    >>> is_place("San Francisco"), is_place("Corpus Christi"), is_place("Globex")
    (True, True, False)
    """
    return place_key(name) in gazetteer().places


def place_country(name: str) -> str | None:
    """The country of the most populous town or city of at least 50,000 people so named: what
    a company based there is based in ("Seattle-based", "Continental AG of Hanover"), though
    such a town stands for no government as a capital does (:func:`city_of`). A name that
    towns of two countries share, with a third as many people as the most populous or more,
    says none (Santa Clara: Cuba and California).

    >>> place_country("Seattle"), place_country("Hannover"), place_country("Santa Clara")
    ('United States', 'Germany', None)
    """
    return gazetteer().places.get(place_key(name)) or None
