"""Holdings said as shares of a company: who holds what part of it, on made-up sentences."""

from __future__ import annotations

import pytest

from tests.ingest.relation_views import triples


@pytest.mark.parametrize(
    "text, expected",
    [
        # each holder of a share list, the share after the verb or before it
        (
            "Globex Corp is owned 40 pct by Initech Inc and 25 pct by Acme Corp.",
            [
                ("Acme Corp.", "investsIn", "Globex Corp"),
                ("Initech Inc", "investsIn", "Globex Corp"),
            ],
        ),
        (
            "Globex Corp is owned 40 pct by Initech Inc, 25 pct by Acme Corp and 35 pct by "
            "Hooli Inc.",
            [
                ("Acme Corp", "investsIn", "Globex Corp"),
                ("Hooli Inc.", "investsIn", "Globex Corp"),
                ("Initech Inc", "investsIn", "Globex Corp"),
            ],
        ),
        (
            "Globex Corp is 40 pct owned by Initech Inc and 25 pct by Acme Corp.",
            [
                ("Acme Corp.", "investsIn", "Globex Corp"),
                ("Initech Inc", "investsIn", "Globex Corp"),
            ],
        ),
        # a share held, whatever an offer for it
        (
            "Hooli Inc made an offer for the 24 pct of Globex Corp held by Initech Inc.",
            [("Initech Inc.", "investsIn", "Globex Corp")],
        ),
        (
            "Hooli Inc made an offer for the 24 pct of Globex Holdings held by Initech Inc.",
            [("Initech Inc.", "investsIn", "Globex Holdings")],
        ),
        # a share of holders that are no names is nobody's
        (
            "Globex Corp is 40 pct owned by Initech Inc and 25 pct by its managers.",
            [("Initech Inc", "investsIn", "Globex Corp")],
        ),
    ],
)
def test_shares_held(nlp, text, expected):
    assert triples(nlp, text) == expected
