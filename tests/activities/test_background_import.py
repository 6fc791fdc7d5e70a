"""Large imports in the background: a file above the threshold is kept and queued, the
job runner imports it chunk by chunk, the page shows how far it got, and the refused rows
come as a CSV. A run taken up again after its runner died or failed writes no row twice.
Through the real import page, the real job runner and the real database."""

from __future__ import annotations

import tracemalloc
from datetime import date, timedelta
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from sejuk.activities import import_runs, imports
from sejuk.activities.models import Activity, Change, ImportRun
from sejuk.background import QUEUED
from sejuk.jobs import services
from sejuk.jobs.models import Job, State
from sejuk.jobs.runner import Registry, run_due
from sejuk.jobs.services import BEAT_STALE, STALE

# The import's job as the registry holds it, without the scheduled jobs (the morning
# reports and the rest have their own tests).
REGISTRY = Registry(queued={import_runs.JOB: QUEUED[import_runs.JOB]})
pytestmark = pytest.mark.django_db
DESA = ("52.01.07.2002", "52.01.07.2004", "52.01.01.1001")


def _csv(rows: int, bad: frozenset[int] = frozenset()) -> bytes:
    """``rows`` activities of an operator of Polres Lombok Barat, a realistic row each;
    the rows numbered in ``bad`` (0 is the first) name a place that does not exist."""
    day = (date.today() - timedelta(days=2)).strftime("%d/%m/%Y")
    lines = ["tanggal,jam_mulai,jam_selesai,kode_wilayah,dusun,jenis,peserta,uraian,situasi"]
    for n in range(rows):
        place = "99.99.99.9999" if n in bad else DESA[n % 3]
        lines.append(
            f"{day},{8 + n % 9:02d}.{n % 60:02d},{17 + n % 5:02d}.00,{place},Dusun {n % 40},"
            f"sambang;penyuluhan,warga:12;tokoh_agama:2,"
            f'"Sambang warga ke-{n} di pos kamling, menyampaikan pesan pemilu damai dan '
            f'mengajak warga menjaga kerukunan.",kondusif'
        )
    return ("\n".join(lines) + "\n").encode()


@pytest.fixture(autouse=True)
def _data_dir(settings, tmp_path):  # type: ignore[no-untyped-def]
    settings.DATA_DIR = tmp_path
    settings.IMPORT_BACKGROUND_ROWS = 5


def _upload(client, content: bytes, partial: bool = False):  # type: ignore[no-untyped-def]
    upload = SimpleUploadedFile("kegiatan.csv", content, content_type="text/csv")
    data = {"file": upload, **({"partial": "on"} if partial else {})}
    return client.post("/kegiatan/impor/", data)


def _queued(client, content: bytes, partial: bool = False) -> ImportRun:  # type: ignore[no-untyped-def]
    answer = _upload(client, content, partial)
    assert answer.status_code == 302, answer.content.decode()[:800]
    run = ImportRun.objects.get()
    assert answer["Location"] == f"/kegiatan/impor/{run.pk}/"
    return run


def test_a_file_of_100000_rows_is_imported_completely_by_the_job_runner(client, world, settings):
    settings.IMPORT_BACKGROUND_ROWS = 2000
    client.force_login(world.users["operator"])
    content = _csv(100_000)
    before, changes = Activity.objects.count(), Change.objects.count()
    run = _queued(client, content)
    assert Activity.objects.count() == before  # nothing written while the page waited
    kept = Path(settings.DATA_DIR) / "imports" / run.stored
    assert kept.read_bytes() == content
    waiting = client.get(f"/kegiatan/impor/{run.pk}/").content.decode()
    assert 'http-equiv="refresh"' in waiting and "menunggu giliran" in waiting

    outcomes = run_due(REGISTRY, "uji")
    assert [o.ok for o in outcomes if o.job.name == import_runs.JOB] == [True]

    run.refresh_from_db()
    assert (run.state, run.total, run.written, run.refused) == ("selesai", 100_000, 100_000, 0)
    assert Activity.objects.count() == before + 100_000
    # Each row its history entry. (Counted without a join: inside the test's transaction
    # PostgreSQL's statistics may still say the tables are empty, and a nested loop over
    # 100,000 x 100,000 rows ran for more than ten minutes.)
    assert Change.objects.count() == changes + 100_000
    assert not kept.exists()  # kept only until the job is done
    done = client.get(f"/kegiatan/impor/{run.pk}/").content.decode()
    assert "Selesai: 100000 kegiatan diimpor" in done
    assert 'http-equiv="refresh"' not in done


