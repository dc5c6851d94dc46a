"""Names without NLP: normalised keys, initials and acronyms, and the word sets of the rules.

Nothing here imports spaCy, so resolving, querying and exploring a graph stay light.

>>> name_key("The  Wan-Li\u2019s")
'wan li'
>>> acronym_of("OTB", "US International Ocean Trade Board")
True
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from typing import Any

import pycountry

from newsgraph.ingest.gazetteer import city_of, country_of, demonym_of, is_place, place_key

__all__ = [
    "ACRONYM",
    "WEIGHTS",
    "Lexicon",
    "acronym_of",
    "company_key",
    "company_words",
    "expletive_verbs",
    "given_names",
    "initial_spellings",
    "initials",
    "lexicon",
    "listed_company",
    "listed_short_form",
    "load_jsonl",
    "maker_noun",
    "name_key",
    "noun_forms",
    "party_initials",
    "plain_forms",
    "sets_policy",
    "stopped_forms",
    "subdivisions",
    "undotted",
    "verb_forms",
    "word_family",
    "world_given_names",
]

#: A name written as an acronym: "SMIC", "AT&T".
ACRONYM = re.compile(r"^[A-Z][A-Z&]{1,7}$")
#: Initials written with dots: "U.N.", "J.C." (a final dot may be missing).
_DOTTED = re.compile(r"\b(?:[A-Za-z]\.){2,}(?:[A-Za-z]\b)?|\b(?:[A-Za-z]\.)+[A-Za-z]\b")

#: How much each kind of evidence counts for a type. A name whose best type gathers less than
#: ``keep`` over the corpus is not an entity (a place the reference data does not know, once).
WEIGHTS = {
    "model": 1.0,  # the model labelled the span ORG or PERSON
    "unknown_place": 0.25,  # GPE that is no country or city we know: often a company
    "name": 2.0,  # suffix, head word, acronym, leading place name
    "parse": 2.0,  # a neighbouring noun, a possessed thing, a title
    "surname": 2.0,  # the last name of a person named in full in the document
    # a legal form ("... Inc", "... GmbH"): more than all the parse's votes in a document
    "legal_form": 20.0,
    # an exchange code after the name ("Telenor (TEL.OL)"): what trades on a market is a company
    "listed": 20.0,
    # a reporter credit line ("Reporting by X; Editing by Y"): as sure as a legal form
    "credit_line": 20.0,
    "given_name": 2.0,  # "Given Surname" with a common first name (ingest/data/given_names.tsv)
    "listed_company": 2.0,  # a company the US exchanges list (ingest/data/companies.tsv)
    "keep": 1.0,
}


@dataclass(frozen=True)
class Lexicon:
    """The named word sets of ``ingest/patterns/lexicon.jsonl``.

    >>> "Association" in lexicon().words("org_head")
    True
    """

    sets: dict[str, frozenset[str]]
    folded: dict[str, frozenset[str]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        folded = {name: frozenset(w.casefold() for w in words)
                  for name, words in self.sets.items()}
        object.__setattr__(self, "folded", folded)

    def words(self, name: str) -> frozenset[str]:
        """The words of one set, as written.

        A set that ``lexicon.jsonl`` does not have is an error, never an empty set:

        >>> lexicon().words("org_heads")
        Traceback (most recent call last):
        ...
        KeyError: "no word set 'org_heads' in ingest/patterns/lexicon.jsonl"
        """
        return _named_set(self.sets, name)

    def lower(self, name: str) -> frozenset[str]:
        """The words of one set, casefolded.

        >>> "ceo" in lexicon().lower("role_after")
        True
        """
        return _named_set(self.folded, name)

    def verbs(self, name: str) -> frozenset[str]:
        """Every form of the verbs of one set (:func:`verb_forms`): the pipeline runs no
        lemmatizer, so forms, not lemmas, are compared.

        >>> {"settled", "settles"} <= lexicon().verbs("settling_verb")
        True
        """
        return frozenset(form for lemma in self.lower(name) for form in verb_forms(lemma))


@cache
def company_words() -> frozenset[str]:
    """The words that say a name is a company's, as written: head words, suffixes, legal
    forms and generic words ("Bank", "Holdings", "Corp", "Services").

    >>> {"Corp", "Holdings"} <= company_words()
    True
    """
    lex = lexicon()
    return lex.words("org_head") | lex.words("org_suffix") | lex.words("legal_form") \
        | lex.words("org_generic")


def _named_set(sets: dict[str, frozenset[str]], name: str) -> frozenset[str]:
    try:
        return sets[name]
    except KeyError as error:
        message = f"no word set {name!r} in ingest/patterns/lexicon.jsonl"
        raise KeyError(message) from error


def load_jsonl(name: str) -> list[dict[str, Any]]:
    """The lines of a pattern file, each word family (``{"FORMS_OF": [lemmas]}``) written out
    as the forms of its verbs (``{"IN": [forms]}``, see :func:`verb_forms`)."""
    text = files("newsgraph.ingest").joinpath("patterns", name).read_text(encoding="utf-8")
    return [_with_forms(json.loads(line)) for line in text.splitlines() if line.strip()]


def _with_forms(value: Any) -> Any:
    """``value`` with every ``FORMS_OF`` test turned into the ``IN`` test of the forms.

    >>> _with_forms({"LOWER": {"FORMS_OF": ["ship"], "IN": ["vessel"]}})
    {'LOWER': {'IN': ['ship', 'shipped', 'shipping', 'ships', 'vessel']}}
    """
    if isinstance(value, list):
        return [_with_forms(item) for item in value]
    if not isinstance(value, dict):
        return value
    marks = ("FORMS_OF", "WORDNET")
    found = {key: _with_forms(item) for key, item in value.items() if key not in marks}
    if "FORMS_OF" in value or "WORDNET" in value:
        lemmas = list(value.get("FORMS_OF", []))
        nouns: list[str] = []
        if "WORDNET" in value:
            names = value["WORDNET"]
            added = [pair for name in ([names] if isinstance(names, str) else names)
                     for pair in word_family(name)]
            lemmas += [word for word, pos in added if pos == "v"]
            nouns = [word for word, pos in added if pos == "n"]
        forms = {form for lemma in lemmas for form in verb_forms(lemma)}
        forms |= {form for noun in nouns for form in noun_forms(noun)}
        found["IN"] = sorted(forms | set(found.get("IN", [])))
    return found


@cache
def _word_families() -> dict[str, tuple[tuple[str, str], ...]]:
    """The words WordNet adds to each family, with their part of speech
    (``data/word_families.tsv``, made by ``scripts/make_word_families.py``)."""
    text = files("newsgraph.ingest").joinpath("data", "word_families.tsv").read_text(
        encoding="utf-8")
    found: dict[str, list[tuple[str, str]]] = {}
    for line in text.splitlines()[1:]:
        if line.strip():
            family, word, pos = line.split("\t")[:3]
            found.setdefault(family, []).append((word, pos))
    return {family: tuple(words) for family, words in found.items()}


def word_family(name: str) -> tuple[tuple[str, str], ...]:
    """The words (and their part of speech) WordNet adds to the family a pattern file marks
    with ``"WORDNET": name`` beside its own words.

    >>> ("prohibit", "v") in word_family("banning")
    True
    """
    return _word_families().get(name, ())


def noun_forms(noun: str) -> tuple[str, ...]:
    """A noun and its regular plural, lower case.

    >>> noun_forms("levy"), noun_forms("tax"), noun_forms("curb")
    (('levies', 'levy'), ('tax', 'taxes'), ('curb', 'curbs'))
    """
    word = noun.lower()
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        plural = word[:-1] + "ies"
    elif word.endswith(("s", "x", "z", "ch", "sh")):
        plural = word + "es"
    else:
        plural = word + "s"
    return tuple(sorted({word, plural}))


@cache
def _irregular_forms() -> dict[str, tuple[str, ...]]:
    """The verb forms regular rules do not give, by lemma (``data/verb_forms.tsv``)."""
    text = files("newsgraph.ingest").joinpath("data", "verb_forms.tsv").read_text(
        encoding="utf-8")
    rows = (line.split("\t") for line in text.splitlines()[1:] if line.strip())
    return {lemma: tuple(forms.split(",")) for lemma, forms in rows}


@cache
def verb_forms(lemma: str) -> tuple[str, ...]:
    """Every form of an English verb, lower case: the lemma, its regular inflections and the
    forms spaCy's lemmatizer tables list for it (doubled consonants, irregular pasts).
    Forms no one writes ("selled") may be among them; they match nothing.

    >>> verb_forms("supply")
    ('supplied', 'supplies', 'supply', 'supplying')
    >>> [form for form in verb_forms("ship") if form.startswith("shipp")]
    ['shipped', 'shipping']
    >>> "sold" in verb_forms("sell"), "took" in verb_forms("take"), verb_forms("tie")[-1]
    (True, True, 'tying')
    """
    word = lemma.lower()
    consonant_y = len(word) > 1 and word.endswith("y") and word[-2] not in "aeiou"
    stem = word[:-1] + "i" if consonant_y else word
    third = word + "es" if word.endswith(("s", "x", "z", "ch", "sh", "o")) else (
        stem + "es" if consonant_y else word + "s")
    past = word + "d" if word.endswith("e") else stem + "ed"
    if word.endswith("ie"):
        gerund = word[:-2] + "ying"
    elif word.endswith("e") and not word.endswith(("ee", "ye", "oe")):
        gerund = word[:-1] + "ing"
    else:
        gerund = word + "ing"
    irregular = set(_irregular_forms().get(word, ()))
    doubled = word + word[-1:]
    regular = {word, third,
               past if doubled + "ed" not in irregular else word,
               gerund if doubled + "ing" not in irregular else word}
    return tuple(sorted(regular | irregular))


@cache
def lexicon() -> Lexicon:
    """Load the word sets once; a set marked ``"wordnet": family`` has that family's words
    too (a noun with its plural, a verb as its lemma, as the verb sets are written)."""
    return Lexicon({row["set"]: frozenset(row["terms"]) | _family_terms(row.get("wordnet"))
                    for row in load_jsonl("lexicon.jsonl")})


def _family_terms(name: str | None) -> frozenset[str]:
    """The words a family adds to a word set of ``lexicon.jsonl``.

    >>> sorted(_family_terms("critics"))[:2]
    ['depreciator', 'depreciators']
    """
    if name is None:
        return frozenset()
    return frozenset(form for word, pos in word_family(name)
                     for form in (noun_forms(word) if pos == "n" else (word,)))


@cache
def party_initials() -> dict[str, str]:
    """The parties whose initial follows a politician's name in brackets with a US state
    ("Jane Roe (D-Ohio)"), by that initial (the ``party_initial`` word list).

    >>> party_initials()["D"], party_initials()["R"]
    ('Democratic', 'Republican')
    """
    return {party[0]: party for party in lexicon().words("party_initial")}


def maker_noun(word: str) -> bool:
    """Whether a lower-case common noun is one of the "-maker" words that describe a firm
    ("drugmaker", "planemakers"), not one of the ``maker_person`` words ("policymaker").

    >>> maker_noun("drugmaker"), maker_noun("policymakers"), maker_noun("market")
    (True, False, False)
    """
    return word.endswith(("maker", "makers")) and word not in lexicon().lower("maker_person")


@cache
def stopped_forms() -> frozenset[str]:
    """The legal forms written with a final full stop, which a sentence may end with.

    >>> sorted(stopped_forms())[:3]
    ['Co.', 'Corp.', 'Cos.']
    """
    return frozenset(f for f in lexicon().words("legal_form")
                     if f.endswith(".") and "." not in f[:-1] and len(f) > 2)


@cache
def expletive_verbs() -> frozenset[str]:
    """The forms of the ``expletive_verb`` word set: verbs whose subject "it" may refer to
    nothing.

    >>> {"is", "seems", "rained"} <= expletive_verbs(), "bought" in expletive_verbs()
    (True, False)
    """
    return lexicon().verbs("expletive_verb")


@cache
def plain_forms() -> frozenset[str]:
    """The legal forms never written with a final full stop: a stop after one ends a sentence.

    >>> "SpA" in plain_forms(), "Inc" in plain_forms()
    (True, False)
    """
    forms = lexicon().words("legal_form")
    return frozenset(f for f in forms if "." not in f and f"{f}." not in forms)


@cache
def given_names() -> frozenset[str]:
    """Common first names (1990 US Census lists, see ``ingest/data/README.md``), as written
    in title case.

    >>> "James" in given_names(), "Morgan" in given_names()
    (True, False)
    """
    return _first_column("given_names.tsv")


@cache
def world_given_names() -> frozenset[str]:
    """First names of other countries than the US that the census lists miss ("Jyrki",
    "Helmut", "Kofi"), in title case (``ingest/data/world_given_names.tsv``, see
    ``ingest/data/README.md``); no English word, place or listed company among them.

    >>> "Jyrki" in world_given_names(), "James" in world_given_names()
    (True, False)
    """
    return _first_column("world_given_names.tsv")


def _first_column(table: str) -> frozenset[str]:
    """The first column of a table of ``ingest/data`` with a header line."""
    text = files("newsgraph.ingest").joinpath("data", table).read_text(encoding="utf-8")
    return frozenset(line.split("\t")[0] for line in text.splitlines()[1:] if line)


def company_key(name: str) -> str:
    """A company's name as :func:`name_key` reads it, less the legal forms and corporate words
    that end it: the exchanges' "NVIDIA Corporation" and the news's "Nvidia" are one.

    >>> company_key("NVIDIA Corporation"), company_key("Alibaba Group Holding Limited")
    ('nvidia', 'alibaba')
    >>> company_key("Taiwan Semiconductor Manufacturing Co., Ltd."), company_key("Novo Nordisk A/S")
    ('taiwan semiconductor manufacturing', 'novo nordisk')
    >>> company_key("Eli Lilly and Company")
    'eli lilly'

    """
    words = name_key(name).split()
    while len(words) > 1:
        cut = next((len(end) for end in _company_ends() if len(end) < len(words)
                    and tuple(words[-len(end):]) == end), 0)
        if not cut:
            break
        del words[-cut:]
        while len(words) > 1 and words[-1] in ("and", "&"):  # "Eli Lilly and Company"
            words.pop()
    return " ".join(words)


@cache
def _company_ends() -> tuple[tuple[str, ...], ...]:
    """The legal forms and corporate words that may end a company's name, as word keys
    ("A/S": ("a", "s")), the longest first."""
    lex = lexicon()
    ends = {tuple(name_key(w).split()) for w in lex.words("legal_form") | lex.words("org_suffix")
            | lex.words("org_generic")}
    return tuple(sorted((e for e in ends if e), key=lambda e: (-len(e), e)))


@cache
def _listed_companies() -> frozenset[str]:
    text = files("newsgraph.ingest").joinpath("data", "companies.tsv").read_text(
        encoding="utf-8")
    keys = set()
    for line in text.splitlines()[1:]:
        name = line.partition("\t")[2]
        key = company_key(name)
        # a place's or a first name's word says nothing of a company ("Texas", "Jack")
        if len(key) > 2 and not (country_of(key) or demonym_of(key) or city_of(key)
                                 or is_place(key) or key.title() in given_names()):
            keys.add(key)
    return frozenset(keys)


def listed_company(name: str) -> bool:
    """Whether ``name`` is the name of a company whose shares trade on a US exchange
    (``ingest/data/companies.tsv``), its legal form and corporate words aside.

    >>> listed_company("Novo Nordisk"), listed_company("Toyota Motor Corp")
    (True, True)
    >>> listed_company("Jane Doe")
    False
    """
    return company_key(name) in _listed_companies()


def listed_short_form(word: str) -> str | None:
    """The key of the one listed company whose name of several words begins with the one-word
    name key ``word`` ("ford": "ford motor"), if the exchanges list exactly one such company
    and none named ``word`` alone; else None.

    >>> listed_short_form("ford"), listed_short_form("general")
    ('ford motor', None)
    """
    if word in _listed_companies():
        return None
    found = _listed_by_first_word().get(word, ())
    return next(iter(found)) if len(found) == 1 else None


@cache
def _listed_by_first_word() -> dict[str, frozenset[str]]:
    """The keys of listed companies of several words, by their first word."""
    found: dict[str, set[str]] = {}
    for key in _listed_companies():
        if " " in key:
            found.setdefault(key.split()[0], set()).add(key)
    return {word: frozenset(keys) for word, keys in found.items()}


@cache
def subdivisions() -> frozenset[str]:
    """Keys of ISO 3166-2 subdivision names (states, provinces): places, not entities."""
    names = set()
    for sub in pycountry.subdivisions:
        for name in (sub.name, *_romanised_division(sub.name)):
            names.add(place_key(name))
            names.add(place_key(f"{name} {sub.type}"))
    return frozenset(names)


def _romanised_division(name: str) -> tuple[str, ...]:
    """A Chinese province's or municipality's name as English writes it, without the word for
    province or city that ISO 3166-2 romanises ("Guizhou Sheng", "Chongqing Shi")."""
    words = name.split()
    return (" ".join(words[:-1]),) if len(words) > 1 and words[-1] in ("Sheng", "Shi") else ()


def sets_policy(name: str) -> bool:
    """Whether an organisation of this name sets policy: a government body, a regulator, a
    union of states, an association of an industry, or a name in capitals ("SEC", "OPEC");
    not a company ("Airbus SA", "Google").

    >>> [sets_policy(n) for n in ("U.S. Commerce Department", "OPEC", "Airbus SA", "Google")]
    [True, True, False, False]
    """
    lex = lexicon()
    words = {w.strip(".,'()").casefold() for w in name.split()}
    return bool(words & (lex.lower("government_body_head") | lex.lower("policy_maker"))) \
        or (name.isupper() and " " not in name)


def undotted(text: str) -> str:
    """Initials written with dots read as one word: "U.N." as "UN", "J.C. Flowers" as
    "JC Flowers"; a single initial ("Jane Q. Smith") stays.

    >>> undotted("U.N."), undotted("J.C. Flowers"), undotted("Jane Q. Smith"), undotted("U.S")
    ('UN', 'JC Flowers', 'Jane Q. Smith', 'US')
    """
    return _DOTTED.sub(lambda m: m.group().replace(".", ""), text)


def name_key(name: str) -> str:
    r"""A spelling-insensitive key for a name; initials with dots read as without them.

    >>> name_key("The  Wan-Li\u2019s")
    'wan li'
    >>> name_key("U.N.") == name_key("UN")
    True
    >>> name_key("C++ Foundation"), name_key("C# Foundation"), name_key("C Foundation")
    ('c plus plus foundation', 'c sharp foundation', 'c foundation')
    """
    text = undotted(unicodedata.normalize("NFKC", name).replace("\u2019", "'"))
    text = re.sub(r"'s?$", "", text.strip())
    # "C++" and "C#" are not "C": the signs that tell such names apart are spelt out
    text = re.sub(r"(?<=\w)#", " sharp", text.replace("+", " plus "))
    text = re.sub(r"[^\w\s]", " ", text.casefold())
    words = text.split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def initials(name: str, *, skip: Iterable[str] | None = None) -> str:
    """The capitals of a name's words, the small words skipped (by default the lexicon's
    ``initials_skip``).

    >>> initials("Pacific Robotics International Corp.")
    'PRIC'
    >>> initials("Council for the Promotion of Fair Trade")
    'CPFT'
    """
    small = lexicon().lower("initials_skip") if skip is None else frozenset(skip)
    words = [w for w in re.split(r"[\s\-]+", name) if w and w.casefold() not in small]
    return "".join(w[0].upper() for w in words if w[0].isalnum())


def initial_spellings(name: str) -> tuple[str, ...]:
    """Each way an acronym may spell a name: its :func:`initials`, then, where they differ,
    the initials with a dotted abbreviation spelt out ("U.K." gives "UK") and with the small
    words of a name of several words read too ("Department of Justice" is "DOJ").

    >>> initial_spellings("Department of Justice")
    ('DJ', 'DOJ')
    >>> initial_spellings("U.K. Independence Party")
    ('UIP', 'UKIP')
    >>> initial_spellings("Robot Makers Association")
    ('RMA',)
    """
    small = lexicon().lower("initials_skip")
    words = [w for w in re.split(r"[\s\-]+", undotted(name)) if w and w[0].isalnum()]

    def spelt(read_small: bool) -> str:
        return "".join(
            w if w.isupper() and w.isalpha() and len(w) <= 4
            else w[0].upper() for w in words if read_small or w.casefold() not in small)

    found = [initials(name)]
    for form in (spelt(False), spelt(True)) if len(words) > 1 else ():
        if form not in found and len(form) <= 6:
            found.append(form)
    return tuple(found)


def acronym_of(acronym: str, name: str) -> bool:
    """Whether ``acronym`` abbreviates ``name`` or the last words of it.

    >>> acronym_of("OTB", "US International Ocean Trade Board")
    True
    >>> acronym_of("RMA", "Robot Makers Associations")
    True
    >>> acronym_of("EU", "Eastfield University Press")
    False
    >>> acronym_of("DOT", "Department of Transportation")
    True
    """
    letters = acronym.replace("&", "")
    if len(letters) < 2:
        return False
    full, *others = initial_spellings(name)
    return full == letters or (len(letters) >= 3 and full.endswith(letters)) or letters in others
