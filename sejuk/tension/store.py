"""Writing daily figures: for a few keys (upkeep) or for everything (rebuild)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date, datetime, timedelta

from django.db import transaction
from django.db.models import Max, Min, Q

from sejuk.activities.models import Activity
from sejuk.incidents.models import Incident
from sejuk.reports.models import Report

from . import figures, lastvisit, rollup
from .figures import Key
from .models import DayFigures

FIELDS = [
    "activities",
    "activity_types",
    "personnel_hours",
    "incidents",
    "incidents_severe",
    "incident_types",
    "incident_severity",
    "reports_opened",
    "reports_settled",
    "reports_overdue",
    "situation",
    "situation_at",
]


def _upsert(rows: dict[Key, figures.Row]) -> None:
    made = [
        DayFigures(region_code=code, day=day, **row.values()) for (code, day), row in rows.items()
    ]
    DayFigures.objects.bulk_create(
        made,
        batch_size=2000,
        update_conflicts=True,
        unique_fields=["region_code", "day"],
        update_fields=FIELDS,
    )


def write_keys(keys: Iterable[Key], now: datetime) -> None:
    """Recompute exactly these keys: upsert what has figures, delete what has none."""
    by_day: dict[date, set[str]] = defaultdict(set)
    for code, day in keys:
        by_day[day].add(code)
    codes = {c for cs in by_day.values() for c in cs}
    computed = figures.compute(codes, min(by_day), max(by_day), now)
    wanted = {(c, d) for d, cs in by_day.items() for c in cs}
    _upsert({k: v for k, v in computed.items() if k in wanted})
    empty = [k for k in wanted if k not in computed]
    if empty:
        q = Q()
        for code, day in empty:
            q |= Q(region_code=code, day=day)
        DayFigures.objects.filter(q).delete()
    rollup.keep(wanted)
    lastvisit.keep(codes)


WINDOW_DAYS = 31


def first_day() -> date | None:
    """The earliest day any record falls on (a day early: zones differ)."""
    found = [
        Activity.objects.aggregate(d=Min("local_date"))["d"],
        *(
            (m - timedelta(days=1)).date() if m else None
            for m in (
                Report.objects.aggregate(d=Min("created_at"))["d"],
                Incident.objects.aggregate(d=Min("occurred_at"))["d"],
                Incident.objects.aggregate(d=Min("created_at"))["d"],
            )
        ),
        DayFigures.objects.aggregate(d=Min("day"))["d"],
    ]
    days = [d for d in found if d is not None]
    return min(days) if days else None


def rebuild(now: datetime, since: date | None = None) -> int:
    """Every row from ``since`` (or all), from the raw records, a month at a time, each
    month in a transaction of its own (memory stays flat, and writers are never held
    up for long). Returns the number of rows written."""
    start = since or first_day()
    if start is None:
        return 0
    last = now.date() + timedelta(days=2)
    found = DayFigures.objects.aggregate(d=Max("day"))["d"]
    if found is not None and found > last:
        last = found
    written = 0
    while start <= last:
        end = min(last, start + timedelta(days=WINDOW_DAYS - 1))
        with transaction.atomic():
            computed = figures.compute(None, start, end, now)
            DayFigures.objects.filter(day__range=(start, end)).delete()
            _upsert(computed)
            rollup.replace(start, end, {k: row.values() for k, row in computed.items()})
        written += len(computed)
        start = end + timedelta(days=1)
    with transaction.atomic():
        lastvisit.replace()
    return written
