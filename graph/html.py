"""An interactive, self-contained ``graph.html`` for a newsgraph graph.

The page inlines vis-network (as shipped by pyvis), its own script and style, and the graph
as JSON; it fetches nothing and runs from ``file://`` with the network off. Node positions are
computed beforehand (:mod:`newsgraph.graph.layout`), so the page draws a still picture at once
and the same graph always gives the same bytes.

All text in the graph comes from the news and is untrusted: it reaches the page only inside a
``<script type="application/json">`` block with ``<``, ``>``, ``&``, U+2028 and U+2029
escaped, the page puts it in the DOM as text, and only ``http(s)`` links become links.

Examples
--------
>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("org/intel", type="Organisation", label="Intel", aliases=[], articles=[])
>>> page = render_html(g, title="Chips")
>>> page.startswith("<!DOCTYPE html>"), "<title>Chips</title>" in page
(True, True)
"""

from __future__ import annotations

import base64
import hashlib
import html
import importlib.util
import json
import math
import re
from collections.abc import Collection, Mapping
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import IO, Any

import networkx as nx

from newsgraph.graph.layout import edge_curves, label_scales, largest_component, node_positions
from newsgraph.ontology import SYMMETRIC, NodeType, Predicate, edge_type

__all__ = ["FAMILIES", "OTHER_RELATION", "render_html", "safe_link", "script_json", "write_html"]

#: Node types the viewer knows, in legend order; anything else is drawn as "Entity".
NODE_TYPES = (
    NodeType.ORGANISATION, NodeType.PERSON, NodeType.COUNTRY, NodeType.POLICY, NodeType.ARTICLE
)
#: How many nodes, most connected first, the page shows before "Show more".
VISIBLE_LIMIT = 2500

#: Relation families in legend order: name, colour, relations. The colours (Okabe and Ito's
#: palette) stay apart for readers with any of the three colour-vision deficiencies; a test
#: simulates them. What colour alone would say is drawn as well: direction by arrows (none on
#: symmetric relations), a fall by dashes and a down arrow in its name.
FAMILIES: tuple[tuple[str, str, tuple[Predicate, ...]], ...] = (
    ("People and roles", "#e69f00", (Predicate.LEADS, Predicate.CHAIRS, Predicate.WORKS_FOR)),
    (
        "Business ties",
        "#0072b2",
        (Predicate.PARTNERS_WITH, Predicate.SUPPLIES, Predicate.INVESTS_IN, Predicate.MEMBER_OF),
    ),
    ("Rivalry", "#cc79a7", (Predicate.COMPETES_WITH, Predicate.OPPOSES)),
    ("Policy", "#d55e00", (Predicate.IMPOSES, Predicate.SANCTIONS, Predicate.TARGETS)),
    ("Place", "#009e73", (Predicate.BASED_IN,)),
    ("Share moves", "#56b4e9", (Predicate.ROSE_ON_NEWS, Predicate.FELL_ON_NEWS)),
)
#: The family and colour of a relation in no family.
OTHER_RELATION = ("Other", "#222222")
_DASHED = {Predicate.FELL_ON_NEWS: [6, 4], Predicate.OPPOSES: [2, 4]}
_MARKS = {Predicate.ROSE_ON_NEWS: "\u25b2 ", Predicate.FELL_ON_NEWS: "\u25bc "}

#: Node labels: the font size on screen, an upper bound of a character's width and the line
#: height, in pixels; the longest label in characters. The page measures what it draws.
LABEL_FONT = 12
_CHAR_WIDTH = 7.2
_LABEL_HEIGHT = 16
_LABEL_CHARS = 30
_MENTIONED_ARTICLE_LABELS = 1.0  # the zoom from which articles shown by their mentions are named

_MENTIONS = "mentions"
_ALL_RELATIONS = tuple(edge_type(predicate) for predicate in Predicate)
_JSON_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}
_PLACEHOLDER = re.compile(r"\{\{ (\w+) \}\}")


