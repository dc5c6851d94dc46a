"""What a regulator reviews or approves: a deal, and so the deal's parties.

The guidelines read a regulator's investigation or review of a named deal as a Policy the
regulator imposes and that targets the deal's parties. A measure whose head is one of the
lexicon's ``review_head`` set ("approval", "review", "probe", and their verbs) is on a deal
(a noun of ``reviewed_deal``) where

* its own phrase takes the deal ("approval of the takeover", "a review of the merger"),
* its verb does ("X must approve the deal", "the merger was cleared by X"),
* or the deal is the subject of the clause the measure completes ("the deal awaits approval
  by X", "the merger is subject to clearance from X", "the takeover is under review").

The deal's parties are the organisations its own phrase names ("the merger of A and B",
"A's acquisition of B", "the A stake"); a definite deal with none ("the deal", "that
transaction") is the deal the text states last before it, within a few sentences: an
``investsIn`` or ``partnersWith`` read under a verb or noun of dealing. Its parties are the
buyer and the seller where a seller is named ("A agreed to buy C from B"), else the two ends
of the relation. A request or bid a regulator reviews (``reviewed_request``: "Toshiba's
application") is on its party only where its phrase names one. A deal with no party of its
own is on the company that seeks, wins or needs the measure ("Acme is seeking clearance for a
similar acquisition").

Such a measure is an OtherPolicy (a review of a deal, whichever its word), it targets each
party, and its name says what it is on (``DocState.reviewed``): "Federal Communications
Commission approval of Walt Disney Co's purchase of KHJ-TV from GenCorp Inc".
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache

from spacy.tokens import Token

from newsgraph.ingest.anaphora import clause_subject, entity_of
from newsgraph.ingest.names import lexicon, sets_policy, verb_forms
from newsgraph.ingest.relation_data import DEFINITE, MEASURE, DocState, Found, Node
from newsgraph.ontology import EntityType, PolicyKind, Predicate

__all__ = ["definite_deal", "review_deals"]

#: Prepositions by which a measure's phrase takes what it is on ("approval of the deal").
_ON = frozenset({"of", "for", "on", "into"})
#: Prepositions by which a clause's subject awaits a measure ("is subject to approval",
#: "under review", "pending clearance").
_AWAITING = frozenset({"to", "under", "for", "pending", "upon", "after", "without"})
#: Prepositions of a deal noun that bring in a party ("the merger of A and B", "a stake in
#: B", "the sale to A", "a bid for B", "the deal with B").
_PARTY_PREPOSITIONS = frozenset({"of", "for", "in", "with", "between", "by", "from", "to"})
#: Verbs (lemmas) by which a party asks for a measure on its deal ("sought approval for").
_SEEKING = ("seek", "get", "win", "receive", "obtain", "need", "secure", "request", "apply")
#: How many sentences before a definite deal noun the deal it names may be stated.
_SENTENCES_BACK = 3
#: How a deal read from relations is named, by its noun: the noun and its preposition
#: before what is bought ("Acme's stake in Beta"); another noun reads as a purchase.
_BOUGHT = {"acquisition": "of", "takeover": "of", "purchase": "of", "buyout": "of",
           "stake": "in", "investment": "in"}


@cache
def _words() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """The review heads, the deal nouns, the request nouns and the forms of dealing verbs."""
    lex = lexicon()
    verbs = lex.verbs("dealing_verb")
    return (lex.lower("review_head"), lex.lower("reviewed_deal"),
            lex.lower("reviewed_request"), verbs)


def review_deals(found: list[Found], state: DocState) -> list[Found]:
    """``found`` with each review of a deal targeting the deal's parties.

    Only a measure a regulator or a country imposes is read; it becomes an OtherPolicy
    named by the deal. A verb of approving whose object is a definite deal that names none
    ("approved the deal" with no deal before it) sets no measure.
    """
    heads, _, _, _ = _words()
    imposed = {f.object.token for f in found
               if f.predicate == Predicate.IMPOSES and f.object.type == MEASURE
               and _regulates(f.subject)}
    targeted = {f.subject.token for f in found
                if f.predicate == Predicate.TARGETS and f.subject.type == MEASURE}
    added: list[Found] = []
    void: set[int] = set()
    for token, measure in sorted(state.measures.items()):
        if measure.named or measure.head.split()[-1] not in heads:
            continue
        doc = found[0].sentence.doc if found else None
        if doc is None:
            break
        root = doc[token]
        # (a verb may match a noun's pattern: "regulators will review the deal")
        deal = _deal_of(root, measure.verb or root.pos_ == "VERB")
        if deal is None:
            continue
        parties, phrase = _parties(deal, root, found, state)
        if not parties:
            if measure.verb and measure.needs_party and token not in targeted:
                void.add(token)  # "Kenya approved the deal" with no deal to name
            continue
        if token not in imposed:
            imposer = _subject_imposer(root, state) if measure.verb else _of_imposer(root, state)
            if imposer is None:
                continue
            added.append(Found(imposer, Predicate.IMPOSES, Node(measure.head, MEASURE, token),
                               root.sent, "imposer-reviewing-verb"))
        state.measures[token] = replace(measure, kind=PolicyKind.OTHER_POLICY)
        if phrase is not None:
            state.reviewed[token] = phrase
        elif not (deal.dep_ == "pobj" and deal.head.head.i == token):
            state.deals[token] = deal.i  # the deal is not in the measure's own phrase
        if token in targeted:
            continue  # the rules read its parties in its phrase ("approved A's purchase of B")
        sentence = root.sent
        added += [Found(Node(measure.head, MEASURE, token), Predicate.TARGETS, party, sentence,
                        "target-reviewed-deal") for party in parties]
    kept = [f for f in found if not (f.object.type == MEASURE and f.object.token in void)
            and not (f.subject.type == MEASURE and f.subject.token in void)]
    return kept + added


def _deal_of(root: Token, verb: bool) -> Token | None:
    """The deal (or request) the measure rooted at ``root`` is on, if it is on one."""
    _, deals, requests, _ = _words()
    nouns = deals | requests
    if verb:  # "approved the merger", "the deal was cleared by X"
        return next((d for c in root.children if c.dep_ in ("dobj", "nsubjpass")
                     if (d := _antecedent(c)).lower_ in nouns), None)
    # "approval of the takeover", or on the verb that brings it in ("opened an investigation
    # into the deal", "sought approval for the merger")
    bringing: list[Token] = list(root.head.children) if root.dep_ == "dobj" else []
    for child in [*root.children, *bringing]:
        if child.dep_ == "prep" and child.lower_ in _ON:
            deal = next((o for o in child.children if o.dep_ == "pobj" and o.lower_ in nouns),
                        None)
            if deal is not None:
                return deal
    # the clause the measure completes: "the deal awaits approval", "is subject to approval"
    clause = None
    if root.dep_ == "dobj":
        clause = root.head
    elif root.dep_ == "pobj" and root.head.dep_ == "prep" and root.head.lower_ in _AWAITING:
        clause = root.head.head
        if clause.pos_ == "ADJ" and clause.dep_ in ("acomp", "amod"):
            clause = clause.head  # "is subject to approval"
    if clause is None or clause.pos_ not in ("VERB", "AUX"):
        return None
    while clause.dep_ == "xcomp" and not _subjects(clause):  # "is expected to win approval"
        clause = clause.head
    return next((d for s in _subjects(clause) if (d := _antecedent(s)).lower_ in nouns), None)


def _antecedent(token: Token) -> Token:
    """The noun a relative pronoun stands for ("the merger, which awaits approval": the
    merger), else ``token``."""
    if token.tag_ == "WDT":
        clause = next((a for a in token.ancestors if a.dep_ == "relcl"), None)
        if clause is not None:
            return clause.head
    return token


def _subject_imposer(verb: Token, state: DocState) -> Node | None:
    """The regulator or country that is the subject of the clause a verb of reviewing
    completes ("the ministry is expected to approve the deal", "X plans to review it")."""
    while not _subjects(verb) and (verb.dep_ == "xcomp" or (
            verb.dep_ == "ccomp" and any(c.tag_ == "TO" for c in verb.children))):
        verb = verb.head  # "is expected to approve", "would decide whether to clear"
    for subject in _subjects(verb):
        node = entity_of(subject, state)
        if node is not None and _regulates(node):
            return node
    return None


def _of_imposer(noun: Token, state: DocState) -> Node | None:
    """The regulator or country a noun of review on a deal is "of" ("the deal needs the
    approval of the FCC")."""
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                node = entity_of(pobj, state) if pobj.dep_ == "pobj" else None
                if node is not None and _regulates(node):
                    return node
    return None


def _regulates(node: Node) -> bool:
    """Whether ``node`` may impose a measure: a country, or an organisation that sets
    policy."""
    return node.type == EntityType.COUNTRY or (
        node.type == EntityType.ORGANISATION and sets_policy(node.name))


def _subjects(verb: Token) -> list[Token]:
    """The subjects of ``verb``."""
    return [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]


def _parties(deal: Token, measure: Token, found: list[Found],
             state: DocState) -> tuple[list[Node], str | None]:
    """The parties of ``deal`` and, for a deal named before, how to name it; else the party
    that asks for the measure on a deal ("Acme sought approval for a similar acquisition")."""
    own = _own_parties(deal, state)
    if own:
        return own, None
    if definite_deal(deal):
        before = _deal_before(deal, found, state)
        if before[0]:
            return before
    applicant = _applicant(measure, state)
    return ([applicant], None) if applicant is not None else ([], None)


def definite_deal(noun: Token) -> bool:
    """Whether ``noun`` is a definite deal noun, which may name a deal stated before: "the
    deal", "the $2 billion deal" (whose article the parser may hang on the amount)."""
    return noun.lower_ in _words()[1] and any(t.dep_ == "det" and t.lower_ in DEFINITE
               for t in noun.doc[noun.left_edge.i:noun.i])


def _applicant(measure: Token, state: DocState) -> Node | None:
    """The company that seeks, wins or needs the measure on a deal (the subject of the verb
    whose object it is: "Acme is seeking clearance for the deal"), not a regulator."""
    if measure.dep_ != "dobj" or measure.head.lower_ not in _forms(*_SEEKING):
        return None
    party = _party(clause_subject(measure.head), state)
    return party if party is not None and not sets_policy(party.name) else None


def _own_parties(deal: Token, state: DocState) -> list[Node]:
    """The organisations the deal's own phrase names ("A's acquisition of B", "the merger of
    A and B", "the A stake", "the sale of the B station to A"); the owner of goods sold
    ("the sale of A's chips") is no party to a deal."""
    parties: dict[str, Node] = {}

    def add(token: Token) -> None:
        node = entity_of(token, state)
        if node is None and token.dep_ == "pobj":  # "the sale of the KHJ-TV station"
            name = next((c for c in token.children if c.dep_ == "compound"), None)
            node = entity_of(name, state) if name is not None else None
        if node is not None and node.type == EntityType.ORGANISATION:
            parties.setdefault(node.name, node)

    for child in deal.children:
        if child.dep_ in ("poss", "compound", "nmod"):
            add(child)
        elif child.dep_ in ("prep", "agent") and child.lower_ in _PARTY_PREPOSITIONS:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    add(pobj)
                    for conj in pobj.conjuncts:
                        add(conj)
    return list(parties.values())


def _deal_before(deal: Token, found: list[Found],
                 state: DocState) -> tuple[list[Node], str | None]:
    """The parties of the deal the text states last before ``deal``, and its name: a clause
    of dealing ("A agreed to sell C to B"), a deal noun naming two parties ("the merger of
    A and B"), else the last deal relation read."""
    doc = deal.doc
    sentences = list(doc.sents)
    here = next(i for i, s in enumerate(sentences) if s.start <= deal.i < s.end)
    earliest = sentences[max(0, here - _SENTENCES_BACK)].start
    _, deals, _, verbs = _words()
    for token in reversed(doc[earliest:deal.i]):
        if token.pos_ == "VERB" and token.lower_ in verbs:
            stated = _clause_deal(token, deal, state)
            if stated[0]:
                return stated
        elif token.pos_ == "NOUN" and token.lower_ in deals:
            own = _own_parties(token, state)
            if len(own) >= 2:
                return own[:2], None
    return _related_deal(deal, found, earliest)


def _clause_deal(verb: Token, deal: Token, state: DocState) -> tuple[list[Node], str | None]:
    """The two sides of the deal a clause of dealing states, and its name: the buyer and
    the seller where both are named ("A bought C from B", "B agreed to sell C to A"), else
    the buyer and what it buys ("A agreed to buy a stake in C"), or the two that merge."""
    subject = _party(clause_subject(verb), state)
    thing = _bought(verb, state)
    other = {p.lower_: _party(o, state) for p in verb.children
             if p.dep_ in ("prep", "dative") and p.lower_ in ("from", "to", "with")
             for o in p.children if o.dep_ == "pobj"}
    if verb.lower_ in _forms("sell"):
        buyer, seller = other.get("to"), subject
    elif verb.lower_ in _forms("merge", "combine"):
        partner = other.get("with")
        if subject is None or partner is None or subject.name == partner.name:
            return [], None
        noun = deal.lower_ if deal.lower_ in ("merger", "tie-up", "combination") else "deal"
        return [subject, partner], f"{noun} of {subject.name} and {partner.name}"
    else:
        buyer, seller = subject, other.get("from")
    if buyer is None:
        return [], None
    # the noun of what is bought, if the clause has one ("buy a stake in C"), else the deal's
    bought = next((c.lower_ for c in verb.children if c.dep_ == "dobj" and c.lower_ in _BOUGHT),
                  deal.lower_)
    noun = bought if bought in _BOUGHT else "purchase"
    phrase = f"{buyer.name}'s {noun} {_BOUGHT.get(noun, 'of')} {thing.name}" if thing \
        else f"{buyer.name}'s {noun}"
    if seller is not None and seller.name != buyer.name:
        return [buyer, seller], f"{phrase} from {seller.name}"
    if thing is not None and thing.name != buyer.name:
        return [buyer, thing], phrase
    return [], None


@cache
def _forms(*lemmas: str) -> frozenset[str]:
    """Every form of the verbs ``lemmas``."""
    return frozenset(form for lemma in lemmas for form in verb_forms(lemma))


def _party(token: Token | None, state: DocState) -> Node | None:
    """The organisation ``token`` names or stands for."""
    node = entity_of(token, state) if token is not None else None
    return node if node is not None and node.type == EntityType.ORGANISATION else None


def _bought(verb: Token, state: DocState) -> Node | None:
    """The organisation a verb of dealing buys or sells: its object ("bought Acme"), the
    name on it ("sold its KHJ-TV station"), or what a stake is in ("a stake in Acme")."""
    for thing in (c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")):
        node = _party(thing, state)
        if node is not None:
            return node
        for child in thing.children:
            if child.dep_ in ("compound", "nmod") or (
                    child.dep_ == "prep" and child.lower_ in ("in", "of")):
                inner = child if child.dep_ != "prep" else next(
                    (o for o in child.children if o.dep_ == "pobj"), None)
                node = _party(inner, state)
                if node is not None:
                    return node
    in_ = next((o for p in verb.children if p.dep_ == "prep" and p.lower_ == "in"
                for o in p.children if o.dep_ == "pobj"), None)  # "invested in Acme"
    return _party(in_, state)


def _related_deal(deal: Token, found: list[Found], earliest: int) -> tuple[list[Node], str | None]:
    """The parties of the last deal relation read before ``deal`` (from ``earliest``)."""
    doc = deal.doc
    stated = [f for f in found
              if f.predicate in (Predicate.INVESTS_IN, Predicate.PARTNERS_WITH)
              and f.subject.type == EntityType.ORGANISATION
              and f.object.type == EntityType.ORGANISATION
              and earliest <= f.sentence.start and max(f.subject.token, f.object.token) < deal.i
              and (f.predicate == Predicate.PARTNERS_WITH or _dealt(doc[f.object.token]))]
    if not stated:
        return [], None
    last = max(stated, key=lambda f: (max(f.subject.token, f.object.token), f.subject.token))
    if last.predicate == Predicate.PARTNERS_WITH:
        noun = deal.lower_ if deal.lower_ in ("merger", "tie-up", "combination") else "deal"
        first, second = sorted((last.subject, last.object), key=lambda n: n.token)
        return [first, second], f"{noun} of {first.name} and {second.name}"
    # the buyers of one thing in that sentence: one of them a seller ("from B") if named
    same = [f for f in stated if f.predicate == Predicate.INVESTS_IN
            and f.sentence.start == last.sentence.start and f.object.name == last.object.name]
    sellers = {f.subject.name: f.subject for f in same if _seller(doc[f.subject.token])}
    buyers = {f.subject.name: f.subject for f in same if f.subject.name not in sellers}
    if not buyers:
        return [], None
    buyer = min(buyers.values(), key=lambda n: n.token)
    noun = deal.lower_ if deal.lower_ in _BOUGHT else "purchase"
    phrase = f"{buyer.name}'s {noun} {_BOUGHT.get(noun, 'of')} {last.object.name}"
    if sellers:
        seller = min(sellers.values(), key=lambda n: n.token)
        return [buyer, seller], f"{phrase} from {seller.name}"
    return [buyer, last.object], phrase


def _dealt(token: Token) -> bool:
    """Whether a verb or noun of dealing governs ``token`` ("agreed to buy B", "a stake in B",
    "the merger of A and B")."""
    _, deals, _, verbs = _words()
    for head in (token, *token.ancestors):
        if (head.pos_ == "VERB" and head.lower_ in verbs) \
                or (head.pos_ == "NOUN" and head.lower_ in deals):
            return True
        if head.dep_ in ("ROOT", "ccomp", "parataxis"):
            return False
    return False


def _seller(token: Token) -> bool:
    """Whether a party is the seller of a deal: named "from" ("buy C from B")."""
    return token.dep_ == "pobj" and token.head.lower_ == "from"
