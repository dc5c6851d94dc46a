"""Holdings listed with their shares, the partners of a joint venture, a company's company.

News often lists a company's holders in one sentence, each with its share, where the parser
hangs all but the first on the wrong word ("Acme will own 80 pct, Globex 14 pct and Initech
six pct"; "owned half by Acme with Globex holding a 25 pct stake, Initech a 17.5 stake"), or
names a venture's partners in a sentence of their own ("Its Thai partners are Globex and
Initech"; "Other interest holders are Globex and Initech"). The annotation guidelines read each
holder as holding the company (``investsIn``) and the partners of a joint venture as partners of
each other (``partnersWith``). This module reads them from the words as written:

* :func:`share_lists`: the organisations of a sentence each followed (or preceded, "40 pct by
  Acme") by a share, two or more of them, hold the company the sentence's holding is of: the
  company a stake is said to be "in" or "of", the company the sentence says is owned or is a
  venture, the one a rule read a holder of in the sentence, else the company the document last
  read as held. Where the document speaks of a venture, the holders are partners of each other.
* :func:`partner_lists`: the organisations a plural noun of partners or holders is said to be
  ("its partners are A and B", "other partners of the venture comprise a stake by A and B") hold
  the venture (the company "its" stands for, else the venture the text named last) and are
  partners of each other and of its other holders; with no venture named, they are partners of
  each other where the document speaks of a venture.
* :func:`venture_stakes`: a holder of a stake in "the venture" or "the joint venture" with no
  name of its own ("the share in the joint venture of the foreign partner, Acme"; "Acme will
  take a stake in the venture") holds the one venture the document named before by a name
  ("Globex, a joint venture bank"), where it named one only.
* :func:`ventures_of_deals`: the parties of an agreement that creates a named venture ("The
  contract, to be signed by Acme and Globex, will create a joint venture called Initech") hold
  it and partner each other.
* :func:`remainder_investors`: those "the balance" or "the rest" of a financing told of in the
  sentence just before comes from ("Acme will provide 90 mln dlrs of the venture's
  financing. The balance will come from Globex and Initech") invest in the company the
  financing is of.
* :func:`round_investors`: the organisations the investors in a funding round are said to be
  ("Investors in the round were A, B and C") invest in the company whose round it is: the one
  its own phrase names ("Acme's round"), else, for "the round", the one company a sentence
  before that names a round says is invested in ("Globex will invest $5 mln in Acme as part
  of its funding round").
* :func:`venture_founders`: the companies a named venture is said to be of hold it and partner
  each other, where the parser loses the apposition ("Initech, the joint firm set up by Acme
  and Globex"; "the 50/50 Acme/Globex joint venture Initech Ltd").
* :func:`possessed_companies`: a company named right after another company's possessive is
  held by it ("Dupont Co's Conoco Inc").
* :func:`shared_ventures`: organisations coordinated as a clause's subject partner each other
  where "their" owns a cooperation ("Acme and Globex ended their alliance") or what a verb of
  pooling puts together ("Acme and Globex will combine their drilling units").

The words (share units, holding verbs, nouns of partners and ventures) are word sets of
``ingest/patterns/lexicon.jsonl``.

>>> from newsgraph.ingest.pipeline import load_pipeline
>>> nlp = load_pipeline()
>>> doc = nlp("Globex Ltd is a joint venture in which Acme Corp holds 45 pct. "
...           "Its other partners are Initech Inc and Hooli Inc.")
>>> sorted((r.subject, r.object) for r in doc._.ng_relations if r.evidence.rule == "partner-list")
[('Hooli Inc.', 'Globex Ltd'), ('Initech Inc', 'Globex Ltd')]
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations

from spacy.tokens import Doc, Span, Token

from newsgraph.ingest.anaphora import clause_subject, entity_of
from newsgraph.ingest.names import lexicon, verb_forms
from newsgraph.ingest.relation_data import DocState, Found, Node
from newsgraph.ontology import EntityType, Predicate

__all__ = ["partner_lists", "possessed_companies", "remainder_investors", "round_investors",
           "share_lists", "shared_ventures", "venture_founders", "venture_stakes",
           "ventures_of_deals"]

_WORDS = lexicon()
#: Units of a share ("pct", "percent") and the nouns of a holding ("stake", "share").
_SHARE_UNITS = _WORDS.lower("share_unit")
_HOLDING_NOUNS = _WORDS.lower("holding_noun")
#: Words that are a share by themselves ("half", "a majority").
_FRACTIONS = _WORDS.lower("share_fraction")
#: Verbs of holding a share, in every form ("owns", "holding", "would have").
_HOLDING_VERBS = _WORDS.verbs("holding_verb")
#: Plural nouns of the partners or holders of a company ("partners", "interest holders").
_PARTNER_NOUNS = _WORDS.lower("partner_noun")
#: Verbs by which an agreement creates a venture ("will create a joint venture called X").
_CREATING = _WORDS.verbs("venture_creating_verb")
#: Nouns of an agreement whose parties a "by" or "between" names.
_AGREEMENTS = _WORDS.lower("agreement_noun") | _WORDS.lower("venture_deal_noun")
#: Nouns of what is left of a financing ("the balance"), and of a financing.
_REMAINDER = _WORDS.lower("remainder_noun")
_FINANCING = _WORDS.lower("financing_noun")
#: Nouns of the investors in a funding round, and of the round.
_INVESTOR_NOUNS = _WORDS.lower("investor_noun")
_ROUND_NOUNS = _WORDS.lower("round_noun")
#: Words that make a document speak of a venture ("joint venture", "consortium").
_VENTURE_WORDS = _WORDS.lower("venture_word")
#: Nouns of a cooperation, and verbs of pooling, that "their" makes the subject's parties'.
_SHARED_VENTURES = _WORDS.lower("shared_venture_noun")
_POOLING = _WORDS.verbs("pooling_verb")
#: Words of a public body's name: a part of one is held by no one ("the Treasury's OFAC").
_PUBLIC_BODIES = _WORDS.lower("public_body")
#: Last words that make a name a company's ("Inc", "Bank"), not a product's ("Acme's Gmail").
_COMPANY_ENDINGS = _WORDS.words("org_suffix") | _WORDS.words("org_head")
#: How many words may stand between a holder's name and its share ("Acme Inc <ACM>, of France,").
_GAP = 4
#: Words that may stand between a name and its share ("Acme, an estimated 47 pct").
_SKIPPED = frozenset({",", "of", "an", "a", "estimated", "about", "some", "the", "combined"})
#: Participles whose subject is the company held ("Globex is owned 40 pct by Acme").
_OWNED = frozenset({"owned", "held", "controlled"})
#: Verbs that say what a noun of partners is ("its partners are", "include", "comprise").
_BE = frozenset(verb_forms("be")) | frozenset(verb_forms("include")) \
    | frozenset(verb_forms("comprise"))


def _is_org(node: Node | None) -> bool:
    return node is not None and node.type == EntityType.ORGANISATION


def _share_at(tokens: list[Token], i: int, end: int) -> int | None:
    """Where a share written from token ``i`` ends ("14 pct", "a 17.5 stake", "half", "holding
    a 7.5 pct share"), or None if none begins there. Blanked markup is skipped."""
    seen_verb = False
    while i < end and (tokens[i].is_space or tokens[i].lower_ in _SKIPPED
                       or (not seen_verb and tokens[i].lower_ in _HOLDING_VERBS)):
        seen_verb = seen_verb or tokens[i].lower_ in _HOLDING_VERBS
        i += 1
    if i >= end:
        return None
    if tokens[i].lower_ in _FRACTIONS:
        return i + 1
    if not tokens[i].like_num:
        return None
    i += 1
    while i < end and tokens[i].is_space:
        i += 1
    if i < end and (tokens[i].lower_ in _SHARE_UNITS or tokens[i].lower_ in _HOLDING_NOUNS):
        return i + 1
    return None


def _named_ends(sentence: Span, state: DocState) -> list[tuple[int, int, Node]]:
    """The names of ``sentence`` as (first token, last token + 1, node), in order."""
    ends: list[tuple[int, int, Node]] = []
    i = sentence.start
    while i < sentence.end:
        root = state.inside.get(i)
        if root is None:
            i += 1
            continue
        start = i
        while i < sentence.end and state.inside.get(i) == root:
            i += 1
        ends.append((start, i, state.nodes[root]))
    return ends


def _holders_with_shares(sentence: Span, state: DocState) -> list[Node]:
    """The organisations of ``sentence`` written with a share just after their name ("Globex
    14 pct", "Globex holding a 25 pct stake", "Acme will own 80 pct", "Bull SA of France, six
    pct") or just before it, through "by" ("40 pct by Acme", "60 pct owned by Acme")."""
    tokens = state.tokens_of(sentence.doc)
    names = _named_ends(sentence, state)
    holders: list[Node] = []
    for index, (start, end, node) in enumerate(names):
        if not _is_org(node) or node in holders:
            continue
        following = index + 1
        after = end
        # "Bull SA of France, six pct": the country it is of stands between name and share
        between = tokens[end:names[following][0]] if following < len(names) else []
        if following < len(names) and names[following][2].type == EntityType.COUNTRY \
                and all(t.is_space or t.lower_ in (",", "of") for t in between) \
                and any(t.lower_ == "of" for t in between):
            after = names[following][1]
            following += 1
        stop = names[following][0] if following < len(names) else sentence.end
        # "Acme will own 80 pct": a modal or adverb before the verb of holding
        begin = after
        while after < stop and after - begin < 2 and tokens[after].pos_ in ("AUX", "ADV") \
                and tokens[after].lower_ not in _HOLDING_VERBS:
            after += 1
        if _share_at(tokens, after, min(stop, after + _GAP + 3)) is not None \
                or _share_before_by(tokens, start, sentence.start):
            holders.append(node)
    return holders


def _share_before_by(tokens: list[Token], start: int, first: int) -> bool:
    """Whether a name is given its share before it, through "by" ("40 pct by Acme", "60 pct
    owned by Acme", "half by Acme")."""
    i = start - 1
    while i >= first and tokens[i].is_space:
        i -= 1
    if i < first or tokens[i].lower_ != "by":
        return False
    i -= 1
    if i >= first and tokens[i].lower_ in ("owned", "held", "controlled"):
        i -= 1
    return i >= first and (tokens[i].lower_ in _SHARE_UNITS or tokens[i].lower_ in _FRACTIONS)


def _held_in_sentence(sentence: Span, state: DocState, holders: list[Node],
                      found: list[Found]) -> tuple[Node | None, bool]:
    """The company the holding of ``sentence`` is of, and whether the sentence says what it
    is of: what a stake or share is "in" or "of" (none where that is two things, or a thing
    no company), the subject a sentence of being or being owned has, or the company a rule
    read a holder of in the sentence; none of them a holder."""
    names = {h.name for h in holders}
    objects = {state.inside.get(o.i, o.i): o for token in sentence
               if token.lower_ in _HOLDING_NOUNS or token.lower_ in _SHARE_UNITS
               or token.lower_ in _HOLDING_VERBS
               for prep in token.children if prep.dep_ == "prep" and prep.lower_ in ("in", "of")
               for o in prep.children if o.dep_ == "pobj"}
    if objects:
        if len(objects) > 1:
            return None, True  # "A owns 43 pct of X, and B, in which C holds 15 pct"
        node = entity_of(next(iter(objects.values())), state)
        return (node if _is_org(node) and node is not None and node.name not in names
                else None), True
    root = sentence.root
    if root.lower_ in _BE or root.lower_ in _OWNED:
        for child in root.children:
            if child.dep_ not in ("nsubj", "nsubjpass"):
                continue
            for candidate in (child, *(a for a in child.children if a.dep_ == "appos")):
                # "The joint venture, I/N Tek, will be 60 pct owned by ..."
                node = entity_of(candidate, state)
                if _is_org(node) and node is not None and node.name not in names:
                    return node, True
    read = [f.object for f in found if f.predicate == Predicate.INVESTS_IN
            and f.sentence.start == sentence.start and f.subject.name in names
            and f.object.name not in names and _is_org(f.object)]
    return (read[0], True) if read else (None, False)


def _held_before(sentence: Span, found: list[Found], exclude: set[str]) -> Node | None:
    """The company the document last read as held before ``sentence``, if any."""
    earlier = [f for f in found if f.predicate == Predicate.INVESTS_IN
               and f.sentence.start < sentence.start and _is_org(f.object)
               and f.object.name not in exclude]
    if not earlier:
        return None
    return max(earlier, key=lambda f: (f.sentence.start, f.object.token)).object


def _speaks_of_venture(doc: Doc) -> bool:
    """Whether the document speaks of a joint venture or a consortium."""
    return any(token.lower_ in _VENTURE_WORDS for token in doc)


def _ventures(doc: Doc, state: DocState) -> dict[str, int]:
    """The organisations the text calls a venture, by name, with the token where it last does
    so: "X is a joint venture", "X, a joint venture of ...", "the joint venture, X", "a joint
    venture called X"."""
    named: dict[str, int] = {}
    for token in state.tokens_of(doc):
        if token.lower_ not in _VENTURE_WORDS:
            continue
        noun = token.head if token.dep_ == "compound" else token  # "joint venture company"
        candidates = [c for c in noun.children if c.dep_ == "appos"]
        candidates += [o for c in noun.children if c.dep_ == "acl"
                       for o in c.children if o.dep_ in ("oprd", "attr", "dobj")]
        # a name after a comma the parser took for a conjunct ("the venture bank, Acme Bank")
        candidates += [c for c in noun.children if c.dep_ == "conj"
                       and not any(cc.dep_ == "cc" for cc in noun.children)]
        if noun.dep_ == "appos":
            candidates.append(noun.head)
        elif noun.dep_ == "attr":
            candidates += [c for c in noun.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        for candidate in candidates:
            node = entity_of(candidate, state)
            if _is_org(node) and node is not None:
                named[node.name] = token.i
    return named


def _venture_before(ventures: dict[str, int], i: int, exclude: set[str],
                    state: DocState) -> Node | None:
    """The venture named last before token ``i``, none of ``exclude``."""
    before = [(at, name) for name, at in ventures.items() if at < i and name not in exclude]
    if not before:
        return None
    last = max(before)[1]
    return next(node for node in state.nodes.values() if node.name == last)


def share_lists(doc: Doc, state: DocState, found: list[Found]) -> list[Found]:
    """Holders listed with their shares in one sentence hold the same company, and, where the
    document speaks of a venture, partner each other ("After the deal Acme will own 80 pct,
    Globex 14 pct and Initech six pct")."""
    added: list[Found] = []
    venture = _speaks_of_venture(doc)
    ventures = _ventures(doc, state)
    for sentence in doc.sents:
        holders = _holders_with_shares(sentence, state)
        if len(holders) < 2:
            continue
        names = {h.name for h in holders}
        held, stated = _held_in_sentence(sentence, state, holders, found)
        if stated and held is None:
            continue  # the holding is of a thing no company, or of two
        if held is None and venture:
            held = _venture_before(ventures, sentence.start, names, state) \
                or _held_before(sentence, found, names)
        if held is not None:
            added += [Found(h, Predicate.INVESTS_IN, held, sentence, "share-list")
                      for h in holders]
        if venture:
            added += _partnered(holders, sentence, "share-list-partners")
    return added


def _listed_after(verb: Token, state: DocState) -> list[Node]:
    """The organisations named in what a copula or "comprise" says its subject is: its
    attribute or object, and the words hung on them ("are A, whose share rose, B 17.5 pct and
    C"; "comprise a stake by A and B")."""
    listed: list[Node] = []
    for child in verb.children:
        if child.i < verb.i or child.dep_ not in ("attr", "acomp", "dobj", "oprd"):
            continue
        for token in child.subtree:
            if token.dep_ in ("relcl", "advcl", "ccomp"):
                continue
            node = state.nodes.get(token.i)
            if _is_org(node) and node is not None and node not in listed:
                listed.append(node)
    return listed


def partner_lists(doc: Doc, state: DocState, found: list[Found]) -> list[Found]:
    """The organisations a plural noun of partners or holders is said to be hold the venture
    they are partners of, and partner each other and its other holders ("MMC is a venture in
    which Acme holds 47 pct. Its partners are Globex and Initech")."""
    added: list[Found] = []
    ventures = _ventures(doc, state)
    for token in state.tokens_of(doc):
        if token.lower_ not in _PARTNER_NOUNS or token.dep_ != "nsubj" \
                or token.head.lower_ not in _BE:
            continue
        listed = _listed_after(token.head, state)
        if not listed:
            continue
        sentence = token.sent
        names = {n.name for n in listed}
        owner = next((entity_of(c, state) for c in token.children if c.dep_ == "poss"), None)
        if owner is not None and (not _is_org(owner) or owner.name in names):
            continue
        if owner is not None and owner.name not in ventures:
            # a company's partners ("Acme's partners are A and B"): partners, not holders
            added += [Found(owner, Predicate.PARTNERS_WITH, n, sentence, "partner-list-of")
                      for n in listed]
            continue
        held = owner or _venture_before(ventures, token.i, names, state)
        partners = list(listed)
        if held is not None:
            added += [Found(n, Predicate.INVESTS_IN, held, sentence, "partner-list")
                      for n in listed]
            others = {f.subject.name: f.subject for f in found
                      if f.predicate == Predicate.INVESTS_IN and f.object.name == held.name
                      and f.subject.name not in names and _is_org(f.subject)}
            partners += others.values()
        elif not _speaks_of_venture(doc):
            continue  # "the holders are A and B": co-holders, partners only of a venture
        elif not ventures and _of_venture(token):
            # "other partners of the venture": the one venture the text names by no name,
            # whose holders it told of before
            partners += [n for n in _unnamed_venture_holders(doc, state, token.i)
                         if n.name not in names and n not in partners]
        added += _partnered(partners, sentence, "partner-list-partners")
    return added


def ventures_of_deals(doc: Doc, state: DocState) -> list[Found]:
    """The parties of an agreement that creates a named venture hold it and partner each
    other ("The contract, to be signed by Acme and Globex, will create a joint venture called
    Initech")."""
    ventures = {at: name for name, at in _ventures(doc, state).items()}
    added: list[Found] = []
    for token in state.tokens_of(doc):
        if token.i not in ventures:
            continue
        noun = token.head if token.dep_ == "compound" else token
        verb = noun.head
        if noun.dep_ != "dobj" or verb.lower_ not in _CREATING:
            continue
        deal = next((c for c in verb.children if c.dep_ == "nsubj" and c.lower_ in _AGREEMENTS),
                    None)
        if deal is None:
            continue
        venture = next(n for n in state.nodes.values() if n.name == ventures[token.i])
        parties = [p for p in _agreement_parties(deal, state) if p.name != venture.name]
        if len(parties) < 2:
            continue
        sentence = token.sent
        added += [Found(p, Predicate.INVESTS_IN, venture, sentence, "venture-of-deal")
                  for p in parties]
        added += _partnered(parties, sentence, "venture-of-deal-partners")
    return added


def _agreement_parties(deal: Token, state: DocState) -> list[Node]:
    """The organisations an agreement's phrase names as its parties: those it is "signed by"
    or "between", not an owner named with "'s" ("signed by Acme and Globex's parent, Initech":
    Acme and Initech)."""
    spans = [p for c in deal.children if c.dep_ in ("acl", "relcl")
             for p in c.children if p.dep_ == "agent"]
    spans += [c for c in deal.children if c.dep_ == "prep" and c.lower_ == "between"]
    parties: list[Node] = []
    for span in spans:
        for token in span.subtree:
            node = state.nodes.get(token.i)
            if not _is_org(node) or node is None or node.name in {p.name for p in parties}:
                continue
            last = state.tokens_of(deal.doc)[token.i]
            if any(c.dep_ == "case" for c in last.children) or token.dep_ == "poss":
                continue  # "Globex's parent": an owner named, not a party
            parties.append(node)
    return parties


def venture_stakes(doc: Doc, state: DocState, found: list[Found]) -> list[Found]:
    """A holder of a stake in "the venture" with no name of its own holds the one venture the
    document named before ("Globex is a joint venture bank. ... the share in the joint
    venture of the foreign partner, Acme, was cut": Acme invests in Globex)."""
    ventures = _ventures(doc, state)
    added: list[Found] = []
    for token in state.tokens_of(doc):
        noun = token.head if token.dep_ == "compound" else token  # "the joint venture bank"
        if token.lower_ not in _VENTURE_WORDS or noun.dep_ != "pobj" \
                or noun.head.lower_ != "in" or entity_of(noun, state) is not None \
                or not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that")
                           for c in noun.children):
            continue
        stake = noun.head.head
        if stake.lower_ not in _HOLDING_NOUNS:
            continue
        named = {name for name, at in ventures.items() if at < token.i}
        if len(named) != 1:
            continue  # none named before, or two: which is meant is unclear
        venture = next(n for n in state.nodes.values() if n.name in named)
        holders = _stake_holders(stake, noun, state)
        added += [Found(h, Predicate.INVESTS_IN, venture, token.sent, "stake-in-the-venture")
                  for h in holders if h.name != venture.name]
    return added


def _stake_holders(stake: Token, venture: Token, state: DocState) -> list[Node]:
    """Who holds a stake: its possessive, the one it is "of" (on the stake or the venture:
    "the share in the venture of the foreign partner, Acme") or the name set off after it,
    or the subject of a verb of holding whose object it is."""
    owners = [c for c in stake.children if c.dep_ == "poss"]
    owners += [o for t in (stake, venture) for c in t.children
               if c.dep_ == "prep" and c.lower_ == "of" for o in c.children if o.dep_ == "pobj"]
    if stake.dep_ == "dobj" and stake.head.lower_ in _HOLDING_VERBS:
        subject = clause_subject(stake.head)
        owners += [subject] if subject is not None else []
    # a name set off after them ("of the foreign partner, Acme"), wherever the parser hangs it
    named = [a for t in (*owners, stake, venture) for a in t.children if a.dep_ == "appos"]
    holders: list[Node] = []
    for owner in owners:
        for token in (owner, *named):
            node = entity_of(token, state)
            if _is_org(node) and node is not None and node not in holders:
                holders.append(node)
    return holders


def remainder_investors(doc: Doc, state: DocState) -> list[Found]:
    """Those "the balance" of a financing told of just before comes from invest in the
    company it is of ("... of the venture's financing. The balance will come from Globex,
    Initech and Hooli")."""
    ventures = _ventures(doc, state)
    sentences = list(doc.sents)
    added: list[Found] = []
    for n, sentence in enumerate(sentences[1:], start=1):
        for token in sentence:
            if token.lower_ not in _REMAINDER or token.dep_ not in ("nsubj", "nsubjpass") \
                    or not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
                continue
            verb = token.head
            if not any(c.dep_ in ("prep", "agent") and c.lower_ in ("from", "by")
                       for c in verb.children):
                continue
            held = _financed(sentences[n - 1], ventures, state)
            if held is None:
                continue
            givers = [node for _, _, node in _named_ends(sentence, state)
                      if _is_org(node) and node.token > verb.i and node.name != held.name]
            added += [Found(g, Predicate.INVESTS_IN, held, sentence, "remainder-from")
                      for g in givers]
    return added


def _financed(sentence: Span, ventures: dict[str, int], state: DocState) -> Node | None:
    """The one company a financing noun of ``sentence`` is of: its possessive or what it is
    "of" or "for", a company or "the venture" the document named before by a name."""
    held: dict[str, Node] = {}
    for token in sentence:
        if token.lower_ not in _FINANCING:
            continue
        owners = [c for c in token.children if c.dep_ == "poss"]
        owners += [o for c in token.children if c.dep_ == "prep" and c.lower_ in ("of", "for")
                   for o in c.children if o.dep_ == "pobj"]
        for owner in owners:
            node = entity_of(owner, state)
            if node is None and owner.lower_ in _VENTURE_WORDS:
                named = [name for name, at in ventures.items() if at < owner.i]
                node = next((n for n in state.nodes.values() if n.name in named), None) \
                    if len(named) == 1 else None
            if _is_org(node) and node is not None:
                held[node.name] = node
    return next(iter(held.values())) if len(held) == 1 else None


def round_investors(doc: Doc, state: DocState, found: list[Found]) -> list[Found]:
    """The organisations the investors in a funding round are said to be invest in the
    company whose round it is ("Globex will invest in Acme as part of its funding round.
    Other investors in the round were Initech and Hooli")."""
    added: list[Found] = []
    tokens = state.tokens_of(doc)
    for i, token in enumerate(tokens):
        # read from the word order, which the parser often breaks ("Previously disclosed
        # investors in the round were A, B and C": "disclosed" taken for the verb)
        if token.lower_ not in _INVESTOR_NOUNS or i + 3 >= len(tokens) \
                or tokens[i + 1].lower_ != "in":
            continue
        at = i + 2
        while at < len(tokens) and tokens[at].lower_ not in _ROUND_NOUNS \
                and tokens[at].head.i != tokens[i + 1].i and at - i < 6:
            at += 1
        round_ = tokens[at] if at < len(tokens) else None
        if round_ is None or round_.lower_ not in _ROUND_NOUNS \
                or round_.sent.start != token.sent.start:
            continue
        verb = tokens[at + 1] if at + 1 < len(tokens) else None
        if verb is None or verb.lower_ not in _BE:
            continue
        company = _round_company(round_, state, found)
        if company is None:
            continue
        listed = [node for _, _, node in _named_ends(token.sent, state)
                  if _is_org(node) and node.token > verb.i]
        added += [Found(n, Predicate.INVESTS_IN, company, token.sent, "round-investors")
                  for n in listed if n.name != company.name]
    return added


def _round_company(round_: Token, state: DocState, found: list[Found]) -> Node | None:
    """The company whose round ``round_`` is: its possessive ("Acme's round"), else, for a
    definite one, the one company invested in in the last sentence before it that names a
    round and states an investment."""
    owner = next((c for c in round_.children if c.dep_ == "poss"), None)
    if owner is not None:
        node = entity_of(owner, state)
        return node if _is_org(node) else None
    if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in round_.children):
        return None
    for sentence in reversed([s for s in round_.doc.sents if s.end <= round_.sent.start
                              and any(t.lower_ in _ROUND_NOUNS for t in s)]):
        held = {f.object.name: f.object for f in found if f.predicate == Predicate.INVESTS_IN
                and f.sentence.start == sentence.start and _is_org(f.object)}
        if held:
            return next(iter(held.values())) if len(held) == 1 else None
    return None


