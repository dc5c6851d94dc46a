"""The output folder: what a build writes, what the next build reads back, and how.

A graph folder holds the exports (``graph.ttl``, ``.jsonld``, ``.graphml``, ``.json``,
``.html``) and what the next build needs: the build cache (every extraction the graph was built
from, one JSON line each, ``documents.jsonl``), the feeds' conditional-GET validators
(``feeds.json``), the merge log (``merges.jsonl``) and the build's provenance (``build.json``).
Building into a folder adds to what it holds: documents seen before are not read again, and the
graph is rebuilt from all extractions, so building A then B equals building A and B.

Every file is written through :func:`write_atomically`: whole, old or new, never half-written.
The folder's Oxigraph store (``graph.oxigraph``) mirrors ``graph.ttl``; it is written after
the files, as a new generation swapped in (:mod:`newsgraph.graph.store`). The folder's index
(``names.sqlite``, :mod:`newsgraph.graph.index`) keeps what resolution decides on and a digest
of each subject's triples, so that an add reads only its new documents' entities and writes
only the changed subjects to the store; its transaction is committed after the files.

Examples
--------
>>> import io
>>> from newsgraph.ingest.documents import Article, Extraction
>>> x = Extraction(Article(id="a1", text="Hi", source="a.txt"))
>>> buffer = io.BytesIO()
>>> write_extractions([x], buffer)
>>> read_extractions(io.BytesIO(buffer.getvalue())) == [x]
True
"""

from __future__ import annotations

import dataclasses
import functools
import json
import os
import re
import tempfile
import time
import types
import typing
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any, NamedTuple

import networkx as nx

from newsgraph.errors import NewsgraphError
from newsgraph.ingest.documents import Article, Extraction

__all__ = [
    "ALIASES_NAME",
    "BUILDS_NAME",
    "CACHE_NAME",
    "GRAPH_NAMES",
    "LINKS_NAME",
    "MERGES_NAME",
    "ONTOLOGY_NAME",
    "OPTIONAL_NAMES",
    "PROVENANCE_NAME",
    "SHAPES_NAME",
    "VALIDATORS_NAME",
    "Cache",
    "CachedLines",
    "Writer",
    "check_folder",
    "graph_writers",
    "is_seen",
    "load_builds",
    "load_cache",
    "load_validators",
    "read_extractions",
    "read_lines",
    "seen_keys",
    "write_atomically",
    "write_extractions",
    "write_json_lines",
    "write_json_object",
]

#: The cache's file name inside a graph folder.
CACHE_NAME = "documents.jsonl"
#: The merge log: which names were merged into which entity, and why.
MERGES_NAME = "merges.jsonl"
#: Each feed URL's ETag and Last-Modified, for conditional GET on the next build.
VALIDATORS_NAME = "feeds.json"
#: What made the graph: newsgraph's version and the spaCy pipeline (name, version, hash).
PROVENANCE_NAME = "build.json"
#: Which build first read each document (numbered from 1), for the viewer's "what's new".
BUILDS_NAME = "builds.json"
#: The user's aliases (``--aliases``) and links (``--links``) last given, kept so that the next
#: builds into the folder resolve and link the same way without them being given again.
ALIASES_NAME = "aliases.json"
LINKS_NAME = "links.csv"
#: The exports, in the order they are written.
GRAPH_NAMES = ("graph.ttl", "graph.jsonld", "graph.graphml", "graph.json", "graph.html")
#: The exports written only when named (``--exports``): TriG, one named graph per article.
OPTIONAL_NAMES = ("graph.trig",)
#: The vocabulary the graph is written in (classes, relations, the policy-kind scheme), beside
#: it so that the folder is whole without the package: ``newsgraph query`` reads it too.
ONTOLOGY_NAME = "ontology.ttl"
#: The SHACL shapes the graph is checked against, beside it for ``pyshacl`` and other tools.
SHAPES_NAME = "shapes.ttl"

#: Writes one output to a binary stream.
Writer = Callable[[IO[bytes]], None]


def read_extractions(stream: IO[bytes]) -> list[Extraction]:
    """Read the extractions of a cache file."""
    return [extraction for extraction, _ in read_lines(stream)]


