"""Patrol plans: propose routes for a unit's teams from the picture, store the draft, edit
it, publish it as activity plans, and compare it afterwards with what was recorded.

``propose`` only reads and computes (the planner runs outside any write transaction);
``save`` writes what it proposed. The edge owns the transaction around each write."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.conf import settings
from django.db.models import Max, QuerySet

from sejuk.accounts.access import (
    Viewer,
    area_codes,
    get_or_deny,
    require,
    scoped_units,
    subtree_ids,
)
from sejuk.accounts.workplace import today_for
from sejuk.activities.services import visible as visible_activities
from sejuk.errors import Invalid
from sejuk.regions.models import Level, Region
from sejuk.reports.services import OPEN_STATES
from sejuk.reports.services import visible as visible_reports
from sejuk.tension import services as tension
from sejuk.tension.lines import parts_list
from sejuk.units.models import Officer, Unit, UnitLevel

from . import route
from .models import PatrolPlan, PatrolStop, PatrolTeam

CAPABILITY = "patrol.plan"
MAX_TEAMS = 10
MAX_HOURS = 12
DAYS_AHEAD = 30
CANDIDATES = 400  # the tensest desa of the area the planner weighs (a Polres has ~150)
URGENT = ("darurat", "segera")
REMOVED = "dihapus dari rencana"
PATROL_TYPE = "patroli_dialogis"


def travel() -> route.Travel:
    return route.Travel(**settings.PATROL)


def plannable_units(viewer: Viewer) -> list[Unit]:
    """The viewer's own Polres or Polsek and the Polsek below it."""
    if not viewer.can(CAPABILITY) or viewer.unit_id is None:
        return []
    own = Unit.objects.filter(pk=viewer.unit_id).first()
    if own is None:
        return []
    below = Unit.objects.filter(parent=own, level=UnitLevel.POLSEK, active=True).order_by("name")
    units = [own] if own.level in (UnitLevel.POLRES, UnitLevel.POLSEK) else []
    return units + list(below)


def officers_of(unit: Unit) -> QuerySet[Officer]:
    return (
        Officer.objects.filter(unit_id__in=subtree_ids(unit.pk), active=True)
        .select_related("unit")
        .order_by("name")
    )


@dataclass(frozen=True)
class Request:
    unit_id: int
    day: date
    hours: float
    teams: int = 0
    officer_ids: list[int] = field(default_factory=list)  # one team per officer
    include: list[str] = field(default_factory=list)
    avoid: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Proposal:
    unit: Unit
    request: Request
    start: route.Place
    team_officers: list[list[int]]
    result: route.Plan
    candidates: dict[str, route.Candidate]
    reasons: dict[str, dict[str, object]]


def _check(viewer: Viewer, data: Request) -> tuple[Unit, tuple[str, ...], list[list[int]]]:
    require(viewer, CAPABILITY)
    errors: dict[str, str] = {}
    units = {u.pk: u for u in plannable_units(viewer)}
    unit = units.get(data.unit_id)
    if unit is None:
        errors["unit_id"] = "satuan tidak dikenal atau di luar satuan Anda"
    today = today_for(viewer)
    if not today <= data.day <= today + timedelta(days=DAYS_AHEAD):
        errors["day"] = f"antara hari ini dan {DAYS_AHEAD} hari ke depan"
    if not 0.5 <= data.hours <= MAX_HOURS:
        errors["hours"] = f"antara 0,5 dan {MAX_HOURS} jam"
    if not data.officer_ids and not 1 <= data.teams <= MAX_TEAMS:
        errors["teams"] = f"isi jumlah tim (1 sampai {MAX_TEAMS}) atau pilih personel"
    if len(data.officer_ids) > MAX_TEAMS:
        errors["officer_ids"] = f"paling banyak {MAX_TEAMS} personel (satu tim masing-masing)"
    if set(data.include) & set(data.avoid):
        errors["avoid"] = "desa yang sama diminta masuk dan dihindari"
    if unit is None:
        raise Invalid("Rencana patroli belum dapat dibuat.", errors)
    area = area_codes(subtree_ids(unit.pk))
    for name in ("include", "avoid"):
        outside = [c for c in getattr(data, name) if not desa_in(c, area)]
        if outside:
            errors[name] = f"bukan desa di wilayah {unit.name}: {', '.join(outside[:5])}"
    known = set(officers_of(unit).filter(pk__in=data.officer_ids).values_list("pk", flat=True))
    if set(data.officer_ids) - known:
        errors["officer_ids"] = f"personel tidak dikenal di {unit.name}"
    if errors:
        raise Invalid("Rencana patroli belum dapat dibuat.", errors)
    teams = [[pk] for pk in data.officer_ids] or [[] for _ in range(data.teams)]
    return unit, area, teams


def desa_in(code: str, area: tuple[str, ...]) -> bool:
    inside = any(code == a or code.startswith(a + ".") for a in area)
    return inside and Region.objects.filter(pk=code, level=Level.DESA).exists()


def place_of(region: Region | None) -> route.Place:
    if region is None:
        return route.Place()
    point = (region.lat, region.lng) if region.lat is not None and region.lng is not None else None
    kec = region.code[:8] if len(region.code) >= 8 else ""
    return route.Place(point, kec)


def start_of(unit: Unit, places: list[route.Place]) -> route.Place:
    """The unit's home region's centre; else the middle of the desa that have one."""
    home = place_of(unit.home_region)
    if home.point is not None:
        return home
    points = [p.point for p in places if p.point is not None]
    if points:
        middle = (sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points))
        return route.Place(middle, home.kecamatan)
    return home


