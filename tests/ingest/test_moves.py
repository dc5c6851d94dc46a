"""Share moves: direction, percentage and market; background moves left out."""

from __future__ import annotations

import pytest

from newsgraph.ingest.documents import ARTICLE
from newsgraph.ingest.moves import share_moves
from tests.ingest.relation_views import parse


def verb_parse(words, heads, deps, nodes):
    """A hand-built parse whose root is the only verb."""
    return parse(words, heads, deps, nodes, pos=["VERB" if d == "ROOT" else "X" for d in deps])


def moves(doc, state, subjects):
    verb = next(t for t in doc if t.dep_ == "ROOT")
    found = share_moves([state.nodes[i] for i in subjects], "roseOnNews", {"verb": verb},
                        state, doc[:], "move-subject")
    return [(f.subject.name, f.object.name, f.percent, f.market) for f in found]


def test_a_move_has_its_percentage_and_market():
    doc, state = verb_parse(["Intel", "rose", "5", "%", "in", "Tokyo"], [1, 1, 3, 1, 1, 4],
                       ["nsubj", "ROOT", "nummod", "npadvmod", "prep", "pobj"],
                       {0: ("Intel", "Organisation"), 5: ("Japan", "Country")})
    assert moves(doc, state, [0]) == [("Intel", ARTICLE, 5.0, "Tokyo")]


@pytest.mark.parametrize(("number", "percent"), [
    ("9" * 400, None), ("0.000000000000000000000000000001", 0.0), ("12.34567", 12.3457),
])
def test_a_percentage_is_a_number_a_store_holds_or_none(number, percent):
    doc, state = verb_parse(["Intel", "rose", number, "%"], [1, 1, 3, 1],
                            ["nsubj", "ROOT", "nummod", "npadvmod"],
                            {0: ("Intel", "Organisation")})
    assert moves(doc, state, [0]) == [("Intel", ARTICLE, percent, None)]


def test_percentages_go_with_their_subjects_respectively():
    doc, state = verb_parse(
        ["Intel", "and", "AMD", "rose", "5", "%", "and", "3", "%", "respectively"],
        [3, 0, 0, 3, 5, 3, 5, 8, 5, 3],
        ["nsubj", "cc", "conj", "ROOT", "nummod", "npadvmod", "cc", "nummod", "conj", "advmod"],
        {0: ("Intel", "Organisation"), 2: ("AMD", "Organisation")})
    assert moves(doc, state, [0, 2]) == [("Intel", ARTICLE, 5.0, None),
                                         ("AMD", ARTICLE, 3.0, None)]


@pytest.mark.parametrize(
    "words, heads, deps",
    [
        # past perfect: an earlier move
        (["Intel", "had", "risen", "5", "%"], [2, 2, 2, 4, 2],
         ["nsubj", "aux", "ROOT", "nummod", "npadvmod"]),
        # a year: an earlier move
        (["Intel", "rose", "in", "2019"], [1, 1, 1, 2], ["nsubj", "ROOT", "prep", "pobj"]),
        # a direct object that is no percentage: not the share price
        (["Intel", "gained", "market", "share"], [1, 1, 3, 1],
         ["nsubj", "ROOT", "compound", "dobj"]),
    ],
)
def test_background_and_transitive_verbs_are_no_moves(words, heads, deps):
    doc, state = verb_parse(words, heads, deps, {0: ("Intel", "Organisation")})
    assert moves(doc, state, [0]) == []


