"""The type of one mention, voted from evidence about the name and its neighbours.

Evidence, each a vote for a type (see :data:`~newsgraph.ingest.names.WEIGHTS`):

* reference data: ISO 3166-1 countries and their short forms, demonyms ("Dutch"), and cities
  that stand for their country ("Beijing said", "Shanghai-based"), see
  :mod:`newsgraph.ingest.gazetteer`;
* the name: a legal form ("... Inc", "... GmbH"), which outweighs the parse; head words
  ("... Association", "... Technologies"), an acronym
  in capitals, a leading place name ("Shanghai ...") or a plural noun, which no person's name has;
  another language's company word or article ("... Energi", "La ..."), and a legal form the
  article writes with the name elsewhere ("<Globex Ltd>", "PT Globex");
* the parse: a neighbouring noun ("chipmaker X", "companies such as X"), what the name
  possesses ("X's shares"), a title ("President X"), a role or kin only a person has
  ("co-CEOs X", "her father X"), where an analyst works ("an analyst with X"), the pronoun
  that refers back to it ("X said it would appeal");
* the model's label, and the names listed with it ("companies such as A, B and C").

A mention that is a product, a place that is no country, or part of a law's name is no entity.

>>> import spacy
>>> from newsgraph.ingest.mentions import Candidate
>>> doc = spacy.blank("en")("The Robot Makers Association said so.")
>>> mention = classify(doc, Candidate(1, 4, "ORG", titled=False, pattern=False))
>>> mention.votes["Organisation"]  # the model's label, and a head word
3.0
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache
from typing import cast

from spacy.tokens import Doc, Span, Token

from newsgraph.ingest.bodies import body_name
from newsgraph.ingest.credits import credit_line_part
from newsgraph.ingest.gazetteer import (
    city_of,
    country_of,
    demonym_of,
    is_place,
    place_key,
    seat_of,
)
from newsgraph.ingest.markup import code_follows
from newsgraph.ingest.mentions import (
    Candidate,
    Mention,
    employer_before_role,
    headline_case,
    is_junk,
    object_of_role,
    party_initial_set_off,
    possesses,
    pronoun_back,
    region_follows,
    ruler_words,
    sanctioned,
)
from newsgraph.ingest.names import (
    ACRONYM,
    WEIGHTS,
    given_names,
    lexicon,
    listed_company,
    party_initials,
    subdivisions,
    verb_forms,
    world_given_names,
)
from newsgraph.ontology import EntityType

__all__ = ["DEFINED_PRODUCT", "PRODUCT", "classify", "given_name_vote", "thing_votes", "vote_lists"]

#: The vote that a name is a product or an asset ("the Orion chip"), which is no entity.
PRODUCT = "Product"
#: The part of :data:`PRODUCT` that says what the thing is, before the name or beside it
#: ("its ulcer drug Orvex", "Orvex, the anti-ulcer drug"): it outweighs the model's labels.
DEFINED_PRODUCT = "DefinedProduct"

#: A model's designator: a number of three digits or more, capitals before a number ("737",
#: "A3", "BE-4"), or one capital letter after a word ("Model S"); a short number names
#: broadcasters too ("Channel 4").
_DESIGNATOR = re.compile(r"^(?:\d{3,}|[A-Z]{1,3}-?\d+[A-Za-z]?|[A-Z])$")
_DEMONYM_FORMS = re.compile(r"^[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?s?$")
#: The model's labels of names that may be a country, or a city standing for one.
_PLACE_LABELS = ("GPE", "LOC", "NORP", "FAC", "ORG")
#: The labels a typed name may have ("NAME": a name the model took for a nationality).
_NAME_LABELS = ("ORG", "PERSON", "GPE", "NAME")

_Votes = dict[str, float]  # type -> weight


def classify(doc: Doc, candidate: Candidate) -> Mention | None:
    """The typed mention of a candidate name, or None when it names no entity.

    A party adjective before a politician names the party; a country's name, a nationality
    word or a city that stands for its country is a mention of the country; any other name
    gets the votes of the evidence about it.
    """
    span = doc[candidate.start:candidate.end]
    if credit_line_part(span) in ("place", "desk", "role"):  # "X in Tokyo", "Y ... Desk"
        return None
    mention = _party(span, candidate.label)
    if mention is None and candidate.label == "ORG" and (body := body_name(span)):
        mention = Mention(span.start, span.end, "ORG", defaultdict(float), name=body)
        mention.votes[EntityType.ORGANISATION] += WEIGHTS["name"]
    if mention is None:
        mention = _country(span, candidate.label)
    if mention is None:
        label = _label_of_name(span, candidate.label)
        if label is None or is_junk(span.text) or _not_here(span, label):
            return None
        mention = Mention(span.start, span.end, label, _votes(span, label, candidate.titled))
    if candidate.pattern:  # a pattern of entities.jsonl matched it
        mention.votes[EntityType.ORGANISATION] += WEIGHTS["name"]
    return mention


def _party(span: Span, label: str) -> Mention | None:
    """A party adjective before a politician names the party: "Republican Senator X"; so
    does a party's initial set off after one ("X (D-Ohio)", "X, D-Ohio,")."""
    text = span.text
    parties = party_initials()
    if label == "NORP" and text in parties and party_initial_set_off(span.doc[span.start]):
        votes_of_initial: defaultdict[str, float] = defaultdict(float)
        votes_of_initial[EntityType.ORGANISATION] += WEIGHTS["name"]
        return Mention(span.start, span.end, "ORG", votes_of_initial,
                       name=f"{parties[text]} Party")
    if label == "NORP" and text in lexicon().words("party_adjective") \
            and _before_politician(span):
        votes: defaultdict[str, float] = defaultdict(float)
        votes[EntityType.ORGANISATION] += WEIGHTS["name"]
        adjective = f"{text}ic" if text.endswith("crat") else text  # "Democrat" of Vermont
        return Mention(span.start, span.end, "ORG", votes, name=f"{adjective} Party")
    return None


