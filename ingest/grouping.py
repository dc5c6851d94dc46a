"""Mentions of one thing within a document grouped into one entity, under its fullest name.

>>> group_mentions([("Jane Smith", "PERSON"), ("Smith", "PERSON")])
[0, 0]
>>> from collections import Counter
>>> fullest_name(Counter(["RMA", "Robot Makers Association", "Robot Makers"]))
'Robot Makers Association'
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from networkx.utils import UnionFind

from newsgraph.ingest.gazetteer import country_of, demonym_of
from newsgraph.ingest.names import (
    ACRONYM,
    given_names,
    initial_spellings,
    lexicon,
    listed_company,
    listed_short_form,
    name_key,
    undotted,
)
from newsgraph.ontology import EntityType

__all__ = ["fullest_name", "group_mentions", "one_edit", "surname_with_particles"]

_PERSON_LABELS = ("PERSON", EntityType.PERSON)  # the model's label, or our type


def group_mentions(
    mentions: Sequence[tuple[str, str]], *, same: Iterable[tuple[int, int]] = (),
    apart: Iterable[tuple[int, int]] = (),
) -> list[int]:
    """Group the (surface form, model label or type) mentions of one document.

    Returns, for each mention, the index of its group's first mention. Mentions of one
    name join (initials with and without dots are one name: "U.N." = "UN"). So do, within the
    document:

    * a short name and the one longer name it begins ("Wanli" = "Wanli Optics Ltd"; a
      longer name that extends another counts as that one), unless the words added may name
      another company ("Globex SDI") or a body inside it ("Senate Banking Committee"), or the
      short name is a person's or a country's; a name the model took for a person joins only
      a longer name with a legal form ("Acme" = "Acme Inc");
    * a government body with and without its country ("US Senate" = "Senate", "US EXB" =
      "EXB"), unless the document qualifies it with two countries;
    * a person's first name, surname or leading names and the one person named in full with
      them ("Smith", "Jane" = "Jane Smith"), a first name only when no organisation's name
      begins with it, a name of a listed company only where the model took it for a person's
      ("Dell said it" is the company, not "Michael Dell");
    * an acronym and the one name whose initials it is, as written, less its legal forms or
      less a leading country ("RMA"; "GM" = "General Motors Co"; "EPA" = "US Environmental
      Protection Agency"), small words and abbreviations spelt out or not ("DOJ" =
      "Department of Justice", "UKIP" = "U.K. Independence Party");
    * a head word alone and the one name that ends with it ("Commission");
    * a name and the one other name it misspells: one word of at least six letters a
      letter short or long (at its end only an "s"), or with two letters swapped (eight
      letters for one letter in place of another), the other words the same, or a name of
      one word and the one longer name whose first word it so misspells ("Hoechts AG" =
      "Hoechst AG", "Peidmont Aviation Inc" = "Piedmont"), both a person's or neither;
    * a company name and its forms that only add corporate words ("Globex" = "Globex
      Technologies Co. Ltd", "Vela" = "Vela and Co"), a research arm and its firm ("Globex
      Research Institute").

    ``same`` are pairs of mentions (by index) the text says are one, such as an acronym
    defined beside its name; ``apart`` are pairs it says are two, such as a company and the
    unit it names after it ("Globex said its unit Globex Optics ..."): no rule, nor ``same``,
    puts their names in one group. Mentions of one name are always one group.

    >>> group_mentions([("Jane Smith", "PERSON"), ("Smith", "ORG"), ("Globex", "ORG"),
    ...                 ("Globex Technologies Co.", "ORG"), ("RMA", "ORG"),
    ...                 ("Robot Makers Association", "ORG")])
    [0, 0, 2, 2, 4, 4]
    >>> group_mentions([("Wanli Optics", "ORG"), ("Wanli", "ORG"), ("EXB", "ORG"),
    ...                 ("US EXB", "ORG"), ("Acme Research Institute", "ORG"), ("Acme", "ORG")])
    [0, 0, 2, 2, 4, 4]
    >>> board = [("US International Ocean Trade Board", "ORG"), ("OTB", "ORG")]
    >>> group_mentions(board), group_mentions(board, same=[(1, 0)])
    ([0, 1], [0, 0])
    >>> group_mentions([("Wanli", "ORG"), ("Wanli Optics", "ORG")], apart=[(1, 0)])
    [0, 1]
    """
    names = _names_of(mentions, apart)
    sets = _Groups(names)
    for i, key in enumerate(names.keys):  # one name
        sets.union(names.first[key], i)
    for key, i in names.first.items():
        personal = _personal(names, key, i)
        found = [_begun_name(names, key, i, legal_only=personal)]
        if not personal:
            found += [_country_qualified(names, key), _research_arm(names, key)]
        if personal or not listed_company(key):  # "Dell said it" is not Michael Dell
            found.append(_person_part(names, key))
        found += [_acronym(names, i), _head_alone(names, key, i), _ending_name(names, key, i),
                  _misspelt(names, key, i)]
        for target in found:
            if target is not None:
                sets.union(target, i)
    for key, i in names.first.items():
        target = _corporate_base(names, sets, key, i)  # reads the groups made so far
        if target is not None:
            sets.union(target, i)
    for a, b in same:
        sets.union(a, b)
    group_first: dict[int, int] = {}  # a set's name (any member) -> its first mention
    return [group_first.setdefault(sets[i], i) for i in range(len(mentions))]


class _Groups:
    """Mentions in disjoint sets (networkx's union-find) that never join two names the text
    keeps apart."""

    def __init__(self, names: _Names) -> None:
        self._sets = UnionFind(range(len(names.keys)))
        self._apart = names.apart
        self._held = {i: {key} for i, key in enumerate(names.keys)}  # a set's name -> its names

    def __getitem__(self, i: int) -> int:
        root: int = self._sets[i]
        return root

    def union(self, a: int, b: int) -> None:
        """Join the sets of mentions ``a`` and ``b`` unless they hold names kept apart."""
        root_a, root_b = self._sets[a], self._sets[b]
        if root_a == root_b:
            return
        held_a, held_b = self._held[root_a], self._held[root_b]
        if self._apart and any(frozenset((x, y)) in self._apart
                               for x in held_a for y in held_b):
            return
        self._sets.union(root_a, root_b)
        del self._held[root_a], self._held[root_b]
        self._held[self._sets[root_a]] = held_a | held_b


@dataclass(frozen=True)
class _Names:
    """What the rules read about the names of a document's mentions; a name is its key."""

    mentions: Sequence[tuple[str, str]]  # (surface form, label)
    keys: list[str]  # each mention's name key
    first: dict[str, int]  # a name -> its first mention
    people: set[str]  # names labelled a person more often than not
    others: set[str]  # names labelled something else more often than not
    full_people: dict[str, set[str]]  # a surname -> the people named in full with it
    given: dict[str, set[str]]  # a first name -> the people (by label) named in full with it
    by_initials: dict[str, dict[str, tuple[int, int]]]  # initials -> the names they spell
    shorter: dict[str, set[str]]  # a name -> the longer ones that only add corporate words
    starts: dict[str, set[str]]  # a name -> the longer ones it begins (without their country)
    ends: dict[str, set[str]]  # a word -> the organisations' names it ends, corporate words aside
    base: dict[str, str]  # a name -> its words without a leading country or corporate words
    qualified: dict[str, tuple[str, str]]  # a body's name -> (its country, the name without)
    legal: set[str]  # names that end with a legal form ("Globex Inc")
    apart: frozenset[frozenset[str]]  # pairs of names the text says are two things


def _names_of(mentions: Sequence[tuple[str, str]], apart: Iterable[tuple[int, int]]) -> _Names:
    keys = [name_key(text) for text, _ in mentions]
    first: dict[str, int] = {}
    for i, key in enumerate(keys):
        first.setdefault(key, i)
    personal: Counter[str] = Counter()
    full_people: dict[str, set[str]] = defaultdict(set)
    for key, (text, label) in zip(keys, mentions, strict=True):
        personal[key] += 1 if label in _PERSON_LABELS else -1
        if label in _PERSON_LABELS and " " in key:
            full_people[_surname_of(key)].add(key)
            if (surname := surname_with_particles(key)) is not None:
                full_people[surname].add(key)
            if "-" in (last := text.split()[-1]) and " " in name_key(last):
                full_people[name_key(last)].add(key)  # "Vane-Tallis", keyed "vane tallis"
    people = {key for key, balance in personal.items() if balance > 0}
    others = {key for key, balance in personal.items() if balance < 0}
    given: dict[str, set[str]] = defaultdict(set)
    for key in people:
        if " " in key:
            given[key.split()[0]].add(key)
    texts = {key: mentions[i][0] for key, i in first.items()}
    qualified = {key: found for key, text in texts.items()
                 if (found := _without_country(text)) is not None}
    legal = {key for key, text in texts.items() if _legal_form(text)}
    base = {key: _corporate_stem(qualified[key][1] if key in qualified else key) for key in texts}
    return _Names(mentions, keys, first, people, others, full_people, given, _initials_index(texts),
                  *_longer_names(texts, qualified), _last_words(texts), base, qualified, legal,
                  frozenset(frozenset((keys[a], keys[b])) for a, b in apart if keys[a] != keys[b]))


def _personal(names: _Names, key: str, i: int) -> bool:
    """Whether a name is read as a person's: labelled one more often than not, or, as often
    as not, at its first mention ("Cruise" the model took for a person in three mentions of
    seven is the company "Cruise Automation")."""
    return key in names.people \
        or (key not in names.others and names.mentions[i][1] in _PERSON_LABELS)


def _surname_of(key: str) -> str:
    """The last word of a person's name key before a generational suffix ("jane smith jr")."""
    suffixes = lexicon().lower("person_suffix")
    words = key.split()
    while len(words) > 2 and words[-1] in suffixes:
        words.pop()
    return words[-1]


def surname_with_particles(key: str) -> str | None:
    """A person's surname from the small words that begin it ("ursula von der leyen": "von
    der leyen"), if it has any.

    >>> surname_with_particles("ursula von der leyen"), surname_with_particles("jane smith")
    ('von der leyen', None)
    """
    small = lexicon().lower("person_particle")
    words = key.split()
    for k in range(1, len(words) - 1):
        if words[k] in small:
            return " ".join(words[k:])
    return None


def _longer_names(
    texts: dict[str, str], qualified: dict[str, tuple[str, str]]
) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """For each name, the longer names that only add corporate words to it, and the longer
    names it begins, read with and without a leading country."""
    lex = lexicon()
    generic = lex.lower("org_generic") | lex.lower("org_suffix")
    shorter: dict[str, set[str]] = defaultdict(set)
    starts: dict[str, set[str]] = defaultdict(set)
    for key in texts:
        words = key.split()
        for cut in range(1, len(words)):
            if all(w in generic for w in words[cut:]):
                shorter[" ".join(words[:cut])].add(key)
        for form in {key, qualified[key][1] if key in qualified else key}:
            words = form.split()
            for cut in range(1, len(words)):
                starts[" ".join(words[:cut])].add(key)
    return shorter, starts


def _last_words(texts: dict[str, str]) -> dict[str, set[str]]:
    """For each word, the names of several words it ends, their legal forms and corporate
    words aside ("kodak": "eastman kodak co"; "lilly": "eli lilly and co"), unless it is a
    word of those ("group") or follows "of" ("bank of tokyo")."""
    lex = lexicon()
    common = lex.lower("org_generic") | lex.lower("org_suffix") | lex.lower("org_head") \
        | lex.lower("legal_form")
    ends: dict[str, set[str]] = defaultdict(set)
    for key in texts:
        words = _corporate_stem(key).split()
        if len(words) > 1 and words[-1] not in common and words[-2] not in _LINKING_WORDS \
                and words[-1].isalpha():
            ends[words[-1]].add(key)
    return ends


#: Initials before a surname: "W.R.", "J."
_INITIALS = re.compile(r"^(?:[A-Z]\.)+[A-Z]?$")
#: Words before the last word of a name that make it what the name is of ("Bank of Tokyo").
_LINKING_WORDS = frozenset({"of", "for", "on", "in", "at", "and", "&"})


def _initials_index(texts: dict[str, str]) -> dict[str, dict[str, tuple[int, int]]]:
    """Initials -> the names of several words they spell, each with how it is read: by which
    of its :func:`initial_spellings` (the plain initials first), and how far, 0 as written,
    1 less trailing legal forms ("GM" for "General Motors Co"), 2 less a leading country as
    well ("EPA" for "US Environmental Protection Agency")."""
    by_initials: dict[str, dict[str, tuple[int, int]]] = defaultdict(dict)
    for key, text in texts.items():
        for reach, form in _initial_forms(text):
            if len(form.split()) > 1:
                for spelling, letters in enumerate(initial_spellings(form)):
                    found = by_initials[letters]
                    found[key] = min(found.get(key, (spelling, reach)), (spelling, reach))
    return by_initials


def _initial_forms(text: str) -> list[tuple[int, str]]:
    """A name as written, less each tail of legal forms, and, for a body named with its
    country, less the country too; each with how far it is read from the name."""
    forms = [(0, text)]
    words = text.split()
    country = _country_prefix(words)
    if country is not None and _without_country(text) is not None:
        forms.append((2, " ".join(words[country[1]:])))
    legal = lexicon().words("legal_form")
    for reach, form in list(forms):
        words = form.replace(",", " ").split()
        while len(words) > 1 and words[-1] in legal:
            words.pop()
            forms.append((max(reach, 1), " ".join(words)))
    return forms


def _legal_form(text: str) -> bool:
    """Whether a name of several words ends with a legal form ("Globex Inc.", "Vela AG").

    >>> _legal_form("Globex Inc."), _legal_form("Inc."), _legal_form("Globex Motors")
    (True, False, False)
    """
    words = text.replace(",", " ").split()
    return len(words) > 1 and words[-1] in lexicon().words("legal_form")


def _organisation_head(text: str) -> bool:
    """Whether a name of several words ends with a word that makes it an organisation's
    ("Kynikos Associates", "Siris Capital Group", "Balboa Bank & Trust"), not a public body's,
    or begins with another language's company word ("Gruppo Vela").

    >>> [_organisation_head(n) for n in ("Siris Capital Group", "Group", "Reagan Administration",
    ...                                  "Gruppo Vela")]
    [True, False, False, True]
    """
    words = text.replace(",", " ").split()
    if len(words) > 1 and words[0] in lexicon().words("foreign_org_word"):
        return True
    # a person's name before a public body's head is whose it is ("Reagan Administration")
    return len(words) > 1 and words[-1] in lexicon().words("org_head") \
        and words[-1].lower() not in lexicon().lower("public_body")


def _corporate_stem(key: str) -> str:
    """A name key without its trailing corporate words ("globex technologies co" → "globex",
    "vela and co" → "vela")."""
    lex = lexicon()
    generic = lex.lower("org_generic") | lex.lower("org_suffix")
    words = key.split()
    while len(words) > 1 and words[-1] in generic:
        words.pop()
        if len(words) > 1 and words[-1] == "and":  # "vela and co"
            words.pop()
    return " ".join(words)


def _country_prefix(words: list[str]) -> tuple[str, int] | None:
    """The country that the first one or two words name, and how many words that is."""
    for size in (2, 1):
        if len(words) > size:
            head = " ".join(words[:size])
            country = country_of(head) or (demonym_of(head) if head[:1].isupper() else None)
            if country:
                return country, size
    return None


def _without_country(text: str) -> tuple[str, str] | None:
    """A government body's (or an acronym's) country and name without it: "US Senate" →
    ("United States", "senate"); None for other names ("China X Association").

    >>> _without_country("U.S. House of Representatives"), _without_country("US EXB")
    (('United States', 'house of representatives'), ('United States', 'exb'))
    >>> _without_country("China Chip Makers Association") is None
    True
    """
    raw = text.split()
    found = _country_prefix(raw)
    if found is None:
        return None
    rest = raw[found[1]:]
    lowered = [w.casefold() for w in rest]
    head = lowered[lowered.index("of") - 1] if "of" in lowered[1:] else lowered[-1]
    lex = lexicon()
    if ACRONYM.match(undotted(" ".join(rest))) or rest[0] in lex.words("org_head_incomplete") \
            or head in lex.lower("government_body_head"):
        return found[0], name_key(" ".join(rest))
    return None


def _country_qualified(names: _Names, key: str) -> int | None:
    """"US Senate" = "Senate" = "United States Senate": a body named with a leading country
    joins the one named without it (or, with none, the first named with that country) when
    no other country qualifies that name in the document."""
    if key not in names.qualified:
        return None
    country, bare = names.qualified[key]
    same = [k for k, (c, b) in names.qualified.items() if b == bare]
    if any(names.qualified[k][0] != country for k in same):
        return None
    if bare in names.first and bare not in names.people:
        return names.first[bare]
    return min(names.first[k] for k in same)


def _research_arm(names: _Names, key: str) -> int | None:
    """"Globex Research Institute" = "Globex": a research arm is read as its firm."""
    for unit in _units():
        base = key.removesuffix(f" {unit}")
        if base != key and base in names.first and base not in names.people:
            return names.first[base]
    return None


@cache
def _units() -> list[str]:
    """The lexicon's names of research arms, longest first."""
    return sorted(lexicon().lower("org_unit"), key=len, reverse=True)


def _begun_name(names: _Names, key: str, i: int, *, legal_only: bool) -> int | None:
    """"Wanli" = "Wanli Optics Ltd": a short name joins the one longer name it begins (a
    longer name that extends another counts as that one: "Globex" is "Globex Group", not
    "Globex Merchant Banking Division"; of several, the one company the exchanges list
    under a name it begins, or the one the text names before the short name first comes:
    "Orvex Financial Corp ... Orvex ... Orvex Securities Corp"), unless the words added may
    name another company ("Globex SDI"), the short name is a person's or a country's, or a
    longer name is a person's. A longer name the text keeps apart from it counts for nothing
    ("Globex" joins "Globex Motor Corp" beside its unit "Globex Financial Services"). With
    ``legal_only`` the longer name must end with a legal form."""
    begun = {k for k in names.starts.get(key, set())
             if not _sub_body(k, key) and frozenset((k, key)) not in names.apart}
    if not begun or any(k in names.people for k in begun) or key in names.full_people \
            or key in names.given or country_of(names.mentions[i][0]):
        return None
    stems = {names.base[k] for k in begun}
    least = {s for s in stems if not any(s.startswith(f"{o} ") for o in stems)}
    if len(least) > 1 and (listed := listed_short_form(key)) in least:
        least = {listed}  # "Toyota" beside its unit "Toyota Financial Services": the listed parent
    if len(least) > 1:  # of several, the one the text had introduced when it first wrote it
        least = {s for s in least
                 if any(names.base[k] == s and names.first[k] < i for k in begun)}
    if len(least) != 1:
        return None
    stem = least.pop()
    target = min(names.first[k] for k in begun if names.base[k] == stem)
    target_key = names.keys[target]
    if (legal_only and target_key not in names.legal
            and not _organisation_head(names.mentions[target][0])) \
            or _distinguishing(names.mentions[target][0], len(key.split())):
        return None
    return target


def _sub_body(longer: str, short: str) -> bool:
    """Whether a longer name adds to a short one words that name a body inside it ("senate
    banking committee" for "senate"), its legal forms aside.

    >>> _sub_body("senate banking committee", "senate"), _sub_body("senate", "senate")
    (True, False)
    """
    words = [w for w in longer.split() if w not in lexicon().lower("legal_form")]
    added = words[len(short.split()):]
    return bool(added) and added[-1] in lexicon().lower("sub_body_head")


def _person_part(names: _Names, key: str) -> int | None:
    """"Smith" = "Jane" = "Jane Q. Smith": a surname joins the one person named in full that
    ends with it; a first name, the one that begins with it when no other name does; a
    person's leading names, the one longer person's name they begin."""
    if " " in key and key.split()[0] in lexicon().lower("person_particle") \
            and key in names.full_people:
        found = names.full_people[key]  # "von der Leyen", whatever the model took it for
    elif " " in key:
        if key not in names.people:
            if key not in names.full_people:
                return None
            found = names.full_people[key]  # a hyphenated surname alone, whatever the label
        else:
            found = {k for k in names.people if k.startswith(f"{key} ")} \
                or {k for k in names.people if k.endswith(f" {key}")}  # "O'Donnell", "Le Pen"
    elif key in names.full_people:
        found = names.full_people[key]
    else:
        found = names.given.get(key, set())
        if any(k not in names.people for k in names.starts.get(key, set())):
            return None  # "Jane" beside "Jane Smith" and "Jane Street"
    return names.first[min(found)] if len(found) == 1 else None


def _head_alone(names: _Names, key: str, i: int) -> int | None:
    """"Commission" = "European Commission": an organisation's head word alone, capitalised,
    joins the one name of the document that ends with it."""
    text = names.mentions[i][0]
    if " " in key or text not in lexicon().words("org_head") or not text[:1].isupper():
        return None
    found = {k for k in names.first if k.endswith(f" {key}") and k not in names.people}
    return names.first[min(found)] if len(found) == 1 else None


def _ending_name(names: _Names, key: str, i: int) -> int | None:
    """"Kodak" = "Eastman Kodak Co", "Lilly" = "Eli Lilly and Co", "Hutchison" = "CK Hutchison
    Holdings": a one-word name joins the one organisation's name of several words it ends,
    legal forms and corporate words aside, unless it begins a longer name, is a country's,
    or is a first name or surname of a person named in full, or that name holds another
    name of the document ("Honeywell Bull" beside "Honeywell": "Bull" may be another
    company) or a comma. The longer name is written in full (a legal form, corporate words,
    another language's company word before it: "Gruppo Vela", "Banca del Vela") or after its
    founder's initials or first name ("W.R. Grace", "James Capel"); else the two may be a
    company and its unit ("Thomson Reuters", "Reuters"). A name the model took
    for a person joins only a name with a legal form or an organisation's head word."""
    text = names.mentions[i][0]
    if " " in key or not text[:1].isupper() or key in names.starts or key in names.full_people \
            or key in names.given or country_of(text) or demonym_of(text):
        return None
    found = {k for k in names.ends.get(key, set()) if k not in names.people and k != key}
    if len(found) != 1:
        return None
    target = found.pop()
    written = names.mentions[names.first[target]][0]
    named = set(names.first) | set(names.base.values())
    if "," in written or any(word in named for word in _corporate_stem(target).split()[:-1]):
        return None  # a list ("Lyft, Uber"), or two names ("Honeywell Bull" beside "Honeywell")
    first = written.split()[0]
    if not (target in names.legal or _corporate_stem(target) != target
            or _INITIALS.match(first) or first in given_names()
            or first in lexicon().words("foreign_org_word")):
        return None  # "Thomson Reuters" and "Reuters" may be a company and its unit
    if names.mentions[i][1] in _PERSON_LABELS and target not in names.legal \
            and not _organisation_head(names.mentions[names.first[target]][0]):
        return None
    return names.first[target]


def _misspelt(names: _Names, key: str, i: int) -> int | None:
    """The one other name of the document that ``key`` misspells, or that misspells it: the
    same words but one a single edit away (:func:`one_edit`), or, for a name of one word, the
    first word of a longer name; of the same kind (a person's or not)."""
    words = key.split()
    personal = _personal(names, key, i)
    found = set()
    for other, j in names.first.items():
        if other == key or _personal(names, other, j) != personal:
            continue
        others = other.split()
        if len(others) == len(words):
            differing = [(a, b) for a, b in zip(words, others, strict=True) if a != b]
            if len(differing) == 1 and one_edit(*differing[0]):
                found.add(j)
        elif len(words) == 1 and len(others) > 1 and key not in names.starts \
                and one_edit(words[0], others[0]):
            found.add(j)
    return found.pop() if len(found) == 1 else None


def one_edit(a: str, b: str) -> bool:
    """Whether two words of letters, each at least six long, are a letter short or long (not
    at the end, but for a plural's "s") or two neighbouring letters swapped apart (a
    misspelling, not another name), or, at eight letters or more, one letter in place of
    another.

    >>> one_edit("hoechts", "hoechst"), one_edit("shevin", "shervin")
    (True, True)
    >>> one_edit("allianz", "alliant"), one_edit("northrup", "northrop"), one_edit("acme", "acne")
    (False, True, False)
    >>> one_edit("pacific", "pacifica"), one_edit("frontiers", "frontier")
    (False, True)
    """
    if min(len(a), len(b)) < 6 or not (a.isalpha() and b.isalpha()) or a == b:
        return False
    if len(a) == len(b):
        diff = [k for k in range(len(a)) if a[k] != b[k]]
        if len(diff) == 1:
            return len(a) >= 8
        return len(diff) == 2 and diff[1] == diff[0] + 1 \
            and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    if abs(len(a) - len(b)) != 1:
        return False
    short, long_ = sorted((a, b), key=len)
    k = next((k for k in range(len(short)) if short[k] != long_[k]), len(short))
    # a letter added at the end makes another name as often as a misspelling ("Pacific",
    # "Pacifica"; "Marlow", "Marlowe"): only a plural's "s" is read as one
    return short[k:] == long_[k + 1:] and (k < len(short) or long_[-1] == "s")


def _acronym(names: _Names, i: int) -> int | None:
    """"RMA" = "R.M.A." = "Robot Makers Association": an acronym joins the one name whose
    initials it is."""
    text = undotted(names.mentions[i][0])
    spelled = names.by_initials.get(text, {})
    if not ACRONYM.match(text) or not spelled:
        return None
    nearest = min(spelled.values())  # plain initials first; as written before less legal forms
    found = [key for key, reach in spelled.items() if reach == nearest]
    return names.first[found[0]] if len(found) == 1 else None


def _corporate_base(names: _Names, sets: _Groups, key: str, i: int) -> int | None:
    """"Globex" = "Globex Technologies Co. Ltd": a company name joins its longer forms that
    only add corporate words, when those are one group already."""
    longer = {k for k in names.shorter.get(key, set())
              if k in names.first and frozenset((k, key)) not in names.apart}
    if not longer or names.mentions[i][1] in _PERSON_LABELS:
        return None
    if len({sets[names.first[k]] for k in longer}) != 1:
        return None
    return names.first[min(longer)]


def _distinguishing(longer: str, kept: int) -> bool:
    """Whether the words a longer name adds after its first ``kept`` words (a leading
    country and legal forms aside) may name another company of a group: a code ("Globex
    SDI"), never a legal form ("Starboard Value LP").

    >>> _distinguishing("Globex SDI", 1), _distinguishing("Wanli Optics LLC", 1)
    (True, False)
    """
    words = longer.replace(",", " ").split()
    found = _country_prefix(words)
    if found is not None and _without_country(longer) is not None:
        words = words[found[1]:]
    legal = lexicon().words("legal_form")
    return any(w.isupper() and len(w) > 1 and w not in legal for w in words[kept:])


def fullest_name(forms: Counter[str]) -> str:
    """The canonical name of a group: the longest form that is not an acronym."""
    names = [f for f in forms if not ACRONYM.match(f)] or list(forms)
    return max(names, key=lambda n: (len(n.split()), len(n), forms[n], n))

