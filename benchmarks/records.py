"""Generated extraction records: what the NLP would hand the graph, without running it.

The stages after the NLP (resolution, the graph, the exports, the store) are measured on
records made here, since the NLP of 100,000 documents takes hours on the reference machine
and costs the same per document whatever the graph holds (it is measured apart, by
``throughput.py``). Document *n* depends only on *n*: the first 10,000 records of a 100,000
corpus are the 10,000 corpus, and the records an add brings are the next ones.

The records exercise every resolution rule: names written several ways (legal forms,
spacing, a leading nationality word), acronyms given by one document and read alone by
others (some standing for two bodies), people named in full and by surname (some surnames
shared), policies with kinds that tie, countries, and relations of each family. New names
keep coming as the corpus grows (about one new organisation in three documents), and a few
names are mentioned in most documents, as in news.

>>> first = extraction(0)
>>> first.article.id, len(first.entities) > 5, len(first.relations) > 0
('generated:0', True, True)
>>> extraction(7) == extraction(7)
True
"""

from __future__ import annotations

import random
from collections.abc import Iterator

from newsgraph.ingest.documents import ARTICLE, Article, Entity, Evidence, Extraction, Relation

__all__ = ["extraction", "extractions"]

_SYLLABLES = ("ka", "lo", "mi", "ran", "tek", "vo", "zen", "qua", "bri", "sol", "dor", "fin",
              "gal", "hex", "jo", "nor", "pax", "ri", "sta", "ul", "wen", "xi", "yor", "tor")
_HEADS = ("Technologies", "Holdings", "Semiconductor", "Systems", "Group", "Motors",
          "Trade Association", "Robot Makers Association", "Bank", "Energy")
_LEGAL = ("Corp.", "Co. Ltd", "Inc", "GmbH", "Ltd.", "S.A.")
_GIVEN = ("Jane", "John", "Maria", "Wei", "Ahmed", "Olga", "Kenji", "Lucia", "Peter", "Amara")
_COUNTRIES = ("United States", "China", "Japan", "Germany", "France", "India", "Brazil",
              "South Korea", "Netherlands", "Taiwan")
_DEMONYMS = {"United States": "American", "China": "Chinese", "Japan": "Japanese",
             "Germany": "German", "France": "French", "India": "Indian", "Brazil": "Brazilian",
             "South Korea": "South Korean", "Netherlands": "Dutch", "Taiwan": "Taiwanese"}
_POLICY_KINDS = ("ExportControl", "Subsidy", "InvestmentRestriction", "Licence")
_PUBLISHERS = ("Reuters", "Nikkei Asia", "Bloomberg", "Financial Times", "Caixin")
_ORG = (("Organisation", 3.0),)
_PERSON = (("Person", 3.0),)


def _word(number: int) -> str:
    """A made-up word for a number, distinct for distinct numbers."""
    parts = []
    number += len(_SYLLABLES)
    while number:
        number, rest = divmod(number, len(_SYLLABLES))
        parts.append(_SYLLABLES[rest])
    return "".join(parts).capitalize()


def _popular(rng: random.Random, limit: int) -> int:
    """A number below ``limit``, small numbers much more often (news names a few bodies
    often, most rarely)."""
    return min(int(limit * rng.random() ** 3), limit - 1)


