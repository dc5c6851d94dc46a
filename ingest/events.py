"""A party's bid or lawsuit named again by a definite noun: "the offer" stands for the bidder.

News says who makes an offer or files a suit once ("Acme offered $80 a share for Initech",
"Globex said it filed suit against Initech") and then writes "the bid", "the offer" or "the
suit" ("Initech rejected the bid", "the suit names ..."). Each noun of the ``bid_noun`` and
``suit_noun`` word sets of ``patterns/lexicon.jsonl`` is an event of that kind; its party is

* a possessive, a name before it or an agent ("Acme's offer", "the Acme bid", "a bid by
  Acme", "a suit from Acme");
* the subject of a verb that brings it in (``event_maker``: "Acme made a bid", "Globex filed
  suit");

and a verb of the kind (``bid_verb``, ``suit_verb``: "Acme offered", "Globex sued") is an event
of that kind whose party is its subject. A definite noun of a kind ("the bid", "this offer")
with no party of its own stands for the party of the last event of that kind before it that
has one, and every rule reads it as that entity ("Initech rejected the bid": Initech opposes
Acme). A bid to buy is a deal of its bidder's too ("A bid by Acme to buy back shares ... the
transaction"). Where a definite noun is read only as the deal itself, its party is kept
(``DocState.event_parties``) for the readers that ask whose act is stopped ("asked the SEC to
block the transaction": the asker opposes the buyer).

A party's act (``act_verb``: "decide decision", "plan plan", "announce announcement") is an
event of a kind of its own, told of by its verb ("Acme decided to cut supplies") or by its
noun with a party ("Acme's plan", "the plan announced by Acme", "Acme announced a plan"); its
definite noun with no party of its own is only kept as that party's, for the readers of
disputes ("Globex criticised the decision": Globex opposes Acme; ``ingest/disputes.py``).

An agreement "between" two organisations (:func:`agreements_between`, ``agreement_noun``) makes
them partners, as the guidelines read a licensing or distribution agreement ("a licensing
agreement between Acme and Globex"); one "between the two companies" (``plural_party_noun``)
names the two organisations its sentence names before it, else the two ends of the last deal
the text read in the sentences before ("Acme bought a stake in Globex. The agreement between
the two companies calls for a joint venture"). An agreement to sell, buy, lend or settle
(``agreement_not_partners``) is none. "The two companies" or "both companies" that work together
(:func:`plural_partners`, ``cooperating_verb``) partner each other: as many organisations as
the number says, named last in its sentence and the one before, else the two ends of the
last deal read.

>>> from newsgraph.ingest.pipeline import load_pipeline
>>> doc = load_pipeline()("Acme Corp offered $80 a share for Initech Inc on Monday. "
...                        "On Tuesday, Initech Inc rejected the bid.")
>>> [(r.subject, r.predicate, r.object) for r in doc._.ng_relations]
[('Initech Inc', 'opposes', 'Acme Corp')]
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc, Token

from newsgraph.ingest.anaphora import clause_subject, conjuncts, entity_of
from newsgraph.ingest.names import lexicon, verb_forms
from newsgraph.ingest.relation_data import DocState, Found, Node
from newsgraph.ontology import EntityType, Predicate

__all__ = ["agreements_between", "made_by_clause", "mark_event_parties", "orders_named_again",
           "plural_partners"]

#: The kinds of event, by the word sets of their nouns and of their verbs.
_KINDS = {"bid": ("bid_noun", "bid_verb"), "suit": ("suit_noun", "suit_verb"),
          "deal": ("deal_noun", "deal_verb")}
#: Kinds whose definite noun stands for the party only where it is opposed ("the sale was
#: opposed by X", "X fought the deal"): elsewhere "the deal" is read as the deal itself.
_OPPOSED_ONLY = frozenset({"deal"})
#: The prefix of the kinds of a party's act ("act:decide"): their definite noun is kept as its
#: party's (``DocState.event_parties``) for the readers of disputes, never read as the party.
_ACT = "act:"
#: Trigger labels (``token._.ng_trigger``) of opposing a thing.
_OPPOSING = frozenset({"oppose", "appeal", "opposition"})
#: The types of entity that make a bid or file a suit.
_PARTIES = frozenset({EntityType.ORGANISATION, EntityType.PERSON, EntityType.COUNTRY})
#: Determiners of a noun that names again an event named before.
_DEFINITE = frozenset({"the", "this", "that"})
#: How many sentences before "the agreement between the two companies" its deal may be read.
_AGREEMENT_SENTENCES_BACK = 5
#: How many sentences before "the order, awarded by X" the order it names again was won.
_ORDER_SENTENCES_BACK = 2
#: The relations of a deal whose two ends "the two companies" may name.
_DEALS = frozenset({Predicate.INVESTS_IN, Predicate.PARTNERS_WITH, Predicate.SUPPLIES})


@cache
def _words() -> tuple[dict[str, str], dict[str, str], frozenset[str]]:
    """The kind of each event noun and of each form of each event verb, and the forms of the
    verbs that bring an event in. A party's act (``act_verb``: "decide decision") is a kind
    of its own, named by its verb; a bid, a suit or a deal keeps its kind."""
    lex = lexicon()
    nouns = {w: kind for kind, (noun_set, _) in _KINDS.items() for w in lex.lower(noun_set)}
    verbs = {form: kind for kind, (_, verb_set) in _KINDS.items()
             for lemma in lex.lower(verb_set) for form in verb_forms(lemma)}
    for pair in sorted(lex.lower("act_verb")):
        lemma, noun = pair.split()
        nouns.setdefault(noun, _ACT + lemma)
        for form in verb_forms(lemma):
            verbs.setdefault(form, _ACT + lemma)
    makers = lex.verbs("event_maker")
    return nouns, verbs, makers


def mark_event_parties(doc: Doc, state: DocState) -> None:
    """Mark each definite bid or suit noun with no party of its own as the party of the last
    event of its kind before it that names one."""
    nouns, verbs, makers = _words()
    last: dict[str, Node] = {}
    for token in state.tokens_of(doc):
        if token.i in state.inside or token.i in state.nodes:
            continue
        if token.pos_ == "VERB" and token.lower_ in verbs:
            party = _subject(token, state)
            if party is not None and party.type in _PARTIES:
                last[verbs[token.lower_]] = party
            continue
        kind = nouns.get(token.lower_)
        if kind is None or token.pos_ != "NOUN":
            continue
        party = _own_party(token, state, makers)
        if party is not None:
            last[kind] = party
            if kind == "bid" and _to_buy(token, verbs):
                last["deal"] = party  # "a bid by Acme to buy back shares": a deal of Acme's
            continue
        definite = any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in token.children)
        if kind in last and definite:
            state.event_parties[token.i] = last[kind]
        if kind in last and definite and not kind.startswith(_ACT) \
                and (kind not in _OPPOSED_ONLY or _opposed(token)):
            node = last[kind]
            state.references.add(token.i)
            state.mark(doc[token.i:token.i + 1], Node(node.name, node.type, token.i))


def _subject(verb: Token, state: DocState) -> Node | None:
    """Who does what ``verb`` says: its clause subject, X in "for X to buy", or the owner of
    the noun it completes ("X's plan to buy")."""
    to = next((c for c in verb.children if c.tag_ == "TO" and c.i < verb.i), None)
    if to is not None:
        before = next((t for t in reversed(verb.doc[verb.sent.start:to.i]) if not t.is_space),
                      None)
        if before is not None and before.dep_ == "pobj" and before.head.lower_ == "for":
            return entity_of(before, state)
    if verb.dep_ == "acl":
        owner = next((c for c in verb.head.children if c.dep_ == "poss"), None)
        return entity_of(owner, state) if owner is not None else None
    subject = clause_subject(verb)
    return entity_of(subject, state) if subject is not None else None


def _to_buy(noun: Token, verbs: dict[str, str]) -> bool:
    """Whether a bid noun is a bid to buy ("a bid by Acme to buy back shares")."""
    return any(c.dep_ in ("acl", "relcl") and verbs.get(c.lower_) == "deal"
               for c in noun.children)


def _opposed(noun: Token) -> bool:
    """Whether ``noun`` is what a verb or noun of opposing is against ("fought the deal",
    "the sale was opposed", "opposition to the deal")."""
    head = noun.head
    if noun.dep_ in ("dobj", "nsubjpass"):
        return head._.ng_trigger in _OPPOSING
    return noun.dep_ == "pobj" and head.lower_ in ("to", "against") \
        and head.head._.ng_trigger in _OPPOSING


def _own_party(noun: Token, state: DocState, makers: frozenset[str]) -> Node | None:
    """Who makes the bid or files the suit ``noun`` names, as its phrase or verb says."""
    for child in noun.children:
        if child.dep_ in ("poss", "compound"):
            node = entity_of(child, state)
            if node is not None and node.type in _PARTIES:
                return node
        if child.dep_ in ("prep", "agent") and child.lower_ in ("by", "from"):
            for pobj in child.children:
                node = entity_of(pobj, state) if pobj.dep_ == "pobj" else None
                if node is not None and node.type in _PARTIES:
                    return node
    for agent in (a for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"
                  for a in c.children if a.dep_ == "agent"):  # "the plan announced by Acme"
        for pobj in agent.children:
            node = entity_of(pobj, state) if pobj.dep_ == "pobj" else None
            if node is not None and node.type in _PARTIES:
                return node
    for clause in (c for c in noun.children if c.dep_ == "relcl" and made_by_clause(c)):
        subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        node = entity_of(subject, state) if subject is not None else None
        if node is not None and node.type in _PARTIES:  # "the decision, which Acme announced"
            return node
    if noun.dep_ == "dobj" and noun.head.lower_ in makers:
        subject = clause_subject(noun.head)
        node = entity_of(subject, state) if subject is not None else None
        if node is not None and node.type in _PARTIES:
            return node
    return None


@cache
def _order_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The nouns of an order, and the forms of the verbs of winning and of giving one."""
    lex = lexicon()
    forms = lex.verbs
    return lex.lower("order_noun"), forms("order_winning_verb"), forms("order_giving_verb")


