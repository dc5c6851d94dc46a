"""Mentions of one thing within a document grouped into one entity, under its fullest name.

>>> group_mentions([("Jane Smith", "PERSON"), ("Smith", "PERSON")])
[0, 0]
>>> from collections import Counter
>>> fullest_name(Counter(["RMA", "Robot Makers Association", "Robot Makers"]))
'Robot Makers Association'
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from networkx.utils import UnionFind

from newsgraph.ingest.gazetteer import country_of, demonym_of
from newsgraph.ingest.names import ACRONYM, initials, lexicon, name_key
from newsgraph.ontology import EntityType

__all__ = ["fullest_name", "group_mentions"]

_PERSON_LABELS = ("PERSON", EntityType.PERSON)  # the model's label, or our type


def group_mentions(
    mentions: Sequence[tuple[str, str]], *, same: Iterable[tuple[int, int]] = ()
) -> list[int]:
    """Group the (surface form, model label or type) mentions of one document.

    Returns, for each mention, the index of its group's first mention. Mentions of one
    name join; a single word joins the one person named in full that ends with it
    ("Smith" after "Jane Smith"); an acronym joins the one name whose initials it is
    ("RMA"); a company name joins the one longer form that only adds corporate words
    ("Globex", "Globex Technologies Co. Ltd") or the one longer name it begins ("Wanli" for
    "Wanli Optics"); a name joins what it names with a leading country ("US EXB" =
    "EXB") or a research arm ("Globex Research Institute" = "Globex"). ``same`` are pairs of
    mentions (by index) the text says are one, such as an acronym defined beside its name.

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
    """
    names = _names_of(mentions)
    sets = UnionFind(range(len(mentions)))
    for i, key in enumerate(names.keys):  # one name
        sets.union(names.first[key], i)
    for key, i in names.first.items():
        if mentions[i][1] in _PERSON_LABELS or key in names.people:
            continue
        for target in (_place_qualified(names, i), _research_arm(names, key),
                       _begun_name(names, key, i)):
            if target is not None:
                sets.union(target, i)
    for key, i in names.first.items():
        for target in (_surname(names, key), _acronym(names, i)):
            if target is not None:
                sets.union(target, i)
        target = _corporate_base(names, sets, key, i)  # reads the groups made so far
        if target is not None:
            sets.union(target, i)
    for a, b in same:
        sets.union(a, b)
    group_first: dict[int, int] = {}  # a set's name (any member) -> its first mention
    return [group_first.setdefault(sets[i], i) for i in range(len(mentions))]


@dataclass(frozen=True)
class _Names:
    """What the rules read about the names of a document's mentions; a name is its key."""

    mentions: Sequence[tuple[str, str]]  # (surface form, label)
    keys: list[str]  # each mention's name key
    first: dict[str, int]  # a name -> its first mention
    people: set[str]  # names labelled a person more often than not
    full_people: dict[str, set[str]]  # a surname -> the people named in full with it
    by_initials: dict[str, set[str]]  # initials -> the names of several words they spell
    shorter: dict[str, set[str]]  # a name -> the longer ones that only add corporate words
    starts: dict[str, set[str]]  # a name -> the longer ones it begins


def _names_of(mentions: Sequence[tuple[str, str]]) -> _Names:
    lex = lexicon()
    generic = lex.lower("org_generic") | lex.lower("org_suffix")
    keys = [name_key(text) for text, _ in mentions]
    first: dict[str, int] = {}
    for i, key in enumerate(keys):
        first.setdefault(key, i)
    full_people: dict[str, set[str]] = defaultdict(set)
    for key, (_, label) in zip(keys, mentions, strict=True):
        words = key.split()
        if label in _PERSON_LABELS and len(words) > 1:
            full_people[words[-1]].add(key)
    by_initials: dict[str, set[str]] = defaultdict(set)
    shorter: dict[str, set[str]] = defaultdict(set)
    starts: dict[str, set[str]] = defaultdict(set)
    for key, i in first.items():
        text = mentions[i][0]
        if " " in text:
            by_initials[initials(text)].add(key)
        words = key.split()
        for cut in range(1, len(words)):
            if all(w in generic for w in words[cut:]):
                shorter[" ".join(words[:cut])].add(key)
            starts[" ".join(words[:cut])].add(key)
    personal: Counter[str] = Counter()
    for key, (_, label) in zip(keys, mentions, strict=True):
        personal[key] += 1 if label in _PERSON_LABELS else -1
    people = {key for key, balance in personal.items() if balance > 0}
    return _Names(mentions, keys, first, people, full_people, by_initials, shorter, starts)


def _place_qualified(names: _Names, i: int) -> int | None:
    """"US EXB" = "EXB": a leading country word before an acronym or an incomplete head
    ("US Department of X"); never "China X Association" = "X Association"."""
    raw = names.mentions[i][0].split()
    if len(raw) > 1 and (country_of(raw[0]) or demonym_of(raw[0])) and (
            ACRONYM.match(" ".join(raw[1:]))
            or raw[1] in lexicon().words("org_head_incomplete")):
        rest = name_key(" ".join(raw[1:]))
        if rest in names.first and rest not in names.people:
            return names.first[rest]
    return None


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


def _begun_name(names: _Names, key: str, i: int) -> int | None:
    """"Wanli" = "Wanli Optics": a short name joins the one longer name it begins, unless the
    words added may name another company ("Globex SDI", "Globex Electronics")."""
    begun = names.starts.get(key, set())
    longer = {k for k in begun if k not in names.people}
    if len(longer) != 1:
        return None
    target = names.first[next(iter(longer))]
    if _distinguishing(names.mentions[target][0], key) or key in names.full_people \
            or country_of(names.mentions[i][0]) or any(k in names.people for k in begun):
        return None
    return target


def _surname(names: _Names, key: str) -> int | None:
    """"Smith" = "Jane Smith": one word joins the one person named in full that ends with it."""
    people = names.full_people.get(key, set())
    if " " not in key and len(people) == 1:
        return names.first[next(iter(people))]
    return None


def _acronym(names: _Names, i: int) -> int | None:
    """"RMA" = "Robot Makers Association": an acronym joins the one name whose initials it is."""
    text = names.mentions[i][0]
    spelled = names.by_initials.get(text, set())
    if ACRONYM.match(text) and len(spelled) == 1:
        return names.first[next(iter(spelled))]
    return None


def _corporate_base(names: _Names, sets: UnionFind, key: str, i: int) -> int | None:
    """"Globex" = "Globex Technologies Co. Ltd": a company name joins its longer forms that
    only add corporate words, when those are one group already."""
    longer = {k for k in names.shorter.get(key, set()) if k in names.first}
    if not longer or names.mentions[i][1] in _PERSON_LABELS:
        return None
    if len({sets[names.first[k]] for k in longer}) != 1:
        return None
    return names.first[min(longer)]


def _distinguishing(longer: str, short_key: str) -> bool:
    """Whether the words a longer name adds to a short one may name another company of a
    group: a code ("Globex SDI") or a line of business ("Globex Electronics").

    >>> _distinguishing("Globex SDI", "globex"), _distinguishing("Wanli Optics", "wanli")
    (True, False)
    """
    lex = lexicon()
    added = longer.split()[len(short_key.split()):]
    return any(w.isupper() and len(w) > 1 for w in added) or (
        bool(added) and added[-1] in lex.words("org_head"))


def fullest_name(forms: Counter[str]) -> str:
    """The canonical name of a group: the longest form that is not an acronym."""
    names = [f for f in forms if not ACRONYM.match(f)] or list(forms)
    return max(names, key=lambda n: (len(n.split()), len(n), forms[n], n))