def _reasons(
    viewer: Viewer, codes: list[str], day: date, parts: dict[str, dict[str, list[object]]]
) -> dict[str, dict[str, object]]:
    """Per desa what the plan shows for it: its tension parts, the last visit, the open
    urgent reports."""
    last = dict(
        visible_activities(viewer)
        .filter(region_id__in=codes, local_date__lt=day)
        .values("region_id")
        .annotate(last=Max("local_date"))
        .values_list("region_id", "last")
    )
    waiting: dict[str, list[list[object]]] = {}
    if viewer.can("report.read"):
        rows = (
            visible_reports(viewer)
            .filter(region_id__in=codes, state__in=OPEN_STATES, urgency__in=URGENT)
            .order_by("created_at")
            .values_list("region_id", "pk", "code", "urgency")
        )
        for code, pk, tracking, urgency in rows:
            waiting.setdefault(code, []).append([pk, tracking, urgency])
    out: dict[str, dict[str, object]] = {}
    for code in codes:
        seen = last.get(code)
        out[code] = {
            # The baseline is the same for a whole province: it explains no choice of
            # one desa over another (the desa page shows it with every part).
            "parts": [
                list(p)
                for p in parts_list(parts.get(code, {}))
                if float(p[2]) > 0 and p[0] != "baseline"
            ],
            "last_visit": seen.isoformat() if seen else None,
            "days_since": (day - seen).days if seen else None,
            "reports": waiting.get(code, [])[:3],
        }
    return out


def propose(viewer: Viewer, data: Request) -> Proposal:
    """Routes for the teams over the desa of the unit's area, from the latest tension
    (read, not recomputed): reads and computes, writes nothing."""
    unit, area, team_officers = _check(viewer, data)
    day = tension.latest_day(area, today_for(viewer))
    ranked = tension.ranking(area, day, CANDIDATES) if day else []
    need = {r.code: r.score for r in ranked}
    parts = {r.code: r.parts for r in ranked}
    codes = list(dict.fromkeys([*need, *data.include]))
    regions = Region.objects.in_bulk(codes)
    own: dict[str, set[int]] = {}
    for pk, code in Officer.objects.filter(
        is_bhabinkamtibmas=True, active=True, villages__code__in=codes
    ).values_list("pk", "villages__code"):
        own.setdefault(code, set()).add(pk)
    candidates = {
        code: route.Candidate(
            code=code,
            need=need.get(code, 0.0),
            place=place_of(regions.get(code)),
            officer_ids=frozenset(own.get(code, ())),
            include=code in data.include,
            avoid=code in data.avoid,
        )
        for code in codes
    }
    minutes = data.hours * 60
    teams = [route.Team(minutes, frozenset(ids)) for ids in team_officers]
    start = start_of(unit, [c.place for c in candidates.values()])
    result = route.plan(list(candidates.values()), teams, start, travel())
    shown = [s.code for r in result.routes for s in r.stops] + list(result.left_out)
    return Proposal(
        unit,
        data,
        start,
        team_officers,
        result,
        candidates,
        _reasons(viewer, shown, data.day, parts),
    )


def save(viewer: Viewer, proposal: Proposal) -> PatrolPlan:
    """Store a proposal as a draft: its teams, their stops in order, and the desa left
    out with why (those with no need are not stored: they are the rest of the area)."""
    data = proposal.request
    plan = PatrolPlan.objects.create(
        unit=proposal.unit,
        day=data.day,
        budget_minutes=round(data.hours * 60),
        start_lat=proposal.start.point[0] if proposal.start.point else None,
        start_lng=proposal.start.point[1] if proposal.start.point else None,
        start_kecamatan=proposal.start.kecamatan,
        created_by_id=viewer.user_id,
    )
    stops: list[PatrolStop] = []
    for number, (officers, found) in enumerate(
        zip(proposal.team_officers, proposal.result.routes, strict=True), start=1
    ):
        team = PatrolTeam.objects.create(plan=plan, number=number)
        team.officers.set(officers)
        for position, stop in enumerate(found.stops, start=1):
            stops.append(_stop(plan, proposal, stop.code, team=team, position=position))
    for code, why in proposal.result.left_out.items():
        if why != route.NO_NEED:
            stops.append(_stop(plan, proposal, code, why=why))
    PatrolStop.objects.bulk_create(stops)
    return plan


def _stop(
    plan: PatrolPlan,
    proposal: Proposal,
    code: str,
    *,
    team: PatrolTeam | None = None,
    position: int = 0,
    why: str = "",
) -> PatrolStop:
    return PatrolStop(
        plan=plan,
        team=team,
        region_id=code,
        position=position,
        need=proposal.candidates[code].need,
        why=why,
        reasons=proposal.reasons.get(code, {}),
    )


def patrol_plans(viewer: Viewer) -> QuerySet[PatrolPlan]:
    """The plans of the viewer's unit and the units below it."""
    return scoped_units(
        PatrolPlan.objects.select_related("unit"), viewer, CAPABILITY, unit_field="unit_id"
    )


def start_of_plan(plan: PatrolPlan) -> route.Place:
    lat, lng, kecamatan = plan.start
    return route.Place((lat, lng) if lat is not None and lng is not None else None, kecamatan)


def get_plan(viewer: Viewer, plan_id: int) -> PatrolPlan:
    return get_or_deny(patrol_plans(viewer), "patrol_plan", plan_id)
