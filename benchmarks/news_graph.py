"""A synthetic graph shaped like newsgraph's own, of any size, for the store's benchmarks.

:func:`write_news_graph` streams N-Triples (which is Turtle) with every kind of node and edge
the example queries and the SHACL shapes touch, in the proportions of a real build (about 80
triples per article, as the 150-article test build has): articles (``ng:Article`` and
``schema:NewsArticle``, title, date, source, publisher, URL), entities of the four classes
(label, an alias for some, a policy kind for policies, ISO codes for countries), ``schema:mentions``
(about 15 per article, most of them of a few popular entities) with each entity's
``ng:mentionCount`` and a policy's first and last dates, and relations of every
predicate within its domain and range, each described by an ``ng:Assertion`` (count, first
and last dates, confidence) with ``ng:Evidence`` (sentence, offsets, rule, confidence, the
article; percent and market for share moves). Symmetric relations are written both ways.
Popular entities are chosen far more often than others, as in the news. The same size and
seed give the same bytes. Nothing is held but the assertions' keys and a count per entity.

Usage::

    PYTHONPATH=. python benchmarks/news_graph.py --triples 1000000 graph.ttl
"""

from __future__ import annotations

import argparse
import datetime
import random
import sys
from pathlib import Path
from typing import IO

__all__ = ["write_news_graph"]

_ID = "https://w3id.org/newsgraph/id/"
_NG = "https://w3id.org/newsgraph/ontology#"
_XSD = "http://www.w3.org/2001/XMLSchema#"
_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
_LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"
_ALT = "<http://www.w3.org/2004/02/skos/core#altLabel>"
_DC = "http://purl.org/dc/terms/"
_SDO = "https://schema.org/"
_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_DERIVED = "<http://www.w3.org/ns/prov#wasDerivedFrom>"
_KINDS = ("ExportControl", "Tariff", "TradeInvestigation", "Subsidy", "InvestmentRestriction",
          "Licence", "OtherPolicy")
#: Each relation: its weight among relations, the classes of its subject and of its object.
_RELATIONS: dict[str, tuple[int, str, str]] = {
    "basedIn": (12, "O", "C"), "worksFor": (8, "P", "O"), "leads": (8, "P", "O"),
    "chairs": (3, "P", "O"), "investsIn": (6, "O", "O"), "supplies": (4, "O", "O"),
    "partnersWith": (4, "O", "O"), "competesWith": (3, "O", "O"), "memberOf": (3, "O", "O"),
    "imposes": (10, "C", "Y"), "targets": (8, "Y", "O"), "sanctions": (4, "C", "O"),
    "opposes": (4, "O", "Y"), "roseOnNews": (3, "O", "A"), "fellOnNews": (2, "O", "A"),
}
_SYMMETRIC = {"partnersWith", "competesWith"}
_CLASSES = {"O": "Organisation", "P": "Person", "C": "Country", "Y": "Policy"}
_START = datetime.date(2020, 1, 1)


def _string(text: str) -> str:
    return f'"{text}"'


def _typed(value: object, datatype: str) -> str:
    return f'"{value}"^^<{_XSD}{datatype}>'


