"""Extraction on several processes: whole batches of articles, one pipeline per worker.

The NLP is what a build costs, and each article is read on its own, so the work splits
cleanly. :func:`extract_parallel` cuts the articles into tasks of ``batch_size`` articles
(:func:`task_batches`), sends each task as plain dicts to a pool of worker processes, where
:func:`extract_batch` runs the pipeline that :func:`cached_pipeline` loaded once for that
process, and yields the extractions back in input order.

Tasks are exactly the batches a single process would feed the model, so the model sees the
same batches on one worker or many, and the output is the same byte for byte. The same
:func:`extract_batch` is the task a Dask cluster runs (``newsgraph.ingest.distributed``).

Examples
--------
>>> from newsgraph.ingest.documents import Article
>>> articles = [Article.from_text(f"Intel Corp. rose {i}%.", source="a.txt") for i in range(5)]
>>> [len(batch) for batch in task_batches(articles, batch_size=2)]
[2, 2, 1]
>>> found = list(extract_parallel(articles, workers=2, batch_size=2))  # doctest: +SKIP
>>> [x.article for x in found] == articles  # doctest: +SKIP
True
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import TYPE_CHECKING, Any

from newsgraph.ingest.documents import Article, Extraction
from newsgraph.ingest.models import DEFAULT_MODEL

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = [
    "DEFAULT_BATCH_SIZE",
    "cached_pipeline",
    "default_workers",
    "extract_batch",
    "extract_parallel",
    "task_batches",
]

#: Articles per ``nlp.pipe`` batch, and per task sent to a worker. The model reads as fast
#: in batches of 16 as of 128 news articles, and small tasks keep workers evenly busy to the
#: end: the last task of a build runs alone.
DEFAULT_BATCH_SIZE = 16

# spaCy loads with the first pipeline, so that choosing workers and batch sizes stays light
_PIPELINES: dict[str, Language] = {}
_LOCK = threading.Lock()


def cached_pipeline(model: str = DEFAULT_MODEL) -> Language:
    """The pipeline of ``model``, loaded once per process and kept.

    A worker process calls this for every task; only the first call loads the model.

    Examples
    --------
    >>> cached_pipeline() is cached_pipeline()  # doctest: +SKIP
    True
    """
    from newsgraph.ingest.pipeline import load_pipeline

    with _LOCK:
        nlp = _PIPELINES.get(model)
        if nlp is None:
            nlp = _PIPELINES[model] = load_pipeline(model)
        return nlp


def extract_batch(
    articles: list[dict[str, Any]], *, model: str = DEFAULT_MODEL,
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> list[dict[str, Any]]:
    """Read one task's articles (as plain dicts) and return their extractions as plain dicts.

    Plain data in and out: this is what crosses process and machine boundaries.

    Examples
    --------
    >>> from newsgraph.ingest.documents import Article
    >>> data = [Article.from_text("Intel Corp. rose.", source="a.txt").to_dict()]
    >>> [e["name"] for e in extract_batch(data)[0]["entities"]]  # doctest: +SKIP
    ['Intel Corp.']
    """
    from newsgraph.ingest.extract import extract

    nlp = cached_pipeline(model)
    found = extract((Article.from_dict(a) for a in articles), nlp, batch_size=batch_size)
    return [x.to_dict() for x in found]


def task_batches(
    articles: Iterable[Article], *, batch_size: int = DEFAULT_BATCH_SIZE
) -> Iterator[list[Article]]:
    """Cut ``articles`` into consecutive tasks of ``batch_size`` (the last may be shorter).

    >>> list(task_batches(range(5), batch_size=3))  # type: ignore[arg-type]
    [[0, 1, 2], [3, 4]]
    """
    if batch_size < 1:
        message = f"batch_size must be at least 1 (got {batch_size})"
        raise ValueError(message)
    iterator = iter(articles)
    while batch := list(islice(iterator, batch_size)):
        yield batch


def _context() -> multiprocessing.context.BaseContext:
    """A start method that is safe with threads in the parent, preloading spaCy where it can.

    ``forkserver`` forks each worker from a clean server process that has imported the
    pipeline code once; ``spawn`` is the fallback where there is no ``fork``.
    """
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["newsgraph.ingest.parallel"])
        return context
    return multiprocessing.get_context("spawn")


def extract_parallel(
    articles: Iterable[Article], *, workers: int, model: str = DEFAULT_MODEL,
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> Iterator[Extraction]:
    """Read ``articles`` on ``workers`` processes and yield what each says, in input order.

    Each worker loads ``model`` once. At most two tasks per worker are in flight, so memory
    stays bounded however many articles come in. With ``workers=1`` the articles are read in
    this process, with no pool.

    Examples
    --------
    >>> from newsgraph.ingest.documents import Article
    >>> a = Article.from_text("Intel Corp. rose.", source="a.txt")
    >>> [e.name for x in extract_parallel([a], workers=2) for e in x.entities]  # doctest: +SKIP
    ['Intel Corp.']
    """
    if workers < 1:
        message = f"workers must be at least 1 (got {workers})"
        raise ValueError(message)
    if workers == 1:
        from newsgraph.ingest.extract import extract
        from newsgraph.ingest.pipeline import load_pipeline

        yield from extract(articles, load_pipeline(model), batch_size=batch_size)
        return
    tasks = task_batches(articles, batch_size=batch_size)
    first = next(tasks, None)
    if first is None:
        return
    pending: deque[Future[list[dict[str, Any]]]] = deque()
    with ProcessPoolExecutor(max_workers=workers, mp_context=_context()) as pool:
        def submit(batch: list[Article]) -> None:
            pending.append(pool.submit(
                extract_batch, [a.to_dict() for a in batch], model=model,
                batch_size=batch_size,
            ))

        submit(first)
        for batch in islice(tasks, 2 * workers - 1):
            submit(batch)
        while pending:
            done = pending.popleft().result()
            for batch in islice(tasks, 1):
                submit(batch)
            yield from (Extraction.from_dict(x) for x in done)


def default_workers() -> int:
    """The number of CPUs this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1
