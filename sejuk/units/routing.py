"""Who answers for a place: the desa's Bhabinkamtibmas, else the Polsek, else the Polres,
else the Polda whose area covers it (``responsible_for``, asked of the database), and the
same answer kept per process (``routed``) so a citizen's report reads no unit or officer.

The kept answers are dropped in the process that changes a unit, an officer, an area or
an officer's villages (the signals below, at once and again at commit), and in every
other process at the latest ``KEEP_SECONDS`` later: a change made by another server, or
by a bulk update that sends no signal, reaches every report form within a minute."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from sejuk.regions.models import Level, Region

from .models import Officer, Unit, UnitLevel

KEEP_SECONDS = 60.0


def responsible_for(region: Region) -> tuple[Unit, Officer | None]:
    """The rule, asked through the link tables (a handful of rows each)."""
    if region.level == Level.DESA:
        officer_ids = Officer.villages.through.objects.filter(region_id=region.code).values(
            "officer_id"
        )
        officer = (
            Officer.objects.filter(pk__in=officer_ids, active=True, is_bhabinkamtibmas=True)
            .select_related("unit")
            .order_by("pk")
            .first()
        )
        if officer is not None:
            return officer.unit, officer
    parts = region.code.split(".")
    prefixes = [".".join(parts[:i]) for i in range(len(parts), 0, -1)]
    covering = Unit.area.through.objects.filter(region_id__in=prefixes).values("unit_id")
    units = {u.level: u for u in Unit.objects.filter(pk__in=covering, active=True).order_by("-pk")}
    for level in (UnitLevel.POLSEK, UnitLevel.POLRES, UnitLevel.POLDA):
        if level in units:
            return units[level], None
    return Unit.objects.get(level=UnitLevel.MABES), None


@dataclass(frozen=True)
class Route:
    """Who answers, as the report stores it (ids) and its history tells it (names)."""

    unit_id: int
    unit_name: str
    officer_id: int | None
    officer_label: str


class RouteCache:
    """Routes per region code in this process, dropped whole on any change."""

    def __init__(self, keep_seconds: float = KEEP_SECONDS) -> None:
        self.keep_seconds = keep_seconds
        self._lock = threading.Lock()
        self._routes: dict[str, Route] = {}
        self._since = time.monotonic()

    def get(self, region: Region) -> Route:
        now = time.monotonic()
        with self._lock:
            if now - self._since > self.keep_seconds:
                self._routes, self._since = {}, now
            route = self._routes.get(region.code)
        if route is None:
            unit, officer = responsible_for(region)
            route = Route(unit.pk, unit.name, officer.pk if officer else None, str(officer or ""))
            with self._lock:
                self._routes[region.code] = route
        return route

    def clear(self) -> None:
        with self._lock:
            self._routes, self._since = {}, time.monotonic()


routes = RouteCache()


def routed(region: Region) -> Route:
    """``responsible_for``, kept per process (see the module's note)."""
    return routes.get(region)


def _changed(**_: Any) -> None:
    routes.clear()
    transaction.on_commit(routes.clear)  # a form filled meanwhile from the old rows


def connect() -> None:
    """Called once from the app's ready()."""
    for model in (Unit, Officer):
        post_save.connect(_changed, sender=model, dispatch_uid=f"routing-save-{model.__name__}")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"routing-del-{model.__name__}")
    for through in (Unit.area.through, Officer.villages.through):
        m2m_changed.connect(_changed, sender=through, dispatch_uid=f"routing-m2m-{through}")
