"""Large imports in the background: the file kept, a job queued, progress to watch.

The page reads the file (its format, columns and row count) while the person waits; a
file of more rows than ``settings.IMPORT_BACKGROUND_ROWS`` is then kept under the data
folder and handed to the job ``JOB`` (registered in ``sejuk.background``), which checks
every row with the form's rules and writes the good ones a chunk at a time, each chunk in
its own short transaction, so reports and edits keep flowing (SQLite's one writer waits
for one chunk at most).

A run taken up again (the runner died, the job failed and is retried) reads the kept file
again and writes only the rows at or past ``ImportRun.next_row``: that mark moves in the
transaction of the chunk it covers, so a chunk is either written and marked, or neither,
and no row is written twice. The kept file is removed when the run is done.
"""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from sejuk.accounts.access import Viewer, require, viewer_for
from sejuk.errors import Invalid, NotFound
from sejuk.jobs.services import enqueue

from . import imports
from .exports import as_csv
from .models import ImportRun, ImportState

JOB = "impor-kegiatan"
FOLDER = "imports"


def in_background(table: list[dict[str, Any]]) -> bool:
    """Whether a table read from an upload is large enough to import in the background."""
    return len(table) > settings.IMPORT_BACKGROUND_ROWS


def _folder() -> Path:
    return Path(settings.DATA_DIR) / FOLDER


def queue(viewer: Viewer, filename: str, content: bytes, *, partial: bool) -> ImportRun:
    """Keep the file and queue its import (inside the edge's transaction: the run and its
    job exist only together). The file is written first, so a job never finds it missing."""
    require(viewer, "activity.write")
    assert viewer.user_id is not None  # "activity.write" is a signed-in person's
    folder = _folder()
    folder.mkdir(parents=True, exist_ok=True)
    stored = f"{uuid.uuid4().hex}{Path(filename).suffix.lower()[:10]}"
    (folder / stored).write_bytes(content)
    run = ImportRun.objects.create(
        created_by_id=viewer.user_id, filename=filename[:255], stored=stored, partial=partial
    )
    enqueue(JOB, {"run": run.pk}, key=str(run.pk))
    return run


def run_job(payload: dict[str, Any]) -> str:
    """The background job: one import run, from where it stopped."""
    return run(int(payload["run"]))


def run(run_id: int) -> str:
    """Check the kept file's rows and write the good ones chunk by chunk, past the resume
    mark. Safe to call again at any point: a finished run is left as it is. A failure is
    noted on the run for its page and raised, so the job runner tries again later."""
    job = ImportRun.objects.select_related("created_by").get(pk=run_id)
    if job.finished:
        return f"{job.filename}: sudah selesai"
    try:
        return _run(job)
    except Exception as exc:
        ImportRun.objects.filter(pk=job.pk).update(error=str(exc)[:2000] or type(exc).__name__)
        raise


def _run(job: ImportRun) -> str:
    viewer = viewer_for(job.created_by)
    path = _folder() / job.stored
    try:
        content = path.read_bytes()
    except FileNotFoundError:
        _finish(job, ImportState.FAILED, "Berkas impor tidak ditemukan lagi; unggah ulang.")
        return f"{job.filename}: berkas hilang"
    ImportRun.objects.filter(pk=job.pk).update(state=ImportState.CHECKING)
    try:
        rows = imports.check_rows(viewer, job.filename, content, partial=job.partial)
    except Invalid as exc:  # the person lost the right to import, or the file changed
        _finish(job, ImportState.FAILED, exc.message)
        return f"{job.filename}: {exc.message}"
    refused = [[r.row, _reason(r.errors)] for r in rows.results if r.errors]
    ImportRun.objects.filter(pk=job.pk).update(
        state=ImportState.WRITING,
        total=len(rows.results),
        refused=len(refused),
        refused_rows=refused,
    )
    for chunk in imports.chunks(rows, start_row=job.next_row):
        with transaction.atomic():
            written = imports.write_chunk(viewer, chunk)
            ImportRun.objects.filter(pk=job.pk).update(
                written=F("written") + written, next_row=chunk[-1][0].row + 1
            )
    _finish(job, ImportState.DONE)
    path.unlink(missing_ok=True)
    job.refresh_from_db()
    return f"{job.filename}: {job.written} kegiatan diimpor, {job.refused} baris ditolak"


def _finish(job: ImportRun, state: str, error: str = "") -> None:
    ImportRun.objects.filter(pk=job.pk).update(state=state, error=error, finished_at=timezone.now())


def _reason(errors: dict[str, str]) -> str:
    return "; ".join(f"{name}: {message}" for name, message in errors.items())


def for_viewer(viewer: Viewer, run_id: int) -> ImportRun:
    """The run, if it is this person's own (another's is not found, as one never made)."""
    require(viewer, "activity.write")
    found = ImportRun.objects.filter(pk=run_id, created_by_id=viewer.user_id).first()
    if found is None:
        raise NotFound("Impor ini tidak ditemukan.")
    return found


def refused_csv(job: ImportRun) -> bytes:
    """The refused rows as CSV: the row number in the file and the reason, in words."""
    return as_csv(["baris", "alasan"], job.refused_rows)
