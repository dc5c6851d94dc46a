"""Sources to extractions: reading news into articles, and the spaCy pipeline that reads them.

>>> from ingest import Article
>>> Article.from_text("Hello.", source="a.txt").text
'Hello.'
"""

from ingest.documents import ARTICLE, Article, Entity, Evidence, Extraction, Relation
from ingest.errors import NewsgraphError, SourceError
from ingest.extract import extract, load_pipeline
from ingest.parallel import extract_parallel
from ingest.sources import SourceResult, read_bytes, read_sources

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
