"""Incident services: record a verified incident, list and read them under the area rule,
and the incidents of a span of time (the daily situation report)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Q, QuerySet

from sejuk.accounts.access import Viewer, get_or_deny, require, require_region, scoped
from sejuk.errors import Invalid
from sejuk.reference.taxonomy import INCIDENT_TYPES, PARTICIPANTS
from sejuk.rules import rule, rules

from .models import Incident

Span = tuple[datetime, datetime]  # from the first moment, up to (not including) the second
COUNTS = ("dead", "injured", "damaged_buildings", "damaged_vehicles")


@dataclass
class IncidentInput:
    """What an officer says about an incident: its types, the parties by category and how
    many, the toll. Where and when come from what revealed it (a report, an activity)."""

    types: list[str] = rule(choices=INCIDENT_TYPES, max_items=12)
    description: str = rule("", max_length=5000)
    # participant category -> how many took part
    actors: dict[str, int] = rule(factory=dict, choices=PARTICIPANTS, minimum=0, maximum=100_000)
    dead: int = rule(0, minimum=0, maximum=100_000)
    injured: int = rule(0, minimum=0, maximum=100_000)
    damaged_buildings: int = rule(0, minimum=0, maximum=100_000)
    damaged_vehicles: int = rule(0, minimum=0, maximum=100_000)


RULES = rules(IncidentInput)


def check(data: IncidentInput) -> None:
    """Refuse an incident that cannot be recorded, naming each wrong field."""
    errors: dict[str, str] = {}
    kinds = RULES["types"].choices or {}
    if not data.types or any(t not in kinds for t in data.types):
        errors["types"] = "pilih jenis kejadian"
    parties = RULES["actors"]
    if any(a not in (parties.choices or {}) for a in data.actors):
        errors["actors"] = "pihak tidak dikenal"
    elif not all(parties.within(n) for n in data.actors.values()):
        errors["actors"] = "jumlah pihak tidak masuk akal"
    for name in COUNTS:
        if not RULES[name].within(getattr(data, name)):
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
        region_field="region_id",
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
