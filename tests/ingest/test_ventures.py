"""Holdings listed with their shares, and the partners of a joint venture, on made-up sentences."""

from __future__ import annotations

import pytest

from tests.ingest.relation_views import triples


def _family(nlp, text: str) -> list[tuple[str, str, str]]:
    return sorted({t for t in triples(nlp, text) if t[1] in ("investsIn", "partnersWith")})


@pytest.mark.parametrize(
    "text, expected",
    [
        # a share list after a verb of holding, in a document speaking of a venture: each
        # holder holds the company the sentence says is owned, and they partner
        (
            "Globex Ltd is a joint venture company, owned half by Acme Corp with Initech Inc "
            "holding a 30 pct stake and Hooli Inc a 20 pct stake.",
            [
                ("Acme Corp", "investsIn", "Globex Ltd"),
                ("Acme Corp", "partnersWith", "Hooli Inc"),
                ("Acme Corp", "partnersWith", "Initech Inc"),
                ("Hooli Inc", "investsIn", "Globex Ltd"),
                ("Initech Inc", "investsIn", "Globex Ltd"),
                ("Initech Inc", "partnersWith", "Hooli Inc"),
            ],
        ),
        # a gapped list: the company is the one the document last read as held
        (
            "Acme Corp agreed to buy Initech Inc's stake in Globex Ltd, a joint venture. "
            "After the sale Acme Corp will own 70 pct, Hooli Inc, 20 pct and Vandelay SA "
            "of France, ten pct.",
            [
                ("Acme Corp", "investsIn", "Globex Ltd"),
                ("Acme Corp", "partnersWith", "Hooli Inc"),
                ("Acme Corp", "partnersWith", "Vandelay SA"),
                ("Hooli Inc", "investsIn", "Globex Ltd"),
                ("Hooli Inc", "partnersWith", "Vandelay SA"),
                ("Initech Inc", "investsIn", "Globex Ltd"),
                ("Vandelay SA", "investsIn", "Globex Ltd"),
            ],
        ),
    ],
)
def test_share_lists(nlp, text, expected):
    assert _family(nlp, text) == expected


@pytest.mark.parametrize(
    "text, absent",
    [
        # co-holders with no venture spoken of are no partners
        (
            "Acme Corp owns 40 pct of Globex Ltd, with Initech Inc holding 25 pct.",
            ("Acme Corp", "partnersWith", "Initech Inc"),
        ),
        # a holding of two companies: which holder holds which is not read from the list
        (
            "Acme Corp, which owns 40 pct of Globex Ltd, and Initech Inc, in which Hooli Inc "
            "holds a 15 pct stake, fell.",
            ("Hooli Inc", "investsIn", "Globex Ltd"),
        ),
        # a holding of a thing no company falls back on no other company
        (
            "Acme Corp bought Globex Ltd. Initech Inc owns 41 pct of the reactor, with Hooli "
            "Inc owning 18 pct.",
            ("Hooli Inc", "investsIn", "Globex Ltd"),
        ),
    ],
)
def test_share_lists_left_alone(nlp, text, absent):
    assert absent not in _family(nlp, text)


@pytest.mark.parametrize(
    "text, expected",
    [
        # the partners of a venture named in the sentence before: they hold it and partner
        # each other and its other holders
        (
            "Globex Ltd is a joint venture in which Acme Corp holds a 45 pct stake. "
            "Its local partners are Initech Inc and Hooli Inc.",
            [
                ("Acme Corp", "investsIn", "Globex Ltd"),
                ("Hooli Inc.", "investsIn", "Globex Ltd"),
                ("Hooli Inc.", "partnersWith", "Acme Corp"),
                ("Initech Inc", "investsIn", "Globex Ltd"),
                ("Initech Inc", "partnersWith", "Acme Corp"),
                ("Initech Inc", "partnersWith", "Hooli Inc."),
            ],
        ),
        # holders of a venture the text does not name: partners of each other only
        (
            "Acme Corp will buy a stake in the joint venture. Other interest holders are "
            "Initech Inc and Hooli Inc.",
            [("Initech Inc", "partnersWith", "Hooli Inc.")],
        ),
        # "other partners of the venture" with no name: its holders told of before too
        (
            "Acme Corp will take up a five pct stake in the joint venture. Globex Inc owns a "
            "20 pct stake in the consortium. Other partners of the joint venture comprise a "
            "combined 20 pct stake by Initech Ltd and Hooli Ltd.",
            [
                ("Acme Corp", "partnersWith", "Globex Inc"),
                ("Hooli Ltd.", "partnersWith", "Acme Corp"),
                ("Hooli Ltd.", "partnersWith", "Globex Inc"),
                ("Initech Ltd", "partnersWith", "Acme Corp"),
                ("Initech Ltd", "partnersWith", "Globex Inc"),
                ("Initech Ltd", "partnersWith", "Hooli Ltd."),
            ],
        ),
    ],
)
def test_partner_lists(nlp, text, expected):
    assert _family(nlp, text) == expected


