"""Entity resolution across documents: which document-level entities are one node.

The rules are conservative; each merge is logged with its rule and documents:

``name``
    the same name once case, punctuation, a leading "the", possessives and corporate
    suffixes are set aside ("Intel Corp." = "Intel"), and a leading nationality word or
    country short form read as the country ("Chinese X Association" = "China X Association");
``spelling``
    the same letters and digits without spaces ("Wan Li" = "Wanli"), so two different
    dates or numbers never merge;
``misspelt``
    two names of the same words but one a letter short, long or out of place ("Globex
    Electornics" = "Globex Electronics", :func:`~newsgraph.ingest.grouping.one_edit`), each
    the other's only such name, of one type, never named apart by a document;
``word order``
    an organisation's name of the same four or more words but for their order and small
    words ("Ministry of Trade and Industry" = "Ministry of Industry and Trade");
``corporate words``
    a company name that only adds corporate words to another ("Globex Technologies" =
    "Globex"), never a distinguishing word ("Globex SDI" stays apart from "Globex"), nor
    where a document names the two apart (a company and its "patent unit Globex
    Technologies");
``document``
    two names one document used for one thing (an acronym it defined, a surname after the full
    name); a one-word name (acronym, surname) joins only when every document agrees on what
    it stands for;
``place qualifier``
    a body named with a leading country word joins the one named without it, unless a
    document names the two apart ("Dutch Trade Chamber" = "Trade Chamber");
``surname``
    a person named by one word in a document that never gives the full name joins the one
    person named in full that ends with it;
``aliases file``
    the user's aliases (:mod:`newsgraph.graph.aliases`); the user's do-not-merge pairs block
    any rule.

The type of an organisation or person is the one the evidence of all its mentions in all
documents favours (``Entity.votes``); a name with too little evidence in the whole corpus is
not an entity (an unknown place name seen once).

>>> from newsgraph.ingest.documents import Entity
>>> groups, log = resolve([("a", Entity("Intel Corp.", "Organisation")),
...                        ("b", Entity("Intel", "Organisation"))])
>>> [(g.label, g.aliases) for g in groups]
[('Intel', ('Intel Corp.',))]
>>> [(m.rule, m.names) for m in log]
[('name', ('Intel', 'Intel Corp.'))]
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

from networkx.utils import UnionFind

from newsgraph.graph.aliases import Aliases
from newsgraph.ingest.documents import Entity
from newsgraph.ingest.gazetteer import country_of, demonym_of, place_key
from newsgraph.ingest.grouping import one_edit
from newsgraph.ingest.names import (
    ACRONYM,
    WEIGHTS,
    given_names,
    lexicon,
    listed_short_form,
    name_key,
)
from newsgraph.ontology import EntityType

__all__ = [
    "Merge",
    "ResolvedEntity",
    "Seen",
    "entity_key",
    "is_short_form",
    "label_forms",
    "match_key",
    "read_entities",
    "resolve",
    "resolve_seen",
]

_AGENT = "Agent"  # organisations and people share keys: the vote decides the type
_AGENT_TYPES = (EntityType.ORGANISATION, EntityType.PERSON)
_Key = tuple[str, str]  # (family, match key): one node's key
_Join = Callable[[_Key, _Key, str], None]  # join two keys' sets by a rule, logged


@dataclass(frozen=True)
class ResolvedEntity:
    """One node: its canonical label, every other name, its type and policy kind.

    ``keys`` are the :func:`entity_key` of every name it was seen under. ``type`` is a plain
    ``str``, never an :class:`~newsgraph.ontology.EntityType` member: the graph's writers
    (networkx's GraphML) choose a value's data type by its class.
    """

    label: str
    type: str
    aliases: tuple[str, ...]
    kind: str | None = None
    keys: frozenset[tuple[str, str]] = frozenset()


@dataclass(frozen=True)
class Merge:
    """One merge: two names (as written) became one node, by ``rule``, seen in ``documents``."""

    node: str
    type: str
    rule: str
    names: tuple[str, str]
    documents: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data."""
        return {"node": self.node, "type": self.type, "rule": self.rule,
                "names": list(self.names), "documents": list(self.documents)}


def _family(kind: str) -> str:
    return _AGENT if kind in _AGENT_TYPES else kind


# a build looks each name up in every stage: the cache holds the names of a large graph (74,341
# at 100,000 generated documents), else each stage computes most keys again
@lru_cache(maxsize=1 << 18)
def match_key(name: str, kind: str) -> str:
    """The key under which names of one type are merged.

    >>> match_key("Wan Li Optics Ltd.", "Organisation")
    'wan li optics'
    >>> match_key("Goldman, Sachs and Co.", "Organisation")
    'goldman sachs'
    >>> match_key("Japanese Robot Makers Association", "Organisation")
    'japan robot makers association'
    >>> match_key("US Marine Survey", "Organisation")
    'united states marine survey'
    >>> match_key("American export controls", "Policy")
    'united states export controls'
    >>> match_key("U.S. Department of Commerce", "Organisation")
    'united states commerce department'
    >>> match_key("Jane Q. Roe", "Person"), match_key("J. Quincy Roe", "Person")
    ('jane roe', 'j quincy roe')
    >>> match_key("Jane Q. Roe Jr.", "Person")
    'jane roe'
    >>> match_key("Acme Defence Organisation", "Organisation")
    'acme defense organization'
    """
    if kind == EntityType.COUNTRY:
        return place_key(country_of(name) or name)
    key = name_key(name)
    if kind in (*_AGENT_TYPES, EntityType.POLICY):
        key = " ".join(map(_american, key.split()))
    agent = kind in _AGENT_TYPES
    if not agent and kind != EntityType.POLICY:
        return key
    trimmed = _less_suffixes if agent else list
    words = trimmed(key.split())
    raw = name.split()
    if len(words) > 1 and len(raw) > 1:
        first = raw[0].rstrip(",")
        country = country_of(first) or (demonym_of(first) if first[:1].isupper() else None)
        if country:
            words = [*place_key(country).split(), *name_key(" ".join(raw[1:])).split()]
            words = trimmed(words)
    if agent and len(words) > 2 and words[-1] == "administration":  # "Jane Q. Smith administration"
        words = words[-2:]
    if kind == EntityType.PERSON:
        suffixes = lexicon().lower("person_suffix")
        while len(words) > 2 and words[-1] in suffixes:  # "Jane Roe Jr." = "Jane Roe"
            words = words[:-1]
    if kind == EntityType.PERSON and len(words) > 2 and len(words[0]) > 1:
        words = [words[0], *(w for w in words[1:-1] if len(w) > 1), words[-1]]  # "Jane Q. Roe"
    if agent:
        words = _head_last(words)
    return " ".join(words)


#: British endings and the American ones, for the words of ``british_spelling``.
_AMERICAN_ENDINGS = (("isations", "izations"), ("isation", "ization"), ("ence", "ense"),
                     ("res", "ers"), ("re", "er"), ("mmes", "ms"), ("mme", "m"), ("our", "or"))


@cache
def _american(word: str) -> str:
    """A word of the lexicon's ``british_spelling`` in its American spelling, else itself.

    >>> _american("defence"), _american("centres"), _american("programme"), _american("labour")
    ('defense', 'centers', 'program', 'labour')
    """
    if word not in lexicon().lower("british_spelling"):
        return word
    for british, american in _AMERICAN_ENDINGS:
        if word.endswith(british):
            return word[: -len(british)] + american
    return word


def _head_last(words: list[str]) -> list[str]:
    """A department or ministry "of" something named with its head last, as the news also
    names it ("Department of Commerce" = "Commerce Department").

    >>> " ".join(_head_last("united states department of commerce".split()))
    'united states commerce department'
    """
    for i, word in enumerate(words[:-2]):
        if word in _OF_HEADS and words[i + 1] == "of":
            return [*words[:i], *words[i + 2:], word]
    return words


#: Last words of bodies every country has, whose bare name says nothing of which country's.
_MANY_COUNTRIES_BODIES = lexicon().lower("many_countries_body")
#: Heads of government bodies named either way: "Ministry of Finance", "Finance Ministry".
_OF_HEADS = frozenset({"department", "ministry"})


def _less_suffixes(words: list[str]) -> list[str]:
    """Name key words less their corporate suffixes, and an "and" before one ("goldman sachs
    and co" → "goldman sachs")."""
    suffixes = lexicon().lower("org_suffix")
    words = list(words)
    while len(words) > 1 and words[-1] in suffixes:
        words.pop()
        if len(words) > 1 and words[-1] == "and":
            words.pop()
    return words


def is_short_form(key: tuple[str, str], other: tuple[str, str]) -> bool:
    """Whether ``other``, a name one document gave ``key``'s thing, is a short form that
    joins only the one thing all documents say it stands for (as an acronym or a surname
    does): one word, or a policy's name less what precedes it ("export controls" of "United
    States export controls", which another document may say of China's).

    >>> policy = entity_key("United States export controls", "Policy")
    >>> is_short_form(policy, entity_key("export controls", "Policy"))
    True
    >>> is_short_form(policy, entity_key("US chip export controls", "Policy"))
    False
    """
    words, short = key[1].split(), other[1].split()
    if len(short) == 1:
        return True
    return key[0] == EntityType.POLICY and len(short) < len(words) \
        and words[-len(short):] == short


@lru_cache(maxsize=1 << 18)  # looked up for every mention of every build
def entity_key(name: str, kind: str) -> tuple[str, str]:
    """The node key of a name of a type: organisations and people share keys.

    >>> entity_key("Smith", "Organisation") == entity_key("Smith", "Person")
    True
    >>> type(entity_key("Japan", EntityType.COUNTRY)[0]), entity_key("Japan", "Country")
    (<class 'str'>, ('Country', 'japan'))
    """
    # a plain str: the cache answers a type given as an EntityType and as its value alike
    return (str(_family(kind)), match_key(name, kind))


@cache
def _abbreviated() -> re.Pattern[str]:
    """Abbreviated legal forms at the end of a name ("Co. Ltd", ", Inc."): the lexicon's
    ``org_abbreviation``, each with its dot and a comma before it."""
    terms = sorted(lexicon().words("org_abbreviation"), key=lambda t: (-len(t), t))
    return re.compile(rf"(?:,?\s+(?:{'|'.join(map(re.escape, terms))})\.?)+$")


def label_forms(name: str, kind: str) -> tuple[str, ...]:
    """The labels a name of a node of type ``kind`` can give it: itself and, for an
    organisation, itself less its abbreviated legal form.

    >>> label_forms("Globex Co. Ltd", "Organisation"), label_forms("Li", "Person")
    (('Globex Co. Ltd', 'Globex'), ('Li',))
    """
    if kind != EntityType.ORGANISATION:
        return (name,)
    trimmed = _without_legal_form(name)
    return (name,) if trimmed == name else (name, trimmed)


def _without_legal_form(name: str) -> str:
    """A name less its abbreviated legal forms, unless they are part of it after "and".

    >>> _without_legal_form("Globex Co. Ltd"), _without_legal_form("Vela and Co")
    ('Globex', 'Vela and Co')
    """
    trimmed = _abbreviated().sub("", name).strip()
    if not trimmed or trimmed.split()[-1].casefold() in ("and", "&"):
        return name
    return trimmed


def _canonical(forms: Counter[str], kind: str) -> str:
    """The fullest common name: most words, corporate abbreviations ("Co. Ltd") dropped, a
    country's name before its nationality word, a firm's name before its research arm's.

    >>> _canonical(Counter(["Globex", "Globex Technologies Co. Ltd"]), "Organisation")
    'Globex Technologies'
    >>> _canonical(Counter(["Brazilian", "Brazil"]), "Country")
    'Brazil'
    >>> _canonical(Counter(["Chinese Robot Association", "China Robot Association"]),
    ...            "Organisation")
    'China Robot Association'
    >>> _canonical(Counter(["Vela Securities Research Institute", "Vela Securities"]),
    ...            "Organisation")
    'Vela Securities'

    A policy is named by its imposer's nationality word, as the rules name it, over a form as
    written ("Japan's ban"):

    >>> _canonical(Counter({"Japan's ban": 2, "Japanese ban": 1}), "Policy")
    'Japanese ban'
    """
    if kind == EntityType.COUNTRY:  # the ISO entry's label, never "Brazilian" or "Tokyo"
        labels = sorted(f for f in forms if country_of(f) == f)
        if labels:
            return labels[0]
    names = [f for f in forms if not ACRONYM.match(f)] or list(forms)
    if kind == EntityType.ORGANISATION:
        names = [_without_legal_form(n) for n in names]
        units = lexicon().words("org_unit")
        bases = set(names)  # a research arm read as its firm: the firm's name
        names = [n for n in names
                 if not any(n.endswith(f" {u}") and n[: -len(u) - 1] in bases for u in units)]
    counts = Counter({n: 0 for n in names})
    for form, seen in forms.items():
        trimmed = _without_legal_form(form) if kind == EntityType.ORGANISATION else form
        if trimmed in counts or form in counts:
            counts[trimmed if trimmed in counts else form] += seen

    def country_led(name: str) -> bool:  # "China X Association" over "Chinese X Association"
        first = name.split()[0]
        return demonym_of(first) is not None and country_of(first) is None

    policy = kind == EntityType.POLICY
    return max(counts, key=lambda n: (len(n.split()), n[:1].isupper(), country_led(n) == policy,
                                      len(n), counts[n], n))


class _Sets:
    """Node keys in disjoint sets (networkx's union-find) that refuse merges the user forbade.

    Each set is named by its least key, whatever the union-find's own choice: the rules that
    join a set by its name, and the merge log, depend on that name.
    """

    def __init__(self, forbidden: Iterable[tuple[_Key, _Key]]) -> None:
        self._sets = UnionFind()
        self._least: dict[_Key, _Key] = {}  # the union-find's name of a set -> its least key
        self._tags: dict[_Key, set[_Key]] = {}  # the union-find's name -> its forbidden keys
        self._forbidden: set[frozenset[_Key]] = set()
        for a, b in forbidden:
            self._forbidden.add(frozenset((a, b)))
            for key in (a, b):
                self._tags.setdefault(self._sets[key], set()).add(key)
                self._least.setdefault(key, key)

    def find(self, item: _Key) -> _Key:
        """The name of the set holding ``item``: its least key."""
        return self._least.setdefault(self._sets[item], item)

    def union(self, a: _Key, b: _Key) -> bool:
        """Join the sets of ``a`` and ``b`` unless they are one or the user forbade it."""
        least_a, least_b = self.find(a), self.find(b)
        if least_a == least_b:
            return False
        root_a, root_b = self._sets[a], self._sets[b]
        tags_a, tags_b = self._tags.get(root_a, set()), self._tags.get(root_b, set())
        if any(frozenset((x, y)) in self._forbidden for x in tags_a for y in tags_b):
            return False
        self._sets.union(root_a, root_b)
        for old in (root_a, root_b):
            del self._least[old]
            self._tags.pop(old, None)
        root = self._sets[root_a]
        self._least[root] = min(least_a, least_b)
        if tags_a or tags_b:
            self._tags[root] = tags_a | tags_b
        return True


def resolve(
    entities: Iterable[tuple[str, Entity]],
    *,
    aliases: Aliases | None = None,
    on_refused: Callable[[str], None] | None = None,
) -> tuple[list[ResolvedEntity], list[Merge]]:
    """Group the entities of many documents into nodes.

    Parameters
    ----------
    entities
        ``(document, entity)`` pairs: the document names where the entity was read (for the
        merge log).
    aliases
        The user's extra aliases and do-not-merge pairs.
    on_refused
        Called with a message for each alias rule not applied: one joining names seen only
        as entities of different types (a company and a country).

    Returns
    -------
    groups, merges
        The nodes sorted by (type, label), and the merges that made them.

    Examples
    --------
    >>> from newsgraph.ingest.documents import Entity
    >>> groups, log = resolve([
    ...     ("a", Entity("Wan Li Optics", "Organisation", votes=(("Organisation", 3),))),
    ...     ("b", Entity("Wanli Optics", "Person", votes=(("Person", 1),))),
    ...     ("c", Entity("Globex", "Organisation")), ("d", Entity("Globex SDI", "Organisation"))])
    >>> for g in groups:
    ...     print(g.label, g.type, g.aliases)
    Globex Organisation ()
    Globex SDI Organisation ()
    Wan Li Optics Organisation ('Wanli Optics',)
    >>> [(m.rule, m.documents) for m in log]
    [('spelling', ('a', 'b'))]
    """
    return resolve_seen(read_entities(entities), aliases=aliases, on_refused=on_refused)


def resolve_seen(
    seen: Seen, *, aliases: Aliases | None = None,
    on_refused: Callable[[str], None] | None = None,
) -> tuple[list[ResolvedEntity], list[Merge]]:
    """:func:`resolve` from what the documents say about each key (:func:`read_entities`), as
    a persistent index keeps it (:mod:`newsgraph.graph.index`).

    >>> from newsgraph.ingest.documents import Entity
    >>> seen = read_entities([("a", Entity("Intel Corp.", "Organisation"))])
    >>> [g.label for g in resolve_seen(seen)[0]]
    ['Intel']
    """
    aliases = aliases or Aliases()
    forbidden = [(entity_key(a, EntityType.ORGANISATION), entity_key(b, EntityType.ORGANISATION))
                 for a, b in aliases.distinct]
    for (one, other), (key, other_key) in zip(aliases.distinct, forbidden, strict=True):
        if key == other_key and on_refused is not None:
            on_refused(f"distinct,{one},{other}: not applied: the two are one name (they "
                       "differ only in case, punctuation or a legal form)")
    sets = _Sets(forbidden)
    merges: list[tuple[str, _Key, _Key]] = []

    def join(a: _Key, b: _Key, rule: str) -> None:
        if sets.union(a, b):
            merges.append((rule, a, b))

    for key in seen.forms:
        sets.find(key)
    for a, b in seen.pairs:
        join(a, b, "document")
    _spelling_and_corporate_words(seen.forms, seen.votes, seen.named, join)
    _misspelt_names(seen.forms, seen.votes, seen.named, join)
    _reordered_names(seen.forms, seen.votes, seen.named, join)
    _one_word_names(seen.forms, seen.votes, seen.links, sets, join)
    _listed_short_names(seen.forms, seen.votes, seen.named, join)
    _place_qualifiers(seen.forms, seen.votes, seen.named, join, seen.documents)
    _aliases_file(seen.forms, aliases, join, on_refused)
    return _groups(seen.forms, seen.documents, seen.votes, seen.kinds, sets, merges, aliases)


@dataclass
class Seen:
    """What the documents say about each node key: the aggregates resolution works on.

    The order of ``forms`` (its keys, and each key's names) and of ``kinds`` is the order in
    which the documents, taken by article IRI, first gave them: ties among names and kinds
    go to the first seen. ``documents`` and ``named`` are read only by key (an index may
    fetch them on demand).
    """

    forms: dict[_Key, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    documents: Mapping[_Key, set[str]] = field(default_factory=lambda: defaultdict(set))
    votes: dict[_Key, dict[str, float]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(float)))
    kinds: dict[_Key, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    links: list[tuple[_Key, _Key, str]] = field(default_factory=list)  # name, one-word alias, doc
    pairs: list[tuple[_Key, _Key]] = field(default_factory=list)  # name, alias of several words
    named: Mapping[_Key, set[str]] = field(  # the documents naming it apart
        default_factory=lambda: defaultdict(set))


def read_entities(entities: Iterable[tuple[str, Entity]]) -> Seen:
    """What ``(document, entity)`` pairs say about each key, in the order given.

    >>> from newsgraph.ingest.documents import Entity
    >>> dict(read_entities([("a", Entity("Intel Corp.", "Organisation"))]).forms)
    {('Agent', 'intel'): Counter({'Intel Corp.': 1})}
    """
    seen = Seen()
    documents: dict[_Key, set[str]] = defaultdict(set)
    named: dict[_Key, set[str]] = defaultdict(set)
    seen.documents, seen.named = documents, named
    for document, entity in entities:
        first = entity_key(entity.name, entity.type)
        seen.forms[first][entity.name] += entity.mentions
        documents[first].add(document)
        named[first].add(document)
        votes = seen.votes[first]
        for kind, weight in entity.votes or ((entity.type, WEIGHTS["keep"]),):
            votes[kind] = votes.get(kind, 0.0) + weight
        if entity.kind:
            seen.kinds[first][entity.kind] += 1
        for alias in entity.aliases:
            other = entity_key(alias, entity.type)
            seen.forms[other][alias] += 0
            documents[other].add(document)
            if other == first:
                continue
            if is_short_form(first, other):
                seen.links.append((first, other, document))
            else:
                seen.pairs.append((first, other))
    return seen


_FAMILY_NAMES = {_AGENT: "an organisation or person", EntityType.COUNTRY: "a country",
                 EntityType.POLICY: "a policy"}


def _aliases_file(
    forms: dict[_Key, Counter[str]], aliases: Aliases, join: _Join,
    on_refused: Callable[[str], None] | None,
) -> None:
    """The user's aliases join names of any family one of them was seen in; names seen only
    in different families (a company and a country) are not joined."""
    families = (_AGENT, EntityType.COUNTRY, EntityType.POLICY)

    def seen_as(name: str) -> list[str]:
        return [family for family in families if (family, match_key(
            name, EntityType.ORGANISATION if family == _AGENT else family)) in forms]

    for canonical, names in aliases.same:
        for name in names:
            kinds_a, kinds_b = seen_as(canonical), seen_as(name)
            if kinds_a and kinds_b and not set(kinds_a) & set(kinds_b):
                if on_refused is not None:
                    on_refused(f"same,{canonical},{name}: not applied: {canonical} is "
                               f"{_FAMILY_NAMES[kinds_a[0]]}, {name} {_FAMILY_NAMES[kinds_b[0]]} "
                               "(names of different types are never one node)")
                continue
            for family in families:
                kind = EntityType.ORGANISATION if family == _AGENT else family
                a, b = (family, match_key(canonical, kind)), (family, match_key(name, kind))
                if a in forms or b in forms:
                    forms[a][canonical] += 0
                    forms[b][name] += 0
                    join(a, b, "aliases file")


def _agent_type(votes: Mapping[str, float]) -> str:
    return max(_AGENT_TYPES, key=lambda t: (votes.get(t, 0.0), t == EntityType.ORGANISATION))


def _apart(named: Mapping[_Key, set[str]], a: _Key, b: _Key) -> bool:
    """Whether a document names the two keys apart, each a name of its own there."""
    return bool(named.get(a, set()) & named.get(b, set()))


def _spelling_and_corporate_words(
    forms: Mapping[tuple[str, str], Counter[str]],
    votes: Mapping[tuple[str, str], Mapping[str, float]],
    named: Mapping[tuple[str, str], set[str]],
    join: _Join,
) -> None:
    """Names of one spelling but for spaces join; so does a company name that only adds
    corporate words to another, unless a document names the two apart (a company and its
    "patent unit Globex Technologies").

    >>> seen = read_entities([("a", Entity("Globex", "Organisation")),
    ...                       ("a", Entity("Globex Technologies", "Organisation")),
    ...                       ("b", Entity("Vela", "Organisation")),
    ...                       ("c", Entity("Vela Technologies", "Organisation"))])
    >>> sorted(g.label for g in resolve_seen(seen)[0])
    ['Globex', 'Globex Technologies', 'Vela Technologies']
    """
    generic = lexicon().lower("org_generic")

    def join_unless_apart(a: _Key, b: _Key) -> None:
        if not _apart(named, a, b):
            join(a, b, "corporate words")

    compact: dict[tuple[str, str], tuple[str, str]] = {}
    bases: dict[tuple[str, str], tuple[str, str]] = {}
    for key in sorted(forms):
        family, text = key
        if family not in (_AGENT, EntityType.POLICY) or len(text) < 4:
            continue
        squeezed = (family, text.replace(" ", ""))
        if squeezed in compact:
            join(compact[squeezed], key, "spelling")
        else:
            compact[squeezed] = key
        words = text.split()
        if family == _AGENT and _agent_type(votes.get(key, {})) == EntityType.ORGANISATION:
            cut = len(words)
            while cut > 1 and words[cut - 1] in generic:
                cut -= 1
            if cut < len(words):
                base = (family, " ".join(words[:cut]))
                if base in bases:
                    join_unless_apart(bases[base], key)
                else:
                    bases[base] = key
                if base in forms:
                    join_unless_apart(base, key)


def _misspelt_names(
    forms: Mapping[_Key, Counter[str]],
    votes: Mapping[_Key, Mapping[str, float]],
    named: Mapping[_Key, set[str]],
    join: _Join,
) -> None:
    """Names of one type whose words are the same but one, a single slip away from the
    other's (:func:`~newsgraph.ingest.grouping.one_edit`), join when each is the other's only
    such name and no document names the two apart: "Globex Electornics" = "Globex
    Electronics", "Jane Hinkley" = "Jane Hinckley". Two first names both common are two
    names ("Christian" and "Christina"), and one word alone is a slip only of an
    organisation (:func:`_slip`).

    >>> seen = read_entities([("a", Entity("Globex Electornics", "Organisation")),
    ...                       ("b", Entity("Globex Electronics", "Organisation")),
    ...                       ("c", Entity("Christian Hinkley", "Person")),
    ...                       ("d", Entity("Christina Hinkley", "Person"))])
    >>> sorted(g.label for g in resolve_seen(seen)[0])
    ['Christian Hinkley', 'Christina Hinkley', 'Globex Electronics']
    """
    # words one deletion apart share a variant (the symmetric-deletion index): a letter
    # short or long, in place of another, or two swapped
    given = given_names()
    buckets: dict[tuple[Any, ...], list[tuple[_Key, str]]] = defaultdict(list)
    for key in forms:
        if key[0] != _AGENT:
            continue
        kind = _agent_type(votes.get(key, {}))
        words = key[1].split()
        if kind == EntityType.PERSON and len(words) < 2:
            continue
        for i, word in enumerate(words):
            if len(word) < 6 or not word.isalpha():
                continue
            context = (kind, len(words), i, tuple(words[:i]), tuple(words[i + 1:]))
            variants = {word} | {word[:k] + word[k + 1:] for k in range(len(word))}
            for variant in variants:
                buckets[(*context, variant)].append((key, word))
    partners: dict[_Key, set[_Key]] = defaultdict(set)
    for members in buckets.values():
        for a, word_a in members:
            for b, word_b in members:
                if a < b and _slip(word_a, word_b, alone=" " not in a[1]) \
                        and not _apart(named, a, b) and not (
                            a[1].split()[0] == word_a and word_a.title() in given
                            and word_b.title() in given):
                    partners[a].add(b)
                    partners[b].add(a)
    for a, found in sorted(partners.items()):
        b = next(iter(found))
        if len(found) == 1 and a < b and partners[b] == {a}:
            join(a, b, "misspelt")


def _slip(a: str, b: str, *, alone: bool) -> bool:
    """Whether two words are one misspelt as the other (:func:`one_edit`), the first letter
    the same ("Qatalyst" is no "Catalyst"), and not one's plural ("Electronic" is no
    "Electronics"); a name of one word also ends alike, and is seven letters long.

    >>> _slip("genetech", "genentech", alone=True), _slip("electronic", "electronics", alone=False)
    (True, False)
    """
    if a[0] != b[0] or not one_edit(a, b) or a + "s" == b or b + "s" == a:
        return False  # a word and its plural name two firms as often as one misspelt
    return not alone or (a[-1] == b[-1] and min(len(a), len(b)) >= 7)


def _reordered_names(
    forms: Mapping[_Key, Counter[str]],
    votes: Mapping[_Key, Mapping[str, float]],
    named: Mapping[_Key, set[str]],
    join: _Join,
) -> None:
    """Organisations' names of the same four or more words but for their order and the
    small words between them join, unless a document names two of them apart: "Ministry
    of International and Trade Industry" = "Ministry of International Trade and Industry",
    "Acme District Court, Northern District" = "Acme District Court for the Northern
    District".

    >>> seen = read_entities([("a", Entity("Acme Court for the Eastern District", "Organisation")),
    ...                       ("b", Entity("Acme Court, Eastern District", "Organisation"))])
    >>> [g.label for g in resolve_seen(seen)[0]]
    ['Acme Court for the Eastern District']
    """
    small = lexicon().lower("initials_skip")
    same: dict[tuple[str, ...], list[_Key]] = defaultdict(list)
    for key in forms:
        if key[0] != _AGENT or _agent_type(votes.get(key, {})) != EntityType.ORGANISATION:
            continue
        words = tuple(sorted(w for w in key[1].split() if w not in small))
        if len(words) >= 4:
            same[words].append(key)
    for keys in same.values():
        keys.sort()
        if len(keys) > 1 and not any(_apart(named, a, b) for a in keys for b in keys if a < b):
            for other in keys[1:]:
                join(keys[0], other, "word order")


def _place_qualifiers(
    forms: Mapping[tuple[str, str], Counter[str]],
    votes: Mapping[tuple[str, str], Mapping[str, float]],
    named: Mapping[tuple[str, str], set[str]],
    join: _Join,
    documents: Mapping[tuple[str, str], set[str]] | None = None,
) -> None:
    """A body named with a leading country word ("Dutch Trade Chamber") joins the body
    named without it ("Trade Chamber") when it is the only such form and no document
    names the two apart (one that does, "China X Association" beside "X Association", says
    they differ); a ministry, which every country has, only where each document of the bare
    name names that country ("Foreign Ministry" of a text on Norway is no "French Foreign
    Ministry"), as must a body's head word alone ("Congress" = "Acmeland Congress")."""
    qualified: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
    heads = lexicon().lower("org_head")
    for key, written in forms.items():
        if key[0] != _AGENT or _agent_type(votes.get(key, {})) != EntityType.ORGANISATION:
            continue
        for form in written:
            raw = form.split()
            country = country_of(raw[0].rstrip(",")) or demonym_of(raw[0]) \
                if len(raw) > 1 else None
            if country:
                bare = (_AGENT, match_key(" ".join(raw[1:]), EntityType.ORGANISATION))
                if bare == key or bare not in forms:
                    continue
                if (" " in bare[1] and bare[1].split()[-1] not in _MANY_COUNTRIES_BODIES) or (
                        (" " in bare[1] or bare[1] in heads)
                        and _of_country(documents or {}, named.get(bare, set()), country)):
                    qualified[bare].add(key)
    for bare, keys in sorted(qualified.items()):
        if len(keys) == 1 and _agent_type(votes.get(bare, {})) == EntityType.ORGANISATION:
            key = next(iter(keys))
            if not _apart(named, key, bare):
                join(bare, key, "place qualifier")


def _of_country(documents: Mapping[tuple[str, str], set[str]], of: set[str],
                country: str) -> bool:
    """Whether every one of the documents ``of`` names ``country`` as a country."""
    naming = documents.get(entity_key(country, EntityType.COUNTRY), set())
    return bool(of) and of <= naming


def _listed_short_names(
    forms: Mapping[tuple[str, str], Counter[str]],
    votes: Mapping[tuple[str, str], Mapping[str, float]],
    named: Mapping[tuple[str, str], set[str]],
    join: _Join,
) -> None:
    """A company's first word alone joins the company the exchanges list under a longer
    name that begins with it ("Ford" = "Ford Motor Co" of another document), where they list
    one such company and none named by the word alone, both are organisations and no
    document names the two apart.

    >>> seen = read_entities([("a", Entity("Ford", "Organisation")),
    ...                       ("b", Entity("Ford Motor Co", "Organisation"))])
    >>> [g.label for g in resolve_seen(seen)[0]]
    ['Ford Motor']
    """
    def organisation(key: _Key) -> bool:
        return _agent_type(votes.get(key, {})) == EntityType.ORGANISATION

    for key in sorted(forms):
        if key[0] != _AGENT or " " in key[1] or not organisation(key):
            continue
        listed = listed_short_form(key[1])
        target = (_AGENT, listed) if listed is not None else None
        if target is not None and target in forms and organisation(target) \
                and not _apart(named, key, target):
            join(target, key, "listed company")


def _one_word_names(
    forms: Mapping[tuple[str, str], Counter[str]],
    votes: Mapping[tuple[str, str], Mapping[str, float]],
    links: Sequence[tuple[tuple[str, str], tuple[str, str], str]],
    sets: _Sets,
    join: _Join,
) -> None:
    """Acronyms and surnames join the one thing every document says they stand for."""
    targets: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
    for full, word, _ in links:
        if not _typed_apart(votes.get(word, {}), votes.get(full, {})):
            targets[word].add(sets.find(full))
    for word, roots in sorted(targets.items()):
        if len(roots) == 1:
            join(next(iter(roots)), word, "document")
    # a surname alone: the one person named in full that ends with it
    people: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for key in forms:
        words = key[1].split()
        if key[0] == _AGENT and len(words) > 1 \
                and _agent_type(votes.get(key, {})) == EntityType.PERSON:
            people[words[-1]].add(sets.find(key))
    for key in sorted(forms):
        if key[0] != _AGENT or " " in key[1] or key in targets:
            continue
        found = {sets.find(r) for r in people.get(key[1], ())}
        # a word the evidence says is an organisation's ("Ford shares fell") is no surname
        if len(found) == 1 and votes.get(key, {}).get(EntityType.PERSON, 0) > 0 \
                and _agent_type(votes.get(key, {})) == EntityType.PERSON:
            join(next(iter(found)), key, "surname")


def _typed_apart(word: Mapping[str, float], full: Mapping[str, float]) -> bool:
    """Whether a short form is, where named alone, surely another type than the name it
    stood for in one document: "Reynolds" was a surname of "A. William Reynolds" there, and
    "Reynolds Inc", with its legal form, is a company elsewhere.

    >>> _typed_apart({"Organisation": 21.0}, {"Person": 4.0})
    True
    >>> _typed_apart({"Organisation": 1.0}, {"Person": 4.0})
    False
    """
    if not word or not full:
        return False
    kind = _agent_type(word)
    return kind != _agent_type(full) and word[kind] >= WEIGHTS["legal_form"]


def _groups(
    forms: Mapping[tuple[str, str], Counter[str]],
    documents: Mapping[tuple[str, str], set[str]],
    votes: Mapping[tuple[str, str], Mapping[str, float]],
    kinds: Mapping[tuple[str, str], Counter[str]],
    sets: _Sets,
    merges: Sequence[tuple[str, tuple[str, str], tuple[str, str]]],
    aliases: Aliases,
) -> tuple[list[ResolvedEntity], list[Merge]]:
    members: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for key in forms:
        members[sets.find(key)].append(key)
    chosen = {match_key(c, EntityType.ORGANISATION): c for c, _ in aliases.same}
    groups: dict[tuple[str, str], ResolvedEntity] = {}
    for root, keys in members.items():
        seen: Counter[str] = Counter()
        tally: defaultdict[str, float] = defaultdict(float)
        policy: Counter[str] = Counter()
        for key in keys:
            seen.update(forms[key])
            for kind_, weight in votes.get(key, {}).items():
                tally[kind_] += weight
            policy.update(kinds.get(key, Counter()))
        family = root[0]
        kind = _agent_type(tally) if family == _AGENT else family
        if (family == _AGENT and tally[kind] < WEIGHTS["keep"]) or not sum(seen.values()):
            continue  # too little evidence, or only ever another name of things told apart
        label = next((chosen[k[1]] for k in sorted(keys) if k[1] in chosen), None)
        if label is None:
            label = _canonical(seen, kind)
        groups[root] = ResolvedEntity(
            label=label, type=str(kind), aliases=tuple(sorted(set(seen) - {label})),
            kind=policy.most_common(1)[0][0] if policy else None, keys=frozenset(keys),
        )
    log = []
    for rule, a, b in merges:
        group = groups.get(sets.find(a))
        if group is None:
            continue
        pair = sorted((forms[a].most_common(1)[0][0], forms[b].most_common(1)[0][0]))
        log.append(Merge(group.label, group.type, rule, (pair[0], pair[1]),
                         tuple(sorted(documents[a] | documents[b]))))
    for root, group in groups.items():  # names that met under one key
        for key in members[root]:
            if len(forms[key]) > 1:
                written = sorted(forms[key])
                for other in written[1:]:
                    log.append(Merge(group.label, group.type, "name", (written[0], other),
                                     tuple(sorted(documents[key]))))
    log.sort(key=lambda m: (m.type, m.node, m.rule, m.names))
    return sorted(groups.values(), key=lambda g: (g.type, g.label)), log
