"""The errors newsgraph reports, and their messages.

Every error carries the ``source`` it is about (a path, a folder, a URL) and a message that says
what was expected and what came, so that the command line can print one line per failed source,
``{source}: {message}``, and go on with the others.

Every error newsgraph raises is in this module, and the tree is small on purpose::

    NewsgraphError              root: the CLI catches only this
    ├── SourceError             a source (or a part of one) could not be read or used
    │   ├── FetchError          the network: refused, timed out, HTTP error status, redirects
    │   ├── TooLargeError       more bytes than the size limit
    │   ├── EmptySourceError    nothing to read: an empty file, a feed with no items
    │   ├── DecodeError         binary junk, or bytes that decode as no text encoding
    │   └── FeedError           a feed, an OPML list or an XML file that cannot be used
    ├── ModelError              the spaCy pipeline is not installed or cannot be loaded
    ├── AliasesError            an aliases file (``--aliases``) that cannot be used
    ├── LinksError              a links file (``--links``) that cannot be used
    ├── GraphNotFoundError      no built graph where one was expected
    ├── GraphReadError          a graph file that cannot be read (not Turtle, not JSON)
    ├── QuerySyntaxError        SPARQL that does not parse, with line and column
    ├── EvaluationError         gold data that cannot be used
    ├── EntityNotFoundError     no node has this IRI, label or alias (also a LookupError)
    └── AmbiguousEntityError    several nodes have this label (also a LookupError)

Messages that repeat live in :class:`Messages`, in one place.

>>> error = EmptySourceError("news/empty.txt", Messages.EMPTY_FILE)
>>> str(error)
'news/empty.txt: is empty (expected a feed, an article page or a text; got 0 bytes)'
>>> error.message
'is empty (expected a feed, an article page or a text; got 0 bytes)'
>>> isinstance(error, NewsgraphError)
True
"""

from __future__ import annotations

import re

__all__ = [
    "AliasesError",
    "AmbiguousEntityError",
    "DecodeError",
    "EmptySourceError",
    "EntityNotFoundError",
    "EvaluationError",
    "FeedError",
    "FetchError",
    "GraphNotFoundError",
    "GraphReadError",
    "LinksError",
    "Messages",
    "ModelError",
    "NewsgraphError",
    "QuerySyntaxError",
    "SourceError",
    "TooLargeError",
    "printable",
]


class NewsgraphError(Exception):
    """The root of every error newsgraph raises or reports.

    Parameters
    ----------
    source : str
        What the error is about: a file path, a folder, a URL.
    message : str
        What was expected and what came, without the source (``str(error)`` adds it).

    Examples
    --------
    >>> NewsgraphError("feed.xml", "is broken").line()
    'feed.xml: is broken'
    """

    def __init__(self, source: str, message: str) -> None:
        super().__init__(source, message)
        self.source = source
        self.message = message

    def __str__(self) -> str:
        return self.line()

    def __reduce__(self) -> tuple[object, ...]:
        # pickled across processes (the NLP pool, the query's subprocess) whatever __init__ takes
        return (_rebuild, (type(self), self.__dict__, self.args))

    def line(self) -> str:
        """The one line the command line prints: ``{source}: {message}``.

        Hostile input reaches both (a file name, a server's reason phrase): line breaks are
        flattened, and terminal control and bidirectional-override characters escaped.

        >>> NewsgraphError("a\\x1b[2J\\u202eb.txt", "is\\nbroken").line()
        'a\\\\x1b[2J\\\\u202eb.txt: is broken'
        """
        return printable(f"{self.source}: {self.message}")


def _rebuild(kind: type[NewsgraphError], state: dict[str, object],
             args: tuple[object, ...]) -> NewsgraphError:
    error = kind.__new__(kind)
    error.args = args
    error.__dict__.update(state)
    return error


_BREAKS = re.compile(r"[\s\u2028\u2029\x85]+")
#: C0 and C1 controls, and the characters that reorder text on a terminal (bidi controls).
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """``text`` as one line safe to print on a terminal: breaks flattened, controls escaped.

    >>> printable("Bad\\x1b]0;title\\x07 \\u202egnp.exe\\r\\n")
    'Bad\\\\x1b]0;title\\\\x07 \\\\u202egnp.exe'
    """
    if _BREAKS.search(text) and any(c in text for c in "\r\n\t\f\v\u2028\u2029\x85"):
        text = _BREAKS.sub(" ", text).strip()
    return _UNPRINTABLE.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


class SourceError(NewsgraphError):
    """A source, or one part of it (a file in a folder, a feed in an OPML list), is unusable."""


class FetchError(SourceError):
    """A URL could not be fetched: connection, timeout, HTTP status, redirects, scheme."""


class TooLargeError(SourceError):
    """A source is larger than the size limit; it is refused before it is read whole."""


class EmptySourceError(SourceError):
    """A source holds nothing to read: no bytes, only blanks, a feed without items."""


class DecodeError(SourceError):
    """A source is binary, or its bytes are text in no encoding that could be found."""