def test_a_companys_partners_are_not_its_holders(nlp):
    found = _family(nlp, "Acme Corp's partners are Initech Inc and Hooli Inc.")
    assert ("Initech Inc", "investsIn", "Acme Corp") not in found
    assert ("Hooli Inc.", "investsIn", "Acme Corp") not in found
    assert ("Acme Corp", "partnersWith", "Initech Inc") in found


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Hooli Inc signed a deal with Dupont Co's Conoco Inc on Monday.",
         [("Dupont Co", "investsIn", "Conoco Inc"), ("Hooli Inc", "partnersWith", "Conoco Inc")]),
        # a word between the names says what one is to the other: no holding read here
        ("Analysts at Acme Corp's rival Globex Inc said sales rose.", []),
        # a person, a country, a public body: no company held
        ("Acme Corp's Bob Smith said sales rose.", []),
        ("Japan's Globex Corp said sales rose.", []),
        ("The Treasury Department's Office of Foreign Assets Control said so.", []),
    ],
)
def test_possessed_companies(nlp, text, expected):
    assert _family(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # founders written before the venture noun, as the text named them before
        (
            "Acme Corp and Globex Ltd reported results on Monday. Hooli Inc makes chips with "
            "the 50/50 Acme/Globex joint venture Initech Ltd in Ohio.",
            [
                ("Acme Corp", "investsIn", "Initech Ltd"),
                ("Acme Corp", "partnersWith", "Globex Ltd"),
                ("Globex Ltd", "investsIn", "Initech Ltd"),
            ],
        ),
    ],
)
def test_venture_founders(nlp, text, expected):
    assert [t for t in _family(nlp, text)
            if not (t[0] == "Hooli Inc" and t[2] == "Initech Ltd")] == expected


def test_venture_capital_is_no_venture(nlp):
    doc = nlp("Top venture capital investors including Kleiner Perkins and Hooli Ventures "
              "backed Initech.")
    assert not [r for r in doc._.ng_relations if r.evidence.rule.startswith("venture-")]


@pytest.mark.parametrize(
    "text, expected",
    [
        # the investors in "the round" invest in the company the last sentence naming a
        # round and an investment says is invested in, however the parser reads the list
        (
            "Globex Inc has agreed to invest $200 million in Acme Corp as part of its latest "
            "$3 billion fundraising round, a person said. With $3 billion of funding, Acme "
            "wants to pick investors well. Previously disclosed investors in the round were "
            "Initech Corp, Hooli Ltd and Vandelay Industries.",
            [
                ("Globex Inc", "investsIn", "Acme Corp"),
                ("Hooli Ltd", "investsIn", "Acme Corp"),
                ("Initech Corp", "investsIn", "Acme Corp"),
                ("Vandelay Industries", "investsIn", "Acme Corp"),
            ],
        ),
        # a round its own phrase says is a company's
        (
            "Investors in Acme Corp's round included Initech Corp and Hooli Ltd.",
            [("Hooli Ltd.", "investsIn", "Acme Corp"), ("Initech Corp", "investsIn", "Acme Corp")],
        ),
        # a round with no investment told of before it, or two companies invested in
        (
            "Acme Corp plans a new funding round. Investors in the round were Initech Corp "
            "and Hooli Ltd.",
            [],
        ),
        (
            "Globex Inc invested in Acme Corp and Wayne Corp in a funding round. Other "
            "investors in the round were Initech Corp and Hooli Ltd.",
            [("Globex Inc", "investsIn", "Acme Corp"), ("Globex Inc", "investsIn", "Wayne Corp")],
        ),
    ],
)
def test_round_investors(nlp, text, expected):
    assert _family(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a stake in "the joint venture" is in the one venture named before by a name; its
        # holder partners the partners the text lists after
        (
            "Globex Bank, Peru's first joint venture bank, reported a profit. Jane Doe said "
            "the share in the joint venture of the foreign partner, Acme Holdings Ltd, had "
            "been cut to 49 pct. The Peruvian partners are Initech Corp 20 pct and Hooli Corp "
            "31 pct.",
            [
                ("Acme Holdings Ltd", "investsIn", "Globex Bank"),
                ("Hooli Corp", "investsIn", "Globex Bank"),
                ("Hooli Corp", "partnersWith", "Acme Holdings Ltd"),
                ("Initech Corp", "investsIn", "Globex Bank"),
                ("Initech Corp", "partnersWith", "Acme Holdings Ltd"),
                ("Initech Corp", "partnersWith", "Hooli Corp"),
            ],
        ),
        (
            "Globex Ltd is a joint venture of Initech Corp. Acme Corp will take a 20 pct stake "
            "in the venture.",
            [("Acme Corp", "investsIn", "Globex Ltd"),
             ("Initech Corp.", "investsIn", "Globex Ltd")],
        ),
        # two ventures named before, or none: which one is meant is unclear
        (
            "Globex Ltd is a joint venture. Wayne Ltd is another joint venture. Acme Corp will "
            "take a 20 pct stake in the venture.",
            [],
        ),
        ("Acme Corp will take a 20 pct stake in the venture.", []),
    ],
)
def test_venture_stakes(nlp, text, expected):
    assert _family(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the parties of an agreement that creates a named venture hold it and partner
        (
            "The contract, to be signed by Acme Corp and Globex Inc, will create a new joint "
            "venture called Hooli Refining Co.",
            [
                ("Acme Corp", "investsIn", "Hooli Refining Co."),
                ("Acme Corp", "partnersWith", "Globex Inc"),
                ("Globex Inc", "investsIn", "Hooli Refining Co."),
            ],
        ),
    ],
)
def test_ventures_of_deals(nlp, text, expected):
    assert _family(nlp, text) == expected


