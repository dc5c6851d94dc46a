"""A dependency-tree matcher that gives what spaCy's ``DependencyMatcher`` gives, faster.

spaCy's ``DependencyMatcher`` adds every node of every pattern to one token ``Matcher``, so
the same node attributes (``{"_": {"ng_type": {"IN": ["Organisation"]}}}``) are tested on
every token once per pattern that names them. Here each distinct node is read once per
document, from indexes of the token attributes the patterns use, and the tree search then runs
on those candidates.

The results are the same matches in the same order as ``DependencyMatcher``: rules in the
order they were added, then, for each pattern of a rule, the dependency trees (sentences) in
the order of their first token, then the node assignments in the order of the cartesian
product of the candidates of each node (earliest tokens first), keeping those whose
relations all hold.

Node attributes may be ``DEP``, ``LOWER``, ``POS``, ``TAG``, ``ORTH``/``TEXT`` and ``NORM``,
each a string or ``{"IN": [...]}``, and ``"_"`` extension attributes, each
``{"IN": [...]}``; anything else is refused when the pattern is added.

>>> import spacy
>>> from spacy.tokens import Doc
>>> nlp = spacy.blank("en")
>>> doc = Doc(nlp.vocab, words=["Acme", "bought", "Initech"], heads=[1, 1, 1],
...           deps=["nsubj", "ROOT", "dobj"])
>>> matcher = TreeMatcher()
>>> matcher.add("buys", [{"RIGHT_ID": "verb", "RIGHT_ATTRS": {"LOWER": "bought"}},
...                      {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "object",
...                       "RIGHT_ATTRS": {"DEP": "dobj"}}])
>>> matcher(doc)
[('buys', [1, 2])]
"""

from __future__ import annotations

import json
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, cast

from spacy import attrs
from spacy.tokens import Doc, Token
from spacy.tokens.underscore import Underscore

__all__ = ["TOKEN_ATTRS", "TreeMatcher", "token_tests", "token_values"]

#: The token attributes a node may test, as read from a token.
TOKEN_ATTRS: dict[str, Callable[[Token], str]] = {
    "DEP": lambda t: t.dep_,
    "LOWER": lambda t: t.lower_,
    "POS": lambda t: t.pos_,
    "TAG": lambda t: t.tag_,
    "ORTH": lambda t: t.text,
    "TEXT": lambda t: t.text,
    "NORM": lambda t: t.norm_,
    # a flag, tested as spaCy's patterns write it (``"IS_LOWER": true``)
    "IS_LOWER": lambda t: str(t.is_lower),
}

#: The ``Doc.to_array`` attribute of each of :data:`TOKEN_ATTRS`, whose string is the value
#: as read from a token (the tests compare them in ``tests/ingest/test_treematch.py``).
_ARRAY_ATTRS: dict[str, int] = {
    "DEP": attrs.DEP, "LOWER": attrs.LOWER, "POS": attrs.POS, "TAG": attrs.TAG,
    "ORTH": attrs.ORTH, "TEXT": attrs.ORTH, "NORM": attrs.NORM, "IS_LOWER": attrs.IS_LOWER,
}

#: One test of a node: an attribute (``"_.name"`` for an extension) and the values it may have.
_Test = tuple[str, frozenset[str]]


@dataclass(frozen=True)
class _Pattern:
    """One dependency pattern: its nodes (by canonical attributes) and the relation checks
    due once each node is placed (``(left node, operator, right node)``)."""

    nodes: tuple[str, ...]
    checks: tuple[tuple[tuple[int, str, int], ...], ...]


