"""Disputes read through a party's act, a suit's purpose and a critic's description."""

from __future__ import annotations

import pytest

from tests.ingest.relation_views import triples


@pytest.mark.parametrize(
    "text, expected",
    [
        # a verb or a voiced noun of opposing, against an act whose party the noun names
        ("France protested the actions of Acme Corp.", [("France", "opposes", "Acme Corp.")]),
        ("France protested against the actions by Acme Corp.",
         [("France", "opposes", "Acme Corp.")]),
        ("Globex Inc voiced its opposition to Acme Corp's plan.",
         [("Globex Inc", "opposes", "Acme Corp")]),
        ("Globex Inc lodged an objection to the plan announced by Acme Corp.",
         [("Globex Inc", "opposes", "Acme Corp.")]),
        ("Acme Corp's bid was rebuffed by Globex Inc.", [("Globex Inc.", "opposes", "Acme Corp")]),
        ("Acme Corp turned down Globex Inc's offer.", [("Acme Corp", "opposes", "Globex Inc")]),
        ("China said it firmly opposes the move by the United States.",
         [("China", "opposes", "United States")]),
        # a relative clause that makes the act names its party; "challenge" opposes too
        ("Globex Inc vowed to challenge the decision, which Acme Corp announced on Monday.",
         [("Globex Inc", "opposes", "Acme Corp")]),
        ("Globex Inc criticised the plan Acme Corp unveiled on Monday.",
         [("Globex Inc", "opposes", "Acme Corp")]),
        ("Globex Inc welcomed the plan Acme Corp unveiled on Monday.", []),
        ("Globex Inc criticised the plan, which Acme Corp said would cut costs.", []),
        # what is done is not a party's act, nor a judge's ruling, nor what is praised
        ("Acme Corp opposed the sale of Globex Inc to Initech Inc.",
         [("Initech Inc.", "investsIn", "Globex Inc")]),
        ("Acme Corp criticised the ruling of the Supreme Court.", []),
        ("Acme Corp praised the actions of Globex Inc.", []),
        ("Acme Corp did not protest the actions of Globex Inc.", []),
    ],
)
def test_acts_opposed(nlp, text, expected):
    assert triples(nlp, text) == sorted(expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Acme Corp filed suit to block Globex Inc's merger.",
         [("Acme Corp", "opposes", "Globex Inc")]),
        ("Acme Corp sued to halt the sale of Globex Inc's computers.",
         [("Acme Corp", "opposes", "Globex Inc")]),
        ("Acme Corp filed suit in a Tokyo court to temporarily halt the manufacture and "
         "marketing of Globex Inc's computers.", [("Acme Corp", "opposes", "Globex Inc")]),
        ("Acme Corp sought an injunction to stop Globex Inc from selling the drug.",
         [("Acme Corp", "opposes", "Globex Inc")]),
        ("Globex Inc urged regulators to block Acme Corp's merger.",
         [("Globex Inc", "opposes", "Acme Corp")]),
        # a deal stopped is against all it names
        ("Acme Corp asked a court to block the merger of Globex Inc and Initech Inc.",
         [("Acme Corp", "opposes", "Globex Inc"), ("Acme Corp", "opposes", "Initech Inc."),
          ("Globex Inc", "partnersWith", "Initech Inc.")]),
        # a state that asks another to stop its act opposes it
        ("The United Nations urged Russia to halt its offensive.",
         [("United Nations", "opposes", "Russia")]),
        ("The United States asked Japan to halt its whaling program.",
         [("United States", "opposes", "Japan")]),
        # a state that moves to stop a thing takes a measure; a suit not brought is none;
        # a plan to block is no suit
        ("The government moved to block the merger of Globex Inc and Initech Inc.",
         [("Globex Inc", "partnersWith", "Initech Inc.")]),
        ("Acme Corp did not sue to block Globex Inc's merger.", []),
        ("Acme Corp plans to block Globex Inc's ads on its platform.", []),
    ],
)
def test_suits_to_stop(nlp, text, expected):
    assert triples(nlp, text) == sorted(expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Greenpeace, a vocal critic of Acme Corp, welcomed the ruling.",
         [("Greenpeace", "opposes", "Acme Corp")]),
        ("Greenpeace is among the critics of Acme Corp.",
         [("Greenpeace", "opposes", "Acme Corp.")]),
        ("Greenpeace is not a critic of Acme Corp.", []),
        # whose critics they are, with no critic named, says nothing
        ("Acme Corp's critics say the plan is flawed.", []),
    ],
)
def test_critics_of(nlp, text, expected):
    assert triples(nlp, text) == sorted(expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Acme Corp's takeover of network gear rival Globex Inc was approved.",
         [("Acme Corp", "competesWith", "Globex Inc"), ("Acme Corp", "investsIn", "Globex Inc")]),
        ("Acme Corp won the order as it vies for deals with bigger rival Globex Inc.",
         [("Acme Corp", "competesWith", "Globex Inc.")]),
        ("Analysts said Acme Corp-rival Globex Inc would gain.",
         [("Acme Corp", "competesWith", "Globex Inc")]),
        ("Acme Corp could earn more than (rival) Globex Inc.",
         [("Acme Corp", "competesWith", "Globex Inc.")]),
        # a takeover of a company that is no rival says nothing of rivalry
        ("Acme Corp's takeover of network gear maker Globex Inc was approved.",
         [("Acme Corp", "investsIn", "Globex Inc")]),
    ],
)
def test_rivals(nlp, text, expected):
    assert triples(nlp, text) == sorted(expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The European Union imposed tariffs on Chinese steel. China criticised the move.",
         [("China", "opposes", "European Union tariffs on Chinese steel"),
          ("European Union", "imposes", "European Union tariffs on Chinese steel"),
          ("European Union tariffs on Chinese steel", "targets", "China")]),
        ("The Commerce Department approved the export licences. The Pentagon opposed the "
         "decision.",
         [("Commerce Department", "imposes", "Commerce Department export licences"),
          ("Pentagon", "opposes", "Commerce Department export licences")]),
        # the imposer defends its own move; a move welcomed or not opposed is no dispute
        ("The United States imposed export controls on Huawei on Monday. China welcomed the "
         "move.",
         [("United States", "imposes", "U.S. export controls on Huawei"),
          ("U.S. export controls on Huawei", "targets", "Huawei")]),
        ("The United States imposed export controls on Huawei on Monday. China did not "
         "oppose the move.",
         [("United States", "imposes", "U.S. export controls on Huawei"),
          ("U.S. export controls on Huawei", "targets", "Huawei")]),
    ],
)
def test_moves_opposed(nlp, text, expected):
    assert triples(nlp, text) == sorted(expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        # a move whose party imposed a policy just before names that policy again
        ("France banned imports from Acme Corp on Monday. Globex Inc condemned France's "
         "decision.",
         [("France", "imposes", "French ban on imports from Acme Corp"),
          ("France", "sanctions", "Acme Corp"),
          ("French ban on imports from Acme Corp", "targets", "Acme Corp"),
          ("Globex Inc", "opposes", "French ban on imports from Acme Corp")]),
        ("France banned imports from Acme Corp on Monday. Globex Inc criticised the decision "
         "by France.",
         [("France", "imposes", "French ban on imports from Acme Corp"),
          ("France", "sanctions", "Acme Corp"),
          ("French ban on imports from Acme Corp", "targets", "Acme Corp"),
          ("Globex Inc", "opposes", "French ban on imports from Acme Corp")]),
        # told of later: the one policy the party imposes in the document; of two, neither
        ("Globex Inc protested over France's decision to close its ports. France banned "
         "imports from Acme Corp on Monday.",
         [("France", "imposes", "French ban on imports from Acme Corp"),
          ("France", "sanctions", "Acme Corp"),
          ("French ban on imports from Acme Corp", "targets", "Acme Corp"),
          ("Globex Inc", "opposes", "French ban on imports from Acme Corp")]),
        ("Globex Inc protested over France's decision to close its ports. France banned "
         "imports from Acme Corp on Monday. France imposed tariffs on Initech Inc.",
         [("France", "imposes", "French ban on imports from Acme Corp"),
          ("France", "imposes", "French tariffs on Initech Inc."),
          ("France", "sanctions", "Acme Corp"),
          ("French ban on imports from Acme Corp", "targets", "Acme Corp"),
          ("French tariffs on Initech Inc.", "targets", "Initech Inc."),
          ("Globex Inc", "opposes", "France")]),
        # a party's move with no policy of that party's told of is the party's
        ("Globex Inc condemned France's decision to cut aid.",
         [("Globex Inc", "opposes", "France")]),
    ],
)
def test_a_partys_move_names_its_policy_again(nlp, text, expected):
    assert triples(nlp, text) == sorted(expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Acme Corp alleged that the ban, imposed by the U.S. International Trade Commission, "
         "was discriminatory and incompatible with GATT.",
         [("Acme Corp", "opposes", "U.S. International Trade Commission ban"),
          ("U.S. International Trade Commission", "imposes",
           "U.S. International Trade Commission ban")]),
        ("Acme Corp said it believes strongly that the Environmental Protection Agency's "
         "claims are unreasonable.",
         [("Acme Corp", "opposes", "Environmental Protection Agency")]),
        ("Acme Corp said Globex Inc's offer was inadequate.",
         [("Acme Corp", "opposes", "Globex Inc")]),
        # a judgement that is no wrong, negated or denied, or of no one named, is no dispute
        ("Acme Corp said Globex Inc's offer was fair.", []),
        # (the clause of imposing names the tariffs' imposer: no dispute for all that)
        ("Acme Corp said the tariffs imposed by the United States were not unfair.",
         [("United States", "imposes", "U.S. tariffs")]),
        # a person whose role its sentence gives speaks for the organisation
        ('"We are pleased," John Schultz, general counsel of Acme Corp, said, saying that '
         "Globex Inc's decision to stop the work was a clear breach of contract.",
         [("Acme Corp", "opposes", "Globex Inc"), ("John Schultz", "worksFor", "Acme Corp")]),
        ("Acme Corp denied the tariffs were illegal.", []),
        ("Analysts said Acme Corp's plan was flawed.", []),
    ],
)
def test_judged_wrong(nlp, text, expected):
    assert triples(nlp, text) == sorted(expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        # a plan judged unworkable, or a noun of a plan judged by its adjective
        ("Acme Corp said Globex Inc's claims were unworkable.",
         [("Acme Corp", "opposes", "Globex Inc")]),
        ("John Roe, chairman of the Acme Council, said Globex Inc's plan is a very dangerous "
         "plan for the industry.",
         [("Acme Council", "opposes", "Globex Inc"), ("John Roe", "chairs", "Acme Council")]),
        # an adjective of no wrong, or a judgement of what is no party's act, is no dispute
        ("Acme Corp said Globex Inc's plan was a bold plan.", []),
        ("Acme Corp said the weather was dangerous.", []),
    ],
)
def test_judged_wrong_by_more_words(nlp, text, expected):
    assert triples(nlp, text) == sorted(expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        # urging or recommending the rejection of a party's act opposes the party
        ("Acme Corp has urged rejection of Globex Inc's offer.",
         [("Acme Corp", "opposes", "Globex Inc")]),
        ("Acme Corp has not urged rejection of Globex Inc's offer.", []),
    ],
)
def test_urging_rejection(nlp, text, expected):
    assert triples(nlp, text) == sorted(expected)
