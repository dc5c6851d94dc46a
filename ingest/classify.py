"""The type of one mention, voted from evidence about the name and its neighbours.

Evidence, each a vote for a type (see :data:`~newsgraph.ingest.names.WEIGHTS`):

* reference data: ISO 3166-1 countries and their short forms, demonyms ("Dutch"), and cities
  that stand for their country ("Beijing said", "Shanghai-based"), see
  :mod:`newsgraph.ingest.gazetteer`;
* the name: legal suffixes and head words ("... Association", "... Technologies"), an acronym
  in capitals, a leading place name ("Shanghai ...") or a plural noun, which no person's name has;
* the parse: a neighbouring noun ("chipmaker X", "companies such as X"), what the name
  possesses ("X's shares"), a title ("President X");
* the model's label, and the names listed with it ("companies such as A, B and C").

A mention that is a product, a place that is no country, or part of a law's name is no entity.

>>> from newsgraph.ingest.names import WEIGHTS
>>> WEIGHTS["name"] > WEIGHTS["model"]
True
"""

from __future__ import annotations

import re
from collections import defaultdict

from spacy.tokens import Doc, Span, Token

from newsgraph.ingest.gazetteer import city_of, country_of, demonym_of, place_key
from newsgraph.ingest.mentions import Mention, is_junk, object_of_role, possesses
from newsgraph.ingest.names import ACRONYM, WEIGHTS, lexicon, subdivisions

__all__ = ["classify", "vote_lists"]

_DEMONYM_FORMS = re.compile(r"^[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?s?$")


def classify(doc: Doc, start: int, end: int, label: str, titled: bool) -> Mention | None:
    """Type one candidate mention from its text, label and context; None when not an entity."""
    span = doc[start:end]
    text = span.text
    lex = lexicon()
    votes: defaultdict[str, float] = defaultdict(float)
    if label == "NORP" and text in lex.words("party_adjective") and _before_politician(span):
        votes["Organisation"] += WEIGHTS["name"]
        return Mention(start, end, "ORG", votes, name=f"{text} Party")
    if label in ("GPE", "LOC", "NORP", "FAC", "ORG"):
        country = country_of(text)
        if country and (label != "ORG" or " " not in text or text.istitle()):
            return Mention(start, end, label, votes, country=country)
        if label in ("NORP", "GPE") and _DEMONYM_FORMS.match(text) and (found := demonym_of(text)):
            return Mention(start, end, label, votes, country=found, demonym=True)
        if label != "ORG":
            city = city_of(text)
            if city is not None:
                if city.capital or _city_stands_for_country(span):
                    return Mention(start, end, label, votes, country=city.country)
                return None
            if label == "NORP" and text[:1].isupper() and text.replace(" ", "").isalpha() and (
                    object_of_role(span) or _near_noun(span, lex.lower("org_context"))):
                label = "NAME"  # "leaders of Quorvex", "retailer Quorvex": no nationality
            elif label in ("NORP", "LOC", "FAC") or place_key(text) in subdivisions():
                return None
    if label not in ("ORG", "PERSON", "GPE", "NAME") or is_junk(text) or _not_here(span, label):
        return None
    words = text.split()
    first = words[0]
    if label == "ORG":
        votes["Organisation"] += WEIGHTS["model"]
    elif label == "PERSON":
        votes["Person"] += WEIGHTS["model"]
    else:
        votes["Organisation"] += WEIGHTS["unknown_place"]
    if words[-1] in lex.words("org_head") or words[-1] in lex.words("org_suffix"):
        votes["Organisation"] += WEIGHTS["name"]
    if ACRONYM.match(text) and len(words) == 1:
        votes["Organisation"] += WEIGHTS["name"]
    if label == "PERSON" and len(words) > 1 and (
        country_of(first) or city_of(first) or demonym_of(first)
    ):
        votes["Organisation"] += WEIGHTS["name"]
    if _near_noun(span, lex.lower("org_context")) or possesses(span, lex.lower("org_possessed")):
        votes["Organisation"] += WEIGHTS["parse"]
    if object_of_role(span) or (end < len(doc) and doc[end].lower_ in lex.lower("role_after")):
        votes["Organisation"] += WEIGHTS["parse"]  # "chairman of X", "X chairman"
    if product := _product_votes(span):
        votes["Product"] += product
    if titled or (start > 0 and doc[start - 1].text in lex.words("person_title")
                  and doc[start - 1].is_title):
        votes["Person"] += WEIGHTS["parse"]
    return Mention(start, end, label, votes)


