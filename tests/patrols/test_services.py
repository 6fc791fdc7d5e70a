"""The patrol plan on the real database, for the commander and the operator of Polres
Lombok Barat: proposed from the picture, stored, edited, published as activity plans,
and compared afterwards with the activities recorded."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import transaction
from django.utils import timezone

from sejuk.accounts.access import OutsideArea, RoleDenied, viewer_for
from sejuk.accounts.workplace import today_for
from sejuk.activities.models import Plan
from sejuk.activities.plans import plans as activity_plans
from sejuk.errors import Invalid
from sejuk.incidents.services import IncidentInput, record_incident
from sejuk.patrols import edits, services, sheet
from sejuk.patrols.models import PatrolPlan
from sejuk.tension import services as tension
from sejuk.units.models import Unit
from tests.factories import file_report, log_activity
from tests.personas import GERUNG_UTARA, LOTENG_DESA, SEKOTONG_BARAT

pytestmark = pytest.mark.django_db


@pytest.fixture
def tense(world):
    """A clash in Sekotong Barat yesterday and an urgent report waiting there, then the
    picture of Lombok Barat rebuilt."""
    operator = world.users["operator"]
    record_incident(
        viewer_for(operator),
        IncidentInput(types=["bentrokan"], injured=4),
        region_id=SEKOTONG_BARAT,
        occurred_at=timezone.now() - timedelta(days=1),
    )
    report = file_report(happening_now=True)
    with transaction.atomic():
        tension.rebuild(area=("52.01",))
    return report


def ask(user, **fields) -> PatrolPlan:
    viewer = viewer_for(user)
    values = {
        "unit_id": Unit.objects.get(name="Polres Lombok Barat").pk,
        "day": today_for(viewer) + timedelta(days=1),
        "hours": 6.0,
        "teams": 3,
    }
    values.update(fields)
    proposal = services.propose(viewer, services.Request(**values))
    with transaction.atomic():
        return services.save(viewer, proposal)


def test_a_commander_gets_three_routes_led_by_the_tensest_desa_with_their_reasons(world, tense):
    plan = ask(world.users["pimpinan"])
    found = sheet.sheet(viewer_for(world.users["pimpinan"]), plan.pk)
    assert len(found.teams) == 3
    routed = [line.stop.region_id for team in found.teams for line in team.stops]
    assert len(routed) == len(set(routed)), "no desa in two teams"
    assert all(team.stops and not team.over_budget for team in found.teams)
    assert SEKOTONG_BARAT in routed
    line = next(
        line for t in found.teams for line in t.stops if line.stop.region_id == SEKOTONG_BARAT
    )
    assert "Kejadian" in [p[1] for p in line.parts]
    assert line.reports and line.reports[0][1] == tense.code
    assert line.arrive >= found.start
    # The tensest desa outrank the rest: what was left out needs no more than what goes.
    assert found.left_out and max(x.stop.need for x in found.left_out) <= line.stop.need
    assert {x.stop.why for x in found.left_out} == {"melebihi anggaran waktu"}


def test_teams_made_of_chosen_officers_prefer_each_officers_own_desa(world, tense):
    andi = world.officers["sekotong"]  # Bhabinkamtibmas of Sekotong Barat
    budi = world.officers["gerung"]
    plan = ask(world.users["operator"], teams=0, officer_ids=[budi.pk, andi.pk], hours=3)
    teams = {t.number: t for t in plan.teams.all()}
    assert [o.pk for o in teams[2].officers.all()] == [andi.pk]
    assert plan.stops.get(region_id=SEKOTONG_BARAT).team == teams[2]


def test_asked_for_and_avoided_desa_are_honoured(world, tense):
    plan = ask(world.users["operator"], include=[GERUNG_UTARA], avoid=[SEKOTONG_BARAT])
    assert plan.stops.get(region_id=GERUNG_UTARA).team is not None
    avoided = plan.stops.get(region_id=SEKOTONG_BARAT)
    assert avoided.team is None and avoided.why == "dihindari"


def test_bad_requests_are_refused_in_indonesian_and_store_nothing(world, tense):
    polres = Unit.objects.get(name="Polres Lombok Barat").pk
    for fields, field in (
        ({"include": [LOTENG_DESA]}, "include"),
        ({"teams": 0}, "teams"),
        ({"hours": 30.0}, "hours"),
        ({"day": today_for(viewer_for(world.users["operator"])) - timedelta(days=1)}, "day"),
        ({"unit_id": Unit.objects.get(name="Polres Lombok Tengah").pk}, "unit_id"),
    ):
        with pytest.raises(Invalid) as caught:
            ask(world.users["operator"], **fields)
        assert field in caught.value.fields
    assert not PatrolPlan.objects.exists()
    with pytest.raises(Invalid):
        ask(world.users["neighbour"], unit_id=polres)
    with pytest.raises(RoleDenied):
        ask(world.users["bhabin"])
    with pytest.raises(RoleDenied):
        ask(world.users["humas"])


def test_a_plan_of_another_polres_is_not_found(world, tense):
    plan = ask(world.users["operator"])
    with pytest.raises(OutsideArea):
        sheet.sheet(viewer_for(world.users["neighbour"]), plan.pk)
    with pytest.raises(OutsideArea):
        edits.publish(viewer_for(world.users["neighbour"]), plan.pk)


def test_the_draft_is_edited_by_moving_removing_and_adding_desa(world, tense):
    viewer = viewer_for(world.users["operator"])
    plan = ask(world.users["operator"])
    stop = plan.stops.get(region_id=SEKOTONG_BARAT)
    other = 1 if stop.team.number != 1 else 2
    with transaction.atomic():
        edits.move_stop(viewer, plan.pk, stop.pk, other)
    stop.refresh_from_db()
    assert stop.team.number == other
    assert stop.position == stop.team.stops.count()
    with transaction.atomic():
        edits.move_stop(viewer, plan.pk, stop.pk, 0)
    stop.refresh_from_db()
    assert stop.team is None and stop.why == "dihapus dari rencana"
    fresh = plan.stops.filter(team__isnull=True).exclude(region_id=SEKOTONG_BARAT).first()
    with transaction.atomic():
        added = edits.add_stop(viewer, plan.pk, fresh.region_id, 3)
    assert added.pk == fresh.pk and added.team.number == 3 and added.why == ""
    fresh = fresh.region_id
    # A desa the plan did not name (it was not among the candidates) is added with the
    # tension parts it has now.
    unnamed = plan.stops.filter(team__isnull=True).order_by("need").first()
    code = unnamed.region_id
    unnamed.delete()
    with transaction.atomic():
        new = edits.add_stop(viewer, plan.pk, code, 1)
    assert new.reasons["added"] and new.need > 0 and new.reasons["parts"]
    with pytest.raises(Invalid):
        edits.add_stop(viewer, plan.pk, LOTENG_DESA, 1)
    with pytest.raises(Invalid):
        edits.move_stop(viewer, plan.pk, added.pk, 9)
    # The arrival times follow the edited order.
    found = sheet.sheet(viewer, plan.pk)
    team3 = found.teams[2]
    assert team3.stops[-1].stop.region_id == fresh
    assert team3.stops[-1].arrive > team3.stops[0].arrive


def test_the_commander_publishes_and_each_stop_becomes_a_plan_of_the_day(world, tense):
    pimpinan = viewer_for(world.users["pimpinan"])
    plan = ask(world.users["pimpinan"])
    routed = plan.stops.filter(team__isnull=False)
    with transaction.atomic():
        made = edits.publish(pimpinan, plan.pk)
    assert made == routed.count()
    listed = activity_plans(pimpinan).filter(starts_on=plan.day, ends_on=plan.day)
    assert set(listed.values_list("region_id", flat=True)) == set(
        routed.values_list("region_id", flat=True)
    )
    assert all(p.type_code == "patroli_dialogis" for p in listed)
    with pytest.raises(Invalid):
        edits.publish(pimpinan, plan.pk)
    with pytest.raises(Invalid):
        edits.move_stop(pimpinan, plan.pk, routed.first().pk, 0)
    assert Plan.objects.count() == made


def test_after_the_day_the_plan_shows_visited_missed_and_off_plan_desa(world, tense):
    operator = world.users["operator"]
    viewer = viewer_for(operator)
    plan = ask(operator, day=today_for(viewer))
    routed = list(plan.stops.filter(team__isnull=False).values_list("region_id", flat=True))
    off = plan.stops.filter(team__isnull=True).first().region_id
    with transaction.atomic():
        edits.publish(viewer, plan.pk)
    log_activity(operator, region=routed[0], date=plan.day)
    log_activity(operator, region=off, date=plan.day)
    outcome = sheet.sheet(viewer, plan.pk).outcome
    assert outcome is not None
    assert outcome.visited == [routed[0]]
    assert set(outcome.missed) == set(routed[1:])
    assert outcome.off_plan == [off]


def test_the_whatsapp_text_names_the_desa_in_order_with_their_purpose(world, tense):
    viewer = viewer_for(world.users["operator"])
    plan = ask(world.users["operator"])
    found = sheet.sheet(viewer, plan.pk)
    team = next(t for t in found.teams if any(s.stop.region_id == SEKOTONG_BARAT for s in t.stops))
    text = sheet.whatsapp_text(found, team)
    assert text.startswith(f"*Rencana patroli Tim {team.number} – Polres Lombok Barat*")
    positions = [text.index(f"{n}. {s.arrive}") for n, s in enumerate(team.stops, start=1)]
    assert positions == sorted(positions)
    assert "Sekotong Barat" in text and "laporan darurat menunggu" in text
