"""Disputes the pattern rules leave: what a party is against when news names it through its act.

News often says what one party opposes by naming the other's act rather than the other
("France protested the actions of the Canadian navy", "Acme voiced its opposition to the
plan by Globex", "Globex's bid was rebuffed by Acme"), by naming again a policy just told of
("China criticised the move"), by judging it wrong ("Acme said the ban was unfair"), by
what a suit is to stop ("Acme filed suit to halt the sale of Globex's computers"), or by
describing the opposer ("Greenpeace, a vocal critic of Acme"). Each reader gives a relation
``opposes`` from the party against to the party whose act it is, or to the policy:

* :func:`acts_opposed`: a verb of opposing (trigger ``oppose`` or ``appeal``), or a noun of
  opposition voiced ("voiced its opposition to", "U.S. opposition to"), whose object, or the
  subject of its passive, is a noun of the ``party_act`` word set whose party is named: a
  possessive ("Globex's plan"), "by" ("the actions by Globex"), "from" for a bid, "of" for an
  act that is no deal ("the actions of Globex"; "the sale of Globex" is of what is sold), or
  a participle's agent, whatever the noun ("the raid carried out by Globex"); a definite
  noun with no party of its own, the party of the act it names again (``ingest/events.py``:
  "Globex decided to cut supplies. Acme criticised the decision");
* :func:`moves_opposed`: the same verbs and nouns against "the move", "the decision" or "the
  step" (``move_noun``) with no party of its own: the policy named last in its sentence or
  the two before, unless the opposer imposes it; a move whose party is named ("Canada's
  decision", or one named again) is the policy that party imposed in those sentences, or
  the one it imposes in the document, and then not the party
  (:func:`policies_not_parties`);
* :func:`judged_wrong`: a party that says, believes or alleges a measure, a party or its act
  is wrong (``wrong_judgement``: "unfair", "illegal", "a clear breach"), or calls it so; a
  person whose role at an organisation the sentence gives speaks for it;
* :func:`suits_to_stop`: a verb of stopping (``stopping_verb``: "block", "halt", "overturn")
  in a clause that is the purpose of a suit ("sued to block", "filed suit to halt", "sought an
  injunction to stop") or of an appeal to another ("urged regulators to block"): who sues or
  asks opposes each party the stopped thing names (itself, its possessive, or its "of"/"by"
  phrase); a state that moves or asks to stop a thing takes a measure, no side;
* :func:`critics_of`: a party described as a critic or opponent of another, or of its act
  (``critic_noun``: "Greenpeace, a vocal critic of Acme", "is among the critics of Acme").

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
from newsgraph.ingest.events import made_by_clause
from newsgraph.ingest.names import lexicon, sets_policy, verb_forms
from newsgraph.ingest.relation_data import MEASURE, DocState, Found, Node
from newsgraph.ontology import EntityType, Predicate

__all__ = ["acts_opposed", "critics_of", "judged_wrong", "moves_opposed", "policies_not_parties",
           "suits_to_stop"]

#: The types of entity that oppose, and whose acts are opposed.
_PARTIES = frozenset({EntityType.ORGANISATION, EntityType.PERSON, EntityType.COUNTRY})
#: What a party opposes through "the move": a policy.
_POLICY = frozenset({EntityType.POLICY})
#: The forms of "be", the copula of a judgement ("the ban was unfair").
_BE = frozenset({"be", "is", "are", "was", "were", "been", "being", "'s", "'re", "remains",
                 "remained", "seems", "seemed"})
#: What a party judges wrong and so opposes: a party, or a measure (a policy once named).
_JUDGED = _PARTIES | {MEASURE, EntityType.POLICY}
#: The relations of a person's role at an organisation, for whom the person speaks.
_ROLES = frozenset({Predicate.LEADS, Predicate.CHAIRS, Predicate.WORKS_FOR, Predicate.MEMBER_OF})
#: Verbs whose object complement judges their object ("called the tariffs illegal").
_CALLING = frozenset({"call", "brand", "label", "term", "deem", "describe", "consider", "find"})
#: How many sentences back "the move" is a policy just told of.
_RECENT = 2
#: The rule of opposing the policy a move noun whose party the text names names again.
_MOVE_OF_PARTY = "oppose-move-of-party-policy"
#: Trigger labels (``token._.ng_trigger``) of a verb of opposing a thing.
_OPPOSING = frozenset({"oppose", "appeal", "challenge"})
#: Nouns of opposition whose "to", "of" or "over" says what they are against, whatever brings
#: them in ("U.S. opposition to the merger"); others say it by "against" alone.
_OPPOSITION = frozenset({"opposition", "objection", "objections", "criticism", "resistance",
                         "hostility", "condemnation", "rejection", "rejections"})
#: Prepositions that bring in what a verb or noun of opposing is against.
_AGAINST = frozenset({"against", "to", "at", "over", "on", "about", "of"})
#: Verbs of going to law, whose subject may be a state: what else a state moves or asks to
#: stop is a measure of its own ("the government moved to block the merger").
_SUING = frozenset({"sue", "countersue", "petition", "appeal", "litigate"})
#: Participles that give an act its party ("the plan announced by Globex").
_MADE = frozenset({"made", "announced", "proposed", "taken", "launched", "put", "unveiled",
                   "carried", "issued", "filed", "submitted", "tabled", "backed", "conducted",
                   "staged", "ordered", "led", "committed", "adopted", "introduced"})


@cache
def _words() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str],
                      frozenset[str], frozenset[str]]:
    """The word sets these readers use: acts, deals, verbs that voice, verbs of stopping,
    verbs of suing or asking, nouns of legal action."""
    lex = lexicon()
    forms = lex.verbs
    return (lex.lower("party_act"), lex.lower("deal_noun") | lex.lower("bid_noun"),
            forms("voicing_verb"), forms("stopping_verb"), forms("legal_verb"),
            lex.lower("suit_noun") | lex.lower("legal_action_noun"))


def acts_opposed(doc: Doc, state: DocState, found: list[Found],
                 hedged: Callable[[Token], bool]) -> list[Found]:
    """Each party that opposes another's act named by a noun ("protested the actions of
    Globex", "voiced its opposition to the plan by Globex", "Globex's bid was rebuffed by
    Acme", "Globex decided to cut supplies. Acme criticised the decision"): the opposer
    opposes the act's party, or the policy the act names again (:func:`moves_opposed`)."""
    acts = _words()[0]
    policies = _imposed(found)
    starts = [sent.start for sent in doc.sents]
    added: list[Found] = []
    for token, party, things in _opposings(doc, state, hedged):
        for thing in things:
            if thing.i in state.inside:
                continue
            # any deed a participle gives a doer is its doer's ("the execution carried out by")
            done = _done_by(thing, state) if thing.lower_ not in acts else None
            for other in _act_parties(thing, state) if done is None else done:
                if _policy_named_again(thing, other.name, policies, starts) is None:
                    added += _found(party, other, token, "oppose-act-of-party")
    return added