def _country(span: Span, label: str) -> Mention | None:
    """A mention of a country: its name or short form, a nationality word ("Dutch"), or a city
    that stands for it ("Beijing said")."""
    if label not in _PLACE_LABELS and not _country_not_person(span, label):
        return None
    text = span.text
    country = country_of(text) or seat_of(text)
    if country and (label != "ORG" or " " not in text or text.istitle()):
        return Mention(span.start, span.end, label, defaultdict(float), country=country)
    government = _government_of(text)
    if government is not None:  # "U.S. Government", "Chinese authorities"
        return Mention(span.start, span.end, label, defaultdict(float), country=government)
    if (label in ("NORP", "GPE") or _adjectival(span)) and _DEMONYM_FORMS.match(text) \
            and (found := demonym_of(text)):
        return Mention(span.start, span.end, label, defaultdict(float), country=found,
                       demonym=True)
    city = city_of(text)
    if city is not None and not _place_with_region(span) and (  # "Paris, Texas" is a town
            (label != "ORG" and (city.capital or _city_stands_for_country(span)))
            or (label == "ORG" and (_metonym_next(span)  # "the Oslo government"
                                    or (city.capital and _acting_alone(span))))):
        return Mention(span.start, span.end, label, defaultdict(float), country=city.country)
    return None


def _country_not_person(span: Span, label: str) -> bool:
    """Whether a one-word "person" is a country's name that is no common first name nor the
    surname of a person the document names in full ("The Bermuda registered Acme Ltd"; not
    "Jordan", nor "France" beside "Brian France").

    >>> from spacy.lang.en import English
    >>> doc = English()("The Bermuda registered Acme Ltd")
    >>> _country_not_person(doc[1:2], "PERSON"), _country_not_person(doc[1:2], "ORG")
    (True, False)
    """
    text = span.text
    if label != "PERSON" or len(span) != 1 or country_of(text) != text \
            or text in given_names():
        return False
    return not any(e.label_ == "PERSON" and len(e) > 1 and e[-1].text == text
                   for e in span.doc.ents)


def _adjectival(span: Span) -> bool:
    """A single word used as an adjective, before a lowercase word ("Dutch chipmaking firm"),
    whatever the model's label."""
    doc = span.doc
    return len(span) == 1 and span.end < len(doc) and doc[span.end].is_lower \
        and doc[span.end].is_alpha


def _owns(span: Span) -> bool:
    """Whether a name owns what organisations own, with a possessive ("Symantec's president",
    "Qlik's shares"): no nationality word does, so a name the model took for one that does is
    a name."""
    doc = span.doc
    return span.end < len(doc) and doc[span.end].tag_ == "POS" \
        and possesses(span, lexicon().lower("org_possessed"))


def _describes(span: Span) -> bool:
    """A single adjective describing the noun it modifies ("upstart Asian rivals"): no name of
    the thing the noun is."""
    return len(span) == 1 and span.root.tag_ == "JJ" and span.root.dep_ == "amod"


def _government_of(text: str) -> str | None:
    """The country a country's name or nationality word and a word for its government name
    together: "U.S. Government", "Chinese authorities", "the U.S. administration"; never a
    leader's administration ("Trump administration").

    >>> _government_of("U.S. administration"), _government_of("Trump administration")
    ('United States', None)
    """
    words = text.split()
    if len(words) < 2 or words[-1].casefold() not in lexicon().lower("country_government"):
        return None
    place = " ".join(words[:-1])
    return country_of(place) or (demonym_of(place) if place[:1].isupper() else None)


def _headed(span: Span) -> bool:
    """Whether a name of two or more capitalised words ends with a word that makes a name an
    organisation's ("Gawker Media", "Acme Industries") and begins with none, outside a
    title-case headline."""
    heads = lexicon().words("org_head")
    words = [t for t in span if not t.is_punct]
    return len(words) >= 2 and all(t.is_title for t in words) \
        and words[-1].text in heads and words[0].text not in heads \
        and not headline_case(span.sent)


def _label_of_name(span: Span, label: str) -> str | None:
    """The label a mention that names no country keeps; None for no entity: a city that does
    not stand for its country, a region, a nationality, a label of none of our types.

    A nationality the parse shows to be a name ("leaders of Quorvex", "retailer Quorvex",
    "Quorvex's president"), a place or a building that is the organisation of a role ("an
    analyst at Quorvex"), and any of them with a legal form ("Quorvex Inc") become ``NAME``.
    """
    text = span.text
    if label in _PLACE_LABELS and label != "ORG" and _legal_form(span):
        return "NAME"  # "Berkshire Hathaway Inc" the model read as a building
    if label in _PLACE_LABELS and label != "ORG":
        # "telecoms company Orange": a noun saying what it is names a company, a city's name too
        if text[:1].isupper() and text.replace(" ", "").isalpha() and _named_by_noun(span):
            return "NAME"
        if city_of(text) is not None or is_place(text):
            return None
        if label in ("LOC", "FAC") and _headed(span):
            return "NAME"  # "Gawker Media", "Acme Industries" the model read as a place
        if label in ("NORP", "FAC", "LOC") and text[:1].isupper() \
                and text.replace(" ", "").isalpha() and (
                    object_of_role(span) or sanctioned(span)
                    or (label == "NORP" and (_owns(span) or (
                        not _describes(span)
                        and _near_noun(span, lexicon().lower("org_context")))))):
            return "NAME"
        if label in ("NORP", "LOC", "FAC") or place_key(text) in subdivisions():
            return None
    return label if label in _NAME_LABELS else None


# ----------------------------------------------------------------------------- evidence


