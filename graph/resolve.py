"""Entity resolution across documents: which document-level entities are one node.

>>> from ingest.documents import Entity
>>> groups = resolve([Entity("Intel Corp.", "Organisation"), Entity("Intel", "Organisation")])
>>> [(g.label, g.aliases) for g in groups]
[('Intel Corp.', ('Intel',))]
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from ingest.documents import Entity
from ingest.entities import name_key

__all__ = ["ResolvedEntity", "match_key", "resolve"]

_SUFFIXES = re.compile(
    r"\s+(?:corp|corporation|co|company|inc|incorporated|ltd|limited|llc|plc|group co|"
    r"co ltd|holdings|sa|ag|nv|se)$"
)


@dataclass(frozen=True)
class ResolvedEntity:
    """One node: its canonical label, every other name, its type and policy kind."""

    label: str
    type: str
    aliases: tuple[str, ...]
    kind: str | None = None


@lru_cache(maxsize=1 << 16)
def match_key(name: str, kind: str) -> str:
    """The key under which names of one type are merged.

    Memoised: a build asks for the key of each mention several times, and the same few
    thousand names recur across every document of a corpus.

    >>> match_key("Hua Hong Semiconductor Ltd.", "Organisation")
    'hua hong semiconductor'
    """
    key = name_key(name)
    if kind == "Organisation":
        previous = None
        while previous != key:
            previous, key = key, _SUFFIXES.sub("", key)
    return key


def resolve(entities: Iterable[Entity]) -> list[ResolvedEntity]:
    """Group entities of the same type whose names share a match key.

    Returns the groups sorted by (type, label); the label is the longest name seen.
    """
    parent: dict[tuple[str, str], tuple[str, str]] = {}

    def find(item: tuple[str, str]) -> tuple[str, str]:
        while parent.setdefault(item, item) != item:
            item = parent[item]
        return item

    names: dict[tuple[str, str], Counter[str]] = {}
    kinds: dict[tuple[str, str], Counter[str]] = {}
    for entity in entities:
        first = (entity.type, match_key(entity.name, entity.type))
        for alias in entity.aliases:
            other = (entity.type, match_key(alias, entity.type))
            parent[find(other)] = find(first)
        find(first)
        names.setdefault(first, Counter())[entity.name] += entity.mentions
        for alias in entity.aliases:
            names[first][alias] += 0
        if entity.kind:
            kinds.setdefault(first, Counter())[entity.kind] += 1

    merged: dict[tuple[str, str], Counter[str]] = {}
    merged_kinds: dict[tuple[str, str], Counter[str]] = {}
    for key, seen in names.items():
        root = find(key)
        merged.setdefault(root, Counter()).update(seen)
        merged_kinds.setdefault(root, Counter()).update(kinds.get(key, Counter()))
    groups = []
    for (kind, _), seen in merged.items():
        label = max(seen, key=lambda n: (len(n), seen[n], n))
        policy_kind = merged_kinds[(kind, _)].most_common(1)
        groups.append(ResolvedEntity(
            label=label,
            type=kind,
            aliases=tuple(sorted(set(seen) - {label})),
            kind=policy_kind[0][0] if policy_kind else None,
        ))
    return sorted(groups, key=lambda g: (g.type, g.label))