def _act_parties(thing: Token, state: DocState) -> list[Node]:
    """The parties of an act's noun: those its phrase names, else, for a definite noun that
    names again an act told of before, that act's party (``DocState.event_parties``)."""
    nodes = _parties_of_act(thing, state)
    again = state.event_parties.get(thing.i)
    if nodes or again is None or again.type not in _PARTIES or _judges(again.name):
        return nodes
    return [again]


def _imposed(found: list[Found]) -> list[tuple[int, int, str, Node]]:
    """The policies read as imposed, by sentence and place: (sentence start, policy token,
    imposer's name, policy)."""
    return sorted({(f.sentence.start, f.object.token, f.subject.name, f.object)
                   for f in found if f.predicate == Predicate.IMPOSES
                   and f.object.type == EntityType.POLICY}, key=lambda p: p[:3])


def _policy_named_again(thing: Token, imposer: str, policies: list[tuple[int, int, str, Node]],
                        starts: list[int]) -> Node | None:
    """The policy a move noun of ``imposer``'s names again ("Canada's decision to close its
    ports", "France banned imports. Acme criticised the decision"): the last one ``imposer``
    imposes in the noun's sentence or the few before, else the one policy it imposes in the
    document, told of later ("Canada's decision to close its ports ... the ban decided by
    Canada"); none for a noun of another kind."""
    if thing.lower_ not in lexicon().lower("move_noun"):
        return None
    sentence = thing.sent.start
    earliest = starts[max(starts.index(sentence) - _RECENT, 0)]
    named = [policy for start, _, by, policy in policies
             if earliest <= start <= sentence and by == imposer]
    if named:
        return named[-1]
    anywhere = {policy for _, _, by, policy in policies if by == imposer}
    return anywhere.pop() if len(anywhere) == 1 else None


