"""Recaps and coverage: activities per unit and type over a period, and the share of
desa that an officer reached in the last N days, with the desa never reached."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Protocol

from sejuk.accounts.access import Viewer
from sejuk.accounts.workplace import today_for
from sejuk.errors import Invalid, NotFound
from sejuk.reference.taxonomy import ACTIVITY_TYPES
from sejuk.regions.models import Level, Region
from sejuk.regions.services import villages_in
from sejuk.units import tree
from sejuk.units.models import Unit

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


class AreaCounts(Protocol):
    """Activities per area over a period (keys map to region codes), from the picture's
    daily figures. The picture registers it at start (``counted_by``): the work tier
    does not import the picture."""

    def __call__(
        self, areas: dict[int, tuple[str, ...] | None], start: date, end: date
    ) -> Mapping[int, AreaSums]: ...


class AreaSums(Protocol):
    activities: int
    types: dict[str, int]
    days: dict[date, int]


class LastVisits(Protocol):
    """Each desa of an area (codes; None: the nation) reached up to a day, and the last
    day it was, from the picture's daily figures."""

    def __call__(self, area: tuple[str, ...] | None, until: date) -> dict[str, date]: ...


_counts: list[AreaCounts] = []
_visits: list[LastVisits] = []


def counted_by(counter: AreaCounts, visits: LastVisits) -> None:
    """The picture's counts, registered from its app's ready()."""
    _counts[:] = [counter]
    _visits[:] = [visits]


def recap(viewer: Viewer, start: date, end: date, unit_id: int | None = None) -> Recap:
    """Activities per unit below the root and per type, counted by place: each unit's
    row is what happened in its area (a closed unit's area falls to the root's row),
    read from the daily figures per area, so a month of the nation reads a few
    thousand rows whatever the number of activities."""
    _check_period(start, end)
    root = _root_unit(viewer, unit_id)
    children = list(Unit.objects.filter(parent=root, active=True).order_by("name"))
    areas: dict[int, tuple[str, ...] | None] = dict(
        tree.current().areas(root.pk, [c.pk for c in children])
    )
    if root.level == "mabes":
        areas[root.pk] = None  # the nation: one row per day
    found = _counts[0](areas, start, end)
    whole = found[root.pk]
    per_unit = {c.pk: found[c.pk].activities for c in children}
    per_type = {c.pk: dict(found[c.pk].types) for c in children}
    # The root's own row: what its area saw outside every child's area.
    per_unit[root.pk] = max(0, whole.activities - sum(per_unit.values()))
    per_type[root.pk] = {}
    for code, n in whole.types.items():
        rest = n - sum(per_type[c.pk].get(code, 0) for c in children)
        if rest > 0:
            per_type[root.pk][code] = rest
    weeks: dict[date, int] = defaultdict(int)
    for day, n in whole.days.items():
        weeks[day - timedelta(days=day.weekday())] += n
    rows = [
        RecapRow(u, {k: v for k, v in per_type[u.pk].items() if v}, per_unit[u.pk])
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
            (start + timedelta(days=i), whole.days.get(start + timedelta(days=i), 0))
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
    never: list[Region]  # never reached by any recorded activity (the first, by code)
    stale: list[tuple[Region, date]]  # reached before, not in the last `days` days
    never_count: int = 0  # all of them, however many are listed
    stale_count: int = 0

    @property
    def share(self) -> float:
        return self.reached / self.total if self.total else 0.0


def coverage(
    viewer: Viewer,
    unit_id: int | None = None,
    days: int = 30,
    today: date | None = None,
    listed: int | None = None,
) -> Coverage:
    """The share of the unit's desa reached in the last ``days`` days up to ``today``,
    with the desa never reached and those reached only before; ``listed`` caps how many
    of each are named (the counts are always whole): a document of a Polda or of the
    nation names the first few of thousands, as codes read, not a record per desa."""
    root = _root_unit(viewer, unit_id)
    return coverages(viewer, root.pk, (), days, today, listed)[root.pk]


def coverages(
    viewer: Viewer,
    unit_id: int,
    children: Iterable[int],
    days: int = 30,
    today: date | None = None,
    listed: int | None = None,
) -> dict[int, Coverage]:
    """The coverage of a unit and of each unit below it (``children``), from one read of
    the unit's desa and their last visits, each desa counted for the child whose area
    holds it: a recap of the nation reads the country's desa once, not once more per
    Polda."""
    if not 1 <= days <= 365:
        raise Invalid("Jumlah hari antara 1 dan 365.", {"days": "antara 1 dan 365"})
    root = _root_unit(viewer, unit_id)
    units = {u.pk: u for u in Unit.objects.filter(pk__in=[root.pk, *children])}
    units[root.pk] = root
    # Codes inside another are dropped: a Polda's area is then its province, not the
    # province and every kecamatan of its Polsek, each one more condition per row.
    areas = tree.current().areas(root.pk, [pk for pk in children if pk != root.pk])
    area: tuple[str, ...] | None = None
    villages = Region.objects.filter(level=Level.DESA)
    if root.level != "mabes":
        area = areas[root.pk]
        villages = Region.objects.filter(villages_in(area))
    codes = sorted(villages.values_list("code", flat=True))
    today = today or today_for(viewer)
    since = today - timedelta(days=days - 1)
    # As of `today`: what was logged for later days does not count (a recap or a
    # situation report of a past day shows that day's coverage).
    last = _visits[0](area, today)
    owner = {code: pk for pk, found in areas.items() if pk != root.pk for code in found}
    held: dict[int, list[str]] = {pk: [] for pk in areas}
    held[root.pk] = codes
    for code in codes if owner else ():
        for length in (2, 5, 8, 13):  # provinsi, kabupaten, kecamatan, desa
            if code[:length] in owner:
                held[owner[code[:length]]].append(code)
                break
    return {
        pk: _coverage(units[pk], held[pk], last, days, since, listed) for pk in areas if pk in units
    }


def _coverage(
    unit: Unit,
    codes: list[str],
    last: dict[str, date],
    days: int,
    since: date,
    listed: int | None,
) -> Coverage:
    never = [c for c in codes if c not in last]
    stale = [c for c in codes if c in last and last[c] < since]
    named = Region.objects.in_bulk([*never[:listed], *stale[:listed]]) if listed != 0 else {}
    return Coverage(
        unit=unit,
        days=days,
        since=since,
        total=len(codes),
        reached=len(codes) - len(never) - len(stale),
        never=[named[c] for c in never[:listed]] if named else [],
        stale=[(named[c], last[c]) for c in stale[:listed]] if named else [],
        never_count=len(never),
        stale_count=len(stale),
    )