class FeedError(SourceError):
    """A feed, an OPML list or another XML document cannot be used (malformed, not a feed)."""


class ModelError(NewsgraphError):
    """The spaCy pipeline asked for is not installed, or cannot be loaded."""


class AliasesError(NewsgraphError):
    """An aliases file that cannot be used."""


class LinksError(NewsgraphError):
    """A links (reconciliation) file that cannot be used."""


class GraphNotFoundError(NewsgraphError):
    """No built graph where one was expected.

    >>> str(GraphNotFoundError("out/graph.ttl"))
    'out/graph.ttl: no graph here (run `newsgraph build` first)'
    """

    def __init__(self, source: str, message: str = "") -> None:
        super().__init__(source, message or Messages.NO_GRAPH)


class GraphReadError(NewsgraphError):
    """A graph file that cannot be read: not Turtle, not node-link JSON."""


class QuerySyntaxError(NewsgraphError):
    """A SPARQL query that does not parse, with the line and column (from 1) of the error.

    >>> str(QuerySyntaxError("expected '}'", line=2, column=7))
    "query: line 2, column 7: expected '}'"
    """

    def __init__(self, message: str, *, line: int, column: int, source: str = "query") -> None:
        super().__init__(source, f"line {line}, column {column}: {message}")
        self.line_number = line
        self.column = column


class EvaluationError(NewsgraphError):
    """Gold data that cannot be used."""


class EntityNotFoundError(NewsgraphError, LookupError):
    """No node of the graph has this IRI, label or alias."""


class AmbiguousEntityError(NewsgraphError, LookupError):
    """Several nodes have this label (or, with no label matching, this alias)."""


class Messages:
    """The messages that are used in more than one place (format with ``str.format``)."""

    EMPTY_FILE = "is empty (expected a feed, an article page or a text; got 0 bytes)"
    BLANK_FILE = "holds only blanks (expected a feed, an article page or a text; got {size} bytes)"
    EMPTY_FEED = "is a feed ({kind}) with no items (expected at least one <item> or <entry>)"
    EMPTY_PAGE = "is an HTML page with no main text (expected an article page)"
    EMPTY_FOLDER = "is a folder with no readable files (expected files in it)"
    EMPTY_OPML = "is an OPML list with no feeds (expected <outline xmlUrl=...>)"
    MALFORMED_FEED = "is a malformed feed ({kind}) with no usable items ({reason})"
    BLANK_ITEMS = "is a feed ({kind}) of {count}, none with a title or a text"
    NOT_A_FEED = (
        "is XML but not a feed (expected RSS, Atom, RDF or OPML; got a <{root}> document)"
    )
    BINARY = "is binary, not text (expected a feed, an article page or a text; got {what})"
    UNDECODABLE = "is not text in any encoding found (expected UTF-8, GB18030, Latin-1...)"
    TOO_LARGE = "is larger than the limit of {limit:,} bytes (got {size})"
    NOT_FOUND = "does not exist (expected a file, a folder or an http(s) URL)"
    NOT_REGULAR = "is not a regular file or folder (expected a file, a folder or a URL)"
    UNREADABLE = "cannot be read ({reason})"
    UNREADABLE_FOLDER = "is a folder that cannot be read ({reason}); its files were skipped"
    LINK_OUTSIDE = (
        "is a symbolic link to a file outside the folder ({target}); not read (name the file "
        "itself as a SOURCE to read it)"
    )
    OPML_CYCLE = "is an OPML list that leads back to itself ({way}); not read again"
    OPML_TOO_DEEP = (
        "is an OPML list nested in {limit} others ({way}); lists are followed {limit} deep"
    )
    BAD_SCHEME = "has an unsupported URL scheme (expected http or https; got {scheme!r})"
    HTTP_STATUS = "HTTP error {status} {reason} (expected 200 OK)"
    TIMEOUT = "timed out after {seconds:g} s ({phase})"
    DEADLINE = "took longer than the total deadline of {seconds:g} s ({received} bytes received)"
    BUDGET = ("stopped when the fetch budget of {seconds:g} s ran out ({received} bytes "
              "received; --fetch-budget gives more)")
    BUDGET_SPENT = ("not fetched: the fetch budget of {seconds:g} s is spent (--fetch-budget "
                    "gives more)")
    PRIVATE_HOST = (
        "refused: {host} is {kind} address (newsgraph fetches only from public addresses; "
        "--allow-private-hosts lets it fetch from intranet hosts)"
    )
    TOO_MANY_REDIRECTS = "redirected more than {limit} times (last to {location})"
    REDIRECT_LOOP = "redirects in a loop (back to {location})"
    BAD_REDIRECT = "redirects to an unusable location ({location!r})"
    CONNECTION = "could not connect ({reason})"
    PROTOCOL = "sent a broken HTTP response ({reason})"
    BAD_ENCODING = "is not valid {encoding} though it starts with its byte-order mark ({reason})"
    ARTICLE_FALLBACK = "article page unusable, kept the feed's description ({reason})"
    NO_GRAPH = "no graph here (run `newsgraph build` first)"
