"""The article's title read as well as its text: a feed item's or a page's title is often
the one sentence that states the news ("Acme buys Globex"), and no sentence of the text says
it again.

The title is read as a document of its own, unless the text repeats it as its first line, so
that what the text says is read as before: the title neither names the thing "the company"
stands for nor the measure "the tariffs" are. A title written in headline case ("Acme Sues
Globex Over Patents", "ACME SUES GLOBEX") is read in sentence case, each word written as the
text writes it: the model takes every capitalised word for a name. The title adds what it
says of the things the text names (a name of the title is one of the text's entities by its
name or an alias), and of countries, which are known by their names wherever written; what
only the title names is left out, since a word the text never writes as a name is no name.

Evidence read from the title says so (``Evidence.title``), its offsets being in the title;
every other offset is one in the article text.

>>> sentence_case("Acme Sues Globex Over Patents", "Acme said Globex sued over patents.")
'Acme sues Globex over patents'
>>> repeats_title("Acme buys Globex", "Acme Buys Globex\\n\\nAcme said on Monday ...")
True
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc, Span

from newsgraph.ingest.documents import ARTICLE, Article, Entity, Relation
from newsgraph.ingest.markup import blank_markup
from newsgraph.ingest.mentions import headline_case
from newsgraph.ingest.names import name_key
from newsgraph.ontology import RELATIONS, EntityType, NodeType, Predicate

__all__ = ["LONGEST_TITLE", "repeats_title", "sentence_case", "title_document",
           "title_relations"]

#: The longest title read, in characters: a longer one is no headline (a feed may put a
#: whole text in it), and the text is read all the same.
LONGEST_TITLE = 1_000

#: A word: a run of letters and digits ("Globex", "A320", "U" and "S" of "U.S.").
_WORD = re.compile(r"[^\W_]+")
#: What ends a sentence, or opens a quotation, before a word: its capital says nothing.
_OPENING = frozenset(".!?:;\"'\u201c\u2018([-\u2013\u2014")


def title_document(nlp: Language, article: Article) -> Doc | None:
    """The document ``nlp`` reads of the title of ``article``: the title alone, in sentence
    case where it is written in headline case (quoted as written); or None where it has no
    title, a title longer than :data:`LONGEST_TITLE` or one its text repeats. The title is
    read without the text's lede, which would cost a fifth of the model's time again for a
    few relations more: what it names is matched with the text's names afterwards
    (:func:`title_relations`).

    >>> import spacy
    >>> doc = title_document(spacy.blank("en"), Article("a", "Globex said it was sold to "
    ...     "Acme.", "a.txt", title="ACME BUYS GLOBEX"))
    >>> doc.text, doc._.ng_source_text
    ('Acme buys Globex', 'ACME BUYS GLOBEX')
    >>> title_document(spacy.blank("en"), Article("b", "Acme rose.", "b.txt")) is None
    True
    """
    title = article.title
    if not title.strip() or len(title) > LONGEST_TITLE or repeats_title(title, article.text):
        return None
    read = title
    if _headline_cased(nlp.make_doc(title)[:]):
        read = sentence_case(title, article.text)
    doc = nlp.make_doc(read)
    if doc.text != title:  # quoted as written: markup, capitals (the offsets are the same)
        doc._.ng_source_text = title
    return doc


def _headline_cased(title: Span) -> bool:
    """Whether a title is in headline case (by :func:`headline_case`) or in capitals."""
    letters = [c for c in title.text if c.isalpha()]
    return headline_case(title) or (len(letters) > 3 and all(c.isupper() for c in letters))


def repeats_title(title: str, text: str) -> bool:
    """Whether the text's first line is the title again, whatever its case and spaces, or the
    title is that line and the site's name after a separator ("Acme buys Globex | Wire").

    >>> repeats_title("Acme buys Globex", "Acme buys  Globex for $5 billion.")
    False
    >>> repeats_title("Acme buys Globex - Wire", "ACME BUYS GLOBEX\\nAcme said ...")
    True
    """
    first = _plain(next((line for line in text.split("\n") if line.strip()), ""))
    plain = _plain(title)
    if not first or not plain:
        return False
    return plain == first or (plain.startswith(first)
                              and plain[len(first):].lstrip()[:1] in _SEPARATORS)


#: What separates a page's title from its site's name ("Acme buys Globex | Wire").
_SEPARATORS = ("-", "|", ":", "\u2013", "\u2014")


def _plain(line: str) -> str:
    """A line without case or runs of spaces."""
    return " ".join(line.casefold().split()).strip("#").strip()


def sentence_case(title: str, text: str) -> str:
    """A headline-case title in sentence case, of the same length: each word as the text
    writes it within a sentence (a name keeps its capitals, "SONY" becomes "Sony"), or
    capitalised where the text writes it only to open sentences and it is no common word; an
    acronym of a title not all in capitals kept; another word in small letters; the first
    word's first letter a capital.

    >>> sentence_case("UN Chief Warns of Acme-FBI Row", "The U.N. chief said Acme and the FBI")
    'UN chief warns of Acme-FBI row'
    >>> sentence_case("SONY TO BUY STAKE IN NEC", "Sony Corp said it would buy 5 pct of NEC.")
    'Sony to buy stake in NEC'
    """
    blanked = blank_markup(title)  # an exchange code is no word ("<SNE>")
    forms = _forms(blank_markup(text), {w.casefold() for w in _WORD.findall(blanked)})
    capitals = not any(c.islower() for c in title)
    out = list(title)
    first = True
    for match in _WORD.finditer(blanked):
        word = match.group()
        if any(c.isdigit() for c in word) or (not capitals and len(word) > 1
                                              and word.isupper()):
            form = word  # "A320", "UN" and "FBI" in "UN Chief Warns of Apple-FBI Row"
        elif title[match.start() - 1:match.start()] in ("'", "\u2019"):
            form = word.lower()  # "CANADA'S"
        else:
            form = _form(word, forms.get(word.casefold()))
        if first:
            form = form[:1].upper() + form[1:]
            first = False
        if len(form) == len(word):
            out[match.start():match.end()] = form
    return "".join(out)


def _forms(text: str, words: set[str]) -> dict[str, Counter[str]]:
    """How the text writes each of ``words`` (casefolded): its forms within a sentence, and
    ``""`` counted once for each time it opens one (a capital there says nothing)."""
    found: dict[str, Counter[str]] = {}
    for match in _WORD.finditer(text):
        key = match.group().casefold()
        if key not in words:
            continue
        k = match.start() - 1
        while k >= 0 and text[k] in " \t":
            k -= 1
        # the full stop of an initial ("U.S. officials") ends no sentence
        initial = text[k] == "." and k >= 1 and text[k - 1].isupper() \
            and (k < 2 or not text[k - 2].isalpha())
        opening = k < 0 or text[k] == "\n" or (text[k] in _OPENING and not initial)
        found.setdefault(key, Counter())["" if opening else match.group()] += 1
    return found


def _form(word: str, forms: Counter[str] | None) -> str:
    """The form of a title's word: as the text writes it within a sentence (the form with
    capitals, "Globex" or "iPhone", where it writes it both ways as often), capitalised where
    the text writes it only to open sentences and it is no common word ("Globex said ..."),
    else in small letters.

    >>> _form("FIRM", Counter({"firm": 2, "Firm": 1})), _form("NEC", Counter({"NEC": 1}))
    ('firm', 'NEC')
    """
    forms = forms or Counter()
    written = sorted(((count, form != form.lower(), form) for form, count in forms.items()
                      if form), reverse=True)
    if not written:
        if forms and word.casefold() not in STOP_WORDS:
            return word[:1].upper() + word[1:].lower()
        return word.lower()
    capitalised = sum(c for c, upper, _ in written if upper)
    if capitalised * 2 >= sum(c for c, _, _ in written):
        return next(form for _, upper, form in written if upper)
    return word.lower()


def title_relations(
    title: Doc, entities: Sequence[Entity], relations: Sequence[Relation],
) -> tuple[tuple[Relation, ...], tuple[Entity, ...]]:
    """The relations the ``title`` document read between things the text names (its
    ``entities``, found by a name or an alias), countries and the article, under the text's
    names, with their evidence marked as the title's; and the countries only the title names
    that they join. Where the text's ``relations`` say where a thing is based, the title's
    word for it ("build China's Acme") does not place it elsewhere.
    """
    keys: dict[str, Entity] = {}
    for entity in entities:
        for name in (entity.name, *entity.aliases):
            keys.setdefault(name_key(name), entity)
    said: list[Entity] = [*title._.ng_entities, *title._.ng_relation_entities]
    named: dict[str, Entity | None] = {ARTICLE: _ARTICLE}
    for entity in said:
        found = next((keys[k] for n in (entity.name, *entity.aliases)
                      if (k := name_key(n)) in keys), None)
        if found is None and entity.type == EntityType.COUNTRY:
            found = entity
        named.setdefault(entity.name, found)
    based = {(r.subject, r.object) for r in relations if r.predicate == Predicate.BASED_IN}
    said_here = [r for r in _relations_named(title._.ng_relations, named)
                 if r.predicate != Predicate.BASED_IN or (r.subject, r.object) in based
        or not any(subject == r.subject for subject, _ in based)]
    known = {e.name for e in entities}
    used = {n for r in said_here for n in (r.subject, r.object)}
    countries = {e.name: e for e in said if e.type == EntityType.COUNTRY
                 and e.name in used and e.name not in known}
    return tuple(said_here), tuple(countries[n] for n in sorted(countries))


#: The article as the end of a relation (``roseOnNews``), for :func:`_relations_named`.
_ARTICLE = Entity(ARTICLE, NodeType.ARTICLE)


def _relations_named(
    relations: Iterable[Relation], named: dict[str, Entity | None],
) -> tuple[Relation, ...]:
    """The ``relations`` whose ends ``named`` gives an entity, under those entities' names,
    where the ontology allows the relation between their types, with their evidence marked
    as the title's.

    >>> from newsgraph.ingest.documents import Evidence
    >>> acme, globex = Entity("Acme Corp", "Organisation"), Entity("Globex", "Organisation")
    >>> evidence = Evidence("Acme invests in Globex", 0, 22, "rule")
    >>> found = _relations_named([Relation("Acme", "investsIn", "Globex", evidence),
    ...                           Relation("Acme", "investsIn", "Initech", evidence)],
    ...                          {"Acme": acme, "Globex": globex, "Initech": None})
    >>> [(r.subject, r.object, r.evidence.title) for r in found]
    [('Acme Corp', 'Globex', True)]
    """
    found: list[Relation] = []
    for relation in relations:
        subject, obj = named.get(relation.subject), named.get(relation.object)
        if subject is None or obj is None or subject.name == obj.name:
            continue
        signature = RELATIONS.get(relation.predicate)
        if signature is None or subject.type not in signature.domain \
                or obj.type not in signature.range:
            continue
        found.append(Relation(subject.name, relation.predicate, obj.name,
                              replace(relation.evidence, title=True)))
    return tuple(found)
