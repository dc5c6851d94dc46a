"""newsgraph.graph._score is the reference scorer, shipped verbatim below its header."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

import pytest

#: The reference scorer in the project's shared folder, where there is one.
REFERENCE = Path("/work/shared/eval/score.py")
MARKER = b"# ---- eval/score.py, verbatim, below this line ----\n"


def _shipped() -> bytes:
    return files("newsgraph.graph").joinpath("_score.py").read_bytes()


def test_the_header_is_comments_ending_in_the_marker():
    header, marker, _ = _shipped().partition(MARKER)
    assert marker == MARKER
    assert all(line.startswith(b"# ") for line in header.splitlines())


@pytest.mark.skipif(not REFERENCE.is_file(), reason="the shared folder's eval/ is not here")
def test_below_the_header_is_the_reference_byte_for_byte():
    assert _shipped().partition(MARKER)[2] == REFERENCE.read_bytes()
