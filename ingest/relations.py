"""Relation extraction, as the spaCy component ``ng_relations``.

Reads typed relations between the entities ``ng_entities`` found, each with the sentence it
came from, and the policies (measures of an imposer) the news reports.

The rules are data: ``ingest/patterns/*.jsonl``, one file per relation family. A line is one of

* a trigger, ``{"label": ..., "pattern": [token patterns]}``: the root of each match is tagged
  ``token._.ng_trigger = label`` (longer matches win); with ``"predicate"``, a rule reading the
  label as its predicate reads that relation instead ("up" is ``roseOnNews``);
* a policy measure, ``{"label": "Measure", "kind": ..., "id": head, "pattern": [...]}``: the root
  of each match is a candidate policy of that kind, named ``"<imposer> <head> <what it is
  on>"`` once an imposer is read for it. With ``"verb": true`` the measure is a clause
  ("Kenya cleared Acme to ..."): it becomes a policy only with an imposer of its own. With
  ``"kind_needs": set``, the kind stands only where a word of that lexicon set is in or
  around the phrase, else the measure is an ``OtherPolicy``, under ``"head_otherwise"`` if
  given ("sanctions" on a country are no export controls); with ``"party_edge": predicate``,
  the measure is also that edge from its imposers to each company it targets (a ban on a
  company's goods sanctions it); with ``"needs_party": true``, a clause is a measure only
  where what it acts on is a named party or a deal naming one ("reviewing the merger of A and
  B"). A law the text names (``LAW`` in
  ``doc.ents``: "the Clean Air Act") is a policy under its own name;
* a dependency rule, ``{"id": ..., "predicate": ..., "subject": ..., "object": ...,
  "pattern": [RIGHT_ID/LEFT_ID/REL_OP dicts]}``. ``subject``/``object`` name pattern nodes;
  ``"^node"`` means the clause subject of that node (through ``xcomp``, ``conj``, relative
  pronouns and "X said it ..."), ``"@article"`` the article. ``predicate`` is a relation name,
  or ``"@node"`` for the trigger label of that node; ``"next_to": [a, b]`` asks that the name
  at node ``b`` begin right after node ``a`` ("president Bob Stone");
* a token-sequence rule, ``{"id": ..., "predicate": ..., "subject": TYPE, "object": TYPE,
  "sequence": [token patterns]}``, for what the parser often breaks ("ACME (AC) Chairman
  X"): the ends are the first entities of those types in the match (``token._.ng_in``);
  with ``"first"`` and ``"last"`` for ``subject`` and ``object``, the ends are the two
  entities the match names, in the order given ("Acme's rival Globex").

Word lists (the nouns that refer back to a named organisation, the heads of public bodies,
...) are named sets of ``ingest/patterns/lexicon.jsonl``, read through
:func:`~newsgraph.ingest.names.lexicon`; a set the code asks for must be there. A verb class
is written by its lemmas, ``{"LOWER": {"FORMS_OF": ["supply", "sell", "ship"]}}``, and read
as every form of each (:func:`~newsgraph.ingest.names.verb_forms`: "supplies", "sold",
"shipping"), so a rule never misses a tense its author did not spell out. A family marked
``"WORDNET": name`` beside its words also has the words WordNet adds to it
(``data/word_families.tsv``, written by ``scripts/make_word_families.py`` from the marked
words: "denigrate" beside "disparage"), every form of each.

A word that stands for an entity of its sentence is read as that entity by every rule
(:func:`~newsgraph.ingest.anaphora.mark_stand_ins`): a relative pronoun ("in which Acme
holds a stake"), a reflexive ("sell itself to"), a possessive ("its chief executive") and
a describing noun named in apposition ("security company Blue Coat"). A bid, suit or deal named
again by a definite noun ("Initech rejected the bid") stands for its party, the bidder, the
plaintiff or the buyer (:mod:`~newsgraph.ingest.events`).

Each relation keeps its evidence: the sentence, its character offsets in the text and the id
of the rule. Clauses under "if"/"unless" or with a negation are skipped; share moves read as
background (past perfect, "last year", a year) are skipped too.

Entity nodes are matched through ``token._.ng_type`` (set on the root token of each entity
span, of each place or nationality word standing for a country, and of each measure). Some
nouns stand for an entity too: "the association" for the one association named before it,
"the country" for the one country named before it in the sentence, "the Kenyan government"
or "US lawmakers" for the country. "It"/"its" and "he"/"his" are read as the one entity of
their kind the sentence leaves them (:mod:`~newsgraph.ingest.anaphora`). A relation whose
ends are not of the types the contract gives it (an organisation ``supplies`` an organisation,
...) is dropped, and so is a ``basedIn`` for a public body ("India's railway ministry" is
India's, not based there). An organisation named after its country ("Korea Institute of
Geology") is based there, and so is one written with "from" and a country ("Acme Partners
from the United States"). A legislator's title ("Senator Jane Doe", "Rep. John Roe") makes
the person a member of the chamber of that title the document names. A unit the text
introduces under a name that begins with the name of a company of its sentence is that
company's ("Globex said the deal would lift patent unit Globex Technologies' sales"). Share
moves are read by :mod:`~newsgraph.ingest.moves`; measures become policies in
:mod:`~newsgraph.ingest.policies`.

Examples
--------
>>> import spacy
>>> from newsgraph.ingest.pipeline import load_pipeline
>>> nlp = load_pipeline()
>>> doc = nlp("Maria Lopez, chairman of Acme Holdings, spoke on Monday.")
>>> [(r.subject, r.predicate, r.object, r.evidence.rule) for r in doc._.ng_relations]
[('Maria Lopez', 'chairs', 'Acme Holdings', 'role-appos-of')]
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token

from newsgraph.ingest.anaphora import (
    clause_subject,
    conjuncts,
    coordinated_with_its_place,
    entity_of,
    mark_hyphen_prefixes,
    mark_leader_bodies,
    mark_references,
    mark_stand_ins,
    named_in_apposition,
    reference_matcher,
)
from newsgraph.ingest.coreference import REFERENCES_KEY
from newsgraph.ingest.credits import agency_credits
from newsgraph.ingest.datelines import dateline_tokens
from newsgraph.ingest.disputes import (
    acts_opposed,
    critics_of,
    judged_wrong,
    moves_opposed,
    policies_not_parties,
    suits_to_stop,
)
from newsgraph.ingest.documents import ARTICLE, Entity, Evidence, Relation
from newsgraph.ingest.entities import SPANS_KEY, begins_name, introduced_as_unit
from newsgraph.ingest.events import (
    agreements_between,
    mark_event_parties,
    orders_named_again,
    plural_partners,
)
from newsgraph.ingest.gazetteer import demonym_of, place_country
from newsgraph.ingest.geo import country_of, nation_of
from newsgraph.ingest.markup import quoted, trimmed
from newsgraph.ingest.moves import share_moves
from newsgraph.ingest.names import (
    lexicon,
    load_jsonl,
    maker_noun,
    noun_forms,
    sets_policy,
    verb_forms,
)
from newsgraph.ingest.policies import (
    add_policy_spans,
    mark_laws,
    mark_measures,
    measure_clauses,
    policy_aliases,
    resolve_policies,
)
from newsgraph.ingest.relation_data import (
    ARTICLE_NODE,
    MEASURE,
    POSSESSIVE,
    DocState,
    Found,
    Measure,
    Node,
)
from newsgraph.ingest.tokenmatch import FixedMatcher
from newsgraph.ingest.treematch import TreeMatcher
from newsgraph.ingest.ventures import (
    partner_lists,
    possessed_companies,
    remainder_investors,
    round_investors,
    share_lists,
    shared_ventures,
    venture_founders,
    venture_stakes,
    ventures_of_deals,
)
from newsgraph.ontology import RELATIONS, SYMMETRIC, EntityType, PolicyKind, Predicate

__all__ = ["PATTERN_FILES", "RelationExtractor", "load_patterns", "make_relation_extractor",
           "sequence_anchor"]

#: The pattern files read by default, one per relation family.
PATTERN_FILES = ("roles", "based", "moves", "trade", "sanctions", "policies")

if not Doc.has_extension("ng_relations"):
    Doc.set_extension("ng_relations", default=[])
if not Doc.has_extension("ng_relation_entities"):
    Doc.set_extension("ng_relation_entities", default=[])
if not Token.has_extension("ng_trigger"):
    Token.set_extension("ng_trigger", default=None)
if not Span.has_extension("ng_demonym"):
    Span.set_extension("ng_demonym", default=False)

_PLACE_LABELS = frozenset({"GPE", "NORP", "LOC"})
# the word sets of lexicon.jsonl, read once: a missing set fails at import
_WORDS = lexicon()
#: The last words that make a name an organisation's, shared with the entity layer.
_ORG_HEADS = _WORDS.words("org_head")
_PUBLIC_BODIES = _WORDS.lower("public_body")
_HEDGES = _WORDS.lower("hedge")
_MARKET_STAKES = _WORDS.lower("market_stake")
_FIGHTING = frozenset(f for lemma in ("fight", "battle") for f in verb_forms(lemma))
_PAST_ROLES = _WORDS.lower("past_role")
_BID_WORDS = _WORDS.lower("bid_word")
_ATTEMPTS = _WORDS.lower("attempt_noun")
_MERGER_NOUNS = _WORDS.lower("merger_noun")
_UNAGREED = _WORDS.lower("unagreed_deal")
_AGREEING = _WORDS.verbs("agreeing_verb")
_ENDING = _WORDS.verbs("ending_verb")
_PAST_HOLDING = _WORDS.lower("past_holding")
_ENGAGING = _WORDS.verbs("engaging_verb")
_SELL_FORMS = frozenset(verb_forms("sell"))
_SETTLING = _WORDS.verbs("settling_verb")
_STATE_WORDS = _WORDS.lower("state_owner")
_CHIEF_OF_BODY = _WORDS.lower("chief_of_body") | _WORDS.lower("org_description")
#: The trigger label of nouns that describe an organisation (``patterns/based.jsonl``).
_ORG_NOUN = "orgnoun"
#: The trigger label of nouns of a rival (``patterns/trade.jsonl``).
_RIVAL = "rival"
#: What a party denies when it denies a charge against it ("any wrongdoing").
_DENIED_CHARGE = _WORDS.lower("denied_charge")
#: Verbs of denying a charge.
_DENYING = frozenset(form for verb in ("deny", "refute", "rebut", "dispute", "contest")
                     for form in verb_forms(verb))
#: How many sentences back a denied charge is the measure just told of.
_RECENT = 3
#: The forms of suing.
_SUING = frozenset(verb_forms("sue"))
#: The rules of a body's order to a party ("ordered Acme to recall its cars"), and the verbs
#: of paying that make one a fine instead.
_ORDER_RULES = frozenset({"imposer-order-verb", "target-order-verb"})
_PAYING = frozenset(form for verb in ("pay", "repay", "refund", "forfeit")
                    for form in verb_forms(verb))
#: The dependencies of a verb's own subject: a rule whose id ends "-shared-subject" reads a
#: conjunct verb as saying the subject of the verb before it, only where it has none of these.
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def _field_chief(title: Token) -> bool:
    """Whether a "chief" or "boss" is titled by a field of the body, not by the body itself:
    "its finance chief", "Acme's autonomous-driving chief" works for Acme; a "company chief" or
    "police chief" heads it."""
    return title.lower_ in ("chief", "boss") and any(
        child.dep_ in ("compound", "amod") and child.is_lower and child.i < title.i
        and child.pos_ in ("NOUN", "ADJ", "VERB") and child.lower_ not in _CHIEF_OF_BODY
        for child in title.children)


def _finance_chancellor(title: Token) -> bool:
    """Whether a "chancellor" is a finance minister's title ("Britain's finance chancellor"),
    not a head of government's."""
    titles = lexicon().lower("finance_chancellor")
    return any(f"{child.lower_} {title.lower_}" in titles for child in title.children
               if child.dep_ in ("compound", "amod") and child.i < title.i)


def _rule_signature(predicate: str) -> tuple[frozenset[str], frozenset[str]]:
    """The types a rule may join by ``predicate``: the ontology's, as they stand while rules run.

    A policy is still a measure then, and a person may impose one: the country they lead
    takes their place when policies are resolved
    (:func:`~newsgraph.ingest.policies.resolve_policies`), or the relation is dropped.
    """
    domain, range_ = (frozenset(MEASURE if t == EntityType.POLICY else t for t in types)
                      for types in RELATIONS[predicate])
    if predicate == Predicate.IMPOSES:
        domain |= {EntityType.PERSON}
    return domain, range_


#: The types each relation joins, by predicate.
_SIGNATURE = {predicate: _rule_signature(predicate) for predicate in RELATIONS}


def load_patterns(name: str) -> list[dict[str, Any]]:
    """The lines of ``ingest/patterns/<name>.jsonl``.

    >>> rule = next(p for p in load_patterns("roles") if p.get("id") == "role-appos-of")
    >>> rule["predicate"], rule["subject"], rule["object"]
    ('@title', 'person', 'org')
    """
    return load_jsonl(f"{name}.jsonl")


#: The ends of a token-sequence rule between two names: the first named in the match, and
#: the last ("Acme's rival Globex").
_NAME_ORDER = frozenset({"first", "last"})
_SENTENCE_STOPS = frozenset({".", "!", "?"})
#: Operators under which a token of a sequence pattern is in every match.
_REQUIRED = re.compile(r"\+|\{[1-9][0-9]*(,[0-9]*)?\}")


def sequence_anchor(pattern: list[dict[str, Any]]) -> tuple[frozenset[str], frozenset[str]] | None:
    """The words (as ``LOWER`` reads them) or trigger labels (``ng_trigger``) of which every
    match of a token-sequence pattern has one: the test of its first token that is in every
    match and asks for either; None if no such token.

    >>> words, labels = sequence_anchor([{"_": {"ng_in": {"IN": ["Organisation"]}}, "OP": "+"},
    ...                                  {"LOWER": "chief", "OP": "?"},
    ...                                  {"LOWER": {"IN": ["rival", "rivals"]}}])
    >>> sorted(words), sorted(labels)
    (['rival', 'rivals'], [])
    >>> sequence_anchor([{"_": {"ng_trigger": {"IN": ["leads"]}}, "OP": "{1,3}"}])
    (frozenset(), frozenset({'leads'}))
    >>> sequence_anchor([{"LOWER": "chief", "OP": "*"}]) is None
    True
    """
    for token in pattern:
        operator = token.get("OP", "")
        if operator and not _REQUIRED.fullmatch(operator):
            continue
        word = token.get("LOWER")
        if isinstance(word, str):
            return frozenset({word}), frozenset()
        if isinstance(word, dict) and "IN" in word:
            return frozenset(word["IN"]), frozenset()
        trigger = token.get("_", {}).get("ng_trigger")
        if isinstance(trigger, dict) and "IN" in trigger:
            return frozenset(), frozenset(trigger["IN"])
    return None


