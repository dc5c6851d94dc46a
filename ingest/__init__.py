"""Sources to extractions: reading news into articles, and the spaCy pipeline that reads them.

>>> from newsgraph.ingest import Article
>>> Article.from_text("Hello.", source="a.txt").text
'Hello.'
"""

from newsgraph._lazy import attach, require_installed_name

require_installed_name(__name__)

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