def _of_venture(noun: Token) -> bool:
    """Whether a noun of partners is of a venture that has no name ("partners of the joint
    venture", "the consortium's other members")."""
    return any(c.dep_ == "prep" and c.lower_ == "of" and any(
        o.dep_ == "pobj" and o.lower_ in _VENTURE_WORDS for o in c.children)
        for c in noun.children)


def _unnamed_venture_holders(doc: Doc, state: DocState, before: int) -> list[Node]:
    """The organisations said before token ``before`` to hold a stake in a venture with no
    name ("Acme will take a stake in the joint venture", "Globex owns 20 pct of the
    consortium"): the subjects of a verb of holding whose stake is in a venture word."""
    holders: list[Node] = []
    for token in doc[:before]:
        if token.lower_ not in _VENTURE_WORDS or token.dep_ != "pobj" \
                or token.head.lower_ not in ("in", "of"):
            continue
        stake = token.head.head
        verb = stake.head
        if stake.lower_ not in _HOLDING_NOUNS | _SHARE_UNITS or stake.dep_ != "dobj" \
                or verb.lower_ not in _HOLDING_VERBS:
            continue
        subject = clause_subject(verb)
        node = entity_of(subject, state) if subject is not None else None
        if _is_org(node) and node is not None and node not in holders:
            holders.append(node)
    return holders


