"""A learned relation classifier, as the spaCy component ``ng_relation_classifier``.

The rules of ``ng_relations`` are precise but miss most phrasings. This component reads the
pairs of entity mentions the rules left alone and keeps those a multinomial logistic regression
finds related, with the probability it gives them:

* **candidates**: in each sentence, ordered pairs of mentions of two entities
  (``doc.spans["ng_entities"]``) whose types some relation joins (:data:`CANDIDATE_RELATIONS`),
  the nearest two mentions for each pair of names; pairs the rules relate in that sentence are
  skipped;
* **features** (:func:`features`): the dependency path between the two mentions' heads, its
  words' lemmas, their lowest common ancestor and what governs it, the words between and
  around them, the trigger words of the rules (``token._.ng_trigger``) on the path or between,
  the types, order, distance and shape of the mentions, and whether a negation or a hedge
  governs the path. Other names are written as their type, proper nouns as ``@propn`` and
  numbers as ``@num``, so nothing learnt is about one name. Lemmas come from spaCy's rule
  lemmatizer, loaded with the model but not run over the whole text: it is asked only for
  the words the features read;
* **model** (:class:`RelationModel`): feature weights per class, a JSON file in
  ``ingest/data/`` written by ``scripts/train_relations.py`` from the tune part of the corpus.
  A class whose types the pair cannot take is left out of the softmax.

A pair is kept when its best relation's probability reaches that relation's threshold (chosen
on held-out tune data; a relation the model never reads well enough has none and is never
kept); the two orders of a pair compete, and the better one is
appended to ``doc._.ng_relations`` with ``Evidence(rule="classifier", confidence=p)``.
Symmetric relations are read once, subject first in the text.

Examples
--------
>>> from newsgraph.ingest.pipeline import load_pipeline
>>> nlp = load_pipeline()
>>> "ng_relation_classifier" in nlp.pipe_names
True
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any, Protocol, cast

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newsgraph.ingest.confidence import MOST_CONFIDENT
from newsgraph.ingest.coreference import REFERENCES_KEY
from newsgraph.ingest.documents import Evidence, Relation
from newsgraph.ingest.entities import SPANS_KEY
from newsgraph.ingest.markup import quoted, trimmed
from newsgraph.ingest.names import lexicon
from newsgraph.ontology import RELATIONS, SYMMETRIC

__all__ = [
    "CANDIDATE_RELATIONS",
    "FORMAT",
    "MODEL_FILE",
    "NONE",
    "CachedLemmatizer",
    "Candidate",
    "Lemmatizer",
    "RelationClassifier",
    "RelationModel",
    "allowed_relations",
    "candidates",
    "features",
    "load_model",
    "make_relation_classifier",
    "mention_types",
]

#: The file of the shipped model, in ``newsgraph.ingest.data``.
MODEL_FILE = "relation_model.json"
#: The format the model file declares; a file of another format is refused.
FORMAT = "newsgraph-relation-model/1"
#: The class of a pair that holds no relation.
NONE = "NONE"
#: The relations the classifier reads: those between two entities (share moves end at the
#: article, which no mention names).
CANDIDATE_RELATIONS = tuple(sorted(
    name for name, signature in RELATIONS.items() if "Article" not in signature.range))
#: The rule name each classified relation's evidence carries.
RULE = "classifier"

_TYPES = {"Organisation": "O", "Person": "P", "Country": "C", "Policy": "L"}
_HEDGE_MARKS = frozenset({"if", "unless", "whether"})
_MODALS = frozenset({"may", "might", "could", "would", "should"})
_DENIALS = frozenset({"deny", "reject", "refuse", "dismiss", "rule"})
_CONTENT = frozenset({"NOUN", "VERB", "ADJ", "ADP", "ADV", "PART"})
_PATH_MAX = 6  # longer dependency paths are written as their length only
_BETWEEN_MAX = 12  # words between the mentions, read up to this distance
_NUMBER = re.compile(r"^[$€£]?\d[\d.,%]*$")

if not Doc.has_extension("ng_relations"):
    Doc.set_extension("ng_relations", default=[])
if not Token.has_extension("ng_trigger"):
    Token.set_extension("ng_trigger", default=None)


class Lemmatizer(Protocol):
    """What the classifier asks of spaCy's rule lemmatizer."""

    def rule_lemmatize(self, token: Token) -> list[str]: ...


