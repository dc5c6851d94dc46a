"""Disputes the pattern rules leave: what a party is against when news names it through its act.

News often says what one party opposes by naming the other's act rather than the other
("France protested the actions of the Canadian navy", "Acme voiced its opposition to the
plan by Globex", "Globex's bid was rebuffed by Acme"), and says that one party fights another
in court by what the suit is to stop ("Acme filed suit to halt the sale of Globex's
computers", "Acme urged regulators to block the merger of Globex and Initech"). Two readers,
each a relation ``opposes`` from the party against to the party whose act it is:

* :func:`acts_opposed`: a verb of opposing (trigger ``oppose`` or ``appeal``), or a noun of
  opposition voiced ("voiced its opposition to"), whose object, or the subject of its passive,
  is a noun of the ``party_act`` word set whose party is named: a possessive ("Globex's
  plan"), "by" ("the actions by Globex"), "of" for an act that is no deal ("the actions of
  Globex"; "the sale of Globex" is of what is sold), or a participle's agent ("the plan
  announced by Globex");
* :func:`suits_to_stop`: a verb of stopping (``stopping_verb``: "block", "halt", "overturn")
  in a clause that is the purpose of a suit ("sued to block", "filed suit to halt", "sought an
  injunction to stop") or of an appeal to another ("urged regulators to block"): who sues or
  asks opposes each party the stopped thing names (itself, its possessive, or its "of"/"by"
  phrase).

A clause negated or hypothetical is no dispute; the caller says which (``hedged``).

>>> from newsgraph.ingest.pipeline import load_pipeline
>>> doc = load_pipeline()("Acme Corp filed suit to block Globex Inc's merger.")
>>> [(r.subject, r.predicate, r.object) for r in doc._.ng_relations]
[('Acme Corp', 'opposes', 'Globex Inc')]
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import cache

from spacy.tokens import Doc, Token

from newsgraph.ingest.anaphora import clause_subject, conjuncts, entity_of
from newsgraph.ingest.names import lexicon, sets_policy, verb_forms
from newsgraph.ingest.relation_data import DocState, Found, Node
from newsgraph.ontology import EntityType, Predicate

__all__ = ["acts_opposed", "suits_to_stop"]

#: The types of entity that oppose, and whose acts are opposed.
_PARTIES = frozenset({EntityType.ORGANISATION, EntityType.PERSON, EntityType.COUNTRY})
#: Trigger labels (``token._.ng_trigger``) of a verb of opposing a thing.
_OPPOSING = frozenset({"oppose", "appeal"})
#: Prepositions that bring in what a verb or noun of opposing is against.
_AGAINST = frozenset({"against", "to", "at", "over", "on", "about", "of"})
#: Verbs of going to law, whose subject may be a state: what else a state moves or asks to
#: stop is a measure of its own ("the government moved to block the merger").
_SUING = frozenset({"sue", "countersue", "petition", "appeal", "litigate"})
#: Participles that give an act its party ("the plan announced by Globex").
_MADE = frozenset({"made", "announced", "proposed", "taken", "launched", "put", "unveiled",
                   "carried", "issued", "filed", "submitted", "tabled", "backed"})


@cache
def _words() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str],
                      frozenset[str], frozenset[str]]:
    """The word sets these readers use: acts, deals, verbs that voice, verbs of stopping,
    verbs of suing or asking, nouns of legal action."""
    lex = lexicon()

    def forms(name: str) -> frozenset[str]:
        return frozenset(f for lemma in lex.lower(name) for f in verb_forms(lemma))

    return (lex.lower("party_act"), lex.lower("deal_noun") | lex.lower("bid_noun"),
            forms("voicing_verb"), forms("stopping_verb"), forms("legal_verb"),
            lex.lower("suit_noun") | lex.lower("legal_action_noun"))


def acts_opposed(doc: Doc, state: DocState, hedged: Callable[[Token], bool]) -> list[Found]:
    """Each party that opposes another's act named by a noun ("protested the actions of
    Globex", "voiced its opposition to the plan by Globex", "Globex's bid was rebuffed by
    Acme"): the opposer opposes the act's party."""
    acts, _, voicing, _, _, _ = _words()
    added: list[Found] = []
    for token in state.tokens_of(doc):
        if token._.ng_trigger in _OPPOSING and token.pos_ == "VERB":
            passive = token.tag_ == "VBN" and any(c.dep_ == "nsubjpass" for c in token.children)
            if passive:
                things = [c for c in token.children if c.dep_ == "nsubjpass"]
                opposer = next((p for c in token.children if c.dep_ == "agent"
                                for p in c.children if p.dep_ == "pobj"), None)
            else:
                things = _objects(token)
                opposer = clause_subject(token)
        elif token._.ng_trigger == "opposition" and token.pos_ == "NOUN" \
                and token.dep_ == "dobj" and token.head.lower_ in voicing:
            things = [p for c in token.children if c.dep_ == "prep" and c.lower_ in _AGAINST
                      for p in c.children if p.dep_ == "pobj"]
            opposer = clause_subject(token.head)
            token = token.head
        else:
            continue
        if opposer is None or hedged(token):
            continue
        party = entity_of(opposer, state)
        for thing in things:
            if thing.i in state.inside or thing.lower_ not in acts:
                continue
            for other in _parties_of_act(thing, state):
                added += _found(party, other, token, "oppose-act-of-party")
    return added