def _votes(span: Span, label: str, titled: bool) -> defaultdict[str, float]:
    """The votes of every piece of evidence about a name that may be an entity."""
    votes: defaultdict[str, float] = defaultdict(float)
    for evidence in (
        _model_label(label),
        _legal_form(span),
        _listed(span, titled),
        _head_word(span),
        _acronym(span),
        _leading_place(span, label),
        _organisation_context(span),
        _named_thing(span),
        _role_of(span),
        _product(span),
        _title(span, titled),
        _person_role(span),
        _credit(span),
        _given_name(span),
        _foreign_name(span, label),
        _written_with_legal_form(span),
        _listed_company(span),
        _pronoun_back(span),
        _pronoun_next(span),
        _relative_pronoun(span),
        _led(span),
    ):
        for kind, weight in evidence.items():
            votes[kind] += weight
    return votes


def _model_label(label: str) -> _Votes:
    """The model's label; a place name we do not know ("GPE") is often a company."""
    if label == "ORG":
        return {EntityType.ORGANISATION: WEIGHTS["model"]}
    if label == "PERSON":
        return {EntityType.PERSON: WEIGHTS["model"]}
    return {EntityType.ORGANISATION: WEIGHTS["unknown_place"]}


def _legal_form(span: Span) -> _Votes:
    """A legal form after the name ("Globex Inc", "Vela GmbH"): a company, whatever the
    parse says of the name's role."""
    words = span.text.replace(",", " ").split()
    if len(words) > 1 and words[-1] in lexicon().words("legal_form"):
        return {EntityType.ORGANISATION: WEIGHTS["legal_form"]}
    return {}


def _listed(span: Span, titled: bool) -> _Votes:
    """An exchange code after the name ("Telenor (TEL.OL)"): a company, as sure as a legal
    form, unless a title or a given name says it is a person's."""
    if not code_follows(span) or _title(span, titled) or _given_name(span):
        return {}
    return {EntityType.ORGANISATION: WEIGHTS["listed"]}


def _head_word(span: Span) -> _Votes:
    """A last word that makes a name an organisation: "... Association", "... Corp."."""
    last = span.text.split()[-1]
    lex = lexicon()
    if last in lex.words("org_head") or last in lex.words("org_suffix"):
        return {EntityType.ORGANISATION: WEIGHTS["name"]}
    return {}


def _acronym(span: Span) -> _Votes:
    """One word in capitals: "SMIC", "AT&T"."""
    text = span.text
    if ACRONYM.match(text) and len(text.split()) == 1:
        return {EntityType.ORGANISATION: WEIGHTS["name"]}
    return {}


def _leading_place(span: Span, label: str) -> _Votes:
    """A "person" whose name starts with a place: "Shanghai Wanli", "Dutch Litho", "Fujian
    Jinhua"."""
    words = span.text.split()
    first = words[0]
    if label == "PERSON" and len(words) > 1 and (
        country_of(first) or city_of(first) or demonym_of(first)
        or (place_key(first) in subdivisions() and first not in given_names())  # "Fujian"
    ):
        return {EntityType.ORGANISATION: WEIGHTS["name"]}
    return {}


def _organisation_context(span: Span) -> _Votes:
    """A noun beside the name ("chipmaker X"), what it owns ("X's shares"), or a holding in
    it ("invested $1 billion in X", "a stake in X")."""
    lex = lexicon()
    if _near_noun(span, lex.lower("org_context")) or possesses(span, lex.lower("org_possessed")) \
            or _held(span) or _of_person(span):
        return {EntityType.ORGANISATION: WEIGHTS["parse"]}
    return {}


def _of_person(span: Span) -> bool:
    """Whether the name is what a person named in full is "of", and no place: "Jane Roe of
    Vane Dunn" names the firm she works for."""
    root = span.root
    of, person = root.head, root.head.head
    return root.dep_ == "pobj" and of.lower_ == "of" and of.i == span.start - 1 \
        and person.i == of.i - 1 and person.ent_type_ == "PERSON" and person.pos_ == "PROPN" \
        and person.i > 0 and person.doc[person.i - 1].ent_type_ == "PERSON" \
        and not any(t.ent_type_ in ("GPE", "LOC", "FAC") for t in span) \
        and not is_place(span.text) and city_of(span.text) is None


def _held(span: Span) -> bool:
    """Whether the name is what an investment or a holding is in or of, or what a deal or a
    bid is for: "invested in X", "a stake in the service X", "shares of X", "Microsoft's
    acquisition of X", "a merger with X", "a bid for X"."""
    token = span.root
    if token.dep_ == "appos":  # "in Chinese ride-hailing service Didi Chuxing"
        token = token.head
    preposition = token.head
    holding = preposition.head
    if holding.like_num or holding.pos_ == "NUM":  # "invested $1 billion in X"
        holding = holding.head
    lex = lexicon()
    if token.dep_ != "pobj":
        return False
    if preposition.lower_ in ("in", "of") and holding.lower_ in lex.lower("holding"):
        return True
    # "the acquisition of X", "a merger with X", "a bid for X"
    return preposition.lower_ in ("of", "with", "for") and holding.pos_ == "NOUN" \
        and holding.lower_ in lex.lower("company_deal")


def _named_thing(span: Span) -> _Votes:
    """A noun just before the name, or in apposition after it, that says it is a kind of
    organisation the model may not know names ("ride-hailing service Didi Chuxing", "online
    marketplace Lamudi", "Globex, a New York-based website"): the ``org_kind`` word set,
    beside the company nouns of ``org_context``."""
    kinds = lexicon().lower("org_kind")
    noun = _describing_noun(span)
    if (noun is None or noun.lower_ not in kinds) and not any(
            child.dep_ == "appos" and child.i >= span.end and child.lower_ in kinds
            and child.pos_ == "NOUN" for child in span.root.children):
        return {}
    return {EntityType.ORGANISATION: WEIGHTS["parse"]}


def _describing_noun(span: Span) -> Token | None:
    """The common noun just before the name that says what it is ("company" in "telecoms
    company Orange"): it modifies the name, or the name is in apposition to it."""
    before = span.doc[span.start - 1] if span.start > 0 else None
    if before is None or before.pos_ != "NOUN" or not before.is_lower \
            or not (span.start <= before.head.i < span.end or span.root.head == before):
        return None
    return before


