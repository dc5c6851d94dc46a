"""Tests of newsgraph.ingest.classify: the type of a mention from the evidence about it, on
sentences read by the real model."""

from __future__ import annotations

import pytest

from tests.ingest.parses import read_entities


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # products and assets are no entities
        ("Veltrix said its chips beat Kestrel's Falcon platform and the Orion chip.",
         {("Kestrel", "Organisation"), ("Veltrix", "Organisation")}),
        ("The company is advancing the Brandkop project in Namibia.", {("Namibia", "Country")}),
        # the parse says organisation where the model says nothing or person
        ("Li Wen, chairman of Sunhe Unigroup, spoke on Friday.",
         {("Li Wen", "Person"), ("Sunhe Unigroup", "Organisation")}),
        ("It was led by the founder of Acme Corp. and leaders of Quorvex, Tanglin Memory...",
         {("Acme Corp.", "Organisation"), ("Quorvex", "Organisation"),
          ("Tanglin Memory", "Organisation")}),
        ("French supermarket retailer Quorvex agreed to sell six stores to rival Acme.",
         {("France", "Country"), ("Quorvex", "Organisation"), ("Acme", "Organisation")}),
        # a party adjective before a politician names the party
        ("Republican Senator Jane Doe said the bill would pass.",
         {("Jane Doe", "Person"), ("Republican Party", "Organisation")}),
        # a law's name and a set of associations: no organisations
        ("Introduced by Senator Jane Doe, the Safe Robotics for Partners in Industry (SRPI) Act "
         "aims to close gaps.", {("Jane Doe", "Person")}),
        ("Both Robot Makers Associations are members of the World Robot Council.",
         {("World Robot Council", "Organisation")}),
    ],
)
def test_sentences_exactly(nlp, text, expected):
    assert read_entities(nlp, text) == expected
