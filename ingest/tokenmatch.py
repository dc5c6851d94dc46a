"""A matcher of fixed-length token patterns that gives what spaCy's ``Matcher`` gives, faster.

The trigger, measure and reference-noun patterns of ``ng_relations`` are short fixed
sequences of word tests (``[{"LOWER": "export"}, {"LOWER": "controls"}]``). spaCy's
``Matcher`` starts every pattern at every token and tests ``IN`` lists through Python
callbacks; here the patterns are indexed by the word their first token asks for, so a token
only starts the few patterns that can match there.

The matches are those of ``Matcher`` in its order: by end token, then by start token, then by
the order the patterns were added, each ``(key, start, end)`` once.

A token test may use the attributes :class:`~newsgraph.ingest.treematch.TreeMatcher` reads
(``LOWER``, ``POS``, ``"_"`` extensions, ...); operators (``OP``) and other attributes are
refused when the pattern is added.

>>> import spacy
>>> nlp = spacy.blank("en")
>>> matcher = FixedMatcher()
>>> matcher.add("curbs", [[{"LOWER": "export"}, {"LOWER": {"IN": ["controls", "curbs"]}}],
...                       [{"LOWER": "curbs"}]])
>>> matcher(nlp("New export curbs."))
[('curbs', 1, 3), ('curbs', 2, 3)]
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc

from newsgraph.ingest.treematch import token_tests, token_values

__all__ = ["FixedMatcher"]


@dataclass(frozen=True)
class _Pattern:
    key: str
    tokens: tuple[tuple[tuple[str, frozenset[str]], ...], ...]  # the tests of each token


class FixedMatcher:
    """Match fixed-length token patterns (spaCy's ``Matcher`` format, without ``OP``)."""

    def __init__(self) -> None:
        self._patterns: list[_Pattern] = []
        self._by_first: dict[str, list[int]] = {}  # a first token's LOWER word -> patterns
        self._open: list[int] = []  # patterns whose first token asks for no LOWER word
        self._attrs: set[str] = set()

    def __len__(self) -> int:
        """The number of patterns."""
        return len(self._patterns)

    def add(self, key: str, patterns: list[list[dict[str, Any]]]) -> None:
        """Add patterns under ``key``."""
        for pattern in patterns:
            if not pattern:
                msg = f"empty pattern for {key!r}"
                raise ValueError(msg)
            tokens = tuple(token_tests(attrs) for attrs in pattern)
            index = len(self._patterns)
            self._patterns.append(_Pattern(key, tokens))
            for tests in tokens:
                self._attrs.update(attr for attr, _ in tests)
            words = [allowed for attr, allowed in tokens[0] if attr == "LOWER"]
            if words:
                for word in sorted(frozenset.intersection(*words)):
                    self._by_first.setdefault(word, []).append(index)
            else:
                self._open.append(index)

    def __call__(self, doc: Doc) -> list[tuple[str, int, int]]:
        """The matches in ``doc``: ``(key, start, end)``."""
        values = token_values(doc, self._attrs | {"LOWER"})
        lowers = values["LOWER"]
        length = len(doc)
        found: list[tuple[int, int, int]] = []
        for start in range(length):
            for index in (*self._by_first.get(lowers[start] or "", ()), *self._open):
                tokens = self._patterns[index].tokens
                end = start + len(tokens)
                if end <= length and all(values[attr][start + k] in allowed
                                         for k, tests in enumerate(tokens)
                                         for attr, allowed in tests):
                    found.append((end, start, index))
        found.sort()
        matches: list[tuple[str, int, int]] = []
        seen: set[tuple[str, int, int]] = set()
        for end, start, index in found:
            match = (self._patterns[index].key, start, end)
            if match not in seen:
                seen.add(match)
                matches.append(match)
        return matches
