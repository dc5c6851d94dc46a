"""Tests of scripts/make_verb_forms.py, and of the verb classes of the pattern files."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from newsgraph.ingest.names import load_jsonl, verb_forms

_PATH = Path(__file__).resolve().parents[2] / "scripts" / "make_verb_forms.py"
_SPEC = importlib.util.spec_from_file_location("make_verb_forms", _PATH)
assert _SPEC is not None and _SPEC.loader is not None
make_verb_forms = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(make_verb_forms)


def test_the_table_is_turned_round_by_lemma():
    table = {"sold": ["sell"], "shipped": ["ship"], "shipping": ["ship"], "ran": ["run"],
             "lay": ["lie", "lay"], "about-shipped": ["about ship"], "sell": ["sell"]}
    assert make_verb_forms.tsv(table) == (
        "lemma\tforms\nlie\tlay\nrun\tran\nsell\tsold\nship\tshipped,shipping\n")


def test_the_shipped_file_is_what_the_model_gives():
    assert make_verb_forms.main(["--check"]) == 0


def test_regular_and_listed_forms():
    assert verb_forms("acquire") == ("acquire", "acquired", "acquires", "acquiring")
    assert verb_forms("levy") == ("levied", "levies", "levy", "levying")
    assert verb_forms("tax") == ("tax", "taxed", "taxes", "taxing")
    assert verb_forms("tie") == ("tie", "tied", "ties", "tying")
    assert {"ran", "running"} <= set(verb_forms("run"))
    assert "runing" not in verb_forms("run")


def test_a_verb_class_is_read_as_every_form_of_its_lemmas():
    triggers = [line for line in load_jsonl("trade.jsonl") if line.get("label") == "supply"]
    words = set(triggers[0]["pattern"][0]["LOWER"]["IN"])
    assert {"supply", "supplies", "supplied", "supplying", "sold", "shipping", "delivering"} \
        <= words
    assert not any("FORMS_OF" in str(line) for name in ("trade.jsonl", "roles.jsonl")
                   for line in load_jsonl(name))