def suits_to_stop(doc: Doc, state: DocState, hedged: Callable[[Token], bool]) -> list[Found]:
    """Each party that sues, or asks another, to stop what names a party ("filed suit to halt
    the sale of Globex's computers", "urged regulators to block the merger of Globex and
    Initech"): it opposes each party so named."""
    _, _, _, stopping, legal, suits = _words()
    added: list[Found] = []
    for verb in state.tokens_of(doc):
        if verb.lower_ not in stopping or verb.tag_ != "VB" \
                or not any(c.tag_ == "TO" for c in verb.children) \
                or verb.dep_ not in ("advcl", "xcomp", "acl", "relcl") or hedged(verb):
            continue
        head = verb.head
        at_law = head.pos_ == "NOUN" and head.lower_ in suits  # "a suit to block"
        at_law = at_law or (head.pos_ == "VERB" and (head.lemma_ in _SUING or any(
            c.dep_ == "dobj" and c.lower_ in suits for c in head.children)))
        if not at_law and (head.pos_ != "VERB" or head.lower_ not in legal):
            continue
        asker = clause_subject(head)
        if asker is None or hedged(head):
            continue
        party = entity_of(asker, state)
        if party is not None and not at_law and (
                party.type == EntityType.COUNTRY or sets_policy(party.name)):
            continue
        stopped = [c for c in verb.children if c.dep_ == "dobj"]
        for thing in [*stopped, *(c for t in stopped for c in conjuncts(t))]:
            node = entity_of(thing, state) if thing.i in state.nodes else None
            others = [node] if node is not None else _parties_of_act(thing, state, deals=True)
            for other in others:
                added += _found(party, other, verb, "sue-to-stop-party")
    return added


def _objects(verb: Token) -> list[Token]:
    """What a verb of opposing is against: its object, or the object of its preposition
    ("protested against the actions")."""
    return [c for c in verb.children if c.dep_ == "dobj"] + [
        p for c in verb.children if c.dep_ == "prep" and c.lower_ in _AGAINST
        for p in c.children if p.dep_ == "pobj"]


def _parties_of_act(thing: Token, state: DocState, *, deals: bool = False) -> list[Node]:
    """The parties an act's noun names as its doer: a possessive, "by", a participle's agent,
    and "of" where the act is no deal ("the sale of Globex" is of what is sold), unless
    ``deals`` (what is stopped is all the deal names: "block the merger of A and B"); through
    "of" a second time for a possessive inside ("the sale of Globex's computers")."""
    _, deal_nouns, _, _, _, _ = _words()
    heads: list[Token] = []
    for child in thing.children:
        if child.dep_ == "poss":
            heads.append(child)
        elif child.dep_ == "prep" and (child.lower_ == "by" or (
                child.lower_ == "of" and (deals or thing.lower_ not in deal_nouns))):
            for pobj in (p for p in child.children if p.dep_ == "pobj"):
                if pobj.i in state.nodes:
                    heads.append(pobj)
                elif deals:  # "halt the sale of Globex's computers"
                    heads += [c for c in pobj.children if c.dep_ == "poss"]
        elif child.dep_ == "acl" and child.lower_ in _MADE:
            heads += [p for c in child.children if c.dep_ == "agent"
                      for p in c.children if p.dep_ == "pobj"]
    nodes: list[Node] = []
    for head in heads:
        for token in (head, *conjuncts(head)):
            node = entity_of(token, state)
            if node is not None and node.type in _PARTIES and node not in nodes \
                    and not _judges(node.name):
                nodes.append(node)
    return nodes


def _judges(name: str) -> bool:
    """Whether a body of this name judges ("the court's ruling" is no party's act)."""
    judging = lexicon().lower("judging_body")
    return any(w.casefold() in judging for w in name.split()) or name.casefold() in judging


def _found(party: Node | None, other: Node, verb: Token, rule: str) -> Iterator[Found]:
    """The relation ``party`` opposes ``other``, if both are parties and not the same."""
    if party is not None and party.type in _PARTIES and party.name != other.name:
        yield Found(party, Predicate.OPPOSES, other, verb.sent, rule)
