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
    assert triples(nlp, text) == sorted(expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        # blocking a party, or its access, is sanctioning it
        (
            "The U.S. House blocked Yahoo Inc over security fears.",
            [("U.S. House", "sanctions", "Yahoo Inc")],
        ),
        ("China has blocked Google Inc since 2010.", [("China", "sanctions", "Google Inc")]),
        # a state keeping a party from what it does sanctions it, also through its attempt to;
        # a company's patents or the weather do not
        ("Japan prevented Acme Plc from taking a stake in the venture.",
         [("Japan", "sanctions", "Acme Plc")]),
        ("Britain would fight the Japanese government's attempt to prevent Acme Plc from "
         "taking a stake in a new venture.",
         [("Japan", "sanctions", "Acme Plc"), ("United Kingdom", "opposes", "Japan")]),
        ("Globex Inc's patents prevent Acme Plc from selling the drug.", []),
        ("The storm kept Acme Plc from shipping.", []),
        # blocking what a party makes or runs sanctions the party, when a state blocks it
        ("The Commerce Department blocked apps run by Globex Inc last week.",
         [("Commerce Department", "sanctions", "Globex Inc")]),
        ("China has blocked services operated by Globex Inc since 2010.",
         [("China", "sanctions", "Globex Inc")]),
        ("Acme Corp blocked services operated by Globex Inc.", []),
        # a sanctioned group's named members are sanctioned, where a state sanctions it
        ("The U.S. Treasury on Thursday blacklisted a money laundering operation that "
         "helped drug groups hide their gains through various companies, including Globex Inc.",
         [("U.S. Treasury", "sanctions", "Globex Inc.")]),
        ("Acme Corp restricted sales to several buyers, including Globex Inc.", []),
        ("Acme Corp blacklisted an operation that worked through various companies, "
         "including Globex Inc.", []),
        # a union of states acts as a state does
        ("The European Union blocked Globex Inc over data fears.",
         [("European Union", "sanctions", "Globex Inc")]),
        (
            "Washington moved to block North Korea's access to the financial system.",
            [("United States", "sanctions", "North Korea")],
        ),
        ("Acme Corp did not block Globex Inc.", []),
        # a company blocking another is no state's sanction
        ("Apple blocked Meta from tracking iPhone users.", []),
        # a disciplinary action against a party sanctions it; a legal action opposes it
        (
            "The New York Stock Exchange took disciplinary action against Acme Corp last week.",
            [("New York Stock Exchange", "sanctions", "Acme Corp")],
        ),
        (
            "Acme Corp took legal action against Globex Inc.",
            [("Acme Corp", "opposes", "Globex Inc.")],
        ),
    ],
)
def test_blocking_and_disciplining_a_party_sanction_it(nlp, text, expected):
    assert triples(nlp, text) == sorted(expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        # "EU regulators" stand for the EU as "U.S. regulators" do for the country
        (
            "EU regulators opened an investigation into Acme Corp.",
            [
                ("EU", "imposes", "EU investigation into Acme Corp."),
                ("EU investigation into Acme Corp.", "targets", "Acme Corp."),
            ],
        ),
        # what a clause inside the inquiry's phrase says is not what it looks into
        (
            "European Union antitrust regulators have extended their investigation into a plan "
            "by Acme Corp and Globex Inc to merge their Italian businesses.",
            [
                ("Acme Corp", "partnersWith", "Globex Inc"),
                (
                    "European Union",
                    "imposes",
                    "European Union investigation into plan by Acme Corp and Globex Inc",
                ),
                (
                    "European Union investigation into plan by Acme Corp and Globex Inc",
                    "targets",
                    "Acme Corp",
                ),
                (
                    "European Union investigation into plan by Acme Corp and Globex Inc",
                    "targets",
                    "Globex Inc",
                ),
            ],
        ),
        # a country word on those looked into is a target
        (
            "The European Community launched an investigation into allegations of dumping by "
            "Japanese semiconductor makers.",
            [
                ("European Community", "imposes", "European Community investigation of Japan"),
                ("European Community investigation of Japan", "targets", "Japan"),
            ],
        ),
        # a company's name before the noun makes no regulator of it
        ("Acme Corp regulators opened an investigation into Globex Inc.", []),
    ],
)
def test_regulators_of_a_union_of_states_impose_its_measures(nlp, text, expected):
    assert triples(nlp, text) == sorted(expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        # a ban on a named party itself sanctions it and is no policy
        (
            "The Japanese government has already prohibited Acme Machine Co from doing any "
            "business with the Soviet Bloc for one year.",
            [("Japan", "sanctions", "Acme Machine Co")],
        ),
        (
            "The Japanese government has already banned further shipments of goods to Communist "
            "states by Acme Machine for one year.",
            [("Japan", "sanctions", "Acme Machine")],
        ),
        # a ban on its goods is a policy as well
        (
            "The Japanese government banned imports of Acme Corp products.",
            [
                ("Japan", "imposes", "Japanese ban on imports of Acme Corp products"),
                ("Japan", "sanctions", "Acme Corp"),
                ("Japanese ban on imports of Acme Corp products", "targets", "Acme Corp"),
            ],
        ),
        # a ban introduced as a new one with no imposer is not the one named before
        (
            "Japan banned Acme Corp from the market. Two days ago, three U.S. senators said they "
            "wanted a temporary ban on all U.S. imports of Globex Corp products.",
            [("Japan", "sanctions", "Acme Corp")],
        ),
    ],
)
def test_a_ban_on_a_party_itself_is_a_sanction_not_a_policy(nlp, text, expected):
    assert triples(nlp, text) == sorted(expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        # a list a state keeps of parties is a measure named by its name, no organisation
        ("China added Lockheed Martin to its Unreliable Entity List.",
         [("China", "imposes", "Unreliable Entity List"),
          ("China", "sanctions", "Lockheed Martin")]),
        # and whom a state adds to it, said in the passive, it sanctions
        ("Huawei was added to the Entity List in 2019 by the Commerce Department.",
         [("Commerce Department", "sanctions", "Huawei")]),
        ("Vexcor was placed on the Military End User List by the U.S. Commerce Department.",
         [("U.S. Commerce Department", "sanctions", "Vexcor")]),
        ("Vexcor was added to the index by the exchange.", []),
        # a ranking or an analyst's picks is no list of parties a state keeps
        ("Apple was added to the Conviction Buy List by Goldman.", []),
        ("Nvidia topped the Most Admired Companies List.", []),
        # "companies including X" says X is a company
        ("The Commerce Department added 140 companies including Naura to the Entity List.",
         [("Commerce Department", "sanctions", "Naura")]),
    ],
)
def test_lists_of_parties(nlp, text, expected):
    assert triples(nlp, text) == sorted(expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        # a party that retaliates or responds with a measure imposes it
        ("Canada responded with duties on U.S. steel.",
         [("Canada", "imposes", "Canadian tariffs on U.S. steel"),
          ("Canadian tariffs on U.S. steel", "targets", "United States")]),
        ("Beijing retaliated with tariffs on American soybeans.",
         [("China", "imposes", "Chinese tariffs on American soybeans"),
          ("Chinese tariffs on American soybeans", "targets", "United States")]),
        ("Vexcor hit back with a lawsuit.", []),
    ],
)
def test_a_measure_in_response(nlp, text, expected):
    assert triples(nlp, text) == sorted(expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        # a court or an arbiter ruling in favour of a measure judges it, imposes none
        ("The WTO ruled in favor of the EU's duties on Chinese steel.",
         [("EU", "imposes", "EU tariffs on Chinese steel"),
          ("EU tariffs on Chinese steel", "targets", "China")]),
        ("The Court of International Trade ruled in favor of the tariffs.", []),
        # nor is a court's review of a case a measure of its own
        ("Acme Corp said it could file a petition for Supreme Court review of the ruling.",
         []),
        # a state's ruling in favour of a measure is its own
        ("Canada's ruling in favor of a duty on U.S. corn was a disappointment to growers.",
         [("Canada", "imposes", "Canadian tariffs on U.S. corn"),
          ("Canadian tariffs on U.S. corn", "targets", "United States")]),
        # a country's farm policy is a topic, no programme of support
        ("China's agricultural policy has shifted toward self-sufficiency.", []),
    ],
)
def test_rulings_in_favour_of_a_measure(nlp, text, expected):
    assert triples(nlp, text) == sorted(expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        # the country goods come from, written after them, is no imposer of a measure on them
        ("Trump raised tariffs on goods from India to 50%.", []),
        ("Japan raised tariffs on beef from the United States.",
         [("Japan", "imposes", "Japanese tariffs on beef from the United States"),
          ("Japanese tariffs on beef from the United States", "targets", "United States")]),
        # before them, it is ("a ban from Beijing")
        ("The move follows a ban from Beijing on exports of gallium.",
         [("China", "imposes", "Chinese ban on exports of gallium")]),
    ],
)
def test_the_origin_of_goods(nlp, text, expected):
    assert triples(nlp, text) == sorted(expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        # a fine or penalty named by a noun, with its imposer and the party it is on
        ("The FTC's fine on Acme Corp was 2 million dollars.",
         [("FTC", "sanctions", "Acme Corp")]),
        ("The EU's fine on Globex Inc was 2 billion euros.",
         [("EU", "sanctions", "Globex Inc")]),
        ("A fine by the European Commission on Globex Inc was upheld.",
         [("European Commission", "sanctions", "Globex Inc")]),
        ("The penalty imposed on Acme Corp by the Securities and Exchange Commission was large.",
         [("Securities and Exchange Commission", "sanctions", "Acme Corp")]),
        # the subject of a relative clause of imposing on the fine imposes it, on a pronoun's
        # referent too
        ("The penalties that Japan slapped on Acme Corp were large.",
         [("Japan", "sanctions", "Acme Corp")]),
        ("Acme Corp will appeal the fine the SEC imposed on it.",
         [("SEC", "sanctions", "Acme Corp")]),
        # a company's penalty on another is no fine
        ("The penalty Acme Corp levied on Globex Inc was small.", []),
        ("Acme Corp's fine on Globex Inc for late delivery was small.", []),
        ("The penalty imposed on Acme Corp by Globex Inc in the contract dispute was paid.", []),
    ],
)
def test_a_fine_named_by_a_noun_sanctions_its_party(nlp, text, expected):
    assert triples(nlp, text) == sorted(expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        # a ban on trade to a party targets it, as one on trade from it does
        ("France banned exports to Brazil.",
         [("France", "imposes", "French ban on exports to Brazil"),
          ("France", "sanctions", "Brazil"),
          ("French ban on exports to Brazil", "targets", "Brazil")]),
        # halting or suspending trade with a party is a ban on it; a company's halt is none
        ("France halted imports from Brazil.",
         [("France", "imposes", "French ban on imports from Brazil"),
          ("France", "sanctions", "Brazil"),
          ("French ban on imports from Brazil", "targets", "Brazil")]),
        ("France suspended shipments of jets to Acme Corp.",
         [("France", "imposes", "French ban on shipments of jets to Acme Corp."),
          ("France", "sanctions", "Acme Corp."),
          ("French ban on shipments of jets to Acme Corp.", "targets", "Acme Corp.")]),
        ("Acme Corp halted shipments to Globex Inc.", []),
        # a ban on goods a party makes is a policy on it and sanctions it
        ("Britain banned equipment made by Globex Inc from its networks.",
         [("United Kingdom", "imposes", "British ban on equipment"),
          ("United Kingdom", "sanctions", "Globex Inc"),
          ("British ban on equipment", "targets", "Globex Inc")]),
        ("The government halted production at the plant.", []),
        # what a measure applies to is its target
        ("Brazil's new tariffs apply to Acme Corp.",
         [("Brazil", "imposes", "Brazilian tariffs on Acme Corp."),
          ("Brazilian tariffs on Acme Corp.", "targets", "Acme Corp.")]),
        ("France banned sales of jets last week. The ban applies to Acme Corp.",
         [("France", "imposes", "French ban on sales of jets"),
          ("French ban on sales of jets", "targets", "Acme Corp.")]),
    ],
)
def test_trade_a_measure_halts_or_applies_to_is_its_target(nlp, text, expected):
    assert triples(nlp, text) == sorted(expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        # whom a measure is meant to hurt, named by a purpose clause, is its target; the
        # companies a hurt group includes are
        ("Brazil imposed tariffs on steel to hurt Acme Corp.",
         [("Brazil", "imposes", "Brazilian tariffs on steel"),
          ("Brazilian tariffs on steel", "targets", "Acme Corp.")]),
        ("Brazil raised tariffs on steel with the goal of hurting steelmakers including "
         "Acme Corp and Globex Inc.",
         [("Brazil", "imposes", "Brazilian tariffs on steel"),
          ("Brazilian tariffs on steel", "targets", "Acme Corp"),
          ("Brazilian tariffs on steel", "targets", "Globex Inc.")]),
    ],
)
def test_whom_a_measure_is_meant_to_hurt_is_its_target(nlp, text, expected):
    assert triples(nlp, text) == sorted(expected)
