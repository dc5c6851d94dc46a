"""Policy measures: their imposer, their targets, their kind and their name.

A measure is a phrase of ``ingest/patterns/policies.jsonl`` ("export controls", "an
anti-dumping probe"); it becomes a policy, named ``"<imposer> <head> <what it is on>"``
("U.S. export controls on Huawei's suppliers": a country by its modifier, an inquiry by the
family's word "investigation"), once a rule reads who imposes it. A
measure that names a party of its own ("sanctions on Huawei") is a direct edge instead
(``sanctions``). A law the text names ("the
Clean Air Act") is a policy under its own name. A measure with no imposer of its own is the
policy a definite mention of its family names, before it ("the levy" after tariffs) or after
it ("banned ... the ban, imposed by the ITC"). Each policy mention joins the document's
mention group, labelled "Policy", with the phrase as written among its aliases.

>>> import spacy
>>> from spacy.tokens import Doc
>>> doc = Doc(spacy.blank("en").vocab, words=["under", "the", "Clean", "Air", "Act"],
...           heads=[0, 4, 4, 4, 0], deps=["ROOT", "det", "compound", "compound", "pobj"],
...           ents=["O", "B-LAW", "I-LAW", "I-LAW", "I-LAW"])
>>> state = DocState()
>>> mark_laws(doc, state)
>>> state.nodes[4], state.measures[4].kind == "OtherPolicy"
(Node(name='Clean Air Act', type='Measure', token=4), True)
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import cache

from spacy.tokens import Doc, Span, SpanGroup, Token

from newsgraph.ingest.anaphora import entity_of
from newsgraph.ingest.entities import SPANS_KEY
from newsgraph.ingest.gazetteer import leading_country, modifier_of
from newsgraph.ingest.names import acronym_of, lexicon, sets_policy
from newsgraph.ingest.relation_data import (
    DEFINITE,
    MEASURE,
    POSSESSIVE,
    DocState,
    Found,
    Measure,
    Node,
)
from newsgraph.ingest.reviews import definite_deal, review_deals
from newsgraph.ontology import EntityType, PolicyKind, Predicate

__all__ = [
    "add_policy_spans",
    "mark_laws",
    "mark_measures",
    "measure_clauses",
    "policy_aliases",
    "resolve_policies",
]

#: The types of entity that may name a policy's imposer in its phrase ("US tariffs").
_IMPOSERS = (EntityType.COUNTRY, EntityType.ORGANISATION, EntityType.PERSON)
#: The rule that reads an imposer from a modifier of the measure ("Trump's China trade plan").
_MODIFIER = "imposer-modifier"
#: The rule that reads an imposer from "from" after the measure ("a ban from Beijing").
_FROM = "imposer-from"


def mark_measures(doc: Doc, state: DocState, matches: Iterable[tuple[str, int, int]],
                  measures: dict[str, Measure]) -> None:
    """Make the root of each measure phrase a node, the longest match first.

    ``matches`` are ``(key, start, end)`` of the measure patterns, ``measures`` their measures
    by key. A phrase inside a longer one, or rooted at an entity, is no measure.
    """
    matches = list(matches)
    measured = {i for _, start, end in matches for i in range(start, end)}
    taken: set[int] = set()
    for key, start, end in sorted(matches, key=lambda m: (m[1] - m[2], m[1])):
        if taken & set(range(start, end)):
            continue
        taken.update(range(start, end))
        root = doc[start:end].root
        if root.i in state.nodes:
            continue
        declared = measures[key]
        family = declared.head if declared.kind == PolicyKind.OTHER_POLICY else declared.kind
        measure = _kind_in_context(replace(declared, family=family), doc[start:end])
        if measure.needs_party and not _acts_on_a_party(root, state):
            continue  # "the Commission is reviewing its guidelines": no measure on anyone
        if measure.needs_object and (not _says_what(root) or _plans_a_measure(root, measured)):
            continue  # "Acme's plans", "the proposal": it could be anything
        if measure.needs_object:  # what it is said by the nouns before it: "a budget proposal"
            measure = replace(measure, head=" ".join([*_nouns_before(root), measure.head]))
        state.measures[root.i] = measure
        root._.ng_type = MEASURE
        state.nodes[root.i] = Node(measure.head, MEASURE, root.i)


def _says_what(root: Token) -> bool:
    """Whether a measure noun's phrase says what the measure is: a noun before it ("a budget
    proposal"), what it is on or for ("a plan for farm aid"), or what it is to do ("a plan
    to cut subsidies")."""
    return any(
        (c.dep_ == "compound" and c.pos_ == "NOUN" and c._.ng_type is None)
        or (c.dep_ == "prep" and c.lower_ in _OBJECT_PREPOSITIONS
            and any(o.dep_ == "pobj" for o in c.children))
        or (c.dep_ == "acl" and _to_infinitive(c))
        for c in root.children)


def _to_infinitive(clause: Token) -> bool:
    """Whether a clause is a "to" infinitive ("a plan to cut subsidies")."""
    return any(a.dep_ == "aux" and a.lower_ == "to" for a in clause.children)


def _nouns_before(root: Token) -> list[str]:
    """The common nouns just before a measure noun that say what it is ("a sales tax
    proposal": "sales", "tax"), as written; none that name an entity."""
    nouns: list[str] = []
    i = root.i - 1
    while i >= 0 and root.doc[i].pos_ == "NOUN" and root.doc[i].dep_ == "compound" \
            and root.doc[i]._.ng_type is None and root.doc[i].head.i <= root.i \
            and root.doc[i].head.i > i:
        nouns.insert(0, root.doc[i].lower_)
        i -= 1
    return nouns


def _plans_a_measure(root: Token, measured: set[int]) -> bool:
    """Whether a plan or proposal is to impose a measure ("plans to slap tariffs on steel",
    "a proposal to ban imports"): the measure is the policy, not the plan (one to lift a
    measure is one of its own). ``measured`` are the tokens of measure phrases."""
    return any(c.dep_ == "acl" and (c._.ng_trigger == _IMPOSING or c.i in measured)
               for c in root.children)


#: The verb class (trigger label of ``policies.jsonl``) of imposing, announcing or lifting.
_IMPOSING = "impose"
#: The types of entity a measure's clause may name as its target.
_TARGETS = (EntityType.COUNTRY, EntityType.ORGANISATION)
#: The modifiers of the thing a measure is on that name whose it is ("on Acme's chips"); an
#: adjective of origin ("on Chinese bicycles") is left to the rules of goods' origin.
_OWNERS = frozenset({"poss", "compound", "nmod"})


