"""Counts of the daily figures per area and day (``AreaFigures``): per kecamatan,
kabupaten, province and the nation, what happened in every region under it and on the
area itself.

Kept for the keys a write touched, bottom up (a kecamatan from its regions' daily rows,
a kabupaten from its kecamatan, a province from its kabupaten, the nation from the
provinces: each step reads at most a few hundred rows), and replaced for a range of
days from figures computed in memory when the daily figures are rebuilt. Both give the
same rows (tests/tension/test_upkeep.py)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, TypeVar

from django.db.models import Max, Min, Q, Sum
from django.db.models.functions import Length

from sejuk.reference.codes import KABUPATEN, KECAMATAN, PROVINSI, normalised

from .codes import area_q, chunks
from .models import AreaFigures, DayFigures

COUNTS = (
    "activities",
    "incidents",
    "incidents_severe",
    "reports_opened",
    "reports_settled",
    "reports_overdue",
)
# Each area length and the length of the areas it is summed from (None: the daily rows).
STEPS = ((KECAMATAN, None), (KABUPATEN, KECAMATAN), (PROVINSI, KABUPATEN), (0, PROVINSI))


def _empty() -> dict[str, Any]:
    return {**dict.fromkeys(COUNTS, 0), "personnel_hours": 0.0, "activity_types": {}}


def _add(into: dict[str, Any], row: Mapping[str, Any]) -> None:
    for name in COUNTS:
        into[name] += row[name] or 0
    # Hours are kept to two decimals on every row, so a sum of sums is the same sum.
    into["personnel_hours"] = round(into["personnel_hours"] + (row["personnel_hours"] or 0), 2)
    types = into["activity_types"]
    for code, n in (row["activity_types"] or {}).items():
        types[code] = types.get(code, 0) + n


def _rows(sums: Mapping[tuple[str, date], dict[str, Any]]) -> list[AreaFigures]:
    """The areas with something to count (an all-zero area has no row, either way)."""
    return [
        AreaFigures(
            region_code=code,
            day=day,
            **{**v, "activity_types": dict(sorted(v["activity_types"].items()))},
        )
        for (code, day), v in sums.items()
        if v["activity_types"] or v["personnel_hours"] or any(v[name] for name in COUNTS)
    ]


def keep(keys: Iterable[tuple[str, date]]) -> None:
    """Recount the areas holding these (region code, day) keys, in the caller's
    transaction, after their daily rows were written."""
    by_day: dict[date, set[str]] = defaultdict(set)
    for code, day in keys:
        by_day[day].add(code)
    for day, codes in sorted(by_day.items()):
        for length, below in STEPS:
            anchors = {code[:length] for code in codes if len(code) >= length}
            for part in chunks(anchors):
                _recount(day, length, below, part)


def _recount(day: date, length: int, below: int | None, anchors: tuple[str, ...]) -> None:
    sums: dict[tuple[str, date], dict[str, Any]] = {(a, day): _empty() for a in anchors}
    fields = ("region_code", *COUNTS, "personnel_hours", "activity_types")
    if below is None:  # a kecamatan: the daily rows of its desa and its own
        for row in DayFigures.objects.filter(area_q(anchors), day=day).values(*fields):
            _add(sums[(row["region_code"][:length], day)], row)
    else:
        parts = AreaFigures.objects.filter(day=day).alias(n=Length("region_code")).filter(n=below)
        if length:
            parts = parts.filter(area_q(anchors))
            # Records placed on the area itself (a kabupaten, a province) have daily rows
            # under the area's own code.
            for row in DayFigures.objects.filter(day=day, region_code__in=anchors).values(*fields):
                _add(sums[(row["region_code"], day)], row)
        for row in parts.values(*fields):
            _add(sums[(row["region_code"][:length], day)], row)
    rows = _rows(sums)
    kept = {row.region_code for row in rows}
    AreaFigures.objects.filter(
        day=day, region_code__in=[a for a in anchors if a not in kept]
    ).delete()
    # An upsert: two rounds of upkeep recounting the same area at once both succeed.
    AreaFigures.objects.bulk_create(
        rows,
        update_conflicts=True,
        unique_fields=["region_code", "day"],
        update_fields=[*COUNTS, "personnel_hours", "activity_types"],
    )


def replace(start: date, end: date, daily: Mapping[tuple[str, date], Mapping[str, Any]]) -> None:
    """The rows of ``start``..``end`` again, from that period's complete daily figures
    (``(code, day) -> DayFigures values``), in the caller's transaction."""
    sums: dict[tuple[str, date], dict[str, Any]] = defaultdict(_empty)
    for (code, day), values in daily.items():
        for length, _ in STEPS:
            if len(code) >= length:
                _add(sums[(code[:length], day)], values)
    AreaFigures.objects.filter(day__range=(start, end)).delete()
    AreaFigures.objects.bulk_create(_rows(sums), batch_size=2000)