def _public(node: Node) -> bool:
    return any(word in _PUBLIC_BODIES for word in node.name.lower().split())


def possessed_companies(doc: Doc, state: DocState) -> list[Found]:
    """A company named right after another company's possessive is held by it ("Dupont Co's
    Conoco Inc", "Acme's <ACM.N> Globex Bank"); a word between them says what it is to the
    other ("Acme's rival Globex"), which other rules read, a name without a company's last
    word may be a product's ("Acme's Gmail"), and a public body holds nothing.
    """
    added: list[Found] = []
    tokens = state.tokens_of(doc)
    for root, node in state.nodes.items():
        token = tokens[root]
        if not _is_org(node) or token.pos_ != "PROPN" or _public(node) \
                or node.name.split()[-1] not in _COMPANY_ENDINGS:
            continue
        start = root
        while start > 0 and state.inside.get(start - 1) == root:
            start -= 1
        for child in token.children:
            owner = state.nodes.get(child.i)
            if child.dep_ != "poss" or child.pos_ != "PROPN" or owner is None \
                    or not _is_org(owner) or _public(owner) or owner.name == node.name:
                continue
            marks = [t for t in child.children if t.tag_ == "POS"]
            if marks and all(t.is_space for t in tokens[marks[-1].i + 1:start]):
                added.append(Found(owner, Predicate.INVESTS_IN, node, token.sent,
                                   "possessive-company"))
    return added


