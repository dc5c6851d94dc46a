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
from newsgraph.ingest.headlines import title_document, title_relations
from newsgraph.ingest.heads import titled_heads
from newsgraph.ingest.pipeline import load_pipeline

__all__ = ["extract", "load_pipeline"]


def extract(
    articles: Iterable[Article], nlp: Language, *, batch_size: int = 32
) -> Iterator[Extraction]:
    """Read each article with ``nlp`` and yield what it found, in input order.

    A component that fails on one document costs that document alone: it comes back as an
    :class:`Extraction` whose ``problem`` says what went wrong, and the others go on. The
    title is read as a document of its own (:mod:`newsgraph.ingest.headlines`), just before
    the text; one that fails costs only what the title says.
    """
    failed: list[tuple[int, Extraction]] = []

    def on_error(name: str, component: object, docs: list[Doc], error: Exception) -> None:
        for doc in docs:
            number, article, title = doc._context
            if title:
                continue
            reason = f"{name} failed: {type(error).__name__}: {error}"
            failed.append((number, Extraction(article=article, problem=reason)))

    def failed_before(number: int) -> Iterator[Extraction]:
        earlier = sorted((f for f in failed if f[0] < number), key=lambda f: f[0])
        failed[:] = [f for f in failed if f[0] >= number]
        return (extraction for _, extraction in earlier)

    # our components take spaCy's default handler (Language.set_error_handler would also reach
    # the compiled parser, which cannot take one)
    nlp.default_error_handler = on_error
    read_title: tuple[int, Doc] | None = None  # the last title read, which its text follows
    pairs = _documents(articles, nlp)
    for doc, (number, article, title) in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        if title:
            read_title = number, doc
            continue
        yield from failed_before(number)
        try:
            yield _extraction(doc, article,
                              read_title[1] if read_title and read_title[0] == number else None)
        except Exception as error:  # one document's failure must not cost the others
            yield Extraction(article=article, problem=f"{type(error).__name__}: {error}")
    yield from (extraction for _, extraction in sorted(failed, key=lambda f: f[0]))


def _documents(
    articles: Iterable[Article], nlp: Language,
) -> Iterator[tuple[str | Doc, tuple[int, Article, bool]]]:
    """What ``nlp`` reads of each article, with its number and whether it is the title: the
    title's document, where it is read, then the text."""
    for number, article in enumerate(articles):
        if (title := title_document(nlp, article)) is not None:
            yield title, (number, article, True)
        yield article.text, (number, article, False)


def _extraction(doc: Doc, article: Article, title: Doc | None = None) -> Extraction:
    """The plain data of one processed document, and of its title's where it was read."""
    relations = tuple(doc._.ng_relations)
    spans = doc.spans.get(SPANS_KEY, ())
    found = _merged(doc._.ng_entities, doc._.ng_relation_entities)
    heads, countries = titled_heads(doc, found, relations, article.date)
    relations += heads
    found += countries
    if title is not None:
        said, countries = title_relations(title, found, relations)
        relations += said
        found += countries
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