def _role_of(span: Span) -> _Votes:
    """A role the name is the organisation of: "chairman of X", "X chairman"; twice the
    evidence where another name follows the role ("X analyst Jane Roe": the role is that
    person's, so X is no person, whatever its first word)."""
    doc, end = span.doc, span.end
    role_after = end < len(doc) and doc[end].lower_ in lexicon().lower("role_after")
    if employer_before_role(doc, end) and doc[end + 1].pos_ == "PROPN":
        return {EntityType.ORGANISATION: 2 * WEIGHTS["parse"]}
    if object_of_role(span) or role_after:
        return {EntityType.ORGANISATION: WEIGHTS["parse"]}
    return {}


def _product(span: Span) -> _Votes:
    """Evidence that the name is a product or an asset (see :func:`_product_weight` and
    :func:`_defined_product`)."""
    if _defined_product(span):
        return {PRODUCT: WEIGHTS["parse"], DEFINED_PRODUCT: WEIGHTS["parse"]}
    weight, kind_after = _product_weight(span)
    votes = {PRODUCT: weight} if weight else {}
    if kind_after:  # "its Falcon platform" says what Falcon is, unless more says it is a maker
        votes[DEFINED_PRODUCT] = WEIGHTS["model"]
    return votes


def _defined_product(span: Span) -> bool:
    """Whether the text says what kind of product the name is: a noun of a kind of product
    just before the name, itself determined or owned ("its ulcer drug Orvex", "the games
    console Zephyr 3"), in apposition to it ("Orvex, the anti-ulcer drug made by X"), or what
    the name is ("Orvex is the world's most prescribed drug"), what its maker is the maker of
    ("the maker of Orvex"), or a participle of making with its maker ("Orvex, marketed by X").

    Only kinds that no company's name stands for count ("the app X", "the search engine X"
    name services that are companies too; "the investment vehicle X" a company).
    """
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    if any(_DESIGNATOR.match(t.text) or t.like_num for t in span[1:]) or (
            after is not None and (_DESIGNATOR.match(after.text) or after.like_num)):
        return False  # "the jetliner Airbus A350": a maker before its model is the maker
    kinds = lexicon().lower("product_kind")
    if span.start > 0 and doc[span.start - 1].lower_ in kinds \
            and doc[span.start - 1].pos_ == "NOUN":
        i = span.start - 2
        while i >= 0 and span.start - i <= 5 and (
                doc[i].pos_ in ("ADJ", "NOUN") or doc[i].text == "-"):
            i -= 1  # "its best-selling anti-ulcer drug"
        if i >= 0 and (doc[i].lower_ in lexicon().lower("product_determiner")
                       or doc[i].tag_ == "POS"):
            return True
    for token in span:
        for noun in (*(c for c in token.children if c.dep_ == "appos"),
                     *((token.head,) if token.dep_ == "appos" else ())):
            if noun.lower_ in kinds and noun.pos_ == "NOUN" and not noun.ent_type_ \
                    and any(c.dep_ in ("det", "poss") for c in noun.children):
                return True
    root = span.root
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.i == span.start - 1 \
            and root.head.head.lower_ in lexicon().lower("product_maker") \
            and root.head.head.pos_ == "NOUN":
        return True  # "Acme, the maker of Orvex"
    if any(c.dep_ == "acl" and c.tag_ == "VBN" and c.lower_ in _product_verbs()
           and any(a.dep_ == "agent" for a in c.children) for c in root.children):
        return True  # "Orvex, marketed by X in Europe": a company is not marketed by another
    # "Orvex is the world's best-selling drug"
    return root.dep_ == "nsubj" and root.head.lemma_ == "be" and any(
        c.dep_ == "attr" and c.lower_ in kinds and c.pos_ == "NOUN" and not c.ent_type_
        and any(d.dep_ in ("det", "poss") for d in c.children) for c in root.head.children)


@cache
def _product_verbs() -> frozenset[str]:
    """The forms of the verbs of making a product ("marketed", "manufactured")."""
    return lexicon().verbs("product_verb")


def _title(span: Span, titled: bool) -> _Votes:
    """A person's title, stripped from the name or just before it: "President X"."""
    doc, start = span.doc, span.start
    if titled or (start > 0 and doc[start - 1].text in lexicon().words("person_title")
                                                    | ruler_words()
                  and doc[start - 1].is_title):
        return {EntityType.PERSON: WEIGHTS["parse"]}
    return {}


def _word_before(span: Span) -> Token | None:
    """The word before a name, over the line break of wrapped wire copy ("ITJ president\n
    Jane Doe")."""
    i = span.start - 1
    while i >= 0 and span.doc[i].is_space:
        i -= 1
    return span.doc[i] if i >= 0 else None


def _person_role(span: Span) -> _Votes:
    """A role or a kin only a person has, in lower case, just before the name or in
    apposition to it: "co-CEOs Jane Doe", "Jane Doe, head of Acme's unit", "her father Tom
    Vela"; a role the name is set off after, in apposition ("his wife, Jane"; not "a
    spokesman for one of the groups, Acme"); or the role a verb makes its object "as": "named
    Jane Doe as chief executive"."""
    roles = lexicon().lower("person_role")
    before = _word_before(span)
    if before is not None and before.lower_ in roles and not before.is_title:
        return {EntityType.PERSON: WEIGHTS["parse"]}
    for child in span.root.children:
        if child.dep_ == "appos" and child.i >= span.end and child.lower_ in roles \
                and not child.is_title and not _speaker_after(child):
            return {EntityType.PERSON: WEIGHTS["parse"]}
    head = span.root.head  # a role the name is set off after, or the verb naming it
    if span.root.dep_ == "appos" and head.i < span.start and head.lower_ in roles \
            and all(t.is_punct for t in span.doc[head.i + 1:span.start]):
        return {EntityType.PERSON: WEIGHTS["parse"]}
    if span.root.dep_ in ("dobj", "oprd") and head.pos_ == "VERB" and any(
            c.dep_ == "prep" and c.lower_ == "as" and c.i > span.root.i
            and any(o.dep_ == "pobj" and o.lower_ in roles for o in c.children)
            for c in head.children):
        return {EntityType.PERSON: WEIGHTS["parse"]}  # "named Jane Doe as chief executive"
    return {}


