"""The viewer's layout: fixed positions, spread out, and curves that fan parallel edges out."""

from __future__ import annotations

import pytest

from newsgraph.graph.layout import edge_curves, label_scales, largest_component, node_positions

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


def test_labels_overlapping_a_more_important_one_wait_for_a_closer_zoom() -> None:
    # 100 pixels wide, 16 high: side by side 50 apart they part at zoom 2, 5,000 apart at
    # zoom 0.02; one on the very spot of the first is never drawn
    anchors = [(0.0, 0.0), (50.0, 0.0), (5000.0, 0.0), (0.0, 0.0)]
    assert label_scales(anchors, [100, 100, 100, 100], 16) == [0.0, 2.0, 0.02, None]


def test_a_label_hidden_at_some_zoom_does_not_hold_back_others_there() -> None:
    # the second label waits for zoom 2; the third, 150 pixels from the first, parts from it at
    # zoom 2/3 and from the second at zoom 1, when the second is not drawn yet
    anchors = [(0.0, 0.0), (50.0, 0.0), (150.0, 0.0)]
    assert label_scales(anchors, [100, 100, 100], 16) == [0.0, 2.0, 0.667]


def test_entities_with_no_relation_sit_below_the_main_picture() -> None:
    types = [ORG] * 6
    positions = node_positions(types, [(0, 1), (1, 2), (2, 0)], [])
    lowest_linked = max(y for _, y in positions[:3])
    assert all(y > lowest_linked + 170 for _, y in positions[3:])
