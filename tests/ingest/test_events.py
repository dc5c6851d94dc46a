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


def _opposes(nlp, text: str) -> list[tuple[str, str, str]]:
    return [t for t in triples(nlp, text) if t[1] == "opposes"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a bid to buy is a deal of the bidder's: "the transaction" asked to be stopped is it
        (
            "A bid by Acme Corp to buy back 38 mln shares from Globex Inc has been hit by two "
            "lawsuits. John Doe asked the SEC to block the transaction, approved last week by "
            "the company's board.",
            [("John Doe", "opposes", "Acme Corp")],
        ),
        # "transaction" is of the family of deals
        (
            "Acme Corp agreed to buy Globex Inc. John Doe opposed the transaction.",
            [("John Doe", "opposes", "Acme Corp")],
        ),
        # a bid that is no bid to buy makes no deal a later "the deal" names
        (
            "Acme Corp made a bid for Globex Inc. Globex instead agreed to a deal with Initech "
            "Corp. John Doe opposed the deal.",
            [],
        ),
    ],
)
def test_a_deal_named_again_stands_for_its_buyer_where_opposed(nlp, text, expected):
    assert _opposes(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # "both companies" that work together: the two ends of the deal read before
        (
            "Acme Corp bought Globex Inc last year. Both companies, which already work "
            "together, will share research.",
            [("Acme Corp", "partnersWith", "Globex Inc")],
        ),
        # "the three companies": the three named last in its sentence and the one before
        (
            "Acme Corp said it would work with Globex Inc on trucks. Acme later acquired "
            "startup Initech Corp, and the three companies are working together on cars.",
            [
                ("Acme Corp", "partnersWith", "Globex Inc"),
                ("Initech Corp", "partnersWith", "Acme Corp"),
                ("Initech Corp", "partnersWith", "Globex Inc"),
            ],
        ),
        # as many as the number says, or none; and only where they work together
        (
            "Acme Corp bought Globex Inc. The three companies are working together on cars.",
            [],
        ),
        (
            "Acme Corp bought Globex Inc last year. Both companies reported higher sales.",
            [],
        ),
        # "work" alone is no partnership ("both companies work in Ohio")
        (
            "Acme Corp bought Globex Inc last year. Both companies, which work in Ohio, "
            "reported higher sales.",
            [],
        ),
    ],
)
def test_companies_named_by_their_number_working_together(nlp, text, expected):
    assert sorted(set(_partners(nlp, text))) == expected


def test_both_companies_further_back_where_the_text_told_of_one_deal(nlp):
    text = ("Acme Corp agreed to buy Globex Inc for $3 billion. Acme makes machines. Its "
            "customers are big. Globex makes tools. Its shares rose. Analysts were pleased. "
            "Both companies, which already work together, will share research.")
    assert ("Acme Corp", "partnersWith", "Globex Inc") in _partners(nlp, text)
    other = ("Acme Corp agreed to buy Globex Inc for $3 billion. Wayne Enterprises Inc "
             "bought a stake in Vandelay Industries Inc for $1 billion. Acme makes machines. "
             "Its customers are big. Globex makes tools. Its shares rose. Analysts were "
             "pleased. Both companies, which already work together, will share research.")
    assert ("Acme Corp", "partnersWith", "Globex Inc") not in _partners(nlp, other)


@pytest.mark.parametrize(
    "text, expected",
    [
        # "the decision" with no party of its own: the subject of the clause that told of it
        (
            "Acme Corp decided to cut supplies to Initech Inc. Globex Inc criticised the "
            "decision.",
            [("Globex Inc", "opposes", "Acme Corp")],
        ),
        # the subject of a verb that brings the act in ("announced a plan")
        (
            "Acme Corp announced a plan to cut prices. Globex Inc opposed the plan.",
            [("Globex Inc", "opposes", "Acme Corp")],
        ),
        # the party the noun named the first time ("Acme Corp's plan")
        (
            "Acme Corp's plan was announced on Monday. Globex Inc protested over the plan.",
            [("Globex Inc", "opposes", "Acme Corp")],
        ),
        # the subject of a relative clause that made it
        (
            "The plan, which Acme Corp unveiled on Monday, cuts prices. Globex Inc opposed "
            "the plan.",
            [("Globex Inc", "opposes", "Acme Corp")],
        ),
        # a party that judges it wrong opposes its party too
        (
            "Acme Corp decided to cut supplies to Initech Inc. Globex Inc said the decision "
            "was unfair.",
            [("Globex Inc", "opposes", "Acme Corp")],
        ),
        # an act welcomed is no dispute; a court's decision is no party's act
        (
            "Acme Corp decided to cut supplies to Initech Inc. Globex Inc welcomed the "
            "decision.",
            [],
        ),
        (
            "The Supreme Court decided to hear the case. Acme Corp criticised the decision.",
            [],
        ),
    ],
)
def test_an_act_named_again_stands_for_its_party_where_opposed(nlp, text, expected):
    assert _opposes(nlp, text) == expected


def _supplies(nlp, text: str) -> list[tuple[str, str, str]]:
    return [t for t in triples(nlp, text) if t[1] == "supplies"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # "the order" named again with who gave it: the suppliers that won the order before,
        # and those a joint order was won with
        (
            "Acme Corp said its Initech unit has won a joint order with Globex Inc for a "
            "plant. It said the order, awarded by Hooli Inc, involves a steel works.",
            [("Globex Inc", "supplies", "Hooli Inc"), ("Initech", "supplies", "Hooli Inc")],
        ),
        (
            "Acme Corp won a contract on Monday. The contract, awarded by Hooli Inc, runs for "
            "five years.",
            [("Acme Corp", "supplies", "Hooli Inc")],
        ),
        # a contract won "with" a party is no joint one: that party is not a co-supplier
        (
            "Acme Corp won a contract with Globex Inc on Monday. The contract, awarded by "
            "Hooli Inc, runs for five years.",
            [("Acme Corp", "supplies", "Hooli Inc")],
        ),
        # an order lost, or named again with no one who gave it, says no supply
        (
            "Acme Corp lost a contract. The contract, awarded by Hooli Inc, runs for five "
            "years.",
            [],
        ),
        ("Acme Corp won a contract on Monday. The contract runs for five years.", []),
    ],
)
def test_an_order_named_again_with_who_gave_it(nlp, text, expected):
    assert sorted(_supplies(nlp, text)) == expected