@dataclass(frozen=True)
class Candidate:
    """An ordered pair of mentions of two entities in one sentence, with the two entities'
    names as the rules write them."""

    subject: Span
    object: Span
    sentence: Span
    names: tuple[str, str]


class CachedLemmatizer:
    """spaCy's rule lemmatizer, remembering each (word, part of speech) it was asked."""

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        self.lemmatizer = lemmatizer
        self.cache: dict[tuple[int, int], list[str]] = {}

    def rule_lemmatize(self, token: Token) -> list[str]:
        key = (token.orth, token.pos)
        found = self.cache.get(key)
        if found is None:
            found = self.cache[key] = self.lemmatizer.rule_lemmatize(token)
        return found


@cache
def allowed_relations(subject_type: str, object_type: str) -> tuple[str, ...]:
    """The relations the classifier may read between two types.

    >>> allowed_relations("Person", "Country")
    ('leads', 'opposes')
    """
    return tuple(p for p in CANDIDATE_RELATIONS
                 if subject_type in RELATIONS[p].domain and object_type in RELATIONS[p].range)


def candidates(doc: Doc, relations: Collection[str] = CANDIDATE_RELATIONS) -> list[Candidate]:
    """The ordered pairs of mentions the classifier reads, in document order.

    A pair's types must allow one of ``relations``. Two mentions of one entity make no pair;
    of several mentions of two entities in one sentence, the nearest pair stands for them.
    """
    wanted = frozenset(relations)
    by_sentence: dict[int, list[tuple[Span, str]]] = {}
    for span in (*doc.spans.get(SPANS_KEY, []), *doc.spans.get(REFERENCES_KEY, [])):
        if span.label_ in _TYPES:
            name = str(span._.ng_name or span.text)
            by_sentence.setdefault(span.root.sent.start, []).append((span, name))
    found: list[Candidate] = []
    for start in sorted(by_sentence):
        spans = by_sentence[start]
        sentence = spans[0][0].root.sent
        nearest: dict[tuple[str, str], tuple[int, int, int]] = {}
        for n, (one, one_name) in enumerate(spans):
            for m, (other, other_name) in enumerate(spans):
                if n == m or one_name == other_name or _overlap(one, other) \
                        or wanted.isdisjoint(allowed_relations(one.label_, other.label_)):
                    continue
                gap = abs(one.root.i - other.root.i)
                key = (one_name, other_name)
                best = nearest.get(key)
                if best is None or (gap, n, m) < best:
                    nearest[key] = (gap, n, m)
        ordered = sorted(nearest.values(),
                         key=lambda v: (spans[v[1]][0].start, spans[v[2]][0].start, v[1], v[2]))
        found += [Candidate(spans[n][0], spans[m][0], sentence, (spans[n][1], spans[m][1]))
                  for _, n, m in ordered]
    return found


def _overlap(one: Span, other: Span) -> bool:
    return one.start < other.end and other.start < one.end


# ---------------------------------------------------------------------------- features


def _lemma(token: Token, lemmatizer: Lemmatizer | None) -> str:
    """A token's lemma, lower case: the attribute ruler's, else the rule lemmatizer's."""
    if token.lemma_:
        return token.lemma_.lower()
    if lemmatizer is not None and token.pos_:
        lemmas = lemmatizer.rule_lemmatize(token)
        if lemmas:
            return lemmas[0].lower()
    return token.lower_


def _word(token: Token, inside: Mapping[int, str], lemmatizer: Lemmatizer | None) -> str:
    """What a token says for the features: its lemma; another name's type; a number."""
    if token.is_space:
        return "@space"
    kind = inside.get(token.i)
    if kind is not None:
        return "@" + _TYPES[kind]
    if token.pos_ == "PROPN":
        return "@propn"
    if token.like_num or _NUMBER.match(token.text):
        return "@num"
    return _lemma(token, lemmatizer)


def _bucket(n: int) -> str:
    for limit, name in ((0, "0"), (1, "1"), (2, "2"), (4, "3-4"), (7, "5-7"), (12, "8-12")):
        if n <= limit:
            return name
    return "13+"