@dataclass(frozen=True)
class _Rule:
    id: str
    predicate: str
    subject: str
    object: str
    nodes: tuple[str, ...]
    next_to: tuple[str, str] | None = None


class RelationExtractor:
    """Read relations and policies with matchers built from the pattern files."""

    def __init__(self, nlp: Language, pattern_files: Iterable[str] = PATTERN_FILES) -> None:
        self.triggers = FixedMatcher()
        self.measure_matcher = FixedMatcher()
        self.rules_matcher = TreeMatcher()
        self.sequences = Matcher(nlp.vocab)
        self.sequence_anchors: list[tuple[frozenset[str], frozenset[str]] | None] = []
        self.references = reference_matcher()
        self.rules: dict[str, _Rule] = {}
        self.measures: dict[str, Measure] = {}
        self.trigger_predicates: dict[str, str] = {}
        for name in pattern_files:
            for line in load_patterns(name):
                self._add(line)
        anchors = self.sequence_anchors
        # the words and triggers any sequence pattern's match must have (None: no such test)
        self.anchor_words = frozenset().union(*(a[0] for a in anchors if a is not None))
        self.anchor_labels = frozenset().union(*(a[1] for a in anchors if a is not None))
        self.unanchored = None in anchors

    def _add(self, line: dict[str, Any]) -> None:
        """Add one line of a pattern file to the matcher of its kind."""
        if "set" in line:
            message = f"word set {line['set']!r}: word sets belong in lexicon.jsonl"
            raise ValueError(message)
        if "id" in line and line["id"] in self.rules:
            message = f"rule {line['id']!r}: a rule of that id is already loaded"
            raise ValueError(message)
        if "id" in line and "sequence" in line:
            rule = _Rule(line["id"], line["predicate"], line["subject"], line["object"], ())
            self.rules[rule.id] = rule
            self.sequences.add(rule.id, [line["sequence"]])
            self.sequence_anchors.append(sequence_anchor(line["sequence"]))
        elif "id" in line and "predicate" in line:
            pattern = line["pattern"]
            next_to = line.get("next_to")
            rule = _Rule(line["id"], line["predicate"], line["subject"], line["object"],
                         tuple(node["RIGHT_ID"] for node in pattern),
                         tuple(next_to) if next_to else None)
            self.rules[rule.id] = rule
            self.rules_matcher.add(rule.id, pattern)
        elif line.get("label") == MEASURE:
            measure = Measure(line["kind"], line["id"], line.get("direct"),
                              verb=line.get("verb", False), kind_needs=line.get("kind_needs"),
                              head_otherwise=line.get("head_otherwise"),
                              party_edge=line.get("party_edge"),
                              needs_party=line.get("needs_party", False),
                              needs_object=line.get("needs_object", False))
            key = (f"{measure.kind}|{measure.head}|{measure.direct or ''}|{measure.verb}"
                   f"|{measure.kind_needs or ''}|{measure.head_otherwise or ''}"
                   f"|{measure.party_edge or ''}|{measure.needs_party}|{measure.needs_object}")
            self.measures[key] = measure
            self.measure_matcher.add(key, [line["pattern"]])
        else:
            self.triggers.add(line["label"], [line["pattern"]])
            if "predicate" in line:
                self.trigger_predicates[line["label"]] = line["predicate"]

    def __call__(self, doc: Doc) -> Doc:
        """Attach ``doc._.ng_relations`` and ``doc._.ng_relation_entities``."""
        state = self._mark(doc)
        found = list(self._match(doc, state))
        found += share_lists(doc, state, found)
        found += venture_stakes(doc, state, found)
        found += partner_lists(doc, state, found)
        found += round_investors(doc, state, found)
        found += agreements_between(doc, state, found)
        found += plural_partners(doc, state, found)
        found += orders_named_again(doc, state)
        found += _titles_alone(doc, state, found)
        found += _appointed_alone(doc, state, found)
        found += _rivals_of_focus(doc, state, found)
        found = _head_roles_first(found)
        found += judged_wrong(doc, state, found, _hedged)
        found = resolve_policies(found, state)
        found += _denied_measures(doc, state, found)
        found += _suing_the_same(doc, state)
        found += acts_opposed(doc, state, found, _hedged)
        found += suits_to_stop(doc, state, _hedged)
        found += critics_of(doc, state, _hedged) + moves_opposed(doc, state, found, _hedged)
        found = policies_not_parties(found)
        found = [f for f in found if not _based_elsewhere(f, state)]
        relations, used = _relations(found)
        # a named law is a policy of the document even with no relation read for it
        used += [Node(m.head, EntityType.POLICY, token)
                 for token, m in sorted(state.measures.items()) if m.named]
        doc._.ng_relations = relations
        doc._.ng_relation_entities = _entities(used, state, doc)
        add_policy_spans(doc, used)
        return doc

    # ---------------------------------------------------------------- marking
    def _mark(self, doc: Doc) -> DocState:
        """The nodes of ``doc``, and the trigger label of each trigger's root."""
        state = DocState()
        for span in doc.spans.get(SPANS_KEY, []):
            name = span._.ng_name or span.text
            state.mark(span, Node(name, span.label_, span.root.i))
        _mark_countries(doc, state)
        mark_references(doc, state, self.references(doc))
        mark_leader_bodies(doc, state)
        mark_hyphen_prefixes(doc, state)
        # references across sentences: a description is a node; a pronoun is read by the
        # rules within its sentence first ("Acme said it would ..."), and linked only if not
        for span in doc.spans.get(REFERENCES_KEY, []):
            node = Node(span._.ng_name, span.label_, span.root.i)
            if span.root.tag_ in ("PRP", "PRP$"):
                state.coreferent[node.token] = node
            elif node.token not in state.inside:
                state.references.add(node.token)
                state.mark(span, node)
        mark_stand_ins(doc, state)
        for label, start, end in sorted(self.triggers(doc), key=lambda m: m[2] - m[1]):
            span = doc[start:end]
            # a longer phrase outranks the shorter ones inside it, on whichever of its words
            # the parser hangs the rest ("vice - chairman" is no chairman); every word of a
            # title is the title's, so that a run of titles before a name reads as one
            # ("Acme senior vice-president Jane Doe")
            for token in span:
                if token._.ng_trigger is not None or label in _ROLES:
                    token._.ng_trigger = label
            span.root._.ng_trigger = label
        for token in state.tokens_of(doc):  # "planemaker", "drugmaker": a maker is a firm
            if token._.ng_trigger is None and token.pos_ == "NOUN" and maker_noun(token.lower_):
                token._.ng_trigger = _ORG_NOUN
            elif token._.ng_trigger == "leads" and _field_chief(token):
                token._.ng_trigger = "worksFor"
            elif token._.ng_trigger == "leads" and _finance_chancellor(token):
                token._.ng_trigger = None  # a minister, whose ministry the title leaves unsaid
        mark_event_parties(doc, state)
        mark_measures(doc, state, self.measure_matcher(doc), self.measures)
        mark_laws(doc, state)
        return state

    # ---------------------------------------------------------------- matching
    def _match(self, doc: Doc, state: DocState) -> Iterator[Found]:
        """Every relation the rules read, before policies are resolved."""
        yield from self._match_sequences(doc, state)
        yield from self._match_dependencies(doc, state)
        yield from _premodifier_nationalities(doc, state)
        yield from _countries_possessive(doc, state)
        yield from _described_nationalities(doc, state)
        yield from _counted_nationalities(doc, state)
        yield from _listed_bases(doc, state)
        yield from _organisations_from_countries(doc, state)
        yield from _state_holdings(doc, state)
        yield from _units_named_after_parents(doc, state)
        yield from possessed_companies(doc, state)
        yield from venture_founders(doc, state)
        yield from shared_ventures(doc, state)
        yield from ventures_of_deals(doc, state)
        yield from remainder_investors(doc, state)
        yield from _ministers(doc, state)
        yield from _legislators(doc, state)
        yield from _credited_to_agencies(doc, state)
        yield from measure_clauses(doc, state)

    def _match_sequences(self, doc: Doc, state: DocState) -> Iterator[Found]:
        """Token-sequence rules, for what the parser often breaks ("ACME (AC) Chairman X").

        The rule's ``subject`` and ``object`` name entity types; each trigger token in the
        match gives one relation (its label is the predicate when the rule says ``@trigger``).
        """
        for match_id, start, end in self._sequence_matches(doc, state):
            rule = self.rules[doc.vocab.strings[match_id]]
            span = doc[start:end]
            first = _name_start(doc[start])
            if any(t.text in (".", "!", "?") for t in span) \
                    or (_hedged(doc[end - 1]) and not _named_by_phrase(span)) \
                    or any(t.lower_ in _PAST_ROLES for t in doc[max(first - 1, 0):end]):
                continue  # "Former Acme Corp chairman Bob Stone"
            # the parser may split a sentence inside the match: quote both parts then
            sentence = doc[doc[start].sent.start:doc[end - 1].sent.end]
            if rule.subject in _NAME_ORDER:
                # a country named between the two says where one is ("Acme's Norwegian unit")
                named = list(dict.fromkeys(
                    node for t in span if t.i in state.inside
                    and ((node := state.nodes[state.inside[t.i]]).type != EntityType.COUNTRY
                         or t.i in (span.start, span.end - 1))))
                if len(named) == 2 and named[0].name != named[1].name:
                    subject, obj = named if rule.subject == "first" else named[::-1]
                    yield Found(subject, rule.predicate, obj, sentence, rule.id)
                continue
            ends = {}
            for token in span:  # the name nearest the role ("that Apple Chief Executive X")
                if token._.ng_in in (rule.subject, rule.object):
                    ends[token._.ng_in] = state.nodes[state.inside[token.i]]
            if len(ends) < 2:
                continue
            before = None
            for token in span:
                predicate = self._predicate(rule.predicate, {"trigger": token})
                # "Chief Executive Officer" is one title: its last word is no second role
                title_goes_on = predicate in _LESSER_ROLES and before in _HEAD_ROLES
                if token._.ng_in is None and predicate and not title_goes_on:
                    if _governs_a_bank(token, predicate, ends[rule.object]):
                        predicate = Predicate.LEADS
                    yield Found(ends[rule.subject], predicate, ends[rule.object],
                                sentence, rule.id)
                    if _plural_title(token) and ends[rule.subject].type == EntityType.PERSON:
                        # "Acme writers Jane Roe in Oslo and Tom Reed contributed"
                        for person in _people_listed_after(doc, ends[rule.subject], state):
                            yield Found(person, predicate, ends[rule.object], sentence,
                                        rule.id)
                before = predicate

    def _sequence_matches(self, doc: Doc, state: DocState) -> list[tuple[int, int, int]]:
        """The token-sequence matches a rule can read: those within a stretch between full
        stops (a match across one is never read) that holds two nodes and a token every match
        of some pattern has (its anchor). The same matches as the whole ``Doc``'s that are
        read, in the same order; spaCy's ``Matcher`` tries every pattern at every token, and
        most stretches of news have no anchor."""
        words, labels, everywhere = self.anchor_words, self.anchor_labels, self.unanchored
        matches: list[tuple[int, int, int]] = []
        start = 0
        for end in [*(t.i for t in doc if t.text in _SENTENCE_STOPS), len(doc)]:
            stretch = doc[start:end]
            if len({state.inside[t.i] for t in stretch if t.i in state.inside}) >= 2 and (
                    everywhere or any(t.lower_ in words or t._.ng_trigger in labels
                                      for t in stretch)):
                matches += [(key, first + start, last + start)
                            for key, first, last in self.sequences(stretch, as_spans=False)]
            start = end + 1
        return matches

    def _match_dependencies(self, doc: Doc, state: DocState) -> Iterator[Found]:
        """Dependency rules: a relation for each pair of entities at the rule's two ends."""
        for rule_id, token_ids in self.rules_matcher(doc):
            rule = self.rules[rule_id]
            tokens = {name: doc[i] for name, i in zip(rule.nodes, token_ids, strict=True)}
            first = doc[token_ids[0]]
            if rule.next_to and not _name_follows(*(tokens[n] for n in rule.next_to)):
                continue
            predicate = self._predicate(rule.predicate, tokens)
            proposed = predicate in (Predicate.IMPOSES, Predicate.TARGETS)
            if _hedged(first, proposed) and not (
                    predicate in _HELD_STATES and _named_by_phrase(tokens.values())):
                continue
            if predicate is None or (predicate == Predicate.SUPPLIES
                                     and _sells_assets(tokens, state)) \
                    or (predicate in _ROLES and (any(map(_past_title, tokens.values()))
                                                 or _said_past(tokens.values())
                                                 or _past_before_name(tokens.values()))):
                continue
            if predicate == Predicate.OPPOSES and _over_a_market(first):
                predicate = Predicate.COMPETES_WITH  # "a price war", "a battle for customers"
            if predicate in _DEALS and _only_bid(first):
                continue
            if rule.id in _ORDER_RULES and tokens["action"].lower_ in _PAYING:
                continue  # "ordered Acme to pay a fine": a fine, read by the sanctions rules
            if rule.id.endswith("-anywhere") and _describes_another(tokens.get("target"), state):
                continue  # "sanctions on Volkov Metals, a Russian steel maker": not on Russia
            if rule.id.endswith("-shared-subject") and any(
                    c.dep_ in _SUBJECTS for c in tokens["verb"].children):
                continue  # the conjunct's own subject is what it says, not the first verb's
            if rule.id.endswith("-shared-agent") and any(
                    c.dep_ == "agent" for c in tokens["verb"].children):
                # a passive verb is done by the agent of the verb joined to it ("was sued and
                # fined by the SEC") only where it has none of its own ("sued by Acme and ...")
                continue
            if predicate == Predicate.OPPOSES and _settled(tokens.values()):
                continue  # "X settled the lawsuit against Y"
            if predicate == Predicate.COMPETES_WITH and rule.subject.startswith("^") \
                    and "noun" in tokens and any(c.dep_ == "poss" for c in tokens["noun"].children):
                continue  # "Hooli invested in Globex, Acme's rival": Acme's rival, not Hooli's
            if rule.id.startswith("appointer") and _title_of_its_own(tokens.get("title")):
                continue  # "X named Y president of its Acme unit": the unit's title
            if predicate in _ROLES and _title_of_another(tokens, state):
                continue  # "Alphabet named X as chief executive of Google": Google's title
            if predicate == Predicate.PARTNERS_WITH and _agreed_sale(tokens.get("noun")):
                continue  # "an agreement with X to sell chips": a sale, not a partnership
            if predicate == Predicate.BASED_IN and _based_is_anothers(tokens, state):
                continue  # "Acme, whose lawyer is based in Leipzig"
            if "seat" in tokens and (nation_of(tokens["place"].text) or any(
                    c.dep_ in _PREMODIFIER_DEPS and c != tokens["place"]
                    for c in tokens["seat"].children)):
                continue  # "Acme's European (U.S.) headquarters in Paris": a region's seat
            if predicate == Predicate.INVESTS_IN and _engaged_to(first):
                continue  # "Acme hired Globex Bank to sell Initech": the bank holds nothing
            if predicate in _DEALS and any(
                    c.dep_ in ("advmod", "amod") and c.lower_ in _PAST_HOLDING
                    for c in first.children):
                continue  # "was formerly owned by X (and Y)": a past holding
            # a rule whose two ends are one node reads the parties to each other, unless
            # another party is named with its verb ("A and B compete with C")
            mutual = rule.subject == rule.object
            if mutual and (_with_another(first, state) or (
                    first.dep_ == "dobj" and _with_another(first.head, state))):
                continue  # "A and B signed a deal with C": not with each other
            if mutual and _apart(first):
                continue  # "A and B each launched a phone": not together
            if predicate == Predicate.PARTNERS_WITH and _coordinated(tokens, rule) \
                    and _apart(tokens.get("verb", first)):
                continue  # "A and B each signed a deal": a deal each, not with each other
            if predicate == Predicate.PARTNERS_WITH and _coordinated(tokens, rule) \
                    and _merger_with_another(tokens, state):
                continue  # "A and B announced a merger with C": each merges with C
            # a name read only where it follows its title is read alone, not with its
            # conjuncts ("A Ford spokesman, Tom Jones and Ann Lee attended")
            alone = set(rule.next_to or ()) | _described_alone(rule, tokens)
            subjects = _ends(rule.subject, tokens, state, mutual, alone=rule.subject in alone)
            objects = _ends(rule.object, tokens, state, mutual, alone=rule.object in alone)
            sentence = first.sent
            if rule.object == ARTICLE:
                yield from share_moves(subjects, predicate, tokens, state, sentence, rule.id)
                continue
            for read in (predicate, *self._conjoined_titles(rule.predicate, tokens, predicate)):
                for subject, obj in _pairs(doc, read, subjects, objects):
                    if rule.id in _STATE_ACTS and not _of_state(subject):
                        continue  # "Apple blocked Meta from tracking users": no state's act
                    if rule.id in _GOVERNMENT_ACTS and (subject.type != EntityType.COUNTRY
                                                        or _only_attempted(first)):
                        continue  # "the FTC blocked Acme's acquisition": its ruling
                    if rule.id in _BODY_ACTS and not (_of_state(subject)
                                                      or sets_policy(subject.name)):
                        continue  # "Acme's penalty on a late supplier": no fine
                    if read == Predicate.INVESTS_IN and _public(subject.name) \
                            and _pronoun(tokens.get(rule.subject)):
                        continue  # "the FCC approved its acquisition of X": the buyer's "its"
                    if read == Predicate.LEADS and obj.type == EntityType.COUNTRY \
                            and "title" in tokens and not _leads_a_state(tokens["title"]):
                        continue  # "French chief executive Jean Dupont" leads no country
                    if _governs_a_bank(tokens.get("title"), read, obj):
                        read = Predicate.LEADS
                    yield Found(subject, read, obj, sentence, rule.id)

    def _conjoined_titles(self, spec: str, tokens: dict[str, Token],
                          predicate: str) -> list[str]:
        """The other roles a title's conjuncts give ("named chairman and chief executive of
        Acme": chairs, and leads), for a rule that reads its predicate from a title."""
        if not spec.startswith("@") or predicate not in _ROLES:
            return []
        node = spec[1:]
        found = []
        for conjunct in tokens[node].conjuncts:
            if any(c.dep_ in ("compound", "poss", "nmod", "amod") and c._.ng_type
                   for c in conjunct.children):
                continue  # "Acme chairman and Globex chief executive": Globex's title
            if spec == "@title" and _title_of_its_own(conjunct) \
                    and not _title_of_its_own(tokens[node]):
                continue  # "named X vice chairman and head of a new unit": the unit's head
            read = self._predicate(spec, {node: conjunct})
            if read in _ROLES and read != predicate and read not in found \
                    and not _past_title(conjunct):
                found.append(read)
        return found

    def _predicate(self, spec: str, tokens: dict[str, Token]) -> str | None:
        """The predicate a rule reads: its own, or the trigger label of a node (``"@node"``)."""
        if not spec.startswith("@"):
            return spec
        label = tokens[spec[1:]]._.ng_trigger
        return self.trigger_predicates.get(label, label) if label else None


