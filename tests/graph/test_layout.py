"""The viewer's layout: fixed positions, spread out, and curves that fan parallel edges out."""

from __future__ import annotations

import pytest

from newsgraph.graph.layout import edge_curves, largest_component, node_positions

ORG, ARTICLE = "Organisation", "Article"


def test_positions_are_whole_pixels_and_distinct() -> None:
    types = [ORG] * 6 + [ARTICLE] * 2
    links = [(0, 1), (1, 2), (2, 0), (3, 4), (0, 6)]
    positions = node_positions(types, links, mentions=[(7, 0), (7, 1)])
    assert len(positions) == len(types)
    assert len(set(positions)) == len(types)
    assert all(isinstance(x, int) and isinstance(y, int) for x, y in positions)


def test_positions_are_the_same_every_time() -> None:
    types = [ORG] * 30
    links = [(i, (i * 7) % 30) for i in range(30)]
    assert node_positions(types, links, []) == node_positions(types, links, [])


def test_two_linked_nodes_sit_one_edge_length_apart() -> None:
    assert node_positions([ORG, ORG], [(0, 1)], []) == [(-85, 0), (85, 0)]


def test_an_article_no_relation_ends_at_sits_near_what_it_mentions() -> None:
    types = [ORG, ORG, ORG, ARTICLE]
    positions = node_positions(types, [(0, 1)], mentions=[(3, 2)])
    (ax, ay), (ex, ey) = positions[3], positions[2]
    assert ((ax - ex) ** 2 + (ay - ey) ** 2) ** 0.5 < 170


def test_an_article_a_relation_ends_at_is_laid_out_with_the_entities() -> None:
    types = [ORG, ARTICLE]
    assert node_positions(types, [(0, 1)], []) == [(-85, 0), (85, 0)]


@pytest.mark.parametrize(
    ("pairs", "expected"),
    [
        ([(0, 1)], [0.0]),
        ([(0, 1), (0, 1)], [0.25, -0.25]),
        # an odd group keeps one straight edge in the middle
        ([(0, 1), (0, 1), (0, 1)], [0.0, 0.25, -0.25]),
        # an edge the other way round bends the other way for the same side
        ([(0, 1), (1, 0)], [0.25, 0.25]),
        ([(0, 1), (2, 3)], [0.0, 0.0]),
    ],
)
def test_edge_curves(pairs: list[tuple[int, int]], expected: list[float]) -> None:
    assert edge_curves(pairs) == expected


def test_many_parallel_edges_fan_out_within_a_bound() -> None:
    assert edge_curves([(0, 1)] * 9) == [
        0.0, 0.18, -0.18, 0.36, -0.36, 0.54, -0.54, 0.72, -0.72]


@pytest.mark.parametrize(
    ("links", "expected"),
    [
        ([], set()),
        ([(0, 1), (1, 2), (5, 6)], {0, 1, 2}),
        ([(5, 6), (1, 2)], {1, 2}),  # a tie goes to the part with the lowest index
    ],
)
def test_largest_component(links: list[tuple[int, int]], expected: set[int]) -> None:
    assert largest_component(links) == expected
