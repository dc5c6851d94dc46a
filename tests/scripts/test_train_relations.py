"""Tests of scripts/train_relations.py: which stories of a copy of Reuters-21578 become silver
examples (a made-up copy: no text of the collection is kept here)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

_ROOT = Path(__file__).resolve().parents[2]
_SPEC = importlib.util.spec_from_file_location(
    "train_relations", _ROOT / "scripts" / "train_relations.py")
assert _SPEC is not None and _SPEC.loader is not None
train_relations = importlib.util.module_from_spec(_SPEC)
sys.modules.setdefault("train_relations", train_relations)
_SPEC.loader.exec_module(train_relations)


def _story(newid: int, title: str, body: str) -> dict[str, object]:
    return {"attrs": {"newid": str(newid)}, "title": title, "dateline": "LONDON, May 1 -",
            "body": body, "date": "1-MAY-1987 10:00:00.00"}


def test_stories_of_a_gold_set_are_passed_over_by_id_and_by_text(tmp_path):
    tune = sorted((_ROOT / "corpus" / "tune" / "reuters21578" / "docs").glob("*.txt"))[0]
    newid = int(tune.stem.split("-")[1])
    title, _, told = tune.read_text(encoding="utf-8").partition("\n\n")
    records = [
        _story(newid, "ANOTHER TITLE", "Another text under the id of a tune story."),
        _story(90001, "WIDGET MAKER NAMES CHIEF", "Acme Corp named Ann Lee its chief. Reuter"),
        _story(90002, title, "The same title as a tune story."),
        _story(90003, "RESENT", told),  # a tune story sent again under another title
        _story(10608, "EXTRA", "A story of the extra evaluation set."),
        _story(90004, "NO BODY", ""),
        _story(90005, "GLOBEX SELLS UNIT", "Globex sold its unit to Initech &lt;INI&gt;.&#3;"),
    ]
    data = tmp_path / "json-data"
    data.mkdir()
    for n in range(22):
        rows = records if n == 0 else []
        (data / f"reut2-{n:03d}.json").write_text(json.dumps(rows), encoding="utf-8")
    chosen, passed = train_relations.silver_stories(tmp_path, 10)
    assert [newid for newid, _ in chosen] == ["90001", "90005"]
    assert passed == 4
    assert chosen[1][1] == ("GLOBEX SELLS UNIT\n\nLONDON, May 1 - "
                            "Globex sold its unit to Initech <INI>.\n")
    assert train_relations.silver_stories(tmp_path, 1)[0] == chosen[:1]