@Language.factory(
    "ng_relations",
    default_config={"pattern_files": list(PATTERN_FILES)},
    requires=["doc.spans", "span._.ng_name", "token.dep", "token.tag"],
    assigns=["doc._.ng_relations", "doc._.ng_relation_entities", "doc.spans",
             "token._.ng_type",
             "token._.ng_in", "token._.ng_trigger"],
)
def make_relation_extractor(
    nlp: Language, name: str, pattern_files: list[str]
) -> RelationExtractor:
    """Build the ``ng_relations`` component from the named pattern files."""
    return RelationExtractor(nlp, pattern_files)


# -------------------------------------------------------------------- helpers


def _mark_countries(doc: Doc, state: DocState) -> None:
    """Places and nationality words the entity layer left that stand for a country; a
    dateline's place is none."""
    datelines = dateline_tokens(doc)
    ents = doc.ents
    starts = {ent.start: ent for ent in ents}
    for ent in ents:
        if ent.label_ in _PLACE_LABELS and ent.root.i not in state.nodes \
                and ent.start not in datelines:
            text = POSSESSIVE.sub("", ent.text).strip()
            country = country_of(text) or (
                place_country(text) if _names_a_base(ent.root, state) else None)
            if not country:
                continue
            region = _region_after(ent, starts)
            if region not in (None, country):
                continue  # "Surrey, England", "Paris, Texas": the region after it says
            state.mark(ent, Node(country, EntityType.COUNTRY, ent.root.i))
    for token in state.tokens_of(doc):
        if token.i not in state.nodes and token.tag_ in ("JJ", "NNP", "NNPS") \
                and token.text[:1].isupper():
            country = demonym_of(token.text)
            if country:
                state.mark(doc[token.i:token.i + 1], Node(country, EntityType.COUNTRY, token.i))


def _region_after(ent: Span, starts: dict[int, Span]) -> str | None:
    """The country of the state or country a place's name is followed by ("Vancouver,
    Washington": the United States), if any; ``starts``: the document's names by their
    first token."""
    doc = ent.doc
    if ent.end + 1 >= len(doc) or doc[ent.end].text != ",":
        return None
    after = starts.get(ent.end + 1)
    return country_of(POSSESSIVE.sub("", after.text).strip()) if after is not None else None


#: Words whose place is where an organisation is ("Seattle-based", "headquartered in Lyon",
#: "its Cleveland headquarters").
_BASE_WORDS = frozenset({"based", "headquartered", "registered", "domiciled", "incorporated",
                         "located", "headquarters"})
_PLACE_MODIFIER_DEPS = frozenset({"compound", "nmod", "amod", "npadvmod"})


def _names_a_base(place: Token, state: DocState) -> bool:
    """Whether a town's name says where an organisation is, so that it stands for its country
    (the annotation guidelines resolve a base to its country), though a town stands for no
    government: "Seattle-based", "based in Cupertino", "Continental AG of Hanover", "a San
    Francisco startup" beside an organisation's name."""
    head = place.head
    if place.dep_ == "appos" and head.i in state.nodes:  # "Cupertino, California"
        return True
    if head.lower_ in _BASE_WORDS:
        return place.dep_ in _PLACE_MODIFIER_DEPS
    if head.lower_ == "in" and place.dep_ == "pobj":
        # "headquartered in Lyon", "has its headquarters in Lyon", "its headquarters are in Lyon"
        return head.head.lower_ in _BASE_WORDS or (head.head.lemma_ == "be" and any(
            c.dep_ == "nsubj" and c.lower_ in _BASE_WORDS for c in head.head.children))
    if head.lower_ == "of" and place.dep_ == "pobj":
        org = state.nodes.get(state.inside.get(head.head.i, -1))
        return org is not None and org.type == EntityType.ORGANISATION
    if place.dep_ in _PLACE_MODIFIER_DEPS and head.pos_ == "NOUN":
        # a noun describing an organisation: in apposition to its name, or before it
        described = head.head if head.dep_ in ("appos", "compound") else None
        node = state.nodes.get(state.inside.get(described.i, -1)) if described else None
        return node is not None and node.type == EntityType.ORGANISATION
    return False


#: How a word before a name modifies it, or modifies a word that does ("French network gear
#: rival Alcatel-Lucent").
_PREMODIFIER_DEPS = frozenset({"amod", "compound", "npadvmod", "nmod"})


def _premodifier_nationalities(doc: Doc, state: DocState) -> Iterator[Found]:
    """An organisation is based in the country a nationality word among the words before its
    name says, however deep it lies in them ("French network gear rival Alcatel-Lucent",
    "U.K.-based cyber security consultancy Encription"); a word that only describes a
    market ("U.S.-listed") says nothing of where it is. Only names are read (a description
    standing for a name may be linked wrongly), not a public body's (its nationality says
    whose it is), and not a nationality the name itself holds
    ("American Hoechst").
    """
    for span in doc.spans.get(SPANS_KEY, []):
        node = state.nodes.get(span.root.i)
        if node is None or node.type != EntityType.ORGANISATION or _public(node.name):
            continue
        written = node.name.lower()
        for token in doc[span.root.i].lefts:
            for candidate in token.subtree:
                place = state.nodes.get(candidate.i)
                if place is not None and place.type == EntityType.COUNTRY \
                        and candidate.lower_ not in written \
                        and _premodifies(candidate, span.root.i, state):
                    yield Found(node, Predicate.BASED_IN, place, span.root.sent,
                                "nationality-premodifier")


#: Nouns of what a company is ("group", "lender"), the last word of a description before a name.
_DESCRIBING_NOUNS = _WORDS.lower("org_description")
#: With their plurals, which describe each name listed after them ("French companies A and B").
_DESCRIBING_FORMS = frozenset(f for n in _DESCRIBING_NOUNS for f in noun_forms(n)) \
    | _DESCRIBING_NOUNS


def _described_nationalities(doc: Doc, state: DocState) -> Iterator[Found]:
    """An organisation is based in the country whose word begins the description written just
    before its name ("Goldman Sachs, South African telecoms group MTN and ..."): a country
    or nationality, then up to three lower-case words ending with a noun of what a company is,
    then the name. Read from the words as written, where a list misleads the parser; only
    names (not a public body's, nor one holding the country's word).
    """
    tokens = state.tokens_of(doc)
    for span in doc.spans.get(SPANS_KEY, []):
        node = state.nodes.get(span.root.i)
        if node is None or node.type != EntityType.ORGANISATION or _public(node.name):
            continue
        i = span.start - 1
        if i < 1 or not (tokens[i].lower_ in _DESCRIBING_FORMS
                         or maker_noun(tokens[i].lower_)):
            continue
        first, words = i, 0
        while words < 3 and first > 1 and (
                (tokens[first - 1].is_lower and tokens[first - 1].is_alpha)
                or _joining_hyphen(tokens, first - 1)):
            first -= 1
            words += tokens[first].is_alpha
        place = state.nodes.get(state.inside.get(first - 1, -1))
        if place is None or place.type != EntityType.COUNTRY \
                or tokens[first - 1].lower_ in node.name.lower():
            continue
        # a plural noun describes each name listed after it ("Japanese carmakers A and B")
        named = _organisations_listed_after(span.end, state) if tokens[i].tag_ == "NNS" else []
        for org in [node, *named]:
            yield Found(org, Predicate.BASED_IN, place, span.root.sent, "nationality-description")


#: How many a counted description names ("the two companies", "both firms").
_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "both": 2}


def _counted_nationalities(doc: Doc, state: DocState) -> Iterator[Found]:
    """The organisations a counted plural description with a country word names again ("A
    and B will sell their stake, spokesmen for the two Japanese companies said") are each
    based in that country: as many organisations as it counts, named before it in its
    sentence and no other; no public body."""
    for noun in state.tokens_of(doc):
        if noun.tag_ != "NNS" or not (noun._.ng_trigger == _ORG_NOUN or maker_noun(noun.lower_)):
            continue
        counts = [_COUNTS.get(c.lower_) for c in noun.children
                  if c.dep_ in ("nummod", "det", "predet")]
        count = next((n for n in counts if n is not None), None)
        places = [node for c in noun.children if c.dep_ in ("amod", "compound", "nmod")
                  and (node := state.nodes.get(state.inside.get(c.i, -1))) is not None
                  and node.type == EntityType.COUNTRY]
        if count is None or len(places) != 1:
            continue
        sentence = noun.sent
        named = {span.root.i: node for span in doc.spans.get(SPANS_KEY, [])
                 if sentence.start <= span.root.i < noun.i
                 and (node := state.nodes.get(span.root.i)) is not None
                 and node.type == EntityType.ORGANISATION}
        # the names coordinated as many as it counts ("A and B ... a stake in C"), else all
        groups = [[named[t.i], *(named[c.i] for c in conjuncts(t) if c.i in named)]
                  for t in (doc[i] for i in named)
                  if t.dep_ not in ("conj", "appos") and t.head.i not in named]
        counted = [g for g in groups if len({n.name for n in g}) == count]
        orgs = counted[0] if len(counted) == 1 else list(named.values())
        if len({n.name for n in orgs}) != count or any(_public(n.name) for n in orgs):
            continue
        for org in orgs:
            yield Found(org, Predicate.BASED_IN, places[0], sentence,
                        "counted-nationality-description")


def _joining_hyphen(tokens: Sequence[Token], i: int) -> bool:
    """Whether token ``i`` is a hyphen within a lower-case compound ("ride-hail")."""
    return tokens[i].text == "-" and not tokens[i].whitespace_ and i + 1 < len(tokens) \
        and tokens[i + 1].is_lower and not tokens[i - 1].whitespace_ and tokens[i - 1].is_lower


#: Words after "X from <country>" that make it a route or a source, not where X is.
_ROUTE_WORDS = frozenset({"to", "into", "toward", "towards", "through", "via"})


def _organisations_from_countries(doc: Doc, state: DocState) -> Iterator[Found]:
    """An organisation's name followed by "from" and a country's name is based there
    ("private equity firms Acme Partners from the United States and Globex Capital from
    China"), read from the words as written, where the parser hangs the second phrase on the
    first name. A town is no country here ("Jane Roe from Leeds" reports from it), nor is a
    route ("shipments by Acme from China to Mexico") or a country's own body ("a letter to
    Acme from China's ministry").
    """
    tokens = state.tokens_of(doc)
    for span in doc.spans.get(SPANS_KEY, []):
        node = state.nodes.get(span.root.i)
        if node is None or node.type != EntityType.ORGANISATION or _public(node.name) \
                or span.end + 1 >= len(tokens) or tokens[span.end].lower_ != "from":
            continue
        start = span.end + 1 + (tokens[span.end + 1].lower_ == "the")
        root = state.inside.get(start)
        place = state.nodes.get(root) if root is not None else None
        if place is None or place.type != EntityType.COUNTRY:
            continue
        end = start
        while end < len(tokens) and state.inside.get(end) == root:
            end += 1
        after = tokens[end] if end < len(tokens) else None
        if nation_of(doc[start:end].text) is None or (after is not None and (
                after.tag_ == "POS" or after.lower_ in _ROUTE_WORDS)):
            continue
        yield Found(node, Predicate.BASED_IN, place, span.root.sent, "organisation-from-country")


