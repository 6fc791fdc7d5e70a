"""Changing a draft patrol plan (move a desa to another team, remove it, add one) and
publishing it as activity plans, one per stop, for the day."""

from __future__ import annotations

from django.db.models import Max
from django.utils import timezone

from sejuk.accounts.access import Viewer, area_codes, subtree_ids
from sejuk.activities import plans as activity_plans
from sejuk.errors import Invalid, NotFound
from sejuk.regions.models import Region
from sejuk.tension import services as tension
from sejuk.tension.lines import parts_list

from .models import PatrolPlan, PatrolStop, PatrolTeam
from .services import CAPABILITY, PATROL_TYPE, REMOVED, desa_in, get_plan


def _draft(viewer: Viewer, plan_id: int) -> PatrolPlan:
    plan = get_plan(viewer, plan_id)
    if plan.published_at is not None:
        raise Invalid("Rencana ini sudah diterbitkan dan tidak dapat diubah lagi.")
    return plan


def _team(plan: PatrolPlan, number: int) -> PatrolTeam:
    team = plan.teams.filter(number=number).first()
    if team is None:
        raise Invalid("Tim tidak dikenal dalam rencana ini.", {"team": "tim tidak dikenal"})
    return team


def _append(stop: PatrolStop, team: PatrolTeam) -> None:
    last = team.stops.aggregate(n=Max("position"))["n"] or 0
    stop.team, stop.position, stop.why = team, last + 1, ""


def move_stop(viewer: Viewer, plan_id: int, stop_id: int, team_number: int) -> PatrolStop:
    """A desa to the end of another team's route; team 0 takes it out of the plan."""
    plan = _draft(viewer, plan_id)
    stop = plan.stops.filter(pk=stop_id).first()
    if stop is None:
        raise NotFound("Desa tidak ada dalam rencana ini.")
    if team_number == 0:
        stop.team, stop.position, stop.why = None, 0, REMOVED
    else:
        _append(stop, _team(plan, team_number))
    stop.save(update_fields=["team", "position", "why"])
    return stop


def add_stop(viewer: Viewer, plan_id: int, code: str, team_number: int) -> PatrolStop:
    """A desa of the plan's area at the end of a team's route (moved there if the plan
    already names it), with its tension parts today."""
    plan = _draft(viewer, plan_id)
    code = code.strip()
    if not desa_in(code, area_codes(subtree_ids(plan.unit_id))):
        raise Invalid(
            f"Desa itu tidak ada di wilayah {plan.unit.name}.",
            {"region": "bukan desa di wilayah satuan ini"},
        )
    team = _team(plan, team_number)
    stop = plan.stops.filter(region_id=code).first()
    if stop is None:
        found = tension.desa_tension(code, plan.day)
        parts = {n: [p.points, p.why] for n, p in found.parts.items()} if found else {}
        stop = PatrolStop(
            plan=plan,
            region=Region.objects.get(pk=code),
            need=found.score if found else 0.0,
            reasons={
                "parts": [list(p) for p in parts_list(parts) if float(p[2]) > 0],
                "added": True,
            },
        )
    _append(stop, team)
    stop.save()
    return stop


def publish(viewer: Viewer, plan_id: int) -> int:
    """Every stop becomes a one-off activity plan for the day (the team's officer where
    it has one), listed in *Rencana kegiatan*. Returns how many."""
    plan = _draft(viewer, plan_id)
    stops = list(
        plan.stops.filter(team__isnull=False)
        .select_related("team", "region")
        .order_by("team__number", "position")
    )
    if not stops:
        raise Invalid("Belum ada desa dalam rute tim mana pun; tambahkan dulu.")
    officers = {t.pk: list(t.officers.all()) for t in plan.teams.all()}
    for stop in stops:
        assert stop.team is not None
        officer = next(iter(officers.get(stop.team.pk, [])), None)
        made = activity_plans.create_plan(
            viewer,
            activity_plans.PlanInput(
                unit_id=officer.unit_id if officer else plan.unit_id,
                region=stop.region_id,
                title=f"Patroli tim {stop.team.number} ({stop.position}): {stop.region.name}",
                type_code=PATROL_TYPE,
                every_days=1,
                starts_on=plan.day,
                ends_on=plan.day,
                officer_id=officer.pk if officer else None,
            ),
            capability=CAPABILITY,
        )
        stop.activity_plan = made
        stop.save(update_fields=["activity_plan"])
    plan.published_at = timezone.now()
    plan.save(update_fields=["published_at"])
    return len(stops)
