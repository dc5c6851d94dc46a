"""The graph folder's persistent RDF store: an on-disk Oxigraph database beside ``graph.ttl``.

``graph.oxigraph`` in a graph folder is a symbolic link to one *generation* of the store, a
directory ``.graph.oxigraph.<digest>`` named by the SHA-256 of the ``graph.ttl`` it holds the
triples of. A build never writes into the generation readers use: it makes the next one beside
it and swaps the link, one atomic rename, so a build killed at any moment leaves the previous
store whole and usable.

An add writes only the delta: when the current generation holds the triples of the previous
``graph.ttl`` (its name says so), the next generation starts as a checkpoint of it (RocksDB's
files hard-linked, not copied), the triples no longer in the graph are removed and the new
ones loaded. The delta is found one of two ways: by subject (a :class:`SubjectDelta`: the
subjects whose triples changed, found by comparing a digest of each subject's triples with
the one the folder's index keeps, :mod:`newsgraph.graph.index`; no Turtle is parsed), or, where
the index cannot say, by parsing the previous and the new ``graph.ttl`` (:func:`store_base`).
Otherwise (no store yet, or a store that does not match, as after a killed build)
the whole ``graph.ttl`` is bulk loaded. Either way the store holds exactly the triples of
``graph.ttl``: building A then B gives the same store content as building A and B.

``newsgraph query``, ``validate``, ``export`` and ``serve`` read the store when a folder has
one (:func:`open_graph`), with no Turtle to parse, and fall back to ``graph.ttl``.

Examples
--------
>>> import tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> _ = (folder / "graph.ttl").write_bytes(b"<http://a.example/s> <http://a.example/p> 1 .\\n")
>>> update_store(folder, previous=None)
StoreChange(added=1, removed=0, full=True)
>>> store = open_store(folder)
>>> len(list(store.quads_for_pattern(None, None, None, ox.DefaultGraph())))  # graph.ttl's
1
>>> len(store) > 1  # and the vocabulary, in a graph of its own
True
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from itertools import groupby
from operator import itemgetter
from pathlib import Path
from typing import IO, NamedTuple

import pyoxigraph as ox
from rdflib import XSD, Graph

from newsgraph.graph import digests
from newsgraph.graph.iris import DEFAULT_BASE, is_iri, turtle_base

#: One triple as the graph's writers give it (:data:`newsgraph.graph.rdf.Row`).
Row = tuple[str, int, str, int, str, str]
#: The datatype of a plain string literal, written without it.
STRING = str(XSD.string)

__all__ = [
    "EXPORT_FORMATS",
    "STORE_NAME",
    "TURTLE_NAME",
    "StoreChange",
    "SubjectDelta",
    "canonical_lines",
    "current_generation",
    "export_graph",
    "file_digest",
    "graph_base",
    "has_store",
    "ntriples",
    "open_graph",
    "open_store",
    "rdflib_graph",
    "store_base",
    "stored_turtle",
    "subject_blocks",
    "turtle_digest",
    "update_store",
]

#: The link to the current store generation inside a graph folder.
STORE_NAME = "graph.oxigraph"
#: The Turtle export the store mirrors.
TURTLE_NAME = "graph.ttl"
#: What ``newsgraph export`` writes: each format's name, pyoxigraph format and file extension.
EXPORT_FORMATS: dict[str, tuple[ox.RdfFormat, str]] = {
    "turtle": (ox.RdfFormat.TURTLE, ".ttl"),
    "ntriples": (ox.RdfFormat.N_TRIPLES, ".nt"),
    "jsonld": (ox.RdfFormat.JSON_LD, ".jsonld"),
    "rdfxml": (ox.RdfFormat.RDF_XML, ".rdf"),
}
_GENERATION = f".{STORE_NAME}."


class StoreChange(NamedTuple):
    """What :func:`update_store` did: triples added and removed, and whether it loaded all."""

    added: int
    removed: int
    full: bool


class SubjectDelta(NamedTuple):
    """An add by subject: every triple of ``subjects`` is removed, then ``triples`` (their
    new triples, N-Triples) loaded."""

    subjects: tuple[str, ...]
    triples: bytes


def file_digest(path: Path) -> str:
    """The digest of a file, as a store generation is named by its ``graph.ttl``'s."""
    return _digest(path)


def _digest(path: Path) -> str:
    """The hex SHA-256 of a file, the first 32 characters; not read again while the file is
    as it was written or last hashed (:mod:`newsgraph.graph.digests`)."""
    return digests.file_digest(path)