def _organisations_listed_after(end: int, state: DocState) -> list[Node]:
    """The organisations named in the list that goes on at token ``end`` after a name ("A, B
    and C"), read from the words as written; none if a name of it is not an organisation's."""
    tokens = state.tokens
    listed: list[Node] = []
    i = end
    while True:
        start = i
        while i < len(tokens) and (tokens[i].is_space or tokens[i].lower_ in _LIST_SEPARATORS):
            i += 1
        root = state.inside.get(i) if i > start else None
        node = state.nodes.get(root) if root is not None else None
        if node is None:
            return listed
        if node.type != EntityType.ORGANISATION or _public(node.name):
            return []
        listed.append(node)
        while i < len(tokens) and state.inside.get(i) == root:
            i += 1


def _listed_bases(doc: Doc, state: DocState) -> Iterator[Found]:
    """Organisations listed together are based where a plural description of them says
    ("A, B and C, three Japanese trading firms"; "A and B, both of the U.S."; "Its Thai
    partners are A and B"): each of them, not only the one the parser hangs it on."""
    for token in state.tokens_of(doc):
        if token.dep_ == "appos" and (token.tag_ in ("NNS", "NNPS")
                                      or token.lower_ in _BOTH_WORDS):
            listed = _organisations_listed_before(token.left_edge.i, state) \
                or _conjoined_organisations(token.head, state)
        elif token.dep_ == "nsubj" and token.head.lower_ in _BE and token.tag_ in ("NNS", "NNPS"):
            listed = [org for attr in token.head.rights if attr.dep_ == "attr"
                      for org in _conjoined_organisations(attr, state)]
        else:
            continue
        if len(listed) < 2:
            continue
        places = [state.nodes[t.i] for t in token.children
                  if t.dep_ in ("amod", "compound", "nmod") and t.i in state.nodes
                  and state.nodes[t.i].type == EntityType.COUNTRY]
        places += [state.nodes[t.i] for of in token.children if of.lower_ == "of"
                   for t in of.children if t.dep_ == "pobj" and t.i in state.nodes
                   and state.nodes[t.i].type == EntityType.COUNTRY]
        # "both of France and Japan": which is whose the text does not say
        if len(places) == 1 and not any(
                t.dep_ == "conj" for t in token.doc[places[0].token].children):
            for org in listed:
                yield Found(org, Predicate.BASED_IN, places[0], token.sent, "listed-nationality")


_BE = frozenset(verb_forms("be"))
#: Words that, in apposition to organisations listed, speak of each ("A and B, both of Japan").
_BOTH_WORDS = frozenset({"both", "all", "each"})


#: What separates the names of a list as written ("A, B, and C"), and what is no word of it
#: (the blanked markup around a name).
_LIST_SEPARATORS = frozenset({",", "and", "&"})


def _organisations_listed_before(end: int, state: DocState) -> list[Node]:
    """The organisations named in the list written just before token ``end`` and its comma
    ("<A and Co>, <B Corp> and <C Corp>, three Japanese firms"), read from the words as
    written, where names holding "and" mislead the parser: two or more of them, or none if
    fewer, or if a name of the list is a person's, a place's or a public body's.
    """
    tokens = state.tokens
    i = end - 1
    while i >= 0 and tokens[i].is_space:
        i -= 1
    if i < 0 or tokens[i].text != ",":
        return []
    i -= 1
    listed: list[Node] = []
    while i >= 0:
        while i >= 0 and tokens[i].is_space:
            i -= 1
        root = state.inside.get(i)
        node = state.nodes.get(root) if root is not None else None
        if node is None:
            break
        if node.type != EntityType.ORGANISATION or _public(node.name):
            return []  # a list of more than organisations: whose description it is is unclear
        listed.append(node)
        while i >= 0 and state.inside.get(i) == root:
            i -= 1
        before = i
        while i >= 0 and (tokens[i].is_space or tokens[i].lower_ in _LIST_SEPARATORS):
            i -= 1
        if i == before:  # no separator: the list begins with this name
            break
    return listed[::-1] if len(listed) >= 2 else []


def _engaged_to(token: Token) -> bool:
    """Whether ``token`` is in what an agent is engaged to do for another ("hired Globex Bank
    to sell Initech", "retained Acme to sell its stake"): the agent acts for the one engaging
    it. A verb conjoined to the clause is the clause's own doing ("... and bought Initech")."""
    while token.dep_ not in ("conj", "ROOT"):
        if token.dep_ == "xcomp" and token.head.lower_ in _ENGAGING \
                and any(c.dep_ == "dobj" for c in token.head.children):
            return True
        token = token.head
    return False


def _conjoined_organisations(token: Token, state: DocState) -> list[Node]:
    """The organisations named in the list ``token`` is a conjunct of, in order, if all of
    the list's conjuncts are organisations' names (none of them a public body)."""
    listed = sorted([token, *token.conjuncts], key=lambda t: t.i)
    nodes = [state.nodes.get(state.inside.get(t.i, -1)) for t in listed]
    if any(node is None or node.type != EntityType.ORGANISATION or _public(node.name)
           for node in nodes):
        return []
    return [node for node in nodes if node is not None]


def _state_holdings(doc: Doc, state: DocState) -> Iterator[Found]:
    """A state-owned (-run, -controlled, -backed) organisation is held by its country: the one a
    nationality word among the words before its name says, else the one its name holds
    ("Chinese state-controlled shipper Globex", "the state-owned Agricultural Bank of Kenya").
    The words before the name are those of the noun it is the name of, too ("the Chinese
    state-backed Globex Times newspaper").
    """
    for span in doc.spans.get(SPANS_KEY, []):
        node = state.nodes.get(span.root.i)
        if node is None or node.type != EntityType.ORGANISATION or _public(node.name):
            continue
        root = doc[span.root.i]
        heads = [root, root.head] if root.dep_ == "compound" and root.head.pos_ == "NOUN" \
            else [root]
        before = [t for head in heads for left in head.lefts for t in left.subtree
                  if t.i < span.start]
        if not any(t.lower_ in _STATE_WORDS and t.head._.ng_trigger == "owned" for t in before):
            continue
        places = [state.nodes[t.i] for t in before if t.i in state.nodes
                  and state.nodes[t.i].type == EntityType.COUNTRY]
        places += [Node(country, EntityType.COUNTRY, t.i) for t in span
                   if t.pos_ == "PROPN" and (country := nation_of(t.text))]
        if places:
            yield Found(places[0], Predicate.INVESTS_IN, node, root.sent, "state-owned-premodifier")


def _units_named_after_parents(doc: Doc, state: DocState) -> Iterator[Found]:
    """A name the text introduces as a unit of a company ("patent unit Globex Technologies")
    is held by the one company of its sentence whose name begins it, written as the
    sentence writes it: "Globex's shares fell after the firm said the deal would lift patent
    unit Globex Technologies' sales" (Globex holds Globex Technologies)."""
    spans = [s for s in doc.spans.get(SPANS_KEY, []) if s.label_ == EntityType.ORGANISATION]
    for unit in spans:
        node = state.nodes.get(unit.root.i)
        if node is None or not introduced_as_unit(unit):
            continue
        sentence = unit.root.sent
        parents = {parent.name: parent for other in spans
                   if sentence.start <= other.start < sentence.end
                   and (other.end <= unit.start or other.start >= unit.end)
                   and begins_name(other.text, unit.text)
                   and (parent := state.nodes.get(other.root.i)) is not None
                   and parent.name != node.name}
        if len(parents) == 1:
            yield Found(next(iter(parents.values())), Predicate.INVESTS_IN, node, sentence,
                        "unit-named-after-parent")


def _credited_to_agencies(doc: Doc, state: DocState) -> Iterator[Found]:
    """A person a byline or a photograph's credit names with an agency ("By Jane Doe |
    Acme News", "(Photo: Jane Doe, Acme News)") works for the agency."""
    for name, agency in agency_credits(doc):
        person = state.nodes.get(state.inside.get(name, -1))
        org = state.nodes.get(state.inside.get(agency, -1))
        if person is not None and org is not None and person.type == EntityType.PERSON \
                and org.type == EntityType.ORGANISATION:
            sentence = doc[doc[name].sent.start:doc[agency].sent.end]
            yield Found(person, Predicate.WORKS_FOR, org, sentence, "agency-credit")


#: Title words of a ministry's head, words naming a ministry, and words making a title a deputy's.
_MINISTER_TITLES = _WORDS.lower("minister_title")
_MINISTRY_WORDS = _WORDS.lower("ministry_word")
_JUNIOR_TITLES = _WORDS.lower("junior_title")
#: Words of a ministry's name or title that say nothing of its field.
_FIELDLESS = frozenset({"of", "and", "for", "the", "&", "-", "'s"})


def _ministers(doc: Doc, state: DocState) -> Iterator[Found]:
    """A minister or secretary titled by a field ("Commerce Secretary Jane Doe", "Norway's
    foreign minister Jan Roe", "Secretary of State Tom Lee") leads the ministry or department
    of that field the document names ("the Commerce Department", "the Foreign Ministry"), the
    one whose other words each begin as a word of the field does ("Postal Minister" and "the
    Post and Telecommunications Ministry"); a deputy's title ("Deputy Defense Secretary")
    works for it. A past title holds nothing, and nor does a field two ministries share.
    """
    ministries: dict[str, Node] = {}
    countries: dict[str, str | None] = {}  # a ministry -> the country its name or text gives
    for span in doc.spans.get(SPANS_KEY, []):
        node = state.nodes.get(span.root.i)
        if node is not None and node.type == EntityType.ORGANISATION:
            words = [w for w in node.name.lower().split() if w not in _FIELDLESS]
            if any(w in _MINISTRY_WORDS for w in words):
                ministries.setdefault(node.name, node)
                country = _country_before(doc[max(span.start - 2, 0):span.end])
                countries[node.name] = countries.get(node.name) or country
    if not ministries:
        return
    for span in doc.spans.get(SPANS_KEY, []):
        person = state.nodes.get(span.root.i)
        if person is None or person.type != EntityType.PERSON:
            continue
        sentence = span.root.sent
        title = _field_title(doc[sentence.start:span.start])
        if title is None:
            continue
        field, junior, country = title
        held = [node for name, node in ministries.items()
                if all(any(w[:4] == f[:4] for w in name.lower().split()) for f in field)
                and countries[name] in (None, country)
                and (country is None or countries[name] is not None or len(ministries) == 1)]
        if len(held) == 1:
            predicate = Predicate.WORKS_FOR if junior else Predicate.LEADS
            yield Found(person, predicate, held[0], sentence, "minister-of-field")


#: Titles of a legislator written before the name, with the names of the chamber they sit in.
_CHAMBERS = (
    (_WORDS.lower("senate_member_title"), _WORDS.lower("senate_name")),
    (_WORDS.lower("house_member_title"), _WORDS.lower("house_name")),
)
_LOWER_LEGISLATURES = _WORDS.lower("lower_legislature")
_LIST_DEPS = frozenset({"conj", "appos"})


def _legislators(doc: Doc, state: DocState) -> Iterator[Found]:
    """A person given a legislator's title before the name ("Senator Jane Doe", "Rep. John
    Roe", "Republican Representative Ann Lee") is a member of the chamber of that title the
    document names, if it names one ("the Senate", "the U.S. House of Representatives"); a
    title in the plural is each listed person's ("Senators A of Utah, B of Ohio and C"). A past
    title, and a state's chamber ("state Senator X"), give nothing.
    """
    chambers: list[dict[str, Node]] = [{} for _ in _CHAMBERS]
    for span in doc.spans.get(SPANS_KEY, []):
        node = state.nodes.get(span.root.i)
        if node is None or node.type != EntityType.ORGANISATION:
            continue
        written = node.name.split()
        # "U.S. Senate", "United States Senate": the country's own chamber
        lead = next((k for k in (3, 2, 1) if len(written) > k
                     and nation_of(" ".join(written[:k]))), 0)
        words = [w.lower() for w in written[lead:]]
        for (_, names), found in zip(_CHAMBERS, chambers, strict=True):
            if " ".join(words) in names:
                found.setdefault(node.name, node)
    if not any(chambers):
        return
    for span in doc.spans.get(SPANS_KEY, []):
        first = state.nodes.get(span.root.i)
        if first is None or first.type != EntityType.PERSON or span.start == 0:
            continue
        title = doc[span.start - 1]
        before = doc[span.start - 2].lower_ if span.start > 1 else ""
        if before in _PAST_ROLES or before in _LOWER_LEGISLATURES:
            continue
        for (titles, _), found in zip(_CHAMBERS, chambers, strict=True):
            if title.lower_ not in titles or len(found) != 1:
                continue
            chamber = next(iter(found.values()))
            people = [first]
            if title.tag_ in ("NNS", "NNPS") or title.lower_.endswith("s."):
                people += [node for t in span.root.subtree if t.dep_ in _LIST_DEPS
                           and (node := state.nodes.get(t.i)) is not None
                           and node.type == EntityType.PERSON]
            for person in people:
                yield Found(person, Predicate.MEMBER_OF, chamber, span.root.sent,
                            "legislator-of-chamber")


def _country_before(tokens: Iterable[Token]) -> str | None:
    """The country a name or nationality word among ``tokens`` names ("U.S.", "Chinese",
    "Germany's"), or None."""
    return next((found for token in tokens if (found := nation_of(token.text))), None)


