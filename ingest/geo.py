"""Places and nationality words resolved to the country they stand for.

Relation rules read "Dutch chipmaker", "Shanghai-based" or "New Jersey-based" through this one
function; the reference data is the gazetteer's (``ingest/gazetteer.py``), US states and
other federal subdivisions come from pycountry, and the abbreviations of US states after a
town ("Maynard, Mass.") from the ``state_abbreviation`` word set.

>>> country_of("Dutch")
'Netherlands'
>>> country_of("Shanghai")
'China'
>>> country_of("New Jersey"), country_of("Mass.")
('United States', 'United States')
>>> country_of("U.S.")
'United States'
>>> country_of("Kremlin")
'Russia'
>>> country_of("chipmaker") is None
True
>>> country_of("AI") is None
True
"""

from __future__ import annotations

import re
from functools import cache

import pycountry

from newsgraph.ingest.gazetteer import city_of, demonym_of, seat_of
from newsgraph.ingest.gazetteer import country_of as country_named
from newsgraph.ingest.names import lexicon

__all__ = ["country_of", "nation_of", "us_state"]

# Federations whose states or provinces news names as a base ("Delaware-registered"); other
# countries' subdivision names collide too often with ordinary words.
_SUBDIVIDED = frozenset({"US", "CA", "AU", "DE", "CN", "IN"})


@cache
def nation_of(text: str) -> str | None:
    """The country a country name or nationality word names; never a city or a region.

    >>> nation_of("Chile"), nation_of("Dutch"), nation_of("Lyon")
    ('Chile', 'Netherlands', None)
    """
    name = re.sub(r"^[Tt]he\s+", "", text.strip())
    if not name or not name[0].isupper():
        return None
    return country_named(name) or demonym_of(name)


def _subdivision_country(name: str) -> str | None:
    """The country of the one subdivision (state, province) of a subdivided country so named.

    >>> _subdivision_country("Victoria"), _subdivision_country("Nowhere Land")
    ('Australia', None)
    """
    codes = _subdivision_countries().get(name, set())
    if len(codes) != 1:
        return None
    country = pycountry.countries.get(alpha_2=next(iter(codes)))
    return country_named(str(country.name)) if country is not None else None


@cache
def _subdivision_countries() -> dict[str, set[str]]:
    """The codes of the subdivided countries that have a subdivision of each name: one pass
    over pycountry's table, where its lookup scans the whole table for every name."""
    found: dict[str, set[str]] = {}
    for subdivision in pycountry.subdivisions:
        if subdivision.country_code in _SUBDIVIDED:
            found.setdefault(str(subdivision.name), set()).add(subdivision.country_code)
    return found


@cache
def country_of(text: str) -> str | None:
    """The country a country name, nationality word, seat of government ("Kremlin"), city or
    region stands for, or None."""
    name = re.sub(r"^[Tt]he\s+", "", text.strip())
    if not name or not name[0].isupper():
        return None
    found = country_named(name) or demonym_of(name) or seat_of(name)
    if found:
        return found
    city = city_of(name)
    if city:
        return city.country
    if name in lexicon().words("state_abbreviation"):
        return country_named("United States")
    return _subdivision_country(name)


def us_state(text: str) -> bool:
    """Whether ``text`` names a US state by its name, its abbreviation or its postal code.

    >>> us_state("Ohio"), us_state("N.Y."), us_state("NY"), us_state("Lyon")
    (True, True, True, False)
    """
    return text in _us_postal_codes() or text in lexicon().words("state_abbreviation") \
        or "US" in _subdivision_countries().get(text, set())


@cache
def _us_postal_codes() -> frozenset[str]:
    """The two-letter postal codes of the US states and districts (ISO 3166-2 "US-NY")."""
    return frozenset(str(s.code).split("-")[1] for s in pycountry.subdivisions
                     if s.country_code == "US")
