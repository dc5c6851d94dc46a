"""Sources to extractions: reading news into articles, and the spaCy pipeline that reads them.

>>> from newsgraph.ingest import Article
>>> Article.from_text("Hello.", source="a.txt").text
'Hello.'
"""

# The checkout's ingest/ folder is importable as a top-level package from the project root; one
# module loaded under two names would hold two copies of every registry and class.
if __name__ != "newsgraph.ingest":
    message = f"{__name__}: import this package as newsgraph.ingest"
    raise ImportError(message)

from newsgraph.ingest.documents import ARTICLE, Article, Entity, Evidence, Extraction, Relation
from newsgraph.ingest.errors import NewsgraphError, SourceError
from newsgraph.ingest.extract import extract, load_pipeline
from newsgraph.ingest.parallel import extract_parallel
from newsgraph.ingest.sources import SourceResult, read_bytes, read_sources

__all__ = [
    "ARTICLE",
    "Article",
    "Entity",
    "Evidence",
    "Extraction",
    "NewsgraphError",
    "Relation",
    "SourceError",
    "SourceResult",
    "extract",
    "extract_parallel",
    "load_pipeline",
    "read_bytes",
    "read_sources",
]
