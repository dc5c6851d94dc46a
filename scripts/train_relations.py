"""Train the relation classifier on the tune part of the corpus and write its model file.

    python scripts/train_relations.py            # writes ingest/data/relation_model.json
    python scripts/train_relations.py --check    # exit 1 if the shipped file is not what it writes

Reads only ``corpus/tune/*/docs`` and their ``gold.json``: the test part is never read. Each
document is run through the pipeline without the classifier; every candidate pair
(``newsgraph.ingest.classifier.candidates``) is described by its features and labelled from
the gold (``newsgraph.ingest.training.labels``). A multinomial logistic regression
(scikit-learn, the ``train`` extra: lbfgs, L2, inputs in a fixed order) learns the weights.

Thresholds, one per relation, are chosen by leaving one source out: a model trained on each
tune source classifies the pairs of the other that the rules leave (as at run time); a
relation's threshold is the lowest probability on a grid at which its predictions, pooled over
both, are right at least ``TARGET`` of the time, with ``SUPPORT`` right at least; a relation
that never gets there is not kept at all. The shipped weights are then fitted on every source.

The same inputs give the same file, byte for byte.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
TUNE = ROOT / "corpus" / "tune"
OUT = ROOT / "ingest" / "data" / "relation_model.json"

#: The inverse of the L2 regularisation strength.
C = 1.0
#: Features seen in fewer pairs are left out.
MIN_COUNT = 2
#: How much more a related pair counts than an unrelated one in the fit.
POSITIVE_WEIGHT = 3.0
#: The precision a relation's threshold must reach on the left-out source.
TARGET = 0.75
#: How many right predictions it must keep there at least.
SUPPORT = 5
#: The thresholds tried, lowest first.
GRID = (0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95)


@dataclass(frozen=True)
class Example:
    """One candidate pair of a tune document."""

    source: str
    doc: str
    features: list[str]
    labels: list[str]
    ruled: bool  # the rules relate the pair in its sentence: the classifier never sees it
    types: tuple[str, str]


def examples(source: str, nlp: Any) -> list[Example]:
    """Every candidate pair of one tune source, in document and pair order."""
    from newsgraph.ingest.classifier import candidates, features, mention_types
    from newsgraph.ingest.sources import read_sources
    from newsgraph.ingest.training import Gold, labels

    part = TUNE / source
    gold = Gold.from_dict(json.loads((part / "gold.json").read_text(encoding="utf-8")))
    [result] = read_sources([str(part / "docs")])
    articles = sorted(result.articles, key=lambda a: a.source)
    lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.component_names else None
    rows = []
    for doc, article in nlp.pipe(((a.text, a) for a in articles), as_tuples=True):
        name = Path(article.source).name
        inside = mention_types(doc)
        related = {(r.subject, r.object, r.evidence.start) for r in doc._.ng_relations}
        for candidate in candidates(doc):
            subject, obj = candidate.names
            start = candidate.sentence.start_char
            ruled = (subject, obj, start) in related or (obj, subject, start) in related
            rows.append(Example(source, name, features(candidate, inside, lemmatizer),
                                labels(candidate, gold, name), ruled,
                                (candidate.subject.label_, candidate.object.label_)))
    return rows


def pipeline() -> Any:
    """The pipeline as a build runs it, without the classifier."""
    from newsgraph.ingest.pipeline import load_pipeline

    nlp = load_pipeline()
    nlp.remove_pipe("ng_relation_classifier")
    return nlp


def train(
    rows: Sequence[Example], *, c: float = C, min_count: int = MIN_COUNT,
    positive_weight: float = POSITIVE_WEIGHT,
) -> tuple[list[str], dict[str, float], dict[str, dict[str, float]]]:
    """Fit the model: its classes, biases and weights by feature and class."""
    import numpy as np
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    from newsgraph.ingest.classifier import NONE
    from newsgraph.ingest.training import UNSURE, counts

    known = [row for row in rows if row.labels != [UNSURE]]
    seen = counts(row.features for row in known)
    vocabulary = sorted(f for f, n in seen.items() if n >= min_count)
    column = {f: k for k, f in enumerate(vocabulary)}
    indices: list[int] = []
    pointers, targets = [0], []
    for row in known:
        cols = sorted(column[f] for f in row.features if f in column)
        for label in row.labels:  # a pair of two relations is one example of each
            indices += cols
            pointers.append(len(indices))
            targets.append(label)
    X = csr_matrix((np.ones(len(indices)), np.array(indices), np.array(pointers)),
                   shape=(len(targets), len(vocabulary)))
    classes = [NONE, *sorted(set(targets) - {NONE})]
    y = np.array([classes.index(t) for t in targets])
    model = LogisticRegression(C=c, max_iter=5000, tol=1e-5)
    model.fit(X, y, sample_weight=np.where(y == 0, 1.0, positive_weight))
    bias = {label: float(b) for label, b in zip(classes, model.intercept_, strict=True)}
    weights = {f: {label: float(model.coef_[k, j]) for k, label in enumerate(classes)}
               for j, f in enumerate(vocabulary)}
    return classes, bias, weights


def held_out(
    rows: Sequence[Example], **options: Any,
) -> list[tuple[str, float, list[str]]]:
    """(relation, probability, gold labels) of each pair the classifier would read, from a
    model trained on the other sources."""
    from newsgraph.ingest.classifier import NONE, RelationModel, allowed_relations
    from newsgraph.ingest.training import UNSURE

    found = []
    for source in sorted({row.source for row in rows}):
        classes, bias, weights = train([r for r in rows if r.source != source], **options)
        model = RelationModel(tuple(classes), bias, weights, thresholds={})
        for row in rows:
            if row.source != source or row.ruled or row.labels == [UNSURE]:
                continue
            label, p = model.classify(row.features, allowed_relations(*row.types))
            if label != NONE:
                found.append((label, p, row.labels))
    return found


def thresholds(
    predictions: Sequence[tuple[str, float, list[str]]], *, target: float = TARGET,
    support: int = SUPPORT,
) -> tuple[dict[str, float], dict[str, dict[str, int]]]:
    """Each relation's threshold (see the module's docstring) and what it kept held out."""
    chosen: dict[str, float] = {}
    kept: dict[str, dict[str, int]] = {}
    for relation in sorted({label for label, _, _ in predictions}):
        mine = [(p, relation in gold) for label, p, gold in predictions if label == relation]
        for threshold in GRID:
            right = sum(1 for p, ok in mine if p >= threshold and ok)
            total = sum(1 for p, _ in mine if p >= threshold)
            if total and right >= support and right / total >= target:
                chosen[relation] = threshold
                kept[relation] = {"right": right, "kept": total}
                break
    return chosen, kept


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help="the model file to write")
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 if the file differs from a fresh training")
    args = parser.parse_args(argv)

    from newsgraph.ingest.training import UNSURE, model_json

    sources = sorted(p.name for p in TUNE.iterdir() if (p / "gold.json").exists())
    nlp = pipeline()
    rows = [row for source in sources for row in examples(source, nlp)]
    chosen, kept = thresholds(held_out(rows))
    classes, bias, weights = train(rows)
    header = {
        "trained_on": [f"corpus/tune/{s}" for s in sources],
        "script": "scripts/train_relations.py",
        "documents": len({(row.source, row.doc) for row in rows}),
        "pairs": len(rows),
        "related": sum(1 for row in rows if row.labels not in (["NONE"], [UNSURE])),
        "unsure": sum(1 for row in rows if row.labels == [UNSURE]),
        "c": C, "min_count": MIN_COUNT, "positive_weight": POSITIVE_WEIGHT,
        "target_precision": TARGET, "support": SUPPORT,
        "held_out": kept,
        "thresholds": chosen,
    }
    text = model_json(classes, bias, weights, header)
    if args.check:
        same = args.out.exists() and args.out.read_text(encoding="utf-8") == text
        print(f"{args.out}: {'up to date' if same else 'differs from a fresh training'}")
        return 0 if same else 1
    args.out.write_text(text, encoding="utf-8")
    print(f"{args.out}: {len(rows)} pairs, thresholds {chosen}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