#: Nouns a "joint" makes a venture's ("a joint company of A and B", "the joint firm").
_JOINT_NOUNS = frozenset({"company", "firm", "enterprise", "subsidiary", "undertaking"})
#: Participles of forming or holding a venture, whose agent is its founder.
_FOUNDING = frozenset({"set", "formed", "created", "established", "founded", "owned", "launched"})


def _venture_noun(token: Token) -> bool:
    """Whether a noun names a venture: "venture", "consortium", or a company called joint
    ("a joint company"); not a venture capital firm."""
    if token.lower_ in _VENTURE_WORDS:
        after = token.nbor(1).lower_ if token.i + 1 < len(token.doc) else ""
        return "capital" not in (token.head.lower_, after)
    return token.lower_ in _JOINT_NOUNS and any(
        c.dep_ == "amod" and c.lower_ in ("joint", "jointly-owned") for c in token.children)


def _named_venture(noun: Token, state: DocState) -> Node | None:
    """The organisation a venture noun names: the name it premodifies ("the Acme/Globex
    joint venture Initech Ltd"), the name in apposition or given by a copula, or the name
    written just before it and a comma ("Initech, the joint firm set up by ...")."""
    head = noun
    for _ in range(3):
        if head.dep_ not in ("compound", "nmod", "amod") or head.head.i == head.i:
            break
        head = head.head
        node = state.nodes.get(head.i)
        if _is_org(node):
            return node
    for candidate in (*(c for c in noun.children if c.dep_ == "appos"),
                      *((noun.head,) if noun.dep_ == "appos" else ()),
                      *(c for c in noun.head.children if noun.dep_ == "attr"
                        and c.dep_ in ("nsubj", "nsubjpass"))):
        node = entity_of(candidate, state)
        if _is_org(node):
            return node
    tokens = state.tokens_of(noun.doc)
    i = noun.left_edge.i - 1
    while i >= 0 and tokens[i].is_space:
        i -= 1
    if i > 0 and tokens[i].text == ",":
        i -= 1
        while i >= 0 and tokens[i].is_space:
            i -= 1
        root = state.inside.get(i)
        node = state.nodes.get(root) if root is not None else None
        if _is_org(node):
            return node
    return None


