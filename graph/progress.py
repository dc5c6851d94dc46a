"""A progress line for long builds: documents done, rate and time left, on a terminal only.

Examples
--------
>>> import io
>>> class Terminal(io.StringIO):
...     def isatty(self) -> bool:
...         return True
>>> ticks = iter([0.0, 2.0, 4.0, 4.0])
>>> screen = Terminal()
>>> list(progress(["a", "b"], total=2, stream=screen, clock=lambda: next(ticks)))
['a', 'b']
>>> screen.getvalue().replace("\\x1b[K", "").split("\\r")[1:]
['documents 1/2 · 0.5/s · 0:02 left', 'documents 2/2 · 0.5/s · 0:00 left', '\\n']
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from typing import TextIO, TypeVar

__all__ = ["progress"]

T = TypeVar("T")
_CLEAR_TO_END = "\x1b[K"


def _clock_text(seconds: float) -> str:
    minutes, secs = divmod(round(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def progress(
    items: Iterable[T],
    *,
    total: int,
    stream: TextIO,
    label: str = "documents",
    clock: Callable[[], float] = time.monotonic,
) -> Iterator[T]:
    """Yield ``items`` unchanged, redrawing one status line on ``stream`` if it is a terminal.

    Nothing is written when ``stream`` is not a terminal (a log file, a pipe, CI).
    """
    if not stream.isatty():
        yield from items
        return
    start = clock()
    for done, item in enumerate(items, 1):
        yield item
        elapsed = max(clock() - start, 1e-9)
        rate = done / elapsed
        left = (total - done) / rate if rate else 0.0
        line = f"{label} {done}/{total} · {rate:.1f}/s · {_clock_text(left)} left"
        stream.write(f"\r{line}{_CLEAR_TO_END}")
        stream.flush()
    stream.write("\r\n")
    stream.flush()
