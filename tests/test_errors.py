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
    public = {n for n in dir(errors) if not n.startswith("_") and n[0].isupper()}
    assert sorted(errors.__all__) == errors.__all__
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
