"""Building what the map serves: loading the packaged boundaries into the regions, and
each region's drawn shape (``Shape``) from its boundary.

These are long jobs run by commands (`sejuk setup`, `sejuk map build`, after `sejuk
regions load-boundaries`), never by a request. Like a command, they own their
transactions: the slow part (reading files, simplifying polygons) runs first, then each
batch is written in a short transaction of its own, so a national rebuild never holds a
write lock for long and a reader sees whole batches.
"""

from __future__ import annotations

import json
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from hashlib import sha256
from pathlib import Path
from typing import Any, Protocol

from django.db import transaction
from django.db.models import Q

from sejuk.regions.boundaries import read_boundaries
from sejuk.regions.models import Region
from sejuk.regions.services import save_boundaries

from . import geometry
from .models import PackagedFile, Shape


class Writer(Protocol):
    """Where progress goes: a command's stdout."""

    def write(self, text: str) -> Any: ...


PACKAGED_DIR = Path(__file__).resolve().parent / "boundaries"
_BATCH = 1000


@dataclass(frozen=True)
class InstallResult:
    files: int  # packaged files read this time
    regions: int  # regions that got a boundary from them

    def summary(self) -> str:
        if not self.files:
            return "batas wilayah bawaan sudah dimuat"
        return f"{self.regions} wilayah mendapat batas dari {self.files} berkas bawaan"


def packaged_files() -> list[tuple[str, str, Path]]:
    """(name, sha256, path) of every boundary file that ships with Sejuk."""
    manifest = json.loads((PACKAGED_DIR / "manifest.json").read_text())
    return [
        (name, entry["sha256"], PACKAGED_DIR / name)
        for name, entry in sorted(manifest["files"].items(), key=lambda i: i[1]["level"])
    ]


def install_packaged(out: Writer | None = None) -> tuple[InstallResult, tuple[str, ...]]:
    """Give the regions that have none the boundary that ships with Sejuk. A file whose
    digest this database already holds is not read again; a boundary loaded from a finer
    file is never replaced. Returns the result and the codes that changed."""
    changed: list[str] = []
    files = 0
    done = dict(PackagedFile.objects.values_list("name", "sha256"))
    for name, digest, path in packaged_files():
        if done.get(name) == digest:
            continue
        if sha256(path.read_bytes()).hexdigest() != digest:
            raise RuntimeError(f"{path} does not match its manifest: reinstall Sejuk")
        started = time.perf_counter()
        items = list(read_boundaries(path))
        with transaction.atomic():
            result = save_boundaries(items, only_missing=True)
            PackagedFile.objects.update_or_create(name=name, defaults={"sha256": digest})
        changed.extend(result.codes)
        files += 1
        if out is not None:
            out.write(f"  {name}: {result.summary()} ({time.perf_counter() - started:.1f} s)\n")
    return InstallResult(files, len(changed)), tuple(changed)


@dataclass(frozen=True)
class BuildResult:
    shapes: int  # regions drawn with their boundary
    points: int  # regions drawn at their centre only
    seconds: float

    def summary(self) -> str:
        return (
            f"{self.shapes} wilayah dengan batas, {self.points} hanya titik tengah "
            f"({self.seconds:.1f} detik)"
        )


def missing_shapes() -> list[str]:
    """Regions with a boundary or a centre that the map does not draw yet (a database
    whose boundaries were loaded before the map existed)."""
    drawable = Region.objects.filter(~Q(boundary="") | Q(lat__isnull=False, lng__isnull=False))
    have = set(Shape.objects.values_list("code", flat=True))
    return [c for c in drawable.values_list("code", flat=True).iterator() if c not in have]


