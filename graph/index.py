"""The folder's index: what every document said about each name, and what the graph holds.

Entity resolution (:mod:`newsgraph.graph.resolve`) decides on aggregates: for each node key,
the names written under it and how often, the type votes, the policy kinds, the names a
document gave as one thing, the documents naming it. ``names.sqlite`` in a graph folder keeps
those aggregates, so that an add reads only its new documents' entities and updates the
aggregates in place (:func:`add_extractions`), instead of reading every entity of every
cached extraction again. :func:`read_seen` hands the aggregates back as resolution takes them,
and resolving them gives what resolving all the documents at once gives, merges and all:

- sums (mentions, type votes) do not depend on the order they are added in (the votes are
  multiples of 1/4, summed exactly);
- where the order matters (ties between names or policy kinds go to the first seen, the
  order of names one document gave as one thing), each row keeps where it was first seen:
  the digest of its article's id (the order a build takes articles in), the entity's place in
  the article and the name's place in the entity;
- the documents naming each key, used only for the merge log and one rule, are fetched on
  demand, by key.

The index also keeps a digest of each subject's triples in the graph last written, and the
digest of that ``graph.ttl`` (:func:`subject_delta`, :func:`turtle`): an add then finds the
subjects whose triples changed without parsing the previous ``graph.ttl``, and writes only
those to the store (:class:`~newsgraph.graph.store.SubjectDelta`). The digests are compared
on the Turtle writer's way (:func:`delta_rows`), and with how that ``graph.ttl`` was written
(:func:`turtle_format`) and the digest of the ``graph.jsonld`` written with it
(:func:`export`), an add copies the unchanged subjects' blocks of both files instead of
writing them again.

The index is written in one transaction that a build commits after its files (:func:`open_index`
is a context manager that rolls back on error); it records which articles it holds, and a
build whose cache holds other articles (a build killed before the commit, a cache edited by
hand) builds it again from the cache (:func:`matches`).

Examples
--------
>>> import tempfile
>>> from newsgraph.graph.resolve import resolve_seen
>>> from newsgraph.ingest.documents import Article, Entity, Extraction
>>> one = Extraction(Article(id="a", text="", source="a.txt"),
...                  (Entity("Intel Corp.", "Organisation"),))
>>> two = Extraction(Article(id="b", text="", source="b.txt"), (Entity("Intel", "Organisation"),))
>>> folder = Path(tempfile.mkdtemp())
>>> with open_index(folder) as index:
...     add_extractions(index, [one])
>>> with open_index(folder) as index:
...     add_extractions(index, [two])
...     groups, merges = resolve_seen(read_seen(index))
>>> [(g.label, g.aliases) for g in groups], [m.documents for m in merges]
([('Intel', ('Intel Corp.',))], [('a.txt', 'b.txt')])
"""

from __future__ import annotations

import sqlite3
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from newsgraph.graph.iris import digest
from newsgraph.graph.resolve import Seen, entity_key, is_short_form
from newsgraph.graph.store import Row, SubjectDelta, ntriples, subject_blocks
from newsgraph.ingest.documents import Extraction
from newsgraph.ingest.names import WEIGHTS

__all__ = [
    "INDEX_NAME",
    "EachSubject",
    "Rows",
    "add_extractions",
    "clear",
    "connect",
    "delta_rows",
    "export",
    "extraction_rows",
    "files",
    "indexed_articles",
    "matches",
    "open_index",
    "read_seen",
    "seen_of",
    "set_export",
    "set_file",
    "set_turtle",
    "subject_count",
    "subject_delta",
    "turtle",
    "turtle_format",
]

#: The index's file name inside a graph folder.
INDEX_NAME = "names.sqlite"
#: Bumped when the tables change: an index of another version is built again.
_VERSION = "4"

