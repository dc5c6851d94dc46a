"""The viewer's layout: node positions and edge curves, computed once, the same every time.

Relation components are laid out by force (Fruchterman-Reingold with a fixed seed) and packed
in rows; entities with no relation sit in a grid below them, out of the main picture; articles
that no relation ends at sit near the entities they mention. Positions are whole pixels, so the
same graph always gives the same page.

Labels are placed once too (:func:`label_scales`): in order of importance, each label gets the
smallest zoom from which it overlaps no more important label, so the page can draw, at any zoom,
the labels whose zoom has come without any two of them colliding.

Examples
--------
>>> types = ["Organisation", "Organisation", "Article"]
>>> positions = node_positions(types, links=[(0, 1)], mentions=[(2, 0)])
>>> len(set(positions)), all(isinstance(x, int) for point in positions for x in point)
(3, True)
>>> edge_curves([(0, 1), (1, 0), (0, 2)])
[0.25, 0.25, 0.0]
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

import networkx as nx
import numpy as np

from newsgraph.ontology import NodeType

__all__ = ["edge_curves", "label_scales", "largest_component", "node_positions"]

_UNIT = 170.0  # pixels per ideal edge length
_CORE = 700  # nodes of a component laid out by force; the rest hang off them
_SINGLE_GAP = 0.8  # between entities that have no relation
_SINGLES_BELOW = 1.5  # the gap between the main picture and the entities with no relation
_GRAVITY = 3.0  # pull towards the centre, so loosely tied parts stay close
_GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))


def edge_curves(pairs: Sequence[tuple[int, int]]) -> list[float]:
    """A signed roundness per edge, so parallel edges between one pair fan out.

    The sign is relative to the pair's lower-to-higher direction; 0 draws a straight line.

    Examples
    --------
    >>> edge_curves([(0, 1), (0, 1), (0, 1), (2, 3)])
    [0.0, 0.25, -0.25, 0.0]
    """
    groups: dict[tuple[int, int], list[int]] = defaultdict(list)
    for i, (u, v) in enumerate(pairs):
        groups[min(u, v), max(u, v)].append(i)
    curves = [0.0] * len(pairs)
    for members in groups.values():
        count = len(members)
        spacing = min(0.25, 0.9 / ((count + 1) // 2))
        for slot, i in enumerate(members):
            step = slot + (count + 1) % 2  # odd groups keep one straight edge in the middle
            magnitude = spacing * ((step + 1) // 2)
            sign = 1 if step % 2 else -1
            u, v = pairs[i]
            curves[i] = round(magnitude * sign * (1 if u <= v else -1), 2) + 0.0
    return curves


def largest_component(links: Iterable[tuple[int, int]]) -> set[int]:
    """The nodes of the largest connected part of the relations (lowest index on a tie).

    Examples
    --------
    >>> sorted(largest_component([(5, 6), (1, 2), (3, 3)]))
    [1, 2]
    """
    graph = nx.Graph(links)
    parts = [set(c) for c in nx.connected_components(graph)]
    return min(parts, key=lambda c: (-len(c), min(c)), default=set())


def node_positions(
    types: Sequence[str],
    links: Sequence[tuple[int, int]],
    mentions: Iterable[tuple[int, int]],
) -> list[tuple[int, int]]:
    """Pixel positions: relation components laid out by force and packed in rows.

    Entities and the articles that relations end at are laid out; every other article sits
    near the entities it mentions.

    Parameters
    ----------
    types
        The node type of each node, by index.
    links
        The relations, as pairs of node indices.
    mentions
        ``(article, entity)`` pairs of node indices.

    Examples
    --------
    >>> node_positions(["Person", "Organisation"], links=[(0, 1)], mentions=[])
    [(-85, 0), (85, 0)]
    """
    count = len(types)
    placed = [i for i in range(count) if types[i] != NodeType.ARTICLE]
    placed = sorted(set(placed) | {i for pair in links for i in pair})
    layout = _layout(placed, links)
    positions = {i: (round(x * _UNIT), round(y * _UNIT)) for i, (x, y) in layout.items()}
    mentioned: dict[int, list[int]] = defaultdict(list)
    for article, entity in mentions:
        if entity in positions:
            mentioned[article].append(entity)
    for i in range(count):
        if i in positions:
            continue
        anchors = mentioned.get(i, [])
        cx = sum(positions[a][0] for a in anchors) / len(anchors) if anchors else 0.0
        cy = sum(positions[a][1] for a in anchors) / len(anchors) if anchors else 0.0
        angle = i * _GOLDEN_ANGLE
        radius = _UNIT * (0.35 + 0.3 * ((i * 7919) % 97) / 97)
        positions[i] = (round(cx + radius * math.cos(angle)), round(cy + radius * math.sin(angle)))
    return [positions[i] for i in range(count)]


def _layout(nodes: list[int], links: Iterable[tuple[int, int]]) -> dict[int, tuple[float, float]]:
    """Positions in edge lengths: each connected component by force, packed in rows, centred;
    the nodes with no link in a grid below."""
    graph = nx.Graph()
    graph.add_nodes_from(nodes)
    graph.add_edges_from((u, v) for u, v in links if u != v)
    components = sorted(
        (sorted(c) for c in nx.connected_components(graph)), key=lambda c: (-len(c), c[0])
    )
    boxes = [_component_layout(graph, c) for c in components if len(c) > 1]
    positions = _pack(boxes)
    singles = [c[0] for c in components if len(c) == 1]
    if singles:
        # out of the main picture: a grid under it, as wide as it
        xs = [x for x, _ in positions.values()] or [0.0]
        bottom = max((y for _, y in positions.values()), default=-_SINGLES_BELOW)
        width = max(xs) - min(xs)
        columns = max(math.ceil(width / _SINGLE_GAP) + 1, math.ceil(math.sqrt(len(singles))))
        left = min(xs) if positions else -_SINGLE_GAP * (columns - 1) / 2
        for i, n in enumerate(singles):
            positions[n] = (
                left + _SINGLE_GAP * (i % columns),
                bottom + _SINGLES_BELOW + _SINGLE_GAP * (i // columns),
            )
    return positions


def _component_layout(graph: nx.Graph, nodes: list[int]) -> dict[int, tuple[float, float]]:
    if len(nodes) <= 2:
        return {n: (float(i), 0.0) for i, n in enumerate(nodes)}
    core = sorted(nodes, key=lambda n: (-graph.degree[n], n))[:_CORE]
    core.sort()
    core_set = set(core)
    local = {n: i for i, n in enumerate(core)}
    adjacency = np.zeros((len(core), len(core)))
    for u, v in graph.subgraph(core).edges:
        adjacency[local[u], local[v]] = adjacency[local[v], local[u]] = 1.0
    coords = _force(adjacency)
    lengths = [
        float(np.hypot(*(coords[local[u]] - coords[local[v]])))
        for u, v in graph.subgraph(core).edges
    ]
    if lengths:
        coords /= max(float(np.median(lengths)), 0.01)
    positions = {n: (float(coords[i, 0]), float(coords[i, 1])) for n, i in local.items()}
    children: dict[int, int] = defaultdict(int)
    frontier = list(core)
    while frontier:
        following = []
        for anchor in frontier:
            for n in sorted(graph.neighbors(anchor)):
                if n in positions or n in core_set:
                    continue
                k = children[anchor]
                children[anchor] += 1
                radius = 0.6 + 0.3 * math.sqrt(k)
                ax, ay = positions[anchor]
                angle = k * _GOLDEN_ANGLE + anchor
                positions[n] = (ax + radius * math.cos(angle), ay + radius * math.sin(angle))
                following.append(n)
        frontier = following
    return positions


def _force(adjacency: np.ndarray[Any, Any], iterations: int = 80) -> np.ndarray[Any, Any]:
    """Fruchterman-Reingold with an ideal edge length of 1 and a fixed seed."""
    count = len(adjacency)
    side = math.sqrt(count)
    coords = np.random.default_rng(0).random((count, 2)) * side
    temperature = side / 8
    cooling = temperature / (iterations + 1)
    for _ in range(iterations):
        delta = coords[:, None, :] - coords[None, :, :]
        distance = np.maximum(np.hypot(delta[..., 0], delta[..., 1]), 0.01)
        strength = 1.0 / distance**2 - adjacency * distance
        displacement = np.einsum("ijk,ij->ik", delta, strength)
        displacement -= _GRAVITY * (coords - coords.mean(axis=0))
        length = np.maximum(np.hypot(displacement[:, 0], displacement[:, 1]), 0.01)
        coords += displacement * (np.minimum(length, temperature) / length)[:, None]
        temperature -= cooling
    return coords


def _pack(boxes: list[dict[int, tuple[float, float]]]) -> dict[int, tuple[float, float]]:
    """Place components left to right in rows about as wide as the whole is tall."""
    shapes = []
    for box in boxes:
        xs = [x for x, _ in box.values()]
        ys = [y for _, y in box.values()]
        shapes.append((min(xs), min(ys), max(xs) - min(xs) + 1, max(ys) - min(ys) + 1))
    area = sum(w * h for _, _, w, h in shapes)
    row_width = max([math.sqrt(area) * 1.3, *(w for _, _, w, _ in shapes)], default=0.0)
    positions: dict[int, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for box, (left, top, width, height) in zip(boxes, shapes, strict=True):
        if x > 0 and x + width > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        for n, (bx, by) in box.items():
            positions[n] = (x + bx - left, y + by - top)
        x += width
        row_height = max(row_height, height)
    if positions:
        cx = sum(p[0] for p in positions.values()) / len(positions)
        cy = sum(p[1] for p in positions.values()) / len(positions)
        positions = {n: (px - cx, py - cy) for n, (px, py) in positions.items()}
    return positions


def label_scales(
    anchors: Sequence[tuple[float, float]],
    widths: Sequence[float],
    height: float,
    *,
    largest: float = 4.0,
) -> list[float | None]:
    """The zoom from which each label can be drawn without overlapping a more important one.

    Labels are drawn at a fixed size on screen, centred under their anchor; at zoom ``s`` two
    labels overlap while ``|dx| * s`` is under their half widths together and ``|dy| * s``
    under ``height``, so each pair stops overlapping from some zoom on. Labels are taken in
    the order given (most important first); each gets the smallest zoom from which it overlaps
    none of the labels before it that are drawn at that zoom. None: not before ``largest``.

    Parameters
    ----------
    anchors
        Where each label hangs, in layout pixels (the page's zoom 1).
    widths
        Each label's width on screen, in pixels.
    height
        The height of a label on screen, in pixels.
    largest
        The greatest zoom of the page.

    Examples
    --------
    Labels 100 pixels wide and 16 high: the first is always drawn; the second, 50 pixels to
    its side, from zoom 2 on (100 pixels apart on screen); the third, 400 pixels under the
    first, from zoom 0.04 on (16 pixels apart).

    >>> label_scales([(0, 0), (50, 0), (0, 400)], [100, 100, 100], 16)
    [0.0, 2.0, 0.04]
    """
    count = len(anchors)
    if count == 0:
        return []
    points = np.asarray(anchors, dtype=float).reshape(count, 2)
    half = np.asarray(widths, dtype=float) / 2
    scales = np.full(count, np.inf)
    for i in range(count):
        if i == 0:
            scales[0] = 0.0
            continue
        dx = np.abs(points[:i, 0] - points[i, 0])
        dy = np.abs(points[:i, 1] - points[i, 1])
        with np.errstate(divide="ignore"):
            apart = np.minimum((half[:i] + half[i]) / dx, height / dy)
        # a label before this one clashes from the zoom it is drawn at up to ``apart``
        clash = apart[apart > scales[:i]]
        scales[i] = float(clash.max()) if clash.size else 0.0
    return [round(float(s), 3) if s <= largest else None for s in scales]
