"""Package re-exports that import their module on first use (the ``lazy_loader.attach`` idiom).

>>> getattr_, dir_ = attach("pkg", {"dumps": "json"})
>>> getattr_("dumps").__name__
'dumps'
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from importlib import import_module
from typing import Any

__all__ = ["attach", "require_installed_name"]


def require_installed_name(name: str, installed: str | None = None) -> None:
    """Refuse a stage imported under its bare folder name.

    The checkout's ``graph/``, ``ingest/`` and ``ontology/`` folders are importable as top-level
    packages from the project root; one module loaded under two names would hold two copies of
    every registry and class, so each stage calls this first.

    >>> require_installed_name("newsgraph.graph")
    >>> require_installed_name("graph")
    Traceback (most recent call last):
    ...
    ImportError: graph: import this package as newsgraph.graph
    """
    if not name.startswith("newsgraph"):
        message = f"{name}: import this package as {installed or 'newsgraph.' + name}"
        raise ImportError(message)


def attach(
    package: str, exports: Mapping[str, str]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """A module ``__getattr__`` and ``__dir__`` for ``package`` that resolve ``exports``.

    ``exports`` maps each public name to the module that defines it; the module is imported
    when the name is first read, so importing the package itself imports nothing.
    """

    def __getattr__(name: str) -> Any:
        if name in exports:
            return getattr(import_module(exports[name]), name)
        message = f"module {package!r} has no attribute {name!r}"
        raise AttributeError(message)

    def __dir__() -> list[str]:
        return sorted(exports)

    return __getattr__, __dir__
