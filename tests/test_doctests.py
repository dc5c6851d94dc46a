"""The examples in every docstring run, with each module imported by its installed name."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import newsgraph

MODULES = sorted(
    info.name for info in pkgutil.walk_packages(newsgraph.__path__, "newsgraph.")
    if info.name != "newsgraph.__main__"  # importing it runs the command line
)


def test_every_stage_is_found() -> None:
    assert {"newsgraph.graph", "newsgraph.ingest", "newsgraph.ontology"} <= set(MODULES)


@pytest.mark.parametrize("name", ["newsgraph", *MODULES])
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    # ELLIPSIS as pytest sets it; failures are printed to the captured stdout
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS, report=False)
    assert result.failed == 0
