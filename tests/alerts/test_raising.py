"""What raises an alert, and who receives it: the desa's Bhabinkamtibmas, the Polsek and
Polres operators and the pimpinan whose area holds it, and only they; once, with no
storm when the same desa turns again within the quiet period."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from django.db import transaction
from django.utils import timezone

from sejuk.accounts.access import viewer_for
from sejuk.alerts import detect, rules
from sejuk.alerts.models import Alert, Channel, Delivery
from sejuk.alerts.recipients import recipients
from sejuk.incidents import services as incidents
from sejuk.incidents.services import IncidentInput
from sejuk.jobs.models import Job
from sejuk.reports.models import Report
from sejuk.tension.models import Tension
from tests.factories import file_report, log_activity
from tests.personas import GERUNG_UTARA, LOTENG_DESA, SEKOTONG_BARAT

pytestmark = pytest.mark.django_db
MORNING = datetime(2024, 12, 8, 1, 0, tzinfo=UTC)


def record(world, region=SEKOTONG_BARAT, persona="operator", **fields):
    data = IncidentInput(**{"types": ["bentrokan"], **fields})
    viewer = viewer_for(world.users[persona])
    with transaction.atomic():
        return incidents.record_incident(viewer, data, region_id=region, occurred_at=MORNING)


def told(alert):
    return {d.user.username for d in Delivery.objects.filter(alert=alert, channel=Channel.APP)}


def test_the_people_of_a_desa_are_its_bhabinkamtibmas_polsek_and_polres(world):
    names = {u.username for u in recipients(SEKOTONG_BARAT)}
    assert names == {"bhabin_sekotong", "operator_lobar", "kapolres_lobar"}
    # Gerung's Bhabinkamtibmas has no account; the Polres still hears of it.
    assert {u.username for u in recipients(GERUNG_UTARA)} == {"operator_lobar", "kapolres_lobar"}
    assert {u.username for u in recipients(LOTENG_DESA)} == {"operator_loteng"}


def test_a_grave_incident_queues_its_check_with_the_write_and_alerts_the_desa(world, run_jobs):
    incident = record(world)
    waiting = Job.objects.get(name="peringatan-periksa")
    assert waiting.payload == {"kind": "kejadian", "id": incident.pk}
    assert not Alert.objects.exists()  # nothing slow happened in the write
    run_jobs()
    alert = Alert.objects.get()
    assert alert.rule == rules.KEJADIAN_BERAT and alert.region_code == SEKOTONG_BARAT
    assert alert.text.startswith("Kejadian berat: Bentrokan di Desa Sekotong Barat, Kec. Sekotong")
    assert told(alert) == {"bhabin_sekotong", "operator_lobar", "kapolres_lobar"}


def test_a_second_incident_in_the_quiet_period_counts_on_the_first_alert(world, run_jobs):
    record(world)
    run_jobs()
    record(world, types=["perusakan"], injured=4)
    run_jobs()
    alert = Alert.objects.get()
    assert alert.repeats == 1
    assert Delivery.objects.filter(channel=Channel.APP).count() == 3


def test_after_the_quiet_period_the_desa_alerts_again(world, run_jobs, settings):
    settings.ALERT_QUIET_HOURS = 0
    record(world)
    record(world)
    run_jobs()
    assert Alert.objects.count() == 2


def test_a_minor_incident_raises_nothing(world, run_jobs):
    record(world, types=["hoaks"])
    run_jobs()
    assert not Job.objects.filter(name="peringatan-periksa").exists()
    assert not Alert.objects.exists()


def test_a_minor_type_with_a_grave_toll_alerts(world, run_jobs):
    record(world, types=["provokasi"], dead=1)
    run_jobs()
    assert "1 meninggal" in Alert.objects.get().text


def test_a_darurat_report_alerts_and_a_normal_one_does_not(world, run_jobs):
    file_report(urgency="biasa")
    urgent = file_report(urgency="darurat", region=GERUNG_UTARA)
    run_jobs()
    alert = Alert.objects.get()
    assert (alert.rule, alert.subject_id) == (rules.DARURAT, str(urgent.pk))
    assert urgent.code in alert.text
    assert told(alert) == {"operator_lobar", "kapolres_lobar"}


def test_a_rule_switched_off_in_the_settings_raises_nothing(world, run_jobs, settings):
    settings.ALERT_RULES = [r for r in rules.RULES if r != rules.KEJADIAN_BERAT]
    record(world)
    run_jobs()
    assert not Alert.objects.exists()


def test_a_report_past_its_deadline_alerts_once(world):
    report = file_report(urgency="segera")
    late = report.due_at + timedelta(minutes=5)
    with transaction.atomic():
        detect.overdue(late)
        detect.overdue(late + timedelta(minutes=5))
    alert = Alert.objects.get(rule=rules.TERLAMBAT)
    assert alert.subject_id == str(report.pk)
    Report.objects.filter(pk=report.pk).update(first_response_at=report.due_at)
    with transaction.atomic():
        assert detect.overdue(late) == 0


def store(code, day, score, level):
    Tension.objects.update_or_create(
        region_code=code, day=day, defaults={"score": score, "level": level, "parts": {}}
    )


def test_a_desa_rising_to_rawan_alerts_once_and_a_flap_back_stays_quiet(world):
    day = date(2024, 12, 8)
    now = timezone.now()
    store(SEKOTONG_BARAT, day - timedelta(days=1), 25, "kurang_rawan")
    store(SEKOTONG_BARAT, day, 32, "rawan")
    store(GERUNG_UTARA, day - timedelta(days=1), 40, "rawan")
    store(GERUNG_UTARA, day, 42, "rawan")  # was rawan already: nothing turned
    with transaction.atomic():
        assert detect.tension_turns(day, now) == 1
        assert detect.tension_turns(day, now) == 0
    alert = Alert.objects.get()
    assert alert.rule == rules.NAIK_RAWAN and alert.region_code == SEKOTONG_BARAT
    assert alert.text.startswith(
        "Desa Sekotong Barat, Kec. Sekotong, Kab. Lombok Barat naik dari kurang rawan menjadi rawan"
    )
    # Down the next day and up again the day after: within the quiet period, a repeat.
    store(SEKOTONG_BARAT, day + timedelta(days=1), 20, "kurang_rawan")
    store(SEKOTONG_BARAT, day + timedelta(days=2), 33, "rawan")
    with transaction.atomic():
        assert detect.tension_turns(day + timedelta(days=2), now) == 0
        detect.tension_turns(day + timedelta(days=2), now)  # the next round: found before
    assert Alert.objects.get().repeats == 1


def test_a_round_capped_raises_the_rest_in_the_next_rounds(world, monkeypatch):
    monkeypatch.setattr(detect, "ROUND_LIMIT", 1)
    day = date(2024, 12, 8)
    for code in (SEKOTONG_BARAT, GERUNG_UTARA):
        store(code, day - timedelta(days=1), 25, "kurang_rawan")
        store(code, day, 35, "rawan")
    with transaction.atomic():
        assert detect.tension_turns(day, timezone.now()) == 1
        assert detect.tension_turns(day, timezone.now()) == 1
        assert detect.tension_turns(day, timezone.now()) == 0
    assert {a.region_code for a in Alert.objects.all()} == {SEKOTONG_BARAT, GERUNG_UTARA}


def test_a_jump_in_24_hours_alerts_even_below_rawan(world, settings):
    settings.ALERT_RISE_POINTS = 10
    day = date(2024, 12, 8)
    store(GERUNG_UTARA, day - timedelta(days=1), 5, "kurang_rawan")
    store(GERUNG_UTARA, day, 22, "kurang_rawan")
    with transaction.atomic():
        detect.tension_turns(day, timezone.now())
    alert = Alert.objects.get()
    assert alert.rule == rules.LONJAKAN
    assert (
        alert.text.startswith("Kerawanan Kel. Gerung Utara, Kec. Gerung")
        and "naik 17 poin" in alert.text
    )


def test_a_rawan_desa_left_unvisited_alerts_once_per_absence(world):
    day = date.today()
    store(SEKOTONG_BARAT, day, 40, "rawan")
    log_activity(world.users["bhabin"], date=day - timedelta(days=20))
    with transaction.atomic():
        assert detect.unvisited(day, timezone.now()) == 1
        assert detect.unvisited(day, timezone.now()) == 0
    assert "20 hari" in Alert.objects.get(rule=rules.BELUM_DIKUNJUNGI).text
    log_activity(world.users["bhabin"], date=day - timedelta(days=2))
    with transaction.atomic():
        assert detect.unvisited(day, timezone.now()) == 0
