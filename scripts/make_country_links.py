"""Regenerate ``ingest/data/country_wikidata.tsv``: each ISO 3166-1 entry's Wikidata item.

Run by hand after upgrading the source; the product reads only the TSV file::

    npm pack @rapideditor/country-coder@5.6.1
    python scripts/make_country_links.py rapideditor-country-coder-5.6.1.tgz

Source: ``src/data/borders.json`` of the npm package ``@rapideditor/country-coder`` (ISC
licence), which gives each territory its ISO 3166-1 alpha-2 code (``iso1A2``) and its Wikidata
item (``wikidata``); the Wikidata items themselves are CC0. Only the codes of
``ingest/data/countries.tsv`` are kept, so the two files name the same entries.
"""

from __future__ import annotations

import csv
import json
import sys
import tarfile
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "ingest" / "data"
MEMBER = "package/src/data/borders.json"


def borders(path: Path) -> dict[str, object]:
    """The borders.json of the package tarball (or of a plain JSON file)."""
    if path.suffix == ".json":
        data: dict[str, object] = json.loads(path.read_text(encoding="utf-8"))
        return data
    with tarfile.open(path) as archive:
        member = archive.extractfile(MEMBER)
        if member is None:
            message = f"{path}: no {MEMBER}"
            raise SystemExit(message)
        found: dict[str, object] = json.load(member)
        return found


def links(data: dict[str, object], codes: list[str]) -> list[tuple[str, str]]:
    """``(code, QID)`` for each code that the data gives exactly one Wikidata item."""
    items: dict[str, set[str]] = {}
    features = data.get("features")
    if not isinstance(features, list):
        message = "borders.json: no features"
        raise SystemExit(message)
    for feature in features:
        properties = feature.get("properties") or {}
        code, qid = properties.get("iso1A2"), properties.get("wikidata")
        if code and qid:
            items.setdefault(str(code), set()).add(str(qid))
    return [(code, next(iter(items[code]))) for code in codes if len(items.get(code, ())) == 1]


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    with (DATA / "countries.tsv").open(encoding="utf-8") as stream:
        codes = [row["code"] for row in csv.DictReader(stream, delimiter="\t")]
    rows = links(borders(Path(argv[0])), codes)
    missing = sorted(set(codes) - {code for code, _ in rows})
    with (DATA / "country_wikidata.tsv").open("w", encoding="utf-8", newline="") as stream:
        stream.write("code\twikidata\n")
        for code, qid in rows:
            stream.write(f"{code}\t{qid}\n")
    print(f"{len(rows)} countries linked; none for {', '.join(missing) or 'no code'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
