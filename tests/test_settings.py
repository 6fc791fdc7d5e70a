"""The settings module is the only reader of the environment and fails early, with a hint."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def start_django(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if not k.startswith("SEJUK_")}
    environ.update({"DJANGO_SETTINGS_MODULE": "sejuk.settings", "SEJUK_DATA_DIR": str(tmp_path)})
    environ.update(env)
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); print('ok')"],
        capture_output=True,
        text=True,
        env=environ,
        cwd=REPO,
        timeout=60,
    )


@pytest.mark.parametrize(
    ("variable", "value", "hint"),
    [
        ("SEJUK_PORT", "delapan-ribu", "harus bilangan bulat"),
        ("SEJUK_PORT", "0", "paling kecil 1"),
        ("SEJUK_DEBUG", "mungkin", "gunakan 1/0"),
        ("SEJUK_DATABASE_URL", "mysql://u:p@localhost/db", "hanya sqlite:/// atau postgresql://"),
        ("SEJUK_SECRET_KEY", "pendek", "minimal 32 karakter"),
        ("SEJUK_LANGUAGE", "fr", "pilih id atau en"),
        ("SEJUK_TRUSTED_PROXY", "nginx.lokal", "satu alamat IP"),
    ],
)
def test_a_bad_value_stops_start_up_with_a_hint(tmp_path, variable, value, hint):
    result = start_django(tmp_path, **{variable: value})
    assert result.returncode != 0
    assert variable in result.stderr and hint in result.stderr


def test_good_defaults_start_and_keep_a_generated_secret_key(tmp_path):
    assert start_django(tmp_path).stdout.strip() == "ok"
    key = (tmp_path / "secret_key").read_text()
    assert len(key) >= 50
    assert start_django(tmp_path).returncode == 0
    assert (tmp_path / "secret_key").read_text() == key  # same key after a restart


def test_no_module_but_settings_reads_the_environment():
    offenders = []
    for path in (REPO / "sejuk").rglob("*.py"):
        text = path.read_text()
        if ("os.environ" in text or "os.getenv" in text) and path.name not in {
            "settings.py",
            "cli.py",
            "wsgi.py",
            "asgi.py",
        }:
            offenders.append(str(path.relative_to(REPO)))
    assert offenders == []


def test_sqlite_runs_in_wal_mode_with_immediate_transactions(django_db_blocker):
    from django.db import connection

    with django_db_blocker.unblock():
        if connection.vendor != "sqlite":
            pytest.skip("SQLite only")
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA foreign_keys")
            assert cursor.fetchone()[0] == 1
        assert connection.settings_dict["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
        assert "journal_mode=WAL" in connection.settings_dict["OPTIONS"]["init_command"]
