"""The user's aliases file (``newsgraph build --aliases FILE``): names that are one node, and
names that must never be.

Either JSON, ``{"aliases": {"Canonical": ["alias", ...]}, "distinct": [["A", "B"], ...]}``, or
CSV with one rule a row, ``same,NAME,ALIAS`` or ``distinct,NAME,NAME`` (``#`` starts a comment
row). A file that cannot be used raises :class:`~newsgraph.errors.AliasesError` naming it.

>>> parse_aliases('{"aliases": {"Globex": ["Glo Bex"]}}').same
(('Globex', ('Glo Bex',)),)
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from dataclasses import dataclass

from newsgraph.errors import AliasesError

__all__ = ["Aliases", "parse_aliases", "user_name"]


@dataclass(frozen=True)
class Aliases:
    """A user's resolution file: extra aliases (canonical name → names) and do-not-merge pairs.

    >>> a = parse_aliases('{"aliases": {"Globex": ["Glo Bex"]}, "distinct": [["A Co", "B Co"]]}')
    >>> a.same, a.distinct
    ((('Globex', ('Glo Bex',)),), (('A Co', 'B Co'),))
    """

    same: tuple[tuple[str, tuple[str, ...]], ...] = ()
    distinct: tuple[tuple[str, str], ...] = ()

    def to_json(self) -> str:
        """The aliases as a JSON aliases file, which :func:`parse_aliases` reads back.

        >>> print(parse_aliases("same,Globex,Glo Bex").to_json(), end="")
        {
         "aliases": {
          "Globex": [
           "Glo Bex"
          ]
         },
         "distinct": []
        }
        """
        data = {"aliases": dict(self.same), "distinct": [list(p) for p in self.distinct]}
        return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def parse_aliases(
    text: str, *, source: str = "aliases", csv_format: bool | None = None
) -> Aliases:
    """Read an aliases file's text: JSON, or CSV with rows ``same,NAME,ALIAS`` / ``distinct,A,B``.

    JSON is ``{"aliases": {"Canonical": ["alias", ...]}, "distinct": [["A", "B"], ...]}``.
    With ``csv_format`` None, text that starts with ``{`` is JSON.

    >>> parse_aliases("same,Wanli Optics,WLO\\ndistinct,Globex,Globex SDI\\n")
    Aliases(same=(('Wanli Optics', ('WLO',)),), distinct=(('Globex', 'Globex SDI'),))
    """
    stripped = text.lstrip("\ufeff").strip()
    if not stripped:  # an empty file: no aliases, whatever its format
        return Aliases()
    if csv_format is None:
        csv_format = not stripped.startswith("{")
    if csv_format:
        return _csv_aliases(stripped, source)
    return _json_aliases(stripped, source)


def _json_aliases(text: str, source: str) -> Aliases:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        message = f"not valid JSON ({error.msg} at line {error.lineno})"
        raise AliasesError(source, message) from error
    except RecursionError as error:
        message = "not usable JSON (nested too deep; expected an object of names and pairs)"
        raise AliasesError(source, message) from error
    if not isinstance(data, dict):
        raise AliasesError(source, "expected a JSON object with 'aliases' and 'distinct'")
    unknown = sorted(set(data) - {"aliases", "distinct"})
    if unknown:
        message = f"unknown key {unknown[0]!r} (expected 'aliases' and 'distinct')"
        raise AliasesError(source, message)
    raw_same = data.get("aliases", {})
    raw_distinct = data.get("distinct", [])
    if not isinstance(raw_same, dict) or not all(
            isinstance(v, list) and all(isinstance(x, str) for x in v)
            for v in raw_same.values()):
        raise AliasesError(source, "'aliases' must map each name to a list of names")
    if not isinstance(raw_distinct, list) or not all(
            isinstance(p, list) and len(p) == 2 and all(isinstance(x, str) for x in p)
            for p in raw_distinct):
        raise AliasesError(source, "'distinct' must be a list of [name, name] pairs")
    same = tuple((str(k), tuple(v)) for k, v in raw_same.items())
    for canonical, names in same:
        if not canonical.strip() or not all(name.strip() for name in names):
            raise AliasesError(source, f"'aliases': an empty name in {canonical!r}: "
                                       f"{list(names)!r} (expected names)")
    for pair in raw_distinct:
        if not all(name.strip() for name in pair):
            raise AliasesError(source, f"'distinct': an empty name in {pair!r} (expected names)")
    return _checked(Aliases(same, tuple((p[0], p[1]) for p in raw_distinct)), source)


def user_name(text: str) -> str | None:
    """A name from a user's file in composed form (NFC, as the news is read), or None when it
    holds a character no name has: a control character, a lone surrogate, a non-character.

    >>> user_name("Cafe\u0301"), user_name("Acme\x1b[31m")
    ('Café', None)
    """
    if _UNUSABLE.search(text):
        return None
    return unicodedata.normalize("NFC", text)


_UNUSABLE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")


def _checked(aliases: Aliases, source: str) -> Aliases:
    """``aliases`` in composed form, refused when a name holds a character no name has or
    a pair is both the same and distinct.

    >>> parse_aliases("same,Intel,Intel Corp\\ndistinct,intel corp,Intel\\n", source="a.csv")
    Traceback (most recent call last):
    ...
    newsgraph.errors.AliasesError: a.csv: 'intel corp' and 'Intel' are both the same (same,Intel,\
Intel Corp) and distinct (distinct,intel corp,Intel): keep one of the two
    """
    def composed(name: str) -> str:
        found = user_name(name)
        if found is None:
            message = (f"{name!r} holds a character no name has (a control character, a "
                       "lone surrogate or a non-character)")
            raise AliasesError(source, message)
        return found

    aliases = Aliases(
        tuple((composed(c), tuple(composed(n) for n in names)) for c, names in aliases.same),
        tuple((composed(a), composed(b)) for a, b in aliases.distinct))

    def key(name: str) -> str:
        return " ".join(name.casefold().split())

    group_of: dict[str, tuple[str, tuple[str, ...]]] = {}
    for canonical, names in aliases.same:
        for name in (canonical, *names):
            group_of.setdefault(key(name), (canonical, names))
    for a, b in aliases.distinct:
        group = group_of.get(key(a))
        if group is not None and group_of.get(key(b)) == group:
            canonical, names = group
            rules = "; ".join(f"same,{canonical},{name}" for name in names
                              if key(name) in (key(a), key(b)) or key(canonical) in
                              (key(a), key(b)))
            raise AliasesError(source, f"{a!r} and {b!r} are both the same ({rules}) and "
                                       f"distinct (distinct,{a},{b}): keep one of the two")
    return aliases


def _csv_aliases(text: str, source: str) -> Aliases:
    merged: dict[str, list[str]] = {}
    distinct = []
    for number, row in enumerate(csv.reader(io.StringIO(text)), 1):
        if not row or not "".join(row).strip() or row[0].strip().startswith("#"):
            continue
        cells = [c.strip() for c in row]
        if len(cells) != 3 or cells[0] not in ("same", "distinct"):
            message = f"line {number}: expected 'same,NAME,ALIAS' or 'distinct,NAME,NAME'"
            raise AliasesError(source, message)
        if not cells[1] or not cells[2]:
            message = f"line {number}: an empty name (expected '{cells[0]},NAME,NAME')"
            raise AliasesError(source, message)
        if cells[0] == "same":
            merged.setdefault(cells[1], []).append(cells[2])
        else:
            distinct.append((cells[1], cells[2]))
    return _checked(Aliases(tuple((k, tuple(v)) for k, v in merged.items()), tuple(distinct)),
                    source)