@dataclass
class Sums:
    """What an area saw over a period: activities (one with two types counted once), per
    activity type, and per day."""

    activities: int = 0
    types: dict[str, int] = field(default_factory=dict)
    days: dict[date, int] = field(default_factory=dict)

    def add(self, day: date, activities: int, types: Mapping[str, int]) -> None:
        self.activities += activities
        self.days[day] = self.days.get(day, 0) + activities
        for code, n in types.items():
            self.types[code] = self.types.get(code, 0) + n


K = TypeVar("K", bound=Hashable)


def sums(areas: Mapping[K, tuple[str, ...] | None], start: date, end: date) -> dict[K, Sums]:
    """Per key, the activities of its area (codes; None: the nation) from ``start`` to
    ``end``: whole regions read their area rows, desa codes their daily rows. One query
    per kind of code (per 200 codes), whatever the number of areas."""
    wanted: dict[str, list[K]] = defaultdict(list)
    for key, area in areas.items():
        for code in ("",) if area is None else normalised(area):
            wanted[code].append(key)
    out: dict[K, Sums] = {key: Sums() for key in areas}
    whole = [code for code in wanted if len(code) <= KECAMATAN]
    single = [code for code in wanted if len(code) > KECAMATAN]
    queries = [
        AreaFigures.objects.filter(region_code__in=part, day__range=(start, end))
        for part in chunks(whole)
    ] + [
        DayFigures.objects.filter(Q(region_code__in=part), day__range=(start, end))
        for part in chunks(single)
    ]
    for query in queries:
        for code, day, n, types in query.values_list(
            "region_code", "day", "activities", "activity_types"
        ):
            for key in wanted[code]:
                out[key].add(day, n, types or {})
    return out


def totals(area: tuple[str, ...] | None, start: date, end: date) -> dict[str, float]:
    """The counts and personnel-hours of an area (codes; None: the nation) over a
    period: whole regions from their area rows, desa from their daily rows."""
    codes = ("",) if area is None else normalised(area)
    names = (*COUNTS, "personnel_hours")
    out: dict[str, float] = {**dict.fromkeys(COUNTS, 0), "personnel_hours": 0.0}
    whole = [c for c in codes if len(c) <= KECAMATAN]
    single = [c for c in codes if len(c) > KECAMATAN]
    for model, part_codes in ((AreaFigures, whole), (DayFigures, single)):
        for part in chunks(part_codes):
            found = model.objects.filter(region_code__in=part, day__range=(start, end)).aggregate(
                **{name: Sum(name) for name in names}
            )
            for name in names:
                out[name] += found[name] or 0
    out["personnel_hours"] = round(out["personnel_hours"], 2)
    return out


def replace_stored(window_days: int = 31) -> int:
    """Every day of the stored daily figures counted again, a month at a time (the
    migration adding the table). Returns the number of days."""
    bounds = DayFigures.objects.aggregate(first=Min("day"), last=Max("day"))
    if bounds["first"] is None:
        return 0
    start, last = bounds["first"], bounds["last"]
    fields = ("region_code", "day", *COUNTS, "personnel_hours", "activity_types")
    while start <= last:
        end = min(last, start + timedelta(days=window_days - 1))
        rows = DayFigures.objects.filter(day__range=(start, end)).values(*fields)
        replace(start, end, {(r["region_code"], r["day"]): r for r in rows.iterator(2000)})
        start = end + timedelta(days=1)
    return (last - bounds["first"]).days + 1
