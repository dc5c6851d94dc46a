"""From articles to extractions: run the pipeline in batches and keep plain data.

>>> from newsgraph.ingest.documents import Article
>>> nlp = load_pipeline()  # doctest: +SKIP
>>> articles = [Article.from_text("Intel rose.", source="a")]
>>> [x.entities for x in extract(articles, nlp)]  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language

from newsgraph.ingest.documents import Article, Entity, Extraction
from newsgraph.ingest.entities import SPANS_KEY, finish_entities
from newsgraph.ingest.pipeline import load_pipeline

__all__ = ["extract", "load_pipeline"]


def extract(
    articles: Iterable[Article], nlp: Language, *, batch_size: int = 32
) -> Iterator[Extraction]:
    """Read each article with ``nlp`` and yield what it found, in input order."""
    pairs = ((article.text, article) for article in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        relations = tuple(doc._.ng_relations)
        spans = doc.spans.get(SPANS_KEY, ())
        found = _merged(doc._.ng_entities, doc._.ng_relation_entities)
        entities = finish_entities(found, spans, relations, authors=article.authors,
                                   publisher=article.publisher)
        yield Extraction(article=article, entities=entities, relations=relations)


def _merged(entities: Iterable[Entity], extra: Iterable[Entity]) -> tuple[Entity, ...]:
    """The document's entities plus those only relations introduced (policies, demonyms).

    >>> china, japan = Entity("China", "Country"), Entity("Japan", "Country")
    >>> [e.name for e in _merged([china], [china, japan])]
    ['China', 'Japan']
    """
    result = list(entities)
    known = {(e.name, e.type) for e in result}
    result += [e for e in extra if (e.name, e.type) not in known]
    return tuple(result)