def current_generation(folder: Path) -> Path | None:
    """The directory the folder's store link points to, or None when there is no store.

    >>> current_generation(Path("no/such/folder")) is None
    True
    """
    link = folder / STORE_NAME
    try:
        target = os.readlink(link)
    except OSError:
        # a folder copied with its links followed holds the store itself: still readable
        return link if link.is_dir() else None
    generation = folder / target
    return generation if generation.is_dir() else None


def has_store(folder: Path) -> bool:
    """Whether ``folder`` holds a store (a link to an existing generation)."""
    return current_generation(folder) is not None


def canonical_lines(turtle: Path) -> set[bytes]:
    """The triples of a Turtle file as N-Triples lines, written the one way pyoxigraph writes
    them, so that two files' triples compare as sets of lines.

    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "g.ttl"
    >>> _ = path.write_bytes(b"<http://a.example/s> <http://a.example/p> 1 .")
    >>> sorted(canonical_lines(path))
    [b'<http://a.example/s> <http://a.example/p> "1"^^<http://www.w3.org/2001/XMLSchema#integer> .']
    """
    triples = ox.parse(path=str(turtle), format=ox.RdfFormat.TURTLE)
    data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
    return set(data.splitlines()) if data else set()


def stored_turtle(folder: Path) -> str | None:
    """The digest of the folder's ``graph.ttl`` when the current store generation holds
    exactly its triples, else None. Call it before the new ``graph.ttl`` replaces the old one.

    >>> stored_turtle(Path("no/such/folder")) is None
    True
    """
    generation = current_generation(folder)
    turtle = folder / TURTLE_NAME
    if generation is None or not turtle.is_file():
        return None
    found = _digest(turtle)
    return found if generation.name == _GENERATION + found else None


def turtle_digest(folder: Path) -> str:
    """The digest a store generation holding the folder's ``graph.ttl`` is named by."""
    return _digest(folder / TURTLE_NAME)


_NT_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


def subject_blocks(rows: Iterable[Row]) -> Iterator[tuple[str, list[Row]]]:
    """Each subject of ``rows`` (sorted by subject, as :func:`~newsgraph.graph.rdf.rdf_rows`
    gives them) with its rows.

    >>> rows = [("s:a", 2, "p:x", 0, "o:b", ""), ("s:a", 2, "p:y", 1, "1", "d:t"),
    ...         ("s:b", 2, "p:x", 0, "o:b", "")]
    >>> [(subject, len(found)) for subject, found in subject_blocks(rows)]
    [('s:a', 2), ('s:b', 1)]
    """
    for subject, found in groupby(rows, key=itemgetter(0)):
        yield subject, list(found)


def ntriples(rows: Iterable[Row]) -> bytes:
    """``rows`` as N-Triples, as the store holds them.

    >>> ntriples([("http://a.example/s", 2, "http://a.example/p", 1, 'say "x"', STRING)])
    b'<http://a.example/s> <http://a.example/p> "say \\\\"x\\\\"" .\\n'
    """
    lines = []
    for subject, _, predicate, kind, value, datatype in rows:
        if kind == 0:
            lines.append(f"<{subject}> <{predicate}> <{value}> .\n")
        elif datatype == STRING:
            lines.append(f'<{subject}> <{predicate}> "{value.translate(_NT_ESCAPES)}" .\n')
        else:
            lines.append(
                f'<{subject}> <{predicate}> "{value.translate(_NT_ESCAPES)}"^^<{datatype}> .\n')
    return "".join(lines).encode("utf-8")


def store_base(folder: Path) -> set[bytes] | None:
    """What the next update may start from: the triples of the folder's ``graph.ttl`` when the
    current store generation holds exactly them, else None (the next update loads everything).

    Call it before the new ``graph.ttl`` replaces the old one.
    """
    generation = current_generation(folder)
    turtle = folder / TURTLE_NAME
    if generation is None or not turtle.is_file():
        return None
    if generation.name != _GENERATION + _digest(turtle):
        return None
    return canonical_lines(turtle)