def measure_clauses(doc: Doc, state: DocState) -> Iterator[Found]:
    """The imposer and targets a clause of imposing names for the measure it tells of: a
    participle or relative clause on the measure ("export curbs imposed on Acme by Japan",
    "the duties Japan levied on Acme", "the sanctions it imposed on them"), or a passive
    clause of which the measure is the subject ("Tariffs were imposed on Acme by Japan").

    The imposer is the clause's agent or the relative clause's subject, the targets the
    objects of "on" or "against" or whose they are; a pronoun is what it refers to.
    """
    for token, measure_node in list(state.nodes.items()):
        if token not in state.measures or measure_node.type != MEASURE:
            continue
        noun = doc[token]
        if noun.pos_ not in ("NOUN", "PROPN"):
            continue
        clauses = [c for c in noun.children
                   if c.dep_ in ("acl", "relcl") and c._.ng_trigger == _IMPOSING]
        if noun.dep_ == "nsubjpass" and noun.head._.ng_trigger == _IMPOSING:
            clauses.append(noun.head)
        for verb in clauses:
            sentence = noun.sent
            for imposer in _clause_imposers(verb, state):
                yield Found(imposer, Predicate.IMPOSES, measure_node, sentence,
                            "imposer-measure-clause")
            for target in _clause_targets(verb, state):
                yield Found(measure_node, Predicate.TARGETS, target, sentence,
                            "target-measure-clause")


def _clause_imposers(verb: Token, state: DocState) -> list[Node]:
    """Who a clause of imposing says imposes: its agent ("by Japan", which the parser may
    hang as a plain preposition), or the subject of a relative clause ("the tariffs it
    imposed")."""
    words = [o for c in verb.children
             if c.dep_ in ("agent", "prep") and c.lower_ == "by"
             for o in c.children if o.dep_ == "pobj"]
    if verb.dep_ == "relcl":
        words += [c for c in verb.children if c.dep_ == "nsubj"]
    nodes = [entity_of(w, state) for w in words]
    return [n for n in nodes if n is not None and n.type in _IMPOSERS]


def _clause_targets(verb: Token, state: DocState) -> list[Node]:
    """What a clause of imposing puts its measure on: the party "on" or "against" which it is
    imposed, or whose goods those are ("imposed on Acme's chips")."""
    found: list[Node] = []
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("on", "against"):
            continue
        for thing in prep.children:
            if thing.dep_ != "pobj":
                continue
            node = entity_of(thing, state)
            if node is None:
                node = next((n for c in thing.children if c.dep_ in _OWNERS
                             if (n := entity_of(c, state)) is not None), None)
            if node is not None and node.type in _TARGETS and node not in found:
                found.append(node)
    return found