def read_lines(
    stream: IO[bytes], *, on_bad_line: Callable[[int, str], None] | None = None
) -> list[tuple[Extraction, bytes]]:
    """Read the extractions of a cache file, each with its line as written.

    Handing the lines back to :func:`write_extractions` spares serialising again what the
    cache already holds: adding a few documents to a large graph then writes only theirs.
    A line that is no extraction raises ``ValueError`` naming its line number, or, with
    ``on_bad_line``, is passed to it (line number, reason) and left out.

    >>> import io
    >>> from newsgraph.ingest.documents import Article, Extraction
    >>> buffer = io.BytesIO()
    >>> write_extractions([Extraction(Article(id="a1", text="Hi", source="a.txt"))], buffer)
    >>> [(x.article.id, line[:12]) for x, line in read_lines(io.BytesIO(buffer.getvalue()))]
    [('a1', b'{"article": ')]
    >>> read_lines(io.BytesIO(b'{"article": 3}\\n'))
    Traceback (most recent call last):
    ...
    ValueError: line 1: not an extraction (article: expected an object, got 3)
    """
    return [(extraction, line) for extraction, line, _ in _read(stream, on_bad_line)]


def _read(
    stream: IO[bytes], on_bad_line: Callable[[int, str], None] | None
) -> Iterator[tuple[Extraction, bytes, int]]:
    """Each extraction of a cache file with its line (without the line break) and where the
    line starts in the file."""
    at = 0
    for number, line in enumerate(stream, 1):
        start, at = at, at + len(line)
        if not line.strip():
            continue
        try:
            extraction = _extraction(line)
        except ValueError as error:
            if on_bad_line is None:
                message = f"line {number}: {error}"
                raise ValueError(message) from error
            on_bad_line(number, str(error))
            continue
        yield extraction, line.rstrip(b"\r\n"), start


def _blank_name(data: dict[str, Any]) -> str | None:
    """The first entity or relation end with an empty name, said as a problem; else None.

    >>> _blank_name({"entities": [{"name": "Acme"}, {"name": " "}], "relations": []})
    'entities[1].name: empty'
    """
    for n, entity in enumerate(data.get("entities") or []):
        if not str(entity.get("name", "")).strip():
            return f"entities[{n}].name: empty"
    for n, relation in enumerate(data.get("relations") or []):
        for end in ("subject", "object"):
            if not str(relation.get(end, "")).strip():
                return f"relations[{n}].{end}: empty"
    return None