def _with_conjuncts(token: Token, state: DocState) -> list[Node]:
    """The organisations ``token`` and its conjuncts name."""
    found: list[Node] = []
    for t in (token, *token.conjuncts):
        node = entity_of(t, state)
        if _is_org(node) and node is not None and node not in found:
            found.append(node)
    return found


def _founders(noun: Token, venture: Node, state: DocState) -> list[Node]:
    """The organisations a venture noun says formed the venture: those named before it ("the
    Acme/Globex joint venture"), after its "of" or "between", or as the agent of its "set up",
    "formed" or "owned"."""
    founders: list[Node] = []
    for left in noun.lefts:
        for t in left.subtree:
            node = state.nodes.get(t.i)
            if _is_org(node) and node is not None and t.dep_ != "poss":
                founders.append(node)
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in ("of", "between"):
            founders += [n for o in child.children if o.dep_ == "pobj"
                         for n in _with_conjuncts(o, state)]
        elif child.dep_ == "acl" and child.lower_ in _FOUNDING:
            founders += [n for by in child.children
                         if by.dep_ in ("agent", "prep") and by.lower_ == "by"
                         for o in by.children if o.dep_ == "pobj"
                         for n in _with_conjuncts(o, state)]
    return [n for n in dict.fromkeys(founders) if n.name != venture.name and not _public(n)]