def _path(one: Token, other: Token) -> tuple[list[Token], Token, list[Token]] | None:
    """The tokens from ``one`` up to the lowest common ancestor (excluded), the ancestor,
    and the tokens from ``other`` up to it (excluded); None across sentences."""
    up = [one, *one.ancestors]
    index = {t.i: k for k, t in enumerate(up)}
    down: list[Token] = []
    for token in (other, *other.ancestors):
        if token.i in index:
            return up[:index[token.i]], token, down
        down.append(token)
    return None


def _governed(tokens: Iterable[Token]) -> tuple[bool, bool]:
    """Whether a negation, and whether a hedge ("if", "may", "denied"), governs the tokens."""
    negated = hedged = False
    for token in tokens:
        for child in token.children:
            if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no"):
                negated = True
            elif (child.dep_ == "mark" and child.lower_ in _HEDGE_MARKS) \
                    or (child.dep_ == "aux" and child.lower_ in _MODALS):
                hedged = True
    return negated, hedged


def features(
    candidate: Candidate, inside: Mapping[int, str], lemmatizer: Lemmatizer | None = None,
) -> list[str]:
    """The binary features of one candidate pair, sorted and without repeats.

    ``inside`` maps each token of a mention to its entity type (the words of other names
    are written as their type).
    """
    subject, obj = candidate.subject, candidate.object
    s, o = subject.root, obj.root
    types = _TYPES[subject.label_] + _TYPES[obj.label_]
    forward = subject.start < obj.start
    first, second = (subject, obj) if forward else (obj, subject)
    gap = max(0, second.start - first.end)
    own = set(range(subject.start, subject.end)) | set(range(obj.start, obj.end))

    def word(token: Token) -> str:
        return _word(token, {} if token.i in own else inside, lemmatizer)

    result = {f"types={types}", f"order={'fwd' if forward else 'rev'}",
              f"dist={_bucket(gap)}", f"types_order={types}|{'fwd' if forward else 'rev'}",
              f"s_dep={s.dep_}", f"o_dep={o.dep_}",
              f"s_head={word(s.head)}|{s.dep_}" if s.head.i not in own else "s_head=@pair",
              f"o_head={word(o.head)}|{o.dep_}" if o.head.i not in own else "o_head=@pair"}
    path = _path(s, o)
    if path is None:
        result.add("path=none")
    else:
        up, ancestor, down = path
        steps = [f"{t.dep_}^" for t in up] + [f"v{t.dep_}" for t in reversed(down)]
        inner = [*up[1:], *([ancestor] if ancestor.i not in (s.i, o.i) else []), *down[1:]]
        words = [word(t) for t in inner if t.i not in own]
        length = len(steps)
        result.add(f"pathlen={_bucket(length)}")
        if length <= _PATH_MAX:
            result.add("path=" + " ".join(steps))
            result.add(f"path_t={types}|" + " ".join(steps))
        if length <= 4:
            lexical = [f"{t.dep_}^" for t in up[:1]] + [
                f"{word(t)}/{t.dep_}^" for t in up[1:]]
            if ancestor.i not in (s.i, o.i):
                lexical.append(f"[{word(ancestor)}]")
            lexical += [f"v{t.dep_}/{word(t)}" for t in reversed(down[1:])] + [
                f"v{t.dep_}" for t in down[:1]]
            result.add("lpath=" + " ".join(lexical))
        ancestor_word = "@s" if ancestor.i == s.i else "@o" if ancestor.i == o.i \
            else word(ancestor)
        result.add(f"lca={ancestor_word}")
        result.add(f"lca_t={types}|{ancestor_word}")
        # what the pair's phrase does in the sentence: "companies such as A and B" is a
        # list, "A and B formed a venture" a partnership
        if ancestor.head.i != ancestor.i:
            result.add(f"lca_head={word(ancestor.head)}|{ancestor.dep_}")
        for w in words:
            result.add(f"pw={w}")
            result.add(f"pw_t={types}|{w}")
        for t in inner:
            if t._.ng_trigger:
                result.add(f"ptrig={t._.ng_trigger}")
                result.add(f"ptrig_t={types}|{t._.ng_trigger}")
        negated, hedged = _governed([*inner, ancestor])
        if negated:
            result.add("negated")
        if hedged:
            result.add("hedged")
        if any(_lemma(t, lemmatizer) in _DENIALS for t in inner):
            result.add("denied")
    doc = s.doc
    if gap <= _BETWEEN_MAX:
        between = [t for t in doc[first.end:second.start] if t.pos_ in _CONTENT]
        for token in between:
            result.add(f"bw={word(token)}")
            if token._.ng_trigger:
                result.add(f"btrig={token._.ng_trigger}")
        starts = sum(1 for t in doc[first.end:second.start]
                     if t.i in inside and (t.i - 1 not in inside or t.i == first.end))
        result.add(f"between_names={min(starts, 2)}")
        if not between:
            result.add("bw=@none")
    else:
        result.add("bw=@far")
    sentence = candidate.sentence
    before = doc[first.start - 1] if first.start > sentence.start else None
    after = doc[second.end] if second.end < sentence.end else None
    result.add(f"before={word(before) if before is not None else '@start'}")
    result.add(f"after={word(after) if after is not None else '@end'}")
    result.add(f"before_first={'s' if forward else 'o'}|"
               f"{word(before) if before is not None else '@start'}")
    for role, span in (("s", subject), ("o", obj)):
        # the mention's shape: a dateline in capitals, a lone word, a long name
        text = span.text
        shape = "caps" if text.isupper() and len(text) > 4 else str(min(len(span), 3))
        result.add(f"{role}_shape={_TYPES[span.label_]}{shape}")
    for role, token in (("s", s), ("o", o)):
        if token.head.i not in own and token.head._.ng_trigger:
            result.add(f"{role}_head_trig={token.head._.ng_trigger}|{token.dep_}")
    for role, token in (("s_poss", s), ("o_poss", o)):
        if token.dep_ == "poss" or any(c.tag_ == "POS" for c in token.children):
            result.add(role)
    return sorted(result)


