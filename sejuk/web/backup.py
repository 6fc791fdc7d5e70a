"""Backing up a running Sejuk and restoring it into an empty data folder.

A backup is a folder: the database (SQLite copied through its online backup API, a
consistent snapshot while the server keeps writing; PostgreSQL through `pg_dump`, one
snapshot transaction), then the uploaded photos and generated bulletins (`media/`, copied
after the snapshot, so every file a row names is there), the encryption and secret keys,
and last `sejuk-backup.json`, whose presence marks the backup complete. It also records a
few encrypted values (ciphertext only), so a restore can check its key before it writes
anything.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connection, connections
from django.utils import timezone

from sejuk import crypto
from sejuk.errors import Invalid, SejukError

FORMAT = 1
MANIFEST = "sejuk-backup.json"
KEY = "encryption_key"
SIGNING_KEY = "secret_key"  # Django's SECRET_KEY, when kept in the data folder
MEDIA = "media"
DUMPS = {"sqlite": "database.sqlite3", "postgresql": "database.dump"}
# What a data folder may hold and still count as empty: made by any command at start-up.
EMPTY_LEFTOVERS = {SIGNING_KEY, "cache", "static"}


class RestoreRefused(SejukError):
    status = 409
    code = "pemulihan_ditolak"


@dataclass(frozen=True)
class BackupResult:
    path: Path
    database: str
    files: int
    key_included: bool

    def summary(self) -> str:
        key = (
            "kunci enkripsi ikut disalin"
            if self.key_included
            else "kunci enkripsi dari SEJUK_ENCRYPTION_KEYS TIDAK ikut: simpan kunci itu "
            "bersama cadangan ini, tanpanya kontak pelapor tidak terbaca"
        )
        return (
            f"Cadangan dibuat di {self.path}: basis data ({self.database}), "
            f"{self.files} berkas foto dan buletin, {key}."
        )


@dataclass(frozen=True)
class RestoreResult:
    path: Path
    database: str
    files: int

    def summary(self) -> str:
        return (
            f"Dipulihkan dari {self.path} ke {settings.DATA_DIR}: basis data "
            f"({self.database}), {self.files} berkas foto dan buletin."
        )


def make_backup(target: Path) -> BackupResult:
    """Copy the database, files and keys of this Sejuk into ``target`` (new or empty)."""
    target = target.resolve()
    if target.exists() and any(target.iterdir()):
        raise Invalid(f"Folder cadangan {target} sudah berisi berkas: pilih folder baru.")
    if target == settings.DATA_DIR or settings.DATA_DIR in target.parents:
        raise Invalid("Simpan cadangan di luar folder data, sebaiknya di disk lain.")
    if not connection.introspection.table_names():
        raise Invalid(
            f"Basis data Sejuk di {settings.DATA_DIR} belum disiapkan: tidak ada yang "
            "dicadangkan. Periksa SEJUK_DATA_DIR dan SEJUK_DATABASE_URL."
        )
    target.mkdir(parents=True, exist_ok=True)
    target.chmod(0o700)  # it holds the keys
    # Taken before the snapshot, so the snapshot holds them too.
    samples = crypto.stored_samples()
    vendor = _vendor()
    if vendor == "sqlite":
        _sqlite_copy(Path(str(settings.DATABASES["default"]["NAME"])), target / DUMPS[vendor])
    else:
        _pg_dump(target / DUMPS[vendor])
    files = _copy_files(Path(settings.MEDIA_ROOT), target / MEDIA)
    key_included = not settings.ENCRYPTION_KEYS and _copy_secret(
        Path(settings.ENCRYPTION_KEY_FILE), target / KEY
    )
    if settings.SECRET_KEY_FILE.exists():
        _copy_secret(settings.SECRET_KEY_FILE, target / SIGNING_KEY)
    manifest = {
        "format": FORMAT,
        "made_at": timezone.now().isoformat(),
        "database": vendor,
        "files": files,
        "encryption_key": "file" if key_included else "SEJUK_ENCRYPTION_KEYS",
        "encrypted_samples": samples,
    }
    partial = target / f".{MANIFEST}.partial"
    partial.write_text(json.dumps(manifest, indent=1))
    partial.rename(target / MANIFEST)
    return BackupResult(target, _label(vendor), files, key_included)


def restore_backup(source: Path) -> RestoreResult:
    """Bring a backup back into this (empty) data folder and database. Everything is
    checked first: a refused restore writes nothing."""
    source = source.resolve()
    manifest = _manifest(source)
    vendor = _vendor()
    if manifest["database"] != vendor:
        raise RestoreRefused(
            f"Cadangan ini dari {_label(manifest['database'])}, sedangkan SEJUK_DATABASE_URL "
            f"menunjuk {_label(vendor)}: atur SEJUK_DATABASE_URL ke jenis yang sama."
        )
    occupied = _occupied()
    if occupied:
        raise RestoreRefused(
            f"Folder data {settings.DATA_DIR} atau basis datanya tidak kosong "
            f"({', '.join(occupied)}): pemulihan hanya ke tempat yang kosong, agar tidak ada "
            "data yang tertimpa. Pilih SEJUK_DATA_DIR dan SEJUK_DATABASE_URL yang baru."
        )
    _check_key(source, manifest)

    dump = source / DUMPS[vendor]
    if vendor == "sqlite":
        connections.close_all()
        database = Path(str(settings.DATABASES["default"]["NAME"]))
        for leftover in (database, Path(f"{database}-wal"), Path(f"{database}-shm")):
            leftover.unlink(missing_ok=True)  # empty: checked above
        _sqlite_copy(dump, database)
    else:
        _pg_restore(dump)
    files = _copy_files(source / MEDIA, Path(settings.MEDIA_ROOT))
    if not settings.ENCRYPTION_KEYS and (source / KEY).exists():
        _copy_secret(source / KEY, Path(settings.ENCRYPTION_KEY_FILE))
    if (source / SIGNING_KEY).exists() and not settings.SECRET_KEY_CONFIGURED:
        _copy_secret(source / SIGNING_KEY, settings.SECRET_KEY_FILE)
    crypto.forget_keys()
    return RestoreResult(source, _label(vendor), files)


def _manifest(source: Path) -> dict[str, Any]:
    path = source / MANIFEST
    if not path.exists():
        raise RestoreRefused(
            f"{source} bukan cadangan Sejuk yang lengkap (tidak ada {MANIFEST}): mungkin "
            "pencadangannya terhenti. Pakai cadangan lain."
        )
    manifest = json.loads(path.read_text())
    if manifest.get("format") != FORMAT:
        raise RestoreRefused(f"Format cadangan {manifest.get('format')} tidak dikenal.")
    return manifest


def _check_key(source: Path, manifest: dict[str, Any]) -> None:
    """The key the restored folder will use must open the backup's encrypted values."""
    samples = [str(s) for s in manifest.get("encrypted_samples") or []]
    if settings.ENCRYPTION_KEYS:
        candidates = list(settings.ENCRYPTION_KEYS)
    elif (source / KEY).exists():
        candidates = [k.strip() for k in (source / KEY).read_text().splitlines() if k.strip()]
    else:
        candidates = []
    if not samples:
        return
    if not candidates:
        raise RestoreRefused(
            "Cadangan ini berisi kontak pelapor yang terenkripsi, tetapi tidak membawa kunci "
            f"enkripsinya (berkas {KEY}) dan SEJUK_ENCRYPTION_KEYS tidak diisi: tanpa kunci "
            "itu kontak tidak akan terbaca. Pemulihan tidak dilakukan. Taruh berkas "
            f"{KEY} yang dulu dipakai di folder cadangan, atau isi SEJUK_ENCRYPTION_KEYS "
            "dengan kunci itu, lalu ulangi."
        )
    if not crypto.opens(candidates, samples):
        source_name = "SEJUK_ENCRYPTION_KEYS" if settings.ENCRYPTION_KEYS else f"berkas {KEY}"
        raise RestoreRefused(
            f"Kunci enkripsi ({source_name}) tidak dapat membuka kontak pelapor dalam "
            "cadangan ini. Pemulihan tidak dilakukan. Pakai kunci yang dulu dipakai oleh "
            "Sejuk yang dicadangkan."
        )


