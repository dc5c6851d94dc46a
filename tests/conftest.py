"""Shared fixtures: the real, pinned spaCy pipeline, loaded once per session."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsgraph.ingest.pipeline import load_pipeline


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_pipeline()