def _acts_on_a_party(verb: Token, state: DocState) -> bool:
    """Whether what ``verb`` acts on is a named party or names one ("reviewing Huawei",
    "reviewing the merger of Sirius and XM", "approving imports of Micron's chips"), not a
    complaint or a text ("its guidelines")."""
    # what it acts on: its object, or the noun a gerund modifies ("approving imports of ...")
    things = [*(c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")),
              *((verb.head,) if verb.dep_ == "amod" else ()),
              # the subject of a verbless clause it takes ("declared Acme a threat")
              *(s for c in verb.children if c.dep_ in ("ccomp", "xcomp", "oprd")
                and c.pos_ in ("NOUN", "PROPN") for s in c.children if s.dep_ == "nsubj"),
              # the subject of a question it weighs ("reviewing whether Acme broke the law")
              *(s for c in _whether_clauses(verb) for s in c.children
                if s.dep_ in ("nsubj", "nsubjpass")),
              # whom an order or ruling allows or requires to act ("an order requiring Acme to
              # sell", "a ruling allowing Acme to buy")
              *(p for c in verb.children if c.dep_ in ("acl", "relcl")
                and c.lower_ in _directing_forms() for p in _directed(c)),
              # who it finds broke a rule ("found that Acme breached the law")
              *(s for c in verb.children if c.dep_ == "ccomp" for b in (c, *c.conjuncts)
                if b.lower_ in _breach_forms() for s in b.children if s.dep_ == "nsubj")]
    for thing in things:
        if thing.i in state.inside:
            return True
        if any(t.i in state.inside for t in thing.subtree if t.i != thing.i) \
                and (thing.lower_ in _DEAL_NOUNS or thing.lower_ in _TRADE_NOUNS
                     or thing.lower_ in lexicon().lower("reviewed_request")):
            return True  # "Acme's application": a request a regulator considers
        # a deal named before ("approved the deal"): its parties, if any, are read later
        # (reviews.review_deals), and the verb sets no measure without them
        if definite_deal(thing):
            return True
    return False


#: The words that open a clause of an open question a review weighs.
_QUESTION_MARKS = frozenset({"whether", "if"})


def _whether_clauses(verb: Token) -> list[Token]:
    """The clauses of an open question ``verb`` takes ("whether Acme broke the law")."""
    return [c for c in verb.children if c.dep_ == "ccomp"
            and any(m.dep_ == "mark" and m.lower_ in _QUESTION_MARKS for m in c.children)]


@cache
def _directing_forms() -> frozenset[str]:
    """Every form of the verbs by which an order or a ruling directs a party."""
    return lexicon().verbs("directing_verb")


@cache
def _breach_forms() -> frozenset[str]:
    """Every form of the verbs of breaking a rule."""
    return lexicon().verbs("breach_verb")


def _directed(clause: Token) -> list[Token]:
    """Whom a clause of allowing or requiring directs: its object, or the subject of the act
    it allows ("requiring Acme to sell", "allowing Acme to buy")."""
    return [*(c for c in clause.children if c.dep_ == "dobj"),
            *(s for c in clause.children if c.dep_ in ("ccomp", "xcomp")
              for s in c.children if s.dep_ == "nsubj")]


#: What a regulator reviews that names its parties ("the merger of Sirius and XM").
_DEAL_NOUNS = frozenset({"merger", "mergers", "deal", "deals", "acquisition", "acquisitions",
                         "takeover", "takeovers", "bid", "bids", "tie-up", "purchase", "sale"})
#: Trade that a measure allows or bars, naming whose goods it is ("imports of Micron's chips").
_TRADE_NOUNS = frozenset({"imports", "exports", "sales", "shipments", "purchases", "import",
                          "export", "products", "goods"})


def _kind_in_context(measure: Measure, phrase: Span) -> Measure:
    """``measure`` with the kind its phrase and the phrase's modifiers support: a measure
    whose kind needs a word of a lexicon set ("an anti-dumping investigation", "a probe into
    steel imports") is an OtherPolicy without one ("an antitrust investigation of Google"),
    under its other head if it has one ("sanctions on North Korea" are no export controls)."""
    if measure.kind == PolicyKind.EXPORT_CONTROL and not measure.direct \
            and _own_restraint(phrase):
        return replace(measure, kind=PolicyKind.OTHER_POLICY,
                       head=measure.head_otherwise or measure.head)
    if measure.kind_needs is None:
        return measure
    words = lexicon().lower(measure.kind_needs)
    root = phrase.root
    before = [t for c in root.children if c.i < phrase.start for t in c.subtree]
    # what the measure is on, attached to it or to the verb that brings it in ("issued rules
    # on chip exports")
    preps = [*root.children, *(root.head.children if root.dep_ == "dobj" else ())]
    # the agent says who acts, not what on ("an investigation by the FTC, which probed
    # Acme over its sales")
    after = [t for c in preps if c.dep_ == "prep" and c.lower_ != "by" for t in c.subtree]
    if measure.verb:  # what a clause restricts or bans, its head alone ("curbed exports")
        after += [c for c in root.children if c.dep_ == "dobj"]
    # a country the measure is on, or whose goods or sector it is ("a probe into Japan's
    # steel sector"); not one named deeper ("a probe into a bribery scheme in Uzbekistan")
    objects = [o for c in preps if c.dep_ == "prep" and c.lower_ in _OBJECT_PREPOSITIONS
               for o in c.children if o.dep_ == "pobj"]
    # (a country word on a company looked into says where it is: "the U.S. software titan")
    countries = [t for o in objects if o._.ng_type != EntityType.ORGANISATION
                 for t in (o, *o.children)
                 if t._.ng_type == EntityType.COUNTRY
                 and (t is o or t.dep_ in ("poss", "compound", "amod"))]
    said = [t for t in (*phrase, *before, *after) if t._.ng_in is None]
    # an inquiry into a named company's conduct is no trade case, whatever trade it looks at
    # ("investigated ZTE for alleged export-control violations"), unless a word of a trade
    # remedy says it is one ("an anti-dumping investigation into Acme's steel")
    parties = [t for t in (*objects, *(c for c in root.children if c.dep_ == "dobj"))
               if t._.ng_type == EntityType.ORGANISATION]
    if measure.kind == PolicyKind.TRADE_INVESTIGATION and parties and not countries \
            and not any(t.lower_ in lexicon().lower("trade_remedy") for t in said):
        return replace(measure, kind=PolicyKind.OTHER_POLICY,
                       head=measure.head_otherwise or measure.head)
    # words of a name say nothing of the measure ("the Federal Trade Commission is reviewing")
    if any(t.lower_ in words for t in said) or countries:
        return measure
    return replace(measure, kind=PolicyKind.OTHER_POLICY,
                   head=measure.head_otherwise or measure.head)


def _own_restraint(phrase: Span) -> bool:
    """Whether restrictions or curbs are on what comes in, or a restraint of one's own
    trade, and so control no exports to anyone: a word of the lexicon's ``own_restraint``
    before the measure, in it, or heading what it is on ("import curbs", "restrictions on
    citrus imports", "Japan's self-imposed restrictions on exports")."""
    root = phrase.root
    words = lexicon().lower("own_restraint")
    before = [t for c in root.children if c.i < phrase.start for t in c.subtree]
    objects = [o for c in root.children if c.dep_ == "prep" and c.lower_ in _OBJECT_PREPOSITIONS
               for o in c.children if o.dep_ == "pobj"]
    return any(t.lower_ in words for t in (*phrase, *before, *objects))


def mark_laws(doc: Doc, state: DocState) -> None:
    """A law the text names ("the Clean Air Act") is a policy under its own name.

    Its kind is that of a measure word inside the name ("... Export Control Act"), else
    ``OtherPolicy``. A name ending as an organisation's does is no law's ("... Law Offices").
    """
    lex = lexicon()
    organisation_words = lex.words("org_head") | lex.words("legal_form")
    for ent in doc.ents:
        if ent.label_ != "LAW" or (ent.root.i in state.nodes and ent.root.i not in state.measures):
            continue
        tokens = [t for t in ent if t.lower_ != "the" and not POSSESSIVE.match(t.text)]
        if not tokens or not any(t.text[:1].isupper() for t in tokens):
            continue
        if tokens[-1].text in organisation_words:  # the model's "Han Kun Law Offices"
            continue
        inner = [state.measures.pop(t.i) for t in ent if t.i in state.measures]
        for t in ent:
            state.nodes.pop(t.i, None)
        kind = inner[0].kind if inner else PolicyKind.OTHER_POLICY
        name = doc[tokens[0].i:tokens[-1].i + 1].text
        state.measures[ent.root.i] = Measure(kind, name, None, named=True)
        ent.root._.ng_type = MEASURE
        state.nodes[ent.root.i] = Node(name, MEASURE, ent.root.i)


def resolve_policies(found: list[Found], state: DocState) -> list[Found]:
    """Name each measure after its imposer; turn it into a Policy or a direct edge.

    A measure that names a party of its own ("sanctions on Huawei") becomes a direct edge
    from each of its imposers to that party, and its policy is dropped.
    """
    leaders = {f.subject.name: f.object for f in found
               if f.predicate == Predicate.LEADS and f.object.type == EntityType.COUNTRY}
    found = [_origin_of_goods(f) for f in _topics_are_targets(found, state)
             if not _only_located(f, state) and not _judged(f) and not _settled_privately(f)]
    found = review_deals(found, state)
    _bans_of_parties(found, state)
    found += [replace(f, subject=country) for f in found
              if (country := _state_of_legislature(f)) is not None]
    imposers = _imposers(found, leaders)
    doc = found[0].sentence.doc if found else None
    policies = _policies(imposers, state, doc)
    again = _named_again(doc, policies, state) if doc is not None else {}
    policies |= again
    if doc is not None:
        policies |= _generic_again(doc, policies, imposers, state)
    policies = _named_by_object(policies, found, imposers, state)
    direct = {f.subject.token for f in found
              if f.predicate == Predicate.TARGETS and f.subject.type == MEASURE
              and state.measures[f.subject.token].direct}
    result = [f for f in _replace_measures(found, imposers, policies, set(again), state)
              if not (f.predicate in (Predicate.IMPOSES, Predicate.TARGETS)
                      and f.object.token in direct and f.object.type == EntityType.POLICY)
              and not (f.subject.type == EntityType.POLICY and f.subject.token in direct)]
    result = _each_its_own(result, state)
    # a policy is not on whoever imposes it nor on their country ("a ban ... shipments on
    # Norwegian tankers", "the U.S. Treasury barred the use of U.S. accounts")
    own = {(f.object.name, name) for f in result if f.predicate == Predicate.IMPOSES
           for name in (f.subject.name, leading_country(f.subject.name)) if name}
    own |= {(f.subject.name, name) for f in result if f.predicate == Predicate.SANCTIONS
            for name in (f.subject.name, leading_country(f.subject.name)) if name}
    return [f for f in result if not (f.predicate in (Predicate.TARGETS, Predicate.SANCTIONS)
                                      and ((f.subject.name, f.object.name) in own
                                           or _by_its_initials(f, own)))]


#: Words that make a measure of several imposers one of them together ("a joint ban").
_JOINT_WORDS = lexicon().lower("joint_word")


def _each_its_own(found: list[Found], state: DocState) -> list[Found]:
    """Split a policy that coordinated countries impose into one policy of each ("Japan and
    South Korea imposed tariffs on Acme", "U.S. and Dutch investigations into Acme"), each
    with the policy's other relations; a measure written as one ("a joint ban") is theirs
    together, and so is one written in the singular ("a ban")."""
    by_policy: dict[Node, list[Node]] = {}
    for f in found:
        if f.predicate == Predicate.IMPOSES and f.object.type == EntityType.POLICY \
                and f.subject.type == EntityType.COUNTRY:
            by_policy.setdefault(f.object, []).append(f.subject)
    renamed: dict[tuple[Node, str], Node] = {}
    for policy, countries in by_policy.items():
        root = found[0].sentence.doc[policy.token]
        if len(countries) < 2 or not _each_imposes(root, countries, state):
            continue
        first = min(countries, key=lambda n: n.token)
        word = _imposer_word(first)
        if not policy.name.startswith(f"{word} "):
            continue
        rest = policy.name[len(word):]
        renamed.update({(policy, c.name): Node(f"{_imposer_word(c)}{rest}", EntityType.POLICY,
                                               policy.token)
                        for c in countries if c != first})
    if not renamed:
        return found
    split = {policy for policy, _ in renamed}
    result = []
    for f in found:
        if f.predicate == Predicate.IMPOSES and f.object in split:
            result.append(replace(f, object=renamed.get((f.object, f.subject.name), f.object)))
            continue
        result.append(f)
        for (old, _), new in renamed.items():
            if f.subject == old:
                result.append(replace(f, subject=new))
            elif f.object == old:
                result.append(replace(f, object=new))
    return result


def _each_imposes(root: Token, countries: list[Node], state: DocState) -> bool:
    """Whether ``countries`` are written coordinated ("Japan and South Korea") as the
    imposers of measures each their own: a plural measure ("tariffs") or a clause's act
    ("Japan and Korea banned ..."), not one called joint."""
    doc = root.doc
    tokens = [doc[c.token] for c in countries]
    if not all(any(t in o.conjuncts for o in tokens if o != t) for t in tokens):
        return False
    if any(c.lower_ in _JOINT_WORDS for c in root.children):
        return False
    return state.measures[root.i].verb or root.tag_ in ("NNS", "NNPS")


def _by_its_initials(f: Found, own: set[tuple[str, str]]) -> bool:
    """Whether the party ``f`` puts a policy on is its imposer by the initials of its name
    ("the European Union's (EU) farm policies" on "EU")."""
    return f.object.name.isupper() and any(
        subject == f.subject.name and acronym_of(f.object.name, name) for subject, name in own)


def _origin_of_goods(f: Found) -> Found:
    """A country or party "from" which the goods a measure is on come, written after them,
    is the measure's target, not its imposer ("tariffs on goods from India", where the parser
    hangs "from India" on the tariffs); before them it imposes ("a ban from Beijing on
    exports")."""
    if f.predicate != Predicate.IMPOSES or f.rule != _FROM:
        return f
    doc = f.sentence.doc
    preposition = doc[f.subject.token].head
    if any(c.dep_ == "prep" and c.lower_ in ("on", "against") and c.i < preposition.i
           for c in doc[f.object.token].children):
        return replace(f, subject=f.object, predicate=Predicate.TARGETS, object=f.subject)
    return f


#: The rules that read a settlement as a sanction of its party ("Acme agreed to a settlement
#: with the FTC", "paid $5 million to settle the EPA's claims"): only one with a country or a
#: body that sets policy is (a settlement with a rival ends a private dispute).
_SETTLEMENTS = frozenset({"settlement-with", "settle-claims-of"})


def _settled_privately(f: Found) -> bool:
    """Whether a settlement read as a sanction is with a party that sets no policy."""
    return f.rule in _SETTLEMENTS and f.subject.type == EntityType.ORGANISATION \
        and not sets_policy(f.subject.name)


def _judged(f: Found) -> bool:
    """Whether a measure is read as a court's or an arbiter's, which judge measures and
    cases and impose none ("The Supreme Court ruled in favor of the tariffs", "a petition
    for Supreme Court review")."""
    if f.predicate != Predicate.IMPOSES or f.object.type != MEASURE:
        return False
    judges = lexicon().words("judging_body")
    return f.subject.name in judges or any(word in judges for word in f.subject.name.split())


def _imposer_word(imposer: Node) -> str:
    """The word a policy's name begins with for its imposer: a country's modifier ("Japanese
    tariffs", "U.S. export controls"), as a country's measure is named; another imposer's
    name ("Commerce Department export controls")."""
    return modifier_of(imposer.name) if imposer.type == EntityType.COUNTRY else imposer.name


def _may_act_for(body: str, policy: str) -> bool:
    """Whether an organisation imposing a measure may be acting on the country's policy of
    that name: not a body of states ("European Union sanctions" are not Britain's, whoever
    imposed theirs first) nor one whose name says it is of another country.

    >>> _may_act_for("Commerce Department", "U.S. tariffs")
    True
    >>> _may_act_for("European Union", "British sanctions")
    False
    >>> _may_act_for("Japanese Trade Ministry", "U.S. tariffs")
    False
    >>> _may_act_for("Union Finance Ministry", "Indian tariffs")
    True
    >>> _may_act_for("European Commission", "U.S. tariffs")
    False
    """
    words = [w.strip(".,'()").casefold() for w in body.split()]
    lex = lexicon()
    if words[0] in lex.lower("bloc_adjective") or (
            set(words) & lex.lower("body_of_states")
            and words[-1] not in lex.lower("government_body_head")):
        return False  # the "European Commission" is the EU's; the "Union Finance Ministry" India's
    home = leading_country(body)
    return home is None or policy.startswith(f"{modifier_of(home)} ")


def _imposers(found: list[Found], leaders: dict[str, Node]) -> dict[int, list[Found]]:
    """The ``imposes`` relations of each measure, by its token.

    A person imposes for the country they lead (``leaders``), which takes their place in the
    relation; a person who leads no country imposes nothing.
    """
    imposers: dict[int, list[Found]] = {}
    for f in found:
        if f.predicate == Predicate.IMPOSES and f.object.type == MEASURE:
            if f.subject.type == EntityType.ORGANISATION and not sets_policy(f.subject.name):
                continue
            if f.subject.type == EntityType.PERSON:
                country = leaders.get(f.subject.name)
                if country is None:
                    continue
                f.subject = country
            imposers.setdefault(f.object.token, []).append(f)
    return imposers


def _state_of_legislature(f: Found) -> Node | None:
    """The country whose national legislature, named with its country, imposes a measure
    other than a bill ("the U.S. Congress passed the Act", "Norway's parliament approved a
    trade ban"): the law is the country's as well; a bill, and a measure of one chamber, are
    only their body's."""
    words = f.subject.name.casefold().split()
    if f.predicate != Predicate.IMPOSES or f.object.type != MEASURE \
            or f.subject.type != EntityType.ORGANISATION or not words \
            or words[-1] not in lexicon().lower("legislature"):
        return None
    measure_words = f.object.name.casefold().split()
    if measure_words and measure_words[-1] in lexicon().lower("bill_head"):
        return None
    country = leading_country(f.subject.name)
    return Node(country, EntityType.COUNTRY, f.subject.token) if country else None


#: The rules that read as a ban's target the party itself, not its goods or trade
#: ("prohibited Acme from ...", "banned shipments by Acme").
_PARTY_ITSELF = frozenset({"target-licence-verb", "target-measure-verb", "target-measure-verb-by",
                           "target-designation-as", "target-designation-predicative",
                           "target-designation-clause"})


def _bans_of_parties(found: list[Found], state: DocState) -> None:
    """A ban whose every target is a named party itself ("Japan prohibited Acme from doing
    business", "banned shipments by Acme") sanctions that party and is no policy, as the
    guidelines read sanctioning a named party; a ban on its goods ("banned imports of Acme's
    products") stays a policy as well."""
    targets: dict[int, list[Found]] = {}
    for f in found:
        if f.predicate == Predicate.TARGETS and f.subject.type == MEASURE:
            targets.setdefault(f.subject.token, []).append(f)
    for token, items in targets.items():
        measure = state.measures[token]
        if measure.verb and measure.party_edge and not measure.direct and all(
                f.rule in _PARTY_ITSELF and f.object.type in (EntityType.ORGANISATION,
                                                             EntityType.PERSON) for f in items):
            state.measures[token] = replace(measure, direct=measure.party_edge)


def _new_measure(root: Token) -> bool:
    """Whether a measure is introduced as one not named before: "a ban on imports of X"."""
    return any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in root.children) and any(
        c.dep_ == "prep" and c.lower_ in _OBJECT_PREPOSITIONS for c in root.children)


