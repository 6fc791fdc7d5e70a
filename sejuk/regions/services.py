"""Region services: loading the list, searching it, reading one region."""

from __future__ import annotations

import json
import operator
from collections.abc import Iterable
from dataclasses import dataclass
from functools import reduce
from pathlib import Path

from django.core.cache import cache
from django.db.models import Count, Q

from sejuk.errors import NotFound
from sejuk.nlp.gazetteer import default_gazetteer
from sejuk.reference.wilayah import load_postal_codes, load_regions
from sejuk.reference.zones import zone_of

from .boundaries import Boundary, read_boundaries
from .models import Region

_BATCH = 2000


@dataclass(frozen=True)
class LoadResult:
    created: int
    updated: int
    unchanged: int
    absent: int  # in the database but no longer in the list (kept: others may refer to them)

    def summary(self) -> str:
        return f"{self.created} baru, {self.updated} diperbarui, {self.unchanged} tetap" + (
            f", {self.absent} tidak ada lagi di daftar (tidak dihapus)" if self.absent else ""
        )


def load_region_list() -> LoadResult:
    """Bring the Region table in line with the installed Kemendagri list.

    Idempotent: rows that already match are left alone, so a second run writes nothing.
    Parents are written before children, so the foreign keys hold at every step.
    """
    postal = load_postal_codes()
    wanted = {
        r.code: (r.name, r.level, r.kind, r.parent_code, postal.get(r.code, ""))
        for r in load_regions()
    }
    existing = {
        row[0]: row[1:]
        for row in Region.objects.values_list(
            "code", "name", "level", "kind", "parent_id", "postal_code"
        ).iterator(chunk_size=10000)
    }
    new = [
        Region(code=c, name=n, level=lv, kind=k, parent_id=p, postal_code=pc)
        for c, (n, lv, k, p, pc) in wanted.items()
        if c not in existing
    ]
    changed = [
        Region(code=c, name=n, level=lv, kind=k, parent_id=p, postal_code=pc)
        for c, (n, lv, k, p, pc) in wanted.items()
        if c in existing and existing[c] != (n, lv, k, p, pc)
    ]
    new.sort(key=lambda r: r.level)
    Region.objects.bulk_create(new, batch_size=_BATCH)
    Region.objects.bulk_update(
        changed, ["name", "level", "kind", "parent", "postal_code"], batch_size=_BATCH
    )
    absent = len(existing.keys() - wanted.keys())
    cache.delete(COUNTS_KEY)
    return LoadResult(len(new), len(changed), len(wanted) - len(new) - len(changed), absent)


COUNTS_KEY = "sejuk:region-counts"
COUNTS_SECONDS = 300


def region_counts() -> dict[str, int]:
    """Number of regions per kind, as stored. Every home page shows them and counting
    83,762 desa costs tens of milliseconds, so they are kept in the process' cache for
    five minutes (the list changes only when ``sejuk regions load`` runs, which clears it
    in its own process)."""
    found = cache.get(COUNTS_KEY)
    if found is None:
        found = _count_kinds()
        cache.set(COUNTS_KEY, found, COUNTS_SECONDS)
    return dict(found)


def _count_kinds() -> dict[str, int]:
    rows = Region.objects.values("kind").annotate(n=Count("code"))
    counts = {row["kind"]: row["n"] for row in rows}
    return {
        "provinsi": counts.get("provinsi", 0),
        "kabupaten": counts.get("kabupaten", 0),
        "kota": counts.get("kota", 0),
        "kecamatan": counts.get("kecamatan", 0),
        "desa": counts.get("desa", 0),
        "kelurahan": counts.get("kelurahan", 0),
    }


@dataclass(frozen=True)
class RegionMatch:
    code: str
    name: str
    level: int
    kind: str
    path: str
    score: float


def search_regions(query: str, within: Iterable[str] = (), limit: int = 10) -> list[RegionMatch]:
    """Ranked regions for a typed name, e.g. "Desa Sekotong Barat, Kec. Sekotong".

    One service for the JSON API, the page and the CLI. Names are matched in the
    installed region list (the same list the database is loaded from), so search works
    the moment Sejuk starts and needs no query per candidate.
    """
    query = query.strip()
    if not query:
        return []
    found = default_gazetteer().search(query, within=within, limit=limit)
    return [
        RegionMatch(c.region.code, c.region.name, c.region.level, c.region.kind, c.path, c.score)
        for c in found
    ]


