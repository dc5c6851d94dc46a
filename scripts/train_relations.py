"""Train the relation classifier on the tune part of the corpus and write its model file.

    python scripts/train_relations.py --silver PATH          # writes ingest/data/...model.json
    python scripts/train_relations.py --silver PATH --check  # exit 1 if the shipped file differs

Reads only the ``docs`` and ``gold.json`` of the tune sources in ``SOURCES``: the test part is
never read. Each
document is run through the pipeline without the classifier; every candidate pair
(``newsgraph.ingest.classifier.candidates``) is described by its features and labelled from
the gold (``newsgraph.ingest.training.labels``). A multinomial logistic regression
(scikit-learn, the ``train`` extra: lbfgs, L2, inputs in a fixed order) learns the weights.

Silver examples (``--silver PATH``): the rules' own relations on news without gold. ``PATH``
is a copy of the Reuters-21578 collection as JSON (a clone of GitHub
``mihaibogdan10/json-reuters-21578``, or its git directory; "Reuters-21578, Distribution 1.0",
whose texts Reuters Ltd and Carnegie Group, Inc. allow to be used *for research purposes
only*: see ``corpus/tune/reuters21578/SOURCES.md``; nothing of it is kept in the project, only
the weights learnt). The first ``SILVER_STORIES`` stories with a body, in the order of their
NEWID, are read, less every story of the tune part or of the extra evaluation set, by NEWID
and by text (the same title, or a tenth of its word 8-grams in one of them). Each pair the
rules relate in a sentence is an example of their relation, read without the features that
name a rule's trigger word (``newsgraph.ingest.training.without_rule_features``); every other
candidate pair of a sentence where the rules read a relation is an example of none. Silver
examples weigh less than gold ones (``SILVER_WEIGHTS``), the more so the unrelated ones, as
the rules miss many relations. ``--silver-cache FILE`` keeps the silver examples between runs
(keyed by the stories' texts and the pipeline's code and rules).

Thresholds, one per relation, are chosen on gold only, by leaving one source out: a model
trained on the silver examples and the gold of each tune source classifies the pairs of the
other that the rules leave (as at run time); a relation's threshold is the lowest probability
on a grid at which its predictions, pooled over both, are right at least ``TARGET`` of the
time, with ``SUPPORT`` right at least; a relation that never gets there is not kept at all.
The shipped weights are then fitted on the silver examples and every source.

The same inputs give the same file, byte for byte.
"""

from __future__ import annotations

import argparse
import hashlib
import html
import json
import re
import subprocess
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
TUNE = ROOT / "corpus" / "tune"
#: The tune sources the model learns from: the two of wire copy. The web news source
#: (``web2016``) is kept out, as the check of the model on the writing of other outlets: with
#: it among the sources thresholds are chosen on, no relation passes (relation-classifier.md).
SOURCES = ("modern", "reuters21578")
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

#: The silver source: what the model's header says of it.
SILVER_SOURCE = {
    "name": "Reuters-21578, Distribution 1.0",
    "copy": "github.com/mihaibogdan10/json-reuters-21578, json-data/reut2-*.json",
    "licence": "copyright Reuters Ltd; free distribution for research purposes only "
               "(the collection's README, section II; corpus/tune/reuters21578/SOURCES.md)",
}
#: How many stories of the silver source are read (after the excluded ones).
SILVER_STORIES = 3000
#: The weight in the fit of a silver pair the rules relate, and of one they do not.
SILVER_WEIGHTS = (0.3, 0.1)
#: The NEWIDs of the extra evaluation set's Reuters-21578 stories (``shared/eval/extra``).
EXTRA_NEWIDS = frozenset({"10608", "16558"})
_COPY_FILES = [f"json-data/reut2-{n:03d}.json" for n in range(22)]
_SHINGLE = 8  # words in the n-grams that find a story told again
_SAME_STORY = 0.1  # the share of a story's n-grams that makes it the same story


@dataclass(frozen=True)
class Example:
    """One candidate pair of a tune document, or of a silver story."""

    source: str
    doc: str
    features: list[str]
    labels: list[str]
    ruled: bool  # the rules relate the pair in its sentence: the classifier never sees it
    types: tuple[str, str]
    silver: bool = False  # labelled by the rules, not by the gold


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


# ---------------------------------------------------------------------------- silver


def _read_copy(copy: Path, name: str) -> Any:
    """One JSON file of the collection's copy: from a checkout, or from a git directory."""
    if (copy / name).is_file():
        return json.loads((copy / name).read_text(encoding="utf-8"))
    done = subprocess.run(["git", f"--git-dir={copy}", "show", f"HEAD:{name}"],
                          capture_output=True, check=True)
    return json.loads(done.stdout)


