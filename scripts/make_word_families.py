"""Regenerate ``ingest/data/word_families.tsv``: the words WordNet adds to the trigger families.

A pattern file marks a word family with ``"WORDNET": "<family>"`` beside its words
(``{"LOWER": {"FORMS_OF": ["oppose", "condemn"], "WORDNET": "opposing"}}``, or a set of
``lexicon.jsonl`` with ``"wordnet": "<family>"``). Its words are the seeds (a list of families,
``"WORDNET": ["prohibiting"]``, reads them where other lines seed them, as a rule
does that accepts a verb of either class); for each seed this
script reads the seed's first senses in Open English WordNet (the senses of the part of speech
and lexicographer files the family allows, in WordNet's order) and adds the other members of
their synsets and, where the family says so, of their direct hyponyms: single lower-case words
only, less the stop list's senses that are wrong in business news. The result has one line per
family and word added, with the synset it came from; ``names.py`` reads it with the pattern
files (``FORMS_OF`` families get every verb form, noun families their plural)::

    python scripts/make_word_families.py --wordnet DIR           # writes the TSV
    python scripts/make_word_families.py --wordnet DIR --check   # exit 1 if it differs

``DIR`` is a checkout of github.com/globalwordnet/english-wordnet (its ``src/yaml``); the
commit read is recorded in ``ingest/data/README.md``. Nothing is read from the network.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PATTERNS = ROOT / "ingest" / "patterns"
OUT = ROOT / "ingest" / "data" / "word_families.tsv"
HEADER = "family\tword\tpos\tsynset\tseed\trelation"


@dataclass(frozen=True)
class Family:
    """How one family grows: its part of speech, the lexicographer files its senses may come
    from, how many of a seed's first senses are read, and the lexicographer files whose direct
    hyponyms of those senses join too (none by default)."""

    pos: str
    lexfiles: frozenset[str]
    senses: int = 1
    hyponyms: frozenset[str] = frozenset()


FAMILIES: dict[str, Family] = {
    # opposing, criticising, resisting (patterns/sanctions.jsonl "oppose")
    "opposing": Family("v", frozenset({"verb.communication", "verb.social",
                                       "verb.competition"}),
                       hyponyms=frozenset({"verb.communication"})),
    # banning, restricting, penalising (patterns/sanctions.jsonl "sanction")
    "banning": Family("v", frozenset({"verb.communication", "verb.social",
                                      "verb.change", "verb.competition"}),
                      hyponyms=frozenset({"verb.communication", "verb.social"})),
    # putting a measure on (patterns/policies.jsonl "impose", its narrow seeds)
    "imposing": Family("v", frozenset({"verb.social", "verb.possession",
                                       "verb.communication", "verb.creation"})),
    # verbs of a ban, a measure of its own (patterns/policies.jsonl "ban")
    "prohibiting": Family("v", frozenset({"verb.communication", "verb.social"}),
                          hyponyms=frozenset({"verb.communication", "verb.social"})),
    # nouns of measures (patterns/policies.jsonl): tariffs, bans
    "tariffs": Family("n", frozenset({"noun.possession"}),
                      hyponyms=frozenset({"noun.possession"})),
    "bans": Family("n", frozenset({"noun.communication", "noun.act"}),
                   hyponyms=frozenset({"noun.communication", "noun.act"})),
    # investing, acquiring (patterns/trade.jsonl "invest", "acquire")
    "investing": Family("v", frozenset({"verb.possession"}),
                        hyponyms=frozenset({"verb.possession"})),
    "acquiring": Family("v", frozenset({"verb.possession"})),
    # partnering, cooperating (patterns/trade.jsonl "partner")
    "partnering": Family("v", frozenset({"verb.social"})),
    # nouns of opposing (patterns/sanctions.jsonl "opposition")
    "opposition": Family("n", frozenset({"noun.communication", "noun.act"}),
                         hyponyms=frozenset({"noun.communication"})),
    # nouns of those who stand against another (lexicon.jsonl critic_noun)
    "critics": Family("n", frozenset({"noun.person"})),
    # supplying (patterns/trade.jsonl "supply")
    "supplying": Family("v", frozenset({"verb.possession"})),
}

# Senses WordNet gives that are wrong in business news: (family, word) left out, with why.
STOP: dict[tuple[str, str], str] = {
    ("acquiring", "get"): "'get' is mostly 'receive' or 'become' in the news",
    ("banning", "00808164-v"): "'sanction' as 'authorise' (approve, okay): the news's sanction "
                               "penalises",
    ("banning", "execute"): "'execute' is carrying out (a deal, a plan) in the news",
    ("banning", "scourge"): "the noun",
    ("banning", "thermostat"): "the noun",
    ("banning", "bate"): "archaic",
    ("banning", "countercheck"): "a check of a check",
    ("imposing", "constrain"): "'impose' as 'force on someone', said of people, not measures",
    ("opposing", "00800379-v"): "'repudiate' as 'take back' (recant, retract): one's own words",
    ("opposing", "00800738-v"): "'unsay': taking back one's own words",
    ("opposing", "00759901-v"): "'apostatise': leaving a faith",
    ("opposing", "00872604-v"): "'forewarn', 'previse': telling in advance, no criticism",
    ("opposing", "00872857-v"): "'monish': telling in advance, no criticism",
    ("opposing", "00910052-v"): "'deter', 'discourage': dissuading, said of circumstances",
    ("opposing", "avoid"): "'spurn' as 'keep away from': avoiding a tariff is no stand against it",
    ("opposing", "except"): "the preposition",
    ("opposing", "guy"): "the noun",
    ("opposing", "01061436-v"): "'snub' as 'ignore', 'disregard': no stand taken",
    ("opposition", "offence"): "'offence' is an offence, a crime, more than an offensive",
    ("opposition", "wail"): "a cry, not a complaint lodged",
    ("opposition", "onrush"): "a rush of orders or buyers in the news, not an attack",
    ("banning", "enjoin"): "'enjoin' as 'urge', 'command' of one party to another, not a ban",
    ("prohibiting", "enjoin"): "'enjoin' as 'urge', 'command' of one party to another, not a ban",
    ("tariffs", "13330021-n"): "'tax' under 'levy': a levy on anything, not one on goods that "
                               "cross a border",
    ("tariffs", "13336765-n"): "'tithe': a levy of a church",
    ("tariffs", "13338291-n"): "'tonnage': a ship's capacity in the news",
    ("tariffs", "customs"): "the customs service in the news ('customs officials')",
    ("supplying", "offer"): "a bid word of patterns/lexicon.jsonl ('offer for Globex')",
}


def family_seeds(patterns: Path = PATTERNS) -> dict[str, set[str]]:
    """Each family's seed words, read from every place a pattern file names it.

    >>> seeds = family_seeds()
    >>> "oppose" in seeds["opposing"]
    True
    """
    seeds: dict[str, set[str]] = {}
    for path in sorted(patterns.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                for name, words in _marked(json.loads(line)):
                    seeds.setdefault(name, set()).update(w.lower() for w in words)
    return seeds


def _marked(value: Any) -> Iterator[tuple[str, list[str]]]:
    """The families a JSON value marks, with the words beside each mark."""
    if isinstance(value, list):
        for item in value:
            yield from _marked(item)
    elif isinstance(value, dict):
        if isinstance(value.get("WORDNET"), str):
            yield value["WORDNET"], [*value.get("FORMS_OF", []), *value.get("IN", [])]
        elif "WORDNET" in value:  # a list reads the families, its words seed none of them
            for name in value["WORDNET"]:
                yield name, []
        if "wordnet" in value:
            yield value["wordnet"], list(value.get("terms", []))
        for item in value.values():
            if isinstance(item, (dict, list)):
                yield from _marked(item)


@dataclass
class WordNet:
    """What the script reads of WordNet: each lemma's senses by part of speech (synset ids,
    in order), each synset's members, lexicographer file and hyponyms."""

    senses: dict[tuple[str, str], list[str]]
    members: dict[str, list[str]]
    lexfile: dict[str, str]
    hyponyms: dict[str, list[str]]


