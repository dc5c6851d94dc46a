"""Coreference across sentences, as the spaCy component ``ng_coreference``.

News names a company once and then calls it "the company", "the carmaker" or "it"; a relation
stated in a later sentence ("The company said it would buy Initech") belongs to the company
named before. This component links such references to the entity they stand for, so that the
rules (``ng_relations``) and the relation classifier read them as mentions of it.

It keeps, sentence by sentence, the entity in focus of each kind: the organisation (or
country) and the person last named as the subject of a clause, else the first named. Then

* a definite description, "the" + a noun of the ``org_description`` word set ("the company",
  "the chipmaker", "the company's"), stands for the organisation in focus that is no public
  body (kept apart: "the FAA fined Acme Air. The carrier said" is Acme Air); a "-maker"
  word the document introduced one organisation by ("Chinese automaker BYD", "BYD, the
  automaker") stands for that one, wherever the focus is;
* "it"/"its" and "he"/"she"/"his"/"her" before any entity of their kind is named in their
  sentence stand for the entity of that kind in focus; the subject of a reported clause ("X
  said it would") is left to stand for the speaker, and where the speaker is no entity but
  speaks for one ("a spokeswoman for Acme said it would", word set ``speaks_for``), "it" or
  "the company" there stands for that organisation.

A reference is left alone where the sentence itself settles it. A description that names (in
apposition, "the company, Initech") or restricts ("the company that makes ...", "the company of
...") is another entity; a clause set off by a comma ("the company, which makes ...,")
restricts nothing. Any "-maker" word of a firm ("the drugmaker") is a description, and so is a
noun with the word before it that ``org_description`` lists ("the asset manager"). One with
modifiers ("the U.S. chipmaker", "the display maker") stands for the organisation in focus too
if that is also the organisation named last, and not the subject of the description's own
clause ("Acme sold a stake to the Taiwanese firm" brings in another entity); one with a country
word stands for the organisation named in its sentence or the one before that the document says
is of that country ("Japan's Sharp ... Foxconn. The Japanese firm"), else for the one
organisation of that country the document names before, however far back, else for the one
left once those it says are of another country are set aside ("... The Taiwanese firm" is
Foxconn), and
never one the document says is of another country, nor one it does not say is of that country
where it says another is. Where none of that settles it, one with a country word stands for the
subject of its sentence's main clause, named before it, if the description is the subject of a
clause of its own or in one whose subject is no organisation ("Pfizer is buying Anacor, a month
after the U.S. drug major scrapped ..."; not "Acme said it would sell a stake to the Taiwanese
firm"), and as the speaker after a reported clause, for the subject of that clause ("PDVSA has
sought credit, the Venezuelan company said"); of subjects joined by "and", for the one the
document says is of that country, else the one in focus. A description linked with a country
word says which country its organisation is of, as "U.S. firm Acme", "Canadian gold
producer Acme Ltd" and "South Korean technology giant Acme" do (and of a shorter form of the
name the document writes, "Acme"), and so does a name that opens with a country's name or
adjective ("China Widget Trust Corp"; not "Georgia Widget", which a state or a person may give),
though where two named lately are of the country, the one a country word is written on. A
pronoun after an entity of its kind in its sentence is read by the rules
(:mod:`~newsgraph.ingest.anaphora`).
"It" as an empty subject ("it is likely that ...") refers to nothing.

Each reference becomes a span of ``doc.spans["ng_references"]``, labelled with the entity's
type, ``span._.ng_name`` the entity's name. ``doc._.ng_focus`` keeps, by the first token of
each sentence, the organisation (or country) in focus as the sentence begins, ``(name, type)``.

>>> import spacy
>>> from spacy.tokens import Doc, Span
>>> words = ["Acme", "rose", ".", "The", "company", "bought", "Initech", "."]
>>> doc = Doc(spacy.blank("en").vocab, words=words, heads=[1, 1, 1, 4, 5, 5, 5, 5],
...           deps=["nsubj", "ROOT", "punct", "det", "nsubj", "ROOT", "dobj", "punct"],
...           tags=["NNP", "VBD", ".", "DT", "NN", "VBD", "NNP", "."],
...           sent_starts=[1, 0, 0, 1, 0, 0, 0, 0])
>>> doc.spans["ng_entities"] = [Span(doc, 0, 1, "Organisation"), Span(doc, 6, 7, "Organisation")]
>>> [(s.text, s.label_, s._.ng_name) for s in ng_coreference(doc).spans["ng_references"]]
[('company', 'Organisation', 'Acme')]
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newsgraph.ingest.entities import SPANS_KEY
from newsgraph.ingest.gazetteer import place_key
from newsgraph.ingest.geo import nation_of
from newsgraph.ingest.names import (
    expletive_verbs,
    given_names,
    lexicon,
    maker_noun,
    sets_policy,
    subdivisions,
)
from newsgraph.ontology import EntityType

__all__ = ["REFERENCES_KEY", "ng_coreference"]

#: The span group of the references this component links.
REFERENCES_KEY = "ng_references"

if not Doc.has_extension("ng_focus"):
    Doc.set_extension("ng_focus", default=None)

_WORDS = lexicon()
_DESCRIPTIONS = _WORDS.lower("org_description")
_BODY_DESCRIPTIONS = _WORDS.lower("body_description")
_THING_PRONOUNS = _WORDS.lower("pronoun_thing")
_PUBLIC_BODIES = _WORDS.lower("public_body")
_PERSON_PRONOUNS = _WORDS.lower("pronoun_person")
_SPEAKS_FOR = _WORDS.lower("speaks_for")
#: Every form of the verbs whose "of" says what their object is charged with or told.
_OF_COMPLEMENT = _WORDS.verbs("of_complement_verb")
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
#: A description restricted by what follows it is a new entity, not a reference.
_RESTRICTING = frozenset({"relcl", "acl", "appos"})
_MODIFIERS = frozenset({"amod", "compound", "nmod", "nummod"})
_THING = frozenset({EntityType.ORGANISATION})
#: How a country word attaches to the noun it says the country of ("Japan's Sharp",
#: "Taiwanese firm", "U.S. chipmaker").
_COUNTRY_WORD_ROLES = frozenset({"poss", "amod", "compound", "nmod"})
_PERSON = frozenset({EntityType.PERSON})


@Language.component(
    "ng_coreference",
    requires=["doc.spans", "span._.ng_name", "token.dep", "token.tag"],
    assigns=["doc.spans", "doc._.ng_focus"],
)
def ng_coreference(doc: Doc) -> Doc:
    """Link "the company", "it" and "he" to the entity in focus (see the module)."""
    references: list[Span] = []
    in_focus: dict[int, tuple[str, str]] = {}
    doc._.ng_focus = in_focus
    if not doc.has_annotation("DEP"):
        doc.spans[REFERENCES_KEY] = references
        return doc
    mentions = {span.root.i: span for span in doc.spans.get(SPANS_KEY, [])}
    inside = {i: span for span in mentions.values() for i in range(span.start, span.end)}
    countries = _countries_of(mentions.values())
    introduced = _introduced(mentions.values(), inside)
    # "thing"/"person"/"firm" (an organisation no public body) -> (name, type)
    focus: dict[str, tuple[str, str]] = {}
    last: dict[str, tuple[str, str]] = {}  # the entity of each kind named last
    previous: list[tuple[str, str]] = []  # the organisations of the sentence before
    earlier: list[tuple[str, str]] = []  # the organisations of the sentences before
    bodies: list[tuple[str, str]] = []  # the public bodies of the sentences before
    for sentence in doc.sents:
        if "thing" in focus:
            in_focus[sentence.start] = focus["thing"]
        named: list[tuple[str, str]] = []  # the organisations of this sentence so far
        seen: set[str] = set()
        subjects: dict[str, tuple[str, str]] = {}
        for token in sentence:
            span = mentions.get(token.i)
            if span is not None:
                kind = _kind(span.label_)
                if kind is not None:
                    seen.add(kind)
                    entity = (str(span._.ng_name or span.text), span.label_)
                    focus.setdefault(kind, entity)  # the first named, until a subject
                    last[kind] = entity
                    if kind == "thing":
                        named.append(entity)
                    if token.dep_ in _SUBJECTS and kind not in subjects:
                        subjects[kind] = entity
                    if kind == "thing" and not _public_body(entity[0]):
                        # "the carrier" after "the FAA fined Acme Air" is Acme Air: a
                        # description of a firm is never the public body in focus
                        focus.setdefault("firm", entity)
                        last["firm"] = entity
                        if token.dep_ in _SUBJECTS and "firm" not in subjects:
                            subjects["firm"] = entity
                continue
            if token.i in inside:
                continue
            # a subject named earlier in the sentence comes first ("Acme wants X, Jane Doe,
            # the company's president, said"); one who speaks for an organisation speaks of
            # it ("a spokeswoman for Acme said the company would ...")
            reference = _speakers_organisation(token, mentions) \
                or _reference(token, seen, {**focus, **subjects}) or _body(token, bodies)
            if reference is not None and _describes_firm(token) \
                    and reference == subjects.get("firm") \
                    and _clause_subject_is(token, reference[0], mentions, pronoun=False):
                # "Globex fined the company": the clause's subject is not named again by a
                # description in its own clause; the one in focus before it is
                before = focus.get("firm")
                reference = before if before != reference else None
            if reference is not None and _describes_firm(token) \
                    and not _definite(token):
                # "the Taiwanese firm" is the one named lately that is not based elsewhere
                by_country = _of_its_country(token, previous + named, earlier + named,
                                             countries, mentions)
                if by_country is not None:
                    reference = by_country
                elif reference != last.get("firm") \
                        or not _may_be_of_its_country(token, reference, countries, mentions) \
                        or _clause_subject_is(token, reference[0], mentions):
                    # "Acme sold a stake to the Taiwanese firm": not Acme; nor after "Initech",
                    # unless the sentence's own subject settles it
                    reference = _main_subject(token, focus.get("firm"), countries, mentions)
            if maker_noun(token.lower_) and _describes_firm(token) \
                    and (_definite(token) or _described(token)):
                # "Chinese automaker BYD ... a stake in the automaker": the one the document
                # introduced by that maker noun, wherever the focus is
                by_noun = {e for i, e in introduced.get(token.lower_, ()) if i < token.i}
                if len(by_noun) == 1 and not _clause_subject_is(
                        token, (one := by_noun.pop())[0], mentions, pronoun=False):
                    reference = one
            if reference is not None:
                name, label = reference
                if (country := _country_word(token, mentions)) is not None:
                    # "the U.S. drug major" says of its organisation what "U.S. firm Acme" does
                    countries.setdefault(name, set()).add(country)
                linked = Span(doc, token.i, token.i + 1, label=label)
                linked._.ng_name = name
                references.append(linked)
        focus.update(subjects)
        bodies += [entity for entity in named if sets_policy(entity[0])]
        previous = named
        earlier += named
    doc.spans[REFERENCES_KEY] = references
    return doc


def _countries_of(mentions: Iterable[Span]) -> dict[str, set[str]]:
    """The countries the document says its organisations are of, by a country word on a
    mention ("Japan's Sharp Corp", "Taiwanese Foxconn", "U.S. firm Acme")."""
    countries: dict[str, set[str]] = {}
    by_root = {span.root.i: span for span in mentions}
    for span in by_root.values():
        if span.label_ != EntityType.COUNTRY or span.root.dep_ not in _COUNTRY_WORD_ROLES:
            continue
        head = span.root.head
        owner = by_root.get(head.i)
        if owner is None:  # "U.S. firm Acme": the country is on the noun beside the name
            owner = next((by_root[c.i] for c in head.children
                          if c.dep_ == "appos" and c.i in by_root), None)
        noun = head
        while noun.dep_ == "compound" and noun.pos_ == "NOUN" and not _describes_firm(noun) \
                and noun.head.i > noun.i:
            noun = noun.head  # "South Korean technology giant": the country is the giant's
        if owner is None and _describes_firm(noun) \
                and noun.dep_ in ("compound", "appos", "amod") and noun.i not in by_root:
            # "Canadian gold producer Dome Mines Ltd", "U.S. Firm Acme Inc": the noun of what
            # the firm is, before its name
            owner = by_root.get(noun.head.i)
        if owner is not None and owner.label_ in _THING:
            name = str(owner._.ng_name or owner.text)
            if _public_body(name):
                continue  # "Japan's transport ministry" is no Japanese firm to describe
            countries.setdefault(name, set()).add(str(span._.ng_name or span.text))
    names = {str(span._.ng_name or span.text) for span in by_root.values()
             if span.label_ in _THING}
    for name in names - countries.keys():
        if (country := _named_country(name)) is not None:
            countries[name] = {country}
    # a short form the document writes again ("Fluke" of "John Fluke Mfg Co Inc") is of the
    # country of the one organisation whose name has it
    for short in names - countries.keys():
        longer = [name for name in names if name != short and _within(short, name)]
        if len(longer) == 1 and longer[0] in countries:
            countries[short] = set(countries[longer[0]])
    return countries


def _named_country(name: str) -> str | None:
    """The country an organisation's name opens with, by its name or its adjective ("China
    National Widget Corp", "Korea Electric Power", "Saudi Arabian Oil Co"), if the name says
    more than that and is no public body's; not a word a state or a person has too."""
    words = name.split()
    if len(words) < 2 or sets_policy(name) or words[-1].casefold() in _PUBLIC_BODIES:
        return None
    for size in (2, 1):
        opening = " ".join(words[:size])
        if len(words) > size and (country := nation_of(opening)) is not None:
            # "Georgia Gulf", "Jordan Industries": a state or a person may give the name
            ambiguous = opening in given_names() or place_key(opening) in subdivisions()
            return None if ambiguous else country
    return None