#: A JSON escape of a surrogate code point, which is a character only in a valid pair.
_LONE_SURROGATE = re.compile(rb"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


def _extraction(line: bytes) -> Extraction:
    """One cache line as an :class:`Extraction`, its every field of the type declared."""
    quick = _quick_extraction(line)
    if quick is not None:
        return quick
    try:
        data = json.loads(line.strip())
    except json.JSONDecodeError as error:
        message = f"not JSON ({error.msg} at column {error.colno})"
        raise ValueError(message) from error
    except UnicodeDecodeError as error:
        message = f"not JSON (not UTF-8: {error.reason})"
        raise ValueError(message) from error
    except RecursionError as error:
        message = "not JSON (nested too deep)"
        raise ValueError(message) from error
    fits = _fits(Extraction)(data)
    problem = (None if fits else _mistyped(data, Extraction, "")) or _blank_name(data)
    if problem:
        message = f"not an extraction ({problem})"
        raise ValueError(message)
    if _LONE_SURROGATE.search(line):  # "\ud800" alone reads as a character no file can hold
        try:
            json.dumps(data, ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError as error:
            message = "not an extraction (a lone surrogate, which is no character)"
            raise ValueError(message) from error
    try:
        return Extraction.from_dict(data)
    except (KeyError, TypeError) as error:  # pragma: no cover - the check above comes first
        message = f"not an extraction ({error})"
        raise ValueError(message) from error


def _quick_extraction(line: bytes) -> Extraction | None:
    """The extraction of a cache line that is one, decoded and type-checked in one pass by
    msgspec (five times faster than ``json.loads`` and the type test in Python, most of the
    time of reading a large cache), or None where the slow path is to read it: it says what is
    wrong with a line, and reads what msgspec refuses and Python's JSON does not (a whole
    number past 64 bits, ``NaN``).

    >>> _quick_extraction(b'{"article": {"id": "a", "text": "", "source": "s"}}').article.id
    'a'
    >>> _quick_extraction(b'{"article": {"id": "a", "text": "", "source": "s", "x": 1}}') is None
    True
    """
    if _LONE_SURROGATE.search(line):  # refused by msgspec, said by the slow path
        return None
    import msgspec

    fields, typed = _decoders()
    try:
        fields.decode(line)  # msgspec skips the fields a dataclass does not have: not here
        extraction: Extraction = typed.decode(line)
    except msgspec.MsgspecError:
        return None
    for entity in extraction.entities:
        if not entity.name.strip():
            return None
    for relation in extraction.relations:
        if not relation.subject.strip() or not relation.object.strip():
            return None
    return extraction


@functools.cache
def _decoders() -> tuple[Any, Any]:
    """msgspec's decoders of a cache line: one that refuses a field no dataclass of an
    extraction has (its values skipped unread), one into the dataclasses, each value of the
    type declared (a whole number in a ``float`` field read as a float, as
    :meth:`Extraction.from_dict` reads it)."""
    import msgspec

    from newsgraph.ingest.documents import Entity, Evidence, Relation

    def keys(kind: type, nested: dict[str, Any]) -> Any:
        spec = [(f.name, nested.get(f.name, msgspec.Raw), msgspec.UNSET)
                for f in dataclasses.fields(kind)]
        return msgspec.defstruct(f"_{kind.__name__}Fields", spec, forbid_unknown_fields=True)

    relation = keys(Relation, {"evidence": keys(Evidence, {})})
    extraction = keys(Extraction, {"article": keys(Article, {}),
                                   "entities": tuple[keys(Entity, {}), ...],  # type: ignore[misc]
                                   "relations": tuple[relation, ...]})  # type: ignore[valid-type]
    return msgspec.json.Decoder(extraction), msgspec.json.Decoder(Extraction)


@functools.cache
def _fields(kind: type) -> tuple[dict[str, Any], dict[str, dataclasses.Field[Any]]]:
    """A dataclass's type hints and fields, read once: reading the hints evaluates every
    annotation, which took most of the time of reading a large cache."""
    return typing.get_type_hints(kind), {f.name: f for f in dataclasses.fields(kind)}


def _mistyped(value: Any, kind: Any, where: str) -> str | None:
    """Where ``value`` (JSON data) differs from the type ``kind``, or None when it fits.

    Dataclasses are JSON objects with their fields (those without a default required),
    tuples JSON arrays, ``float`` any number.
    """
    if dataclasses.is_dataclass(kind) and isinstance(kind, type):
        if not isinstance(value, dict):
            return f"{where or 'the line'}: expected an object, got {_shown(value)}"
        hints, fields = _fields(kind)
        for name in value:
            if name not in fields:
                return f"{where}{'.' if where else ''}{name}: not a field of {kind.__name__}"
        for name, spec in fields.items():
            place = f"{where}.{name}" if where else name
            if name not in value:
                required = (spec.default is dataclasses.MISSING
                            and spec.default_factory is dataclasses.MISSING)
                if required:
                    return f"{place}: missing"
                continue
            if problem := _mistyped(value[name], hints[name], place):
                return problem
        return None
    origin = typing.get_origin(kind)
    if origin in (types.UnionType, typing.Union):
        options = typing.get_args(kind)
        if any(_mistyped(value, option, where) is None for option in options):
            return None
        return f"{where}: expected {_named(kind)}, got {_shown(value)}"
    if origin is tuple:
        if not isinstance(value, list):
            return f"{where}: expected an array, got {_shown(value)}"
        args = typing.get_args(kind)
        items = args[:1] * len(value) if len(args) == 2 and args[1] is Ellipsis else args
        if len(items) != len(value):
            return f"{where}: expected {len(items)} items, got {len(value)}"
        for index, (item, item_kind) in enumerate(zip(value, items, strict=True)):
            if problem := _mistyped(item, item_kind, f"{where}[{index}]"):
                return problem
        return None
    if kind is type(None):
        return None if value is None else f"{where}: expected null, got {_shown(value)}"
    if kind is float:
        fits = isinstance(value, int | float) and not isinstance(value, bool)
    elif kind is int:
        fits = isinstance(value, int) and not isinstance(value, bool)
    else:
        fits = isinstance(value, kind)
    return None if fits else f"{where}: expected {_named(kind)}, got {_shown(value)}"


@functools.cache
def _fits(kind: Any) -> Callable[[Any], bool]:
    """A test of whether JSON data fits the type ``kind``: true exactly where
    :func:`_mistyped` finds no problem, made once per type (each line of a large cache is
    checked; :func:`_mistyped` then says where a line that does not fit goes wrong).

    >>> _fits(Extraction)({"article": {"id": "a", "text": "", "source": "a.txt"}})
    True
    >>> _fits(tuple[int, ...])([1, True])
    False
    """
    if dataclasses.is_dataclass(kind) and isinstance(kind, type):
        hints, fields = _fields(kind)
        names = frozenset(fields)
        required = frozenset(
            name for name, spec in fields.items()
            if spec.default is dataclasses.MISSING and spec.default_factory is dataclasses.MISSING)
        checks = tuple((name, _fits(hints[name])) for name in fields)

        def fits_object(value: Any) -> bool:
            if not isinstance(value, dict) or not names.issuperset(value):
                return False
            if not required.issubset(value):
                return False
            return all(check(value[name]) for name, check in checks if name in value)

        return fits_object
    origin = typing.get_origin(kind)
    if origin in (types.UnionType, typing.Union):
        options = tuple(_fits(option) for option in typing.get_args(kind))
        return lambda value: any(check(value) for check in options)
    if origin is tuple:
        args = typing.get_args(kind)
        if len(args) == 2 and args[1] is Ellipsis:
            item = _fits(args[0])
            return lambda value: isinstance(value, list) and all(item(v) for v in value)
        items = tuple(_fits(arg) for arg in args)
        return lambda value: (isinstance(value, list) and len(value) == len(items)
                              and all(check(v) for check, v in zip(items, value, strict=True)))
    if kind is type(None):
        return lambda value: value is None
    if kind is float:
        return lambda value: isinstance(value, int | float) and not isinstance(value, bool)
    if kind is int:
        return lambda value: isinstance(value, int) and not isinstance(value, bool)
    return lambda value: isinstance(value, kind)


def _named(kind: Any) -> str:
    names = {str: "a string", int: "a whole number", float: "a number", type(None): "null"}
    if typing.get_origin(kind) in (types.UnionType, typing.Union):
        return " or ".join(_named(option) for option in typing.get_args(kind))
    if typing.get_origin(kind) is tuple:
        return "an array"
    if dataclasses.is_dataclass(kind):
        return "an object"
    return names.get(kind, getattr(kind, "__name__", str(kind)))


def _shown(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:37] + "..."


def write_extractions(
    extractions: Iterable[Extraction], stream: IO[bytes], *,
    lines: Mapping[str, bytes] | None = None,
) -> None:
    """Write extractions as JSON lines, sorted by article id.

    ``lines`` maps an article id to its line as :func:`read_lines` read it; those are
    written as they are, the others serialised.
    """
    ordered = sorted(extractions, key=lambda x: x.article.id)
    ids = (extraction.article.id for extraction in ordered)
    known = (lines.read_all(ids) if isinstance(lines, CachedLines)
             else ((lines or {}).get(i) for i in ids))
    for extraction, line in zip(ordered, known, strict=True):
        if line is None:
            text = json.dumps(extraction.to_dict(), ensure_ascii=False, sort_keys=True)
            line = text.encode("utf-8")
        stream.write(line + b"\n")


def seen_keys(extractions: Iterable[Extraction]) -> set[str]:
    """The ids and links of the articles already in a cache."""
    keys = set()
    for extraction in extractions:
        keys.add(extraction.article.id)
        if extraction.article.link:
            keys.add(extraction.article.link)
    return keys


def is_seen(article: Article, keys: set[str]) -> bool:
    """Whether ``article`` is a document already built (same id, or same link)."""
    return article.id in keys or (article.link is not None and article.link in keys)


#: How many bad lines of the build cache are reported one by one; the rest are counted.
_BAD_LINES_SHOWN = 3


class CachedLines(Mapping[str, bytes]):
    """The lines of a cache file by article id, read from the file when asked for: the file
    stays in place until the new cache replaces it (the build holds the folder's lock), so
    a build need not hold every line in memory to write them again.

    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / CACHE_NAME
    >>> x = Extraction(Article(id="a1", text="Hi", source="a.txt"))
    >>> with path.open("wb") as stream:
    ...     write_extractions([x], stream)
    >>> lines = load_cache(path.parent).lines
    >>> lines["a1"][:12], len(lines)
    (b'{"article": ', 1)
    """

    def __init__(self, path: Path, spans: dict[str, tuple[int, int]],
                 identity: tuple[int, ...] | None = None) -> None:
        self._path, self._spans, self._identity = path, spans, identity

    def _open(self) -> IO[bytes]:
        """The cache file, refused if it is no longer the file its lines were read from."""
        stream = self._path.open("rb")
        if self._identity is not None and _identity(os.fstat(stream.fileno())) != self._identity:
            stream.close()
            message = ("changed while this build ran; nothing was written: build again "
                       "(only one build may use a folder at a time)")
            raise NewsgraphError(str(self._path), message)
        return stream

    def __getitem__(self, key: str) -> bytes:
        start, size = self._spans[key]
        with self._open() as stream:
            stream.seek(start)
            return stream.read(size)

    def __iter__(self) -> Iterator[str]:
        return iter(self._spans)

    def __len__(self) -> int:
        return len(self._spans)

    def read_all(self, keys: Iterable[str]) -> Iterator[bytes | None]:
        """The line of each of ``keys`` (None for a key not held), read through one open
        file (opened only when it holds any)."""
        if not self._spans:
            yield from (None for _ in keys)
            return
        with self._open() as stream:
            for key in keys:
                span = self._spans.get(key)
                if span is None:
                    yield None
                    continue
                stream.seek(span[0])
                yield stream.read(span[1])


class Cache(NamedTuple):
    """What :func:`load_cache` found: the extractions, in the file's order, and their lines."""

    extractions: list[Extraction]
    lines: CachedLines


def load_cache(
    out: Path, *, on_problem: Callable[[NewsgraphError], None] | None = None
) -> Cache:
    """The extractions a previous build into ``out`` kept, and their lines as written (read
    again from the file when they are written again).

    A line that is no extraction is reported to ``on_problem`` with its line number and left
    out (its document is read again when its source is built again); the good lines are
    kept. A cache that cannot be read at all raises :class:`NewsgraphError`.
    """
    path = out / CACHE_NAME
    if not os.path.lexists(path):
        return Cache([], CachedLines(path, {}))
    if path.is_dir() or not path.is_file():
        message = ("is not a file (expected the build cache, JSON lines); move it away and "
                   "build again")
        raise NewsgraphError(str(path), message)
    bad: list[tuple[int, str]] = []
    found: list[Extraction] = []
    spans: dict[str, tuple[int, int]] = {}
    held: dict[Any, Any] = {}
    repeated = 0
    try:
        with path.open("rb") as stream:
            identity = _identity(os.fstat(stream.fileno()))
            for extraction, line, start in _read(
                    stream, lambda n, reason: bad.append((n, reason))):
                if extraction.article.id in spans:  # counted twice, its evidence would be
                    repeated += 1
                    continue
                found.append(_shared(extraction, held))
                spans[extraction.article.id] = (start, len(line))
    except OSError as error:
        message = f"cannot be read ({error.strerror or error}); the build cache is needed"
        raise NewsgraphError(str(path), message) from error
    for number, reason in bad[:_BAD_LINES_SHOWN]:
        problem = NewsgraphError(str(path), f"line {number}: {reason}; left out (its document "
                                            "is read again when its source is built)")
        if on_problem is not None:
            on_problem(problem)
    if len(bad) > _BAD_LINES_SHOWN and on_problem is not None:
        on_problem(NewsgraphError(str(path), f"{len(bad) - _BAD_LINES_SHOWN:,} more bad "
                                             "lines left out"))
    if repeated and on_problem is not None:
        said = "1 line repeats" if repeated == 1 else f"{repeated:,} lines repeat"
        on_problem(NewsgraphError(str(path), f"{said} a document read before; left out"))
    return Cache(found, CachedLines(path, spans, identity))


def _identity(stat: os.stat_result) -> tuple[int, ...]:
    """What tells a file from the same file changed or replaced: its device, inode, size and
    time of last change."""
    return stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns


def _shared(extraction: Extraction, held: dict[Any, Any]) -> Extraction:
    """``extraction``, its values in common with the extractions read before it (``held``:
    each value seen, by itself) made the same objects: the names, types, aliases and votes of
    its entities, the ends, predicates and rules of its relations, its publisher. A large
    cache names the same things and the same types over and over; read from JSON, each would
    be a string and a tuple of its own. ``extraction`` is changed in place: it was just read,
    and nothing else holds it (setting the fields of the frozen objects costs a fifth of
    making them again).

    >>> from newsgraph.ingest.documents import Entity
    >>> held = {}
    >>> one, two = (_shared(Extraction(Article(id=i, text="", source=i),
    ...                                (Entity("Acme Corp", "Organisation"),)), held)
    ...             for i in ("a", "b"))
    >>> one.entities[0].name is two.entities[0].name
    True
    """
    share = held.setdefault
    put = object.__setattr__
    for entity in extraction.entities:
        put(entity, "name", share(entity.name, entity.name))
        put(entity, "type", share(entity.type, entity.type))
        put(entity, "aliases", share(entity.aliases, entity.aliases))
        put(entity, "kind", share(entity.kind, entity.kind))
        put(entity, "votes", share(entity.votes, entity.votes))
    for relation in extraction.relations:
        put(relation, "subject", share(relation.subject, relation.subject))
        put(relation, "predicate", share(relation.predicate, relation.predicate))
        put(relation, "object", share(relation.object, relation.object))
        put(relation.evidence, "rule", share(relation.evidence.rule, relation.evidence.rule))
    article = extraction.article
    put(article, "publisher", share(article.publisher, article.publisher))
    return extraction


def check_folder(out: Path) -> None:
    """Refuse, before any work, an output folder that cannot take the outputs.

    Raises :class:`NewsgraphError` when a file cannot be created in ``out`` (read-only) or
    an output's name is taken by a folder.
    """
    for name in (*GRAPH_NAMES, *OPTIONAL_NAMES, CACHE_NAME, MERGES_NAME, VALIDATORS_NAME,
                 PROVENANCE_NAME, ALIASES_NAME, LINKS_NAME):
        if (out / name).is_dir():
            message = f"is a folder where the output {name} goes; move it away"
            raise NewsgraphError(str(out / name), message)
    try:
        handle, probe = tempfile.mkstemp(dir=out, prefix=".probe.")
    except OSError as error:
        message = f"cannot be written to ({error.strerror or error}); no output could be saved"
        raise NewsgraphError(str(out), message) from error
    os.close(handle)
    os.unlink(probe)


def load_validators(out: Path) -> dict[str, dict[str, str]]:
    """The conditional-GET validators a previous build saved; none if unreadable."""
    try:
        data = json.loads((out / VALIDATORS_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(url): {str(k): str(v) for k, v in found.items()}
            for url, found in data.items() if isinstance(found, dict)}


def write_json_object(value: Mapping[str, Any], stream: IO[bytes]) -> None:
    """One JSON object, keys sorted, one space of indent, a final newline."""
    stream.write(json.dumps(value, indent=1, sort_keys=True).encode("utf-8") + b"\n")


def write_json_lines(rows: Iterable[Mapping[str, Any]], stream: IO[bytes]) -> None:
    """One JSON object per line, keys sorted, text as UTF-8."""
    for row in rows:
        stream.write(json.dumps(row, ensure_ascii=False, sort_keys=True).encode("utf-8") + b"\n")


def load_builds(out: Path) -> tuple[int, dict[str, int]]:
    """The number of the last build into ``out`` that read a document, and which build first
    read each document (by article id); ``(0, {})`` before the first.

    >>> load_builds(Path("no-such-folder"))
    (0, {})
    """
    path = out / BUILDS_NAME
    if not path.exists():
        return 0, {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        first = {str(k): int(v) for k, v in data["first_read"].items()}
        return int(data["latest"]), first
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        message = f"unreadable list of builds ({error}); remove it to start it afresh"
        raise NewsgraphError(str(path), message) from error


def graph_writers(
    G: nx.MultiDiGraph, *, view_limit: int | None = None, new_articles: Iterable[str] = ()
) -> dict[str, Writer]:
    """Each export's file name and its writer; ``graph.html`` holds at most ``view_limit``
    nodes (:func:`~newsgraph.graph.view.bounded_view`; by default ``VIEW_LIMIT``), and
    ``new_articles`` (article IRIs) are what the viewer shows as new."""
    from newsgraph.graph.graphml import write_graphml
    from newsgraph.graph.html import write_html
    from newsgraph.graph.nodelink import write_json
    from newsgraph.graph.rdf import write_jsonld, write_trig, write_turtle
    from newsgraph.graph.view import VIEW_LIMIT, bounded_view, view_title

    def bound(write: Callable[..., None]) -> Writer:
        return lambda stream: write(G, stream)

    new = frozenset(new_articles)

    def html(stream: IO[bytes]) -> None:
        view = bounded_view(G, view_limit or VIEW_LIMIT)
        write_html(view, stream, title=view_title(len(view), len(G)), new_articles=new)

    writers: tuple[Writer, ...] = (
        bound(write_turtle), bound(write_jsonld), bound(write_graphml), bound(write_json), html,
    )
    found = dict(zip((*GRAPH_NAMES, *OPTIONAL_NAMES), (*writers, bound(write_trig)),
                     strict=True))
    found[ONTOLOGY_NAME] = functools.partial(_write_vocabulary, "newsgraph.ttl")
    found[SHAPES_NAME] = functools.partial(_write_vocabulary, "shapes.ttl")
    return found


def _write_vocabulary(name: str, stream: IO[bytes]) -> None:
    from newsgraph.ontology import ontology_text

    stream.write(ontology_text(name).encode("utf-8"))


def write_atomically(outputs: Mapping[Path, Writer]) -> None:
    """Write every output to a temporary file beside it, then rename each into place.

    A failure before or during the renames leaves every previous output as it was; a process
    killed at any moment leaves each output whole, old or new. Temporary files a killed build
    left behind are removed first.
    """
    from newsgraph.graph.digests import HashingStream, forget, remember, settled

    for path in outputs:
        for stale in path.parent.glob(f".{path.name}.*"):
            stale.unlink(missing_ok=True)
    staged: list[tuple[str, Path]] = []
    # each file's digest, hashed on its way out, with its size and time once written: the
    # add's checks and the store read the digest rather than the file
    written: dict[Path, tuple[int, int, str]] = {}
    try:
        for path, writer in outputs.items():
            handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
            staged.append((temporary, path))
            with os.fdopen(handle, "wb") as stream:
                hashing = HashingStream(stream)
                writer(hashing)  # type: ignore[arg-type]
                stream.flush()
                os.fsync(stream.fileno())
                stat = os.fstat(stream.fileno())
            written[path] = (stat.st_size, stat.st_mtime_ns, hashing.digest())
        mode = 0o666 & ~_umask()
        forget(written)
        renamed = time.time_ns()
        _rename_all(staged, mode)
        for path, (size, mtime_ns, digest) in written.items():
            if settled(mtime_ns, renamed):
                remember(path, size, mtime_ns, digest)
    finally:
        for temporary, _ in staged:
            for leftover in (temporary, f"{temporary}.old"):
                if os.path.lexists(leftover):
                    os.unlink(leftover)


def _rename_all(staged: list[tuple[str, Path]], mode: int) -> None:
    """Rename each temporary file over its output; if one rename fails, put back what the
    outputs renamed before it held (kept as hard links), so the folder is all old or all new.
    """
    done: list[tuple[Path, str | None]] = []
    try:
        for temporary, path in staged:
            os.chmod(temporary, mode)
            backup: str | None = f"{temporary}.old"
            try:
                os.link(path, f"{temporary}.old", follow_symlinks=False)
            except FileNotFoundError:  # a new output: undone by removing it
                backup = None
            os.replace(temporary, path)
            done.append((path, backup))
    except BaseException:
        for path, old in reversed(done):
            try:
                if old is not None:
                    os.replace(old, path)
                else:
                    path.unlink(missing_ok=True)
            except OSError:
                pass  # put back what can be; the rest stays whole, new
        raise


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
