"""Wire-story markup the model should not read: exchange codes ("<TSBA.T>", "(MOT.N)", "(NYSE:
GE)") and the angle brackets that mark a name ("<Globex Corp>").

The tagger and the parser were not trained on such markup: "Japan's Toshiba Corp <TSBA.T>
over ..." parses with the code as the head of the phrase, and the relation rules lose their
way. The pipeline's tokenizer therefore reads the text with the markup blanked out, each
character of it a space, so every offset into the document is an offset into the article as
written; the evidence quoted for a relation is taken from the article as written.

>>> blank_markup("Japan's Toshiba Corp <TSBA.T> and <Globex Corp> rose.")
"Japan's Toshiba Corp          and  Globex Corp  rose."
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from spacy.tokens import Doc, Span

__all__ = ["blank_markup", "code_follows", "markup_blind", "quote", "quoted", "trimmed"]

#: An exchange code in angle brackets, square brackets or parentheses: a ticker and perhaps its
#: market ("<GE>", "<TSBA.T>", "[UVN.UL]", "(AAPL.O)", "(005930.KS)"), or a market and a
#: ticker ("(NYSE: GE)").
_CODE = re.compile(
    r"<[A-Z0-9][A-Z0-9._]{0,11}>"
    r"|\[[A-Z0-9]{1,8}[a-z]?(?:_[a-z])?\.[A-Z]{1,3}\]"
    r"|\((?:[A-Z0-9]{1,8}[a-z]?(?:_[a-z])?\.[A-Z]{1,3}"
    r"|(?:NYSE|NYSE American|NASDAQ|Nasdaq|AMEX|OTC|OTCQX|LSE|AIM|TSX|TSXV|ASX|HKEX|SEHK"
    r"|TYO|TSE|SGX|KRX|KOSPI|SSE|SZSE|NSE|BSE|JSE|FWB|XETRA|Euronext)\s?:\s?[A-Z0-9._-]{1,10})\)"
)
#: An exchange code just after a name, in the article as written.
_CODE_AFTER = re.compile(rf"[ \t]{{0,3}}(?:{_CODE.pattern})")
#: Angle brackets around a name, on one line or wrapped onto the next ("<MMC\nSittipol Co Ltd>").
_NAME = re.compile(r"<([^<>\n]{1,100}(?:\n[^<>\n]{1,100})?)>")

if not Doc.has_extension("ng_source_text"):
    #: The article as written, where the tokenizer read it with markup blanked (else None).
    Doc.set_extension("ng_source_text", default=None)


def blank_markup(text: str) -> str:
    """``text`` with its exchange codes and name brackets turned to spaces, one for each
    character, so offsets are kept.

    >>> blank_markup("Motorola Inc (MOT.N) and Intel (NASDAQ: INTC) said")
    'Motorola Inc         and Intel                said'
    >>> blank_markup("a (U.S.) rule, x < y > z")
    'a (U.S.) rule, x < y > z'
    >>> blank_markup("from <MMC\\nSittipol Co Ltd> of")
    'from  MMC\\nSittipol Co Ltd  of'
    """
    if "<" not in text and "(" not in text and "[" not in text:
        return text
    text = _CODE.sub(lambda m: " " * len(m.group()), text)
    return _NAME.sub(lambda m: f" {m.group(1)} " if _named(m.group(1)) else m.group(), text)


def _named(inside: str) -> bool:
    """Whether the text between angle brackets is a name: it starts with a capital or a
    digit and holds no other bracket and no attribute ("<Globex Corp>", not "x < y > z" nor
    "<A HREF=x>")."""
    return (inside[:1].isupper() or inside[:1].isdigit()) and "=" not in inside


def markup_blind(tokenizer: Callable[[str], Doc]) -> Callable[[str], Doc]:
    """A tokenizer that tokenizes ``text`` with its markup blanked, keeping the text as
    written in ``doc._.ng_source_text`` when they differ.

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> nlp.tokenizer = markup_blind(nlp.tokenizer)
    >>> doc = nlp("Sony <SNE> rose")
    >>> [t.text for t in doc], doc._.ng_source_text
    (['Sony', '      ', 'rose'], 'Sony <SNE> rose')
    """
    return _MarkupBlindTokenizer(tokenizer)


class _MarkupBlindTokenizer:
    """spaCy's tokenizer behind :func:`blank_markup`; anything else is the tokenizer's own."""

    def __init__(self, tokenizer: Callable[[str], Doc]) -> None:
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        blanked = blank_markup(text)
        doc = self.tokenizer(blanked)
        if blanked != text:
            doc._.ng_source_text = text
        return doc

    def __getattr__(self, name: str) -> Any:
        return getattr(self.tokenizer, name)


def trimmed(span: Span) -> Span:
    """``span`` without the whitespace tokens at its ends, so that its offsets are those of
    the words it quotes (a title line is a sentence with the blank line after it).

    >>> import spacy
    >>> doc = spacy.blank("en")("Acme rose\\n\\nGlobex fell")
    >>> trimmed(doc[0:3]).end_char
    9
    """
    start, end = span.start, span.end
    while end > start and span.doc[end - 1].is_space:
        end -= 1
    while start < end and span.doc[start].is_space:
        start += 1
    return span.doc[start:end] if end > start else span


def quote(span: Span) -> str:
    """The words of ``span`` as the article wrote them, markup included, stripped.

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> nlp.tokenizer = markup_blind(nlp.tokenizer)
    >>> doc = nlp("Sony <SNE> rose")
    >>> quote(doc[0:3])
    'Sony <SNE> rose'
    """
    source: str | None = span.doc._.ng_source_text
    if source is None:
        return span.text.strip()
    return source[span.start_char:span.end_char].strip()


def quoted(span: Span) -> tuple[str, int, int]:
    """The words of a sentence as the article wrote them and their offsets there, with the
    brackets of a name it opens or ends with ("<ACME CORP> SUES GLOBEX", not "ACME CORP>
    SUES GLOBEX").

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> nlp.tokenizer = markup_blind(nlp.tokenizer)
    >>> quoted(trimmed(nlp("<ACME CORP> SUES <GLOBEX INC>")[:]))
    ('<ACME CORP> SUES <GLOBEX INC>', 0, 29)
    """
    source: str | None = span.doc._.ng_source_text
    start, end = span.start_char, span.end_char
    if source is None:
        return span.text.strip(), start, end
    if start > 0 and source[start - 1] == "<" and span.doc.text[start - 1] == " ":
        start -= 1
    if end < len(source) and source[end] == ">" and span.doc.text[end] == " ":
        end += 1
    return source[start:end].strip(), start, end


def code_follows(span: Span) -> bool:
    """Whether an exchange code follows ``span`` in the article as written ("Telenor
    (TEL.OL)"): what is listed on a market is a company.

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> nlp.tokenizer = markup_blind(nlp.tokenizer)
    >>> doc = nlp("Norway's Telenor (TEL.OL) and Oslo rose")
    >>> code_follows(doc[2:3]), code_follows(doc[-2:-1])
    (True, False)
    """
    source: str | None = span.doc._.ng_source_text
    return source is not None and _CODE_AFTER.match(source, span.end_char) is not None
