"""The daily figures kept by upkeep equal a full rebuild from the raw records, after a
seeded random mix of creates, edits, deletes, merges and settlements by the operator of
Polres Lombok Barat; and the check notices when any one write path is not listened to."""

from __future__ import annotations

import random
from datetime import time, timedelta

import pytest
from django.db import transaction
from django.utils import timezone

from sejuk.accounts.access import viewer_for
from sejuk.activities.models import Activity
from sejuk.activities.services import activity_values, delete_activity, update_activity
from sejuk.incidents.models import Incident
from sejuk.incidents.services import IncidentInput, record_incident
from sejuk.regions.models import Region
from sejuk.reports.models import Report, State
from sejuk.reports.services import Move, merge, move
from sejuk.tension import services, upkeep
from sejuk.tension.figures import local_day
from sejuk.tension.models import AreaFigures, DayFigures, LastVisit
from tests.factories import file_report, log_activity
from tests.personas import make_user

KINDS = ["patroli_dialogis", "sambang", "dialog", "mediasi", "penyuluhan"]
INCIDENTS = ["provokasi", "bentrokan", "hoaks", "perusakan"]
SITUATIONS = ["", "kondusif", "waspada", "rawan"]


def table() -> list[tuple]:
    return sorted(
        (
            r.region_code,
            r.day,
            r.activities,
            tuple(sorted(r.activity_types.items())),
            round(r.personnel_hours, 2),
            r.incidents,
            r.incidents_severe,
            tuple(sorted(r.incident_types.items())),
            tuple(sorted(r.incident_severity.items())),
            r.reports_opened,
            r.reports_settled,
            r.reports_overdue,
            r.situation,
            r.situation_at,
        )
        for r in DayFigures.objects.all()
    )


def areas() -> list[tuple]:
    return sorted(
        (
            r.region_code,
            r.day,
            r.activities,
            tuple(sorted(r.activity_types.items())),
            r.personnel_hours,
            r.incidents,
            r.incidents_severe,
            r.reports_opened,
            r.reports_settled,
            r.reports_overdue,
        )
        for r in AreaFigures.objects.all()
    ) + sorted(LastVisit.objects.values_list("region_code", "day"))


