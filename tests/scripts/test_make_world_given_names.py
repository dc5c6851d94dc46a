"""Tests of scripts/make_world_given_names.py: faker's first names of other countries, less
words, places and the names the census lists know, to the TSV."""

from __future__ import annotations

import importlib.util
import zipfile
from pathlib import Path

_PATH = Path(__file__).resolve().parents[2] / "scripts" / "make_world_given_names.py"
_SPEC = importlib.util.spec_from_file_location("make_world_given_names", _PATH)
assert _SPEC is not None and _SPEC.loader is not None
make_world_given_names = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(make_world_given_names)

FINNISH = """
from collections import OrderedDict
class Provider:
    first_names_male = ("Jyrki", "Frank", "Paris", "Olli-Pekka", "Li")
    first_names_female = OrderedDict((("Aino", 0.5), ("Sirpa", 0.5)))
    first_names = first_names_male + first_names_female
"""
FRENCH = 'class Provider:\n    first_names_male = ["Frédéric", "Dean", "Jyrki"]\n'
ENGLISH = 'class Provider:\n    first_names = ("Wayne", "Kestrel")\n'


def _wheel(folder: Path) -> Path:
    path = folder / "faker-0-py3-none-any.whl"
    with zipfile.ZipFile(path, "w") as archive:
        for locale, text in (("fi_FI", FINNISH), ("fr_FR", FRENCH), ("en_US", ENGLISH)):
            archive.writestr(f"faker/providers/person/{locale}/__init__.py", text)
    return path


def test_first_names_reads_tuples_lists_and_weighted_dicts():
    assert make_world_given_names.first_names(FINNISH) == {
        "Jyrki", "Frank", "Paris", "Olli-Pekka", "Li", "Aino", "Sirpa"}


def test_read_faker_keeps_latin_names_of_non_english_locales_with_folded_forms(tmp_path):
    found = make_world_given_names.read_faker(_wheel(tmp_path))
    assert found["Jyrki"] == {"fi_FI", "fr_FR"}
    assert found["Frederic"] == found["Frédéric"] == {"fr_FR"}
    assert "Wayne" not in found and "Li" not in found  # an English locale; two letters


def test_rejected_drops_words_places_and_census_names_few_locales_share():
    census = {"Dean", "Jacques"}
    words = (frozenset({"islam", "ibrahim"}), frozenset({"frank"}))
    kept = [name for name, locales in (("Jyrki", 1), ("Jacques", 7), ("Dean", 3), ("Frank", 9),
                                       ("Paris", 2), ("Islam", 2), ("Ibrahim", 5))
            if not make_world_given_names.rejected(name, locales, census, words)]
    assert kept == ["Jyrki", "Jacques", "Ibrahim"]
