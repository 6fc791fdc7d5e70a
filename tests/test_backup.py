"""`sejuk backup` while citizens keep reporting, `sejuk restore` into an empty data
folder, on the database the suite runs on (SQLite, or PostgreSQL through pg_dump and
pg_restore). Every report acknowledged before the backup began comes back with its
reporter's contact readable; the morning reports' files come back byte for byte; and
neither a restore nor a start goes ahead without the key that opens the contacts."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

from tests.conftest import requires_program
from tests.served import REPO, SEJUK, Served, fresh_database, serve, server_process

pytestmark = pytest.mark.browser  # a served instance, like the browser journeys
ON_POSTGRESQL = os.environ.get("SEJUK_DATABASE_URL", "").startswith("postgres")


def phone(n: int) -> str:
    return f"0812{n:08d}"


class Citizens(threading.Thread):
    """Citizens filing named reports one after another until told to stop."""

    def __init__(self, url: str) -> None:
        super().__init__(daemon=True)
        self.url = url
        self.acknowledged: list[tuple[int, str]] = []
        self.stopping = threading.Event()

    def run(self) -> None:
        n = 0
        while not self.stopping.is_set():
            n += 1
            body = json.dumps(
                {
                    "category": "provokasi",
                    "description": f"Selebaran hasutan nomor {n} ditempel di pos ronda.",
                    "region": "52.01.07.2002",
                    "anonymous": False,
                    "name": f"Pelapor {n}",
                    "phone": phone(n),
                }
            ).encode()
            request = urllib.request.Request(
                self.url + "/api/public/reports",
                data=body,
                headers={"Content-Type": "application/json"},
            )
            try:
                with urllib.request.urlopen(request, timeout=60) as response:
                    self.acknowledged.append((n, json.loads(response.read())["code"]))
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.1)

    def wait_for(self, count: int) -> None:
        for _ in range(600):
            if len(self.acknowledged) >= count:
                return
            time.sleep(0.1)
        raise RuntimeError(f"only {len(self.acknowledged)} reports acknowledged")


def sejuk(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [SEJUK, *args], env=env, cwd=REPO, capture_output=True, text=True, timeout=600
    )


def python_in(env: dict[str, str], code: str) -> str:
    result = sejuk(env, "shell", "-c", code)
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()[-1]


CONTACTS = (
    "import json; from sejuk.crypto import decrypt; from sejuk.reports.models import Report; "
    "print(json.dumps({r.code: [decrypt(r.reporter_name), decrypt(r.reporter_phone)] "
    "for r in Report.objects.all()}))"
)
FILES = (
    "import json; from sejuk.bulletins.models import Bulletin; "
    "print(json.dumps(sorted(f.name for b in Bulletin.objects.all() for f in (b.pdf, b.docx))))"
)


@dataclass
class Backup:
    served: Served
    path: Path
    before: list[tuple[int, str]]  # acknowledged before the backup began
    during: int  # acknowledged while it ran
    files: list[str]  # the morning reports' files


@pytest.fixture(scope="module")
def backup(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Backup]:
    if ON_POSTGRESQL:
        requires_program("pg_dump", "postgresql-client")
        requires_program("pg_restore", "postgresql-client")
    env = {"SEJUK_RATE_REPORT": "100000/h"}
    with serve(tmp_path_factory.mktemp("kept"), setup_args=("--no-demo",), extra_env=env) as s:
        s.sejuk(
            *("users", "create", "--username", "budi", "--unit", "Polres Lombok Barat"),
            *("--role", "operator"),
        )
        s.sejuk("bulletin", "run-due")
        files = json.loads(python_in(s.env, FILES))
        citizens = Citizens(s.url)
        citizens.start()
        try:
            citizens.wait_for(20)
            before = list(citizens.acknowledged)
            path = tmp_path_factory.mktemp("cadangan") / "2024-12-08"
            made = sejuk(s.env, "backup", str(path))
            during = len(citizens.acknowledged) - len(before)
        finally:
            citizens.stopping.set()
            citizens.join(timeout=60)
        assert made.returncode == 0, made.stderr
        yield Backup(s, path, before, during, files)


@pytest.fixture
def empty_folder(tmp_path: Path) -> Iterator[dict[str, str]]:
    """The environment of an empty data folder (and database) beside the served one."""
    data_dir = tmp_path / "baru"
    with fresh_database(data_dir) as database_url:
        env = {k: v for k, v in os.environ.items() if not k.startswith("SEJUK_")}
        env.update(
            SEJUK_DATA_DIR=str(data_dir),
            SEJUK_DATABASE_URL=database_url,
            SEJUK_BULLETIN_SCHEDULE="0",
        )
        yield env


def tables(env: dict[str, str]) -> str:
    """How many tables the folder's database has, as the command prints it."""
    code = "from django.db import connection; print(len(connection.introspection.table_names()))"
    return python_in(env, code)


