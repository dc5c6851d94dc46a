"""Reporter credit lines: "(Reporting by Jana Kowl in Oslo and Tomas Brevik; Additional
reporting by Sweta Morr; Editing by Lisa Von Ahn and the Tarsk Monitoring Desk)".

Their names are people (the model often reads them as organisations, or two as one); their
places and desks are no entities, as the annotation notes say.

>>> import spacy
>>> doc = spacy.blank("en")("(Reporting by Jana Kowl in Oslo; Editing by Tomas Brevik)")
>>> [(span.text, credit_line_part(span)) for span in credit_names(doc)]
[('Jana Kowl', 'name'), ('Tomas Brevik', 'name')]
>>> credit_line_part(doc[6:7])
'place'
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from newsgraph.ingest.names import lexicon

__all__ = ["agency_credits", "agency_names", "credit_line_part", "credit_names"]


def credit_line_part(span: Span) -> str | None:
    """What a name is in a reporter credit line: "name" (after "Reporting by", "Writing by",
    "Editing by" or "Additional reporting by" at the start of a clause, with only names,
    commas, "and" and places after "in" between), "place" (after "in": "X in Tokyo"),
    "desk" (a name ending with a desk word: "Y Monitoring Desk"), "role" (the word
    "Writing" before "by" the model took for a name), or None outside one."""
    doc = span.doc
    if len(span) == 1 and span[0].lower_ in lexicon().lower("credit_line") \
            and span.end < len(doc) and doc[span.end].lower_ == "by":
        return "role"
    if _agency_credited(span):
        return "name"
    place = span.start > 0 and doc[span.start - 1].lower_ == "in"
    if not _credited(doc, span.start - (2 if place else 1)):
        return None
    if place:
        return "place"
    return "desk" if span[-1].text in lexicon().words("desk") else "name"


#: How far back from a name its credit line's "by" may be (a long run of capitalised words is
#: no credit line, and walking all of it back from each of its words grows with its square).
_LONGEST_CREDIT = 60


def _credited(doc: Doc, i: int) -> bool:
    """Whether the words from token ``i`` back are names of a credit line up to its "by"."""
    joins = lexicon().lower("credit_line_join")
    stop = max(0, i - _LONGEST_CREDIT)
    while i > stop:
        token = doc[i]
        if token.lower_ == "by":
            return _credit_by(doc, i)
        if not (_capitalised(token) or token.lower_ in joins or _inner_mark(doc, i)):
            return False
        i -= 1
    return False


def _credit_by(doc: Doc, i: int) -> bool:
    """Whether the "by" at token ``i`` opens a credit line: "(Reporting by", "; Editing by",
    ", additional reporting by", at the start of a clause or after a credit line's name
    with no semicolon ("Reporting by Jana Kowl Additional reporting by")."""
    if i < 1 or doc[i - 1].lower_ not in lexicon().lower("credit_line"):
        return False
    before = doc[i - 2] if i >= 2 else None
    if before is not None and before.lower_ == "additional":
        before = doc[before.i - 1] if before.i > 0 else None
    return before is None or before.text in ("(", ";", ",") or "\n" in before.text \
        or before.is_sent_end is True \
        or (_capitalised(before) and _credited(doc, before.i))  # "Jana Kowl Editing by"


def credit_names(doc: Doc) -> list[Span]:
    """The people a credit line names, whole where the model read part of a name or none:
    "(Reporting by Jana Kowl in Oslo and Tomas Brevik; Editing by Lisa Von Ahn)"."""
    joins = lexicon().lower("credit_line_join")
    spans = []
    for by in doc:
        if by.lower_ != "by" or not _credit_by(doc, by.i):
            continue
        j = by.i + 1
        while j < len(doc) and (doc[j].lower_ in joins or _capitalised(doc[j])):
            k = j
            while k < len(doc) and (_capitalised(doc[k]) or _inner_mark(doc, k)) \
                    and not _starts_credit(doc, k):
                k += 1
            if k > j and not (j > 0 and doc[j - 1].lower_ == "in"):
                spans.append(Span(doc, j, k, label="PERSON"))
            j = max(k, j + 1)
    return spans


def agency_credits(doc: Doc) -> list[tuple[int, int]]:
    """The names web news credits to an agency, as (a token of the name, the agency's first
    token): a byline "By Jane Doe | Acme News" at the start of a line, and a photograph's
    credit "(Photo: Jane Doe, Acme News)". The agency is the last part of the credit."""
    pairs = []
    for mark in doc:
        if mark.text == "|" and mark.i + 1 < len(doc) and _capitalised(doc[mark.i + 1]):
            start = _name_back(doc, mark.i - 1)
            if start is not None and start > 0 and doc[start - 1].lower_ == "by" \
                    and _line_start(doc, start - 1):
                pairs.append((mark.i - 1, mark.i + 1))
        elif mark.text == ":" and mark.i > 0 and mark.i + 1 < len(doc) \
                and _photo_credit(doc[mark.i - 1]):
            k = mark.i + 1
            while k < len(doc) and (_capitalised(doc[k]) or _inner_mark(doc, k)):
                k += 1
            if k > mark.i + 1 and k + 1 < len(doc) and doc[k].text == "," \
                    and _capitalised(doc[k + 1]):
                pairs.append((k - 1, k + 1))
    return pairs


def agency_names(doc: Doc) -> list[Span]:
    """The agencies bylines and photographs' credits name after a person ("| Acme News",
    ", Acme News)"), up to a date or the line's end, as organisations."""
    spans = []
    for _, first in agency_credits(doc):
        k = first
        while k < len(doc) and _capitalised(doc[k]) and doc[k].ent_type_ not in ("DATE", "TIME"):
            k += 1
            if "\n" in doc[k - 1].whitespace_:
                break
        if k > first:
            spans.append(Span(doc, first, k, label="ORG"))
    return spans


