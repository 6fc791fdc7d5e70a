"""The issue's test. On the demo data an incident recorded in a demo desa alerts the
right people (and only they) once; a second incident within the quiet period gives no
second alert. An alert survives a restart of the server before it is sent: the job that
raises it is committed with the write and done by a runner started afterwards."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.db import connections, transaction
from django.utils import timezone

from sejuk.accounts.access import viewer_for
from sejuk.accounts.models import User
from sejuk.activities.demo import load_demo
from sejuk.alerts.models import Alert, Channel, Delivery
from sejuk.background import REGISTRY
from sejuk.incidents import services as incidents
from sejuk.incidents.models import Incident
from sejuk.incidents.services import IncidentInput
from sejuk.jobs.models import Job
from sejuk.jobs.runner import Registry, run_due, runner_name
from tests.personas import SEKOTONG_BARAT, make_user


def record(username: str, desa: str, **fields: object) -> Incident:
    viewer = viewer_for(User.objects.get(username=username))
    data = IncidentInput(**{"types": ["bentrokan"], **fields})  # type: ignore[arg-type]
    with transaction.atomic():  # the edge's transaction, as the page's and the API's
        return incidents.record_incident(
            viewer, data, region_id=desa, occurred_at=timezone.now() - timedelta(hours=1)
        )


def told(alert: Alert) -> set[str]:
    rows = Delivery.objects.filter(alert=alert, channel=Channel.APP)
    return set(rows.values_list("user__username", flat=True))


@pytest.mark.django_db
def test_an_incident_in_a_demo_desa_alerts_its_people_once(run_jobs):
    load_demo(days=3)
    desa = User.objects.get(username="demo.bhabin").officer.villages.order_by("code")[0].code
    record("demo.operator", desa)
    run_jobs()
    alert = Alert.objects.get()
    assert told(alert) == {"demo.bhabin", "demo.operator", "demo.pimpinan"}
    assert Delivery.objects.filter(channel=Channel.APP).count() == 3  # no one else
    record("demo.operator", desa, types=["perusakan"], damaged_buildings=1)
    run_jobs()
    assert Alert.objects.get().repeats == 1
    assert Delivery.objects.filter(channel=Channel.APP).count() == 3


@pytest.mark.django_db
def test_a_write_rolled_back_leaves_no_alert_behind(world):
    with pytest.raises(RuntimeError), transaction.atomic():
        incidents.record_incident(
            viewer_for(world.users["operator"]),
            IncidentInput(types=["bentrokan"]),
            region_id=SEKOTONG_BARAT,
            occurred_at=timezone.now(),
        )
        assert Job.objects.filter(name="peringatan-periksa").exists()
        raise RuntimeError("the request failed after the write")
    assert not Job.objects.filter(name="peringatan-periksa").exists()


APPS = [
    "sejuk.accounts",
    "sejuk.leaders",
    "sejuk.activities",
    "sejuk.reports",
    "sejuk.incidents",
    "sejuk.media",
    "sejuk.channels",
    "sejuk.bulletins",
    "sejuk.tension",
    "sejuk.jobs",
    "sejuk.alerts",
]


@pytest.mark.django_db(transaction=True, available_apps=APPS)
def test_an_alert_survives_a_restart_before_it_is_sent():
    operator = make_user("operator_lobar", "Polres Lombok Barat", "operator")
    operator.email = "operator@polri.example"
    operator.save()
    make_user("kapolres_lobar", "Polres Lombok Barat", "pimpinan")
    record("operator_lobar", SEKOTONG_BARAT)  # committed
    # The server stops here, before any runner looked. What it wrote is all there is.
    connections.close_all()
    assert Job.objects.filter(name="peringatan-periksa", state="menunggu").count() == 1
    assert not Alert.objects.exists() and not mail.outbox
    # A new process: the runner of `sejuk worker` raises the alert, then sends it.
    queued = Registry(queued=REGISTRY.queued)
    runner = runner_name()
    for _ in range(3):
        run_due(queued, runner)
    alert = Alert.objects.get()
    assert told(alert) == {"operator_lobar", "kapolres_lobar"}
    assert [m.to for m in mail.outbox] == [["operator@polri.example"]]