#: The heads of the measures by which a body looks into something: each body's its own.
_INQUIRY_HEADS = frozenset({"investigation", "anti-dumping investigation", "review"})


def _own_inquiry(root: Token, head: str) -> bool:
    """Whether a measure is introduced as a new one ("a ban on imports of X"), or is an
    inquiry introduced as new ("launched an investigation"), which a body conducts itself."""
    return _new_measure(root) or (head in _INQUIRY_HEADS and any(
        c.dep_ == "det" and c.lower_ in ("a", "an") for c in root.children))


def _policies(imposers: dict[int, list[Found]], state: DocState,
              doc: Doc | None = None) -> dict[int, Node]:
    """The policy each measure is, by its token.

    A named law is itself. A measure a country imposes is that country's (the first named);
    one imposed by others is the country's policy with that head if the document names one
    ("the trade office will raise the tariffs"), else its first imposer's. A measure with no
    imposer is the one policy with its head, if there is one, unless ``doc`` shows it is
    introduced as a new one ("a ban on imports of X").
    """
    policies = {token: Node(m.head, EntityType.POLICY, token)
                for token, m in state.measures.items() if m.named}
    national: dict[str, set[str]] = {}
    for token, items in sorted(imposers.items()):
        countries = [f.subject for f in items if f.subject.type == EntityType.COUNTRY]
        if countries and token not in policies:
            head = state.measures[token].head
            name = f"{_imposer_word(min(countries, key=lambda n: n.token))} {head}"
            policies[token] = Node(name, EntityType.POLICY, token)
            national.setdefault(head, set()).add(name)
    by_head: dict[str, set[str]] = {}
    for token, items in sorted(imposers.items()):
        head = state.measures[token].head
        if token not in policies:
            # an agency acting on its country's measure: "the trade office will raise the
            # tariffs"; not one it introduces as new ("launched an inquiry into X")
            same = national.get(head, set())
            first = min((f.subject for f in items), key=lambda n: n.token)
            name = next(iter(same)) if len(same) == 1 and all(
                _may_act_for(f.subject.name, next(iter(same))) for f in items) \
                and not (doc is not None and _own_inquiry(doc[token], head)) \
                else f"{_imposer_word(first)} {head}"
            policies[token] = Node(name, EntityType.POLICY, token)
        by_head.setdefault(head, set()).add(policies[token].name)
    for token, measure in state.measures.items():
        names = by_head.get(measure.head, set())
        if token not in policies and len(names) == 1 and not measure.verb \
                and not (doc is not None and _new_measure(doc[token])):
            # (one introduced as new, "a ban on imports of X", is not that policy)
            policies[token] = Node(next(iter(names)), EntityType.POLICY, token)
    return policies




