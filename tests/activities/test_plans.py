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