def _agency_credited(span: Span) -> bool:
    """Whether ``span`` is the name of a byline or a photograph's credit that names an
    agency after it ("By Jane Doe | Acme", "(Photo: Jane Doe, Acme)")."""
    doc, start, end = span.doc, span.start, span.end
    if end + 1 >= len(doc) or not _capitalised(doc[end + 1]) or start < 1:
        return False
    if doc[end].text == "|":
        return doc[start - 1].lower_ == "by" and _line_start(doc, start - 1)
    return start > 1 and doc[end].text == "," and doc[start - 1].text == ":" \
        and _photo_credit(doc[start - 2])


def _name_back(doc: Doc, i: int) -> int | None:
    """The first token of the run of capitalised words ending at token ``i``, if any."""
    start = i
    while start >= 0 and doc[start].lower_ != "by" \
            and (_capitalised(doc[start]) or _inner_mark(doc, start)):
        start -= 1
    return start + 1 if start < i else None


def _line_start(doc: Doc, i: int) -> bool:
    """Whether token ``i`` begins a line (or the text)."""
    return i == 0 or "\n" in doc[i - 1].text or "\n" in doc[i - 1].whitespace_


def _photo_credit(token: Token) -> bool:
    """A photograph's credit word opening a bracket: "(Photo", "Herbalife.(Photo" (a word
    the tokenizer kept whole), "( Image"."""
    text = token.text
    word = text[text.rfind("(") + 1:].lower() if "(" in text else text.lower()
    opened = "(" in text or (token.i > 0 and token.doc[token.i - 1].text == "(")
    return opened and word in lexicon().lower("photo_credit")


def _starts_credit(doc: Doc, k: int) -> bool:
    """Whether token ``k`` starts another credit with no semicolon before it: "Reporting by
    Jana Kowl Additional reporting by Tomas Brevik"."""
    words = [t.lower_ for t in doc[k:k + 3]]
    credit = lexicon().lower("credit_line")
    return len(words) > 1 and ((words[0] == "additional" and words[1] in credit)
                               or (words[0] in credit and words[1] == "by"))


def _capitalised(token: Token) -> bool:
    """A word that may be part of a name: it starts with a capital ("LaCapra", "OSLO")."""
    return token.text[:1].isupper() and token.lower_ not in lexicon().lower("credit_line_join")


def _inner_mark(doc: Doc, k: int) -> bool:
    """A hyphen or apostrophe inside a name, with no space around it: "Chang-Ran", "D'Silva"."""
    return (0 < k < len(doc) - 1 and doc[k].text in ("-", "'", "\u2019")
            and not doc[k - 1].whitespace_ and not doc[k].whitespace_
            and _capitalised(doc[k + 1]))