def token_tests(attrs: dict[str, Any]) -> tuple[_Test, ...]:
    """The tests of one node's ``RIGHT_ATTRS``; a shape this matcher does not read is an error."""
    tests: list[_Test] = []
    for attr, value in attrs.items():
        if attr == "_":
            for name, spec in value.items():
                if not (isinstance(spec, dict) and list(spec) == ["IN"]):
                    msg = f"unsupported extension test {name!r}: {spec!r}"
                    raise ValueError(msg)
                tests.append((f"_.{name}", frozenset(spec["IN"])))
        elif attr in TOKEN_ATTRS:
            if isinstance(value, bool):
                tests.append((attr, frozenset([str(value)])))
            elif isinstance(value, str):
                tests.append((attr, frozenset([value])))
            elif isinstance(value, dict) and list(value) == ["IN"] \
                    and all(isinstance(v, str) for v in value["IN"]):
                tests.append((attr, frozenset(value["IN"])))
            else:
                msg = f"unsupported test of {attr}: {value!r}"
                raise ValueError(msg)
        else:
            msg = f"unsupported token attribute {attr!r}"
            raise ValueError(msg)
    return tuple(tests)


def token_values(doc: Doc, attrs: Iterable[str]) -> dict[str, list[str | None]]:
    """The value of each test attribute (``"_.name"`` for an extension) for each token.

    An extension value that is not a string is ``None``: no ``IN`` list has it. The token
    attributes are read in one pass over the document's arrays (``Doc.to_array``), each
    distinct value spelt once, not token by token.
    """
    attrs = list(attrs)
    plain = [attr for attr in attrs if not attr.startswith("_.")]
    table: dict[str, list[str | None]] = {}
    if plain:
        ids: list[int | str] = [_ARRAY_ATTRS[attr] for attr in plain]
        rows = cast(list[list[int]], doc.to_array(ids).reshape(len(doc), len(ids)).T.tolist()
                    if len(doc) else [[] for _ in ids])
        strings = doc.vocab.strings
        for attr, row in zip(plain, rows, strict=True):
            spelt: dict[int, str]
            if attr == "IS_LOWER":
                spelt = {0: "False", 1: "True"}
            else:
                spelt = {value: strings[value] for value in set(row)}
            table[attr] = [spelt[value] for value in row]
    tokens: list[Token] | None = None
    for attr in attrs:
        if attr.startswith("_."):
            if tokens is None:
                tokens = list(doc)  # each iteration of a Doc makes new Token objects
            table[attr] = [v if isinstance(v, str) else None
                           for v in _extension_values(doc, tokens, attr[2:])]
    return table


def _extension_values(doc: Doc, tokens: list[Token], name: str) -> list[Any]:
    """``token._.get(name)`` for each token.

    A plain extension (no getter, no method, an immutable default) is stored in
    ``doc.user_data`` under ``("._.", name, token.idx, None)``; it is read from there
    directly, without building an ``Underscore`` object per token.
    """
    default, method, getter, _ = Token.get_extension(name)
    if getter is not None or method is not None or isinstance(default, Underscore.mutable_types):
        return [token._.get(name) for token in tokens]
    data: dict[Any, Any] = doc.user_data  # typed with str keys, holds tuple keys too
    return [data.get(("._.", name, token.idx, None), default) for token in tokens]