def test_the_page_shows_progress_and_the_refused_rows_come_as_csv(client, world, monkeypatch):
    monkeypatch.setattr(imports, "CHUNK_ROWS", 4)
    client.force_login(world.users["operator"])
    run = _queued(client, _csv(12, bad=frozenset({2, 7})), partial=True)
    seen: list[str] = []
    write_chunk = imports.write_chunk

    def looking(viewer, chunk):  # type: ignore[no-untyped-def]
        # What the person's page says between two chunks (another request, meanwhile).
        seen.append(client.get(f"/kegiatan/impor/{run.pk}/").content.decode())
        return write_chunk(viewer, chunk)

    monkeypatch.setattr(imports, "write_chunk", looking)
    run_due(REGISTRY, "uji")
    assert "Menyimpan kegiatan: 0 dari 12 baris, 2 baris ditolak" in seen[0]
    assert "Menyimpan kegiatan: 4 dari 12 baris, 2 baris ditolak" in seen[1]
    assert all('http-equiv="refresh"' in page for page in seen)

    run.refresh_from_db()
    assert (run.state, run.written, run.refused) == ("selesai", 10, 2)
    page = client.get(f"/kegiatan/impor/{run.pk}/").content.decode()
    assert "10 kegiatan diimpor dari 12 baris" in page and "2 baris salah" in page
    answer = client.get(f"/kegiatan/impor/{run.pk}/ditolak.csv")
    assert answer.status_code == 200 and answer["Content-Type"].startswith("text/csv")
    lines = answer.content.decode("utf-8-sig").splitlines()
    assert lines[0] == "baris,alasan"
    assert [line.split(",")[0] for line in lines[1:]] == ["4", "9"]  # header is row 1
    assert "wilayah" in lines[1].lower() or "tidak dikenal" in lines[1]


def test_a_file_with_a_bad_row_imports_nothing_in_the_background_either(client, world):
    client.force_login(world.users["operator"])
    run = _queued(client, _csv(10, bad=frozenset({5})))
    run_due(REGISTRY, "uji")
    run.refresh_from_db()
    assert (run.state, run.written, run.refused) == ("selesai", 0, 1)
    assert not Activity.objects.filter(source="import").exists()
    page = client.get(f"/kegiatan/impor/{run.pk}/").content.decode()
    assert "tidak ada yang diimpor" in page


def test_another_persons_import_is_not_found(client, world):
    client.force_login(world.users["operator"])
    run = _queued(client, _csv(10))
    client.force_login(world.users["neighbour"])
    assert client.get(f"/kegiatan/impor/{run.pk}/").status_code in (403, 404)
    assert client.get(f"/kegiatan/impor/{run.pk}/ditolak.csv").status_code in (403, 404)


class Killed(BaseException):
    """The runner's process dies in the middle of a chunk (no failure is recorded)."""