def test_an_index_is_no_company():
    doc, state = verb_parse(["Index", "rose"], [1, 1], ["nsubj", "ROOT"],
                       {0: ("Hang Seng Index", "Organisation")})
    assert moves(doc, state, [0]) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Intel rose as much as 12% in Hong Kong trading.", [("Intel", 12.0, "Hong Kong")]),
        ("Shares in Intel fell 3.5% on Monday.", [("Intel", 3.5, None)]),
        # shares that were, closed or ended up or down
        ("Shares in Boeing were up 2% in New York.", [("Boeing", 2.0, "New York")]),
        ("Shares of Google closed 2% higher.", [("Google", 2.0, None)]),
        ("Boeing's shares were down 3% last year.", []),
        # background moves are not the news
        ("Intel had fallen 5% last year.", []),
        # declining to comment is no fall
        ("Intel Corp declined to comment.", []),
    ],
)
def test_share_moves(nlp, text, expected):
    doc = nlp(text)
    found = [(r.subject, r.evidence.percent, r.evidence.market) for r in doc._.ng_relations
             if r.object == ARTICLE]
    assert found == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # "up", "higher", "down" and "lower" are triggers that stand for a move's predicate
        ("Intel was 3 percent higher.", ("Intel", "roseOnNews", 3.0)),
        ("Intel was down 2%.", ("Intel", "fellOnNews", 2.0)),
    ],
)
def test_share_moves_read_from_an_adverb(nlp, text, expected):
    doc = nlp(text)
    assert [(r.subject, r.predicate, r.evidence.percent) for r in doc._.ng_relations] == [
        expected
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a verb that sends the shares: their move is the company's
        ("Regulators are investigating Acme Corp, the company said, sending its shares "
         "tumbling nearly 7 percent on Wednesday.", [("Acme Corp", "fellOnNews", 7.0)]),
        ("Acme Corp said on Wednesday it would cut jobs, sending shares tumbling as much as "
         "10 percent.", [("Acme Corp", "fellOnNews", 10.0)]),
        ("The news boosted shares of Acme Corp on Monday.", [("Acme Corp", "roseOnNews", None)]),
        ("The announcement pushed Acme share price down to 733p.",
         [("Acme", "fellOnNews", None)]),
        # a public body's act moves the market, not its own shares
        ("The Federal Reserve raised rates, sending shares tumbling.", []),
    ],
)
def test_share_moves_a_verb_causes(nlp, text, expected):
    doc = nlp(text)
    assert [(r.subject, r.predicate, r.evidence.percent) for r in doc._.ng_relations
            if r.object == ARTICLE] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a move's size as its verb's object is no transitive verb
        ("Initech dropped 3-1/2 to 28-3/8 and Globex Inc fell 12-7/8 to 79-3/8.",
         [("Initech", "fellOnNews"), ("Globex Inc", "fellOnNews")]),
        # the company's name the parser takes for an adjective of the shares
        ("Acme common shares opened higher, while Globex shares lost 1/4 to 52-1/4.",
         [("Globex", "fellOnNews")]),
        # shares trading up, firming
        ("Acme Corp shares were trading up 3 percent.", [("Acme Corp", "roseOnNews")]),
        ("Acme Corp shares firmed 1.2 percent.", [("Acme Corp", "roseOnNews")]),
        ("Shares of Acme Corp are spiking by 7.7% this morning.", [("Acme Corp", "roseOnNews")]),
        # a year that dates a price the move is compared with dates no earlier move
        ("Acme Corp's shares were up 2.8 percent in early trading, about flat with their 2010 "
         "initial public offering price.", [("Acme Corp", "roseOnNews")]),
        # the earlier move of a clause after the news is not the news's background
        ("Shares of Acme Corp closed up 1.7 percent at 107.85 euros after rising as much as "
         "5 percent earlier in the day.", [("Acme Corp", "roseOnNews")]),
        # money and jobs lost are no move
        ("Acme Corp lost 5 million dlrs in the quarter.", []),
        ("Acme Corp lost 500 million.", []),
        ("Acme Corp shed 500 jobs.", []),
        ("Excluding items, Acme Corp lost 21 cents per share.", []),
        # a move before the news is not on it
        ("Acme Corp shares closed down 0.8 percent before the announcement.", []),
        ("Acme Corp shares rose 2 percent ahead of the announcement.", []),
        ("Acme Corp fell 50 cents to 12 dlrs.", [("Acme Corp", "fellOnNews")]),
    ],
)
def test_share_moves_of_other_phrasings(nlp, text, expected):
    doc = nlp(text)
    assert [(r.subject, r.predicate) for r in doc._.ng_relations
            if r.object == ARTICLE] == expected
