"""Entities of one document: the spaCy component ``ng_entities``, and the entities an
extraction keeps once its relations are known.

The component finds the candidate names of a document (:mod:`newsgraph.ingest.mentions`: the
model's entities, the patterns of ``ingest/patterns/entities.jsonl``, names the parse shows),
types each in newsgraph's vocabulary (``Organisation``, ``Person``, ``Country``) from the
evidence about it (:mod:`newsgraph.ingest.classify`), drops what is not an entity, and groups
the mentions of one thing under its fullest name (:mod:`newsgraph.ingest.grouping`).

What the component attaches:

* ``doc.spans["ng_entities"]``: every mention, labelled with its type; ``span._.ng_name`` is
  the name of its entity in the document, and ``span._.ng_demonym`` is True for a nationality
  word ("Dutch chipmaker"), labelled ``Country``;
* ``doc._.ng_entities``: one :class:`~newsgraph.ingest.documents.Entity` per thing, with the
  votes for its type (``Entity.votes``) for the vote across documents in
  :mod:`newsgraph.graph.resolve`.

Per the annotation guidelines a country named only by a nationality word is not an entity
unless a relation uses it: :func:`finish_entities` drops those once relations are known, and
adds the feed item's authors and the publication.

>>> SPANS_KEY
'ng_entities'
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import cache

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, SpanGroup, Token

from newsgraph.ingest.bodies import ministry_of_form
from newsgraph.ingest.classify import (
    DEFINED_PRODUCT,
    PRODUCT,
    classify,
    given_name_vote,
    thing_votes,
    vote_lists,
)
from newsgraph.ingest.documents import Entity, Relation
from newsgraph.ingest.gazetteer import (
    city_of,
    country_of,
    is_place,
    leading_country,
    modifier_of,
    place_key,
)
from newsgraph.ingest.grouping import fullest_name, group_mentions, surname_with_particles
from newsgraph.ingest.mentions import (
    Mention,
    alias_definitions,
    candidate_names,
    common_noun,
    common_nouns,
    region_follows,
    written,
)
from newsgraph.ingest.names import (
    ACRONYM,
    WEIGHTS,
    company_words,
    initials,
    lexicon,
    listed_company,
    listed_short_form,
    load_jsonl,
    name_key,
    subdivisions,
)
from newsgraph.ontology import EntityType

__all__ = [
    "SPANS_KEY",
    "EntityRecognizer",
    "author_entities",
    "begins_name",
    "finish_entities",
    "introduced_as_unit",
    "make_entity_recognizer",
    "publication_entity",
]

#: ``doc.spans[SPANS_KEY]`` holds every entity mention, labelled with its type.
SPANS_KEY = "ng_entities"

if not Span.has_extension("ng_name"):
    Span.set_extension("ng_name", default=None)
if not Span.has_extension("ng_demonym"):
    Span.set_extension("ng_demonym", default=False)
if not Doc.has_extension("ng_entities"):
    Doc.set_extension("ng_entities", default=[])


# ---------------------------------------------------------------------------- component


class EntityRecognizer:
    """The ``ng_entities`` component: its only public behaviour is ``__call__(doc)``."""

    def __init__(self, nlp: Language, name: str = "ng_entities") -> None:
        self.name = name
        self.matcher = Matcher(nlp.vocab)
        for row in load_jsonl("entities.jsonl"):
            self.matcher.add(row["label"], [row["pattern"]])
        self.nouns = common_nouns(nlp)

    def __call__(self, doc: Doc) -> Doc:
        """Find, type and group the entity mentions of ``doc``."""
        mentions = [mention for candidate in candidate_names(doc, self.matcher, self.nouns)
                    if (mention := classify(doc, candidate)) is not None]
        vote_lists(doc, mentions)
        mentions += alias_definitions(doc, mentions)
        mentions.sort(key=lambda m: m.start)
        _annotate(doc, mentions, self.nouns)
        return doc


def _annotate(doc: Doc, mentions: list[Mention], nouns: frozenset[str] = frozenset()) -> None:
    """Group the typed mentions, vote each group's type, set the spans and entities;
    ``nouns`` are the common nouns of English (:func:`common_nouns`)."""
    names = [m for m in mentions if m.country is None]
    texts = [m.name or written(doc, m.start, m.end) for m in names]
    typed_groups = []
    for members in _groups(doc, names, texts):
        group = [names[i] for i in members]
        if _sentence_case_noun(doc, group, nouns):
            continue
        typed = _group_entity(doc, group, [texts[i] for i in members])
        if typed is not None:
            typed_groups.append((group, *typed))
    people = [e for _, _, e in typed_groups if e.type == EntityType.PERSON]
    for i, (group, group_spans, entity) in enumerate(typed_groups):
        if _kin_of_person(entity, group, people):
            typed_groups[i] = (group, _relabelled(doc, group_spans, EntityType.PERSON), replace(
                entity, type=EntityType.PERSON,
                votes=((EntityType.PERSON, WEIGHTS["surname"] + dict(entity.votes).get(
                    EntityType.PERSON, 0.0)),)))
    spans: list[Span] = []
    entities: list[Entity] = []
    common_acronyms = _common_acronyms(doc)
    for group, group_spans, entity in typed_groups:
        others = [e for _, _, e in typed_groups if e is not entity]
        if not _maker_product(doc, entity, group, others) \
                and not _capital_after_abbreviation(doc, group) \
                and entity.name not in common_acronyms:
            spans += group_spans
            entities.append(entity)
    country_spans, countries = _countries(doc, mentions)
    spans = sorted(spans + country_spans, key=lambda s: (s.start, s.end))
    doc.spans[SPANS_KEY] = SpanGroup(doc, name=SPANS_KEY, spans=spans)
    doc._.ng_entities = sorted(entities + countries, key=lambda e: (e.type, e.name))


def _groups(doc: Doc, names: list[Mention], texts: list[str]) -> list[list[int]]:
    """The mentions of one thing, by index, in the order of their first mention."""
    position = {id(m): i for i, m in enumerate(names)}
    defined = [(i, position[id(m.alias_of)]) for i, m in enumerate(names)
               if m.alias_of is not None and id(m.alias_of) in position]
    roots = group_mentions([(t, _evidenced_label(m)) for t, m in zip(texts, names, strict=True)],
                           same=defined,  # another name the text gives a name joins it
                           apart=_units_apart(doc, names, texts))
    groups: dict[int, list[int]] = defaultdict(list)
    for i, root in enumerate(roots):
        groups[root].append(i)
    return list(groups.values())


def introduced_as_unit(span: Span) -> bool:
    """Whether the text introduces a name as a unit of a company: a unit noun just before it
    or, by the parse, before it as a modifier or with the name in apposition ("patent unit
    Globex Technologies", "its unit, Globex Optics"), or after it in apposition ("Globex
    Optics, a unit of Globex"); a name joined to one so introduced is one too ("its units
    Globex Optics and Globex Chips"). A name before a unit noun is not ("the Globex unit" is
    Globex's).

    >>> from spacy.lang.en import English
    >>> doc = Doc(English().vocab, words=["its", "unit", "Globex", "Optics", "grew"],
    ...           heads=[1, 4, 3, 1, 4], deps=["poss", "nsubj", "compound", "appos", "ROOT"])
    >>> introduced_as_unit(doc[2:4]), introduced_as_unit(doc[0:2])
    (True, False)
    """
    units = lexicon().lower("unit_noun")
    before = span.doc[span.start - 1] if span.start else None
    if before is not None and before.lower_ in units and before.pos_ == "NOUN":
        return True  # whatever the parse: "lift patent unit Globex Technologies' sales"
    root = span.root
    while root.dep_ == "conj" and root.head.i < root.i:
        root = root.head
    for child in root.children:
        if child.lower_ in units and not span.start <= child.i < span.end and (
                (child.dep_ == "compound" and child.i < span.start) or child.dep_ == "appos"):
            return True
    return root.dep_ == "appos" and root.head.lower_ in units and root.head.i < span.start


def _units_apart(doc: Doc, names: list[Mention], texts: list[str]) -> list[tuple[int, int]]:
    """Pairs of mentions (by index) the text says are two things: a name it introduces as a
    unit of a company, and a shorter name it begins (by more than legal forms) named in the
    same sentence, its parent's: "Globex said its patent unit Globex Technologies ..." names
    Globex and its unit. A shorter name only found elsewhere is most often the unit's own
    ("Acme's division Picker International ... Picker employs ...").

    >>> from spacy.lang.en import English
    >>> doc = Doc(English().vocab, words=["Globex", "said", "unit", "Globex", "Chips", "grew"],
    ...           heads=[1, 1, 4, 4, 5, 1], deps=["nsubj", "ROOT", "compound", "compound",
    ...                                           "nsubj", "ccomp"])
    >>> names = [Mention(0, 1, "ORG", defaultdict(float)), Mention(3, 5, "ORG", defaultdict(float))]
    >>> _units_apart(doc, names, ["Globex", "Globex Chips"])
    [(1, 0)]
    """
    pairs = []
    for i, unit in enumerate(names):
        if not introduced_as_unit(doc[unit.start:unit.end]):
            continue
        sentence = doc[unit.start].sent
        for j, other in enumerate(names):
            if sentence.start <= other.start < sentence.end \
                    and (other.end <= unit.start or other.start >= unit.end) \
                    and begins_name(texts[j], texts[i]):
                pairs.append((i, j))
    return pairs


def begins_name(short: str, longer: str) -> bool:
    """Whether a name begins a longer one that adds more than legal forms to it.

    >>> [begins_name("Globex", n) for n in ("Globex Chips", "Globex Inc.", "Globex", "Globe X")]
    [True, False, False, False]
    """
    short_key, longer_key = name_key(short), name_key(longer)
    added = longer_key.removeprefix(f"{short_key} ")
    legal = lexicon().lower("legal_form")
    return added != longer_key and not all(w in legal for w in added.split())


def _evidenced_label(mention: Mention) -> str:
    """The model's label of a mention, unless its own evidence beyond that label says
    otherwise ("Acme Inc" the model took for a person, a name in a credit line)."""
    own = {kind: weight - (WEIGHTS["model"] if mention.label == label else 0.0)
           for kind, label in ((EntityType.PERSON, "PERSON"), (EntityType.ORGANISATION, "ORG"))
           for weight in (mention.votes[kind],)}
    if own[EntityType.PERSON] > own[EntityType.ORGANISATION]:
        return "PERSON"
    if own[EntityType.ORGANISATION] > own[EntityType.PERSON]:
        return "ORG"
    return mention.label


def _group_entity(
    doc: Doc, members: list[Mention], texts: list[str]
) -> tuple[list[Span], Entity] | None:
    """The spans and the entity of one group of mentions, typed by the votes of them all;
    None for a product or an asset ("the Orion chip"), or a name with no evidence at all."""
    votes: defaultdict[str, float] = defaultdict(float)
    forms: Counter[str] = Counter()
    surfaces = set()
    for mention, text in zip(members, texts, strict=True):
        for kind_, weight in mention.votes.items():
            votes[kind_] += weight
        forms[text] += 1
        surfaces.add(" ".join(doc[mention.start:mention.end].text.split()))
    if _head_word_only(forms) or _event_name(forms):
        return None
    product = votes.pop(PRODUCT, 0.0)
    defined = votes.pop(DEFINED_PRODUCT, 0.0)
    if defined and _announcing(doc, members):
        defined = 0.0  # "Zentrol said ...": what announces is a company of the product's name
    if defined:  # where the text says it is a product, "which" or "its" says no more than that
        votes[EntityType.ORGANISATION] -= sum(thing_votes(doc[m.start:m.end]) for m in members)
    if product > max(votes[EntityType.ORGANISATION], votes[EntityType.PERSON]) \
            or not (votes[EntityType.ORGANISATION] or votes[EntityType.PERSON]):
        return None
    if defined and defined >= max(_beyond_model(members, votes, EntityType.ORGANISATION, "ORG"),
                                  _beyond_model(members, votes, EntityType.PERSON, "PERSON")):
        return None  # what the text says the thing is outweighs the model's labels
    if _beyond_model(members, votes, EntityType.ORGANISATION, "ORG") > 0:
        votes[EntityType.PERSON] -= _repeated_given_name(doc, members)
    votes[EntityType.PERSON] += _surname_votes(members, texts, votes[EntityType.PERSON])
    votes[EntityType.PERSON] -= _lone_word_votes(members, texts, votes)
    votes[EntityType.PERSON] -= _unsupported_person_labels(members)
    if _person_by_label_alone(members, texts, votes) and not _named_in_full(doc, texts) \
            and not _acting(doc, members):
        return None
    kind = max((EntityType.ORGANISATION, EntityType.PERSON),
               key=lambda t: (votes[t], t == EntityType.ORGANISATION))
    name = fullest_name(forms)
    if kind == EntityType.ORGANISATION and (_place_alone(members, votes, name)
                                            or _town_elsewhere(doc, members, votes, forms)):
        return None
    aliases = (set(forms) | surfaces) - {name}
    if kind == EntityType.ORGANISATION:
        # a lower-case ministry named with its country already (ingest/bodies.py)
        bodied = any(m.name == name and doc[m.start].is_lower for m in members)
        named = name if bodied else _of_its_country(doc, members, name)
        if bodied or named != name:
            # the name less its country is no other name of it: it is as much another country's
            aliases, name = {a for a in aliases if leading_country(a)}, named
            if other := ministry_of_form(name):  # "Chinese Ministry of Justice"
                aliases.add(other)
    spans = [Span(doc, m.start, m.end, label=kind) for m in members]
    for span in spans:
        span._.ng_name = name
    return spans, Entity(
        name=name, type=kind, aliases=tuple(sorted(aliases - {name})),
        mentions=sum(forms.values()),
        votes=tuple(sorted((t, round(v, 2)) for t, v in votes.items() if v)),
    )


def _sentence_case_noun(doc: Doc, members: list[Mention], nouns: frozenset[str]) -> bool:
    """Whether a group is one common noun capitalised only because it opens a sentence, read
    as the noun it is, alone or with the lower-case nouns the model read with it: lower-case
    nouns after it describe a name ("Buyout firm Acme", "Tech giant Globex", "Hedge-fund
    manager Jane Roe", "Ride service Lyft"), or a plural is joined to a lower-case noun
    ("Automakers and technology companies"). What an organisation has after its name
    ("Pentagon officials said", "Pentagon chief Jane Roe") and a listed company's name ("Apple
    shares") leave it a name, and so does a word capitalised anywhere but at a sentence's
    start."""
    if not nouns or not members:
        return False
    possessed = lexicon().lower("org_possessed")
    for mention in members:
        token = doc[mention.start]
        rest = doc[mention.start + 1:mention.end]  # "Ride service Lyft": nouns in lower case
        if not token.is_title or not token.is_alpha or not _opens_sentence(token) \
                or not common_noun(token.text, nouns) or listed_company(token.text) \
                or listed_short_form(name_key(token.text)) \
                or not all(t.is_lower and t.pos_ == "NOUN" and t.lower_ not in possessed
                           for t in rest):
            return False
        after = _word_after(doc[mention.end - 1])
        if after is None or (not rest and not (after.is_lower and after.is_alpha)):
            return False
        if after.pos_ == "CCONJ":
            if not (token.lower_.endswith("s") and (then := _word_after(after)) is not None
                    and then.is_lower and then.pos_ == "NOUN"):
                return False
            continue
        while after is not None and after.is_lower and after.pos_ in ("NOUN", "ADJ"):
            if after.lower_ in possessed:
                return False
            after = _word_after(after)
        if after is None or not (after.is_title and after.pos_ == "PROPN"):
            return False
    return True


def _opens_sentence(token: Token) -> bool:
    """Whether only punctuation or a dateline's capitals stand before a token in its
    sentence ("SEOUL Tech giant ...")."""
    return all(t.is_punct or t.is_space or (t.is_upper and t.is_alpha and len(t) > 1)
               for t in token.doc[token.sent.start:token.i])


def _word_after(token: Token) -> Token | None:
    """The word after a token, across a hyphen ("Hedge-fund")."""
    doc = token.doc
    i = token.i + 1
    if i < len(doc) and doc[i].text == "-" and not doc[i].whitespace_ and not token.whitespace_:
        i += 1
    return doc[i] if i < len(doc) else None


def _kin_of_person(entity: Entity, members: list[Mention], people: list[Entity]) -> bool:
    """Whether an organisation's name of two or three words is a person's who shares a
    surname with one the document names in full ("Jane Roe" beside "John Roe"), where only
    the model's labels say it is an organisation and no word of it says so."""
    if entity.type != EntityType.ORGANISATION or any(
            m.votes[EntityType.ORGANISATION] > (WEIGHTS["model"] if m.label == "ORG" else 0.0)
            for m in members):
        return False
    words = entity.name.split()
    if not 1 < len(words) < 4 or not all(w[:1].isupper() and w.replace("-", "").isalpha()
                                         and w not in company_words() for w in words):
        return False
    return any(len(p := person.name.split()) > 1 and p[-1] == words[-1] and p[0] != words[0]
               for person in people)


def _relabelled(doc: Doc, spans: list[Span], label: str) -> list[Span]:
    """The spans again with another label, their names kept."""
    found = []
    for span in spans:
        again = Span(doc, span.start, span.end, label=label)
        again._.ng_name = span._.ng_name
        found.append(again)
    return found


def _common_acronyms(doc: Doc) -> frozenset[str]:
    """The acronyms the text defines for words in lower case, which name a thing and no one
    ("indium gallium zinc oxide (IGZO)", "a very large crude carrier (VLCC)"), unless a noun
    after them says they are a company's business ("industrial systems (IS) business")."""
    found = set()
    business = lexicon().lower("business_noun")
    for token in doc[1:-2]:
        k = token.i
        if token.text != "(" or doc[k + 2].text != ")" or not ACRONYM.match(doc[k + 1].text) \
                or (k + 3 < len(doc) and doc[k + 3].lower_ in business):
            continue
        acronym = doc[k + 1].text
        for start in range(max(0, k - 8), k):
            words = doc[start:k]
            if all(t.is_lower and t.is_alpha for t in words) \
                    and initials(words.text) == acronym.replace("&", ""):
                found.add(acronym)
                break
    return frozenset(found)


def _capital_after_abbreviation(doc: Doc, members: list[Mention]) -> bool:
    """Whether a name is only ever a country's dotted abbreviation and one capitalised word
    that is no body's or company's head word ("U.S. Withdrawal", "the U.S. Market"), with
    nothing beyond the model's labels saying it is an organisation or a person: wire copy
    capitalises the word after such an abbreviation ("U.S. Senate", "U.S. Steel said it" are
    names)."""
    lex = lexicon()
    heads = company_words()
    for mention in members:
        if mention.votes[EntityType.ORGANISATION] + mention.votes[EntityType.PERSON] > \
                (WEIGHTS["model"] if mention.label in ("ORG", "PERSON") else 0.0):
            return False
        words = [t for t in doc[mention.start:mention.end] if not t.is_space]
        if words and words[0].lower_ == "the":
            words = words[1:]
        if len(words) != 2 or "." not in words[0].text or country_of(words[0].text) is None \
                or not words[1].is_title or not words[1].is_alpha or words[1].text in heads \
                or words[1].lower_ in lex.lower("government_body_head"):
            return False
    return bool(members)


def _maker_product(
    doc: Doc, entity: Entity, members: list[Mention], others: list[Entity]
) -> bool:
    """Whether a name is a product named after its maker: an organisation the document names
    on its own, then words that say nothing of a company (no head word, unit noun, legal form,
    acronym or place), and nothing in the text beyond the model's labels that it is an
    organisation or a person, nor a company's legal form listed with it ("Globex launched its
    mobile payment Globex Pay"; "Globex Chips", "Globex SDI", "Globex Pay Ltd" and "Globex
    Vela and Initech Ltd" are left alone)."""
    lex = lexicon()
    legal = lex.words("legal_form")
    if any(m.votes[kind] > (WEIGHTS["model"] if m.label == label else 0.0)
           for m in members for kind, label in ((EntityType.ORGANISATION, "ORG"),
                                                (EntityType.PERSON, "PERSON"))) \
            or any(t.text in legal for m in members
                   for conjunct in doc[m.start:m.end].root.conjuncts
                   for t in doc[conjunct.left_edge.i:conjunct.i + 1]):
        return False
    words = entity.name.split()
    company_words = lex.words("org_head") | lex.words("org_suffix") | legal \
        | lex.words("org_generic")
    company_nouns = lex.lower("unit_noun") | lex.lower("org_kind") | lex.lower("org_context")
    makers = set()
    for other in others:
        if other.type == EntityType.ORGANISATION:
            for form in (other.name, *other.aliases):
                maker = form.replace(",", " ").split()
                while len(maker) > 1 and maker[-1] in lex.words("legal_form"):
                    maker.pop()  # "Globex Inc" makes "Globex Pay"
                makers.add(name_key(" ".join(maker)))
    for cut in range(1, len(words)):
        rest = words[cut:]
        if name_key(" ".join(words[:cut])) in makers and not any(
                word in company_words or word.casefold() in company_nouns
                or ACRONYM.match(word) or not word[:1].isupper()
                or country_of(word) or place_key(word) in subdivisions()
                for word in rest):
            return True
    return False


def _of_its_country(doc: Doc, members: list[Mention], name: str) -> str:
    """A ministry's or department's name with the country the text gives it ("China's
    Ministry of Commerce" is the Chinese Ministry of Commerce, "India's" the Indian one), so
    that bodies of one name in two countries stay two; the name as it is where no mention or
    several countries say whose it is, where it names its country already, or where the
    country has no adjective of one or more capitalised words ("Icelander" is a noun).

    The country is the whole run of capitalised words before a possessive just before a
    mention ("North Korea's"), a country's name and no state's or province's ("Georgia's",
    "New Mexico's" and "Scotland's" are left alone).
    """
    words = name.split()
    heads = lexicon().lower("ministry_head")
    if not (words[0].casefold() in heads or words[-1].casefold() in heads) \
            or leading_country(name):
        return name
    found: set[str | None] = set()
    for mention in members:
        end = mention.start - 1
        if end < 1 or doc[end].tag_ != "POS":
            continue
        start = end
        while start > 0 and doc[start - 1].is_title and doc[start - 1].is_alpha:
            start -= 1
        owner = doc[start:end].text
        found.add(None if not owner or place_key(owner) in subdivisions()
                  else country_of(owner))
    if len(found) != 1 or None in found:
        return name
    country = found.pop()
    assert country is not None
    modifier = modifier_of(country)
    return name if modifier == country else f"{modifier} {name}"


def _repeated_given_name(doc: Doc, members: list[Mention]) -> float:
    """The first name's votes beyond the first: a name written in full again and again is
    one piece of evidence about the name, weighed once against evidence beyond the model's
    labels that it is an organisation ("luxury goods firm Globex Vane", "Globex Vane's
    shares"); against the model's labels alone, each mention's first name answers its own."""
    found = [w for m in members if (w := given_name_vote(doc[m.start:m.end]))]
    return sum(found) - max(found, default=0.0)


def _beyond_model(
    members: list[Mention], votes: defaultdict[str, float], kind: str, label: str
) -> float:
    """The votes for ``kind`` that are not the model's ``label`` of a mention."""
    return votes[kind] - WEIGHTS["model"] * sum(1 for m in members if m.label == label)


def _place_alone(members: list[Mention], votes: defaultdict[str, float], name: str) -> bool:
    """Whether a name read once is a town, a city or a state of the reference data with no
    evidence of an organisation but the model's label ("a plant in Sendai, northern Japan"):
    the place, which is no entity; a name with a legal form, a head word, a noun saying what
    it is ("telecoms company Orange") or a second mention stays, and so does the name of a
    listed company or the first word of one ("Toyota")."""
    return len(members) == 1 and (is_place(name) or city_of(name) is not None
                                  or place_key(name) in subdivisions()) \
        and _beyond_model(members, votes, EntityType.ORGANISATION, "ORG") < WEIGHTS["parse"] \
        and not listed_company(name) and listed_short_form(name_key(name)) is None


def _town_elsewhere(doc: Doc, members: list[Mention], votes: defaultdict[str, float],
                    forms: Counter[str]) -> bool:
    """Whether a name the text writes elsewhere as a town with its state or country ("its
    Murdochville, Quebec, copper mine ... at Murdochville") has no evidence of an
    organisation but the model's labels: the place, wherever the text names it. A town's
    name is written in words of capitals and small letters."""
    if _beyond_model(members, votes, EntityType.ORGANISATION, "ORG") >= WEIGHTS["parse"]:
        return False
    for form in forms:
        words = form.split()
        if not all(w.isalpha() and w.istitle() for w in words):
            continue  # "U.N., U.S., and European Union sanctions" lists, names no town
        for token in doc:
            end = token.i + len(words)
            if token.text == words[0] and end <= len(doc) \
                    and [t.text for t in doc[token.i:end]] == words and region_follows(doc, end) \
                    and not (end + 3 < len(doc) and doc[end + 2].text == "-"):  # "X, Texas-based"
                return True
    return False


def _head_word_only(forms: Counter[str]) -> bool:
    """Whether a group is only ever an organisation's head word that names no body of a
    state: "the Trust", "Media" with no name in the document that ends with it ("Senate",
    "Navy" name the country's)."""
    lex = lexicon()
    return all(form in lex.words("org_head")
               and form.casefold() not in lex.lower("government_body_head") for form in forms)


def _event_name(forms: Counter[str]) -> bool:
    """Whether every form of a group is the name of an event, its last word a head word of
    events ("the Venice Summit", "the Iowa Caucus"): a meeting or a contest, no organisation."""
    heads = lexicon().words("event_head")
    return all(len(words := form.split()) > 1 and words[-1] in heads for form in forms)


def _lone_word_votes(
    members: list[Mention], texts: list[str], votes: defaultdict[str, float]
) -> float:
    """The model's person votes that do not count: a name the document only ever gives as one
    word, with evidence that it is an organisation, is no person the model knows of (news
    introduces people by their full name; "Kuka", read as a person, is "robotics maker Kuka")."""
    if any(len(text.split()) > 1 for text in texts) or not votes[EntityType.ORGANISATION]:
        return 0.0
    return WEIGHTS["model"] * sum(1 for m in members if m.label == "PERSON")


def _unsupported_person_labels(members: list[Mention]) -> float:
    """The model's person votes that do not count: where evidence beyond the model's labels
    says in two mentions or more that a name is an organisation ("ride-hailing start-up X",
    "X, which is backed by") and no evidence beyond them that it is a person (no title, role,
    first name or pronoun), the model's labels are its guess at a name it does not know."""
    person = sum(m.votes[EntityType.PERSON] - (WEIGHTS["model"] if m.label == "PERSON" else 0.0)
                 for m in members)
    organisation = sum(
        1 for m in members
        if m.votes[EntityType.ORGANISATION] - (WEIGHTS["model"] if m.label == "ORG" else 0.0) > 0)
    if person > 0 or organisation < 2:
        return 0.0
    return WEIGHTS["model"] * sum(1 for m in members if m.label == "PERSON")


def _person_by_label_alone(
    members: list[Mention], texts: list[str], votes: defaultdict[str, float]
) -> bool:
    """Whether only the model says a name the document only ever gives as one word is a
    person: no title, role, first name, pronoun or other name of the document does, nor
    anything that it is an organisation. News introduces people by their full name or their
    title; such a word is most often a product, a place or a company's name ("growth hormone,
    Humatrope"; "the Luton van plant")."""
    return all(" " not in text for text in texts) and not votes[EntityType.ORGANISATION] \
        and _beyond_model(members, votes, EntityType.PERSON, "PERSON") <= 0


@cache
def _announcing_verbs() -> frozenset[str]:
    """The forms of the verbs only a company or a person is the subject of ("said")."""
    return lexicon().verbs("announcing_verb")


def _announcing(doc: Doc, members: list[Mention]) -> bool:
    """Whether a mention is the subject of a verb of saying or announcing ("Zentrol said")."""
    verbs = _announcing_verbs()
    for mention in members:
        root = doc[mention.start:mention.end].root
        if root.dep_ == "nsubj" and root.head.lower_ in verbs:
            return True
    return False


def _acting(doc: Doc, members: list[Mention]) -> bool:
    """Whether a mention is the subject of a verb in the active ("Putin said", "Trump imposed
    tariffs"): what the news has act alone by one name is mostly someone it need not introduce,
    where a product or a place is named in a list, before a noun or after a preposition."""
    for mention in members:
        root = doc[mention.start:mention.end].root
        if root.dep_ == "nsubj" and root.head.pos_ in ("VERB", "AUX"):
            return True
    return False


def _named_in_full(doc: Doc, texts: list[str]) -> bool:
    """Whether the document writes one of the words after another proper noun somewhere
    ("Gordon Wu"), where the model read the two as other names or none."""
    words = set(texts)
    for token in doc:
        if token.text not in words:
            continue
        before = token.i - 1
        while before >= 0 and doc[before].is_space:  # a name wrapped over two lines
            before -= 1
        if before >= 0 and doc[before].pos_ == "PROPN" and doc[before].is_title \
                and doc[before].is_alpha:
            return True
    return False


def _surname_votes(members: list[Mention], texts: list[str], person: float) -> float:
    """A surname used alone elsewhere in the document counts for the person named in full
    ("Smith", "Le Pen")."""
    full = [text for text in texts if len(text.split()) > 1]
    if not (any(m.label == "PERSON" for m in members) and full and person):
        return 0.0
    last = {f.split()[-1] for f in full}
    with_particles = {surname for f in full
                      if (surname := surname_with_particles(f.casefold())) is not None}
    return WEIGHTS["surname"] * sum(
        1 for m, text in zip(members, texts, strict=True)
        if ((" " not in text and text in last) or text.casefold() in with_particles)
        and m.label != "PERSON")


def _countries(doc: Doc, mentions: list[Mention]) -> tuple[list[Span], list[Entity]]:
    """The spans and entities of the countries mentioned: a country named only by nationality
    words ("Dutch") gets half the vote of one named."""
    spans = []
    by_country: dict[str, Counter[str]] = defaultdict(Counter)
    demonym_only: dict[str, bool] = {}
    for m in mentions:
        if m.country is None:
            continue
        span = Span(doc, m.start, m.end, label=EntityType.COUNTRY)
        span._.ng_name = m.country
        span._.ng_demonym = m.demonym
        spans.append(span)
        by_country[m.country][span.text] += 1
        demonym_only[m.country] = demonym_only.get(m.country, True) and m.demonym
    entities = [Entity(name=country, type=EntityType.COUNTRY,
                       aliases=tuple(sorted(set(forms) - {country})), mentions=sum(forms.values()),
                       votes=((EntityType.COUNTRY, 1.0 if demonym_only[country] else 2.0),))
                for country, forms in by_country.items()]
    return spans, entities


@Language.factory(
    "ng_entities",
    requires=["doc.ents", "token.dep", "token.tag"],
    assigns=["doc.spans", "span._.ng_name", "span._.ng_demonym", "doc._.ng_entities"],
)
def make_entity_recognizer(nlp: Language, name: str) -> EntityRecognizer:
    """Create the ``ng_entities`` component."""
    return EntityRecognizer(nlp, name)


# ----------------------------------------------------------------------------- finishing


def _split_authors(authors: Iterable[str]) -> list[str]:
    found: dict[str, None] = {}
    for raw in authors:
        for part in re.split(r"\s*(?:,|;|\band\b|&|\|)\s*", raw):
            part = re.sub(r"^(?:by)\s+", "", part.strip(), flags=re.IGNORECASE).strip()
            if part:
                found.setdefault(part)
    return list(found)


def author_entities(authors: Iterable[str]) -> list[Entity]:
    """Feed authors as entities: people, or the organisation a desk byline names.

    >>> for e in author_entities(["Ann Lee,Bo Chen", "Ann Lee", "XYZ Reporters"]):
    ...     print(e.name, e.type, e.aliases)
    Ann Lee Person ()
    Bo Chen Person ()
    XYZ Organisation ('XYZ Reporters',)
    """
    lex = lexicon()
    desk = lex.words("desk")
    entities = []
    for name in _split_authors(authors):
        words = name.split()
        if words[-1] in desk or words[-1] in lex.words("org_head") or ACRONYM.match(words[0]):
            org = " ".join(w for w in words if w not in desk) or name
            aliases = (name,) if org != name else ()
            entities.append(Entity(org, EntityType.ORGANISATION, aliases,
                                   votes=((EntityType.ORGANISATION, WEIGHTS["name"]),)))
        elif len(words) > 1 and all(w[:1].isupper() for w in words):
            entities.append(Entity(name, EntityType.PERSON,
                                   votes=((EntityType.PERSON, WEIGHTS["name"]),)))
    return entities


def _names_publication(name: str, publication: str) -> bool:
    """Whether a name stands for a publication: the name itself, its acronym, or its last
    word where that is a head word ("the Post").

    >>> [_names_publication(n, "Daily Planet Post") for n in ("DPP", "Post", "Planet")]
    [True, True, False]
    """
    words = publication.split()
    return (name_key(name) == name_key(publication)
            or (len(words) > 1 and name == initials(publication))
            or (len(words) > 1 and name == words[-1] and name in lexicon().words("org_head")))


def publication_entity(
    entities: Sequence[Entity], publisher: str | None
) -> tuple[list[Entity], Entity | None]:
    """The publication a document's publisher line or feed title names, with the entities
    that stand for it (a desk byline "DPP Reporters", "the Post"); the others unchanged.

    The title's part that those entities name is the publication ("Markets - Daily Planet
    Post"); with none, a publisher that is one plain name ("Globex Wire") is the publication.

    >>> rest, pub = publication_entity(
    ...     [Entity("DPP", "Organisation", ("DPP Reporters",)), Entity("Post", "Organisation"),
    ...      Entity("Globex", "Organisation")], "Markets - Daily Planet Post")
    >>> pub.name, pub.aliases, [e.name for e in rest]
    ('Daily Planet Post', ('DPP', 'DPP Reporters', 'Post'), ['Globex'])
    >>> publication_entity([], "Top News")[1] is None
    True
    """
    if not publisher or not publisher.strip():
        return list(entities), None
    publisher = " ".join(publisher.split())
    parts = [p for p in re.split(r"\s+[-\u2013\u2014|]\s+|:\s+", publisher) if p.strip()]
    matched: list[Entity] = []
    name = publisher
    for part in parts:
        matched = [e for e in entities if e.type == EntityType.ORGANISATION
                   and any(_names_publication(n, part) for n in (e.name, *e.aliases))]
        if matched:
            name = part
            break
    words = name.split()
    if not matched and (len(parts) != 1 or len(words) > 5 or not all(w[:1].isupper() for w in words)
                        or any(w in lexicon().words("feed_section") for w in words)):
        return list(entities), None
    aliases = sorted({n for e in matched for n in (e.name, *e.aliases)} - {name})
    votes = WEIGHTS["name"] + sum(v for e in matched for t, v in e.votes
                                  if t == EntityType.ORGANISATION)
    publication = Entity(name, EntityType.ORGANISATION, tuple(aliases),
                         mentions=sum(e.mentions for e in matched) or 1,
                         votes=((EntityType.ORGANISATION, round(votes, 2)),))
    return [e for e in entities if e not in matched], publication


def finish_entities(
    entities: Sequence[Entity],
    spans: Iterable[Span],
    relations: Iterable[Relation],
    *,
    authors: Iterable[str] = (),
    publisher: str | None = None,
) -> tuple[Entity, ...]:
    """The entities an extraction keeps.

    Countries seen only as nationality words ("Dutch") go unless a relation names them;
    the feed item's authors join as people (or desks' organisations); the publication joins,
    under its full name, with the names that stand for it (see :func:`publication_entity`).
    """
    stated = {s._.ng_name for s in spans if s.label_ == EntityType.COUNTRY and not s._.ng_demonym}
    used = {name for r in relations for name in (r.subject, r.object)}
    kept = [e for e in entities
            if e.type != EntityType.COUNTRY or e.name in stated or e.name in used]
    known = {(e.type, name_key(n)) for e in kept for n in (e.name, *e.aliases)}
    for author in author_entities(authors):
        if (author.type, name_key(author.name)) not in known:
            kept.append(author)
            known.add((author.type, name_key(author.name)))
    kept, publication = publication_entity(kept, publisher)
    if publication is not None:
        kept.append(publication)
    return tuple(sorted(kept, key=lambda e: (e.type, e.name)))