class TreeMatcher:
    """Match dependency patterns (spaCy's ``DependencyMatcher`` format) against documents."""

    def __init__(self) -> None:
        self._patterns: dict[str, list[_Pattern]] = {}
        self._nodes: dict[str, tuple[_Test, ...]] = {}  # canonical attributes -> tests
        self._attrs: set[str] = set()

    def add(self, key: str, pattern: Sequence[dict[str, Any]]) -> None:
        """Add one pattern under ``key`` (a rule may have several)."""
        index = {node["RIGHT_ID"]: j for j, node in enumerate(pattern)}
        nodes = []
        checks: list[list[tuple[int, str, int]]] = [[] for _ in pattern]
        for j, node in enumerate(pattern):
            attrs = node.get("RIGHT_ATTRS", {})
            canonical = json.dumps(attrs, sort_keys=True)
            if canonical not in self._nodes:
                self._nodes[canonical] = token_tests(attrs)
                self._attrs.update(attr for attr, _ in self._nodes[canonical])
            nodes.append(canonical)
            if "REL_OP" in node:
                if node["REL_OP"] not in _OPS:
                    msg = f"unsupported REL_OP {node['REL_OP']!r}"
                    raise ValueError(msg)
                left = index[node["LEFT_ID"]]
                checks[max(left, j)].append((left, node["REL_OP"], j))
        self._patterns.setdefault(key, []).append(
            _Pattern(tuple(nodes), tuple(tuple(c) for c in checks)))

    def __call__(self, doc: Doc) -> list[tuple[str, list[int]]]:
        """The matches in ``doc``: ``(key, token index of each pattern node)``."""
        candidates = self._candidates(doc)
        roots = _roots(doc)
        trees = _trees(roots)
        within: Callable[[str, int], list[int]]
        if trees is not None:
            # each tree (sentence) is a run of tokens: a node's candidates in a tree are a
            # slice of its sorted candidates
            tree_of = [0] * len(doc)
            for n, (first, last) in enumerate(trees):
                tree_of[first:last] = [n] * (last - first)

            def within(canonical: str, n: int) -> list[int]:
                return _between(candidates[canonical], *trees[n])
        else:  # heads set by hand: trees numbered in order of their first candidate
            number: dict[int, int] = {}
            for i in sorted({i for found in candidates.values() for i in found}):
                number.setdefault(roots[i], len(number))
            tree_of = [number.get(root, -1) for root in roots]

            def within(canonical: str, n: int) -> list[int]:
                return [i for i in candidates[canonical] if tree_of[i] == n]
        # a pattern is tried only in the trees that hold candidates of all its nodes, in
        # order of their first token
        trees_of: dict[str, set[int]] = {}
        search = _Search(doc)
        matches: list[tuple[str, list[int]]] = []
        for key, patterns in self._patterns.items():
            for pattern in patterns:
                shared: set[int] | None = None
                for canonical in pattern.nodes:
                    found = trees_of.get(canonical)
                    if found is None:
                        found = trees_of[canonical] = set(
                            map(tree_of.__getitem__, candidates[canonical]))
                    shared = set(found) if shared is None else shared & found
                    if not shared:
                        break
                for n in sorted(shared or ()):
                    positions = [within(canonical, n) for canonical in pattern.nodes]
                    matches.extend((key, found) for found in search.run(pattern, positions))
        return matches

    def _candidates(self, doc: Doc) -> dict[str, list[int]]:
        """The tokens each distinct node matches, in document order."""
        index: dict[str, dict[Any, set[int]]] = {}
        present: dict[str, frozenset[Any]] = {}  # the values of each attribute in the document
        for attr, column in token_values(doc, self._attrs).items():
            values: dict[Any, set[int]] = {}
            for i, value in enumerate(column):
                if value is not None:
                    values.setdefault(value, set()).add(i)
            index[attr] = values
            present[attr] = frozenset(values)
        everything = range(len(doc))
        tested: dict[_Test, set[int]] = {}  # nodes share tests: each is run once
        result: dict[str, list[int]] = {}
        for canonical, tests in self._nodes.items():
            found: set[int] | None = None
            for test in tests:
                hits = tested.get(test)
                if hits is None:
                    attr, allowed = test
                    # the values the document has that the test allows, from the smaller side
                    hits = tested[test] = set().union(
                        *map(index[attr].__getitem__, allowed & present[attr]))
                found = set(hits) if found is None else found & hits
                if not found:
                    break
            result[canonical] = list(everything) if found is None else sorted(found)
        return result


def _roots(doc: Doc) -> list[int]:
    """The root of the dependency tree of each token."""
    offsets = doc.to_array([attrs.HEAD]).astype("int64").reshape(-1).tolist() if len(doc) \
        else []
    heads = [i + offset for i, offset in enumerate(offsets)]
    roots = [-1] * len(doc)
    for i in range(len(doc)):
        path = []
        j = i
        while roots[j] < 0 and heads[j] != j:
            path.append(j)
            j = heads[j]
        root = j if roots[j] < 0 else roots[j]
        for k in path:
            roots[k] = root
        roots[j] = root
    return roots


def _trees(roots: list[int]) -> list[tuple[int, int]] | None:
    """The first token of each tree and the one after its last, in document order, where
    each tree's tokens are one run (as the parser's sentences are); None where they are not.

    >>> _trees([1, 1, 3, 3]), _trees([0, 2, 0])
    ([(0, 2), (2, 4)], None)
    """
    trees: list[tuple[int, int]] = []
    seen: set[int] = set()
    first = 0
    for i in range(1, len(roots) + 1):
        if i == len(roots) or roots[i] != roots[first]:
            if roots[first] in seen:
                return None
            seen.add(roots[first])
            trees.append((first, i))
            first = i
    return trees