def moves_opposed(doc: Doc, state: DocState, found: list[Found],
                  hedged: Callable[[Token], bool]) -> list[Found]:
    """Each party that opposes "the move", "the decision" or "the step" with no party of its
    own ("The EU imposed tariffs on steel. China criticised the move"): it opposes the policy
    named last in its sentence before it or in the few before, unless it imposes it."""
    policies = _imposed(found)
    if not policies:
        return []
    moves = lexicon().lower("move_noun")
    starts = [sent.start for sent in doc.sents]
    added: list[Found] = []
    for token, party, things in _opposings(doc, state, hedged):
        for thing in things:
            if thing.lower_ not in moves or thing.i in state.inside:
                continue
            # a move whose party the text names: the policy that party imposed
            named = [(other, p) for other in _act_parties(thing, state)
                     if (p := _policy_named_again(thing, other.name, policies, starts))]
            for other, policy in named:
                if party is not None and other.name != party.name:
                    added += _found(party, policy, token, _MOVE_OF_PARTY, kinds=_POLICY)
            if named or not any(
                    c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these")
                    for c in thing.children) or any(
                    c.dep_ in ("poss", "compound", "prep", "acl", "relcl", "amod")
                    for c in thing.children):
                continue
            sentence = thing.sent.start
            earliest = starts[max(starts.index(sentence) - _RECENT, 0)]
            before = [(imposer, policy) for start, at, imposer, policy in policies
                      if earliest <= start <= sentence and at < thing.i]
            if before and party is not None and before[-1][0] != party.name:
                added += _found(party, before[-1][1], token, "oppose-move-of-policy",
                                kinds=_POLICY)
    return added


def policies_not_parties(found: list[Found]) -> list[Found]:
    """``found`` without the opposition to a party whose move its opposer is read, in the same
    sentence, to oppose as the policy that party imposed ("Globex condemned France's
    decision" after "France banned imports": Globex opposes the ban, not France)."""
    imposers = {(f.subject.name, f.object.name) for f in found
                if f.predicate == Predicate.IMPOSES}
    moved = {(f.sentence.start, f.subject.name, party) for f in found
             if f.rule == _MOVE_OF_PARTY for party, policy in imposers
             if policy == f.object.name}
    return [f for f in found if f.predicate != Predicate.OPPOSES
            or (f.sentence.start, f.subject.name, f.object.name) not in moved]


def _opposings(doc: Doc, state: DocState, hedged: Callable[[Token], bool]
               ) -> Iterator[tuple[Token, Node | None, list[Token]]]:
    """Each verb of opposing (trigger ``oppose`` or ``appeal``), or noun of opposition voiced
    ("voiced its opposition to"), not negated or hypothetical, with who opposes and what its
    object, or the subject of its passive, is."""
    voicing = _words()[2]
    for token in state.tokens_of(doc):
        if token._.ng_trigger in _OPPOSING and token.pos_ == "VERB":
            if token.tag_ == "VBN" and any(c.dep_ == "nsubjpass" for c in token.children):
                things = [c for c in token.children if c.dep_ == "nsubjpass"]
                opposer = next((p for c in token.children if c.dep_ == "agent"
                                for p in c.children if p.dep_ == "pobj"), None)
            else:
                things = _objects(token)
                opposer = clause_subject(token)
        elif token._.ng_trigger == "opposition" and token.pos_ == "NOUN":
            # "voiced its opposition to", "launched a campaign against", "U.S. opposition to"
            voiced = token.dep_ == "dobj" and token.head.lower_ in voicing
            things = [p for c in token.children if c.dep_ == "prep" and (
                          c.lower_ == "against" or (c.lower_ in _AGAINST and (
                              voiced or token.lower_ in _OPPOSITION)))
                      for p in c.children if p.dep_ == "pobj"]
            holder = next((c for c in token.children if c.dep_ in ("poss", "compound", "amod")
                           and entity_of(c, state) is not None), None)
            if holder is not None:
                opposer = holder
            elif token.dep_ == "dobj":
                opposer = clause_subject(token.head)
                token = token.head
            else:
                continue
        else:
            continue
        if opposer is not None and not hedged(token):
            yield token, entity_of(opposer, state), things


