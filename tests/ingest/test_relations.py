"""Relation rules on small sentences, read by the real pinned model."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from newsgraph.ingest.documents import Article
from newsgraph.ingest.extract import extract
from newsgraph.ingest.names import lexicon, load_jsonl
from newsgraph.ingest.relations import (
    _SIGNATURE,
    PATTERN_FILES,
    RelationExtractor,
    _hedged,
    _only_bid,
    load_patterns,
    sequence_anchor,
)
from newsgraph.ontology import RELATIONS
from tests.ingest.relation_views import policy_view, triples


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Zhou Zixue, chairman of Acme Holdings, spoke on Monday.",
         [("Zhou Zixue", "chairs", "Acme Holdings")]),
        ("Nvidia CEO Jensen Huang spoke on Friday.", [("Jensen Huang", "leads", "Nvidia")]),
        # a name the model ran over a verb is two names; the role the verb gives "as" makes
        # its object a person, and a title's own "of" says whose role it is
        ("Alphabet named Sundar Pichai as chief executive of Google.",
         [("Sundar Pichai", "leads", "Google")]),
        ("Maria Lopez, an analyst at Morgan Stanley, said demand was strong.",
         [("Maria Lopez", "worksFor", "Morgan Stanley")]),
        # the parser splits this one: the token sequence still reads it
        ('Electronic Industries Association of Japan (EIAJ) Chairman Shoichi Saba stated: '
         '"EIAJ believes that it is premature."',
         [("Shoichi Saba", "chairs", "Electronic Industries Association of Japan")]),
        ("US President Donald Trump lashed out at Taiwan.",
         [("Donald Trump", "leads", "United States"), ("Donald Trump", "opposes", "Taiwan")]),
        # a company title given alone: the organisation of the sentence, else the one in focus
        ("Citigroup will cut jobs, Chief Executive Jane Doe said.",
         [("Jane Doe", "leads", "Citigroup")]),
        ("Ford Motor Co sold more cars in May. Chief Financial Officer John Roe said costs rose.",
         [("John Roe", "worksFor", "Ford Motor Co")]),
        # board members and deputies of the chair; a title in the plural is each person's
        ("Acme Corp said board members Jane Doe and John Roe would speak.",
         [("Jane Doe", "memberOf", "Acme Corp"), ("John Roe", "memberOf", "Acme Corp")]),
        ("Acme Corp said deputy chairman Jane Doe would speak.",
         [("Jane Doe", "memberOf", "Acme Corp")]),
        # seats on a board or a committee
        ("Jane Doe will serve on Acme Corp's board.", [("Jane Doe", "memberOf", "Acme Corp")]),
        ("The firm removed Acme board member Jane Doe from the trust.",
         [("Jane Doe", "memberOf", "Acme")]),
        ("Jane Doe is a member of the advisory board of Acme Corp.",
         [("Jane Doe", "memberOf", "Acme Corp.")]),
        ("Jane Doe will serve on the Acme Corp Managing Committee.",
         [("Jane Doe", "memberOf", "Acme Corp Managing Committee")]),
        # papers served on a company are no seat
        ("The agency sought to enforce summonses served on Acme Corp.", []),
        # "the board" joined is that of the organisation that says so
        ("Acme Corp said Jane Doe will join the board.", [("Jane Doe", "memberOf", "Acme Corp")]),
        # a role said to be past is none
        ("Jane Doe, a former member of Acme Corp's board, spoke.", []),
        ("Jane Doe, former chairman of Acme Corp, spoke.", []),
        # a title in the singular is the first person's alone
        ("Acme Corp said chairman Jane Doe and John Roe would speak.",
         [("Jane Doe", "chairs", "Acme Corp")]),
        # a company the model does not tag, before a title; one title of several words
        ('"It is complex," said ASML Chief Executive Peter Wenninck in a video.',
         [("Peter Wenninck", "leads", "ASML")]),
        ("On a call, Qualcomm Chief Executive Officer Steve Mollenkopf said demand was weak.",
         [("Steve Mollenkopf", "leads", "Qualcomm")]),
        ("Acme Corp Chairman and Chief Executive John Smith spoke.",
         [("John Smith", "chairs", "Acme Corp"), ("John Smith", "leads", "Acme Corp")]),
        # joining a board, or named to one
        ("David Humphrey will join Symantec's board as the firm agreed to invest.",
         [("David Humphrey", "memberOf", "Symantec")]),
        ("Jane Doe joined the board of Acme Corp in 2010.",
         [("Jane Doe", "memberOf", "Acme Corp")]),
        ("John Smith was elected to Globex Inc's board last year.",
         [("John Smith", "memberOf", "Globex Inc")]),
        # a political title names no organisation
        ("President Joe Biden said Intel would get a grant.", []),
        # a company's membership of an association: said in apposition, or by joining it
        ("Acme Corp, a member of the Semiconductor Industry Association, said so.",
         [("Acme Corp", "memberOf", "Semiconductor Industry Association")]),
        ("Globex Inc joined the Global Chip Alliance.",
         [("Globex Inc", "memberOf", "Global Chip Alliance")]),
        ("Jane Doe joined Acme Corp in 2010.", []),
        # the name right after a title; a phrase of one name is not its conjunct's; a past
        # role said by "formerly", "ex-" or "former" before the organisation is none
        ("Acme Corp's president Bob Stone and Globex Inc's chairman Ann Lee met.",
         [("Bob Stone", "leads", "Acme Corp")]),
        ("Tom Brown of Reuters and Mary Lee of Goldman Sachs spoke.",
         [("Mary Lee", "worksFor", "Goldman Sachs"), ("Tom Brown", "worksFor", "Reuters")]),
        ("Analysts Tom Brown of Reuters and Mary Lee said the deal was good.",
         [("Tom Brown", "worksFor", "Reuters")]),
        ("Bob Stone, formerly of Acme Corp, joined Globex Inc.", []),
        ("Former Acme Corp chairman Bob Stone said.", []),
        # each of a title's conjuncts is a role
        ("Juergen Dormann has been named chairman and chief executive officer of Hoechst "
         "Celanese Corp.",
         [("Juergen Dormann", "chairs", "Hoechst Celanese Corp."),
          ("Juergen Dormann", "leads", "Hoechst Celanese Corp.")]),
        # a legal form's full stop that ends a sentence ends it
        ("Jane Doe is the chief executive of Globex Corp. She said so.",
         [("Jane Doe", "leads", "Globex Corp.")]),
        # a king, an emir or a sultan leads the country the text names with the title
        ("King Oberon of Norway said on Monday that his government would buy a stake.",
         [("King Oberon", "leads", "Norway")]),
        ("Norway's King Oberon said on Monday that his government would buy a stake.",
         [("King Oberon", "leads", "Norway")]),
        ("Peru's President Jane Doe said on Monday that her government would buy a stake.",
         [("Jane Doe", "leads", "Peru")]),
        # a finance minister's title "chancellor" leads no country, a head's does
        ("Britain's finance chancellor Jane Doe said the economy would grow faster.", []),
        ("Germany's Chancellor Jane Doe said the economy would grow faster.",
         [("Jane Doe", "leads", "Germany")]),
        ("Sheikh Zayed bin Acme, the emir of Qatar, said the country would invest in the port.",
         [("Zayed bin Acme", "leads", "Qatar")]),
        # a possessive before a title before a name; run by; a person "of" an organisation
        ("At the meeting, Acme's president Fred Lyons Jr. said estimates were low.",
         [("Fred Lyons Jr.", "leads", "Acme")]),
        ("Acme Corp, run by Jack Dorsey, held an initial public offering in November.",
         [("Jack Dorsey", "leads", "Acme Corp")]),
        ("Richard Hornick of the University of Rochester School of Medicine reviewed studies.",
         [("Richard Hornick", "worksFor", "University of Rochester School of Medicine")]),
        # the head of a department works for the company; of the company, leads it
        ("The address was assigned to Lyft's technology chief, Chris Lambert.",
         [("Chris Lambert", "worksFor", "Lyft")]),
        ("James Mackey, BlackBerry's head of corporate development, said so.",
         [("James Mackey", "worksFor", "BlackBerry")]),
        ("Jane Doe, head of Acme Corp, said so.", [("Jane Doe", "leads", "Acme Corp")]),
        # a board's chair or member; a judge, a principal
        ("Reid Hoffman, chairman of LinkedIn's board, said the deal has his support.",
         [("Reid Hoffman", "chairs", "LinkedIn")]),
        ("Santa Clara Superior Court Judge James Kleinberg ruled that there was a contract.",
         [("James Kleinberg", "worksFor", "Santa Clara Superior Court")]),
        # a title held before is no role
        ("Jane Doe, former chairman of Acme Corp, said so.", []),
        ("Jane Doe, a former member of Acme Corp's management board, said so.", []),
        ("Acme Corp grew, former Chief Executive Jane Doe said.", []),
        ("Jane Doe, the former chief executive and director of Acme Corp, said so.", []),
        # the name nearest the title, not what a relative pronoun before it stands for
        ("Acme Inc said it has invested $1 billion in ride-hailing service Globex Corp, a move "
         "that Acme Chief Executive Jane Doe said would help.",
         [("Acme Inc", "investsIn", "Globex Corp"), ("Jane Doe", "leads", "Acme Inc")]),
        # a title with the organisation before it, in apposition; "for", "at" and "from"
        ("Jurgen Schrempp, the DaimlerChrysler chief executive, resigned.",
         [("Jurgen Schrempp", "leads", "DaimlerChrysler")]),
        ("Tom Jones, a spokesman for Ford, said sales fell.", [("Tom Jones", "worksFor", "Ford")]),
        ("John Smith from Deutsche Bank said the market would rise.",
         [("John Smith", "worksFor", "Deutsche Bank")]),
        ("Smith met Jones at Goldman Sachs.", []),
        ("A Ford spokesman, Tom Jones, said sales fell.", [("Tom Jones", "worksFor", "Ford")]),
        ("Ford's former chief executive, Alan Mulally, said sales fell.", []),
        ("The chief executive of Ford, Alan Mulally, said sales fell.",
         [("Alan Mulally", "leads", "Ford")]),
        # a country's leaders hold a country's titles, not a company's
        ("Tony Blair, the British prime minister, said so.",
         [("Tony Blair", "leads", "United Kingdom")]),
        ("French chief executive Jean Dupont said so.", []),
        ("Kofi Annan, the UN secretary-general, said so.", [("Kofi Annan", "leads", "UN")]),
        # roles said by verbs
        ("Jane Doe joined Google as chief financial officer.",
         [("Jane Doe", "worksFor", "Google")]),
        ("Jane Doe works for Google.", [("Jane Doe", "worksFor", "Google")]),
        # declined, no longer, used to: no role
        ("Jane Doe declined to join Ford as chief financial officer.", []),
        ("Jane Doe no longer works for Ford.", []),
        ("Jane Doe, who used to work for Ford, said so.", []),
        # a name read where it follows its title is read without its conjuncts
        ("A Ford spokesman, Tom Jones and Ann Lee attended.", [("Tom Jones", "worksFor", "Ford")]),
        ("Acme's president Bob Stone and Globex's chairman Ann Lee met.",
         [("Ann Lee", "chairs", "Globex"), ("Bob Stone", "leads", "Acme")]),
        ("Mark Hurd took over as chief executive of Hewlett-Packard.",
         [("Mark Hurd", "leads", "Hewlett-Packard")]),
        ("Jane Doe was promoted to chief executive of Globex Corp.",
         [("Jane Doe", "leads", "Globex Corp.")]),
        # titles joined before a name set off by commas are each the name's
        ("Honeywell chairman and chief executive officer, Edson Spencer, said the move is the "
         "last step.",
         [("Edson Spencer", "chairs", "Honeywell"), ("Edson Spencer", "leads", "Honeywell")]),
        ("Acme chairman and Globex chief executive, Jane Doe, said so.",
         [("Jane Doe", "chairs", "Acme")]),
        # who names someone to a title may be the speaker, as "it" ("X said it named Y as")
        ("Acme Corp said it named Bob Stone as vice chairman.",
         [("Bob Stone", "memberOf", "Acme Corp")]),
        ("Globex Inc said on Monday it named Jane Doe as president.",
         [("Jane Doe", "leads", "Globex Inc")]),
        # a title coordinated with it that says whose it is is not the appointer's
        ("Acme Corp said it named Bob Stone as vice chairman and head of a newly designated "
         "retail banking group.",
         [("Bob Stone", "memberOf", "Acme Corp")]),
        # a title before the name, and whose it is after it; the head's title says more
        ("President Ivan Petrov of Russia refused to attend the summit.",
         [("Ivan Petrov", "leads", "Russia")]),
        ("Chief Executive Jane Doe of Acme Corp said sales rose.",
         [("Jane Doe", "leads", "Acme Corp")]),
        # the chief of a field of the company works for it; the body's own chief heads it
        ("Acme Corp's autonomous-driving chief, Erik Lund, said tests went well.",
         [("Erik Lund", "worksFor", "Acme Corp")]),
        ("Erik Lund, Acme Corp's finance chief, said sales rose.",
         [("Erik Lund", "worksFor", "Acme Corp")]),
        ("Acme Corp chief Erik Lund said sales rose.", [("Erik Lund", "leads", "Acme Corp")]),
        # the titles of the lemma family of jobs, an agency's head
        ("Associated Press writer Jane Roe contributed to this report.",
         [("Jane Roe", "worksFor", "Associated Press")]),
        ("Acme general counselor Tom Jones said the suit has no merit.",
         [("Tom Jones", "worksFor", "Acme")]),
        ("EPA Administrator Ann Lee said the rule stands.", [("Ann Lee", "leads", "EPA")]),
        # every word of a title is the title's: a run of titles before a name reads as one
        ("Acme Corp senior vice-president Jane Doe told a press conference.",
         [("Jane Doe", "worksFor", "Acme Corp")]),
        ("Acme Corp President and Chief Operating Officer Jane Doe said sales rose.",
         [("Jane Doe", "leads", "Acme Corp")]),
        ("Acme Corp head of technology Jane Doe said sales rose.",
         [("Jane Doe", "worksFor", "Acme Corp")]),
        # a seat on a board said with a copula
        ("Jane Doe is now a director on Acme's board.", [("Jane Doe", "memberOf", "Acme")]),
        ("Jane Doe will become a director on the board of Acme Corp.",
         [("Jane Doe", "memberOf", "Acme Corp.")]),
        # an appointment whose title names no organisation: the appointer's, or the one of
        # the clause it is said in, or the one the text is about
        ("Acme Corp said Jane Doe was named president.", [("Jane Doe", "leads", "Acme Corp")]),
        ("Acme Corp said John Roe has been appointed chief financial officer.",
         [("John Roe", "worksFor", "Acme Corp")]),
        ("Acme Corp reported higher profits. Jane Doe was named president and chief "
         "executive officer.", [("Jane Doe", "leads", "Acme Corp")]),
        ("Jane Doe was not named president of Acme Corp.", []),
        # not one the sentence before names with another, one only supposed, nor a past one
        # told in a relative clause
        ("Acme Corp sued Globex Inc on Monday. Jane Doe was appointed chief executive on "
         "Tuesday.", [("Acme Corp", "opposes", "Globex Inc")]),
        ("Acme Corp said Jane Doe would be appointed chief executive if the merger with Globex "
         "Inc goes through.", []),
        ("Acme Corp said Jane Doe, who was appointed chief executive in 2001, had left.", []),
        # a governor leads a bank, and is a member of a board of governors
        ("Bank of Japan Governor Robert Smith said rates would stay low.",
         [("Robert Smith", "leads", "Bank of Japan")]),
        ("Robert Smith, governor of the Reserve Bank of India, said rates would stay low.",
         [("Robert Smith", "leads", "Reserve Bank of India")]),
        ("Federal Reserve Governor Robert Smith said rates would stay low.",
         [("Robert Smith", "memberOf", "Federal Reserve")]),
        ("Jane Doe, deputy governor of the Bank of Freedonia, said rates would rise.",
         [("Jane Doe", "memberOf", "Bank of Freedonia")]),
        # who heads a part of an organisation works for it
        ("Robert Smith, who leads Deloitte's incident response team, said the breach was "
         "contained.", [("Robert Smith", "worksFor", "Deloitte")]),
        # a party's adjective before a member of parliament names the party
        ("The Conservative Party said it would vote for the bill. Jane Doe, a Conservative "
         "MP, said the bill was fair.", [("Jane Doe", "memberOf", "Conservative Party")]),
        # the possessive on a noun coordinated with a name is that name's
        ("Globex Inc sued Acme Corp and its chairman, John Roe, on Monday.",
         [("Globex Inc", "opposes", "Acme Corp"), ("John Roe", "chairs", "Acme Corp")]),
    ],
)
def test_roles(nlp, text, expected):
    assert triples(nlp, text) == sorted(expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Luxembourg-based Frontier Metals announced a deal.",
         [("Frontier Metals", "basedIn", "Luxembourg")]),
        ("German carmaker Volkswagen reported results.",
         [("Volkswagen", "basedIn", "Germany")]),
        # where shares trade says nothing of where a company is based
        ("Hong Kong-listed Acme Holdings reported results.", []),
        # the parser reads "NEC Corp of Japan's system" as "of (Japan's system)"
        ("Officers relied on NEC Corp of Japan's fingerprinting system.",
         [("NEC Corp", "basedIn", "Japan")]),
        # a nationality word however deep among the words before a name
        ("Nokia bid for French network gear rival Alcatel-Lucent.",
         [("Alcatel-Lucent", "basedIn", "France")]),
        ("Globex bought U.K.-based cyber security consultancy Encription.",
         [("Encription", "basedIn", "United Kingdom")]),
        # a city and its country; the name ends before "of"
        ("The contract went to Vertex Rocketry Inc of Canoga Park, California.",
         [("Vertex Rocketry Inc", "basedIn", "United States")]),
        ("The sales included computers made by Vertex Rocketry Inc of Maynard, Mass.",
         [("Vertex Rocketry Inc", "basedIn", "United States")]),
        # after any legal form, where a town's state follows ("Co" may go on: "Trust Co of X")
        ("The sales included computers made by Vertex Rocketry Co of Maynard, Mass.",
         [("Vertex Rocketry Co", "basedIn", "United States")]),
        # a modifier read on one name is its conjunct's only if that has none of its own
        ("Norway's Velmora and Sweden's Tarkon reported results.",
         [("Tarkon", "basedIn", "Sweden"), ("Velmora", "basedIn", "Norway")]),
        ("Japan's Toshiba and Sony reported results.",
         [("Sony", "basedIn", "Japan"), ("Toshiba", "basedIn", "Japan")]),
        # the plural of a noun that says what a company is
        ("German carmakers Volkswagen and BMW reported results.",
         [("BMW", "basedIn", "Germany"), ("Volkswagen", "basedIn", "Germany")]),
        # a nationality on what the name is said to be, whatever the noun
        ("Kestrel Systems, a South Korean online publication, said sales rose.",
         [("Kestrel Systems", "basedIn", "South Korea")]),
        # a dateline's place is no country of the name after it, nor a name's own word
        ("WASHINGTON Volkswagen AG will pay $1 billion.", []),
        ("American Hoechst named a new chairman.", []),
        # a town that stands for no government still names where a company is
        ("Seattle-based Amazon said sales rose.", [("Amazon", "basedIn", "United States")]),
        ("Apple, based in Cupertino, California, said sales rose.",
         [("Apple", "basedIn", "United States")]),
        # the state or country after a town says whose it is ("Paris, Texas")
        ("Acme Corp, based in Surrey, England, said sales rose.",
         [("Acme Corp", "basedIn", "United Kingdom")]),
        ("Acme Corp, based in Paris, Texas, said sales rose.",
         [("Acme Corp", "basedIn", "United States")]),
        # where another is based is not where the company is
        ("Acme Corp, whose lawyer is based in Leipzig, said so.", []),
        # but not where it does something, nor where towns of two countries share the name
        ("Amazon opened an office in Seattle.", []),
        ("The Santa Clara-based tech giant Nvidia said sales rose.", []),
        # any maker of things is a firm
        ("Boeing, the Chicago-based planemaker, said orders rose.",
         [("Boeing", "basedIn", "United States")]),
        # a plural description of organisations listed is each one's
        ("Its Thai partners are Sittipol Motor Co and Chaiyo Motor Industries Co Ltd.",
         [("Chaiyo Motor Industries Co Ltd.", "basedIn", "Thailand"),
          ("Sittipol Motor Co", "basedIn", "Thailand")]),
        ("Renault and Nissan, both of France and Japan, said sales rose.", []),
        # the apostrophe of a plural country's possessive is no quotation mark
        ("Globex has joined bidders for shares of the Philippines' largest food and beverage "
         "maker Hooli Corp, the head of a panel said.",
         [("Hooli Corp", "basedIn", "Philippines")]),
        # a description in apposition the parser reads as a second subject of the clause
        ("A spokesman said that Hooli Ltd, an Australian firm owned 30 pct by Initech Ltd, "
         "was planning a branch.",
         [("Hooli Ltd", "basedIn", "Australia"), ("Initech Ltd", "investsIn", "Hooli Ltd")]),
        ("Merrill Lynch and Co Inc and Pacific Telesis International Inc, both of the U.S., "
         "hold shares.",
         [("Merrill Lynch and Co Inc", "basedIn", "United States"),
          ("Pacific Telesis International Inc", "basedIn", "United States")]),
        # read as written where names holding "and" mislead the parser; not a mixed list
        ("The rest, he said, comes from <Acme and Co Ltd>, <Globex Corp> and <Initech Corp>, "
         "three Japanese trading firms.",
         [("Acme and Co Ltd", "basedIn", "Japan"), ("Globex Corp", "basedIn", "Japan"),
          ("Initech Corp", "basedIn", "Japan")]),
        ("Acme and Co Inc <ACM> and Globex International Inc <GLX>, both of the U.S., Hold "
         "shares.",
         [("Acme and Co Inc", "basedIn", "United States"),
          ("Globex International Inc", "basedIn", "United States")]),
        ("The deal was signed by John Smith, Acme Corp and Globex Inc, both of the U.S.", []),
        # a description written just before a name, where a list misleads the parser; a noun
        # in the plural describes each name listed after it, one in the singular only the first
        ("Initech already counts Goldman Sachs, South African telecoms group MTN and "
         "Germany's Rocket Internet among its shareholders.",
         [("Goldman Sachs", "investsIn", "Initech"), ("MTN", "basedIn", "South Africa"),
          ("MTN", "investsIn", "Initech"), ("Rocket Internet", "basedIn", "Germany"),
          ("Rocket Internet", "investsIn", "Initech")]),
        # a list "A, B and C" read as B in apposition to A, C a conjunct of B: all of them
        ("Globex Corp counts Acme Corp, Initech Inc and Hooli Inc among its shareholders.",
         [("Acme Corp", "investsIn", "Globex Corp"), ("Hooli Inc", "investsIn", "Globex Corp"),
          ("Initech Inc", "investsIn", "Globex Corp")]),
        ("The deal with Japanese carmakers Toyota, Nissan and Honda was signed.",
         [("Honda", "basedIn", "Japan"), ("Nissan", "basedIn", "Japan"),
          ("Toyota", "basedIn", "Japan")]),
        ("The deal with Japanese carmaker Toyota and Goldman Sachs was signed.",
         [("Toyota", "basedIn", "Japan")]),
        # "based in" after a description of the organisation: in apposition to its name, or
        # its complement after "is"; a town, then the state or country it is in
        ("Wexley Capital, a private investment firm based in Paris, said it would bid.",
         [("Wexley Capital", "basedIn", "France")]),
        ("Wexley Capital is a private investment firm based in Morristown, New Jersey.",
         [("Wexley Capital", "basedIn", "United States")]),
        ("Wexley Capital is based in Morristown, New Jersey.",
         [("Wexley Capital", "basedIn", "United States")]),
        ("Wexley Capital hired Jane Doe, a lawyer based in Paris.", []),
        # a description of what a company is, with its country, in apposition or after a copula
        ("Nippon Acme Co is Japan's largest insurance company.",
         [("Nippon Acme Co", "basedIn", "Japan")]),
        ("Acme Corp is the sixth largest U.S. bank holding company.",
         [("Acme Corp", "basedIn", "United States")]),
        ("Acme Corp, Japan's largest carmaker, said sales rose.",
         [("Acme Corp", "basedIn", "Japan")]),
        ("Acme Corp is Britain's competition regulator.", []),
        # a counted plural description with a country word names again as many organisations
        # coordinated before it
        ("Acme Corp and Globex Corp will sell their stake in Initech, spokesmen for the two "
         "Japanese companies said.",
         [("Acme Corp", "basedIn", "Japan"), ("Acme Corp", "investsIn", "Initech"),
          ("Globex Corp", "basedIn", "Japan"), ("Globex Corp", "investsIn", "Initech")]),
        ("Acme Corp sued Globex Corp, spokesmen for the two companies said.",
         [("Acme Corp", "opposes", "Globex Corp")]),
        # an organisation's headquarters, not a region's
        ("Acme Corp has its headquarters in Munich.", [("Acme Corp", "basedIn", "Germany")]),
        ("Protesters gathered outside Acme Corp's headquarters in Munich.",
         [("Acme Corp", "basedIn", "Germany")]),
        ("Directors met at Acme Corp's Cleveland headquarters on Thursday.",
         [("Acme Corp", "basedIn", "United States")]),
        ("Acme Corp's European headquarters in Paris will close.", []),
        ("Acme Corp's U.S. headquarters in Boston will close.", []),
        # a town and its state's abbreviation before "-based"
        ("The fund will buy 5.1 pct of Hartford, Conn.-based Initech Corp.",
         [("Initech Corp.", "basedIn", "United States")]),
        # the plural of a noun of what a company is, as the first words of a sentence
        ("French companies Acme Petroles SA and Globex Industries SA were not offered "
         "licences.",
         [("Acme Petroles SA", "basedIn", "France"),
          ("Globex Industries SA", "basedIn", "France")]),
        # a unit, a venture or a newspaper described by its country or its base beside its name
        ("The group sold its Swiss bank subsidiary, Banca Rossa, last year.",
         [("Banca Rossa", "basedIn", "Switzerland")]),
        ("Its Indian joint venture Maruti Motors Ltd will cut imports.",
         [("Maruti Motors Ltd", "basedIn", "India")]),
        ("The Ohio-based medical division Picker Systems said sales rose.",
         [("Picker Systems", "basedIn", "United States")]),
        ("Kenya's Daily Nation newspaper said sales rose.", [("Daily Nation", "basedIn", "Kenya")]),
        # the name before "unit" is its owner's, not the unit's
        ("Globex bought the U.S. Initech unit from Acme.", []),
        # a country's possessive says the base, whatever the parser hangs on the name
        ("Initech counts South African telecoms group Quorvex and Germany's Rocket Labs among "
         "its shareholders.",
         [("Quorvex", "basedIn", "South Africa"), ("Rocket Labs", "basedIn", "Germany")]),
        # a hyphenated compound among the words of the description
        ("Acme is investing $300 million in Israeli ride-hail startup Globex.",
         [("Globex", "basedIn", "Israel")]),
    ],
)
def test_based_in(nlp, text, expected):
    assert triples(nlp, text) == sorted(expected)


def test_nationality_word_becomes_a_country_entity_when_a_relation_uses_it(nlp):
    articles = [Article.from_text("German carmaker Volkswagen reported results.", source="a"),
                Article.from_text("Chinese officials met German officials.", source="b")]
    used, unused = extract(articles, nlp)
    assert [(e.name, e.type, e.aliases) for e in used.entities if e.type == "Country"] == [
        ("Germany", "Country", ("German",))
    ]
    assert unused.entities == ()


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Huawei was blacklisted by the United States.",
         [("United States", "sanctions", "Huawei")]),
        ("Toyota acquired Subaru in a deal.", [("Toyota", "investsIn", "Subaru")]),
        # owned by, after a copula
        ("Regulators looked at logistics firm Cainiao Network, which is around 47 "
         "percent-owned by Alibaba.",
         [("Alibaba", "investsIn", "Cainiao Network")]),
        ("Sprint Corp, which is majority owned by SoftBank Group Corp, expects a profit.",
         [("SoftBank Group Corp", "investsIn", "Sprint Corp")]),
        # a relative pronoun after a description in apposition stands for the name
        ("National Amusements Inc, the movie company which owns a stake in CBS, said nothing.",
         [("National Amusements Inc", "investsIn", "CBS")]),
        ("Foxconn's display-making affiliate Innolux Corp will benefit from the deal.",
         [("Foxconn", "investsIn", "Innolux Corp")]),
        ("Foxconn subsidiary FIH Mobile Ltd said profit may fall.",
         [("Foxconn", "investsIn", "FIH Mobile Ltd")]),
        # "they" stands for every name coordinated where it was named
        ("Toyota Motor Corp and Uber said they would partner to explore ridesharing.",
         [("Toyota Motor Corp", "partnersWith", "Uber")]),
        ("Intel will form a joint venture with Samsung.",
         [("Intel", "partnersWith", "Samsung")]),
        ("Intel sells chips to Dell.", [("Intel", "supplies", "Dell")]),
        # selling stores is a divestment, not a supply; the rival is named
        # what a named company has is an asset sold, not goods supplied
        # (the station is RKO's: a holding, as "X's unit")
        ("GenCorp agreed to sell RKO's KHJ-TV station to Walt Disney Co for 217 mln dlrs.",
         [("RKO", "investsIn", "KHJ-TV")]),
        ("French retailer Casino has agreed to sell six of its stores to domestic rival Leclerc.",
         [("Casino", "basedIn", "France"), ("Casino", "competesWith", "Leclerc")]),
        # negated or hypothetical clauses state nothing
        ("If Canada banned Huawei, China would retaliate.", []),
    ],
)
def test_verbs(nlp, text, expected):
    assert triples(nlp, text) == sorted(expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Apple's suppliers include Foxconn and Pegatron.",
         [("Foxconn", "supplies", "Apple"), ("Pegatron", "supplies", "Apple")]),
        ("Acme Corp uses Nvidia chips in its servers.", [("Nvidia", "supplies", "Acme Corp")]),
        # a customer's name before "supplier" says whom the name after it supplies
        ("Apple supplier Foxconn hired 10,000 workers.", [("Foxconn", "supplies", "Apple")]),
        ("Nvidia supplier TSMC raised prices.", [("TSMC", "supplies", "Nvidia")]),
        # a company named after a province is no person, whatever the model says
        ("Micron Technology sued United Microelectronics Corp and Fujian Jinhua.",
         [("Micron Technology", "opposes", "Fujian Jinhua"),
          ("Micron Technology", "opposes", "United Microelectronics Corp")]),
        # a name that starts with a country says where the body is based, unless it is a
        # public body (whose it is)
        # a country in a name says nothing of where it is, as the annotation reads it
        ("The Chinese Ministry of Commerce met the Japan Semiconductor Association.", []),
        ("Washington took steps to limit the growth of Chinese champions such as Huawei "
         "and ZTE.",
         [("Huawei", "basedIn", "China"), ("United States", "sanctions", "Huawei"),
          ("United States", "sanctions", "ZTE"), ("ZTE", "basedIn", "China")]),
        # a nickname in quotes is not the company
        ('Moore Threads, hailed as China\'s "little Nvidia", unveiled two chips.', []),
        ("US officials said Apple sold chips.", []),
        ("Epic Games filed a lawsuit against Apple in California.",
         [("Epic Games", "opposes", "Apple")]),
        # litigation and legal proceedings are lawsuits too
        ("Acme Corp launched litigation against Globex Inc over the patents.",
         [("Acme Corp", "opposes", "Globex Inc")]),
        ("Acme Corp began legal proceedings against Globex Inc over the patents.",
         [("Acme Corp", "opposes", "Globex Inc")]),
        ("Nexperia, a subsidiary of Wingtech, makes chips.",
         [("Wingtech", "investsIn", "Nexperia")]),
        ("Mazda is a unit of Ford.", [("Ford", "investsIn", "Mazda")]),
        # owning and controlling, whatever the verb's form
        ("Yukos, which owns Yuganskneftegaz, faces a tax bill.",
         [("Yukos", "investsIn", "Yuganskneftegaz")]),
        # controlling is said of governments and parties as much as of owners
        ("The Democratic Party controls Congress.", []),
        ("Nestle-owned Perrier said sales fell.", [("Nestle", "investsIn", "Perrier")]),
        ("Siemens owns a plant in Texas.", []),
        # a holding ended, or one a condition waits on, is none
        ("Sony no longer owns Columbia Pictures.", []),
        ("Sony would own Columbia Pictures if the deal closes.", []),
        # what one denies, may do or has no plans to do, and a thing said to be none, state
        # nothing; a role named in a clause that may happen is held all the same
        ("Japan has no plans to halt trade with Iran, the minister said.", []),
        ("Japan denied it would halt trade with Iran.", []),
        ("Britain may cut trade ties with Argentina, officials said.", []),
        ("There is no dispute between Exxon Corp and Mobil Corp, a spokesman said.", []),
        ("Apple Computer Inc said it had no agreement with IBM Corp.", []),
        ("Texaco denied it faces a lawsuit from Pennzoil Co.", []),
        ("Taiwan's leader William Lai might still visit Japan.",
         [("William Lai", "leads", "Taiwan")]),
        ("Sony is the largest shareholder of Columbia Pictures.",
         [("Sony", "investsIn", "Columbia Pictures")]),
        ("Walmart's Asda chain said sales rose.", [("Walmart", "investsIn", "Asda")]),
        ("Intel's acquisition of Altera closed in December.",
         [("Intel", "investsIn", "Altera")]),
        ("Acme Corp won a contract from Globex Corp to build missiles.",
         [("Acme Corp", "supplies", "Globex Corp")]),
        ("The Pentagon awarded Boeing a contract for tankers.",
         [("Boeing", "supplies", "Pentagon")]),
        ("Ryanair ordered 100 jets from Boeing.", [("Boeing", "supplies", "Ryanair")]),
        ("Texas Instruments said it provides processors for Acme Corp.",
         [("Texas Instruments", "supplies", "Acme Corp.")]),
        # financing provided for a company is no sale
        ("Acme Corp provided financing for Globex Inc.", []),
        ("Toyota is the biggest customer of Denso.", [("Denso", "supplies", "Toyota")]),
        ("Toyota and Panasonic signed an agreement to build batteries.",
         [("Toyota", "partnersWith", "Panasonic")]),
        ("Sony and Honda will collaborate on electric cars.",
         [("Sony", "partnersWith", "Honda")]),
        # an agreement to sell is a supply, not a partnership
        ("Samsung and Qualcomm signed a supply agreement.", []),
        ("China accused the United States of bullying.",
         [("China", "opposes", "United States")]),
    ],
)
def test_lists_and_trade(nlp, text, expected):
    assert triples(nlp, text) == sorted(expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Microsoft and Google clashed over cloud pricing on Monday.",
         [("Google", "opposes", "Microsoft"), ("Microsoft", "opposes", "Google")]),
        ("Microsoft and Google met to discuss a dispute.", []),
        # no longer at odds; at odds with a third party, not each other
        ("Microsoft and Google are no longer at loggerheads.", []),
        ("Microsoft and Google are at odds with regulators.", []),
        # a possessive rival named in apposition
        ("Boeing's main competitor Airbus said orders rose.",
         [("Boeing", "competesWith", "Airbus")]),
        ("Ford said its rival, General Motors, cut prices.",
         [("Ford", "competesWith", "General Motors")]),
        ("Nissan's partner, Renault, said sales rose.", [("Nissan", "partnersWith", "Renault")]),
        ("Apple's biggest customer, Verizon, said sales rose.",
         [("Apple", "supplies", "Verizon")]),
        # agreeing to merge is a merger; refusing to is none
        ("Daimler and Chrysler agreed to merge.", [("Daimler", "partnersWith", "Chrysler")]),
        ("Daimler and Chrysler refused to merge.", []),
        # parties at odds may be of two kinds
        ("The EU and the US are at loggerheads over aircraft subsidies.",
         [("EU", "opposes", "United States"), ("United States", "opposes", "EU")]),
        # taking a party to court, or to a body that judges
        ("Nokia has taken Apple to court.", [("Nokia", "opposes", "Apple")]),
        ("The US has taken the EU to the World Trade Organization over beef.",
         [("United States", "opposes", "EU")]),
        ("She took the delegation to the World Bank.", []),
        # a verb of criticising or disputing whatever a party owns opposes the party
        ("Acme Corp has been disputing Globex Inc's patent rights since 2012.",
         [("Acme Corp", "opposes", "Globex Inc")]),
        ("Acme Corp criticised Globex Inc's accounting on Monday.",
         [("Acme Corp", "opposes", "Globex Inc")]),
        # a party said or alleged to have done wrong is accused by the speaker, unless denied
        ("Acme Corp alleged that Globex Inc violated the contract.",
         [("Acme Corp", "opposes", "Globex Inc")]),
        ("Acme Corp said Globex Inc had infringed its patents.",
         [("Acme Corp", "opposes", "Globex Inc")]),
        ("Acme Corp said Globex Inc did not violate the contract.", []),
        # complaining about a party or its action; the body complained to is no party
        ("Germany complained about France's decision.", [("Germany", "opposes", "France")]),
        ("Airbus complained to the World Trade Organization about Boeing.",
         [("Airbus", "opposes", "Boeing")]),
        # a party adjective before a politician names the party
        ("Democratic Senator Maria Lopez criticised the deal.",
         [("Maria Lopez", "memberOf", "Democratic Party")]),
        # a party's initial and a US state in brackets after a politician's name
        ("The plan was criticised by Senator John Doe (D-Ohio) on Monday.",
         [("John Doe", "memberOf", "Democratic Party")]),
        # or set off by commas; an organisation's name gives no party
        ("The plan was criticised by Senator John Doe, D-N.Y., on Monday.",
         [("John Doe", "memberOf", "Democratic Party")]),
        ("The plan was criticised by Globex Corp, D-Ohio, on Monday.", []),
        # a singular description in apposition is its own name's, a plural one each name's
        ("Jane Doe, chief executive of Acme Corp, and John Roe said the ruling was wrong.",
         [("Jane Doe", "leads", "Acme Corp")]),
        ("Jane Doe and John Roe, partners at Acme LLP, said the ruling was wrong.",
         [("Jane Doe", "worksFor", "Acme LLP"), ("John Roe", "worksFor", "Acme LLP")]),
        # each initial is its own name's, not its conjunct's
        ("Jane Doe (D-N.Y.) and John Roe (R-Ohio) co-sponsored the bill.",
         [("Jane Doe", "memberOf", "Democratic Party"),
          ("John Roe", "memberOf", "Republican Party")]),
        ("John Roe and Jane Doe, D-N.Y., said the bill would pass.",
         [("Jane Doe", "memberOf", "Democratic Party")]),
        # a party's noun in apposition to a person's name
        ("Jane Roe, a Vermont Democrat, criticised the deal.",
         [("Jane Roe", "memberOf", "Democratic Party")]),
        ("Jane Roe, a Vermont lawyer, criticised the deal.", []),
        # "the <role> of <organisation>, <name>,": the parser hangs the name on the
        # organisation; the name holds the role
        ("If approved, the president of Globex, Jane Doe, will be nominated as chairman.",
         [("Jane Doe", "leads", "Globex")]),
        # the subject of a predicate adjective does what its complement says
        ("Acme Corp is committed to working with Globex Corporation on chips.",
         [("Acme Corp", "partnersWith", "Globex Corporation")]),
        ("Samsung expanded capacity to meet demand from Apple.",
         [("Samsung", "supplies", "Apple")]),
        ("Samsung saw demand from Apple.", []),
        # a study by two bodies is their joint work; by one, it says nothing
        ("The findings come from a survey by the Brookings Institution and Stanford University.",
         [("Brookings Institution", "partnersWith", "Stanford University")]),
        ("A report by Goldman Sachs said Microsoft and Google would grow.", []),
        ("The Pentagon deployed Hooli's systems in the campaign.",
         [("Hooli", "supplies", "Pentagon")]),
        # fined an amount by a regulator, the parser hanging "by" on the amount
        ("Tarvex Corp was fined 497 million euros by the European Commission.",
         [("European Commission", "sanctions", "Tarvex Corp")]),
        # lawsuits and complaints, lobbying against, challenging a ruling, a hostile bid:
        # the guidelines' cases of opposition; no public body competes
        ("Globex Inc's lawsuit against Acme Corp was dismissed.",
         [("Globex Inc", "opposes", "Acme Corp")]),
        ("A complaint by Globex Inc against Acme Corp was filed in May.",
         [("Globex Inc", "opposes", "Acme Corp")]),
        ("Globex Inc lobbied against Acme Corp's merger with Initech.",
         [("Globex Inc", "opposes", "Acme Corp")]),
        ("Globex Inc will challenge the European Commission's ruling.",
         [("Globex Inc", "opposes", "European Commission")]),
        # who was forced to act is who a complaint was from opposes
        ("Acme Corp was forced to halt sales after a complaint from Globex Inc in May.",
         [("Globex Inc", "opposes", "Acme Corp")]),
        # challenging a company's patent is a legal challenge, no rivalry
        ("Globex Inc said it would challenge Acme Corp's patent.",
         [("Globex Inc", "opposes", "Acme Corp")]),
        ("Acme Corp rejected a hostile bid from Globex Inc on Monday.",
         [("Acme Corp", "opposes", "Globex Inc")]),
        ("Globex Inc's hostile bid for Acme Corp failed.",
         [("Acme Corp", "opposes", "Globex Inc")]),
    ],
)
def test_opposition_membership_and_trade(nlp, text, expected):
    assert triples(nlp, text) == sorted(expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        # verbs WordNet adds to the families of opposing (a hyponym of "disparage", a synonym
        # of "refute", a hyponym of "accuse"), of banning and of imposing
        ("Globex Inc denigrated Acme Corp.", [("Globex Inc", "opposes", "Acme Corp.")]),
        ("Globex Inc rebutted the claims of Acme Corp.",
         [("Globex Inc", "opposes", "Acme Corp.")]),
        ("Globex Inc upbraided Acme Corp over its prices.",
         [("Globex Inc", "opposes", "Acme Corp")]),
        ("Washington embargoed Acme Corp.", [("United States", "sanctions", "Acme Corp.")]),
        ("Germany proscribed Acme Corp.", [("Germany", "sanctions", "Acme Corp.")]),
        ("France ordained tariffs on Acme Corp's steel.",
         [("France", "imposes", "French tariffs on Acme Corp's steel"),
          ("French tariffs on Acme Corp's steel", "targets", "Acme Corp")]),
        # nouns it adds to those of opposition and of critics
        ("Acme Corp faced resistance from Globex Inc.", [("Globex Inc.", "opposes", "Acme Corp")]),
        ("Greenpeace, a vocal disparager of Acme Corp, protested on Monday.",
         [("Greenpeace", "opposes", "Acme Corp")]),
    ],
)
def test_words_wordnet_adds_to_a_family(nlp, text, expected):
    assert triples(nlp, text) == sorted(expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        # a verb WordNet adds to those of a ban: a measure of its own, which sanctions the party
        # whose goods it is on
        ("Germany proscribed sales of Acme Corp's phones.",
         ([("German ban on sales of Acme Corp's phones", "OtherPolicy")],
          [("Germany", "imposes", "German ban on sales of Acme Corp's phones"),
           ("Germany", "sanctions", "Acme Corp"),
           ("German ban on sales of Acme Corp's phones", "targets", "Acme Corp")])),
        # nouns it adds to those of tariffs (a hyponym of "duty") and of bans (a synonym)
        ("France imposed an impost on Acme Corp's steel.",
         ([("French tariffs on Acme Corp's steel", "Tariff")],
          [("France", "imposes", "French tariffs on Acme Corp's steel"),
           ("French tariffs on Acme Corp's steel", "targets", "Acme Corp")])),
        ("Germany announced a proscription on Acme Corp's phones.",
         ([("German ban on Acme Corp's phones", "OtherPolicy")],
          [("Germany", "imposes", "German ban on Acme Corp's phones"),
           ("Germany", "sanctions", "Acme Corp"),
           ("German ban on Acme Corp's phones", "targets", "Acme Corp")])),
    ],
)
def test_measures_wordnet_adds(nlp, text, expected):
    assert policy_view(nlp, text) == (sorted(expected[0]), sorted(expected[1]))


def test_challenging_a_standing_in_a_market_is_rivalry(nlp):
    relations = triples(nlp, "Globex Inc said it would challenge Acme Corp's dominance in phones.")
    assert ("Globex Inc", "competesWith", "Acme Corp") in relations


@pytest.mark.parametrize(
    "text, expected",
    [
        # besting a rival, or breaking its hold on a market, is rivalry
        ("Acme Corp sometimes beats broadcasters such as Globex Inc in the ratings race.",
         [("Acme Corp", "competesWith", "Globex Inc")]),
        ("Acme Corp outsold Globex Inc in Europe last year.",
         [("Acme Corp", "competesWith", "Globex Inc")]),
        ("Acme Corp is working to break Globex Inc's monopoly on military launches.",
         [("Acme Corp", "competesWith", "Globex Inc")]),
        # beating a forecast is no rivalry, nor a public body's ending a monopoly
        ("Acme Corp's results beat Globex Inc's forecast.", []),
        ("The European Commission wants to break Globex Inc's monopoly.", []),
    ],
)
def test_besting_a_rival(nlp, text, expected):
    assert triples(nlp, text) == sorted(expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        # names coordinated before a relative clause of a plural verb are its subjects
        ("Acme Corp and Globex Inc, which compete in the phone market, reported results.",
         [("Acme Corp", "competesWith", "Globex Inc")]),
        ("Acme Corp and Globex Inc, which compete with Initech Inc, reported results.",
         [("Acme Corp", "competesWith", "Initech Inc"),
          ("Globex Inc", "competesWith", "Initech Inc")]),
        # a singular verb's relative pronoun stands for the one name it follows
        ("Hooli Inc bought Acme Corp, which competes with Globex Inc in Europe.",
         [("Acme Corp", "competesWith", "Globex Inc"), ("Hooli Inc", "investsIn", "Acme Corp")]),
        ("Acme Corp and Globex Inc, which make phones, reported results.", []),
        # a verb of no number after the list's last name is said of the whole list
        ("Shares of Acme Corp and Globex Corp, which rose on the news, were traded.",
         [("Acme Corp", "roseOnNews", "@article"), ("Globex Corp", "roseOnNews", "@article")]),
        ("Shares of Acme Corp, Globex Corp and Initech Corp, which fell 8 to 17 percent, "
         "were traded.",
         [("Acme Corp", "fellOnNews", "@article"), ("Globex Corp", "fellOnNews", "@article"),
          ("Initech Corp", "fellOnNews", "@article")]),
        ("Acme Corp and Globex Inc, which agreed to merge last year, compete with Hooli Inc.",
         [("Acme Corp", "competesWith", "Hooli Inc."),
          ("Globex Inc", "competesWith", "Hooli Inc.")]),
        # a rival in apposition that has its owner is the owner's, not the clause subject's
        ("Hooli Corp invested $1 billion in Globex Inc, Acme Corp's biggest rival in China.",
         [("Acme Corp", "competesWith", "Globex Inc"), ("Hooli Corp", "investsIn", "Globex Inc")]),
    ],
)
def test_rivals_in_a_relative_clause(nlp, text, expected):
    assert triples(nlp, text) == sorted(expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        # a role or a holding a noun phrase names holds whatever its clause denies or supposes
        ("Acme Chief Executive Jane Doe did not comment.", [("Jane Doe", "leads", "Acme")]),
        ("Jane Doe, chief executive of Acme, did not return calls.",
         [("Jane Doe", "leads", "Acme")]),
        ("It was not clear what a deal would mean for Acme Chief Executive Jane Doe.",
         [("Jane Doe", "leads", "Acme")]),
        # a phrase the clause predicates is its claim, and is denied with it
        ("Jane Doe was not chief executive of Acme.", []),
        ("Jane Doe, who is not a member of the Labour Party, declined to comment.", []),
        # a measure a clause supposes is not imposed
        ("If U.S. tariffs on Globex Ltd chips were imposed, sales would fall.", []),
    ],
)
def test_what_a_noun_phrase_names_is_not_hedged_by_its_clause(nlp, text, expected):
    assert triples(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the parties that founded, sponsored, planned or own a body together are partners
        ("Money came from Hooli Fund, a partnership sponsored by Acme Corp and Initech Corp, "
         "the company said.", [("Acme Corp", "partnersWith", "Initech Corp")]),
        ("The new bank planned by Acme Corp and Initech Corp will open in May.",
         [("Acme Corp", "partnersWith", "Initech Corp")]),
        ("Hooli Fund was set up by Acme Corp and Initech Corp in 1990.",
         [("Acme Corp", "partnersWith", "Initech Corp")]),
        ("Globex Ltd is owned by Acme Corp, Initech Corp and Hooli Inc, it said.",
         [("Acme Corp", "investsIn", "Globex Ltd"), ("Acme Corp", "partnersWith", "Hooli Inc"),
          ("Acme Corp", "partnersWith", "Initech Corp"), ("Hooli Inc", "investsIn", "Globex Ltd"),
          ("Initech Corp", "investsIn", "Globex Ltd"),
          ("Initech Corp", "partnersWith", "Hooli Inc")]),
        # nor those that owned one once
        ("Globex Ltd was formerly owned by Acme Corp and Initech Corp, it said.", []),
        # what two own that is no body makes them no partners, nor one owner alone
        ("Shares owned by Acme Corp and Initech Corp will be sold.", []),
        ("Hooli Bank, owned by Acme Corp, said sales rose.",
         [("Acme Corp", "investsIn", "Hooli Bank")]),
    ],
)
def test_the_founders_of_a_body_are_partners(nlp, text, expected):
    assert triples(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a fight over a market, its customers or prices is rivalry, not a dispute
        ("Acme Corp is locked in a battle with Globex Inc for market share in China, it said.",
         [("Acme Corp", "competesWith", "Globex Inc")]),
        ("Acme Corp is locked in a battle with Globex Inc to gain market share in China.",
         [("Acme Corp", "competesWith", "Globex Inc")]),
        ("Acme Corp is fighting Globex Inc for customers in Europe.",
         [("Acme Corp", "competesWith", "Globex Inc")]),
        ("Acme Corp and Globex Inc are locked in a price war.",
         [("Acme Corp", "competesWith", "Globex Inc")]),
        # a fight over anything else stays a dispute
        ("Acme Corp is embroiled in a legal battle with Globex Inc over patents.",
         [("Acme Corp", "opposes", "Globex Inc")]),
        # shares issued and sales of a thing are no market's share
        ("Acme Corp is locked in a battle with Globex Inc over shares it says were issued "
         "illegally.", [("Acme Corp", "opposes", "Globex Inc")]),
        ("Acme Corp is fighting Globex Inc in court over sales of counterfeit parts.",
         [("Acme Corp", "opposes", "Globex Inc")]),
    ],
)
def test_a_fight_over_a_market_is_rivalry(nlp, text, expected):
    assert triples(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a person who is a partner at or with a firm works for it
        ("Jane Doe, a partner at law firm Acme LLP, said the deal would close.",
         [("Jane Doe", "worksFor", "Acme LLP")]),
        ("Jane Doe is a partner with Acme LLP, the firm said.",
         [("Jane Doe", "worksFor", "Acme LLP")]),
        ("Globex Capital partner Jane Doe said the deal would close.",
         [("Jane Doe", "worksFor", "Globex Capital")]),
        # a past partner no longer does, and companies partnering are partners, not staff
        ("Jane Doe, a former partner at Acme LLP, said the deal would close.", []),
        ("Acme Corp's partners Globex Inc and Initech Corp said the deal would close.",
         [("Acme Corp", "partnersWith", "Globex Inc"),
          ("Acme Corp", "partnersWith", "Initech Corp")]),
    ],
)
def test_a_partner_of_a_firm_works_for_it(nlp, text, expected):
    assert triples(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a company's brand, newspaper, channel or airline named is held as its unit is
        ("Acme Corp's luxury brand Globex Inc responded by developing a limousine.",
         [("Acme Corp", "investsIn", "Globex Inc")]),
        ("Globex Daily, the official newspaper of Acme Corp, said sales rose.",
         [("Acme Corp", "investsIn", "Globex Daily")]),
        ("Globex Inc is the news channel of Acme Corp, it said.",
         [("Acme Corp", "investsIn", "Globex Inc")]),
        # a network that names nothing is none
        ("Acme Corp's network of 400 million users grew.", []),
    ],
)
def test_a_companys_brand_or_title_is_held_by_it(nlp, text, expected):
    assert triples(nlp, text) == expected


def test_evidence_is_the_sentence_with_its_offsets_and_rule(nlp):
    text = "Markets were calm. Zhou Zixue, chairman of Acme Holdings, spoke on Monday."
    doc = nlp(text)
    (relation,) = doc._.ng_relations
    evidence = relation.evidence
    assert text[evidence.start:evidence.end].strip() == evidence.sentence
    assert evidence.sentence.startswith("Zhou Zixue")
    assert evidence.rule == "role-appos-of"


@pytest.mark.parametrize("name", PATTERN_FILES)
def test_pattern_files_are_well_formed(name):
    for line in load_patterns(name):
        if "sequence" in line:
            assert {"id", "predicate", "subject", "object"} <= set(line)
            continue
        assert "set" not in line, "word sets belong in lexicon.jsonl"
        assert "pattern" in line
        if "id" in line and "predicate" in line:
            ids = [node["RIGHT_ID"] for node in line["pattern"]]
            for end in (line["subject"], line["object"]):
                assert end == "@article" or end.lstrip("^") in ids, (line["id"], end)
        else:
            assert "label" in line


@pytest.mark.parametrize("name", [f"{n}.jsonl" for n in PATTERN_FILES] + ["entities.jsonl",
                                                                         "laws.jsonl"])
def test_token_patterns_repeat_a_token_a_bounded_number_of_times(name):
    # an unbounded "+" or "*" on a test most tokens pass keeps a partial match alive for every
    # token of a long run, and matching grows with the square of the run's length
    for line in load_jsonl(name):
        for key in ("pattern", "sequence"):
            tokens = line.get(key)
            if not isinstance(tokens, list) or not tokens or "RIGHT_ID" in tokens[0]:
                continue
            unbounded = [t for t in tokens if t.get("OP") in ("+", "*")
                         and set(t) - {"OP"} != {"IS_SPACE"}]
            assert unbounded == [], (line.get("id") or line.get("label"), unbounded)


def test_word_sets_are_named_once_in_the_lexicon():
    names = [line["set"] for line in load_jsonl("lexicon.jsonl")]
    assert len(names) == len(set(names))
    assert all(line["terms"] for line in load_jsonl("lexicon.jsonl"))


def test_a_missing_word_set_is_an_error():
    # the relation modules read their sets through lexicon() when imported, so a set missing
    # from lexicon.jsonl stops the import instead of turning a rule off
    with pytest.raises(KeyError):
        lexicon().lower("no_such_set")


def test_a_rule_id_given_twice_is_refused():
    extractor = RelationExtractor(spacy.blank("en"), pattern_files=())
    line = {"id": "twice", "predicate": "opposes", "subject": "a", "object": "b",
            "pattern": [{"RIGHT_ID": "a", "RIGHT_ATTRS": {"LOWER": "x"}},
                        {"LEFT_ID": "a", "REL_OP": ">", "RIGHT_ID": "b",
                         "RIGHT_ATTRS": {"LOWER": "y"}}]}
    extractor._add(line)
    with pytest.raises(ValueError, match="'twice'"):
        extractor._add(line)


def test_a_word_set_in_a_pattern_file_is_refused():
    extractor = RelationExtractor(spacy.blank("en"), pattern_files=())
    with pytest.raises(ValueError, match=r"lexicon\.jsonl"):
        extractor._add({"set": "hedge", "terms": ["if"]})


def test_rules_join_the_types_the_ontology_gives():
    assert _SIGNATURE.keys() == RELATIONS.keys()
    assert _SIGNATURE["supplies"] == tuple(RELATIONS["supplies"])
    # a policy is a measure while rules run, and a person may impose one for their country
    assert _SIGNATURE["targets"] == (frozenset({"Measure"}), RELATIONS["targets"].range)
    assert _SIGNATURE["imposes"] == (RELATIONS["imposes"].domain | {"Person"},
                                     frozenset({"Measure"}))


def test_a_rule_drops_ends_of_the_wrong_types(nlp):
    # "chairman of Germany": a country has no chairman
    assert triples(nlp, "Maria Lopez, chairman of Germany, spoke on Monday.") == []


def test_what_the_component_attaches_is_plain_str(nlp):
    # the vocabulary enums equal their strings, but GraphML goes by a value's type
    doc = nlp("Japan's China tariffs took effect on Monday. Japanese chipmaker Acme Corp met "
              "them. In an order issued under the Defence Production Act, the president "
              "acted.")
    values = [v for r in doc._.ng_relations for v in (r.subject, r.predicate, r.object)]
    values += [v for e in doc._.ng_relation_entities for v in (e.name, e.type, e.kind)
               if v is not None]
    assert {"Policy", "OtherPolicy", "basedIn", "targets"} <= set(values)
    assert all(type(v) is str for v in values)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Genentech Inc said it filed a suit against the Food and Drug Administration.",
         [("Genentech Inc", "opposes", "Food and Drug Administration")]),
        ("The Federal Trade Commission charged Kraft Inc with misleading advertising.",
         [("Federal Trade Commission", "opposes", "Kraft Inc")]),
        ("Irving Bank Corp rejected the bid by Bank of New York Corp as inadequate.",
         [("Irving Bank Corp", "opposes", "Bank of New York Corp")]),
        ("The European Commission fined Intel Corp for abusing its dominance.",
         [("European Commission", "sanctions", "Intel Corp")]),
        ("Acme Corp was fined by the Securities and Exchange Commission.",
         [("Securities and Exchange Commission", "sanctions", "Acme Corp")]),
        ("Eastman Kodak Co has a joint venture with Cetus Corp.",
         [("Eastman Kodak Co", "partnersWith", "Cetus Corp.")]),
        # an agreement to sell one's goods to a buyer is a sale; one to sell them on names no
        # buyer: a distribution agreement, a partnership, as the guidelines say
        ("Toshiba Corp has an agreement with Motorola Inc to sell chips to Sony.",
         [("Toshiba Corp", "supplies", "Sony")]),
        ("Toshiba Corp has an agreement with Motorola Inc to sell chips.",
         [("Toshiba Corp", "partnersWith", "Motorola Inc")]),
        # a charge that is a price is no accusation
        ("Acme Corp charged customers higher prices.", []),
        # a dispute, a fight or a battle with a party, whoever holds it
        ("It would avoid a repeat of Microsoft's damaging fight with the European Commission.",
         [("Microsoft", "opposes", "European Commission")]),
        ("Starboard won its standoff with Darden Restaurants Inc, convincing shareholders.",
         [("Starboard", "opposes", "Darden Restaurants Inc")]),
        ("Acme Corp is locked in a legal battle with Globex Inc over patents.",
         [("Acme Corp", "opposes", "Globex Inc")]),
    ],
)
def test_disputes_fines_and_ventures(nlp, text, expected):
    assert triples(nlp, text) == sorted(expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("General Motors Corp's Bedford Trucks subsidiary signed a memorandum.",
         [("General Motors Corp", "investsIn", "Bedford Trucks")]),
        ("IBM named a president of its ROLM Corp subsidiary.",
         [("IBM", "investsIn", "ROLM Corp")]),
        ("GAF Corp holds 19.9 pct of Borg-Warner Corp's shares.",
         [("GAF Corp", "investsIn", "Borg-Warner Corp")]),
        ("Union Central Life Insurance Co acquired 3.6 mln shares of Manhattan National Corp.",
         [("Union Central Life Insurance Co", "investsIn", "Manhattan National Corp.")]),
        ("Honeywell Inc completed the sale of its Honeywell Information Systems unit to "
         "NEC Corp.", [("Honeywell Inc", "investsIn", "Honeywell Information Systems"),
                       ("NEC Corp.", "investsIn", "Honeywell Information Systems")]),
        ("San Miguel Brewery Ltd is 69.65 pct owned by Neptunia Corp Ltd.",
         [("Neptunia Corp Ltd.", "investsIn", "San Miguel Brewery Ltd")]),
        # a state-owned company is held by the country its nationality word or its name says
        ("The Norwegian state-owned firm Velmora Vaapen was involved.",
         [("Norway", "investsIn", "Velmora Vaapen"), ("Velmora Vaapen", "basedIn", "Norway")]),
        ("The bank was planned by the state-owned Agricultural Bank of Kenya.",
         [("Kenya", "investsIn", "Agricultural Bank of Kenya")]),
        # a sale paid for with a stake in the buyer makes the seller its shareholder
        ("Acme Corp will sell its chip business to Initech Corp for a 5 percent stake in Initech "
         "Corp.", [("Acme Corp", "investsIn", "Initech Corp.")]),
        # investors listed: counted among a company's shareholders, or in its funding round
        ("Globex Inc already counts Acme Corp among its shareholders.",
         [("Acme Corp", "investsIn", "Globex Inc")]),
        # a list the parser broke at the describing words before its names: each name of it
        ("Initech already counts Goldman Sachs, Kenyan telecoms group Safaricom and Germany's "
         "Rocket Internet among its shareholders.",
         [("Goldman Sachs", "investsIn", "Initech"), ("Rocket Internet", "basedIn", "Germany"),
          ("Rocket Internet", "investsIn", "Initech"), ("Safaricom", "basedIn", "Kenya"),
          ("Safaricom", "investsIn", "Initech")]),
        # a possessive after "and" is the last name's alone
        ("Acme Corp and Hooli Inc's Globex have reached a deal to withdraw all the regulatory "
         "complaints against each other, the companies told Reuters.", []),
        ("Investors in the funding round of Globex Inc include Acme Corp, Alibaba said.",
         [("Acme Corp", "investsIn", "Globex Inc")]),
        ("Investors in Globex Inc include Acme Corp and Initech Corp.",
         [("Acme Corp", "investsIn", "Globex Inc"), ("Initech Corp.", "investsIn", "Globex Inc")]),
        # a past holding is none
        ("Globex Corp was formerly owned by Acme Corp.", []),
        # "Y's parent, X" and "Y's owner X"
        ("Globex Inc's parent, Acme Corp, said profit rose.",
         [("Acme Corp", "investsIn", "Globex Inc")]),
        ("Globex Inc's owner Acme Corp said profit rose.",
         [("Acme Corp", "investsIn", "Globex Inc")]),
        # "X and affiliate Y": the unit word on the second conjunct names the first its owner
        ("Acme Corp and affiliate Globex Inc agreed to pay penalties.",
         [("Acme Corp", "investsIn", "Globex Inc")]),
        # a relative pronoun after a copula's noun stands for the copula's subject
        ("Globex Inc is a joint venture in which Acme Corp holds a 47 pct stake.",
         [("Acme Corp", "investsIn", "Globex Inc")]),
        ("Acme Corp said it agreed to be acquired by Globex Corp for 2 billion dlrs.",
         [("Globex Corp", "investsIn", "Acme Corp")]),
        ("Globex Corp completed its acquisition of Initech Corp.",
         [("Globex Corp", "investsIn", "Initech Corp.")]),
        ("Acme Corp announced the purchase of a minority stake in Globex Inc for $170 million.",
         [("Acme Corp", "investsIn", "Globex Inc")]),
        ("Acme Corp will merge with Globex Corp.", [("Acme Corp", "partnersWith", "Globex Corp.")]),
        # a bid is no acquisition
        ("Acme Corp made a bid for Globex Corp.", []),
        # nor is the acquisition an offer, a bid or an interest governs, or a proposed one
        ("Acme Corp made an offer to acquire Globex Inc.", []),
        ("Acme Corp made a 150 mln dlr bid to buy Globex Inc.", []),
        ("Acme Corp said it was interested in buying Globex Inc.", []),
        ("Analysts doubted Acme Corp's possible takeover of Globex Inc.", []),
        ("Analysts had expected Globex Inc to be acquired by Acme Corp.", []),
        ("Acme Corp's acquisition of Globex Inc would have given it a sales network.", []),
        # what would be is a plan, not a bid
        ("Acme Corp would have a 60 pct stake in Globex Inc.",
         [("Acme Corp", "investsIn", "Globex Inc.")]),
        # agreements concluded, planned or held, by both parties or with one
        ("Acme Corp and Globex Inc concluded an accord on chips.",
         [("Acme Corp", "partnersWith", "Globex Inc")]),
        ("Acme Corp and Globex Inc are planning a joint venture.",
         [("Acme Corp", "partnersWith", "Globex Inc")]),
        ("The accord between Acme Corp and Globex Inc covers chips.",
         [("Acme Corp", "partnersWith", "Globex Inc")]),
        ("Acme Corp concluded a licence agreement with Globex Inc.",
         [("Acme Corp", "partnersWith", "Globex Inc.")]),
        # lending and financing a named company: the lender or investor invests in it
        ("Globex Inc extended a $50 million loan to Acme Corp.",
         [("Globex Inc", "investsIn", "Acme Corp.")]),
        ("Globex Inc lent $50 million to Acme Corp.", [("Globex Inc", "investsIn", "Acme Corp.")]),
        ("Globex Inc lent support to Acme Corp.", []),
        ("Acme Corp received a $50 million loan from Globex Inc.",
         [("Globex Inc.", "investsIn", "Acme Corp")]),
        ("Globex Inc led a $50 million funding round in Acme Corp.",
         [("Globex Inc", "investsIn", "Acme Corp.")]),
        # "X's <relation> Y" read from the words where the parser breaks the phrase
        ("Acme Corp's supplier Globex Inc cut prices.", [("Globex Inc", "supplies", "Acme Corp")]),
        ("Globex Inc's rival Acme Corp cut prices.",
         [("Globex Inc", "competesWith", "Acme Corp")]),
        ("Acme Corp's chief executive John Smith said Globex Inc would pay.",
         [("John Smith", "leads", "Acme Corp")]),
        # a company founded jointly by several is held by each of them
        ("Globex Inc, founded jointly by Acme Corp and Initech Corp, has grown.",
         [("Acme Corp", "investsIn", "Globex Inc"), ("Acme Corp", "partnersWith", "Initech Corp"),
          ("Initech Corp", "investsIn", "Globex Inc")]),
        # a partner verb as a modifier of a name ("X, allied with Y")
        ("Acme Corp, teamed with Globex Inc, won the bid.",
         [("Acme Corp", "partnersWith", "Globex Inc")]),
        # a company started or established jointly by several: they are partners
        ("Globex, started jointly by Acmeco, Initech Holdings, Vela Group and Umbra Holdings, "
         "has grown.",
         [("Acmeco", "partnersWith", "Initech Holdings"),
          ("Acmeco", "partnersWith", "Umbra Holdings"),
          ("Acmeco", "partnersWith", "Vela Group"),
          ("Umbra Holdings", "partnersWith", "Initech Holdings"),
          ("Vela Group", "partnersWith", "Initech Holdings"),
          ("Vela Group", "partnersWith", "Umbra Holdings")]),
        # an agreement only tried for is none
        ("Acme Corp tried to conclude a licence agreement with Globex Inc.", []),
        # acquisitions said as a noun with "by", in the passive, or agreed to
        ("The takeover of Globex Inc by Acme Corp was approved.",
         [("Acme Corp", "investsIn", "Globex Inc")]),
        ("Globex Inc was bought by Acme Corp for $2 billion.",
         [("Acme Corp", "investsIn", "Globex Inc")]),
        ("Acme Corp completed the purchase of Globex Inc.",
         [("Acme Corp", "investsIn", "Globex Inc.")]),
        ("Acme Corp agreed to a $2 billion takeover by Globex Inc.",
         [("Globex Inc.", "investsIn", "Acme Corp")]),
        ("Acme Corp snapped up Globex Inc for $2 billion.",
         [("Acme Corp", "investsIn", "Globex Inc")]),
        # a takeover launched is a bid, not yet an acquisition
        ("Acme Corp launched a hostile takeover of Globex Inc.", []),
        ("Acme Corp and Globex Inc will merge to form the largest chipmaker.",
         [("Acme Corp", "partnersWith", "Globex Inc")]),
        # a company sold to a buyer named as the indirect object
        # (the seller held it: both hold it, one before the other)
        ("GenCorp agreed to sell Acme Corp to Walt Disney Co for 217 mln dlrs.",
         [("GenCorp", "investsIn", "Acme Corp"), ("Walt Disney Co", "investsIn", "Acme Corp")]),
        # a holder's percentage interest; an interest with no percentage is no holding
        ("Globex said Initech's 40 percent stake in Acme Corp would be sold.",
         [("Initech", "investsIn", "Acme Corp")]),
        ("Google has shown interest in Yahoo Inc, sources said.", []),
        # a shareholder, said with a copula or in apposition
        ("Globex Corp is Initech Corp's largest shareholder.",
         [("Globex Corp", "investsIn", "Initech Corp")]),
        ("Globex Corp, Initech Corp's largest shareholder, said nothing.",
         [("Globex Corp", "investsIn", "Initech Corp")]),
        # an amount invested in a company, however the parser hangs its "in"
        ("Globex Corp said it has invested $1 billion in ride-hailing service Initech Corp.",
         [("Globex Corp", "investsIn", "Initech Corp.")]),
        # a fraction of a company is a holding; so is an investment by one in another
        ("Globex Corp bought a fifth of Initech Corp for 35 million dollars.",
         [("Globex Corp", "investsIn", "Initech Corp")]),
        ("The deal includes an investment by Globex Corp in Initech Corp.",
         [("Globex Corp", "investsIn", "Initech Corp.")]),
        # a percentage share or interest held; an interest shown is none (above)
        ("Acme Corp holds a five pct share in Globex Inc.",
         [("Acme Corp", "investsIn", "Globex Inc.")]),
        # a joint venture's partners each invest in it and partner each other
        ("Initech, a joint venture of Acme Corp and Globex Inc, won the order.",
         [("Acme Corp", "investsIn", "Initech"), ("Acme Corp", "partnersWith", "Globex Inc"),
          ("Globex Inc", "investsIn", "Initech")]),
        # a unit named after the company its sentence names is that company's
        ("Globex's shares fell after the firm said the deal would lift patent unit Globex "
         "Technologies' sales.",
         [("Globex", "fellOnNews", "@article"), ("Globex", "investsIn", "Globex Technologies")]),
        ("Krupp said subsidiary Krupp Industrietechnik GmbH won an order.",
         [("Krupp", "investsIn", "Krupp Industrietechnik GmbH")]),
        # rivals and partners said with "is"
        ("Acme Corp is a rival of Globex Inc.", [("Acme Corp", "competesWith", "Globex Inc.")]),
        ("Acme Corp and Globex Inc are rivals in cloud computing.",
         [("Acme Corp", "competesWith", "Globex Inc")]),
        ("Acme Corp and Globex Inc are partners.", [("Acme Corp", "partnersWith", "Globex Inc")]),
        ("Initech Corp is a joint venture between Acme Corp and Globex Inc.",
         [("Acme Corp", "investsIn", "Initech Corp"), ("Acme Corp", "partnersWith", "Globex Inc."),
          ("Globex Inc.", "investsIn", "Initech Corp")]),
        ("APT, the joint firm set up by Acme Corp and Globex Inc, won the bid.",
         [("Acme Corp", "investsIn", "APT"), ("Acme Corp", "partnersWith", "Globex Inc"),
          ("Globex Inc", "investsIn", "APT")]),
    ],
)
def test_ownership_and_mergers(nlp, text, expected):
    assert triples(nlp, text) == sorted(expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        # whoever the measure's "on"/"into" phrase names, however deep
        ("The United States imposed tariffs on 300 mln dlrs of Japanese electronic goods.",
         [("United States", "imposes", "U.S. tariffs on Japan"),
          ("U.S. tariffs on Japan", "targets", "Japan")]),
        ("The Commerce Department launched an investigation into imports of Japanese "
         "semiconductors.",
         [("Commerce Department", "imposes",
           "Commerce Department investigation into imports of Japanese semiconductors"),
          ("Commerce Department investigation into imports of Japanese semiconductors", "targets",
           "Japan")]),
        # what an investigation is "of", and whoever conducts it
        ("The U.S. Justice Department opened a criminal investigation of Volkswagen AG.",
         [("U.S. Justice Department", "imposes",
           "U.S. Justice Department investigation of Volkswagen AG"),
          ("U.S. Justice Department investigation of Volkswagen AG", "targets", "Volkswagen AG")]),
        ("The European Commission is conducting an antitrust investigation into Google.",
         [("European Commission", "imposes", "European Commission investigation into Google"),
          ("European Commission investigation into Google", "targets", "Google")]),
        # a party that faces a measure is its target
        ("Huawei faces a US ban on chip sales.",
         [("United States", "imposes", "U.S. ban on chip sales"),
          ("United States", "sanctions", "Huawei"),
          ("U.S. ban on chip sales", "targets", "Huawei")]),
    ],
)
def test_policy_targets_anywhere_in_the_measure_phrase(nlp, text, expected):
    assert triples(nlp, text) == sorted(expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        # "they" stands for both
        ("Intel and Qualcomm confirmed they were ZTE suppliers.",
         [("Intel", "supplies", "ZTE"), ("Qualcomm", "supplies", "ZTE")]),
        ("Samsung, a major Apple Inc supplier, is heading into another profit drop.",
         [("Samsung", "supplies", "Apple Inc")]),
        ("Intel Corp is a supplier to Apple Inc.", [("Intel Corp", "supplies", "Apple Inc.")]),
        ("Under the agreement, Control Data will continue to furnish disk drives to Unisys Inc.",
         [("Control Data", "supplies", "Unisys Inc.")]),
        # goods bought from a company; a company, a plant or a stake bought from its owner is
        # no supply, and the owner held it
        ("Apple Inc buys chips from Samsung Electronics Co.",
         [("Samsung Electronics Co.", "supplies", "Apple Inc")]),
        ("Acme Corp bought a stake from Globex Inc.", []),
        ("Blackstone Group LP is buying MphasiS Ltd from Hewlett Packard Enterprise Co.",
         [("Blackstone Group LP", "investsIn", "MphasiS Ltd"),
          ("Hewlett Packard Enterprise Co.", "investsIn", "MphasiS Ltd")]),
        # a noun that lists names stands for each of them
        ("ZTE Corp sells handset devices to carriers such as AT&T Inc and Sprint Corp.",
         [("ZTE Corp", "supplies", "AT&T Inc"), ("ZTE Corp", "supplies", "Sprint Corp.")]),
        ("Alibaba Group Holding Ltd faces stiff competition from JD.com Inc.",
         [("Alibaba Group Holding Ltd", "competesWith", "JD.com Inc.")]),
        # a company supplied is a customer, one sold is a company changing hands
        ("Acme Corp will supply Globex Inc with engines.",
         [("Acme Corp", "supplies", "Globex Inc")]),
        ("Acme Corp sold Globex Inc to Initech Corp.",
         [("Acme Corp", "investsIn", "Globex Inc"), ("Initech Corp.", "investsIn", "Globex Inc")]),
        # rivals said with a possessive, a copula or competing with each other; two that
        # compete with a third are that one's rivals, not each other's
        ("Acme Corp's rival Globex Inc fell.",
         [("Acme Corp", "competesWith", "Globex Inc"), ("Globex Inc", "fellOnNews", "@article")]),
        ("Acme Corp's main competitor is Globex Inc.",
         [("Acme Corp", "competesWith", "Globex Inc.")]),
        ("Acme Corp and Globex Inc are competing for the contract.",
         [("Acme Corp", "competesWith", "Globex Inc")]),
        ("Acme Corp and Globex Inc compete with Initech Corp.",
         [("Acme Corp", "competesWith", "Initech Corp."),
          ("Globex Inc", "competesWith", "Initech Corp.")]),
        # a contract awarded "to" a company
        ("The U.S. Air Force awarded a 46 million dollar contract to Acme Corp.",
         [("Acme Corp.", "supplies", "U.S. Air Force")]),
    ],
)
def test_suppliers_and_customers(nlp, text, expected):
    assert triples(nlp, text) == sorted(expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Defense Secretary Caspar Weinberger will join Commerce Secretary Malcolm Baldrige in "
         "fighting Fujitsu Ltd's plan to buy Fairchild Semiconductor Corp.",
         [("Caspar Weinberger", "opposes", "Fujitsu Ltd")]),
        ("Trans World Airlines Inc said it filed suit in Delaware Chancery Court against USAir "
         "Group Inc.", [("Trans World Airlines Inc", "opposes", "USAir Group Inc.")]),
        # fighting for something is no opposition to anyone
        ("Acme Corp is fighting for market share in China.", []),
        ("Greenpeace has attacked Shell over its plans to drill in the Arctic.",
         [("Greenpeace", "opposes", "Shell")]),
        # against a party's action, or an appeal against it; an appeal to someone opposes no one
        ("Russia protested against NATO's expansion.", [("Russia", "opposes", "NATO")]),
        ("Microsoft is appealing against the European Commission's decision.",
         [("Microsoft", "opposes", "European Commission")]),
        ("Intel appealed to the European Union for more time.", []),
        # warning or threatening a party, being critical of it, attacking it, suing it
        ("The United States warned Iran against pursuing its nuclear programme.",
         [("United States", "opposes", "Iran")]),
        ("Venezuela has been critical of the United States.",
         [("Venezuela", "opposes", "United States")]),
        ("Intel is not opposed to the merger with Altera.", []),
        ("Israel launched air strikes against Hamas.", [("Israel", "opposes", "Hamas")]),
        # taking a hard line, a stand or a stance against a party or what it does
        ("Norland has taken a firm stand against Vexia.", [("Norland", "opposes", "Vexia")]),
        ("Norland has taken a firm stand against Vexia's claims.",
         [("Norland", "opposes", "Vexia")]),
        ("Jane Roe has taken a hard line against tariffs and the Norland Union's rules.",
         [("Jane Roe", "opposes", "Norland Union"),
          ("Jane Roe", "opposes", "Norland Union rules"),
          ("Norland Union", "imposes", "Norland Union rules")]),
        ("Norland has taken a firm stand on Vexia's claims.", []),
        # the parser reads the party as the subject of the participle after it
        ("Apple filed a lawsuit against Samsung alleging patent infringement.",
         [("Apple", "opposes", "Samsung")]),
        # rejecting, disputing or denying a party's claims; tensions with it
        ("Google Inc denied the European Commission's allegations of anticompetitive behaviour.",
         [("Google Inc", "opposes", "European Commission")]),
        # the charge's party given by "by", "from" or "made by"; none where it is no party
        ("Acme Inc denied the allegations made by the Globex Commission.",
         [("Acme Inc", "opposes", "Globex Commission")]),
        ("Acme Inc dismissed the claims from Globex Inc as baseless.",
         [("Acme Inc", "opposes", "Globex Inc")]),
        ("Acme Inc did not deny the allegations made by the Globex Commission.", []),
        ("Acme Inc denied the allegations made in the report.", []),
        ("Russia condemned NATO's expansion into eastern Europe.", [("Russia", "opposes", "NATO")]),
        ("Japan's tensions with China have grown.", [("Japan", "opposes", "China")]),
        ("Airbus and Boeing have traded accusations over subsidies.",
         [("Airbus", "opposes", "Boeing"), ("Boeing", "opposes", "Airbus")]),
    ],
)
def test_fighting_a_party_and_suing_it(nlp, text, expected):
    assert triples(nlp, text) == sorted(expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        # a relative pronoun behind a preposition or a possessed noun is its antecedent
        ("Vimpelcom, in which Kestrel Corp holds a 33 percent stake, said it would pay.",
         [("Kestrel Corp", "investsIn", "Vimpelcom")]),
        ("Wan Li Optics Ltd, whose clients include Globex Corp, reported a loss.",
         [("Wan Li Optics Ltd", "supplies", "Globex Corp")]),
        # a reflexive is its clause's subject; selling a company is no supply of goods
        ("Qlik Technologies Inc agreed to sell itself to Thoma Bravo LLC for $3 billion.",
         [("Thoma Bravo LLC", "investsIn", "Qlik Technologies Inc")]),
        # a describing noun named in apposition is the name
        ("Symantec Corp said it would buy security company Blue Coat for $4.65 billion.",
         [("Symantec Corp", "investsIn", "Blue Coat")]),
    ],
)
def test_words_that_stand_for_a_name(nlp, text, expected):
    assert triples(nlp, text) == sorted(expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Talvora Systems Inc named Jane Smith chief executive on Monday.",
         [("Jane Smith", "leads", "Talvora Systems Inc")]),
        ("Talvora Systems Inc appointed Jane Smith as chief executive.",
         [("Jane Smith", "leads", "Talvora Systems Inc")]),
        ("Jane Smith was appointed chairman of Talvora Systems Inc on Monday.",
         [("Jane Smith", "chairs", "Talvora Systems Inc")]),
        ("Talvora Systems Inc said Jane Smith would become its chief executive.",
         [("Jane Smith", "leads", "Talvora Systems Inc")]),
        # the one who takes the role, not the one who leaves it
        ("Jane Smith will succeed John Doe as chief executive of Talvora Systems Inc on Monday.",
         [("Jane Smith", "leads", "Talvora Systems Inc")]),
        ("Jane Smith, who heads Talvora Systems Inc, said demand was strong.",
         [("Jane Smith", "leads", "Talvora Systems Inc")]),
        # leaving a role is no role
        ("Jane Smith stepped down as chief executive of Talvora Systems Inc on Monday.", []),
        # titles written with a hyphen, which the tokenizer splits: the whole title counts,
        # not the word in it that is a title of its own
        ("Jane Doe, vice-chairman of Talvora Systems Inc, said so.",
         [("Jane Doe", "memberOf", "Talvora Systems Inc")]),
        ("Jane Doe, senior vice-president of Talvora Systems Inc, said so.",
         [("Jane Doe", "worksFor", "Talvora Systems Inc")]),
        ("Jane Doe, former vice-chairman of Talvora Systems Inc, retired.", []),
        ("Jane Doe, the ex-vice-chairman of Talvora Systems Inc, retired.", []),
        # a plain director works for the organisation; a board's director is its member
        ("John Doe, director of the Orvana Research Foundation, said so.",
         [("John Doe", "worksFor", "Orvana Research Foundation")]),
        ("Jane Doe, a non-executive director of Talvora Systems Inc, said so.",
         [("Jane Doe", "memberOf", "Talvora Systems Inc")]),
        # "of the company" is the appointer's title, whatever the parser hangs the name on;
        # a title of another kind of company or of its unit is not
        ("Hooli Corp said it has named John Smith chairman and chief executive officer of the "
         "company.",
         [("John Smith", "chairs", "Hooli Corp"), ("John Smith", "leads", "Hooli Corp")]),
        ("Hooli Corp named John Smith chief executive officer of the company.",
         [("John Smith", "leads", "Hooli Corp")]),
        ("Hooli Corp named John Smith chief executive officer of the insurer.", []),
        ("Hooli Corp named John Smith president of the life insurance holding company.",
         [("John Smith", "leads", "Hooli Corp")]),
        ("Hooli Corp named John Smith president of the parent company.", []),
        # the board of a company acts for it
        ("The board of directors of Hooli Corp said it has named John Smith chairman.",
         [("John Smith", "chairs", "Hooli Corp")]),
        ("Hooli Corp named John Smith chief executive of the new company.", []),
    ],
)
def test_appointments(nlp, text, expected):
    assert triples(nlp, text) == sorted(expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Washington put Talvora Systems Inc on its trade blacklist in May.",
         [("United States", "imposes", "U.S. blacklist"),
          ("United States", "sanctions", "Talvora Systems Inc")]),
        # adding parties to a state body's list of companies or entities sanctions them; a
        # company's list of its partners does not
        ("The U.S. Commerce Department added Acme Corp and Globex Inc to its list of "
         "companies barred from buying parts.",
         [("U.S. Commerce Department", "sanctions", "Acme Corp"),
          ("U.S. Commerce Department", "sanctions", "Globex Inc")]),
        ("Globex Inc was added to a list of entities by the U.S. Commerce Department.",
         [("U.S. Commerce Department", "sanctions", "Globex Inc")]),
        ("Acme Corp added Globex Inc to its list of companies it buys from.", []),
        ("The European Commission hit Brandt Holdings Corp and Talvora Systems Inc with "
         "penalties.",
         [("European Commission", "sanctions", "Brandt Holdings Corp"),
          ("European Commission", "sanctions", "Talvora Systems Inc")]),
        # a possessive in the subject of a reported clause is the speaker's
        ("Talvora Systems Inc said its longtime memory supplier Brandt Holdings Corp would "
         "raise prices.",
         [("Brandt Holdings Corp", "supplies", "Talvora Systems Inc")]),
        # halting trade, or cutting trade or diplomatic ties, with a party; a firm cutting
        # its ties with a supplier sanctions nobody
        ("Sweden promised to halt all trade with South Africa by October.",
         [("Sweden", "sanctions", "South Africa")]),
        ("Norway will cut trade ties with South Africa and Namibia.",
         [("Norway", "sanctions", "Namibia"), ("Norway", "sanctions", "South Africa")]),
        ("Talvora Systems Inc cut ties with its supplier Brandt Holdings Corp.", []),
        # a country word on a description of the party says where the party is, and the
        # measure is not on that country
        ("The European Union imposed sanctions on Volkov Metals, a Russian steel maker.",
         [("European Union", "sanctions", "Volkov Metals"),
          ("Volkov Metals", "basedIn", "Russia")]),
        # forbidding a party what it does
        ("The Fed has forbidden Sumitomo Bank from exchanging personnel.",
         [("Fed", "sanctions", "Sumitomo Bank")]),
    ],
)
def test_blacklists_penalties_and_named_suppliers(nlp, text, expected):
    assert triples(nlp, text) == sorted(expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Brandt Holdings Corp's partnership with Talvora Systems Inc is part of its plan.",
         [("Brandt Holdings Corp", "partnersWith", "Talvora Systems Inc")]),
        ("Brandt Holdings Corp and Talvora Systems Inc are working together on batteries.",
         [("Brandt Holdings Corp", "partnersWith", "Talvora Systems Inc")]),
        ("The firm was started jointly by Orvana Capital and Brandt Holdings Corp in 2013.",
         [("Orvana Capital", "partnersWith", "Brandt Holdings Corp")]),
        # an agreement had or struck with a party, however the parser hangs its "with"
        ("Brandt Holdings Corp said it had an agreement with Talvora Systems Inc.",
         [("Brandt Holdings Corp", "partnersWith", "Talvora Systems Inc.")]),
        ("Samsung said it had struck a deal with Alibaba.",
         [("Samsung", "partnersWith", "Alibaba")]),
        # two parties that sign an agreement together
        ("Brandt Holdings Corp and Talvora Systems Inc signed an agreement.",
         [("Brandt Holdings Corp", "partnersWith", "Talvora Systems Inc")]),
    ],
)
def test_partners_acting_together(nlp, text, expected):
    assert triples(nlp, text) == sorted(expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Norway's state-owned Kongsberg Defence Corp was involved in the transfer.",
         [("Kongsberg Defence Corp", "basedIn", "Norway"),
          ("Norway", "investsIn", "Kongsberg Defence Corp")]),
        ("Orvana Capital said it would raise its holding in Talvora Systems Inc to 20 pct.",
         [("Orvana Capital", "investsIn", "Talvora Systems Inc")]),
    ],
)
def test_state_ownership_and_holdings(nlp, text, expected):
    assert triples(nlp, text) == sorted(expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Hyundai Motor Co paid a 5 million dollar fine to the United States.",
         [("United States", "sanctions", "Hyundai Motor Co")]),
        ("Hyundai Motor Co paid 350 million dollars in penalties to the United States.",
         [("United States", "sanctions", "Hyundai Motor Co")]),
        # a fine imposed on a party, however deep its "on"; ordered to pay by a regulator
        ("The European Commission imposed a fine of 497 million euros on Microsoft Corp.",
         [("European Commission", "sanctions", "Microsoft Corp.")]),
        ("Microsoft Corp was ordered to pay 280 million euros by the European Commission.",
         [("European Commission", "sanctions", "Microsoft Corp")]),
        ("The Federal Trade Commission ordered Microsoft Corp to pay 5 million dollars.",
         [("Federal Trade Commission", "sanctions", "Microsoft Corp")]),
        # fined an amount: the name the model reads with the amount ends before it
        ("The European Commission fined Microsoft Corp 2.4 billion euros.",
         [("European Commission", "sanctions", "Microsoft Corp")]),
        # a fine discussed or yet to come is not one imposed
        ("U.S. regulators met to discuss imposing a fine against Facebook Inc for a breach.", []),
        ("The EU will impose a fine on Intel Corp.", []),
    ],
)
def test_penalties_paid_to_a_regulator(nlp, text, expected):
    assert triples(nlp, text) == sorted(expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        # a settlement with a regulator, or one that settles its claims, sanctions the party
        ("Talvora Systems Inc agreed to a $40 million settlement with the Federal Trade "
         "Commission.", [("Federal Trade Commission", "sanctions", "Talvora Systems Inc")]),
        ("Talvora Systems Inc will pay $20 million to settle the EPA's claims that it "
         "polluted rivers.", [("EPA", "sanctions", "Talvora Systems Inc")]),
        # one with a rival ends a private dispute
        ("Talvora Systems Inc agreed to a $40 million settlement with Globex Corp.", []),
    ],
)
def test_a_settlement_with_a_regulator_sanctions_the_party(nlp, text, expected):
    assert triples(nlp, text) == sorted(expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Brandt Holdings Corp was criticised by the European Commission on Monday.",
         [("European Commission", "opposes", "Brandt Holdings Corp")]),
        ("Brandt Holdings Corp was sued by Orvana Capital Corp on Monday.",
         [("Orvana Capital Corp", "opposes", "Brandt Holdings Corp")]),
        # opposing a party's action is opposing the party
        ("The sale of Initech Corp to Globex Corp was opposed by Vela Inc.",
         [("Globex Corp", "investsIn", "Initech Corp"), ("Vela Inc.", "opposes", "Globex Corp")]),
        ("Globex Corp's bid was rejected by Initech Corp.",
         [("Initech Corp.", "opposes", "Globex Corp")]),
    ],
)
def test_opposed_in_the_passive(nlp, text, expected):
    assert triples(nlp, text) == sorted(expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        # criticism from a party, said of whom it hits
        ("Acme Corp came under fire from Globex Inc over the deal.",
         [("Globex Inc", "opposes", "Acme Corp")]),
        ("Acme Corp faced criticism from Globex Inc.", [("Globex Inc.", "opposes", "Acme Corp")]),
        # clashing with a party, being at odds with it
        ("Acme Corp clashed with Globex Inc over prices.",
         [("Acme Corp", "opposes", "Globex Inc")]),
        ("Acme Corp is at odds with Globex Inc.", [("Acme Corp", "opposes", "Globex Inc.")]),
        # concern voiced over a party, its act, or being concerned over it; not negated
        ("The Globex Committee expressed serious concerns over the Acme Bank's ability to "
         "protect data.", [("Globex Committee", "opposes", "Acme Bank")]),
        ("China was seriously concerned over the plan by the United States.",
         [("China", "opposes", "United States")]),
        ("China did not express concern about Japan.", []),
        ("Acme Inc was not worried about Globex Inc.", []),
        # disagreeing with a party, balking at its offer
        ("Globex Inc strongly disagreed with Acme Inc on the price.",
         [("Globex Inc", "opposes", "Acme Inc")]),
        ("Acme Inc balked at the offer from Globex Inc.", [("Acme Inc", "opposes", "Globex Inc.")]),
        # tensions between two parties are no opposition the annotation reads
        ("Tensions between Acme Corp and Globex Inc grew.", []),
        # a dispute between two parties is
        ("The row between Acme Corp and Globex Inc deepened.",
         [("Acme Corp", "opposes", "Globex Inc"), ("Globex Inc", "opposes", "Acme Corp")]),
        # a lawsuit or protests one faces from a party
        ("Acme Corp faces a lawsuit from Globex Inc.", [("Globex Inc.", "opposes", "Acme Corp")]),
        ("Apple faces a lawsuit from Samsung over patents.", [("Samsung", "opposes", "Apple")]),
        # a legal form never written with a dot ends the sentence it closes, name whole
        ("Chrysler Corp sued Fiat SpA.", [("Chrysler Corp", "opposes", "Fiat SpA")]),
        # a party's action named by a name or a country word on it, "by" the party, or
        # done by it
        ("The European Commission condemned the decision by Russia.",
         [("European Commission", "opposes", "Russia")]),
        ("Japan criticised the Chinese decision.", [("Japan", "opposes", "China")]),
        # the party whose decision it is does what it decides, not its critic; the critic
        # opposes the measure the decision is
        ("China criticised Britain's decision to ban Huawei.",
         [("China", "opposes", "British ban on Huawei"),
          ("United Kingdom", "imposes", "British ban on Huawei"),
          ("United Kingdom", "sanctions", "Huawei"),
          ("British ban on Huawei", "targets", "Huawei")]),
        # a dispute is two-sided, read both ways, settled or not; a suit settled is read no more
        ("Acme Corp said it had settled a lengthy patent dispute with Globex Inc on Monday.",
         [("Acme Corp", "opposes", "Globex Inc"), ("Globex Inc", "opposes", "Acme Corp")]),
        ("Initech currently has a similar dispute with Hooli Inc.",
         [("Hooli Inc.", "opposes", "Initech"), ("Initech", "opposes", "Hooli Inc.")]),
        ("Acme Corp is in dispute with Globex Inc over the plan.",
         [("Acme Corp", "opposes", "Globex Inc"), ("Globex Inc", "opposes", "Acme Corp")]),
        ("Acme Corp's dispute with Globex Inc dragged on.",
         [("Acme Corp", "opposes", "Globex Inc"), ("Globex Inc", "opposes", "Acme Corp")]),
        ("Acme Corp settled the lawsuit with Globex Inc.", []),
        ("Germany rejected the US proposal.", [("Germany", "opposes", "United States")]),
        ("Google said it would challenge the fine imposed by the European Commission.",
         [("Google", "opposes", "European Commission")]),
    ],
)
def test_criticism_and_clashes(nlp, text, expected):
    assert triples(nlp, text) == sorted(expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        # a lawsuit named with the verb that brings it in, in a clause after it
        ("Vela Gas Corp said it is seeking damages in a lawsuit it filed today against Orvana "
         "Corp.", [("Vela Gas Corp", "opposes", "Orvana Corp.")]),
        ("A lawsuit filed by Acme Corp against Globex Inc in March seeks damages.",
         [("Acme Corp", "opposes", "Globex Inc")]),
        # legal action is a lawsuit; trade or military action is none
        ("The European Union took legal action against Microsoft.",
         [("European Union", "opposes", "Microsoft")]),
        ("Tom Brown was ready to take retaliatory trade action against Japan.", []),
        # yielding to pressure from a party
        ("Qlik Technologies Inc agreed to sell itself to Thoma Bravo LLC, bowing to pressure "
         "from hedge fund Elliott Management Corp.",
         [("Elliott Management Corp.", "opposes", "Qlik Technologies Inc"),
          ("Thoma Bravo LLC", "investsIn", "Qlik Technologies Inc")]),
        # taking aim, a swipe or issue at or with a party or its action
        ("Microsoft Corp took a swipe at Google Inc on Monday.",
         [("Microsoft Corp", "opposes", "Google Inc")]),
        ("Starboard Value LP took aim at Microsoft Corp's leadership in a letter.",
         [("Starboard Value LP", "opposes", "Microsoft Corp")]),
        ("Germany took issue with the European Commission over the rules.",
         [("Germany", "opposes", "European Commission")]),
        ("Microsoft Corp took aim at the market with a new phone.", []),
        # damages sought from a party, or a party ordered to pay them to another
        ("Microsoft Corp is seeking damages from Google Inc over the failed deal.",
         [("Microsoft Corp", "opposes", "Google Inc")]),
        ("Oracle Corp was ordered to pay Microsoft Corp $3 billion in damages.",
         [("Microsoft Corp", "opposes", "Oracle Corp")]),
        # a dispute with a party over another's action sets the two against each other
        ("The upheaval follows a dispute with the Danish government over Globex Corp's handling "
         "of an inquiry.",
         [("Denmark", "opposes", "Globex Corp"), ("Globex Corp", "opposes", "Denmark")]),
    ],
)
def test_lawsuits_pressure_and_damages(nlp, text, expected):
    assert triples(nlp, text) == sorted(expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        # "the bid" is the bid the text named before, and stands for its bidder
        ("Acme Corp offered $80 a share for Initech Inc on Monday. On Tuesday, Initech Inc "
         "rejected the bid.", [("Initech Inc", "opposes", "Acme Corp")]),
        # "the sale", opposed, stands for the buyer of the deal named before
        ("Fujitsu Ltd's plan to buy Fairchild Corp was announced in March. Commerce Secretary "
         "Malcolm Baldrige opposed the planned sale.",
         [("Malcolm Baldrige", "opposes", "Fujitsu Ltd")]),
        ("The agreement for Fujitsu Ltd to buy Fairchild Corp was signed in March. The sale was "
         "opposed by the Defense Department.",
         [("Defense Department", "opposes", "Fujitsu Ltd"),
          ("Fujitsu Ltd", "investsIn", "Fairchild Corp")]),
        # a company described by who formed it is its founder
        ("In April, GenCorp Inc thwarted a takeover by a partnership formed by AFG Industries "
         "Inc.", [("GenCorp Inc", "opposes", "AFG Industries Inc.")]),
        # a deal that nobody opposes is the deal itself
        ("Globex Corp agreed to buy Initech Inc in March. The sale was completed in May.",
         [("Globex Corp", "investsIn", "Initech Inc")]),
    ],
)
def test_a_bid_or_deal_named_again(nlp, text, expected):
    assert triples(nlp, text) == sorted(expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("BlackBerry Ltd agreed to acquire rival security software maker Good Technology.",
         [("BlackBerry Ltd", "competesWith", "Good Technology"),
          ("BlackBerry Ltd", "investsIn", "Good Technology")]),
        ("Lyft Inc is far smaller than arch-rival Uber Technologies Inc.",
         [("Lyft Inc", "competesWith", "Uber Technologies Inc.")]),
        ("Boeing Co may cede market share to rival Airbus SA.",
         [("Boeing Co", "competesWith", "Airbus SA")]),
        # market share or customers taken from a company, or lost to it
        ("Salesforce.com Inc wants to take away more market share from software providers "
         "such as Oracle Corp and SAP AG.",
         [("Salesforce.com Inc", "competesWith", "Oracle Corp"),
          ("Salesforce.com Inc", "competesWith", "SAP AG")]),
        ("Samsung Electronics Co Ltd has been losing market share to Apple Inc.",
         [("Samsung Electronics Co Ltd", "competesWith", "Apple Inc.")]),
    ],
)
def test_rivals_named_through_a_description(nlp, text, expected):
    assert triples(nlp, text) == sorted(expected)


@pytest.mark.parametrize(
    "text, bid",
    [
        ("Globex Inc considered a buyout offer to be acquired by Acme Corp.", True),
        # an offer agreed to is a deal
        ("Globex Inc agreed to a buyout offer to be acquired by Acme Corp.", False),
        ("Globex Inc said it will be acquired by Acme Corp.", False),
    ],
)
def test_only_bid(nlp, text, bid):
    doc = nlp(text)
    assert _only_bid(next(t for t in doc if t.text == "acquired")) is bid


@pytest.mark.parametrize(
    "text, expected",
    [
        # a name coordinated with its rival; losing out to a rival; "a X rival, Y"
        ("Analysts compared Ford Motor Co and rival General Motors Co.",
         [("Ford Motor Co", "competesWith", "General Motors Co.")]),
        ("Samsung Electronics Co has been losing out to rivals Huawei Technologies Co and "
         "Xiaomi Inc.",
         [("Samsung Electronics Co", "competesWith", "Huawei Technologies Co"),
          ("Samsung Electronics Co", "competesWith", "Xiaomi Inc.")]),
        ("Boeing Co is losing out to Airbus SA.", [("Boeing Co", "competesWith", "Airbus SA")]),
        ("Acme Corp holds a stake in a potential Globex Corp rival, Initech Corp.",
         [("Globex Corp", "competesWith", "Initech Corp.")]),
        # an order placed with a seller; goods used from a maker, by a company or its product
        ("Acme Corp said it had placed a 320 mln dlr order with Globex Corp to supply engines.",
         [("Globex Corp", "supplies", "Acme Corp")]),
        ("Acme Corp will use chips from Intel Corp.", [("Intel Corp.", "supplies", "Acme Corp")]),
        ("Apple Inc's next iPhone will use modem chips from Intel Corp.",
         [("Intel Corp.", "supplies", "Apple Inc")]),
        ("Acme Corp is the biggest equipment supplier, with customers including Globex Corp "
         "and Intel Corp.",
         [("Acme Corp", "supplies", "Globex Corp"), ("Acme Corp", "supplies", "Intel Corp.")]),
        # each member of a group a contract is awarded to supplies, and they are partners
        ("The Air Force awarded a contract to a partnership of United Launch Alliance and "
         "Blue Origin.",
         [("Blue Origin", "supplies", "Air Force"),
          ("United Launch Alliance", "partnersWith", "Blue Origin"),
          ("United Launch Alliance", "supplies", "Air Force")]),
        # something done jointly: with another, or by the two named together
        ("Acme Corp has won a joint order with Globex Corp for a steel works.",
         [("Acme Corp", "partnersWith", "Globex Corp")]),
        ("The Federal Reserve and the Federal Deposit Insurance Corporation issued joint "
         "determinations.",
         [("Federal Reserve", "partnersWith", "Federal Deposit Insurance Corporation")]),
        ("Acme Corp and Globex Corp said in a joint statement that sales rose.",
         [("Acme Corp", "partnersWith", "Globex Corp")]),
        # two that agree to a deal, or agree one, are partners; each agreeing or signing
        # its own deal is no deal between them
        ("Acme Corp and Globex Inc agreed to a deal.",
         [("Acme Corp", "partnersWith", "Globex Inc")]),
        ("Acme Corp and Globex Inc have agreed a licensing deal.",
         [("Acme Corp", "partnersWith", "Globex Inc")]),
        ("Globex Inc agreed to a licensing deal with Initech Ltd on Monday.",
         [("Globex Inc", "partnersWith", "Initech Ltd")]),
        ("Acme Corp and Globex Inc each signed a deal.", []),
        ("Acme Corp and Globex Inc each agreed to a deal.", []),
        ("Acme Corp and Globex Inc entered into an agreement to develop chips.",
         [("Acme Corp", "partnersWith", "Globex Inc")]),
        ("Acme Corp and Globex Inc announced a merger.",
         [("Acme Corp", "partnersWith", "Globex Inc")]),
        ("Acme Corp and Globex Inc have joined forces to build chips.",
         [("Acme Corp", "partnersWith", "Globex Inc")]),
        ("Acme Corp and Globex Inc announced a merger with Initech Ltd.", []),
        # two with ventures with a third are not partners of each other
        ("Acme Corp and Globex Corp both have joint ventures with Initech Corp.",
         [("Acme Corp", "partnersWith", "Initech Corp."),
          ("Globex Corp", "partnersWith", "Initech Corp.")]),
        # partners and allies named by a copula
        ("Acme Corp's partners are Globex Corp and Initech Ltd.",
         [("Acme Corp", "partnersWith", "Globex Corp"),
          ("Acme Corp", "partnersWith", "Initech Ltd.")]),
        ("China is North Korea's main ally.", [("China", "partnersWith", "North Korea")]),
        # the members of a partnership, a consortium or a company made up of them
        ("Globex Corp thwarted a takeover by a partnership formed by AFG Industries Inc and "
         "Initech Corp.",
         [("AFG Industries Inc", "partnersWith", "Initech Corp."),
          ("Globex Corp", "opposes", "AFG Industries Inc"),
          ("Globex Corp", "opposes", "Initech Corp.")]),
        ("The rest would be owned by a holding company made up of Acme Corp, Globex Corp and "
         "Initech Inc.",
         [("Acme Corp", "partnersWith", "Globex Corp"),
          ("Acme Corp", "partnersWith", "Initech Inc."),
          ("Globex Corp", "partnersWith", "Initech Inc.")]),
        # merging: a plan by two, or "they" merging
        ("Regulators are reviewing a plan by CK Hutchison Holdings and Vimpelcom Ltd to merge "
         "their Italian units.",
         [("CK Hutchison Holdings", "partnersWith", "Vimpelcom Ltd")]),
        ("Acme Corp and Globex Corp said they were merging their paper interests.",
         [("Acme Corp", "partnersWith", "Globex Corp")]),
        ("Uber Technologies Inc said it signed up with payment platform Globex Corp.",
         [("Uber Technologies Inc", "partnersWith", "Globex Corp.")]),
    ],
)
def test_deals_rivals_and_supply(nlp, text, expected):
    assert triples(nlp, text) == sorted(expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        # ties or a relationship kept with a party; ties cut, or merely had (tense, poor or
        # close alike), are none
        ("Iran has maintained a relationship with China and Russia for the last ten years.",
         [("Iran", "partnersWith", "China"), ("Iran", "partnersWith", "Russia")]),
        ("China has tense relations with the United States, officials said.", []),
        ("China maintains close links with North Korea.",
         [("China", "partnersWith", "North Korea")]),
        ("Acme Corp has cut ties with Globex Corp.", []),
        # an agent, a distributor or a licensee works with whom it acts for
        ("Toshiba Machine shipped the goods through its export agency, Itochu Corp.",
         [("Toshiba Machine", "partnersWith", "Itochu Corp.")]),
        ("Roche Holding AG is the licensee of a Hormone Research Foundation patent.",
         [("Roche Holding AG", "partnersWith", "Hormone Research Foundation")]),
        ("Acme Corp is the distributor for Globex Corp in Japan.",
         [("Acme Corp", "partnersWith", "Globex Corp")]),
    ],
)
def test_ties_and_agents_are_partners(nlp, text, expected):
    assert triples(nlp, text) == sorted(expected)


@pytest.mark.parametrize(
    "text, supplies",
    [
        # a holding in a company bought from it is no goods supplied
        ("Squibb Corp would buy from Cetus Corp a five pct equity position in Cetus Corp.", []),
        # a place after the goods is no holding
        ("Dell Inc will buy chips from Intel Corp in Japan.",
         [("Intel Corp", "supplies", "Dell Inc")]),
    ],
)
def test_a_holding_bought_is_no_supply(nlp, text, supplies):
    assert [t for t in triples(nlp, text) if t[1] == "supplies"] == supplies


@pytest.mark.parametrize(
    "text, expected",
    [
        # a minister titled by a field heads the ministry of that field the text names
        ("The Commerce Department said so. Commerce Secretary Jane Doe spoke on Monday.",
         [("Jane Doe", "leads", "Commerce Department")]),
        ("Norway's foreign minister Jan Roe told the Foreign Ministry staff.",
         [("Jan Roe", "leads", "Foreign Ministry")]),
        ("The State Department did not object, but Secretary of State Tom Lee disagreed.",
         [("Tom Lee", "leads", "State Department")]),
        # a deputy works there; a past title, or another field, holds nothing
        ("The Defense Department said Deputy Defense Secretary Ann Bell would go.",
         [("Ann Bell", "worksFor", "Defense Department")]),
        ("The Commerce Department said former Commerce Secretary Jane Doe agreed.", []),
        ("The Commerce Department said Treasury Secretary Jane Doe agreed.", []),
        # another country's ministry, and a head of government's title, are none
        ("Commerce Secretary Jane Doe met Chinese officials. The Chinese Commerce Ministry "
         "said the talks were useful.", []),
        ("Japan's Finance Minister Jan Roe spoke. Germany's Finance Ministry declined to "
         "comment.", []),
        ("Prime Minister Tom Lee said the Ministry for Primary Industries would lead.", []),
    ],
)
def test_ministers_of_a_field(nlp, text, expected):
    assert triples(nlp, text) == sorted(expected)


@pytest.mark.parametrize(
    "text",
    [
        # a business "of" a customer is no holding; a rating or a rule "from" a party is no
        # supply; a group of rivals named together is no partnership
        "Qualcomm Inc's Apple business is expected to shrink this year.",
        "Tesla Inc's shares carry a buy rating from Goldman Sachs.",
        "Acme Corp adopted new accounting rules from the Financial Accounting Standards Board.",
        "Audit fees rose at the Big Four, a group made up of Deloitte, PwC, EY and KPMG.",
    ],
)
def test_readings_that_state_no_relation(nlp, text):
    assert [t for t in triples(nlp, text) if t[1] in ("investsIn", "supplies",
                                                     "partnersWith")] == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # a merger of one company with another
        ("Acme Holdings was formed from the merger of Globex Corp with Initech Inc.",
         [("Globex Corp", "partnersWith", "Initech Inc.")]),
        ("The merger of Globex Corp with Initech Inc was approved.",
         [("Globex Corp", "partnersWith", "Initech Inc")]),
        # a memorandum or letter "of understanding" signed with a party
        ("Acme Corp has signed a memorandum of understanding with Globex Inc.",
         [("Acme Corp", "partnersWith", "Globex Inc.")]),
        # joining a consortium another party leads
        ("Acme Corp said it would participate in a consortium led by Globex Inc.",
         [("Acme Corp", "partnersWith", "Globex Inc.")]),
        ("Acme Corp joined a consortium headed by Globex Inc to bid for the airport.",
         [("Acme Corp", "partnersWith", "Globex Inc")]),
        # pooling a business with a party
        ("Acme Corp planned to pool sales and marketing of equipment with Globex Inc.",
         [("Acme Corp", "partnersWith", "Globex Inc.")]),
    ],
)
def test_mergers_memoranda_and_consortia(nlp, text, expected):
    assert triples(nlp, text) == sorted(expected)


def test_a_memorandum_with_a_party_described_before_its_name(nlp):
    # the affiliate is kept apart as a unit noun, so the name in apposition is the party
    text = ("Globex Corp's Acme Trucks unit has signed a memorandum of understanding with its "
            "affiliate Initech Motors Ltd.")
    assert [t for t in triples(nlp, text) if t[1] == "partnersWith"] == [
        ("Acme Trucks", "partnersWith", "Initech Motors Ltd.")]


@pytest.mark.parametrize(
    "text, expected",
    [
        # the members a consortium or alliance includes are partners of each other
        ("A consortium of carmakers, which includes Toyota, Honda and Mazda, filed a suit.",
         [("Honda", "partnersWith", "Mazda"), ("Toyota", "partnersWith", "Honda"),
          ("Toyota", "partnersWith", "Mazda")]),
        # and of one that is part of it or joins it
        ("Acme Corp is part of an alliance that includes Toyota and Honda.",
         [("Acme Corp", "partnersWith", "Honda"), ("Acme Corp", "partnersWith", "Toyota"),
          ("Toyota", "partnersWith", "Honda")]),
        ("Acme Corp joined an alliance that includes Toyota and Honda.",
         [("Acme Corp", "partnersWith", "Honda"), ("Acme Corp", "partnersWith", "Toyota"),
          ("Toyota", "partnersWith", "Honda")]),
        # a consortium called by a name has the members it includes
        ("In 2013, a consortium of companies called OpenRoad Group, which includes Toyota and "
         "Honda, sued Google.",
         [("Honda", "memberOf", "OpenRoad Group"), ("OpenRoad Group", "opposes", "Google"),
          ("Toyota", "memberOf", "OpenRoad Group"), ("Toyota", "partnersWith", "Honda")]),
        # joining others in backing a company: partners, and each backs it
        ("Toyota joined Honda in backing Uber Technologies.",
         [("Honda", "investsIn", "Uber Technologies"), ("Toyota", "investsIn", "Uber Technologies"),
          ("Toyota", "partnersWith", "Honda")]),
        ("Toyota joined Honda in investing in Uber Technologies.",
         [("Honda", "investsIn", "Uber Technologies"), ("Toyota", "investsIn", "Uber Technologies"),
          ("Toyota", "partnersWith", "Honda")]),
        ("Toyota joined Honda in calling for lower tariffs.",
         [("Toyota", "partnersWith", "Honda")]),
        # those joined are partners of each other too
        ("Apple joined Toyota and Honda in backing Uber Technologies.",
         [("Apple", "investsIn", "Uber Technologies"), ("Apple", "partnersWith", "Honda"),
          ("Apple", "partnersWith", "Toyota"), ("Honda", "investsIn", "Uber Technologies"),
          ("Toyota", "investsIn", "Uber Technologies"), ("Toyota", "partnersWith", "Honda")]),
        # parties that create one thing together are partners, unless each acts on its own
        ("Microsoft and Intel developed a standard for chips.",
         [("Microsoft", "partnersWith", "Intel")]),
        ("Microsoft and Intel each developed a standard for chips.", []),
        ("Both Microsoft and Intel developed a standard for chips.", []),
        # united parties, and parties agreeing to act together
        ("India and France are united in their determination to fight terrorism.",
         [("India", "partnersWith", "France")]),
        ("Toyota and Honda agreed to work together on batteries.",
         [("Toyota", "partnersWith", "Honda")]),
    ],
)
def test_groups_and_joint_action(nlp, text, expected):
    assert triples(nlp, text) == sorted(expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        # what a question word's clause under a negated verb of telling asks about is so
        ("Toyota did not disclose how much money it invested in Uber Technologies.",
         [("Toyota", "investsIn", "Uber Technologies")]),
        # not what one did not say, nor whether it happened
        ("Toyota did not say it invested in Uber Technologies.", []),
        ("Toyota did not say whether it invested in Uber Technologies.", []),
    ],
)
def test_a_question_under_a_negated_telling_is_stated(nlp, text, expected):
    assert triples(nlp, text) == sorted(expected)


def test_a_regulator_approving_its_acquisition_is_no_buyer(nlp):
    # "its" of a deal a public body approves is the buyer's, not the body's
    text = ("Comcast was bound by terms when the Federal Communications Commission approved "
            "its acquisition of NBC Universal in 2011.")
    assert [t for t in triples(nlp, text) if t[1] == "investsIn"] == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # rivals listed with no owner are the rivals of the company in focus
        ("Globex Corp sells inflight Wi-Fi. Since its service began, competitors like Acme "
         "Inc and Initech Inc have entered the market.",
         [("Acme Inc", "competesWith", "Globex Corp"),
          ("Initech Inc", "competesWith", "Globex Corp")]),
        # ... or of the subject of the sentence's main clause
        ("Globex Corp sells chips. Hooli Inc lost money amid fierce price cuts by rivals "
         "such as Acme Inc and Initech Inc.",
         [("Acme Inc", "competesWith", "Hooli Inc"),
          ("Initech Inc.", "competesWith", "Hooli Inc")]),
        # the last item the parser hangs on the noun is listed too
        ("Globex Corp sells inflight Wi-Fi. Since Globex's service first launched, Acme says, "
         "competitors like Initech, Hooli, ViaTel, and Orbital Falcon have entered the "
         "market.",
         [("Hooli", "competesWith", "Globex Corp"),
          ("Initech", "competesWith", "Globex Corp"),
          ("Orbital Falcon", "competesWith", "Globex Corp")]),
        # the company in focus, not named in the sentence, is not read as their rival
        ("Globex Corp sells chips. He says competitors like Acme Inc and Initech Inc have "
         "grown.", []),
        # a product of another company is no rival listed
        ("Globex Corp sells mail. Customers may leave it for competitors such as Acme's "
         "Mailbox.", []),
    ],
)
def test_rivals_listed_with_no_owner(nlp, text, expected):
    assert [t for t in triples(nlp, text) if t[1] == "competesWith"] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # forcing or compelling a party to act is acting against it
        ("Through the courts, the FBI is trying to force Acme Inc to help unlock a phone.",
         [("FBI", "opposes", "Acme Inc")]),
        ("The Justice Department sought orders to compel Globex Corp to unlock the phone.",
         [("Justice Department", "opposes", "Globex Corp")]),
        # forcing without a party made to act says nothing of one
        ("The Trade Commission forced a change at Globex Corp.", []),
    ],
)
def test_forcing_a_party_to_act(nlp, text, expected):
    assert [t for t in triples(nlp, text) if t[1] == "opposes"] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a critique one offers, issues or delivers of a party or of its action
        ("Judge Jane Roe offers a scathing critique of the Trade Commission's use of the law.",
         [("Jane Roe", "opposes", "Trade Commission")]),
        ("Senator Jane Roe issued a sharp rebuke of Acme Inc on Monday.",
         [("Jane Roe", "opposes", "Acme Inc")]),
        # criticism a party faces is not its own
        ("Acme Inc faced criticism of its handling of the recall.", []),
    ],
)
def test_a_critique_offered(nlp, text, expected):
    assert [t for t in triples(nlp, text) if t[1] == "opposes"] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a byline naming the agency after a bar, at the start of a line
        ("Storm closes ports\n\nBy Mara Lind | Nordpress April 1 at 9:10 AM\n\n"
         "OSLO — The storm closed three ports on Friday.",
         [("Mara Lind", "worksFor", "Nordpress")]),
        # a photograph's credit, the bracket glued to the caption's last word
        ("Dockers unload a ship at the port of Tromso.(Photo: Mara Lind, Nordpress)\n\n"
         "The storm closed three ports on Friday.",
         [("Mara Lind", "worksFor", "Nordpress")]),
    ],
)
def test_bylines_and_photo_credits_name_the_agency(nlp, text, expected):
    assert [t for t in triples(nlp, text) if t[1] == "worksFor"] == expected


def test_a_bar_inside_a_sentence_is_no_byline(nlp):
    text = "The vote was won by Mara Lind | Nordpress reported the count."
    assert [t for t in triples(nlp, text) if t[1] == "worksFor"] == []


def test_a_describing_noun_stands_for_the_name_right_after_it(nlp):
    # the parser hangs the name on the speaker; the noun is not the body named before
    text = ("“It is hard to cheer for more airline mergers, whatever conditions the FAA might "
            "adopt,” Tom Reed of the advocacy group Flyers First said.")
    assert triples(nlp, text) == [("Tom Reed", "worksFor", "Flyers First")]


@pytest.mark.parametrize(
    "text",
    [
        # "at" hangs on the verb, not on "board"
        "Jane Roe sits on the board at Initech Corp.",
        # the verb of a clause that says what a fact is
        "What makes it harder is the fact that Jane Roe sits on the board at Initech Corp.",
    ],
)
def test_sitting_on_the_board_at_a_company(nlp, text):
    assert [t for t in triples(nlp, text) if t[1] == "memberOf"] == [
        ("Jane Roe", "memberOf", "Initech Corp.")]


def test_a_plural_title_before_a_list_of_people_with_their_places(nlp):
    text = ("Nordic News Agency writers Jane Roe in Oslo, Tom Reed in Bergen and Ann Lee in "
            "Tromso, Norway, contributed to this report.")
    assert [t for t in triples(nlp, text) if t[1] == "worksFor"] == [
        ("Ann Lee", "worksFor", "Nordic News Agency"),
        ("Jane Roe", "worksFor", "Nordic News Agency"),
        ("Tom Reed", "worksFor", "Nordic News Agency")]


def test_a_name_before_a_role_and_a_persons_name_is_the_employer(nlp):
    # the model reads "Kelly Green Guide" as a person, its first word a given name
    text = ("It may be a “very costly fix,” says Kelly Green Guide analyst Karl Brenner, but "
            "it\u2019s “a necessary step.”")
    assert triples(nlp, text) == [("Karl Brenner", "worksFor", "Kelly Green Guide")]


def _clause_parse(verb: str) -> Doc:
    """ "Novak , whose stockpile is rivaled , <verb> to attend ." with the parser's mistake
    of hanging "rivaled" (and Novak with it) on the main verb as its reported clause."""
    words = ["Novak", ",", "whose", "stockpile", "is", "rivaled", ",", verb, "to", "attend", "."]
    heads = [5, 0, 3, 5, 5, 7, 7, 7, 9, 7, 7]
    deps = ["nsubjpass", "punct", "poss", "nsubjpass", "auxpass", "ccomp", "punct", "ROOT",
            "aux", "xcomp", "punct"]
    pos = ["PROPN", "PUNCT", "DET", "NOUN", "AUX", "VERB", "PUNCT", "VERB", "PART", "VERB",
           "PUNCT"]
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos)


@pytest.mark.parametrize(("verb", "hedged"), [("refused", False), ("denied", True)])
def test_a_clause_hung_on_a_refusal_is_no_refusal(verb, hedged):
    # one refuses to do a thing; only a denial makes what is said not so
    assert _hedged(_clause_parse(verb)[0]) is hedged


@pytest.mark.parametrize(
    "text, expected",
    [
        # what one only weighs doing is not done; what one should do is not yet so
        ("U.S. regulators discussed fining Globex Inc on Friday, people familiar said.", []),
        ("U.S. regulators fined Globex Inc on Friday, people familiar said.",
         [("United States", "sanctions", "Globex Inc")]),
        ("Acme Corp should cooperate with Globex Inc on the project, Smith said.", []),
        ("Acme Corp will cooperate with Globex Inc on the project, Smith said.",
         [("Acme Corp", "partnersWith", "Globex Inc")]),
    ],
)
def test_what_is_weighed_or_only_advised_states_no_relation(nlp, text, expected):
    assert triples(nlp, text) == sorted(expected)


def test_a_name_the_model_missed_before_a_reporters_title_and_name(nlp):
    # the model tags no organisation; the sentence's opening verb is no part of the name
    text = "Follow NORDIC DAILY reporter Jane Roe on Twitter @JaneRoe."
    assert triples(nlp, text) == [("Jane Roe", "worksFor", "NORDIC DAILY")]


_COMPLAINT = ("The Norland Commission filed a formal antitrust complaint against Acme over its "
              "search engine. ")
_DENIED = ("Acme", "opposes",
           "Norland Commission antitrust charges against Acme over search engine")


@pytest.mark.parametrize(
    "text, denied",
    [
        # a party denying a charge with no owner opposes the measure just told of that targets it
        (_COMPLAINT + "Acme denies any wrongdoing.", True),
        (_COMPLAINT + "Rivals welcomed the move. Acme disputed the allegations.", True),
        # a denial negated, a charge of a named party, a measure told of long before: none
        (_COMPLAINT + "Acme did not deny any wrongdoing.", False),
        (_COMPLAINT + "Acme denied Globex's allegations.", False),
        (_COMPLAINT + "Rivals welcomed the move. Prices fell. Sales rose. Costs rose. "
         "Acme denies any wrongdoing.", False),
    ],
)
def test_a_denied_charge_opposes_the_measure_that_targets_the_denier(nlp, text, denied):
    found = triples(nlp, text)
    assert ("Norland Commission", "imposes", _DENIED[2]) in found
    assert (_DENIED in found) is denied


@pytest.mark.parametrize(
    "text, expected",
    [
        # a party that sues with no party of its own sues the party a joined clause sues
        ("The Norland Justice Department plans to sue Acme for fraud, and the Vexian Trade "
         "Board is suing for false advertising.",
         [("Norland Justice Department", "opposes", "Acme"),
          ("Vexian Trade Board", "opposes", "Acme")]),
        # nor where it does not sue
        ("The Norland Justice Department plans to sue Acme for fraud, and the Vexian Trade "
         "Board is not suing.",
         [("Norland Justice Department", "opposes", "Acme")]),
    ],
)
def test_a_suit_with_no_party_of_its_own_sues_the_joined_clauses_party(nlp, text, expected):
    assert triples(nlp, text) == sorted(expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        # a legislator's title before the name: a member of the chamber the text names; a
        # title in the plural is each listed person's
        ("Senators Jane Doe of Utah, Bob Stone of Ohio and John Roe of Iowa said they would "
         "back the bill in the Senate.",
         [("Bob Stone", "memberOf", "Senate"), ("Jane Doe", "memberOf", "Senate"),
          ("John Roe", "memberOf", "Senate")]),
        ("Rep. John Roe said the House of Representatives would vote next week.",
         [("John Roe", "memberOf", "House of Representatives")]),
        # a state's chamber, a past title, or no chamber named, give nothing
        ("State Senator Jane Doe said the Senate would vote on the bill.", []),
        ("Former Senator Jane Doe said the Senate would vote on the bill.", []),
        ("Senator Jane Doe said the bill would pass.", []),
        ("Representative Jane Doe spoke at the White House on Monday.", []),
    ],
)
def test_legislators_sit_in_the_chamber_named(nlp, text, expected):
    assert [t for t in triples(nlp, text) if t[1] == "memberOf"] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a title after a name and a comma, where the parser splits the apposition
        ("In a statement, Jane Doe, Acme chairman said the sale was a success.",
         [("Jane Doe", "chairs", "Acme")]),
        ("Jane Doe, Acme Corp chief executive, said the sale was a success.",
         [("Jane Doe", "leads", "Acme Corp")]),
        ("Jane Doe, Acme Corp chief executive and chairman, said the sale was a success.",
         [("Jane Doe", "chairs", "Acme Corp"), ("Jane Doe", "leads", "Acme Corp")]),
        # the title of the name after it, and a past title, are not the first name's
        ("Analysts including Jane Doe, Acme Corp chief executive Bob Stone and others met.",
         [("Bob Stone", "leads", "Acme Corp")]),
        ("Jane Doe, former Acme Corp chairman, said the sale was a success.", []),
    ],
)
def test_a_title_after_a_name_and_a_comma(nlp, text, expected):
    assert triples(nlp, text) == sorted(expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        # "X from <country>": where the organisation is, each of a list
        ("The consortium includes private equity firms Acme Partners from the United States "
         "and Globex Capital from China - and has bid $78 per share.",
         [("Acme Partners", "basedIn", "United States"), ("Globex Capital", "basedIn", "China")]),
        # a route, a country's own body, a town a reporter files from: none
        ("Shipments by Acme Corp from China to Mexico rose.", []),
        ("A letter to Acme Corp from China's commerce ministry arrived.", []),
        ("Globex Inc reported from Washington and Acme Corp from Los Angeles.", []),
    ],
)
def test_organisations_from_countries(nlp, text, expected):
    assert [t for t in triples(nlp, text) if t[1] == "basedIn"] == expected


def test_a_sale_to_some_of_the_buyers_listed_after_a_dash(nlp):
    text = ("Acme Corp makes phones. It sells handset devices to three of the four largest "
            "U.S. mobile carriers - AT&T, T-Mobile US and Sprint Corp.")
    assert [t for t in triples(nlp, text) if t[1] == "supplies"] == [
        ("Acme Corp", "supplies", "AT&T"), ("Acme Corp", "supplies", "Sprint Corp.")]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a general manager runs the business; an assistant or deputy one works there
        ("Acme Bank Ltd reported a profit. General manager Jane Doe declined to give a "
         "forecast.", [("Jane Doe", "leads", "Acme Bank Ltd")]),
        ("Acme Bank Ltd reported a profit. Assistant general manager Jane Doe said loans rose.",
         [("Jane Doe", "worksFor", "Acme Bank Ltd")]),
        ("Jane Doe, general manager of Acme Bank Ltd, said loans rose.",
         [("Jane Doe", "leads", "Acme Bank Ltd")]),
        ("Jane Doe, deputy general manager of Acme Bank Ltd, said loans rose.",
         [("Jane Doe", "worksFor", "Acme Bank Ltd")]),
    ],
)
def test_general_managers(nlp, text, expected):
    assert triples(nlp, text) == sorted(expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        # a supplier described with its customers, by a copula or in apposition
        ("Acme Corp is the world's biggest chipmaking equipment supplier, with customers "
         "including Globex Co Ltd, Initech Corp and Hooli Co Ltd.",
         [("Acme Corp", "supplies", "Globex Co Ltd"), ("Acme Corp", "supplies", "Hooli Co Ltd."),
          ("Acme Corp", "supplies", "Initech Corp")]),
        ("Acme Corp, a major supplier with customers including Globex Inc and Initech Inc, "
         "said it would grow.",
         [("Acme Corp", "supplies", "Globex Inc"), ("Acme Corp", "supplies", "Initech Inc")]),
        # parts made for a customer's products
        ("Globex Inc, which makes the screens for Acme Corp's phones, said sales rose.",
         [("Globex Inc", "supplies", "Acme Corp")]),
        ("Globex Inc builds engines for Acme Corp's jets.",
         [("Globex Inc", "supplies", "Acme Corp")]),
        # the maker of a company's products supplies it; a user of a company's products buys
        # from it
        ("Globex Inc is the sole manufacturer of Acme Corp's new chip.",
         [("Globex Inc", "supplies", "Acme Corp")]),
        ("Globex Inc, the sole maker of Acme Corp's chips, rose.",
         [("Globex Inc", "supplies", "Acme Corp")]),
        ("Acme Corp is the biggest buyer of Globex Inc's chips.",
         [("Globex Inc", "supplies", "Acme Corp")]),
        ("Hawaii sued Globex Inc and Acme Corp, the largest user of recalled Globex air bags.",
         [("Globex Inc", "supplies", "Acme Corp")]),
        # a verb of serving a customer "with" what it gets, whatever else the verb may mean
        ("Globex Inc will provide Acme Corp with engines.",
         [("Globex Inc", "supplies", "Acme Corp")]),
        # a "tie-up", however it is tokenised, is a partnership
        ("A tie-up between Acme Corp and Globex Inc was announced.",
         [("Acme Corp", "partnersWith", "Globex Inc")]),
        # backing or funding a company, by its investors or by investors listed after a noun
        ("Acme Corp and Initech Inc funded Globex Inc, a startup.",
         [("Acme Corp", "investsIn", "Globex Inc"), ("Initech Inc", "investsIn", "Globex Inc")]),
        ("Venture capital investors including Acme Capital and Initech Ventures backed Globex "
         "Inc, which set out to build a thermostat.",
         [("Acme Capital", "investsIn", "Globex Inc"),
          ("Initech Ventures", "investsIn", "Globex Inc")]),
        # backing a company's bid is no stake in it
        ("Acme Corp backed Globex Inc's bid.", []),
        # money put into a company is an investment in it; pressure put on it is not
        ("Acme Corp poured money into Globex Inc.", [("Acme Corp", "investsIn", "Globex Inc.")]),
        ("Acme Corp has put $500 million into Globex Inc.",
         [("Acme Corp", "investsIn", "Globex Inc.")]),
        ("Acme Corp put pressure on Globex Inc.", []),
        # the leader of a group partners each member the group is said to include
        ("A consortium led by Acme Corp that includes Globex Inc won the tender.",
         [("Acme Corp", "partnersWith", "Globex Inc")]),
        ("A consortium led by Acme Corp that includes private equity firms Globex Capital and "
         "Initech Partners won the tender.",
         [("Acme Corp", "partnersWith", "Globex Capital"),
          ("Acme Corp", "partnersWith", "Initech Partners"),
          ("Globex Capital", "partnersWith", "Initech Partners")]),
        # a stake held along with another company is held by both
        ("Acme Corp holds a 20 pct stake in Globex Inc, along with Initech Corp.",
         [("Acme Corp", "investsIn", "Globex Inc"), ("Initech Corp.", "investsIn", "Globex Inc")]),
        ("Along with Initech Corp, Acme Corp bought a stake in Globex Inc.",
         [("Acme Corp", "investsIn", "Globex Inc."), ("Initech Corp", "investsIn", "Globex Inc.")]),
        # stakes in companies a plural noun describes
        ("Acme Corp has taken stakes in two startups, Globex Inc and Initech Inc.",
         [("Acme Corp", "investsIn", "Globex Inc"), ("Acme Corp", "investsIn", "Initech Inc.")]),
    ],
)
def test_deals_stated_by_nouns_and_buyers(nlp, text, expected):
    assert sorted(t for t in triples(nlp, text)
                  if t[1] in ("supplies", "partnersWith", "investsIn")) == expected


def test_sequence_rules_run_only_where_a_match_can_be_read(nlp):
    text = ("Globex Corp Chairman Jane Doe said so. Acme rose. Initech's rival Acme Inc fell, "
            "and Hooli Inc. said it sold a unit.")
    extractor = nlp.get_pipe("ng_relations")
    names = [name for name, _ in nlp.pipeline]
    with nlp.select_pipes(enable=names[:names.index("ng_relations")]):
        doc = nlp(text)
    state = extractor._mark(doc)
    read = extractor._sequence_matches(doc, state)
    assert [(doc.vocab.strings[key], doc[start:end].text) for key, start, end in read] == [
        ("role-sequence", "Corp Chairman Jane"), ("role-sequence", "Globex Corp Chairman Jane"),
        ("possessive-rival-sequence", "Initech's rival Acme"),
        ("possessive-rival-sequence", "Initech's rival Acme Inc")]
    # the whole document's matches that a rule reads: none across a full stop
    every = extractor.sequences(doc, as_spans=False)
    assert [m for m in every if "." not in doc[m[1]:m[2]].text.split()] == read


def test_a_sequence_patterns_anchor_is_a_token_every_match_has():
    assert sequence_anchor([{"LOWER": "the", "OP": "?"}, {"_": {"ng_in": {"IN": ["Person"]}}},
                            {"LOWER": {"IN": ["rival"]}, "OP": "{1,2}"}]) == (
        frozenset({"rival"}), frozenset())
    assert sequence_anchor([{"LOWER": "rival", "OP": "{0,2}"}]) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        # a company's rivals said to include others, also through "whose"
        ("Acme Corp's rivals include Globex Corp and Initech Inc.",
         [("Acme Corp", "competesWith", "Globex Corp"),
          ("Acme Corp", "competesWith", "Initech Inc.")]),
        ("Acme Corp, whose rivals include Globex Corp, said sales rose.",
         [("Acme Corp", "competesWith", "Globex Corp")]),
        # refusing to deal with a party opposes it; not refusing does not
        ("Globex Inc has refused to negotiate with Acme Corp since April.",
         [("Globex Inc", "opposes", "Acme Corp")]),
        ("Globex Inc did not refuse to negotiate with Acme Corp.", []),
        # a passive conjunct says the subject of the verb before it, unless it has its own
        ("Acme Corp made an offer but was rejected by Globex Inc.",
         [("Globex Inc.", "opposes", "Acme Corp")]),
        ("Acme Corp made an offer, and Initech Inc was rejected by Globex Inc.",
         [("Globex Inc.", "opposes", "Initech Inc")]),
        # an agent engaged to buy or sell for another holds nothing; who plans to sell does
        ("Acme Corp hired Globex Bank to sell Initech Inc.", []),
        ("Acme Corp has retained Globex Bank to sell its stake in Initech Inc.", []),
        ("Acme Corp plans to sell Initech Inc.", [("Acme Corp", "investsIn", "Initech Inc.")]),
        # two passive verbs joined share their subject and their agent, unless each has its own
        ("Globex Corp was charged and fined by the Acme Authority.",
         [("Acme Authority", "sanctions", "Globex Corp")]),
        ("Globex Corp was sued and fined by the Acme Authority.",
         [("Acme Authority", "opposes", "Globex Corp"),
          ("Acme Authority", "sanctions", "Globex Corp")]),
        ("Globex Corp was sued by Initech Inc and fined by the Acme Authority.",
         [("Acme Authority", "sanctions", "Globex Corp"),
          ("Initech Inc", "opposes", "Globex Corp")]),
        ("Globex Corp was praised, and Initech Inc was fined by the Acme Authority.",
         [("Acme Authority", "sanctions", "Initech Inc")]),
        ("Globex Inc was fined by the Acme Authority and sued by Initech Corp.",
         [("Acme Authority", "sanctions", "Globex Inc"),
          ("Initech Corp.", "opposes", "Globex Inc")]),
        # a body that finds or judges that a party broke the rules, in any clause it says
        # a regulator's finding is also its ruling on the party (ingest/policies.py)
        ("The Acme Authority found that Globex Inc had violated the rules.",
         [("Acme Authority", "imposes", "Acme Authority ruling on Globex Inc"),
          ("Acme Authority", "opposes", "Globex Inc"),
          ("Acme Authority ruling on Globex Inc", "targets", "Globex Inc")]),
        ("The Acme Authority judged that the fees are legal and that Globex Inc breached the law.",
         [("Acme Authority", "imposes", "Acme Authority ruling on Globex Inc"),
          ("Acme Authority", "opposes", "Globex Inc"),
          ("Acme Authority ruling on Globex Inc", "targets", "Globex Inc")]),
        # a court's ruling is no party's accusation
        ("The Acme Court ruled that Globex Inc had violated the rules.", []),
        # an auditor's finding is no accusation: only a body that sets policy accuses so
        ("Deloitte found that Globex Inc breached accounting rules.", []),
        # saying a party broke a rule is an accusation, whoever says it
        ("Acme Corp said that Globex Inc violated the contract.",
         [("Acme Corp", "opposes", "Globex Inc")]),
    ],
)
def test_rivals_refusals_and_findings(nlp, text, expected):
    assert triples(nlp, text) == sorted(expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        # who asks another to impose a measure on a party opposes the party; the one asked,
        # named or a body, is who would impose it, not the asker
        ("The Senate called on Jane Doe to impose penalties on Japanese exports.",
         [("Senate", "opposes", "Japan")]),
        ("Brazil urged the government to impose sanctions on Argentina.",
         [("Brazil", "opposes", "Argentina")]),
        ("Globex Inc urged the regulator to impose a fine on Acme Corp.",
         [("Globex Inc", "opposes", "Acme Corp.")]),
        ("Brazil did not urge the government to impose sanctions on Argentina.", []),
    ],
)
def test_asking_for_a_measure_on_a_party(nlp, text, expected):
    assert triples(nlp, text) == sorted(expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        # a passive's "by" the parser reads as a plain preposition is its agent all the same
        ("The Globex Authority opened an inquiry into Acme Bank in May. Acme Bank was fined "
         "£5m by the watchdog.",
         [("Globex Authority", "imposes", "Globex Authority investigation into Acme Bank"),
          ("Globex Authority", "sanctions", "Acme Bank"),
          ("Globex Authority investigation into Acme Bank", "targets", "Acme Bank")]),
        ("Acme Bank was not fined by the Globex Authority.", []),
        # a penalty a party is handed, given or hit with by a body
        ("Acme Bank was handed a £5m fine by the Globex Authority.",
         [("Globex Authority", "sanctions", "Acme Bank")]),
        ("Acme Bank was hit with a $10 million penalty by the Globex Commission.",
         [("Globex Commission", "sanctions", "Acme Bank")]),
        ("Acme Bank was not handed a fine by the Globex Authority.", []),
        ("Acme Bank was handed a contract by the Globex Authority.", []),
        # seizing a party's holdings, or revoking or suspending its licence, sanctions it
        ("The French government seized the shares from Acme Inc.",
         [("France", "sanctions", "Acme Inc.")]),
        ("The Globex Commission sequestered the shares of Acme Inc.",
         [("Globex Commission", "sanctions", "Acme Inc.")]),
        ("The Globex Commission suspended Acme Inc's licence.",
         [("Globex Commission", "sanctions", "Acme Inc")]),
        ("The Globex Commission revoked the licence of Acme Inc.",
         [("Globex Commission", "sanctions", "Acme Inc.")]),
        ("The Globex Commission did not revoke the licence of Acme Inc.", []),
    ],
)
def test_seizing_revoking_and_fining_by_a_prepositional_agent(nlp, text, expected):
    assert triples(nlp, text) == sorted(expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        # paying to resolve a body's investigation or charges: the body sanctions the payer
        ("Acme Corp agreed to pay $10 million to settle charges brought by the Securities and "
         "Exchange Commission.",
         [("Securities and Exchange Commission", "sanctions", "Acme Corp")]),
        ("Acme Corp did not pay to settle charges brought by the Securities and Exchange "
         "Commission.", []),
        # "by" hung on the settling verb; a penalty agreed to settle the case
        ("Acme Inc agreed to pay $200 million to settle charges by the Federal Trade Commission.",
         [("Federal Trade Commission", "sanctions", "Acme Inc")]),
        ("Acme Inc agreed to a censure to settle charges by the Globex Commission.",
         [("Globex Commission", "sanctions", "Acme Inc")]),
        ("Acme Inc did not agree to pay $200 million to settle charges by the Federal Trade "
         "Commission.", []),
    ],
)
def test_paying_to_resolve_a_bodys_case(nlp, text, expected):
    assert triples(nlp, text) == sorted(expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        # who faces or is hit with a suit is opposed by who brings it
        ("Acme Corp is facing lawsuits from Globex Inc and Initech Inc.",
         [("Globex Inc", "opposes", "Acme Corp"), ("Initech Inc.", "opposes", "Acme Corp")]),
        ("Acme Corp is facing a lawsuit filed by Globex Inc.",
         [("Globex Inc.", "opposes", "Acme Corp")]),
        ("Acme Corp was hit with a lawsuit by Globex Inc.",
         [("Globex Inc.", "opposes", "Acme Corp")]),
        ("Acme Corp does not face a lawsuit from Globex Inc.", []),
        # a court ruling won against a party; a party taken to court, however parsed
        ("Globex Inc won a court ruling against Acme Corp.",
         [("Globex Inc", "opposes", "Acme Corp.")]),
        ("Acme Corp won a court ruling in its favour.", []),
        ("Globex Inc took Acme Corp to court over unpaid bills.",
         [("Globex Inc", "opposes", "Acme Corp")]),
        ("Globex Inc took Acme Corp to dinner.", []),
    ],
)
def test_suits_faced_and_rulings_won(nlp, text, expected):
    assert triples(nlp, text) == sorted(expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        # the price paid for a company, the "for" read under the amount
        ("Acme Corp paid 240 mln dlrs for Globex Chemicals Co.",
         [("Acme Corp", "investsIn", "Globex Chemicals Co.")]),
        ("Acme Corp paid a visit to Globex Inc.", []),
        # a share of a company, or of its shares, said to be owned, held or controlled by another
        ("Just under 40 pct of Globex Corp is owned by Acme Ltd.",
         [("Acme Ltd.", "investsIn", "Globex Corp")]),
        ("The rest of Globex Corp is held by Initech Corp.",
         [("Initech Corp.", "investsIn", "Globex Corp")]),
        ("Under the plan, 40 pct of Globex Inc's shares will be controlled by Acme Corp.",
         [("Acme Corp.", "investsIn", "Globex Inc")]),
        # a company acquired from its owner, as one bought from it: the owner held it
        ("Acme Corp agreed to acquire Globex Inc from Initech Corp for $2 billion.",
         [("Acme Corp", "investsIn", "Globex Inc"), ("Initech Corp", "investsIn", "Globex Inc")]),
        ("Acme Corp acquired the rights from Globex Inc.", []),
        # lending named by its noun, or by the borrower's verb: the lender invests in the borrower
        ("Acme Bank's $2 billion loan to Globex Inc was repaid.",
         [("Acme Bank", "investsIn", "Globex Inc")]),
        ("Another stumbling block would be the loans to Globex Corp advanced by Acme Corp "
         "of Japan.",
         [("Acme Corp", "basedIn", "Japan"), ("Acme Corp", "investsIn", "Globex Corp")]),
        ("Globex Inc borrowed $2 billion from Acme Bank.",
         [("Acme Bank", "investsIn", "Globex Inc")]),
        ("Globex Inc borrowed ideas from Acme Corp.", []),
    ],
)
def test_prices_shares_held_and_loans(nlp, text, expected):
    assert triples(nlp, text) == sorted(expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        # goods made for a customer (plural goods: "made a bid for" is no supply)
        ("Acme Corp manufactures phones for Globex Inc.",
         [("Acme Corp", "supplies", "Globex Inc.")]),
        ("Acme Corp made a bid for Globex Inc.", []),
        # goods used, bought or sold that another made
        ("Globex Inc uses chips made by Acme Corp.",
         [("Acme Corp.", "supplies", "Globex Inc")]),
        ("Globex Inc markets a similar model made by Acme Corp.",
         [("Acme Corp.", "supplies", "Globex Inc")]),
        # a supplier chosen, to supply or as the supplier
        ("Globex Inc said it had chosen Acme Corp to supply engines.",
         [("Acme Corp", "supplies", "Globex Inc")]),
        ("Globex Inc picked Acme Corp as its supplier.",
         [("Acme Corp", "supplies", "Globex Inc")]),
        ("Globex Inc named Acme Corp as its adviser.", []),
    ],
)
def test_goods_made_used_and_suppliers_chosen(nlp, text, expected):
    assert triples(nlp, text) == sorted(expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        # partners named after "with partners": the clause's subject partners each
        ("Acme Corp will operate the block with partners Globex Inc, Initech AS and Hooli Ltd.",
         [("Acme Corp", "partnersWith", "Globex Inc"), ("Acme Corp", "partnersWith", "Hooli Ltd."),
          ("Acme Corp", "partnersWith", "Initech AS")]),
        ("Acme Corp met with partners in London.", []),
        # a country's possessive before a company's unit says where the company is, not that
        # the country holds it
        ("West Germany's Siemens AG allied with France's Schneider SA subsidiary "
         "Jeumont-Schneider.",
         [("Schneider SA", "basedIn", "France"),
          ("Schneider SA", "investsIn", "Jeumont-Schneider"),
          ("Siemens AG", "basedIn", "Germany"),
          ("Siemens AG", "partnersWith", "Jeumont-Schneider")]),
    ],
)
def test_partners_named_and_units_of_a_countrys_company(nlp, text, expected):
    assert triples(nlp, text) == sorted(expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        # financing provided is an investment, not a supply; what is provided or made is no
        # goods supplied by the verb alone
        ("Acme Bank will provide bridge financing to Globex Inc.",
         [("Acme Bank", "investsIn", "Globex Inc.")]),
        ("Globex Inc will provide details to Acme Corp.", []),
        ("Acme Corp's decisions are made by Globex Inc.", []),
        ("Acme Corp's plans were made public by Globex Inc.", []),
        # leasing and chartering are buying's kin: the lessor supplies
        ("Acme Corp chartered three tankers from Globex Inc.",
         [("Globex Inc.", "supplies", "Acme Corp")]),
    ],
)
def test_goods_provided_made_for_a_customer_and_leased(nlp, text, expected):
    assert triples(nlp, text) == sorted(expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        # a fine or a ban handed to a party by a body that sets policy
        ("The Financial Conduct Authority handed Acme Bank a fine of 5 million pounds.",
         [("Financial Conduct Authority", "sanctions", "Acme Bank")]),
        ("The Financial Conduct Authority gave Acme Bank a 5 million pound penalty.",
         [("Financial Conduct Authority", "sanctions", "Acme Bank")]),
        # a company's penalty on a supplier is no fine
        ("Globex Corp gave Acme Bank a penalty for late delivery.", []),
    ],
)
def test_a_fine_handed_to_a_party(nlp, text, expected):
    assert [t for t in triples(nlp, text) if t[1] == "sanctions"] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a government that blocks a party's bid sanctions the party
        ("The British government blocked Globex Corp's bid to acquire Initech.",
         [("United Kingdom", "sanctions", "Globex Corp")]),
        # a regulator's blocking is its ruling, a company's its opposition
        ("The Federal Trade Commission blocked Globex Inc's acquisition of Initech.", []),
        ("Initech Corp blocked Globex Inc's bid.", []),
        # nor does a government's attempt to
        ("The British government's attempt to block Globex Corp's bid failed.", []),
        ("The British government threatened to block Globex Corp's bid for Initech.", []),
    ],
)
def test_a_government_blocking_a_bid_sanctions_the_bidder(nlp, text, expected):
    assert [t for t in triples(nlp, text) if t[1] == "sanctions"] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a licence taken from a party, said of the party or of its licence
        ("Acme Airlines was stripped of its licence by the Civil Aviation Authority.",
         [("Civil Aviation Authority", "sanctions", "Acme Airlines")]),
        ("The Civil Aviation Authority stripped Acme Airlines of its licence.",
         [("Civil Aviation Authority", "sanctions", "Acme Airlines")]),
        ("Acme Airlines had its licence revoked by the Civil Aviation Authority.",
         [("Civil Aviation Authority", "sanctions", "Acme Airlines")]),
        # a title taken is no licence
        ("Jane Doe was stripped of her title by Globex Corp.", []),
    ],
)
def test_a_licence_stripped_or_revoked_sanctions_its_holder(nlp, text, expected):
    assert [t for t in triples(nlp, text) if t[1] == "sanctions"] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the agent the parser hangs on what the party is banned from doing
        ("Jane Doe was banned from driving for two years by Globex Council.",
         [("Globex Council", "sanctions", "Jane Doe")]),
        ("Acme Corp was barred from selling shares by the Securities and Exchange Commission.",
         [("Securities and Exchange Commission", "sanctions", "Acme Corp")]),
        # the agent of another verb is not the banning body
        ("Acme Corp was barred from buying chips made by Globex Corp.", []),
    ],
)
def test_banned_from_doing_by_a_body(nlp, text, expected):
    assert [t for t in triples(nlp, text) if t[1] == "sanctions"] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a headline's passive without its auxiliary
        ("Acme Corp fined 2.4 billion euros by EU",
         [("EU", "sanctions", "Acme Corp")]),
        ("Acme Bank fined 5 million pounds by Financial Conduct Authority over failures",
         [("Financial Conduct Authority", "sanctions", "Acme Bank")]),
    ],
)
def test_a_headline_fine_by_a_body(nlp, text, expected):
    assert [t for t in triples(nlp, text) if t[1] == "sanctions"] == expected