def _near_noun(span: Span, nouns: frozenset[str]) -> bool:
    """A noun of ``nouns`` beside the span in the parse: a compound or apposition of it, or an
    ancestor within two steps that is no verb ("companies such as X")."""
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
        if head.head is head or head.head.pos_ in ("VERB", "AUX"):
            break
        head = head.head
        if not (span.start <= head.i < span.end) and head.lower_ in nouns:
            return True
    before = span.doc[span.start - 1] if span.start > 0 else None
    return before is not None and before.lower_ in nouns


def _city_stands_for_country(span: Span) -> bool:
    """A capital always may ("Beijing said"); any big city when "-based", possessive or the
    subject of a verb ("Shanghai-based", "Washington's blacklist")."""
    doc = span.doc
    nxt = doc[span.end] if span.end < len(doc) else None
    after = doc[span.end + 1] if span.end + 1 < len(doc) else None
    if nxt is not None and nxt.text in ("-", "\u2013") and after is not None \
            and after.lower_ in lexicon().words("city_metonym_next"):
        return True
    metonym_next = lexicon().words("city_metonym_next")
    if nxt is not None and (nxt.tag_ == "POS" or nxt.lower_ in metonym_next):
        return True
    return span.root.dep_ in ("nsubj", "nsubjpass")


def _product_votes(span: Span) -> float:
    """Evidence that a name is a product, a model or an asset rather than an organisation:
    owned or determined and followed by a product noun ("X's Falcon platform", "Y's Kopje
    clay deposit", "the Orion chip") counts most; "chips Orion" or an owner alone
    ("X's Falcon") count less.
    """
    doc = span.doc
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
            doc[i].pos_ == "ADJ" or doc[i].text == "-"
            or (i > 0 and doc[i - 1].text == "-")):  # "Globex's next-generation Falcon"
        i -= 1
    before = doc[i] if i >= 0 else None
    owner = before is not None and (before.tag_ == "POS" or before.lower_ in ("'s", "\u2019s"))
    if owner and before is not None and before.i > 0:  # "China's Huawei": a place owns no product
        possessor = doc[before.i - 1].text
        owner = not (country_of(possessor) or city_of(possessor) or demonym_of(possessor))
    determiner = before is not None and before.lower_ in lex.lower("product_determiner")
    listed = span.start > 0 and doc[span.start - 1].lower_ in products
    if follows and (owner or determiner):
        return WEIGHTS["parse"]
    if listed or (owner and span.root.dep_ != "compound"
                                             and span[-1].text not in lex.words("org_head")):
        return WEIGHTS["model"]
    return 0.0


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


def _not_here(span: Span, label: str) -> bool:
    """Whether the context says this mention names no entity: part of a law's name, a body
    named in a title ("Treasury Secretary X"), a fragment ("US Department", a name cut by
    "..."), a set of things ("both X Associations", "some X members")."""
    doc = span.doc
    lex = lexicon()
    words = span.text.split()
    nxt = doc[span.end] if span.end < len(doc) else None
    prev = doc[span.start - 1] if span.start > 0 else None
    if label != "PERSON" and _in_law_name(doc, span.end):
        return True
    if label != "PERSON" and nxt is not None and nxt.is_title \
            and nxt.text in lex.words("office_title"):
        return True
    incomplete = words[-1] in lex.words("org_head_incomplete")
    if incomplete and len(words) == 2 and (country_of(words[0]) or demonym_of(words[0])):
        return True
    if nxt is not None and (nxt.text in lex.words("truncation") or nxt.text.startswith("..")) \
            and (incomplete or words[-1] in lex.words("not_entity")):
        return True
    if prev is not None and prev.lower_ in lex.lower("set_quantifier"):
        plural_head = words[-1].endswith("s") and words[-1][:-1] in lex.words("org_head")
        if plural_head or (nxt is not None and nxt.tag_ == "NNS"):
            return True
    return False


def _before_politician(span: Span) -> bool:
    """Whether a party adjective qualifies a politician: "Republican Representative X",
    "the Republican chair of", "Democratic Senator"."""
    doc = span.doc
    if span.end >= len(doc):
        return False
    nxt = doc[span.end]
    lex = lexicon()
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
        return m.votes["Organisation"] - model > m.votes["Person"]

    for members in lists.values():
        if len(members) < 3:
            continue
        for mention in members:
            others = [m for m in members if m is not mention]
            alike = sum(organisation(m) for m in others)
            own = {k: v for k, v in mention.votes.items() if v}
            if alike * 2 > len(others) and own == {"Person": WEIGHTS["model"]}:
                mention.votes["Organisation"] += WEIGHTS["parse"]

