"""Entity recognition and in-document resolution, as the spaCy component ``ng_entities``.

The model's NER proposes spans; this component repairs and types them in newsgraph's
vocabulary (``Organisation``, ``Person``, ``Country``) by combining evidence, drops what is not
an entity, and groups the mentions of one thing in a document under its fullest name.

Evidence, each a vote for a type (see :data:`WEIGHTS`):

* reference data: ISO 3166-1 countries and their short forms, demonyms ("Dutch"), and cities
  that stand for their country ("Beijing said", "Shanghai-based"), see
  :mod:`newsgraph.ingest.gazetteer`;
* the name: legal suffixes and head words ("... Association", "... Technologies"), an acronym
  in capitals, a leading place name ("Shanghai ...") or a plural noun, which no person's name has;
* the parse: a neighbouring noun ("chipmaker X", "companies such as X"), what the name
  possesses ("X's shares"), a title ("President X");
* the model's label, and the labels of the other mentions of the same name in the document.

Patterns and word lists are data: ``ingest/patterns/entities.jsonl`` (spaCy ``Matcher``
patterns) and ``ingest/patterns/lexicon.jsonl`` (named word sets).

What the component attaches:

* ``doc.spans["ng_entities"]``: every mention, labelled with its type; ``span._.ng_name`` is
  the name of its entity in the document, and ``span._.ng_demonym`` is True for a nationality
  word ("Dutch chipmaker"), labelled ``Country``;
* ``doc._.ng_entities``: one :class:`~newsgraph.ingest.documents.Entity` per thing, with the
  votes for its type (``Entity.votes``) for the vote across documents in
  :mod:`newsgraph.graph.resolve`.

Per the annotation guidelines a country named only by a nationality word is not an entity
unless a relation uses it: :func:`finish_entities` drops those once relations are known.

>>> from newsgraph.ingest.documents import Entity
>>> SPANS_KEY
'ng_entities'
"""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from networkx.utils import UnionFind
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, SpanGroup, Token
from spacy.util import filter_spans

from newsgraph.ingest.documents import Entity, Relation
from newsgraph.ingest.gazetteer import city_of, country_of, demonym_of, place_key
from newsgraph.ingest.names import (
    ACRONYM,
    WEIGHTS,
    acronym_of,
    initials,
    lexicon,
    load_jsonl,
    name_key,
    subdivisions,
)

__all__ = [
    "SPANS_KEY",
    "EntityRecognizer",
    "author_entities",
    "finish_entities",
    "group_mentions",
    "publication_entity",
]

#: ``doc.spans[SPANS_KEY]`` holds every entity mention, labelled with its type.
SPANS_KEY = "ng_entities"

_LABELS = {"ORG", "PERSON", "GPE", "NORP", "LOC", "FAC"}
_JUNK = re.compile(r"[<>=\"{}|\\@#]|^\W|\d[A-Za-z]+\d|[a-z]\d|\d[a-z]")
_DEMONYM_FORMS = re.compile(r"^[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?s?$")

if not Span.has_extension("ng_name"):
    Span.set_extension("ng_name", default=None)
if not Span.has_extension("ng_demonym"):
    Span.set_extension("ng_demonym", default=False)
if not Doc.has_extension("ng_entities"):
    Doc.set_extension("ng_entities", default=[])


# ----------------------------------------------------------------------------- mentions


@dataclass
class _Mention:
    start: int
    end: int
    label: str  # the model's label, or the pattern's type
    votes: defaultdict[str, float]
    country: str | None = None
    demonym: bool = False
    acronym_of: _Mention | None = None  # the mention whose name an "(ACR)" abbreviates
    name: str | None = None  # the name it stands for, where not its text ("Republican Party")