def update_store(
    folder: Path, previous: set[bytes] | SubjectDelta | None
) -> StoreChange:
    """Make the folder's store hold the triples of its ``graph.ttl``, writing a new generation
    and swapping the link to it.

    ``previous`` is what :func:`store_base` returned before ``graph.ttl`` was replaced: the
    triples the current generation holds; or the :class:`SubjectDelta` from them to the new
    ``graph.ttl``. Then only the difference is written; with None the whole file is bulk
    loaded. Generations other than the new one and the one it replaces
    (which a reader may still have open) are removed.
    """
    turtle = folder / TURTLE_NAME
    name = _GENERATION + _digest(turtle)
    current = current_generation(folder)
    if current is not None and current.name == name:
        os.utime(current)  # it holds the graph.ttl just rewritten: current again for readers
        return StoreChange(0, 0, full=False)
    staged = Path(tempfile.mkdtemp(dir=folder, prefix=f"{_GENERATION}new-"))
    try:
        if previous is None or current is None:
            change = _load_all(staged, turtle)
        elif isinstance(previous, SubjectDelta):
            change = _apply_subjects(current, staged, previous)
        else:
            change = _apply_delta(current, staged, previous, canonical_lines(turtle))
        target = folder / name
        if target.exists():  # left by a build killed after loading it, before the swap
            shutil.rmtree(target)
        os.rename(staged, target)
    finally:
        if staged.exists():
            shutil.rmtree(staged, ignore_errors=True)
    _swap_link(folder, name)
    _remove_old_generations(folder, keep={name, current.name if current else name})
    return change


#: The named graph of each generation that holds the vocabulary (``ontology/newsgraph.ttl``):
#: queries read it with the graph (the default graph as the union), exports and validation
#: read the default graph, which holds the triples of ``graph.ttl`` alone.
VOCABULARY_GRAPH = ox.NamedNode("https://w3id.org/newsgraph/ontology")


def _with_vocabulary(store: ox.Store) -> None:
    """Put the current vocabulary in its named graph of ``store``, replacing what was there."""
    from newsgraph.ontology import ontology_text

    store.clear_graph(VOCABULARY_GRAPH)
    store.bulk_load(ontology_text().encode("utf-8"), format=ox.RdfFormat.TURTLE,
                    to_graph=VOCABULARY_GRAPH)


#: Bytes of Turtle bulk loaded at a time into a new generation: Oxigraph's bulk loader holds
#: what it is given, about a kilobyte a triple, up to a million triples a thread.
_PIECE = 4 << 20


def _turtle_pieces(turtle: Path, size: int = _PIECE) -> Iterator[bytes] | None:
    """``graph.ttl`` in pieces of about ``size`` bytes, each its prefixes and whole subjects,
    valid Turtle on its own; None for a file not written as a build writes it (prefixes, a
    blank line, then a blank line before each subject and nowhere else: literals never hold
    a raw line break).

    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "graph.ttl"
    >>> text = b"@prefix a: <http://a.example/> .\\n\\na:s a:p 1 .\\n\\na:t a:p 2 .\\n"
    >>> _ = path.write_bytes(text)
    >>> for piece in _turtle_pieces(path, size=10):
    ...     print(piece.decode())
    @prefix a: <http://a.example/> .
    <BLANKLINE>
    a:s a:p 1 .
    <BLANKLINE>
    <BLANKLINE>
    @prefix a: <http://a.example/> .
    <BLANKLINE>
    a:t a:p 2 .
    <BLANKLINE>
    """
    with turtle.open("rb") as stream:
        header = b""
        for line in stream:
            header += line
            if line == b"\n":
                break
            if not line.startswith(b"@prefix "):
                return None
    return _pieces(turtle, len(header), size)


def _pieces(turtle: Path, start: int, size: int) -> Iterator[bytes]:
    with turtle.open("rb") as stream:
        header = stream.read(start)
        rest = b""
        while data := stream.read(size):
            held = rest + data
            end = held.rfind(b"\n\n")
            if end < 0:
                rest = held
                continue
            yield header + held[:end + 2]
            rest = held[end + 2:]  # the last subject begun
        if rest:
            yield header + rest


def _load_all(staged: Path, turtle: Path) -> StoreChange:
    shutil.rmtree(staged)  # the store creates its own directory
    store = ox.Store(str(staged))
    pieces = _turtle_pieces(turtle)
    try:
        for piece in pieces or ():
            store.bulk_load(piece, format=ox.RdfFormat.TURTLE)
    except SyntaxError:
        pieces = None  # not cut where a build cuts: the file read whole says what is wrong
        del store
        shutil.rmtree(staged)
        store = ox.Store(str(staged))
    if pieces is None:
        store.bulk_load(path=str(turtle), format=ox.RdfFormat.TURTLE)
    count = len(store)
    _with_vocabulary(store)
    store.flush()
    # One sorted run per index: the pieces' files, left as they were ingested, overlap, and
    # every lookup a query makes then opens each of them (lookups 3 to 5 times slower at 10
    # million triples). An add leaves its small delta as it is.
    store.optimize()
    del store  # closes the database
    return StoreChange(added=count, removed=0, full=True)


