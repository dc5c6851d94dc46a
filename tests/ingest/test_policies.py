"""Policy nodes: named from their imposer and measure, with imposes and targets edges."""

from __future__ import annotations

from dataclasses import replace

import pytest
import spacy
from spacy.tokens import Doc

from newsgraph.ingest.policies import _object_of, mark_laws, mark_measures, resolve_policies
from newsgraph.ingest.relation_data import DocState, Found, Measure, Node
from tests.ingest.relation_views import parse, policy_view

#: The names of the policies of the deal reviews tested below.
_FCC_DEAL = ("Federal Communications Commission approval of Walt Disney Co's purchase of "
             "KHJ-TV from GenCorp Inc.")
_EC_MERGER = "European Commission approval of merger of Talvora Systems Inc and Globex Corp"
_JP_STAKE = "Japanese Finance Ministry approval of Talvora Systems Inc's stake in Globex Corp."
_FTC_TAKEOVER = "Federal Trade Commission review of Talvora Systems Inc's takeover of Globex Inc."
_EC_SALE = ("European Commission approval of Talvora Systems Inc.'s purchase of Initech "
            "from Globex Corp")
_EC_FRANCE = "European Commission approval for similar acquisition in France"
_EC_DEAL = "European Commission approval of deal of Talvora Systems Inc and Globex Corp."
_OFTEL = "Office of Telecommunications review of Talvora Systems Inc's application"
_EU_DEAL = "EU review of Talvora Systems Inc's purchase of Globex Inc"
_EU_MERGER = "EU review of merger of Talvora Systems Inc and Globex Corp."
_EC_PROBE = "European Commission investigation of Talvora Systems Inc's purchase of Globex Inc"
_FCC_OF = ("Federal Communications Commission approval of Talvora Systems Inc's purchase of "
           "Globex Inc")
_FTC_MERGER = "Federal Trade Commission approval of deal of Talvora Systems Inc and Globex Corp."


def test_the_longest_measure_phrase_wins():
    doc, state = parse(["new", "export", "controls"], [2, 2, 2], ["amod", "compound", "ROOT"], {})
    measures = {"controls": Measure("OtherPolicy", "controls", None),
                "export": Measure("ExportControl", "export controls", None)}
    mark_measures(doc, state, [("controls", 2, 3), ("export", 1, 3)], measures)
    assert state.nodes == {2: Node("export controls", "Measure", 2)}
    assert state.measures == {2: replace(measures["export"], family="ExportControl")}


def test_a_named_law_is_a_measure_under_its_own_name():
    doc, state = parse(["under", "the", "Clean", "Air", "Act"], [0, 4, 4, 4, 0],
                       ["ROOT", "det", "compound", "compound", "pobj"], {},
                       ents=["O", "B-LAW", "I-LAW", "I-LAW", "I-LAW"])
    mark_laws(doc, state)
    assert state.nodes == {4: Node("Clean Air Act", "Measure", 4)}
    assert state.measures == {4: Measure("OtherPolicy", "Clean Air Act", None, named=True)}


