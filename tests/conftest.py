"""Shared fixtures: the real, pinned spaCy pipeline, loaded once per session."""

from __future__ import annotations

# Imported here, at collection: otherwise Hypothesis's pytest plugin imports it in the
# terminal summary of a run that used none of it, where the assertion rewriter's parse of it,
# deep in the stack, can fail on CPython 3.11.7 ("AST constructor recursion depth mismatch",
# python/cpython#106905) after every test passed.
import hypothesis  # noqa: F401
import pytest
from spacy.language import Language

from newsgraph.ingest.pipeline import load_pipeline


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_pipeline()
