"""Who answers for a place: the desa's Bhabinkamtibmas, else the Polsek, else the Polres,
else the Polda whose area covers it (``responsible_for``, asked of the database), and the
same rule worked out per process from a table of the whole country's routing data read
at once (``routed``), so a citizen's report reads no unit or officer, whichever desa it
comes from.

The kept table is dropped in the process that changes a unit, an officer, an area or
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


class RouteTable:
    """The data of the rule for the whole country, read at once (three queries: every
    region's level, the Bhabinkamtibmas of every desa, the active units covering every
    region), and each place's route worked out from it when first asked. A report for
    any desa, even one never reported from before, reads no region, unit or officer."""

    def __init__(self) -> None:
        # region code -> its level: which codes name a place (a region added since is
        # looked up in the database by the caller: ``level`` says None)
        self.levels: dict[str, int] = dict(Region.objects.values_list("code", "level"))
        # desa code -> the route to its Bhabinkamtibmas (the lowest id, as the rule)
        self.bhabin: dict[str, Route] = {}
        officers = (
            Officer.villages.through.objects.filter(
                officer__active=True, officer__is_bhabinkamtibmas=True
            )
            .order_by("officer_id")
            .values_list(
                "region_id", "officer_id", "officer__rank", "officer__name",
                "officer__unit_id", "officer__unit__name",
            )
        )  # fmt: skip
        for code, officer_id, rank, name, unit_id, unit_name in officers:
            if code not in self.bhabin:
                label = f"{rank} {name}".strip()  # as Officer.__str__
                self.bhabin[code] = Route(unit_id, unit_name, officer_id, label)
        # region code -> the active units whose area names it: (level, id, name)
        self.covering: dict[str, list[tuple[str, int, str]]] = {}
        areas = Unit.area.through.objects.filter(unit__active=True).values_list(
            "region_id", "unit__level", "unit_id", "unit__name"
        )
        for code, level, unit_id, unit_name in areas:
            self.covering.setdefault(code, []).append((level, unit_id, unit_name))
        self._routes: dict[str, Route] = {}

    def level(self, code: str) -> int | None:
        return self.levels.get(code)

    def route(self, code: str, level: int) -> Route:
        found = self._routes.get(code)
        if found is None:
            found = self._routes[code] = self._work_out(code, level)
        return found

    def _work_out(self, code: str, level: int) -> Route:
        if level == Level.DESA and code in self.bhabin:
            return self.bhabin[code]
        parts = code.split(".")
        first: dict[str, tuple[int, str]] = {}  # per level, the unit with the lowest id
        for n in range(len(parts), 0, -1):
            for unit_level, unit_id, name in self.covering.get(".".join(parts[:n]), ()):
                if unit_level not in first or unit_id < first[unit_level][0]:
                    first[unit_level] = (unit_id, name)
        for unit_level in (UnitLevel.POLSEK, UnitLevel.POLRES, UnitLevel.POLDA):
            if unit_level in first:
                return Route(*first[unit_level], None, "")
        mabes = Unit.objects.get(level=UnitLevel.MABES)
        return Route(mabes.pk, mabes.name, None, "")


class RouteCache:
    """The route table of this process, dropped whole on any change (see the module's
    note) and read again when next asked. One thread reads it at a time; when the kept
    table has only grown old, the others go on with it meanwhile (a read takes about a
    second at national scale), and only a dropped one is waited for."""

    def __init__(self, keep_seconds: float = KEEP_SECONDS) -> None:
        self.keep_seconds = keep_seconds
        self._lock = threading.Lock()
        self._reading = threading.Lock()
        self._table: RouteTable | None = None
        self._since = time.monotonic()
        self._generation = 0

    def get(self, region: Region) -> Route:
        return self.table().route(region.code, region.level)

    def _kept(self) -> tuple[RouteTable | None, bool, int]:
        with self._lock:
            fresh = time.monotonic() - self._since <= self.keep_seconds
            return self._table, fresh, self._generation

    def table(self) -> RouteTable:
        table, fresh, _ = self._kept()
        if table is not None and fresh:
            return table
        if table is not None and not self._reading.acquire(blocking=False):
            return table  # old, not dropped: served while another thread reads anew
        if table is None:
            self._reading.acquire()
        try:
            current, fresh, generation = self._kept()
            if current is not None and current is not table and fresh:
                return current  # read by another thread while this one waited
            table = RouteTable()
            with self._lock:
                if generation == self._generation:  # not dropped while it was read
                    self._table, self._since = table, time.monotonic()
            return table
        finally:
            self._reading.release()

    def clear(self) -> None:
        with self._lock:
            self._table, self._since = None, time.monotonic()
            self._generation += 1


routes = RouteCache()


def routed(region: Region) -> Route:
    """``responsible_for``, from the table kept per process (see the module's note)."""
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