def play(seed: int, steps: int) -> None:
    rng = random.Random(seed)
    admin = make_user("operator_uji", "Polres Lombok Barat", "operator")
    viewer = viewer_for(admin)
    villages = list(
        Region.objects.filter(code__startswith="52.01.07.", level=4)
        .order_by("code")
        .values_list("code", flat=True)[:5]
    )
    today = timezone.localdate()
    activities: list[int] = []
    reports: list[int] = []
    incidents: list[int] = []

    def step() -> None:
        op = rng.choice(
            [
                "log",
                "log",
                "edit",
                "delete",
                "report",
                "report",
                "settle",
                "merge",
                "backdate",
                "incident",
                "incident_edit",
                "incident_delete",
            ]
        )
        if op == "log" or (op in ("edit", "delete") and not activities):
            a = log_activity(
                admin,
                region=rng.choice(villages),
                date=today - timedelta(days=rng.randrange(10)),
                start_time=time(rng.randrange(6, 20), 0),
                end_time=time(21, 30),
                types=rng.sample(KINDS, rng.randint(1, 2)),
                situation=rng.choice(SITUATIONS),
                personnel_count=rng.choice([None, 2, 5]),
            )
            activities.append(a.pk)
        elif op == "edit":
            pk = rng.choice(activities)
            values = activity_values(Activity.objects.get(pk=pk))
            values.region = rng.choice(villages)
            values.date = today - timedelta(days=rng.randrange(10))
            values.situation = rng.choice(SITUATIONS)
            values.types = rng.sample(KINDS, rng.randint(1, 3))
            update_activity(viewer, pk, values, reason="Perbaikan data uji")
        elif op == "delete":
            pk = activities.pop(rng.randrange(len(activities)))
            delete_activity(viewer, pk, "Salah input uji")
        elif op == "report" or (op in ("settle", "merge", "backdate") and len(reports) < 2):
            r = file_report(region=rng.choice(villages), category=rng.choice(INCIDENTS))
            reports.append(r.pk)
        elif op == "settle":
            r = Report.objects.get(pk=rng.choice(reports))
            path = {
                State.BARU: State.DIVERIFIKASI,
                State.DIVERIFIKASI: State.DITANGANI,
                State.DITANGANI: State.SELESAI,
            }
            if r.state in path:
                to = path[r.state]
                move(
                    viewer,
                    r.pk,
                    Move(
                        to=to,
                        settlement="musyawarah",
                        parties="Warga A dan B",
                        agreement="Sepakat damai",
                    )
                    if to == State.SELESAI
                    else Move(to=to),
                )
        elif op == "merge":
            a, b = rng.sample(reports, 2)
            if Report.objects.get(pk=a).state not in (
                State.DUPLIKAT,
                State.DITOLAK,
                State.SELESAI,
            ) and Report.objects.get(pk=b).state not in (State.DUPLIKAT, State.DITOLAK):
                merge(viewer, a, b)
        elif (
            op == "backdate"
            and Report.objects.filter(pk__in=reports).exclude(state=State.DUPLIKAT).exists()
        ):
            # An import of an older case: it came in days ago and its deadline passed.
            r = rng.choice(
                list(
                    Report.objects.filter(pk__in=reports)
                    .exclude(state=State.DUPLIKAT)
                    .order_by("pk")
                )
            )
            r.created_at = timezone.now() - timedelta(days=rng.randrange(1, 8), hours=3)
            r.due_at = r.created_at + timedelta(hours=4)
            r.save()
        elif op == "incident" or (op.startswith("incident_") and not incidents):
            i = record_incident(
                viewer,
                IncidentInput(
                    types=rng.sample(INCIDENTS, rng.randint(1, 2)), injured=rng.choice([0, 0, 1, 4])
                ),
                region_id=rng.choice(villages),
                occurred_at=timezone.now() - timedelta(days=rng.randrange(10)),
            )
            incidents.append(i.pk)
        elif op == "incident_edit":
            i = Incident.objects.get(pk=rng.choice(incidents))
            i.region_id = rng.choice(villages)
            i.occurred_at = timezone.now() - timedelta(days=rng.randrange(10))
            i.save()
        else:
            Incident.objects.filter(pk=incidents.pop(rng.randrange(len(incidents)))).get().delete()

    for _ in range(steps):
        with transaction.atomic():
            step()
        services.refresh()  # what the job does every few seconds


def incremental_and_rebuilt(seed: int = 14, steps: int = 60) -> tuple[tuple, tuple]:
    """Both tables, the daily rows and the area rows above them, as upkeep kept them
    and as a full rebuild writes them."""
    play(seed, steps)
    kept = (table(), areas())
    with transaction.atomic():
        services.rebuild(area=("52.01",))
    return kept, (table(), areas())


@pytest.mark.django_db
def test_upkeep_after_a_random_mix_of_writes_equals_a_full_rebuild():
    kept, (daily, area) = incremental_and_rebuilt()
    assert len(daily) > 10
    assert any(r[5] for r in daily) and any(r[10] for r in daily)  # incidents, settled
    assert any(r[11] for r in daily) and any(r[12] for r in daily)  # overdue, situation
    # Every level of area (kecamatan, kabupaten, province, the nation), last visits.
    assert {len(r[0]) for r in area if len(r) > 2} == {8, 5, 2, 0}
    assert any(len(r) == 2 for r in area)
    assert kept == (daily, area)


@pytest.mark.django_db
def test_the_equivalence_check_notices_area_counts_left_unkept(monkeypatch):
    from sejuk.tension import rollup

    monkeypatch.setattr(rollup, "keep", lambda keys: None)
    kept, rebuilt = incremental_and_rebuilt()
    assert kept[0] == rebuilt[0] and kept[1] != rebuilt[1]


@pytest.mark.django_db
def test_the_equivalence_check_notices_last_visits_left_unkept(monkeypatch):
    from sejuk.tension import lastvisit

    monkeypatch.setattr(lastvisit, "keep", lambda codes: None)
    kept, rebuilt = incremental_and_rebuilt()
    assert kept[0] == rebuilt[0] and kept[1] != rebuilt[1]


