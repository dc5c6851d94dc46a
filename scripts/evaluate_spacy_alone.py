"""Score spaCy's own named entities on the annotated sets: the floor newsgraph builds on.

Usage: python scripts/evaluate_spacy_alone.py [--shared DIR]

For each set of ``scripts/evaluate_corpus.py``, every document is read by the bare pipeline
(``nlp.pipe``, no newsgraph component) and each named entity becomes a node by its text and
label: ORG an Organisation, PERSON a Person, GPE a Country, LAW a Policy; nodes with the same
text and type are one. spaCy finds no typed relations, so the relation figures are zero. The
graph is scored with the same code as newsgraph's.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

import spacy
from evaluate_corpus import row, sets
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS

from newsgraph.graph.evaluate import evaluate, parse_gold
from newsgraph.ingest.models import DEFAULT_MODEL
from newsgraph.ingest.sources import read_sources
from newsgraph.ontology import NG

TYPES = {"ORG": "Organisation", "PERSON": "Person", "GPE": "Country", "LAW": "Policy"}


def spacy_graph(sources: list[Path], nlp: spacy.language.Language) -> Graph:
    """The graph of spaCy's entities in ``sources``, with one Article per document."""
    articles = [a for result in read_sources([str(s) for s in sources]) for a in result.articles]
    rdf = Graph()
    for number, (doc, article) in enumerate(
        nlp.pipe(((a.text, a) for a in articles), as_tuples=True)
    ):
        node = URIRef(f"urn:spacy:article:{number}")
        rdf.add((node, RDF.type, NG.Article))
        rdf.add((node, DCTERMS.source, Literal(article.link or article.source)))
        for ent in doc.ents:
            if ent.label_ in TYPES:
                kind = TYPES[ent.label_]
                key = hashlib.sha256(f"{kind}|{ent.text}".encode()).hexdigest()[:16]
                entity = URIRef(f"urn:spacy:{kind}:{key}")
                rdf.add((entity, RDF.type, NG[kind]))
                rdf.add((entity, RDFS.label, Literal(ent.text)))
    return rdf


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, help="folder with seeds-gold.json and extra/")
    args = parser.parse_args(argv)
    nlp = spacy.load(DEFAULT_MODEL)
    print("| set | part | entity P | entity R | entity F1 | relation P | relation R "
          "| relation F1 | gold relations |")
    print("|---|---|---|---|---|---|---|---|---|")
    for name, (part, sources, gold_path) in sets(args.shared).items():
        gold = parse_gold(json.loads(gold_path.read_text(encoding="utf-8")))
        print(row(name, part, evaluate(gold, spacy_graph(sources, nlp))), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