def read_wordnet(folder: Path) -> WordNet:
    """Read the YAML source of Open English WordNet (``src/yaml`` under ``folder``)."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    yaml_dir = folder / "src" / "yaml"
    senses: dict[tuple[str, str], list[str]] = {}
    for path in sorted(yaml_dir.glob("entries-*.yaml")):
        for lemma, by_pos in yaml.load(path.read_text(encoding="utf-8"), Loader=loader).items():
            for pos, entry in by_pos.items():
                senses[(str(lemma), pos)] = [s["synset"] for s in entry.get("sense", [])]
    members: dict[str, list[str]] = {}
    lexfile: dict[str, str] = {}
    hyponyms: dict[str, list[str]] = {}
    for path in sorted([*yaml_dir.glob("noun.*.yaml"), *yaml_dir.glob("verb.*.yaml")]):
        synsets = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
        for synset, data in synsets.items():
            members[synset] = [str(m) for m in data.get("members", [])]
            lexfile[synset] = path.stem
            for parent in data.get("hypernym", []):
                hyponyms.setdefault(parent, []).append(synset)
    return WordNet(senses, members, lexfile, hyponyms)


_WORD = re.compile(r"[a-z][a-z-]*[a-z]")


def widen(name: str, family: Family, seeds: set[str], wordnet: WordNet
          ) -> list[tuple[str, str, str, str]]:
    """The words WordNet adds to one family: (word, synset, seed, relation), each word once,
    from the first seed (in alphabetical order) and synset that gives it.

    >>> wn = WordNet({("decry", "v"): ["s1", "s2"], ("condemn", "v"): ["s1"],
    ...               ("censure", "v"): ["s3"]}, {"s1": ["decry", "condemn", "speak out"],
    ...              "s2": ["cry"], "s3": ["censure"]}, {"s1": "verb.communication",
    ...              "s2": "verb.communication", "s3": "verb.communication"}, {"s1": ["s3"]})
    >>> widen("opposing", Family("v", frozenset({"verb.communication"}),
    ...                          hyponyms=frozenset({"verb.communication"})),
    ...       {"decry"}, wn)
    [('condemn', 's1', 'decry', 'synonym'), ('censure', 's3', 'decry', 'hyponym')]
    """
    found: dict[str, tuple[str, str, str, str]] = {}
    for seed in sorted(seeds):
        synsets = [s for s in wordnet.senses.get((seed, family.pos), [])
                   if wordnet.lexfile.get(s) in family.lexfiles][:family.senses]
        # a stopped sense gives neither its synonyms nor its hyponyms
        synsets = [s for s in synsets if (name, s) not in STOP]
        for synset in synsets:
            sources = [(synset, "synonym")]
            sources += [(h, "hyponym") for h in wordnet.hyponyms.get(synset, [])
                        if wordnet.lexfile.get(h) in family.hyponyms]
            for source, relation in sources:
                for word in wordnet.members.get(source, []):
                    if (word not in seeds and word not in found and (name, word) not in STOP
                            and (name, source) not in STOP
                            and _fits(word, source, family, wordnet)):
                        found[word] = (word, source, seed, relation)
    return list(found.values())


def _fits(word: str, synset: str, family: Family, wordnet: WordNet) -> bool:
    """Whether ``word`` joins a family through ``synset``: one lower-case word, the synset among
    its own first senses, and (for verbs) a word WordNet gives no more noun senses than verb
    senses, as a form matched by its letters alone is read whatever its part of speech."""
    own = wordnet.senses.get((word, family.pos), [])
    return (_WORD.fullmatch(word) is not None and synset in own[:family.senses]
            and (family.pos != "v" or len(wordnet.senses.get((word, "n"), [])) <= len(own)))


def tsv(wordnet: WordNet, seeds: dict[str, set[str]]) -> str:
    """One line per family and word added: family, word, part of speech, synset, seed, how."""
    lines = [HEADER]
    for name in sorted(seeds):
        family = FAMILIES[name]
        for word, synset, seed, relation in sorted(widen(name, family, seeds[name], wordnet)):
            lines.append(f"{name}\t{word}\t{family.pos}\t{synset}\t{seed}\t{relation}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wordnet", type=Path, required=True,
                        help="a checkout of Open English WordNet (the folder holding src/yaml)")
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 if the file differs")
    args = parser.parse_args(argv)
    seeds = family_seeds()
    unknown = sorted(set(seeds) - set(FAMILIES))
    if unknown:
        parser.error(f"the pattern files name families the script does not know: {unknown}")
    text = tsv(read_wordnet(args.wordnet), seeds)
    if args.check:
        same = OUT.exists() and OUT.read_text(encoding="utf-8") == text
        print(f"{OUT}: {'up to date' if same else 'differs from a fresh run'}")
        return 0 if same else 1
    OUT.write_text(text, encoding="utf-8")
    print(f"{OUT}: {text.count(chr(10)) - 1} words")
    return 0


if __name__ == "__main__":
    sys.exit(main())
