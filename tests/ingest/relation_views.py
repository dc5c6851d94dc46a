"""What the relation tests read: triples and policies of a text, and hand-built parses."""

from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.ingest.relation_data import DocState, Node

VOCAB = spacy.blank("en").vocab


def triples(nlp: Language, text: str) -> list[tuple[str, str, str]]:
    """The relations read from ``text``, sorted."""
    doc = nlp(text)
    return sorted((r.subject, r.predicate, r.object) for r in doc._.ng_relations)


def policy_view(
    nlp: Language, text: str
) -> tuple[list[tuple[str, str | None]], list[tuple[str, str, str]]]:
    """The policies (name, kind) and the relations read from ``text``, sorted."""
    doc = nlp(text)
    policies = sorted((e.name, e.kind) for e in doc._.ng_relation_entities if e.type == "Policy")
    relations = sorted((r.subject, r.predicate, r.object) for r in doc._.ng_relations)
    return policies, relations


def parse(words: list[str], heads: list[int], deps: list[str],
          nodes: dict[int, tuple[str, str]], **attrs: list[str]) -> tuple[Doc, DocState]:
    """A hand-built parse (``attrs``: ``tags``, ``pos``, ...) with ``nodes`` marked.

    ``nodes`` maps a token to the (name, type) of the one-token entity it is.
    """
    doc = Doc(VOCAB, words=words, heads=heads, deps=deps, **attrs)
    state = DocState()
    for i, (name, kind) in nodes.items():
        state.mark(doc[i:i + 1], Node(name, kind, i))
    return doc, state
