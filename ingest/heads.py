"""Heads of state and of government the text titles without their country.

"President Reagan said", "Prime Minister Jane Doe", "Mr Blair, the prime minister, said": the
title says the person leads a country and the text does not say which. The country is the one
whose head of that name :mod:`~newsgraph.ingest.offices` gives, in office on the article's
date where it has one, else the one country all heads of that name and office led. A title
with a word before it that says whose it is ("French President", "Acme President", "Globex's
president") is left to the rules, and so is a person the rules gave a role in the sentence or
a country anywhere in the document; a past title ("former President") says nothing now, nor
does "Chancellor" in a text that names a finance minister so ("Chancellor of the Exchequer").
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from newsgraph.ingest.documents import Entity, Evidence, Relation
from newsgraph.ingest.entities import SPANS_KEY
from newsgraph.ingest.gazetteer import country_label
from newsgraph.ingest.names import lexicon
from newsgraph.ingest.offices import HEAD_OF_GOVERNMENT, HEAD_OF_STATE, led_country
from newsgraph.ontology import EntityType, Predicate

__all__ = ["titled_heads"]

#: The rule id of the relations read here.
RULE = "office-holder"
_ROLES = frozenset({Predicate.LEADS, Predicate.CHAIRS, Predicate.WORKS_FOR,
                    Predicate.MEMBER_OF})


def _titles() -> dict[tuple[str, ...], frozenset[str]]:
    """Each title's words, with the offices it names."""
    offices: dict[tuple[str, ...], set[str]] = {}
    for office in (HEAD_OF_STATE, HEAD_OF_GOVERNMENT):
        for title in lexicon().lower(f"{office}_title"):
            offices.setdefault(tuple(title.split()), set()).add(office)
    return {words: frozenset(found) for words, found in offices.items()}


_TITLES = _titles()
_LONGEST_FIRST = sorted(_TITLES, key=len, reverse=True)
#: Titles organisations give too ("president"): a role the rules read for the person in the
#: sentence may be that title's.
_SHARED_TITLES = frozenset(t for t in _TITLES if " ".join(t) in lexicon().lower("org_role"))
_PAST = lexicon().lower("past_role") | {"then"}
_HONORIFICS = lexicon().lower("name_honorific")
_CHANCELLOR = ("chancellor",)


def titled_heads(doc: Doc, entities: Sequence[Entity], relations: Sequence[Relation],
                 date: str | None = None) -> tuple[tuple[Relation, ...], tuple[Entity, ...]]:
    """The ``leads`` relations from the people ``doc`` titles as heads of a country it does not
    name with them, to that country; and the countries among them ``entities`` lacks."""
    people = {e.name for e in entities if e.type == EntityType.PERSON}
    countries = {e.name for e in entities if e.type == EntityType.COUNTRY}
    placed = {r.subject for r in relations
              if r.predicate == Predicate.LEADS and r.object in countries}
    roles = {(r.subject, r.evidence.start) for r in relations if r.predicate in _ROLES}
    found: dict[tuple[str, str], Relation] = {}
    finance: bool | None = None  # whether the text names a finance chancellor, read once
    for span in doc.spans.get(SPANS_KEY, ()):
        name = span._.ng_name or span.text
        sentence = span.sent
        if span.label_ != EntityType.PERSON or name not in people or name in placed:
            continue
        title = _title_before(span) or _title_after(span)
        if not title or (title in _SHARED_TITLES and (name, sentence.start_char) in roles):
            continue  # "President Jane Doe of Acme": a company's president
        if title == _CHANCELLOR:
            if finance is None:
                text = " ".join(doc.text.lower().split())
                finance = any(t in text for t in lexicon().lower("finance_chancellor"))
            if finance:
                continue  # "Chancellor Doe" where the text says "Chancellor of the Exchequer"
        holder = _unadorned(name)
        offices = _TITLES[title]
        if len(offices) > 1 and " " not in holder:
            # "President Wilson": a surname alone after a title of both offices is a head of
            # state's; a company's president may share a prime minister's surname
            offices = frozenset({HEAD_OF_STATE})
        code = led_country(holder, offices, date)
        label = country_label(code) if code else None
        if label is not None and (name, label) not in found:
            evidence = Evidence(sentence.text, sentence.start_char, sentence.end_char, RULE)
            found[name, label] = Relation(name, Predicate.LEADS.value, label, evidence)
    known = {e.name for e in entities}
    added = sorted({label for _, label in found} - known)
    return tuple(found.values()), tuple(Entity(label, EntityType.COUNTRY) for label in added)


def _unadorned(name: str) -> str:
    """A name less the honorifics written before it ("Ayatollah Ali Khamenei")."""
    words = name.split()
    while len(words) > 1 and words[0].casefold() in _HONORIFICS:
        words = words[1:]
    return " ".join(words)


def _words_before(span: Span, count: int) -> list[Token]:
    """Up to ``count`` tokens of the sentence before ``span``, nearest last, line breaks left
    out (a title may be cut by a wire line: "Prime\\nMinister")."""
    found: list[Token] = []
    i = span.start - 1
    while i >= span.sent.start and len(found) < count:
        if not span.doc[i].is_space:
            found.insert(0, span.doc[i])
        i -= 1
    return found


def _title_before(span: Span) -> tuple[str, ...]:
    """The title written just before the name, standing alone: after the sentence's start, a
    determiner, punctuation, a verb or preposition or a lower-case word, not after a name, an
    adjective of a country or a possessive, nor after a past word ("former President") or as
    the end of a hyphenated title ("Vice-President", "then-President")."""
    longest = max(map(len, _TITLES))
    before = _words_before(span, longest + 4)
    while before and before[-1].lower_ in _HONORIFICS:
        before.pop()  # "Supreme Leader Ayatollah [Jane Doe]": the name begins after it
    for words in _LONGEST_FIRST:
        if len(words) > len(before) or tuple(t.lower_ for t in before[-len(words):]) != words:
            continue
        rest = before[:-len(words)]
        if rest and rest[-1].text == "-":
            return ()  # "Vice-President", "then-President", "ex-President"
        if not rest or (_alone_after(rest[-1]) and rest[-1].lower_ not in _PAST):
            return words
        return ()
    return ()


def _alone_after(token: Token) -> bool:
    return token.pos_ in ("DET", "PUNCT", "VERB", "AUX", "ADP", "CCONJ", "SCONJ") \
        or (token.is_lower and token.pos_ != "PART" and not token._.ng_type)


def _title_after(span: Span) -> tuple[str, ...]:
    """A title given in apposition right after the name, with nothing that says whose it is
    ("Mr Blair, the prime minister, said"; not "..., the prime minister of Acme" or "...,
    Acme's president")."""
    doc, end = span.doc, span.sent.end
    after = [t for t in doc[span.end:min(end, span.end + 6)] if not t.is_space]
    if not after or after[0].text != ",":
        return ()
    after = after[1:]
    if after and after[0].lower_ == "the":
        after = after[1:]
    for words in _LONGEST_FIRST:
        if tuple(t.lower_ for t in after[:len(words)]) == words:
            following = after[len(words)] if len(after) > len(words) else None
            if following is None or (following.is_punct and following.text != "'s"):
                return words
            return ()
    return ()
