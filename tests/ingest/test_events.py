"""Events named again by a definite noun, on made-up sentences read by the real model."""

from __future__ import annotations

import pytest

from tests.ingest.relation_views import triples


def _partners(nlp, text: str) -> list[tuple[str, str, str]]:
    return [t for t in triples(nlp, text) if t[1] == "partnersWith"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # an agreement between two named organisations makes them partners
        (
            "Acme Corp said Globex Inc will pay it royalties as part of a licensing agreement "
            "between Acme Corp and Globex Inc.",
            [("Acme Corp", "partnersWith", "Globex Inc.")],
        ),
        # "between the companies": the two its sentence names before it
        (
            "Acme Corp said Globex Inc will pay it royalties on the sale of its drug as part "
            "of an earlier-reported licensing agreement between the companies.",
            [("Acme Corp", "partnersWith", "Globex Inc")],
        ),
        # "between the two companies" with none named in its sentence: the two ends of the
        # deal read before
        (
            "Acme Corp's purchase of a 13 pct stake in Globex Inc is a shrewd move, analysts "
            "said. The agreement between the two companies calls for a joint venture in "
            "London.",
            [("Acme Corp", "partnersWith", "Globex Inc")],
        ),
        # an agreement to sell or to settle is no partnership
        ("The supply agreement between Acme Corp and Globex Inc runs for five years.", []),
        (
            "Acme Corp sued Globex Inc last year. The settlement agreement between the two "
            "companies was signed on Monday.",
            [],
        ),
    ],
)
def test_an_agreement_between_two_organisations(nlp, text, expected):
    assert _partners(nlp, text) == expected