def _strip(doc: Doc, start: int, end: int, label: str) -> tuple[int, int, bool]:
    """Drop determiners, possessives, stray punctuation and (for people) leading titles.

    Returns the new bounds and whether a title was stripped.
    """
    lex = lexicon()
    titles = lex.words("person_title")
    titled = False
    while start < end and (doc[start].lower_ in ("the", "'s", "\u2019s", "'", "\u2019")
                           or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct
                           or doc[end - 1].lower_ in ("'s", "\u2019s")):
        end -= 1
    for i in range(start, end):  # "Name (ACR" → "Name"
        if doc[i].text == "(":
            end = i
            break
    while end > start and doc[end - 1].is_punct:
        end -= 1
    if label == "PERSON" and start >= 2 and doc[start - 1].pos_ == "PROPN" \
            and doc[start - 1].is_title and doc[start - 1].is_alpha \
            and doc[start - 1].text not in titles and doc[start - 2].text in titles:
        start -= 1  # "Vice-Premier [Zhao Lifan]" where the model tagged "Lifan"
    if label == "PERSON":
        while end - start > 1 and doc[start].text in titles:
            start += 1
            titled = True
    elif label == "ORG":  # "Morgan Stanley Chief"
        trailers = lex.lower("org_trailer")
        while end - start > 1 and doc[end - 1].lower_ in trailers and doc[end - 1].is_title:
            end -= 1
        if end - start > 1 and _headline_verb(doc, end - 1):  # "Globex Secures $5 Million"
            end -= 1
    return start, end, titled


def _headline_verb(doc: Doc, i: int) -> bool:
    """Whether the last word of a name is the verb of a title-case headline that goes on
    with its object ("Globex Secures $20 Million", "Globex Offers Aid")."""
    token = doc[i]
    lex = lexicon()
    if token.text in lex.words("org_head") or token.text in lex.words("org_suffix"):
        return False
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    return (token.lower_.endswith("s") and token.is_title and nxt is not None
            and not (nxt.is_punct or nxt.is_space)
            and (token.tag_ == "VBZ" or nxt.ent_type_ in ("MONEY", "CARDINAL", "PERCENT")))


