import hashlib
import io
import os

import pytest

from newsgraph.graph.digests import (
    SETTLED_NS,
    HashingStream,
    file_digest,
    forget,
    known,
    remember,
    settled,
)


@pytest.fixture
def reads(hashing_reads):
    """The files read to hash them, by name."""
    return hashing_reads


def _sha(data):
    return hashlib.sha256(data).hexdigest()[:32]


def _written(path, data, *, ago_ns=10 * SETTLED_NS):
    """``data`` written to ``path``, last written ``ago_ns`` before now."""
    path.write_bytes(data)
    mtime = path.stat().st_mtime_ns - ago_ns
    os.utime(path, ns=(mtime, mtime))
    return path


def test_what_a_hashing_stream_passes_on_is_hashed_as_the_file():
    out = io.BytesIO()
    stream = HashingStream(out)
    for part in (b"<a> <b> ", memoryview(b"<c> .\n"), b""):
        stream.write(part)
    assert out.getvalue() == b"<a> <b> <c> .\n"
    assert stream.digest() == _sha(b"<a> <b> <c> .\n")
    assert stream.tell() == out.tell()  # the rest is the stream's


def test_a_settled_file_is_read_once(tmp_path, reads):
    path = _written(tmp_path / "graph.ttl", b"one")
    assert file_digest(path) == file_digest(path) == _sha(b"one")
    assert reads == ["graph.ttl"]
    assert known(path) == (3, path.stat().st_mtime_ns, _sha(b"one"))


def test_a_file_written_now_is_read_each_time(tmp_path, reads):
    path = _written(tmp_path / "graph.ttl", b"one", ago_ns=0)
    assert file_digest(path) == file_digest(path) == _sha(b"one")
    assert reads == ["graph.ttl", "graph.ttl"]
    assert known(path) is None


def test_a_file_whose_time_or_size_changed_is_read_again(tmp_path, reads):
    path = _written(tmp_path / "graph.ttl", b"one")
    file_digest(path)
    _written(path, b"two", ago_ns=5 * SETTLED_NS)  # the same size, another time
    assert file_digest(path) == _sha(b"two")
    remember(path, 3, path.stat().st_mtime_ns, _sha(b"two"))
    path.write_bytes(b"three")  # another size
    assert file_digest(path) == _sha(b"three")
    assert reads == ["graph.ttl"] * 3


def test_a_remembered_digest_is_taken_while_the_size_and_time_are_the_same(tmp_path, reads):
    path = _written(tmp_path / "graph.json", b"{}")
    stat = path.stat()
    remember(path, stat.st_size, stat.st_mtime_ns, "vouched")
    assert file_digest(path) == "vouched" and reads == []
    forget([path])
    assert file_digest(path) == _sha(b"{}") and reads == ["graph.json"]
    assert known(tmp_path / "gone") is None


def test_settled_is_a_second_before():
    assert settled(0, SETTLED_NS)
    assert not settled(1, SETTLED_NS)