def _introduced(mentions: Iterable[Span],
                inside: dict[int, Span]) -> dict[str, list[tuple[int, tuple[str, str]]]]:
    """The organisations the document introduces by a maker noun beside the name ("Chinese
    automaker BYD", "BYD, the automaker"), by the noun: where it does, and which."""
    introduced: dict[str, list[tuple[int, tuple[str, str]]]] = {}
    for span in mentions:
        if span.label_ not in _THING:
            continue
        root = span.root
        # the noun on the name, or the name in apposition to the noun ("automaker BYD")
        nouns = [c for c in root.children if c.dep_ in ("compound", "appos", "nmod")]
        nouns += [root.head] if root.dep_ in ("appos", "compound") else []
        for noun in nouns:
            if noun.i not in inside and noun.pos_ == "NOUN" and maker_noun(noun.lower_):
                entity = (str(span._.ng_name or span.text), span.label_)
                introduced.setdefault(noun.lower_, []).append((noun.i, entity))
    return introduced


def _within(short: str, name: str) -> bool:
    """Whether the words of ``short`` are a run of the words of ``name``."""
    part, whole = short.split(), name.split()
    return any(whole[i:i + len(part)] == part for i in range(len(whole) - len(part) + 1))


def _of_its_country(token: Token, named: list[tuple[str, str]],
                    earlier: list[tuple[str, str]], countries: dict[str, set[str]],
                    mentions: dict[int, Span]) -> tuple[str, str] | None:
    """The organisation a description with a country word stands for ("the Taiwanese firm"),
    where that word settles it: the one organisation named lately (in this sentence and the
    one before) that the document says is of that country, else the one of all named
    ``earlier`` in the document, else the one named lately left when those it says are of
    another country are set aside, and never the subject of the description's own clause
    ("Acme sold a stake to the Taiwanese firm")."""
    country = _country_word(token, mentions)
    if country is None:
        return None
    candidates = [entity for entity in dict.fromkeys(reversed(named))
                  if not _clause_subject_is(token, entity[0], mentions, pronoun=False)]
    of_it = [e for e in candidates if country in countries.get(e[0], ())]
    if len(of_it) > 1:
        # a country word the text writes outranks a name that opens with the country ("South
        # Korean Samsung ... the Korea Economic Daily ... The Korean company" is Samsung)
        of_it = [e for e in of_it if _named_country(e[0]) != country] or of_it
    if len(of_it) == 1:
        return of_it[0]
    if not of_it:
        # "Japan's Acme ... Initech ... Globex. The Japanese firm": the one of that country
        # the document names, however far back
        before = list(dict.fromkeys(e for e in earlier if country in countries.get(e[0], ())))
        if len(before) == 1:
            return None if _clause_subject_is(token, before[0][0], mentions, pronoun=False) \
                else before[0]
        if before:
            return None
    elsewhere = [e for e in candidates if countries.get(e[0])]
    left = [e for e in candidates if e not in elsewhere]
    return left[0] if len(left) == 1 and not of_it and elsewhere else None


