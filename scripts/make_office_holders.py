"""Regenerate ``ingest/data/office_holders.tsv``: heads of state and of government by date.

The facts are Wikidata's (CC0): each country's head of state and head of government offices
(P1308, P1313, or the country's own P35 and P6 statements) and the people who held them
(P39 with the start and end qualifiers P580 and P582), as a query of the Wikidata Query
Service returned them. This script reads a saved copy of that result, the file
``data/leaders_history.csv`` of the GitHub repository ``cfmessias/geografia`` (see
``ingest/data/README.md`` for the commit), so nothing is downloaded when it runs and the
product reads only the TSV::

    git -C MIRROR show 2e1e3b9cf6bff86186ae26376a2deafdbd9c67e3:data/leaders_history.csv \\
        > /tmp/leaders_history.csv
    python scripts/make_office_holders.py /tmp/leaders_history.csv

The query asked for labels in Portuguese first: a monarch's label names the country after
"do"/"da" ("Fahd da Arábia Saudita"), which is cut so that the name is the one the news
writes. Terms that ended before 1945 are left out, and so are rows whose label is no
person's name (an election item, which has digits).
"""

from __future__ import annotations

import argparse
import csv
import re
from collections.abc import Iterable
from pathlib import Path

import pycountry

DATA = Path(__file__).resolve().parent.parent / "ingest" / "data"
#: The offices kept, as the source names them.
OFFICES = ("head_of_state", "head_of_government")
#: Terms that ended before this year are left out: the news read is later.
FIRST_YEAR = 1945
COLUMNS = ("code", "office", "name", "start", "end", "wikidata")
#: Offices held ex officio by another country's head under another title, left out: Andorra's
#: co-princes are France's president and the Bishop of Urgell, titled "co-prince", and would
#: make every French president's name say two countries.
EX_OFFICIO = {("AD", "head_of_state")}


def alpha2(iso3: str) -> str | None:
    """The ISO 3166-1 alpha-2 code of an alpha-3 code, or None.

    >>> alpha2("DEU"), alpha2("XKX")
    ('DE', None)
    """
    country = pycountry.countries.get(alpha_3=iso3)
    return country.alpha_2 if country is not None else None


def day(value: str) -> str:
    """The calendar day of a query's timestamp, or "" for none.

    >>> day("1982-10-04T00:00:00Z"), day("")
    ('1982-10-04', '')
    """
    return value[:10] if re.match(r"\d{4}-\d\d-\d\d", value) else ""


def plain_name(label: str, country_names: Iterable[str]) -> str:
    """A label less the country a Portuguese monarch's label names after it.

    >>> plain_name("Fahd da Arábia Saudita", ["Arábia Saudita"])
    'Fahd'
    >>> plain_name("Luiz Inácio Lula da Silva", ["Brasil"])
    'Luiz Inácio Lula da Silva'
    """
    for country in country_names:
        for small in ("do", "da", "de", "dos", "das"):
            suffix = f" {small} {country}"
            if label.endswith(suffix):
                return label.removesuffix(suffix)
    return label


def territory_parents() -> dict[str, set[str]]:
    """The ISO 3166-1 entries that ISO 3166-2 also lists as a subdivision of another country
    ("FR-WF": Wallis and Futuna is France's), with those countries; two-letter subdivision
    codes that are only alike ("DE-BY", Bavaria) are told apart by the heads they share."""
    parents: dict[str, set[str]] = {}
    for subdivision in pycountry.subdivisions:
        parent, _, code = subdivision.code.partition("-")
        if len(code) == 2 and code != parent and pycountry.countries.get(alpha_2=code):
            parents.setdefault(code, set()).add(parent)
    return parents


def rows(source: list[dict[str, str]]) -> list[tuple[str, ...]]:
    """The kept rows, one per holder and term, sorted."""
    countries = sorted({row["country"] for row in source}, key=len, reverse=True)
    # the query's labels name countries as the source's own country column does, and a few
    # monarchs after a country of another row ("Carlos III do Reino Unido" for Canada)
    kept: set[tuple[str, ...]] = set()
    for row in source:
        code = alpha2(row["iso3"])
        name = plain_name(row["person"].strip(), countries)
        start, end = day(row["start"]), day(row["end"])
        if code is None or row["role"] not in OFFICES or not name or re.search(r"\d", name) \
                or (code, row["role"]) in EX_OFFICIO:
            continue
        if end and int(end[:4]) < FIRST_YEAR:
            continue
        kept.add((code, row["role"], name, start, end, row["person_qid"]))
    # a territory's head who heads its country in the same office is that country's head
    # ("President Hollande" is France's, not Wallis and Futuna's)
    parents = territory_parents()
    held = {(code, office, qid) for code, office, *_, qid in kept}
    return sorted((code, office, *rest, qid) for code, office, *rest, qid in kept
                  if not any((parent, office, qid) in held for parent in parents.get(code, ())))


def main(argv: list[str] | None = None) -> None:
    """Write the TSV from a saved query result."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="leaders_history.csv of the source")
    parser.add_argument("--out", type=Path, default=DATA / "office_holders.tsv")
    args = parser.parse_args(argv)
    with args.source.open(encoding="utf-8", newline="") as handle:
        source = list(csv.DictReader(handle))
    kept = rows(source)
    with args.out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow(COLUMNS)
        writer.writerows(kept)
    print(f"{args.out}: {len(kept)} terms of {len({r[2] for r in kept})} people")


if __name__ == "__main__":
    main()