def villages_in(area: Iterable[str]) -> Q:
    """The desa/kelurahan of an area (codes of any level), found down the parent links
    (an index lookup per level) rather than by comparing every code in the country."""
    found: list[Q] = []
    for code in area:
        steps = {2: 3, 5: 2, 8: 1, 13: 0}.get(len(code))
        if steps is None:  # no region has a code of that length
            continue
        codes = Region.objects.filter(pk=code).values("code")
        for _ in range(steps):
            codes = Region.objects.filter(parent_id__in=codes).values("code")
        found.append(Q(pk__in=codes))
    return reduce(operator.or_, found) if found else Q(pk__in=[])


def parent_codes(code: str) -> list[str]:
    """ "52.01.07.2002" -> ["52", "52.01", "52.01.07"]."""
    parts = code.split(".")
    return [".".join(parts[:i]) for i in range(1, len(parts))]


@dataclass(frozen=True)
class RegionDetail:
    code: str
    name: str
    level: int
    kind: str
    path: str
    zone: str
    postal_code: str
    lat: float | None
    lng: float | None
    has_boundary: bool
    parents: list[Region]
    children: list[Region]


def get_region(code: str) -> RegionDetail:
    region = Region.objects.filter(code=code).first()
    if region is None:
        raise NotFound(f"Wilayah dengan kode {code} tidak ditemukan.")
    parents = list(Region.objects.filter(code__in=parent_codes(code)).order_by("-level"))
    children = list(region.children.order_by("code").only("code", "name", "level", "kind"))
    return RegionDetail(
        code=region.code,
        name=region.name,
        level=region.level,
        kind=region.kind,
        path=", ".join([region.name, *(p.name for p in parents)]),
        zone=zone_of(region.code),
        postal_code=region.postal_code,
        lat=region.lat,
        lng=region.lng,
        has_boundary=bool(region.boundary),
        parents=parents,
        children=children,
    )


@dataclass(frozen=True)
class BoundaryResult:
    updated: int
    unknown: int  # codes not in the region table
    skipped: int  # rows of levels not asked for, or (only_missing) of regions that have one
    codes: tuple[str, ...] = ()  # the regions updated

    def summary(self) -> str:
        return (
            f"{self.updated} wilayah diperbarui, {self.unknown} kode tidak dikenal, "
            f"{self.skipped} dilewati"
        )


def load_boundaries(path: Path, levels: Iterable[int] = (1, 2, 3, 4)) -> BoundaryResult:
    """Set centre points and boundaries from a file or folder (SQL inserts or GeoJSON).

    Rows are written in batches as they are read; a region missing from the files keeps
    what it had.
    """
    return save_boundaries(read_boundaries(path), levels)


def save_boundaries(
    items: Iterable[Boundary], levels: Iterable[int] = (1, 2, 3, 4), *, only_missing: bool = False
) -> BoundaryResult:
    """Set centre points and boundaries; ``only_missing``: only of regions without a
    boundary yet (the packaged set never replaces one loaded from a finer file)."""
    wanted = set(levels)
    counts = {"updated": 0, "unknown": 0, "skipped": 0}
    updated: list[str] = []
    batch: list[Region] = []

    def flush() -> None:
        codes = [r.code for r in batch]
        known = Region.objects.filter(code__in=codes)
        have: set[str] = set()
        if only_missing:
            have = set(known.exclude(boundary="").values_list("code", flat=True))
            counts["skipped"] += len(have)
            known = known.filter(boundary="")
        found = set(known.values_list("code", flat=True))
        rows = [r for r in batch if r.code in found]
        # One UPDATE a row: several times faster than bulk_update's CASE over long texts.
        for r in rows:
            Region.objects.filter(code=r.code).update(lat=r.lat, lng=r.lng, boundary=r.boundary)
        counts["updated"] += len(rows)
        counts["unknown"] += sum(1 for r in batch if r.code not in found and r.code not in have)
        updated.extend(r.code for r in rows)
        batch.clear()

    for item in items:
        if item.level not in wanted:
            counts["skipped"] += 1
            continue
        geometry = json.dumps(item.geometry, separators=(",", ":")) if item.geometry else ""
        batch.append(Region(code=item.code, lat=item.lat, lng=item.lng, boundary=geometry))
        if len(batch) >= 500:
            flush()
    if batch:
        flush()
    return BoundaryResult(**counts, codes=tuple(updated))