def _apply_delta(
    current: Path, staged: Path, previous: set[bytes], lines: set[bytes]
) -> StoreChange:
    added = list(lines - previous)
    removed = list(previous - lines)
    shutil.rmtree(staged)  # backup() creates the directory
    source = ox.Store.read_only(str(current))
    source.backup(str(staged))
    del source
    store = ox.Store(str(staged))
    if removed:
        for triple in ox.parse(b"\n".join(removed), format=ox.RdfFormat.N_TRIPLES):
            store.remove(ox.Quad(triple.subject, triple.predicate, triple.object))
    if added:
        store.bulk_load(b"\n".join(added), format=ox.RdfFormat.N_TRIPLES)
    _with_vocabulary(store)
    store.flush()
    del store
    return StoreChange(added=len(added), removed=len(removed), full=False)


def _apply_subjects(current: Path, staged: Path, delta: SubjectDelta) -> StoreChange:
    shutil.rmtree(staged)  # backup() creates the directory
    source = ox.Store.read_only(str(current))
    source.backup(str(staged))
    del source
    store = ox.Store(str(staged))
    removed = _remove_subjects(store, delta.subjects)
    at = 0
    while at < len(delta.triples):  # whole lines, :data:`_PIECE` bytes at a time
        end = delta.triples.find(b"\n", at + _PIECE) + 1 or len(delta.triples)
        store.bulk_load(delta.triples[at:end], format=ox.RdfFormat.N_TRIPLES)
        at = end
    _with_vocabulary(store)
    store.flush()
    del store
    return StoreChange(added=delta.triples.count(b"\n"), removed=removed, full=False)


#: Subjects whose triples one update removes.
_REMOVED_AT_ONCE = 2000


def _remove_subjects(store: ox.Store, subjects: Iterable[str]) -> int:
    """Remove every triple of ``subjects`` from the store's default graph; how many there
    were (counted first: ``len`` of a store reads every quad). A few thousand subjects an
    update, one transaction each (a triple removed at a time was a transaction each: 1.75 CPU
    s for 10,000 subjects' 105,000 triples, against 1.27 counted and removed so).

    >>> store = ox.Store()
    >>> a, b, p = (ox.NamedNode(f"http://a.example/{n}") for n in "abp")
    >>> store.extend([ox.Quad(a, p, b), ox.Quad(b, p, a), ox.Quad(a, p, a, p)])
    >>> _remove_subjects(store, ["http://a.example/a"]), len(store)
    (1, 2)
    """
    pending = list(subjects)
    removed = 0
    for at in range(0, len(pending), _REMOVED_AT_ONCE):
        found = f"VALUES ?s {{ {' '.join(f'<{s}>' for s in pending[at:at + _REMOVED_AT_ONCE])} }}"
        counted = store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ {found} ?s ?p ?o }}")
        assert isinstance(counted, ox.QuerySolutions)  # a SELECT's
        removed += sum(int(row["n"].value) for row in counted)
        store.update(f"DELETE {{ ?s ?p ?o }} WHERE {{ {found} ?s ?p ?o }}")
    return removed


def _swap_link(folder: Path, name: str) -> None:
    """Point ``graph.oxigraph`` at generation ``name`` in one atomic rename."""
    temporary = folder / f"{_GENERATION}link-{os.getpid()}"
    temporary.unlink(missing_ok=True)
    os.symlink(name, temporary, target_is_directory=True)
    link = folder / STORE_NAME
    if link.is_dir() and not link.is_symlink():  # a copied store: moved aside, then removed
        os.rename(link, folder / f"{_GENERATION}copied-{os.getpid()}")
    os.replace(temporary, link)


def _remove_old_generations(folder: Path, keep: set[str]) -> None:
    for path in folder.glob(f"{_GENERATION}*"):
        if path.name in keep:
            continue
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)


def open_store(folder: Path) -> ox.Store:
    """The folder's store, opened read-only.

    Raises ``FileNotFoundError`` when the folder has no store, ``OSError`` when it cannot be
    opened.
    """
    generation = current_generation(folder)
    if generation is None:
        raise FileNotFoundError(str(folder / STORE_NAME))
    return ox.Store.read_only(str(generation))