def _field_title(before: Span) -> tuple[list[str], bool, str | None] | None:
    """The field of the minister's title that ends ``before`` ("Commerce Secretary",
    "Secretary of State", "foreign minister"), whether it is a deputy's, and the country the
    words before it name ("Norway's foreign minister"); ``None`` where the words before the
    name end in no such title, a past one, a head of government's ("Prime Minister"), or one
    qualified by a place that is no country ("Ohio Secretary of State")."""
    words = [t for t in before if not t.is_space]
    if not words:
        return None
    if words[-1].lower_ in _MINISTER_TITLES:  # "Commerce Secretary X"
        lead = len(words) - 1
        field: list[Token] = []
        while lead > 0 and words[lead - 1].pos_ in ("PROPN", "NOUN", "ADJ", "CCONJ") \
                and not words[lead - 1]._.ng_type and words[lead - 1].lower_ not in _JUNIOR_TITLES:
            lead -= 1
            field.insert(0, words[lead])
    else:  # "Secretary of State X": the title and "of" before the field
        of = next((i for i in range(len(words) - 2, 0, -1)
                   if words[i].lower_ == "of" and words[i - 1].lower_ in _MINISTER_TITLES), None)
        if of is None or any(not (t.pos_ in ("PROPN", "NOUN", "CCONJ") or t.lower_ in _FIELDLESS)
                             for t in words[of + 1:]):
            return None
        lead = of - 1
        field = words[of + 1:]
    fields = [t.lower_ for t in field if t.lower_ not in _FIELDLESS]
    modifiers = {t.lower_ for t in words[max(lead - 3, 0):lead]}
    if not fields or modifiers & _PAST_ROLES or "prime" in fields:
        return None
    start = lead  # the names and nationality words right before the title ("Norway's")
    while start > 0 and lead - start < 3 and (words[start - 1].pos_ in ("PROPN", "ADJ")
                                              or words[start - 1].tag_ == "POS"):
        start -= 1
    qualifiers = [t for t in words[start:lead] if t.lower_ not in _JUNIOR_TITLES]
    country = _country_before(qualifiers)
    if country is None and any(t.pos_ == "PROPN" for t in qualifiers):
        return None  # "Ohio Secretary of State": a state's office, not a ministry's
    return fields, bool(modifiers & _JUNIOR_TITLES), country


def _premodifies(token: Token, root: int, state: DocState) -> bool:
    """Whether ``token`` reaches ``root`` through words that each modify the next, none of
    them a name of another thing nor a verb other than "based"."""
    while token.head.i != root:
        if token.dep_ not in _PREMODIFIER_DEPS or token.head.i == token.i:
            return False
        token = token.head
        if state.inside.get(token.i, root) != root or not (
                token.pos_ in ("NOUN", "PROPN", "ADJ") or token._.ng_trigger == "based"):
            return False
    return token.dep_ in _PREMODIFIER_DEPS


#: The titles that name a role of the organisation at hand when given alone, by predicate.
_TITLES_ALONE = {
    predicate: frozenset(tuple(t.split()) for t in _WORDS.lower(f"title_alone_{predicate}"))
    for predicate in (Predicate.LEADS, Predicate.CHAIRS, Predicate.WORKS_FOR, Predicate.MEMBER_OF)
}
_ROLES = frozenset({Predicate.LEADS, Predicate.CHAIRS, Predicate.WORKS_FOR, Predicate.MEMBER_OF})
#: Roles that head an organisation, and those a title naming one also ends with.
_HEAD_ROLES = frozenset({Predicate.LEADS, Predicate.CHAIRS})
_LESSER_ROLES = frozenset({Predicate.WORKS_FOR, Predicate.MEMBER_OF})


def _head_roles_first(found: list[Found]) -> list[Found]:
    """Without the ``worksFor`` a sentence also reads as heading the same organisation: the
    head's title says more ("Chief Executive Jane Doe of Acme" leads Acme; "of Acme" alone
    would say she works for it)."""
    heads = {(f.subject.name, f.object.name, f.sentence.start)
             for f in found if f.predicate in _HEAD_ROLES}
    return [f for f in found if f.predicate != Predicate.WORKS_FOR
            or (f.subject.name, f.object.name, f.sentence.start) not in heads]


def _titles_alone(doc: Doc, state: DocState, found: list[Found]) -> list[Found]:
    """A person given a company title with no organisation ("Chief Executive Jane Doe said",
    "chairman Hou Weigui said") holds it at the one organisation named in the sentence, else
    at the organisation in focus (``doc._.ng_focus``), if that is no public body; a role the
    rules read for the person in the sentence, or two organisations named in it, leave it
    alone.
    """
    read = [f for f in found if f.predicate in _ROLES]
    roles = {(f.subject.name, f.sentence.start) for f in read}
    held = {(f.subject.name, f.object.name) for f in read}
    focus = doc._.ng_focus or {}
    organisations: dict[int, list[Node]] = {}  # by the first token of their sentence
    for span in doc.spans.get(SPANS_KEY, []):
        node = state.nodes.get(span.root.i)
        if node is not None and node.type == EntityType.ORGANISATION:
            organisations.setdefault(span.root.sent.start, []).append(node)
    added: list[Found] = []
    for span in doc.spans.get(SPANS_KEY, []):
        person = state.nodes.get(span.root.i)
        sentence = span.root.sent
        if person is None or person.type != EntityType.PERSON \
                or (person.name, sentence.start) in roles:
            continue
        predicate = _title_before(doc, span.start, sentence.start)
        if predicate is None and span.root.dep_ == "conj":
            # "board members Jane Doe and John Roe": a title in the plural is both people's
            lead = next((s for s in doc.spans[SPANS_KEY] if s.root.i == span.root.head.i
                         and s.label_ == EntityType.PERSON), None)
            if lead is not None and lead.start > sentence.start \
                    and doc[lead.start - 1].tag_ == "NNS":
                predicate = _title_before(doc, lead.start, sentence.start)
        if predicate is None:
            continue
        named = organisations.get(sentence.start, [])
        names = {node.name for node in named}
        if len(names) == 1:
            org = named[0]
        elif not names and sentence.start in focus \
                and focus[sentence.start][1] == EntityType.ORGANISATION:
            name, label = focus[sentence.start]
            org = Node(name, label, sentence.start)
        else:
            continue
        if _public(org.name) or (person.name, org.name) in held:
            continue  # a company's title: a ministry's head is no chief executive
        added.append(Found(person, predicate, org, sentence, "title-alone"))
    return added


def _appointed_alone(doc: Doc, state: DocState, found: list[Found]) -> list[Found]:
    """A person named to a title that says no organisation of its own ("it named Jane Doe
    vice chairman", "Jane Doe was named president and chief executive") holds it at the
    appointer, else at the organisation whose clause the appointment is said or joined in
    ("Acme said John Roe has been appointed chief financial officer"), else at the one
    organisation named in the sentence or the one in focus, if that is no public body. A
    title with its own "of" or possessive is the rules'; a head's title outranks the lesser
    ones said with it."""
    read = {(f.subject.name, f.sentence.start) for f in found if f.predicate in _ROLES}
    held = {(f.subject.name, f.object.name) for f in found if f.predicate in _ROLES}
    added: list[Found] = []
    for verb in doc:
        if verb._.ng_trigger != "appoint" or verb.pos_ != "VERB" or _hedged(verb) \
                or _hypothetical(verb):
            continue
        appointed = _appointee_and_titles(verb, state)
        if appointed is None:
            continue
        person, titles = appointed
        predicates = {t._.ng_trigger for t in titles}
        if predicates & _HEAD_ROLES:
            predicates -= _LESSER_ROLES
        sentence = verb.sent
        org = _appointer(verb, state)
        if org is None:
            if (person.name, sentence.start) in read or verb.dep_ == "relcl":
                continue  # "Jane Doe, who was appointed chief executive in 2001, had left"
            org = _organisation_alone(doc, state, sentence)
        if org is None or org.name == person.name or (person.name, org.name) in held:
            continue
        added += [Found(person, predicate, org, sentence, "appointed-title-alone")
                  for predicate in sorted(predicates)]
    return added


#: How an appointment's title hangs on its verb ("named X president", "was named president").
_APPOINTED_TITLE_DEPS = frozenset({"oprd", "dobj", "attr", "xcomp"})


def _appointee_and_titles(verb: Token, state: DocState) -> tuple[Node, list[Token]] | None:
    """The person an appointment verb names and the titles it gives, with their conjuncts
    ("president and chief executive officer"), or None where a title names whose it is."""
    person: Node | None = None
    titles: list[Token] = []
    for child in verb.children:
        node = state.nodes.get(child.i)
        if node is not None and node.type == EntityType.PERSON \
                and child.dep_ in ("dobj", "nsubjpass"):
            person = node
        elif child.dep_ in _APPOINTED_TITLE_DEPS and child._.ng_trigger in _ROLES:
            titles.append(child)
            # "named Jane Doe president": the parser may hang the name on the title
            named = next((node for c in child.children if c.dep_ == "compound"
                          and (node := state.nodes.get(state.inside.get(c.i, -1))) is not None
                          and node.type == EntityType.PERSON), None)
            person = person or named
    if person is None or not titles:
        return None
    titles += [c for t in titles for c in conjuncts(t) if c._.ng_trigger in _ROLES]
    if any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in ("of", "at", "for"))
           for t in titles for c in t.children):
        return None
    return person, titles


def _appointer(verb: Token, state: DocState) -> Node | None:
    """The organisation that appoints: the verb's subject, else the subject of the clause the
    appointment is said or joined in ("Acme said X was named", "it named A ..., while B has
    been named")."""
    clause: Token | None = verb
    for _ in range(3):
        if clause is None:
            return None
        subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        node = entity_of(subject, state) if subject is not None else None
        if node is not None:
            return node if node.type == EntityType.ORGANISATION else None
        if clause.dep_ not in ("ccomp", "advcl", "conj") or clause.head.i == clause.i:
            return None
        clause = clause.head
    return None


def _organisation_alone(doc: Doc, state: DocState, sentence: Span) -> Node | None:
    """The one organisation a sentence names, else the one in focus there where the sentence
    before names no other ("Acme sued Globex. Jane Doe was named chief executive" says not
    whose); no public body."""
    named = _organisations_in(doc, state, sentence)
    focus = (doc._.ng_focus or {}).get(sentence.start)
    if len(named) == 1:
        org = next(iter(named.values()))
    elif not named and focus is not None and focus[1] == EntityType.ORGANISATION and (
            sentence.start == 0
            or set(_organisations_in(doc, state, doc[sentence.start - 1].sent)) <= {focus[0]}):
        org = Node(focus[0], focus[1], sentence.start)
    else:
        return None
    return None if _public(org.name) else org


def _organisations_in(doc: Doc, state: DocState, sentence: Span) -> dict[str, Node]:
    """The organisations a sentence names, by name."""
    return {node.name: node for span in doc.spans.get(SPANS_KEY, [])
            if sentence.start <= span.root.i < sentence.end
            and (node := state.nodes.get(span.root.i)) is not None
            and node.type == EntityType.ORGANISATION}


def _hypothetical(verb: Token) -> bool:
    """Whether a verb's clause is only supposed: a modal of what would or could be, or a
    condition on it ("would be appointed chief executive if the merger goes through")."""
    return any((c.dep_ == "aux" and c.lower_ in ("would", "could", *_MAYBE))
               or (c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _HEDGES
                                             for m in c.children))
               for c in verb.children)


def _rivals_of_focus(doc: Doc, state: DocState, found: list[Found]) -> list[Found]:
    """Rivals listed with no owner ("competitors like A and B have entered the market") are
    the rivals of the organisation that is the subject of the sentence's main clause, else of
    the one in focus (``doc._.ng_focus``) where the sentence names it, by its words or a
    pronoun ("since its service began, competitors like ..."), if that is no public body and
    none of them; a name that is another's product ("Google's Gmail") is no rival listed, and
    a sentence where a rule read a rivalry for them leaves them alone."""
    focus = doc._.ng_focus or {}
    read = {(name, f.sentence.start) for f in found if f.predicate == Predicate.COMPETES_WITH
            for name in (f.subject.name, f.object.name)}
    added: list[Found] = []
    for token_i, listed in state.listed.items():
        token = doc[token_i]
        sentence = token.sent
        if token._.ng_trigger != _RIVAL or token.tag_ != "NNS" \
                or any(c.dep_ in _MODIFIERS or (c.dep_ == "prep" and c.lower_ == "of")
                       for c in token.children):
            continue  # "Acme's rivals such as A", "rivals of Acme such as A": the rules'
        rivals = [n for n in listed if n.type == EntityType.ORGANISATION
                  and not any(c.dep_ in ("poss", "compound") and c.i in state.nodes
                              for c in doc[n.token].children)]
        subject = next((state.nodes[c.i] for c in sentence.root.children
                        if c.dep_ in ("nsubj", "nsubjpass") and c.i in state.nodes), None)
        if subject is not None and subject.type == EntityType.ORGANISATION \
                and all(n.name != subject.name for n in listed):
            owner = subject
        elif sentence.start in focus and (focus[sentence.start][0] in sentence.text or any(
                state.nodes[t.i].name == focus[sentence.start][0]
                for t in sentence if t.i in state.nodes)):
            name, label = focus[sentence.start]
            owner = Node(name, label, sentence.start)
        else:
            continue
        if owner.type != EntityType.ORGANISATION or _public(owner.name) \
                or any(n.name == owner.name for n in listed) \
                or any((n.name, sentence.start) in read for n in listed):
            continue
        added += [Found(n, Predicate.COMPETES_WITH, owner, sentence, "rivals-of-focus")
                  for n in rivals]
    return added


def _denied_measures(doc: Doc, state: DocState, found: list[Found]) -> list[Found]:
    """A party that denies a charge with no owner of its own ("Acme denies any wrongdoing",
    "Acme disputed the allegations") opposes the policy that targets it named last in its
    sentence or the few before (the charge, complaint or probe just told of); a charge
    of a named party ("denied the EU's allegations") is the rules', and a denial negated or
    hypothetical is none."""
    targeting = [f for f in found if f.predicate == Predicate.TARGETS
                 and f.subject.type == EntityType.POLICY]
    if not targeting:
        return []
    starts = [sent.start for sent in doc.sents]
    added: list[Found] = []
    for token in doc:
        if token.lower_ not in _DENYING or token.pos_ != "VERB" or _hedged(token):
            continue
        charge = next((c for c in token.children if c.dep_ == "dobj"
                       and c.lower_ in _DENIED_CHARGE), None)
        if charge is None or any(c.dep_ in ("poss", "compound") or (
                c.dep_ == "prep" and c.lower_ in ("by", "from", "of"))
                for c in charge.children):
            continue
        subject = clause_subject(token)
        party = entity_of(subject, state) if subject is not None else None
        if party is None:
            continue
        sentence = token.sent
        at = starts.index(sentence.start)
        policies = [t for t in targeting if t.object.name == party.name
                    and sentence.start >= t.sentence.start >= starts[max(at - _RECENT, 0)]]
        if not policies:
            continue
        policy = max(policies, key=lambda t: (t.sentence.start, t.subject.token)).subject
        added.append(Found(party, Predicate.OPPOSES, policy, sentence, "deny-charge-of-policy"))
    return added