def _main_subject(token: Token, before: tuple[str, str] | None,
                  countries: dict[str, set[str]],
                  mentions: dict[int, Span]) -> tuple[str, str] | None:
    """The organisation a description with a country word stands for within its sentence: the
    subject of the sentence's main clause, named before it, where the description is not in
    that subject's clause and its own clause has no organisation for subject ("Pfizer is
    buying Anacor, a month after the U.S. drug major scrapped ..."); the subject of the clause
    it reports, as the speaker after it ("PDVSA has sought credit, the Venezuelan company
    said"). Of subjects joined by "and", the one the document says is of that country, else
    the one in focus before the sentence; never one the country word does not allow
    (:func:`_may_be_of_its_country`)."""
    country = _country_word(token, mentions)
    if country is None:
        return None
    root = token.sent.root
    subject = next((c for c in root.children if c.dep_ in _SUBJECTS), None)
    if subject is not None and subject.i == token.i:
        clause = next((c for c in root.children if c.dep_ == "ccomp" and c.i < token.i), None)
        subject = None if clause is None \
            else next((c for c in clause.children if c.dep_ in _SUBJECTS), None)
    elif subject is None or subject.i > token.i or not _apart_from_main_clause(token, mentions):
        return None
    if subject is None:
        return None
    parties = [(str(span._.ng_name or span.text), span.label_)
               for t in (subject, *subject.conjuncts)
               if (span := mentions.get(t.i)) is not None and span.label_ in _THING]
    parties = [e for e in dict.fromkeys(parties)
               if _may_be_of_its_country(token, e, countries, mentions)]
    of_it = [e for e in parties if country in countries.get(e[0], ())]
    if len(parties) == 1 or len(of_it) == 1:
        return of_it[0] if of_it else parties[0]
    return before if before in parties else None


