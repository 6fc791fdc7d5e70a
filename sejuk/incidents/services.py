"""Incident services: record a verified incident, list and read them under the area rule,
and the incidents of a span of time (the daily situation report)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Q, QuerySet

from sejuk.accounts.access import Viewer, get_or_deny, require, require_region, scoped
from sejuk.errors import Invalid
from sejuk.reference.taxonomy import INCIDENT_TYPES, PARTICIPANTS

from .models import Incident

Span = tuple[datetime, datetime]  # from the first moment, up to (not including) the second
COUNTS = ("dead", "injured", "damaged_buildings", "damaged_vehicles")


@dataclass
class IncidentInput:
    """What an officer says about an incident: its types, the parties by category and how
    many, the toll. Where and when come from what revealed it (a report, an activity)."""

    types: list[str]
    description: str = ""
    actors: dict[str, int] = field(default_factory=dict)
    dead: int = 0
    injured: int = 0
    damaged_buildings: int = 0
    damaged_vehicles: int = 0


def check(data: IncidentInput) -> None:
    """Refuse an incident that cannot be recorded, naming each wrong field."""
    errors: dict[str, str] = {}
    if not data.types or any(t not in INCIDENT_TYPES for t in data.types):
        errors["types"] = "pilih jenis kejadian"
    if any(a not in PARTICIPANTS or n < 0 for a, n in (data.actors or {}).items()):
        errors["actors"] = "pihak tidak dikenal"
    for name in COUNTS:
        if not 0 <= getattr(data, name) <= 100_000:
            errors[name] = "angka tidak masuk akal"
    if errors:
        raise Invalid("Data kejadian belum benar.", errors)


def record_incident(
    viewer: Viewer,
    data: IncidentInput,
    *,
    region_id: str,
    occurred_at: datetime,
    check_area: bool = True,
) -> Incident:
    """A verified incident at a place and moment. ``check_area=False`` where the caller
    already admitted the viewer through what revealed it (a case assigned to their unit
    may lie outside their area)."""
    require(viewer, "incident.write")
    check(data)
    if check_area:
        require_region(viewer, "incident.write", region_id, "region")
    return Incident.objects.create(
        types=data.types,
        occurred_at=occurred_at,
        region_id=region_id,
        actors=data.actors or {},
        dead=data.dead,
        injured=data.injured,
        damaged_buildings=data.damaged_buildings,
        damaged_vehicles=data.damaged_vehicles,
        description=data.description.strip(),
        created_by_id=viewer.user_id,
    )


def visible(viewer: Viewer) -> QuerySet[Incident]:
    """The incidents in the viewer's area."""
    return scoped(
        Incident.objects.select_related("region"),
        viewer,
        "incident.read",
        region_field="region__code",
    )


@dataclass(frozen=True)
class IncidentFilter:
    type: str = ""
    region: str = ""
    q: str = ""


def list_incidents(viewer: Viewer, flt: IncidentFilter = IncidentFilter()) -> QuerySet[Incident]:
    qs = visible(viewer)
    if flt.type:
        if flt.type not in INCIDENT_TYPES:
            raise Invalid("Saringan tidak valid.", {"type": "jenis tidak dikenal"})
        # JSON lists differ by database; a type code is a whole quoted word in the list.
        qs = qs.filter(types__icontains=f'"{flt.type}"')
    if flt.region:
        qs = qs.filter(Q(region_id=flt.region) | Q(region__code__startswith=flt.region + "."))
    if flt.q:
        qs = qs.filter(Q(description__icontains=flt.q) | Q(region__name__icontains=flt.q))
    return qs


def get_incident(viewer: Viewer, incident_id: int) -> Incident:
    return get_or_deny(visible(viewer), "incident", incident_id)


def happened(viewer: Viewer, span: Span) -> QuerySet[Incident]:
    """Verified incidents in the viewer's area that happened in a span."""
    return visible(viewer).filter(occurred_at__gte=span[0], occurred_at__lt=span[1])