def judged_wrong(doc: Doc, state: DocState, found: list[Found],
                 hedged: Callable[[Token], bool]) -> list[Found]:
    """Each party that says a measure, a party or its act is wrong ("Acme alleged that the ban
    was discriminatory", "Acme said Globex's claims were unreasonable", "China called the
    tariffs illegal"): it opposes the measure or the party. The word of judgement is of the
    ``wrong_judgement`` word set, on the thing's copula (or a conjunct of it) in a clause the
    party says, believes or alleges, or the object complement of "call", "brand", "deem". A
    person whose role at an organisation its sentence gives speaks for it ("X, general counsel
    of Acme, said Globex's decision was a clear breach"): the organisation opposes."""
    wrong = lexicon().lower("wrong_judgement")
    saying = _judging_verbs()
    added: list[Found] = []
    for word in state.tokens_of(doc):
        if word.lower_ not in wrong:
            continue
        judged = [word, *(c for c in word.children if c.dep_ == "amod")]  # "a clear breach"
        first = word
        while first.dep_ == "conj" and first.head.i != first.i:  # "discriminatory and unfair"
            first = first.head
        if first.dep_ == "amod" and first.head.dep_ == "attr":  # "is a dangerous bill"
            first = first.head
        if first.dep_ in ("acomp", "attr") and first.head.lower_ in _BE:
            copula = first.head
            things = [c for c in copula.children if c.dep_ == "nsubj"]
            speaker_verb = copula.head if copula.dep_ == "ccomp" else None
        elif first.dep_ == "oprd" and first.head.lower_ in _calling():
            copula = first.head
            things = [c for c in copula.children if c.dep_ == "dobj"]
            speaker_verb = copula
        else:
            continue
        if speaker_verb is None or speaker_verb.lower_ not in saying or not judged \
                or hedged(copula) or hedged(speaker_verb):
            continue
        speaker = clause_subject(speaker_verb)
        party = entity_of(speaker, state) if speaker is not None else None
        if party is not None and party.type == EntityType.PERSON:
            party = next((f.object for f in found if f.subject == party
                          and f.predicate in _ROLES and f.sentence.start == word.sent.start
                          and f.object.type == EntityType.ORGANISATION), party)
        for thing in things:
            node = entity_of(thing, state)
            others = [node] if node is not None else _act_parties(thing, state)
            for other in others:
                added += _found(party, other, word, "judged-wrong", kinds=_JUDGED)
    return added


@cache
def _calling() -> frozenset[str]:
    """The forms of the verbs whose object complement judges their object."""
    return frozenset(f for lemma in _CALLING for f in verb_forms(lemma))


@cache
def _suing() -> frozenset[str]:
    """The forms of the verbs of going to law."""
    return frozenset(f for lemma in _SUING for f in verb_forms(lemma))


@cache
def _judging_verbs() -> frozenset[str]:
    """The forms of the verbs of saying or believing whose clause a party judges in."""
    return lexicon().verbs("judging_verb")


def critics_of(doc: Doc, state: DocState, hedged: Callable[[Token], bool]) -> list[Found]:
    """Each party described as a critic of another, or of its act ("Greenpeace, a vocal
    critic of Acme", "Globex is an opponent of the plan by Acme", "Greenpeace is among the
    critics of Acme"): the critic opposes it."""
    critic_nouns = lexicon().lower("critic_noun")
    added: list[Found] = []
    for noun in state.tokens_of(doc):
        if noun.lower_ not in critic_nouns or noun.pos_ != "NOUN" or hedged(noun):
            continue
        if noun.dep_ == "appos":
            holder: Token | None = noun.head
        elif noun.dep_ == "attr" or (noun.dep_ == "pobj" and noun.head.lower_ == "among"
                                     and noun.head.head.lower_ in _BE):
            holder = clause_subject(noun)
        else:
            continue
        party = entity_of(holder, state) if holder is not None else None
        targets = [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                   for p in c.children if p.dep_ == "pobj"]
        for target in targets:
            node = entity_of(target, state)
            others = [node] if node is not None else _parties_of_act(target, state)
            for other in others:
                added += _found(party, other, noun, "critic-of-party")
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
        at_law = at_law or (head.pos_ == "VERB" and (head.lower_ in _suing() or any(
            c.dep_ == "dobj" and c.lower_ in suits for c in head.children)))
        if not at_law and (head.pos_ != "VERB" or head.lower_ not in legal):
            continue
        asker = clause_subject(head)
        if asker is None or hedged(head):
            continue
        party = entity_of(asker, state)
        if party is not None and not at_law and not _addressed(head, state) and (
                party.type == EntityType.COUNTRY or sets_policy(party.name)):
            continue  # "the government moved to block the merger": a measure of its own
        stopped = [c for c in verb.children if c.dep_ == "dobj"]
        for thing in [*stopped, *(c for t in stopped for c in conjuncts(t))]:
            node = entity_of(thing, state) if thing.i in state.nodes else None
            others = [node] if node is not None else _parties_of_act(thing, state, deals=True) \
                or ([state.event_parties[thing.i]] if thing.i in state.event_parties else [])
            for other in others:
                added += _found(party, other, verb,
                                "sue-to-stop-party" if at_law else "ask-to-stop-party")
    return added