@pytest.mark.parametrize("how", ["killed", "failed"])
def test_an_interrupted_import_resumes_without_writing_a_row_twice(client, world, monkeypatch, how):
    monkeypatch.setattr(imports, "CHUNK_ROWS", 4)
    client.force_login(world.users["operator"])
    run = _queued(client, _csv(10))
    write_chunk = imports.write_chunk
    calls = []

    def dies_in_the_second_chunk(viewer, chunk):  # type: ignore[no-untyped-def]
        calls.append(len(chunk))
        written = write_chunk(viewer, chunk)
        if len(calls) == 2:  # the chunk's rows are written, its transaction not committed
            raise Killed() if how == "killed" else OSError("disk penuh")
        return written

    monkeypatch.setattr(imports, "write_chunk", dies_in_the_second_chunk)
    now = timezone.now()
    if how == "killed":
        with pytest.raises(Killed):
            run_due(REGISTRY, "mati", now)
        assert Job.objects.get(name=import_runs.JOB).state == State.RUNNING
    else:
        run_due(REGISTRY, "gagal", now)
        assert Job.objects.get(name=import_runs.JOB).state == State.WAITING
    run.refresh_from_db()
    assert (run.written, run.next_row) == (4, 6)  # the first chunk only: rows 2-5
    assert Activity.objects.filter(source="import").count() == 4

    monkeypatch.setattr(imports, "write_chunk", write_chunk)
    later = now + STALE + timedelta(minutes=1)  # a dead claim is taken over; a retry is due
    outcomes = run_due(REGISTRY, "baru", later)
    assert [o.ok for o in outcomes if o.job.name == import_runs.JOB] == [True]
    run.refresh_from_db()
    assert (run.state, run.written) == ("selesai", 10)
    summaries = list(Activity.objects.filter(source="import").values_list("summary", flat=True))
    assert len(summaries) == len(set(summaries)) == 10
    # Taken up once more (a late retry), a finished run writes nothing.
    assert import_runs.run(run.pk).endswith("sudah selesai")
    assert Activity.objects.filter(source="import").count() == 10


def test_a_small_file_is_still_imported_while_the_page_waits(client, world, settings):
    settings.IMPORT_BACKGROUND_ROWS = 2000
    client.force_login(world.users["operator"])
    answer = _upload(client, _csv(30))
    assert answer.status_code == 200
    assert "30 kegiatan diimpor" in answer.content.decode()
    assert not ImportRun.objects.exists()


def test_a_file_over_the_row_limit_is_refused_in_words(client, world, monkeypatch):
    monkeypatch.setattr(imports, "MAX_ROWS", 20)
    client.force_login(world.users["operator"])
    answer = _upload(client, _csv(21))
    assert answer.status_code == 422
    assert "Paling banyak 20 baris per berkas" in answer.content.decode()
    assert not ImportRun.objects.exists() and not Activity.objects.filter(source="import").exists()


def _peak_of_job(client, rows: int) -> int:  # type: ignore[no-untyped-def]
    run = _queued(client, _csv(rows))
    tracemalloc.start()
    try:
        run_due(REGISTRY, "uji")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    run.refresh_from_db()
    assert (run.state, run.written) == ("selesai", rows)
    ImportRun.objects.all().delete()
    return peak


def test_a_large_import_keeps_its_checked_rows_packed_until_written(client, world, settings):
    # A file of 100,000 rows once held every row read, parsed and checked (0.5-0.7 GB).
    # Then the checked rows waiting to be written were held as objects: about 900 bytes
    # a further row at the job's peak, the file's own bytes included (65 MB of objects at
    # 100,000 rows, beside the process's own 190 MB). Packed a chunk at a time, 400 to
    # 470 as measured (the bound leaves room for what other tests left in the process).
    # Measured as what each further row adds.
    settings.IMPORT_BACKGROUND_ROWS = 2000
    client.force_login(world.users["operator"])
    small, large = _peak_of_job(client, 4000), _peak_of_job(client, 10_000)
    per_row = (large - small) / 6000
    assert per_row < 650, f"{per_row:,.0f} bytes per further row at the peak"


def test_the_jobs_sqlite_page_cache_is_kept_small(client, world, settings):
    # The page cache of the job's connection grows with every page written and stays:
    # left at the 256 MiB bulk writes ask for, a file of 100,000 rows took the job's
    # process past 300 MB.
    from django.db import connection

    if connection.vendor != "sqlite":
        pytest.skip("PostgreSQL's page cache is the server's")
    settings.IMPORT_BACKGROUND_ROWS = 2000
    client.force_login(world.users["operator"])
    _peak_of_job(client, 2500)
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA cache_size")
        (size,) = cursor.fetchone()
    assert size == -import_runs.CACHE_MIB * 1024 and import_runs.CACHE_MIB <= 64