@pytest.mark.parametrize(
    "text, policies, relations",
    [
        # a body of states imposing a measure acts for no one country: its measure is its
        # own, not the policy of that family a country imposed in the same document
        ("The European Union imposed sanctions on steel imports. Britain also imposed "
         "sanctions on steel imports.",
         [("European Union sanctions on steel imports", "OtherPolicy"),
          ("British sanctions on steel imports", "OtherPolicy")],
         [("European Union", "imposes", "European Union sanctions on steel imports"),
          ("United Kingdom", "imposes", "British sanctions on steel imports")]),
        ("The European Commission imposed tariffs on steel imports. The United States also "
         "imposed tariffs on steel imports last year.",
         [("European Commission tariffs on steel imports", "Tariff"),
          ("U.S. tariffs on steel imports", "Tariff")],
         [("European Commission", "imposes", "European Commission tariffs on steel imports"),
          ("United States", "imposes", "U.S. tariffs on steel imports")]),
        ("China has launched an anti-dumping investigation against Japan.",
         [("Chinese anti-dumping investigation against Japan", "TradeInvestigation")],
         [("China", "imposes", "Chinese anti-dumping investigation against Japan"),
          ("Chinese anti-dumping investigation against Japan", "targets", "Japan")]),
        ("Washington announced plans to slap tariffs on Japanese imports.",
         [("U.S. tariffs on Japanese imports", "Tariff")],
         [("United States", "imposes", "U.S. tariffs on Japanese imports"),
          ("U.S. tariffs on Japanese imports", "targets", "Japan")]),
        ("Demand fell amid increasingly harsh U.S. trade restrictions.",
         [("U.S. export controls", "ExportControl")],
         [("United States", "imposes", "U.S. export controls")]),
        # the possessor imposes; the bare country modifier is the target
        ("Japan's China tariffs took effect on Monday.",
         [("Japanese tariffs on China", "Tariff")],
         [("Japan", "imposes", "Japanese tariffs on China"),
          ("Japanese tariffs on China", "targets", "China")]),
        # a measure with no imposer is not a node
        ("Tariffs were discussed at length.", [], []),
        ("Beijing has begun approving imports of Micron's memory chips.",
         [("Chinese approval of Micron", "Licence")],
         [("China", "imposes", "Chinese approval of Micron"),
          ("Chinese approval of Micron", "targets", "Micron")]),
        ("US President Jane Doe has ordered the forced divestment of assets acquired by "
         "Initech Corporation.",
         [("U.S. divestment order on Initech Corporation", "InvestmentRestriction")],
         [("Jane Doe", "leads", "United States"),
          ("United States", "imposes", "U.S. divestment order on Initech Corporation"),
          ("U.S. divestment order on Initech Corporation", "targets",
           "Initech Corporation")]),
        ("Tokyo has instructed its chip makers to slash production.",
         [("Japanese instruction of chip makers", "OtherPolicy")],
         [("Japan", "imposes", "Japanese instruction of chip makers")]),
        # a public body's order to a named party is its policy on the party; an order to pay
        # is a fine, and a company's order to another no policy
        ("The Transport Ministry ordered Acme Corp to submit a full report on its tests.",
         [("Transport Ministry order on Acme Corp", "OtherPolicy")],
         [("Transport Ministry", "imposes", "Transport Ministry order on Acme Corp"),
          ("Transport Ministry order on Acme Corp", "targets", "Acme Corp")]),
        ("The Securities and Exchange Commission ordered Acme Corp to pay 5 million dollars.",
         [], [("Securities and Exchange Commission", "sanctions", "Acme Corp")]),
        ("Acme Corp ordered Globex Inc to stop shipments.", [], []),
        # declaring a country a threat or a concern is a designation of it; designating a
        # company as one sanctions it
        ("The United States on Wednesday declared Brazil a primary money laundering concern.",
         [("U.S. designation of Brazil", "OtherPolicy")],
         [("United States", "imposes", "U.S. designation of Brazil"),
          ("United States", "sanctions", "Brazil"),
          ("U.S. designation of Brazil", "targets", "Brazil")]),
        ("The U.S. Treasury designated Acme Corp as a money laundering concern.",
         [], [("U.S. Treasury", "sanctions", "Acme Corp")]),
        ("The board designated Jane Doe as chief executive.", [], []),
        # a party barred under a regulator's settlement or order is sanctioned by it; a
        # company's agreement bars nobody
        ("Acme Corp is also barred from making deceptive claims, according to a settlement "
         "with the U.S. Federal Trade Commission announced on Tuesday.",
         [], [("U.S. Federal Trade Commission", "sanctions", "Acme Corp")]),
        ("Acme Corp was barred from bidding under an order by the Commerce Department.",
         [], [("Commerce Department", "sanctions", "Acme Corp")]),
        ("Acme Corp is barred from selling the drug under an agreement with Globex Inc.",
         [], []),
        # whom a licence is granted to holds it, not the body that grants it
        ("The Finance Ministry granted licences to Acme Corp.",
         [("Finance Ministry licences on Acme Corp.", "Licence")],
         [("Finance Ministry", "imposes", "Finance Ministry licences on Acme Corp."),
          ("Finance Ministry licences on Acme Corp.", "targets", "Acme Corp.")]),
        # a body that authorises another to impose a measure imposes it as well
        ("The Trade Commission voted to authorize the Commerce Department to impose "
         "duties on Brazilian steel.",
         [("Trade Commission tariffs on Brazilian steel", "Tariff")],
         [("Commerce Department", "imposes", "Trade Commission tariffs on Brazilian steel"),
          ("Trade Commission", "imposes", "Trade Commission tariffs on Brazilian steel"),
          ("Trade Commission tariffs on Brazilian steel", "targets", "Brazil")]),
        # a law a national legislature named with its country passes is the country's as
        # well; a bill it only introduces is the body's; a law is read through a participle
        # the parser hung elsewhere ("the Act, passed by X")
        ("The U.S. Congress banned the import of Russian engines for rockets.",
         [("U.S. ban on import of Russian engines for rockets", "OtherPolicy")],
         [("U.S. Congress", "imposes",
           "U.S. ban on import of Russian engines for rockets"),
          ("U.S. Congress", "sanctions", "Russia"),
          ("United States", "imposes",
           "U.S. ban on import of Russian engines for rockets"),
          ("United States", "sanctions", "Russia"),
          ("U.S. ban on import of Russian engines for rockets", "targets", "Russia")]),
        ("The U.S. Congress introduced a bill to curb steel imports.",
         [("U.S. Congress bill", "OtherPolicy")],
         [("U.S. Congress", "imposes", "U.S. Congress bill")]),
        ('The Treasury acted under the "Acme Sanctions and Policy Act," passed nearly '
         "unanimously by the U.S. Congress in February.",
         [("Acme Sanctions and Policy Act", "OtherPolicy")],
         [("U.S. Congress", "imposes", "Acme Sanctions and Policy Act"),
          ("United States", "imposes", "Acme Sanctions and Policy Act")]),
        ("Acme Corp declared a dividend.", [], []),
        # a named law is a policy under its own name, with or without an imposer
        ("In an order issued under the Defence Production Act, the president acted.",
         [("Defence Production Act", "OtherPolicy")], []),
        ("The board approved the merger.", [], []),
        # a capitalised name ending in "Act" is a law's, where the model reads a person in it,
        # or nothing, and across the line breaks of wire copy
        ("The Glass-Steagall Act bars commercial banks from underwriting securities.",
         [("Glass-Steagall Act", "OtherPolicy")], []),
        ("Congress passed the North Korea Sanctions and Policy Enhancement\nAct in February.",
         [("North Korea Sanctions and Policy Enhancement\nAct", "OtherPolicy")],
         [("Congress", "imposes", "North Korea Sanctions and Policy Enhancement\nAct")]),
        # a law firm is no law, even where the model reads one
        ("JD.com's legal advisors were Orrick LLP and Han Kun Law Offices.", [], []),
        # launched under an administration: that administration's, even when the participle
        # hangs on the phrase around the measure
        ("The findings of a probe into Japan's steel sector, launched in the final month of "
         "the Jane Doe administration, were released.",
         [("Jane Doe administration investigation into Japan's steel sector",
           "TradeInvestigation")],
         [("Jane Doe administration", "imposes",
           "Jane Doe administration investigation into Japan's steel sector"),
          ("Jane Doe administration investigation into Japan's steel sector", "targets", "Japan")]),
        # an investigation is a trade case only with a word of one, or into a country
        ("The European Commission opened an investigation into Kestrel Corp last year.",
         [("European Commission investigation into Kestrel Corp", "OtherPolicy")],
         [("European Commission", "imposes", "European Commission investigation into Kestrel Corp"),
          ("European Commission investigation into Kestrel Corp", "targets", "Kestrel Corp")]),
        ("The European Commission opened an anti-dumping investigation into Kestrel Corp "
         "on Monday.",
         [("European Commission anti-dumping investigation into Kestrel Corp",
           "TradeInvestigation")],
         [("European Commission", "imposes",
           "European Commission anti-dumping investigation into Kestrel Corp"),
          ("European Commission anti-dumping investigation into Kestrel Corp", "targets",
           "Kestrel Corp")]),
        # investigating or banning, said with the verb: a policy of whoever sets policy
        ("The Commerce Department investigated ZTE Corp for export violations.",
         [("Commerce Department investigation of ZTE Corp", "OtherPolicy")],
         [("Commerce Department", "imposes", "Commerce Department investigation of ZTE Corp"),
          ("Commerce Department investigation of ZTE Corp", "targets", "ZTE Corp")]),
        ("Congress banned the import of Russian engines for rockets flying U.S. missions.",
         [("Congress ban on import of Russian engines", "OtherPolicy")],
         [("Congress", "imposes", "Congress ban on import of Russian engines"),
          ("Congress", "sanctions", "Russia"),
          ("Congress ban on import of Russian engines", "targets", "Russia")]),
        ("Reuters investigated the company's accounts.", [], []),
        # named by what it is on: not a date, an amount or a word that says nothing, and the
        # widest a later mention gives
        ("The United States imposed a ban on Monday.",
         [("U.S. ban", "OtherPolicy")],
         [("United States", "imposes", "U.S. ban")]),
        ("The U.S. imposed tariffs of 25 percent on Tarvex Corp.",
         [("U.S. tariffs on Tarvex Corp.", "Tariff")],
         [("United States", "imposes", "U.S. tariffs on Tarvex Corp."),
          ("U.S. tariffs on Tarvex Corp.", "targets", "Tarvex Corp.")]),
        ("The European Commission opened a probe into the allegations against Tarvex Corp.",
         [("European Commission investigation of Tarvex Corp.", "OtherPolicy")],
         [("European Commission", "imposes", "European Commission investigation of Tarvex Corp."),
          ("European Commission", "opposes", "Tarvex Corp."),
          ("European Commission investigation of Tarvex Corp.", "targets", "Tarvex Corp.")]),
        # a country's name in full before sanctions or tariffs is whom they hit, a short form
        # who imposes them; a measure that says what it is on is its modifier's
        ("New Iran sanctions hurt ZTE.", [], []),
        ("Japan tariffs on U.S. cars rose.",
         [("Japanese tariffs on U.S. cars", "Tariff")],
         [("Japan", "imposes", "Japanese tariffs on U.S. cars"),
          ("Japanese tariffs on U.S. cars", "targets", "United States")]),
        # a trade ban against a country sanctions it; a country's parliament acts for it
        ("Norway's parliament has approved a trade ban against South Africa.",
         [("Norwegian ban against South Africa", "OtherPolicy")],
         [("Norway", "imposes", "Norwegian ban against South Africa"),
          ("Norway", "sanctions", "South Africa"),
          ("Norwegian ban against South Africa", "targets", "South Africa")]),
        # investigating or examining what a company owns targets the company; whoever pays
        # to resolve an inquiry is its target
        ("The Justice Department is investigating Tarvex Corp's accounting practices.",
         [("Justice Department investigation of Tarvex Corp's accounting practices",
           "OtherPolicy")],
         [("Justice Department", "imposes",
           "Justice Department investigation of Tarvex Corp's accounting practices"),
          ("Justice Department investigation of Tarvex Corp's accounting practices", "targets",
           "Tarvex Corp")]),
        ("The Internal Revenue Service is examining Tarvex Corp over its tax returns.",
         [("Internal Revenue Service investigation of Tarvex Corp", "OtherPolicy")],
         [("Internal Revenue Service", "imposes",
           "Internal Revenue Service investigation of Tarvex Corp"),
          ("Internal Revenue Service investigation of Tarvex Corp", "targets", "Tarvex Corp")]),
        ("Analysts examined Tarvex Corp's accounts.", [], []),
        ("Tarvex Corp agreed to pay $50 million to resolve a U.S. investigation into its sales.",
         [("U.S. investigation into sales", "OtherPolicy")],
         [("United States", "imposes", "U.S. investigation into sales"),
          ("United States", "sanctions", "Tarvex Corp"),
          ("U.S. investigation into sales", "targets", "Tarvex Corp")]),
        # limits, taxes, laws, prohibitions and stress tests are measures; a limit on what
        # foreigners own restricts investment; a law firm is no law
        ("France set a limit on foreign stakes in privatised companies.",
         [("French limit on foreign stakes", "InvestmentRestriction")],
         [("France", "imposes", "French limit on foreign stakes")]),
        ("The Fed raised its ceiling on bank lending.",
         [("Fed limit on bank lending", "OtherPolicy")],
         [("Fed", "imposes", "Fed limit on bank lending")]),
        ("The EU imposed a tax on vegetable oils.",
         [("EU tax on vegetable oils", "OtherPolicy")],
         [("EU", "imposes", "EU tax on vegetable oils")]),
        ("The U.S. law firm Orrick advised Tarvex Corp.", [],
         [("Orrick", "basedIn", "United States")]),
        ("The Federal Reserve published its stress tests.",
         [("Federal Reserve stress tests", "OtherPolicy")],
         [("Federal Reserve", "imposes", "Federal Reserve stress tests")]),
        ("Washington announced a prohibition on transactions with Tarvex Corp.",
         [("U.S. ban on transactions with Tarvex Corp.", "OtherPolicy")],
         [("United States", "imposes", "U.S. ban on transactions with Tarvex Corp."),
          ("United States", "sanctions", "Tarvex Corp."),
          ("U.S. ban on transactions with Tarvex Corp.", "targets", "Tarvex Corp.")]),
        # sanctions lifted or an embargo maintained were imposed by whoever lifts or keeps them
        ("The European Union has lifted sanctions against Libya.", [],
         [("European Union", "sanctions", "Libya")]),
        ("The United States maintains an embargo against Cuba.",
         [("U.S. export controls against Cuba", "ExportControl")],
         [("United States", "imposes", "U.S. export controls against Cuba"),
          ("U.S. export controls against Cuba", "targets", "Cuba")]),
        # a policy is not on its imposer's own country
        ("The U.S. Treasury Department banned the use of U.S. accounts.",
         [("U.S. Treasury Department ban on use of U.S. accounts", "OtherPolicy")],
         [("U.S. Treasury Department", "imposes",
           "U.S. Treasury Department ban on use of U.S. accounts")]),
        # a ban on a company's goods is a policy targeting it and sanctions it
        ("The U.S. imposed a ban on Huawei equipment.",
         [("U.S. ban on Huawei equipment", "OtherPolicy")],
         [("United States", "imposes", "U.S. ban on Huawei equipment"),
          ("United States", "sanctions", "Huawei"),
          ("U.S. ban on Huawei equipment", "targets", "Huawei")]),
        # a country where what a probe looks into happened is no target, nor a trade case
        ("The Justice Department opened a probe into a bribery scheme in Uzbekistan.",
         [("Justice Department investigation into bribery scheme in Uzbekistan", "OtherPolicy")],
         [("Justice Department", "imposes",
           "Justice Department investigation into bribery scheme in Uzbekistan")]),
        ("Washington imposed sanctions on banks in North Korea.",
         [("U.S. sanctions on banks", "OtherPolicy")],
         [("United States", "imposes", "U.S. sanctions on banks")]),
        ("Brussels imposed tariffs on vegetable oils. The tariffs on vegetable oils and fats "
         "will rise.",
         [("Belgian tariffs on vegetable oils and fats", "Tariff")],
         [("Belgium", "imposes", "Belgian tariffs on vegetable oils and fats")]),
        # a company named before a measure it cannot impose is what the measure is about
        ("Tokyo has been investigating the case. Orders fell because of the Toshiba "
         "investigation, officials said.",
         [("Japanese investigation of Toshiba", "OtherPolicy")],
         [("Japan", "imposes", "Japanese investigation of Toshiba"),
          ("Japanese investigation of Toshiba", "targets", "Toshiba")]),
        # a country word on the company looked into says where it is, not a trade case
        ("Microsoft said profit rose. China is investigating the U.S. software titan.",
         [("Chinese investigation of Microsoft", "OtherPolicy")],
         [("China", "imposes", "Chinese investigation of Microsoft"),
          ("Chinese investigation of Microsoft", "targets", "Microsoft"),
          ("Microsoft", "basedIn", "United States")]),
        # a regulator's review of a company or a deal, whose parties it targets
        ("The Federal Trade Commission is reviewing the merger of Sirius and XM.",
         [("Federal Trade Commission review of merger of Sirius and XM", "OtherPolicy")],
         [("Federal Trade Commission", "imposes",
           "Federal Trade Commission review of merger of Sirius and XM"),
          ("Federal Trade Commission review of merger of Sirius and XM", "targets", "Sirius"),
          ("Federal Trade Commission review of merger of Sirius and XM", "targets", "XM"),
          ("Sirius", "partnersWith", "XM")]),
        # bailouts, moratoriums, directives; a subsidy given to a company benefits it
        ("The US government announced a bailout of General Motors.",
         [("U.S. bailout of General Motors", "Subsidy")],
         [("United States", "imposes", "U.S. bailout of General Motors"),
          ("U.S. bailout of General Motors", "targets", "General Motors")]),
        ("Japan offered tax breaks to Toyota.",
         [("Japanese subsidies for Toyota", "Subsidy")],
         [("Japan", "imposes", "Japanese subsidies for Toyota"),
          ("Japanese subsidies for Toyota", "targets", "Toyota")]),
        ("Germany introduced a moratorium on nuclear power.",
         [("German moratorium on nuclear power", "OtherPolicy")],
         [("Germany", "imposes", "German moratorium on nuclear power")]),
        # a review of a text, or of a complaint, is no measure on anyone
        ("The European Commission is reviewing its merger guidelines.", [], []),
        ("The Federal Trade Commission is reviewing Acme Corp's complaint about Globex Corp.",
         [], []),
        # curbs are export controls only with a word of exports; removing them is a case of
        # them, as lifting is
        ("India has removed curbs on foreign investment in retail.",
         [("Indian curbs on foreign investment in retail", "OtherPolicy")],
         [("India", "imposes", "Indian curbs on foreign investment in retail")]),
        # a company's own target, or a probe it faces, is no policy it imposes
        ("Talvora Systems Inc set a target of 5 percent growth.", [], []),
        # a party hit by a measure, or hit with one, is its target; who hits it imposes it
        ("Talvora Systems Inc was hit by U.S. tariffs on steel.",
         [("U.S. tariffs on steel", "Tariff")],
         [("United States", "imposes", "U.S. tariffs on steel"),
          ("U.S. tariffs on steel", "targets", "Talvora Systems Inc")]),
        ("Washington slapped Talvora Systems Inc with export controls last year.",
         [("U.S. export controls on Talvora Systems Inc", "ExportControl")],
         [("United States", "imposes", "U.S. export controls on Talvora Systems Inc"),
          ("U.S. export controls on Talvora Systems Inc", "targets",
           "Talvora Systems Inc")]),
        # subjecting a party to a measure, or placing it under one, imposes it on the party
        ("The European Commission subjected Google to an antitrust investigation.",
         [("European Commission investigation of Google", "OtherPolicy")],
         [("European Commission", "imposes", "European Commission investigation of Google"),
          ("European Commission investigation of Google", "targets", "Google")]),
        ("The Commerce Department placed Globex Corp under review.",
         [("Commerce Department review of Globex Corp", "OtherPolicy")],
         [("Commerce Department", "imposes", "Commerce Department review of Globex Corp"),
          ("Commerce Department review of Globex Corp", "targets", "Globex Corp")]),
        # a party under investigation is its target; a measure from a body is its; an
        # inquiry "in" a country is that country's
        ("Globex Corp is under investigation by the Federal Trade Commission.",
         [("Federal Trade Commission investigation of Globex Corp", "OtherPolicy")],
         [("Federal Trade Commission", "imposes",
           "Federal Trade Commission investigation of Globex Corp"),
          ("Federal Trade Commission investigation of Globex Corp", "targets", "Globex Corp")]),
        ("Under Indian law, Talvora Systems Inc made an open offer.",
         [("Indian law", "OtherPolicy")], [("India", "imposes", "Indian law")]),
        ("Talvora Systems Inc is seeking clearance from the European Commission.",
         [("European Commission approval", "Licence")],
         [("European Commission", "imposes", "European Commission approval")]),
        ("Volkswagen still faces criminal investigations in Germany.",
         [("German investigation of Volkswagen", "OtherPolicy")],
         [("Germany", "imposes", "German investigation of Volkswagen"),
          ("German investigation of Volkswagen", "targets", "Volkswagen")]),
        # barring a party is banning it, which sanctions it and is no policy; restricting,
        # curbing or limiting something is a restriction, export controls where it is exports
        ("The Federal Trade Commission barred Talvora Systems Inc from making deceptive "
         "claims.",
         [],
         [("Federal Trade Commission", "sanctions", "Talvora Systems Inc")]),
        ("China curbed exports of rare earths.",
         [("Chinese export controls on exports of rare earths", "ExportControl")],
         [("China", "imposes", "Chinese export controls on exports of rare earths")]),
        ("Talvora Systems Inc limited its exposure to bonds.", [], []),
        # a regulator approving or clearing a party, or a deal naming its parties, is a
        # measure on them; approving anything else is none
        # (an approval of a deal is a review of it, as the guidelines read a regulator's)
        ("The Federal Communications Commission approved Talvora Systems Inc's purchase of "
         "Globex Corp.",
         [("Federal Communications Commission approval of Talvora Systems Inc's purchase of "
           "Globex Corp.", "OtherPolicy")],
         [("Federal Communications Commission", "imposes",
           "Federal Communications Commission approval of Talvora Systems Inc's purchase of "
           "Globex Corp."),
          ("Federal Communications Commission approval of Talvora Systems Inc's purchase of "
           "Globex Corp.", "targets", "Globex Corp."),
          ("Federal Communications Commission approval of Talvora Systems Inc's purchase of "
           "Globex Corp.", "targets", "Talvora Systems Inc"),
          ("Talvora Systems Inc", "investsIn", "Globex Corp.")]),
        ("The European Commission cleared Talvora Systems Inc.",
         [("European Commission approval of Talvora Systems Inc.", "Licence")],
         [("European Commission", "imposes", "European Commission approval of Talvora Systems "
           "Inc."),
          ("European Commission approval of Talvora Systems Inc.", "targets",
           "Talvora Systems Inc.")]),
        ("The European Commission approved its budget.", [], []),
        # a review or approval of a deal targets the deal's parties and is named by it: the
        # deal the phrase names, the subject of the clause that awaits it, or the deal a
        # definite noun names again (buyer and seller, else buyer and what it buys)
        ("Walt Disney Co said it agreed to buy KHJ-TV in Los Angeles from GenCorp Inc. That "
         "deal awaits approval by the Federal Communications Commission.",
         [(_FCC_DEAL, "OtherPolicy")],
         [("Federal Communications Commission", "imposes", _FCC_DEAL),
          (_FCC_DEAL, "targets", "GenCorp Inc."),
          (_FCC_DEAL, "targets", "Walt Disney Co"),
          ("GenCorp Inc.", "investsIn", "KHJ-TV"), ("Walt Disney Co", "investsIn", "KHJ-TV")]),
        ("The merger of Talvora Systems Inc and Globex Corp is subject to approval by the "
         "European Commission.",
         [(_EC_MERGER, "OtherPolicy")],
         [("European Commission", "imposes", _EC_MERGER),
          (_EC_MERGER, "targets", "Globex Corp"),
          (_EC_MERGER, "targets", "Talvora Systems Inc"),
          ("Talvora Systems Inc", "partnersWith", "Globex Corp")]),
        ("Talvora Systems Inc agreed to buy a 13 pct stake in Globex Corp. The Japanese Finance "
         "Ministry is expected to approve the deal in April.",
         [(_JP_STAKE, "OtherPolicy")],
         [("Japanese Finance Ministry", "imposes", _JP_STAKE),
          (_JP_STAKE, "targets", "Globex Corp."),
          (_JP_STAKE, "targets", "Talvora Systems Inc"),
          ("Talvora Systems Inc", "investsIn", "Globex Corp.")]),
        ("Talvora Systems Inc agreed to acquire Globex Inc. The Federal Trade Commission is "
         "reviewing the takeover.",
         [(_FTC_TAKEOVER, "OtherPolicy")],
         [("Federal Trade Commission", "imposes", _FTC_TAKEOVER),
          (_FTC_TAKEOVER, "targets", "Globex Inc."),
          (_FTC_TAKEOVER, "targets", "Talvora Systems Inc"),
          ("Talvora Systems Inc", "investsIn", "Globex Inc.")]),
        ("Globex Corp agreed to sell its Initech unit to Talvora Systems Inc. The deal was "
         "cleared by the European Commission.",
         [(_EC_SALE, "OtherPolicy")],
         [("European Commission", "imposes", _EC_SALE),
          (_EC_SALE, "targets", "Globex Corp"),
          (_EC_SALE, "targets", "Talvora Systems Inc."),
          ("Globex Corp", "investsIn", "Initech"),
          ("Talvora Systems Inc.", "investsIn", "Initech")]),
        ("Talvora Systems Inc agreed to merge with Globex Corp. The transaction requires "
         "approval from the Federal Trade Commission.",
         [(_FTC_MERGER, "OtherPolicy")],
         [("Federal Trade Commission", "imposes", _FTC_MERGER),
          (_FTC_MERGER, "targets", "Globex Corp."),
          (_FTC_MERGER, "targets", "Talvora Systems Inc"),
          ("Talvora Systems Inc", "partnersWith", "Globex Corp.")]),
        # a company that seeks a measure on a deal with no party of its own is its party; a
        # regulator that decides whether to clear a deal imposes it, whatever word the parser
        # hangs the deal's article on
        ("Talvora Systems Inc is seeking clearance from the European Commission for a similar "
         "acquisition in France.",
         [(_EC_FRANCE, "OtherPolicy")],
         [("European Commission", "imposes", _EC_FRANCE),
          (_EC_FRANCE, "targets", "Talvora Systems Inc")]),
        ("Talvora Systems Inc agreed to merge with Globex Corp. The European Commission said it "
         "would now decide by Aug. 18 whether to clear the 2.1 billion euro ($2.4 billion) "
         "deal.",
         [(_EC_DEAL, "OtherPolicy")],
         [("European Commission", "imposes", _EC_DEAL),
          (_EC_DEAL, "targets", "Globex Corp."),
          (_EC_DEAL, "targets", "Talvora Systems Inc"),
          ("Talvora Systems Inc", "partnersWith", "Globex Corp.")]),
        # a verb of review the model tags as a noun's pattern still reads its object
        ("Talvora Systems Inc agreed to acquire Globex Inc for $2 billion. EU regulators will "
         "review the deal.",
         [(_EU_DEAL, "OtherPolicy")],
         [("EU", "imposes", _EU_DEAL),
          (_EU_DEAL, "targets", "Globex Inc"),
          (_EU_DEAL, "targets", "Talvora Systems Inc"),
          ("Talvora Systems Inc", "investsIn", "Globex Inc")]),
        ("EU regulators will review the merger of Talvora Systems Inc and Globex Corp.",
         [(_EU_MERGER, "OtherPolicy")],
         [("EU", "imposes", _EU_MERGER),
          (_EU_MERGER, "targets", "Globex Corp."),
          (_EU_MERGER, "targets", "Talvora Systems Inc"),
          ("Talvora Systems Inc", "partnersWith", "Globex Corp.")]),
        # what a review is on may hang on the verb that brings it in; a regulator a review
        # of a deal is "of" imposes it
        ("Talvora Systems Inc agreed to acquire Globex Inc for $2 billion. The European "
         "Commission opened an in-depth investigation into the deal.",
         [(_EC_PROBE, "OtherPolicy")],
         [("European Commission", "imposes", _EC_PROBE),
          (_EC_PROBE, "targets", "Globex Inc"),
          (_EC_PROBE, "targets", "Talvora Systems Inc"),
          ("Talvora Systems Inc", "investsIn", "Globex Inc")]),
        ("Talvora Systems Inc agreed to acquire Globex Inc for $2 billion. The deal still needs "
         "the approval of the Federal Communications Commission.",
         [(_FCC_OF, "OtherPolicy")],
         [("Federal Communications Commission", "imposes", _FCC_OF),
          (_FCC_OF, "targets", "Globex Inc"),
          (_FCC_OF, "targets", "Talvora Systems Inc"),
          ("Talvora Systems Inc", "investsIn", "Globex Inc")]),
        ("The deal of the century needs the approval of shareholders.", [], []),
        # a relative pronoun stands for the deal it follows
        ("Talvora Systems Inc agreed to acquire Globex Inc for $2 billion. The deal, which awaits "
         "approval by the Federal Communications Commission, would create the largest cable "
         "operator.",
         [(_FCC_OF, "OtherPolicy")],
         [("Federal Communications Commission", "imposes", _FCC_OF),
          (_FCC_OF, "targets", "Globex Inc"),
          (_FCC_OF, "targets", "Talvora Systems Inc"),
          ("Talvora Systems Inc", "investsIn", "Globex Inc")]),
        # a regulator considering a request or a deal reviews it; a company considering an
        # offer, or a country considering a measure, reviews nothing
        ("He said Talvora Systems Inc's application would be considered by the Office of "
         "Telecommunications.",
         [(_OFTEL, "OtherPolicy")],
         [("Office of Telecommunications", "imposes", _OFTEL),
          (_OFTEL, "targets", "Talvora Systems Inc")]),
        ("Talvora Systems Inc is considering Globex Corp's offer.", [], []),
        ("Japan is considering tariffs on steel.", [], []),
        # a shareholders' or a board's approval is no regulator's; a deal the text names
        # nowhere, or a product, is no deal with parties
        ("Talvora Systems Inc agreed to acquire Globex Inc. The deal was approved by "
         "shareholders.",
         [], [("Talvora Systems Inc", "investsIn", "Globex Inc.")]),
        ("Talvora Systems Inc agreed to acquire Globex Inc. Talvora Systems Inc's board "
         "approved the deal.",
         [], [("Talvora Systems Inc", "investsIn", "Globex Inc.")]),
        ("The European Commission approved the deal.", [], []),
        ("Both drugs are under review by the FDA.", [], []),
        # a measure noun is read in the singular as in the plural
        ("Mexico introduced a sanction against Talvora Systems Inc.",
         [], [("Mexico", "sanctions", "Talvora Systems Inc.")]),
        ("Japan imposed a restriction on exports of fluorinated polyimide to South Korea.",
         [("Japanese export controls on exports of fluorinated polyimide to South Korea",
           "ExportControl")],
         [("Japan", "imposes",
           "Japanese export controls on exports of fluorinated polyimide to South Korea"),
          ("Japanese export controls on exports of fluorinated polyimide to South Korea",
           "targets", "South Korea")]),
        ("As a rule, the company pays dividends.", [], []),
        # cutting, lowering or requiring a measure is setting it, as raising it is
        ("Brazil agreed to lower tariffs on Kenyan tea.",
         [("Brazilian tariffs on Kenyan tea", "Tariff")],
         [("Brazil", "imposes", "Brazilian tariffs on Kenyan tea"),
          ("Brazilian tariffs on Kenyan tea", "targets", "Kenya")]),
        ("Peru requires a duty on imported cotton.",
         [("Peruvian tariffs on imported cotton", "Tariff")],
         [("Peru", "imposes", "Peruvian tariffs on imported cotton")]),
        ("The tariff cuts announced by Chile take effect on Monday.",
         [("Chilean tariffs", "Tariff")], [("Chile", "imposes", "Chilean tariffs")]),
        # goods from a country that a verb puts a measure on, beside them: the measure
        # targets the country, and its name says so
        ("Mexico raised tariffs on steel from China and South Korea.",
         [("Mexican tariffs on steel from China and South Korea", "Tariff")],
         [("Mexico", "imposes", "Mexican tariffs on steel from China and South Korea"),
          ("Mexican tariffs on steel from China and South Korea", "targets", "China"),
          ("Mexican tariffs on steel from China and South Korea", "targets", "South Korea")]),
        # coordinated countries imposing measures in the plural, or by a verb, impose one
        # each, on the same targets; a measure in the singular is theirs together
        ("Japan and South Korea imposed tariffs on Acme steel.",
         [("Japanese tariffs on Acme steel", "Tariff"),
          ("South Korean tariffs on Acme steel", "Tariff")],
         [("Japan", "imposes", "Japanese tariffs on Acme steel"),
          ("Japanese tariffs on Acme steel", "targets", "Acme"),
          ("South Korea", "imposes", "South Korean tariffs on Acme steel"),
          ("South Korean tariffs on Acme steel", "targets", "Acme")]),
        ("U.S. and Dutch investigations into Globex have slowed the deal.",
         [("Dutch investigation into Globex", "OtherPolicy"),
          ("U.S. investigation into Globex", "OtherPolicy")],
         [("Netherlands", "imposes", "Dutch investigation into Globex"),
          ("United States", "imposes", "U.S. investigation into Globex")]),
        ("Japan and South Korea imposed a joint ban on Acme steel imports.",
         [("Japanese ban on Acme steel imports", "OtherPolicy")],
         [("Japan", "imposes", "Japanese ban on Acme steel imports"),
          ("Japan", "partnersWith", "South Korea"),
          ("Japan", "sanctions", "Acme"),
          ("Japanese ban on Acme steel imports", "targets", "Acme"),
          ("South Korea", "imposes", "Japanese ban on Acme steel imports"),
          ("South Korea", "sanctions", "Acme")]),
        ("Mexico lifted tariffs on steel from January.",
         [("Mexican tariffs on steel", "Tariff")],
         [("Mexico", "imposes", "Mexican tariffs on steel")]),
        # a programme or policy of farm or price support is a subsidy
        ("Peruvian growers charge that U.S. farm programs create an unfair subsidy for corn.",
         [("U.S. farm programs", "Subsidy")],
         [("United States", "imposes", "U.S. farm programs")]),
        ("Canada makes larger payments through its farm stabilization program.",
         [("Canadian farm programs", "Subsidy")], [("Canada", "imposes",
                                                    "Canadian farm programs")]),
        ("The company launched a customer loyalty program.", [], []),
        # controls of capital, prices or money laundering control no exports
        ("Argentina imposed price controls on Acme Corp.",
         [("Argentinean controls on Acme Corp.", "OtherPolicy")],
         [("Argentina", "imposes", "Argentinean controls on Acme Corp."),
          ("Argentinean controls on Acme Corp.", "targets", "Acme Corp.")]),
        ("China announced controls on gallium and germanium.",
         [("Chinese export controls on gallium and germanium", "ExportControl")],
         [("China", "imposes", "Chinese export controls on gallium and germanium")]),
        # a surcharge is a tariff, a boycott a ban
        ("Chile imposed a surcharge on Peruvian wine.",
         [("Chilean tariffs on Peruvian wine", "Tariff")],
         [("Chile", "imposes", "Chilean tariffs on Peruvian wine"),
          ("Chilean tariffs on Peruvian wine", "targets", "Peru")]),
        ("The unilateral boycott, proposed by Norway's government, cut trade ties.",
         [("Norwegian ban", "OtherPolicy")], [("Norway", "imposes", "Norwegian ban")]),
    ],
)
def test_policies(nlp, text, policies, relations):
    assert policy_view(nlp, text) == (sorted(policies), sorted(relations))


