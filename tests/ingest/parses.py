"""Helpers of the entity tests: hand-built parses, to test rules without the model, and the
entities the real model reads in a text.

A hand-built parse is one token a line, ``word POS TAG entity DEP HEAD``: the entity as IOB with
its label (``B-ORG``) or ``O``, and HEAD the index of the token's head (its own for the root).
"""

from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc

from newsgraph.ingest.names import load_jsonl

_NLP = spacy.blank("en")


def parse(table: str) -> Doc:
    """The ``Doc`` a table of tokens describes.

    >>> doc = parse('''
    ...     Acme   PROPN NNP B-ORG nsubj 1
    ...     rose   VERB  VBD O     ROOT  1
    ... ''')
    >>> [(t.text, t.dep_, t.head.text) for t in doc], [e.text for e in doc.ents]
    ([('Acme', 'nsubj', 'rose'), ('rose', 'ROOT', 'rose')], ['Acme'])
    """
    rows = [line.split() for line in table.strip().splitlines()]
    words, pos, tags, ents, deps, heads = (list(column) for column in zip(*rows, strict=True))
    return Doc(_NLP.vocab, words=words, pos=pos, tags=tags, ents=ents, deps=deps,
               heads=[int(h) for h in heads])


def entity_patterns() -> Matcher:
    """A matcher with the shipped patterns of ``ingest/patterns/entities.jsonl``."""
    matcher = Matcher(_NLP.vocab)
    for row in load_jsonl("entities.jsonl"):
        matcher.add(row["label"], [row["pattern"]])
    return matcher


def read_entities(nlp: Language, text: str) -> set[tuple[str, str]]:
    """The (name, type) of every entity the pipeline reads in ``text``."""
    return {(e.name, e.type) for e in nlp(text)._.ng_entities}