def _named_again(doc: Doc, policies: dict[int, Node], state: DocState) -> dict[int, Node]:
    """The policies that a definite measure with no imposer of its own names again: the
    nearest policy named before it of its family ("China raised tariffs on soybeans. The
    levy ..."), or of any family where its head says nothing of its kind ("the measures").

    A measure that says what it is on ("the tariffs on cars") is no mere reference, and a
    clause ("Kenya cleared Acme") is never one.
    """
    generic = lexicon().lower("measure_generic")
    found: dict[int, Node] = {}
    for token, measure in sorted(state.measures.items()):
        if token in policies or measure.verb or measure.named:
            continue
        root = doc[token]
        if not _definite(root) or any(c.dep_ == "prep" and c.lower_ in _OBJECT_PREPOSITIONS
                       for c in root.children):
            continue
        before = [t for t in policies if t < token and not state.measures[t].named
                  and (root.lower_ in generic
                       or state.measures[t].family == measure.family)]
        if before:
            found[token] = Node(policies[max(before)].name, EntityType.POLICY, token)
    # a measure with no imposer that a later definite mention of its family names, with no
    # policy of that family before it, is that policy ("Akzo's fibres were banned ... The
    # ban, imposed by the ITC, ..."): its targets are the policy's
    for token, measure in sorted(state.measures.items()):
        if token in policies or token in found or measure.named:
            continue
        family = [t for t in policies if not state.measures[t].named
                  and state.measures[t].family == measure.family]
        later = [t for t in family if t > token and _definite(doc[t])]
        if later and not any(t < token for t in family):
            found[token] = Node(policies[min(later)].name, EntityType.POLICY, token)
    return found


def _generic_again(doc: Doc, policies: dict[int, Node], imposers: dict[int, list[Found]],
                   state: DocState) -> dict[int, Node]:
    """The policies that a definite measure whose head says nothing of its kind names again,
    with an imposer of its own: the nearest policy named before it by the same imposer ("The
    House passed legislation on North Korea. The House measure passed 418-2", "the new U.N.
    measures" after U.N. sanctions). One that says what it is on ("the measures on steel") is
    no mere reference."""
    generic = lexicon().lower("measure_generic")
    found: dict[int, Node] = {}
    for token in sorted(policies):
        root = doc[token]
        if root.lower_ not in generic or token not in imposers or not _definite(root) \
                or any(c.dep_ == "prep" and c.lower_ in _OBJECT_PREPOSITIONS
                       for c in root.children):
            continue
        own = {f.subject.name for f in imposers[token]}
        before = [t for t in policies if t < token and t in imposers
                  and doc[t].lower_ not in generic and not state.measures[t].named
                  and own & {f.subject.name for f in imposers[t]}]
        if before:
            found[token] = Node(policies[max(before)].name, EntityType.POLICY, token)
    return found


def _definite(root: Token) -> bool:
    """Whether a measure's noun is definite: "the ban", "these tariffs"."""
    return any(c.dep_ == "det" and c.lower_ in DEFINITE for c in root.children)