def venture_founders(doc: Doc, state: DocState) -> list[Found]:
    """The companies a named venture is said to be of each hold it, and partner each other:
    "Initech, the joint firm set up by Acme and Globex", "the 50/50 Acme/Globex joint venture
    Initech Ltd", "Initech is a joint company of Acme and Globex"."""
    added: list[Found] = []
    for token in state.tokens_of(doc):
        if not _venture_noun(token):
            continue
        venture = _named_venture(token, state)
        if venture is None or _public(venture):
            continue
        founders = _founders(token, venture, state)
        sentence = token.sent
        added += [Found(f, Predicate.INVESTS_IN, venture, sentence, "venture-founder")
                  for f in founders]
        added += _partnered(founders, sentence, "venture-founders-partners")
    return added


def _their_owners(their: Token, state: DocState) -> list[Node]:
    """The organisations "their" stands for: those coordinated as the subject of the nearest
    clause above it that has a named subject, two or more of them ("Acme and Globex have yet
    to say who owns the data of their collaboration")."""
    head = their.head
    while head.dep_ != "ROOT" and head.head != head:
        head = head.head
        if head.pos_ not in ("VERB", "AUX"):
            continue
        subject = clause_subject(head)
        if subject is None or entity_of(subject, state) is None:
            continue
        owners = _with_conjuncts(subject, state)
        return owners if len(owners) > 1 else []
    return []


