"""From articles to extractions: run the pipeline in batches and keep plain data.

>>> from newsgraph.ingest.documents import Article
>>> nlp = load_pipeline()  # doctest: +SKIP
>>> articles = [Article.from_text("Intel rose.", source="a")]
>>> [x.entities for x in extract(articles, nlp)]  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.ingest.documents import Article, Entity, Extraction
from newsgraph.ingest.entities import SPANS_KEY, finish_entities
from newsgraph.ingest.pipeline import load_pipeline

__all__ = ["extract", "load_pipeline"]


def extract(
    articles: Iterable[Article], nlp: Language, *, batch_size: int = 32
) -> Iterator[Extraction]:
    """Read each article with ``nlp`` and yield what it found, in input order.

    A component that fails on one document costs that document alone: it comes back as an
    :class:`Extraction` whose ``problem`` says what went wrong, and the others go on.
    """
    failed: list[tuple[int, Extraction]] = []

    def on_error(name: str, component: object, docs: list[Doc], error: Exception) -> None:
        for doc in docs:
            number, article = doc._context
            reason = f"{name} failed: {type(error).__name__}: {error}"
            failed.append((number, Extraction(article=article, problem=reason)))

    def failed_before(number: int) -> Iterator[Extraction]:
        earlier = sorted((f for f in failed if f[0] < number), key=lambda f: f[0])
        failed[:] = [f for f in failed if f[0] >= number]
        return (extraction for _, extraction in earlier)

    # our components take spaCy's default handler (Language.set_error_handler would also reach
    # the compiled parser, which cannot take one)
    nlp.default_error_handler = on_error
    pairs = ((article.text, (n, article)) for n, article in enumerate(articles))
    for doc, (number, article) in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield from failed_before(number)
        try:
            yield _extraction(doc, article)
        except Exception as error:  # one document's failure must not cost the others
            yield Extraction(article=article, problem=f"{type(error).__name__}: {error}")
    yield from (extraction for _, extraction in sorted(failed, key=lambda f: f[0]))


def _extraction(doc: Doc, article: Article) -> Extraction:
    """The plain data of one processed document."""
    relations = tuple(doc._.ng_relations)
    spans = doc.spans.get(SPANS_KEY, ())
    found = _merged(doc._.ng_entities, doc._.ng_relation_entities)
    entities = finish_entities(found, spans, relations, authors=article.authors,
                               publisher=article.publisher)
    return Extraction(article=article, entities=entities, relations=relations)


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