def _is_current(folder: Path, turtle: Path) -> bool:
    """Whether the folder has a store written after its ``graph.ttl``.

    A build writes the store after the files, so a ``graph.ttl`` newer than the store's
    generation is one a killed build left ahead of it: the Turtle is read then, the slower
    way but the right graph. (A copy that did not keep the times is read from Turtle too.)
    """
    generation = current_generation(folder)
    if generation is None:
        return False
    try:
        return turtle.stat().st_mtime_ns <= generation.stat().st_mtime_ns
    except FileNotFoundError:
        return True  # only the store holds the graph


def open_graph(path: Path) -> tuple[ox.Store, Path]:
    """The graph at ``path`` as a pyoxigraph store, and the path it was read from.

    ``path`` is a graph folder, its ``graph.oxigraph``, or a Turtle file. A folder's store is
    opened when it has one written after its ``graph.ttl``, and so is the store beside a
    ``graph.ttl`` (the same triples, with no Turtle to parse); otherwise the Turtle is loaded
    into memory. Raises
    ``FileNotFoundError`` when there is neither, pyoxigraph's ``SyntaxError`` on malformed
    Turtle.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "graph.ttl").write_bytes(b"<http://a.example/s> <http://a.example/p> 1 .")
    >>> store, read = open_graph(folder)
    >>> len(store), read.name
    (1, 'graph.ttl')
    """
    if path.name == STORE_NAME:  # the store's link itself
        path = path.parent
    folder = path if path.is_dir() else path.parent
    turtle = folder / TURTLE_NAME if path.is_dir() else path
    if (path.is_dir() or path.name == TURTLE_NAME) and _is_current(folder, turtle):
        try:
            return open_store(folder), folder / STORE_NAME
        except (OSError, RuntimeError):  # RocksDB reports a damaged store as RuntimeError
            pass  # an unusable store: the Turtle still holds the graph
    if not turtle.is_file():
        raise FileNotFoundError(str(turtle))
    store = ox.Store()
    store.bulk_load(path=str(turtle), format=ox.RdfFormat.TURTLE)
    return store, turtle


def graph_base(read: Path) -> str:
    """The base a graph read from ``read`` (what :func:`open_graph` returns) was built with.

    >>> graph_base(Path("no/such/graph.ttl"))
    'https://w3id.org/newsgraph/id/'
    """
    turtle = read if read.suffix == ".ttl" else read.parent / TURTLE_NAME
    base = turtle_base(turtle)
    return base if base is not None and is_iri(base + "x") else DEFAULT_BASE


def export_graph(
    store: ox.Store, format_name: str, stream: IO[bytes], *, base: str = DEFAULT_BASE
) -> None:
    """Write the store's triples to a binary stream in one of :data:`EXPORT_FORMATS`,
    streamed by pyoxigraph (the graph is never held as Python objects), with the node
    prefixes under ``base`` where the format has prefixes.

    >>> import io
    >>> store = ox.Store()
    >>> store.add(ox.Quad(ox.NamedNode("http://a.example/s"), ox.NamedNode("http://a.example/p"),
    ...                   ox.Literal("x")))
    >>> out = io.BytesIO()
    >>> export_graph(store, "ntriples", out)
    >>> out.getvalue()
    b'<http://a.example/s> <http://a.example/p> "x" .\\n'
    """
    from newsgraph.graph.rdf import prefixes_of

    rdf_format, _ = EXPORT_FORMATS[format_name]
    prefixes = prefixes_of(base) \
        if rdf_format in {ox.RdfFormat.TURTLE, ox.RdfFormat.RDF_XML} else None
    store.dump(stream, rdf_format, from_graph=ox.DefaultGraph(), prefixes=prefixes)


def rdflib_graph(store: ox.Store) -> Graph:
    """An rdflib ``Graph`` over a pyoxigraph store (through oxrdflib), for rdflib's API and
    pySHACL, with newsgraph's prefixes bound.

    >>> len(rdflib_graph(ox.Store()))
    0
    """
    from oxrdflib import OxigraphStore
    from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

    from newsgraph.graph.rdf import bind_prefixes

    # the build loads the triples into the store's default graph
    graph = Graph(store=OxigraphStore(store=store), identifier=DATASET_DEFAULT_GRAPH_ID)
    return bind_prefixes(graph)