def shared_ventures(doc: Doc, state: DocState) -> list[Found]:
    """Organisations coordinated as a clause's subject partner each other where "their" owns a
    cooperation ("Acme and Globex said their alliance would end") or what a verb of pooling
    puts together ("Acme and Globex will combine their drilling units")."""
    added: list[Found] = []
    for token in state.tokens_of(doc):
        if token.lower_ != "their" or token.dep_ != "poss":
            continue
        owned = token.head
        if owned.lower_ not in _SHARED_VENTURES and not (
                owned.dep_ == "dobj" and owned.head.lower_ in _POOLING):
            continue
        if any(c.dep_ == "prep" and c.lower_ in ("with", "to") for c in owned.children):
            continue  # "their merger with Initech": each with another
        if _denied_or_apart(token):
            continue  # "denied reports of their merger", "will not combine", "each announced"
        owners = [n for n in _their_owners(token, state) if not _public(n)]
        added += _partnered(owners, token.sent, "their-venture")
    return added


def _denied_or_apart(their: Token) -> bool:
    """Whether a clause above "their" is negated or denies, or its parties act each apart
    ("Acme and Globex will not combine their units", "denied reports of their merger", "each
    announced their merger")."""
    head = their.head
    while True:
        if head.lower_ in _DENYING or any(
                c.dep_ == "neg" or c.lower_ in _EACH_APART for c in head.children):
            return True
        if head.dep_ in ("nsubj", "nsubjpass") and any(c.lower_ in _EACH_APART
                                                       for c in head.children):
            return True
        if head.head.i == head.i:
            return False
        head = head.head


#: Verbs of denying, and words that say parties act each on its own.
_DENYING = frozenset(form for lemma in ("deny", "reject", "dismiss") for form in verb_forms(lemma))
_EACH_APART = lexicon().lower("apart_word")


def _partnered(parties: Sequence[Node], sentence: Span, rule: str) -> list[Found]:
    """Each two of ``parties`` partner each other, once a pair, a name never itself."""
    return [Found(a, Predicate.PARTNERS_WITH, b, sentence, rule)
            for a, b in combinations(parties, 2) if a.name != b.name]