def test_a_backup_taken_while_citizens_report_restores_every_acknowledged_report(
    backup, empty_folder
):
    assert backup.during > 0, "no report was filed while the backup ran"
    restored = sejuk(empty_folder, "restore", str(backup.path))
    assert restored.returncode == 0, restored.stderr
    contacts = json.loads(python_in(empty_folder, CONTACTS))
    assert len(contacts) >= len(backup.before)
    for n, code in backup.before:
        assert contacts[code] == [f"Pelapor {n}", "+62" + phone(n)[1:]], code
    # The morning reports' files, byte for byte.
    media = Path(empty_folder["SEJUK_DATA_DIR"]) / "media"
    original = Path(backup.served.env["SEJUK_DATA_DIR"]) / "media"
    assert json.loads(python_in(empty_folder, FILES)) == backup.files
    assert len(backup.files) >= 2
    for name in backup.files:
        assert (media / name).read_bytes() == (original / name).read_bytes()
    # And the restored Sejuk serves at once.
    with server_process(empty_folder) as url, urllib.request.urlopen(url + "/") as page:
        assert page.status == 200


def test_a_restore_without_the_key_is_refused_and_leaves_the_folder_empty(
    backup, empty_folder, tmp_path
):
    keyless = tmp_path / "tanpa-kunci"
    shutil.copytree(backup.path, keyless)
    (keyless / "encryption_key").unlink()
    refused = sejuk(empty_folder, "restore", str(keyless))
    assert refused.returncode != 0
    assert "kunci enkripsi" in refused.stderr and "Traceback" not in refused.stderr
    data_dir = Path(empty_folder["SEJUK_DATA_DIR"])
    assert not (data_dir / "encryption_key").exists()
    assert not (data_dir / "media").exists()
    assert tables(empty_folder) == "0"


def test_a_restore_with_another_key_is_refused(backup, empty_folder):
    other = {**empty_folder, "SEJUK_ENCRYPTION_KEYS": Fernet.generate_key().decode()}
    refused = sejuk(other, "restore", str(backup.path))
    assert refused.returncode != 0
    assert "tidak dapat membuka" in refused.stderr and "Traceback" not in refused.stderr
    assert tables(empty_folder) == "0"


def test_a_restore_into_a_folder_in_use_is_refused(backup):
    refused = sejuk(backup.served.env, "restore", str(backup.path))
    assert refused.returncode != 0
    assert "tidak kosong" in refused.stderr and "Traceback" not in refused.stderr


def test_no_command_starts_without_the_key_or_with_another(backup, empty_folder):
    assert sejuk(empty_folder, "restore", str(backup.path)).returncode == 0
    data_dir = Path(empty_folder["SEJUK_DATA_DIR"])
    key_file = data_dir / "encryption_key"
    other = {**empty_folder, "SEJUK_ENCRYPTION_KEYS": Fernet.generate_key().decode()}
    for command in (("serve", "--port", "1"), ("setup",), ("users", "list")):
        started = sejuk(other, *command)
        assert started.returncode == 2, (command, started.stderr)
        assert "SEJUK_ENCRYPTION_KEYS" in started.stderr and "tidak dapat membuka" in (
            started.stderr
        )
    # A folder copied without its key file: refused, and no new key is made up.
    key = key_file.read_text()
    key_file.unlink()
    for command in (("serve", "--port", "1"), ("setup",), ("users", "list")):
        started = sejuk(empty_folder, *command)
        assert started.returncode == 2, (command, started.stderr)
        assert "kunci enkripsi" in started.stderr and str(key_file) in started.stderr
        assert not key_file.exists()
    # With the key back, it starts.
    key_file.write_text(key)
    assert sejuk(empty_folder, "users", "list").returncode == 0


def test_a_backup_of_a_folder_never_set_up_says_so(empty_folder, tmp_path):
    refused = sejuk(empty_folder, "backup", str(tmp_path / "cadangan"))
    assert refused.returncode != 0
    assert "belum disiapkan" in refused.stderr and "Traceback" not in refused.stderr
    assert not (tmp_path / "cadangan").exists()
