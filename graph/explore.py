"""Exploring a built graph from Jupyter or a script: load it, query it, look at it.

SPARQL answers come back as pandas DataFrames and the interactive view as an object that
Jupyter, JupyterLab and VS Code show inline. pandas is imported only when a table is asked for;
install it with ``pip install "newsgraph[notebook]"``. Like the command line, this module is an
edge: :func:`load_graph` and :func:`sparql` open paths (``newsgraph.build_or_load`` builds a
graph first where needed). The lookups and
tables over a graph (:func:`~newsgraph.graph.tables.find_entity`,
:func:`~newsgraph.graph.tables.relations`, ...) take a graph and return a value; they are in
:mod:`newsgraph.graph.tables`, and ``newsgraph.graph`` exports both modules' names.

Examples
--------
>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("https://w3id.org/newsgraph/id/country/united-states", type="Country",
...            label="United States", aliases=["US"], articles=[])
>>> sparql(G, "SELECT ?name WHERE { ?c a ng:Country ; rdfs:label ?name }")
            name
0  United States
>>> show(G, height=300)  # outside a notebook, the page is written to a file too
wrote .../newsgraph-view-....html
InlineView(height=300)
"""

from __future__ import annotations

import hashlib
import html
import os
import sys
import tempfile
import webbrowser
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

import networkx as nx
from rdflib import Graph, Literal
from rdflib.query import ResultRow

from newsgraph.errors import GraphNotFoundError, GraphReadError
from newsgraph.graph.html import render_html
from newsgraph.graph.iris import DEFAULT_BASE, turtle_base
from newsgraph.graph.nodelink import read_json
from newsgraph.graph.query import run_query
from newsgraph.graph.rdf import to_rdf
from newsgraph.graph.tables import _frame  # one place imports pandas and names the extra

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "InlineView",
    "load_graph",
    "show",
    "sparql",
]


def _graph_file(path: str | os.PathLike[str], name: str) -> Path:
    found = Path(path)
    if found.is_dir():
        found = found / name
    if not found.is_file():
        raise GraphNotFoundError(str(found))
    return found


def load_graph(path: str | os.PathLike[str]) -> nx.MultiDiGraph:
    """Read the networkx graph that ``newsgraph build`` wrote.

    Parameters
    ----------
    path
        A ``graph.json`` file, or the folder that holds it (``out/`` by default).

    Returns
    -------
    networkx.MultiDiGraph
        Nodes keyed by IRI, edges keyed by type, as :func:`newsgraph.graph.build_graph` makes them.

    Raises
    ------
    GraphNotFoundError
        When there is no ``graph.json`` there.
    GraphReadError
        When the file is not node-link JSON of a newsgraph graph.

    Examples
    --------
    >>> import networkx as nx, tempfile
    >>> from newsgraph.graph import write_json
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("id/japan", type="Country", label="Japan", aliases=[], articles=[])
    >>> folder = tempfile.mkdtemp()
    >>> with open(f"{folder}/graph.json", "wb") as stream:
    ...     write_json(G, stream)
    >>> load_graph(folder).nodes["id/japan"]["label"]
    'Japan'
    """
    found = _graph_file(path, "graph.json")
    try:
        with found.open("rb") as stream:
            return read_json(stream)
    except (OSError, ValueError, TypeError, KeyError, AttributeError) as error:
        message = f"not a graph newsgraph wrote ({type(error).__name__}: {error})"
        raise GraphReadError(str(found), message) from error


def _value(term: object) -> object:
    if isinstance(term, Literal):
        value = term.toPython()
        if isinstance(value, Decimal):
            return float(value)
        return value
    return None if term is None else str(term)


def sparql(
    source: str | os.PathLike[str] | Graph | nx.MultiDiGraph, query: str
) -> pd.DataFrame:
    """Run a SPARQL 1.1 query and return its result as a DataFrame.

    newsgraph's prefixes (``ng``, ``schema``, ``skos``, ``dcterms``, ``prov``, ``rdfs``, ...)
    are bound. Literals become Python values (numbers, dates, text), IRIs become strings.

    Parameters
    ----------
    source
        A ``graph.ttl`` file or the folder that holds it, an rdflib graph, or a newsgraph
        networkx graph (exported to RDF first).
    query
        A ``SELECT``, ``ASK``, ``CONSTRUCT`` or ``DESCRIBE`` query.

    Returns
    -------
    pandas.DataFrame
        One column per selected variable; ``ask`` for an ``ASK`` query; ``subject``,
        ``predicate`` and ``object`` for a graph result.

    Raises
    ------
    QuerySyntaxError
        When the query does not parse.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("https://w3id.org/newsgraph/id/person/li-keqiang", type="Person",
    ...            label="Li Keqiang", aliases=["Li"], articles=[])
    >>> sparql(G, "SELECT ?name ?alias WHERE { ?p a ng:Person ; rdfs:label ?name ;"
    ...           " skos:altLabel ?alias }")
             name alias
    0  Li Keqiang    Li
    """
    base = DEFAULT_BASE
    if isinstance(source, nx.MultiDiGraph):
        rdf = to_rdf(source)
        base = source.graph.get("base", DEFAULT_BASE)
    elif isinstance(source, Graph):
        rdf = source
        base = str(dict(source.namespaces()).get("id", DEFAULT_BASE))
    else:
        turtle = _graph_file(source, "graph.ttl")
        rdf = Graph().parse(turtle, format="turtle")
        base = turtle_base(turtle) or DEFAULT_BASE
    result = run_query(rdf, query, base=base)
    if result.type == "ASK":
        return _frame([{"ask": bool(result.askAnswer)}], ["ask"])
    if result.type in {"CONSTRUCT", "DESCRIBE"}:
        triples = sorted(result.graph or Graph())
        rows = [dict(zip(("subject", "predicate", "object"), map(_value, t), strict=True))
                for t in triples]
        return _frame(rows, ["subject", "predicate", "object"])
    names = [str(v) for v in result.vars or []]
    rows = [
        {name: _value(value) for name, value in zip(names, row, strict=True)}
        for row in result
        if isinstance(row, ResultRow)
    ]
    return _frame(rows, names)