def _apart_from_main_clause(token: Token, mentions: dict[int, Span]) -> bool:
    """Whether ``token`` is the subject of a clause below the sentence's main one ("after the
    drug major scrapped ..."), or in one whose subject is no organisation and may stand for
    none ("a deal that could cost the U.S. asset manager"): not an object of the main clause
    ("Acme sold a stake to the Taiwanese firm"), nor of a clause whose subject is a pronoun
    or another name ("Acme said it would sell a stake to the Taiwanese firm")."""
    head = token.head
    while head.head.i != head.i:
        subject = next((c for c in head.children if c.dep_ in _SUBJECTS), None) \
            if head.pos_ in ("VERB", "AUX") else None
        if subject is not None:
            if subject.i == token.i:
                return True
            if subject.tag_ in ("WDT", "WP") and head.dep_ == "relcl":
                subject = head.head
            span = mentions.get(subject.i)
            return subject.tag_ != "PRP" and (span is None or span.label_ not in _THING)
        head = head.head
    return False


def _may_be_of_its_country(token: Token, entity: tuple[str, str],
                           countries: dict[str, set[str]], mentions: dict[int, Span]) -> bool:
    """Whether the country word on a description allows ``entity``: the document says it is
    of that country, or says no organisation is ("Japan's Acme ... Initech said ... The
    Japanese company" is not Initech, though in focus) and does not say it is of another
    ("Japan's Acme rose after the U.S. firm said" is not Acme)."""
    country = _country_word(token, mentions)
    if country is None or country in countries.get(entity[0], ()):
        return True
    return not countries.get(entity[0]) and not any(country in of for of in countries.values())