@pytest.mark.parametrize(
    "text, name",
    [
        # another's measure folded into a policy says nothing of what it is on
        ("The Treasury Department imposed sanctions on three Russian individuals. Japan "
         "tightened export controls on semiconductor materials to South Korea.",
         "Japanese export controls on semiconductor materials"),
        # sanctions' parties are edges of their own, not what the policy is on
        ("Russia sanctions have hurt European companies. The European Union imposed the "
         "sanctions in 2014.", "European Union sanctions"),
        # what the text says it is on only as clean, short words, never markup, direction
        # marks, a date or a word that refers back
        ("Canada imposed tariffs on \u202eJapanese cars, officials said.", "Canadian tariffs"),
        ("Canada imposed tariffs on " + "x" * 300 + " goods.", "Canadian tariffs"),
        ("Japan imposed tariffs on ${alert(1)} goods.", "Japanese tariffs"),
        ("The Commerce Department opened a probe into <script>alert(1)</script> exports.",
         "Commerce Department investigation"),
        ("Argentina imposed tariffs on the rest.", "Argentinean tariffs"),
        ("Brazil imposed a ban on next week's shipments.", "Brazilian ban"),
        # nor why the clause that brings a measure in imposed it
        ("The restrictions, imposed by the Commerce Department on March 7 for alleged "
         "sanctions violations, hurt Acme.", "Commerce Department export controls"),
        # nor a person's name, nor a word in capitals that names nothing known
        ("Japan imposed a ban on Jane Doe's racehorses.", "Japanese ban"),
    ],
)
def test_a_policy_is_named_only_by_what_its_own_text_says_it_is_on(nlp, text, name):
    policies, _ = policy_view(nlp, text)
    assert [n for n, _ in policies] == [name]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("China's criticism of the US tariffs grew louder.",
         ("China", "opposes", "U.S. tariffs")),
        ("Beijing voiced strong opposition to Washington's export controls.",
         ("China", "opposes", "U.S. export controls")),
        ("Japan objected to the new US tariffs on chips.",
         ("Japan", "opposes", "U.S. tariffs on chips")),
        # who is urged to scrap a measure imposes it; who urges opposes it
        ("Kenya urged Brazil to scrap its new tariffs on Kenyan tea.",
         ("Kenya", "opposes", "Brazilian tariffs on Kenyan tea")),
    ],
)
def test_opposition_to_a_policy(nlp, text, expected):
    _, relations = policy_view(nlp, text)
    assert expected in relations
    assert [r for r in relations if r[1] == "opposes"] == [expected]


