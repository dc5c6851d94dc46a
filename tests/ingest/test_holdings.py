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
        # "X, a firm owned 30 pct by Y", where the parser reads "owned" as X's verb and "by Y"
        # as the share's
        (
            "Globex Holdings, an Australian firm owned 30 pct by Initech Inc, was planning a "
            "branch.",
            [("Globex Holdings", "basedIn", "Australia"),
             ("Initech Inc", "investsIn", "Globex Holdings")],
        ),
        # a share owned by a date is the subject's
        (
            "Acme Corp owned 30 pct of Globex Corp by 1990.",
            [("Acme Corp", "investsIn", "Globex Corp")],
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


@pytest.mark.parametrize(
    "text, expected",
    [
        # one company's name possessed by another's, or the noun of what it is
        (
            "Initech Inc's Globex Corp reported higher profits.",
            [("Initech Inc", "investsIn", "Globex Corp")],
        ),
        (
            "Fakes were sold on Alibaba Group Holding Ltd's popular Taobao shopping website.",
            [("Alibaba Group Holding Ltd", "investsIn", "Taobao")],
        ),
        # a stake named by its company, held and then bought
        (
            "Hooli Inc will acquire Initech Inc's Globex Holdings stake.",
            [
                ("Hooli Inc", "investsIn", "Globex Holdings"),
                ("Initech Inc", "investsIn", "Globex Holdings"),
            ],
        ),
        # a public body's part is no holding
        ("The U.S. Treasury's Office of Foreign Assets Control said it acted.", []),
    ],
)
def test_possessed_companies(nlp, text, expected):
    assert triples(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a stake sold: the buyer holds it then, as for a company sold
        (
            "Hooli Inc sold its 30 pct stake in Globex Corp to Initech Inc.",
            [
                ("Hooli Inc", "investsIn", "Globex Corp"),
                ("Initech Inc.", "investsIn", "Globex Corp"),
            ],
        ),
        (
            "Acme Corp completed the sale of its stake in Globex Corp to Hooli Inc.",
            [("Acme Corp", "investsIn", "Globex Corp"), ("Hooli Inc.", "investsIn", "Globex Corp")],
        ),
        # shares sold to a buyer in no named company are nobody's holding
        ("Acme Corp sold shares to Hooli Inc.", []),
    ],
)
def test_stakes_sold(nlp, text, expected):
    assert triples(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # "X, a Y subsidiary": the owner's name before the unit word in apposition
        (
            "Globex Group Ltd, a Guinness Peat subsidiary, placed an order.",
            [("Guinness Peat", "investsIn", "Globex Group Ltd")],
        ),
        # a country before it says where the unit is, not who owns it
        (
            "Globex Group Ltd, a U.S. subsidiary, placed an order.",
            [("Globex Group Ltd", "basedIn", "United States")],
        ),
    ],
)
def test_units_in_apposition(nlp, text, expected):
    assert triples(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # money put in a company's notes or shares is invested in the company
        (
            "Hooli Capital agreed to invest $500 million in convertible notes of Acme Corp, "
            "doubling its bet.",
            [("Hooli Capital", "investsIn", "Acme Corp")],
        ),
        (
            "Hooli Capital will invest 20 mln dlrs in new shares of Acme Corp.",
            [("Hooli Capital", "investsIn", "Acme Corp.")],
        ),
        ("Hooli Capital did not invest in bonds of Acme Corp.", []),
    ],
)
def test_invested_in_securities(nlp, text, expected):
    assert triples(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the units a company's possessive owns, listed after "are" or "include"
        (
            "Acme Corp said sales rose. The company's other subsidiaries are Globex Inc, "
            "Initech Ltd and Hooli Corp.",
            [
                ("Acme Corp", "investsIn", "Globex Inc"),
                ("Acme Corp", "investsIn", "Hooli Corp."),
                ("Acme Corp", "investsIn", "Initech Ltd"),
            ],
        ),
        (
            "Acme Corp's units include Globex Inc and Initech Ltd.",
            [("Acme Corp", "investsIn", "Globex Inc"), ("Acme Corp", "investsIn", "Initech Ltd.")],
        ),
        # the holding company for a list of companies holds each
        (
            "Acme Corp is the holding company for Globex Bank, Initech Ltd and Hooli Corp.",
            [
                ("Acme Corp", "investsIn", "Globex Bank"),
                ("Acme Corp", "investsIn", "Hooli Corp."),
                ("Acme Corp", "investsIn", "Initech Ltd"),
            ],
        ),
        # a company's rivals listed so are no units of it: its rivals, not its holdings
        (
            "Acme Corp's rivals include Globex Inc and Initech Ltd.",
            [
                ("Acme Corp", "competesWith", "Globex Inc"),
                ("Acme Corp", "competesWith", "Initech Ltd."),
            ],
        ),
    ],
)
def test_units_listed(nlp, text, expected):
    assert triples(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a seller held what it sells or spins off
        (
            "Acme Corp sold Globex Inc to Initech Ltd last year.",
            [("Acme Corp", "investsIn", "Globex Inc"), ("Initech Ltd", "investsIn", "Globex Inc")],
        ),
        ("Acme Corp will spin off Globex Inc to shareholders.",
         [("Acme Corp", "investsIn", "Globex Inc")]),
        ("Acme Corp sells Globex Inc products in Europe.", []),
        # control, a share had, a price paid for a company
        (
            "Acme Corp, which controls Globex Inc and Initech Inc, is keen to expand.",
            [("Acme Corp", "investsIn", "Globex Inc"), ("Acme Corp", "investsIn", "Initech Inc")],
        ),
        ("Acme Corp has 4.9 pct of Globex Inc and is studying a bid.",
         [("Acme Corp", "investsIn", "Globex Inc")]),
        ("Acme Corp last year paid 240 mln dlrs for Globex Inc, which makes carbon black.",
         [("Acme Corp", "investsIn", "Globex Inc")]),
        # money raised from investors
        (
            "Globex Inc raised $80 million from Acme Capital and Initech Partners.",
            [
                ("Acme Capital", "investsIn", "Globex Inc"),
                ("Initech Partners", "investsIn", "Globex Inc"),
            ],
        ),
        # a company formed by another; a holder named before its holding's name
        (
            "Globex Holdings Corp, a concern formed by Acme Partners, said profit rose.",
            [("Acme Partners", "investsIn", "Globex Holdings Corp")],
        ),
        ("Acme Corp is a Globex Inc shareholder.", [("Acme Corp", "investsIn", "Globex Inc")]),
        # the holder of a stake named after it
        ("Hooli bought the stake in Globex Inc held by Initech Corp.",
         [("Initech Corp.", "investsIn", "Globex Inc")]),
    ],
)
def test_holdings_by_verb_and_noun(nlp, text, expected):
    assert triples(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # customers listed after "including": the company supplies each
        (
            "Acme Software Inc said sales rose. The company offers software to its customers "
            "including Globex Corp and Initech Inc.",
            [("Acme Software Inc", "supplies", "Globex Corp"),
             ("Acme Software Inc", "supplies", "Initech Inc.")],
        ),
        # an order placed with a company: it supplies the one placing it
        ("Globex Corp has placed orders for three ships with Acme Shipbuilding Corp.",
         [("Acme Shipbuilding Corp.", "supplies", "Globex Corp")]),
        # two companies that sign an agreement together, or buy a company together
        ("Acme Corp and Globex Inc signed an agreement on Monday.",
         [("Acme Corp", "partnersWith", "Globex Inc")]),
        (
            "Acme Corp and Globex Inc bought Hooli Maps.",
            [
                ("Acme Corp", "investsIn", "Hooli Maps"),
                ("Acme Corp", "partnersWith", "Globex Inc"),
                ("Globex Inc", "investsIn", "Hooli Maps"),
            ],
        ),
        # a deal signed with no second party named is no partnership
        ("Acme Corp signed an agreement on Monday.", []),
    ],
)
def test_deals_and_orders(nlp, text, expected):
    assert triples(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a unit after its parent's possessive, with a country word and other words between
        (
            "Statoil will share the licence with Acme Corp's <ACM.N> Norwegian subsidiary "
            "Globex Norge A/S, Shell and Hooli.",
            [("Acme Corp", "investsIn", "Globex Norge A/S"),
             ("Globex Norge A/S", "basedIn", "Norway")],
        ),
        (
            "The plant brings together Acme AB's wholly-owned U.S. Subsidiary Globex Bit Corp of "
            "Houston and Initech's activities.",
            [("Acme AB", "investsIn", "Globex Bit Corp"),
             ("Globex Bit Corp", "basedIn", "United States")],
        ),
        # a share "of which" a holder holds
        ("It also markets sands produced by Globex Corp, of which Acme Ltd holds 17.5 pct.",
         [("Acme Ltd", "investsIn", "Globex Corp")]),
        # a rival so described is no unit
        ("Acme Corp's U.S. rival Globex Inc said sales fell.",
         [("Acme Corp", "competesWith", "Globex Inc"),
          ("Globex Inc", "basedIn", "United States")]),
    ],
)
def test_units_after_possessive(nlp, text, expected):
    assert triples(nlp, text) == expected
