"""The digests of a graph folder's files, each read and hashed at most once.

An add checks that each file it merges from is the one the index describes (``graph.ttl``,
``graph.jsonld``, ``graph.graphml``, ``graph.json``: by their SHA-256), and records the digests
of the files it writes; the store's generation is named by ``graph.ttl``'s. Hashed from the
files, that was 1.2 GB read and hashed before an add of 100,000 documents and again after it
(``graph.ttl`` twice each time). Now a file written through :class:`HashingStream` is hashed on
its way out, and a digest is remembered with the file's size and modification time
(:func:`remember`), in the process and, through the index, for the next build
(:func:`known`): a file whose size and modification time are still those is not read again.

A digest is remembered only for a file written at least :data:`SETTLED_NS` before it was
renamed into place. File times have the resolution of the kernel's clock tick, so a file
changed in the same tick as the build's last write to it could keep its time; any change
after a later tick shows in its time (or size). A file copied with its times kept (``cp
-a``) keeps its digest, as ``make`` and ``rsync`` take it; a file replaced by another of the
same size with the same time set by hand is the one case this does not see.

Examples
--------
>>> import io, tempfile
>>> from pathlib import Path
>>> path = Path(tempfile.mkdtemp()) / "graph.ttl"
>>> stream = HashingStream(io.BytesIO())
>>> _ = stream.write(b"<a> <b> <c> .\\n")
>>> _ = path.write_bytes(b"<a> <b> <c> .\\n")
>>> stream.digest() == file_digest(path)
True
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import IO, Any

__all__ = ["DIGEST_LENGTH", "SETTLED_NS", "HashingStream", "file_digest", "forget", "known",
           "remember", "remembered", "settled"]

#: Hex characters of a digest kept (of SHA-256's 64).
DIGEST_LENGTH = 32
#: How long before its rename a file must have been last written for its digest to be
#: remembered by its size and time: well past the kernel clock's tick (1 to 10 ms).
SETTLED_NS = 1_000_000_000

#: What is known of files hashed or written: each path's size, modification time (ns) and
#: digest.
_KNOWN: dict[str, tuple[int, int, str]] = {}


def _key(path: Path) -> str:
    return os.path.realpath(path)


def file_digest(path: Path) -> str:
    """The hex SHA-256 of a file, its first :data:`DIGEST_LENGTH` characters: remembered
    (:func:`remember`) while the file keeps its size and modification time, else read."""
    stat = path.stat()
    found = _KNOWN.get(_key(path))
    if found is not None and found[:2] == (stat.st_size, stat.st_mtime_ns):
        return found[2]
    read = time.time_ns()
    digest = _hashed(path)
    if settled(stat.st_mtime_ns, read):
        remember(path, stat.st_size, stat.st_mtime_ns, digest)
    return digest


def _hashed(path: Path) -> str:
    """The file's digest, read."""
    sha = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            sha.update(block)
    return sha.hexdigest()[:DIGEST_LENGTH]


def remember(path: Path, size: int, mtime_ns: int, digest: str) -> None:
    """Take ``digest`` for ``path`` while it has this size and modification time."""
    _KNOWN[_key(path)] = (size, mtime_ns, digest)


def forget(paths: Iterable[Path]) -> None:
    """Let go what is remembered of ``paths``."""
    for path in paths:
        _KNOWN.pop(_key(path), None)


def known(path: Path) -> tuple[int, int, str] | None:
    """What is remembered of ``path`` (its size, time and digest), where the file still has
    them; else None.

    >>> known(Path("no/such/file")) is None
    True
    """
    found = _KNOWN.get(_key(path))
    try:
        stat = path.stat()
    except OSError:
        return None
    return found if found is not None and found[:2] == (stat.st_size, stat.st_mtime_ns) else None


def settled(mtime_ns: int, before_ns: int | None = None) -> bool:
    """Whether a file last written at ``mtime_ns`` was written :data:`SETTLED_NS` before
    ``before_ns`` (by default now): a later change cannot keep its time.

    >>> settled(0), settled(time.time_ns())
    (True, False)
    """
    return (time.time_ns() if before_ns is None else before_ns) - mtime_ns >= SETTLED_NS


class HashingStream:
    """A binary stream that passes what is written on to ``stream`` and hashes it.

    >>> import io
    >>> stream = HashingStream(io.BytesIO())
    >>> stream.write(b"abc"), stream.digest()[:8]
    (3, 'ba7816bf')
    """

    def __init__(self, stream: IO[bytes]) -> None:
        self._stream = stream
        self._sha = hashlib.sha256()

    def write(self, data: Any) -> int:
        self._sha.update(data)
        return self._stream.write(data)

    def digest(self) -> str:
        """The hex digest of what was written, as :func:`file_digest` gives it."""
        return self._sha.hexdigest()[:DIGEST_LENGTH]

    def __getattr__(self, name: str) -> Any:  # flush, fileno, writable, …: the stream's
        return getattr(self._stream, name)


def remembered(files: Mapping[str, tuple[int, int, str]], folder: Path) -> None:
    """Remember the digests the index kept of the folder's files (by name), as
    :func:`remember` does."""
    for name, (size, mtime_ns, digest) in files.items():
        remember(folder / name, size, mtime_ns, digest)
