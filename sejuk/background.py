"""Everything Sejuk does in the background, in one registry.

``SCHEDULED`` holds the jobs that come round on their own, ``QUEUED`` the kinds of job an
app asks for by name (``sejuk.jobs.services.enqueue("name", {...})``): apps never import
this module, so the registry may name any of them. The runner (``sejuk.jobs.runner``)
runs them in a thread of `sejuk serve` (``SEJUK_SERVE_JOBS``, on by default: a laptop needs
nothing else) or in `sejuk worker` processes on servers; each run is claimed by one
conditional UPDATE of the job's row, so however many runners share the database a job
runs once, is retried with a growing wait when it fails, and is taken over when its
runner died. The admin's *Pekerjaan latar* shows each job's last and next run and its
failures with the error, and runs one again on request.

Why our own runner rather than django-tasks (the backport of Django 6's ``django.tasks``)
with its database backend, now the separate package django-tasks-db: that backend runs
on Django 5.2 and SQLite, but it keeps no schedule (the morning reports would still need
this clock), retries nothing (a failed task stays failed), never takes back a task whose
worker died, has no uniqueness key, and runs in its own ``db_worker`` process, where a
laptop install should need one process. It is also alpha and announces breaking changes.
Our loop is a table, a claim and a retry rule in a few hundred lines; when Sejuk moves to
Django 6, the queued kinds can be offered as ``django.tasks`` tasks over the same table.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.conf import settings

from sejuk.activities import import_runs
from sejuk.alerts import detect as alert_detect
from sejuk.alerts import services as alerts
from sejuk.bulletins import schedule
from sejuk.channels import services as channels
from sejuk.jobs.runner import Queued, Registry, Scheduled
from sejuk.links import chat, report_media
from sejuk.media import intake as media_intake
from sejuk.media import learning as media_learning
from sejuk.tension import services as tension

UPKEEP_SECONDS = 5


def morning_reports() -> str:
    """Yesterday's situation report of every Polda and Polres in use, once the morning
    hour has come where each is (``sejuk.bulletins.schedule``). A report that could not
    be drawn fails the job, so it shows here and is tried again sooner."""
    done = schedule.run_due()
    if done.failed:
        names = ", ".join(f"{b.unit.name} {b.day}: {b.error}" for b in done.failed)
        raise RuntimeError(f"{done.summary()}. Gagal: {names}")
    return done.summary()


def poll_feeds() -> str:
    """Every active news source's feed (``sejuk.media.intake``): new articles read,
    grouped into stories and their signals raised. A source that failed shows its error
    on the source, in the admin; only a round where every source failed fails the job."""
    done = media_intake.poll_all()
    if done.failed and len(done.failed) == done.sources:
        raise RuntimeError(f"{done.summary()}. " + "; ".join(done.failed))
    return done.summary()


def train_media_classifier(payload: dict[str, Any]) -> str:
    """The signal classifier trained again on the analysts' verdicts."""
    return media_learning.train()


SCHEDULED: dict[str, Scheduled] = {
    "laporan-pagi": Scheduled(
        run=morning_reports,
        every=timedelta(minutes=settings.BULLETIN_CHECK_MINUTES),
        label="Laporan situasi harian tiap pagi",
        enabled=settings.BULLETIN_SCHEDULE,
    ),
    # Writes only mark the (desa, day) they touched; this recomputes those, and the days
    # whose report deadlines passed without a write, within seconds.
    "angka-harian": Scheduled(
        run=tension.upkeep_round,
        every=timedelta(seconds=UPKEEP_SECONDS),
        label="Angka harian per desa yang berubah, dan kerawanan kecamatannya",
    ),
    "kerawanan-harian": Scheduled(
        run=tension.recompute_today,
        every=timedelta(minutes=settings.TENSION_RECOMPUTE_MINUTES),
        label="Kerawanan hari ini untuk semua desa",
    ),
    "percakapan-kedaluwarsa": Scheduled(
        run=channels.expire_idle,
        every=timedelta(minutes=5),
        label="Menutup percakapan saluran pesan yang lama tak berbalas",
    ),
    # Telegram without a public address: `sejuk serve` asks for new messages itself.
    "telegram-polling": Scheduled(
        run=channels.poll_telegram,
        every=timedelta(seconds=3),
        label="Mengambil pesan Telegram (mode polling)",
        enabled=settings.TELEGRAM_POLLING and bool(settings.TELEGRAM_TOKEN),
    ),
    # Deadlines passed and the picture's turns (rawan, a jump, unvisited), as alerts.
    "peringatan-berkala": Scheduled(
        run=alert_detect.check_round,
        every=timedelta(minutes=settings.ALERT_CHECK_MINUTES),
        label="Memeriksa laporan terlambat dan desa yang berubah untuk peringatan",
    ),
    "peringatan-ringkasan": Scheduled(
        run=alerts.send_digests,
        every=timedelta(minutes=settings.ALERT_DIGEST_MINUTES),
        label="Mengirim ringkasan peringatan",
    ),
    "media-umpan": Scheduled(
        run=poll_feeds,
        every=timedelta(minutes=settings.FEEDS_POLL_MINUTES),
        label="Umpan berita sumber media",
        enabled=settings.FEEDS_SCHEDULE,
    ),
}

# Apps queue these by name (``enqueue(NAME, key=...)``).
QUEUED: dict[str, Queued] = {
    channels.PROCESS_JOB: Queued(
        run=chat.process, label="Memproses pesan masuk (WhatsApp, Telegram, SMS)"
    ),
    channels.SEND_JOB: Queued(
        run=lambda payload: channels.deliver(int(payload["outbound"])),
        label="Mengirim pesan keluar",
    ),
    alerts.CHECK_JOB: Queued(
        run=alert_detect.on_record, label="Memeriksa laporan atau kejadian baru untuk peringatan"
    ),
    alerts.SEND_JOB: Queued(
        run=lambda payload: alerts.deliver(int(payload["delivery"])),
        label="Mengirim peringatan",
    ),
    report_media.JOB: Queued(
        run=report_media.read_links, label="Membaca tautan dalam laporan warga"
    ),
    import_runs.JOB: Queued(run=import_runs.run_job, label="Mengimpor berkas kegiatan yang besar"),
    "media-belajar": Queued(
        run=train_media_classifier, label="Melatih pengklasifikasi sinyal media"
    ),
}

REGISTRY = Registry(scheduled=SCHEDULED, queued=QUEUED)