#: Prepositions that bring in what a measure is on ("tariffs on steel", "a probe into ZTE").
_OBJECT_PREPOSITIONS = frozenset({"on", "of", "into", "against", "over", "for"})
#: Dependencies whose subtrees a measure's object leaves out (clauses, asides, punctuation).
_OBJECT_CUT = frozenset({"relcl", "acl", "advcl", "appos", "punct", "parataxis"})
#: Entity types that say when or how much, not what a measure is on ("a ban on Monday").
_NOT_OBJECTS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "CARDINAL", "QUANTITY", "ORDINAL"})
#: The longest object phrase a policy's name takes, in tokens and in characters.
_LONGEST_OBJECT = 8
_LONGEST_OBJECT_CHARACTERS = 80
#: A word a policy's name may take from the text: letters and digits, joined by hyphens,
#: apostrophes, dots or "&" (no markup, no control or direction characters).
_WORD = re.compile(r"^(?:[^\W_]+(?:['\u2019.&-][^\W_]*)*|['\u2019]s?)$")


def _named_by_object(policies: dict[int, Node], found: list[Found],
                     imposers: dict[int, list[Found]], state: DocState) -> dict[int, Node]:
    """Each policy named by what it is on as well as by its imposer and head: "U.S.
    tariffs on Japanese cars", "Commerce Department investigation of ZTE Corp".

    What a measure is on is the phrase its preposition brings in, as written, else the
    targets read for it. The mentions of one policy in a document (its imposer's, with one
    head) are named by what the first of them that is the policy's imposer's, or no one's
    ("the Toshiba investigation"), says it is on (another's measure folded into it says
    nothing of it), widened by a later mention that says more ("on oils", then "on oils and
    fats"). A named law keeps its own name.
    """
    targets: dict[int, list[Node]] = {}
    for f in found:
        if f.predicate == Predicate.TARGETS and f.subject.type == MEASURE:
            targets.setdefault(f.subject.token, []).append(f.object)
    groups: dict[str, list[int]] = {}
    for token, node in sorted(policies.items()):
        if not state.measures[token].named:
            groups.setdefault(node.name, []).append(token)
    doc = found[0].sentence.doc if found else None
    renamed = dict(policies)
    for name, tokens in groups.items():
        assert doc is not None  # a policy that is no law has an imposer, so a relation
        objects = {t: o for t in tokens
                   if (o := _object_of(doc[t], state, targets.get(t, [])))}
        own = [objects[t] for t in tokens if t in objects and (t not in imposers or any(
            name == f"{_imposer_word(f.subject)} {state.measures[t].head}" for f in imposers[t]))]
        if own:
            widest = _widest(set(objects.values()))
            first = widest[own[0]]
            for t in tokens:
                # one introduced as new on another thing is another policy ("a complaint
                # against Acme over its app store", then "a complaint ... over its search")
                mine = widest[objects[t]] if t in objects and (
                    _new_measure(doc[t]) or _on_a_deal(doc[t], state)) else first
                renamed[t] = Node(f"{name} {mine}", EntityType.POLICY, t)
    return renamed


def _on_a_deal(root: Token, state: DocState) -> bool:
    """Whether a clause measure acts on a deal it names ("the FCC approved Acme's purchase of
    Globex"): each deal so named is one review or approval of its own."""
    return state.measures[root.i].verb and any(
        c.dep_ in ("dobj", "nsubjpass") and c.lower_ in _DEAL_NOUNS
        and any(p.dep_ == "prep" and p.lower_ == "of" for p in c.children)
        for c in root.children)


def _widest(objects: set[str]) -> dict[str, str]:
    """Each object of one policy's mentions mapped to the longest that begins with it: "on
    vegetable oils" and "on vegetable oils and fats" are one policy's.

    >>> _widest({"on oils", "on oils and fats", "on steel"}) == {
    ...     "on oils": "on oils and fats", "on oils and fats": "on oils and fats",
    ...     "on steel": "on steel"}
    True
    """
    return {o: max((w for w in objects if f"{w} ".startswith(f"{o} ")), key=lambda w: (len(w), w))
            for o in objects}


def _object_of(root: Token, state: DocState, targets: list[Node]) -> str | None:
    """What the measure rooted at ``root`` is on, with its preposition ("on Japanese cars").

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words=["tariffs", "on", "the", "Japanese", "cars"],
    ...           heads=[0, 0, 4, 4, 1], deps=["ROOT", "prep", "det", "amod", "pobj"],
    ...           pos=["NOUN", "ADP", "DET", "ADJ", "NOUN"])
    >>> state = DocState(measures={0: Measure("Tariff", "tariffs", None)})
    >>> _object_of(doc[0], state, [])
    'on Japanese cars'
    """
    measure = state.measures[root.i]
    if root.i in state.reviewed:  # a deal named before ("approval of the deal")
        return f"{_preposition(measure)} {state.reviewed[root.i]}"
    if root.i in state.deals:  # "the merger of A and B awaits approval"
        phrase = _phrase(root.doc[state.deals[root.i]], state, measure)
        if phrase:
            return f"{_preposition(measure)} {phrase}"
    # what it is on may hang on the verb that brings it in ("slapped tariffs on steel", "a
    # ban imposed by Chile on Peruvian fish"; not why: "imposed ... for violations")
    verb = [*(root.head.children if root.dep_ == "dobj" and not measure.verb else ()),
            *(c for v in root.children if v.dep_ == "acl" and v._.ng_trigger == "impose"
              and not measure.verb for c in v.children
              if c.dep_ == "prep" and c.lower_ in ("on", "against"))]
    for child in (*root.children, *verb):
        if measure.verb and child.dep_ == "dobj":
            phrase = _phrase(child, state, measure)
            if phrase:
                return f"{_preposition(measure)} {phrase}"
        if not measure.verb and child.dep_ == "prep" and child.lower_ in _OBJECT_PREPOSITIONS:
            objects = [c for c in child.children if c.dep_ == "pobj"]
            phrase = _phrase(objects[0], state, measure) if objects else None
            if phrase:
                return f"{child.lower_} {phrase}{_matter(child, objects[0], root, state)}" \
                    f"{_origin(child, root, state)}"
    purpose = _purpose(root, state, measure)
    if purpose is not None:
        return purpose
    under = _under_measure(root)
    if under is not None and not measure.verb \
            and measure.head.split()[-1] in lexicon().lower("measure_of"):
        phrase = _phrase(under, state, measure)
        if phrase:
            return f"{_preposition(measure)} {phrase}"
    named = sorted({t.name for t in targets if t.type != MEASURE})
    if 0 < len(named) <= 2 and not measure.direct:  # sanctions' parties are edges of their own
        return f"{_preposition(measure)} {' and '.join(named)}"
    return None


def _purpose(root: Token, state: DocState, measure: Measure) -> str | None:
    """What a plan, proposal or bill is to do, from its infinitive clause, where its head is
    a word of the lexicon's ``measure_to`` ("a plan to cut farm subsidies": "to cut farm
    subsidies"); else none."""
    if measure.verb or measure.head.split()[-1] not in lexicon().lower("measure_to"):
        return None
    for clause in root.children:
        if clause.dep_ != "acl" or clause.pos_ != "VERB" or not _to_infinitive(clause):
            continue
        objects = [c for c in clause.children if c.dep_ == "dobj"]
        phrase = _phrase(objects[0], state, measure) if objects else None
        return f"to {clause.lower_} {phrase}" if phrase else None
    return None