# ---------------------------------------------------------------------------- the model


@dataclass(frozen=True)
class RelationModel:
    """A multinomial logistic regression: a bias and feature weights per class.

    >>> model = RelationModel(("NONE", "chairs"), {"chairs": -1.0}, {"chair": {"chairs": 3.0}},
    ...                       thresholds={"chairs": 0.5})
    >>> [round(p, 3) for p in model.probabilities(["chair"], ("NONE", "chairs"))]
    [0.119, 0.881]
    """

    classes: tuple[str, ...]
    bias: Mapping[str, float]
    weights: Mapping[str, Mapping[str, float]]
    #: the probability each relation needs to be kept; a relation without one is never kept
    thresholds: Mapping[str, float]
    metadata: Mapping[str, Any] | None = None

    def probabilities(self, feats: Iterable[str], classes: Sequence[str]) -> list[float]:
        """The softmax over ``classes`` (a subset of the model's) of the features' scores."""
        scores = {c: self.bias.get(c, 0.0) for c in classes}
        for feature in feats:
            for c, w in self.weights.get(feature, {}).items():
                if c in scores:
                    scores[c] += w
        top = max(scores.values())
        exps = [math.exp(scores[c] - top) for c in classes]
        total = sum(exps)
        return [e / total for e in exps]

    def classify(self, feats: Iterable[str], allowed: Sequence[str]) -> tuple[str, float]:
        """The best relation among ``allowed`` (or :data:`NONE`) and its probability."""
        classes = [NONE, *(c for c in allowed if c in self.bias)]
        probabilities = self.probabilities(feats, classes)
        best = max(range(len(classes)), key=lambda k: (probabilities[k], -k))
        return classes[best], probabilities[best]

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> RelationModel:
        """Read the model file's JSON."""
        if data.get("format") != FORMAT:
            message = f"relation model: expected format {FORMAT!r} (got {data.get('format')!r})"
            raise ValueError(message)
        return cls(classes=tuple(data["classes"]),
                   bias={c: float(w) for c, w in data["bias"].items()},
                   weights={f: {c: float(w) for c, w in ws.items()}
                            for f, ws in data["weights"].items()},
                   thresholds={c: float(t) for c, t in data["thresholds"].items()},
                   metadata={k: v for k, v in data.items() if k not in ("bias", "weights")})


@cache
def load_model(name: str = MODEL_FILE) -> RelationModel:
    """The shipped model (read once)."""
    text = files("newsgraph.ingest.data").joinpath(name).read_text(encoding="utf-8")
    return RelationModel.from_dict(json.loads(text))


# ---------------------------------------------------------------------------- the component