def _occupied() -> list[str]:
    found = []
    if connection.introspection.table_names():
        found.append("basis data berisi tabel")
    data_dir = Path(settings.DATA_DIR)
    database = Path(str(settings.DATABASES["default"]["NAME"]))
    if data_dir.exists():
        for entry in sorted(data_dir.iterdir()):
            if entry.name in EMPTY_LEFTOVERS or entry.name.startswith(database.name):
                continue
            if entry.is_dir() and not any(p.is_file() for p in entry.rglob("*")):
                continue
            found.append(entry.name)
    return found


def _vendor() -> str:
    return "sqlite" if connection.vendor == "sqlite" else "postgresql"


def _label(vendor: object) -> str:
    return {"sqlite": "SQLite", "postgresql": "PostgreSQL"}.get(str(vendor), str(vendor))


def _sqlite_copy(source: Path, target: Path) -> None:
    """SQLite's online backup: one consistent snapshot, writers not held up (WAL)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with (
        closing(sqlite3.connect(source, timeout=20)) as src,
        closing(sqlite3.connect(target)) as dst,
    ):
        src.backup(dst)
        # The copy as one self-contained file, whatever the original's journal.
        dst.execute("PRAGMA journal_mode=DELETE")


def _pg_environment() -> dict[str, str]:
    """The connection for pg_dump and pg_restore, the password out of the process list."""
    db = settings.DATABASES["default"]
    env = {"LC_ALL": "C.UTF-8"}
    for variable, key in (
        ("PGHOST", "HOST"),
        ("PGPORT", "PORT"),
        ("PGUSER", "USER"),
        ("PGPASSWORD", "PASSWORD"),
        ("PGDATABASE", "NAME"),
    ):
        if db.get(key):
            env[variable] = str(db[key])
    options: dict[str, Any] = dict(db.get("OPTIONS") or {})  # type: ignore[call-overload]
    sslmode = options.get("sslmode")
    if sslmode:
        env["PGSSLMODE"] = str(sslmode)
    return env


def _pg_run(program: str, *args: str) -> None:
    path = shutil.which(program)
    if path is None:
        raise Invalid(
            f"{program} tidak ditemukan: pasang paket Debian postgresql-client (versinya "
            "sama dengan server PostgreSQL atau lebih baru)."
        )
    result = subprocess.run(  # noqa: S603 - a fixed program with our own arguments
        [path, *args], env=_pg_environment(), capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        lines = [line for line in result.stderr.splitlines() if line.strip()]
        raise Invalid(f"{program} gagal: {lines[-1] if lines else result.returncode}")


def _pg_dump(target: Path) -> None:
    # One REPEATABLE READ snapshot of the whole database, the server writing meanwhile.
    _pg_run("pg_dump", "--format=custom", f"--file={target}")


def _pg_restore(dump: Path) -> None:
    # All or nothing; tables owned by this database's user, whoever owned them before.
    _pg_run(
        "pg_restore",
        "--single-transaction",
        "--exit-on-error",
        "--no-owner",
        "--no-privileges",
        f"--dbname={settings.DATABASES['default']['NAME']}",
        str(dump),
    )


def _copy_files(source: Path, target: Path) -> int:
    """Every file below ``source`` into ``target``; one removed while copying is skipped
    (no row of the snapshot names it)."""
    count = 0
    if not source.is_dir():
        return count
    for path in sorted(source.rglob("*")):
        if not path.is_file():
            continue
        destination = target / path.relative_to(source)
        destination.parent.mkdir(parents=True, exist_ok=True)
        try:
            shutil.copy2(path, destination)
        except FileNotFoundError:
            continue
        count += 1
    return count


def _copy_secret(source: Path, target: Path) -> bool:
    if not source.exists():
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "wb") as file:
        file.write(source.read_bytes())
    target.chmod(0o600)
    return True
