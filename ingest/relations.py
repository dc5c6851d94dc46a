"""Relation extraction, as the spaCy component ``ng_relations``.

Reads typed relations between the entities ``ng_entities`` found, each with the sentence it
came from, and the policies (measures of an imposer) the news reports.

The rules are data: ``ingest/patterns/*.jsonl``, one file per relation family. A line is one of

* a trigger, ``{"label": ..., "pattern": [token patterns]}``: the root of each match is tagged
  ``token._.ng_trigger = label`` (longer matches win); with ``"predicate"``, a rule reading the
  label as its predicate reads that relation instead ("up" is ``roseOnNews``);
* a policy measure, ``{"label": "Measure", "kind": ..., "id": head, "pattern": [...]}``: the root
  of each match is a candidate policy of that kind, named ``"<imposer> <head>"`` once an
  imposer is read for it. With ``"verb": true`` the measure is a clause ("Kenya cleared
  Acme to ..."): it becomes a policy only with an imposer of its own. A law the text names
  (``LAW`` in ``doc.ents``: "the Clean Air Act") is a policy under its own name;
* a dependency rule, ``{"id": ..., "predicate": ..., "subject": ..., "object": ...,
  "pattern": [RIGHT_ID/LEFT_ID/REL_OP dicts]}``. ``subject``/``object`` name pattern nodes;
  ``"^node"`` means the clause subject of that node (through ``xcomp``, ``conj``, relative
  pronouns and "X said it ..."), ``"@article"`` the article. ``predicate`` is a relation name,
  or ``"@node"`` for the trigger label of that node;
* a token-sequence rule, ``{"id": ..., "predicate": ..., "subject": TYPE, "object": TYPE,
  "sequence": [token patterns]}``, for what the parser often breaks ("ACME (AC) Chairman
  X"): the ends are the first entities of those types in the match (``token._.ng_in``).

Word lists (the nouns that refer back to a named organisation, the heads of public bodies,
...) are named sets of ``ingest/patterns/lexicon.jsonl``, read through
:func:`~newsgraph.ingest.names.lexicon`; a set the code asks for must be there.

Each relation keeps its evidence: the sentence, its character offsets in the text and the id
of the rule. Clauses under "if"/"unless" or with a negation are skipped; share moves read as
background (past perfect, "last year", a year) are skipped too.

Entity nodes are matched through ``token._.ng_type`` (set on the root token of each entity
span, of each place or nationality word standing for a country, and of each measure). Some
nouns stand for an entity too: "the association" for the one association named before it,
"the country" for the one country named before it in the sentence, "the Kenyan government"
or "US lawmakers" for the country. "It"/"its" and "he"/"his" are read as the one entity of
their kind the sentence leaves them. A relation whose ends are not of the types the contract
gives it (an organisation ``supplies`` an organisation, ...) is dropped, and so is a
``basedIn`` for a public body ("India's railway ministry" is India's, not based there).
An organisation named after its country ("Korea Institute of Geology") is based there.

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
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, SpanGroup, Token

from newsgraph.ingest.documents import ARTICLE, Entity, Evidence, Relation
from newsgraph.ingest.entities import SPANS_KEY
from newsgraph.ingest.gazetteer import demonym_of
from newsgraph.ingest.geo import country_of, nation_of
from newsgraph.ingest.names import lexicon, load_jsonl
from newsgraph.ingest.tokenmatch import FixedMatcher
from newsgraph.ingest.treematch import TreeMatcher

__all__ = ["PATTERN_FILES", "RelationExtractor", "load_patterns"]

#: The pattern files read by default, one per relation family.
PATTERN_FILES = ("roles", "based", "moves", "trade", "sanctions", "policies")

if not Doc.has_extension("ng_relations"):
    Doc.set_extension("ng_relations", default=[])
if not Doc.has_extension("ng_relation_entities"):
    Doc.set_extension("ng_relation_entities", default=[])
if not Token.has_extension("ng_type"):
    Token.set_extension("ng_type", default=None)
if not Token.has_extension("ng_in"):
    Token.set_extension("ng_in", default=None)
if not Token.has_extension("ng_trigger"):
    Token.set_extension("ng_trigger", default=None)
if not Span.has_extension("ng_demonym"):
    Span.set_extension("ng_demonym", default=False)

_PLACE_LABELS = frozenset({"GPE", "NORP", "LOC"})
# the word sets of lexicon.jsonl, read once: a missing set fails at import
_WORDS = lexicon()
#: Pronouns that refer back to an entity, and the types it may have.
_ANAPHORIC = {
    **{word: frozenset({"Organisation", "Country"}) for word in _WORDS.lower("pronoun_thing")},
    **{word: frozenset({"Person"}) for word in _WORDS.lower("pronoun_person")},
}
_PRONOUNS = _WORDS.lower("speaker_pronoun")
#: The reference nouns, by word set: "the association", "the Kenyan government", "the country".
_REFERENCES = {name: _WORDS.lower(name) for name in ("anaphor", "government", "country_anaphor")}
#: The last words that make a name an organisation's, shared with the entity layer.
_ORG_HEADS = _WORDS.words("org_head")
_PUBLIC_BODIES = _WORDS.lower("public_body")
_LEADER_BODIES = _WORDS.lower("leader_body")
_NO_NAME_BASE = _WORDS.lower("no_name_base")
_RELATIVE = frozenset({"WDT", "WP", "WP$"})
_CLIMB = frozenset({"xcomp", "conj", "acl", "dobj", "pobj", "prep", "attr", "pcomp", "acomp"})
_CLAUSE_STOP = frozenset({"conj", "advcl", "ccomp", "parataxis", "relcl", "nsubj", "nsubjpass"})
_POSSESSIVE = re.compile("['\u2019]s$")
_MODIFIER = "imposer-modifier"
_PERCENT = _WORDS.lower("percent_sign")
_BACKGROUND = _WORDS.lower("background_move")
_INDEX_WORDS = _WORDS.lower("index_head")
_HEDGES = _WORDS.lower("hedge")
_YEAR = re.compile(r"^(19|20)\d\d$")
_O, _P, _C, _M = "Organisation", "Person", "Country", "Measure"
#: The types each relation joins (the contract's table); a measure stands for its policy, and a
#: person may impose a measure of the country they lead.
_SIGNATURE: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "chairs": (frozenset({_P}), frozenset({_O})),
    "leads": (frozenset({_P}), frozenset({_O, _C})),
    "memberOf": (frozenset({_P, _O}), frozenset({_O})),
    "worksFor": (frozenset({_P}), frozenset({_O})),
    "sanctions": (frozenset({_C, _O}), frozenset({_O, _C, _P})),
    "partnersWith": (frozenset({_O, _C}), frozenset({_O, _C})),
    "supplies": (frozenset({_O}), frozenset({_O})),
    "competesWith": (frozenset({_O}), frozenset({_O})),
    "investsIn": (frozenset({_O, _C}), frozenset({_O})),
    "basedIn": (frozenset({_O}), frozenset({_C})),
    "imposes": (frozenset({_C, _O, _P}), frozenset({_M})),
    "targets": (frozenset({_M}), frozenset({_C, _O})),
    "opposes": (frozenset({_C, _O, _P}), frozenset({_M, _C, _O})),
}


def load_patterns(name: str) -> list[dict[str, Any]]:
    """The lines of ``ingest/patterns/<name>.jsonl``.

    >>> rule = next(p for p in load_patterns("roles") if p.get("id") == "role-appos-of")
    >>> rule["predicate"], rule["subject"], rule["object"]
    ('@title', 'person', 'org')
    """
    return load_jsonl(f"{name}.jsonl")


@dataclass(frozen=True)
class _Rule:
    id: str
    predicate: str
    subject: str
    object: str
    nodes: tuple[str, ...]


@dataclass(frozen=True)
class _Measure:
    kind: str
    head: str
    direct: str | None
    verb: bool = False  # a clause ("Kenya cleared Acme"): a policy only with its own imposer
    named: bool = False  # a law named in the text ("the Clean Air Act"): its own name


@dataclass(frozen=True)
class _Node:
    """One end of a relation: an entity (or a measure) of the document."""

    name: str
    type: str
    token: int


@dataclass
class _Found:
    subject: _Node
    predicate: str
    object: _Node
    sentence: Span
    rule: str
    percent: float | None = None
    market: str | None = None


@dataclass
class _DocState:
    nodes: dict[int, _Node] = field(default_factory=dict)
    surfaces: dict[int, str] = field(default_factory=dict)
    inside: dict[int, int] = field(default_factory=dict)  # token -> root of its entity span
    measures: dict[int, _Measure] = field(default_factory=dict)
    references: set[int] = field(default_factory=set)  # "the association", "the country"
    bodies: set[str] = field(default_factory=set)  # "the administration of X": X's administration


class RelationExtractor:
    """Read relations and policies with matchers built from the pattern files."""

    def __init__(self, nlp: Language, pattern_files: Iterable[str] = PATTERN_FILES) -> None:
        self.triggers = FixedMatcher()
        self.measure_matcher = FixedMatcher()
        self.rules_matcher = TreeMatcher()
        self.sequences = Matcher(nlp.vocab)
        self.anaphors = FixedMatcher()
        self.rules: dict[str, _Rule] = {}
        self.measures: dict[str, _Measure] = {}
        self.trigger_predicates: dict[str, str] = {}
        for name in pattern_files:
            for line in load_patterns(name):
                self._add(line)
        for name, words in _REFERENCES.items():
            self.anaphors.add(name, [[{"LOWER": {"IN": sorted(words)}}]])

    def _add(self, line: dict[str, Any]) -> None:
        if "set" in line:
            message = f"word set {line['set']!r}: word sets belong in lexicon.jsonl"
            raise ValueError(message)
        if "id" in line and "sequence" in line:
            rule = _Rule(line["id"], line["predicate"], line["subject"], line["object"], ())
            self.rules[rule.id] = rule
            self.sequences.add(rule.id, [line["sequence"]])
        elif "id" in line and "predicate" in line:
            pattern = line["pattern"]
            rule = _Rule(line["id"], line["predicate"], line["subject"], line["object"],
                         tuple(node["RIGHT_ID"] for node in pattern))
            self.rules[rule.id] = rule
            self.rules_matcher.add(rule.id, pattern)
        elif line.get("label") == "Measure":
            measure = _Measure(line["kind"], line["id"], line.get("direct"),
                               verb=line.get("verb", False))
            key = f"{measure.kind}|{measure.head}|{measure.direct or ''}|{measure.verb}"
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
        found = _resolve_policies(found, state)
        relations, used = _relations(found)
        # a named law is a policy of the document even with no relation read for it
        used += [_Node(m.head, "Policy", token) for token, m in sorted(state.measures.items())
                 if m.named]
        doc._.ng_relations = relations
        doc._.ng_relation_entities = _entities(used, state, doc)
        _add_policy_spans(doc, used)
        return doc

    # ---------------------------------------------------------------- marking
    def _mark(self, doc: Doc) -> _DocState:
        state = _DocState()
        for span in doc.spans.get(SPANS_KEY, []):
            name = span._.ng_name or span.text
            self._set(state, span, _Node(name, span.label_, span.root.i))
        for ent in doc.ents:
            if ent.label_ in _PLACE_LABELS and ent.root.i not in state.nodes:
                text = _POSSESSIVE.sub("", ent.text).strip()
                country = country_of(text)
                if country:
                    self._set(state, ent, _Node(country, "Country", ent.root.i))
        for token in doc:
            if token.i not in state.nodes and token.tag_ in ("JJ", "NNP", "NNPS") \
                    and token.text[:1].isupper():
                country = demonym_of(token.text)
                if country:
                    self._set(state, doc[token.i:token.i + 1],
                              _Node(country, "Country", token.i))
        self._mark_references(doc, state)
        self._mark_leaders_bodies(doc, state)
        for label, start, end in sorted(self.triggers(doc), key=lambda m: m[2] - m[1]):
            doc[start:end].root._.ng_trigger = label
        taken: set[int] = set()
        for key, start, end in sorted(self.measure_matcher(doc),
                                      key=lambda m: (m[1] - m[2], m[1])):
            if taken & set(range(start, end)):
                continue
            taken.update(range(start, end))
            root = doc[start:end].root
            if root.i in state.nodes:
                continue
            measure = self.measures[key]
            state.measures[root.i] = measure
            root._.ng_type = "Measure"
            state.nodes[root.i] = _Node(measure.head, "Measure", root.i)
        _mark_laws(doc, state)
        return state

    def _mark_references(self, doc: Doc, state: _DocState) -> None:
        """Nouns that stand for a named entity: "the association", "the Kenyan government".

        "The country" is the one country named before it in its sentence, if there is one.
        "The association" after "Korea Battery Industry Association" is that
        association: the nearest organisation before it whose name has the noun. A country
        word beside the noun must agree ("the U.S. association" is not Korea's). "The Kenyan
        government" and "Chinese authorities" are the country.
        """
        orgs = sorted((s.start, s._.ng_name or s.text) for s in doc.spans.get(SPANS_KEY, [])
                      if s.label_ == "Organisation")
        for label, start, _ in self.anaphors(doc):
            token = doc[start]
            if token.i in state.inside or token.tag_ not in ("NN", "NNS") \
                    or (token.tag_ == "NNS" and label != "government"):
                continue
            country = next((state.nodes[c.i].name for c in token.children
                            if c.dep_ in ("compound", "amod", "nmod", "poss")
                            and c.i in state.nodes and state.nodes[c.i].type == "Country"), None)
            state.references.add(token.i)
            if label == "government":
                if country is not None:
                    self._set(state, doc[token.i:token.i + 1], _Node(country, "Country", token.i))
                continue
            if not any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in token.children):
                continue
            if label == "country_anaphor":
                before = {n.name for n in _nodes_before(token, state) if n.type == "Country"}
                if len(before) == 1 and not any(c.dep_ in ("amod", "compound")
                                                for c in token.children):
                    self._set(state, doc[token.i:token.i + 1],
                              _Node(before.pop(), "Country", token.i))
                continue
            # the one organisation named before with the noun in its name, else none
            names = {name for start, name in orgs if start < token.i
                     and token.lower_ in name.lower().split()
                     and (country is None or nation_of(name.split()[0]) in (None, country))}
            if len(names) == 1:
                self._set(state, doc[token.i:token.i + 1],
                          _Node(names.pop(), "Organisation", token.i))

    def _mark_leaders_bodies(self, doc: Doc, state: _DocState) -> None:
        """"The administration of President Jane Doe" is the organisation "Jane Doe administration".

        The body's noun comes from the ``leader_body`` word list; its "of" object must be a
        person, and the phrase must name no organisation already ("the Doe Administration").
        """
        for token in doc:
            if token.lower_ not in _LEADER_BODIES or token.tag_ != "NN" or token.i in state.inside \
                    or not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
                continue
            person = next((state.nodes[p.i] for c in token.children
                           if c.dep_ == "prep" and c.lower_ == "of"
                           for p in c.children if p.dep_ == "pobj" and p.i in state.nodes
                           and state.nodes[p.i].type == _P), None)
            if person is None:
                continue
            name = f"{person.name} {token.lower_}"
            state.bodies.add(name)
            self._set(state, doc[token.i:token.i + 1], _Node(name, _O, token.i))

    @staticmethod
    def _set(state: _DocState, span: Span, node: _Node) -> None:
        state.nodes[node.token] = node
        state.surfaces[node.token] = span.text
        span.root._.ng_type = node.type
        for token in span:
            token._.ng_in = node.type
            state.inside[token.i] = node.token

    # ---------------------------------------------------------------- matching
    def _match(self, doc: Doc, state: _DocState) -> Iterator[_Found]:
        yield from self._match_sequences(doc, state)
        yield from self._match_dependencies(doc, state)
        yield from self._name_bases(doc, state)

    def _name_bases(self, doc: Doc, state: _DocState) -> Iterator[_Found]:
        """An organisation named after its country is based there ("Korea Institute of
        Geology", "Swiss Watch Federation"); a public body's name ("Indian Ministry of
        Railways", "Brazilian Senate") says whose it is, and a city in a name says nothing.
        """
        seen: set[str] = set()
        for span in doc.spans.get(SPANS_KEY, []):
            name = span._.ng_name or span.text
            if span.label_ != "Organisation" or name in seen or len(span) < 2:
                continue
            tokens = [t for t in span if t.lower_ != "the"]
            # a name ends with an organisation word ("... Association", "... Company"); a
            # public body's name says whose it is; "China-American" is no country
            if len(tokens) < 2 or tokens[-1].text not in _ORG_HEADS \
                    or self._public(name) or tokens[1].text == "-" \
                    or any(t.lower_ in _NO_NAME_BASE for t in tokens):
                continue
            country = next((nation_of(doc[tokens[0].i:end].text)
                            for end in range(tokens[0].i + 1, min(tokens[0].i + 4, span.end))
                            if nation_of(doc[tokens[0].i:end].text)), None)
            if country is None or country == name:
                continue
            seen.add(name)
            node = state.nodes.get(span.root.i)
            if node is not None:
                place = _Node(country, "Country", tokens[0].i)
                yield _Found(node, "basedIn", place, span.root.sent, "name-country")

    def _match_sequences(self, doc: Doc, state: _DocState) -> Iterator[_Found]:
        """Token-sequence rules, for what the parser often breaks ("ACME (AC) Chairman X").

        The rule's ``subject`` and ``object`` name entity types; each trigger token in the
        match gives one relation (its label is the predicate when the rule says ``@trigger``).
        """
        for match_id, start, end in self.sequences(doc, as_spans=False):
            rule = self.rules[doc.vocab.strings[match_id]]
            span = doc[start:end]
            if any(t.text in (".", "!", "?") for t in span) or _hedged(doc[end - 1]):
                continue
            # the parser may split a sentence inside the match: quote both parts then
            sentence = doc[doc[start].sent.start:doc[end - 1].sent.end]
            ends = {}
            for token in span:
                if token._.ng_in in (rule.subject, rule.object) and token._.ng_in not in ends:
                    ends[token._.ng_in] = state.nodes[state.inside[token.i]]
            if len(ends) < 2:
                continue
            for token in span:
                predicate = self._predicate(rule.predicate, {"trigger": token})
                if token._.ng_in is None and predicate:
                    yield _Found(ends[rule.subject], predicate, ends[rule.object],
                                 sentence, rule.id)

    def _match_dependencies(self, doc: Doc, state: _DocState) -> Iterator[_Found]:
        for rule_id, token_ids in self.rules_matcher(doc):
            rule = self.rules[rule_id]
            tokens = {name: doc[i] for name, i in zip(rule.nodes, token_ids, strict=True)}
            if _hedged(doc[token_ids[0]]):
                continue
            predicate = self._predicate(rule.predicate, tokens)
            if predicate is None:
                continue
            if predicate == "supplies" and _sells_assets(tokens):
                continue
            # a rule whose two ends are one node reads the parties to each other
            mutual = rule.subject == rule.object
            subjects = _ends(rule.subject, tokens, state, mutual)
            objects = _ends(rule.object, tokens, state, mutual)
            sentence = doc[token_ids[0]].sent
            if rule.object == "@article":
                yield from _moves(subjects, predicate, tokens, state, sentence, rule.id)
                continue
            domain, range_ = _SIGNATURE.get(predicate, (frozenset(), frozenset()))
            for subject in subjects:
                if predicate == "basedIn" and self._public(subject.name):
                    continue  # "India's railway ministry" is India's, not a company based there
                for obj in objects:
                    if predicate == "basedIn" and _quoted_between(doc, subject, obj):
                        continue  # Korea's "little Apple" is a nickname, not Apple
                    if subject.name != obj.name and (
                            not domain or (subject.type in domain and obj.type in range_)):
                        yield _Found(subject, predicate, obj, sentence, rule.id)

    def _predicate(self, spec: str, tokens: dict[str, Token]) -> str | None:
        """The predicate a rule reads: its own, or the trigger label of a node (``"@node"``)."""
        if not spec.startswith("@"):
            return spec
        label = tokens[spec[1:]]._.ng_trigger
        return self.trigger_predicates.get(label, label) if label else None

    def _public(self, name: str) -> bool:
        """Whether a name is a public body's ("Ministry of Railways", "Brazilian Senate")."""
        return any(word in _PUBLIC_BODIES for word in name.lower().split())


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


def _hedged(token: Token) -> bool:
    """Whether the clause of ``token`` is negated or hypothetical ("if Ottawa banned ...")."""
    clause = token
    while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
        clause = clause.head
    return any(c.dep_ == "neg" or (c.dep_ == "mark" and c.lower_ in _HEDGES)
               for c in clause.children)


def _quoted_between(doc: Doc, one: _Node, other: _Node) -> bool:
    """Whether a quotation mark stands between two ends (Korea's "little Apple")."""
    start, end = sorted((one.token, other.token))
    return start >= 0 and any(t.is_quote for t in doc[start + 1:end])


def _sells_assets(tokens: dict[str, Token]) -> bool:
    """Selling stores, a stake or a unit is a divestment, not supplying goods."""
    verb = tokens.get("verb")
    return verb is not None and any(
        t._.ng_trigger == "asset" for c in verb.children if c.dep_ == "dobj" for t in c.subtree)


def _ends(spec: str, tokens: dict[str, Token], state: _DocState,
          appositions: bool = False) -> list[_Node]:
    """The entities at one end of a rule, with the entities coordinated with them.

    With ``appositions``, a coordinated common noun counts by the name beside it ("Initech and
    its parent, Globex"); only rules that read the parties to each other ask for it, as the
    noun's own modifiers are not shared ("Dutch Initech and its parent, Globex").
    """
    if spec == "@article":
        return [_Node(ARTICLE, "Article", -1)]
    if spec.startswith("^"):
        token = _clause_subject(tokens[spec[1:]])
        if token is None:
            return []
    else:
        token = tokens[spec]
    node = _entity(token, state)
    if node is None:
        return []
    found = [node]
    if token.dep_ == "conj":  # "Foxconn chairman Young Liu" says nothing of the conjunct before
        return found
    for other in _conjuncts(token):
        extra = _entity(other, state)
        if extra is None and appositions:
            extra = _named_in_apposition(other, state)
        if extra is not None and extra.type == node.type and extra not in found:
            found.append(extra)
    return found


def _named_in_apposition(token: Token, state: _DocState) -> _Node | None:
    """The entity a common noun is named by, in apposition: in "Initech and its parent,
    Globex, sued" the second subject is Globex."""
    if token.pos_ not in ("NOUN", "PROPN"):
        return None
    return next((state.nodes[c.i] for c in token.children
                 if c.dep_ == "appos" and c.i in state.nodes), None)


def _conjuncts(token: Token) -> list[Token]:
    result = list(token.conjuncts)
    # "A, B and C": the parser sometimes leaves the first item of a list outside it
    return [t for t in result if t.dep_ in ("conj", token.dep_) or t.i == token.head.i]


def _entity(token: Token, state: _DocState, depth: int = 0) -> _Node | None:
    node = state.nodes.get(token.i)
    if node is not None or depth > 3:
        return node
    if token.tag_ in _RELATIVE and token.head.dep_ == "relcl":
        return _entity(token.head.head, state, depth + 1)
    if token.lower_ in _PRONOUNS and token.dep_ in ("nsubj", "nsubjpass") \
            and token.head.dep_ in ("ccomp", "advcl"):
        speaker = _clause_subject(token.head.head)
        return _entity(speaker, state, depth + 1) if speaker is not None else None
    kind = _ANAPHORIC.get(token.lower_)
    if kind is not None and (token.dep_ in ("poss", "dative", "dobj", "pobj")
                             or (token.dep_ == "nsubj" and token.head.dep_ == "relcl")):
        return _antecedent(token, kind, state, depth)
    return None


def _antecedent(token: Token, kinds: frozenset[str], state: _DocState,
                depth: int) -> _Node | None:
    """What "it"/"its" (an organisation or country) or "he"/"his" (a person) refers to.

    A possessive refers to its clause's subject ("Acme raised its prices"), except in "X is
    its supplier"; an object pronoun never does ("the bank offered it a loan"). Otherwise (and for
    the subject of a relative clause: "the tariffs it will impose") it is the one entity of
    its kind named before it in the sentence, if there is exactly one.
    """
    subject = _clause_subject(token.head)
    own = _entity(subject, state, depth + 1) \
        if subject is not None and subject.i != token.i else None
    copular = token.head.dep_ in ("attr", "acomp")
    if token.dep_ == "poss" and not copular:
        if own is not None and own.type in kinds:
            return own
        if subject is not None:
            return None
    names = {node.name: node for node in _nodes_before(token, state)
             if node.type in kinds and (own is None or node.name != own.name)}
    return next(iter(names.values())) if len(names) == 1 else None


def _clause_subject(token: Token) -> Token | None:
    """Who does what ``token`` (a verb or a noun in its clause) says, climbing to the clause."""
    node = token
    for _ in range(6):
        for child in node.children:
            if child.dep_ == "nsubj":
                return child
            if child.dep_ == "agent":
                return next((c for c in child.children if c.dep_ == "pobj"), None)
        infinitive = node.tag_ == "VB" and any(c.tag_ == "TO" for c in node.children)
        nonfinite = (node.dep_ == "advcl" and node.tag_ in ("VBG", "VBN", "VB")) or (
            node.dep_ == "relcl" and infinitive)  # "signed a deal to supply"
        if nonfinite and infinitive and _with_party(node.head):
            return None  # "a deal with Acme to supply": who supplies is not said
        if (node.dep_ not in _CLIMB and not nonfinite) or node.head.i == node.i:
            return None
        if node.dep_ == "xcomp":
            # "Kenya urged Brazil to scrap its tariffs": who scraps is the object, when it
            # names a party ("took steps to limit" is still the subject's doing)
            controller = next((c for c in node.head.children if c.dep_ == "dobj"
                               and (c._.ng_type or c.tag_ in ("NNP", "NNPS", "PRP"))), None)
            if controller is not None and controller.i < node.i:
                return controller
        node = node.head
    return None


def _nodes_before(token: Token, state: _DocState) -> list[_Node]:
    """The entities named in ``token``'s sentence before it, in order."""
    found = (state.nodes.get(t.i) for t in token.doc[token.sent.start:token.i])
    return [node for node in found if node is not None]


def _with_party(token: Token) -> bool:
    """Whether ``token`` (or its object) is done "with" or "between" another party."""
    heads = [token, *(c for c in token.children if c.dep_ == "dobj")]
    return any(c.dep_ == "prep" and c.lower_ in ("with", "between")
               for head in heads for c in head.children)


# ------------------------------------------------------------------ share moves


def _moves(
    subjects: list[_Node], predicate: str, tokens: dict[str, Token], state: _DocState,
    sentence: Span, rule: str,
) -> Iterator[_Found]:
    verb = tokens["verb"]
    anchor = verb if verb.pos_ in ("VERB", "AUX") else verb.head
    if _background(anchor) or _transitive(anchor):
        return
    subjects = [s for s in subjects if s.type == "Organisation"
                and s.name.split()[-1].casefold() not in _INDEX_WORDS]
    percents = _percents(verb) or _percents(anchor)
    respectively = any(t.lower_ == "respectively" for t in anchor.children)
    market = _market(anchor, state)
    article = _Node(ARTICLE, "Article", -1)
    for n, subject in enumerate(subjects):
        if respectively and len(percents) == len(subjects):
            percent: float | None = percents[n]
        else:
            percent = percents[0] if percents else None
        yield _Found(subject, predicate, article, sentence, rule, percent, market)


def _background(anchor: Token) -> bool:
    """Whether a share move reads as context (an earlier move) rather than the news."""
    if any(c.dep_ == "aux" and c.lower_ == "had" for c in anchor.children):
        return True
    for child in anchor.children:
        if child.dep_ in ("nsubj", "conj", "ccomp", "advcl"):
            continue
        for t in child.subtree:
            if t.lower_ in _BACKGROUND or (t.like_num and _YEAR.match(t.text)):
                return True
    return False


def _transitive(verb: Token) -> bool:
    """"Advancing the development", "gained market share": not a move of the share price."""
    return any(c.dep_ == "dobj" and not any(t.lower_ in _PERCENT for t in c.subtree)
               for c in verb.children)


def _percents(verb: Token) -> list[float]:
    found = []
    for child in verb.children:
        if child.dep_ in _CLAUSE_STOP:
            continue
        for t in child.subtree:
            if t.lower_ in _PERCENT or (t.lower_ == "cent" and t.i and t.nbor(-1).lower_ == "per"):
                number = next((c for c in t.children if c.like_num), None)
                if number is None and t.i and t.nbor(-1).like_num:
                    number = t.nbor(-1)
                if number is None and t.i > 1 and t.nbor(-2).like_num:
                    number = t.nbor(-2)
                if number is not None:
                    try:
                        found.append(float(number.text.replace(",", "")))
                    except ValueError:
                        continue
    return found


def _market(anchor: Token, state: _DocState) -> str | None:
    for child in anchor.children:
        if child.dep_ == "prep" and child.lower_ in ("in", "on"):
            for t in child.subtree:
                node = state.nodes.get(t.i)
                if node is not None and node.type in ("Country", "Organisation"):
                    return state.surfaces.get(t.i, node.name)
    return None


# --------------------------------------------------------------------- policies


def _mark_laws(doc: Doc, state: _DocState) -> None:
    """A law the text names ("the Clean Air Act") is a policy under its own name.

    Its kind is that of a measure word inside the name ("... Export Control Act"), else
    ``OtherPolicy``.
    """
    for ent in doc.ents:
        if ent.label_ != "LAW" or (ent.root.i in state.nodes and ent.root.i not in state.measures):
            continue
        tokens = [t for t in ent if t.lower_ != "the" and not _POSSESSIVE.match(t.text)]
        if not tokens or not any(t.text[:1].isupper() for t in tokens):
            continue
        inner = [state.measures.pop(t.i) for t in ent if t.i in state.measures]
        for t in ent:
            state.nodes.pop(t.i, None)
        kind = inner[0].kind if inner else "OtherPolicy"
        name = doc[tokens[0].i:tokens[-1].i + 1].text
        state.measures[ent.root.i] = _Measure(kind, name, None, named=True)
        ent.root._.ng_type = "Measure"
        state.nodes[ent.root.i] = _Node(name, "Measure", ent.root.i)



def _resolve_policies(found: list[_Found], state: _DocState) -> list[_Found]:
    """Name each measure after its imposer; turn it into a Policy or a direct edge."""
    leaders = {f.subject.name: f.object for f in found
               if f.predicate == "leads" and f.object.type == "Country"}
    found = _topics_are_targets(found, state)
    imposers: dict[int, list[_Found]] = {}
    for f in found:
        if f.predicate == "imposes" and f.object.type == "Measure":
            subject = f.subject
            if subject.type == "Person":
                country = leaders.get(subject.name)
                if country is None:
                    continue
                f.subject = subject = country
            imposers.setdefault(f.object.token, []).append(f)
    policies: dict[int, _Node] = {token: _Node(m.head, "Policy", token)
                                  for token, m in state.measures.items() if m.named}
    by_head: dict[str, set[str]] = {}
    national: dict[str, set[str]] = {}
    for token, items in sorted(imposers.items()):
        countries = [f.subject for f in items if f.subject.type == "Country"]
        if countries and token not in policies:
            head = state.measures[token].head
            name = f"{min(countries, key=lambda n: n.token).name} {head}"
            policies[token] = _Node(name, "Policy", token)
            national.setdefault(head, set()).add(name)
    for token, items in sorted(imposers.items()):
        head = state.measures[token].head
        if token not in policies:
            # an agency acting on its country's measure: "the trade office will raise the tariffs"
            same = national.get(head, set())
            first = min((f.subject for f in items), key=lambda n: n.token)
            name = next(iter(same)) if len(same) == 1 else f"{first.name} {head}"
            policies[token] = _Node(name, "Policy", token)
        by_head.setdefault(head, set()).add(policies[token].name)
    for token, measure in state.measures.items():
        names = by_head.get(measure.head, set())
        if token not in policies and len(names) == 1 and not measure.verb:
            policies[token] = _Node(next(iter(names)), "Policy", token)
    result = []
    for f in found:
        if f.object.type == "Measure" or f.subject.type == "Measure":
            measure_token = f.object.token if f.object.type == "Measure" else f.subject.token
            measure = state.measures[measure_token]
            if measure.direct and f.predicate == "targets":
                for imposer in imposers.get(measure_token, []):
                    result.append(_Found(imposer.subject, measure.direct, f.object,
                                         f.sentence, f.rule))
                continue
            policy = policies.get(measure_token)
            if policy is None:
                continue
            if f.object.type == "Measure":
                f.object = policy
            else:
                f.subject = policy
        result.append(f)
    direct = {f.subject.token for f in found
              if f.predicate == "targets" and f.subject.type == "Measure"
              and state.measures[f.subject.token].direct}
    return [f for f in result
            if not (f.predicate in ("imposes", "targets") and f.object.token in direct
                    and f.object.type == "Policy")
            and not (f.subject.type == "Policy" and f.subject.token in direct)]


def _topics_are_targets(found: list[_Found], state: _DocState) -> list[_Found]:
    """In "Trump's China trade plan" the possessor imposes; the bare modifier is the target."""
    owners = {f.object.token for f in found
              if f.predicate == "imposes" and f.object.type == "Measure" and f.rule == _MODIFIER
              and f.sentence.doc[f.subject.token].dep_ == "poss"}
    result = []
    for f in found:
        doc = f.sentence.doc
        if f.predicate == "imposes" and f.object.token in owners and f.rule == _MODIFIER \
                and doc[f.subject.token].dep_ in ("compound", "nmod"):
            f = _Found(f.object, "targets", f.subject, f.sentence, f.rule)
        result.append(f)
    return result


# ---------------------------------------------------------------------- output


def _relations(found: list[_Found]) -> tuple[list[Relation], list[_Node]]:
    relations: list[Relation] = []
    seen: set[tuple[str, str, str, int]] = set()
    used: list[_Node] = []
    for f in sorted(found, key=lambda f: (f.sentence.start, f.rule)):
        key = (f.subject.name, f.predicate, f.object.name, f.sentence.start)
        if key in seen:
            continue
        seen.add(key)
        evidence = Evidence(sentence=f.sentence.text.strip(), start=f.sentence.start_char,
                            end=f.sentence.end_char, rule=f.rule, percent=f.percent,
                            market=f.market)
        relations.append(Relation(f.subject.name, f.predicate, f.object.name, evidence))
        used += [f.subject, f.object]
    return relations, used


def _entities(used: list[_Node], state: _DocState, doc: Doc) -> list[Entity]:
    """Policies, countries named only by a place or nationality word, and a leader's body
    ("the administration of X"), that relations use."""
    known = {(s._.ng_name, s.label_) for s in doc.spans[SPANS_KEY]} if SPANS_KEY in doc.spans \
        else set()
    aliases: dict[tuple[str, str], set[str]] = {}
    kinds: dict[str, str] = {}
    counts: dict[tuple[str, str], int] = {}
    for node in used:
        if (node.type not in ("Policy", "Country") and node.name not in state.bodies) \
                or (node.name, node.type) in known:
            continue
        key = (node.name, node.type)
        counts[key] = counts.get(key, 0) + 1
        names = aliases.setdefault(key, set())
        if node.type == "Policy":
            kinds[node.name] = state.measures[node.token].kind
            # no alias longer than the canonical name, which must stay the label
            names.update(a for a in _policy_aliases(doc[node.token], state)
                         if len(a) <= len(node.name))
        # a country read from a city or a nationality word keeps its own name only: the
        # word ("Shanghai", "Chinese") is not a name of the country
    return [Entity(name=name, type=kind, aliases=tuple(sorted(aliases[(name, kind)] - {name})),
                   kind=kinds.get(name), mentions=counts[(name, kind)])
            for name, kind in sorted(aliases)]


def _add_policy_spans(doc: Doc, used: list[_Node]) -> None:
    """Add each policy mention to the document's mention group, labelled "Policy"."""
    spans = list(doc.spans.get(SPANS_KEY, []))
    taken = {(s.start, s.end) for s in spans}
    for node in used:
        if node.type != "Policy":
            continue
        root = doc[node.token]
        start = root.i if root.pos_ in ("VERB", "AUX") else root.left_edge.i
        while start < root.i and doc[start].pos_ in ("DET", "PRON", "PUNCT"):
            start += 1
        if (start, root.i + 1) in taken:
            continue
        taken.add((start, root.i + 1))
        span = Span(doc, start, root.i + 1, label="Policy")
        span._.ng_name = node.name
        spans.append(span)
    doc.spans[SPANS_KEY] = SpanGroup(doc, name=SPANS_KEY, spans=spans)


def _policy_aliases(root: Token, state: _DocState) -> set[str]:
    """The policy phrase as written, from its imposer modifier to its head."""
    measure = state.measures[root.i]
    names: set[str] = set()
    if measure.verb:
        return names
    start = root.left_edge.i
    while start < root.i and root.doc[start].pos_ in ("DET", "PRON", "PUNCT"):
        start += 1
    if start < root.i and not state.references & set(range(start, root.i)):
        names.add(root.doc[start:root.i + 1].text)
    for child in root.lefts:
        node = state.nodes.get(child.i)
        if node is not None and node.type in ("Country", "Organisation", "Person") \
                and child.i not in state.references:
            start = child.left_edge.i
            names.add(root.doc[start:root.i + 1].text)
            names.add(f"{state.surfaces.get(child.i, child.text)} {measure.head}")
    return names