def _between(found: list[int], first: int, last: int) -> list[int]:
    """The tokens of sorted ``found`` from ``first`` up to ``last`` (excluded)."""
    return found[bisect_left(found, first):bisect_left(found, last)]


class _Search:
    """The tree search of one document, with the tokens each operator reaches cached."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.cache: dict[tuple[int, str], frozenset[int]] = {}

    def reach(self, node: int, op: str) -> frozenset[int]:
        """The tokens ``op`` leads to from token ``node``."""
        key = (node, op)
        found = self.cache.get(key)
        if found is None:
            found = self.cache[key] = frozenset(t.i for t in _OPS[op](self.doc, node))
        return found

    def run(self, pattern: _Pattern, positions: list[list[int]]) -> Iterator[list[int]]:
        """The assignments of tokens to nodes whose relations hold, in product order."""
        size = len(positions)
        chosen = [0] * size
        checks = pattern.checks

        def place(k: int) -> Iterator[list[int]]:
            for i in positions[k]:
                chosen[k] = i
                if all(chosen[right] in self.reach(chosen[left], op)
                       for left, op, right in checks[k]):
                    if k + 1 == size:
                        yield list(chosen)
                    else:
                        yield from place(k + 1)

        return place(0)


# ------------------------------------------------------------------ operators
# As spaCy's DependencyMatcher defines them.


def _sent(token: Token) -> tuple[int, int]:
    root = (list(token.ancestors) or [token])[-1]
    return root.left_edge.i, root.right_edge.i + 1


def _imm_precede(doc: Doc, node: int) -> list[Token]:
    start, end = _sent(doc[node])
    return [doc[node + 1]] if node < len(doc) - 1 and start <= node + 1 < end else []


def _imm_follow(doc: Doc, node: int) -> list[Token]:
    start, end = _sent(doc[node])
    return [doc[node - 1]] if node > 0 and start <= node - 1 < end else []


def _precede(doc: Doc, node: int) -> list[Token]:
    return [doc[i] for i in range(node + 1, _sent(doc[node])[1])]


def _follow(doc: Doc, node: int) -> list[Token]:
    return [doc[i] for i in range(_sent(doc[node])[0], node)]


def _head(doc: Doc, node: int) -> list[Token]:
    token = doc[node]
    return [] if token.head.i == node else [token.head]


_OPS: dict[str, Callable[[Doc, int], list[Token]]] = {
    "<": _head,
    ">": lambda doc, n: list(doc[n].children),
    "<<": lambda doc, n: list(doc[n].ancestors),
    ">>": lambda doc, n: [t for t in doc[n].subtree if t.i != n],
    ".": _imm_precede,
    ".*": _precede,
    ";": _imm_follow,
    ";*": _follow,
    "$+": lambda doc, n: [c for c in doc[n].head.children if c.i == n + 1],
    "$-": lambda doc, n: [c for c in doc[n].head.children if c.i == n - 1],
    "$++": lambda doc, n: [c for c in doc[n].head.children if c.i > n],
    "$--": lambda doc, n: [c for c in doc[n].head.children if c.i < n],
    ">+": lambda doc, n: [c for c in doc[n].rights if c.i == n + 1],
    ">-": lambda doc, n: [c for c in doc[n].lefts if c.i == n - 1],
    ">++": lambda doc, n: list(doc[n].rights),
    ">--": lambda doc, n: list(doc[n].lefts),
    "<+": lambda doc, n: [doc[n].head] if doc[n].head.i == n + 1 else [],
    "<-": lambda doc, n: [doc[n].head] if doc[n].head.i == n - 1 else [],
    "<++": lambda doc, n: [doc[n].head] if doc[n].head.i > n else [],
    "<--": lambda doc, n: [doc[n].head] if doc[n].head.i < n else [],
}
