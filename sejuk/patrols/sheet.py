"""A stored patrol plan as the pages show it, computed once: each team's route in order
with arrival times and each stop's reasons, what was left out and why, the text for a
WhatsApp group, and after the day what was done."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from django.conf import settings

from sejuk import dates
from sejuk.accounts.access import Viewer, area_codes, region_q, subtree_ids
from sejuk.accounts.workplace import today_for
from sejuk.activities.services import visible as visible_activities
from sejuk.reference.zones import zone_of
from sejuk.regions.models import Region

from . import route
from .models import PatrolPlan, PatrolStop
from .services import get_plan, place_of, start_of_plan, travel


@dataclass(frozen=True)
class StopLine:
    stop: PatrolStop
    name: str
    kecamatan: str
    arrive: str  # "08.20"
    parts: list[Any]  # [name, label, points, why]
    days_since: int | None
    reports: list[Any]  # [id, tracking code, urgency]
    added: bool

    @property
    def purpose(self) -> str:
        """Why the team goes there, in a few words, for the printed sheet and the text."""
        bits = [f"kerawanan {self.stop.need:.0f}"]
        bits += [str(p[1]).lower() for p in self.parts[:2] if p[0] != "baseline"]
        if self.days_since is not None:
            bits.append(f"{self.days_since} hari sejak kunjungan terakhir")
        elif not self.added:
            bits.append("belum pernah dikunjungi")
        if self.reports:
            bits.append(f"laporan {self.reports[0][2]} menunggu")
        return "; ".join(bits)


@dataclass(frozen=True)
class TeamRoute:
    number: int
    officers: list[Any]
    stops: list[StopLine]
    minutes: float
    budget: int

    @property
    def over_budget(self) -> bool:
        return self.minutes > self.budget

    @property
    def hours(self) -> str:
        return f"{int(self.minutes) // 60} jam {int(self.minutes) % 60} menit"


@dataclass(frozen=True)
class Outcome:
    visited: list[str]
    missed: list[str]
    off_plan: list[str]


@dataclass(frozen=True)
class Sheet:
    plan: PatrolPlan
    zone: str
    start: str
    teams: list[TeamRoute]
    left_out: list[StopLine]
    outcome: Outcome | None
    names: dict[str, str]

    @property
    def empty(self) -> bool:
        """Nothing to plan: no desa of the area has a tension stored yet."""
        return not self.left_out and not any(t.stops for t in self.teams)

    @property
    def day_label(self) -> str:
        return dates.release_date(self.plan.day)


def _line(stop: PatrolStop, arrive: str, kecamatan: dict[str, str]) -> StopLine:
    r = stop.reasons or {}
    return StopLine(
        stop,
        stop.region.name,
        kecamatan.get(stop.region_id[:8], ""),
        arrive,
        list(r.get("parts", [])),
        r.get("days_since"),
        list(r.get("reports", [])),
        bool(r.get("added")),
    )


def sheet(viewer: Viewer, plan_id: int) -> Sheet:
    plan = get_plan(viewer, plan_id)
    stops = list(plan.stops.select_related("region", "team"))
    kec = dict(
        Region.objects.filter(code__in={s.region_id[:8] for s in stops}).values_list("code", "name")
    )
    places = {s.region_id: place_of(s.region) for s in stops}
    start_place = start_of_plan(plan)
    zone = zone_of(plan.unit.home_region_id or "31")
    setout = datetime.combine(plan.day, time.fromisoformat(settings.PATROL_START))
    teams = []
    for team in plan.teams.prefetch_related("officers"):
        mine = sorted((s for s in stops if s.team_id == team.pk), key=lambda s: s.position)
        arrivals, total = route.timeline(start_place, [places[s.region_id] for s in mine], travel())
        lines = [
            _line(s, dates.clock(setout + timedelta(minutes=a)), kec)
            for s, a in zip(mine, arrivals, strict=True)
        ]
        teams.append(
            TeamRoute(team.number, list(team.officers.all()), lines, total, plan.budget_minutes)
        )
    left = sorted((s for s in stops if s.team_id is None), key=lambda s: -s.need)
    outcome = _outcome(viewer, plan, stops) if plan.published_at else None
    names = {s.region_id: s.region.name for s in stops}
    if outcome and outcome.off_plan:
        names.update(Region.objects.filter(code__in=outcome.off_plan).values_list("code", "name"))
    return Sheet(
        plan,
        zone,
        dates.clock(setout),
        teams,
        [_line(s, "", kec) for s in left],
        outcome,
        names,
    )


def _outcome(viewer: Viewer, plan: PatrolPlan, stops: list[PatrolStop]) -> Outcome | None:
    """From the day on: planned desa with an activity recorded that day, planned desa
    without, and desa of the area visited that day outside the plan."""
    if today_for(viewer) < plan.day:
        return None
    area = area_codes(subtree_ids(plan.unit_id))
    done = set(
        visible_activities(viewer)
        .filter(region_q(area, "region_id"), local_date=plan.day)
        .values_list("region_id", flat=True)
    )
    planned = {s.region_id for s in stops if s.team_id is not None}
    return Outcome(
        visited=sorted(planned & done),
        missed=sorted(planned - done),
        off_plan=sorted(c for c in done - planned if len(c) == 13),
    )


def whatsapp_text(s: Sheet, team: TeamRoute) -> str:
    """One team's route as a message for its WhatsApp group: names, order, purpose."""
    lines = [
        f"*Rencana patroli Tim {team.number} – {s.plan.unit.name}*",
        f"{s.day_label}, berangkat {s.start} {s.zone}",
    ]
    if team.officers:
        lines.append("Personel: " + ", ".join(str(o) for o in team.officers))
    lines.append("")
    for n, stop in enumerate(team.stops, start=1):
        lines.append(
            f"{n}. {stop.arrive} {s.zone} – {stop.name}"
            + (f" (Kec. {stop.kecamatan})" if stop.kecamatan else "")
        )
        lines.append(f"   Tujuan: patroli dialogis; {stop.purpose}")
    lines.append("")
    lines.append(f"Perkiraan kembali setelah {team.hours}.")
    return "\n".join(lines)


def tomorrow(viewer: Viewer) -> date:
    return today_for(viewer) + timedelta(days=1)