def _organisation(number: int) -> tuple[str, tuple[str, ...], str | None]:
    """Organisation ``number``: its fullest name, other ways of writing it, its acronym."""
    stem = _word(number)
    head = _HEADS[number % len(_HEADS)]
    name = f"{stem} {head}"
    forms = [f"{name} {_LEGAL[number % len(_LEGAL)]}"]
    if number % 5 == 0:
        forms.append(f"{stem[:3]} {stem[3:]} {head}" if len(stem) > 4 else stem)
    if number % 7 == 0:
        country = _COUNTRIES[number % len(_COUNTRIES)]
        forms.append(f"{_DEMONYMS[country]} {name}")
    acronym = None
    if number % 3 == 0:
        # every 30th acronym also stands for the next body with it: those stay apart
        acronym = "".join(w[0] for w in name.split()).upper() + str(number // 30 % 50)
    return name, tuple(forms), acronym


def _person(number: int) -> str:
    # surnames are shared by a few people: a surname alone then joins none of them
    return f"{_GIVEN[number % len(_GIVEN)]} {_word(number // 3 + 7)}son"


def extraction(n: int) -> Extraction:
    """Generated document ``n`` and what the NLP read in it."""
    rng = random.Random(n)
    known = 60 + n // 3  # organisations named so far
    year, day = 2020 + n % 5, n % 365
    date = f"{year}-{day // 31 % 12 + 1:02d}-{day % 28 + 1:02d}"
    publisher = _PUBLISHERS[n % len(_PUBLISHERS)]
    article = Article(id=f"generated:{n}", text=f"Generated document {n}.",
                      source=f"generated/{n:08d}.txt", title=f"Generated news {n}",
                      date=date, publisher=publisher, link=f"https://news.example/{n}")
    entities: list[Entity] = []
    names: dict[str, Entity] = {}

    def add(entity: Entity) -> None:
        if entity.name not in names:
            names[entity.name] = entity
            entities.append(entity)

    organisations = []
    for _ in range(rng.randint(3, 7)):
        number = _popular(rng, known)
        name, forms, acronym = _organisation(number)
        written = forms[rng.randrange(len(forms))] if rng.random() < 0.4 else name
        aliases = tuple(sorted({a for a in (*forms, name) if a != written}
                               if rng.random() < 0.3 else ()))
        if acronym and rng.random() < 0.5:
            aliases = (*aliases, acronym)
        add(Entity(written, "Organisation", aliases, mentions=rng.randint(1, 4), votes=_ORG))
        organisations.append(written)
        if acronym and rng.random() < 0.1:  # the acronym alone, defined elsewhere
            add(Entity(acronym, "Organisation", votes=_ORG))
    people = []
    for _ in range(rng.randint(1, 3)):
        number = _popular(rng, known // 2)
        full = _person(number)
        if rng.random() < 0.15:
            add(Entity(full.split()[-1], "Person", votes=_PERSON))  # a surname alone
        else:
            add(Entity(full, "Person", (full.split()[-1],), mentions=rng.randint(1, 3),
                       votes=_PERSON))
            people.append(full)
    countries = []
    for _ in range(rng.randint(1, 2)):
        country = _COUNTRIES[_popular(rng, len(_COUNTRIES))]
        written = _DEMONYMS[country] if rng.random() < 0.2 else country
        add(Entity(written, "Country"))
        countries.append(written)
    policies = []
    if rng.random() < 0.3:
        number = _popular(rng, 40 + n // 50)
        kind = _POLICY_KINDS[(number + rng.randrange(2)) % len(_POLICY_KINDS)]
        policy = f"{_word(number + 1000)} Act"
        add(Entity(policy, "Policy", kind=kind))
        policies.append(policy)
    relations = []

    def relate(subject: str, predicate: str, obj: str, rule: str) -> None:
        sentence = f"{subject} {predicate} {obj}."
        start = rng.randrange(1000)
        percent = round(rng.uniform(0.5, 9.5), 1) if obj == ARTICLE else None
        relations.append(Relation(subject, predicate, obj, Evidence(
            sentence, start, start + len(sentence), rule, percent=percent)))

    # about 1.5 relations a document, as in the real news of the throughput benchmark
    a, b = organisations[0], organisations[1]
    if a != b and rng.random() < 0.5:
        relate(a, rng.choice(("supplies", "competesWith", "partnersWith")), b, "generated_org")
    if people and rng.random() < 0.4:
        relate(people[0], rng.choice(("chairs", "leads", "worksFor")), a, "generated_person")
    if rng.random() < 0.25:
        relate(countries[0], "sanctions", organisations[-1], "generated_sanctions")
    if policies and rng.random() < 0.5:
        relate(countries[0], "imposes", policies[0], "generated_policy")
    if rng.random() < 0.2:
        relate(a, rng.choice(("roseOnNews", "fellOnNews")), ARTICLE, "generated_move")
    return Extraction(article, tuple(entities), tuple(relations))


def extractions(start: int, stop: int) -> Iterator[Extraction]:
    """Generated documents ``start`` to ``stop - 1``."""
    return (extraction(n) for n in range(start, stop))
