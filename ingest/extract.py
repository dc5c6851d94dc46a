"""From articles to extractions: run the pipeline in batches and keep plain data.

>>> from ingest.documents import Article
>>> nlp = load_pipeline()  # doctest: +SKIP
>>> article = Article.from_text("Intel Corp. rose.", source="a.txt")
>>> [e.name for x in extract([article], nlp) for e in x.entities]  # doctest: +SKIP
['Intel Corp.']
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language

from ingest.documents import Article, Entity, Extraction
from ingest.pipeline import load_pipeline

__all__ = ["extract", "load_pipeline"]


def extract(
    articles: Iterable[Article], nlp: Language, *, batch_size: int = 32
) -> Iterator[Extraction]:
    """Read each article with ``nlp`` and yield what it found, in input order."""
    pairs = ((article.text, article) for article in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        entities = list(doc._.ng_entities)
        named = {(e.name, e.type) for e in entities}
        for author in dict.fromkeys(article.authors):
            if (author, "Person") not in named:
                entities.append(Entity(author, "Person"))
        yield Extraction(
            article=article,
            entities=tuple(entities),
            relations=tuple(doc._.ng_relations),
        )
