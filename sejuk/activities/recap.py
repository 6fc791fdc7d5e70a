"""Recaps and coverage: activities per unit and type over a period, and the share of
desa that an officer reached in the last N days, with the desa never reached."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, Max

from sejuk.accounts.access import Viewer, area_codes, region_q, subtree_ids
from sejuk.accounts.workplace import today_for
from sejuk.errors import Invalid, NotFound
from sejuk.reference.taxonomy import ACTIVITY_TYPES
from sejuk.regions.models import Level, Region
from sejuk.units.models import Unit

from .models import ActivityType
from .services import visible

MAX_DAYS = 400
# Units whose recap lists their desa's coverage (a Polres has a few hundred desa; a
# Polda thousands, the nation 83,762: they drill down per unit instead).
LISTED_LEVELS = ("polres", "polsek")


@dataclass(frozen=True)
class RecapRow:
    unit: Unit
    counts: dict[str, int]  # activity type -> number of activities
    total: int  # activities (one with two types counts once)


@dataclass(frozen=True)
class Recap:
    unit: Unit
    start: date
    end: date
    rows: list[RecapRow]
    totals: dict[str, int]
    total: int
    weeks: list[tuple[date, int]]  # Monday of each week -> activities
    types: list[tuple[str, str]]  # the types that occur, code and label, in taxonomy order
    days: list[tuple[date, int]]  # every day of the period -> activities


def _root_unit(viewer: Viewer, unit_id: int | None) -> Unit:
    unit = Unit.objects.filter(pk=unit_id or viewer.unit_id or 0).first()
    if unit is None or (viewer.unit_ids is not None and unit.pk not in viewer.unit_ids):
        raise NotFound("Satuan tidak ditemukan di wilayah Anda.")
    return unit


def _check_period(start: date, end: date) -> None:
    if end < start:
        raise Invalid("Tanggal akhir sebelum tanggal awal.", {"end": "sebelum tanggal awal"})
    if (end - start).days > MAX_DAYS:
        raise Invalid(
            f"Periode paling panjang {MAX_DAYS} hari.", {"end": "periode terlalu panjang"}
        )


def _groups(root: Unit, children: list[Unit]) -> tuple[dict[int, Unit], bool]:
    """Every unit under ``root`` mapped to the child of ``root`` it falls under (the root
    to itself), from one read of the unit tree instead of a walk per child; and whether
    that is every unit there is."""
    parent_of = dict(Unit.objects.values_list("pk", "parent_id"))
    group_of: dict[int, Unit] = {root.pk: root}
    group_of.update({child.pk: child for child in children})
    for uid in parent_of:
        path: list[int] = []
        at: int | None = uid
        while at is not None and at not in group_of and len(path) <= len(parent_of):
            path.append(at)
            at = parent_of.get(at)
        if at is not None and at in group_of:
            for step in path:  # the climb's units share the group found
                group_of[step] = group_of[at]
    return group_of, len(group_of) == len(parent_of)


def recap(viewer: Viewer, start: date, end: date, unit_id: int | None = None) -> Recap:
    _check_period(start, end)
    root = _root_unit(viewer, unit_id)
    children = list(Unit.objects.filter(parent=root, active=True).order_by("name"))
    group_of, every = _groups(root, children)
    activities = visible(viewer).filter(local_date__range=(start, end))
    if not every:  # the nation's root holds every unit: no condition of thousands of ids
        activities = activities.filter(unit_id__in=list(group_of))
    per_unit: dict[int, int] = defaultdict(int)
    for row in activities.values("unit_id").annotate(n=Count("id")):
        per_unit[group_of[row["unit_id"]].pk] += row["n"]
    per_type: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    typed = ActivityType.objects.filter(activity__in=activities.values("pk"))
    for row in typed.values("activity__unit_id", "code").annotate(n=Count("id")):
        per_type[group_of[row["activity__unit_id"]].pk][row["code"]] += row["n"]
    weeks: dict[date, int] = defaultdict(int)
    days: dict[date, int] = {}
    for row in activities.values("local_date").annotate(n=Count("id")):
        days[row["local_date"]] = row["n"]
        monday = row["local_date"] - timedelta(days=row["local_date"].weekday())
        weeks[monday] += row["n"]
    rows = [
        RecapRow(u, dict(per_type[u.pk]), per_unit[u.pk])
        for u in [root, *children]
        if u is not root or per_unit[root.pk]
    ]
    totals: dict[str, int] = defaultdict(int)
    for r in rows:
        for code, n in r.counts.items():
            totals[code] += n
    first_monday = start - timedelta(days=start.weekday())
    week_list = []
    monday = first_monday
    while monday <= end:
        week_list.append((monday, weeks.get(monday, 0)))
        monday += timedelta(days=7)
    return Recap(
        unit=root,
        start=start,
        end=end,
        rows=rows,
        totals=dict(totals),
        total=sum(r.total for r in rows),
        weeks=week_list,
        types=[(c, label) for c, label in ACTIVITY_TYPES.items() if totals.get(c)],
        days=[
            (start + timedelta(days=i), days.get(start + timedelta(days=i), 0))
            for i in range((end - start).days + 1)
        ],
    )


@dataclass(frozen=True)
class Coverage:
    unit: Unit
    days: int
    since: date
    total: int  # desa/kelurahan in the unit's area
    reached: int  # of which reached in the last `days` days
    never: list[Region]  # never reached by any recorded activity
    stale: list[tuple[Region, date]]  # reached before, not in the last `days` days

    @property
    def share(self) -> float:
        return self.reached / self.total if self.total else 0.0


def coverage(
    viewer: Viewer, unit_id: int | None = None, days: int = 30, today: date | None = None
) -> Coverage:
    if not 1 <= days <= 365:
        raise Invalid("Jumlah hari antara 1 dan 365.", {"days": "antara 1 dan 365"})
    root = _root_unit(viewer, unit_id)
    # Codes inside another are dropped: a Polda's area is then its province, not the
    # province and every kecamatan of its Polsek, each one more condition per row.
    area = area_codes(subtree_ids(root.pk))
    villages = list(
        Region.objects.filter(region_q(area, "code"), level=Level.DESA).order_by("code")
    )
    today = today or today_for(viewer)
    since = today - timedelta(days=days - 1)
    # As of `today`: what was logged for later days does not count (a recap or a
    # situation report of a past day shows that day's coverage).
    last = dict(
        visible(viewer)
        .filter(region_q(area, "region__code"), region__level=Level.DESA, local_date__lte=today)
        .values("region_id")
        .annotate(last=Max("local_date"))
        .values_list("region_id", "last")
    )
    reached = sum(1 for v in villages if v.code in last and last[v.code] >= since)
    return Coverage(
        unit=root,
        days=days,
        since=since,
        total=len(villages),
        reached=reached,
        never=[v for v in villages if v.code not in last],
        stale=[(v, last[v.code]) for v in villages if v.code in last and last[v.code] < since],
    )
