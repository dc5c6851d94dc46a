"""Enums of the newsgraph vocabulary, made by scripts/make_vocabulary.py (do not edit).

Each member is a ``str`` equal to the local name in ``ontology/newsgraph.ttl``, so it can stand
wherever the name is written: ``EntityType.PERSON == "Person"``.
"""

from enum import StrEnum

__all__ = ["EntityType", "NodeType", "PolicyKind", "Predicate"]


class NodeType(StrEnum):
    """The classes of graph nodes: entities and articles."""

    #: A news document: a file, a web page or one feed item.
    ARTICLE = "Article"
    #: An ISO 3166-1 entry; cities acting as a government or a base resolve to their country.
    COUNTRY = "Country"
    #: A company, association, agency, government body, university or exchange.
    ORGANISATION = "Organisation"
    #: A named human being.
    PERSON = "Person"
    #: One measure of one imposer, such as US export controls or an anti-dumping probe.
    POLICY = "Policy"


class EntityType(StrEnum):
    """The classes of entities (every node type but Article)."""

    #: An ISO 3166-1 entry; cities acting as a government or a base resolve to their country.
    COUNTRY = "Country"
    #: A company, association, agency, government body, university or exchange.
    ORGANISATION = "Organisation"
    #: A named human being.
    PERSON = "Person"
    #: One measure of one imposer, such as US export controls or an anti-dumping probe.
    POLICY = "Policy"


class Predicate(StrEnum):
    """The typed relations between nodes."""

    #: The subject is headquartered or based in the object country.
    BASED_IN = "basedIn"
    #: The subject is chairman, chairwoman or chair of the object.
    CHAIRS = "chairs"
    #: The subject is a rival of or challenges the object.
    COMPETES_WITH = "competesWith"
    #: The subject's shares fell on the news the article reports.
    FELL_ON_NEWS = "fellOnNews"
    #: The subject imposes, enacts, announces, approves or launches the policy.
    IMPOSES = "imposes"
    #: The subject invests in, finances, takes a stake in, owns or acquires the object.
    INVESTS_IN = "investsIn"
    #: The subject is CEO, president, premier or head of the object.
    LEADS = "leads"
    #: The subject is a member, board member or vice chairman of the object, or the object represents the subject.
    MEMBER_OF = "memberOf"
    #: The subject criticises or vows to retaliate against the object.
    OPPOSES = "opposes"
    #: The subject cooperates with, forms a group with or agrees with the object.
    PARTNERS_WITH = "partnersWith"
    #: The subject's shares rose on the news the article reports.
    ROSE_ON_NEWS = "roseOnNews"
    #: The subject sanctions, blacklists, bans or restricts the object.
    SANCTIONS = "sanctions"
    #: The subject supplies or sells to the object.
    SUPPLIES = "supplies"
    #: The policy is aimed at the object.
    TARGETS = "targets"
    #: The subject is an analyst, official or employee of the object, not its head.
    WORKS_FOR = "worksFor"


class PolicyKind(StrEnum):
    """The concepts of the policy-kind scheme."""

    #: Restrictions on what may be exported, and to whom: export curbs, entity lists, blacklists.
    EXPORT_CONTROL = "ExportControl"
    #: Divestment orders, investment bans and programme bans.
    INVESTMENT_RESTRICTION = "InvestmentRestriction"
    #: An export approval or licence granted to a party.
    LICENCE = "Licence"
    #: A measure of none of the other kinds.
    OTHER_POLICY = "OtherPolicy"
    #: State funds, grants, tax breaks and industrial plans with targets.
    SUBSIDY = "Subsidy"
    #: A duty on imports or exports.
    TARIFF = "Tariff"
    #: An anti-dumping, anti-subsidy or security probe into trade.
    TRADE_INVESTIGATION = "TradeInvestigation"
