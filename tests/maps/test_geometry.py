"""The pure geometry of the map: repairing, thinning and rounding boundaries, and the
point-in-polygon test the forms use to name the desa of a GPS point."""

from __future__ import annotations

import shapely

from sejuk.maps import geometry
from sejuk.maps.geometry import Detail

SQUARE = [[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0], [0.0, 0.0]]


def test_a_ring_left_open_in_the_source_is_closed_and_kept():
    open_ring = {"type": "Polygon", "coordinates": [SQUARE[:-1]]}
    [shape] = geometry.simplify([open_ring], Detail(0.001, 4, 0))
    assert shape is not None and shape.area == 1.0


def test_a_bow_tie_boundary_is_repaired_into_valid_polygons():
    bow_tie = {"type": "Polygon", "coordinates": [[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]]}
    [shape] = geometry.simplify([bow_tie], Detail(0.001, 4, 0))
    assert shape.is_valid and shape.area > 0.4


def test_islands_too_small_to_see_are_left_out_but_the_largest_part_stays():
    tiny = [[5.0, 5.0], [5.001, 5.0], [5.001, 5.001], [5.0, 5.001], [5.0, 5.0]]
    region = {"type": "MultiPolygon", "coordinates": [[SQUARE], [tiny]]}
    [kept] = geometry.simplify([region], Detail(0.01, 3, min_part=4))
    assert shapely.get_num_geometries(kept) == 1 and kept.area == 1.0
    [alone] = geometry.simplify(
        [{"type": "Polygon", "coordinates": [tiny]}], Detail(0.01, 4, min_part=4)
    )
    assert alone is not None, "a tiny island desa is still drawn"


def test_coordinates_are_rounded_to_the_level_s_grid():
    wobbly = [[0.123456, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0], [0.123456, 0.0]]
    [shape] = geometry.simplify([{"type": "Polygon", "coordinates": [wobbly]}], Detail(0.0, 3, 0))
    drawn = geometry.to_geojson(shape)
    assert all(round(x, 3) == x for ring in drawn["coordinates"] for x, _ in ring)


def test_missing_geometries_stay_missing():
    assert geometry.simplify([None, None], Detail(0.01, 3, 0)) == [None, None]


def test_a_point_inside_a_boundary_is_found_and_one_outside_is_not():
    square = {"type": "Polygon", "coordinates": [SQUARE]}
    assert geometry.contains(square, lat=0.5, lng=0.5)
    assert not geometry.contains(square, lat=1.5, lng=0.5)