def render_html(
    graph: nx.MultiDiGraph, *, title: str = "newsgraph", new_articles: Collection[str] = ()
) -> str:
    """The viewer page for a graph, as one self-contained HTML document.

    Parameters
    ----------
    graph
        Entities, articles, ``mentions`` and relation edges, as the graph builder makes them.
    title
        The page's title.
    new_articles
        The articles (IRIs) the latest build read first: they, and the nodes and relations
        that only they support, are what the page's "What's new" shows.

    Returns
    -------
    str
        The page; the same graph and title always give the same text.

    Examples
    --------
    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("a", type="Person", label="Pat Gelsinger", aliases=["Gelsinger"])
    >>> g.add_node("b", type="Organisation", label="Intel")
    >>> _ = g.add_edge("a", "b", key="leads", type="leads", predicate="leads", evidence=[])
    >>> render_html(g) == render_html(g)
    True
    """
    js, css = _vis_assets()
    app_js = _asset("viewer.js")
    scripts = [js, app_js]
    for script in scripts:
        if "</script" in script.lower() or "<!--" in script:
            msg = "an inlined script contains a closing tag"
            raise ValueError(msg)
    csp = "; ".join(
        [
            "default-src 'none'",
            "script-src " + " ".join(_csp_hash(s) for s in scripts),
            "style-src 'unsafe-inline'",
            "img-src data:",
            "base-uri 'none'",
            "form-action 'none'",
        ]
    )
    fields = {
        "title": html.escape(title).replace("\u2028", "&#x2028;").replace("\u2029", "&#x2029;"),
        "csp": html.escape(csp),
        "vis_css": css,
        "app_css": _asset("viewer.css"),
        "data": script_json(_payload(graph, title, frozenset(new_articles))),
        "vis_js": js,
        "app_js": app_js,
    }
    return _PLACEHOLDER.sub(lambda m: fields[m.group(1)], _asset("viewer.html"))


def write_html(
    graph: nx.MultiDiGraph,
    stream: IO[bytes],
    *,
    title: str = "newsgraph",
    new_articles: Collection[str] = (),
) -> None:
    """Write the viewer page for a graph to a binary stream, as UTF-8 (see :func:`render_html`).

    Examples
    --------
    >>> import io
    >>> import networkx as nx
    >>> out = io.BytesIO()
    >>> write_html(nx.MultiDiGraph(), out)
    >>> out.getvalue().startswith(b"<!DOCTYPE html>")
    True
    """
    stream.write(render_html(graph, title=title, new_articles=new_articles).encode("utf-8"))


def script_json(value: Any) -> str:
    """JSON that is safe inside a ``<script type="application/json">`` element.

    ``<``, ``>``, ``&``, U+2028 and U+2029 become ``\\uXXXX`` escapes, so no string can close
    the element or start a comment; keys are sorted, so equal values give equal text.

    Examples
    --------
    >>> print(script_json({"t": "</script><b>&"}))
    {"t":"\\u003c/script\\u003e\\u003cb\\u003e\\u0026"}
    """
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    # one replace a character: str.translate looks every character up in its table (1.0 s
    # for the page of a graph of 100,000 documents, the five replaces 0.15 s); no escape
    # holds a character another replaces
    for character, escape in _JSON_ESCAPES.items():
        text = text.replace(character, escape)
    return text


def safe_link(url: object) -> str | None:
    """The URL if it is an absolute ``http`` or ``https`` link to a host, else None.

    Examples
    --------
    >>> safe_link("https://example.com/a?b=1")
    'https://example.com/a?b=1'
    >>> safe_link("javascript:alert(1)") is None, safe_link(" HTTP://x.org") is None
    (True, True)
    """
    if not isinstance(url, str) or url != url.strip():
        return None
    if re.match(r"https?://[^/\s?#]+([/?#]\S*)?\Z", url, re.IGNORECASE) is None:
        return None
    return url


@cache
def _asset(name: str) -> str:
    return files("newsgraph.graph").joinpath("templates", name).read_text(encoding="utf-8")


@cache
def _vis_assets() -> tuple[str, str]:
    # find pyvis's bundled copy without importing pyvis, which pulls in IPython
    spec = importlib.util.find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:
        message = "pyvis is not installed: its bundled vis-network is needed for graph.html"
        raise ModuleNotFoundError(message)
    lib = Path(next(iter(spec.submodule_search_locations))) / "templates" / "lib" / "vis-9.1.2"
    js = (lib / "vis-network.min.js").read_text(encoding="utf-8")
    css = (lib / "vis-network.css").read_text(encoding="utf-8")
    return js, css