def test_sanctions_are_export_controls_only_with_a_word_of_exports(nlp):
    policies, _ = policy_view(nlp, "U.S. technology sanctions hurt Huawei. U.S. export "
                                   "controls widened.")
    assert policies == [("U.S. export controls", "ExportControl")]
    policies, _ = policy_view(nlp, "U.S. sanctions hurt Huawei. U.S. export controls widened.")
    assert policies == [("U.S. export controls", "ExportControl"),
                        ("U.S. sanctions", "OtherPolicy")]


def test_sanctions_on_a_named_party_are_a_direct_edge(nlp):
    policies, relations = policy_view(nlp, "U.S. sanctions on Huawei hurt its phone business.")
    assert policies == []
    assert relations == [("United States", "sanctions", "Huawei")]


def test_policy_aliases_keep_the_written_imposer(nlp):
    doc = nlp("Demand fell amid increasingly harsh Japanese trade restrictions on Acme Corp.")
    (policy,) = [e for e in doc._.ng_relation_entities if e.type == "Policy"]
    assert "Japanese trade restrictions" in policy.aliases
    assert all(len(alias) <= len(policy.name) for alias in policy.aliases)


def test_coordinated_imposers_give_their_policies_no_shared_alias(nlp):
    doc = nlp("U.S. and Dutch investigations into Globex have slowed the deal.")
    assert sorted((e.name, e.aliases) for e in doc._.ng_relation_entities
                  if e.type == "Policy") == [("Dutch investigation into Globex", ()),
                                             ("U.S. investigation into Globex", ())]


