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

from networkx.utils import UnionFind

from newsgraph.ingest.gazetteer import country_of, demonym_of
from newsgraph.ingest.names import ACRONYM, initials, lexicon, name_key

__all__ = ["fullest_name", "group_mentions"]


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
    lex = lexicon()
    generic = lex.lower("org_generic") | lex.lower("org_suffix")
    sets = UnionFind(range(len(mentions)))
    union = sets.union
    keys = [name_key(text) for text, _ in mentions]
    first: dict[str, int] = {}
    for i, key in enumerate(keys):
        if key in first:
            union(first[key], i)
        else:
            first[key] = i
    full_people: dict[str, set[str]] = defaultdict(set)
    for i, (_, label) in enumerate(mentions):
        words = keys[i].split()
        if label in ("PERSON", "Person") and len(words) > 1:
            full_people[words[-1]].add(keys[i])
    by_initials: dict[str, set[str]] = defaultdict(set)
    for key, i in first.items():
        text = mentions[i][0]
        if " " in text:
            for acronym in {initials(text)}:
                by_initials[acronym].add(key)
    shorter: dict[str, set[str]] = defaultdict(set)
    for key in first:
        words = key.split()
        for cut in range(1, len(words)):
            if all(w in generic for w in words[cut:]):
                shorter[" ".join(words[:cut])].add(key)
    personal: Counter[str] = Counter()
    for key, (_, label) in zip(keys, mentions, strict=True):
        personal[key] += 1 if label in ("PERSON", "Person") else -1
    people = {key for key, balance in personal.items() if balance > 0}
    units = sorted(lex.lower("org_unit"), key=len, reverse=True)
    starts: dict[str, set[str]] = defaultdict(set)
    for key in first:
        words = key.split()
        for cut in range(1, len(words)):
            starts[" ".join(words[:cut])].add(key)
    for key, i in first.items():
        text, label = mentions[i]
        if label in ("PERSON", "Person") or key in people:
            continue
        raw = text.split()
        if len(raw) > 1 and (country_of(raw[0]) or demonym_of(raw[0])) and (
                ACRONYM.match(" ".join(raw[1:])) or raw[1] in lex.words("org_head_incomplete")):
            rest = name_key(" ".join(raw[1:]))  # "US EXB" = "EXB", not "China X Association"
            if rest in first and rest not in people:
                union(first[rest], i)
        for unit in units:  # "Globex Research Institute" = "Globex"
            base = key.removesuffix(f" {unit}")
            if base != key and base in first and base not in people:
                union(first[base], i)
                break
        longer = {k for k in starts.get(key, ()) if k not in people}
        if len(longer) == 1 and _distinguishing(mentions[first[next(iter(longer))]][0], key):
            longer = set()  # "Globex SDI", "Globex Electronics": another company
        if key not in full_people and not country_of(text) and len(longer) == 1 \
                and not any(k in people for k in starts.get(key, ())):
            union(first[next(iter(longer))], i)  # "Wanli" = "Wanli Optics"
    for key, i in first.items():
        text, label = mentions[i]
        if " " not in key and len(full_people.get(key, ())) == 1:
            union(first[next(iter(full_people[key]))], i)
        if ACRONYM.match(text) and len(by_initials.get(text, ())) == 1:
            union(first[next(iter(by_initials[text]))], i)
        longer = {k for k in shorter.get(key, ()) if k in first}
        if longer and label not in ("PERSON", "Person"):
            roots = {sets[first[k]] for k in longer}
            if len(roots) == 1:
                union(first[min(longer)], i)
    for a, b in same:
        union(a, b)
    group_first: dict[int, int] = {}  # a set's name (any member) -> its first mention
    return [group_first.setdefault(sets[i], i) for i in range(len(mentions))]


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