def copy_stories(copy: Path) -> Iterator[tuple[str, str, str]]:
    """``(NEWID, title, text)`` of every story of the copy with a body, in NEWID order; the
    text as the tune part writes it (title, blank line, dateline and body)."""
    found = []
    for name in _COPY_FILES:
        for record in _read_copy(copy, name):
            body = html.unescape((record.get("body") or "").replace("&#3;", "")).strip()
            if not body:
                continue
            title = html.unescape(record.get("title") or "").strip()
            dateline = html.unescape(record.get("dateline") or "").strip()
            text = f"{title}\n\n{dateline} {body}\n" if title else f"{body}\n"
            found.append((int(record["attrs"]["newid"]), title, text))
    for newid, title, text in sorted(found):
        yield str(newid), title, text


def _shingles(text: str) -> set[str]:
    words = re.findall(r"\w+", text.lower())
    return {" ".join(words[k:k + _SHINGLE]) for k in range(max(len(words) - _SHINGLE + 1, 1))}


def silver_stories(copy: Path, count: int) -> tuple[list[tuple[str, str]], int]:
    """The first ``count`` stories of the copy that are in no gold set, as (NEWID, text), and
    how many were passed over as gold stories (by NEWID or by text)."""
    gold_ids = set(EXTRA_NEWIDS)
    gold_titles, gold_shingles = set(), set()
    for path in sorted(TUNE.glob("*/docs/*")):
        found = re.search(r"reuters21578-(\d+)", path.name)
        if found:
            gold_ids.add(found.group(1))
        text = path.read_text(encoding="utf-8", errors="replace")
        gold_titles.add(" ".join(text.split("\n", 1)[0].lower().split()))
        gold_shingles |= _shingles(text)
    chosen, passed = [], 0
    for newid, title, text in copy_stories(copy):
        if len(chosen) == count:
            break
        shingles = _shingles(text)
        if newid in gold_ids or " ".join(title.lower().split()) in gold_titles \
                or len(shingles & gold_shingles) >= _SAME_STORY * len(shingles):
            passed += 1
            continue
        chosen.append((newid, text))
    return chosen, passed


def silver_examples(stories: Sequence[tuple[str, str]], nlp: Any) -> list[Example]:
    """The candidate pairs of every sentence of the stories where the rules read a relation,
    labelled with the rules' relations (``newsgraph.ingest.training.silver_labels``)."""
    from newsgraph.ingest.classifier import candidates, features, mention_types
    from newsgraph.ingest.training import silver_labels

    lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.component_names else None
    rows = []
    for doc, newid in nlp.pipe(((text, newid) for newid, text in stories), as_tuples=True,
                               batch_size=32):
        inside = mention_types(doc)
        read = [(r.subject, r.predicate, r.object, r.evidence.start)
                for r in doc._.ng_relations]
        sentences = {start for _, _, _, start in read}
        for candidate in candidates(doc):
            if candidate.sentence.start_char not in sentences:
                continue
            found = silver_labels(candidate, read)
            rows.append(Example("silver", newid, features(candidate, inside, lemmatizer),
                                found, found != ["NONE"],
                                (candidate.subject.label_, candidate.object.label_),
                                silver=True))
    return rows