def test_policy_mentions_join_the_document_spans(nlp):
    doc = nlp("Demand fell amid increasingly harsh U.S. trade restrictions.")
    policies = [(s.text, s._.ng_name) for s in doc.spans["ng_entities"] if s.label_ == "Policy"]
    assert policies == [
        ("increasingly harsh U.S. trade restrictions", "U.S. export controls")
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        # "the rules" of a later sentence are the policy named before, and what they target
        ("The U.S. Commerce Department issued new rules on chip exports. The rules target "
         "Talvora Systems Inc.",
         ([("U.S. Commerce Department rules on chip exports", "ExportControl")],
          [("U.S. Commerce Department", "imposes",
            "U.S. Commerce Department rules on chip exports"),
           ("U.S. Commerce Department rules on chip exports", "targets", "Talvora Systems Inc.")])),
        # a definite measure with no imposer of its own names again the nearest policy of
        # its family named before, or of any family where its head says nothing of its kind
        ("Japan imposed export controls on Korean chemicals. The measures hit Samsung "
         "Electronics.",
         ([("Japanese export controls on Korean chemicals", "ExportControl")],
          [("Japan", "imposes", "Japanese export controls on Korean chemicals"),
           ("Japanese export controls on Korean chemicals", "targets", "Samsung Electronics"),
           ("Japanese export controls on Korean chemicals", "targets", "South Korea")])),
        ("Japan introduced a ban on whaling. The law hits Talvora Systems Inc.",
         ([("Japanese ban on whaling", "OtherPolicy")],
          [("Japan", "imposes", "Japanese ban on whaling")])),
        # a measure with no imposer that a later definite mention of its family names is
        # that policy, with its targets and its party edge (and a party that calls it unfair
        # opposes it)
        ("Talvora Systems Inc's fibres have been banned from the U.S. market. Talvora Systems "
         "Inc said the ban, imposed by the U.S. International Trade Commission, was unfair.",
         ([("U.S. International Trade Commission ban on Talvora Systems Inc", "OtherPolicy")],
          [("Talvora Systems Inc", "opposes",
            "U.S. International Trade Commission ban on Talvora Systems Inc"),
           ("U.S. International Trade Commission", "imposes",
            "U.S. International Trade Commission ban on Talvora Systems Inc"),
           ("U.S. International Trade Commission", "sanctions", "Talvora Systems Inc"),
           ("U.S. International Trade Commission ban on Talvora Systems Inc", "targets",
            "Talvora Systems Inc")])),
        # a definite measure whose head says nothing of its kind, with an imposer of its own,
        # names again the policy its imposer named before; not one that says what it is on
        ("The House passed a bill to broaden sanctions on Iran. The House measure passed by "
         "418-2.",
         ([("House bill", "OtherPolicy")],
          [("House", "imposes", "House bill"), ("House", "imposes", "House bill")])),
        ("Japan imposed tariffs on Korean steel. The Japanese measures took effect on Monday.",
         ([("Japanese tariffs on Korean steel", "Tariff")],
          [("Japan", "imposes", "Japanese tariffs on Korean steel"),
           ("Japan", "imposes", "Japanese tariffs on Korean steel"),
           ("Japanese tariffs on Korean steel", "targets", "South Korea")])),
        ("Japan imposed tariffs on Korean steel. Japan also announced new measures on chip "
         "exports.",
         ([("Japanese rules on chip exports", "ExportControl"),
           ("Japanese tariffs on Korean steel", "Tariff")],
          [("Japan", "imposes", "Japanese rules on chip exports"),
           ("Japan", "imposes", "Japanese tariffs on Korean steel"),
           ("Japanese tariffs on Korean steel", "targets", "South Korea")])),
        # fighting a policy is opposing it
        ("Washington announced tariffs on Chinese steel. Beijing vowed to fight the tariffs.",
         ([("U.S. tariffs on Chinese steel", "Tariff")],
          [("China", "opposes", "U.S. tariffs on Chinese steel"),
           ("United States", "imposes", "U.S. tariffs on Chinese steel"),
           ("U.S. tariffs on Chinese steel", "targets", "China")])),
    ],
)
def test_a_policy_named_again_across_sentences(nlp, text, expected):
    assert policy_view(nlp, text) == (sorted(expected[0]), sorted(expected[1]))


def test_a_word_in_capitals_that_names_nothing_known_is_no_object():
    vocab = spacy.blank("en").vocab
    doc = Doc(vocab, words=["ban", "on", "REUTER"], heads=[0, 0, 1],
              deps=["ROOT", "prep", "pobj"], pos=["NOUN", "ADP", "PROPN"])
    state = DocState(measures={0: Measure("OtherPolicy", "ban", None)})
    assert _object_of(doc[0], state, []) is None
    doc = Doc(vocab, words=["ban", "on", "Reuter"], heads=[0, 0, 1],
              deps=["ROOT", "prep", "pobj"], pos=["NOUN", "ADP", "PROPN"])
    assert _object_of(doc[0], state, []) == "on Reuter"