_Key = tuple[str, str]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (id TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS forms (family TEXT, key TEXT, form TEXT, count INTEGER,
    first TEXT, PRIMARY KEY (family, key, form)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS votes (family TEXT, key TEXT, kind TEXT, weight REAL,
    PRIMARY KEY (family, key, kind)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS kinds (family TEXT, key TEXT, kind TEXT, count INTEGER,
    first TEXT, PRIMARY KEY (family, key, kind)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS pairs (family TEXT, key TEXT, other_family TEXT, other_key TEXT,
    first TEXT, PRIMARY KEY (family, key, other_family, other_key)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS links (family TEXT, key TEXT, word_family TEXT, word_key TEXT,
    PRIMARY KEY (family, key, word_family, word_key)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS documents (family TEXT, key TEXT, document TEXT,
    PRIMARY KEY (family, key, document)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS named (family TEXT, key TEXT, document TEXT,
    PRIMARY KEY (family, key, document)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS subjects (iri TEXT PRIMARY KEY, digest TEXT) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS keyed (family TEXT, key TEXT, article TEXT,
    PRIMARY KEY (family, key, article)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS keynodes (family TEXT, key TEXT, iri TEXT, type TEXT,
    PRIMARY KEY (family, key)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS nodes (iri TEXT PRIMARY KEY, digest TEXT, type TEXT, kind TEXT)
    WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS owners (a TEXT, b TEXT, iri TEXT, kind TEXT, article TEXT,
    PRIMARY KEY (a, b, iri)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS owners_b ON owners (b);
CREATE INDEX IF NOT EXISTS owners_article ON owners (article);
"""
_TABLES = ("articles", "forms", "votes", "kinds", "pairs", "links", "documents", "named",
           "subjects", "keyed", "keynodes", "nodes", "owners")


def connect(folder: Path) -> sqlite3.Connection:
    """The folder's index, created if need be, in a write transaction the caller commits or
    rolls back (``connection.execute("COMMIT")``). An index of another version is emptied."""
    connection = sqlite3.connect(folder / INDEX_NAME, isolation_level=None)
    try:
        connection.execute("PRAGMA cache_size = -65536")  # 64 MiB: a large add stays in memory
        connection.executescript(_SCHEMA)  # each table in its own transaction, if new
        connection.execute("BEGIN IMMEDIATE")
        found = connection.execute("SELECT value FROM meta WHERE name = 'version'").fetchone()
        if found is None or found[0] != _VERSION:
            clear(connection)
    except BaseException:
        connection.close()  # closing rolls back
        raise
    return connection


@contextmanager
def open_index(folder: Path) -> Iterator[sqlite3.Connection]:
    """:func:`connect`, committed when the block ends without error, rolled back otherwise."""
    connection = connect(folder)
    try:
        yield connection
        connection.execute("COMMIT")
    finally:
        connection.close()  # closing an open transaction rolls it back


def clear(index: sqlite3.Connection) -> None:
    """Empty the index (in the open transaction)."""
    for table in _TABLES:
        index.execute(f"DELETE FROM {table}")
    index.execute("DELETE FROM meta")
    index.execute("INSERT INTO meta VALUES ('version', ?)", (_VERSION,))


def indexed_articles(index: sqlite3.Connection) -> set[str]:
    """The ids of the articles the index holds."""
    return {row[0] for row in index.execute("SELECT id FROM articles")}


def matches(index: sqlite3.Connection, ids: Iterable[str]) -> bool:
    """Whether the index holds exactly the articles of ``ids``."""
    return indexed_articles(index) == set(ids)


def _position(article: str, entity: int, slot: int) -> str:
    """Where a name was first seen, as text that sorts in the order a build reads names."""
    return f"{article}{entity:08x}{slot:08x}"


#: Extractions whose rows are gathered in memory before they are written (a first build of a
#: large corpus then holds the rows of one chunk at a time).
_CHUNK = 5000


def add_extractions(index: sqlite3.Connection, extractions: Iterable[Extraction]) -> None:
    """Add what the entities of ``extractions`` say to the index (articles it holds already
    are skipped). Only the rows of these extractions are written, a chunk at a time: the
    counts add up and the first places seen are the least, whatever the chunks."""
    held = indexed_articles(index)
    chunk: list[Extraction] = []
    for extraction in extractions:
        chunk.append(extraction)
        if len(chunk) == _CHUNK:
            _add_chunk(index, chunk, held)
            chunk = []
    _add_chunk(index, chunk, held)


@dataclass
class Rows:
    """What some extractions say about each name key, as the index's tables hold it: each
    table's rows by their key columns, with the counts, weights and first places seen.

    The rows of several sets of extractions add up (counts and weights summed, the least
    first place kept) to the rows of them all: the index adds them to its tables, and a
    cluster (:mod:`newsgraph.graph.partitioned`) sums the rows of its partitions.
    """

    articles: list[str] = field(default_factory=list)
    forms: dict[tuple[str, str, str], tuple[int, str]] = field(default_factory=dict)
    votes: dict[tuple[str, str, str], float] = field(
        default_factory=lambda: defaultdict(float))
    kinds: dict[tuple[str, str, str], tuple[int, str]] = field(default_factory=dict)
    pairs: dict[tuple[str, str, str, str], str] = field(default_factory=dict)
    links: set[tuple[str, str, str, str]] = field(default_factory=set)
    documents: set[tuple[str, str, str]] = field(default_factory=set)
    named: set[tuple[str, str, str]] = field(default_factory=set)


def extraction_rows(extractions: Iterable[Extraction], held: set[str] | None = None) -> Rows:
    """The rows of ``extractions``, but those of articles in ``held`` (updated with the
    articles read).

    >>> from newsgraph.ingest.documents import Article, Entity
    >>> x = Extraction(Article(id="a", text="", source="a.txt"),
    ...                (Entity("Intel Corp.", "Organisation"),))
    >>> extraction_rows([x]).forms
    {('Agent', 'intel', 'Intel Corp.'): (1, 'ca978112ca1bbdca0000000000000000')}
    """
    held = set() if held is None else held
    rows = Rows()
    forms, votes, kinds, pairs = rows.forms, rows.votes, rows.kinds, rows.pairs
    links, documents, named = rows.links, rows.documents, rows.named

    def seen(table: dict[tuple[str, str, str], tuple[int, str]], row: tuple[str, str, str],
             count: int, where: str) -> None:
        found = table.get(row)
        table[row] = (count, where) if found is None else (found[0] + count, min(found[1], where))

    for extraction in extractions:
        article = extraction.article
        if article.id in held:
            continue
        held.add(article.id)
        rows.articles.append(article.id)
        document = article.link or article.source
        hashed = digest(article.id)
        for number, entity in enumerate(extraction.entities):
            first = entity_key(entity.name, entity.type)
            seen(forms, (*first, entity.name), entity.mentions, _position(hashed, number, 0))
            documents.add((*first, document))
            named.add((*first, document))
            for kind, weight in entity.votes or ((entity.type, WEIGHTS["keep"]),):
                votes[(*first, kind)] += weight
            if entity.kind:
                seen(kinds, (*first, entity.kind), 1, _position(hashed, number, 0))
            for slot, alias in enumerate(entity.aliases, 1):
                other = entity_key(alias, entity.type)
                seen(forms, (*other, alias), 0, _position(hashed, number, slot))
                documents.add((*other, document))
                if other == first:
                    continue
                if is_short_form(first, other):
                    links.add((*first, *other))
                else:
                    pair = (*first, *other)
                    where = _position(hashed, number, slot)
                    pairs[pair] = min(pairs.get(pair, where), where)
    return rows


def _add_chunk(index: sqlite3.Connection, extractions: list[Extraction], held: set[str]) -> None:
    rows = extraction_rows(extractions, held)
    forms, votes, kinds, pairs = rows.forms, rows.votes, rows.kinds, rows.pairs
    links, documents, named = rows.links, rows.documents, rows.named
    articles = [(article,) for article in rows.articles]
    index.executemany("INSERT INTO articles VALUES (?)", sorted(articles))
    index.executemany(
        "INSERT INTO forms VALUES (?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET "
        "count = count + excluded.count, first = min(first, excluded.first)",
        sorted((*row, count, where) for row, (count, where) in forms.items()))
    index.executemany(
        "INSERT INTO votes VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET "
        "weight = weight + excluded.weight",
        sorted((*row, weight) for row, weight in votes.items()))
    index.executemany(
        "INSERT INTO kinds VALUES (?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET "
        "count = count + excluded.count, first = min(first, excluded.first)",
        sorted((*row, count, where) for row, (count, where) in kinds.items()))
    index.executemany(
        "INSERT INTO pairs VALUES (?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET "
        "first = min(first, excluded.first)",
        sorted((*row, where) for row, where in pairs.items()))
    index.executemany("INSERT OR IGNORE INTO links VALUES (?, ?, ?, ?)", sorted(links))
    index.executemany("INSERT OR IGNORE INTO documents VALUES (?, ?, ?)", sorted(documents))
    index.executemany("INSERT OR IGNORE INTO named VALUES (?, ?, ?)", sorted(named))
    # which article looks up which name key (its entities' and its credits'): an add finds
    # the articles whose nodes changed from the keys whose node changed
    from newsgraph.graph.build import name_keys

    read = set(rows.articles)
    keyed = {(*key, x.article.id) for x in extractions if x.article.id in read
             for key in name_keys(x)}
    index.executemany("INSERT OR IGNORE INTO keyed VALUES (?, ?, ?)", sorted(keyed))


class _Documents(Mapping[_Key, set[str]]):
    """The documents of each key, read from a table of the index when first asked for."""

    def __init__(self, index: sqlite3.Connection, table: str) -> None:
        self._index, self._table = index, table
        self._read: dict[_Key, set[str]] = {}
        self._query = f"SELECT document FROM {table} WHERE family = ? AND key = ?"

    def __getitem__(self, key: _Key) -> set[str]:
        found = self._read.get(key)
        if found is None:
            found = {row[0] for row in self._index.execute(self._query, key)}
            self._read[key] = found
        return found

    def get(self, key: _Key, default: object = None) -> set[str]:
        return self[key]

    def __iter__(self) -> Iterator[_Key]:
        query = f"SELECT DISTINCT family, key FROM {self._table}"
        return iter([(row[0], row[1]) for row in self._index.execute(query)])

    def __len__(self) -> int:
        return sum(1 for _ in self)


def read_seen(index: sqlite3.Connection) -> Seen:
    """The aggregates of every article in the index, as :func:`~newsgraph.graph.resolve.
    resolve_seen` takes them: the same as reading all their entities in one go."""
    return seen_of(
        index.execute("SELECT family, key, form, count FROM forms "
                      "ORDER BY first, family, key, form"),
        index.execute("SELECT family, key, kind, weight FROM votes ORDER BY family, key, kind"),
        index.execute("SELECT family, key, kind, count FROM kinds "
                      "ORDER BY first, family, key, kind"),
        index.execute("SELECT family, key, other_family, other_key FROM pairs "
                      "ORDER BY first, family, key, other_family, other_key"),
        index.execute("SELECT family, key, word_family, word_key FROM links "
                      "ORDER BY 1, 2, 3, 4"),
        _Documents(index, "documents"), _Documents(index, "named"))


def seen_of(
    forms: Iterable[tuple[str, str, str, int]],
    votes: Iterable[tuple[str, str, str, float]],
    kinds: Iterable[tuple[str, str, str, int]],
    pairs: Iterable[tuple[str, str, str, str]],
    links: Iterable[tuple[str, str, str, str]],
    documents: Mapping[_Key, set[str]],
    named: Mapping[_Key, set[str]],
) -> Seen:
    """The aggregates resolution takes, from the summed rows of each table: ``forms``,
    ``kinds`` and ``pairs`` in the order of their first places seen (then of their key
    columns), ``votes`` and ``links`` in the order of their key columns.

    >>> dict(seen_of([("Agent", "intel", "Intel Corp.", 1)], [], [], [], [], {}, {}).forms)
    {('Agent', 'intel'): Counter({'Intel Corp.': 1})}
    """
    seen = Seen()
    found_forms: dict[_Key, Counter[str]] = defaultdict(Counter)
    for family, key, form, count in forms:
        found_forms[(family, key)][form] = count
    seen.forms = found_forms
    found_votes: dict[_Key, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for family, key, kind, weight in votes:
        found_votes[(family, key)][kind] = weight
    seen.votes = found_votes
    found_kinds: dict[_Key, Counter[str]] = defaultdict(Counter)
    for family, key, kind, count in kinds:
        found_kinds[(family, key)][kind] = count
    seen.kinds = found_kinds
    seen.pairs = [((a, b), (c, d)) for a, b, c, d in pairs]
    seen.links = [((a, b), (c, d), "") for a, b, c, d in links]
    seen.documents = documents
    seen.named = named
    return seen


def turtle(index: sqlite3.Connection) -> str | None:
    """The digest of the ``graph.ttl`` whose subjects the index holds digests of, if any."""
    found = index.execute("SELECT value FROM meta WHERE name = 'turtle'").fetchone()
    return None if found is None else str(found[0])


def set_turtle(index: sqlite3.Connection, digest_: str, *, written_as: str | None = None) -> None:
    """Record that the subject digests are those of the ``graph.ttl`` of this digest, and
    how it was written (:data:`~newsgraph.graph.rdf.TURTLE_FORMAT`)."""
    index.execute("INSERT OR REPLACE INTO meta VALUES ('turtle', ?)", (digest_,))
    if written_as is None:
        index.execute("DELETE FROM meta WHERE name = 'turtle_format'")
    else:
        index.execute("INSERT OR REPLACE INTO meta VALUES ('turtle_format', ?)", (written_as,))


def set_export(index: sqlite3.Connection, name: str, digest_: str | None) -> None:
    """Record the digest of the export ``name`` written with the ``graph.ttl`` the index
    describes (None: it was not written)."""
    index.execute("DELETE FROM meta WHERE name = ?", (f"export {name}",))
    if digest_ is not None:
        index.execute("INSERT INTO meta VALUES (?, ?)", (f"export {name}", digest_))


def export(index: sqlite3.Connection, name: str) -> str | None:
    """The digest of the export ``name`` written with the ``graph.ttl`` the index describes,
    if it was."""
    found = index.execute("SELECT value FROM meta WHERE name = ?", (f"export {name}",)).fetchone()
    return None if found is None else str(found[0])


def files(index: sqlite3.Connection) -> dict[str, tuple[int, int, str]]:
    """The folder's files whose digests the index keeps with their size and modification
    time (ns), by name (:mod:`newsgraph.graph.digests`)."""
    found: dict[str, tuple[int, int, str]] = {}
    for name, value in index.execute("SELECT name, value FROM meta WHERE name LIKE 'file %'"):
        size, mtime_ns, digest_ = str(value).split(" ")
        found[str(name)[len("file "):]] = (int(size), int(mtime_ns), digest_)
    return found


def set_file(index: sqlite3.Connection, name: str,
             known: tuple[int, int, str] | None) -> None:
    """Record the size, modification time (ns) and digest of the folder's file ``name`` (None:
    not known)."""
    index.execute("DELETE FROM meta WHERE name = ?", (f"file {name}",))
    if known is not None:
        index.execute("INSERT INTO meta VALUES (?, ?)",
                      (f"file {name}", " ".join(map(str, known))))


def turtle_format(index: sqlite3.Connection) -> str | None:
    """How the ``graph.ttl`` the index describes was written, if it was recorded."""
    found = index.execute("SELECT value FROM meta WHERE name = 'turtle_format'").fetchone()
    return None if found is None else str(found[0])


def subject_count(index: sqlite3.Connection) -> int:
    """How many subjects the graph the index's digests describe has."""
    return int(index.execute("SELECT count(*) FROM subjects").fetchone()[0])


def subject_delta(
    index: sqlite3.Connection, rows: Iterable[Row], *, keep: bool = True
) -> SubjectDelta:
    """The subjects whose triples differ between the graph the index's digests describe and
    ``rows`` (sorted by subject), with their new triples; the digests are brought up to date.

    Only the triples of changed subjects are kept in memory (none with ``keep=False``, when
    only the digests are wanted: the delta is then empty); each subject's digest is that of
    its rows. The digests held are read a page at a time, in subject order, beside the rows.

    >>> import tempfile
    >>> rows = [("http://a.example/s", 2, "http://a.example/p", 0, "http://a.example/o", "")]
    >>> with open_index(Path(tempfile.mkdtemp())) as index:
    ...     first = subject_delta(index, rows)
    ...     again = subject_delta(index, rows)
    ...     gone = subject_delta(index, [])
    >>> first.subjects, again, gone.subjects
    (('http://a.example/s',), SubjectDelta(subjects=(), triples=b''), ('http://a.example/s',))
    """
    found: list[SubjectDelta | sqlite3.Error | None] = []
    for _ in delta_rows(index, rows, found, keep=keep):
        pass
    delta = found[0]
    if isinstance(delta, sqlite3.Error):
        raise delta
    assert delta is not None  # no limit was given: the delta is kept whatever its size
    return delta


#: Told of each subject :func:`delta_rows` meets: the subject, its rows, how many subjects
#: of the graph the digests describe were passed over before it or are its own but changed
#: (their triples are no longer the graph's), and whether its triples are unchanged.
EachSubject = Callable[[str, list[Row], int, bool], None]


def delta_rows(
    index: sqlite3.Connection, rows: Iterable[Row],
    found: list[SubjectDelta | sqlite3.Error | None], *, keep: bool = True,
    each: EachSubject | None = None, most: int | None = None,
) -> Iterator[Row]:
    """``rows`` (sorted by subject) given on as they come, for a writer, their
    :func:`subject_delta` found on the way: once the last row is given, the delta (or the
    SQLite error that stopped it, the rows still all given) is appended to ``found``.
    ``each`` is told of each subject in turn (not after an error). Where the changed
    subjects' triples come to more than ``most`` bytes, none are kept and None is appended
    for the delta (the digests are brought up to date all the same): loading the whole
    graph is then cheaper than holding them (a new rule set changes every assertion).

    The Turtle writer's rows so give the store's delta, without making every row again.

    >>> import tempfile
    >>> rows = [("http://a.example/s", 2, "http://a.example/p", 0, "http://a.example/o", "")]
    >>> found = []
    >>> with open_index(Path(tempfile.mkdtemp())) as index:
    ...     list(delta_rows(index, rows, found)) == rows
    True
    >>> found[0].subjects
    ('http://a.example/s',)
    """
    changed: list[tuple[str, str]] = []
    removed: list[str] = []
    replaced: list[str] = []
    gone: list[str] = []
    triples: list[bytes] = []
    kept = 0
    too_large = False

    def write() -> None:
        # only subjects up to the last page read are written, so no page reads them back
        index.executemany("DELETE FROM subjects WHERE iri = ?", [(s,) for s in removed])
        index.executemany("INSERT OR REPLACE INTO subjects VALUES (?, ?)", changed)
        removed.clear()
        changed.clear()

    failed: sqlite3.Error | None = None
    held = _held_digests(index, before_page=write)
    head: tuple[str, str] | None = None
    try:
        head = next(held, None)
    except sqlite3.Error as error:
        failed = error
    for subject, block in subject_blocks(rows):
        yield from block
        if failed is not None:
            continue
        try:
            passed = 0
            while head is not None and head[0] < subject:
                removed.append(head[0])
                if keep:
                    gone.append(head[0])
                head = next(held, None)
                passed += 1
            before = None
            if head is not None and head[0] == subject:
                before, head = head[1], next(held, None)
            hashed = digest(repr(block))
            if before != hashed:
                changed.append((subject, hashed))
                if keep:
                    replaced.append(subject)
                    triples.append(ntriples(block))
                    kept += len(triples[-1])
                    if most is not None and kept > most:
                        keep, too_large = False, True
                        replaced.clear()
                        gone.clear()
                        triples.clear()
        except sqlite3.Error as error:
            failed = error
            continue
        if each is not None:
            each(subject, block, passed + (before is not None and before != hashed),
                 before == hashed)
    if failed is None:
        try:
            while head is not None:
                removed.append(head[0])
                if keep:
                    gone.append(head[0])
                head = next(held, None)
            write()
        except sqlite3.Error as error:
            failed = error
    found.append(failed if failed is not None else None if too_large
                 else SubjectDelta(tuple(replaced + gone), b"".join(triples)))


#: Subject digests read from the index at a time.
_PAGE = 20_000


def _held_digests(
    index: sqlite3.Connection, *, before_page: Callable[[], None]
) -> Iterator[tuple[str, str]]:
    """Each subject's digest the index holds, in subject order (SQLite's binary order of UTF-8
    text is Python's order of strings), read a page at a time; ``before_page`` is called
    before each page is read."""
    last = ""
    while True:
        before_page()
        page = index.execute("SELECT iri, digest FROM subjects WHERE iri > ? ORDER BY iri "
                             "LIMIT ?", (last, _PAGE)).fetchall()
        yield from page
        if len(page) < _PAGE:
            return
        last = page[-1][0]
