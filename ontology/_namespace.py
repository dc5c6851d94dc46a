"""Python names for the terms of ``newsgraph.ttl`` (generated)."""

from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef

__all__ = ["NG"]


class NG(DefinedNamespace):
    """The newsgraph vocabulary.

    Generated from ``ontology/newsgraph.ttl`` with
    ``python -m rdflib.tools.defined_namespace_creator --fail``; ``tests/ontology``
    checks that the two agree.
    """

    _NS = Namespace("https://w3id.org/newsgraph/ontology#")

    _fail = True

    Article: URIRef  # A news document: a file, a web page or one feed item.
    Assertion: URIRef  # A relation triple as a whole, with how many articles support it and when it was seen.
    Country: URIRef  # An ISO 3166-1 entry; cities acting as a government or a base resolve to their country.
    Entity: URIRef  # A real-world thing the news mentions: an organisation, a person, a country or a policy.
    Evidence: URIRef  # One article's support for one assertion: the sentence, its offsets and the rule that read it.
    ExportControl: URIRef  # Restrictions on what may be exported, and to whom: export curbs, entity lists, blacklists.
    InvestmentRestriction: URIRef  # Divestment orders, investment bans and programme bans.
    Licence: URIRef  # An export approval or licence granted to a party.
    Organisation: URIRef  # A company, association, agency, government body, university or exchange.
    OtherPolicy: URIRef  # A measure of none of the other kinds.
    Person: URIRef  # A named human being.
    Policy: URIRef  # One measure of one imposer, such as US export controls or an anti-dumping probe.
    PolicyKind: URIRef  # A concept of the policy-kind scheme.
    PolicyKindScheme: URIRef  # The scheme of policy kinds.
    SanctionKinds: URIRef  # The policy kinds that restrict their targets: a policy of one of them also states ng:sanctions from each of its imposers to each of its targets.
    Subsidy: URIRef  # State funds, grants, tax breaks and industrial plans with targets.
    Tariff: URIRef  # A duty on imports or exports.
    TradeInvestigation: URIRef  # An anti-dumping, anti-subsidy or security probe into trade.
    articleCount: URIRef  # How many articles support the assertion.
    author: URIRef  # An author an article names, as written.
    basedIn: URIRef  # The subject is headquartered or based in the object country.
    chairedBy: URIRef  # The subject organisation is chaired by the object person.
    chairs: URIRef  # The subject is chairman, chairwoman or chair of the object.
    competesWith: URIRef  # The subject is a rival of or challenges the object.
    confidence: URIRef  # How likely the assertion is true, from 0 to 1: each piece of evidence counts with the precision its rule was measured at on annotated news, or the probability the relation classifier gave it, and an assertion combines its evidence.
    endChar: URIRef  # Offset just past the sentence's last character in the article text, or in the article's title where the evidence is ng:inTitle.
    evidence: URIRef  # One article's support for the assertion.
    fellOnNews: URIRef  # The subject's shares fell on the news the article reports.
    firstSeen: URIRef  # When it was first reported: the earliest date of an article supporting the assertion (a role, a sanction, any relation), or of an article mentioning the policy.
    hasMember: URIRef  # The object person or organisation is a member of the subject organisation.
    imposedBy: URIRef  # The subject policy is imposed by the object country or organisation.
    imposes: URIRef  # The subject imposes, enacts, announces, approves or launches the policy.
    inTitle: URIRef  # True where the sentence is the article's title (its dcterms:title), which is no part of the article text: ng:startChar and ng:endChar are then offsets in the title. Stated only where true.
    investsIn: URIRef  # The subject invests in, finances, takes a stake in, owns or acquires the object.
    isoCode: URIRef  # The country's ISO 3166-1 alpha-2 code, the last segment of its IRI.
    lastSeen: URIRef  # When it was last reported: the latest date of an article supporting the assertion, or of an article mentioning the policy.
    leads: URIRef  # The subject is CEO, president, premier or head of the object.
    ledBy: URIRef  # The subject organisation or country is led by the object person.
    market: URIRef  # Where the shares moved, where stated.
    memberOf: URIRef  # The subject is a member, board member or vice chairman of the object, or the object represents the subject.
    mentionCount: URIRef  # How many articles mention the entity (its schema:mentions) in the build that wrote it.
    opposes: URIRef  # The subject criticises or vows to retaliate against the object.
    partnersWith: URIRef  # The subject cooperates with, forms a group with or agrees with the object.
    percent: URIRef  # The share move in percent, where stated.
    policyKind: URIRef  # The kind of measure a policy is.
    publisher: URIRef  # The publisher an article names, as written.
    roseOnNews: URIRef  # The subject's shares rose on the news the article reports.
    rule: URIRef  # The id of the pattern that read the relation.
    sanctionedBy: URIRef  # The subject is sanctioned, blacklisted, banned or restricted by the object.
    sanctions: URIRef  # The subject sanctions, blacklists, bans or restricts the object.
    sentence: URIRef  # The sentence the relation was read from.
    startChar: URIRef  # Offset of the sentence's first character in the article text, or in the article's title where the evidence is ng:inTitle.
    supplies: URIRef  # The subject supplies or sells to the object.
    targetedBy: URIRef  # The subject country or organisation is what the object policy is aimed at.
    targets: URIRef  # The policy is aimed at the object.
    worksFor: URIRef  # The subject is an analyst, official or employee of the object, not its head.