@pytest.mark.parametrize(
    "text, expected",
    [
        # a country's decision or plan to ban or impose something is its measure
        ("Norway opposed Iceland's decision to bar whaling by Japan.",
         [("Iceland", "imposes", "Iceland ban on whaling by Japan"),
          ("Iceland", "sanctions", "Japan"),
          ("Iceland ban on whaling by Japan", "targets", "Japan")]),
        # "by" on a clause that bans is whose activity it bans, never who bans it
        ("Peru protested over Chile's decision to bar further fishing by Peru.",
         [("Chile", "imposes", "Chilean ban on further fishing")]),
        ("Japan's plan to impose tariffs on Korean steel angered Seoul.",
         [("Japan", "imposes", "Japanese tariffs on South Korea"),
          ("Japanese tariffs on South Korea", "targets", "South Korea")]),
        # a measure in retaliation for a party's action, or in response to it, targets it
        ("China imposed tariffs on soybeans in retaliation for U.S. duties on steel.",
         [("China", "imposes", "Chinese tariffs on soybeans"),
          ("Chinese tariffs on soybeans", "targets", "United States"),
          ("United States", "imposes", "U.S. tariffs on steel")]),
        # a measure imposed because of a party's wrong act, or to punish a party, targets it;
        # the tariffs named again take the target too
        ("Brazil raised duties last May. Brazil raised the duties because of Talvora Systems "
         "Inc's dumping of steel.",
         [("Brazil", "imposes", "Brazilian tariffs on Talvora Systems Inc"),
          ("Brazil", "imposes", "Brazilian tariffs on Talvora Systems Inc"),
          ("Brazilian tariffs on Talvora Systems Inc", "targets", "Talvora Systems Inc")]),
        ("Brazil imposed duties on steel to punish Talvora Systems Inc.",
         [("Brazil", "imposes", "Brazilian tariffs on steel"),
          ("Brazil", "sanctions", "Talvora Systems Inc."),
          ("Brazilian tariffs on steel", "targets", "Talvora Systems Inc.")]),
        # a cause that is no wrong act of the party is no target
        ("Washington imposed tariffs on steel because of Talvora Systems Inc's complaint.",
         [("United States", "imposes", "U.S. tariffs on steel")]),
        # who says a measure will be imposed imposes it
        ("The European Commission said duties would be imposed on Chinese bicycles.",
         [("European Commission", "imposes", "European Commission tariffs")]),
        # a measure decided or established by a party is its measure, on what the clause
        # that brings it in puts it on
        ("Peru protested against the fishing ban decided by Chile.",
         [("Chile", "imposes", "Chilean ban")]),
        ("Peru protested against the import ban decided by Chile on Peruvian fish.",
         [("Chile", "imposes", "Chilean ban on Peruvian fish"), ("Chile", "sanctions", "Peru"),
          ("Chilean ban on Peruvian fish", "targets", "Peru")]),
        ("The Commission has proposed establishing a consumption tax on vegetable oils.",
         [("Commission", "imposes", "Commission tax on vegetable oils")]),
        ("Brazil will establish tariffs on Kenyan tea.",
         [("Brazil", "imposes", "Brazilian tariffs on Kenyan tea"),
          ("Brazilian tariffs on Kenyan tea", "targets", "Kenya")]),
        # a party's ruling, decision or vote in favour of a measure is its measure
        ("Chile's ruling in favor of a duty on Peruvian corn was a disappointment.",
         [("Chile", "imposes", "Chilean tariffs on Peruvian corn"),
          ("Chilean tariffs on Peruvian corn", "targets", "Peru")]),
        ("The ruling by the Commission in favour of duties on Peruvian corn was a surprise.",
         [("Commission", "imposes", "Commission tariffs on Peruvian corn"),
          ("Commission tariffs on Peruvian corn", "targets", "Peru")]),
        ("Chile ruled in favour of a duty on Peruvian corn.",
         [("Chile", "imposes", "Chilean tariffs on Peruvian corn"),
          ("Chilean tariffs on Peruvian corn", "targets", "Peru")]),
    ],
)
def test_an_imposer_read_from_the_clause_around_the_measure(nlp, text, expected):
    _, relations = policy_view(nlp, text)
    assert [r for r in relations if r[1] in ("imposes", "targets", "sanctions")] == expected


@pytest.mark.parametrize(
    "text, policies, relations",
    [
        # the measure is the subject of a passive clause of imposing: its agent imposes it,
        # its "on" object is its target, also with "by" hung as a plain preposition
        ("Tariffs were imposed on Acme Corp by Japan last year.",
         [("Japanese tariffs on Acme Corp", "Tariff")],
         [("Japan", "imposes", "Japanese tariffs on Acme Corp"),
          ("Japanese tariffs on Acme Corp", "targets", "Acme Corp")]),
        ("New duties were levied on Globex Inc last week by the European Union.",
         [("European Union tariffs on Globex Inc", "Tariff")],
         [("European Union", "imposes", "European Union tariffs on Globex Inc"),
          ("European Union tariffs on Globex Inc", "targets", "Globex Inc")]),
        # or whose goods it is on
        ("Tariffs were imposed on Acme Corp's chips by Japan last year.",
         [("Japanese tariffs on Acme Corp", "Tariff")],
         [("Japan", "imposes", "Japanese tariffs on Acme Corp"),
          ("Japanese tariffs on Acme Corp", "targets", "Acme Corp")]),
        # a participle or relative clause on the measure puts it on a pronoun's referent;
        # opposing the measure opposes that policy
        ("Acme Corp will appeal the export restrictions imposed on it by Japan.",
         [("Japanese export controls on Acme Corp", "ExportControl")],
         [("Acme Corp", "opposes", "Japanese export controls on Acme Corp"),
          ("Japan", "imposes", "Japanese export controls on Acme Corp"),
          ("Japanese export controls on Acme Corp", "targets", "Acme Corp")]),
        # sanctions a relative clause puts on a party sanction it
        ("Globex Inc said it would fight the sanctions Japan imposed on it.",
         [("Japanese sanctions", "OtherPolicy")],
         [("Globex Inc", "opposes", "Japanese sanctions"), ("Japan", "sanctions", "Globex Inc")]),
        # a clause of another verb names no imposer nor target
        ("Tariffs were discussed with Acme Corp by Japan.", [], []),
    ],
)
def test_a_clause_of_imposing_on_the_measure_names_imposer_and_target(nlp, text, policies,
                                                                      relations):
    assert policy_view(nlp, text) == (sorted(policies), sorted(relations))


@pytest.mark.parametrize(
    "text, policies",
    [
        # an inquiry into a named company's conduct is no trade case, whatever trade it
        # looks at
        ("The Commerce Department investigated Acme Corp for alleged export-control "
         "violations.", [("Commerce Department investigation of Acme Corp", "OtherPolicy")]),
        ("The Commerce Department opened an investigation into Acme Corp over its exports "
         "to Iran.", [("Commerce Department investigation into Acme Corp over exports to Iran",
                        "OtherPolicy")]),
        # unless a word of a trade remedy says it is one, or it looks into a country's trade
        ("The Commerce Department opened an anti-dumping investigation into Acme Corp's "
         "steel exports.",
         [("Commerce Department anti-dumping investigation into Acme Corp's steel exports",
           "TradeInvestigation")]),
        ("The Commerce Department opened an investigation into steel imports from Japan.",
         [("Commerce Department investigation into steel imports from Japan",
           "TradeInvestigation")]),
        # the agent's clause says who looks, not what the inquiry is on
        ("The fine follows a two-year investigation by the Federal Trade Commission, which "
         "has probed Acme Corp over its sales of imported goods.",
         [("Federal Trade Commission investigation of Acme Corp", "OtherPolicy")]),
    ],
)
def test_an_inquiry_into_a_company_is_a_trade_case_only_by_a_trade_remedy(nlp, text, policies):
    assert policy_view(nlp, text)[0] == sorted(policies)


@pytest.mark.parametrize(
    ("text", "policies", "relations"),
    [
        ("The deal was delayed by U.S. import restrictions on Acme Corp's chips.",
         [("U.S. restrictions on Acme Corp's chips", "OtherPolicy")],
         [("United States", "imposes", "U.S. restrictions on Acme Corp's chips"),
          ("U.S. restrictions on Acme Corp's chips", "targets", "Acme Corp")]),
        ("Globex complained about EC restrictions on U.S. citrus imports.",
         [("EC restrictions on U.S. citrus imports", "OtherPolicy")],
         [("EC", "imposes", "EC restrictions on U.S. citrus imports"),
          ("EC restrictions on U.S. citrus imports", "targets", "United States")]),
        ("The strong yen and Japan's self-imposed restrictions on exports to the U.S. hurt "
         "Initech.",
         [("Japanese restrictions on exports to the U.S.", "OtherPolicy")],
         [("Japan", "imposes", "Japanese restrictions on exports to the U.S."),
          ("Japanese restrictions on exports to the U.S.", "targets", "United States")]),
        ("The United States imposed export restrictions on Hooli.",
         [("U.S. export controls on Hooli", "ExportControl")],
         [("United States", "imposes", "U.S. export controls on Hooli"),
          ("U.S. export controls on Hooli", "targets", "Hooli")]),
    ],
)
def test_restrictions_on_imports_or_of_ones_own_exports_are_no_export_controls(
        nlp, text, policies, relations):
    assert policy_view(nlp, text) == (sorted(policies), sorted(relations))


@pytest.mark.parametrize(
    ("text", "policies", "relations"),
    [
        ("The deal gives Globex a topical gel, zorbamycin, which is currently under review by "
         "the U.S. Food and Drug Administration.",
         [("U.S. Food and Drug Administration review of zorbamycin", "OtherPolicy")],
         [("U.S. Food and Drug Administration", "imposes",
           "U.S. Food and Drug Administration review of zorbamycin")]),
        ("The merger is under investigation by the Justice Department.",
         [("Justice Department investigation of merger", "OtherPolicy")],
         [("Justice Department", "imposes", "Justice Department investigation of merger")]),
        # what is under a law is only bound by it: the law is on no one
        ("Under Indian laws, Hooli also made an open offer for a stake in Globex.",
         [("Indian law", "OtherPolicy")],
         [("India", "imposes", "Indian law")]),
    ],
)
def test_an_inquiry_is_named_by_what_a_clause_says_is_under_it(nlp, text, policies, relations):
    assert policy_view(nlp, text) == (sorted(policies), sorted(relations))


