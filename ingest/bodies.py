"""Ministries written in lower case with their country: "Japan's transport ministry", "the
Japanese finance ministry", or "the finance ministry" of the country a clause just before names
as its subject, read as the organisation "Japanese Transport Ministry".

The model reads no name in such a phrase; the country and the ministry's field words (data in
``ingest/patterns/lexicon.jsonl``, set ``ministry_field``) make it one.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from newsgraph.ingest.gazetteer import adjective_of, country_of, demonym_of
from newsgraph.ingest.names import lexicon
from newsgraph.ontology import EntityType

__all__ = ["body_name", "lower_case_bodies", "ministry_of_form"]

#: Dependencies of a country that is the subject of its clause ("Mexico has begun ...").
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
#: How many sentences back a subject country says whose a bare "the finance ministry" is.
_SENTENCES_BACK = 1


def lower_case_bodies(doc: Doc, taken: set[int]) -> list[Span]:
    """Spans of lower-case field words and "ministry" ("transport ministry") whose country
    the text gives, none of whose tokens another candidate holds."""
    fields = lexicon().lower("ministry_field")
    found = []
    for token in doc:
        if token.text != "ministry" or token.i in taken:
            continue
        start = token.i
        while start > 0 and doc[start - 1].text in fields and doc[start - 1].i not in taken:
            start -= 1
        while start < token.i and doc[start].text == "and":
            start += 1
        if start == token.i:
            continue
        span = Span(doc, start, token.i + 1, label=EntityType.ORGANISATION)
        if body_name(span):
            found.append(span)
    return found


def body_name(span: Span) -> str | None:
    """The name of a lower-case ministry with its country ("Japanese Transport Ministry"), or
    None where the span is no such ministry or the text does not say whose it is."""
    fields = lexicon().lower("ministry_field")
    words = span.text.split()
    if len(words) < 2 or words[-1] != "ministry" or not all(w in fields for w in words[:-1]) \
            or words[0] == "and":
        return None
    country = _country_before(span)
    if country is None:
        return None
    field = " ".join(w if w == "and" else w.capitalize() for w in words[:-1])
    adjective = "U.S." if country == "United States" else adjective_of(country)
    return f"{adjective} {field} Ministry"


def _country_before(span: Span) -> str | None:
    """The country the words just before a ministry name: a possessive ("South Korea's"), a
    nationality word ("Japanese"), or after "the" alone a country that is the subject of a
    clause of this sentence before it or of the sentence before."""
    doc = span.doc
    end = span.start
    possessive = end > 0 and doc[end - 1].tag_ == "POS"
    if possessive:
        end -= 1
    start = end
    while start > 0 and doc[start - 1].is_title and doc[start - 1].is_alpha \
            and doc[start - 1].tag_ != "DT":
        start -= 1
    if start < end:
        owner = doc[start:end].text
        return country_of(owner) if possessive else demonym_of(owner) or country_of(owner)
    if possessive or end == 0 or doc[end - 1].lower_ != "the":
        return None
    return _subject_country(span)


def _subject_country(span: Span) -> str | None:
    """The country named last before ``span`` as a clause's subject, in its sentence or the
    one before; None where there is none or several countries are subjects there."""
    doc = span.doc
    sentence = span.sent
    first = sentence.start
    for _ in range(_SENTENCES_BACK):
        if first > 0:
            first = doc[first - 1].sent.start
    found = set()
    for ent in doc.ents:
        if first <= ent.start and ent.end <= span.start and ent.label_ == "GPE" \
                and ent.root.dep_ in _SUBJECTS:
            country = country_of(ent.text)
            if country:
                found.add(country)
    return found.pop() if len(found) == 1 else None


def ministry_of_form(name: str) -> str | None:
    """The other way a ministry named by its field is written ("Japanese Finance Ministry" is
    the "Japanese Ministry of Finance"), or None for other names."""
    fields = lexicon().lower("ministry_field")
    words = name.split()
    if len(words) < 3 or words[-1] != "Ministry":
        return None
    cut = len(words) - 1
    while cut > 1 and words[cut - 1].casefold() in fields:
        cut -= 1
    if cut == len(words) - 1:
        return None
    field = " ".join(words[cut:-1])
    # "Foreign Ministry" is the "Ministry of Foreign Affairs"
    field = next((f.title() for f in lexicon().lower("ministry_of_field")
                  if f.startswith(f"{field.casefold()} ")), field)
    return " ".join([*words[:cut], "Ministry", "of", field])
