"""The patrol plan's pages through the real HTTP stack: the commander of Polres Lombok
Barat asks for a plan, reads the routes with their reasons, moves a desa, publishes, and
opens a team's printable page with its WhatsApp text."""

from __future__ import annotations

from datetime import timedelta

import pytest

from sejuk.accounts.access import viewer_for
from sejuk.accounts.workplace import today_for
from sejuk.activities.models import Plan
from sejuk.patrols.models import PatrolPlan
from sejuk.units.models import Unit
from tests.factories import log_activity
from tests.patrols.test_services import tense  # noqa: F401 (a fixture)
from tests.personas import LOTENG_DESA, SEKOTONG_BARAT

pytestmark = pytest.mark.django_db
DAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")


def form(world, **fields):
    viewer = viewer_for(world.users["pimpinan"])
    values = {
        "unit_id": Unit.objects.get(name="Polres Lombok Barat").pk,
        "day": (today_for(viewer) + timedelta(days=1)).isoformat(),
        "hours": "6",
        "teams": "3",
    }
    values.update(fields)
    return values


def test_the_commander_asks_reads_edits_publishes_and_prints(client, world, tense):  # noqa: F811
    client.force_login(world.users["pimpinan"])
    page = client.get("/patroli/rencana/")
    assert page.status_code == 200
    html = page.content.decode()
    tomorrow = today_for(viewer_for(world.users["pimpinan"])) + timedelta(days=1)
    assert f'value="{tomorrow.isoformat()}"' in html
    made = client.post("/patroli/rencana/", form(world))
    assert made.status_code == 302
    plan = PatrolPlan.objects.get()
    html = client.get(made["Location"]).content.decode()
    assert html.count('class="team"') == 3
    assert f"/desa/{SEKOTONG_BARAT}/" in html and "Kejadian" in html
    assert f"/laporan/{tense.pk}/" in html
    assert "Tidak masuk rencana" in html and "melebihi anggaran waktu" in html

    stop = plan.stops.get(region_id=SEKOTONG_BARAT)
    target = 1 if stop.team.number != 1 else 2
    moved = client.post(
        f"/patroli/rencana/{plan.pk}/pindah/", {"stop": stop.pk, "team": target}, follow=True
    )
    assert f"Desa dipindah ke tim {target}." in moved.content.decode()
    stop.refresh_from_db()
    assert stop.team.number == target

    refused = client.post(
        f"/patroli/rencana/{plan.pk}/tambah/", {"region": LOTENG_DESA, "team": 1}, follow=True
    )
    assert "Desa itu tidak ada di wilayah Polres Lombok Barat." in refused.content.decode()

    published = client.post(f"/patroli/rencana/{plan.pk}/terbitkan/", follow=True)
    assert "Rencana diterbitkan" in published.content.decode()
    assert (
        Plan.objects.filter(starts_on=plan.day).count()
        == plan.stops.filter(team__isnull=False).count()
    )
    listed = client.get("/kegiatan/rencana/").content.decode()
    assert "Patroli tim" in listed and "Sekotong Barat" in listed
    # A one-off plan names its day, not "every 1 day".
    assert f"Sekotong Barat — {DAYS[plan.day.weekday()]}, {plan.day:%d/%m/%Y}" in listed

    sheet = client.get(f"/patroli/rencana/{plan.pk}/tim/{target}/").content.decode()
    assert "Rute patroli Tim" in sheet and "Sekotong Barat" in sheet
    assert "*Rencana patroli Tim" in sheet and "patrols/patrols.css" in sheet


def test_a_request_with_no_teams_comes_back_with_an_indonesian_error(client, world, tense):  # noqa: F811
    client.force_login(world.users["operator"])
    page = client.post("/patroli/rencana/", form(world, teams=""))
    assert page.status_code == 422
    assert "isi jumlah tim atau pilih personel" in page.content.decode()
    assert not PatrolPlan.objects.exists()


def test_a_team_that_does_not_exist_is_not_found(client, world, tense):  # noqa: F811
    client.force_login(world.users["operator"])
    made = client.post("/patroli/rencana/", form(world, teams="1"))
    plan = PatrolPlan.objects.get()
    assert made.status_code == 302
    assert client.get(f"/patroli/rencana/{plan.pk}/tim/5/").status_code == 404


def test_on_the_day_the_plan_shows_what_was_visited_missed_and_off_plan(client, world, tense):  # noqa: F811
    operator = world.users["operator"]
    client.force_login(operator)
    today = today_for(viewer_for(operator))
    client.post("/patroli/rencana/", form(world, day=today.isoformat(), teams="1"))
    plan = PatrolPlan.objects.get()
    client.post(f"/patroli/rencana/{plan.pk}/terbitkan/")
    routed = plan.stops.filter(team__isnull=False).select_related("region").first()
    off = plan.stops.filter(team__isnull=True).select_related("region").first()
    log_activity(operator, region=routed.region_id, date=today)
    log_activity(operator, region=off.region_id, date=today)
    html = client.get(f"/patroli/rencana/{plan.pk}/").content.decode()
    assert "Hasil hari itu" in html
    assert "Dikunjungi sesuai rencana: 1" in html
    assert f"✓ {routed.region.name}" in html
    assert f"{off.region.name}</a> — di luar rencana" in html


def test_an_area_without_any_tension_yet_says_so_instead_of_an_empty_plan(client, world):
    client.force_login(world.users["operator"])
    made = client.post("/patroli/rencana/", form(world))
    assert made.status_code == 302
    html = client.get(made["Location"]).content.decode()
    assert "Belum ada desa dengan kerawanan tersimpan di wilayah ini" in html
