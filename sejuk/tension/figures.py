"""Daily figures computed from the raw records: one function for the full rebuild and
for the few (region, day) keys a write touched, so both give the same rows.

A day is the place's own date (WIB, WITA, WIT). Activities carry theirs
(``local_date``); incidents and reports are dated here from their moment and the zone of
their region. A report counts as opened on the day it came in, settled on the day it was
settled, and overdue on the day of its deadline when its first response came later, or
has not come and the deadline has passed (the job ``angka-harian`` marks those days when
a deadline passes with no write)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from django.db.models import Q

from sejuk import dates
from sejuk.activities.models import Activity, ActivityType
from sejuk.incidents.models import Incident
from sejuk.reference.zones import zone_of
from sejuk.reports.models import Report, State

Key = tuple[str, date]
SEVERITIES = ("ringan", "sedang", "berat")


def severity(dead: int, injured: int, buildings: int, vehicles: int) -> str:
    """An incident's weight by what it cost: a death, several injured or a building
    damaged is *berat*; anyone hurt or a vehicle damaged *sedang*; otherwise *ringan*."""
    if dead or injured >= 3 or buildings:
        return "berat"
    if injured or vehicles:
        return "sedang"
    return "ringan"


@dataclass
class Row:
    activities: int = 0
    activity_types: dict[str, int] = field(default_factory=dict)
    personnel_hours: float = 0.0
    incidents: int = 0
    incidents_severe: int = 0
    incident_types: dict[str, int] = field(default_factory=dict)
    incident_severity: dict[str, int] = field(default_factory=dict)
    reports_opened: int = 0
    reports_settled: int = 0
    reports_overdue: int = 0
    situation: str = ""
    situation_at: datetime | None = None

    def values(self) -> dict[str, Any]:
        return {
            "activities": self.activities,
            "activity_types": dict(sorted(self.activity_types.items())),
            "personnel_hours": round(self.personnel_hours, 2),
            "incidents": self.incidents,
            "incidents_severe": self.incidents_severe,
            "incident_types": dict(sorted(self.incident_types.items())),
            "incident_severity": dict(sorted(self.incident_severity.items())),
            "reports_opened": self.reports_opened,
            "reports_settled": self.reports_settled,
            "reports_overdue": self.reports_overdue,
            "situation": self.situation,
            "situation_at": self.situation_at,
        }


def local_day(moment: datetime, code: str) -> date:
    return dates.local(moment, zone_of(code)).date()


def _moment_q(name: str, start: date | None, end: date | None) -> Q:
    """Moments that may fall on the days start..end somewhere in Indonesia (UTC+7..+9)."""
    q = Q()
    if start is not None:
        q &= Q(**{f"{name}__gte": datetime.combine(start, time.min, UTC) - timedelta(hours=10)})
    if end is not None:
        q &= Q(**{f"{name}__lt": datetime.combine(end, time.min, UTC) + timedelta(days=1)})
    return q


def _in_days(day: date, start: date | None, end: date | None) -> bool:
    return (start is None or day >= start) and (end is None or day <= end)


def compute(
    codes: Iterable[str] | None, start: date | None, end: date | None, now: datetime
) -> dict[Key, Row]:
    """The figures of the regions ``codes`` (None: every region) on the days start..end
    (None: unbounded), as of ``now``. Only keys with something to count appear."""
    code_list = sorted(set(codes)) if codes is not None else None
    rows: dict[Key, Row] = defaultdict(Row)
    _activities(rows, code_list, start, end)
    _incidents(rows, code_list, start, end)
    _reports(rows, code_list, start, end, now)
    return dict(rows)


def _activities(
    rows: dict[Key, Row], codes: list[str] | None, start: date | None, end: date | None
) -> None:
    qs = Activity.objects.alive()
    if codes is not None:
        qs = qs.filter(region_id__in=codes)
    if start is not None:
        qs = qs.filter(local_date__gte=start)
    if end is not None:
        qs = qs.filter(local_date__lte=end)
    fields = ("region_id", "local_date", "personnel_count", "starts_at", "ends_at", "situation")
    for code, day, personnel, starts, ends, situation in (
        qs.order_by("starts_at", "pk").values_list(*fields).iterator(chunk_size=20000)
    ):
        row = rows[(code, day)]
        row.activities += 1
        if personnel and ends is not None and ends > starts:
            row.personnel_hours += personnel * (ends - starts).total_seconds() / 3600
        if situation:
            row.situation, row.situation_at = situation, starts
    types = ActivityType.objects.filter(activity__deleted_at__isnull=True)
    if codes is not None:
        types = types.filter(activity__region_id__in=codes)
    if start is not None:
        types = types.filter(activity__local_date__gte=start)
    if end is not None:
        types = types.filter(activity__local_date__lte=end)
    for code, day, kind in types.values_list(
        "activity__region_id", "activity__local_date", "code"
    ).iterator(chunk_size=20000):
        counts = rows[(code, day)].activity_types
        counts[kind] = counts.get(kind, 0) + 1


def _incidents(
    rows: dict[Key, Row], codes: list[str] | None, start: date | None, end: date | None
) -> None:
    qs = Incident.objects.all()
    if codes is not None:
        qs = qs.filter(region_id__in=codes)
    qs = qs.filter(
        (Q(occurred_at__isnull=False) & _moment_q("occurred_at", start, end))
        | (Q(occurred_at__isnull=True) & _moment_q("created_at", start, end))
    )
    fields = (
        "region_id",
        "occurred_at",
        "created_at",
        "types",
        "dead",
        "injured",
        "damaged_buildings",
        "damaged_vehicles",
    )
    for code, occurred, created, kinds, dead, injured, buildings, vehicles in qs.values_list(
        *fields
    ).iterator(chunk_size=20000):
        day = local_day(occurred or created, code)
        if not _in_days(day, start, end):
            continue
        row = rows[(code, day)]
        row.incidents += 1
        grade = severity(dead, injured, buildings, vehicles)
        row.incident_severity[grade] = row.incident_severity.get(grade, 0) + 1
        row.incidents_severe += grade == "berat"
        for kind in set(kinds or ()):
            row.incident_types[kind] = row.incident_types.get(kind, 0) + 1


def _reports(
    rows: dict[Key, Row],
    codes: list[str] | None,
    start: date | None,
    end: date | None,
    now: datetime,
) -> None:
    qs = Report.objects.all()
    if codes is not None:
        qs = qs.filter(region_id__in=codes)
    if start is not None or end is not None:
        qs = qs.filter(
            _moment_q("created_at", start, end)
            | _moment_q("settled_at", start, end)
            | _moment_q("due_at", start, end)
        )
    fields = ("region_id", "created_at", "settled_at", "due_at", "first_response_at", "state")
    for code, created, settled, due, responded, state in qs.values_list(*fields).iterator(
        chunk_size=20000
    ):
        day = local_day(created, code)
        if _in_days(day, start, end):
            rows[(code, day)].reports_opened += 1
        if settled is not None and state == State.SELESAI:
            day = local_day(settled, code)
            if _in_days(day, start, end):
                rows[(code, day)].reports_settled += 1
        if state in (State.DITOLAK, State.DUPLIKAT):
            continue
        late = responded > due if responded is not None else due < now
        if late:
            day = local_day(due, code)
            if _in_days(day, start, end):
                rows[(code, day)].reports_overdue += 1
