"""`sejuk generate national`: national-scale generated data, checked on a small scale on
the real database: the counts asked for, every desa of the country served, rows that the
services open like any other (an activity on its page, a report in the queue), the area
rule, cases in every state with their history, the same data from the same seed, and
all of it removed again without touching real records."""

from __future__ import annotations

from collections import Counter
from datetime import date
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from sejuk.accounts.access import area_codes, subtree_ids
from sejuk.accounts.national import generator_account
from sejuk.activities.models import Activity, ActivityType, Change
from sejuk.incidents.models import Incident
from sejuk.leaders.models import Leader
from sejuk.regions.models import Level, Region
from sejuk.reports.models import Event, Report, State
from sejuk.units.models import Officer, Unit
from sejuk.units.routing import responsible_for
from tests.factories import log_activity
from tests.personas import make_user

END = date(2025, 6, 30)  # a window holding the Pilkada's aftermath and the re-votes
NTB = "52"


def generate(*args: str) -> str:
    out = StringIO()
    call_command("generate", "national", "--end", END.isoformat(), *args, stdout=out)
    return out.getvalue()


def _within(code: str, area: tuple[str, ...]) -> bool:
    return any(code == a or code.startswith(a + ".") for a in area)


@pytest.mark.django_db
def test_it_fills_every_desa_of_the_country_with_the_counts_asked():
    printed = generate("--activities", "2000", "--reports", "300", "--incidents", "80")
    assert Activity.objects.filter(is_demo=True).count() == 2000
    assert Report.objects.filter(is_demo=True).count() == 300
    assert Incident.objects.count() == 80
    desa = Region.objects.filter(level=Level.DESA).count()
    assert desa == 83_762
    bhabin = Officer.objects.filter(is_demo=True, is_bhabinkamtibmas=True)
    # Fewer Bhabinkamtibmas than desa; most desa have one, some none.
    covered = Officer.villages.through.objects.filter(officer__in=bhabin).values("region")
    assert bhabin.count() < desa * 0.7
    assert desa * 0.7 < covered.distinct().count() < desa
    assert Leader.objects.filter(is_demo=True).values("region").distinct().count() == desa
    # Every activity has a type, its history, its officer; all in the window.
    assert ActivityType.objects.values("activity").distinct().count() == 2000
    assert Change.objects.filter(activity__is_demo=True).count() == 2000
    assert not Activity.objects.filter(is_demo=True, officers=None).exists()
    days = Activity.objects.filter(is_demo=True).values_list("local_date", flat=True)
    assert min(days) >= date(2023, 7, 2) and max(days) <= END
    assert "baris/detik" in printed
    # A few Polres log far more than others: the busiest tenth, a third of it all or more.
    per_polres = Counter(
        a.unit.parent_id if a.unit.level == "polsek" else a.unit_id
        for a in Activity.objects.filter(is_demo=True).select_related("unit")
    )
    counts = sorted(per_polres.values(), reverse=True)
    assert sum(counts[:51]) > sum(counts) / 3


