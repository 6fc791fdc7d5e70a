import re
from datetime import date, timedelta

import pytest

from sejuk.accounts.access import viewer_for
from sejuk.activities import plans
from sejuk.activities.models import Plan
from sejuk.errors import Invalid
from sejuk.units.models import Unit
from tests.factories import log_activity

pytestmark = pytest.mark.django_db


def sunday_before(day: date) -> date:
    return day - timedelta(days=(day.weekday() - 6) % 7 or 7)


def test_occurrences_of_a_weekly_and_an_every_n_days_plan():
    weekly = Plan(weekday=6, starts_on=date(2024, 12, 1))
    assert plans.occurrences(weekly, date(2024, 12, 2), date(2024, 12, 22)) == [
        date(2024, 12, 8),
        date(2024, 12, 15),
        date(2024, 12, 22),
    ]
    every3 = Plan(every_days=3, starts_on=date(2024, 12, 1))
    assert plans.occurrences(every3, date(2024, 12, 2), date(2024, 12, 10)) == [
        date(2024, 12, 4),
        date(2024, 12, 7),
        date(2024, 12, 10),
    ]


def test_the_due_list_shows_planned_days_not_logged_yet(world):
    v = viewer_for(world.users["operator"])
    sekotong = Unit.objects.get(name="Polsek Sekotong")
    plan = plans.create_plan(
        v,
        plans.PlanInput(
            unit_id=sekotong.pk,
            region="52.01.07.2002",
            title="Patroli dialogis Sekotong Barat",
            type_code="patroli_dialogis",
            weekday=6,
            starts_on=date.today() - timedelta(days=30),
        ),
    )
    last_sunday = sunday_before(date.today())
    due = [i for i in plans.due(v) if i.plan == plan]
    assert any(i.day == last_sunday and i.overdue for i in due)
    log_activity(world.users["bhabin"], date=last_sunday, types=["patroli_dialogis"])
    assert last_sunday not in {i.day for i in plans.due(v) if i.plan == plan}


def test_a_plan_needs_one_rhythm_and_a_known_type(world):
    v = viewer_for(world.users["operator"])
    sekotong = Unit.objects.get(name="Polsek Sekotong")
    with pytest.raises(Invalid) as caught:
        plans.create_plan(
            v,
            plans.PlanInput(
                unit_id=sekotong.pk,
                region="52.01.07.2002",
                title="",
                type_code="x",
                weekday=6,
                every_days=3,
            ),
        )
    assert set(caught.value.fields) == {"title", "type_code", "weekday"}


def test_catat_kegiatan_on_a_due_plan_opens_the_form_filled_with_the_plan(client, world):
    from tests.html_form import form_data, pressed

    andi = world.officers["sekotong"]
    v = viewer_for(world.users["operator"])
    plan = plans.create_plan(
        v,
        plans.PlanInput(
            unit_id=andi.unit_id,
            region="52.01.07.2002",
            title="Sambang Sekotong Barat",
            type_code="sambang",
            weekday=6,
            starts_on=date.today() - timedelta(days=30),
            officer_id=andi.pk,
        ),
    )
    last_sunday = sunday_before(date.today())
    client.force_login(world.users["operator"])
    listing = client.get("/kegiatan/rencana/").content.decode()
    link = f"/kegiatan/baru/?rencana={plan.pk}&amp;tanggal={last_sunday.isoformat()}"
    assert link in listing

    page = client.get(link.replace("&amp;", "&")).content.decode()
    assert "Sambang Sekotong Barat" in page
    data = form_data(page, "//form[contains(@class, 'activity')]")
    assert data["region"] == ["Desa Sekotong Barat, Kec. Sekotong, Kab. Lombok Barat"]
    assert data["region_code"] == ["52.01.07.2002"]
    assert data["types"] == ["sambang"]
    assert data["officer_ids"] == [str(andi.pk)]
    assert data["unit_id"] == [str(andi.unit_id)]
    assert data["date"] == [last_sunday.isoformat()]

    # The officer adds the hour and what happened, and the plan is no longer due that day.
    data.update(start_time=["09:00"], summary=["Sambang ke rumah kepala dusun."])
    saved = client.post("/kegiatan/baru/", pressed(data, "action", "simpan"))
    assert saved.status_code == 302, re.findall(
        r"class=\"(?:error|notice)[^>]*>([^<]*)", saved.content.decode()
    )
    assert last_sunday not in {i.day for i in plans.due(v) if i.plan == plan}


def test_a_plan_outside_the_area_opens_nothing(client, world):
    neighbour = viewer_for(world.users["neighbour"])
    plan = plans.create_plan(
        neighbour,
        plans.PlanInput(
            unit_id=world.users["neighbour"].unit_id,
            region="52.02.02.2001",
            title="Patroli Loteng",
            type_code="patroli_dialogis",
            weekday=6,
        ),
    )
    client.force_login(world.users["operator"])
    assert client.get(f"/kegiatan/baru/?rencana={plan.pk}").status_code == 404
