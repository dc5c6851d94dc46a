"""Places and nationality words resolved to the country they stand for.

A small, separate helper so that relation rules can read "Dutch chipmaker", "Shanghai-based"
or "New Jersey-based" before the entity layer flags demonyms itself. Reference data lives in
``ingest/data/`` (demonyms, cities); US states and other subdivisions come from pycountry.

>>> country_of("Dutch")
'Netherlands'
>>> country_of("Shanghai")
'China'
>>> country_of("New Jersey")
'United States'
>>> country_of("U.S.")
'United States'
>>> country_of("chipmaker") is None
True
>>> country_of("AI") is None
True
"""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files

import pycountry

from ingest.entities import canonical_country

__all__ = ["country_of", "demonym_country"]

# The only letter codes news uses for a country.
_CODES = frozenset({"US", "USA", "UK", "EU"})

# Federations whose states or provinces news names as a base ("Delaware-registered"); other
# countries' subdivision names collide too often with ordinary words.
_SUBDIVIDED = frozenset({"US", "CA", "AU", "DE", "CN", "IN"})


def _table(name: str) -> dict[str, str]:
    text = files("ingest").joinpath("data", name).read_text(encoding="utf-8")
    table = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        place, _, country = line.partition("\t")
        table[place.strip().casefold()] = country.strip()
    return table


@cache
def _demonyms() -> dict[str, str]:
    return _table("demonyms.tsv")


@cache
def _cities() -> dict[str, str]:
    return _table("cities.tsv")


@cache
def demonym_country(word: str) -> str | None:
    """The country a nationality word names ("Dutch" → Netherlands), or None.

    >>> demonym_country("Chinese"), demonym_country("China")
    ('China', None)
    """
    country = _demonyms().get(word.strip().casefold())
    return canonical_country(country) if country else None


@cache
def country_of(text: str) -> str | None:
    """The country a country name, nationality word, city or region stands for, or None."""
    name = re.sub(r"^[Tt]he\s+", "", text.strip())
    if not name or not name[0].isupper():
        return None
    if len(name) <= 3 and name.isalpha() and name.isupper() and name not in _CODES:
        return None  # "AI", "SJ": acronyms, not ISO codes
    found = canonical_country(name) or demonym_country(name)
    if found:
        return found
    city = _cities().get(name.casefold())
    if city:
        return canonical_country(city)
    try:
        subdivision = pycountry.subdivisions.lookup(name)
    except LookupError:
        return None
    if subdivision.country_code not in _SUBDIVIDED or subdivision.name != name:
        return None
    return canonical_country(str(subdivision.country_code))