@pytest.mark.django_db
def test_some_polres_log_far_more_than_others_and_the_pilkada_brings_a_peak():
    generate("--area", "13", "--activities", "4000", "--reports", "0", "--incidents", "0")
    activities = Activity.objects.filter(is_demo=True)
    per_polres = Counter(
        a.unit.parent_id if a.unit.level == "polsek" else a.unit_id
        for a in activities.select_related("unit")
    )
    counts = sorted(per_polres.values(), reverse=True)
    assert counts[0] > 4 * counts[len(counts) // 2]  # the busiest, against the median
    pilkada = activities.filter(local_date__range=(date(2024, 11, 13), date(2024, 11, 30)))
    a_year_before = activities.filter(local_date__range=(date(2023, 11, 13), date(2023, 11, 30)))
    assert pilkada.count() > 2 * a_year_before.count()


@pytest.mark.django_db
def test_a_re_voting_kabupaten_is_busiest_around_its_own_vote():
    generate("--area", "13.08", "--activities", "2000", "--reports", "0", "--incidents", "0")
    # Kabupaten Pasaman re-voted on 19 April 2025.
    pasaman = Activity.objects.filter(is_demo=True)
    vote = pasaman.filter(local_date__range=(date(2025, 4, 12), date(2025, 4, 26))).count()
    quiet = pasaman.filter(local_date__range=(date(2025, 6, 12), date(2025, 6, 26))).count()
    assert vote > 2 * max(quiet, 1)


@pytest.mark.django_db
def test_generated_rows_keep_the_area_rule():
    generate("--area", NTB, "--activities", "1500", "--reports", "300", "--incidents", "40")
    areas: dict[int, tuple[str, ...]] = {}
    for activity in Activity.objects.filter(is_demo=True).prefetch_related("officers"):
        if activity.unit_id not in areas:
            areas[activity.unit_id] = area_codes(subtree_ids(activity.unit_id))
        assert _within(activity.region_id, areas[activity.unit_id])
        assert all(o.unit_id == activity.unit_id for o in activity.officers.all())
    for report in Report.objects.filter(is_demo=True).select_related("region"):
        unit, officer = responsible_for(report.region)
        assert (report.assigned_unit_id, report.assigned_officer_id) == (
            unit.pk,
            officer.pk if officer else None,
        )
    for beat in Officer.villages.through.objects.filter(officer__is_demo=True):
        assert _within(beat.region_id, area_codes([beat.officer.unit_id]))


@pytest.mark.django_db
def test_a_generated_activity_opens_on_its_page_for_its_polres_and_no_other(client):
    generate("--area", NTB, "--activities", "300", "--reports", "0", "--incidents", "0")
    activity = Activity.objects.filter(is_demo=True, region__code__startswith="52.01.").first()
    assert activity is not None
    client.force_login(make_user("operator_lobar", "Polres Lombok Barat", "operator"))
    page = client.get(f"/kegiatan/{activity.pk}/")
    assert page.status_code == 200
    assert activity.summary in page.content.decode()
    assert client.get("/kegiatan/").status_code == 200
    assert client.get("/api/activities").json()["total"] == (
        Activity.objects.filter(is_demo=True, region__code__startswith="52.01.").count()
    )
    client.force_login(make_user("operator_loteng", "Polres Lombok Tengah", "operator"))
    assert client.get(f"/kegiatan/{activity.pk}/").status_code == 404


@pytest.mark.django_db
def test_reports_come_in_every_state_with_their_history_and_wait_in_the_queue(client):
    generate("--area", NTB, "--activities", "200", "--reports", "600", "--incidents", "60")
    reports = Report.objects.filter(is_demo=True)
    assert set(reports.values_list("state", flat=True)) == set(State.values)
    for report in reports:
        events = list(report.events.order_by("at", "pk"))
        assert events[0].action == "received"
        moves = [e for e in events if e.action in ("moved", "merged")]
        assert (moves[-1].to_state if moves else State.BARU) == report.state
        assert all(e.at >= report.created_at for e in events)
        if report.state != State.BARU:
            assert report.first_response_at is not None
    settled = reports.filter(state=State.SELESAI)
    assert not settled.filter(settled_at=None).exists()
    assert not settled.filter(settlement="").exists()
    assert not reports.filter(state=State.DUPLIKAT, duplicate_of=None).exists()
    assert reports.filter(incident__isnull=False).exists()
    assert Incident.objects.filter(reports=None).exists()  # incidents no one reported too
    # The newest open case waits in the queue of its Polres, and opens.
    waiting = reports.filter(state=State.BARU, region__code__startswith="52.01.").first()
    assert waiting is not None
    client.force_login(make_user("operator_lobar", "Polres Lombok Barat", "operator"))
    assert waiting.code in client.get("/laporan/?view=baru").content.decode()
    assert client.get(f"/laporan/{waiting.pk}/").status_code == 200


@pytest.mark.django_db
def test_the_same_seed_gives_the_same_data():
    def snapshot() -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
        activities = Activity.objects.filter(is_demo=True).order_by("starts_at", "region_id")
        reports = Report.objects.filter(is_demo=True).order_by("code")
        return (
            list(
                activities.values_list("region_id", "unit_id", "starts_at", "summary", "situation")
            ),
            list(reports.values_list("code", "region_id", "state", "category", "created_at")),
        )

    args = ("--area", NTB, "--activities", "400", "--reports", "100", "--incidents", "10")
    generate(*args, "--seed", "7")
    first = snapshot()
    generate("--remove")
    generate(*args, "--seed", "7")
    assert snapshot() == first
    generate("--remove")
    generate(*args, "--seed", "8")
    assert snapshot() != first


@pytest.mark.django_db
def test_removal_takes_generated_rows_away_and_leaves_real_records(world):
    real = log_activity(world.users["operator"])
    generate("--area", NTB, "--activities", "300", "--reports", "50", "--incidents", "10")
    printed = generate("--remove")
    assert "300 kegiatan" in printed
    assert not Activity.objects.filter(is_demo=True).exists()
    assert not Report.objects.filter(is_demo=True).exists()
    assert not Incident.objects.exists()
    assert not Officer.objects.filter(is_demo=True).exists()
    assert not Leader.objects.filter(is_demo=True).exists()
    assert not Event.objects.filter(report__is_demo=True).exists()
    assert generator_account() is None
    assert Activity.objects.filter(pk=real.pk).exists()
    assert Leader.objects.filter(pk=world.leaders["own"].pk).exists()
    assert Unit.objects.get(name="Polres Lombok Barat").commander_id is None


@pytest.mark.django_db
def test_it_refuses_a_future_window_and_counts_below_zero():
    with pytest.raises(CommandError, match="--end"):
        call_command("generate", "national", "--end", "2999-01-01", stdout=StringIO())
    with pytest.raises(CommandError, match="--reports paling kecil 0"):
        generate("--reports", "-1")
    assert not Activity.objects.exists()


@pytest.mark.django_db
def test_it_refuses_to_run_beside_demo_data():
    generate("--area", NTB, "--activities", "10", "--reports", "0", "--incidents", "0")
    with pytest.raises(CommandError, match="--remove"):
        generate("--area", NTB, "--activities", "10")


@pytest.mark.django_db
def test_postgresql_plans_with_the_generated_tables_as_they_are_now():
    """A connection that checked foreign keys while the officers' table was nearly empty
    kept a plan that scans it whole per row checked: at national scale the suite's
    deferred checks ran for many minutes. The generator refreshes the statistics, which
    makes PostgreSQL plan such queries again."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL keeps planner statistics; SQLite's are never gathered")
    generate("--area", NTB, "--activities", "500", "--reports", "50", "--incidents", "5")
    sizes = {}
    with connection.cursor() as cursor:
        for model in (Officer, Leader, Activity, ActivityType, Report, Event):
            cursor.execute(
                "SELECT reltuples FROM pg_class WHERE relname = %s", [model._meta.db_table]
            )
            sizes[model._meta.db_table] = cursor.fetchone()[0]
    assert sizes["units_officer"] >= Officer.objects.filter(is_demo=True).count() * 0.9, sizes
    assert sizes["leaders_leader"] >= Leader.objects.filter(is_demo=True).count() * 0.9, sizes
    assert sizes["activities_activity"] >= 450, sizes
    assert sizes["reports_report"] >= 45, sizes
