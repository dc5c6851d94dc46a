"""Entity recognition and in-document resolution, as the spaCy component ``ng_entities``.

The model's NER proposes spans; this component types them in newsgraph's vocabulary
(``Organisation``, ``Person``, ``Country``, ``Policy``), drops what is not an entity (cities,
dates), and groups the mentions of one thing in a document under one name.

>>> canonical_country("U.S.")
'United States'
>>> canonical_country("Shanghai") is None
True
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import cache

import pycountry
from spacy.language import Language
from spacy.tokens import Doc, Span, SpanGroup

from ingest.documents import Entity

__all__ = ["SPANS_KEY", "canonical_country", "group_mentions", "name_key"]

#: ``doc.spans[SPANS_KEY]`` holds every entity mention, labelled with its type.
SPANS_KEY = "ng_entities"

_LABEL_TYPES = {"ORG": "Organisation", "PERSON": "Person", "GPE": "Country"}
_SHORT_FORMS = {"us": "US", "u.s.": "US", "u.s": "US", "usa": "US", "america": "US",
                "uk": "GB", "u.k.": "GB", "britain": "GB"}

if not Span.has_extension("ng_name"):
    Span.set_extension("ng_name", default=None)
if not Doc.has_extension("ng_entities"):
    Doc.set_extension("ng_entities", default=[])


def name_key(name: str) -> str:
    r"""A spelling-insensitive key for a name.

    >>> name_key("The  Hua-Hong\u2019s")
    'hua hong'
    """
    text = unicodedata.normalize("NFKC", name).replace("\u2019", "'")
    text = re.sub(r"'s$", "", text.strip())
    text = re.sub(r"[^\w\s]", " ", text.casefold())
    words = text.split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


@cache
def canonical_country(name: str) -> str | None:
    """The ISO 3166-1 common name of a country name, or None."""
    key = name.strip().removeprefix("the ").strip()
    code = _SHORT_FORMS.get(key.casefold())
    try:
        country = pycountry.countries.lookup(code or key)
    except LookupError:
        return None
    return str(getattr(country, "common_name", None) or country.name)


def _span_type(span: Span) -> str | None:
    kind = _LABEL_TYPES.get(span.label_)
    if kind == "Country":
        return "Country" if canonical_country(span.text) else None
    return kind


def _clean(span: Span) -> Span:
    """Drop a leading determiner and a trailing possessive."""
    start, end = span.start, span.end
    if span[0].lower_ == "the" and end - start > 1:
        start += 1
    if end - start > 1 and span.doc[end - 1].tag_ == "POS":
        end -= 1
    return span.doc[start:end]


def group_mentions(mentions: Iterable[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """Map each (surface form, type) to the fullest name of its group in one document.

    People named by a last name alone join the full name that ends with it.

    >>> group_mentions([("Joe Biden", "Person"), ("Biden", "Person")])
    {('Joe Biden', 'Person'): 'Joe Biden', ('Biden', 'Person'): 'Joe Biden'}
    """
    forms = list(dict.fromkeys(mentions))
    by_key: dict[tuple[str, str], str] = {}
    for text, kind in forms:
        current = by_key.get((name_key(text), kind))
        if current is None or len(text) > len(current):
            by_key[(name_key(text), kind)] = text
    result = {}
    for text, kind in forms:
        name = by_key[(name_key(text), kind)]
        if kind == "Person" and " " not in name:
            fuller = [n for (k, t), n in by_key.items()
                      if t == "Person" and k.endswith(" " + name_key(name))]
            if len(fuller) == 1:
                name = fuller[0]
        if kind == "Country":
            name = canonical_country(text) or name
        result[(text, kind)] = name
    return result


@Language.component(
    "ng_entities",
    requires=["doc.ents"],
    assigns=["doc.spans", "span._.ng_name", "doc._.ng_entities"],
)
def ng_entities(doc: Doc) -> Doc:
    """Type the model's entities, group them, and record them on the doc."""
    spans = []
    for ent in doc.ents:
        kind = _span_type(ent)
        if kind is None:
            continue
        span = _clean(ent)
        spans.append(Span(doc, span.start, span.end, label=kind))
    names = group_mentions((span.text, span.label_) for span in spans)
    forms: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for span in spans:
        span._.ng_name = names[(span.text, span.label_)]
        forms[(span._.ng_name, span.label_)][span.text] += 1
    doc.spans[SPANS_KEY] = SpanGroup(doc, name=SPANS_KEY, spans=spans)
    doc._.ng_entities = [
        Entity(name=name, type=kind, aliases=tuple(sorted(set(seen) - {name})),
               mentions=sum(seen.values()))
        for (name, kind), seen in sorted(forms.items())
    ]
    return doc
