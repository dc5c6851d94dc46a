"""Training data for the relation classifier: gold annotations aligned to candidate pairs.

Used by ``scripts/train_relations.py``; nothing here runs when a graph is built, and nothing
imports a learning library.

A mention matches a gold entity when its text, or the name of its entity in the document, is
the gold entity's name or one of its aliases after :func:`~newsgraph.ingest.names.name_key`.
A pair is an example of relation ``p`` when the gold of its document holds
``(subject, p, object)`` and the gold's evidence sentence contains the pair's sentence, or the
reverse, whitespace aside; symmetric relations count both ways. Every other pair is
:data:`~newsgraph.ingest.classifier.NONE`.

>>> gold = Gold.from_dict({"entities": [{"name": "Acme Corp", "type": "Organisation",
...     "aliases": ["Acme"]}], "relations": []})
>>> sorted(gold.names("ACME"))
['Acme Corp']
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from newsgraph.ingest.classifier import FORMAT, NONE, Candidate
from newsgraph.ingest.names import name_key
from newsgraph.ontology import RELATIONS, SYMMETRIC

__all__ = ["RULE_FEATURES", "UNSURE", "Gold", "GoldRelation", "counts", "labels", "model_json",
           "same_sentence", "silver_labels", "without_rule_features"]

#: The label of a pair the gold relates in another sentence of its document: the gold quotes
#: one sentence per relation, so whether this one says it too is unknown; training skips it.
UNSURE = "?"


@dataclass(frozen=True)
class GoldRelation:
    """One gold relation row."""

    subject: str
    predicate: str
    object: str
    doc: str
    evidence: str


@dataclass(frozen=True)
class Gold:
    """A gold file: the names of its entities by key, its relations by document."""

    keys: Mapping[str, frozenset[str]]
    relations: Mapping[str, tuple[GoldRelation, ...]] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Gold:
        """Read the JSON of a gold file (``docs/annotation-guidelines.md``)."""
        keys: dict[str, set[str]] = {}
        for entity in data["entities"]:
            for name in (entity["name"], *entity.get("aliases", ())):
                keys.setdefault(name_key(name), set()).add(entity["name"])
        relations: dict[str, list[GoldRelation]] = {}
        for row in data["relations"]:
            relations.setdefault(row["doc"], []).append(GoldRelation(
                row["subject"], row["predicate"], row["object"], row["doc"], row["evidence"]))
        return cls({k: frozenset(v) for k, v in keys.items()},
                   {d: tuple(rows) for d, rows in relations.items()})

    def names(self, *surfaces: str) -> frozenset[str]:
        """The gold entities any of the surface forms names."""
        found: set[str] = set()
        for surface in surfaces:
            found |= self.keys.get(name_key(surface), frozenset())
        return frozenset(found)


def same_sentence(evidence: str, sentence: str) -> bool:
    """Whether one text contains the other, whitespace aside.

    >>> same_sentence("Acme  rose.\\nIt said so.", "Acme rose.")
    True
    >>> same_sentence("Acme rose.", "Globex fell.")
    False
    """
    one, other = " ".join(evidence.split()), " ".join(sentence.split())
    return bool(one and other) and (one in other or other in one)


def labels(candidate: Candidate, gold: Gold, doc: str) -> list[str]:
    """The gold relations of ``doc`` a candidate pair stands for, or ``[NONE]``.

    A pair can hold more than one (a partner in a venture that also invests in it).
    """
    subjects = gold.names(candidate.subject.text, *candidate.names[:1])
    objects = gold.names(candidate.object.text, *candidate.names[1:])
    if not subjects or not objects:
        return [NONE]
    sentence = candidate.sentence.text
    types = candidate.subject.label_, candidate.object.label_
    found = set()
    for row in gold.relations.get(doc, ()):
        signature = RELATIONS.get(row.predicate)
        if signature is None or types[0] not in signature.domain \
                or types[1] not in signature.range:
            continue
        forward = row.subject in subjects and row.object in objects
        backward = row.predicate in SYMMETRIC and row.object in subjects \
            and row.subject in objects
        if forward or backward:
            found.add(row.predicate if same_sentence(row.evidence, sentence) else UNSURE)
    if len(found) > 1:
        found.discard(UNSURE)
    return sorted(found) or [NONE]


def silver_labels(
    candidate: Candidate, relations: Iterable[tuple[str, str, str, int]],
) -> list[str]:
    """The relations the rules read for a candidate pair in its sentence, or ``[NONE]``.

    ``relations`` are the rules' ``(subject, predicate, object, sentence start)``; a pair is
    an example of ``p`` when the rules read ``(subject, p, object)`` from its sentence, or
    ``(object, p, subject)`` for a symmetric ``p``: silver labels, from news without gold.

    >>> from types import SimpleNamespace
    >>> pair = SimpleNamespace(names=("Ann Lee", "Acme"), sentence=SimpleNamespace(start_char=0))
    >>> silver_labels(pair, [("Ann Lee", "worksFor", "Acme", 0)])
    ['worksFor']
    >>> silver_labels(pair, [("Acme", "partnersWith", "Ann Lee", 0),
    ...                      ("Ann Lee", "chairs", "Acme", 9)])
    ['partnersWith']
    """
    subject, obj = candidate.names
    start = candidate.sentence.start_char
    found = {p for s, p, o, at in relations if at == start and (
        (s, o) == (subject, obj) or (p in SYMMETRIC and (s, o) == (obj, subject)))}
    return sorted(found) or [NONE]


#: The features that name a rule's trigger word (``token._.ng_trigger``): in a pair the rules
#: related they say which rule read it, so a silver example is read without them.
RULE_FEATURES = ("ptrig=", "ptrig_t=", "btrig=", "s_head_trig=", "o_head_trig=")


def without_rule_features(feats: Iterable[str]) -> list[str]:
    """The features, less those naming a rule's trigger word (:data:`RULE_FEATURES`).

    >>> without_rule_features(["btrig=buy", "bw=buy", "ptrig_t=OO|buy", "types=OO"])
    ['bw=buy', 'types=OO']
    """
    return [f for f in feats if not f.startswith(RULE_FEATURES)]


def model_json(
    classes: Sequence[str],
    bias: Mapping[str, float],
    weights: Mapping[str, Mapping[str, float]],
    header: Mapping[str, Any],
    *,
    digits: int = 4,
    prune: float = 0.01,
) -> str:
    """The model file's text: a header, then one feature per line with its weights by class.

    Weights are rounded to ``digits`` decimals; those under ``prune`` in size are left out,
    and so is a feature left with none.

    >>> print(model_json(["NONE", "chairs"], {"NONE": 0.5, "chairs": -0.5},
    ...                  {"b": {"chairs": 0.001}, "a": {"chairs": 1.23456}}, {"threshold": 0.5}))
    {"format": "newsgraph-relation-model/1", "threshold": 0.5,
     "classes": ["NONE", "chairs"],
     "bias": {"NONE": 0.5, "chairs": -0.5},
     "weights": {
      "a": {"chairs": 1.2346}
     }
    }
    <BLANKLINE>
    """

    def rounded(values: Mapping[str, float]) -> dict[str, float]:
        kept = {c: round(float(values[c]), digits) for c in classes if c in values}
        return {c: (w if w != 0 else 0.0) for c, w in kept.items() if abs(w) >= prune}

    head = json.dumps({"format": FORMAT, **header}, ensure_ascii=False)[:-1]
    biases = {c: round(float(bias.get(c, 0.0)), digits) for c in classes}
    lines = [head + ",", f' "classes": {json.dumps(list(classes))},',
             f' "bias": {json.dumps(biases)},', ' "weights": {']
    rows = [(f, r) for f, r in ((f, rounded(weights[f])) for f in sorted(weights)) if r]
    lines += [f"  {json.dumps(f, ensure_ascii=False)}: {json.dumps(r)}"
              + ("," if n < len(rows) - 1 else "") for n, (f, r) in enumerate(rows)]
    lines += [" }", "}"]
    return "\n".join(lines) + "\n"


def counts(rows: Iterable[Sequence[str]]) -> dict[str, int]:
    """How many rows have each feature."""
    found: dict[str, int] = {}
    for row in rows:
        for feature in row:
            found[feature] = found.get(feature, 0) + 1
    return found
