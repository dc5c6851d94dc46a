"""newsgraph's exceptions.

::

    NewsgraphError          anything newsgraph reports as one line: "{source}: {message}"
    └── SourceError         a source could not be read or held nothing usable
"""

from __future__ import annotations

__all__ = ["NewsgraphError", "SourceError"]


class NewsgraphError(Exception):
    """An error tied to one source (a path, URL or graph file)."""

    def __init__(self, source: str, message: str) -> None:
        super().__init__(f"{source}: {message}")
        self.source = source
        self.message = message


class SourceError(NewsgraphError):
    """A source could not be read, or held nothing usable."""
