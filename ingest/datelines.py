"""Wire-story furniture that is no name: datelines ("TOKYO, March 3 -", "SEOUL/WASHINGTON The
U.S. House ...") and exchange codes ("(AAPL.O)", "<TSBA.T>").

A dateline opens a line with a place in capitals; the model often reads it into the name that
follows ("TOKYO Mitsubishi Motors") or as an organisation ("OSLO"). Per the annotation notes a
dateline is no mention of its place.

>>> is_exchange_code("AAPL.O"), is_exchange_code("005930.KS"), is_exchange_code("U.S")
(True, True, False)
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from newsgraph.ingest.gazetteer import is_place
from newsgraph.ingest.geo import country_of
from newsgraph.ingest.names import lexicon

__all__ = ["dateline_tokens", "is_exchange_code"]

#: An exchange code: a ticker and its market ("AAPL.O", "VOWG_p.DE", "600036.SS").
_EXCHANGE_CODE = re.compile(r"^(?:[A-Z0-9]{2,8}|\d+)(?:_[a-z])?\.[A-Z]{1,3}$|^[A-Z0-9]{2,8}_[a-z]$")
#: A word of a dateline: capitals, several places joined by slashes ("SEOUL/WASHINGTON").
_DATELINE_WORD = re.compile(r"^[A-Z][A-Z.'&-]*(?:/[A-Z][A-Z.'&-]*)*$")
#: What a dateline's places may be followed by: a comma and the date, a dash.
_DATELINE_END = (",", "-", "\u2013", "\u2014")


def is_exchange_code(text: str) -> bool:
    """Whether a word is an exchange code ("AAPL.O", "VOWG_p"), which names no entity."""
    return bool(_EXCHANGE_CODE.match(text))


def dateline_tokens(doc: Doc) -> set[int]:
    """The indices of the tokens of every dateline of ``doc``: at the start of a line, words
    in capitals followed by a comma and a date ("GLENVIEW, Ill., March 3 -"), or, one of them
    a known place, by a comma, a dash or the story's first word ("OSLO Google has bought").

    Three components ask; the answer is kept on the document, for as long as its tokens stay.
    """
    key = f"ng_datelines {len(doc)}"
    kept = doc.user_data.get(key)
    if kept is not None:
        return set(kept)
    found: set[int] = set()
    for token in doc:
        if token.i == 0 or "\n" in doc[token.i - 1].text:
            end = _dateline_end(doc, token.i)
            found.update(range(token.i, end))
    doc.user_data[key] = frozenset(found)
    return found


def _dateline_end(doc: Doc, start: int) -> int:
    """The end of the dateline that starts at ``start``, or ``start`` for none."""
    end = start
    while end < len(doc) and end - start < 6 and _dateline_word(doc[end]):
        end += 1
    if end == start or end >= len(doc):
        return start
    after = doc[end]
    if doc[end - 1].text == "/":
        return start
    dated = _date_end(doc, end)
    if dated:
        return dated
    places = doc[start:end].text.title().split("/")
    known = any(country_of(place.strip()) or is_place(place.strip())
                for place in places if place.strip())
    story = after.text[:1].isupper() and not after.is_upper and not after.is_space
    return end if known and (after.text in _DATELINE_END or story) else start


def _date_end(doc: Doc, end: int) -> int:
    """Where the date after the words in capitals that end at ``end`` ends (its dash
    included), or 0 for none: a comma, perhaps a state ("Minn.,"), a month and a day ("NEW
    YORK, March 26 -", "GLENVIEW, Ill., Oct 19 -")."""
    if doc[end].text != ",":
        return 0
    months = lexicon().lower("month")
    for k in range(end + 1, min(end + 5, len(doc) - 1)):
        if doc[k].lower_ in months and doc[k + 1].like_num:
            dash = k + 2 < len(doc) and doc[k + 2].text in _DATELINE_END
            return k + (3 if dash else 2)
        if not (doc[k].text[:1].isupper() or doc[k].text in (",", ".")):
            return 0
    return 0


def _dateline_word(token: Token) -> bool:
    """A word in capitals, or the slash between two places."""
    return token.text == "/" or (len(token.text) >= 2 and bool(_DATELINE_WORD.match(token.text)))