def rebuild(codes: Iterable[str] | None = None, out: Writer | None = None) -> BuildResult:
    """Bring the drawn shapes of ``codes`` (None: every region) in line with their
    boundaries, batch by batch."""
    started = time.perf_counter()
    counts = descendant_counts()
    shapes = points = 0
    for batch in _batches(codes):
        prepared = prepare(batch, counts)
        with transaction.atomic():
            Shape.objects.filter(code__in=[r["code"] for r in batch]).delete()
            Shape.objects.bulk_create(prepared, batch_size=500)
        shapes += sum(1 for s in prepared if s.has_area)
        points += sum(1 for s in prepared if not s.has_area)
        if out is not None and (shapes + points) % 10000 < _BATCH:
            out.write(f"  {shapes + points} wilayah…\n")
    return BuildResult(shapes, points, time.perf_counter() - started)


def rebuild_after_load(sender: Any, codes: tuple[str, ...], out: Writer, **kwargs: Any) -> None:
    """The receiver of ``regions.signals.boundaries_loaded``."""
    if codes:
        result = rebuild(codes, out)
        out.write(f"Peta: {result.summary()}.\n")


_FIELDS = ("code", "name", "level", "lat", "lng", "boundary")


def _batches(codes: Iterable[str] | None) -> Iterator[list[dict[str, Any]]]:
    if codes is None:
        rows = Region.objects.order_by("code").values(*_FIELDS).iterator(chunk_size=_BATCH)
        batch: list[dict[str, Any]] = []
        for row in rows:
            batch.append(row)
            if len(batch) >= _BATCH:
                yield batch
                batch = []
        if batch:
            yield batch
        return
    wanted = sorted(set(codes))
    for i in range(0, len(wanted), _BATCH):
        yield list(Region.objects.filter(code__in=wanted[i : i + _BATCH]).values(*_FIELDS))


def descendant_counts() -> dict[str, list[int]]:
    """For each region, how many regions lie below it at each deeper level (a kabupaten:
    [kecamatan, desa]); the map picks the level to draw from these."""
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for code in Region.objects.values_list("code", flat=True).iterator(chunk_size=10000):
        parts = code.split(".")
        for depth in range(1, len(parts)):
            counts[".".join(parts[:depth])][len(parts) - depth - 1] += 1
    return counts


def prepare(rows: list[dict[str, Any]], counts: dict[str, list[int]]) -> list[Shape]:
    """The drawn shapes of a batch of regions (no database writes)."""
    by_level: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        by_level[row["level"]].append(row)
    out: list[Shape] = []
    for level, group in by_level.items():
        detail = geometry.DETAIL[level]
        simplified = geometry.simplify([r["boundary"] or None for r in group], detail)
        for row, shape in zip(group, simplified, strict=True):
            built = _shape(row, shape, counts.get(row["code"], [0, 0, 0, 0])[: 4 - level])
            if built is not None:
                out.append(built)
    return out


def _shape(row: dict[str, Any], shape: Any, below: list[int]) -> Shape | None:
    code, level = row["code"], row["level"]
    decimals = geometry.DETAIL[level].decimals
    if shape is not None:
        west, south, east, north = geometry.bounds(shape)
        lat, lng = (
            (row["lat"], row["lng"])
            if row["lat"] is not None and row["lng"] is not None
            else geometry.label_point(shape)
        )
        drawn: dict[str, Any] = geometry.to_geojson(shape)
    elif row["lat"] is not None and row["lng"] is not None:
        lat, lng = row["lat"], row["lng"]
        west, south, east, north = lng, lat, lng, lat
        drawn = {"type": "Point", "coordinates": [round(lng, 5), round(lat, 5)]}
    else:
        return None
    box = [round(v, decimals) for v in (west, south, east, north)]
    feature = {
        "type": "Feature",
        "id": code,
        "properties": {"n": row["name"], "l": level, "k": below, "b": box},
        "geometry": drawn,
    }
    return Shape(
        code=code,
        level=level,
        province=code[:2],
        kabupaten=code[:5] if level >= 2 else "",
        kecamatan=code[:8] if level >= 3 else "",
        west=west,
        south=south,
        east=east,
        north=north,
        lat=lat,
        lng=lng,
        has_area=shape is not None,
        villages=below[-1] if below else 1,
        feature=json.dumps(feature, separators=(",", ":"), ensure_ascii=False),
    )