def _country_word(token: Token, mentions: dict[int, Span]) -> str | None:
    """The country a country word on ``token`` names ("the *Taiwanese* firm")."""
    return next((str(span._.ng_name or span.text) for c in token.children
                 if c.dep_ in _COUNTRY_WORD_ROLES and (span := mentions.get(c.i)) is not None
                 and span.label_ == EntityType.COUNTRY), None)


def _public_body(name: str) -> bool:
    """Whether an organisation's name is a public body's, which no description of a firm
    stands for: it ends in a word of a government body ("the U.S. Commerce Department") or,
    of more than one word, says it sets policy ("the Internal Revenue Service", "the European
    Union"; "ZTE" in capitals may be a firm)."""
    words = name.split()
    return bool(words) and (words[-1].casefold() in _PUBLIC_BODIES
                            or (len(words) > 1 and sets_policy(name)))


def _kind(label: str) -> str | None:
    """The pronoun kind an entity type is referred to by."""
    if label in _THING:
        return "thing"
    if label in _PERSON:
        return "person"
    return None


def _reference(token: Token, seen: set[str],
               focus: dict[str, tuple[str, str]]) -> tuple[str, str] | None:
    """The entity ``token`` refers to, if it is a reference this component links."""
    lower = token.lower_
    # a singular common noun; the tagger may call one a proper noun after a name ("the U.S.
    # software titan"), but a proper noun is not written in lower case
    singular = token.tag_ == "NN" or (token.tag_ == "NNP" and token.is_lower)
    if _describes_firm(token) and singular and (_definite(token) or _described(token)):
        return focus.get("firm")
    if lower in _THING_PRONOUNS and "thing" not in seen and _referring_it(token):
        return focus.get("thing")
    if lower in _PERSON_PRONOUNS and "person" not in seen \
            and (token.dep_ == "poss" or (token.dep_ in _SUBJECTS and not _reported(token))):
        return focus.get("person")
    return None