def _csp_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def _optional_text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def _texts(value: object) -> list[str]:
    if not isinstance(value, list | tuple):
        return []
    return [v for v in value if isinstance(v, str)]


def _number(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value) if math.isfinite(value) else None


def _node_type(data: Mapping[str, Any]) -> str:
    kind = data.get("type")
    return kind if kind in NODE_TYPES else "Entity"


def _payload(graph: nx.MultiDiGraph, title: str, new: frozenset[str]) -> dict[str, Any]:
    ids = sorted(str(n) for n in graph.nodes)
    index = {node_id: i for i, node_id in enumerate(ids)}
    by_id = {str(n): n for n in graph.nodes}
    relations: list[tuple[int, int, str, Mapping[str, Any]]] = []
    mentions: list[tuple[int, int, str, Mapping[str, Any]]] = []
    for u, v, key, data in graph.edges(keys=True, data=True):
        edge_type = str(data.get("type") or key)
        row = (index[str(u)], index[str(v)], edge_type, data)
        (mentions if edge_type == _MENTIONS else relations).append(row)
    relations.sort(key=lambda r: (r[0], r[1], r[2]))
    mentions.sort(key=lambda r: (r[0], r[1], r[2]))

    links = [(u, v) for u, v, _, _ in relations]
    curves = edge_curves(links)
    edges = [
        _edge(u, v, t, d, index, curve)
        for (u, v, t, d), curve in zip(relations, curves, strict=True)
    ]
    for edge in edges:
        read = [e["article"] for e in edge["evidence"] if e["article"] is not None]
        edge["new"] = bool(read) and all(ids[a] in new for a in read)
    edges += [
        {"from": u, "to": v, "type": _MENTIONS, "predicate": _MENTIONS} for u, v, _, _ in mentions
    ]

    attrs = [graph.nodes[by_id[node_id]] for node_id in ids]
    types = [_node_type(a) for a in attrs]
    positions = node_positions(types, links, [(u, v) for u, v, _, _ in mentions])
    hub = largest_component(links)
    degree = [0] * len(ids)
    for u, v, _, _ in relations:
        degree[u] += 1
        degree[v] += 1
    nodes = []
    for i, node_id in enumerate(ids):
        node = _node(node_id, types[i], attrs[i], index)
        node["x"], node["y"] = positions[i]
        supporting = len(node["articles"]) if types[i] != NodeType.ARTICLE else 0
        node["weight"] = degree[i] * 2 + supporting
        node["hub"] = i in hub
        node["linked"] = degree[i] > 0
        node["size"] = _node_size(types[i], len(node["articles"]))
        node["caption"] = _shorten(_name(node), _LABEL_CHARS)
        if types[i] == NodeType.ARTICLE:
            node["new"] = node_id in new
        else:
            node["new"] = bool(node["articles"]) and all(ids[a] in new for a in node["articles"])
        nodes.append(node)
    # articles that no relation ends at are drawn only with their mentions: rank them last
    order = sorted(
        range(len(ids)),
        key=lambda i: (types[i] == NodeType.ARTICLE and not degree[i], -nodes[i]["weight"], ids[i]),
    )
    for rank, i in enumerate(order):
        nodes[i]["rank"] = rank
    # articles no relation ends at are drawn only with their mentions, around the entities:
    # their labels wait for a close zoom, where the page still draws none over another
    placed = [i for i in order if types[i] != NodeType.ARTICLE or degree[i]]
    scales = label_scales(
        [(nodes[i]["x"], nodes[i]["y"] + nodes[i]["size"]) for i in placed],
        [_CHAR_WIDTH * len(nodes[i]["caption"]) + 6 for i in placed],
        _LABEL_HEIGHT,
    )
    for node in nodes:
        node["labelAt"] = _MENTIONED_ARTICLE_LABELS
    for i, scale in zip(placed, scales, strict=True):
        nodes[i]["labelAt"] = scale
    # every relation's style, so that the page draws one fetched from the endpoint alike
    present = sorted({t for _, _, t, _ in relations} | set(_ALL_RELATIONS))
    return {
        "title": title,
        "limit": VISIBLE_LIMIT,
        "nodes": nodes,
        "edges": edges,
        "relations": {t: _relation_style(t) for t in present},
        "families": [name for name, _, _ in FAMILIES] + [OTHER_RELATION[0]],
        "labelFont": LABEL_FONT,
        "labelHeight": _LABEL_HEIGHT,
    }