def mention_types(doc: Doc) -> dict[int, str]:
    """Each token inside an entity mention, with that mention's type."""
    inside: dict[int, str] = {}
    for span in doc.spans.get(SPANS_KEY, []):
        if span.label_ in _TYPES:
            for i in range(span.start, span.end):
                inside.setdefault(i, span.label_)
    return inside


class RelationClassifier:
    """The ``ng_relation_classifier`` component: its only public behaviour is ``__call__``."""

    def __init__(self, nlp: Language, *, model: str = MODEL_FILE,
                 threshold: float | None = None) -> None:
        self.model_name = model
        self.threshold = threshold
        # spaCy's rule lemmatizer, loaded disabled with the model: asked only for the few
        # words the features read, instead of every token
        self.lemmatizer: Lemmatizer | None = None
        if "lemmatizer" in nlp.component_names:
            lemmatizer = nlp.get_pipe("lemmatizer")
            if getattr(lemmatizer, "mode", None) == "rule":
                self.lemmatizer = CachedLemmatizer(cast(Lemmatizer, lemmatizer))

    def __call__(self, doc: Doc) -> Doc:
        """Append the relations the model finds to ``doc._.ng_relations``."""
        if not (doc.has_annotation("DEP") or doc.has_annotation("SENT_START")):
            return doc  # no parse, no sentences: nothing to read pairs from
        model = load_model(self.model_name)
        relations: list[Relation] = list(doc._.ng_relations)
        related = {(r.subject, r.object, r.evidence.start) for r in relations}
        related |= {(o, s, start) for s, o, start in related}
        inside = mention_types(doc)
        # only the pairs that may hold a relation the model keeps are read
        kept = CANDIDATE_RELATIONS if self.threshold is not None else tuple(model.thresholds)
        # the two orders of a pair of names compete: one relation per pair and sentence
        best: dict[tuple[int, frozenset[str]], tuple[float, int, str, Candidate]] = {}
        for n, candidate in enumerate(candidates(doc, kept)):
            subject, obj = candidate.names
            start = candidate.sentence.start_char
            if (subject, obj, start) in related or _held_before(candidate):
                continue
            allowed = allowed_relations(candidate.subject.label_, candidate.object.label_)
            label, p = model.classify(features(candidate, inside, self.lemmatizer), allowed)
            threshold = model.thresholds.get(label) if self.threshold is None \
                else self.threshold
            if label == NONE or threshold is None or p < threshold:
                continue
            key = (start, frozenset((subject, obj)))
            if key not in best or p > best[key][0]:
                best[key] = (p, n, label, candidate)
        for p, _, label, candidate in sorted(best.values(), key=lambda b: b[1]):
            subject, obj = candidate.names
            if label in SYMMETRIC and candidate.object.start < candidate.subject.start:
                subject, obj = obj, subject  # the first named is the subject
            text, start, end = quoted(trimmed(candidate.sentence))
            relations.append(Relation(subject, label, obj, Evidence(
                sentence=text, start=start, end=end, rule=RULE,
                confidence=min(round(p, 4), MOST_CONFIDENT))))
        doc._.ng_relations = relations
        return doc


def _held_before(candidate: Candidate) -> bool:
    """Whether a word of a past role stands before either name, in its own phrase ("Ex-CEO Bob
    Stone of Acme", "former chairman Bob Stone"): the roles annotated are those held now, and
    the model reads no such word."""
    past = lexicon().lower("past_role")
    doc = candidate.sentence.doc
    for mention in (candidate.subject, candidate.object):
        # its phrase, and the few words before it the parser may have hung elsewhere
        before = [t for left in mention.root.lefts for t in left.subtree if t.i < mention.start]
        before += doc[max(mention.start - 3, candidate.sentence.start):mention.start]
        if any(t.lower_ in past for t in before):
            return True
    return False


@Language.factory(
    "ng_relation_classifier",
    default_config={"model": MODEL_FILE, "threshold": None},
    requires=["doc.spans", "span._.ng_name", "doc._.ng_relations", "token.dep", "token.tag"],
    assigns=["doc._.ng_relations"],
)
def make_relation_classifier(
    nlp: Language, name: str, model: str, threshold: float | None
) -> RelationClassifier:
    """Build the ``ng_relation_classifier`` component from the model file in ``ingest/data``."""
    return RelationClassifier(nlp, model=model, threshold=threshold)