def _speaker_after(noun: Token) -> bool:
    """Whether a noun in apposition is the speaker of a clause of saying that follows it ("X
    was sued by Airbus, a spokeswoman for Boeing said"), which the parser hung on the name
    before."""
    end = noun.right_edge.i + 1
    return end < len(noun.doc) and noun.doc[end].lower_ in _SAYING


def _pronoun_back(span: Span) -> _Votes:
    """The pronoun that refers back to the name as the subject of its clause (see
    :func:`~newsgraph.ingest.mentions.pronoun_back`): "its" or "it" for an organisation,
    "his", "her", "he" or "she" for a person; in a clause below the name's only the
    organisation's pronouns count, and less."""
    found = pronoun_back(span)
    if found is None:
        return {}
    kind, own = found
    return {kind: WEIGHTS["parse"] if own else WEIGHTS["model"]}


def _pronoun_next(span: Span) -> _Votes:
    """"He" or "she" as the subject that opens the next sentence, where the name is the
    subject of its sentence's main verb and the sentence names no other person: "Jane Doe
    warned of the risks on Friday. She said ..."; as much as the model's label. Only a name
    of two words or more: a surname alone is its person's by the grouping."""
    doc = span.doc
    if len(span.text.split()) < 2 or not doc.has_annotation("DEP"):
        return {}
    root, sent = span.root, span.sent
    if root.dep_ not in ("nsubj", "nsubjpass") \
            or root.head.i != sent.root.i or any(
                e.label_ == "PERSON" and not span.start <= e.start < span.end for e in sent.ents):
        return {}
    i = sent.end
    while i < len(doc) and (doc[i].is_space or doc[i].is_punct):
        i += 1
    if i < len(doc) and doc[i].is_sent_start and doc[i].lower_ in ("he", "she") \
            and doc[i].dep_ in ("nsubj", "nsubjpass"):
        return {EntityType.PERSON: WEIGHTS["model"]}
    return {}


def thing_votes(span: Span) -> float:
    """The votes for an organisation that say only that the name is a thing, not a person:
    "which" or "its" back to it, and on a name the text calls a product itself, a company's
    noun beside it ("the sole maker of the new Orion S3 chips"). A product is a thing too."""
    weight = sum(_relative_pronoun(span).values()) + sum(
        v for k, v in _pronoun_back(span).items() if k == EntityType.ORGANISATION)
    if _product(span).get(PRODUCT, 0.0) >= WEIGHTS["parse"] \
            and _near_noun(span, lexicon().lower("org_context")):
        weight += WEIGHTS["parse"]
    return weight


def _relative_pronoun(span: Span) -> _Votes:
    """A relative clause on the name with "which" says it is a thing ("Yukos, which owns
    Yuganskneftegaz"); "who" says nothing, the news writing it of companies too ("Nike, who
    sponsors ...")."""
    for clause in span.root.children:
        if clause.dep_ != "relcl" or clause.i < span.end:
            continue
        first = clause.doc[clause.left_edge.i]
        if first.lower_ == "which" and first.tag_ == "WDT":
            return {EntityType.ORGANISATION: WEIGHTS["parse"]}
    return {}


def _led(span: Span) -> _Votes:
    """What one heads, runs or chairs, or buys or acquires, is an organisation: "Jane Doe,
    who heads Yukos", "Boeing agreed to buy Embraer", "Redstone Pharma was acquired by
    Bayer"."""
    root = span.root
    verb = root.head
    if verb.pos_ == "VERB" and ((root.dep_ == "dobj" and verb.lower_ in _LEAD_VERBS)
                                or (root.dep_ in ("dobj", "nsubjpass")
                                    and verb.lower_ in _ACQUIRE_VERBS)):
        return {EntityType.ORGANISATION: WEIGHTS["parse"]}
    return {}


_SAYING = frozenset(f for lemma in ("say", "tell", "add") for f in verb_forms(lemma))
_LEAD_VERBS = frozenset(f for lemma in ("head", "run", "chair") for f in verb_forms(lemma))
_ACQUIRE_VERBS = frozenset(f for lemma in ("acquire", "buy", "purchase") for f in verb_forms(lemma))


def _credit(span: Span) -> _Votes:
    """A name in a reporter credit line is a person's: "(Reporting by X; Editing by Y)", and
    so is a reporter's who "reported from" a place ("Roe reported from Oslo and Doe from
    Lima")."""
    if credit_line_part(span) == "name" or _reported_from(span):
        return {EntityType.PERSON: WEIGHTS["credit_line"]}
    return {}


def _reported_from(span: Span) -> bool:
    """Whether the name is the subject of "reported" with "from" a place and no object ("Roe
    reported from Oslo"), or a name joined to that place and followed by "from" another ("and
    Doe from Lima"): a news agency's line of who wrote the story where."""
    doc = span.doc
    root = span.root
    if root.dep_ == "conj" and span.end < len(doc) and doc[span.end].lower_ == "from" \
            and root.head.dep_ == "pobj" and root.head.head.lower_ == "from":
        root = root.head.head  # "and Doe from Lima": the first "from" of the line
        verb = root.head
    elif root.dep_ == "nsubj":
        verb = root.head
    else:
        return False
    return verb.lower_ == "reported" and not any(c.dep_ == "dobj" for c in verb.children) \
        and any(c.dep_ == "prep" and c.lower_ == "from" and any(
            o.dep_ == "pobj" and o.ent_type_ in ("GPE", "LOC") for o in c.children)
            for c in verb.children)