def _relation_style(kind: str) -> dict[str, Any]:
    """How the page draws a relation: family, colour, dashes, arrow, name."""
    for family, (name, color, members) in enumerate(FAMILIES):
        for predicate in members:
            if edge_type(predicate) == kind:
                return {
                    "family": family,
                    "familyName": name,
                    "color": color,
                    "dashes": _DASHED.get(predicate, False),
                    "arrow": predicate not in SYMMETRIC,
                    "name": _MARKS.get(predicate, "") + kind.replace("-", " "),
                }
    return {
        "family": len(FAMILIES),
        "familyName": OTHER_RELATION[0],
        "color": OTHER_RELATION[1],
        "dashes": False,
        "arrow": True,
        "name": kind.replace("-", " "),
    }


def _node_size(node_type: str, articles: int) -> float:
    """The radius a node is drawn with, in layout pixels: more articles, bigger."""
    if node_type == NodeType.ARTICLE:
        return 6.0
    size = min(12 + 5 * math.sqrt(articles), 42)
    return round(size * 0.9 if node_type == NodeType.COUNTRY else size, 2)


def _name(node: Mapping[str, Any]) -> str:
    if node["type"] == NodeType.ARTICLE:
        return str(node["title"] or node["label"])
    return str(node["label"])


def _shorten(text: str, length: int) -> str:
    """The text cut to ``length`` characters, with an ellipsis when cut.

    >>> _shorten("Semiconductor Manufacturing International Corporation", 30)
    'Semiconductor Manufacturing…'
    """
    text = " ".join(text.split())
    if len(text) <= length:
        return text
    cut = text[: length - 1].rstrip()
    if " " in cut[length // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:-") + "\u2026"


def _node(
    node_id: str, node_type: str, data: Mapping[str, Any], index: dict[str, int]
) -> dict[str, Any]:
    node: dict[str, Any] = {
        "id": node_id,
        "type": node_type,
        "label": _text(data.get("label")) or node_id,
    }
    if node_type == NodeType.ARTICLE:
        node.update(
            title=_text(data.get("title")),
            date=_optional_text(data.get("date")),
            source=_text(data.get("source")),
            link=safe_link(data.get("link")),
            publisher=_optional_text(data.get("publisher")),
            authors=_texts(data.get("authors")),
            articles=[],
        )
        node["sourceLink"] = safe_link(node["source"])
    else:
        node.update(
            aliases=sorted(set(_texts(data.get("aliases")))),
            kind=_optional_text(data.get("kind")),
            articles=sorted({index[a] for a in _texts(data.get("articles")) if a in index}),
        )
    return node


def _edge(
    u: int, v: int, edge_type: str, data: Mapping[str, Any], index: dict[str, int], curve: float
) -> dict[str, Any]:
    evidence = []
    raw = data.get("evidence")
    for item in raw if isinstance(raw, list) else []:
        if not isinstance(item, Mapping):
            continue
        article = item.get("article")
        shown = {
            "article": index.get(article) if isinstance(article, str) else None,
            "sentence": _text(item.get("sentence")),
            "rule": _optional_text(item.get("rule")),
            "percent": _number(item.get("percent")),
            "market": _optional_text(item.get("market")),
        }
        if item.get("title") is True:  # the sentence is the article's title
            shown["title"] = True
        evidence.append(shown)
    evidence.sort(key=lambda e: (e["article"] is None, e["article"] or 0, e["sentence"]))
    count = data.get("article_count")
    return {
        "from": u,
        "to": v,
        "type": edge_type,
        "predicate": _text(data.get("predicate")) or edge_type,
        "evidence": evidence,
        "count": count if isinstance(count, int) and not isinstance(count, bool) else None,
        "first": _optional_text(data.get("first_seen")),
        "last": _optional_text(data.get("last_seen")),
        "curve": curve,
    }