def test_an_owner_named_with_its_possessive_is_no_party_of_the_venture(nlp):
    found = _family(nlp, "The contract, to be signed by Acme Corp and Globex Inc's parent "
                         "company, the Initech Corp, will create a new joint venture called "
                         "Hooli Refining Co.")
    assert ("Acme Corp", "investsIn", "Hooli Refining Co.") in found
    assert ("Initech Corp", "investsIn", "Hooli Refining Co.") in found
    assert ("Acme Corp", "partnersWith", "Initech Corp") in found
    assert not any(t[0].startswith("Globex") and t[2].startswith("Hooli") for t in found)


@pytest.mark.parametrize(
    "text, expected",
    [
        # "the balance" of the venture's financing told of just before comes from investors
        (
            "The joint venture, Initech Ltd, will be 60 pct owned by Acme Corp. Acme Corp will "
            "provide 150 mln dlrs of the venture's financing. The balance will come from "
            "Hooli Corp and Vandelay Ltd.",
            [
                ("Acme Corp.", "investsIn", "Initech Ltd"),
                ("Hooli Corp", "investsIn", "Initech Ltd"),
                ("Vandelay Ltd.", "investsIn", "Initech Ltd"),
            ],
        ),
        # a balance with no financing of a company just before it is none
        (
            "Acme Corp reported higher sales. The balance will come from Hooli Corp.",
            [],
        ),
    ],
)
def test_remainder_investors(nlp, text, expected):
    assert _family(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # "their" owning a cooperation, or what a verb of pooling puts together: the
        # organisations coordinated as the subject above it partner each other
        ("Acme Corp and Globex Inc ended their alliance.",
         [("Acme Corp", "partnersWith", "Globex Inc")]),
        ("Acme Corp and Globex Inc have yet to decide who owns data collected in their "
         "collaboration on self-driving cars.",
         [("Acme Corp", "partnersWith", "Globex Inc")]),
        ("Acme AB and Globex SA have finalised negotiations on merging their drilling tool "
         "activities.",
         [("Acme AB", "partnersWith", "Globex SA")]),
        # what else "their" owns, or a subject of one name, makes no partners
        ("Acme Corp and Globex Inc reported their results.", []),
        ("Acme Corp told Globex Inc that their partnership was over.", []),
        # nor one denied or negated, each's own with another, or one each announced
        ("Acme Corp and Globex Inc denied reports of their merger.", []),
        ("Acme Corp and Globex Inc will not combine their businesses.", []),
        ("Acme Corp and Globex Inc each announced their merger with Initech LLC.", []),
    ],
)
def test_partners_by_their_venture(nlp, text, expected):
    assert _family(nlp, text) == sorted(expected)