def orders_named_again(doc: Doc, state: DocState) -> list[Found]:
    """The suppliers that won an order supply the customer a definite "the order" named again
    gives it ("Acme won an order with Initech for a plant. The order, awarded by Globex,
    ...": Acme and Initech supply Globex)."""
    nouns, winning, giving = _order_words()
    sentences = list(doc.sents)
    starts = [sent.start for sent in sentences]
    won: tuple[int, list[Node]] | None = None
    added: list[Found] = []
    for token in state.tokens_of(doc):
        if token.lower_ not in nouns or token.pos_ != "NOUN" or token.i in state.inside:
            continue
        here = starts.index(token.sent.start)
        if token.dep_ == "dobj" and token.head.lower_ in winning:
            sellers = _winners(token, state)
            if sellers:
                won = (here, sellers)
            continue
        definite = any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in token.children)
        if won is None or not definite or here - won[0] > _ORDER_SENTENCES_BACK:
            continue
        for buyer in _givers(token, state, giving):
            added += [Found(seller, Predicate.SUPPLIES, buyer, token.sent, "order-named-again")
                      for seller in won[1] if seller.name != buyer.name]
    return added


def _winners(order: Token, state: DocState) -> list[Node]:
    """The organisations that win ``order``: the subject of the verb (or the name on the unit
    noun it is: "its Acme Industrietechnik subsidiary has won"), and those a joint order is
    won "with" ("a joint order with Initech"; "a contract with Globex" is Globex's)."""
    subject = clause_subject(order.head)
    heads = [subject] if subject is not None else []
    joint = lexicon().lower("joint_word")
    if any(c.lower_ in joint for c in (*order.children, *order.head.children)):
        heads += [p for c in (*order.children, *order.head.children)
                  if c.dep_ == "prep" and c.lower_ == "with"
                  for p in c.children if p.dep_ == "pobj"]
    nodes = [_named(t, state) for head in heads for t in (head, *conjuncts(head))]
    return list(dict.fromkeys(n for n in nodes
                              if n is not None and n.type == EntityType.ORGANISATION))