def _matter(preposition: Token, party: Token, root: Token, state: DocState) -> str:
    """What a measure against a named party is over, said after the party ("a complaint
    against Acme over its app store": " over app store"); else nothing."""
    node = state.nodes.get(party.i)
    if node is None or node.type not in _IMPOSERS:
        return ""
    # the parser may hang it on the verb that brings the measure in ("filed a complaint")
    heads = [root, *((root.head,) if root.dep_ == "dobj" else ())]
    later = [o for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "over"
             and c.i > preposition.i for o in c.children if o.dep_ == "pobj"]
    phrase = _phrase(later[0], state, state.measures[root.i]) if later else None
    return f" over {phrase}" if phrase else ""


def _under_measure(root: Token) -> Token | None:
    """What a clause says is "under" a measure ("the drug is under review by the FDA",
    "a gel, zorbamycin, which is under review"): the clause's subject, or the noun its
    relative clause describes, by the name it is given beside it if it has one. (Only an
    inquiry's or an approval's, see :func:`_object_of`: what is "under Indian law" is only
    bound by it.)"""
    if root.dep_ != "pobj" or root.head.lower_ != "under":
        return None
    clause = root.head.head
    # "placed Acme under review": what is under it is the object; else the subject
    subjects = [c for c in clause.children if c.dep_ == "dobj"] \
        or [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects:
        return None
    subject = subjects[0]
    if subject.tag_ in ("WDT", "WP") or subject.lower_ in ("which", "that", "who"):
        if clause.dep_ != "relcl":
            return None
        subject = clause.head
    if subject.pos_ == "PRON":
        return None
    names = [c for c in subject.children if c.dep_ == "appos" and c.pos_ in ("PROPN", "NOUN")]
    return names[0] if names else subject


def _origin(preposition: Token, root: Token, state: DocState) -> str:
    """Where the goods a verb puts a measure on come from, when the verb says it beside them
    ("imposed tariffs on steel from China": " from China"); else nothing."""
    if preposition.head.i == root.i:
        return ""
    objects = [o for c in preposition.head.children if c.dep_ == "prep" and c.lower_ == "from"
               for o in c.children if o.dep_ == "pobj"]
    if not objects:
        return ""
    countries = [objects[0], *(t for t in objects[0].subtree if t.dep_ == "conj")]
    names = [state.nodes[t.i].name for t in countries if t.i in state.nodes
             and state.nodes[t.i].type == EntityType.COUNTRY]
    return f" from {' and '.join(names)}" if len(names) == len(countries) else ""


def _phrase(head: Token, state: DocState, measure: Measure) -> str | None:
    """The noun phrase of ``head`` as written, less its determiner, asides and clauses; the
    entity's own name where the phrase is one ("Beijing", "the software titan"); none if it
    says when or how much ("Monday", "25 percent"), says nothing ("the allegations") or runs
    past a few words. A count of the things stays ("50 items", "a 10 pct surplus cut")."""
    node = state.nodes.get(head.i)
    if node is not None and node.type in _IMPOSERS:
        # sanctions' parties are edges of their own ("sanctions on them"), not their object;
        # a measure is on a person only as a party
        return None if measure.direct or node.type == EntityType.PERSON else node.name
    if head.text.isupper() and len(head.text) > 2:
        return None  # a word in capitals that names nothing known ("REUTER")
    if head.ent_type_ in _NOT_OBJECTS or head.like_num or head.pos_ not in ("NOUN", "PROPN") \
            or head.lower_ in lexicon().lower("vague_object") \
            or any(c.dep_ == "nummod" and c.ent_type_ not in ("CARDINAL", "PERCENT")
                   for c in head.children):
        return None  # how many it is on stays ("on 50 items"), not how much or when
    left_out = {t.i for c in head.children if c.dep_ in _OBJECT_CUT for t in c.subtree}
    left_out |= {t.i for t in head.subtree if t.is_quote}  # "the "Autopilot" system"
    kept = [t for t in head.subtree if t.i not in left_out]
    thing = _aspect_of(head)
    if len(kept) > _LONGEST_OBJECT and thing is not None:
        return _phrase(thing, state, measure)  # "the design and performance of X": X
    if len(kept) > _LONGEST_OBJECT:  # less what its own phrases add ("engines for rockets")
        inner = [t for t in kept if t.dep_ == "prep" and t.head.i != head.i]
        left_out |= {d.i for t in inner for d in t.subtree}
        kept = [t for t in head.subtree if t.i not in left_out]
    while kept and kept[0].pos_ in ("DET", "PRON") and kept[0].tag_ != "NNP":
        kept = kept[1:]
    people = {t for t, n in state.nodes.items() if n.type == EntityType.PERSON}
    span = kept[0].doc[kept[0].i:kept[-1].i + 1] if kept else None
    if span is None or len(kept) > _LONGEST_OBJECT \
            or len(span) != len(kept) + sum(1 for t in span if t.is_quote) \
            or any(t.ent_type_ in ("DATE", "TIME") or not _WORD.match(t.text) or t.i in people
                   for t in kept):
        return None  # "on next week's shipments", "on <script", "on ${alert(1"
    text = " ".join("".join(t.whitespace_ if t.is_quote else t.text_with_ws for t in span).split())
    return text if len(text) <= _LONGEST_OBJECT_CHARACTERS else None


def _aspect_of(head: Token) -> Token | None:
    """The thing an aspect noun is of ("the design and performance of the Acme X1's brakes":
    the brakes), where the noun names an aspect of the lexicon's ``aspect_of``; else none."""
    if head.lower_ not in lexicon().lower("aspect_of"):
        return None
    return next((o for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                 for o in c.children if o.dep_ == "pobj"), None)


def _preposition(measure: Measure) -> str:
    """The preposition a measure's name takes before what it is on: "of" after a word of
    the lexicon's ``measure_of`` ("a review of the deal"), "for" after one of ``measure_for``
    ("subsidies for Alitalia"), else "on" ("a ban on imports")."""
    last = measure.head.split()[-1]
    if last in lexicon().lower("measure_for"):
        return "for"
    return "of" if last in lexicon().lower("measure_of") else "on"


def _replace_measures(found: list[Found], imposers: dict[int, list[Found]],
                      policies: dict[int, Node], again: set[int],
                      state: DocState) -> list[Found]:
    """The relations with each measure replaced by its policy, or by direct edges.

    A relation of a measure that is no policy is dropped, and so is an ``imposes`` from an
    imposer :func:`_imposers` set aside. A measure with a ``party_edge`` ("ban") is also that
    edge from each imposer to each company it targets; a measure that names again a policy
    named elsewhere (``again``, :func:`_named_again`) has the imposers of that policy.
    """
    result = []
    for f in found:
        if f.object.type == MEASURE or f.subject.type == MEASURE:
            measure_token = f.object.token if f.object.type == MEASURE else f.subject.token
            measure = state.measures[measure_token]
            if measure.direct and f.predicate == Predicate.TARGETS:
                result += [Found(imposer.subject, measure.direct, f.object, f.sentence, f.rule)
                           for imposer in imposers.get(measure_token, [])]
                continue
            policy = policies.get(measure_token)
            if policy is None or (f.predicate == Predicate.IMPOSES and f.object.type == MEASURE
                                  and f not in imposers.get(measure_token, [])):
                continue  # no policy, or an imposer that sets none ("the Toshiba inquiry")
            if measure.party_edge and f.predicate == Predicate.TARGETS \
                    and f.object.type in (EntityType.ORGANISATION, EntityType.COUNTRY):
                # the imposers of the policy, wherever the text names them ("Acme's fibres
                # were banned ... The ban, imposed by the ITC")
                subjects = {i.subject.name: i.subject for t, items in sorted(imposers.items())
                            if t == measure_token or (measure_token in again
                                                      and policies[t].name == policy.name)
                            for i in items}
                result += [Found(subject, measure.party_edge, f.object, f.sentence, f.rule)
                           for subject in subjects.values()]
            if f.object.type == MEASURE:
                f.object = policy
            else:
                f.subject = policy
        result.append(f)
    return result


def _only_located(f: Found, state: DocState) -> bool:
    """Whether a target read deep in an inquiry's phrase is only where what it looks into
    happened ("a probe into a bribery scheme in Uzbekistan"): the object of "in" below the
    phrase's own preposition. An inquiry names what it is on otherwise ("a probe into Japan's
    steel sector"); a trade measure's goods from a country do target it ("sanctions on banks
    in North Korea")."""
    if f.predicate != Predicate.TARGETS or not f.rule.endswith("-anywhere") \
            or f.subject.type != MEASURE:
        return False
    if state.measures[f.subject.token].head.split()[-1] not in lexicon().lower("measure_of"):
        return False
    target = f.sentence.doc[f.object.token]
    if target.dep_ == "pobj" and target.head.lower_ in ("in", "at", "within") \
            and target.head.head.dep_ == "pobj":
        return True
    # a country word in a clause inside the phrase says what the clause is about, not what
    # the inquiry looks into ("a probe into a plan by A and B to merge their Italian units")
    return f.object.type == EntityType.COUNTRY and target.dep_ in ("amod", "compound", "poss") \
        and _clause_between(target, f.sentence.doc[f.subject.token])


#: The dependencies of a clause inside a noun phrase ("a plan to merge", "a deal that ...").
_CLAUSES = frozenset({"acl", "relcl", "advcl", "xcomp", "ccomp"})


def _clause_between(token: Token, measure: Token) -> bool:
    """Whether a clause stands between ``token`` and the measure it hangs under."""
    head = token.head
    while head.i != measure.i and head.head.i != head.i:
        if head.pos_ in ("VERB", "AUX") and head.dep_ in _CLAUSES:
            return True
        head = head.head
    return False


def _topics_are_targets(found: list[Found], state: DocState) -> list[Found]:
    """In "Trump's China trade plan" the possessor imposes; the bare modifier is the target.
    So is a company named before a measure it cannot impose ("the Toshiba investigation"),
    and a country named in full before sanctions or tariffs ("Iran sanctions")."""
    # (a possessor owns the measure it is written on, not a conjunct with its own words:
    # "its own investigation and a Senate inquiry")
    owners = {f.object.token for f in found
              if f.predicate == Predicate.IMPOSES and f.object.type == MEASURE
              and f.rule == _MODIFIER and f.sentence.doc[f.subject.token].dep_ == "poss"
              and f.sentence.doc[f.subject.token].head.i == f.object.token}
    result = []
    for f in found:
        doc = f.sentence.doc
        if f.predicate == Predicate.IMPOSES and f.rule == _MODIFIER \
                and doc[f.subject.token].dep_ in ("compound", "nmod") and (
                    f.object.token in owners or (f.subject.type == EntityType.ORGANISATION
                                                 and not sets_policy(f.subject.name))
                    or _named_by_its_target(doc[f.subject.token], doc[f.object.token], state)):
            f = Found(f.object, Predicate.TARGETS, f.subject, f.sentence, f.rule)
        result.append(f)
    return result


def _named_by_its_target(modifier: Token, root: Token, state: DocState) -> bool:
    """Whether a country's name in full before sanctions or tariffs says whom they hit
    ("Iran sanctions"), where "U.S. sanctions" and "EU tariffs", written short, say who
    imposes them. A measure that says what it is on ("Japan tariffs
    on U.S. cars") is its modifier's."""
    measure = state.measures[root.i]
    node = state.nodes.get(state.inside.get(modifier.i, modifier.i))
    if node is None or node.type != EntityType.COUNTRY:
        return False  # a body that sets policy imposes what it names ("European Union sanctions")
    if measure.head not in lexicon().lower("targeted_measure") \
            or not any(c.islower() for c in modifier.text):  # "U.S.", "EU": short forms
        return False
    return not any(c.dep_ == "prep" and c.lower_ in _OBJECT_PREPOSITIONS for c in root.children)


def add_policy_spans(doc: Doc, used: list[Node]) -> None:
    """Add each policy mention to the document's mention group, labelled "Policy"."""
    spans = list(doc.spans.get(SPANS_KEY, []))
    taken = {(s.start, s.end) for s in spans}
    for node in used:
        if node.type != EntityType.POLICY:
            continue
        root = doc[node.token]
        start = root.i if root.pos_ in ("VERB", "AUX") else root.left_edge.i
        while start < root.i and doc[start].pos_ in ("DET", "PRON", "PUNCT"):
            start += 1
        if (start, root.i + 1) in taken:
            continue
        taken.add((start, root.i + 1))
        span = Span(doc, start, root.i + 1, label=EntityType.POLICY)
        span._.ng_name = node.name
        spans.append(span)
    doc.spans[SPANS_KEY] = SpanGroup(doc, name=SPANS_KEY, spans=spans)


def policy_aliases(root: Token, state: DocState) -> set[str]:
    """The policy phrase as written, from its imposer modifier to its head."""
    measure = state.measures[root.i]
    names: set[str] = set()
    if measure.verb or any(_imposer_node(c, state) and any(_imposer_node(o, state)
                                                           for o in c.conjuncts)
                           for c in root.lefts):
        return names  # "U.S. and Dutch investigations" names each country's no better
    start = root.left_edge.i
    while start < root.i and root.doc[start].pos_ in ("DET", "PRON", "PUNCT"):
        start += 1
    if start < root.i and not state.references & set(range(start, root.i)):
        names.add(root.doc[start:root.i + 1].text)
    for child in root.lefts:
        if _imposer_node(child, state) and child.i not in state.references:
            start = child.left_edge.i
            names.add(root.doc[start:root.i + 1].text)
            names.add(f"{state.surfaces.get(child.i, child.text)} {measure.head}")
    return names


def _imposer_node(token: Token, state: DocState) -> bool:
    """Whether ``token`` is the root of an entity that may impose a measure."""
    node = state.nodes.get(token.i)
    return node is not None and node.type in _IMPOSERS
