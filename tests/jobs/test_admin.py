"""The administrator's view of the background jobs: last run, next run, failures with
the error, and "Jalankan lagi"."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.urls import reverse

from sejuk.jobs import services
from sejuk.jobs.models import Job, State
from tests.factories import superuser

pytestmark = pytest.mark.django_db
CHANGELIST = reverse("admin:jobs_job_changelist")
WHEN = datetime(2024, 12, 9, 1, 0, tzinfo=UTC)


def failed_job() -> Job:
    job = services.enqueue("kirim-pesan", {"ke": "0812"}, run_after=WHEN)
    Job.objects.filter(pk=job.pk).update(
        state=State.FAILED,
        attempts=5,
        failed_at=WHEN,
        last_error="Traceback ...\nRuntimeError: gateway SMS tidak menjawab",
    )
    return job


def test_the_administrator_sees_each_job_with_its_last_failure(client):
    failed_job()
    client.force_login(superuser())
    page = client.get(CHANGELIST).content.decode()
    for heading in ("Nama pekerjaan", "Selesai terakhir", "Jalan berikutnya", "Galat terakhir"):
        assert heading in page
    assert "kirim-pesan" in page and "Gagal" in page
    assert "RuntimeError: gateway SMS tidak menjawab" in page


def test_run_again_makes_a_failed_job_due_at_once_with_its_tries_reset(client):
    job = failed_job()
    client.force_login(superuser())
    response = client.post(
        CHANGELIST, {"action": "run_again", "_selected_action": [job.pk]}, follow=True
    )
    assert "1 pekerjaan akan dijalankan lagi" in response.content.decode()
    job.refresh_from_db()
    assert job.state == State.WAITING and job.attempts == 0 and job.run_after > WHEN


def test_a_running_job_is_left_to_finish(client):
    job = services.enqueue("kirim-pesan", run_after=WHEN)
    services.claim(job.pk, "pelari", WHEN)
    client.force_login(superuser())
    response = client.post(
        CHANGELIST, {"action": "run_again", "_selected_action": [job.pk]}, follow=True
    )
    assert "1 pekerjaan tidak diubah: sedang berjalan" in response.content.decode()
    job.refresh_from_db()
    assert job.state == State.RUNNING


def test_an_administrator_of_a_polres_sees_the_jobs_and_others_do_not(client, world):
    failed_job()
    client.force_login(world.users["admin"])
    assert "kirim-pesan" in client.get(CHANGELIST).content.decode()
    client.force_login(world.users["operator"])
    assert client.get(CHANGELIST).status_code == 302  # to the admin's sign-in