@pytest.mark.parametrize(
    ("text", "policies", "relations"),
    [
        # a body that sets policy, named in full before sanctions, imposes them
        ("European Union sanctions hurt Freedonia's economy.",
         [("European Union sanctions", "OtherPolicy")],
         [("European Union", "imposes", "European Union sanctions")]),
        # a country named in full before them is whom they hit
        ("Iran sanctions hurt Freedonia's economy. The Iran sanctions were imposed by the "
         "United States.",
         [], [("United States", "sanctions", "Iran")]),
    ],
)
def test_only_a_country_named_in_full_before_sanctions_is_their_target(
        nlp, text, policies, relations):
    assert policy_view(nlp, text) == (sorted(policies), sorted(relations))


@pytest.mark.parametrize(
    ("text", "policies", "relations"),
    [
        # a regulator's antitrust complaint against a company is a measure it brings, as
        # well as its opposition to the company
        ("The European Commission filed a formal antitrust complaint against Acme Corp over "
         "its app store.",
         [("European Commission antitrust charges against Acme Corp over app store",
           "OtherPolicy")],
         [("European Commission", "imposes",
           "European Commission antitrust charges against Acme Corp over app store"),
          ("European Commission", "opposes", "Acme Corp"),
          ("European Commission antitrust charges against Acme Corp over app store",
           "targets", "Acme Corp")]),
        ("The European Commission leveled antitrust charges against Acme Corp over its app "
         "store.",
         [("European Commission antitrust charges against Acme Corp over app store",
           "OtherPolicy")],
         [("European Commission", "imposes",
           "European Commission antitrust charges against Acme Corp over app store"),
          ("European Commission", "opposes", "Acme Corp"),
          ("European Commission antitrust charges against Acme Corp over app store",
           "targets", "Acme Corp")]),
    ],
)
def test_a_regulator_brings_a_charge_or_an_inquiry(nlp, text, policies, relations):
    assert policy_view(nlp, text) == (sorted(policies), sorted(relations))


@pytest.mark.parametrize(
    "text, policies",
    [
        # an inquiry into an aspect of a thing, the phrase running long, is named by the thing
        ("The Federal Trade Commission is investigating the design and performance of the "
         "Zephyr Model T vehicle's braking system after a crash in Ohio.",
         [("Federal Trade Commission investigation of Zephyr Model T vehicle's braking system",
           "OtherPolicy")]),
        # quotation marks around a word of the phrase are left out of the name
        ("The Federal Trade Commission is investigating the design and performance of the "
         'Zephyr Model T vehicle\'s "Cruise" system after a crash in Ohio.',
         [("Federal Trade Commission investigation of Zephyr Model T vehicle's Cruise system",
           "OtherPolicy")]),
    ],
)
def test_an_inquiry_into_an_aspect_of_a_thing_is_named_by_the_thing(nlp, text, policies):
    assert policy_view(nlp, text)[0] == sorted(policies)


@pytest.mark.parametrize(
    ("text", "policies"),
    [
        # two complaints one regulator brings against a party over two things are two
        # policies, each named by what it is over; a definite mention is the first
        ("The European Commission filed an antitrust complaint against Acme Corp over its "
         "app store. A year ago, the Commission leveled an antitrust complaint against Acme "
         "Corp over its search engine. The complaint could cost Acme Corp $1 billion.",
         [("European Commission antitrust charges against Acme Corp over app store",
           "OtherPolicy"),
          ("European Commission antitrust charges against Acme Corp over search engine",
           "OtherPolicy")]),
    ],
)
def test_two_measures_introduced_on_two_things_are_two_policies(nlp, text, policies):
    assert policy_view(nlp, text)[0] == sorted(policies)


def test_a_regulator_approving_two_named_deals_gives_two_approvals(nlp):
    text = ("The Federal Communications Commission is set to approve Talvora Systems Inc's "
            "takeover of Globex Inc. The terms are like those Initech Corp faced when the "
            "Federal Communications Commission approved its acquisition of Vela Media in 2011.")
    assert policy_view(nlp, text)[0] == [
        ("Federal Communications Commission approval of Talvora Systems Inc's takeover of "
         "Globex Inc", "OtherPolicy"),
        ("Federal Communications Commission approval of acquisition of Vela Media",
         "OtherPolicy")]


@pytest.mark.parametrize(
    ("text", "policies", "relations"),
    [
        # a possessor owns the measure it is written on, not a conjunct with words of its own
        ("Following its own internal investigation and a Senate inquiry, Acme Corp denied "
         "that any such bias exists.",
         [("Senate investigation", "OtherPolicy")], [("Senate", "imposes",
                                                      "Senate investigation")]),
        ("Acme Corp's own internal review and a Senate inquiry found no bias.",
         [("Senate investigation", "OtherPolicy")], [("Senate", "imposes",
                                                      "Senate investigation")]),
    ],
)
def test_a_possessor_does_not_own_a_conjoined_measure(nlp, text, policies, relations):
    assert policy_view(nlp, text) == (sorted(policies), sorted(relations))


@pytest.mark.parametrize(
    ("text", "policies", "relations"),
    [
        # a regulator weighing whether a party broke a rule reviews that party
        ("The Justice Department is reviewing whether Acme Corp and Globex Inc violated "
         "antitrust law.",
         [("Justice Department review of Acme Corp and Globex Inc", "OtherPolicy")],
         [("Justice Department", "imposes",
           "Justice Department review of Acme Corp and Globex Inc"),
          ("Justice Department review of Acme Corp and Globex Inc", "targets", "Acme Corp"),
          ("Justice Department review of Acme Corp and Globex Inc", "targets", "Globex Inc")]),
        ("The Ohio Securities Commission is weighing whether Acme Corp needs to provide more "
         "disclosures.",
         [("Ohio Securities Commission review of Acme Corp", "OtherPolicy")],
         [("Ohio Securities Commission", "imposes",
           "Ohio Securities Commission review of Acme Corp"),
          ("Ohio Securities Commission review of Acme Corp", "targets", "Acme Corp")]),
        ("The Securities and Exchange Commission is investigating whether Acme Corp violated "
         "securities laws.",
         [("Securities and Exchange Commission investigation of Acme Corp", "OtherPolicy")],
         [("Securities and Exchange Commission", "imposes",
           "Securities and Exchange Commission investigation of Acme Corp"),
          ("Securities and Exchange Commission investigation of Acme Corp", "targets",
           "Acme Corp")]),
        # a company weighing a question sets no policy
        ("Acme Corp is weighing whether Globex Inc should be sold.", [], []),
    ],
)
def test_a_regulator_weighing_whether_a_party_did_something_reviews_it(nlp, text, policies,
                                                                       relations):
    assert policy_view(nlp, text) == (sorted(policies), sorted(relations))


@pytest.mark.parametrize(
    ("text", "policies", "relations"),
    [
        # an order or ruling requiring or allowing a party to act is a measure on the party,
        # and on the company whose shares it deals with
        ("The Commerce Department issued an order requiring Acme Corp to sell its Globex Inc "
         "shares.",
         [("Commerce Department order on Acme Corp and Globex Inc", "OtherPolicy")],
         [("Commerce Department", "imposes",
           "Commerce Department order on Acme Corp and Globex Inc"),
          ("Commerce Department order on Acme Corp and Globex Inc", "targets", "Acme Corp"),
          ("Commerce Department order on Acme Corp and Globex Inc", "targets", "Globex Inc")]),
        ("The Globex Commission issued a ruling allowing Acme Corp to buy Initech Inc.",
         [("Globex Commission order on Acme Corp", "OtherPolicy")],
         [("Acme Corp", "investsIn", "Initech Inc."),
          ("Globex Commission", "imposes", "Globex Commission order on Acme Corp"),
          ("Globex Commission order on Acme Corp", "targets", "Acme Corp")]),
        # an order for goods is no measure
        ("Acme Corp received an order for 20 aircraft from Globex Inc.", [], []),
    ],
)
def test_an_order_directing_a_party_is_a_measure_on_it(nlp, text, policies, relations):
    assert policy_view(nlp, text) == (sorted(policies), sorted(relations))


@pytest.mark.parametrize(
    ("text", "policies", "relations"),
    [
        # a body that votes or agrees to ban or review imposes the ban or review
        ("The Senate Finance Committee agreed to ban imports of Globex Inc chips.",
         [("Senate Finance Committee ban on Globex Inc", "OtherPolicy")],
         [("Senate Finance Committee", "imposes", "Senate Finance Committee ban on Globex Inc"),
          ("Senate Finance Committee", "sanctions", "Globex Inc"),
          ("Senate Finance Committee ban on Globex Inc", "targets", "Globex Inc")]),
        # a company agreeing to restrain itself imposes nothing
        ("Acme Corp agreed to restrict its exports.", [], []),
    ],
)
def test_a_body_voting_to_ban_imposes_the_ban(nlp, text, policies, relations):
    assert policy_view(nlp, text) == (sorted(policies), sorted(relations))


@pytest.mark.parametrize(
    ("text", "policies", "relations"),
    [
        # a party said to be the target or subject of an inquiry is its target
        ("Acme Corp is now the target of a U.S. Federal Trade Commission investigation, "
         "executives said.",
         [("U.S. Federal Trade Commission investigation of Acme Corp", "OtherPolicy")],
         [("U.S. Federal Trade Commission", "imposes",
           "U.S. Federal Trade Commission investigation of Acme Corp"),
          ("U.S. Federal Trade Commission investigation of Acme Corp", "targets", "Acme Corp")]),
        ("Acme Corp is the subject of an investigation by the Federal Trade Commission.",
         [("Federal Trade Commission investigation of Acme Corp", "OtherPolicy")],
         [("Federal Trade Commission", "imposes",
           "Federal Trade Commission investigation of Acme Corp"),
          ("Federal Trade Commission investigation of Acme Corp", "targets", "Acme Corp")]),
        # the party of an inquiry "into" it is its target where the parser hangs "into" on
        # the verb
        ("The Competition Bureau dropped its investigation into Acme Corp on Tuesday.",
         [("Competition Bureau investigation into Acme Corp", "OtherPolicy")],
         [("Competition Bureau", "imposes", "Competition Bureau investigation into Acme Corp"),
          ("Competition Bureau investigation into Acme Corp", "targets", "Acme Corp")]),
        # an agency's inquiry introduced as new is its own, not its country's named before
        ("Canada opened its own investigation into the issue. And the company isn't safe in "
         "the US, as the Federal Trade Commission launched an antitrust investigation into "
         "Acme Corp last year.",
         [("Canadian investigation", "OtherPolicy"),
          ("Federal Trade Commission investigation into Acme Corp", "OtherPolicy")],
         [("Canada", "imposes", "Canadian investigation"),
          ("Federal Trade Commission", "imposes",
           "Federal Trade Commission investigation into Acme Corp"),
          ("Federal Trade Commission investigation into Acme Corp", "targets", "Acme Corp")]),
    ],
)
def test_the_target_of_an_inquiry_and_whose_inquiry_it_is(nlp, text, policies, relations):
    assert policy_view(nlp, text) == (sorted(policies), sorted(relations))