def _named(token: Token, state: DocState) -> Node | None:
    """The entity ``token`` stands for, or the one named on it when it is a noun or a word
    the parser hung a name on ("its Acme Industrietechnik subsidiary", "the Globex Co.
    Ltd" with "Ltd" outside the name)."""
    node = entity_of(token, state)
    if node is not None:
        return node
    named = [state.nodes.get(state.inside[c.i]) for c in token.children
             if c.dep_ in ("compound", "nmod") and c.i in state.inside]
    return next((n for n in named if n is not None), None)


def _givers(order: Token, state: DocState, giving: frozenset[str]) -> list[Node]:
    """The organisations that give ``order``: the agent of a participle of giving on it ("the
    order, awarded by Globex")."""
    heads = [p for c in order.children if c.dep_ == "acl" and c.lower_ in giving
             for a in c.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
    nodes = [_named(t, state) for head in heads for t in (head, *conjuncts(head))]
    return list(dict.fromkeys(n for n in nodes
                              if n is not None and n.type == EntityType.ORGANISATION))


def made_by_clause(clause: Token) -> bool:
    """Whether a relative clause on a noun makes what the noun names, its subject the maker:
    a verb that brings an event in (``event_maker``) or tells of an act (``act_verb``), whose
    object is the relative pronoun or left out ("the decision, which Acme announced", "the
    plan Acme unveiled")."""
    _, verbs, makers = _words()
    if clause.pos_ != "VERB" or (clause.lower_ not in makers and clause.lower_ not in verbs):
        return False
    objects = [c for c in clause.children if c.dep_ == "dobj"]
    return all(o.tag_ in ("WDT", "WP") for o in objects)


@cache
def _cooperating_forms() -> tuple[frozenset[str], frozenset[str]]:
    """Every form of the verbs of working with another, and those of "work", which says so
    only with "together" (the pipeline runs no lemmatizer: forms, not lemmas, are compared)."""
    cooperating = lexicon().verbs("cooperating_verb")
    return cooperating, frozenset(verb_forms("work"))


@cache
def _agreement_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The agreement nouns, the words that make one no partnership, the plural party nouns."""
    lex = lexicon()
    return (lex.lower("agreement_noun"), lex.lower("agreement_not_partners"),
            lex.lower("plural_party_noun"))


def agreements_between(doc: Doc, state: DocState, found: list[Found]) -> list[Found]:
    """The two organisations an agreement is "between" partner each other ("a licensing
    agreement between Acme and Globex", "the accord between the two companies")."""
    nouns, excluded, plurals = _agreement_words()
    added: list[Found] = []
    for token in state.tokens_of(doc):
        if token.lower_ not in nouns or token.pos_ != "NOUN" \
                or any(c.lower_ in excluded for c in token.children
                       if c.dep_ in ("compound", "amod", "nmod")):
            continue
        for pobj in (o for c in token.children if c.dep_ == "prep" and c.lower_ == "between"
                     for o in c.children if o.dep_ == "pobj"):
            if pobj.lower_ in plurals:
                parties = _two_told_of(token, state, found)
            else:
                nodes = [entity_of(t, state) for t in (pobj, *conjuncts(pobj))]
                parties = [n for n in nodes if n is not None]
            names = {p.name for p in parties}
            if len(parties) == 2 and len(names) == 2 \
                    and all(p.type == EntityType.ORGANISATION for p in parties):
                added.append(Found(parties[0], Predicate.PARTNERS_WITH, parties[1], token.sent,
                                   "agreement-between"))
    return added


def _two_told_of(noun: Token, state: DocState, found: list[Found]) -> list[Node]:
    """The two organisations "the two companies" after ``noun`` stands for: the two its
    sentence names before it, else the two ends of the last deal read in the sentences
    before, or further back where the document read deals between one pair only."""
    sentence = noun.sent
    named: dict[str, Node] = {}
    for i in range(sentence.start, noun.i):
        node = state.nodes.get(i)
        if node is not None and node.type == EntityType.ORGANISATION:
            named.setdefault(node.name, node)
    if named:
        return list(named.values())
    sentences = list(noun.doc.sents)
    here = next(i for i, s in enumerate(sentences) if s.start == sentence.start)
    earliest = sentences[max(0, here - _AGREEMENT_SENTENCES_BACK)].start
    before = [f for f in found if f.predicate in _DEALS and f.sentence.start < sentence.start
              and f.subject.type == f.object.type == EntityType.ORGANISATION]
    deals = [f for f in before if earliest <= f.sentence.start]
    if not deals:
        # further back only where the document told of one deal, between one pair
        pairs = {frozenset((f.subject.name, f.object.name)) for f in before}
        if len(pairs) != 1:
            return []
        deals = before
    last = max(deals, key=lambda f: (f.sentence.start, max(f.subject.token, f.object.token)))
    return [last.subject, last.object]


#: The numbers a plural party noun may be written with.
_NUMBERS = {"both": 2, "two": 2, "three": 3, "four": 4}


def plural_partners(doc: Doc, state: DocState, found: list[Found]) -> list[Found]:
    """The organisations "the two companies" or "both companies" stand for partner each other
    where they work together ("Acme bought Globex. Both companies, which already work
    together, ..."; "Acme bought Initech, and the three companies are working together")."""
    _, _, plurals = _agreement_words()
    cooperating, working = _cooperating_forms()
    added: list[Found] = []
    for token in state.tokens_of(doc):
        if token.lower_ not in plurals or token.pos_ != "NOUN":
            continue
        count = next((_NUMBERS[c.lower_] for c in token.children if c.lower_ in _NUMBERS), None)
        if count is None:
            continue
        verbs = [token.head] if token.dep_ == "nsubj" else []
        verbs += [c for c in token.children if c.dep_ == "relcl"]  # "which work together"
        if not any(v.lower_ in cooperating and (v.lower_ not in working or any(
                c.lower_ == "together" for c in v.children)) for v in verbs):
            continue
        parties = _told_of(token, count, state, found)
        added += [Found(a, Predicate.PARTNERS_WITH, b, token.sent, "plural-partners")
                  for i, a in enumerate(parties) for b in parties[i + 1:]]
    return added


def _told_of(noun: Token, count: int, state: DocState, found: list[Found]) -> list[Node]:
    """The ``count`` organisations a numbered plural noun stands for: those named last in its
    sentence before it and then in the sentence before, where that makes ``count`` exactly;
    for two with none named in its sentence, the two ends of the last deal read."""
    sentences = list(noun.doc.sents)
    here = next(i for i, s in enumerate(sentences) if s.start == noun.sent.start)
    named: dict[str, Node] = {}
    spans = [(noun.sent.start, noun.i)] + ([(sentences[here - 1].start, sentences[here - 1].end)]
                                           if here else [])
    for n, (start, end) in enumerate(spans):
        if n and not named and count == 2:
            return _two_told_of(noun, state, found)
        for i in range(end - 1, start - 1, -1):
            node = state.nodes.get(i)
            if node is not None and node.type == EntityType.ORGANISATION:
                named.setdefault(node.name, node)
        if len(named) >= count:
            break
    return list(named.values()) if len(named) == count else []
