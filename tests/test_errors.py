"""The exception tree and its one-line messages."""

import pytest

from newsgraph import errors
from newsgraph.errors import NewsgraphError, SourceError


@pytest.mark.parametrize(
    "name",
    ["SourceError", "FetchError", "FeedError", "EmptySourceError", "TooLargeError",
     "DecodeError"],
)
def test_tree(name):
    cls = getattr(errors, name)
    assert issubclass(cls, NewsgraphError)
    assert name == "SourceError" or issubclass(cls, SourceError)


def test_exported_members():
    import inspect

    public = {n for n in dir(errors) if not n.startswith("_") and (n[0].isupper() or (
        inspect.isfunction(getattr(errors, n)) and getattr(errors, n).__module__ == errors.__name__
    ))}
    assert sorted(errors.__all__, key=lambda n: (n[0].islower(), n)) == errors.__all__
    assert set(errors.__all__) == public


@pytest.mark.parametrize(
    "source, message, line",
    [
        ("a.txt", "is empty", "a.txt: is empty"),
        ("evil\nname.txt", "bad\u2028title", "evil name.txt: bad title"),
    ],
)
def test_line_is_one_line(source, message, line):
    error = errors.FeedError(source, message)
    assert (error.line(), str(error), error.source, error.message) == (
        line, line, source, message
    )


@pytest.mark.parametrize(
    "source, message, line",
    [
        ("a\x1b[2J.txt", "is \x1b]0;pwned\x07 here", "a\\x1b[2J.txt: is \\x1b]0;pwned\\x07 here"),
        ("\u202etxt.exe", "x\u2066y\x9b", "\\u202etxt.exe: x\\u2066y\\x9b"),
        ("tab\tname", "a\r\nb", "tab name: a b"),
    ],
)
def test_line_escapes_terminal_controls(source, message, line):
    assert errors.FetchError(source, message).line() == line


@pytest.mark.parametrize(
    "error",
    [
        errors.QuerySyntaxError("expected '}'", line=2, column=7, source="q.rq"),
        errors.GraphNotFoundError("out/graph.ttl"),
        errors.FetchError("http://x.test/", "timed out"),
    ],
)
def test_errors_survive_pickling(error):
    import pickle

    copy = pickle.loads(pickle.dumps(error))
    assert (type(copy), copy.line(), copy.source, copy.message) == (
        type(error), error.line(), error.source, error.message)
    if isinstance(error, errors.QuerySyntaxError):
        assert (copy.line_number, copy.column) == (2, 7)
