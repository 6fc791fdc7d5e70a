"""Reading region centre points and boundary polygons from files.

Two formats are read:
- the SQL inserts of the public cahyadsn/wilayah_boundaries data set: one row per line,
  ``('52.01.01.1001','Gerung Utara',-8.68,116.12,'[[[lat,lng],...]]'),`` with points as
  [lat, lng] (the reverse of GeoJSON), a Polygon as a list of rings, a MultiPolygon as a
  list of polygons;
- GeoJSON FeatureCollections whose features carry the Kemendagri code in a property
  (``kode``, ``code``, ``kode_wilayah`` or ``id``), plain or gzipped (``.geojson.gz``,
  the form of the boundaries that ship with Sejuk).

Both yield ``Boundary`` records with a GeoJSON geometry in [lng, lat] order. The files are
read as a stream, one row at a time, so a folder of several hundred MB does not sit in
memory.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sejuk.errors import Invalid

_CODE = re.compile(r"^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$")
_SQL_ROW = re.compile(
    r"""^\(\s*'(?P<code>[\d.]+)'\s*,\s*'(?:[^'\\]|\\.|'')*'\s*,
        \s*(?P<lat>NULL|-?[\d.]+(?:[eE][-+]?\d+)?)\s*,
        \s*(?P<lng>NULL|-?[\d.]+(?:[eE][-+]?\d+)?)\s*,
        \s*(?:NULL|'(?P<path>[^']*)')\s*\)\s*[,;]?\s*$""",
    re.VERBOSE,
)
_CODE_PROPERTIES = ("kode", "code", "kode_wilayah", "kode_kemendagri", "id")


@dataclass(frozen=True)
class Boundary:
    code: str
    lat: float | None
    lng: float | None
    geometry: dict[str, Any] | None  # GeoJSON, [lng, lat]

    @property
    def level(self) -> int:
        return self.code.count(".") + 1


def read_boundaries(path: Path) -> Iterator[Boundary]:
    """Every boundary in a file, or in the .sql/.geojson/.json files below a folder."""
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if _kind(p))
        if not files:
            raise Invalid(f"Tidak ada berkas .sql, .geojson atau .json di {path}.")
        for file in files:
            yield from read_boundaries(file)
        return
    if not path.exists():
        raise Invalid(f"Berkas {path} tidak ditemukan.")
    kind = _kind(path)
    if kind == "sql":
        yield from _read_sql(path)
    elif kind == "geojson":
        yield from _read_geojson(path)
    else:
        raise Invalid(
            f"Format {path.suffix or '(tanpa akhiran)'} tidak dikenal: pakai .sql atau .geojson."
        )


def _kind(path: Path) -> str:
    name = path.name.lower()
    if name.endswith(".sql"):
        return "sql"
    if name.endswith((".geojson", ".json", ".geojson.gz", ".json.gz")):
        return "geojson"
    return ""


def _read_sql(path: Path) -> Iterator[Boundary]:
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            stripped = line.strip()
            if not stripped.startswith("('"):
                continue
            row = _SQL_ROW.match(stripped)
            if row is None:
                raise Invalid(f"{path.name} baris {number}: baris data tidak terbaca.")
            geometry = None
            if row["path"]:
                geometry = _latlng_to_geojson(json.loads(row["path"]), path.name, number)
            yield Boundary(
                code=row["code"],
                lat=_float(row["lat"]),
                lng=_float(row["lng"]),
                geometry=geometry,
            )


def _float(text: str) -> float | None:
    return None if text == "NULL" else float(text)


def _depth(value: Any) -> int:
    depth = 0
    while isinstance(value, list) and value:
        value, depth = value[0], depth + 1
    return depth


def _latlng_to_geojson(rings: Any, name: str, number: int) -> dict[str, Any]:
    def flip(ring: list[list[float]]) -> list[list[float]]:
        return [[point[1], point[0]] for point in ring]

    depth = _depth(rings)
    if depth == 3:
        return {"type": "Polygon", "coordinates": [flip(r) for r in rings]}
    if depth == 4:
        return {"type": "MultiPolygon", "coordinates": [[flip(r) for r in p] for p in rings]}
    raise Invalid(f"{name} baris {number}: poligon dengan kedalaman {depth} tidak dikenal.")


def _read_geojson(path: Path) -> Iterator[Boundary]:
    try:
        raw = path.read_bytes()
        if path.name.lower().endswith(".gz"):
            raw = gzip.decompress(raw)
        data = json.loads(raw.decode("utf-8"))
    except (OSError, EOFError, UnicodeDecodeError):
        raise Invalid(f"{path.name}: berkas rusak atau bukan gzip/UTF-8.") from None
    except json.JSONDecodeError as exc:
        raise Invalid(
            f"{path.name}: bukan JSON yang sah ({exc.msg}, baris {exc.lineno})."
        ) from None
    if not isinstance(data, dict):
        raise Invalid(f"{path.name}: bukan GeoJSON FeatureCollection.")
    features = [data] if data.get("type") == "Feature" else data.get("features")
    if not isinstance(features, list):
        raise Invalid(f"{path.name}: bukan GeoJSON FeatureCollection.")
    for number, feature in enumerate(features, start=1):
        props = feature.get("properties") or {}
        code = next((str(props[k]) for k in _CODE_PROPERTIES if props.get(k)), None)
        if code is None or not _CODE.match(code):
            raise Invalid(f"{path.name} fitur ke-{number}: kode wilayah tidak ada atau tidak sah.")
        geometry = feature.get("geometry")
        if geometry is not None and geometry.get("type") not in {
            "Polygon",
            "MultiPolygon",
            "Point",
        }:
            raise Invalid(
                f"{path.name} fitur ke-{number}: geometri {geometry.get('type')} tidak didukung."
            )
        lat, lng = props.get("lat"), props.get("lng")
        if geometry and geometry["type"] == "Point":
            lng, lat = geometry["coordinates"][:2]
            geometry = None
        if (lat is None or lng is None) and geometry:
            lat, lng = centroid(geometry)
        yield Boundary(code, _opt(lat), _opt(lng), geometry)


def _opt(value: Any) -> float | None:
    return None if value is None else float(value)


def centroid(geometry: dict[str, Any]) -> tuple[float, float]:
    """(lat, lng) of the area-weighted centre of the outer rings."""
    polygons = (
        [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    )
    total = cx = cy = 0.0
    for polygon in polygons:
        ring = polygon[0]
        for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
            cross = x0 * y1 - x1 * y0
            total += cross
            cx += (x0 + x1) * cross
            cy += (y0 + y1) * cross
    if total == 0:
        points = [pt for polygon in polygons for pt in polygon[0]]
        return (
            sum(p[1] for p in points) / len(points),
            sum(p[0] for p in points) / len(points),
        )
    return cy / (3 * total), cx / (3 * total)
