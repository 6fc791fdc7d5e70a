"""Region shapes for drawing and for finding the desa under a point. Pure: no Django.

Shapely (GEOS) does the geometry: repairing the source polygons (many are not valid:
rings that touch themselves), simplifying with topology kept (Douglas-Peucker that never
makes a ring cross itself), and point-in-polygon. Coordinates are GeoJSON [lng, lat].

A level is drawn at the zooms where it is useful (``DETAIL``): provinces for the nation,
kabupaten/kota for a province, kecamatan for a kabupaten, desa for a kecamatan or a
Polres. Each level is simplified to about a pixel at the zoom it is drawn at, islands
smaller than a few pixels there are left out, and coordinates are rounded to a grid
finer than the simplification, so the served layers stay light on a phone.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import shapely


@dataclass(frozen=True)
class Detail:
    tolerance: float  # degrees: the largest deviation simplification may make
    decimals: int  # coordinates rounded to this many decimals of a degree
    # Islands (polygon parts) smaller than this many squared tolerances are left out; the
    # largest part of a region always stays.
    min_part: float


# Served layers, per level. One degree is about 111 km; a pixel is 0.011 degree at zoom 7
# (provinces), 0.003 at zoom 9 (kabupaten), 0.0007 at zoom 11 (kecamatan) and 0.0002 at
# zoom 13 (desa).
DETAIL: dict[int, Detail] = {
    1: Detail(tolerance=0.01, decimals=3, min_part=4),
    2: Detail(tolerance=0.004, decimals=3, min_part=4),
    3: Detail(tolerance=0.001, decimals=4, min_part=4),
    4: Detail(tolerance=0.0002, decimals=5, min_part=4),
}

# The boundaries packaged with Sejuk (the region's own geometry, kept in the database):
# finer than what is served, every island kept, for point-in-polygon and close zooms.
PACKAGED: dict[int, Detail] = {
    1: Detail(tolerance=0.002, decimals=4, min_part=0),
    2: Detail(tolerance=0.001, decimals=4, min_part=0),
    3: Detail(tolerance=0.0005, decimals=4, min_part=0),
    4: Detail(tolerance=0.0001, decimals=5, min_part=0),
}

_POLYGON = 3  # shapely's geometry type id of a Polygon


def _polygonal(geometries: np.ndarray) -> np.ndarray:
    """Each geometry made valid and kept to its polygons (a repair may leave lines)."""
    invalid = ~shapely.is_valid(geometries)
    geometries[invalid] = shapely.make_valid(
        geometries[invalid], method="structure", keep_collapsed=False
    )
    parts, index = shapely.get_parts(geometries, return_index=True)
    # A repaired geometry may be a collection holding a multipolygon: one level more.
    subparts, subindex = shapely.get_parts(parts, return_index=True)
    owner = index[subindex]
    polygons = shapely.get_type_id(subparts) == _POLYGON
    return _collect(subparts[polygons], owner[polygons], len(geometries))


def _collect(polygons: np.ndarray, owner: np.ndarray, count: int) -> np.ndarray:
    """Polygons gathered back into one (multi)polygon per owner; None where none is left."""
    out = np.full(count, None, dtype=object)
    if len(polygons):
        present = np.unique(owner)
        gathered = shapely.multipolygons(polygons, indices=owner)
        out[present] = gathered
    return out


def _drop_small(geometries: np.ndarray, min_area: float) -> np.ndarray:
    if min_area <= 0:
        return geometries
    parts, index = shapely.get_parts(geometries, return_index=True)
    areas = shapely.area(parts)
    keep = areas >= min_area
    # The largest part of each region stays, however small: a tiny island desa is drawn.
    order = np.lexsort((-areas, index))
    first = np.ones(len(order), dtype=bool)
    first[1:] = index[order][1:] != index[order][:-1]
    keep[order[first]] = True
    return _collect(parts[keep], index[keep], len(geometries))


def _closed(geometry: dict[str, Any] | None) -> dict[str, Any]:
    """The geometry with every ring closed and rings of fewer than three points left out
    (the source has a few of each)."""

    def ring(points: list[list[float]]) -> list[list[float]] | None:
        if len(points) and points[0] != points[-1]:
            points = [*points, points[0]]
        return points if len(points) >= 4 else None

    def polygon(rings: list[list[list[float]]]) -> list[list[list[float]]] | None:
        outer = ring(rings[0]) if rings else None
        if outer is None:
            return None
        return [outer, *(r for r in map(ring, rings[1:]) if r)]

    assert geometry is not None
    if geometry["type"] == "Polygon":
        return {"type": "Polygon", "coordinates": polygon(geometry["coordinates"]) or []}
    if geometry["type"] == "MultiPolygon":
        polygons = [p for p in (polygon(p) for p in geometry["coordinates"]) if p]
        return {"type": "MultiPolygon", "coordinates": polygons}
    return geometry


def _read(geometries: list[str | dict[str, Any]]) -> np.ndarray:
    texts = [g if isinstance(g, str) else json.dumps(g) for g in geometries]
    shapes = np.asarray(shapely.from_geojson(texts, on_invalid="ignore"), dtype=object)
    for i in np.flatnonzero(shapely.is_missing(shapes)):
        given = geometries[i]
        shapes[i] = shapely.from_geojson(
            json.dumps(_closed(json.loads(given) if isinstance(given, str) else given))
        )
    return shapes


def simplify(geometries: Sequence[str | dict[str, Any] | None], detail: Detail) -> list[Any]:
    """Shapely geometries from GeoJSON (text or parsed), repaired, thinned and rounded at
    ``detail``; None for a missing or empty input. Vectorised: thousands at a time."""
    present = [i for i, g in enumerate(geometries) if g]
    out: list[Any] = [None] * len(geometries)
    if not present:
        return out
    shapes = _polygonal(_read([geometries[i] for i in present]))  # type: ignore[misc]
    missing = shapely.is_missing(shapes)
    shapes[missing] = shapely.Polygon()
    shapes = _drop_small(shapes, detail.min_part * detail.tolerance**2)
    shapes = shapely.simplify(shapes, detail.tolerance, preserve_topology=True)
    # Snapping to the grid keeps the polygons valid (a sliver thinner than the grid goes).
    shapes = shapely.set_precision(shapes, 10.0**-detail.decimals)
    for i, shape in zip(present, shapes, strict=True):
        if shape is not None and not shape.is_empty:
            out[i] = shape
    return out


def to_geojson(shape: Any) -> dict[str, Any]:
    """A (multi)polygon as a GeoJSON geometry, a single part as a Polygon."""
    if shapely.get_num_geometries(shape) == 1:
        shape = shapely.get_geometry(shape, 0)
    data: dict[str, Any] = json.loads(shapely.to_geojson(shape))
    return data


def bounds(shape: Any) -> tuple[float, float, float, float]:
    """(west, south, east, north)."""
    west, south, east, north = shapely.bounds(shape)
    return float(west), float(south), float(east), float(north)


def label_point(shape: Any) -> tuple[float, float]:
    """(lat, lng) of a point inside the shape: where its marker goes when it has none."""
    point = shapely.point_on_surface(shape)
    return float(point.y), float(point.x)


def contains(geometry: dict[str, Any], lat: float, lng: float) -> bool:
    """Whether the point lies inside (or on the edge of) a GeoJSON polygon."""
    shape = shapely.from_geojson(json.dumps(geometry))
    if not shape.is_valid:
        shape = shapely.make_valid(shape, method="structure", keep_collapsed=False)
    return bool(shapely.intersects(shape, shapely.Point(lng, lat)))