def _body(token: Token, bodies: list[tuple[str, str]]) -> tuple[str, str] | None:
    """The public body "the agency" or "the regulator" (alone after "the") stands for: the
    one the sentences before name ("the Consumer Financial Protection Bureau ... The agency's
    proposed rule"), if they name only one (after the FDIC and the Federal Reserve, "the
    agency" is either)."""
    if token.lower_ not in _BODY_DESCRIPTIONS or token.tag_ != "NN" or not _definite(token) \
            or len(set(bodies)) != 1:
        return None
    return bodies[-1]


def _describes_firm(token: Token) -> bool:
    """Whether a noun, after "the", may stand for an organisation: a word of
    ``org_description``, or one with the word before it ("asset manager"), or any "-maker"
    word of a firm ("the drugmaker")."""
    word = token.lower_
    before = token.doc[token.i - 1] if token.i > 0 else None
    return word in _DESCRIPTIONS or maker_noun(word) or (
        before is not None and before.head.i == token.i and before.dep_ == "compound"
        and f"{before.lower_} {word}" in _DESCRIPTIONS)


def _speakers_organisation(token: Token,
                           mentions: dict[int, Span]) -> tuple[str, str] | None:
    """The organisation "it" or "the company", as the subject of a reported clause, stands
    for when the speaker is no entity but speaks for one: "a spokeswoman for Acme", "an Acme
    spokesman", "Acme's spokesman" (a speaker named is read by the rules)."""
    if token.dep_ not in _SUBJECTS or not _reported(token) \
            or not (token.lower_ == "it" or (_describes_firm(token) and _definite(token))):
        return None
    speaker = next((c for c in token.head.head.children if c.dep_ in _SUBJECTS), None)
    if speaker is None or speaker.i in mentions or speaker.lower_ not in _SPEAKS_FOR:
        return None
    owners = [c for c in speaker.children if c.dep_ in ("poss", "compound")]
    owners += [g for c in speaker.children if c.dep_ == "prep" and c.lower_ in ("for", "at", "of")
               for g in c.children if g.dep_ == "pobj"]
    found = [mentions[o.i] for o in owners if o.i in mentions]
    organisations = {(str(m._.ng_name or m.text), m.label_) for m in found if m.label_ in _THING}
    return organisations.pop() if len(organisations) == 1 else None