@dataclass(frozen=True)
class InlineView:
    """The interactive viewer page, shown inline by Jupyter through ``_repr_html_``.

    The page goes in an ``<iframe srcdoc="...">``: its scripts and styles stay inside the
    frame, so the notebook's CSS cannot reach the viewer nor the viewer's the notebook, and
    it renders wherever notebook HTML output does (JupyterLab, Notebook 7, VS Code).

    Attributes
    ----------
    page
        The self-contained HTML page, as :func:`newsgraph.graph.render_html` writes it.
    height
        The frame's height in CSS pixels.
    path
        Where :func:`show` wrote the page, outside a notebook; else None.
    """

    page: str = field(repr=False)
    height: int = 600
    path: Path | None = field(default=None, repr=False)

    def _repr_html_(self) -> str:
        return (
            f'<iframe srcdoc="{html.escape(self.page, quote=True)}"'
            f' style="width: 100%; height: {self.height}px; border: 0;"'
            ' sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox"'
            ' title="newsgraph viewer"></iframe>'
        )


def _in_notebook() -> bool:
    """Whether this runs in a Jupyter kernel, which displays what a cell ends with."""
    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython is not None else None
    return shell is not None and "IPKernelApp" in getattr(shell, "config", {})


def show(
    G: nx.MultiDiGraph,
    *,
    height: int = 600,
    title: str = "newsgraph",
    path: str | os.PathLike[str] | None = None,
    open_browser: bool = False,
) -> InlineView:
    """An inline interactive view of ``G``: end a notebook cell with it.

    Outside a notebook (a script, the Python prompt) nothing would display it, so the page
    is also written to a file, whose path is printed: ``path``, else a file named after the
    page's content in the temporary folder. ``open_browser`` opens it in the web browser.

    Parameters
    ----------
    G
        A whole graph, or part of one such as :func:`neighbourhood` returns.
    height
        The height of the view in CSS pixels.
    title
        The page's title.
    path
        Where to write the page (in a notebook too, when given).
    open_browser
        Open the written page in the web browser.

    Returns
    -------
    InlineView
        An object that Jupyter displays as the viewer in a sandboxed frame; its ``page`` is
        the same HTML that ``graph.html`` holds, its ``path`` the file written, if any.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("id/att", type="Organisation", label='"AT&T" <Inc>', aliases=[],
    ...            articles=[])
    >>> view = show(G, height=400)
    wrote .../newsgraph-view-....html
    >>> view
    InlineView(height=400)
    >>> view.path.read_text(encoding="utf-8") == view.page
    True
    >>> frame = view._repr_html_()
    >>> frame.startswith('<iframe srcdoc="'), "height: 400px" in frame
    (True, True)

    The page is the attribute's value, escaped so that no quote ends it early:

    >>> import html, re
    >>> srcdoc = re.match(r'<iframe srcdoc="([^"]*)"', frame).group(1)
    >>> html.unescape(srcdoc) == view.page
    True
    """
    if isinstance(height, bool) or not isinstance(height, int) or height <= 0:
        message = f"height must be a positive number of pixels (got {height!r})"
        raise ValueError(message)
    page = render_html(G, title=title)
    if path is None and (open_browser or not _in_notebook()):
        digest = hashlib.sha256(page.encode("utf-8")).hexdigest()[:12]
        path = Path(tempfile.gettempdir()) / f"newsgraph-view-{digest}.html"
    if path is None:
        return InlineView(page, height)
    target = Path(path)
    staged = target.with_name(f".{target.name}.{os.getpid()}")  # whole or not at all
    staged.write_text(page, encoding="utf-8")
    os.replace(staged, target)
    print(f"wrote {target}")
    if open_browser:
        webbrowser.open(target.resolve().as_uri())
    return InlineView(page, height, target)
