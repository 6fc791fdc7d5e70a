"""Coverage at any scope, per unit below, from the daily figures: for each unit under
the chosen one, its desa, those reached in the last N days, those never reached in the
figures' history, and its tensest desa, with a link to drill down. Never a list of tens
of thousands of desa: the desa themselves are listed only below a Polsek-sized area."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Q

from sejuk.accounts.access import OutsideArea, Viewer, area_codes, require, subtree_ids
from sejuk.accounts.workplace import today_for
from sejuk.errors import Invalid, NotFound
from sejuk.regions.models import Level, Region
from sejuk.units.models import Unit

from . import services
from .codes import below
from .models import DayFigures

LIST_LIMIT = 300


@dataclass(frozen=True)
class UnitCoverage:
    unit: Unit
    villages: int
    reached: int
    ever: int
    sangat_rawan: int

    @property
    def share(self) -> float:
        return self.reached / self.villages if self.villages else 0.0


@dataclass(frozen=True)
class CoveragePage:
    unit: Unit
    days: int
    since: date
    total: UnitCoverage
    rows: list[UnitCoverage]
    unreached: list[Region]  # only for a small area
    unreached_more: int


def _q(area: tuple[str, ...], name: str) -> Q:
    q = Q(pk__in=[]) if name == "code" else Q(id__in=[])
    for code in area:
        q |= Q(**{name: code}) | below(code, name)
    return q


def _of(unit: Unit, day: date, since: date) -> tuple[UnitCoverage, tuple[str, ...]]:
    area = area_codes(subtree_ids(unit.pk)) if unit.level != "mabes" else ()
    scope: tuple[str, ...] | None = area if unit.level != "mabes" else None
    villages = (
        Region.objects.filter(level=Level.DESA)
        if scope is None
        else Region.objects.filter(_q(area, "code"), level=Level.DESA)
    ).count()
    reached = services.reached(scope, since, day)
    ever = services.reached(scope, date(1970, 1, 1), day)
    levels = services.level_counts(scope, services.latest_day(scope, day) or day)
    return UnitCoverage(unit, villages, reached, ever, levels.get("sangat_rawan", 0)), area


def coverage_page(
    viewer: Viewer, unit_id: int | None, days: int = 30, on: date | None = None
) -> CoveragePage:
    require(viewer, "tension.read")
    if not 1 <= days <= 365:
        raise Invalid("Jumlah hari antara 1 dan 365.", {"hari": "antara 1 dan 365"})
    unit = Unit.objects.filter(pk=unit_id or viewer.unit_id or 0).first()
    if unit is None:
        raise NotFound("Satuan tidak ditemukan.")
    if viewer.unit_ids is not None and unit.pk not in viewer.unit_ids:
        raise OutsideArea("unit", unit.pk)
    services.catch_up()
    day = on or today_for(viewer)
    since = day - timedelta(days=days - 1)
    total, area = _of(unit, day, since)
    children = Unit.objects.filter(parent=unit, active=True).order_by("name")
    rows = [_of(child, day, since)[0] for child in children]
    unreached: list[Region] = []
    more = 0
    if unit.level in ("polsek", "polres") and area:
        seen = set(
            DayFigures.objects.filter(
                _q(area, "region_code"), day__range=(since, day), activities__gt=0
            ).values_list("region_code", flat=True)
        )
        missing = Region.objects.filter(_q(area, "code"), level=Level.DESA).exclude(code__in=seen)
        more = max(0, missing.count() - LIST_LIMIT)
        unreached = list(missing.order_by("code")[:LIST_LIMIT])
    return CoveragePage(unit, days, since, total, rows, unreached, more)