def _addressed(verb: Token, state: DocState) -> bool:
    """Whether a verb of asking names whom it asks ("urged Russia to", "called on China to")."""
    return any(entity_of(t, state) is not None for c in verb.children
               for t in ([c] if c.dep_ == "dobj" else [p for p in c.children if p.dep_ == "pobj"]
                         if c.dep_ == "prep" and c.lower_ == "on" else []))


def _objects(verb: Token) -> list[Token]:
    """What a verb of opposing is against: its object, or the object of its preposition
    ("protested against the actions")."""
    return [c for c in verb.children if c.dep_ == "dobj"] + [
        p for c in verb.children if c.dep_ == "prep" and c.lower_ in _AGAINST
        for p in c.children if p.dep_ == "pobj"]


def _parties_of_act(thing: Token, state: DocState, *, deals: bool = False) -> list[Node]:
    """The parties an act's noun names as its doer: a possessive, "by", a participle's agent,
    "from" for a bid ("an offer from Globex"), and "of" where the act is no deal ("the sale
    of Globex" is of what is sold), unless ``deals`` (what is stopped is all the deal names:
    "block the merger of A and B"); through "of" a second time for a possessive inside ("the
    sale of Globex's computers")."""
    _, deal_nouns, _, _, _, _ = _words()
    bids = lexicon().lower("bid_noun")
    heads: list[Token] = []
    for child in thing.children:
        if child.dep_ == "poss":
            heads.append(child)
        elif child.dep_ == "prep" and (child.lower_ == "by" or (
                child.lower_ == "of" and (deals or thing.lower_ not in deal_nouns)) or (
                child.lower_ == "from" and thing.lower_ in bids)):  # "an offer from Globex"
            for pobj in (p for p in child.children if p.dep_ == "pobj"):
                if pobj.i in state.nodes:
                    heads.append(pobj)
                elif deals:  # "halt the sale of Globex's computers"
                    heads += [c for c in pobj.children if c.dep_ == "poss"]
    nodes = _done_by(thing, state)
    for head in heads:
        for token in (head, *conjuncts(head)):
            node = entity_of(token, state)
            if node is not None and node.type in _PARTIES and node not in nodes \
                    and not _judges(node.name):
                nodes.append(node)
    return nodes


def _done_by(thing: Token, state: DocState) -> list[Node]:
    """The parties a participle after a noun names as its doer ("the raid carried out by
    Globex", "the plan announced by Globex"), or the subject of a relative clause that makes
    it ("the decision, which Globex announced")."""
    heads = [p for child in thing.children if child.dep_ == "acl" and child.lower_ in _MADE
             for c in child.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    heads += [s for child in thing.children if child.dep_ == "relcl" and made_by_clause(child)
              for s in child.children if s.dep_ == "nsubj"]
    nodes = [entity_of(t, state) for head in heads for t in (head, *conjuncts(head))]
    return list(dict.fromkeys(n for n in nodes if n is not None and n.type in _PARTIES
                              and not _judges(n.name)))


def _judges(name: str) -> bool:
    """Whether a body of this name judges ("the court's ruling" is no party's act)."""
    judging = lexicon().lower("judging_body")
    return any(w.casefold() in judging for w in name.split()) or name.casefold() in judging


def _found(party: Node | None, other: Node, verb: Token, rule: str, *,
           kinds: frozenset[str] = _PARTIES) -> Iterator[Found]:
    """The relation ``party`` opposes ``other``, if ``party`` is a party, ``other`` of
    ``kinds``, and the two not the same."""
    if party is not None and party.type in _PARTIES and other.type in kinds \
            and party.name != other.name:
        yield Found(party, Predicate.OPPOSES, other, verb.sent, rule)