def _given_name(span: Span) -> _Votes:
    """A name of two to four words that starts with a common first name, its initials aside,
    and ends with a capitalised word that is no organisation's head word: "James Carver",
    "A. William Vane", "Eduardo de la Vega"; the first names of other countries count too
    ("Jyrki Koivisto")."""
    lex = lexicon()
    words = [w for w in span.text.split() if not (len(w) == 2 and w.endswith("."))]
    if not 2 <= len(words) <= 4 \
            or (words[0] not in given_names() and words[0] not in world_given_names()) \
            or not words[-1][:1].isupper() \
            or not all(w[:1].isupper() or (w.islower() and len(w) <= 3) for w in words[1:]):
        return {}
    last = words[-1]
    if last in lex.words("org_head") or last in lex.words("legal_form") \
            or last in lex.words("org_suffix") or country_of(last) or demonym_of(last):
        return {}
    return {EntityType.PERSON: WEIGHTS["given_name"]}


def _foreign_name(span: Span, label: str) -> _Votes:
    """A "person" whose name holds a word of another language's company vocabulary ("Norsk
    Vind Energi", "Sinar Utama", "Gruppo Vela") or begins with another language's article
    ("La Estrella", "El Siglo"): a firm's or a newspaper's name, no person's. The company
    word weighs as a legal form does: the model's person labels on the name's short form
    ("Gruppo Vela ... Vela said") are no evidence against it."""
    words = span.text.split()
    lex = lexicon()
    if label != "PERSON" or len(words) < 2:
        return {}
    if any(w in lex.words("foreign_org_word") for w in words):
        return {EntityType.ORGANISATION: WEIGHTS["legal_form"]}
    if words[0] in lex.words("name_article"):
        return {EntityType.ORGANISATION: WEIGHTS["name"]}
    return {}


def _written_with_legal_form(span: Span) -> _Votes:
    """A name the article writes elsewhere, whole, with a legal form after it or one that
    leads names before it ("<Globex Ltd>", "<PT Hooli Utama>", "NV Initech"), a form the markup
    may hide from the model: a company. A name that ends a longer one ("Acme Hooli Inc") is
    not written so."""
    name = span.text.split()
    if not name or not name[0][:1].isupper() or len(" ".join(name)) < 3:
        return {}
    before_forms, after_forms = _legal_form_places(span.doc)
    n = len(name)
    for words in before_forms:
        if words[:n - 1] == name[:-1] and len(words) >= n and _starts_word(words[n - 1], name[-1]):
            return {EntityType.ORGANISATION: WEIGHTS["name"]}
    for words in after_forms:
        if len(words) < n:
            continue
        first = words[-n].lstrip(_OPENING)
        opened = first != words[-n]  # "Victoria's <Globex Ltd>": the bracket begins the name
        if [first, *words[len(words) - n + 1:]] == name and (
                opened or len(words) == n or not words[-n - 1][:1].isupper()
                or words[-n - 1].endswith(".")):
            return {EntityType.ORGANISATION: WEIGHTS["name"]}
    return {}


#: What may open a name written in the text ("<Globex Ltd>", "(Globex Ltd)").
_OPENING = "<([{\"'\u201c\u2018"


#: How many words before a legal form, or after a leading one, a name can have.
_LONGEST_NAME = 12


def _legal_form_places(doc: Doc) -> tuple[list[list[str]], list[list[str]]]:
    """The words after each leading legal form ("PT", "NV") and before each legal form that
    ends a name ("Ltd", "Corp") in the text as written, found once per document (kept with
    it): a name of the document is compared with these, not searched for again."""
    found = doc.user_data.get("ng_legal_form_places")
    if found is None:
        source: str | None = doc._.ng_source_text
        text = source if source is not None else doc.text
        leading, ending = _legal_form_patterns()
        before = [text[m.end():m.end() + 400].split()[:_LONGEST_NAME]
                  for m in leading.finditer(text)]
        after = [text[max(m.start() - 400, 0):m.start()].split()[-_LONGEST_NAME - 1:]
                 for m in ending.finditer(text)]
        found = doc.user_data["ng_legal_form_places"] = (before, after)
    return cast(tuple[list[list[str]], list[list[str]]], found)