def _suing_the_same(doc: Doc, state: DocState) -> list[Found]:
    """A party that sues with no party named for it, in a clause joined to one that sues a
    party ("the DOJ plans to sue the company ..., and the FTC is suing for false
    advertising"), sues that party too."""
    added: list[Found] = []
    for verb in doc:
        if verb.lower_ not in _SUING or verb.pos_ != "VERB" or verb.dep_ != "conj" \
                or _hedged(verb) or any(c.dep_ in ("dobj", "nsubjpass") or (
                    c.dep_ == "prep" and c.lower_ in ("against", "over")) for c in verb.children):
            continue
        clause = verb.head
        suits = [t for t in (clause, *(c for c in clause.children if c.dep_ == "xcomp"))
                 if t.lower_ in _SUING and t.pos_ == "VERB" and not _hedged(t)]
        sued = [entity_of(c, state) for t in suits for c in t.children if c.dep_ == "dobj"]
        subject = clause_subject(verb)
        party = entity_of(subject, state) if subject is not None else None
        other = sued[0] if sued else None
        if party is not None and other is not None and other.name != party.name:
            added.append(Found(party, Predicate.OPPOSES, other, verb.sent, "sue-the-same"))
    return added


def _title_before(doc: Doc, start: int, first: int) -> str | None:
    """The predicate of the company title that ends just before ``start`` and stands alone:
    after the sentence's start, a determiner, punctuation or a lower-case word, not after a
    name or a possessive ("Foxconn Vice Chairman", "IBM's CEO")."""
    # the longest title is the one said: "deputy chairman" is no chairman
    best: tuple[int, str | None] = (0, None)
    for predicate, titles in _TITLES_ALONE.items():
        for title in titles:
            begin = start - len(title)
            if len(title) <= best[0] or begin < first \
                    or tuple(t.lower_ for t in doc[begin:start]) != title:
                continue
            before = doc[begin - 1] if begin > first else None
            alone = before is None or before.pos_ in ("DET", "PUNCT", "VERB", "ADP", "CCONJ") \
                or (before.is_lower and before.pos_ != "PART")
            past = before is not None and before.lower_ in _PAST_ROLES
            best = (len(title), predicate if alone and not past else None)
    return best[1]


def _title_of_its_own(title: Token | None) -> bool:
    """Whether a title given by an appointer says whose it is ("named X head of its banking
    unit"): not the appointer's then."""
    if title is None:
        return False
    return any(c.dep_ == "prep" and c.lower_ == "of" and not _the_company(c)
               for c in title.children)


def _the_company(of: Token) -> bool:
    """Whether "of" names the company a text speaks of by its noun, with what it does at
    most ("named X chief executive of the company", "of the life insurance holding
    company"): the appointer, where nothing says it is another ("of the new company", "of
    the parent company", "of the company's unit")."""
    return any(o.dep_ == "pobj" and o.lower_ in _COMPANY_NOUNS
               and any(d.dep_ == "det" and d.lower_ == "the" for d in o.children)
               and all((d.dep_ in ("det", "compound", "npadvmod")
                        or (d.dep_ == "amod" and not d.tag_.startswith("JJ")))
                       and d.lower_ != "parent" for d in o.children)
               for o in of.children)


def _past_title(token: Token) -> bool:
    """Whether ``token`` is a title held before ("former chairman", "a former chief executive
    and director", "ex-CEO"): the roles annotated are those held at the time of the article."""
    if not token._.ng_trigger:
        return False
    titles = (token, token.head) if token.dep_ == "conj" else (token,)
    return any(c.lower_ in _PAST_ROLES and c.dep_ in ("amod", "advmod", "compound")
               for t in titles for c in t.children) \
        or any(t.lower_.startswith("ex-") for t in titles) \
        or _past_before_title(token)


def _past_before_title(token: Token) -> bool:
    """Whether a word of a past role comes just before a title of several words, wherever
    the parser hangs it ("former vice - chairman", "the ex - vice - chairman")."""
    doc = token.doc
    start = token.i
    while start > 0 and (doc[start - 1].text == "-"
                         or doc[start - 1]._.ng_trigger == token._.ng_trigger):
        start -= 1
    return any(w.lower_ in _PAST_ROLES or (w.lower_ == "ex" and w.nbor().text == "-")
               for w in doc[max(start - 2, 0):token.i])


def _based_is_anothers(tokens: dict[str, Token], state: DocState) -> bool:
    """Whether the "based" a rule read has a subject of its own that is not the organisation
    ("Acme, whose lawyer is based in Leipzig")."""
    based, org = tokens.get("based"), tokens.get("org")
    if based is None or org is None:
        return False
    own = state.inside.get(org.i, org.i)
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ not in ("WDT", "WP")
               and state.inside.get(c.i, c.i) != own for c in based.children)


def _countries_possessive(doc: Doc, state: DocState) -> Iterator[Found]:
    """An organisation written right after a country's possessive is based there, by the
    words' order, where the parser hangs the two apart ("South African group MTN and
    Germany's Rocket Labs"); not a public body ("China's Commerce Ministry" is China's)."""
    for span in doc.spans.get(SPANS_KEY, []):
        node = state.nodes.get(span.root.i)
        if node is None or node.type != EntityType.ORGANISATION or _public(node.name):
            continue
        owner = _possessing_country(doc, span.start, state)
        if owner is not None:
            yield Found(node, Predicate.BASED_IN, owner, span.root.sent, "country-possessive")


def _based_elsewhere(found: Found, state: DocState) -> bool:
    """Whether a base read for an organisation is another country than the one whose
    possessive it is written after ("South African group MTN and Germany's Rocket Labs":
    Rocket Labs is German whatever the parser hangs on it)."""
    if found.predicate != Predicate.BASED_IN or found.subject.token < 0:
        return False
    start = found.subject.token
    while start > 0 and state.inside.get(start - 1) == found.subject.token:
        start -= 1
    owner = _possessing_country(found.sentence.doc, start, state)
    return owner is not None and owner.name != found.object.name


def _possessing_country(doc: Doc, start: int, state: DocState) -> Node | None:
    """The country whose possessive is written right before the name that begins at
    ``start`` ("Germany's Rocket Labs"), or None."""
    if start < 2 or doc[start - 1].lower_ not in ("'s", "\u2019s"):
        return None
    owner = state.nodes.get(state.inside.get(start - 2, -1))
    return owner if owner is not None and owner.type == EntityType.COUNTRY else None


def _governs_a_bank(title: Token | None, predicate: str, org: Node) -> bool:
    """Whether a governor's seat is a bank's, which a governor leads ("Bank of England
    governor X", "its governor" after "the Bank of Japan"), where the governors of a board
    ("a Federal Reserve governor") are its members."""
    return title is not None and predicate == Predicate.MEMBER_OF \
        and title.lower_ in ("governor", "governors") \
        and not any(t.lower_ in _JUNIOR_TITLES for t in title.lefts) \
        and any(word in _BANK_WORDS for word in org.name.lower().split())


#: The head words of a bank's name ("Bank of Japan", "Bundesbank", "Banque de France").
_BANK_WORDS = frozenset({"bank", "bundesbank", "banque", "banca", "banco", "banka", "bankas"})


def _leads_a_state(title: Token) -> bool:
    """Whether a title that leads is one a country's leader holds ("President", "prime
    minister", "Chancellor"), not a company's ("chief executive", "boss")."""
    words = {title.lower_, *(t.lower_ for t in title.lefts if t.dep_ in ("amod", "compound"))}
    return bool(words & _STATE_TITLES)


_STATE_TITLES = _WORDS.lower("state_leader")


def _described_alone(rule: _Rule, tokens: dict[str, Token]) -> set[str]:
    """The rule's ends described by a singular noun in apposition among its nodes, which
    describes that name alone, not its conjuncts ("Jane Doe, chief executive of Acme, and John
    Roe": John Roe is not; "Jane Doe and John Roe, partners at Acme,": both are).

    >>> import spacy
    >>> doc = spacy.blank("en")("Doe chief")
    >>> doc[1].head, doc[1].dep_, doc[1].tag_ = doc[0], "appos", "NN"
    >>> rule = _Rule("r", "leads", "person", "org", ("person", "role"))
    >>> _described_alone(rule, {"person": doc[0], "role": doc[1]})
    {'person'}
    """
    return {end for end in (rule.subject, rule.object) if (name := tokens.get(end)) is not None
            and any(t.dep_ == "appos" and t.head.i == name.i and t.i != name.i
                    and t.tag_ != "NNS" for t in tokens.values())}


def _name_follows(before: Token, name: Token) -> bool:
    """Whether the name whose root is ``name`` begins right after ``before``, or after a
    comma after it ("president Bob Stone", "a Ford spokesman, Tom Jones"; not "president Bob
    Stone and Globex's chairman Ann Lee", which the parser may hang on the first title)."""
    start = _name_start(name, after=before.i)
    return start == before.i + 1 or (start == before.i + 2
                                     and before.doc[before.i + 1].text == ",")


def _name_start(token: Token, *, after: int = -1) -> int:
    """Where the name ``token`` is in begins (at ``after + 1`` at the earliest)."""
    start = token.i
    while start - 1 > after and token.doc[start - 1]._.ng_in is not None:
        start -= 1
    return start


def _said_past(tokens: Iterable[Token]) -> bool:
    """Whether a word of a past role modifies a token a rule read ("Bob Stone, formerly of
    Acme", "Ex-CEO Bob Stone of Acme")."""
    return any(c.lower_ in _PAST_ROLES for t in tokens for c in t.children
               if c.dep_ in ("amod", "advmod", "compound", "npadvmod")) or any(
        d.lower_ in _PAST_ROLES for t in tokens for c in t.lefts
        if c.dep_ in ("compound", "amod", "nmod") for d in c.subtree)


def _past_before_name(tokens: Iterable[Token]) -> bool:
    """Whether a word of a past role stands just before a person's name a rule read, where
    the parser may have hung it elsewhere ("Ex-CEO Bob Stone at Acme said")."""
    for token in tokens:
        if token._.ng_type == EntityType.PERSON:
            start = _name_start(token)
            if any(t.lower_ in _PAST_ROLES
                   for t in token.doc[max(start - 3, token.sent.start):start]):
                return True
    return False


def _hedged(token: Token, proposed: bool = False) -> bool:
    """Whether the clause of ``token`` is negated or hypothetical ("if Ottawa banned ...",
    "may cut ties"), or ``token`` is a thing said to be none ("no dispute", "no agreement").

    With ``proposed`` (a measure's imposer or target), a measure only weighed is so: a
    proposed policy ("Kenya is considering imposing tariffs on Acme")."""
    if _none(token):
        return True
    clause = token
    while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
        clause = clause.head
    # a modal only where the verb states the relation: a role named in a clause that may
    # happen is held all the same ("Taiwan's leader X might still kowtow")
    if any(c.dep_ == "neg" or (c.dep_ == "mark" and c.lower_ in _HEDGES)
           or (c.dep_ == "aux" and c.lower_ in _MAYBE and clause.i == token.i)
           or _no_longer(c) for c in clause.children):
        return True
    # what one declined, refused or failed to do, or used to do, is not so ("declined to
    # join Acme", "who used to work for Acme"); nor what one denies ("denied it would halt
    # trade") or has no plans to do
    while clause.dep_ in ("xcomp", "ccomp", "acl") and clause.head.i != clause.i:
        embedded, dep, clause = clause, clause.dep_, clause.head
        if dep == "acl":
            return _none(clause)
        if dep == "ccomp" and clause.lower_ in _TELLING and _asks_what(embedded):
            break  # "did not disclose how much it invested in X": the investment is so
        # one refuses or fails to do a thing (xcomp), and denies what is said (ccomp): a
        # clause the parser hangs on "refused" as said ("X, whose ... is rivaled, refused")
        # is no refusal
        weighed = proposed and clause.lower_ in _WEIGHING
        if (clause.lower_ in _NOT_DONE and not weighed
                and (dep == "xcomp" or clause.lower_ in _DENIED)) \
                or any(c.dep_ == "neg" for c in clause.children) or (
                dep == "xcomp" and clause.lower_ == "used"
                and not any(c.dep_ == "dobj" for c in clause.children)):
            return True
        if dep == "ccomp":
            break
    return False


def _only_attempted(verb: Token) -> bool:
    """Whether a verb says only what a party tried or threatened to do ("the government's
    attempt to block Acme's bid", "threatened to block it"): the act may not have happened."""
    head = verb.head
    return verb.dep_ in ("acl", "xcomp") and (
        head.lower_ in _ATTEMPTS | _TRYING)


#: Verbs of trying, threatening or meaning to: what one tries or threatens to do is not done.
_TRYING = frozenset(form for lemma in ("try", "seek", "attempt", "strive", "threaten", "plan",
                                       "want", "hope", "aim", "vow", "propose", "consider",
                                       "intend", "expect", "promise")
                    for form in verb_forms(lemma))


def _apart(verb: Token) -> bool:
    """Whether a verb's parties act each on its own ("A and B each launched a phone", "both
    opened a plant", "separately"), the word on the verb or on a subject ("A and B each")."""
    subjects = [t for s in verb.children if s.dep_ == "nsubj" for t in (s, *s.conjuncts)]
    return any(c.lower_ in _EACH_APART and c.dep_ in ("advmod", "dep", "det", "cc", "nsubj",
                                                       "appos", "preconj")
               for c in [*verb.children, *(g for s in subjects for g in s.children)])


def _merger_with_another(tokens: dict[str, Token], state: DocState) -> bool:
    """Whether a rule's noun is a merger named "with" another party, on the noun or on its
    verb ("announced a merger with C")."""
    noun = tokens.get("noun")
    return noun is not None and noun.lower_ in _MERGER_NOUNS and any(
        _with_another(t, state) for t in (noun, tokens.get("verb", noun)))


def _coordinated(tokens: dict[str, Token], rule: _Rule) -> bool:
    """Whether a rule's two ends are written coordinated ("A and B")."""
    one, other = tokens.get(rule.subject), tokens.get(rule.object)
    return one is not None and other is not None and other in one.conjuncts


#: Words that say parties act each on its own.
_EACH_APART = _WORDS.lower("apart_word") | {"both"}


def _pronoun(token: Token | None) -> bool:
    """Whether a rule's end is a pronoun ("its", "it") rather than a name."""
    return token is not None and token.pos_ == "PRON"


def _asks_what(clause: Token) -> bool:
    """Whether a clause is a question word's ("how much money it invested", "when it would
    close"): what it asks about is taken as so, whether or not the answer is told."""
    first = min(clause.subtree, key=lambda t: t.i)
    return first.tag_ in ("WRB", "WP", "WDT") and first.lower_ not in ("whether", "if")


def _over_a_market(fight: Token) -> bool:
    """Whether a fight is over a market, which makes its parties rivals rather than
    adversaries: a war of prices or of ratings ("a price war"), one for or over customers or
    a share of a market ("locked in a battle with Globex for market share", "fighting Acme
    for customers", "a battle with Acme to win market share")."""
    if fight._.ng_trigger != "conflict" and fight.lower_ not in _FIGHTING:
        return False
    holders = [fight]
    if fight.dep_ == "pobj" and fight.head.dep_ == "prep":  # "locked in a battle ..."
        holders.append(fight.head.head)
    elif fight.dep_ in ("dobj", "nsubj", "attr"):  # "waged a price war", "the battle is ..."
        holders.append(fight.head)
    stakes = [c for c in fight.children if c.dep_ in ("compound", "amod", "nmod")]
    for holder in holders:
        for child in holder.children:
            if child.dep_ == "prep" and child.lower_ in ("for", "over"):
                stakes += [p for p in child.children if p.dep_ == "pobj"]
            elif child.dep_ in ("xcomp", "advcl", "acl", "relcl"):  # "to gain market share"
                stakes += [o for o in child.children if o.dep_ == "dobj"]
    return any(t.lower_ in _MARKET_STAKES or any(
        c.dep_ in ("compound", "amod") and c.lower_ in _MARKET_STAKES for c in t.children)
        for t in stakes)


