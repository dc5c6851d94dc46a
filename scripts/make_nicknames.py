"""Regenerate ``ingest/data/nicknames.tsv`` from the hand-curated English nickname list.

The list is Carlton Northern and Nick Crews's ``names.csv`` (Apache-2.0), as shipped in the
PyPI package ``nicknames`` 1.0.1, so nothing is downloaded when it runs and the product reads
only the TSV::

    pip download nicknames==1.0.1 --no-deps -d /tmp/nicknames
    python scripts/make_nicknames.py /tmp/nicknames/nicknames-1.0.1-py3-none-any.whl

Each row of the TSV is a given name and one of its nicknames, in lower case ("richard",
"rick"), sorted.
"""

from __future__ import annotations

import argparse
import csv
import io
import zipfile
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "ingest" / "data"
MEMBER = "nicknames/names.csv"


def read_pairs(wheel: Path) -> list[tuple[str, str]]:
    """The (name, nickname) pairs of the package's ``names.csv``."""
    with zipfile.ZipFile(wheel) as archive:
        text = archive.read(MEMBER).decode("utf-8")
    return parse_pairs(text)


def parse_pairs(text: str) -> list[tuple[str, str]]:
    """``name1,relationship,name2`` rows as sorted (name, nickname) pairs.

    >>> parse_pairs("name1,relationship,name2\\nrichard,has_nickname,rick\\n")
    [('richard', 'rick')]
    """
    rows = csv.DictReader(io.StringIO(text))
    return sorted({(r["name1"].strip().lower(), r["name2"].strip().lower()) for r in rows
                   if r["relationship"] == "has_nickname" and r["name1"] and r["name2"]})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("wheel", type=Path, help="nicknames-1.0.1-py3-none-any.whl")
    parser.add_argument("--out", type=Path, default=DATA / "nicknames.tsv")
    args = parser.parse_args()
    pairs = read_pairs(args.wheel)
    lines = ["name\tnickname", *(f"{name}\t{nick}" for name, nick in pairs)]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{args.out}: {len(pairs)} pairs")


if __name__ == "__main__":
    main()
