"""Which entity a pronoun or a definite description ("the company") refers to.

``ng_relations`` reads the ends of its rules through :func:`entity_of`: a token that is a node
is itself; a relative pronoun is what its clause hangs on; "it" in "X said it would ..." is
the speaker; "its", "his" and an object pronoun are their antecedent (:func:`antecedent`).
Before the rules run, nouns that stand for a named entity become nodes themselves
(:func:`mark_references`, :func:`mark_leader_bodies`).

The pronouns and nouns are word sets of ``ingest/patterns/lexicon.jsonl``.

>>> import spacy
>>> from spacy.tokens import Doc
>>> doc = Doc(spacy.blank("en").vocab, words=["Acme", "agreed", "to", "buy", "Initech"],
...           heads=[1, 1, 3, 1, 3], deps=["nsubj", "ROOT", "aux", "xcomp", "dobj"])
>>> clause_subject(doc[3])
Acme
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from spacy.tokens import Doc, Token

from newsgraph.ingest.entities import SPANS_KEY
from newsgraph.ingest.geo import nation_of
from newsgraph.ingest.names import lexicon, sets_policy
from newsgraph.ingest.relation_data import DocState, Node
from newsgraph.ingest.tokenmatch import FixedMatcher
from newsgraph.ontology import EntityType

__all__ = [
    "antecedent",
    "clause_subject",
    "conjuncts",
    "coordinated_with_its_place",
    "entity_of",
    "mark_hyphen_prefixes",
    "mark_leader_bodies",
    "mark_references",
    "mark_stand_ins",
    "named_in_apposition",
    "nodes_before",
    "reference_matcher",
]

# the word sets of lexicon.jsonl, read once: a missing set fails at import
_WORDS = lexicon()
#: Pronouns that refer back to an entity, and the types it may have.
_ANAPHORIC = {
    **{word: frozenset({EntityType.ORGANISATION, EntityType.COUNTRY})
       for word in _WORDS.lower("pronoun_thing")},
    **{word: frozenset({EntityType.PERSON}) for word in _WORDS.lower("pronoun_person")},
}
_PRONOUNS = _WORDS.lower("speaker_pronoun")
#: The reference nouns, by word set: "the association", "the Kenyan government", "the country".
_REFERENCES = {name: _WORDS.lower(name) for name in ("anaphor", "government", "country_anaphor")}
_LEADER_BODIES = _WORDS.lower("leader_body")
_RELATIVE = frozenset({"WDT", "WP", "WP$"})
_RAISING = _WORDS.lower("raising_participle")
_REFLEXIVE = _WORDS.lower("reflexive_pronoun")
_DESCRIBING = _WORDS.lower("org_description")
#: Nouns that stand for the one company named just before them ("its Initech unit").
_NAMED_BEFORE = _WORDS.lower("unit_noun") | _DESCRIBING | _WORDS.lower("venture_noun")
#: Nouns of a public body ("the regulator", "the watchdog"), named in apposition within their
#: sentence ("fined by the regulator, the Acme Authority"); elsewhere coreference reads them.
_BODY_NOUNS = _WORDS.lower("body_description")
#: Nouns of the organ that acts for the organisation whose possessive it has, as a clause's
#: subject or agent ("Acme's board rejected the offer").
_ORGANS = _WORDS.lower("governing_organ")
_CLIMB = frozenset({"xcomp", "conj", "acl", "dobj", "pobj", "prep", "attr", "pcomp", "acomp"})
#: Nouns of the ``government`` set that, after the name of a body that sets policy, stand
#: for that body ("EU regulators", "European Union antitrust authorities").
_REGULATORS = frozenset({"regulators", "regulator", "authorities", "authority"})
_DECISIONS = _WORDS.lower("decision_noun")
#: Nouns of a measure one proposes, whose "to" clause is the proposer's doing when its phrase
#: names whose it is ("the Japanese proposal to cut tariffs": Japan cuts).
_PROPOSALS = _WORDS.lower("measure_to")
#: The verb class of imposing a measure (``policies.jsonl``): a proposal to buy or sell is
#: left to the rules of bids.
_IMPOSING = "impose"
#: Entity labels of the parser that name a proposal's owner before it ("the Japanese plan").
_OWNER_LABELS = frozenset({"NORP", "GPE", "ORG"})


def reference_matcher() -> FixedMatcher:
    """A matcher of the reference nouns, each match keyed by the name of its word set."""
    matcher = FixedMatcher()
    for name, words in _REFERENCES.items():
        matcher.add(name, [[{"LOWER": {"IN": sorted(words)}}]])
    return matcher


def mark_references(doc: Doc, state: DocState, matches: Iterable[tuple[str, int, int]]) -> None:
    """Nouns that stand for a named entity: "the association", "the Kenyan government".

    ``matches`` are those of :func:`reference_matcher`. "The country" is the one country
    named before it in its sentence, if there is one. "The association" after "Korea Battery
    Industry Association" is that association: the nearest organisation before it whose name
    has the noun. A country word beside the noun must agree ("the U.S. association" is not
    Korea's). "The Kenyan government" and "Chinese authorities" are the country.
    """
    orgs = sorted((s.start, s._.ng_name or s.text) for s in doc.spans.get(SPANS_KEY, [])
                  if s.label_ == EntityType.ORGANISATION)
    for label, start, _ in matches:
        token = doc[start]
        if token.i in state.inside or token.tag_ not in ("NN", "NNS") \
                or (token.tag_ == "NNS" and label != "government"):
            continue
        state.references.add(token.i)
        node = _referent(label, token, state, orgs)
        if node is not None:
            state.mark(doc[start:start + 1], node)


def _referent(label: str, token: Token, state: DocState,
              orgs: list[tuple[int, str]]) -> Node | None:
    """The entity one reference noun of the word set ``label`` stands for, if any.

    ``orgs`` are the organisations of the document, by the start of their mention.
    """
    country = next((state.nodes[c.i].name for c in token.children
                    if c.dep_ in ("compound", "amod", "nmod", "poss") and c.i in state.nodes
                    and state.nodes[c.i].type == EntityType.COUNTRY), None)
    if label == "government":
        if country is None and token.lower_ in _REGULATORS:
            return _regulating_body(token, state)
        return Node(country, EntityType.COUNTRY, token.i) if country is not None else None
    if not any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in token.children):
        return None
    if label == "country_anaphor":
        before = {n.name for n in nodes_before(token, state) if n.type == EntityType.COUNTRY}
        if len(before) == 1 and not any(c.dep_ in ("amod", "compound") for c in token.children):
            return Node(before.pop(), EntityType.COUNTRY, token.i)
        return None
    # the one organisation named before with the noun in its name, else none
    names = {name for start, name in orgs if start < token.i
             and token.lower_ in name.lower().split()
             and (country is None or nation_of(name.split()[0]) in (None, country))}
    return Node(names.pop(), EntityType.ORGANISATION, token.i) if len(names) == 1 else None


def _regulating_body(token: Token, state: DocState) -> Node | None:
    """The body a noun of regulators stands for: the organisation named before it whose name
    says it sets policy ("EU regulators", "European Union antitrust regulators"); none for a
    company ("Acme regulators" is no phrase of news)."""
    for child in token.children:
        node = state.nodes.get(child.i)
        if child.dep_ in ("compound", "nmod") and node is not None \
                and node.type == EntityType.ORGANISATION and sets_policy(node.name):
            return Node(node.name, EntityType.ORGANISATION, token.i)
    return None


def mark_stand_ins(doc: Doc, state: DocState) -> None:
    """Words that stand for an entity of their sentence become its node, so every rule reads
    them where it reads a name: a relative pronoun ("Vimpelcom, in which Telenor holds a
    stake"), a reflexive ("agreed to sell itself to Thoma Bravo"), a possessive ("Acme said
    Jane Doe would become its chief executive") and a describing noun named in apposition
    ("bought security company Blue Coat") and a company described by who formed it ("a
    partnership formed by AFG Industries"). A common noun that lists names ("rivals such as
    A and B") or a plural one with names in apposition ("the largest carriers, A and B")
    stands for each of them.
    """
    lists = {t.head.i: t for t in state.tokens_of(doc)
             if t.lower_ in _LIST_WORDS and t.dep_ == "prep" and _lists(t)}
    for token in state.tokens_of(doc):
        if token.i in state.inside:
            continue
        node = None
        listed = _listed(lists[token.i], state) \
            if token.i in lists and token.pos_ == "NOUN" else _named_after_plural(token, state)
        listed = listed or _pair_named_before(token, state)
        if listed:
            node = listed[0]
            state.listed[token.i] = listed
        elif token.tag_ in _RELATIVE or token.lower_ in _REFLEXIVE:
            node = _referent_in_sentence(token, state, 0)
        elif token.tag_ == "PRP$" and token.lower_ in _ANAPHORIC:
            node = entity_of(token, state)
        elif token.pos_ == "NOUN" and token.lower_ in _ORGANS:
            node = _acting_for(token, state)
        elif token.pos_ == "NOUN" and token.tag_ == "NN" and token.lower_ in _DESCRIBING:
            node = named_in_apposition(token, state) or _named_right_after(token, state) \
                or _named_before(token, state)
        elif token.pos_ == "NOUN" and token.lower_ in _NAMED_BEFORE:
            node = (named_in_apposition(token, state) if token.tag_ == "NN" else None) \
                or _named_before(token, state)
        elif token.pos_ == "NOUN" and token.tag_ == "NN" and token.lower_ in _BODY_NOUNS \
                and named_in_apposition(token, state) is not None:
            node = named_in_apposition(token, state)
        elif token.pos_ == "NOUN" and token.tag_ == "NN":
            formers = _formed_by(token, state)
            node = formers[0] if formers else None
            if len(formers) > 1:  # "a partnership formed by Acme and Globex": each of them
                state.listed[token.i] = formers
        if node is not None:
            state.references.add(token.i)
            state.mark(doc[token.i:token.i + 1], Node(node.name, node.type, token.i))


def _acting_for(organ: Token, state: DocState) -> Node | None:
    """The organisation whose board or management, the subject or agent of its clause, acts
    for it ("Acme's board rejected the offer", "the offer was rejected by Acme's directors");
    elsewhere the organ is not the organisation ("elected to Acme's board")."""
    # the agent of a participle that describes a noun says what the noun is ("the deal,
    # approved by Acme's board"), not what the organisation does
    acting = organ.dep_ in ("nsubj", "nsubjpass") or (
        organ.dep_ == "pobj" and organ.head.dep_ == "agent" and organ.head.head.dep_ != "acl")
    owner = next((c for c in organ.children if c.dep_ == "poss"), None)
    node = entity_of(owner, state) if acting and owner is not None else None
    return node if node is not None and node.type == EntityType.ORGANISATION else None


def _named_before(token: Token, state: DocState) -> Node | None:
    """The company a noun of a unit or of what a company is names before it ("named
    president of its Initech Corp subsidiary", "the Globex Industrie consortium signed"), if
    one organisation is so named and it is no public body."""
    if token.dep_ == "compound":
        return None
    named = [state.nodes[c.i] for c in token.children if c.dep_ == "compound"
             and c.i in state.nodes and state.nodes[c.i].type == EntityType.ORGANISATION]
    return named[0] if len(named) == 1 and not sets_policy(named[0].name) else None


def _named_right_after(token: Token, state: DocState) -> Node | None:
    """The organisation whose name follows a describing noun directly, where the parser hung
    the name elsewhere ("Jane Doe of the advocacy group Acme Watch said": Acme Watch), after
    a determiner and no owner."""
    after = token.i + 1
    if after >= len(token.doc) or after not in state.inside \
            or not any(c.dep_ == "det" for c in token.children) \
            or any(c.dep_ == "poss" for c in token.children):
        return None  # "Acme's supplier Globex" is read as the relation it states
    node = state.nodes.get(state.inside[after])
    return node if node is not None and node.type == EntityType.ORGANISATION else None


def _formed_by(token: Token, state: DocState) -> list[Node]:
    """The entities that form a company described by its founders, in the order named ("a
    partnership formed by Acme and Globex", "a company to be set up by Acme")."""
    for verb in token.children:
        if verb.dep_ == "acl" and verb.lower_ in _FORMED:
            for agent in verb.children:
                if agent.dep_ == "agent" or (agent.dep_ == "prep" and agent.lower_ == "by"):
                    first = next((c for c in agent.children
                                  if c.dep_ == "pobj" and c.i in state.nodes), None)
                    if first is None or state.nodes[first.i].type != EntityType.ORGANISATION:
                        continue
                    formers = [state.nodes[t.i] for t in (first, *conjuncts(first))
                               if t.i in state.nodes
                               and state.nodes[t.i].type == EntityType.ORGANISATION]
                    return list(dict.fromkeys(formers))
    return []


#: Participles that say who founded a company ("a partnership formed by Acme").
_FORMED = frozenset({"formed", "created", "founded", "established", "organized", "organised",
                     "set"})
#: The prepositions that bring in a list ("such as", "including", "like").
_LIST_WORDS = frozenset({"as", "including", "like"})


def _lists(prep: Token) -> bool:
    """Whether a preposition brings in a list: "such as", "including", "like"."""
    lower = prep.lower_
    return lower in ("including", "like") or (
        lower == "as" and prep.i > 0 and prep.doc[prep.i - 1].lower_ == "such")


def _listed(prep: Token, state: DocState) -> list[Node]:
    """The entities a common noun lists after ``prep`` ("rivals such as A and B", "customers
    including A, B and C", "carriers like A"), all of one type, with a last item the parser
    coordinated with the noun itself; none if it lists none or mixes types."""
    items = [t for t in prep.children if t.dep_ == "pobj"]
    items += [c for t in items for c in conjuncts(t)]
    # "competitors like A, B, and C": the parser may hang the last item on the noun
    items += [c for c in prep.head.children if c.dep_ == "conj" and c.i > prep.i and items]
    nodes = [state.nodes[t.i] for t in sorted(items, key=lambda t: t.i) if t.i in state.nodes]
    return list(dict.fromkeys(nodes)) if nodes and len({n.type for n in nodes}) == 1 else []


def _named_after_plural(token: Token, state: DocState) -> list[Node]:
    """The entities a plural common noun names in apposition ("the largest carriers, A and
    B", "ride-hailing apps A and B"), all of one type, or that a number of them names ("three
    of the carriers - A, B and C"); none if it names none or mixes types."""
    if token.tag_ == "CD":
        nouns = [p for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                 for p in c.children if p.dep_ == "pobj"]
        return _named_after_plural(nouns[0], state) if len(nouns) == 1 else []
    if token.tag_ != "NNS" or token.pos_ != "NOUN":
        return []
    items = [c for c in token.children if c.dep_ == "appos"]
    if not items or any(c.dep_ in ("acl", "relcl") and c.i > items[0].i for c in token.children):
        return []  # a clause after the names may be the last one's ("A and B, owned by C")
    items += [c for t in items for c in conjuncts(t)]
    items += [c for t in items for c in coordinated_with_its_place(t, state)]
    roots = (state.inside.get(t.i) for t in sorted(items, key=lambda t: t.i))
    nodes = [state.nodes[r] for r in roots if r is not None and r in state.nodes]
    return list(dict.fromkeys(nodes)) if nodes and len({n.type for n in nodes}) == 1 else []


def _pair_named_before(token: Token, state: DocState) -> list[Node]:
    """The two organisations a plural noun of companies counted as two stands for ("Acme and
    Globex bought stakes in Initech. Both companies ...", "the two firms"): the pair
    coordinated nearest before it, in its sentence or the one before, with no other
    organisation named between."""
    if token.tag_ != "NNS" or token.lower_ not in _PLURAL_DESCRIBING or not any(
            c.lower_ in _PAIR_WORDS and c.dep_ in ("det", "predet", "nummod", "amod")
            for c in token.children):
        return []
    start = token.sent.start
    if start > 0:
        start = token.doc[start - 1].sent.start
    last = next((state.inside[i] for i in range(token.i - 1, start - 1, -1)
                 if i in state.inside and state.nodes[state.inside[i]].type
                 == EntityType.ORGANISATION), None)
    if last is None:
        return []
    second = token.doc[last]  # the root of the name, which the parser coordinates
    first = second.head
    # "A, B and C", parsed with B in apposition to A: three, not the pair B and C
    if second.dep_ != "conj" or first.i not in state.inside or conjuncts(first) != [second] \
            or first.dep_ in ("conj", "appos"):
        return []
    pair = [state.nodes[state.inside[first.i]], state.nodes[last]]
    return pair if pair[0].type == EntityType.ORGANISATION and pair[0] != pair[1] else []


def _plural(noun: str) -> str:
    """The regular plural of a noun ("company" -> "companies")."""
    if noun.endswith("y") and noun[-2:-1] not in ("a", "e", "o", "u"):
        return noun[:-1] + "ies"
    return noun + "es" if noun.endswith(("s", "sh", "ch", "x")) else noun + "s"


#: The plurals of the nouns that describe a company ("companies", "firms", "banks").
_PLURAL_DESCRIBING = frozenset(_plural(noun) for noun in _DESCRIBING if " " not in noun)
#: The words that count a plural noun as a pair ("both companies", "the two firms").
_PAIR_WORDS = frozenset({"both", "two"})
def coordinated_with_its_place(item: Token, state: DocState) -> list[Token]:
    """The names of a list "A in X and B in Y" the parser coordinated with the place after
    ``item`` (B hung on X): those of ``item``'s type, after a country or a place named."""
    node = state.nodes.get(state.inside.get(item.i, -1))
    if node is None:
        return []
    found = []
    # the place may hang on the noun the name is in apposition to ("its two units A in X")
    holders = [item, item.head] if item.dep_ == "appos" else [item]
    for prep in (c for holder in holders for c in holder.children if c.i > item.i):
        if prep.dep_ != "prep" or prep.lower_ not in _PLACE_PREPOSITIONS:
            continue
        for place in prep.children:
            placed = state.nodes.get(state.inside.get(place.i, -1))
            if place.dep_ != "pobj" or not (
                    place.ent_type_ in ("GPE", "LOC") if placed is None
                    else placed.type == EntityType.COUNTRY != node.type):
                continue
            found += [c for c in conjuncts(place) if c.i in state.inside
                      and state.nodes[state.inside[c.i]].type == node.type]
    return found


#: The prepositions of the place a listed name is in ("A in Oslo and B in Paris").
_PLACE_PREPOSITIONS = frozenset({"in", "of", "at", "from"})
#: Participles a company's short name is joined to by a hyphen ("Acme-led", "Acme-made").
_HYPHEN_PARTICIPLES = frozenset({
    "led", "backed", "owned", "controlled", "funded", "financed", "made", "produced",
    "built", "designed", "supplied", "run", "operated", "developed", "sponsored"})


def mark_hyphen_prefixes(doc: Doc, state: DocState) -> None:
    """A short name joined by a hyphen to a participle ("the Acme-led consortium",
    "Acme-made chips") is the one organisation of the document whose name begins with it;
    the recogniser rarely reads a name cut short by a hyphen."""
    tokens = state.tokens_of(doc)
    orgs = {node.name for node in state.nodes.values()
            if node.type == EntityType.ORGANISATION}
    for token in tokens[:-2]:
        if token.pos_ != "PROPN" or token.i in state.inside or not token.text[:1].isupper():
            continue
        if tokens[token.i + 1].text != "-" \
                or tokens[token.i + 2].lower_ not in _HYPHEN_PARTICIPLES:
            continue
        named = {name for name in orgs
                 if name == token.text or name.split()[0] == token.text}
        if len(named) == 1:
            node = Node(named.pop(), EntityType.ORGANISATION, token.i)
            state.mark(doc[token.i:token.i + 1], node)


def mark_leader_bodies(doc: Doc, state: DocState) -> None:
    """"The administration of President Jane Doe" is the organisation "Jane Doe administration".

    The body's noun comes from the ``leader_body`` word list; its "of" object must be a
    person, and the phrase must name no organisation already ("the Doe Administration").
    """
    for token in state.tokens_of(doc):
        if token.lower_ not in _LEADER_BODIES or token.tag_ != "NN" or token.i in state.inside \
                or not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
            continue
        person = next((state.nodes[p.i] for c in token.children
                       if c.dep_ == "prep" and c.lower_ == "of"
                       for p in c.children if p.dep_ == "pobj" and p.i in state.nodes
                       and state.nodes[p.i].type == EntityType.PERSON), None)
        if person is None:
            continue
        name = f"{person.name} {token.lower_}"
        state.bodies.add(name)
        state.mark(doc[token.i:token.i + 1], Node(name, EntityType.ORGANISATION, token.i))


def entity_of(token: Token, state: DocState, depth: int = 0) -> Node | None:
    """The node ``token`` stands for: itself, or what its pronoun refers to.

    A pronoun its sentence leaves open is what ``ng_coreference`` linked it to across
    sentences (``state.coreferent``).
    """
    node = state.nodes.get(token.i)
    if node is not None or depth > 3:
        return node
    if token.lower_ in _GOVERNING_BODIES:  # "the board (of directors) of Acme said it": Acme
        owner: Token | None = token
        while owner is not None and owner.lower_ in _GOVERNING_BODIES:
            of = next((c for c in owner.children if c.dep_ == "prep" and c.lower_ == "of"),
                      None)
            owner = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
        return entity_of(owner, state, depth + 1) if owner is not None else None
    found = _referent_in_sentence(token, state, depth)
    return found if found is not None else state.coreferent.get(token.i)


#: The bodies that act for an organisation they are "of" ("the board of directors of Acme").
_GOVERNING_BODIES = frozenset({"board", "directors", "management"})


def _referent_in_sentence(token: Token, state: DocState, depth: int) -> Node | None:
    """What a relative pronoun or a pronoun refers to, read within its sentence."""
    if token.tag_ in _RELATIVE:
        clause = _relative_clause(token)
        if clause is None:
            # "which" may stand for what the clause before says ("bought shares in X, which
            # would give it a stake"); "whose" has a possessor
            return _named_before_comma(token, state) if token.tag_ == "WP$" else None
        head = clause.head
        if head.i not in state.nodes and head.dep_ == "appos":
            head = head.head  # "X, the movie company which owns ...": X
        elif head.i not in state.nodes and head.dep_ == "attr":
            # "X is a joint venture in which Y holds a stake": X
            head = next((c for c in head.head.children if c.dep_ == "nsubj"), head)
        return entity_of(head, state, depth + 1)
    if token.lower_ in _REFLEXIVE:  # "Qlik agreed to sell itself to Thoma Bravo"
        subject = clause_subject(token.head)
        return entity_of(subject, state, depth + 1) \
            if subject is not None and subject.i != token.i else None
    if token.lower_ in _PRONOUNS and token.dep_ in ("nsubj", "nsubjpass") \
            and token.head.dep_ in ("ccomp", "advcl"):
        speaker = clause_subject(token.head.head)
        return entity_of(speaker, state, depth + 1) if speaker is not None else None
    kind = _ANAPHORIC.get(token.lower_)
    if kind is not None and (token.dep_ in ("poss", "dative", "dobj", "pobj")
                             or (token.dep_ == "nsubj" and token.head.dep_ == "relcl")):
        return antecedent(token, kind, state, depth)
    return None


def _named_before_comma(pronoun: Token, state: DocState) -> Node | None:
    """The party named just before the comma that opens a relative clause the parser did not
    hang on it ("a complaint by Acme, whose fibres have been banned", read as a clause of its
    own): the possessive relative pronoun refers to it."""
    doc, k = pronoun.doc, pronoun.i - 1
    if k < pronoun.sent.start or doc[k].text != ",":
        return None
    k -= 1
    while k >= pronoun.sent.start and doc[k].is_space:
        k -= 1
    inside = state.inside.get(k) if k >= pronoun.sent.start else None
    return state.nodes.get(inside) if inside is not None else None


def _relative_clause(pronoun: Token) -> Token | None:
    """The verb of the relative clause a relative pronoun opens, climbing from the pronoun
    through a preposition or a possessed noun ("in which Telenor holds a stake", "whose
    clients include Sony"), or None."""
    token = pronoun
    for _ in range(3):
        if token.dep_ == "relcl":
            return token
        if token.head.i == token.i or token.head.i > pronoun.i + 12:
            return None
        token = token.head
    return token if token.dep_ == "relcl" else None


def antecedent(token: Token, kinds: frozenset[str], state: DocState,
               depth: int) -> Node | None:
    """What "it"/"its" (an organisation or country) or "he"/"his" (a person) refers to.

    A possessive refers to its clause's subject ("Acme raised its prices"), except in "X is
    its supplier" and on a noun coordinated with a name ("sued Acme and its chairman":
    Acme); an object pronoun never does ("the bank offered it a loan"). Otherwise (and for
    the subject of a relative clause: "the tariffs it will impose") it is the one entity of
    its kind named before it in the sentence, if there is exactly one.
    """
    subject = clause_subject(token.head)
    if subject is not None and subject.left_edge.i <= token.i <= subject.right_edge.i \
            and subject.head.dep_ in ("ccomp", "advcl"):
        # in the subject of a reported clause it is the speaker's: "Acme said its supplier
        # Initech would raise prices"
        subject = clause_subject(subject.head.head)
    own = entity_of(subject, state, depth + 1) \
        if subject is not None and subject.i != token.i else None
    copular = token.head.dep_ in ("attr", "acomp")
    participle = _participle_of(token)
    if participle is not None:
        # "Acme will appeal the curbs imposed on it (by Japan)": the subject of the clause
        # around the participle's noun, not the participle's agent
        outer = clause_subject(participle.head)
        around = entity_of(outer, state, depth + 1) \
            if outer is not None and outer.i != token.i else None
        if around is None and outer is not None:
            # "the maker ZTE Corp will appeal ...", parsed as a noun with the name in apposition
            around = next((n for c in outer.children if c.dep_ == "appos"
                           if (n := entity_of(c, state, depth + 1)) is not None), None)
        if around is not None and around.type in kinds:
            return around
    first = token.head.head
    if token.dep_ == "poss" and token.head.dep_ == "conj" and first.dep_ != "conj" \
            and [c for c in first.children if c.dep_ == "conj"] == [token.head]:
        # "Globex sued Acme and its chairman": the one name the noun is coordinated with,
        # not the last of a list ("titles include A, B and its namesake C")
        joined = entity_of(first, state, depth + 1)
        if joined is not None and joined.type in kinds:
            return joined
    if token.dep_ == "poss" and not copular:
        if own is not None and own.type in kinds:
            return own
        if subject is not None:
            return None
    names = {node.name: node for node in nodes_before(token, state)
             if node.type in kinds and (own is None or node.name != own.name)}
    if token.dep_ == "nsubj" and token.head.dep_ == "relcl":
        # "Globex, of which it holds 17.5 pct": the subject of a relative clause is not what
        # the clause hangs on; it may be what a pronoun before it stands for ("It sells to
        # Globex, of which it holds ...")
        hung = entity_of(token.head.head, state, depth + 1)
        if hung is not None:
            names.pop(hung.name, None)
            names |= {node.name: node for t in token.doc[token.sent.start:token.i]
                      if t.lower_ in _ANAPHORIC and t.i != token.i
                      and (node := state.coreferent.get(t.i)) is not None
                      and node.type in kinds and node.name != hung.name}
    return next(iter(names.values())) if len(names) == 1 else None


def _participle_of(pronoun: Token) -> Token | None:
    """The participle on a noun whose preposition takes an object pronoun ("the curbs imposed
    on it"), or None: a clause with no subject of its own, so the subject of the clause
    around the noun may be what the pronoun refers to."""
    preposition = pronoun.head
    if pronoun.dep_ == "pobj" and preposition.dep_ == "prep" \
            and preposition.head.dep_ == "acl" and preposition.head.tag_ in ("VBN", "VBG"):
        return preposition.head
    return None


def clause_subject(token: Token) -> Token | None:
    """Who does what ``token`` (a verb or a noun in its clause) says, climbing to the clause."""
    node = token
    controlled = False
    for _ in range(6):
        subjects = [c for c in node.children if c.dep_ == "nsubj"]
        if controlled and not subjects:
            # "Acme was forced to halt sales", "Acme is positioned to compete": the passive's
            # subject does what its complement says, whoever forces it
            subjects = [c for c in node.children if c.dep_ == "nsubjpass"]
        if subjects:
            # of two subjects the parser gives one verb ("OSLO, March 16 - Norway's parliament
            # has approved"), the one next to it; a name it splits into several ("Wal - Mart")
            # is one subject, from its first token
            nearest = min(subjects, key=lambda c: abs(node.i - c.i))
            while nearest.i > 0 and nearest.doc[nearest.i - 1] in subjects:
                nearest = nearest.doc[nearest.i - 1]
            return nearest
        for child in node.children:
            if child.dep_ == "agent":
                return next((c for c in child.children if c.dep_ == "pobj"), None)
        infinitive = node.tag_ == "VB" and any(c.tag_ == "TO" for c in node.children)
        if infinitive:
            # "the agreement for Fujitsu to buy Fairchild": Fujitsu buys
            to = next(c for c in node.children if c.tag_ == "TO")
            before = node.doc[to.i - 1] if to.i > 0 else None
            if before is not None and before.dep_ == "pobj" and before.head.lower_ == "for":
                return before
        nonfinite = (node.dep_ == "advcl" and node.tag_ in ("VBG", "VBN", "VB")) or (
            node.dep_ == "relcl" and infinitive)  # "signed a deal to supply"
        if nonfinite and infinitive and _with_party(node.head):
            return None  # "a deal with Acme to supply": who supplies is not said
        if (node.dep_ not in _CLIMB and not nonfinite) or node.head.i == node.i:
            return None
        if node.dep_ == "acl" and infinitive and node.head.lower_ in _DECISIONS:
            # "China criticised Britain's decision to ban Huawei": Britain bans
            owner = next((c for c in node.head.children if c.dep_ == "poss"), None)
            if owner is not None:
                return owner
        if node.dep_ == "acl" and infinitive and node.head.lower_ in _PROPOSALS \
                and node._.ng_trigger == _IMPOSING:
            # "the U.S. rejected the Japanese proposal to cut tariffs": Japan cuts, not the
            # U.S.; one whose owner is unnamed is the subject's ("the U.S. made a proposal")
            owner = next((c for c in node.head.children if c.dep_ == "poss" or (
                c.dep_ in ("amod", "compound") and c.ent_type_ in _OWNER_LABELS)), None)
            if owner is not None:
                return owner
        if node.dep_ == "xcomp":
            # "Kenya urged Brazil to scrap its tariffs": who scraps is the object, when it
            # names a party or a body ("urged the government to", which may be no entity of
            # the text: then the asker does not do it either); "took steps to limit" is still
            # the subject's doing
            controller = next((c for c in node.head.children if c.dep_ == "dobj" and (
                               c._.ng_type
                               or c.tag_ in ("NNP", "NNPS", "PRP")
                               or c.lower_ in _asked_bodies())), None)
            if controller is not None and controller.i < node.i:
                return controller
        controlled = node.dep_ == "xcomp" and node.head.tag_ == "VBN" \
            and node.head.lower_ not in _RAISING
        node = node.head
    return None


@cache
def _asked_bodies() -> frozenset[str]:
    """Nouns of a body that, asked to act, does what it is asked ("urged the government to
    impose sanctions"): the words of ``government`` and ``body_description``."""
    words = lexicon()
    return words.lower("government") | words.lower("body_description")


def named_in_apposition(token: Token, state: DocState) -> Node | None:
    """The entity a common noun is named by, in apposition or by "named"/"called": in
    "Initech and its parent, Globex, sued" the second subject is Globex, in "the new company,
    named Globex, is owned by ..." and "a consortium of companies called Globex sued" the
    subject is Globex."""
    if token.pos_ not in ("NOUN", "PROPN"):
        return None
    named = [c for c in token.children if c.dep_ == "appos"]
    # "a consortium of companies called Globex": the parser names the members, not the body
    members = [p for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
               for p in c.children if p.dep_ == "pobj" and p.tag_ == "NNS"]
    named += [n for noun in (token, *members) for c in noun.children
              if c.dep_ == "acl" and c.lower_ in _NAMING
              for n in c.children if n.dep_ == "oprd"]
    return next((state.nodes[n.i] for n in named if n.i in state.nodes), None)


#: Participles that give a noun its name ("a company named Globex", "a unit called Initech").
_NAMING = frozenset({"named", "called"})


def conjuncts(token: Token) -> list[Token]:
    """The tokens coordinated with ``token`` ("A, B and C")."""
    result = list(token.conjuncts)
    # "A, B and C": the parser sometimes leaves the first item of a list outside it
    return [t for t in result if t.dep_ in ("conj", token.dep_) or t.i == token.head.i]


def nodes_before(token: Token, state: DocState) -> list[Node]:
    """The entities named in ``token``'s sentence before it, in order."""
    found = (state.nodes.get(t.i) for t in token.doc[token.sent.start:token.i])
    return [node for node in found if node is not None]


def _with_party(token: Token) -> bool:
    """Whether ``token`` (or its object) is done "with" or "between" another party."""
    heads = [token, *(c for c in token.children if c.dep_ == "dobj")]
    return any(c.dep_ == "prep" and c.lower_ in ("with", "between")
               for head in heads for c in head.children)
