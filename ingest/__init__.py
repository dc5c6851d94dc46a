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

from newsgraph._lazy import attach

#: Public name -> the module that defines it; imported when first used.
_EXPORTS = {
    "ARTICLE": "newsgraph.ingest.documents",
    "Article": "newsgraph.ingest.documents",
    "Entity": "newsgraph.ingest.documents",
    "Evidence": "newsgraph.ingest.documents",
    "Extraction": "newsgraph.ingest.documents",
    "NewsgraphError": "newsgraph.errors",
    "Relation": "newsgraph.ingest.documents",
    "SourceError": "newsgraph.errors",
    "SourceResult": "newsgraph.ingest.sources",
    "extract": "newsgraph.ingest.extract",
    "extract_parallel": "newsgraph.ingest.parallel",
    "load_pipeline": "newsgraph.ingest.extract",
    "read_bytes": "newsgraph.ingest.sources",
    "read_sources": "newsgraph.ingest.sources",
}

__getattr__, __dir__ = attach(__name__, _EXPORTS)

__all__ = sorted(_EXPORTS)
