"""Share moves: whose shares rose or fell on the news, by how much and on which market.

A move rule of ``ingest/patterns/moves.jsonl`` ends at the article (``"@article"``); its
subjects are organisations, and the verb gives the direction. A move read as background (past
perfect, "last year", a year) or a transitive verb ("gained market share") is no move of the
share price; an index ("Hang Seng Index") is no company. The percentage ("5%", "3 per cent")
and the market ("in Hong Kong") are kept on the evidence.

>>> import spacy
>>> from spacy.tokens import Doc
>>> from newsgraph.ingest.relation_data import DocState, Node
>>> doc = Doc(spacy.blank("en").vocab, words=["Intel", "rose", "5", "%"], heads=[1, 1, 3, 1],
...           deps=["nsubj", "ROOT", "nummod", "npadvmod"], pos=["PROPN", "VERB", "NUM", "NOUN"])
>>> intel = Node("Intel", "Organisation", 0)
>>> state = DocState(nodes={0: intel})
>>> moves = share_moves([intel], "roseOnNews", {"verb": doc[1]}, state, doc[:], "move-subject")
>>> [(m.subject.name, m.predicate, m.object.name, m.percent) for m in moves]
[('Intel', 'roseOnNews', '@article', 5.0)]
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Span, Token

from newsgraph.ingest.names import lexicon, sets_policy
from newsgraph.ingest.relation_data import ARTICLE_NODE, DocState, Found, Node
from newsgraph.ontology import EntityType

__all__ = ["share_moves"]

# the word sets of lexicon.jsonl, read once: a missing set fails at import
_WORDS = lexicon()
_PERCENT = _WORDS.lower("percent_sign")
#: A percentage past this is no share move (and past what a store's decimals hold).
_MOST_PERCENT = 1e9
_BACKGROUND = _WORDS.lower("background_move")
_INDEX_WORDS = _WORDS.lower("index_head")
_SHARE_WORDS = _WORDS.lower("share_word")
_PRICE_UNITS = _WORDS.lower("price_unit")
_CLAUSE_STOP = frozenset({"conj", "advcl", "ccomp", "parataxis", "relcl", "nsubj", "nsubjpass"})
_YEAR = re.compile(r"^(19|20)\d\d$")


def share_moves(
    subjects: list[Node], predicate: str, tokens: dict[str, Token], state: DocState,
    sentence: Span, rule: str,
) -> Iterator[Found]:
    """The moves a rule read (its ``verb`` node gives the direction), one per company."""
    verb = tokens["verb"]
    anchor = verb if verb.pos_ in ("VERB", "AUX") else verb.head
    if _background(anchor) or _transitive(anchor):
        return
    subjects = [s for s in subjects if s.type == EntityType.ORGANISATION
                and s.name.split()[-1].casefold() not in _INDEX_WORDS]
    if rule.endswith("-bare"):
        # "Acme cut its forecast, sending shares tumbling": the shares of the clause's subject,
        # unless they are named as another's, or the subject is a public body (a central
        # bank's rate cut moves the market, not its own shares)
        if any(c.dep_ in ("poss", "compound", "amod", "prep") for c in tokens["shares"].children):
            return
        subjects = [s for s in subjects if not sets_policy(s.name)]
    percents = _percents(verb) or _percents(anchor)
    respectively = any(t.lower_ == "respectively" for t in anchor.children)
    market = _market(anchor, state) or (_market(verb, state) if verb is not anchor else None)
    for n, subject in enumerate(subjects):
        if respectively and len(percents) == len(subjects):
            percent: float | None = percents[n]
        else:
            percent = percents[0] if percents else None
        yield Found(subject, predicate, ARTICLE_NODE, sentence, rule, percent, market)


def _background(anchor: Token) -> bool:
    """Whether a share move reads as context (an earlier move) rather than the news."""
    if any(c.dep_ == "aux" and c.lower_ == "had" for c in anchor.children):
        return True
    if any((c.lower_, c.dep_) in (("before", "prep"), ("ahead", "advmod"))
           for c in anchor.children):
        return True  # "closed down 1% before (ahead of) the announcement": not on the news
    for child in anchor.children:
        if child.dep_ in ("nsubj", "conj", "ccomp", "advcl"):
            continue
        if child.dep_ == "prep" and any(c.dep_ == "pcomp" for c in child.children):
            continue  # "closed up 2% after rising 5% earlier": the earlier move is another's
        for t in child.subtree:
            if t.lower_ in _BACKGROUND or (t.like_num and _YEAR.match(t.text)
                                           and t.dep_ != "nummod"):  # "its 2010 IPO price"
                return True
    return False


def _transitive(verb: Token) -> bool:
    """"Advancing the development", "gained market share", "declined to comment": not a move
    of the share price (what a move's verb takes as its object is its size or the shares:
    "lost 1/4", "fell 50 cents", "sent its shares tumbling")."""
    return any((c.dep_ == "dobj" and not _amount_or_shares(c))
               or (c.dep_ == "xcomp" and c.tag_ == "VB") for c in verb.children)


def _amount_or_shares(obj: Token) -> bool:
    """Whether a verb's object is the size of a move ("5%", "3/8", "50 cents") or the shares."""
    if any(t.lower_ in _PERCENT for t in obj.subtree):
        return True
    if obj.lower_ in _SHARE_WORDS:
        return True
    if any(t.lower_ in ("per", "share") for t in obj.subtree):
        return False  # "lost 21 cents per share": earnings, not the share price
    if obj.lower_ in _PRICE_UNITS:
        return True
    return obj.like_num and not obj.is_alpha  # "1/4", "28-3/8", not "million"


def _percents(verb: Token) -> list[float]:
    """The percentages said of ``verb`` ("5%", "3 per cent"), in the order of the text."""
    found = []
    for child in verb.children:
        if child.dep_ in _CLAUSE_STOP:
            continue
        for t in child.subtree:
            number = _percent_number(t)
            if number is not None:
                try:
                    value = round(float(number.text.replace(",", "")), 4)
                except ValueError:
                    continue
                if abs(value) < _MOST_PERCENT:  # no move is that large: a misread number
                    found.append(value)
    return found


def _percent_number(t: Token) -> Token | None:
    """The number of a percent sign or word ("5" in "5%", "5 per cent"), if ``t`` is one."""
    if not (t.lower_ in _PERCENT or (t.lower_ == "cent" and t.i and t.nbor(-1).lower_ == "per")):
        return None
    number = next((c for c in t.children if c.like_num), None)
    if number is None and t.i and t.nbor(-1).like_num:
        number = t.nbor(-1)
    if number is None and t.i > 1 and t.nbor(-2).like_num:
        number = t.nbor(-2)
    return number


def _market(anchor: Token, state: DocState) -> str | None:
    """The market a move is on: the place or exchange of its "in"/"on" phrase."""
    for child in anchor.children:
        if child.dep_ == "prep" and child.lower_ in ("in", "on"):
            for t in child.subtree:
                node = state.nodes.get(t.i)
                if node is not None and node.type in (EntityType.COUNTRY, EntityType.ORGANISATION):
                    return state.surfaces.get(t.i, node.name)
    return None
