"""An activity as it goes out: one record, made by one mapping, for the JSON API (its
response schema is this dataclass) and the CSV and XLSX exports alike."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .models import Activity

# What a list reads of each activity besides the row itself, in one query each.
RELATED = ("types", "participants", "officers", "leaders", "photos")


@dataclass(frozen=True)
class ParticipantOut:
    category: str
    count: int | None


@dataclass(frozen=True)
class ActivityOut:
    id: int
    unit_id: int
    unit_name: str
    region: str
    region_name: str
    dusun: str
    landmark: str
    lat: float | None
    lng: float | None
    online: bool
    date: dt.date
    start: str  # "16:30", in the place's zone
    end: str | None
    zone: str
    starts_at: dt.datetime
    ends_at: dt.datetime | None
    types: list[str]
    participants: list[ParticipantOut]
    personnel_count: int | None
    officer_ids: list[int]
    leader_ids: list[int]
    summary: str
    findings: str
    situation: str
    follow_up: bool
    follow_up_note: str
    election: str
    phase: str
    source: str
    is_demo: bool
    photos: list[int]
    version: int


def activity_out(a: Activity) -> ActivityOut:
    local = a.local_times()
    return ActivityOut(
        id=a.pk,
        unit_id=a.unit_id,
        unit_name=a.unit.name,
        region=a.region_id,
        region_name=a.region.name,
        dusun=a.dusun,
        landmark=a.landmark,
        lat=a.lat,
        lng=a.lng,
        online=a.online,
        date=local.day,
        start=local.start.strftime("%H:%M"),
        end=local.end.strftime("%H:%M") if local.end else None,
        zone=local.zone,
        starts_at=a.starts_at,
        ends_at=a.ends_at,
        types=[t.code for t in a.types.all()],
        participants=[ParticipantOut(p.category, p.count) for p in a.participants.all()],
        personnel_count=a.personnel_count,
        officer_ids=[o.pk for o in a.officers.all()],
        leader_ids=[le.pk for le in a.leaders.all()],
        summary=a.summary,
        findings=a.findings,
        situation=a.situation,
        follow_up=a.follow_up,
        follow_up_note=a.follow_up_note,
        election=a.election,
        phase=a.phase,
        source=a.source,
        is_demo=a.is_demo,
        photos=[p.pk for p in a.photos.all()],
        version=a.version,
    )