def write_news_graph(stream: IO[str], triples: int, *, seed: int = 15) -> int:
    """Write about ``triples`` triples of a news graph as N-Triples; return how many."""
    rng = random.Random(seed)
    articles = max(20, triples // 80)
    countries = min(200, max(5, articles // 50))
    others = max(20, articles * 2 // 5)
    sizes = {"C": countries, "O": others * 60 // 100, "P": others * 25 // 100,
             "Y": others * 15 // 100}
    count = 0

    def emit(subject: str, predicate: str, obj: str) -> None:
        nonlocal count
        stream.write(f"{subject} {predicate} {obj} .\n")
        count += 1

    def popular(size: int) -> int:  # most draws fall on the first few: news is about a few
        return min(size - 1, int(size * rng.random() ** 3))

    def entity(kind: str, n: int) -> str:
        return f"<{_ID}{_CLASSES[kind].lower()}/{kind}{n:07d}>"

    def article(n: int) -> str:
        return f"<{_ID}article/{n:012x}>"

    def date(n: int) -> str:
        return (_START + datetime.timedelta(days=n * 1800 // articles)).isoformat()

    for kind, size in sizes.items():
        for n in range(size):
            node = entity(kind, n)
            emit(node, _TYPE, f"<{_NG}{_CLASSES[kind]}>")
            emit(node, _LABEL, _string(f"{_CLASSES[kind]} {n}"))
            if n % 3 == 0:
                emit(node, _ALT, _string(f"{_CLASSES[kind][:3]}. {n}"))
            if kind == "Y":
                emit(node, f"<{_NG}policyKind>", f"<{_NG}{_KINDS[n % len(_KINDS)]}>")
            if kind == "C":
                emit(node, f"<{_NG}isoCode>", _string(chr(65 + n // 26 % 26) + chr(65 + n % 26)))
    mentions: dict[str, list[int]] = {}  # entity: articles mentioning it, first, last
    pool = [kind for kind in ("O", "P", "C", "Y") for _ in range(sizes[kind] * 4 // others + 1)]
    for n in range(articles):
        node = article(n)
        emit(node, _TYPE, f"<{_NG}Article>")
        emit(node, _TYPE, f"<{_SDO}NewsArticle>")
        emit(node, f"<{_DC}title>", _string(f"Article {n}: a company, a policy, a market"))
        emit(node, f"<{_DC}date>", _typed(date(n), "date"))
        emit(node, f"<{_DC}source>", _string(f"https://news.example/feed{n % 50}.xml"))
        emit(node, f"<{_SDO}url>", f"<https://news.example/{n}>")
        emit(node, f"<{_NG}publisher>", _string(f"Publisher {n % 30}"))
        mentioned = set()
        for _ in range(15):
            kind = rng.choice(pool)
            mentioned.add(entity(kind, popular(sizes[kind])))
        for other in sorted(mentioned):
            emit(node, f"<{_SDO}mentions>", other)
            reported = mentions.setdefault(other, [0, n, n])
            reported[0] += 1
            reported[2] = n
    for other, (number, first, last) in mentions.items():
        emit(other, f"<{_NG}mentionCount>", _typed(number, "integer"))
        if other.startswith(f"<{_ID}policy/"):
            emit(other, f"<{_NG}firstSeen>", _typed(date(first), "date"))
            emit(other, f"<{_NG}lastSeen>", _typed(date(last), "date"))
    names = sorted(_RELATIONS)
    weights = [_RELATIONS[name][0] for name in names]
    seen: set[tuple[str, str, str]] = set()
    made = 0
    for _ in range(articles * 23 // 10 * 2):
        if made >= articles * 23 // 10:
            break
        name = rng.choices(names, weights)[0]
        _, domain, range_ = _RELATIONS[name]
        subject = entity(domain, popular(sizes[domain]))
        obj = (article(rng.randrange(articles)) if range_ == "A"
               else entity(range_, popular(sizes[range_])))
        if subject == obj or (subject, name, obj) in seen:
            continue
        seen.add((subject, name, obj))
        made += 1
        predicate = f"<{_NG}{name}>"
        emit(subject, predicate, obj)
        if name in _SYMMETRIC:
            emit(obj, predicate, subject)
        key = f"{made:010x}"
        assertion = f"<{_ID}assertion/{key}>"
        sources = ({int(obj[len(_ID) + 9:-1], 16)} if range_ == "A" else
                   {rng.randrange(articles) for _ in range(1 + int(rng.random() ** 3 * 5))})
        emit(assertion, _TYPE, f"<{_NG}Assertion>")
        emit(assertion, f"<{_RDF}subject>", subject)
        emit(assertion, f"<{_RDF}predicate>", predicate)
        emit(assertion, f"<{_RDF}object>", obj)
        emit(assertion, f"<{_NG}articleCount>", _typed(len(sources), "integer"))
        emit(assertion, f"<{_NG}firstSeen>", _typed(date(min(sources)), "date"))
        emit(assertion, f"<{_NG}lastSeen>", _typed(date(max(sources)), "date"))
        emit(assertion, f"<{_NG}confidence>", _typed("0.8", "decimal"))
        for i, source in enumerate(sorted(sources)):
            evidence = f"<{_ID}evidence/{key}{i:02d}>"
            emit(assertion, f"<{_NG}evidence>", evidence)
            emit(evidence, _TYPE, f"<{_NG}Evidence>")
            emit(evidence, _DERIVED, article(source))
            emit(evidence, f"<{_NG}sentence>",
                 _string(f"Sentence {made} of article {source} says that one {name} the other."))
            emit(evidence, f"<{_NG}startChar>", _typed(40 * i, "integer"))
            emit(evidence, f"<{_NG}endChar>", _typed(40 * i + 39, "integer"))
            emit(evidence, f"<{_NG}rule>", _string(f"{name}-{made % 7}"))
            emit(evidence, f"<{_NG}confidence>", _typed("0.8", "decimal"))
            if range_ == "A":
                emit(evidence, f"<{_NG}percent>", _typed(f"{made % 300 / 10}", "decimal"))
                emit(evidence, f"<{_NG}market>", _string("Nasdaq"))
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("out", type=Path)
    args = parser.parse_args(argv)
    with args.out.open("w", encoding="utf-8") as stream:
        count = write_news_graph(stream, args.triples, seed=args.seed)
    print(f"{count:,} triples in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