def _split(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """The names in a span the model read as one: an owner and what it owns ("Department of
    Trade's Bureau of Export Review"), or two institutions joined by "and" ("the Halden Centre
    and Marlow University"); "Bureau of Health and Safety" and "the Trade Commissioner's
    Office" stay whole."""
    lex = lexicon()
    for k in range(start + 1, end - 1):
        token = doc[k]
        if (token.tag_ == "POS" or token.lower_ in ("'s", "\u2019s")) and doc[k + 1].is_title \
                and not (end - k == 2 and doc[k + 1].text in lex.words("org_head")):
            return [(start, k), *_split(doc, k + 1, end)]  # not "the Trade Representative's Office"
        if token.lower_ in ("and", "&") and doc[k + 1].is_title \
                and doc[k - 1].text in lex.words("org_institution") \
                and doc[end - 1].text in lex.words("org_head") \
                and not any(doc[j].lower_ in ("of", "for") for j in range(start, k)):
            return [(start, k), *_split(doc, k + 1, end)]
    return [(start, end)]


def _case_switches(word: str) -> int:
    letters = [c.isupper() for c in word if c.isalpha()]
    return sum(1 for a, b in itertools.pairwise(letters) if a != b)


def _is_junk(text: str) -> bool:
    """Whether a candidate is no name at all: a common acronym, a pronoun, an index, an id.

    >>> [_is_junk(t) for t in ("AI", "who's", "Hang Seng Tech Index", "TMzcqdJdNvg", "DeepMind",
    ...                        "Company B and Company D")]
    [True, True, True, True, False, True]
    """
    lex = lexicon()
    words = text.split()
    return (
        len(text) < 2
        or any(len(w) >= 8 and _case_switches(w) >= 4 for w in words)
        or (not text[0].isupper() and not text[0].isdigit())
        or text in lex.words("not_entity")
        or text.casefold().replace("\u2019", "'") in lex.lower("pronoun")
        or bool(_JUNK.search(text))
        or words[-1] in lex.words("index_head")
        or text in lex.words("index_name")
        or all(w in lex.words("org_suffix") for w in words)
        or any(a in lex.words("placeholder_head") and len(b) == 1 and b.isupper()
               for a, b in itertools.pairwise(words))
    )


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


def _possesses(span: Span, things: frozenset[str]) -> bool:
    """Whether the text reads "X's thing" (or "X thing" for shares)."""
    doc = span.doc
    i = span.end
    while i < len(doc) and (doc[i].tag_ == "POS" or doc[i].lower_ in ("'s", "\u2019s")):
        i += 1
    for j in range(i, min(i + 3, len(doc))):
        if doc[j].lower_ in things:
            return i > span.end or doc[j].lower_ in lexicon().lower("org_possessed_bare")
        if not (doc[j].is_alpha and doc[j].pos_ in ("ADJ", "NOUN")):
            break
    return False


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


def _object_of_role(span: Span) -> bool:
    """Whether the span is the object of "of" after a role noun, or a conjunct of one:
    "chairman of X", "leaders of X, Y and Z" say X, Y, Z are organisations."""
    token = span.root
    for _ in range(8):  # up a list: "of A, B Memory": A is nmod of Memory
        if token.head is token or not (token.dep_ in ("conj", "appos")
                                       or (token.dep_ == "nmod" and token.head.pos_ == "PROPN")):
            break
        token = token.head
    prep = token.head
    return (token.dep_ == "pobj" and prep.lower_ == "of"
            and prep.head.lower_ in lexicon().lower("org_role"))


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


def _classify(doc: Doc, start: int, end: int, label: str, titled: bool) -> _Mention | None:
    """Type one candidate mention from its text, label and context; None when not an entity."""
    span = doc[start:end]
    text = span.text
    lex = lexicon()
    votes: defaultdict[str, float] = defaultdict(float)
    if label == "NORP" and text in lex.words("party_adjective") and _before_politician(span):
        votes["Organisation"] += WEIGHTS["name"]
        return _Mention(start, end, "ORG", votes, name=f"{text} Party")
    if label in ("GPE", "LOC", "NORP", "FAC", "ORG"):
        country = country_of(text)
        if country and (label != "ORG" or " " not in text or text.istitle()):
            return _Mention(start, end, label, votes, country=country)
        if label in ("NORP", "GPE") and _DEMONYM_FORMS.match(text) and (found := demonym_of(text)):
            return _Mention(start, end, label, votes, country=found, demonym=True)
        if label != "ORG":
            city = city_of(text)
            if city is not None:
                if city.capital or _city_stands_for_country(span):
                    return _Mention(start, end, label, votes, country=city.country)
                return None
            if label == "NORP" and text[:1].isupper() and text.replace(" ", "").isalpha() and (
                    _object_of_role(span) or _near_noun(span, lex.lower("org_context"))):
                label = "NAME"  # "leaders of Quorvex", "retailer Quorvex": no nationality
            elif label in ("NORP", "LOC", "FAC") or place_key(text) in subdivisions():
                return None
    if label not in ("ORG", "PERSON", "GPE", "NAME") or _is_junk(text) or _not_here(span, label):
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
    if _near_noun(span, lex.lower("org_context")) or _possesses(span, lex.lower("org_possessed")):
        votes["Organisation"] += WEIGHTS["parse"]
    if _object_of_role(span) or (end < len(doc) and doc[end].lower_ in lex.lower("role_after")):
        votes["Organisation"] += WEIGHTS["parse"]  # "chairman of X", "X chairman"
    if product := _product_votes(span):
        votes["Product"] += product
    if titled or (start > 0 and doc[start - 1].text in lex.words("person_title")
                  and doc[start - 1].is_title):
        votes["Person"] += WEIGHTS["parse"]
    return _Mention(start, end, label, votes)


def _word_before(doc: Doc, i: int) -> str:
    """The word that ends just before token ``i``, hyphenated parts joined ("start-ups")."""
    if i < 1:
        return ""
    if i >= 3 and doc[i - 2].text == "-" and not doc[i - 2].whitespace_:
        return f"{doc[i - 3].lower_}-{doc[i - 1].lower_}"
    return doc[i - 1].lower_


def _headline_case(sentence: Span) -> bool:
    """Whether a sentence is a title-case headline, where capitals say nothing about names."""
    words = [t for t in sentence if t.is_alpha and len(t) > 3]
    return len(words) >= 3 and sum(t.is_title or t.is_upper for t in words) > 0.7 * len(words)


def _proposed(doc: Doc, taken: set[int]) -> list[Span]:
    """Names the model missed that the parse or the text shows.

    Organisations: proper nouns after a noun such as "chipmaker" or "start-ups like", before a
    role ("Globex chairman"), the object of "of" after a role ("leaders of Globex"), owning
    what companies own ("Globex's systems"), ending with a head word ("Qiantang
    Semiconductor"), or defined with their acronym ("Ningbo Tin Market (NTM)"). People: two
    or three capitalised words after a title or role ("CEO J K Tan", "Vice-Premier Zhao Lifan").
    """
    lex = lexicon()
    nouns = lex.lower("org_context") | lex.lower("org_context_proposing")
    trailers = lex.lower("org_trailer")
    heads = lex.words("org_head")
    titles = lex.words("person_title")
    spans = _proposed_people(doc, taken) + _proposed_acronyms(doc, taken)
    taken = taken | {i for span in spans for i in range(span.start, span.end)}
    i = 0
    while i < len(doc):
        if i in taken or doc[i].pos_ != "PROPN" or not doc[i].text[:1].isupper():
            i += 1
            continue
        j = i
        while j < len(doc) and j not in taken and doc[j].pos_ == "PROPN" \
                and doc[j].text[:1].isupper():
            j += 1
        before = _word_before(doc, i)
        before2 = _word_before(doc, i - 1) if i > 0 and doc[i - 1].text != "-" else ""
        after = doc[j].lower_ if j < len(doc) else ""
        span = Span(doc, i, j, label="ORG")
        headed = (j - i >= 2 and doc[j - 1].text in heads and doc[i].text not in heads
                  and doc[i].text not in titles and not _headline_case(span.sent))
        if before in nouns or (before in ("like", "as") and before2 in nouns | {"such"}) \
                or (after in trailers and j - i <= 3) or headed or _object_of_role(span) \
                or (_possesses(span, lex.lower("org_possessed"))
                    and j < len(doc) and doc[j].tag_ == "POS"):
            spans.append(span)
        i = j
    return spans


def _proposed_people(doc: Doc, taken: set[int]) -> list[Span]:
    """Two or three capitalised words after a title or role that the model did not tag."""
    lex = lexicon()
    titles = lex.words("person_title")
    roles = lex.lower("role_after")
    spans = []
    for token in doc:
        if not ((token.text in titles and token.is_title) or token.lower_ in roles):
            continue
        j = token.i + 1
        while j < len(doc) and j - token.i <= 3 and j not in taken and doc[j].is_alpha \
                and doc[j].text[:1].isupper() and not (doc[j].is_upper and len(doc[j]) > 1) \
                and doc[j].text not in titles and doc[j].pos_ not in ("VERB", "AUX", "ADP"):
            j += 1
        if j - token.i >= 3 and (j == len(doc) or not doc[j].text[:1].isupper()) \
                and not _headline_case(doc[token.i:j].sent):
            spans.append(Span(doc, token.i + 1, j, label="PERSON"))
    return spans


def _proposed_acronyms(doc: Doc, taken: set[int]) -> list[Span]:
    """"Ningbo Tin Market (NTM)": capitalised words whose initials a bracketed acronym
    spells, the model having tagged neither."""
    spans = []
    for token in doc:
        k = token.i
        if token.text != "(" or k + 2 >= len(doc) or doc[k + 2].text != ")" \
                or not ACRONYM.match(doc[k + 1].text) or k + 1 in taken:
            continue
        acronym = doc[k + 1].text
        for start in range(max(0, k - 8), k):
            words = doc[start:k]
            if any(i in taken for i in range(start, k)) or not words[0].is_title \
                    or any(t.is_punct or t.is_space for t in words):
                continue
            if initials(words.text) == acronym.replace("&", ""):
                spans.append(Span(doc, start, k, label="ORG"))
                break
    return spans


def _candidates(doc: Doc, matcher: Matcher) -> list[Span]:
    spans = [Span(doc, s, e, label=doc.vocab.strings[m]) for m, s, e in matcher(doc)]
    spans += [ent for ent in doc.ents if ent.label_ in _LABELS]
    taken = {i for span in spans for i in range(span.start, span.end)}
    spans += _proposed(doc, taken)
    return sorted(filter_spans(spans), key=lambda s: s.start)


def _acronym_definitions(doc: Doc, mentions: list[_Mention]) -> list[_Mention]:
    """"Full Name (ACR)": the acronym becomes a mention of the full name."""
    by_start = {m.start: m for m in mentions}
    added = []
    for mention in mentions:
        if mention.country is not None:
            continue
        i = mention.end
        if i + 2 < len(doc) and doc[i].text == "(" and doc[i + 2].text == ")":
            token = doc[i + 1]
            name = doc[mention.start:mention.end].text
            if ACRONYM.match(token.text) and acronym_of(token.text, name):
                existing = by_start.get(token.i)
                if existing is not None:
                    existing.acronym_of = mention
                else:
                    added.append(_Mention(token.i, token.i + 1, "ORG", defaultdict(float),
                                          acronym_of=mention))
    return added


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


def _fullest(forms: Counter[str]) -> str:
    """The canonical name of a group: the longest form that is not an acronym."""
    names = [f for f in forms if not ACRONYM.match(f)] or list(forms)
    return max(names, key=lambda n: (len(n.split()), len(n), forms[n], n))


# ---------------------------------------------------------------------------- component


class EntityRecognizer:
    """The ``ng_entities`` component: its only public behaviour is ``__call__(doc)``."""

    def __init__(self, nlp: Language, name: str = "ng_entities") -> None:
        self.name = name
        self.matcher = Matcher(nlp.vocab)
        for row in load_jsonl("entities.jsonl"):
            self.matcher.add(row["label"], [row["pattern"]])

    def __call__(self, doc: Doc) -> Doc:
        """Find, type and group the entity mentions of ``doc``."""
        mentions: list[_Mention] = []
        for span in _candidates(doc, self.matcher):
            start, end, titled = _strip(doc, span.start, span.end, span.label_)
            if start >= end:
                continue
            label = "ORG" if span.label_ == "Organisation" else span.label_
            parts = _split(doc, start, end) if label == "ORG" else [(start, end)]
            for part_start, part_end in parts:
                if len(parts) > 1:
                    part_start, part_end, _ = _strip(doc, part_start, part_end, label)
                    if part_start >= part_end:
                        continue
                mention = _classify(doc, part_start, part_end, label, titled)
                if mention is not None:
                    if span.label_ == "Organisation":
                        mention.votes["Organisation"] += WEIGHTS["name"]
                    mentions.append(mention)
        _vote_lists(doc, mentions)
        mentions += _acronym_definitions(doc, mentions)
        mentions.sort(key=lambda m: m.start)
        _annotate(doc, mentions)
        return doc


def _vote_lists(doc: Doc, mentions: list[_Mention]) -> None:
    """Names listed together are alike: in a list of three or more names ("companies such as
    A, B, C and D") where the others are organisations by evidence beyond the model's label,
    a name with no such evidence of its own gets an organisation vote."""
    lists: dict[int, list[_Mention]] = defaultdict(list)
    for mention in mentions:
        if mention.country is not None:
            continue
        token = doc[mention.start:mention.end].root
        for _ in range(12):
            if token.dep_ != "conj" or token.head is token:
                break
            token = token.head
        lists[token.i].append(mention)

    def organisation(m: _Mention) -> bool:
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


def _annotate(doc: Doc, mentions: list[_Mention]) -> None:
    """Group the typed mentions, vote each group's type, set the spans and entities."""
    names = [m for m in mentions if m.country is None]
    texts = [m.name or doc[m.start:m.end].text for m in names]
    position = {id(m): i for i, m in enumerate(names)}
    defined = [(i, position[id(m.acronym_of)]) for i, m in enumerate(names)
               if m.acronym_of is not None and id(m.acronym_of) in position]
    roots = group_mentions([(t, m.label) for t, m in zip(texts, names, strict=True)],
                           same=defined)  # an acronym defined in the text joins its name
    groups: dict[int, list[int]] = defaultdict(list)
    for i, root in enumerate(roots):
        groups[root].append(i)
    spans: list[Span] = []
    entities: list[Entity] = []
    for members in groups.values():
        votes: defaultdict[str, float] = defaultdict(float)
        forms: Counter[str] = Counter()
        surfaces = set()
        for i in members:
            for kind_, weight in names[i].votes.items():
                votes[kind_] += weight
            forms[texts[i]] += 1
            surfaces.add(doc[names[i].start:names[i].end].text)
        product = votes.pop("Product", 0.0)
        if product > max(votes["Organisation"], votes["Person"]) \
                or not (votes["Organisation"] or votes["Person"]):
            continue  # a product or asset ("the Orion chip"), or no evidence at all
        full = [texts[i] for i in members if len(texts[i].split()) > 1]
        if any(names[i].label == "PERSON" for i in members) and full and votes["Person"]:
            # a surname used alone elsewhere in the document counts for the person
            last = {f.split()[-1] for f in full}
            votes["Person"] += WEIGHTS["surname"] * sum(
                1 for i in members
                if " " not in texts[i] and texts[i] in last and names[i].label != "PERSON")
        kind = max(("Organisation", "Person"), key=lambda t: (votes[t], t == "Organisation"))
        name = _fullest(forms)
        for i in members:
            span = Span(doc, names[i].start, names[i].end, label=kind)
            span._.ng_name = name
            spans.append(span)
        entities.append(Entity(
            name=name, type=kind, aliases=tuple(sorted((set(forms) | surfaces) - {name})),
            mentions=sum(forms.values()),
            votes=tuple(sorted((t, round(v, 2)) for t, v in votes.items() if v)),
        ))
    by_country: dict[str, Counter[str]] = defaultdict(Counter)
    demonym_only: dict[str, bool] = {}
    for m in mentions:
        if m.country is None:
            continue
        text = doc[m.start:m.end].text
        span = Span(doc, m.start, m.end, label="Country")
        span._.ng_name = m.country
        span._.ng_demonym = m.demonym
        spans.append(span)
        by_country[m.country][text] += 1
        demonym_only[m.country] = demonym_only.get(m.country, True) and m.demonym
    for country, forms in by_country.items():
        entities.append(Entity(
            name=country, type="Country", aliases=tuple(sorted(set(forms) - {country})),
            mentions=sum(forms.values()),
            votes=(("Country", 1.0 if demonym_only[country] else 2.0),),
        ))
    spans.sort(key=lambda s: (s.start, s.end))
    doc.spans[SPANS_KEY] = SpanGroup(doc, name=SPANS_KEY, spans=spans)
    doc._.ng_entities = sorted(entities, key=lambda e: (e.type, e.name))


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
            entities.append(Entity(org, "Organisation", aliases,
                                   votes=(("Organisation", WEIGHTS["name"]),)))
        elif len(words) > 1 and all(w[:1].isupper() for w in words):
            entities.append(Entity(name, "Person", votes=(("Person", WEIGHTS["name"]),)))
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
        matched = [e for e in entities if e.type == "Organisation"
                   and any(_names_publication(n, part) for n in (e.name, *e.aliases))]
        if matched:
            name = part
            break
    words = name.split()
    if not matched and (len(parts) != 1 or len(words) > 5 or not all(w[:1].isupper() for w in words)
                        or any(w in lexicon().words("feed_section") for w in words)):
        return list(entities), None
    aliases = sorted({n for e in matched for n in (e.name, *e.aliases)} - {name})
    votes = WEIGHTS["name"] + sum(v for e in matched for t, v in e.votes if t == "Organisation")
    publication = Entity(name, "Organisation", tuple(aliases),
                         mentions=sum(e.mentions for e in matched) or 1,
                         votes=(("Organisation", round(votes, 2)),))
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
    stated = {s._.ng_name for s in spans if s.label_ == "Country" and not s._.ng_demonym}
    used = {name for r in relations for name in (r.subject, r.object)}
    kept = [e for e in entities
            if e.type != "Country" or e.name in stated or e.name in used]
    known = {(e.type, name_key(n)) for e in kept for n in (e.name, *e.aliases)}
    for author in author_entities(authors):
        if (author.type, name_key(author.name)) not in known:
            kept.append(author)
            known.add((author.type, name_key(author.name)))
    kept, publication = publication_entity(kept, publisher)
    if publication is not None:
        kept.append(publication)
    return tuple(sorted(kept, key=lambda e: (e.type, e.name)))
