"""The interactive view, ``graph.html``: one self-contained page.

Examples
--------
>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("x", type="Country", label="<Japan>")
>>> "&lt;Japan&gt;" in render_html(G)
True
"""

from __future__ import annotations

import html
from typing import IO

import networkx as nx

__all__ = ["render_html", "write_html"]


def render_html(G: nx.MultiDiGraph, *, title: str = "newsgraph") -> str:
    """The page as text: a list of entities and relations."""
    items = [
        f"<li>{html.escape(data['type'])}: {html.escape(data['label'])}</li>"
        for _, data in G.nodes(data=True)
    ]
    return (
        f"<!doctype html><meta charset='utf-8'><title>{html.escape(title)}</title>"
        f"<ul>{''.join(items)}</ul>"
    )


def write_html(G: nx.MultiDiGraph, stream: IO[bytes], *, title: str = "newsgraph") -> None:
    """Write the page to a binary stream."""
    stream.write(render_html(G, title=title).encode("utf-8"))