def _named_by_phrase(tokens: Iterable[Token]) -> bool:
    """Whether a match lies within one noun phrase that names a thing, so that what its clause
    denies or supposes is not about it ("Acme chief executive Jane Doe did not comment", "Jane
    Doe, chief executive of Acme, declined to say"); a phrase the clause predicates ("was not
    Acme's chief", "did not sign a partnership with Globex") is the clause's claim."""
    tokens = list(tokens)
    inside = {t.i for t in tokens}
    if any(t.pos_ in ("VERB", "AUX") or _none(t) or any(c.dep_ == "neg" for c in t.children)
           for t in tokens):
        return False
    tops = {t for t in tokens if t.head.i not in inside or t.head.i == t.i}
    if len(tops) != 1:
        return False
    top = tops.pop()
    if top.dep_ in _PREDICATED:
        return False
    return top.pos_ == "PROPN" or top.dep_ in _NAMING_PHRASE


#: What a noun phrase says holds whatever its clause supposes ("Acme's unit Globex", "Acme
#: chief Jane Doe"); a measure or a dispute it names may be the clause's supposition ("if
#: U.S. tariffs were imposed").
_HELD_STATES = frozenset({
    Predicate.LEADS, Predicate.CHAIRS, Predicate.WORKS_FOR, Predicate.MEMBER_OF,
    Predicate.BASED_IN, Predicate.INVESTS_IN, Predicate.PARTNERS_WITH, Predicate.SUPPLIES,
    Predicate.COMPETES_WITH})
#: Where a phrase is what its clause says of a thing ("is not a partner", "named her chief").
_PREDICATED = frozenset({"attr", "oprd", "acomp", "xcomp", "ccomp", "ROOT", "conj"})
#: Where a common noun's phrase names a party of its clause rather than its claim.
_NAMING_PHRASE = frozenset({"nsubj", "nsubjpass", "appos", "compound", "poss", "nmod"})


def _none(token: Token) -> bool:
    """Whether a noun is said to be none ("no dispute", "no plans")."""
    return any(c.dep_ == "det" and c.lower_ == "no" for c in token.children)


def _no_longer(token: Token) -> bool:
    """Whether ``token`` is "no longer" (or "not any longer") on its clause: a state ended."""
    return token.lower_ == "longer" and any(c.lower_ in ("no", "any") for c in token.children)


#: Modals that say a thing may happen, not that it does ("may cut ties").
_MAYBE = frozenset({"may", "might", "should"})
#: Verbs of telling, whose negation leaves what a question word's clause asks about so ("did
#: not disclose how much it paid").
_TELLING = frozenset(f for lemma in ("disclose", "say", "reveal", "specify", "detail", "tell",
                                     "comment", "elaborate", "confirm", "explain")
                     for f in verb_forms(lemma))
#: Verbs whose complement did not happen, or no longer holds ("declined to", "used to"), or
#: is only weighed ("discuss fining Acme", "considering suing").
_WEIGHING = _WORDS.verbs("weighing_verb")
_NOT_DONE = frozenset(f for lemma in ("decline", "refuse", "fail", "deny", "reject")
                      for f in verb_forms(lemma)) | _WEIGHING
#: Of those, the verbs whose reported clause is not so ("denied it would halt trade").
_DENIED = frozenset(f for lemma in ("deny", "reject") for f in verb_forms(lemma))


#: The relations a deal states, which a bid or an attempt does not.
_DEALS = frozenset({Predicate.INVESTS_IN, Predicate.PARTNERS_WITH})
# rules whose act sanctions a party only when a state or one of its bodies does it: a
# company's own list of companies is no blacklist, nor its patents keeping a rival from a
# market a sanction
_STATE_ACTS = frozenset({"block-party", "add-to-list-of-parties", "added-to-list-of-parties-by",
                         "prevent-party-from", "block-made-goods", "block-goods-made-by",
                         "sanction-object-including"})
# rules whose act is a sanction only when a government does it: a regulator that blocks a
# bid rules on it (a policy of its own), a company that blocks one opposes it
_GOVERNMENT_ACTS = frozenset({"block-bid-possessive"})
# rules whose penalty is a sanction only when a body that sets policy imposes it (a
# regulator, "the SEC"): a company's penalty on a supplier is no fine; and whose finding is
# an accusation only when such a body finds it
_BODY_ACTS = frozenset({"fine-noun-on", "fine-noun-by-on", "fine-noun-imposed-on-by",
                        "fine-noun-relative-on", "hand-party-fine", "fine-noun-relative-on-pronoun",
                        # a finding of wrongdoing is an accusation only by a body that sets
                        # policy: an auditor's or a company's finding is neither
                        "found-wrongdoing", "found-wrongdoing-conjunct"})
#: Modals that, with "have" and a participle, say what did not happen.
_COUNTERFACTUAL = frozenset({"would", "could", "might", "should"})
#: How a deal word hangs from a bid that governs it ("an offer to acquire", "a bid for a
#: stake in", "interested in buying").
_BID_CLIMB = frozenset({"xcomp", "ccomp", "acl", "pcomp", "prep", "pobj", "dobj", "relcl"})
#: Participles that describe a holding as it stands ("the 24 pct of X held by Y").
_HOLDING_PARTICIPLES = frozenset({"owned", "held", "controlled"})


def _only_bid(token: Token) -> bool:
    """Whether the deal ``token`` names is only a bid or a prospect, not agreed: a proposed,
    possible or hostile takeover, one that would have happened, or an acquisition an offer, a
    bid, an interest or an expectation governs ("made an offer to acquire X", "expected X to be
    acquired by Y"), unless the bid is agreed to ("agreed to a buyout offer").
    """
    if any(c.dep_ == "amod" and c.lower_ in _UNAGREED for c in token.children):
        return True
    if token.dep_ == "acl" and token.lower_ in _HOLDING_PARTICIPLES:
        return False  # "an offer for the stake in X held by Y": Y holds it whatever the offer
    clause = token.head if token.dep_ in ("nsubj", "nsubjpass", "dobj") else token
    auxiliaries = {c.lower_ for c in clause.children if c.dep_ == "aux"}
    if clause.tag_ == "VBN" and "have" in auxiliaries and auxiliaries & _COUNTERFACTUAL:
        return True  # "X's acquisition of Y would have given it ...": it did not happen
    if clause.pos_ == "VERB" and auxiliaries & _COUNTERFACTUAL and any(
            c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _HEDGES
                                      for m in c.children) for c in clause.children):
        return True  # "X would own half of Y if the deal closes": a prospect
    node = token
    for _ in range(5):
        if node.lower_ in _BID_WORDS and node.i != token.i:
            head = node.head
            while head.dep_ == "prep" and head.head.i != head.i:
                head = head.head
            return head.lower_ not in _AGREEING and not any(
                c.dep_ == "amod" and c.lower_ in _AGREEING for c in node.children)
        if node.i != token.i and node.dep_ in ("nsubj", "nsubjpass", "dobj") \
                and node.head.lower_ in _ENDING:
            return True  # "the agreement for X to buy Y has ended"
        if node.dep_ not in _BID_CLIMB or node.head.i == node.i:
            return False
        node = node.head
    return False


def _pairs(doc: Doc, predicate: str, subjects: list[Node],
           objects: list[Node]) -> Iterator[tuple[Node, Node]]:
    """The (subject, object) pairs of two distinct entities of the types ``predicate`` joins."""
    domain, range_ = _SIGNATURE.get(predicate, (frozenset(), frozenset()))
    for subject in subjects:
        if predicate == Predicate.BASED_IN and _public(subject.name):
            continue  # "India's railway ministry" is India's, not a company based there
        for obj in objects:
            if predicate == Predicate.BASED_IN and _quoted_between(doc, subject, obj):
                continue  # Korea's "little Apple" is a nickname, not Apple
            if predicate == Predicate.INVESTS_IN and _public(obj.name):
                continue  # "the Treasury's Office of Foreign Assets Control": a part, no holding
            if predicate == Predicate.COMPETES_WITH and (_public(subject.name)
                                                         or _public(obj.name)):
                continue  # "challenge the Commission's ruling": no public body competes
            if subject.name != obj.name and (
                    not domain or (subject.type in domain and obj.type in range_)):
                yield subject, obj


def _of_state(node: Node) -> bool:
    """Whether a party is a state, a body of one or a union of states ("China", "the U.S.
    House", "the FTC", "the EU"... by its name's head word), whose acts against a party may
    sanction it."""
    words = set(node.name.lower().split())
    return node.type == EntityType.COUNTRY or _public(node.name) \
        or bool(words & (_WORDS.lower("government_body_head") | _WORDS.lower("body_of_states")))


def _public(name: str) -> bool:
    """Whether a name is a public body's ("Ministry of Railways", "Brazilian Senate")."""
    return any(word in _PUBLIC_BODIES for word in name.lower().split())


def _quoted_between(doc: Doc, one: Node, other: Node) -> bool:
    """Whether a quotation mark stands between two ends (Korea's "little Apple"); the
    apostrophe of a possessive is none ("the Philippines' largest brewer Acme")."""
    start, end = sorted((one.token, other.token))
    return start >= 0 and any(t.is_quote and t.tag_ != "POS" for t in doc[start + 1:end])


def _with_another(verb: Token, state: DocState) -> bool:
    """Whether a party is named "with" or "against" the verb or the noun that says the
    conflict ("A and B compete with C", "A and B are at odds with regulators"): a name, or
    any noun but "each other"."""
    return any(c.dep_ == "prep" and c.lower_ in ("with", "against")
               and any(o.dep_ == "pobj" and (o.i in state.inside or (
                   o.pos_ in ("NOUN", "PROPN") and o.lower_ not in ("other", "another")))
                       for o in c.children)
               for c in verb.children)


def _title_of_another(tokens: dict[str, Token], state: DocState) -> bool:
    """Whether the title of a role names its own organisation ("as chief executive of
    Google"), other than the one the rule read ("Alphabet named ..."): the role is that one's,
    which the rules for a title's "of" read."""
    title, org = tokens.get("title"), tokens.get("org")
    if title is None or org is None:
        return False
    own = state.inside.get(org.i)
    for prep in title.children:
        if prep.dep_ == "prep" and prep.lower_ in ("of", "at"):
            for obj in prep.children:
                if obj.dep_ != "pobj" or obj._.ng_in != EntityType.ORGANISATION:
                    continue
                if state.inside.get(obj.i) != own and not _the_company(prep):
                    return True
    return False


#: What "the company" an appointer names a title of is, where nothing says it is another.
_COMPANY_NOUNS = frozenset({"company", "firm", "group", "corporation", "concern"})


def _describes_another(token: Token | None, state: DocState) -> bool:
    """Whether a country word says where a party named beside it is: on a noun in apposition
    to the party ("Volkov Metals, a Russian steel maker")."""
    if token is None or token.dep_ not in ("amod", "compound", "nmod", "poss"):
        return False
    noun = token.head
    if noun.dep_ != "appos":
        return False
    party = state.nodes.get(noun.head.i)
    return party is not None and party.type in (EntityType.ORGANISATION, EntityType.PERSON)


def _settled(tokens: Iterable[Token]) -> bool:
    """Whether the suit a rule read is one settled or resolved. A dispute settled still says
    there was one, and the annotation reads it both ways ("X settled its patent dispute with
    Y"), as it reads past events stated as fact."""
    return any(t._.ng_trigger == "lawsuit" and t.dep_ in ("dobj", "nsubjpass")
               and t.head.lower_ in _SETTLING for t in tokens)


def _agreed_sale(noun: Token | None) -> bool:
    """Whether an agreement or deal is one to buy or sell ("an agreement with Acme to sell
    its chips"): the guidelines read a sale, not cooperation."""
    if noun is None:
        return False
    # the purpose may hang on the agreement or on the verb that makes it ("signed a deal
    # with Boeing to supply jets")
    purposes = [*noun.children, *(noun.head.children if noun.dep_ == "dobj" else ())]
    return any(c.dep_ in ("acl", "relcl", "xcomp", "advcl") and c._.ng_trigger in ("supply", "buy")
               and not _distributes(c) for c in purposes) or any(
        c.dep_ in ("compound", "amod") and c.lower_ in _SALE_WORDS for c in noun.children
        if noun.lower_ in _AGREEMENTS)


#: Words before an agreement's noun that make it a sale ("a supply agreement"), and the nouns
#: they are read before (not "its export agency").
_SALE_WORDS = _WORDS.lower("sale_agreement")
_AGREEMENTS = _WORDS.lower("agreement_noun") | _WORDS.lower("venture_deal_noun")


def _distributes(verb: Token) -> bool:
    """Whether "to sell" names no buyer ("an agreement with Motorola to sell its chips in
    Japan"): a distribution agreement, which the guidelines read as a partnership."""
    return verb.lower_ in _SELL_FORMS and not any(
        c.dep_ == "dative" or (c.dep_ == "prep" and c.lower_ == "to") for c in verb.children)


def _sells_assets(tokens: dict[str, Token], state: DocState) -> bool:
    """Selling stores, a stake, a unit or a company ("sell itself to"), what a named company
    has ("RKO's KHJ-TV station") or a holding in one ("a five pct position in Cetus"), is a
    divestment, not supplying goods; so is buying one from its owner ("buying MphasiS from
    Hewlett Packard Enterprise")."""
    verb = tokens.get("verb")
    if verb is None:
        return False
    sold = [c for c in verb.children if c.dep_ == "dobj"]

    def organisation(token: Token) -> bool:
        node = state.nodes.get(token.i)
        return node is not None and node.type == EntityType.ORGANISATION

    def held_in(thing: Token) -> bool:  # "a five pct equity position in Cetus": a holding
        return any(p.dep_ == "prep" and p.lower_ == "in" and any(
            o.dep_ == "pobj" and organisation(o) for o in p.children) for p in thing.children)

    serves = verb.lower_ in _SERVING  # "supplied Acme with engines": Acme is the customer
    return any(t._.ng_trigger in ("asset", "stake") for c in sold for t in c.subtree) or (
        verb._.ng_trigger in ("supply", "buy") and not serves and any(
            organisation(c) or held_in(c) or any(organisation(t) and t.tag_ != "PRP$"
                                                 for t in c.children if t.dep_ == "poss")
            for c in sold))


#: Verbs whose object is a customer, never what is sold ("supplied Acme with engines").
_SERVING = frozenset(form for verb in ("supply", "provide", "furnish", "equip")
                     for form in verb_forms(verb))
