"""Where a viewer works: the zone of their desa or of their unit's home region, and the
day it is there. Every app asks this (the report queue's times, the activity form's
default date, the daily report's "yesterday"), so it lives beside the viewer."""

from __future__ import annotations

from datetime import date, datetime

from django.utils import timezone

from sejuk import dates
from sejuk.reference.zones import zone_of
from sejuk.units.models import Unit

from .access import Viewer

NATIONAL_REGION = "31"  # Jakarta: the zone of a viewer with no place (the whole country)


def zone_for(viewer: Viewer) -> str:
    """WIB, WITA or WIT: the zone where the viewer works (Jakarta's for the whole country)."""
    code = viewer.villages[0] if viewer.villages else viewer.home_region
    if code is None and viewer.unit_id:
        code = (
            Unit.objects.filter(pk=viewer.unit_id).values_list("home_region_id", flat=True).first()
        )
    return zone_of(code or NATIONAL_REGION)


def today_for(viewer: Viewer, now: datetime | None = None) -> date:
    """Today where the viewer works (WIB, WITA or WIT), not where the server stands."""
    return dates.today_in(zone_for(viewer), now or timezone.now())