def _reported(token: Token) -> bool:
    """Whether ``token`` is the subject of a reported clause ("X said it would"), which
    stands for the speaker (:func:`~newsgraph.ingest.anaphora.entity_of`)."""
    return token.head.dep_ in ("ccomp", "advcl")


def _definite(token: Token) -> bool:
    """Whether ``token`` heads "the <noun>" that names or restricts nothing more."""
    return _the_noun(token, modified=False)


def _described(token: Token) -> bool:
    """Whether ``token`` heads "the <modifiers> <noun>" that names or restricts nothing more:
    "the U.S. chipmaker", "the Japanese automaker", "the display maker"."""
    return _the_noun(token, modified=True)


def _the_noun(token: Token, *, modified: bool) -> bool:
    """"the" + ``token``, with modifiers or none as ``modified`` says, and nothing that names
    or restricts it (apposition, a relative clause, "of ...", a number; unmodified, no proper
    noun either)."""
    children = list(token.children)
    if token.dep_ == "appos" or not any(c.dep_ == "det" and c.lower_ == "the" for c in children):
        return False
    if _name_follows(token):
        return False  # "the advocacy group Acme Watch": the name says which
    if any(c.dep_ in _MODIFIERS for c in children) != modified:
        return False
    return not any((c.dep_ in _RESTRICTING and not _nonrestrictive(c))
                   or (c.dep_ == "prep" and c.lower_ == "of" and not _charged_of(token))
                   or c.tag_ == "CD" or (not modified and c.tag_ in ("NNP", "NNPS"))
                   for c in children)


def _charged_of(token: Token) -> bool:
    """Whether ``token`` is the object of a verb whose "of" says what it is charged with or
    told ("accused the company of fraud"), an "of" the parser may hang on the noun."""
    return token.dep_ == "dobj" and token.head.lower_ in _OF_COMPLEMENT


def _name_follows(token: Token) -> bool:
    """Whether a proper noun written in capitals follows ``token`` directly, naming it
    ("the law firm Roe Lind"), however the parser attached it."""
    doc = token.doc
    return token.i + 1 < len(doc) and doc[token.i + 1].tag_ in ("NNP", "NNPS") \
        and doc[token.i + 1].text[:1].isupper()


def _nonrestrictive(clause: Token) -> bool:
    """Whether a relative clause is set off by a comma ("the company, which makes chips,"):
    it says more of the thing named, and restricts nothing."""
    start = clause.left_edge.i
    return clause.dep_ == "relcl" and start > 0 and clause.doc[start - 1].text == ","


def _clause_subject_is(token: Token, name: str, mentions: dict[int, Span], *,
                       pronoun: bool = True) -> bool:
    """Whether the subject of the clause ``token`` is in is ``name`` (or, with ``pronoun``,
    "it", which may stand for it), a clause with no subject of its own taking its controller's
    ("plans to sue the company"): news does not name the subject again by a description in its
    own clause."""
    head = token
    for _ in range(8):
        if head.pos_ in ("VERB", "AUX") or head.head is head:
            break
        head = head.head
    # "the DOJ plans to sue the company": a verb's subject is its controller's, where no
    # object of the controller stands between them ("asked Acme to buy the company")
    while head.dep_ == "xcomp" and head.head is not head \
            and not any(c.dep_ in _SUBJECTS for c in head.children) \
            and not any(c.dep_ in ("dobj", "dative") for c in head.head.children):
        head = head.head
    for child in head.children:
        if child.dep_ in _SUBJECTS and child.i != token.i:
            if child.tag_ in ("WDT", "WP") and head.dep_ == "relcl":
                child = head.head  # "Porsche, which owns half of the carmaker"
            span = mentions.get(child.i)
            return (pronoun and child.lower_ in _THING_PRONOUNS) or (
                span is not None and str(span._.ng_name or span.text) == name)
    return False


def _referring_it(token: Token) -> bool:
    """Whether "it"/"its" here refers to something: a clause subject or a possessive, not the
    empty subject of "it is likely that"."""
    if token.dep_ == "poss":
        return True
    if token.dep_ not in _SUBJECTS or token.lower_ != "it" or _reported(token):
        return False
    return token.head.lower_ not in expletive_verbs()
