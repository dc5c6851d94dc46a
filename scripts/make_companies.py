"""Regenerate ``ingest/data/companies.tsv``: the companies whose shares trade on US exchanges.

The lists are NASDAQ's symbol directory (``nasdaqlisted.txt``, ``otherlisted.txt``: every
security listed on NASDAQ, the NYSE and the other US exchanges), as kept by the Data Packages
``datasets/nasdaq-listings`` and ``datasets/nyse-other-listings`` on GitHub (PDDL 1.0; the
source's own copyright notice is NASDAQ's: see ``ingest/data/README.md``). Nothing is
downloaded when this runs, and the product reads only the TSV::

    git clone https://github.com/datasets/nasdaq-listings /tmp/nasdaq-listings
    git clone https://github.com/datasets/nyse-other-listings /tmp/nyse-other-listings
    python scripts/make_companies.py /tmp/nasdaq-listings/data/nasdaq-listed-symbols.csv \\
        /tmp/nyse-other-listings/data/other-listed.csv

A company is kept once, by the name its common or ordinary shares (or the depositary shares
of a foreign company) are listed under, less the words that describe the security: funds,
ETFs, test issues, warrants, rights, units, notes and preferred shares are left out. The TSV
holds the symbol and that name ("NVO", "Novo Nordisk A/S"); the product compares names with
``newsgraph.ingest.gazetteer.company_key``.
"""

from __future__ import annotations

import argparse
import csv
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "ingest" / "data"

#: What describes the shares rather than the company, from where it starts in the name.
_SECURITY = re.compile(
    r"\s*(?:-\s*)?\b(?:Class [A-Z]\b|Series [A-Z]\b|Common Stock|Common Shares?|Ordinary Shares?"
    r"|American Depositary|American Depository|Sponsored\b|New York Registry|NY Registry"
    r"|Ord Shares|ADRs?\b|ADSs?\b|Capital Stock"
    r"|New Common|Shares of Beneficial|Subordinate Voting|Voting Shares?|Depositary Shares?"
    r"|Registered Shares?|Units?\b|Warrants?\b|Rights?\b)", re.IGNORECASE)
#: Securities that are no share of a company.
_NOT_SHARES = re.compile(
    r"\b(?:ETF|ETN|Fund|Funds|Warrants?|Rights?|Units?|Notes?|Debentures?|Pfd|Preferred"
    r"|Bonds?|Trust Certificates?|Index|Portfolio|Acquisition Corp|Acquisition Company"
    r"|Acquisition Inc|Acquisition Corporation|When Issued)\b|%|\$", re.IGNORECASE)
#: Marks in a listed name that are no part of the company's name: "(The)", "(MD)".
_MARKS = re.compile(r"\s*\((?:The|[A-Z]{2}|[A-Z][a-z]+)\)")


def company_name(security: str) -> str | None:
    """The company's name in the name of its listed shares, or None for what is no share.

    >>> company_name("Novo Nordisk A/S Common Stock")
    'Novo Nordisk A/S'
    >>> company_name("Zhihu Inc. American Depositary Shares, each representing three Class A")
    'Zhihu Inc.'
    >>> company_name("Gabelli Equity Trust, Inc. (The) Pfd Ser H") is None
    True
    >>> company_name("Rocket Pharmaceuticals, Inc. - Common Stock")
    'Rocket Pharmaceuticals, Inc.'
    >>> company_name("Taiwan Semiconductor Manufacturing Company Ltd.")
    'Taiwan Semiconductor Manufacturing Company Ltd.'
    """
    security = " ".join(security.split())
    found = _SECURITY.search(security)
    if found is not None and found.start() == 0:
        return None
    name = security if found is None else security[:found.start()]
    name = _MARKS.sub("", name).strip(" ,-")
    if _NOT_SHARES.search(security) or not re.search(r"[A-Za-z]{2}", name):
        return None
    return name


def read_listings(paths: Iterable[Path]) -> Iterator[tuple[str, str]]:
    """(symbol, security name) of each listed security that is no ETF and no test issue."""
    for path in paths:
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                symbol = row.get("Symbol") or row.get("ACT Symbol") or ""
                if row.get("ETF") == "Y" or row.get("Test Issue") == "Y" or not symbol:
                    continue
                yield symbol.strip(), (row.get("Security Name") or "").strip()


def rows(listings: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """(symbol, company name), one per company name (its first symbol in order), by name."""
    kept: dict[str, str] = {}
    for symbol, security in sorted(listings):
        name = company_name(security)
        if name is not None and name not in kept:
            kept[name] = symbol
    return sorted(((symbol, name) for name, symbol in kept.items()), key=lambda r: r[1])


def main(argv: list[str] | None = None) -> None:
    """Write ``companies.tsv``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("listings", type=Path, nargs="+",
                        help="nasdaq-listed-symbols.csv, other-listed.csv")
    parser.add_argument("--out", type=Path, default=DATA / "companies.tsv")
    args = parser.parse_args(argv)
    with args.out.open("w", encoding="utf-8", newline="\n") as out:
        out.write("symbol\tname\n")
        for symbol, name in rows(read_listings(args.listings)):
            out.write(f"{symbol}\t{name}\n")


if __name__ == "__main__":
    main()