@cache
def _legal_form_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A leading legal form before a name, and a legal form after one."""
    lex = lexicon()
    after = "|".join(re.escape(f) for f in sorted(lex.words("legal_form"), key=len, reverse=True))
    before = "|".join(re.escape(f) for f in lex.words("leading_legal_form"))
    return (re.compile(rf"(?<![\w.])(?:{before})\s+(?=\S)"),
            re.compile(rf"(?<=\s)(?:{after})(?!\w)"))


def _starts_word(word: str, start: str) -> bool:
    """Whether ``word`` is ``start``, or ``start`` then no letter or digit ("Globex's")."""
    return word == start or (word.startswith(start) and not word[len(start)].isalnum()
                             and word[len(start)] != "_")


def given_name_vote(span: Span) -> float:
    """The person vote a mention has from its first name (see :func:`_given_name`)."""
    return _given_name(span).get(EntityType.PERSON, 0.0)


def _listed_company(span: Span) -> _Votes:
    """A company of several words whose shares trade on a US exchange ("Novo Nordisk said");
    one word may as well be a surname ("Graham", "Dell")."""
    if " " in span.text.strip() and listed_company(span.text):
        return {EntityType.ORGANISATION: WEIGHTS["listed_company"]}
    return {}


def _near_noun(span: Span, nouns: frozenset[str]) -> bool:
    """A noun of ``nouns`` beside the span in the parse: a compound or apposition of it, or an
    ancestor within two steps that is no verb ("companies such as X", "companies including
    X")."""
    root = span.root
    for child in root.children:
        if child.i < span.start and child.dep_ in ("compound", "amod", "nmod", "appos") \
                and child.lower_ in nouns:
            return True
    for child in root.children:
        if child.dep_ == "appos" and child.lower_ in nouns:
            return True
    head: Token = root
    for _ in range(3):
        # "companies including X": a preposition the tagger calls a verb
        if head.head is head or (head.head.pos_ in ("VERB", "AUX")
                                 and not (head.head.dep_ == "prep"
                                          and head.head.lower_ in ("including", "excluding"))):
            break
        head = head.head
        if not (span.start <= head.i < span.end) and head.lower_ in nouns:
            return True
    before = span.doc[span.start - 1] if span.start > 0 else None
    return before is not None and before.lower_ in nouns


def _named_by_noun(span: Span) -> bool:
    """Whether a noun that says what an organisation is comes just before the name, as a
    modifier of it ("telecoms company Orange", "lender Santander"), or an exchange code just
    after it."""
    noun = _describing_noun(span)
    return (noun is not None and noun.lower_ in lexicon().lower("org_context")) \
        or code_follows(span)


def _city_stands_for_country(span: Span) -> bool:
    """A capital always may ("Beijing said"); any big city when "-based", possessive or the
    subject of a verb ("Shanghai-based", "Washington's blacklist")."""
    return _metonym_next(span) or span.root.dep_ in ("nsubj", "nsubjpass")


def _acting_alone(span: Span) -> bool:
    """Whether a one-word name is the subject of a verb, as a capital stands for its
    government ("Washington criticised the decision", which the model may call an
    organisation)."""
    return len(span) == 1 and span.root.dep_ in ("nsubj", "nsubjpass") \
        and span.root.head.pos_ in ("VERB", "AUX")


def _metonym_next(span: Span) -> bool:
    """Whether the words after a city make it stand for its country: "-based", a possessive,
    "government" ("Shanghai-based", "Washington's blacklist", "the Oslo government")."""
    doc = span.doc
    nxt = doc[span.end] if span.end < len(doc) else None
    after = doc[span.end + 1] if span.end + 1 < len(doc) else None
    metonym_next = lexicon().words("city_metonym_next")
    if nxt is not None and nxt.text in ("-", "\u2013") and after is not None \
            and after.lower_ in metonym_next:
        return True
    return nxt is not None and (nxt.tag_ == "POS" or nxt.lower_ in metonym_next)


def _product_weight(span: Span) -> tuple[float, bool]:
    """Evidence that a name is a product, a model or an asset rather than an organisation,
    and whether a product noun after the name says what it is: a model's designator in the
    name or just before it ("the Orion S3", "the 737 Vega"), and a name owned or determined
    and followed by a product noun ("X's Falcon platform", "Y's Kopje clay deposit", "the
    Orion chip") count most; "chips Orion" or an owner alone ("X's Falcon") count less. A
    designator after the name is left alone: "Boeing 737" names the maker too.
    """
    doc = span.doc
    if _designated(span):
        return WEIGHTS["parse"], False
    lex = lexicon()
    products = lex.lower("product_head")
    follows = False
    for j in range(span.end, min(span.end + 4, len(doc))):
        token = doc[j]
        if token.lower_ in products and token.pos_ in ("NOUN", "PROPN"):
            follows = True
            break
        if token.pos_ not in ("ADJ", "NOUN", "PROPN", "NUM") or not token.text[:1].isalnum():
            break
    i = span.start - 1
    while i >= 0 and span.start - i <= 3 and (
            doc[i].pos_ == "ADJ" or doc[i].text == "-" or doc[i + 1].text == "-"
            or (i > 0 and doc[i - 1].text == "-")):  # "its next-generation, US-made Falcon"
        i -= 1
    before = doc[i] if i >= 0 else None
    owner = before is not None and (before.tag_ == "POS" or before.lower_ in ("'s", "\u2019s"))
    if owner and not follows and before is not None and before.i > 0:
        # "China's Huawei": a place owns no product, but "Norway's Vega field" names one
        possessor = doc[before.i - 1].text
        owner = not (country_of(possessor) or city_of(possessor) or demonym_of(possessor))
    determiner = before is not None and before.lower_ in lex.lower("product_determiner")
    listed = span.start > 0 and doc[span.start - 1].lower_ in products
    if follows and (owner or determiner):
        return WEIGHTS["parse"], True
    if listed or (owner and span.root.dep_ != "compound"
                                             and span[-1].text not in lex.words("org_head")):
        return WEIGHTS["model"], False
    return 0.0, False


def _designated(span: Span) -> bool:
    """Whether a model's designator ends the name ("Orion S3", "Model S") or numbers it, in it
    or just before it ("the upgraded 737 Vega"). A one-word name is left alone: "3M", "G20"."""
    if len(span) > 1 and ((span[0].like_num and _DESIGNATOR.match(span[0].text))
                          or _DESIGNATOR.match(span[-1].text)):
        return True
    if span.start == 0:
        return False
    before = span.doc[span.start - 1]
    return (_DESIGNATOR.match(before.text) is not None and before.like_num
            and before.dep_ in ("nummod", "compound") and before.head in span)


def _in_law_name(doc: Doc, end: int) -> bool:
    """Whether the words after a name go on, through capitalised words, small words and a
    bracketed acronym, to a law's head word: "the Safe Robotics for Partners in Industry
    (SRPI) Act" is a law's name, and "Safe Robotics for Partners" no organisation."""
    lex = lexicon()
    for j in range(end, min(end + 10, len(doc))):
        token = doc[j]
        if token.text in lex.words("law_head"):
            return True
        if not (token.is_title or token.is_upper or token.text in ("(", ")")
                or token.lower_ in lex.lower("law_name_small_word")):
            return False
    return False


def _place_with_region(span: Span) -> bool:
    """A town named with its state or country after a comma ("Glenview, Ill.", "Corpus
    Christi, Texas", "Hanover, West Germany"), or a state's abbreviation itself: a place.

    A name with a legal form or an organisation's head word stays a name ("Acme Corp, Texas").
    """
    lex = lexicon()
    states = lex.words("state_abbreviation")
    words = span.text.split()
    if span.text in states:
        return True
    if words[-1] in lex.words("legal_form") or words[-1] in lex.words("org_head"):
        return False
    return region_follows(span.doc, span.end)


def _not_here(span: Span, label: str) -> bool:
    """Whether the context says this mention names no entity: a law's name ("Clean Rivers
    Act") or part of one, a body named in a title ("Treasury Secretary X"), a fragment ("US
    Department", a name cut by "..."), a set of things ("both X Associations"), one word the
    text also writes in lower case ("Automakers" in a headline), alone or after a dotted
    country abbreviation ("U.S. Firms")."""
    doc = span.doc
    lex = lexicon()
    words = span.text.split()
    nxt = doc[span.end] if span.end < len(doc) else None
    prev = doc[span.start - 1] if span.start > 0 else None
    if label != "PERSON" and (_in_law_name(doc, span.end) or words[-1] in lex.words("law_head")
                              or words[-1] in lex.words("list_head")):
        return True
    if label != "PERSON" and nxt is not None and (
            (nxt.is_title and nxt.text in lex.words("office_title"))
            or nxt.lower_ in lex.lower("portfolio_title")):
        return True  # "Treasury Secretary X", "the Corporate Affairs minister"
    incomplete = words[-1] in lex.words("org_head_incomplete")
    if incomplete and len(words) == 2 and (country_of(words[0]) or demonym_of(words[0])):
        return True
    if nxt is not None and (nxt.text in lex.words("truncation") or nxt.text.startswith("..")) \
            and (incomplete or words[-1] in lex.words("not_entity")):
        return True
    if (label != "PERSON" and _place_with_region(span)) \
            or span.text in lex.words("state_abbreviation"):
        return True  # a state's abbreviation is no person either ("Cape Canaveral, Fla.")
    if label != "PERSON" and len(span) == 1 and span[0].is_title \
            and span[0].lower_ in _lower_case_words(doc):
        return True  # "Automakers", "Digital": a common word the text also writes in lower case
    if len(span) == 2 and "." in words[0] and country_of(words[0]) \
            and span[1].is_title and words[1] not in lex.words("org_head") \
            and (span[1].lower_ in _lower_case_words(doc)
                 or span[1].lower_.rstrip("s") in lex.lower("org_description")
                 or span[1].lower_ in lex.lower("amount_word")
                 or _common_noun_follows(span)):
        # "harming U.S. Firms", "the U.S. Firm <Acme>", "U.K. Truck makers", "30 mln U.S.
        # Dlrs": wire copy's capital after a dotted abbreviation, a word of what a firm is, a
        # currency or a noun's modifier; no person's name begins with a country's abbreviation
        return True
    if prev is not None and prev.lower_ in lex.lower("set_quantifier"):
        plural_head = words[-1].endswith("s") and words[-1][:-1] in lex.words("org_head")
        if plural_head or (nxt is not None and nxt.tag_ == "NNS"):
            return True
    return False


def _common_noun_follows(span: Span) -> bool:
    """Whether a common noun in lower case, or a possessive and one, follows ``span``
    ("U.K. Truck manufacturers", "the U.S. Firm's chips"): the span modifies it."""
    doc = span.doc
    i = span.end
    if i < len(doc) and doc[i].tag_ == "POS":
        i += 1
    return i < len(doc) and doc[i].is_lower and doc[i].tag_ in ("NN", "NNS")


def _lower_case_words(doc: Doc) -> frozenset[str]:
    """The words ``doc`` writes in lower case somewhere (kept with the doc)."""
    found = doc.user_data.get("ng_lower_case_words")
    if found is None:
        found = doc.user_data["ng_lower_case_words"] = frozenset(
            t.text for t in doc if t.is_lower and t.is_alpha)
    return cast(frozenset[str], found)


def _before_politician(span: Span) -> bool:
    """Whether a party adjective qualifies a politician: "Republican Representative X",
    "the Republican chair of", "Democratic Senator", "the Republican presidential nominee";
    or a party's noun follows a person's name to say whose party and state they are ("Jane
    Roe, Democrat of Vermont", "Jane Roe, a Vermont Democrat")."""
    doc = span.doc
    if span.end >= len(doc):
        return False
    nxt = doc[span.end]
    lex = lexicon()
    root = span.root
    if root.dep_ == "appos" and root.pos_ in ("PROPN", "NOUN") \
            and root.head.ent_type_ == "PERSON" and root.head.i < span.start:
        return True  # "Jane Roe, a Vermont Democrat,": the party the person is of
    if span.start > 1 and doc[span.start - 1].text == "," \
            and doc[span.start - 2].ent_type_ == "PERSON" and nxt.lower_ in ("of", "from") \
            and span.end + 1 < len(doc) and doc[span.end + 1].ent_type_ == "GPE":
        return True
    return (nxt.text in lex.words("person_title") or nxt.lower_ in lex.lower("org_role")
            or nxt.lower_ in lex.lower("politician")
            or nxt.ent_type_ == "PERSON")


def vote_lists(doc: Doc, mentions: list[Mention]) -> None:
    """Names listed together are alike: in a list of three or more names ("companies such as
    A, B, C and D") where the others are organisations by evidence beyond the model's label,
    a name with no such evidence of its own gets an organisation vote."""
    lists: dict[int, list[Mention]] = defaultdict(list)
    for mention in mentions:
        if mention.country is not None:
            continue
        token = doc[mention.start:mention.end].root
        for _ in range(12):
            if token.dep_ != "conj" or token.head is token:
                break
            token = token.head
        lists[token.i].append(mention)

    def organisation(m: Mention) -> bool:
        model = WEIGHTS["model"] if m.label == "ORG" else 0.0
        return m.votes[EntityType.ORGANISATION] - model > m.votes[EntityType.PERSON]

    for members in lists.values():
        if len(members) < 3:
            continue
        for mention in members:
            others = [m for m in members if m is not mention]
            alike = sum(organisation(m) for m in others)
            own = {k: v for k, v in mention.votes.items() if v}
            if alike * 2 > len(others) and own == {EntityType.PERSON: WEIGHTS["model"]}:
                mention.votes[EntityType.ORGANISATION] += WEIGHTS["parse"]

