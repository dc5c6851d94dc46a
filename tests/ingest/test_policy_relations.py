"""Opposition, sanctions and policies on small made-up sentences, read by the real model."""

from __future__ import annotations

import pytest

from tests.ingest.relation_views import triples


@pytest.mark.parametrize(
    "text, expected",
    [
        # a suit named again stands for its plaintiff; whom it names are its defendants
        (
            "Acme Corp said it sued two Globex Inc units for forcing it into bankruptcy. "
            "The suit also names Initech Corp as a defendant.",
            [("Acme Corp", "opposes", "Initech Corp")],
        ),
        (
            "Acme Corp filed a lawsuit naming Globex Inc and Initech Corp as defendants.",
            [("Acme Corp", "opposes", "Globex Inc"), ("Acme Corp", "opposes", "Initech Corp")],
        ),
        # naming someone is no suit
        ("The report names Globex Inc as the best employer.", []),
        ("Acme Corp named Globex Inc as its supplier.", []),
    ],
)
def test_a_suit_opposes_whom_it_names(nlp, text, expected):
    assert triples(nlp, text) == expected
