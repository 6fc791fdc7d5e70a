"""JSON API for incidents: the list in the viewer's area and one incident. Incidents are
recorded from what revealed them (``POST /api/reports/{id}/incident``)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated, Any

from django.http import HttpRequest
from ninja import Query, Router, Schema
from pydantic import Field

from sejuk.accounts.access import current_viewer
from sejuk.accounts.auth import signed_in
from sejuk.openapi import OneOf, input_schema
from sejuk.paging import page_of
from sejuk.reference.taxonomy import INCIDENT_TYPES

from . import services
from .models import Incident

router = Router(tags=["kejadian"], auth=signed_in)
# An incident as an officer records it: the fields and rules of services.IncidentInput.
if TYPE_CHECKING:
    IncidentIn = Any
else:
    IncidentIn = input_schema("IncidentIn", services.IncidentInput)


class IncidentOut(Schema):
    id: int
    types: list[str]
    occurred_at: dt.datetime | None
    region: str
    region_name: str
    actors: dict[str, int]
    dead: int
    injured: int
    damaged_buildings: int
    damaged_vehicles: int
    description: str
    created_at: dt.datetime


def incident_out(i: Incident) -> dict[str, Any]:
    return {
        "id": i.pk,
        "types": i.types,
        "occurred_at": i.occurred_at,
        "region": i.region_id,
        "region_name": i.region.name,
        "actors": i.actors,
        "dead": i.dead,
        "injured": i.injured,
        "damaged_buildings": i.damaged_buildings,
        "damaged_vehicles": i.damaged_vehicles,
        "description": i.description,
        "created_at": i.created_at,
    }


class IncidentParams(Schema):
    type: Annotated[str, OneOf(INCIDENT_TYPES, blank=True)] = ""
    region: str = Field("", max_length=13)
    q: str = Field("", max_length=100)
    page: int = Field(1, ge=1)
    size: int = Field(50, ge=1, le=200)


class IncidentPage(Schema):
    items: list[IncidentOut]
    total: int
    page: int
    pages: int


@router.get("", response=IncidentPage, summary="Kejadian di wilayah Anda")
def index(request: HttpRequest, params: Query[IncidentParams]) -> dict[str, Any]:
    flt = services.IncidentFilter(type=params.type, region=params.region, q=params.q)
    qs = services.list_incidents(current_viewer(request), flt)
    return page_of(qs, params.page, params.size, incident_out)


@router.get("/{incident_id}", response=IncidentOut, summary="Satu kejadian")
def detail(request: HttpRequest, incident_id: int) -> dict[str, Any]:
    return incident_out(services.get_incident(current_viewer(request), incident_id))
