"""Check a gold annotation file against its documents and the ontology.

Usage: python scripts/check_gold.py GOLD.json DOCS_DIR

Reports every problem on its own line and exits 1 if there is any: unknown types, kinds and
predicates, a subject or object outside the predicate's domain or range (as
``newsgraph.ontology`` reads them from ontology/newsgraph.ttl), names that are not entities,
documents missing from DOCS_DIR or from the gold, and evidence that is not quoted verbatim from
its document (whitespace aside).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from newsgraph.ontology import ENTITY_TYPES, POLICY_KINDS, RELATIONS


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def check(gold_path: Path, docs_dir: Path) -> list[str]:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    problems: list[str] = []
    sigs, policy_kinds = RELATIONS, set(POLICY_KINDS)
    files = {d["file"] for d in gold["documents"]}
    on_disk = {p.name for p in docs_dir.iterdir() if p.is_file()}
    problems += [f"{f}: listed in the gold but not in {docs_dir}" for f in sorted(files - on_disk)]
    problems += [f"{f}: in {docs_dir} but not listed in the gold" for f in sorted(on_disk - files)]
    texts = {f: _squash((docs_dir / f).read_text(encoding="utf-8")) for f in files & on_disk}
    types: dict[str, str] = {}
    for entity in gold["entities"]:
        name, type_ = entity.get("name", ""), entity.get("type")
        if name in types:
            problems.append(f"entity {name!r}: listed twice")
        if type_ not in ENTITY_TYPES:
            problems.append(f"entity {name!r}: unknown type {type_!r}")
        if type_ == "Policy" and entity.get("kind") not in policy_kinds:
            kind = entity.get("kind")
            problems.append(f"entity {name!r}: Policy kind {kind!r} not in the scheme")
        types[name] = type_
    for number, rel in enumerate(gold["relations"], 1):
        triple = " ".join(str(rel.get(k)) for k in ("subject", "predicate", "object"))
        where = f"relation #{number} ({triple})"
        predicate = rel.get("predicate")
        if predicate not in sigs:
            problems.append(f"{where}: unknown predicate")
            continue
        domain, range_ = sigs[predicate]
        subject_type = types.get(rel.get("subject"))
        object_type = "Article" if rel.get("object") == "@article" else types.get(rel.get("object"))
        if subject_type is None:
            problems.append(f"{where}: subject is not an entity name")
        elif subject_type not in domain:
            problems.append(f"{where}: subject is a {subject_type}, not one of {sorted(domain)}")
        if object_type is None:
            problems.append(f"{where}: object is not an entity name")
        elif object_type not in range_:
            problems.append(f"{where}: object is a {object_type}, not one of {sorted(range_)}")
        doc = rel.get("doc")
        if doc not in files:
            problems.append(f"{where}: doc {doc!r} is not a listed document")
        elif doc in texts and _squash(rel.get("evidence", "")) not in texts[doc]:
            problems.append(f"{where}: evidence is not quoted verbatim from {doc}")
    return problems


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    problems = check(Path(argv[0]), Path(argv[1]))
    for line in problems:
        print(line)
    gold = json.loads(Path(argv[0]).read_text(encoding="utf-8"))
    print(
        f"{len(gold['documents'])} documents, {len(gold['entities'])} entities, "
        f"{len(gold['relations'])} relations: {len(problems)} problems",
        file=sys.stderr,
    )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
