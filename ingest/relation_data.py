"""The plain data that relation reading passes between its modules.

``ng_relations`` (:mod:`~newsgraph.ingest.relations`) marks the nodes of a document in a
:class:`DocState`, reads :class:`Found` relations between them and hands both to
:mod:`~newsgraph.ingest.anaphora`, :mod:`~newsgraph.ingest.moves` and
:mod:`~newsgraph.ingest.policies`. Nothing here reads a parse.

>>> Node("Acme Corp", "Organisation", 0)
Node(name='Acme Corp', type='Organisation', token=0)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from newsgraph.ingest.documents import ARTICLE
from newsgraph.ontology import NodeType

__all__ = ["ARTICLE_NODE", "DEFINITE", "MEASURE", "POSSESSIVE", "DocState", "Found", "Measure",
           "Node"]

if not Token.has_extension("ng_type"):
    Token.set_extension("ng_type", default=None)
if not Token.has_extension("ng_in"):
    Token.set_extension("ng_in", default=None)

#: The node type of a policy measure before its imposer is known (a pattern label too).
MEASURE = "Measure"
#: A possessive ending: "Japan's", "Japan\u2019s".
POSSESSIVE = re.compile("['\u2019]s$")
#: Determiners that make a noun name again one named before ("the levy", "that deal").
DEFINITE = frozenset({"the", "this", "that", "these", "those", "such"})


@dataclass(frozen=True)
class Measure:
    """A policy measure read in the text, before it is named after its imposer."""

    kind: str
    head: str
    direct: str | None
    verb: bool = False  # a clause ("Kenya cleared Acme"): a policy only with its own imposer
    named: bool = False  # a law named in the text ("the Clean Air Act"): its own name
    # the lexicon set one of whose words the phrase must hold for the kind to stand, else the
    # measure is an OtherPolicy ("an investigation" is a trade case only with "anti-dumping")
    kind_needs: str | None = None
    # its head where the kind does not stand ("sanctions" are export controls only with a
    # word of exports near them)
    head_otherwise: str | None = None
    # the edge it also is from its imposers to each company it targets (a ban on a company's
    # goods sanctions the company)
    party_edge: str | None = None
    # a clause that is a measure only on a named party or a deal naming one ("reviewing
    # Huawei", not "reviewing its guidelines")
    needs_party: bool = False
    # a noun that is a measure only where its phrase says what it is: what it is on, what it
    # is to do, or a noun before it ("a plan to cut subsidies", "a budget proposal"; not "the
    # plan" of anyone)
    needs_object: bool = False
    # the family of measures it belongs to: the kind its pattern declares, or its head for
    # another policy ("the levy" and "the tariffs" are of one family; "the ban" and "the law"
    # are not)
    family: str | None = None


@dataclass(frozen=True)
class Node:
    """One end of a relation: an entity (or a measure) of the document."""

    name: str
    type: str
    token: int


#: The end of a share move: the article that reports it.
ARTICLE_NODE = Node(ARTICLE, NodeType.ARTICLE, -1)


@dataclass
class Found:
    """A relation read by a rule, before policies are named and duplicates dropped."""

    subject: Node
    predicate: str
    object: Node
    sentence: Span
    rule: str
    percent: float | None = None
    market: str | None = None


@dataclass
class DocState:
    """What is known of one document's nodes while its relations are read."""

    nodes: dict[int, Node] = field(default_factory=dict)
    surfaces: dict[int, str] = field(default_factory=dict)
    inside: dict[int, int] = field(default_factory=dict)  # token -> root of its entity span
    measures: dict[int, Measure] = field(default_factory=dict)
    references: set[int] = field(default_factory=set)  # "the association", "the country"
    bodies: set[str] = field(default_factory=set)  # "the administration of X": X's administration
    coreferent: dict[int, Node] = field(default_factory=dict)  # pronoun -> entity, across sentences
    listed: dict[int, list[Node]] = field(default_factory=dict)  # "rivals such as A and B" -> A, B
    # a measure on a deal named before -> the deal, named ("Acme's purchase of Beta")
    reviewed: dict[int, str] = field(default_factory=dict)
    # a measure on a deal its own phrase names -> the deal's noun ("the merger of A and B")
    deals: dict[int, int] = field(default_factory=dict)
    # a definite bid, suit or deal noun -> the party of the event it names again
    event_parties: dict[int, Node] = field(default_factory=dict)
    # the document's tokens, made once: each iteration of a Doc makes new Token objects
    tokens: list[Token] = field(default_factory=list)

    def tokens_of(self, doc: Doc) -> list[Token]:
        """The tokens of ``doc``, made once for all the rules that walk them."""
        if len(self.tokens) != len(doc):
            self.tokens = list(doc)
        return self.tokens

    def mark(self, span: Span, node: Node) -> None:
        """Make ``span`` (rooted at ``node.token``) a node, tagging its tokens for the rules."""
        self.nodes[node.token] = node
        self.surfaces[node.token] = span.text
        span.root._.ng_type = node.type
        for token in span:
            token._.ng_in = node.type
            self.inside[token.i] = node.token
