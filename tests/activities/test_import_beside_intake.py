"""A citizen's report sent while a large import runs in the background is acknowledged at
once (PostgreSQL), or as soon as the chunk being written commits (SQLite, one writer at a
time): the import holds the write lock for a chunk, never for the whole file, and lets a
waiting writer in between two chunks.

The import runs in its own thread with its own connection, as the job runner's thread of
`sejuk serve` does, and the tests commit for real (``transaction=True``);
``available_apps`` leaves out the region list and the units loaded once per session."""

from __future__ import annotations

import threading
import time
from datetime import date, timedelta
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connections
from django.test import Client

from sejuk.activities import import_runs, imports
from sejuk.activities.models import Activity, ImportRun
from sejuk.background import QUEUED
from sejuk.jobs.runner import Registry, run_due
from sejuk.reports.models import Report
from tests.personas import SEKOTONG_BARAT, make_user

APPS = [
    "sejuk.accounts",
    "sejuk.leaders",
    "sejuk.activities",
    "sejuk.reports",
    "sejuk.incidents",
    "sejuk.bulletins",
    "sejuk.jobs",
    "sejuk.tension",
]
# The import's job as the registry holds it, without the scheduled jobs (the morning
# reports and the rest have their own tests).
REGISTRY = Registry(queued={import_runs.JOB: QUEUED[import_runs.JOB]})
pytestmark = pytest.mark.django_db(transaction=True, available_apps=APPS)
ROWS, CHUNK = 3000, 200  # 15 chunks
HOLD = 0.5  # seconds the second chunk keeps its transaction open


def _csv(rows: int) -> bytes:
    day = (date.today() - timedelta(days=2)).strftime("%d/%m/%Y")
    lines = ["tanggal,jam_mulai,kode_wilayah,jenis,peserta,uraian"]
    for n in range(rows):
        lines.append(
            f"{day},{8 + n % 9:02d}.{n % 60:02d},52.01.07.2002,sambang,warga:12,"
            f"Sambang warga ke-{n} di pos kamling."
        )
    return ("\n".join(lines) + "\n").encode()


def test_a_report_sent_during_a_background_import_is_acknowledged_within_a_chunk(
    settings, tmp_path, monkeypatch
):
    settings.DATA_DIR = tmp_path
    settings.IMPORT_BACKGROUND_ROWS = 100
    monkeypatch.setattr(imports, "CHUNK_ROWS", CHUNK)
    operator = make_user("operator_impor", "Polres Lombok Barat", "operator")
    page = Client()
    page.force_login(operator)
    upload = SimpleUploadedFile("kegiatan.csv", _csv(ROWS), content_type="text/csv")
    assert page.post("/kegiatan/impor/", {"file": upload}).status_code == 302

    writing = threading.Event()
    write_chunk = imports.write_chunk
    calls = []

    def holding(viewer: Any, chunk: Any) -> int:
        calls.append(1)
        written = write_chunk(viewer, chunk)
        if len(calls) == 2:  # the lock is held: the report must wait for this chunk
            writing.set()
            time.sleep(HOLD)
        return written

    monkeypatch.setattr(imports, "write_chunk", holding)
    failures: list[BaseException] = []

    def runner() -> None:
        try:
            run_due(REGISTRY, "uji")
        except BaseException as exc:  # shown by the main thread
            failures.append(exc)
        finally:
            connections.close_all()

    thread = threading.Thread(target=runner)
    thread.start()
    try:
        assert writing.wait(60), "the import never reached its second chunk"
        started = time.monotonic()
        answer = Client().post(
            "/api/public/reports",
            {
                "category": "hoaks",
                "description": "Kabar bohong tentang surat suara beredar di grup warga.",
                "region": SEKOTONG_BARAT,
            },
            content_type="application/json",
        )
        waited = time.monotonic() - started
    finally:
        thread.join(120)
    assert not failures, failures
    assert answer.status_code == 201, answer.content
    run = ImportRun.objects.get()
    assert (run.state, run.written) == ("selesai", ROWS)
    assert Activity.objects.count() == ROWS
    report = Report.objects.get()
    # Acknowledged while the import was still writing, not after it: a chunk's wait.
    assert report.created_at < run.finished_at
    assert waited < HOLD + 2.0, waited
    later = Activity.objects.filter(created_at__gt=report.created_at).count()
    assert later >= ROWS - 3 * CHUNK, later  # most of the file was written after it
