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
and no row is written twice (the mark moves only from where the run found it, so even a
run taken over while alive writes nothing twice). The kept file is removed when the run
is done.

The file is read and checked in two passes over one file: the first checks every row, a
chunk at a time, and keeps only the refused rows' reasons and the good rows' values
(``services.Prepared``), packed as bytes a chunk at a time; the second writes those, with
the connection's SQLite page cache kept small (``CACHE_MIB``). A file imported all or nothing
keeps nothing once a row is refused, so nothing is written. The job beats its heartbeat
(``sejuk.jobs.services.heartbeat``) per chunk checked and per chunk written: a runner
that died is replaced within minutes, one that lives is never replaced.
"""

from __future__ import annotations

import pickle
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from sejuk.accounts.access import Viewer, require, viewer_for
from sejuk.bulk import commit_without_waiting, sqlite_cache
from sejuk.errors import Invalid, NotFound
from sejuk.jobs.services import enqueue, heartbeat

from . import imports
from .exports import as_csv
from .models import ImportRun, ImportState
from .services import Prepared

JOB = "impor-kegiatan"
FOLDER = "imports"
# The SQLite page cache of the job's connection while it writes: it grows with the pages
# written and stays, so a large file would otherwise fill the 256 MiB ``sejuk.bulk`` asks
# for, beside the server's own memory.
CACHE_MIB = 64


def in_background(rows: int) -> bool:
    """Whether an upload of ``rows`` rows (``imports.count_rows``) is large enough to
    import in the background."""
    return rows > settings.IMPORT_BACKGROUND_ROWS


def _folder() -> Path:
    return Path(settings.DATA_DIR) / FOLDER


def queue(
    viewer: Viewer, filename: str, content: bytes, *, partial: bool, total: int = 0
) -> ImportRun:
    """Keep the file and queue its import (inside the edge's transaction: the run and its
    job exist only together). The file is written first, so a job never finds it missing.
    ``total``: the rows counted while the person waited, shown until the job checks them."""
    require(viewer, "activity.write")
    assert viewer.user_id is not None  # "activity.write" is a signed-in person's
    folder = _folder()
    folder.mkdir(parents=True, exist_ok=True)
    stored = f"{uuid.uuid4().hex}{Path(filename).suffix.lower()[:10]}"
    (folder / stored).write_bytes(content)
    run = ImportRun.objects.create(
        created_by_id=viewer.user_id,
        filename=filename[:255],
        stored=stored,
        partial=partial,
        total=total,
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
        checked = _check(viewer, job, content)
    except Invalid as exc:  # the person lost the right to import, or the file changed
        _finish(job, ImportState.FAILED, exc.message)
        return f"{job.filename}: {exc.message}"
    del content
    ImportRun.objects.filter(pk=job.pk).update(
        state=ImportState.WRITING,
        total=checked.total,
        refused=len(checked.refused),
        refused_rows=checked.refused,
    )
    mark = job.next_row
    sqlite_cache(CACHE_MIB)
    for at, blob in enumerate(checked.chunks):
        if at:  # the transaction of the chunk before has committed
            imports.between_chunks()
        chunk = _unpacked(blob)
        checked.chunks[at] = b""  # let it go once written
        with transaction.atomic():
            # The chunk and its mark commit together; the run's end (``_finish``) waits
            # for the disk, so a crash undoes chunks only along with their marks.
            commit_without_waiting()
            written = imports.write_chunk(viewer, chunk)
            after = chunk[-1][0].row + 1
            # The mark moves from where this run left it, or the chunk is undone: a run
            # taken over (its runner presumed dead) while still alive writes no row twice.
            moved = ImportRun.objects.filter(pk=job.pk, next_row=mark).update(
                written=F("written") + written, next_row=after
            )
            if moved != 1:
                raise RuntimeError("impor ini sudah dilanjutkan oleh pekerja lain")
            heartbeat()
        mark = after
    _finish(job, ImportState.DONE)
    path.unlink(missing_ok=True)
    job.refresh_from_db()
    return f"{job.filename}: {job.written} kegiatan diimpor, {job.refused} baris ditolak"


@dataclass
class _Checked:
    """A kept file checked: how many rows, the refused ones as [row, reason], and the
    good ones still to write, ``imports.CHUNK_ROWS`` to a chunk, each chunk packed as
    bytes (``_packed``): about a tenth of the room the same values take as objects, so
    a file of 100,000 rows holds a few megabytes, never the file's rows as read or
    checked."""

    total: int = 0
    refused: list[list[Any]] = field(default_factory=list)
    chunks: list[bytes] = field(default_factory=list)
    pending: list[tuple[int, Prepared]] = field(default_factory=list)

    def keep(self, row: int, prepared: Prepared) -> None:
        self.pending.append((row, prepared))
        if len(self.pending) >= imports.CHUNK_ROWS:
            self.close()

    def close(self) -> None:
        if self.pending:
            self.chunks.append(_packed(self.pending))
            self.pending = []

    def drop(self) -> None:
        self.chunks, self.pending = [], []


def _packed(rows: list[tuple[int, Prepared]]) -> bytes:
    """A chunk of good rows as compact bytes: plain tuples, pickled (the job's own values,
    made and read again by this process only, never from a file or a request)."""
    plain = [(n, p.values, p.types, p.participants, p.officers, p.leaders) for n, p in rows]
    return pickle.dumps(plain, protocol=pickle.HIGHEST_PROTOCOL)


def _unpacked(blob: bytes) -> list[tuple[imports.RowResult, Prepared]]:
    return [
        (imports.RowResult(n), Prepared(*values))
        for n, *values in pickle.loads(blob)  # noqa: S301 (bytes made by _packed, in memory)
    ]


def _check(viewer: Viewer, job: ImportRun, content: bytes) -> _Checked:
    """The first pass: every row checked, a chunk at a time, nothing written. A file
    imported all or nothing keeps no row once one is refused (none will be written); the
    rows below the resume mark are written already."""
    out = _Checked()
    refused = 0
    for part in imports.check_stream(viewer, imports.iter_table(job.filename, content)):
        out.total += len(part)
        for result, prepared in part:
            if result.errors:
                out.refused.append([result.row, _reason(result.errors)])
            elif prepared is not None and result.row >= job.next_row:
                out.keep(result.row, prepared)
        if out.refused and not job.partial:
            out.drop()
        if len(out.refused) != refused:  # the refused rows so far, for the progress
            refused = len(out.refused)
            ImportRun.objects.filter(pk=job.pk).update(refused=refused)
        heartbeat()
    out.close()
    return out


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