@pytest.mark.django_db
@pytest.mark.parametrize("model", list(upkeep.WATCHED), ids=lambda m: m.__name__)
def test_the_equivalence_check_notices_a_write_path_left_unwatched(model):
    from django.db.models.signals import post_delete, post_save, pre_save

    for signal in (pre_save, post_save, post_delete):
        signal.disconnect(sender=model, dispatch_uid=f"picture-{model.__name__}")
    try:
        kept, rebuilt = incremental_and_rebuilt()
    finally:
        upkeep.connect()
    assert kept != rebuilt


@pytest.mark.django_db
def test_a_write_only_marks_its_day_and_the_job_round_recomputes_it(world):
    from sejuk.tension.models import Dirty

    with transaction.atomic():
        log_activity(world.users["operator"], situation="waspada")
    assert Dirty.objects.count() == 1 and not DayFigures.objects.exists()
    assert "1 wilayah-hari" in services.upkeep_round()
    row = DayFigures.objects.get()
    assert (row.activities, row.situation) == (1, "waspada") and not Dirty.objects.exists()


@pytest.mark.django_db
def test_a_deadline_that_passes_without_a_write_counts_as_overdue_on_its_day(world):
    report = file_report()
    # Counted on the deadline's own day: filed late in the evening, the deadline falls
    # on the next day (a second row), and the test once failed when run after 20:00 WITA.
    due_day = local_day(report.due_at, report.region_id)
    services.upkeep_round()
    assert [r.reports_overdue for r in DayFigures.objects.all()] == [0]  # the day filed
    later = report.due_at + timedelta(seconds=30)
    services.upkeep_round(now=later)
    assert DayFigures.objects.get(region_code=report.region_id, day=due_day).reports_overdue == 1


@pytest.mark.django_db
def test_activities_written_by_an_import_reach_the_daily_figures(client, world):
    from django.core.files.uploadedfile import SimpleUploadedFile

    day = (timezone.localdate() - timedelta(days=2)).strftime("%d/%m/%Y")
    lines = ["tanggal,jam_mulai,kode_wilayah,jenis,peserta,uraian"]
    for n, desa in enumerate(["52.01.07.2002", "52.01.07.2004", "52.01.07.2002"]):
        lines.append(f"{day},08.{n:02d},{desa},sambang,warga:12,Sambang warga ke-{n}.")
    upload = SimpleUploadedFile("kegiatan.csv", ("\n".join(lines) + "\n").encode())
    client.force_login(world.users["operator"])
    assert client.post("/kegiatan/impor/", {"file": upload}).status_code == 200
    assert Activity.objects.filter(source="import").count() == 3
    services.refresh()  # what the job does every few seconds
    kept = (table(), areas())
    assert sum(r[2] for r in kept[0]) == 3  # the imported activities are counted
    with transaction.atomic():
        services.rebuild(area=("52.01",))
    assert kept == (table(), areas())


def test_a_burst_of_writes_is_left_to_the_job_not_paid_by_a_page(world, monkeypatch):
    """A reader catches up a few waiting keys itself (its own writes show at once); a
    burst beyond ``READER_KEYS`` waits for the ``angka-harian`` round, seconds later,
    instead of being recomputed by every page opened meanwhile."""
    from sejuk.tension.models import Dirty

    monkeypatch.setattr(services, "READER_KEYS", 3)
    desa = list(
        Region.objects.filter(code__startswith="52.01.07.", level=4).values_list("code", flat=True)
    )[:5]
    today = timezone.localdate()
    upkeep.mark([(code, today) for code in desa[:3]])
    services.catch_up()
    assert Dirty.objects.count() == 0  # a few: the reader caught them up
    upkeep.mark([(code, today) for code in desa])
    services.catch_up()
    assert Dirty.objects.count() == 5  # a burst: left waiting
    services.upkeep_round()
    assert Dirty.objects.count() == 0  # the job's round took them