#: The dependencies of a modifier that may be one conjunct's own ("Norway's", "Dutch").
_MODIFIERS = frozenset({"poss", "amod", "compound", "nmod"})
#: Pronouns that stand for all the names coordinated where they were named.
_PLURAL_PRONOUNS = frozenset({"they", "them", "their", "themselves"})


def _ends(spec: str, tokens: dict[str, Token], state: DocState,
          appositions: bool = False, *, alone: bool = False) -> list[Node]:
    """The entities at one end of a rule, with the entities coordinated with them.

    With ``appositions``, a coordinated common noun counts by the name beside it ("Initech and
    its parent, Globex"); only rules that read the parties to each other ask for it, as the
    noun's own modifiers are not shared ("Dutch Initech and its parent, Globex").
    """
    if spec == ARTICLE:
        return [ARTICLE_NODE]
    if spec.startswith("^"):
        token = clause_subject(tokens[spec[1:]])
        if token is None:
            return []
    else:
        token = tokens[spec]
    node = entity_of(token, state)
    if node is None:
        return []
    if token.i in state.listed:  # "rivals such as A and B": each of them
        return list(state.listed[token.i])
    found = [node]
    if alone:
        return found
    if token.lower_ in _PLURAL_PRONOUNS and node.token != token.i:
        token = token.doc[node.token]  # "Acme and Globex said they would ...": both
        if token.i in state.listed:  # "the two companies said they would ...": both
            return list(state.listed[token.i])
    elif _plural_relative(token):
        token = token.head.head  # "Acme and Globex, which compete with Initech": both
    if token.dep_ == "conj":  # "Foxconn chairman Young Liu" says nothing of the conjunct before
        return found
    # a modifier the rule read on this name is not a conjunct's that has its own ("Norway's
    # Velmora and Sweden's Tarkon"), though it is one's that has none ("Japan's Toshiba and Sony")
    own = {t.dep_ for t in tokens.values()
           if t.head == token and t != token and t.dep_ in _MODIFIERS}
    if any(t.head == token and t != token and t.dep_ == "prep" for t in tokens.values()):
        return found  # "Tom Brown of Reuters and Mary Lee": the phrase is the name's own
    if token.dep_ == "appos" and token.head.tag_ == "NN" and token.head in tokens.values():
        return found  # "Japanese carmaker Toyota and Acme": a noun in the singular names one
    for other in [*conjuncts(token), *coordinated_with_its_place(token, state),
                  *_listed_in_apposition(token, node, state)]:
        if any(c.dep_ in own and state.inside.get(c.i) != other.i for c in other.children):
            continue
        extra = entity_of(other, state)
        if extra is None and appositions:
            extra = named_in_apposition(other, state)
        # parties to each other may be of two kinds ("the EU and the US are at odds")
        if extra is not None and (extra.type == node.type or appositions) \
                and extra not in found:
            found.append(extra)
    if not own:
        found += [n for n in _listed_in_text(token, node, state) if n not in found]
    return found


def _plural_relative(token: Token) -> bool:
    """Whether ``token`` is a relative pronoun of a plural verb, which stands for all the
    names coordinated where they were named ("Acme and Globex, which both compete").

    A verb of no number ("rose", "would") counts when the clause hangs on a list's first
    name but its pronoun follows the list's last: the parser hangs what the whole list shares
    on its first item ("shares of Acme and Globex, which fell 5 percent": both fell).
    """
    verb = token.head
    if token.tag_ not in ("WDT", "WP") or token.dep_ not in ("nsubj", "nsubjpass") \
            or verb.dep_ != "relcl":
        return False
    auxiliaries = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ == "VBP" or any(a in _PLURAL_AUX for a in auxiliaries):
        return True
    if verb.tag_ == "VBZ" or any(a in _SINGULAR_AUX for a in auxiliaries):
        return False
    listed = conjuncts(verb.head) or [
        t for c in verb.head.children if c.dep_ == "appos" and c.conjuncts
        for t in (c, *conjuncts(c))]
    return verb.head.dep_ != "conj" and bool(listed) and all(t.i < token.i for t in listed)


#: Auxiliaries of a plural subject, and of a singular one.
_PLURAL_AUX = frozenset({"are", "were", "have"})
_SINGULAR_AUX = frozenset({"is", "was", "has", "does", "'s"})


def _listed_in_text(token: Token, node: Node, state: DocState) -> list[Node]:
    """The other organisations of a list "A, [description] B and [description] C" that
    ``token``'s name belongs to, read from the words where the parser broke the list ("counts
    Hooli Capital, Kenyan telecoms group Initech and Germany's Globex Ventures among its
    shareholders").

    Each item is a name, with at most a few describing words before it (common nouns,
    adjectives, a country's name or possessive); items are parted by commas and the list
    closed by "and" or "or" before its last item. A name followed by one other name and no
    conjunction is none (another name of it, or what it is).
    """
    if node.type != EntityType.ORGANISATION or state.inside.get(token.i) != node.token \
            or token.i in state.references:
        return []
    doc = token.doc
    sentence = doc[token.sent.start:token.sent.end]
    span = [t.i for t in sentence if state.inside.get(t.i) == node.token]
    if not span or (span[-1] + 1 < len(doc) and doc[span[-1] + 1].tag_ == "POS"):
        return []  # "Acme and Hooli's Globex": the possessive is one name's
    before = _items_before(doc, span[0], state)
    after, closed = _items_after(doc, span[-1] + 1, state)
    if not closed:  # the list closes before this name: "A, B and C" read from C
        closed = bool(before) and before[0][1]
    if not closed:
        return []
    nodes = [n for n, _ in before] + [n for n, _ in after]
    return [n for n in dict.fromkeys(nodes) if n.type == node.type and n != node]


#: How many describing words an item of a list may have before its name.
_LIST_DESCRIPTION = 5


def _describes(token: Token, state: DocState) -> bool:
    """Whether ``token`` may describe a listed name: a lower-case noun or adjective, a
    country's name or its possessive ending."""
    if token.is_space:
        return True
    if token.text[:1].isupper() and token.i not in state.inside:
        return False
    if token.tag_ == "POS" or token.lower_ in ("\u2019s", "'s"):
        return True
    inside = state.inside.get(token.i)
    if inside is not None:  # a noun standing for the name it describes ("group X") is a word
        return state.nodes[inside].type == EntityType.COUNTRY or token.i in state.references
    return token.pos_ in ("NOUN", "ADJ", "VERB", "NUM") and token.tag_ in _DESCRIBING_TAGS


#: The tags of words that may describe a listed name ("online retailer", "booking").
_DESCRIBING_TAGS = frozenset({"NN", "NNS", "JJ", "JJR", "JJS", "VBG", "VBN", "CD"})
#: The words that part the items of a list; the last two close it.
_SEPARATORS = frozenset({",", "and", "or"})


def _org_ending_at(doc: Doc, end: int, state: DocState) -> tuple[Node, int] | None:
    """The organisation whose name ends at token ``end`` (inclusive), with its first token."""
    root = state.inside.get(end)
    if root is None or state.nodes[root].type != EntityType.ORGANISATION:
        return None
    start = end
    while start > doc[end].sent.start and state.inside.get(start - 1) == root:
        start -= 1
    return state.nodes[root], start


def _items_before(doc: Doc, start: int, state: DocState) -> list[tuple[Node, bool]]:
    """The items of a list before the name beginning at ``start``, nearest first, each with
    whether the separator after it closes the list."""
    items: list[tuple[Node, bool]] = []
    sent_start = doc[start].sent.start
    i = start - 1
    while True:
        steps = 0
        while i >= sent_start and steps < _LIST_DESCRIPTION and doc[i].lower_ not in _SEPARATORS \
                and _describes(doc[i], state):
            i -= 1
            steps += 0 if doc[i + 1].is_space else 1
        closing = False
        seps = 0
        while i >= sent_start and (doc[i].lower_ in _SEPARATORS or doc[i].is_space):
            if doc[i].lower_ in ("and", "or"):
                closing = True
            seps += doc[i].lower_ in _SEPARATORS
            i -= 1
        if not seps or i < sent_start or (closing and items):
            return items
        found = _org_ending_at(doc, i, state)
        if found is None:
            return items
        items.append((found[0], closing))
        i = found[1] - 1


def _items_after(doc: Doc, end: int, state: DocState) -> tuple[list[tuple[Node, bool]], bool]:
    """The items of a list after the name ending before ``end``, and whether "and" or "or"
    closed the list before its last item."""
    items: list[tuple[Node, bool]] = []
    sent_end = doc[end - 1].sent.end
    i = end
    while True:
        closing = False
        seps = 0
        while i < sent_end and (doc[i].lower_ in _SEPARATORS or doc[i].is_space):
            closing = closing or doc[i].lower_ in ("and", "or")
            seps += doc[i].lower_ in _SEPARATORS
            i += 1
        if not seps:
            return items, False
        steps = 0
        while i < sent_end and steps < _LIST_DESCRIPTION and doc[i].lower_ not in _SEPARATORS \
                and _describes(doc[i], state):
            steps += 0 if doc[i].is_space else 1
            i += 1
        root = state.inside.get(i) if i < sent_end else None
        if root is None or state.nodes[root].type != EntityType.ORGANISATION:
            return (items, closing) if closing else ([], False)
        while i < sent_end and state.inside.get(i) == root:
            i += 1
        # an item ends where the list goes on or ends: not inside a longer phrase ("A's unit")
        if i < sent_end and (doc[i].tag_ == "POS" or doc[i].lower_ == "of"):
            return (items, closing) if closing else ([], False)
        items.append((state.nodes[root], closing))
        if closing:
            return items, True


def _plural_title(token: Token) -> bool:
    """Whether a title is plural ("writers", "analysts"), whatever the tagger made of it."""
    return token.tag_ in ("NNS", "NNPS") or (
        token.lower_.endswith("s") and not token.lower_.endswith("ss"))


def _people_listed_after(doc: Doc, first: Node, state: DocState) -> list[Node]:
    """The other people of a list a plural title opens, as written after its first name,
    each with the place after "in" it may have ("Jane Roe in Oslo, Tom Reed in Bergen and
    Ann Lee"); none unless "and" closes the list."""
    sent_end = doc[first.token].sent.end
    i = first.token
    while i < sent_end and state.inside.get(i) == first.token:
        i += 1
    people: list[Node] = []
    while i < sent_end:
        if doc[i].lower_ == "in":  # the place each is in: capitalised words, not a person
            i += 1
            while i < sent_end and (doc[i].text[:1].isupper() or (
                    doc[i].text == "," and i + 1 < sent_end and doc[i + 1].text[:1].isupper()
                    and not _person_at(doc, i + 1, state))) and not _person_at(doc, i, state):
                i += 1
        closing, seps = False, 0
        while i < sent_end and doc[i].lower_ in _SEPARATORS:
            closing = closing or doc[i].lower_ == "and"
            seps += 1
            i += 1
        if not seps or not _person_at(doc, i, state):
            return []
        root = state.inside[i]
        people.append(state.nodes[root])
        while i < sent_end and state.inside.get(i) == root:
            i += 1
        if closing:
            return people
    return []


def _person_at(doc: Doc, i: int, state: DocState) -> bool:
    """Whether token ``i`` is inside a person's name."""
    root = state.inside.get(i)
    return root is not None and state.nodes[root].type == EntityType.PERSON


def _listed_in_apposition(token: Token, node: Node, state: DocState) -> list[Token]:
    """The rest of a list "A, B and C" the parser read as B in apposition to A and C a
    conjunct of B: B and its conjuncts, if B names an entity of A's type and has a conjunct
    (a lone name in apposition is another name of A, or what A is). A is a name itself: a
    noun that stands for a name has its own appositions ("a company, owned half by Acme, ...")."""
    if token.i in state.references:
        return []
    for appos in token.children:
        if appos.dep_ != "appos" or not appos.conjuncts:
            continue
        named = state.nodes.get(state.inside.get(appos.i, -1))
        if named is not None and named.type == node.type and named != node:
            return [appos, *conjuncts(appos)]
    return []


# ---------------------------------------------------------------------- output
# What leaves the component is plain data: a vocabulary enum is written back as the plain
# ``str`` it equals, since writers that go by a value's type (GraphML) refuse the enum's.


def _relations(found: list[Found]) -> tuple[list[Relation], list[Node]]:
    """One relation per triple and sentence, in the order of the text; the nodes they join."""
    relations: list[Relation] = []
    seen: set[tuple[str, str, str, int]] = set()
    used: list[Node] = []
    for f in sorted(found, key=lambda f: (f.sentence.start, f.rule)):
        ends = (f.subject.name, f.object.name)
        if f.predicate in SYMMETRIC:  # "A partners with B" is "B partners with A"
            ends = (min(ends), max(ends))
        key = (ends[0], f.predicate, ends[1], f.sentence.start)
        if key in seen:
            continue
        seen.add(key)
        text, start, end = quoted(trimmed(f.sentence))
        evidence = Evidence(sentence=text, start=start, end=end, rule=f.rule,
                            percent=f.percent, market=f.market)
        relations.append(Relation(f.subject.name, str(f.predicate), f.object.name, evidence))
        used += [f.subject, f.object]
    return relations, used


def _entities(used: list[Node], state: DocState, doc: Doc) -> list[Entity]:
    """Policies, countries named only by a place or nationality word, and a leader's body
    ("the administration of X"), that relations use."""
    known = {(s._.ng_name, s.label_) for s in doc.spans[SPANS_KEY]} if SPANS_KEY in doc.spans \
        else set()
    aliases: dict[tuple[str, str], set[str]] = {}
    kinds: dict[str, str] = {}
    counts: dict[tuple[str, str], int] = {}
    for node in used:
        introduced = node.type in (EntityType.POLICY, EntityType.COUNTRY) \
            or node.name in state.bodies  # what the entity layer may not have named
        if not introduced or (node.name, node.type) in known:
            continue
        key = (node.name, node.type)
        counts[key] = counts.get(key, 0) + 1
        names = aliases.setdefault(key, set())
        if node.type == EntityType.POLICY:
            kind = str(state.measures[node.token].kind)
            # "the rules" said again is the kind its fullest mention gave ("rules on exports")
            if kinds.get(node.name, PolicyKind.OTHER_POLICY) == PolicyKind.OTHER_POLICY:
                kinds[node.name] = kind
            # no alias longer than the canonical name, which must stay the label
            names.update(a for a in policy_aliases(doc[node.token], state)
                         if len(a) <= len(node.name))
        # a country read from a city or a nationality word keeps its own name only: the
        # word ("Shanghai", "Chinese") is not a name of the country
    return [Entity(name=name, type=str(kind), aliases=tuple(sorted(aliases[(name, kind)] - {name})),
                   kind=kinds.get(name), mentions=counts[(name, kind)])
            for name, kind in sorted(aliases)]