def test_an_import_whose_runner_died_is_taken_over_within_minutes(client, world, monkeypatch):
    monkeypatch.setattr(imports, "CHUNK_ROWS", 4)
    client.force_login(world.users["operator"])
    run = _queued(client, _csv(10))
    write_chunk = imports.write_chunk

    def dies_in_the_second_chunk(viewer, chunk):  # type: ignore[no-untyped-def]
        if ImportRun.objects.get(pk=run.pk).written:
            raise Killed()
        return write_chunk(viewer, chunk)

    monkeypatch.setattr(imports, "write_chunk", dies_in_the_second_chunk)
    with pytest.raises(Killed):
        run_due(REGISTRY, "mati")
    job = Job.objects.get(name=import_runs.JOB)
    assert job.state == State.RUNNING and job.beat_at is not None
    monkeypatch.setattr(imports, "write_chunk", write_chunk)
    # Its beats stopped: a few minutes later, long before the half hour a job that never
    # beats is given, another runner takes it over and finishes it.
    later = job.beat_at + BEAT_STALE + timedelta(seconds=1)
    assert later < job.claimed_at + STALE
    outcomes = run_due(REGISTRY, "baru", later)
    assert [o.ok for o in outcomes if o.job.name == import_runs.JOB] == [True]
    run.refresh_from_db()
    assert (run.state, run.written) == ("selesai", 10)
    assert Activity.objects.filter(source="import").count() == 10


def test_a_slow_import_that_still_beats_is_never_taken_over(client, world, monkeypatch):
    monkeypatch.setattr(imports, "CHUNK_ROWS", 4)
    client.force_login(world.users["operator"])
    run = _queued(client, _csv(10))
    write_chunk = imports.write_chunk
    claimed = timezone.now() - STALE - timedelta(hours=1)  # running for an hour and a half
    tried: list[object] = []

    def another_runner_looks(viewer, chunk):  # type: ignore[no-untyped-def]
        if ImportRun.objects.get(pk=run.pk).written:  # a chunk written, its beat given
            job = Job.objects.get(name=import_runs.JOB)
            tried.append(services.claim(job.pk, "lain", timezone.now()))
        return write_chunk(viewer, chunk)

    monkeypatch.setattr(imports, "write_chunk", another_runner_looks)
    Job.objects.filter(name=import_runs.JOB).update(run_after=claimed)
    outcomes = run_due(REGISTRY, "lambat", claimed)
    assert tried and tried == [None] * len(tried)
    assert [o.ok for o in outcomes if o.job.name == import_runs.JOB] == [True]
    run.refresh_from_db()
    assert (run.state, run.written) == ("selesai", 10)
    assert Activity.objects.filter(source="import").count() == 10


def test_a_run_taken_over_while_alive_writes_no_row_twice(client, world, monkeypatch):
    monkeypatch.setattr(imports, "CHUNK_ROWS", 4)
    client.force_login(world.users["operator"])
    run = _queued(client, _csv(10))
    write_chunk = imports.write_chunk

    def the_other_runner_went_on(viewer, chunk):  # type: ignore[no-untyped-def]
        if ImportRun.objects.get(pk=run.pk).written:  # meanwhile another wrote a chunk
            ImportRun.objects.filter(pk=run.pk).update(next_row=10)
        return write_chunk(viewer, chunk)

    monkeypatch.setattr(imports, "write_chunk", the_other_runner_went_on)
    outcomes = run_due(REGISTRY, "lama")
    assert [o.ok for o in outcomes if o.job.name == import_runs.JOB] == [False]
    assert Activity.objects.filter(source="import").count() == 4  # its own second undone