def _pipeline_key(stories: Sequence[tuple[str, str]]) -> str:
    """What the silver examples depend on: the stories, the pipeline's code and rules."""
    digest = hashlib.sha256()
    for newid, text in stories:
        digest.update(f"{newid}\0{text}\0".encode())
    for path in sorted((ROOT / "ingest").rglob("*")):
        if path.is_file() and path.suffix in (".py", ".jsonl", ".json", ".txt") \
                and path.name != OUT.name:
            digest.update(str(path.relative_to(ROOT)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def silver(
    copy: Path, nlp: Any, count: int = SILVER_STORIES, cache: Path | None = None,
) -> tuple[list[Example], dict[str, Any]]:
    """The silver examples of ``count`` stories of the copy, and what the header says of
    them; read from ``cache`` when it holds them for the same stories and pipeline."""
    stories, passed = silver_stories(copy, count)
    key = _pipeline_key(stories)
    rows: list[Example] | None = None
    if cache is not None and cache.exists():
        stored = json.loads(cache.read_text(encoding="utf-8"))
        if stored.get("key") == key:
            rows = [Example(**{**r, "types": tuple(r["types"])}) for r in stored["rows"]]
    if rows is None:
        rows = silver_examples(stories, nlp)
        if cache is not None:
            cache.write_text(json.dumps({"key": key, "rows": [row.__dict__ for row in rows]}),
                             encoding="utf-8")
    header = {**SILVER_SOURCE, "stories": len(stories),
              "newids": f"{stories[0][0]}-{stories[-1][0]}" if stories else "",
              "passed_over_as_gold": passed, "pairs": len(rows),
              "related": sum(1 for row in rows if row.ruled),
              "weights": {"related": SILVER_WEIGHTS[0], "unrelated": SILVER_WEIGHTS[1]}}
    return rows, header


# ---------------------------------------------------------------------------- training


def pipeline() -> Any:
    """The pipeline as a build runs it, without the classifier."""
    from newsgraph.ingest.pipeline import load_pipeline

    nlp = load_pipeline()
    nlp.remove_pipe("ng_relation_classifier")
    return nlp


def train(
    rows: Sequence[Example], *, c: float = C, min_count: int = MIN_COUNT,
    positive_weight: float = POSITIVE_WEIGHT,
    silver_weights: tuple[float, float] = SILVER_WEIGHTS,
) -> tuple[list[str], dict[str, float], dict[str, dict[str, float]]]:
    """Fit the model: its classes, biases and weights by feature and class."""
    import numpy as np
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    from newsgraph.ingest.classifier import NONE
    from newsgraph.ingest.training import UNSURE, counts, without_rule_features

    known = [(without_rule_features(row.features) if row.silver else row.features, row)
             for row in rows if row.labels != [UNSURE]]
    seen = counts(feats for feats, _ in known)
    vocabulary = sorted(f for f, n in seen.items() if n >= min_count)
    column = {f: k for k, f in enumerate(vocabulary)}
    indices: list[int] = []
    pointers, targets, weights_of = [0], [], []
    for feats, row in known:
        cols = sorted(column[f] for f in feats if f in column)
        for label in row.labels:  # a pair of two relations is one example of each
            indices += cols
            pointers.append(len(indices))
            targets.append(label)
            if row.silver:
                weights_of.append(silver_weights[0] if label != NONE else silver_weights[1])
            else:
                weights_of.append(positive_weight if label != NONE else 1.0)
    X = csr_matrix((np.ones(len(indices)), np.array(indices), np.array(pointers)),
                   shape=(len(targets), len(vocabulary)))
    classes = [NONE, *sorted(set(targets) - {NONE})]
    y = np.array([classes.index(t) for t in targets])
    model = LogisticRegression(C=c, max_iter=5000, tol=1e-5)
    model.fit(X, y, sample_weight=np.array(weights_of))
    bias = {label: float(b) for label, b in zip(classes, model.intercept_, strict=True)}
    weights = {f: {label: float(model.coef_[k, j]) for k, label in enumerate(classes)}
               for j, f in enumerate(vocabulary)}
    return classes, bias, weights


def held_out(
    rows: Sequence[Example], **options: Any,
) -> list[tuple[str, float, list[str]]]:
    """(relation, probability, gold labels) of each gold pair the classifier would read,
    from a model trained on the silver examples and the other sources' gold."""
    from newsgraph.ingest.classifier import NONE, RelationModel, allowed_relations
    from newsgraph.ingest.training import UNSURE

    found = []
    for source in sorted({row.source for row in rows if not row.silver}):
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
    parser.add_argument("--silver", type=Path,
                        help="a copy of json-reuters-21578 (a clone or its git directory): "
                             "the stories whose rule relations are silver examples")
    parser.add_argument("--silver-stories", type=int, default=SILVER_STORIES,
                        help="how many of its stories to read")
    parser.add_argument("--silver-cache", type=Path,
                        help="a file keeping the silver examples between runs")
    args = parser.parse_args(argv)

    from newsgraph.ingest.training import UNSURE, model_json

    sources = sorted(SOURCES)
    nlp = pipeline()
    rows = [row for source in sources for row in examples(source, nlp)]
    silver_header: dict[str, Any] | None = None
    if args.silver is not None:
        silver_rows, silver_header = silver(args.silver, nlp, args.silver_stories,
                                            args.silver_cache)
        rows += silver_rows
    elif args.check and args.out.exists() \
            and json.loads(args.out.read_text(encoding="utf-8")).get("silver"):
        print(f"{args.out} was trained with silver examples: give --silver PATH",
              file=sys.stderr)
        return 2
    gold = [row for row in rows if not row.silver]
    chosen, kept = thresholds(held_out(rows))
    classes, bias, weights = train(rows)
    header = {
        "trained_on": [f"corpus/tune/{s}" for s in sources],
        "script": "scripts/train_relations.py",
        "documents": len({(row.source, row.doc) for row in gold}),
        "pairs": len(gold),
        "related": sum(1 for row in gold if row.labels not in (["NONE"], [UNSURE])),
        "unsure": sum(1 for row in gold if row.labels == [UNSURE]),
        "c": C, "min_count": MIN_COUNT, "positive_weight": POSITIVE_WEIGHT,
        **({"silver": silver_header} if silver_header is not None else {}),
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
    print(f"{args.out}: {len(gold)} gold and {len(rows) - len(gold)} silver pairs, "
          f"thresholds {chosen}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