@pytest.mark.parametrize(
    ("text", "policies", "relations"),
    [
        # a regulator finding that a party broke a rule rules on that party (and, as its
        # accuser, opposes it: ingest/patterns/sanctions.jsonl)
        ("The Federal Trade Commission found that Acme Corp violated consumer protection rules.",
         [("Federal Trade Commission ruling on Acme Corp", "OtherPolicy")],
         [("Federal Trade Commission", "imposes", "Federal Trade Commission ruling on Acme Corp"),
          ("Federal Trade Commission", "opposes", "Acme Corp"),
          ("Federal Trade Commission ruling on Acme Corp", "targets", "Acme Corp")]),
        ('The Globex Bureau judged that the tokens used in the game are a "prepaid form of '
         'payment" and that Acme Corp breached the settlement law by failing to notify '
         "authorities.",
         [("Globex Bureau ruling on Acme Corp", "OtherPolicy")],
         [("Globex Bureau", "imposes", "Globex Bureau ruling on Acme Corp"),
          ("Globex Bureau", "opposes", "Acme Corp"),
          ("Globex Bureau ruling on Acme Corp", "targets", "Acme Corp")]),
        # a company's or a court's finding is no policy, nor an accusation
        ("Acme Corp found that Globex Inc violated its contract.", [], []),
        ("The Supreme Court ruled that Acme Corp infringed Globex Inc patents.", [], []),
    ],
)
def test_a_regulator_finding_that_a_party_broke_a_rule_rules_on_it(nlp, text, policies,
                                                                   relations):
    assert policy_view(nlp, text) == (sorted(policies), sorted(relations))


@pytest.mark.parametrize(
    "text, policies, relations",
    [
        # a plan is a policy where its phrase says what it is to do
        ("Japan's cabinet approved a plan to help the troubled Acme ventures in Brazil.",
         [("Japanese plan to help troubled Acme ventures in Brazil", "OtherPolicy")],
         [("Japan", "imposes", "Japanese plan to help troubled Acme ventures in Brazil")]),
        # the nouns before a proposal say what it is
        ("Japan's sales tax proposal met criticism from Acme Corp.",
         [("Japanese sales tax proposal", "OtherPolicy")],
         [("Acme Corp.", "opposes", "Japanese sales tax proposal"),
          ("Japan", "imposes", "Japanese sales tax proposal")]),
        # a plan that says nothing of what it is, or a company's, is none
        ("Acme's plans were unclear, but Norway's plan was praised.", [], []),
        # a plan to impose a measure is the measure
        ("Washington announced plans to slap tariffs on Japanese imports.",
         [("U.S. tariffs on Japanese imports", "Tariff")],
         [("U.S. tariffs on Japanese imports", "targets", "Japan"),
          ("United States", "imposes", "U.S. tariffs on Japanese imports")]),
        # import quotas, and an aid package for a company
        ("The Chilean government imposed import quotas on Globex Inc's steel.",
         [("Chilean quotas on Globex Inc's steel", "OtherPolicy")],
         [("Chile", "imposes", "Chilean quotas on Globex Inc's steel"),
          ("Chilean quotas on Globex Inc's steel", "targets", "Globex Inc")]),
        ("The Chilean government approved an aid package for Acme Corp.",
         [("Chilean aid for Acme Corp.", "Subsidy")],
         [("Chile", "imposes", "Chilean aid for Acme Corp."),
          ("Chilean aid for Acme Corp.", "targets", "Acme Corp.")]),
    ],
)
def test_plans_proposals_quotas_and_aid_are_measures(nlp, text, policies, relations):
    assert policy_view(nlp, text) == (sorted(policies), sorted(relations))


@pytest.mark.parametrize(
    "text, policies",
    [
        # a policy is named with its country's modifier, an inquiry an investigation
        ("Chile imposed tariffs on Norwegian salmon.",
         [("Chilean tariffs on Norwegian salmon", "Tariff")]),
        ("The Commerce Department opened a probe into Acme Corp.",
         [("Commerce Department investigation into Acme Corp.", "OtherPolicy")]),
    ],
)
def test_a_policy_is_named_with_its_countrys_modifier(nlp, text, policies):
    assert policy_view(nlp, text)[0] == policies


@pytest.mark.parametrize(
    "text, policies, relations",
    [
        # a measure only weighed is a proposed policy of whoever weighs it
        ("France is considering imposing tariffs on Acme.",
         [("French tariffs on Acme", "Tariff")],
         [("France", "imposes", "French tariffs on Acme"),
          ("French tariffs on Acme", "targets", "Acme")]),
        # a party's own act only weighed is still not done
        ("Globex is considering suing Acme.", [], []),
        ("France refused to impose tariffs on Acme.", [], []),
    ],
)
def test_a_measure_weighed_is_a_proposed_policy(nlp, text, policies, relations):
    assert policy_view(nlp, text) == (sorted(policies), sorted(relations))


@pytest.mark.parametrize(
    "text, policies",
    [
        # a policy whose phrase says what it is: a noun before it, or what it is of or on
        ("France announced a new policy on Acme imports.",
         [("French policy on Acme imports", "OtherPolicy")]),
        ("The European Union's farm support policies hurt Acme, Jane Doe said.",
         [("European Union farm support policy", "OtherPolicy")]),
        # one that says nothing of what it is, or a company's, is none
        ("France's foreign policy angered Globex.", []),
        ("Acme's policy of paying dividends pleased Globex.", []),
    ],
)
def test_a_policy_noun_that_says_what_it_is_is_a_measure(nlp, text, policies):
    assert policy_view(nlp, text)[0] == sorted(policies)


@pytest.mark.parametrize(
    "text, name",
    [
        # how many things a measure is on, or by how much a plan cuts, says what it is on
        ("France cut tariffs on 50 items.", "French tariffs on 50 items"),
        ("Japan approved a plan to force a 10 pct surplus cutback each year.",
         "Japanese plan to force 10 pct surplus cutback"),
        # an amount of money is no object: the party stands instead
        ("France imposed tariffs on 300 mln dlrs of Acme goods.", "French tariffs on Acme"),
    ],
)
def test_a_count_of_what_a_measure_is_on_is_kept_in_its_name(nlp, text, name):
    assert [p for p, _ in policy_view(nlp, text)[0]] == [name]


def test_a_share_of_what_a_measure_is_on_is_no_object(nlp):
    # "40 pct of goods" says how much, not what: the party stands instead
    assert policy_view(nlp, "France imposed export controls on 40 pct of Acme goods.")[0] \
        == [("French export controls on Acme", "ExportControl")]


@pytest.mark.parametrize(
    "text, relations",
    [
        # a country's negotiators stand for it
        ("Canadian negotiators agreed to levy a new export tax on Acme lumber.",
         [("Canada", "imposes", "Canadian tariffs on Acme lumber"),
          ("Canadian tariffs on Acme lumber", "targets", "Acme")]),
        ("U.S. negotiators proposed tariffs on Acme.",
         [("United States", "imposes", "U.S. tariffs on Acme"),
          ("U.S. tariffs on Acme", "targets", "Acme")]),
        # what a proposal whose owner is named is to do is the owner's, not its critic's
        ("U.S. negotiators rejected the Japanese proposal to cut tariffs on Acme chips.",
         [("Japan", "imposes", "Japanese tariffs on Acme chips"),
          ("Japanese tariffs on Acme chips", "targets", "Acme"),
          ("United States", "opposes", "Japan")]),
        ("The United States made a proposal to cut tariffs on Acme chips.",
         [("United States", "imposes", "U.S. tariffs on Acme chips"),
          ("U.S. tariffs on Acme chips", "targets", "Acme")]),
    ],
)
def test_the_imposer_a_proposal_or_negotiators_name(nlp, text, relations):
    assert policy_view(nlp, text)[1] == sorted(relations)


def test_an_export_tax_is_a_tariff(nlp):
    assert policy_view(nlp, "France imposed an export tax on Acme lumber.")[0] \
        == [("French tariffs on Acme lumber", "Tariff")]


def test_a_policy_is_not_on_its_imposer_named_by_initials():
    doc, state = parse(["Globex", "Trade", "Board", "support", "policies"], [2, 2, 4, 4, 4],
                       ["compound", "compound", "poss", "compound", "ROOT"],
                       {2: ("Globex Trade Board", "Organisation")})
    state.measures[4] = Measure("OtherPolicy", "support policy", None)
    state.nodes[4] = Node("support policy", "Measure", 4)
    board, policy = Node("Globex Trade Board", "Organisation", 2), state.nodes[4]
    found = [Found(board, "imposes", policy, doc[0:5], "imposer-modifier"),
             Found(policy, "targets", Node("GTB", "Organisation", 0), doc[0:5], "target-prep"),
             Found(policy, "targets", Node("Acme", "Organisation", 1), doc[0:5], "target-prep")]
    assert [(f.predicate, f.object.name) for f in resolve_policies(found, state)] == [
        ("imposes", "Globex Trade Board support policy on Acme and GTB"), ("targets", "Acme")]
