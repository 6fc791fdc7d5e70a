"""Alerts leave Sejuk through the job runner after the write commits: at once, or held
for the digest when one person would get many at once, or when they chose a digest. A
failed e-mail is retried with a growing wait and its error is visible in the admin."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.core import mail
from django.db import transaction
from django.utils import timezone

from sejuk.accounts.access import viewer_for
from sejuk.alerts import rules
from sejuk.alerts.models import Delivery, Preference, State
from sejuk.alerts.services import raise_alert, send_digests
from sejuk.incidents import services as incidents
from sejuk.incidents.services import IncidentInput
from sejuk.jobs.models import Job
from sejuk.jobs.models import State as JobState
from tests.factories import superuser
from tests.personas import GERUNG_UTARA, SEKOTONG_BARAT

pytestmark = pytest.mark.django_db
MORNING = datetime(2024, 12, 8, 1, 0, tzinfo=UTC)


@pytest.fixture
def mailed(world):
    for persona in ("operator", "pimpinan", "bhabin"):
        user = world.users[persona]
        user.email = f"{user.username}@polri.example"
        user.save()
    return world


def record(world, region=SEKOTONG_BARAT):
    viewer = viewer_for(world.users["operator"])
    with transaction.atomic():
        incidents.record_incident(
            viewer, IncidentInput(types=["bentrokan"]), region_id=region, occurred_at=MORNING
        )


def test_an_immediate_alert_is_mailed_by_the_runner_after_the_write(mailed, run_jobs):
    record(mailed)
    assert not mail.outbox
    run_jobs()
    assert sorted(m.to[0] for m in mail.outbox) == [
        "bhabin_sekotong@polri.example",
        "kapolres_lobar@polri.example",
        "operator_lobar@polri.example",
    ]
    assert mail.outbox[0].subject.startswith("[Sejuk] Kejadian berat dicatat")
    assert set(Delivery.objects.filter(channel="email").values_list("state", flat=True)) == {
        State.SENT
    }


def test_one_who_chose_the_digest_gets_one_message_for_many(mailed, run_jobs):
    Preference.objects.create(
        user=mailed.users["operator"], rule=rules.KEJADIAN_BERAT, mode=rules.DIGEST
    )
    record(mailed)
    record(mailed, region=GERUNG_UTARA)
    run_jobs()
    assert not [m for m in mail.outbox if m.to == ["operator_lobar@polri.example"]]
    assert send_digests() == "1 ringkasan terkirim"
    digest = [m for m in mail.outbox if m.to == ["operator_lobar@polri.example"]]
    assert len(digest) == 1 and digest[0].subject == "[Sejuk] Ringkasan 2 peringatan"
    assert "Sekotong Barat" in digest[0].body and "Gerung Utara" in digest[0].body


def test_many_alerts_at_once_for_one_person_become_a_digest(mailed, run_jobs, settings):
    settings.ALERT_DIGEST_AFTER = 2
    with transaction.atomic():
        for n, rule in enumerate((rules.DARURAT, rules.TERLAMBAT, rules.KEJADIAN_BERAT)):
            raise_alert(
                rule, GERUNG_UTARA, subject=("desa", GERUNG_UTARA), text=f"uji {n}", key=f"k{n}"
            )
    run_jobs()
    to_operator = [m for m in mail.outbox if m.to == ["operator_lobar@polri.example"]]
    assert len(to_operator) == 2
    send_digests()
    to_operator = [m for m in mail.outbox if m.to == ["operator_lobar@polri.example"]]
    assert len(to_operator) == 3 and to_operator[-1].subject == "[Sejuk] Ringkasan 1 peringatan"


def test_a_failed_email_is_retried_and_shows_in_the_admin(mailed, run_jobs, settings, client):
    settings.EMAIL_BACKEND = "tests.alerts.failing_mail.Backend"
    record(mailed)
    run_jobs()
    failed = Delivery.objects.filter(channel="email", user=mailed.users["operator"]).get()
    assert (failed.state, failed.attempts) == (State.WAITING, 1)
    assert "server e-mail tidak menjawab" in failed.last_error
    job = Job.objects.get(name="peringatan-kirim", payload={"delivery": failed.pk})
    assert job.state == JobState.WAITING and job.run_after > timezone.now()
    assert "server e-mail tidak menjawab" in job.last_error
    client.force_login(superuser())
    page = client.get("/admin/alerts/delivery/").content.decode()
    assert "server e-mail tidak menjawab" in page
    # The server is back; the wait is over: the retry sends it.
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    Job.objects.filter(pk=job.pk).update(run_after=timezone.now())
    run_jobs()
    failed.refresh_from_db()
    assert (failed.state, failed.attempts, failed.last_error) == (State.SENT, 2, "")


def test_an_officer_with_a_telegram_id_is_told_by_telegram(world, run_jobs, channels_on):
    officer = world.officers["sekotong"]
    officer.telegram_id = "5550001"
    officer.save()
    record(world)
    run_jobs()
    sent = channels_on.sent("sendMessage")
    assert [r.body["chat_id"] for r in sent] == ["5550001"]
    assert "Kejadian berat" in sent[0].body["text"]
