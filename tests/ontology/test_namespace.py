"""The generated NG class and the Turtle it was generated from must not drift apart.

Regenerate after changing ``ontology/newsgraph.ttl`` with::

    python -m rdflib.tools.defined_namespace_creator --fail ontology/newsgraph.ttl \\
        "https://w3id.org/newsgraph/ontology#" NG

and copy the term lines of ``_NG.py`` into ``ontology/_namespace.py``, keeping its docstring.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import RDF, URIRef

from newsgraph.ontology import (
    ENTITY_TYPES,
    NG,
    POLICY_KINDS,
    RELATIONS,
    EntityType,
    NodeType,
    PolicyKind,
    Predicate,
    ontology_graph,
)


def _turtle_terms() -> set[str]:
    namespace = str(NG._NS)
    return {
        str(s).removeprefix(namespace)
        for s in ontology_graph().subjects()
        if isinstance(s, URIRef) and str(s).startswith(namespace)
    }


def test_turtle_terms_equal_the_class_terms():
    assert _turtle_terms() == set(NG.__annotations__) - {"_NS", "_fail"}


def test_a_term_the_turtle_lacks_fails():
    with pytest.raises(AttributeError, match="term 'chaired' not in namespace"):
        _ = NG.chaired


def test_every_term_is_typed():
    graph = ontology_graph()
    untyped = {t for t in _turtle_terms() if graph.value(NG[t], RDF.type) is None}
    assert untyped == set()


def test_the_generated_enums_are_up_to_date():
    script = Path(__file__).resolve().parents[2] / "scripts" / "make_vocabulary.py"
    done = subprocess.run([sys.executable, str(script), "--check"], capture_output=True, text=True,
                          check=False)
    assert (done.returncode, done.stderr) == (0, "")


def test_the_enums_name_what_the_ontology_declares():
    assert set(Predicate) == set(RELATIONS)
    assert set(EntityType) == set(ENTITY_TYPES)
    assert set(PolicyKind) == set(POLICY_KINDS)
    assert set(NodeType) == {*ENTITY_TYPES, "Article"}
    assert Predicate.ROSE_ON_NEWS == "roseOnNews"
