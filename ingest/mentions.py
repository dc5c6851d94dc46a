"""Candidate name spans in a ``Doc``: the model's entities, the matches of the patterns in
``ingest/patterns/entities.jsonl``, and names the model missed that the parse shows.

Each candidate is repaired before it is typed (:mod:`newsgraph.ingest.classify`): determiners,
possessives and titles are stripped, a span the model read as two names is split, and text that
is no name at all (a common acronym, a pronoun, an index, an id) is junk.

>>> is_junk("AI"), is_junk("DeepMind")
(True, False)
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from newsgraph.ingest.bodies import lower_case_bodies
from newsgraph.ingest.credits import agency_names, credit_names
from newsgraph.ingest.datelines import dateline_tokens, is_exchange_code
from newsgraph.ingest.gazetteer import city_of, demonym_of, is_place, place_key
from newsgraph.ingest.gazetteer import country_of as country_named
from newsgraph.ingest.geo import country_of, us_state
from newsgraph.ingest.markup import code_follows
from newsgraph.ingest.names import (
    ACRONYM,
    acronym_of,
    company_words,
    expletive_verbs,
    given_names,
    initials,
    lexicon,
    name_key,
    party_initials,
    stopped_forms,
    subdivisions,
)
from newsgraph.ontology import EntityType

__all__ = [
    "Candidate",
    "Mention",
    "alias_definitions",
    "candidate_names",
    "common_noun",
    "common_nouns",
    "employer_before_role",
    "foreign_word",
    "headline_case",
    "is_junk",
    "object_of_role",
    "party_initial_set_off",
    "possesses",
    "pronoun_back",
    "region_follows",
    "ruler_words",
    "sanctioned",
    "written",
]

#: The model's labels that may name an organisation, a person or a country.
_LABELS = {"ORG", "PERSON", "GPE", "NORP", "LOC", "FAC"}
#: The model's labels of amounts, which may begin with a name ("Google 2.4 billion").
_AMOUNT_LABELS = {"MONEY", "CARDINAL", "QUANTITY"}
_BRACKETS = ("<", ">")
_JUNK = re.compile(r"[<>=\"{}|\\@#]|^\W|\d[A-Za-z]+\d|[a-z]\d|\d[a-z]")


@dataclass
class Mention:
    """One mention of a name in a document, with the votes for its type.

    ``country`` is set for a mention of a country (a name, a nationality word, a city standing
    for it); ``alias_of`` is the mention whose other name the text says it is ("Robot Makers
    Association (RMA)", "Space Exploration Technologies, or SpaceX"); ``name``
    is the name it stands for where that is not its text ("Republican" for "Republican Party").
    """

    start: int
    end: int
    label: str  # the model's label, or the pattern's type
    votes: defaultdict[str, float]
    country: str | None = None
    demonym: bool = False
    alias_of: Mention | None = None  # the mention whose other name the text says it is
    name: str | None = None  # the name it stands for, where not its text ("Republican Party")


class Candidate(NamedTuple):
    """A candidate name once stripped: its tokens, its label (the model's, or ``ORG`` for a
    pattern's match), whether a title was stripped from it and whether a pattern matched it."""

    start: int
    end: int
    label: str
    titled: bool
    pattern: bool


def candidate_names(doc: Doc, matcher: Matcher,
                    nouns: frozenset[str] = frozenset()) -> list[Candidate]:
    """The candidate names of ``doc`` in order, stripped, and split where the model read two
    names as one; ``nouns`` are the common nouns of English (:func:`common_nouns`), which
    tell a word cut from a longer name ("Development Corp")."""
    found = []
    for span in _candidates(doc, matcher):
        start, end, titled = _strip(doc, span.start, span.end, span.label_)
        if start >= end:
            continue
        pattern = span.label_ == EntityType.ORGANISATION
        label = "ORG" if pattern else span.label_
        parts = _split(doc, start, end) if label == "ORG" else [(start, end)]
        for part_start, part_end in parts:
            if len(parts) > 1:
                part_start, part_end, _ = _strip(doc, part_start, part_end, label)
                if part_start >= part_end:
                    continue
            # "Acme CFO Jane Roe", "CTO Brogan Vane": the model's organisation is a person
            person = label == "ORG" and part_start > start and (_titled_person_at(
                doc, part_start - 1, part_end, any_name=part_start - 1 == start)
                or _named_person_at(doc, start, part_start, part_end))
            found.append(Candidate(part_start, part_end, "PERSON" if person else label,
                                   titled, pattern))
    found = _joined_by_and(doc, _split_lists(doc, _outside_others(found)), nouns)
    found = _joined_by_particle(doc, _joined_fragments(doc, found, nouns))
    return _wrapped_heads(doc, _place_led(doc, _wrapped_names(doc, _last_partner(doc, found))))


def _last_partner(doc: Doc, found: list[Candidate]) -> list[Candidate]:
    """A firm named after its partners whose last name the model left out: an organisation's
    name of two words or more, none a company's word, then "and" and one capitalised word that
    no candidate holds, the text names nowhere else and no proper noun follows ("Vane Tallis
    Corlett and Byford" read as "Vane Tallis Corlett")."""
    company = company_words()
    starts = {c.start for c in found}
    kept = []
    for candidate in found:
        end = candidate.end
        words = doc[candidate.start:end]
        if candidate.label == "ORG" and len(words) > 1 and end + 2 < len(doc) \
                and doc[end].lower_ == "and" and end + 1 not in starts \
                and doc[end + 1].pos_ == "PROPN" and doc[end + 1].is_title \
                and doc[end + 1].is_alpha and not doc[end + 1].ent_type_ \
                and doc[end + 2].pos_ != "PROPN" \
                and all(t.is_title and t.text not in company for t in words) \
                and doc[end + 1].text not in given_names() \
                and _named_only_here(doc, end + 1, end + 2, tuple(
                    t.text for t in doc[candidate.start:end + 2])):
            candidate = candidate._replace(end=end + 2)
        kept.append(candidate)
    return kept


def _wrapped_names(doc: Doc, found: list[Candidate]) -> list[Candidate]:
    r"""Two names that only a line break of wrapped wire copy parts are one: "Long
    Island\nLighting Co", "Compagnie des Machines\nBull", and so are two a linking word and
    the break part after an organisation's head word ("Presidential Commission on\nGood
    Government"). A place after the break ("Vela AG of\nHanover"), a whole company's name
    before it, and a place after a sentence's opening preposition ("In Tokyo\nToshiba Corp")
    stay apart, as a new paragraph does."""
    lex = lexicon()
    legal = lex.words("legal_form")
    places = ("GPE", "LOC", "NORP", "FAC")
    kept: list[Candidate] = []
    for candidate in found:
        before = kept[-1] if kept else None
        gap = doc[before.end:candidate.start] if before is not None else None
        if before is None or gap is None or not 1 <= len(gap) <= 2 \
                or sum(t.text.count("\n") for t in gap) != 1 \
                or any(t.is_space and not t.text.endswith("\n") for t in gap) \
                or doc[before.end - 1].text in legal \
                or candidate.label in ("GPE", "LOC", "FAC") \
                or (candidate.label == "NORP" and before.label not in ("NORP", "ORG")) \
                or (before.label in places and before.start > 0
                    and doc[before.start - 1].pos_ == "ADP"
                    and doc[before.start - 1].is_sent_start):
            kept.append(candidate)
            continue
        words = [t for t in gap if not t.is_space]
        if words and not (len(words) == 1 and words[0].lower_ in ("of", "on", "for")
                          and doc[before.end - 1].text in lex.words("org_head")
                          and candidate.label == "ORG"):
            kept.append(candidate)
            continue
        labels = {before.label, candidate.label}
        label = before.label if len(labels) == 1 else "ORG" if "ORG" in labels \
            else candidate.label
        kept[-1] = Candidate(before.start, candidate.end, label, before.titled,
                             before.pattern or candidate.pattern)
    return kept


#: Words that may end a wrapped line inside an organisation's name ("Accounts and\nBudget").
_WRAPPED_LINKS = frozenset({"and", "of", "for", "on"})


def _wrapped_heads(doc: Doc, found: list[Candidate]) -> list[Candidate]:
    r"""An organisation's name the model read only after a line break of wrapped wire copy
    begins with the capitalised words before the break: "the National Corn
Growers
    Association", "the National Accounts and
Budget Commission" (its last word one that
    makes a name an organisation's). A nationality word the model read there is part of it
    ("the Australian Petroleum
Exploration Association"); another name, a lower-case word or
    a new paragraph ends it."""
    heads = lexicon().words("org_head")
    by_end = {c.end: c for c in found}
    dropped: set[Candidate] = set()
    kept: list[Candidate] = []
    for candidate in found:
        brk = candidate.start - 1
        if candidate.label != "ORG" or doc[candidate.end - 1].text not in heads or brk < 1 \
                or not doc[brk].is_space or doc[brk].text.count("\n") != 1:
            kept.append(candidate)
            continue
        k = brk - 1
        if doc[k].lower_ in _WRAPPED_LINKS:
            k -= 1
        start = k + 1
        while k >= 0 and doc[k].is_title and doc[k].is_alpha and not doc[k].is_stop:
            other = by_end.get(k + 1)
            if other is not None:
                if other.label != "NORP":
                    break
                dropped.add(other)
                k = other.start - 1
            else:
                k -= 1
            start = k + 1
        if start < brk and doc[start].is_title:
            kept.append(candidate._replace(start=start))
        else:
            kept.append(candidate)
    return [c for c in kept if c not in dropped]


def _place_led(doc: Doc, found: list[Candidate]) -> list[Candidate]:
    """A place the model read apart from the legal-form name it begins, and the parse hangs on
    that name, is part of it: "Guizhou Huaxintong Semi-Conductor Technology Co Ltd", as
    "Chongqing Changan Automobile Co Ltd" ("In Tokyo Toshiba Corp said" stays two)."""
    legal = lexicon().words("legal_form")
    kept: list[Candidate] = []
    for candidate in found:
        before = kept[-1] if kept else None
        if before is not None and before.label in ("GPE", "LOC") and not before.pattern \
                and candidate.start == before.end and doc[candidate.end - 1].text in legal \
                and doc[before.start].is_title and doc[before.end - 1].whitespace_ == " " \
                and candidate.start <= doc[before.end - 1].head.i < candidate.end \
                and before.start > 0 and doc[before.start - 1].pos_ not in ("ADP", "SPACE") \
                and "\n" not in doc[before.start - 1].text:  # a dateline, "in Tokyo"
            kept[-1] = candidate._replace(start=before.start, label="ORG")
            continue
        kept.append(candidate)
    return kept


def _outside_others(found: list[Candidate]) -> list[Candidate]:
    """The candidates (in order) not inside an earlier one that stripping extended ("Japan"
    in "Vela Securities (Japan) Ltd")."""
    kept: list[Candidate] = []
    for candidate in found:
        if kept and candidate.start >= kept[-1].start and candidate.end <= kept[-1].end:
            continue
        kept.append(candidate)
    return kept


def common_nouns(nlp: Language) -> frozenset[str]:
    """The common nouns of English in lower case, from the index of spaCy's rule lemmatizer
    (WordNet's nouns), loaded disabled with the model; none without one.

    Proper nouns are among them too ("toyota"): only a word cut from a longer name is asked.
    """
    if "lemmatizer" not in nlp.component_names:
        return frozenset()
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return frozenset()
    index = lookups.get_table("lemma_index")
    return frozenset(w for w in index.get("noun", ()) if w.isalpha())


def common_noun(word: str, nouns: frozenset[str]) -> bool:
    """Whether a capitalised word is a common noun or its plural ("Sons", "Development")."""
    lower = word.lower()
    return lower in nouns or (lower.endswith("s") and lower[:-1] in nouns)


def _joined_by_and(doc: Doc, found: list[Candidate],
                   nouns: frozenset[str] = frozenset()) -> list[Candidate]:
    """One company's name the model read as parts: "Cable and Wireless Plc", "Gulf and
    Western Industries Inc", "Sears, Roebuck and Co", and a firm named after its partners
    ("Hambrecht and Quist", "Prescott, Ball and Turben").

    A name ending with a legal form takes in the capitalised parts (a word or two each)
    before it joined by "and" (and commas) when none of them is a whole name itself (ending
    with a legal form or a head word), a country, or named in the document but in that name
    ("Toshiba" in "Toshiba and Motorola Inc" is named on its own elsewhere, so it stays a
    name of its own). Without a legal form, surnames joined by "and" are one firm's name
    when the model read one of them as a person's and another not (people named only by
    their surnames are rare in news, and both would be people), no part is named elsewhere
    and none is a person named in full. The name, less its legal form, is then the same
    name wherever the document writes it again ("Gulf and Western" sold "Gulf and Western
    Manufacturing").
    """
    lex = lexicon()
    legal = lex.words("legal_form")
    complete = legal | lex.words("org_suffix") | lex.words("org_head")
    starts = {c.start: c for c in found}
    by_end = {c.end: c for c in found}
    inside = {i for c in found for i in range(c.start, c.end)}
    joined: dict[int, Candidate] = {}
    dropped: set[int] = set()
    links: list[tuple[str, ...]] = []
    for candidate in found:
        with_legal = doc[candidate.end - 1].text in legal
        if not with_legal and (candidate.pattern or candidate.end - candidate.start > 3
                               or candidate.label not in ("ORG", "PERSON", "GPE")):
            continue
        start, parts = candidate.start, []
        for separators in (("and", "&"), (",",), (",",)):
            separator = _unspaced_before(doc, start) - 1
            if separator < 1 or doc[separator].lower_ not in separators:
                break
            part = _part_before(doc, _unspaced_before(doc, separator), by_end, inside)
            if part is None:
                break
            parts.append(part)
            start = part[0]
        if not parts:
            continue
        stem = _link_words(doc, start, candidate.start)
        if with_legal:
            # one word before the legal form names no firm alone ("Hudson Valley Gas and
            # Electric Corp" is one name); a name of its own before it takes no part of two
            # words ("Acme Mobility and Globex Communications Inc" are two)
            own = [t for t in doc[candidate.start:candidate.end] if t.text not in legal]
            longest = 3 if len(own) == 1 else 1 if own and own[-1].text in complete else 2
            # a common noun the text writes nowhere but after the part is no name alone: the
            # part's head word does not end a name there ("Vantor Energy and Development
            # Corp"); a name of its own does ("Vantor Motors and Globex Corp" are two)
            whole = tuple(t.text for t in doc[start:candidate.end] if not t.is_space)
            fragment = len(own) == 1 and common_noun(own[0].text, nouns) \
                and _named_only_here(doc, own[0].i, own[0].i + 1, whole)
            # a part that is a whole name itself ("Intel Corp and Qualcomm Inc") is listed
            # a person named in full is listed ("Bob Stone and Globex Inc's chairman")
            if not all((doc[b - 1].text not in complete
                        or (fragment and doc[b - 1].text not in legal)) and b - a <= longest
                       and not _person_in_full(starts.get(a), b)
                       and _named_only_here(doc, a, b, stem) for a, b in parts):
                continue
        elif not _partners(doc, [*parts, (candidate.start, candidate.end)], starts, stem):
            continue
        joined[candidate.start] = candidate._replace(start=start, label="ORG")
        dropped.update(a for a, _ in parts if a in starts)
        links.append(stem)
    kept = [joined.get(c.start, c) for c in found if c.start not in dropped]
    return _joined_again(doc, kept, set(joined.values()), links)


def _joined_fragments(doc: Doc, found: list[Candidate], nouns: frozenset[str]) -> list[Candidate]:
    """Two fields of one body that "and" or "&" alone parts, the head word written once after
    both, are one name the model cut: "the Census and Statistics Department", "the National
    Accounts and Budget Commission" (one or two capitalised common nouns, then common nouns
    and an organisation's head word, all written nowhere else but together). A name of its
    own on either side ("the Treasury and Federal Reserve Board", "Blue Origin and United
    Launch Alliance"), a place, or a name written elsewhere ("Vantor and Acme Group" beside
    "Acme") keeps them apart; a legal form is :func:`_joined_by_and`'s."""
    lex = lexicon()
    heads = lex.words("org_head") - lex.words("legal_form")
    kept: list[Candidate] = []
    for candidate in found:
        before = kept[-1] if kept else None
        if before is not None and _only_and(doc, before.end, candidate.start) \
                and doc[candidate.end - 1].text in heads and candidate.end - candidate.start > 1:
            whole = tuple(t.text for t in doc[before.start:candidate.end] if not t.is_space)
            field = candidate._replace(end=candidate.end - 1)
            if _common_fragment(doc, before, whole, nouns, longest=2) \
                    and _common_fragment(doc, field, whole, nouns, longest=2):
                kept[-1] = Candidate(before.start, candidate.end, "ORG", before.titled,
                                     before.pattern or candidate.pattern)
                continue
        kept.append(candidate)
    return kept


def _participle_opening(token: Token) -> bool:
    """Whether a word that opens a sentence is a verb's -ing form capitalised there, no first
    name ("Underpinning", "Echoing", not "Sterling"): no part of the name after it."""
    return bool(token.is_sent_start) and token.is_title and len(token) > 5 \
        and token.lower_.endswith("ing") and token.text not in given_names()


def _joined_by_particle(doc: Doc, found: list[Candidate]) -> list[Candidate]:
    """One name of another language the model cut at its lower-case particle: "Banco do
    Brasil", "Cassa Depositi e Prestiti", "Welt am Sonntag" (the particles are data,
    ``org_name_particle``). Each side is a capitalised name of one to three words, the first no
    country ("Banco do Brasil" ends with one) nor ending with a legal form ("Acme Corp y Globex
    Inc" are two), and the particle stands alone between them; the whole is a person's name
    where both parts are people's, else an organisation's."""
    particles = lexicon().lower("org_name_particle")
    legal = lexicon().words("legal_form")
    kept: list[Candidate] = []
    for candidate in found:
        before = kept[-1] if kept else None
        if before is not None and candidate.start == before.end + 1 \
                and doc[before.end].is_lower and doc[before.end].lower_ in particles \
                and doc[before.end - 1].text not in legal \
                and all(_capitalised_name(doc, c) for c in (before, candidate)) \
                and country_named(doc[before.start:before.end].text) is None:
            label = "PERSON" if before.label == candidate.label == "PERSON" else "ORG"
            kept[-1] = Candidate(before.start, candidate.end, label, before.titled,
                                 before.pattern or candidate.pattern)
            continue
        kept.append(candidate)
    return kept


def _capitalised_name(doc: Doc, candidate: Candidate) -> bool:
    """Whether a candidate is one to three capitalised words, a person's or an organisation's."""
    words = doc[candidate.start:candidate.end]
    return 1 <= len(words) <= 3 and candidate.label in ("ORG", "PERSON", "GPE") \
        and all(t.text[:1].isupper() and t.is_alpha for t in words)


def _only_and(doc: Doc, end: int, start: int) -> bool:
    """Whether "and" or "&" alone (and a wrapped line's break) stands between two names."""
    words = [t for t in doc[end:start] if not (t.is_space and t.text.count("\n") <= 1)]
    return len(words) == 1 and words[0].lower_ in ("and", "&")


def _common_fragment(doc: Doc, candidate: Candidate, whole: tuple[str, ...],
                     nouns: frozenset[str], longest: int = 3) -> bool:
    """Whether a candidate is one to ``longest`` capitalised common nouns, none a word of a
    company's name, that the text writes only inside the name ``whole``: no name of its own."""
    words = [t for t in doc[candidate.start:candidate.end] if not t.is_space]
    return 1 <= len(words) <= longest and all(
        t.is_title and t.is_alpha and t.text not in company_words()
        and common_noun(t.text, nouns) and not _place_word(t.text) for t in words) \
        and _named_only_here(doc, candidate.start, candidate.end, whole)


def _place_word(word: str) -> bool:
    """Whether a word names a country, a nationality, a state or a town."""
    return bool(country_named(word) or demonym_of(word) or city_of(word) or is_place(word)
                or place_key(word) in subdivisions())


def _person_in_full(candidate: Candidate | None, end: int) -> bool:
    """Whether a candidate that ends at ``end`` is a person's name of two words or more."""
    return candidate is not None and candidate.end == end and candidate.label == "PERSON" \
        and end - candidate.start > 1


def _unspaced_before(doc: Doc, i: int) -> int:
    """``i`` moved back over a line break before it (a name wrapped over two lines); blanked
    markup ("Globex <GLX.N> and") ends a name."""
    while i > 0 and doc[i - 1].is_space and doc[i - 1].text.count("\n") == 1:
        i -= 1
    return i


def _link_words(doc: Doc, start: int, last: int) -> tuple[str, ...]:
    """The words of a name joined by "and" from its start to the first word of its last
    part (at ``last``), whitespace tokens left out: ("Gulf", "and", "Western") in "Gulf and
    Western Industries Inc"."""
    return tuple(t.text for t in doc[start:last + 1] if not t.is_space)


def _partners(doc: Doc, parts: list[tuple[int, int]], starts: dict[int, Candidate],
              stem: tuple[str, ...]) -> bool:
    """Whether names joined by "and" with no legal form are one firm's: each part a word to
    three, capitalised, no place (a region or a nationality by the model's label, a country
    or a town by the reference data), no whole name or person named in full, named only here;
    one a single word the model read as a person's and one not read so."""
    lex = lexicon()
    complete = lex.words("legal_form") | lex.words("org_suffix") | lex.words("org_head")
    person_word = other = False
    for a, b in parts:
        words = [t for t in doc[a:b] if not t.is_space]
        candidate = starts.get(a)
        label = candidate.label if candidate is not None and candidate.end == b else None
        text = " ".join(t.text for t in words)
        if label not in (None, "ORG", "PERSON", "GPE") or not 1 <= len(words) <= 3 \
                or not all(t.is_title and t.is_alpha for t in words) \
                or words[-1].text in complete or country_of(text) or demonym_of(text) \
                or city_of(text) or _person_in_full(candidate, b) \
                or not _named_only_here(doc, a, b, stem):
            return False
        person_word |= label == "PERSON" and len(words) == 1
        other |= label != "PERSON"
    return person_word and other and _firm_place(
        doc[min(a for a, _ in parts):max(b for _, b in parts)])


def _firm_place(span: Span) -> bool:
    """Whether names joined by "and" stand where a firm's name does: after a preposition
    ("analyst with A, B and C", "for A and B"), before a noun it qualifies ("A, B and C
    analyst") or a possessive; not as the subject of a verb ("A and B met"), which two
    people may be."""
    root = span.root
    for _ in range(8):  # "by Acme Inc and Wagner and Brown": a conjunct of an object
        if root.dep_ != "conj" or root.head is root:
            break
        root = root.head
    last = span[-1]
    doc = span.doc
    nxt = doc[span.end] if span.end < len(doc) else None
    return root.dep_ in ("pobj", "poss") or (nxt is not None and nxt.tag_ == "POS") or (
        last.dep_ == "compound" and last.head.i >= span.end and last.head.pos_ == "NOUN")


def _joined_again(doc: Doc, found: list[Candidate], joined: set[Candidate],
                  links: list[tuple[str, ...]]) -> list[Candidate]:
    """A joined name read wherever the document writes its parts again with its last part a
    candidate: "Gulf and Western" (its ``links``) in "Gulf and Western Manufacturing"."""
    by_last: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for words in links:
        by_last[words[-1]].append(words)
    dropped: set[int] = set()
    extended: dict[int, Candidate] = {}
    for candidate in found:
        if candidate in joined:
            continue
        for words in by_last.get(doc[candidate.start].text, []):
            start, rest = candidate.start, list(words[:-1])
            while rest:
                start = _unspaced_before(doc, start) - 1
                if start < 0 or doc[start].text != rest[-1]:
                    break
                rest.pop()
            if not rest:
                extended[candidate.start] = candidate._replace(start=start, label="ORG")
                dropped.update(c.start for c in found if start <= c.start < candidate.start)
                break
    return [extended.get(c.start, c) for c in found if c.start not in dropped]


def _part_before(doc: Doc, end: int, by_end: dict[int, Candidate],
                 inside: set[int]) -> tuple[int, int] | None:
    """The name part that ends at ``end``: a candidate, or up to three capitalised nouns no
    candidate holds (the tagger may read a name's first word as a common noun)."""
    if end in by_end:
        candidate = by_end[end]
        return (candidate.start, end) if candidate.label in ("ORG", "PERSON", "LOC", "FAC") \
            else None
    start = end
    while start > 0 and end - start < 3 and doc[start - 1].is_title \
            and doc[start - 1].is_alpha and not doc[start - 1].is_stop \
            and doc[start - 1].pos_ in ("PROPN", "NOUN") and start - 1 not in inside:
        start -= 1
    return (start, end) if start < end else None


def _named_only_here(doc: Doc, start: int, end: int, whole: tuple[str, ...]) -> bool:
    """Whether the words ``doc[start:end]`` occur in the text only inside the name whose
    words are ``whole``, and name no country."""
    part = doc[start:end].text
    if country_of(part) is not None:
        return False
    # the part's tokens, as ``whole`` holds them: "Alex. Brown" is three ("Alex", ".", ...)
    words = [t.text for t in doc[start:end] if not t.is_space]
    text = _text(doc)
    return _count(text, words) == _count(text, list(whole)) * _count(" ".join(whole), words)


def _text(doc: Doc) -> str:
    """The text of ``doc``, kept with it (``Doc.text`` joins every token anew)."""
    text = doc.user_data.get("ng_text")
    if not isinstance(text, str):
        text = doc.user_data["ng_text"] = doc.text
    return text


def _count(text: str, words: list[str]) -> int:
    """How often ``words`` occur in ``text`` as whole words, any whitespace between them."""
    pattern = "".join(
        (r"\s+" if k and words[k - 1][-1:].isalnum() and w[:1].isalnum() else
         r"\s*" if k else "") + re.escape(w) for k, w in enumerate(words))
    return len(re.findall(rf"(?<!\w){pattern}(?!\w)", text))


def _split_lists(doc: Doc, found: list[Candidate]) -> list[Candidate]:
    """A candidate that lists names the document gives on their own elsewhere is those names:
    "Lyft, Uber" beside "Lyft" and "Uber", and so is an organisation's span of names with
    commas alone, or as many names as a plural noun before them counts ("two rivals, A and
    B"); "Hambrecht and Quist", given only whole, and an institution's name stay."""
    alone = {name_key(doc[c.start:c.end].text) for c in found}
    kept = []
    for candidate in found:
        parts = _list_parts(doc, candidate.start, candidate.end)
        if len(parts) > 1 and not _one_institution(doc, candidate.start, candidate.end, parts) \
                and (all(name_key(doc[a:b].text) in alone for a, b in parts)
                     or _comma_list(doc, candidate, parts)
                     or _counted_list(doc, candidate, parts)):
            kept += [candidate._replace(start=a, end=b) for a, b in parts]
        else:
            kept.append(candidate)
    return kept


def _comma_list(doc: Doc, candidate: Candidate, parts: list[tuple[int, int]]) -> bool:
    """Whether an organisation's span is names listed with commas alone ("Lyft, Uber",
    "Euronav, Teekay Group"): no "and", no legal form at its end ("Sears, Roebuck and Co",
    "Vela, Sachs SA" stay), every part capitalised."""
    span = doc[candidate.start:candidate.end]
    return candidate.label == "ORG" and not candidate.pattern \
        and not any(t.lower_ in ("and", "&") for t in span) \
        and span[-1].text not in lexicon().words("legal_form") \
        and all(doc[a].text[:1].isupper() for a, _ in parts)


def _counted_list(doc: Doc, candidate: Candidate, parts: list[tuple[int, int]]) -> bool:
    """Whether an organisation's span names as many things as the plural noun it stands in
    apposition to counts: "two internet companies, Alibaba and Tencent"."""
    span = doc[candidate.start:candidate.end]
    head = span.root.head
    if candidate.label != "ORG" or span.root.dep_ != "appos" or head.tag_ != "NNS" \
            or not all(doc[a].text[:1].isupper() for a, _ in parts):
        return False
    count = {str(len(parts)), _NUMBER_WORDS.get(len(parts), "")}
    return any(c.dep_ == "nummod" and c.lower_ in count for c in head.children)


#: Small numbers as words, for a noun that counts the names after it.
_NUMBER_WORDS = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six"}


def _one_institution(doc: Doc, start: int, end: int, parts: list[tuple[int, int]]) -> bool:
    """Whether a span with "and" names one institution: "of" or "for" in it ("Ministry of
    Posts and Telecommunications"), or one head word for all ("Post and Telecommunications
    Ministry")."""
    heads = lexicon().words("org_institution")
    return any(t.lower_ in ("of", "for") for t in doc[start:end]) or (
        doc[end - 1].text.title() in heads and doc[parts[0][1] - 1].text.title() not in heads)


def _list_parts(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """The parts of a span between its commas, "and" and "&" (one part if it has none)."""
    parts, first = [], start
    for k in range(start, end):
        if doc[k].text == "," or doc[k].lower_ in ("and", "&"):
            if k > first:
                parts.append((first, k))
            first = k + 1
    if end > first:
        parts.append((first, end))
    return parts


def _candidates(doc: Doc, matcher: Matcher) -> list[Span]:
    spans = [Span(doc, s, e, label=doc.vocab.strings[m]) for m, s, e in matcher(doc)]
    spans += [_whole_country(ent) if ent.label_ == "GPE" else _whole_org(ent)
              if ent.label_ == "ORG" else ent for ent in doc.ents if ent.label_ in _LABELS]
    spans += [named for ent in doc.ents if ent.label_ in _AMOUNT_LABELS
              and (named := _name_before_amount(ent)) is not None]
    credits = credit_names(doc)  # a credit line's names win over the model's reading of it
    credited = {i for span in credits for i in range(span.start, span.end)}
    spans = [s for s in spans if credited.isdisjoint(range(s.start, s.end))] + credits
    taken = {i for span in spans for i in range(span.start, span.end)}
    spans += [s for s in agency_names(doc) if taken.isdisjoint(range(s.start, s.end))]
    spans = _out_of_datelines(doc, spans)
    spans = _ruled_names(doc, spans)
    spans = [_with_first_word(_with_particles(span)) if span.label_ == "PERSON" else span
             for span in _wrapped_people(spans)]
    # a dateline is no part of the name the parse may propose after it ("DETROIT General")
    taken = {i for span in spans for i in range(span.start, span.end)} | dateline_tokens(doc)
    spans += _proposed(doc, taken)
    spans += _party_initials(doc, {i for span in spans for i in range(span.start, span.end)})
    spans += lower_case_bodies(doc, {i for span in spans for i in range(span.start, span.end)})
    # nor is a name read again where a dateline repeats it ("OSLO ANNOUNCES ...\n\nOSLO, June 1")
    taken = {i for span in spans for i in range(span.start, span.end)} | dateline_tokens(doc)
    spans += _repeated(doc, spans, taken)
    return sorted(filter_spans(spans), key=lambda s: s.start)


def _party_initials(doc: Doc, taken: set[int]) -> list[Span]:
    """A party's initial and a US state set off after a person's name ("Jane Roe (D-Ohio)",
    "Rep. John Doe, R-N.Y., said"): the initial names the party (``party_initial``)."""
    initials = party_initials()
    return [Span(doc, token.i, token.i + 1, label="NORP") for token in doc[2:-3]
            if token.text in initials and token.i not in taken
            and doc[token.i - 2].ent_type_ == "PERSON" and party_initial_set_off(token)
            and us_state(doc[token.i + 2].text)]


#: What sets off a party's initial and state after a name, by the mark that opens it.
_SETTING_OFF = {"(": (")",), ",": (",", ".", ";", ":")}


def party_initial_set_off(token: Token) -> bool:
    """Whether ``token`` opens a party's initial and state set off by brackets or commas
    after a name: the "D" of "(D-Ohio)" or of ", D-N.Y.,".

    >>> import spacy
    >>> doc = spacy.blank("en")("Jane Roe, D-Ohio, said")
    >>> party_initial_set_off(doc[3])
    True
    """
    doc, i = token.doc, token.i
    closers = _SETTING_OFF.get(doc[i - 1].text) if i > 0 else None
    return closers is not None and i + 3 < len(doc) and doc[i + 1].text == "-" \
        and doc[i + 3].text in closers


class _Ruler(NamedTuple):
    """A royal or religious title and the name written after it, as token bounds."""

    title_start: int
    name_start: int
    name_end: int


@cache
def ruler_words() -> frozenset[str]:
    """The words of the royal and religious titles ("Crown", "Prince", "Supreme", "Leader")."""
    return frozenset(w for title in lexicon().words("ruler_title") for w in title.split())


def _rulers(doc: Doc) -> list[_Ruler]:
    """The royal or religious titles of ``doc``, one or more in a row ("Supreme Leader
    Ayatollah"), each with the capitalised name after it, its lower-case particles included
    ("Emir Zayed bin Acme"); not a title read on into a place or a body ("Queen Mary
    University", "Prince Edward Island") nor one in a headline's capitals."""
    lex = lexicon()
    titles = sorted((tuple(t.split()) for t in lex.words("ruler_title")), key=len, reverse=True)
    particles = lex.lower("name_particle")
    stop = lex.words("person_title") | ruler_words()
    found = []
    i = 0
    while i < len(doc):
        j = i
        while (words := next((t for t in titles if tuple(x.text for x in doc[j:j + len(t)])
                              == t), None)) is not None:
            j += len(words)
        k = j
        while k < len(doc) and (
                (doc[k].is_title and doc[k].is_alpha and doc[k].text not in stop)
                or (k > j and (doc[k].lower_ in particles or doc[k].text == "-")
                    and k + 1 < len(doc) and doc[k + 1].is_title)):
            k += 1
        if j > i and k > j and doc[k - 1].is_title \
                and doc[k - 1].text not in lex.words("org_head") \
                and not _place_name(doc[j:k].text) and not headline_case(doc[i:k].sent):
            found.append(_Ruler(i, j, k))
        i = max(k, i + 1)
    return found


def _ruled_names(doc: Doc, spans: list[Span]) -> list[Span]:
    """A name after a royal or religious title is a person's ("King Oberon of Ruritania",
    which the model may not tag): a name the model read in the title alone ("Supreme") is
    none, and one it read as another kind inside the name is the person's."""
    for ruler in _rulers(doc):
        inside = [s for s in spans if ruler.title_start <= s.start and s.end <= ruler.name_end
                  and s.label_ != "PERSON"]
        spans = [s for s in spans if s not in inside]
        # the model's person begun after the title: the title is read with it (see _strip)
        spans = [Span(doc, ruler.title_start, s.end, label=s.label_)
                 if s.label_ == "PERSON" and ruler.title_start < s.start <= ruler.name_start
                 and s.end == ruler.name_end else s for s in spans]
        if all(s.end <= ruler.title_start or s.start >= ruler.name_end for s in spans):
            spans.append(Span(doc, ruler.title_start, ruler.name_end, label="PERSON"))
    return spans


#: Small words that begin no surname after a name the model ended: an article or a number in
#: English or another language ("de la Vega", "van der Berg" begin with another).
_NOT_FIRST = frozenset({"la", "le", "der", "den", "des", "ten"})


def _with_particles(span: Span) -> Span:
    """A person's name the model ended at, or before, the small words of a surname, with that
    surname: "Ursula von der" (and "Leyen" taken for a place) is "Ursula von der Leyen".

    >>> import spacy
    >>> doc = spacy.blank("en")("Ursula von der Leyen and Dieter zur Loye spoke.")
    >>> _with_particles(Span(doc, 0, 3, label="PERSON")).text
    'Ursula von der Leyen'
    >>> _with_particles(Span(doc, 5, 6, label="PERSON")).text
    'Dieter zur Loye'
    >>> _with_particles(Span(doc, 5, 7, label="PERSON")).text
    'Dieter zur Loye'
    """
    doc = span.doc
    small = lexicon().words("person_particle")
    end = span.end
    while end > span.start and doc[end - 1].text in small:
        end -= 1
    particles = end
    # after a name the model ended, "ten" or "den" begins no surname ("Jane Smith ten
    # Blackwell servers", "Peter Smith den Haag office")
    after = end == span.end and end < len(doc) and doc[end].text in _NOT_FIRST
    while not after and particles < len(doc) and particles - end < 3 \
            and doc[particles].text in small:
        particles += 1
    start = span.start
    while start > 0 and span.start - start < 3 and doc[start - 1].lower_ in small \
            and (doc[start - 1].is_lower or doc[start - 1].is_sent_start or start < span.start):
        start -= 1  # "Von der Leyen said", the model having tagged "Leyen"
    if start < span.start and not (doc[start].is_sent_start or doc[start].is_lower):
        start = span.start
    if particles == end or particles >= len(doc) or not (
            doc[particles].is_alpha and doc[particles].is_title
            and doc[particles - 1].whitespace_):
        return span if start == span.start else Span(doc, start, span.end, label=span.label)
    return Span(doc, start, particles + 1, label=span.label)


def _wrapped_people(spans: list[Span]) -> list[Span]:
    r"""A first name and a surname the model read as two people because a line break parts
    them ("Yukio\nKasahara" in wire copy) are one person's name.

    >>> import spacy
    >>> doc = spacy.blank("en")("chief Yukio\nKasahara said")
    >>> [s.text for s in _wrapped_people([Span(doc, 1, 2, "PERSON"), Span(doc, 3, 4, "PERSON")])]
    ['Yukio\nKasahara']
    """
    by_start = {span.start: span for span in spans if span.label_ == "PERSON" and len(span) == 1}
    joined: list[Span] = []
    taken: set[int] = set()
    for span in spans:
        if span.start in taken:
            continue
        after = by_start.get(span.end + 1)
        if span.label_ == "PERSON" and len(span) == 1 and after is not None \
                and span.doc[span.end].is_space and span.doc[span.end].text.count("\n") == 1:
            joined.append(Span(span.doc, span.start, after.end, label="PERSON"))
            taken.add(after.start)
        else:
            joined.append(span)
    return joined


def written(doc: Doc, start: int, end: int) -> str:
    r"""A name as the text writes it: with the full stop of a legal form that ends a sentence,
    which :func:`~newsgraph.ingest.pipeline.ng_sentence_stops` splits off for the parser.

    >>> import spacy
    >>> doc = spacy.blank("en")("Investors backed Zorg Co. The shares rose.")
    >>> with doc.retokenize() as r:
    ...     r.split(doc[3], ["Co", "."], heads=[(doc[3], 0), (doc[3], 0)])
    >>> written(doc, 2, 4)
    'Zorg Co.'
    >>> written(spacy.blank("en")("Gordon\nWu said"), 0, 3)
    'Gordon Wu'
    """
    text = " ".join(doc[start:end].text.split())  # a name wrapped over two lines is one line
    if end < len(doc) and doc[end].text == "." and not doc[end - 1].whitespace_ \
            and f"{doc[end - 1].text}." in stopped_forms():
        return f"{text}."
    return text


#: The labels of names read again wherever the document repeats them.
_REPEATED_LABELS = frozenset({"ORG", "PERSON", EntityType.ORGANISATION})


def _repeated(doc: Doc, spans: list[Span], taken: set[int]) -> list[Span]:
    """A name found once is the same name wherever the document repeats it as written, where
    the model missed it ("Symantec Corp bought Blue Coat. ... Symantec competes with"): the
    words of an organisation's or a person's name, and of an organisation's name less its
    legal form, standing alone (no capitalised word just before or after them); a name the
    model read with its possessive ("Facebook's boss") is read again without it.

    >>> import spacy
    >>> doc = spacy.blank("en")("Acme Corp grew and the Acme unit fell .")
    >>> [(s.text, s.label_) for s in _repeated(doc, [Span(doc, 0, 2, "ORG")], {0, 1})]
    [('Acme', 'ORG')]
    """
    lex = lexicon()
    legal = lex.words("legal_form")
    common = lex.lower("month")
    forms: dict[tuple[str, ...], str] = {}
    for span in spans:
        if span.label_ not in _REPEATED_LABELS:
            continue
        words = tuple(t.text for t in span)
        if len(words) > 1 and words[-1] in _POSSESSIVES:
            words = words[:-1]  # the model's "Facebook's" is the name "Facebook"
        stem = words
        while len(stem) > 1 and stem[-1] in legal:
            stem = stem[:-1]
        for form in (words, stem) if span.label_ != "PERSON" else (words,):
            # a word of the language or a month alone is read again as itself ("May")
            if len("".join(form)) > 2 and not (len(form) == 1 and (
                    form[0].lower() in common or doc.vocab[form[0].lower()].is_stop)):
                forms.setdefault(form, span.label_)
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for words in sorted(forms, key=lambda w: -len(w)):
        by_first.setdefault(words[0], []).append(words)
    taken = set(taken)
    found: list[Span] = []
    firsts = {doc.vocab.strings[first] for first in by_first}
    orths = doc.to_array("ORTH").tolist() if len(doc) else []
    for i in [i for i, orth in enumerate(orths) if orth in firsts]:  # a name's first word
        if len(found) == _MOST_REPEATS:
            break  # a name repeated thousands of times says no more each time
        token = doc[i]
        if i in taken or not token.text[:1].isupper():
            continue
        for words in by_first.get(token.text, []):
            end = i + len(words)
            if end > len(doc) or tuple(t.text for t in doc[i:end]) != words \
                    or not taken.isdisjoint(range(i, end)) \
                    or (i > 0 and not token.is_sent_start and _capitalised(doc[i - 1])) \
                    or (end < len(doc) and _capitalised(doc[end])):
                continue
            found.append(Span(doc, i, end, label=forms[words]))
            taken.update(range(i, end))
            break
    return found


#: The possessive endings the model may read as part of a name.
_POSSESSIVES = frozenset({"'s", "\u2019s", "'", "\u2019"})
#: The most names a document is read again for.
_MOST_REPEATS = 200


def _capitalised(token: Token) -> bool:
    """Whether ``token`` is a capitalised word that may belong to a name."""
    return token.text[:1].isupper() and token.is_alpha


def _name_before_amount(ent: Span) -> Span | None:
    """The name an amount the model read begins with ("Google" in "fined Google 2.4 billion
    euros"), for the evidence to type."""
    end = _before_amount(ent.doc, ent.start, ent.end)
    if end == ent.end or not all(t.pos_ == "PROPN" and t.text[:1].isupper()
                                 for t in ent.doc[ent.start:end]):
        return None
    return Span(ent.doc, ent.start, end, label="NAME")


def _whole_org(ent: Span) -> Span:
    """An organisation's name the model cut short inside a run of proper nouns: an acronym
    right after it that no entity holds ("Globex SDI" read as "Globex"), and the proper nouns
    before a name of only corporate words ("Vela Global Services" read as "Global
    Services")."""
    doc = ent.doc
    start, end = ent.start, ent.end

    def free(i: int) -> bool:
        return doc[i].pos_ == "PROPN" and not doc[i].ent_type_

    if end < len(doc) and free(end) and ACRONYM.match(doc[end].text) \
            and not is_junk(doc[end].text) \
            and not (end + 1 < len(doc) and doc[end + 1].pos_ == "PROPN"):
        end += 1
    if all(t.text in _corporate_words() for t in ent):
        while start > 0 and ent.start - start < 3 and free(start - 1) \
                and doc[start - 1].text[:1].isupper() and doc[start - 1].is_alpha:
            start -= 1
    return ent if (start, end) == (ent.start, ent.end) else Span(doc, start, end, label="ORG")


def _whole_country(ent: Span) -> Span:
    """``ent`` with the proper nouns after it where together they name a country of the
    gazetteer that ``ent`` alone does not ("U.S." of "U.S. Virgin Islands")."""
    doc = ent.doc
    end = ent.end
    while end < min(len(doc), ent.end + 3) and doc[end].pos_ == "PROPN" \
            and doc[end].text[:1].isupper() and not doc[end].ent_type_:
        end += 1
    alone = country_named(ent.text)
    for last in range(end, ent.end, -1):
        country = country_named(doc[ent.start:last].text)
        if country is not None and country != alone:
            return Span(doc, ent.start, last, label=ent.label_)
    return ent


def _out_of_datelines(doc: Doc, spans: list[Span]) -> list[Span]:
    """The spans less the datelines they hold ("TOKYO Mitsubishi Motors" → "Mitsubishi
    Motors"); a span inside a dateline goes."""
    dateline = dateline_tokens(doc)
    kept = []
    for span in spans:
        start = span.start
        while start < span.end and start in dateline:
            start += 1
        if start < span.end:
            kept.append(span if start == span.start else Span(doc, start, span.end, span.label))
    return kept


#: Words that join a name to what follows, which no name ends with.
_JOINING_WORDS = frozenset({"of", "and", "for", "in", "at", "on", "by", "with", "to", "the"})


def _strip(doc: Doc, start: int, end: int, label: str) -> tuple[int, int, bool]:
    """Drop determiners, possessives, stray punctuation and (for people) leading titles.

    Returns the new bounds and whether a title was stripped.
    """
    lex = lexicon()
    titles = lex.words("person_title")
    titled = False
    # wire stories mark names with angle brackets ("<Globex Corp>'s"): no part of the name
    while start < end and (doc[start].lower_ in ("the", "'s", "\u2019s", "'", "\u2019")
                           or doc[start].is_punct or doc[start].is_space
                           or doc[start].text in _BRACKETS):
        start += 1
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct
                           or doc[end - 1].is_space or doc[end - 1].lower_ in ("'s", "\u2019s")
                           or doc[end - 1].text in _BRACKETS
                           or is_exchange_code(doc[end - 1].text)):  # "Globex GLBX.O"
        end -= 1
    for i in range(start, end):  # "Name (ACR" → "Name"; no name runs over blanked markup
        if (doc[i].text == "(" and _bracketed_legal_end(doc, i) is None) \
                or (doc[i].is_space and "\n" not in doc[i].text):
            end = i
            break
    if end < len(doc) and (bracketed := _bracketed_legal_end(doc, end)) is not None:
        end = bracketed  # "Toshiba Information Systems (U.K.) Ltd", "Cheung Kong (Holdings) Ltd"
    # no name ends with a word that joins it to what follows ("Acme Inc of", "Globex and")
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space
                           or doc[end - 1].lower_ in _JOINING_WORDS
                           or (doc[end - 1].pos_ == "ADV" and doc[end - 1].is_lower)):
        end -= 1  # nor with an adverb of the sentence ("Von der Leyen later said")
    end = _before_amount(doc, start, end)
    while start > 0 and foreign_word(doc[start - 1]):  # "华为 Technologies Co."
        start -= 1
    if label == "PERSON" and start >= 2 and doc[start - 1].pos_ == "PROPN" \
            and doc[start - 1].is_title and doc[start - 1].is_alpha \
            and doc[start - 1].text not in titles and doc[start - 2].text in titles:
        start -= 1  # "Vice-Premier [Zhao Lifan]" where the model tagged "Lifan"
    if label == "PERSON":
        if end - start == 1 and end < len(doc) and doc[end].text == "." \
                and f"{doc[start].text}." in titles:
            return start, start, True  # "Sgt. Jane Roe": a title cut from its full stop
        if end - start > 1 and _participle_opening(doc[start]):
            start += 1  # "Underpinning Vestager's approach": a participle opens the sentence
        first = start
        while end - start > 1 and (doc[start].text in titles or doc[start].text
                                   in ruler_words()):
            start += 1
            titled = True
        while end - start == 1 and start > first and doc[start - 1].text in ruler_words():
            start -= 1  # a ruler known by one name keeps the title: "King Oberon"
        if employer_before_role(doc, end):  # "Maybank [Kim Eng] analyst Jane Roe"
            while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title \
                    and not doc[start - 1].ent_type_ and doc[start - 1].text not in titles:
                start -= 1
    elif label == "ORG":  # "Morgan Stanley Chief"
        if end - start > 1 and doc[start].is_sent_start and doc[start].is_title \
                and doc[start].lower_ in lex.lower("leading_descriptor") \
                and doc[start + 1].pos_ == "PROPN" and doc[start + 1].text[:1].isupper() \
                and doc[start + 1].text not in lex.words("legal_form"):
            start += 1  # "Chipmaker Nvidia rose": a noun capitalised as the sentence begins
        end = _before_base(doc, start, end)
        trailers = lex.lower("org_trailer")
        while end - start > 1 and doc[end - 1].lower_ in trailers and doc[end - 1].is_title:
            end -= 1
        if end - start > 1 and _headline_verb(doc, end - 1):  # "Globex Secures $5 Million"
            end -= 1
    return start, _and_company(doc, end), titled


def _before_base(doc: Doc, start: int, end: int) -> int:
    """The end of a company's name the model read on into the place it is based in: "of" and
    a town or a country after a legal form that closes a name ("Hanwha Ltd of Seoul", not
    "Vertex Trust Co of New York"), or a town with its state or country after any legal form
    ("Acme Co of Maynard, Mass.")."""
    lex = lexicon()
    for k in range(start + 1, end - 1):
        if doc[k].lower_ != "of" or doc[k - 1].text not in lex.words("legal_form"):
            continue
        if region_follows(doc, end):
            return k  # "Acme Co of Maynard, Mass.": a town, whether or not the gazetteer knows it
        place = doc[k + 1:end].text
        if doc[k - 1].text in lex.words("closing_legal_form") and (
                is_place(place) or country_of(place) is not None):
            return k
    return end


def region_follows(doc: Doc, end: int) -> bool:
    """Whether a comma and a state or a country follow ``end``, as they follow a town ("...,
    Mass.", "..., Texas", "..., West Germany", "..., central Sweden"), and not as a list or an
    apposition goes on ("..., Japan's biggest ...", "..., China and Brazil").

    >>> import spacy
    >>> doc = spacy.blank("en")("made by Acme Co of Maynard, Mass., it said")
    >>> region_follows(doc, 6), region_follows(doc, 4)
    (True, False)
    """
    lex = lexicon()
    if end + 1 >= len(doc) or doc[end].text != ",":
        return False
    if doc[end + 1].text in lex.words("state_abbreviation"):
        return True
    # the region's words up to the next punctuation: "Texas", "West Germany", after a part of
    # it ("central Sweden", "north-west England")
    first = end + 1
    while first < len(doc) and first - end <= 3 and (
            doc[first].lower_ in lex.lower("compass_word") or doc[first].text == "-"):
        first += 1
    stop = first
    while stop < len(doc) and stop - first <= 2 and doc[stop].is_title:
        stop += 1
    text = doc[first:stop].text
    listed = stop < len(doc) and doc[stop].lower_ in ("'s", "\u2019s", "and", "or", "&")
    return bool(text) and not listed and (
        place_key(text) in subdivisions() or country_named(text) is not None)


def _bracketed_legal_end(doc: Doc, i: int) -> int | None:
    """Where a name ends that goes on at ``i`` with a bracketed word or two and a legal form
    ("(U.K.) Ltd", "(Holdings) Ltd"), or None."""
    if doc[i].text != "(":
        return None
    legal = lexicon().words("legal_form")
    for j in range(i + 2, min(i + 5, len(doc) - 1)):
        if doc[j].text == ")":
            if doc[j + 1].text not in legal or not all(
                    t.text[:1].isupper() for t in doc[i + 1:j]):
                return None
            end = j + 1
            while end < len(doc) and doc[end].text in legal:
                end += 1
            return end
        if not doc[j].text[:1].isalnum():
            return None
    return None


def _before_amount(doc: Doc, start: int, end: int) -> int:
    """The end of a name the model read with an amount after it: "Acme Corp" in "fined Acme
    Corp 2.4 billion euros", "Google" in "Google 2.4 billion". A number inside a name
    ("Studio 71", "Channel 4") is no amount: an amount's number has a scale or a currency
    after it."""
    amounts = lexicon().lower("amount_word")
    for i in range(start + 1, end):
        if doc[i].like_num and i + 1 < len(doc) and doc[i + 1].lower_ in amounts:
            return i
    return end


def _and_company(doc: Doc, end: int) -> int:
    """The end of a name that goes on with a legal form, or "and" and a legal form: "Vela"
    in "Vela and Co Inc" ends after "Inc", "Vela" in "Vela PLLC" after "PLLC"."""
    legal = lexicon().words("legal_form")
    if end + 1 < len(doc) and doc[end].lower_ in ("and", "&") and doc[end + 1].text in legal:
        end += 2
    # a legal form the model left out ("Jacobson Burton Kelley PLLC")
    while end < len(doc) and doc[end].text in legal and not doc[end].is_sent_start:
        end += 1
    # ... or wrapped to the next line after an abbreviated one ("Globex Steel Co.\nLtd"),
    # whose full stop the pipeline split off
    if end + 2 < len(doc) and doc[end].text == "." and doc[end - 1].text + "." in legal \
            and doc[end + 1].text == "\n" and doc[end + 2].text in legal:
        end += 3
    return end


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


def employer_before_role(doc: Doc, end: int) -> bool:
    """Whether the name ending before ``end`` is followed by a role and a person's name
    ("X analyst Jane Roe"): it is the employer's, and capitalised words the model left
    before it belong to it."""
    return end + 1 < len(doc) and doc[end].lower_ in lexicon().lower("role_after") \
        and doc[end + 1].ent_type_ == "PERSON" and doc[end + 1].is_title


def _opening_word_apart(doc: Doc, i: int, j: int) -> bool:
    """Whether the words from ``i`` to ``j`` open a sentence with a capitalised word before
    words all in capitals ("Follow ACME NEWS"): the first is the sentence's, not the name's."""
    return j - i >= 2 and doc[i].is_sent_start is True and doc[i].is_title \
        and all(t.is_upper for t in doc[i + 1:j])


@cache
def _officer_titles() -> frozenset[str]:
    """The titles an officer is given alone ("CEO", "CFO", "Chairman"), casefolded."""
    lex = lexicon()
    return lex.lower("title_alone_leads") | lex.lower("title_alone_worksFor") \
        | lex.lower("title_alone_chairs")


def _titled_person_at(doc: Doc, k: int, end: int, any_name: bool = False) -> bool:
    """Whether token ``k`` of a span is an officer's title written as a word of its own
    ("CFO", "Chairman") with a given name and a surname after it up to the span's end; with
    ``any_name``, where the title starts the span, any two capitalised words that no
    company's name ends with ("CTO Brogan Vane")."""
    token = doc[k]
    if end - k != 3 or token.lower_ not in _officer_titles() or token.is_lower:
        return False
    if doc[k + 1].text in given_names():
        return doc[k + 2].is_title
    return any_name and all(t.text[:1].isupper() and t.is_alpha for t in doc[k + 1:end]) \
        and not any(t.text in _corporate_words() for t in doc[k + 1:end])


def _named_person_at(doc: Doc, start: int, k: int, end: int) -> bool:
    """Whether a span the model read as one organisation ends at ``k`` with a given name and a
    surname, the name before them and the surname each written on their own elsewhere in the
    text: "GATT Jane Roe" beside "GATT" and "Roe said" is a body and a person."""
    if not start < k or end - k != 2 or doc[k].text not in given_names() \
            or doc[k - 1].text in given_names() or not doc[k + 1].is_title \
            or not doc[k + 1].is_alpha or doc[k + 1].text in _corporate_words():
        return False
    text = _text(doc)
    whole = [t.text for t in doc[start:end] if not t.is_space]
    before = [t.text for t in doc[start:k] if not t.is_space]
    times = _count(text, whole)
    return _count(text, [doc[k + 1].text]) > times and _count(text, before) > times


@cache
def _corporate_words() -> frozenset[str]:
    """Words a company's name may end with and a person's never does ("Corp", "Group",
    "Services")."""
    lex = lexicon()
    return lex.words("org_head") | lex.words("org_generic") | lex.words("legal_form")


def _split(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """The names in a span the model read as one: an owner and what it owns ("Department of
    Trade's Bureau of Export Review"), two institutions joined by "and" ("the Halden Centre
    and Marlow University"), two names across a legal form's full stop ("Acme Inc. Globex")
    or a legal form and "and" ("Toyota Motor Corp and Uber"), two names that each end with a
    corporate word ("Alibaba Group Holding and Tencent Holdings"), two names across a verb in
    lower case ("Alphabet named Sundar Pichai"); "Bureau of Health and Safety" and "the Trade
    Commissioner's Office" stay whole."""
    lex = lexicon()
    if _titled_person_at(doc, start, end, any_name=True):  # "CTO Jane Roe": no part of it
        return [(start + 1, end)]
    for k in range(start + 1, end - 1):
        token = doc[k]
        if _titled_person_at(doc, k, end):
            return [(start, k), (k + 1, end)]  # "Acme CFO Jane Roe": a company and a person
        if _named_person_at(doc, start, k, end):
            return [(start, k), (k, end)]  # "Ambassador to ACR Jane Roe": a body and a person
        if (token.tag_ == "POS" or token.lower_ in ("'s", "\u2019s")) and doc[k + 1].is_title \
                and not (end - k == 2 and doc[k + 1].text in lex.words("org_head")) \
                and not _apostrophe_in_name(doc, start, k, end):
            return [(start, k), *_split(doc, k + 1, end)]  # not "the Trade Representative's Office"
        if token.lower_ == "of" and k + 2 < end and doc[k + 1].lower_ == "the" \
                and doc[k + 2].text in lex.words("org_institution") \
                and any(doc[j].lower_ == "of" for j in range(start + 1, k)):
            # a body and the one it is part of: "Bureau of Industry and Security of the
            # Department of Commerce"; "Bank of the Ryukyus" has one "of"
            return [(start, k), *_split(doc, k + 2, end)]
        if token.lower_ in ("and", "&") and doc[k + 1].is_title \
                and doc[k - 1].text in lex.words("org_institution") \
                and doc[end - 1].text in lex.words("org_head") \
                and not any(doc[j].lower_ in ("of", "for") for j in range(start, k)):
            return [(start, k), *_split(doc, k + 1, end)]
        legal = lex.words("legal_form")
        if token.text.endswith(".") and token.text in legal and doc[k + 1].is_title \
                and doc[k + 1].text not in legal and doc[k + 1].lower_ not in ("of", "and"):
            return [(start, k + 1), *_split(doc, k + 1, end)]  # "Acme Inc. Globex said"
        if token.lower_ in ("and", "&") and doc[k - 1].text.rstrip(".") in legal \
                and doc[k + 1].is_title and doc[k + 1].text.rstrip(".") not in legal:
            return [(start, k), *_split(doc, k + 1, end)]  # "Toyota Motor Corp and Uber"
        if token.lower_ in ("and", "&") and k - start > 1 and end - k > 2 \
                and doc[k - 1].text in lex.words("org_suffix") \
                and doc[end - 1].text in lex.words("org_suffix") | legal:
            # two companies' names that each end with a corporate word: "Alibaba Group
            # Holding and Tencent Holdings"; "Mitsui and Co" is one
            return [(start, k), *_split(doc, k + 1, end)]
        if token.is_lower and token.pos_ in ("VERB", "AUX") and doc[k - 1].is_title \
                and doc[k + 1].is_title:
            return [(start, k), *_split(doc, k + 1, end)]  # "Alphabet named Sundar Pichai"
    return [(start, end)]


def _apostrophe_in_name(doc: Doc, start: int, k: int, end: int) -> bool:
    """Whether a bare apostrophe after one word is part of a company's name that ends with a
    legal form ("Vendors' End Inc"): the word is named nowhere else, as an owner would be."""
    return doc[k].text in ("'", "\u2019") and k - start == 1 \
        and doc[end - 1].text in lexicon().words("legal_form") \
        and _named_only_here(doc, start, k, tuple(t.text for t in doc[start:end]))


def _case_switches(word: str) -> int:
    letters = [c.isupper() for c in word if c.isalpha()]
    return sum(1 for a, b in itertools.pairwise(letters) if a != b)


def is_junk(text: str) -> bool:
    """Whether a candidate is no name at all: a common acronym, a pronoun, an index, an id.

    >>> [is_junk(t) for t in ("AI", "who's", "Hang Seng Tech Index", "TMzcqdJdNvg", "DeepMind",
    ...                       "Company B and Company D", "华为")]
    [True, True, True, True, False, True, False]
    """
    lex = lexicon()
    words = text.split()
    return (
        len(text) < 2
        or any(len(w) >= 8 and _case_switches(w) >= 4 for w in words)
        or not (text[0].isupper() or text[0].isdigit() or _caseless(text[0]))
        or text in lex.words("not_entity")
        or text.casefold().replace("\u2019", "'") in lex.lower("pronoun")
        or bool(_JUNK.search(text))
        or any(is_exchange_code(w) for w in words)
        or words[-1] in lex.words("index_head")
        or text in lex.words("index_name")
        or all(w in lex.words("org_suffix") for w in words)
        or any(a in lex.words("placeholder_head") and len(b) == 1 and b.isupper()
               for a, b in itertools.pairwise(words))
    )


def _caseless(char: str) -> bool:
    """Whether ``char`` is a letter of a script without case ("华", "한"), which begins a name
    as a capital does."""
    return char.isalpha() and char.lower() == char.upper()


def possesses(span: Span, things: frozenset[str]) -> bool:
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


def object_of_role(span: Span) -> bool:
    """Whether the span is the object of "of" after a role noun, or of "at", "with" or "for"
    after a noun of those who work at an organisation, or a conjunct of one: "chairman of
    X", "leaders of X, Y and Z", "an analyst with X", "analyst Jane Doe of X" say X, Y, Z are
    organisations; not a name after a field the role is of ("director of copyright policy
    Jane Doe"), unless the field's noun says what the name is ("head of chipmaker X")."""
    token = span.root
    if _holder_set_off(span):
        return False
    for _ in range(8):  # up a list: "of A, B Memory": A is nmod of Memory
        if token.head is token or not (token.dep_ in ("conj", "appos")
                                       or (token.dep_ == "nmod" and token.head.pos_ == "PROPN")):
            break
        token = token.head
    prep = token.head
    if token.dep_ != "pobj":
        return False
    lex = lexicon()
    before = span.doc[span.start - 1] if span.start > prep.i + 1 else None
    if before is not None and before.pos_ == "NOUN" and before.is_lower \
            and before.lower_ not in lex.lower("org_context") | lex.lower("org_kind"):
        return False  # "director of copyright policy Jane Doe": a field, then the role's holder
    workers = lex.lower("org_worker")
    if prep.lower_ in ("of", "at", "with") and prep.head.pos_ == "PROPN" and any(
            c.dep_ in ("compound", "appos") and c.lower_ in workers and c.i < prep.head.i
            for c in prep.head.children):
        return True  # "analyst Jane Doe of X": where the worker the name introduces works
    return (prep.lower_ == "of" and prep.head.lower_ in lex.lower("org_role")) or (
        prep.lower_ in ("at", "with", "for") and prep.head.lower_ in workers)


def _holder_set_off(span: Span) -> bool:
    """Whether a person's name set off by commas after "the <role> of <organisation>" holds
    the role, though the parser hangs it on the organisation: "the president of Acme, Jane
    Doe, said" (not a list: "leaders of Acme, Globex and Initech")."""
    doc, root = span.doc, span.root
    if root.dep_ != "appos" or root.ent_type_ != "PERSON" or span.start == 0 \
            or span.end >= len(doc) or doc[span.start - 1].text != "," \
            or doc[span.end].text != ",":
        return False
    org = root.head
    prep = org.head
    return org.dep_ == "pobj" and prep.lower_ == "of" and prep.head.tag_ == "NN" \
        and prep.head.lower_ in lexicon().lower("org_role")


def pronoun_back(span: Span) -> tuple[str, bool] | None:
    """The type the pronoun that refers back to the name as the subject of its clause says,
    and whether that pronoun is in the name's own clause: "its" for an organisation
    ("Yukos raised its prices"), and "it" as the subject of a clause below ("Gazprom said it
    would cut supplies"), unless the clause's verb is one "it" says nothing with ("said it
    was time"); "his", "her", "he" or "she" for a person ("Ebbers denied his guilt"). The
    first pronoun after the name decides, unless another name comes first or a clause with
    a subject of its own holds it; in a clause below the name's ("Morrisons said its profits
    fell", "Ford said his contract had ended") only the organisation's pronouns count.
    """
    root = span.root
    if root.dep_ not in ("nsubj", "nsubjpass"):
        return None
    lex = lexicon()
    for token in root.head.subtree:
        if token.i < span.end:
            continue
        if token.pos_ == "PROPN" and token.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
            return None  # another name comes first: the pronoun may be its
        lower = token.lower_
        if _in_clause_of_another(token, root.head):
            continue  # "X said the company will keep its plants": the company's
        own = _clause_head(token).i == root.head.i
        if lower == "its" and token.dep_ == "poss":
            return EntityType.ORGANISATION, own
        if lower == "it" and token.dep_ == "nsubj" and not own \
                and token.head.lower_ not in expletive_verbs() and token.head.pos_ == "VERB":
            return EntityType.ORGANISATION, own
        if own and lower in lex.lower("pronoun_person") and (
                token.dep_ == "poss" or token.dep_ in ("nsubj", "nsubjpass")):
            return EntityType.PERSON, own
    return None


def _clause_head(token: Token) -> Token:
    """The verb of the clause ``token`` is in."""
    head = token.head
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    return head


def _in_clause_of_another(token: Token, top: Token) -> bool:
    """Whether ``token`` is in a clause below ``top`` whose subject is a noun phrase it is not
    part of: a pronoun there refers to that subject sooner than to ``top``'s."""
    head = token.head
    while head.i != top.i and head.head.i != head.i:
        if head.pos_ in ("VERB", "AUX"):
            for child in head.children:
                if child.dep_ in ("nsubj", "nsubjpass") and child.pos_ != "PRON" \
                        and token.i not in range(child.left_edge.i, child.right_edge.i + 1):
                    return True
        head = head.head
    return False


def _word_before(doc: Doc, i: int) -> str:
    """The word that ends just before token ``i``, hyphenated parts joined ("start-ups")."""
    if i < 1:
        return ""
    if i >= 3 and doc[i - 2].text == "-" and not doc[i - 2].whitespace_:
        return f"{doc[i - 3].lower_}-{doc[i - 1].lower_}"
    return doc[i - 1].lower_


def headline_case(sentence: Span) -> bool:
    """Whether a sentence is a title-case headline, where capitals say nothing about names."""
    words = [t for t in sentence if t.is_alpha and len(t) > 3]
    return len(words) >= 3 and sum(t.is_title or t.is_upper for t in words) > 0.7 * len(words)


def _proposed(doc: Doc, taken: set[int]) -> list[Span]:
    """Names the model missed that the parse or the text shows.

    Organisations: proper nouns after a noun such as "chipmaker" or "start-ups like", before a
    role ("Globex chairman", "Globex Chief Executive Jane Doe": a role word ends the name),
    before an exchange code ("Telenor (TEL.OL)"),
    the object of "of" after a role ("leaders of Globex") or a person's name ("Jane Doe of
    Globex"), owning what companies own
    ("Globex's systems"), ending with a head word ("Qiantang Semiconductor"), defined with
    their acronym ("Ningbo Tin Market (NTM)"), or the subject "its" or "it" refers back to
    ("Gazprom said it would cut supplies"). People: two
    or three capitalised words after a title or role ("CEO J K Tan", "Vice-Premier Zhao Lifan").
    """
    lex = lexicon()
    nouns = lex.lower("org_context") | lex.lower("org_context_proposing")
    trailers = lex.lower("org_trailer")
    heads = lex.words("org_head")
    titles = lex.words("person_title")
    spans = _proposed_people(doc, taken) + _proposed_acronyms(doc, taken)
    spans += _proposed_foreign(doc, taken | {i for s in spans for i in range(s.start, s.end)})
    taken = taken | {i for span in spans for i in range(span.start, span.end)}
    i = 0
    while i < len(doc):
        if i in taken or doc[i].pos_ != "PROPN" or not doc[i].text[:1].isupper() \
                or doc[i].lower_ in trailers:
            i += 1
            continue
        j = i
        while j < len(doc) and j not in taken and (
                doc[j].pos_ == "PROPN" or _number_in_name(doc, i, j)) \
                and doc[j].text[:1].isupper() and not (j > i and doc[j].lower_ in trailers):
            j += 1  # a role ends the name before it ("ASML Chief Executive Peter Wenninck")
        before = _word_before(doc, i)
        before2 = _word_before(doc, i - 1) if i > 0 and doc[i - 1].text != "-" else ""
        after = doc[j].lower_ if j < len(doc) else ""
        if _country_named(doc, i, j):
            spans.append(Span(doc, i, j, label="GPE"))
            i = j
            continue
        employer = j - i <= 3 and employer_before_role(doc, j)
        if employer and _opening_word_apart(doc, i, j):
            i += 1  # "Follow ACME NEWS reporter Jane Roe": the sentence's verb is no name
        span = Span(doc, i, j, label="ORG")
        headed = (j - i >= 2 and doc[j - 1].text in heads and doc[i].text not in heads
                  and doc[i].text not in titles and not headline_case(span.sent))
        if before in nouns or (before in ("like", "as") and before2 in nouns | {"such"}) \
                or (after in trailers and j - i <= 3 and not _general_title(doc, j)) \
                or employer \
                or headed or object_of_role(span) \
                or code_follows(span) \
                or (possesses(span, lex.lower("org_possessed"))
                    and j < len(doc) and doc[j].tag_ == "POS") \
                or _referred_to_as_thing(span) or sanctioned(span) \
                or _owned_by_place(doc, i, j, titles) \
                or (before == "of" and i > 1 and doc[i - 2].ent_type_ == "PERSON"
                    and not _place_name(span.text) and not (j < len(doc) and doc[j].ent_type_)):
            spans.append(span)  # the last: "Bernard Arnault of LVMH", whose firm it is
        i = j
    return spans


def _owned_by_place(doc: Doc, start: int, end: int, titles: frozenset[str]) -> bool:
    """Whether the proper nouns from ``start`` to ``end`` follow the possessive of a country
    or a town ("Germany's Rocket Exchange", "Macau's Banco Delta"): what a place has and
    the text names is one of its bodies or companies; not where a title or a given name
    opens it (people are read as people), nor in a headline, whose capitals say nothing."""
    if start < 2 or doc[start - 1].lower_ not in ("'s", "\u2019s") \
            or doc[start].text in titles or doc[start].text in given_names() \
            or headline_case(doc[start:end].sent):
        return False
    last, owner = doc[end - 1], doc[start - 2]
    if last.dep_ in ("compound", "amod") and last.head.pos_ == "NOUN":
        return False  # what describes a thing the place has ("Beijing's H200 AI chips")
    place = next((e for e in doc.ents if e.start <= owner.i < e.end), doc[owner.i:owner.i + 1])
    return place.end == start - 1 and _place_name(place.text)


def _number_in_name(doc: Doc, start: int, j: int) -> bool:
    """Whether token ``j`` is a number word in capitals after a proper noun, outside a
    headline: part of the name ("Globex One", as "Capital One")."""
    token = doc[j]
    return j > start and token.like_num and token.is_alpha and token.is_title \
        and not headline_case(token.sent)


def _country_named(doc: Doc, start: int, end: int) -> bool:
    """Whether the proper nouns from ``start`` to ``end`` are a country's name, by the
    gazetteer, where the model saw none ("WELLINGTON, Oct 19 - New Zealand has imposed");
    a one-word name that is also a given name ("Jordan", "Chad") is left to the model."""
    text = doc[start:end].text
    return country_named(text) is not None and (end - start > 1 or text not in given_names())


def _place_name(text: str) -> bool:
    """Whether ``text`` names a town, a country or a state or province ("Flanders")."""
    return is_place(text) or country_of(text) is not None or place_key(text) in subdivisions()


def sanctioned(span: Span) -> bool:
    """Whether proper nouns the model did not tag are what sanctions are on ("imposed
    sanctions on Sovcomflot") or whom a verb of sanctioning names ("blacklisted Sovcomflot"):
    a party, as the guidelines read it, and no place the reference data knows."""
    root = span.root
    if country_of(span.text) or is_place(span.text):  # a city stands for its country
        return False
    lex = lexicon()
    if root.dep_ == "pobj" and root.head.lower_ in ("on", "against"):
        return root.head.head.lower_ in lex.lower("sanction_noun")
    return root.dep_ == "dobj" and root.head.lower_ in _sanction_verb_forms()


@cache
def _sanction_verb_forms() -> frozenset[str]:
    """Every form of the verbs of sanctioning (the pipeline runs no lemmatizer)."""
    return lexicon().verbs("sanction_verb")


def _general_title(doc: Doc, j: int) -> bool:
    """Whether "General" at ``j`` ends a person's title before their name ("Attorney
    General Claude Walker"), where the words before it name no organisation; "Acme General
    Counsel Jane Doe" is a role at one."""
    return doc[j].text == "General" and j + 1 < len(doc) and doc[j + 1].ent_type_ == "PERSON"


def _referred_to_as_thing(span: Span) -> bool:
    """Whether a name the model did not tag is a subject that "its" or "it" refers back to
    ("Gazprom said it would cut supplies", "Quorvex raised its prices"), and not a
    headline's."""
    doc = span.doc
    if span.start > 0 and doc[span.start - 1].is_alpha and (
            doc[span.start - 1].is_title or doc[span.start - 1].lower_ in _NAME_PARTICLES):
        return False  # the end of a longer name ("Regie Nationale des Usines Renault")
    found = pronoun_back(span)
    return found is not None and found[0] == EntityType.ORGANISATION \
        and not any(t.ent_type_ for t in span) and not headline_case(span.sent)


#: Small words inside names in other languages ("Banque de France", "Usines Renault").
_NAME_PARTICLES = frozenset({"de", "des", "du", "la", "le", "les", "van", "von", "der", "den",
                             "del", "della", "di", "da", "dos", "y"})


def foreign_word(token: Token) -> bool:
    """Whether a word is written in a script other than the Latin alphabet ("华为",
    "Газпром"): in English news, part of a name.

    >>> import spacy
    >>> [foreign_word(t) for t in spacy.blank("en")("华为 and Газпром 5%")]
    [True, False, True, False, False]
    """
    text = token.text
    return not text.isascii() and any(
        c.isalpha() and not unicodedata.name(c, "LATIN").startswith("LATIN") for c in text)


def _proposed_foreign(doc: Doc, taken: set[int]) -> list[Span]:
    """Runs of words in another script than the Latin alphabet, with the capitalised words
    after them ("Газпром Neft"), that the model did not tag: names."""
    spans: list[Span] = []
    if _text(doc).isascii():
        return spans  # no word in another script
    i = 0
    while i < len(doc):
        if i in taken or not foreign_word(doc[i]):
            i += 1
            continue
        j = i
        while j < len(doc) and j not in taken and (
                foreign_word(doc[j]) or (doc[j].is_title and doc[j].pos_ == "PROPN")):
            j += 1
        if j not in taken:  # else the name after it takes it in (see _strip)
            spans.append(Span(doc, i, j, label="ORG"))
        i = j
    return spans


def _proposed_people(doc: Doc, taken: set[int]) -> list[Span]:
    """Two or three capitalised words after a title or role that the model did not tag."""
    titles = lexicon().words("person_title")
    spans = []
    for token in doc:
        if not _role_word(token):
            continue
        j = token.i + 1
        while j < len(doc) and j - token.i <= 3 and j not in taken and doc[j].is_alpha \
                and doc[j].text[:1].isupper() and not (doc[j].is_upper and len(doc[j]) > 1) \
                and doc[j].text not in titles and (doc[j].pos_ not in ("VERB", "AUX", "ADP")
                                                   or _given_name_read_as_word(doc, j, token)):
            j += 1
        if j - token.i >= 3 and (j == len(doc) or not doc[j].text[:1].isupper()) \
                and not headline_case(doc[token.i:j].sent):
            spans.append(Span(doc, token.i + 1, j, label="PERSON"))
    return spans


def _given_name_read_as_word(doc: Doc, j: int, role: Token) -> bool:
    """A first name the tagger read as a preposition, right after a role and before a
    capitalised surname ("spokesman Per Paust told"): no preposition is written capitalised
    there."""
    return j == role.i + 1 and doc[j].pos_ == "ADP" and j + 1 < len(doc) \
        and doc[j + 1].is_title and doc[j + 1].pos_ in ("PROPN", "NOUN")


def _role_word(token: Token) -> bool:
    """A title or a role written before a person's name ("spokesman", "Chairman")."""
    lex = lexicon()
    return (token.text in lex.words("person_title") and token.is_title) \
        or token.lower_ in lex.lower("role_after")


def _with_first_word(span: Span) -> Span:
    """A person's name the model began after its first name, which the tagger read as a
    preposition ("spokesman Per Strand": the model tagged "Strand")."""
    doc, start = span.doc, span.start
    if start >= 2 and doc[start - 1].pos_ == "ADP" and doc[start - 1].is_title \
            and not doc[start - 1].is_sent_start and _role_word(doc[start - 2]):
        return Span(doc, start - 1, span.end, label=span.label)
    return span


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


def alias_definitions(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Another name the text gives a name becomes a mention of it: an acronym or a short name
    in brackets or after ", or" ("Robot Makers Association (RMA)", "Space Exploration
    Technologies, or SpaceX,"). A short name counts when it begins with the name's first word.
    A name a phrase of another name introduces is one with it ("Globex, formally known as
    Initech Holdings Co", "Jane Roe (real name Joan Poe)").
    A former name stays a name of its own: it may be another company's ("formerly Globex's
    software unit"), and the newer name is the one to keep."""
    by_start = {m.start: m for m in mentions}
    added = []
    for mention in mentions:
        if mention.country is not None:
            continue
        if (named := _named_otherwise(doc, mention, by_start)) is not None:
            if named.alias_of is None:
                named.alias_of = mention
            continue
        found = _other_name(doc, mention, by_start)
        if found is None:
            continue
        existing = by_start.get(found)
        if existing is not None:
            existing.alias_of = mention
        else:
            added.append(Mention(found, found + 1, "ORG", defaultdict(float), alias_of=mention))
    return added


def _named_otherwise(doc: Doc, mention: Mention, by_start: dict[int, Mention]) -> Mention | None:
    """The mention a phrase of another name introduces right after ``mention`` ("Globex,
    formally known as Initech Holdings Co", "Jane Roe (real name Joan Poe)", "Acme's full
    name is Acme Industrial Machines Corp"); None where none does, or where the name after
    the phrase is another's possessive ("known as Globex's software unit")."""
    i = mention.end
    if i < len(doc) and doc[i].text in (",", "(", "'s", "\u2019s"):
        i += 1
    for phrase in _alias_phrases():
        j = i + len(phrase)
        if j >= len(doc) or [t.lower_ for t in doc[i:j]] != list(phrase):
            continue
        other = by_start.get(j)
        if other is None or other is mention or other.country is not None \
                or (other.end < len(doc) and doc[other.end].tag_ == "POS"):
            return None
        return other
    return None


@cache
def _alias_phrases() -> tuple[tuple[str, ...], ...]:
    """The phrases that give a name another name of the same thing, longest first."""
    return tuple(sorted((tuple(p.split()) for p in lexicon().lower("alias_phrase")),
                        key=lambda p: (-len(p), p)))


def _other_name(doc: Doc, mention: Mention, by_start: dict[int, Mention]) -> int | None:
    """Where the other name a text gives right after ``mention`` starts, or None."""
    name = doc[mention.start:mention.end].text
    i = mention.end
    words = [t.lower_ for t in doc[i:i + 2]]
    if words[:1] == ["("] and i + 2 < len(doc) and doc[i + 2].text == ")":
        j = i + 1
    elif words[:2] == [",", "or"] and i + 3 < len(doc) and doc[i + 3].text in (",", ".", ")"):
        j = i + 2
    else:
        return None
    text = doc[j].text
    existing = by_start.get(j)
    if existing is not None and (existing.end != j + 1 or existing.country is not None):
        return None
    if ACRONYM.match(text) and acronym_of(text, name):
        return j
    first = name.split()[0]
    short = len(first) >= 3 and text[:1].isupper() and text != name \
        and text.casefold().startswith(first.casefold())
    return j if short and mention.label != "PERSON" else None
